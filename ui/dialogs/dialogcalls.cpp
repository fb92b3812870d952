#include "dialogcalls.h"

#include "heightfitter.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

void DialogCalls::nameButtons(InlineErrorLabel *errorLabel, QDialogButtonBox *buttons,
                              QPushButton *primary, const QString &primaryName)
{
    errorLabel->setObjectName(u"errorLabel"_s);
    buttons->setObjectName(u"buttonBox"_s);
    primary->setObjectName(primaryName);
    primary->setDefault(true);
}

void DialogCalls::stack(QDialog *dialog, QLayout *form, InlineErrorLabel *errorLabel,
                        QDialogButtonBox *buttons, int minimumWidth)
{
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(errorLabel);
    layout->addStretch(1);
    layout->addWidget(buttons);
    dialog->setMinimumWidth(minimumWidth);
    HeightFitter::install(dialog);
}

void DialogCalls::loadSummary(QObject *context, StreamBackend *backend, const QString &streamName,
                              QLabel *currentLabel, InlineErrorLabel *errorLabel,
                              const QString &unknownText, const QString &closedText,
                              std::function<void()> refresh,
                              std::function<void(const StreamDescriptionSummary &)> loaded)
{
    if (!backend) {
        currentLabel->setText(unknownText);
        errorLabel->showMessage(closedText);
        return;
    }
    onResult(context, backend->describeStreamSummary(StreamTarget::byName(streamName)),
             [currentLabel, errorLabel, unknownText, refresh = std::move(refresh),
              loaded = std::move(loaded)](BackendResult<StreamDescriptionSummary> result) {
                 if (!result) {
                     currentLabel->setText(unknownText);
                     errorLabel->showError(result.error());
                     refresh();
                     return;
                 }
                 loaded(*result);
             });
}

} // namespace shardscope
