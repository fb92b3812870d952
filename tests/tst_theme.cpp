// Shardscope's theme: colours by meaning for light and dark palettes, readable (WCAG AA) on
// both; the heat scale's order and its one use of it for the shard map and the usage bars; widgets that follow a palette change (the inline error label,
// the stream status badge, the records page's messages); the line icons drawn in a colour; the
// Appearance setting; the desktop entry's required keys.
#include "backend/emulatorbackend.h"
#include "consumers/consumerstatusdelegate.h"
#include "dialogs/inlineerrorlabel.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "models/streamsummarymodel.h"
#include "settingsdialog.h"
#include "shardmapwidget.h"
#include "streampage.h"
#include "theme/appearance.h"
#include "theme/theme.h"
#include "theme/themeicons.h"
#include "usagebardelegate.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

const Theme::Status kStatuses[] = {Theme::Status::Ok, Theme::Status::Progress, Theme::Status::Warning,
                                   Theme::Status::Error, Theme::Status::Neutral};
const Theme::Syntax kSyntax[] = {Theme::Syntax::Key, Theme::Syntax::String, Theme::Syntax::Number,
                                 Theme::Syntax::Keyword, Theme::Syntax::Punctuation};

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

QPalette darkPalette()
{
    QPalette p(QColor(0x2d, 0x2f, 0x33));
    p.setColor(QPalette::Window, QColor(0x2d, 0x2f, 0x33));
    p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
    return p;
}

// A window colour in the middle, where no fixed tone is sure to read.
QPalette greyPalette(int grey)
{
    QPalette p(QColor(grey, grey, grey));
    p.setColor(QPalette::Window, QColor(grey, grey, grey));
    p.setColor(QPalette::Base, QColor(grey, grey, grey));
    return p;
}

double minContrast(const QColor &colour, const QPalette &palette)
{
    return std::min(Theme::contrastRatio(colour, palette.color(QPalette::Window)),
                    Theme::contrastRatio(colour, palette.color(QPalette::Base)));
}

int countPixels(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() > 200 && std::abs(pixel.red() - colour.red()) < 8 &&
                std::abs(pixel.green() - colour.green()) < 8 && std::abs(pixel.blue() - colour.blue()) < 8)
                ++count;
        }
    return count;
}

} // namespace

