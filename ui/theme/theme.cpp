#include "theme/theme.h"

#include <QApplication>
#include <QEvent>
#include <QPalette>
#include <QPointer>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace shardscope {

namespace {

// WCAG AA for normal text.
constexpr double kMinimumContrast = 4.5;

struct Tones
{
    QColor light; // for a light palette: dark enough to read on white
    QColor dark;  // for a dark palette: light enough to read on near-black
};

Tones statusTones(Theme::Status status)
{
    switch (status) {
    case Theme::Status::Ok:
        return {QColor(0x2e, 0x7d, 0x32), QColor(0x81, 0xc7, 0x84)};
    case Theme::Status::Progress:
        return {QColor(0x1f, 0x5f, 0xa8), QColor(0x8a, 0xb4, 0xf8)};
    case Theme::Status::Warning:
        return {QColor(0x8a, 0x53, 0x00), QColor(0xff, 0xca, 0x28)};
    case Theme::Status::Error:
        return {QColor(0xb3, 0x26, 0x1e), QColor(0xff, 0x8a, 0x80)};
    case Theme::Status::Neutral:
        return {QColor(0x5f, 0x63, 0x68), QColor(0xb0, 0xb4, 0xb8)};
    }
    return {QColor(0x5f, 0x63, 0x68), QColor(0xb0, 0xb4, 0xb8)};
}

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// Moves a text colour away from the palette's window and base colours (towards white or black,
// whichever contrasts more with the window) until it reads on both: the tones above are picked
// to pass on the usual palettes, and this keeps them readable on unusual ones (a mid-grey
// window, where only dark text reaches 4.5:1).
QColor readable(QColor colour, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    const bool dark = Theme::contrastRatio(Qt::white, window) >= Theme::contrastRatio(Qt::black, window);
    for (int step = 0; step < 40; ++step) {
        if (Theme::contrastRatio(colour, window) >= kMinimumContrast &&
            Theme::contrastRatio(colour, base) >= kMinimumContrast)
            break;
        const float l = colour.lightnessF();
        colour = QColor::fromHslF(colour.hslHueF(), colour.hslSaturationF(),
                                  dark ? std::min(1.0F, l + 0.025F) : std::max(0.0F, l - 0.025F));
    }
    return colour;
}

QColor mix(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

// Runs the callback when the palette of the widget or of its window changes. The window is
// watched too because an application palette change reaches widgets with a style sheet only
// through their window; the run is queued so that every widget has resolved its new palette
// (they receive the change in no particular order) before the callback reads it.
class PaletteFollower final : public QObject
{
public:
    PaletteFollower(QWidget *widget, std::function<void(const QPalette &)> apply)
        : QObject(widget), m_widget(widget), m_apply(std::move(apply))
    {
        widget->installEventFilter(this);
        watchWindow();
        run();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::ParentChange:
            if (watched == m_widget)
                watchWindow();
            schedule();
            break;
        case QEvent::PaletteChange:
        case QEvent::ApplicationPaletteChange:
            schedule();
            break;
        default:
            break;
        }
        return false;
    }

private:
    void watchWindow()
    {
        if (m_window)
            m_window->removeEventFilter(this);
        m_window = m_widget->window();
        if (m_window != m_widget)
            m_window->installEventFilter(this);
    }

    void schedule()
    {
        if (m_scheduled)
            return;
        m_scheduled = true;
        QMetaObject::invokeMethod(this, [this] { m_scheduled = false; run(); }, Qt::QueuedConnection);
    }

    void run()
    {
        if (!m_widget)
            return;
        m_apply(Theme::paletteFor(m_widget));
    }

    QPointer<QWidget> m_widget;
    QPointer<QWidget> m_window;
    std::function<void(const QPalette &)> m_apply;
    bool m_scheduled = false;
};

} // namespace

Theme::Status Theme::of(StreamStatus streamStatus)
{
    switch (streamStatus) {
    case StreamStatus::Active: return Status::Ok;
    case StreamStatus::Creating:
    case StreamStatus::Updating: return Status::Progress;
    case StreamStatus::Deleting: return Status::Error;
    }
    return Status::Neutral;
}

Theme::Status Theme::of(ConsumerStatus consumerStatus)
{
    switch (consumerStatus) {
    case ConsumerStatus::Active: return Status::Ok;
    case ConsumerStatus::Creating: return Status::Progress;
    case ConsumerStatus::Deleting: return Status::Error;
    }
    return Status::Neutral;
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor Theme::status(Status tone, const QPalette &palette)
{
    const Tones tones = statusTones(tone);
    return readable(isDark(palette) ? tones.dark : tones.light, palette);
}

QColor Theme::badgeText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white);
}

QString Theme::badgeStyleSheet(Status s, const QPalette &palette)
{
    return QStringLiteral("color: %1; background: %2; padding: 1px 8px; border-radius: 8px; font-weight: bold;")
        .arg(badgeText(palette).name(), status(s, palette).name());
}

QString Theme::bannerStyleSheet(Status s, const QPalette &palette)
{
    return QStringLiteral("color: %1; background: %2; padding: 4px 8px; border-radius: 3px;")
        .arg(badgeText(palette).name(), status(s, palette).name());
}

