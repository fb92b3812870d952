#pragma once

#include "kinesis/api.h"

#include <QColor>
#include <QObject>

#include <functional>

class QPalette;
class QWidget;

namespace shardscope {

// Shardscope's own colours, by meaning rather than by value: the status tones (text, badges),
// the heat scale for traffic against a limit (the shard map, the usage bars), the chart series
// and the highlighting of JSON. Every colour is chosen for the palette it is asked about: a dark
// window colour (lightness < 128) gets light tones, a light one dark tones, so text in these
// colours keeps a contrast of at least 4.5:1 (WCAG AA) against the window and base colours.
//
// Widgets that keep a colour (a style sheet, a palette entry, a text format) take it through
// Theme::follow(), which applies it again when the palette changes.
//
// Threads: GUI thread.
class Theme final
{
public:
    enum class Status {
        Ok,       // active, open, done
        Progress, // creating, updating, in flight
        Warning,  // needs attention, nothing failed
        Error,    // failed, deleting, throttled
        Neutral,  // closed, unknown, idle
    };
    // Chart series tones, distinct from one another on both palettes.
    enum class Series { Blue, Green, Red, Orange, Purple, Grey };
    enum class Syntax { Key, String, Number, Keyword, Punctuation };

    // The tone of a stream's or consumer's status: active is Ok, creating and updating are in
    // Progress, deleting is Error (it is going away).
    static Status of(StreamStatus streamStatus);
    static Status of(ConsumerStatus consumerStatus);

    // True when the palette's window colour is dark.
    static bool isDark(const QPalette &palette);

    // A status colour for text (and icons) on the window or base colour.
    static QColor status(Status tone, const QPalette &palette);
    // A badge: text in badgeText() on a fill of status(); readable on both palettes.
    static QColor badgeText(const QPalette &palette);
    // The style sheet of a rounded status badge (a QLabel).
    static QString badgeStyleSheet(Status tone, const QPalette &palette);
    // A full-width message banner (errors over a page), text in badgeText().
    static QString bannerStyleSheet(Status tone, const QPalette &palette);
    // The pale background of a notice band (the live-connection banner), with its text colour.
    static QColor noticeBackground(Status tone, const QPalette &palette);
    static QColor noticeText(const QPalette &palette);

    // Traffic against a limit: `share` is the used fraction (0 = idle, 1 = at the limit, more
    // = over). Green up to 0.5, through amber at 0.8 to red at 1 and beyond; the hue never
    // rises as the share grows. Opaque; lay it under text at partial opacity.
    static QColor heat(double share, const QPalette &palette);
    // The stops of the heat scale: the share where green starts to turn, where it is amber and
    // where it is red.
    static constexpr double kHeatComfortable = 0.5;
    static constexpr double kHeatNear = 0.8;
    static constexpr double kHeatLimit = 1.0;
    // A shard's use of its limit as the shard map and the shards table's use bars both draw it:
    // heat(share), or the at-limit red whenever the shard was throttled, whatever its share
    // (a throttled shard is at its limit, even when the window's average is lower). Translucent,
    // to be laid over the base colour: a tint under text in the palette's text colour, rather
    // than a block of full colour.
    static QColor use(double share, bool throttled, const QPalette &palette);
    // What a translucent colour looks like laid over an opaque background (opaque).
    static QColor over(const QColor &colour, const QColor &background);

    static QColor series(Series series, const QPalette &palette);
    // The n-th of a set of colours that stay apart on light and dark backgrounds, for things that
    // only need telling apart (the workers of a consumer group); past twelve, the same colours
    // with their hue turned.
    static QColor category(qsizetype n);
    static QColor syntax(Syntax role, const QPalette &palette);

    // WCAG 2 contrast ratio of two opaque colours (1 … 21).
    static double contrastRatio(const QColor &a, const QColor &b);

    // The palette a widget's theme colours are chosen for: its parent's (a style sheet may have
    // changed the widget's own window colour), else the widget's, else the application's.
    static QPalette paletteFor(const QWidget *widget);

    // Calls `apply` with paletteFor(widget) now and again whenever the widget's or the
    // application's palette changes, for as long as the widget lives.
    static void follow(QWidget *widget, std::function<void(const QPalette &)> apply);
    // Shows a widget's text (a label's message) in a status colour, kept on palette changes.
    static void colourText(QWidget *widget, Status tone);
    // Sets a widget's style sheet only if it differs, so that following the palette never
    // loops through the StyleChange a new style sheet sends.
    static void setStyleSheet(QWidget *widget, const QString &styleSheet);
};

} // namespace shardscope
