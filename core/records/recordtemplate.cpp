#include "recordtemplate.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSettings>
#include <QTimeZone>
#include <QUuid>

#include <limits>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr auto kSettingsGroup = "putTemplates";

std::optional<qint64> toInteger(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<double> toReal(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace

std::expected<RecordTemplate::Part, QString> RecordTemplate::parsePlaceholder(const QString &body)
{
    const QString name = body.section(u':', 0, 0).trimmed();
    const QString rest = body.section(u':', 1);
    const bool hasArguments = body.contains(u':');
    if (name == u"counter"_s) {
        if (!hasArguments)
            return Counter{};
        const auto start = toInteger(rest);
        if (!start)
            return std::unexpected(tr("{{counter:N}} needs a whole number to start at."));
        return Counter{*start};
    }
    if (name == u"uuid"_s) {
        if (hasArguments)
            return std::unexpected(tr("{{uuid}} takes no arguments."));
        return Uuid{};
    }
    if (name == u"timestamp"_s) {
        if (!hasArguments)
            return Timestamp{};
        if (rest == u"epoch"_s)
            return Timestamp{Timestamp::Style::EpochSeconds};
        if (rest == u"epochms"_s)
            return Timestamp{Timestamp::Style::EpochMs};
        return std::unexpected(tr("Use {{timestamp}}, {{timestamp:epoch}} or {{timestamp:epochms}}."));
    }
    if (name == u"choice"_s) {
        const QStringList options = rest.split(u'|');
        if (!hasArguments || rest.isEmpty())
            return std::unexpected(tr("{{choice:a|b|c}} needs at least one alternative."));
        return Choice{options};
    }
    if (name == u"random"_s) {
        const QStringList args = rest.split(u':');
        const QString kind = args.value(0);
        if (kind == u"int"_s) {
            const auto low = args.size() == 3 ? toInteger(args.at(1)) : std::nullopt;
            const auto high = args.size() == 3 ? toInteger(args.at(2)) : std::nullopt;
            if (!low || !high)
                return std::unexpected(tr("Use {{random:int:MIN:MAX}} with whole numbers."));
            if (*low > *high)
                return std::unexpected(tr("The minimum %1 is greater than the maximum %2.")
                                           .arg(*low)
                                           .arg(*high));
            return RandomInt{*low, *high};
        }
        if (kind == u"float"_s) {
            const auto low = args.size() == 3 ? toReal(args.at(1)) : std::nullopt;
            const auto high = args.size() == 3 ? toReal(args.at(2)) : std::nullopt;
            if (!low || !high)
                return std::unexpected(tr("Use {{random:float:MIN:MAX}} with numbers."));
            if (*low > *high)
                return std::unexpected(tr("The minimum %1 is greater than the maximum %2.")
                                           .arg(*low)
                                           .arg(*high));
            return RandomFloat{*low, *high};
        }
        if (kind == u"hex"_s) {
            const auto digits = args.size() == 2 ? toInteger(args.at(1)) : std::nullopt;
            if (!digits || *digits < 1 || *digits > 1024)
                return std::unexpected(tr("Use {{random:hex:N}} with N from 1 to 1024."));
            return RandomHex{int(*digits)};
        }
        return std::unexpected(
            tr("Use {{random:int:MIN:MAX}}, {{random:float:MIN:MAX}} or {{random:hex:N}}."));
    }
    return std::unexpected(tr("Unknown placeholder “{{%1}}”; use counter, random, uuid, "
                              "timestamp or choice.")
                               .arg(body));
}

std::expected<RecordTemplate, TemplateError> RecordTemplate::parse(const QString &text)
{
    RecordTemplate result;
    QString literal;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.mid(i, 4) == u"{{{{"_s) {
            literal.append(u"{{"_s);
            i += 4;
            continue;
        }
        if (text.mid(i, 2) != u"{{"_s) {
            literal.append(text.at(i));
            ++i;
            continue;
        }
        const qsizetype end = text.indexOf(u"}}"_s, i + 2);
        if (end < 0)
            return std::unexpected(TemplateError{i, tr("“{{” is not closed with “}}”.")});
        auto part = parsePlaceholder(text.mid(i + 2, end - i - 2));
        if (!part)
            return std::unexpected(TemplateError{i, part.error()});
        if (!literal.isEmpty()) {
            result.m_parts.append(literal);
            literal.clear();
        }
        result.m_parts.append(std::move(*part));
        i = end + 2;
    }
    if (!literal.isEmpty())
        result.m_parts.append(literal);
    return result;
}

bool RecordTemplate::hasPlaceholders() const
{
    return std::any_of(m_parts.begin(), m_parts.end(),
                       [](const Part &part) { return !std::holds_alternative<QString>(part); });
}

