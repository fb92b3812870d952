#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSettings;

namespace shardscope {

// Preferences: the interface language (system, English, German, French; applied at the next
// start, which the dialog says), the appearance (system, light or dark; applied at once) and
// whether demo events trickle into the demo stream.
//
// Threads: GUI thread.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(QSettings *settings, QWidget *parent = nullptr);

    // The settings key and values main() reads at start: "" follows the system locale.
    static QString languageKey();
    static QStringList languages(); // "", "en", "de", "fr"

signals:
    void demoEventsChanged(bool on);

private:
    void apply();

    QSettings *m_settings;
    QComboBox *m_language;
    QComboBox *m_appearance;
    QCheckBox *m_demoEvents;
    QLabel *m_restartNote;
};

} // namespace shardscope