class TestTheme final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        QApplication::setPalette(m_original);
    }

    void initTestCase()
    {
        m_original = QApplication::palette();
    }

    void contrastRatioFollowsWcag()
    {
        QCOMPARE(Theme::contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(Theme::contrastRatio(Qt::white, Qt::black), 21.0);
        QCOMPARE(Theme::contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        // #767676 on white is the usual example of just passing AA (4.54:1).
        QVERIFY(qAbs(Theme::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void darknessComesFromTheWindowColour()
    {
        QVERIFY(!Theme::isDark(lightPalette()));
        QVERIFY(Theme::isDark(darkPalette()));
        QVERIFY(Theme::isDark(greyPalette(100)));
        QVERIFY(!Theme::isDark(greyPalette(160)));
    }

    void textColoursReadOnBothPalettes()
    {
        const QPalette light = lightPalette();
        const QPalette dark = darkPalette();
        for (const Theme::Status status : kStatuses) {
            const QColor onLight = Theme::status(status, light);
            const QColor onDark = Theme::status(status, dark);
            QVERIFY2(onLight != onDark, qPrintable(onLight.name()));
            QVERIFY2(minContrast(onLight, light) >= 4.5, qPrintable(onLight.name()));
            QVERIFY2(minContrast(onDark, dark) >= 4.5, qPrintable(onDark.name()));
            // Badges: their text on their fill.
            QVERIFY(Theme::contrastRatio(Theme::badgeText(light), onLight) >= 4.5);
            QVERIFY(Theme::contrastRatio(Theme::badgeText(dark), onDark) >= 4.5);
            // Notice bands: the window's text on the tint.
            QVERIFY(Theme::contrastRatio(Theme::noticeText(light), Theme::noticeBackground(status, light)) >= 4.5);
            QVERIFY(Theme::contrastRatio(Theme::noticeText(dark), Theme::noticeBackground(status, dark)) >= 4.5);
        }
        for (const Theme::Syntax syntax : kSyntax) {
            QVERIFY(Theme::syntax(syntax, light) != Theme::syntax(syntax, dark));
            QVERIFY(minContrast(Theme::syntax(syntax, light), light) >= 4.5);
            QVERIFY(minContrast(Theme::syntax(syntax, dark), dark) >= 4.5);
        }
        // The statuses stay apart from one another.
        for (const QPalette &palette : {light, dark})
            for (const Theme::Status a : kStatuses)
                for (const Theme::Status b : kStatuses)
                    if (a != b)
                        QVERIFY(Theme::status(a, palette) != Theme::status(b, palette));
    }

    void textColoursReadOnMidGreyWindows()
    {
        // Fixed tones fail here; the theme moves them until they read.
        for (const int grey : {96, 120, 127, 128, 140, 170}) {
            const QPalette palette = greyPalette(grey);
            for (const Theme::Status status : kStatuses)
                QVERIFY2(minContrast(Theme::status(status, palette), palette) >= 4.5,
                         qPrintable(u"grey %1"_s.arg(grey)));
        }
    }

    void heatScaleIsMonotonic()
    {
        for (const QPalette &palette : {lightPalette(), darkPalette()}) {
            const QColor idle = Theme::heat(0.0, palette);
            const QColor full = Theme::heat(1.0, palette);
            QVERIFY(idle.green() > idle.red());
            QVERIFY(full.red() > full.green());
            QCOMPARE(Theme::heat(1.5, palette), full);
            QCOMPARE(Theme::heat(-0.2, palette), idle);
            // From green (hue ~120°) down to red (~0°): the hue never rises, and it falls overall.
            double previous = 360;
            for (int i = 0; i <= 150; ++i) {
                const double hue = Theme::heat(i / 100.0, palette).hslHueF() * 360;
                QVERIFY2(hue <= previous + 1e-3, qPrintable(u"share %1: hue %2 after %3"_s.arg(i / 100.0).arg(hue).arg(previous)));
                previous = hue;
            }
            QVERIFY(idle.hslHueF() * 360 > 90);
            QVERIFY(full.hslHueF() * 360 < 15);
            // Near the limit is amber, between the two.
            const double near = Theme::heat(0.8, palette).hslHueF() * 360;
            QVERIFY(near > 30 && near < 60);
        }
        QVERIFY(Theme::heat(0.5, lightPalette()) != Theme::heat(0.5, darkPalette()));
    }

    void shardMapAndUsageBarsShareOneScale()
    {
        for (const QPalette &palette : {lightPalette(), darkPalette()}) {
            const ShardMapColours band = ShardMapColours::fromPalette(palette);
            const QColor base = palette.color(QPalette::Base);
            const QRgb green = Theme::heat(0.0, palette).rgb();
            const QRgb amber = Theme::heat(Theme::kHeatNear, palette).rgb();
            const QRgb red = Theme::heat(Theme::kHeatLimit, palette).rgb();
            // The thresholds: green up to the comfortable stop, amber at near, red from the limit.
            QCOMPARE(Theme::use(0.0, false, palette).rgb(), green);
            QCOMPARE(Theme::use(Theme::kHeatComfortable, false, palette).rgb(), green);
            QVERIFY(Theme::use(0.65, false, palette).rgb() != green);
            QVERIFY(Theme::use(0.65, false, palette).rgb() != amber);
            QCOMPARE(Theme::use(Theme::kHeatNear, false, palette).rgb(), amber);
            QCOMPARE(Theme::use(1.0, false, palette).rgb(), red);
            QCOMPARE(Theme::use(2.5, false, palette).rgb(), red);
            // A throttled shard is at its limit whatever its average share.
            QCOMPARE(Theme::use(0.1, true, palette).rgb(), red);
            // A tint, laid over the background.
            QVERIFY(Theme::use(0.3, false, palette).alpha() > 100 && Theme::use(0.3, false, palette).alpha() < 200);
            const QColor tint = Theme::over(Theme::use(0.0, false, palette), base);
            QCOMPARE(tint.alpha(), 255);
            QVERIFY(std::abs(tint.lightness() - base.lightness()) < std::abs(Theme::heat(0.0, palette).lightness() - base.lightness()));
            // The same use, the same colour, in the table's bar and on the band (which lays it
            // over the base colour as the bar lies over a table cell).
            for (int percent = 0; percent <= 150; percent += 5) {
                for (const bool throttled : {false, true}) {
                    const double share = percent / 100.0;
                    const QColor expected = Theme::use(share, throttled, palette);
                    QCOMPARE(UsageBarDelegate::barColour(share, throttled, palette), expected);
                    QCOMPARE(band.forUse(share, throttled), Theme::over(expected, base));
                }
            }
            QCOMPARE(band.forUse(std::nullopt), band.unknown);
        }
        QVERIFY(Theme::use(0.7, false, lightPalette()) != Theme::use(0.7, false, darkPalette()));

        // And the band paints with it: three shards at 30 %, 65 % and 20 % but throttled.
        ShardMapWidget map;
        map.setPalette(darkPalette());
        const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(3);
        const std::pair<double, bool> uses[] = {{0.3, false}, {0.65, false}, {0.2, true}};
        QList<BandShard> shards;
        for (int i = 0; i < 3; ++i) {
            BandShard shard;
            shard.row = i;
            shard.shardId = u"shardId-00000000000%1"_s.arg(i);
            shard.range = ranges[i];
            shard.use = uses[i].first;
            shard.throttled = uses[i].second;
            shards.append(shard);
        }
        map.setShards(shards);
        map.resize(900, 240);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const QImage image = map.grab().toImage();
        const qreal scale = image.devicePixelRatio();
        for (int i = 0; i < 3; ++i) {
            // Just inside the segment's top edge, clear of its centred labels.
            const QRectF r = map.bandLayout().rectOf(i);
            const QColor painted = image.pixelColor(int(r.center().x() * scale), int((r.top() + 3) * scale));
            QCOMPARE(painted.rgb(), Theme::over(Theme::use(uses[i].first, uses[i].second, darkPalette()),
                                                darkPalette().color(QPalette::Base)).rgb());
        }
    }

    void streamAndConsumerStatusesHaveTones()
    {
        QCOMPARE(Theme::of(StreamStatus::Active), Theme::Status::Ok);
        QCOMPARE(Theme::of(StreamStatus::Creating), Theme::Status::Progress);
        QCOMPARE(Theme::of(StreamStatus::Updating), Theme::Status::Progress);
        QCOMPARE(Theme::of(StreamStatus::Deleting), Theme::Status::Error);
        QCOMPARE(Theme::of(ConsumerStatus::Active), Theme::Status::Ok);
        QCOMPARE(Theme::of(ConsumerStatus::Creating), Theme::Status::Progress);
        QCOMPARE(ConsumerStatusDelegate::colorOf(ConsumerStatus::Deleting, darkPalette()),
                 Theme::status(Theme::Status::Error, darkPalette()));
    }

    void inlineErrorLabelFollowsPaletteChange()
    {
        QApplication::setPalette(lightPalette());
        QWidget form;
        auto *label = new InlineErrorLabel(&form);
        label->showMessage(u"ValidationException: bad"_s);
        form.show();
        QCOMPARE(label->palette().color(QPalette::WindowText), Theme::status(Theme::Status::Error, lightPalette()));

        QApplication::setPalette(darkPalette());
        const QColor darkRed = Theme::status(Theme::Status::Error, darkPalette());
        QTRY_COMPARE(label->palette().color(QPalette::WindowText), darkRed);
        QVERIFY(Theme::contrastRatio(label->palette().color(QPalette::WindowText),
                                     form.palette().color(QPalette::Window)) >= 4.5);
        // Its own palette keeps following the window colour, not a stale copy.
        QCOMPARE(label->palette().color(QPalette::Window), darkPalette().color(QPalette::Window));

        QApplication::setPalette(lightPalette());
        QTRY_COMPARE(label->palette().color(QPalette::WindowText),
                     Theme::status(Theme::Status::Error, lightPalette()));
    }

    void followedStyleSheetChangesWithPalette()
    {
        QApplication::setPalette(lightPalette());
        QWidget window;
        auto *badge = new QLabel(u"ACTIVE"_s, &window);
        int runs = 0;
        Theme::follow(badge, [badge, &runs](const QPalette &palette) {
            ++runs;
            Theme::setStyleSheet(badge, Theme::badgeStyleSheet(Theme::Status::Ok, palette));
        });
        window.show();
        QVERIFY(badge->styleSheet().contains(Theme::status(Theme::Status::Ok, lightPalette()).name()));
        QApplication::setPalette(darkPalette());
        QTRY_VERIFY(badge->styleSheet().contains(Theme::status(Theme::Status::Ok, darkPalette()).name()));
        // Setting the style sheet does not start a loop of palette changes.
        QTest::qWait(50);
        const int settled = runs;
        QTest::qWait(100);
        QCOMPARE(runs, settled);
        QVERIFY(runs < 10);
    }

    void streamStatusBadgeFollowsPalette()
    {
        QApplication::setPalette(lightPalette());
        QTemporaryDir dir;
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = std::make_shared<ManualClock>(1'700'000'000'000);
        options.createDelayMs = 0;
        auto engine = Engine::open(options);
        QVERIFY(engine);
        QVERIFY((*engine)->createStream(CreateStreamRequest{u"s"_s, 1, {}, {}, {}}).has_value());
        EmulatorBackend backend(**engine);
        StreamPage page({}, {});
        page.setStream(&backend, u"s"_s);
        page.show();
        QTRY_VERIFY(page.summaryModel()->summary().has_value());
        auto *status = page.findChild<QLabel *>(u"streamStatus"_s);
        QVERIFY(status);
        QCOMPARE(status->text(), u"ACTIVE"_s);
        QTRY_VERIFY(status->styleSheet().contains(Theme::status(Theme::Status::Ok, lightPalette()).name()));
        QVERIFY(status->styleSheet().contains(Theme::badgeText(lightPalette()).name()));

        QApplication::setPalette(darkPalette());
        QTRY_VERIFY(status->styleSheet().contains(Theme::status(Theme::Status::Ok, darkPalette()).name()));
        QVERIFY(status->styleSheet().contains(Theme::badgeText(darkPalette()).name()));
    }

    void iconsAreDrawnInTheAskedColour()
    {
        const QStringList names{u"connection-local"_s, u"connection-aws"_s, u"stream"_s, u"stream-busy"_s,
                                u"shard-open"_s, u"shard-closed"_s, u"consumer"_s, u"new-stream"_s,
                                u"refresh"_s, u"serve"_s, u"demo-events"_s, u"producers"_s,
                                u"command-palette"_s, u"settings"_s, u"delete-stream"_s,
                                u"add-connection"_s};
        const QColor colour(0xc0, 0x20, 0x20);
        for (const QString &name : names) {
            const QByteArray svg = ThemeIcons::svg(name, colour);
            QVERIFY2(svg.contains("viewBox=\"0 0 24 24\""), qPrintable(name));
            QVERIFY2(!svg.contains("currentColor") && svg.contains("#c02020"), qPrintable(name));
            const QIcon icon = ThemeIcons::icon(name, colour);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            const QImage image = icon.pixmap(QSize(24, 24)).toImage();
            QVERIFY2(countPixels(image, colour) > 10, qPrintable(name));
            QCOMPARE(countPixels(image, QColor(Qt::black)), 0);
        }
        QVERIFY(ThemeIcons::icon(u"no-such-icon"_s, colour).isNull());
        // The application icon loads too (the SVG icon engine is there).
        QVERIFY(!QIcon(u":/icons/shardscope.svg"_s).pixmap(QSize(32, 32)).isNull());
    }

    void appearanceSettingSetsThePalette()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        {
            SettingsDialog dialog(&settings);
            auto *combo = dialog.findChild<QComboBox *>(u"appearance"_s);
            QVERIFY(combo);
            QCOMPARE(combo->count(), 3);
            combo->setCurrentIndex(combo->findData(u"dark"_s));
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        }
        QCOMPARE(settings.value(Appearance::settingsKey()).toString(), u"dark"_s);
        QCOMPARE(Appearance::current(), u"dark"_s);
        QVERIFY(Theme::isDark(QApplication::palette()));
        QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
        QVERIFY(Theme::contrastRatio(QApplication::palette().color(QPalette::WindowText),
                                     QApplication::palette().color(QPalette::Window)) >= 7);
        {
            SettingsDialog dialog(&settings);
            auto *combo = dialog.findChild<QComboBox *>(u"appearance"_s);
            QCOMPARE(combo->currentData().toString(), u"dark"_s); // read back from the settings
            combo->setCurrentIndex(combo->findData(u"light"_s));
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        }
        QVERIFY(!Theme::isDark(QApplication::palette()));
        QCOMPARE(settings.value(Appearance::settingsKey()).toString(), u"light"_s);
        Appearance::apply(QString());
        QCOMPARE(Appearance::current(), QString());
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_original.color(QPalette::Window));
        Appearance::apply(u"nonsense"_s); // counts as the system's
        QCOMPARE(Appearance::current(), QString());
    }

    void desktopEntryHasRequiredKeys()
    {
        QFile file(QStringLiteral(SHARDSCOPE_SOURCE_DIR "/resources/shardscope.desktop"));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
        QCOMPARE(lines.value(0), u"[Desktop Entry]"_s);
        QHash<QString, QString> keys;
        for (const QString &line : lines) {
            if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u'['))
                continue;
            const qsizetype eq = line.indexOf(u'=');
            QVERIFY2(eq > 0, qPrintable(line));
            QVERIFY2(!keys.contains(line.left(eq)), qPrintable(u"duplicate "_s + line));
            keys.insert(line.left(eq), line.mid(eq + 1));
        }
        QCOMPARE(keys.value(u"Type"_s), u"Application"_s);
        QCOMPARE(keys.value(u"Name"_s), u"Shardscope"_s);
        QVERIFY(!keys.value(u"GenericName"_s).isEmpty());
        QVERIFY(!keys.value(u"Comment"_s).isEmpty());
        QCOMPARE(keys.value(u"Exec"_s), u"shardscope %U"_s);
        QCOMPARE(keys.value(u"Icon"_s), u"shardscope"_s);
        QCOMPARE(keys.value(u"Terminal"_s), u"false"_s);
        QCOMPARE(keys.value(u"Categories"_s), u"Development;Network;"_s);
        QCOMPARE(keys.value(u"StartupWMClass"_s), u"shardscope"_s);
        // The icon it names is installed under that name.
        QVERIFY(QFile::exists(QStringLiteral(SHARDSCOPE_SOURCE_DIR "/resources/icons/shardscope.svg")));
    }

private:
    QPalette m_original;
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