QString RecordTemplate::expand(const TemplateContext &context) const
{
    QRandomGenerator *random = context.random ? context.random : QRandomGenerator::global();
    const qint64 now = context.nowMs != 0 ? context.nowMs : QDateTime::currentMSecsSinceEpoch();
    QString out;
    for (const Part &part : m_parts) {
        if (const auto *text = std::get_if<QString>(&part)) {
            out.append(*text);
        } else if (const auto *counter = std::get_if<Counter>(&part)) {
            out.append(QString::number(counter->start + context.counter - 1));
        } else if (const auto *integer = std::get_if<RandomInt>(&part)) {
            // bounded() takes [low, high); widen by one without overflowing.
            const quint64 span = quint64(integer->high) - quint64(integer->low);
            const quint64 offset = span == std::numeric_limits<quint64>::max()
                                     ? random->generate64()
                                     : random->bounded(span + 1);
            out.append(QString::number(qint64(quint64(integer->low) + offset)));
        } else if (const auto *real = std::get_if<RandomFloat>(&part)) {
            out.append(QString::number(real->low + random->generateDouble() * (real->high - real->low)));
        } else if (const auto *hex = std::get_if<RandomHex>(&part)) {
            for (int d = 0; d < hex->digits; ++d)
                out.append(u"0123456789abcdef"_s.at(random->bounded(16)));
        } else if (std::holds_alternative<Uuid>(part)) {
            // From `random`, so a seeded run is reproducible: a version 4 UUID.
            QByteArray bytes(16, '\0');
            for (char &byte : bytes)
                byte = char(random->bounded(256));
            bytes[6] = char((bytes[6] & 0x0f) | 0x40);
            bytes[8] = char((bytes[8] & 0x3f) | 0x80);
            out.append(QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces));
        } else if (const auto *timestamp = std::get_if<Timestamp>(&part)) {
            switch (timestamp->style) {
            case Timestamp::Style::Iso:
                out.append(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC)
                               .toString(Qt::ISODateWithMs));
                break;
            case Timestamp::Style::EpochSeconds:
                out.append(QString::number(now / 1000));
                break;
            case Timestamp::Style::EpochMs:
                out.append(QString::number(now));
                break;
            }
        } else if (const auto *choice = std::get_if<Choice>(&part)) {
            out.append(choice->options.at(qsizetype(random->bounded(quint32(choice->options.size())))));
        }
    }
    return out;
}

QStringList RecordTemplate::savedNames(QSettings &settings)
{
    settings.beginGroup(QLatin1StringView(kSettingsGroup));
    QStringList names;
    const int count = settings.beginReadArray(u"templates"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        names.append(settings.value(u"name"_s).toString());
    }
    settings.endArray();
    settings.endGroup();
    names.removeAll(QString());
    names.sort(Qt::CaseInsensitive);
    return names;
}

namespace {

QList<SavedTemplate> readAll(QSettings &settings)
{
    QList<SavedTemplate> all;
    settings.beginGroup(QLatin1StringView(kSettingsGroup));
    const int count = settings.beginReadArray(u"templates"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        SavedTemplate t;
        t.name = settings.value(u"name"_s).toString();
        t.partitionKey = settings.value(u"partitionKey"_s).toString();
        t.explicitHashKey = settings.value(u"explicitHashKey"_s).toString();
        t.data = settings.value(u"data"_s).toString();
        t.dataFormat = settings.value(u"dataFormat"_s, 0).toInt();
        t.repeat = settings.value(u"repeat"_s, 1).toInt();
        if (!t.name.isEmpty())
            all.append(t);
    }
    settings.endArray();
    settings.endGroup();
    return all;
}

void writeAll(QSettings &settings, const QList<SavedTemplate> &all)
{
    settings.beginGroup(QLatin1StringView(kSettingsGroup));
    settings.remove(u"templates"_s);
    settings.beginWriteArray(u"templates"_s, int(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        settings.setArrayIndex(i);
        const SavedTemplate &t = all.at(i);
        settings.setValue(u"name"_s, t.name);
        settings.setValue(u"partitionKey"_s, t.partitionKey);
        settings.setValue(u"explicitHashKey"_s, t.explicitHashKey);
        settings.setValue(u"data"_s, t.data);
        settings.setValue(u"dataFormat"_s, t.dataFormat);
        settings.setValue(u"repeat"_s, t.repeat);
    }
    settings.endArray();
    settings.endGroup();
}

} // namespace

std::optional<SavedTemplate> RecordTemplate::load(QSettings &settings, const QString &name)
{
    for (const SavedTemplate &t : readAll(settings))
        if (t.name == name)
            return t;
    return std::nullopt;
}

void RecordTemplate::save(QSettings &settings, const SavedTemplate &saved)
{
    QList<SavedTemplate> all = readAll(settings);
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const SavedTemplate &t) { return t.name == saved.name; });
    if (it != all.end())
        *it = saved;
    else
        all.append(saved);
    writeAll(settings, all);
}

void RecordTemplate::remove(QSettings &settings, const QString &name)
{
    QList<SavedTemplate> all = readAll(settings);
    all.removeIf([&](const SavedTemplate &t) { return t.name == name; });
    writeAll(settings, all);
}

} // namespace shardscope