QColor Theme::noticeBackground(Status s, const QPalette &palette)
{
    // A quarter of the status tone over the window: a tint, under text in the window's colour.
    return mix(status(s, palette), palette.color(QPalette::Window), isDark(palette) ? 0.3 : 0.22);
}

QColor Theme::noticeText(const QPalette &palette)
{
    return palette.color(QPalette::WindowText);
}

QColor Theme::heat(double share, const QPalette &palette)
{
    const bool dark = isDark(palette);
    // Stops: comfortable, near the limit, at the limit.
    const QColor green = dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x43, 0xa0, 0x47);
    const QColor amber = dark ? QColor(0xff, 0xca, 0x28) : QColor(0xf9, 0xa8, 0x25);
    const QColor red = dark ? QColor(0xef, 0x53, 0x50) : QColor(0xe5, 0x39, 0x35);
    if (!std::isfinite(share) || share <= kHeatComfortable)
        return std::isnan(share) || share <= kHeatComfortable ? green : red;
    auto between = [](const QColor &from, const QColor &to, double t) {
        // In HSL, so the hue moves straight from green through amber to red.
        return QColor::fromHslF(float(from.hslHueF() + (to.hslHueF() - from.hslHueF()) * t),
                                float(from.hslSaturationF() + (to.hslSaturationF() - from.hslSaturationF()) * t),
                                float(from.lightnessF() + (to.lightnessF() - from.lightnessF()) * t));
    };
    if (share < kHeatNear)
        return between(green, amber, (share - kHeatComfortable) / (kHeatNear - kHeatComfortable));
    if (share < kHeatLimit)
        return between(amber, red, (share - kHeatNear) / (kHeatLimit - kHeatNear));
    return red;
}

QColor Theme::use(double share, bool throttled, const QPalette &palette)
{
    QColor colour = heat(throttled ? kHeatLimit : share, palette);
    // About 60 %: strong enough to tell amber from green on both palettes, light enough that a
    // wide band of idle shards does not shout.
    colour.setAlpha(150);
    return colour;
}

QColor Theme::over(const QColor &colour, const QColor &background)
{
    return mix(colour, background, colour.alphaF());
}

QColor Theme::category(qsizetype n)
{
    // Tableau's ten and two more.
    static const QColor kCategories[] = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
        QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48),
        QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
        QColor(0xba, 0xb0, 0xac), QColor(0x1f, 0x77, 0xb4), QColor(0x8c, 0x56, 0x4b),
    };
    constexpr qsizetype count = sizeof(kCategories) / sizeof(kCategories[0]);
    const QColor colour = kCategories[n % count];
    if (n < count)
        return colour;
    return QColor::fromHsv((colour.hue() + 37 * int(n / count)) % 360, colour.saturation(), colour.value());
}

QColor Theme::series(Series s, const QPalette &palette)
{
    QColor colour;
    switch (s) {
    case Series::Blue: colour = QColor(0x3b, 0x82, 0xc4); break;
    case Series::Green: colour = QColor(0x2e, 0x9e, 0x5b); break;
    case Series::Red: colour = QColor(0xd9, 0x3f, 0x3f); break;
    case Series::Orange: colour = QColor(0xe0, 0x8a, 0x1e); break;
    case Series::Purple: colour = QColor(0x8e, 0x5c, 0xc2); break;
    case Series::Grey: colour = QColor(0x80, 0x80, 0x80); break;
    }
    // Lines and bars on ChartThemeDark's background want a little more light.
    return isDark(palette) ? colour.lighter(125) : colour;
}

QColor Theme::syntax(Syntax role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    QColor colour;
    switch (role) {
    case Syntax::Key: colour = dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x0b, 0x4f, 0x9e); break;
    case Syntax::String: colour = dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15); break;
    case Syntax::Number: colour = dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x70, 0x4a); break;
    case Syntax::Keyword: colour = dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x80, 0x00, 0x80); break;
    case Syntax::Punctuation: colour = dark ? QColor(0x9a, 0x9a, 0x9a) : QColor(0x66, 0x66, 0x66); break;
    }
    return readable(colour, palette);
}

double Theme::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette Theme::paletteFor(const QWidget *widget)
{
    if (!widget)
        return QApplication::palette();
    if (const QWidget *parent = widget->parentWidget())
        return parent->palette();
    return QApplication::palette(widget);
}

void Theme::follow(QWidget *widget, std::function<void(const QPalette &)> apply)
{
    new PaletteFollower(widget, std::move(apply));
}

void Theme::colourText(QWidget *widget, Status tone)
{
    follow(widget, [widget, tone](const QPalette &palette) {
        const QColor colour = Theme::status(tone, palette);
        QPalette own = widget->palette();
        if (own.color(QPalette::WindowText) == colour && own.color(QPalette::Text) == colour)
            return;
        own.setColor(QPalette::WindowText, colour);
        own.setColor(QPalette::Text, colour);
        widget->setPalette(own);
    });
}

void Theme::setStyleSheet(QWidget *widget, const QString &styleSheet)
{
    if (widget->styleSheet() != styleSheet)
        widget->setStyleSheet(styleSheet);
}

} // namespace shardscope
