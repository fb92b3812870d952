#pragma once

#include <QString>
#include <QStringList>

namespace shardscope {

// The application's appearance setting: "" follows the system (its style and palette), "light"
// and "dark" use the Fusion style with a light or dark palette, whatever the desktop says (dark
// is easier on a projector). Applying it sets the application palette, which the Theme's
// colours and icons follow at once.
//
// Threads: GUI thread.
class Appearance final
{
public:
    static QString settingsKey();   // "appearance"
    static QStringList modes();     // "", "light", "dark"
    // Applies a mode; an unknown one counts as "". The system style and palette in use before
    // the first call are what "" goes back to.
    static void apply(const QString &mode);
    static QString current();
};

} // namespace shardscope
