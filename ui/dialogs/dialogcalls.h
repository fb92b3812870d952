#pragma once

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "inlineerrorlabel.h"

#include <QString>

#include <functional>
#include <utility>

class QDialog;
class QDialogButtonBox;
class QLabel;
class QLayout;
class QObject;
class QPushButton;

namespace shardscope {

// The parts the stream dialogs share: the bottom of their layout, loading the stream summary
// and running one change at a time. Texts stay with the callers, so each keeps its own tr()
// context. Threads: GUI thread.
class DialogCalls final
{
public:
    DialogCalls() = delete;

    // Names the error line, the button box and the primary button (which becomes the default).
    static void nameButtons(InlineErrorLabel *errorLabel, QDialogButtonBox *buttons,
                            QPushButton *primary, const QString &primaryName);
    // Form on top, then the error line, the stretch and the buttons; a minimum width and the
    // height fitter.
    static void stack(QDialog *dialog, QLayout *form, InlineErrorLabel *errorLabel,
                      QDialogButtonBox *buttons, int minimumWidth);

    // Reads the summary of `streamName` and hands it to `loaded`. Without a backend, or when
    // the read fails, `currentLabel` says `unknownText` and the error line says why; after a
    // failure `refresh` runs.
    static void loadSummary(QObject *context, StreamBackend *backend, const QString &streamName,
                            QLabel *currentLabel, InlineErrorLabel *errorLabel,
                            const QString &unknownText, const QString &closedText,
                            std::function<void()> refresh,
                            std::function<void(const StreamDescriptionSummary &)> loaded);

    // A call's future without its answer, for change() when only success matters. The
    // conversion runs wherever the result is reported; it touches nothing else.
    template <typename T>
    static BackendFuture<void> discardValue(BackendFuture<T> future)
    {
        return future.then([](BackendResult<T> result) -> BackendResult<void> {
            if (!result)
                return std::unexpected(result.error());
            return {};
        });
    }

    // Runs one change: `busy` is set and the error line cleared while `start()`'s call runs
    // (`refresh` shows that); a failure is shown on the error line, success calls `done`.
    template <typename Start, typename Done>
    static void change(QObject *context, bool &busy, InlineErrorLabel *errorLabel,
                       std::function<void()> refresh, Start &&start, Done &&done)
    {
        busy = true;
        errorLabel->clearMessage();
        refresh();
        onResult(context, std::forward<Start>(start)(),
                 [&busy, errorLabel, refresh = std::move(refresh),
                  done = std::forward<Done>(done)](BackendResult<void> result) mutable {
                     busy = false;
                     if (!result) {
                         errorLabel->showError(result.error());
                         refresh();
                         return;
                     }
                     done();
                 });
    }
};

} // namespace shardscope
