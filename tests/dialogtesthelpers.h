#pragma once

// Shared by the stream-dialog tests: an emulator backend over an engine in a temporary
// directory, finding a dialog's named widgets, typing into them, and reading the inline error a
// refused call leaves.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "dialogs/inlineerrorlabel.h"
#include "engine/engine.h"

#include <QAbstractButton>
#include <QLocale>
#include <QSpinBox>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

namespace shardscope::testing {

// Messages quote counts in the user's locale; pin it so the expected texts are exact.
inline void pinEnglishLocale()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

// A fresh directory, engine (no status delays) and emulator backend; false if one failed.
inline bool openEmulator(QTemporaryDir *&dir, std::unique_ptr<Engine> &engine,
                         std::unique_ptr<EmulatorBackend> &backend)
{
    dir = new QTemporaryDir;
    if (!dir->isValid())
        return false;
    engine = openEngine(*dir);
    if (!engine)
        return false;
    backend = std::make_unique<EmulatorBackend>(*engine);
    return true;
}

// Tears down what openEmulator() made, backend first.
inline void closeEmulator(QTemporaryDir *&dir, std::unique_ptr<Engine> &engine,
                          std::unique_ptr<EmulatorBackend> &backend)
{
    backend.reset();
    engine.reset();
    delete dir;
    dir = nullptr;
}

// The dialog's child called `name`; warns (and returns null) when there is none.
template<typename T>
T *child(QWidget *dialog, const QString &name)
{
    T *widget = dialog->findChild<T *>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

// Replaces the spin box's text with `value`, as typed.
inline void typeValue(QSpinBox *spin, int value)
{
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
}

// Clicks `button` and waits for the dialog's error line; its text, or empty if none showed.
inline QString clickAndReadError(QWidget *dialog, QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton);
    auto *error = child<InlineErrorLabel>(dialog, QStringLiteral("errorLabel"));
    if (!error || !QTest::qWaitFor([error] { return error->isVisible(); }))
        return QString();
    return error->text();
}

} // namespace shardscope::testing
