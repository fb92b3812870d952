#pragma once

#include "kinesis/api.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// The account-wide settings of one connection (Describe/UpdateAccountSettings): the minimum
// throughput billing commitment of on-demand streams, which warm throughput needs. Once enabled
// it runs at least 24 hours; turning it off sooner ends it at the earliest allowed time.
//
// Emits accountSettingsChanged() and accepts once the backend applied it. Meant for open(); does
// not delete itself. Threads: GUI thread; does not own the backend.
class AccountSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountSettingsDialog)

public:
    explicit AccountSettingsDialog(StreamBackend *backend, QWidget *parent = nullptr);
    ~AccountSettingsDialog() override;

    // "Enabled since …", "Disabled", "Ending …" for a commitment.
    static QString describe(const MinimumThroughputBillingCommitment &commitment);

signals:
    void accountSettingsChanged(const shardscope::AccountSettings &settings);

private:
    void load();
    void showSettings(const AccountSettings &settings);
    void updateState();
    void submit();

    QPointer<StreamBackend> m_backend;
    QLabel *m_currentLabel;
    QCheckBox *m_commitmentCheck;
    QLabel *m_hintLabel;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_applyButton;

    std::optional<MinimumThroughputBillingCommitment> m_current; // unset until loaded
    bool m_busy = false;
};

} // namespace shardscope
