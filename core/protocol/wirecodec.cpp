#include "wirecodec.h"

#include "jsontext.h"

#include <QCborArray>
#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// Kinesis shapes nest at most four deep; the slack is for unknown members, which are parsed
// but ignored. The limit keeps hostile input from exhausting the stack.
constexpr int kMaxCborDepth = 64;

constexpr qint64 kLongMax = std::numeric_limits<qint64>::max();
constexpr qint64 kLongMin = std::numeric_limits<qint64>::min();

// A present-but-empty string must not come back as a null QString: the engine reports
// `Value null` for null and `Value ''` for empty.
QString emptyString()
{
    return QStringLiteral("");
}

QByteArray emptyBytes()
{
    return {"", 0};
}

// Tags carry nothing Kinesis needs (timestamps are numbers either way), so members are read
// without them.
QCborValue untag(QCborValue value)
{
    for (int i = 0; value.isTag() && i < kMaxCborDepth; ++i)
        value = value.taggedValue();
    // QCborValue folds tag 1 around a number that fits a date into a DateTime, reading the
    // number as seconds; give the number back.
    if (value.isDateTime())
        return QCborValue(value.toDateTime().toMSecsSinceEpoch() / 1000);
    return value;
}

// ---------------------------------------------------------------------------------------------
// CBOR parsing

// Copies a CBOR body item by item with QCborStreamReader/Writer, dropping tags, before
// QCborValue::fromCbor builds the tree. Two reasons. The Java SDK sends timestamps as tag 1
// around epoch *milliseconds*, which fromCbor would read as seconds and fold into a date,
// losing the number when it does not fit one. And building maps ourselves would be quadratic:
// QCborMap::insert looks for the key first, fromCbor just appends. The copy also bounds the
// nesting depth.
class CborTagStripper
{
public:
    explicit CborTagStripper(const QByteArray &data)
        : m_reader(data), m_writer(&m_out), m_size(data.size())
    {}

    std::optional<QByteArray> strip()
    {
        if (!copy(0) || m_reader.lastError() != QCborError::NoError ||
            m_reader.currentOffset() != m_size)
            return std::nullopt;
        return m_out;
    }

private:
    bool copy(int depth)
    {
        if (depth > kMaxCborDepth || m_reader.lastError() != QCborError::NoError)
            return false;
        switch (m_reader.type()) {
        case QCborStreamReader::UnsignedInteger:
            m_writer.append(m_reader.toUnsignedInteger());
            return m_reader.next();
        case QCborStreamReader::NegativeInteger: {
            // The magnitude, 0 standing for 2^64, which fromCbor would read as 0. Beyond the
            // qint64 range the value goes on as a double, as fromCbor does for the others.
            const auto magnitude = static_cast<quint64>(m_reader.toNegativeInteger());
            if (magnitude == 0 || magnitude > (quint64(1) << 63))
                m_writer.append(magnitude == 0 ? -0x1p64 : -static_cast<double>(magnitude));
            else
                m_writer.append(m_reader.toNegativeInteger());
            return m_reader.next();
        }
        case QCborStreamReader::ByteString: {
            QByteArray bytes;
            auto chunk = m_reader.readByteArray();
            while (chunk.status == QCborStreamReader::Ok) {
                bytes += chunk.data;
                chunk = m_reader.readByteArray();
            }
            if (chunk.status == QCborStreamReader::Error)
                return false;
            m_writer.append(bytes);
            return true;
        }
        case QCborStreamReader::TextString: {
            QString text;
            auto chunk = m_reader.readString();
            while (chunk.status == QCborStreamReader::Ok) {
                text += chunk.data;
                chunk = m_reader.readString();
            }
            if (chunk.status == QCborStreamReader::Error)
                return false;
            m_writer.append(text);
            return true;
        }
        case QCborStreamReader::Array:
        case QCborStreamReader::Map: {
            // Indefinite length on output: a declared length is only a claim until the items
            // have been read.
            const bool isMap = m_reader.isMap();
            if (isMap)
                m_writer.startMap();
            else
                m_writer.startArray();
            if (!m_reader.enterContainer())
                return false;
            while (m_reader.lastError() == QCborError::NoError && m_reader.hasNext()) {
                if (!copy(depth + 1) || (isMap && !copy(depth + 1)))
                    return false;
            }
            if (m_reader.lastError() != QCborError::NoError || !m_reader.leaveContainer())
                return false;
            if (isMap)
                m_writer.endMap();
            else
                m_writer.endArray();
            return true;
        }
        case QCborStreamReader::Tag:
            return m_reader.next() && copy(depth + 1);
        case QCborStreamReader::SimpleType:
            m_writer.append(m_reader.toSimpleType());
            return m_reader.next();
        case QCborStreamReader::HalfFloat:
            m_writer.append(m_reader.toFloat16());
            return m_reader.next();
        case QCborStreamReader::Float:
            m_writer.append(m_reader.toFloat());
            return m_reader.next();
        case QCborStreamReader::Double:
            m_writer.append(m_reader.toDouble());
            return m_reader.next();
        case QCborStreamReader::Invalid:
            break;
        }
        return false;
    }

    QCborStreamReader m_reader;
    QByteArray m_out;
    QCborStreamWriter m_writer;
    qint64 m_size;
};

// ---------------------------------------------------------------------------------------------
// JSON parsing

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(QByteArrayView token)
{
    qsizetype i = 0;
    const qsizetype n = token.size();
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < n && isDigit(token[i]))
            ++i;
        return i > start;
    };
    if (i < n && token[i] == '-')
        ++i;
    if (i < n && token[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < n && token[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < n && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        if (i < n && (token[i] == '+' || token[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == n;
}

// Whether a JSON number that does not fit a double is too large rather than too small: the
// decimal exponent of its first non-zero digit is positive.
bool isHugeJsonNumber(QByteArrayView token)
{
    qsizetype i = token.startsWith('-') ? 1 : 0;
    const qsizetype integerStart = i;
    while (i < token.size() && isDigit(token[i]))
        ++i;
    const qsizetype integerDigits = i - integerStart;
    std::optional<qint64> leading;
    for (qsizetype k = 0; k < integerDigits && !leading; ++k) {
        if (token[integerStart + k] != '0')
            leading = integerDigits - 1 - k;
    }
    if (i < token.size() && token[i] == '.') {
        ++i;
        for (qint64 k = 1; i < token.size() && isDigit(token[i]); ++i, ++k) {
            if (!leading && token[i] != '0')
                leading = -k;
        }
    }
    qint64 exponent = 0;
    if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        const bool negative = i < token.size() && token[i] == '-';
        if (i < token.size() && (token[i] == '+' || token[i] == '-'))
            ++i;
        for (; i < token.size(); ++i)
            exponent = std::min<qint64>(exponent * 10 + (token[i] - '0'), qint64(1) << 40);
        if (negative)
            exponent = -exponent;
    }
    return leading && *leading + exponent > 0;
}

// QJsonDocument and the parser Kinesis runs (Jackson, under Coral) disagree at the edges.
// QJsonDocument accepts control characters unescaped inside strings and numbers such as "1."
// and ".5", all of which Kinesis rejects; and it rejects numbers beyond the double range
// ("1e400", a few hundred digits), which Kinesis reads and truncates. This pass settles both
// before QJsonDocument parses the text: nullopt for a body Kinesis would not parse; otherwise
// the body, with each out-of-range number replaced by the largest double of its sign (or by 0
// when too small), which the Reader then saturates as Coral does. Everything else is left to
// QJsonDocument.
std::optional<QByteArray> normalizeJson(const QByteArray &body)
{
    const char *data = body.constData();
    const qsizetype n = body.size();
    QByteArray out; // stays null unless a number is replaced
    qsizetype copied = 0;
    qsizetype i = 0;
    while (i < n) {
        const char c = data[i];
        if (c == '"') {
            for (++i; i < n && data[i] != '"'; ++i) {
                if (static_cast<unsigned char>(data[i]) < 0x20)
                    return std::nullopt;
                if (data[i] == '\\')
                    ++i; // QJsonDocument checks the escape itself
            }
            ++i;
            continue;
        }
        if (c != '-' && c != '.' && !isDigit(c)) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && (isDigit(data[i]) || data[i] == '-' || data[i] == '+' || data[i] == '.' ||
                         data[i] == 'e' || data[i] == 'E'))
            ++i;
        const QByteArrayView token(data + start, i - start);
        if (!isJsonNumber(token))
            return std::nullopt;
        bool ok = false;
        static_cast<void>(token.toDouble(&ok));
        if (ok)
            continue;
        if (out.isNull())
            out.reserve(n + 32);
        out.append(data + copied, start - copied);
        out.append(!isHugeJsonNumber(token) ? "0"
                   : token.startsWith('-')  ? "-1.7976931348623157e308"
                                            : "1.7976931348623157e308");
        copied = i;
    }
    if (out.isNull())
        return body;
    out.append(data + copied, n - copied);
    return out;
}

// ---------------------------------------------------------------------------------------------
// JSON writing

// Our own writer rather than QJsonDocument, which sorts object keys: this keeps the members in
// the order of the AWS shapes, as Kinesis writes them. Strings: appendJsonString (jsontext.h).
void appendJson(QByteArray &out, const QCborValue &value, int depth)
{
    if (depth > kMaxCborDepth) {
        out += "null";
        return;
    }
    switch (value.type()) {
    case QCborValue::Map: {
        out += '{';
        bool first = true;
        const QCborMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, it.key().toString());
            out += ':';
            appendJson(out, it.value(), depth + 1);
        }
        out += '}';
        break;
    }
    case QCborValue::Array: {
        out += '[';
        bool first = true;
        const QCborArray array = value.toArray();
        for (const auto &element : array) {
            if (!first)
                out += ',';
            first = false;
            appendJson(out, element, depth + 1);
        }
        out += ']';
        break;
    }
    case QCborValue::String:
        appendJsonString(out, value.toString());
        break;
    case QCborValue::ByteArray:
        appendJsonString(out, QString::fromLatin1(value.toByteArray().toBase64()));
        break;
    case QCborValue::Integer:
        out += QByteArray::number(value.toInteger());
        break;
    case QCborValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d))
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        else
            out += "null";
        break;
    }
    case QCborValue::True:
        out += "true";
        break;
    case QCborValue::False:
        out += "false";
        break;
    case QCborValue::Tag:
        appendJson(out, value.taggedValue(), depth + 1);
        break;
    default:
        out += "null";
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// CBOR writing

// Our own writer rather than QCborValue::toCbor, for the DateTime case below.
void appendCbor(QCborStreamWriter &writer, const QCborValue &value, int depth)
{
    if (depth > kMaxCborDepth) {
        writer.appendNull();
        return;
    }
    switch (value.type()) {
    case QCborValue::Map: {
        const QCborMap map = value.toMap();
        writer.startMap(map.size());
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            appendCbor(writer, it.key(), depth + 1);
            appendCbor(writer, it.value(), depth + 1);
        }
        writer.endMap();
        break;
    }
    case QCborValue::Array: {
        const QCborArray array = value.toArray();
        writer.startArray(array.size());
        for (const auto &element : array)
            appendCbor(writer, element, depth + 1);
        writer.endArray();
        break;
    }
    case QCborValue::String:
        writer.append(value.toString());
        break;
    case QCborValue::ByteArray:
        writer.append(value.toByteArray());
        break;
    case QCborValue::Integer:
        writer.append(value.toInteger());
        break;
    case QCborValue::Double:
        writer.append(value.toDouble());
        break;
    case QCborValue::True:
        writer.append(true);
        break;
    case QCborValue::False:
        writer.append(false);
        break;
    case QCborValue::Undefined:
        writer.appendUndefined();
        break;
    case QCborValue::Tag:
        writer.append(value.tag());
        appendCbor(writer, value.taggedValue(), depth + 1);
        break;
    case QCborValue::DateTime:
        // Writer::timestamp() makes tag 1 around epoch milliseconds; QCborValue folds small
        // ones into a date (reading them as seconds). Write the tag and number it was made of.
        writer.append(QCborKnownTags::UnixTime_t);
        writer.append(value.toDateTime().toMSecsSinceEpoch() / 1000);
        break;
    default:
        if (value.isSimpleType())
            writer.append(value.toSimpleType());
        else
            writer.appendNull();
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// Enum texts not in api.h

std::optional<StreamStatus> streamStatusFromWire(QStringView text)
{
    for (auto s : {StreamStatus::Creating, StreamStatus::Deleting, StreamStatus::Active,
                   StreamStatus::Updating}) {
        if (text == toWire(s))
            return s;
    }
    return std::nullopt;
}

std::optional<EncryptionType> encryptionTypeFromWire(QStringView text)
{
    for (auto t : {EncryptionType::None, EncryptionType::Kms}) {
        if (text == toWire(t))
            return t;
    }
    return std::nullopt;
}

QString scalingTypeToWire(ScalingType)
{
    return QStringLiteral("UNIFORM_SCALING");
}

std::optional<ScalingType> scalingTypeFromWire(QStringView text)
{
    if (text == u"UNIFORM_SCALING")
        return ScalingType::UniformScaling;
    return std::nullopt;
}

// The enum value sets in the order Kinesis prints them in ValidationException messages.
constexpr QStringView kShardIteratorTypes =
    u"AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON";
constexpr QStringView kStreamModes = u"PROVISIONED, ON_DEMAND";
constexpr QStringView kScalingTypes = u"UNIFORM_SCALING";
constexpr QStringView kShardFilterTypes =
    u"AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP";

// ---------------------------------------------------------------------------------------------
// Reading

// Reads members of a decoded body with Coral's type rules. The first type error wins and
// turns every later read into a no-op; validation errors (enums, required members the structs
// cannot hold as null) are collected and reported only when there was no type error, as
// Kinesis type-checks the whole body before it validates.
class Reader
{
public:
    explicit Reader(WireFormat format) : m_format(format) {}

    bool failed() const { return m_error.has_value(); }

    template<typename T> std::expected<T, Error> finish(T value) const
    {
        if (m_error)
            return std::unexpected(*m_error);
        if (!m_validation.isEmpty())
            return std::unexpected(m_validation.toError());
        return value;
    }

    void fail(const QString &message)
    {
        if (!m_error)
            m_error = Error{ErrorType::Serialization, message};
    }

    QCborValue member(const QCborMap &map, QLatin1StringView key) const
    {
        return m_error ? QCborValue() : untag(map.value(key));
    }

    // --- scalars -------------------------------------------------------------------------

    QString toString(const QCborValue &v)
    {
        switch (kindOf(v)) {
        case Kind::Absent:
            return {};
        case Kind::Text:
            return nonNull(v.toString());
        case Kind::Bool:
            fail(u"class java.lang.Boolean can not be converted to an String"_s);
            break;
        case Kind::Number:
            fail(truncatingBigNumber(u"an String"));
            break;
        case Kind::Bytes:
            fail(heapByteBuffer(u"an String"));
            break;
        case Kind::List:
            failList();
            break;
        case Kind::Object:
            failObject();
            break;
        }
        return {};
    }

    std::optional<qint64> toLong(const QCborValue &v, QStringView javaType)
    {
        switch (kindOf(v)) {
        case Kind::Absent:
            return std::nullopt;
        case Kind::Number:
            return truncate(v);
        case Kind::Bool:
            fail(u"class java.lang.Boolean can not be converted to an " % javaType);
            break;
        case Kind::Text:
            fail(u"class java.lang.String can not be converted to an " % javaType);
            break;
        case Kind::Bytes:
            fail(heapByteBuffer(QString(u"an " % javaType)));
            break;
        case Kind::List:
            failList();
            break;
        case Kind::Object:
            failObject();
            break;
        }
        return std::nullopt;
    }

    std::optional<int> toInt(const QCborValue &v)
    {
        const auto value = toLong(v, u"Integer");
        if (!value)
            return std::nullopt;
        // Coral truncates big numbers to the Integer range, so the engine sees a value that
        // fails its range check rather than a wrapped one.
        return static_cast<int>(std::clamp<qint64>(*value, std::numeric_limits<int>::min(),
                                                   std::numeric_limits<int>::max()));
    }

    std::optional<bool> toBool(const QCborValue &v)
    {
        switch (kindOf(v)) {
        case Kind::Absent:
            return std::nullopt;
        case Kind::Bool:
            return v.toBool();
        case Kind::Text: {
            // Coral accepts the usual spellings of true and false, in any case.
            const QString upper = v.toString().toUpper();
            if (upper == u"TRUE" || upper == u"YES" || upper == u"1")
                return true;
            if (upper == u"FALSE" || upper == u"NO" || upper == u"0")
                return false;
            fail(u'\'' % upper % u"' can not be converted to an Boolean");
            break;
        }
        case Kind::Number:
            fail(truncatingBigNumber(u"an Boolean"));
            break;
        case Kind::Bytes:
            fail(heapByteBuffer(u"an Boolean"));
            break;
        case Kind::List:
            failList();
            break;
        case Kind::Object:
            failObject();
            break;
        }
        return std::nullopt;
    }

    // Null when absent; a present blob is never null, even when empty.
    QByteArray toBlob(const QCborValue &v)
    {
        switch (kindOf(v)) {
        case Kind::Absent:
            return {};
        case Kind::Bytes: {
            QByteArray bytes = v.toByteArray();
            return bytes.isNull() ? emptyBytes() : bytes;
        }
        case Kind::Text:
            return fromBase64(v.toString());
        case Kind::Bool:
            fail(u"class java.lang.Boolean can not be converted to a Blob"_s);
            break;
        case Kind::Number:
            fail(truncatingBigNumber(u"a Blob"));
            break;
        case Kind::List:
            failList();
            break;
        case Kind::Object:
            failObject();
            break;
        }
        return {};
    }

    // Epoch milliseconds. JSON carries epoch seconds (fractions allowed); CBOR carries epoch
    // milliseconds, usually inside tag 1 (already removed by member()/untag()).
    std::optional<qint64> toTimestamp(const QCborValue &v)
    {
        switch (kindOf(v)) {
        case Kind::Absent:
            return std::nullopt;
        case Kind::Number:
            return m_format == WireFormat::Json ? secondsToMs(v) : truncate(v);
        case Kind::Bool:
            fail(u"class java.lang.Boolean can not be converted to milliseconds since epoch"_s);
            break;
        case Kind::Text:
            fail(u"class java.lang.String can not be converted to milliseconds since epoch"_s);
            break;
        case Kind::Bytes:
            fail(heapByteBuffer(u"milliseconds since epoch"));
            break;
        case Kind::List:
            failList();
            break;
        case Kind::Object:
            failObject();
            break;
        }
        return std::nullopt;
    }

    // --- aggregates ----------------------------------------------------------------------

    std::optional<QCborArray> toList(const QCborValue &v)
    {
        switch (kindOf(v)) {
        case Kind::Absent:
            return std::nullopt;
        case Kind::List:
            return v.toArray();
        case Kind::Object:
            failObject();
            break;
        default:
            fail(u"Expected list or null"_s);
            break;
        }
        return std::nullopt;
    }

    // An object where the model has a map (`toMapShape`) or a structure (`toStructure`); they
    // differ only in what Coral says when something else arrives. A null element of a list of
    // structures reads as an empty structure, so its required members are reported as null by
    // the engine, as Kinesis does.
    std::optional<QCborMap> toObject(const QCborValue &v, const QString &notAnObject)
    {
        switch (kindOf(v)) {
        case Kind::Absent:
            return std::nullopt;
        case Kind::Object:
            return v.toMap();
        case Kind::List:
            failList();
            break;
        default:
            fail(notAnObject);
            break;
        }
        return std::nullopt;
    }
    std::optional<QCborMap> toMapShape(const QCborValue &v)
    {
        return toObject(v, u"Expected map or null"_s);
    }
    std::optional<QCborMap> toStructure(const QCborValue &v)
    {
        return toObject(v, u"Expected null"_s);
    }

    std::optional<QStringList> toStringList(const QCborValue &v)
    {
        const auto array = toList(v);
        if (!array)
            return std::nullopt;
        QStringList result;
        result.reserve(array->size());
        for (const QCborValue &element : *array) {
            result.append(toString(untag(element)));
            if (failed())
                return std::nullopt;
        }
        return result;
    }

    std::optional<TagMap> toStringMap(const QCborValue &v)
    {
        const auto map = toMapShape(v);
        if (!map)
            return std::nullopt;
        TagMap result;
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            const QCborValue key = untag(it.key());
            if (!key.isString()) {
                fail({});
                return std::nullopt;
            }
            const QString value = toString(untag(it.value()));
            if (failed())
                return std::nullopt;
            result.insert(nonNull(key.toString()), value);
        }
        return result;
    }

    // --- members -------------------------------------------------------------------------

    QString string(const QCborMap &m, QLatin1StringView key) { return toString(member(m, key)); }
    std::optional<QString> optionalString(const QCborMap &m, QLatin1StringView key)
    {
        QString s = string(m, key);
        return s.isNull() ? std::nullopt : std::optional<QString>(std::move(s));
    }
    std::optional<int> integer(const QCborMap &m, QLatin1StringView key)
    {
        return toInt(member(m, key));
    }
    std::optional<qint64> longInteger(const QCborMap &m, QLatin1StringView key)
    {
        return toLong(member(m, key), u"Long");
    }
    std::optional<bool> boolean(const QCborMap &m, QLatin1StringView key)
    {
        return toBool(member(m, key));
    }
    QByteArray blob(const QCborMap &m, QLatin1StringView key) { return toBlob(member(m, key)); }
    std::optional<qint64> timestamp(const QCborMap &m, QLatin1StringView key)
    {
        return toTimestamp(member(m, key));
    }
    std::optional<QCborArray> list(const QCborMap &m, QLatin1StringView key)
    {
        return toList(member(m, key));
    }
    std::optional<QCborMap> structure(const QCborMap &m, QLatin1StringView key)
    {
        return toStructure(member(m, key));
    }
    std::optional<QStringList> stringList(const QCborMap &m, QLatin1StringView key)
    {
        return toStringList(member(m, key));
    }
    std::optional<TagMap> stringMap(const QCborMap &m, QLatin1StringView key)
    {
        return toStringMap(member(m, key));
    }
    // Type-checks a member we do not keep (StreamId, WarmThroughputMiBps).
    void ignoreString(const QCborMap &m, QLatin1StringView key) { string(m, key); }
    void ignoreInteger(const QCborMap &m, QLatin1StringView key) { integer(m, key); }

    // An enum member of a request: a value outside the set, or a required one that is
    // absent, is a ValidationException at `path`.
    template<typename E>
    std::optional<E> requestEnum(const QCborMap &m, QLatin1StringView key, const QString &path,
                                 std::optional<E> (*fromWire)(QStringView), QStringView valueSet,
                                 bool required)
    {
        const QString text = string(m, key);
        if (failed())
            return std::nullopt;
        if (text.isNull()) {
            if (required)
                m_validation.addNull(path);
            return std::nullopt;
        }
        if (auto value = fromWire(text))
            return value;
        m_validation.add(path, text, u"Member must satisfy enum value set: [" % valueSet % u']');
        return std::nullopt;
    }

    // A required request member the structs cannot hold as null (ints, lists, maps).
    void requireNull(const QString &path) { m_validation.addNull(path); }
    // A request member outside its constraint (list members outside their enum value set).
    void invalid(const QString &path, const QString &valueText, const QString &constraint)
    {
        m_validation.add(path, valueText, constraint);
    }

    // An enum member of a response: an unknown value means the body is not what we expect.
    template<typename E>
    std::optional<E> responseEnum(const QCborMap &m, QLatin1StringView key,
                                  std::optional<E> (*fromWire)(QStringView))
    {
        const QString text = string(m, key);
        if (text.isNull() || failed())
            return std::nullopt;
        auto value = fromWire(text);
        if (!value)
            fail(u"Unexpected value '" % text % u"' for " % key);
        return value;
    }

    SequenceNumber sequenceNumber(const QString &text)
    {
        if (text.isNull() || failed())
            return {};
        // Any decimal number the service returns: ours, AWS's 56 digits, kinesalite's, ...
        const auto seq = SequenceNumber::fromWire(text);
        if (!seq) {
            fail(u"Sequence number '" % text % u"' is not a decimal number");
            return {};
        }
        return *seq;
    }

    HashKey hashKey(const QString &text)
    {
        if (text.isNull() || failed())
            return {};
        const auto key = HashKey::fromDecimal(text);
        if (!key) {
            fail(u"Hash key '" % text % u"' is not a decimal number in [0, 2^128-1]");
            return {};
        }
        return *key;
    }

private:
    enum class Kind
    {
        Absent,
        Bool,
        Number,
        Text,
        Bytes,
        List,
        Object
    };

    static Kind kindOf(const QCborValue &v)
    {
        switch (v.type()) {
        case QCborValue::Integer:
        case QCborValue::Double:
            return Kind::Number;
        case QCborValue::String:
            return Kind::Text;
        case QCborValue::ByteArray:
            return Kind::Bytes;
        case QCborValue::Array:
            return Kind::List;
        case QCborValue::Map:
            return Kind::Object;
        case QCborValue::True:
        case QCborValue::False:
            return Kind::Bool;
        default:
            return Kind::Absent; // null, undefined, other simple values
        }
    }

    static QString nonNull(const QString &s) { return s.isNull() ? emptyString() : s; }

    static QString truncatingBigNumber(QStringView target)
    {
        // Appended rather than built with QStringBuilder: GCC 12 reports a false
        // -Warray-bounds for the builder here.
        QString text =
            QStringLiteral("class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not "
                           "be converted to ");
        text += target;
        return text;
    }

    // A CBOR byte string where something else is expected. Not seen from AWS; worded like the
    // other Coral conversion errors.
    static QString heapByteBuffer(QStringView target)
    {
        QString text = QStringLiteral("class java.nio.HeapByteBuffer can not be converted to ");
        text += target;
        return text;
    }

    void failList() { fail(u"Start of list found where not expected"_s); }
    void failObject() { fail(u"Start of structure or map found where not expected."_s); }

    // Numbers are floored and saturated like Coral's TruncatingBigNumber.
    static qint64 truncate(const QCborValue &v)
    {
        if (v.isInteger())
            return v.toInteger();
        return saturate(std::floor(v.toDouble()));
    }

    static qint64 saturate(double d)
    {
        if (std::isnan(d))
            return 0;
        if (d >= 0x1p63)
            return kLongMax;
        if (d < -0x1p63)
            return kLongMin;
        return static_cast<qint64>(d);
    }

    static qint64 secondsToMs(const QCborValue &v)
    {
        if (v.isInteger()) {
            const qint64 s = v.toInteger();
            if (s > kLongMax / 1000)
                return kLongMax;
            if (s < kLongMin / 1000)
                return kLongMin;
            return s * 1000;
        }
        return saturate(std::round(v.toDouble() * 1000.0));
    }

    // Standard base64 with padding, checked the way Coral does, with its messages.
    QByteArray fromBase64(const QString &text)
    {
        const auto prefix = [&] {
            return QString(u'\'' % text % u"' can not be converted to a Blob: ");
        };
        if (text.size() % 4 != 0) {
            fail(prefix() % u"Base64 encoded length is expected a multiple of 4 bytes but found: " %
                 QString::number(text.size()));
            return {};
        }
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            const bool valid = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                               (c >= u'0' && c <= u'9') || c == u'+' || c == u'/' || c == u'=';
            // Coral reports the first character that is not base64, or a '=' followed by
            // anything but '='.
            if (!valid || (c == u'=' && i + 1 < text.size() && text[i + 1] != u'=')) {
                fail(prefix() % u"Invalid Base64 character: '" % QStringView(text).mid(i, 1) %
                     u'\'');
                return {};
            }
        }
        const QByteArray latin1 = text.toLatin1();
        auto decoded =
            QByteArray::fromBase64Encoding(latin1, QByteArray::AbortOnBase64DecodingErrors);
        // Only the canonical encoding of the decoded bytes is accepted ("AB==" is not).
        if (!decoded || decoded.decoded.toBase64() != latin1) {
            fail(prefix() % u"Invalid last non-pad Base64 character dectected");
            return {};
        }
        return decoded.decoded.isNull() ? emptyBytes() : decoded.decoded;
    }

    WireFormat m_format;
    std::optional<Error> m_error;
    ValidationErrors m_validation;
};

// ---------------------------------------------------------------------------------------------
// Writing

class Writer
{
public:
    explicit Writer(WireFormat format) : m_format(format) {}

    QCborValue blob(const QByteArray &bytes) const
    {
        if (m_format == WireFormat::Json)
            return QCborValue(QString::fromLatin1(bytes.toBase64()));
        return QCborValue(bytes);
    }

    // JSON: epoch seconds, fractional when there are milliseconds. CBOR: tag 1 around epoch
    // milliseconds, as the Java SDK writes and reads them.
    QCborValue timestamp(qint64 ms) const
    {
        if (m_format == WireFormat::Json) {
            if (ms % 1000 == 0)
                return QCborValue(ms / 1000);
            return QCborValue(static_cast<double>(ms) / 1000.0);
        }
        return QCborValue(QCborKnownTags::UnixTime_t, QCborValue(ms));
    }

private:
    WireFormat m_format;
};

void putString(QCborMap &m, QLatin1StringView key, const QString &value)
{
    if (!value.isNull())
        m.insert(key, value);
}

void putString(QCborMap &m, QLatin1StringView key, const std::optional<QString> &value)
{
    if (value)
        m.insert(key, *value);
}

template<typename N>
void putNumber(QCborMap &m, QLatin1StringView key, const std::optional<N> &value)
{
    if (value)
        m.insert(key, QCborValue(static_cast<qint64>(*value)));
}

void putTarget(QCborMap &m, const StreamTarget &target)
{
    putString(m, "StreamName"_L1, target.streamName);
    putString(m, "StreamARN"_L1, target.streamArn);
}

QCborMap streamModeDetails(StreamMode mode)
{
    QCborMap m;
    m.insert("StreamMode"_L1, toWire(mode));
    return m;
}

QCborArray enhancedMonitoring(const QStringList &shardLevelMetrics)
{
    QCborMap metrics;
    metrics.insert("ShardLevelMetrics"_L1, QCborArray::fromStringList(shardLevelMetrics));
    return QCborArray{metrics};
}

// EnhancedMonitoring: [{"ShardLevelMetrics": [...]}]; the metrics of every entry, in order.
QStringList readEnhancedMonitoring(Reader &r, const QCborMap &d)
{
    QStringList metrics;
    const auto list = r.list(d, "EnhancedMonitoring"_L1);
    if (!list)
        return metrics;
    for (const QCborValue &entry : *list) {
        const auto m = r.toStructure(untag(entry));
        if (!m)
            continue;
        for (const QString &name : r.stringList(*m, "ShardLevelMetrics"_L1).value_or(QStringList())) {
            if (!metrics.contains(name))
                metrics.append(name);
        }
    }
    return metrics;
}

QCborMap warmThroughputMap(const WarmThroughput &warm)
{
    QCborMap m;
    putNumber(m, "TargetMiBps"_L1, warm.targetMiBps);
    putNumber(m, "CurrentMiBps"_L1, warm.currentMiBps);
    return m;
}

WarmThroughput readWarmThroughput(Reader &r, const QCborMap &m)
{
    return WarmThroughput{r.integer(m, "TargetMiBps"_L1), r.integer(m, "CurrentMiBps"_L1)};
}

QCborMap hashKeyRange(const HashKeyRange &range)
{
    QCborMap m;
    m.insert("StartingHashKey"_L1, range.start.toDecimal());
    m.insert("EndingHashKey"_L1, range.end.toDecimal());
    return m;
}

QCborArray tagList(const QList<Tag> &tags)
{
    QCborArray array;
    for (const Tag &tag : tags) {
        QCborMap m;
        m.insert("Key"_L1, tag.key);
        m.insert("Value"_L1, tag.value.isNull() ? emptyString() : tag.value);
        array.append(m);
    }
    return array;
}

QCborMap tagMap(const TagMap &tags)
{
    QCborMap m;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        m.insert(it.key(), it.value().isNull() ? emptyString() : it.value());
    return m;
}

QCborMap shardToMap(const Shard &shard)
{
    QCborMap m;
    m.insert("ShardId"_L1, shard.shardId);
    putString(m, "ParentShardId"_L1, shard.parentShardId);
    putString(m, "AdjacentParentShardId"_L1, shard.adjacentParentShardId);
    m.insert("HashKeyRange"_L1, hashKeyRange(shard.hashKeyRange));
    QCborMap range;
    range.insert("StartingSequenceNumber"_L1, shard.startingSequenceNumber.toString());
    if (shard.endingSequenceNumber)
        range.insert("EndingSequenceNumber"_L1, shard.endingSequenceNumber->toString());
    m.insert("SequenceNumberRange"_L1, range);
    return m;
}

QCborArray shardList(const QList<Shard> &shards)
{
    QCborArray array;
    for (const Shard &shard : shards)
        array.append(shardToMap(shard));
    return array;
}

// ---------------------------------------------------------------------------------------------
// Reading shared shapes

StreamTarget readTarget(Reader &r, const QCborMap &m)
{
    StreamTarget target;
    target.streamName = r.string(m, "StreamName"_L1);
    target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
    return target;
}

HashKeyRange readHashKeyRange(Reader &r, const QCborMap &m)
{
    HashKeyRange range;
    range.start = r.hashKey(r.string(m, "StartingHashKey"_L1));
    range.end = r.hashKey(r.string(m, "EndingHashKey"_L1));
    return range;
}

Shard readShard(Reader &r, const QCborMap &m)
{
    Shard shard;
    shard.shardId = r.string(m, "ShardId"_L1);
    shard.parentShardId = r.optionalString(m, "ParentShardId"_L1);
    shard.adjacentParentShardId = r.optionalString(m, "AdjacentParentShardId"_L1);
    if (const auto range = r.structure(m, "HashKeyRange"_L1))
        shard.hashKeyRange = readHashKeyRange(r, *range);
    if (const auto range = r.structure(m, "SequenceNumberRange"_L1)) {
        shard.startingSequenceNumber =
            r.sequenceNumber(r.string(*range, "StartingSequenceNumber"_L1));
        if (const auto ending = r.optionalString(*range, "EndingSequenceNumber"_L1))
            shard.endingSequenceNumber = r.sequenceNumber(*ending);
    }
    return shard;
}

// Calls `f` with each element of a list of structures.
template<typename F> void forEachStructure(Reader &r, const std::optional<QCborArray> &array, F f)
{
    if (!array)
        return;
    for (const QCborValue &element : *array) {
        const auto structure = r.toStructure(untag(element));
        if (r.failed())
            return;
        f(structure.value_or(QCborMap()));
        if (r.failed())
            return;
    }
}

QList<Shard> readShards(Reader &r, const QCborMap &m)
{
    QList<Shard> shards;
    forEachStructure(r, r.list(m, "Shards"_L1),
                     [&](const QCborMap &s) { shards.append(readShard(r, s)); });
    return shards;
}

QList<Tag> readTagList(Reader &r, const QCborMap &m)
{
    QList<Tag> tags;
    forEachStructure(r, r.list(m, "Tags"_L1), [&](const QCborMap &t) {
        tags.append(Tag{r.string(t, "Key"_L1), r.string(t, "Value"_L1)});
    });
    return tags;
}

StreamMode readStreamModeDetails(Reader &r, const QCborMap &m)
{
    if (const auto details = r.structure(m, "StreamModeDetails"_L1))
        return r.responseEnum(*details, "StreamMode"_L1, &streamModeFromWire)
            .value_or(StreamMode::Provisioned);
    return StreamMode::Provisioned;
}

// ---------------------------------------------------------------------------------------------
// Messages: readMessage() and writeMessage() per type, members in the model's order.

void readMessage(Reader &, const QCborMap &, EmptyMessage &) {}
QCborMap writeMessage(const Writer &, const EmptyMessage &)
{
    return {};
}

void readMessage(Reader &r, const QCborMap &m, StreamTarget &out)
{
    out = readTarget(r, m);
}
QCborMap writeMessage(const Writer &, const StreamTarget &target)
{
    QCborMap m;
    putTarget(m, target);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, CreateStreamRequest &out)
{
    out.streamName = r.string(m, "StreamName"_L1);
    out.shardCount = r.integer(m, "ShardCount"_L1);
    if (const auto details = r.structure(m, "StreamModeDetails"_L1))
        out.streamMode = r.requestEnum(*details, "StreamMode"_L1, u"streamModeDetails.streamMode"_s,
                                       &streamModeFromWire, kStreamModes, true);
    out.tags = r.stringMap(m, "Tags"_L1).value_or(TagMap());
    r.ignoreInteger(m, "WarmThroughputMiBps"_L1);
    out.maxRecordSizeInKiB = r.integer(m, "MaxRecordSizeInKiB"_L1);
}
QCborMap writeMessage(const Writer &, const CreateStreamRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.streamName);
    putNumber(m, "ShardCount"_L1, in.shardCount);
    if (in.streamMode)
        m.insert("StreamModeDetails"_L1, streamModeDetails(*in.streamMode));
    if (!in.tags.isEmpty())
        m.insert("Tags"_L1, tagMap(in.tags));
    putNumber(m, "MaxRecordSizeInKiB"_L1, in.maxRecordSizeInKiB);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, DeleteStreamRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.enforceConsumerDeletion = r.boolean(m, "EnforceConsumerDeletion"_L1).value_or(false);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const DeleteStreamRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    if (in.enforceConsumerDeletion)
        m.insert("EnforceConsumerDeletion"_L1, true);
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListStreamsRequest &out)
{
    out.limit = r.integer(m, "Limit"_L1);
    out.exclusiveStartStreamName = r.string(m, "ExclusiveStartStreamName"_L1);
    out.nextToken = r.string(m, "NextToken"_L1);
}
QCborMap writeMessage(const Writer &, const ListStreamsRequest &in)
{
    QCborMap m;
    putNumber(m, "Limit"_L1, in.limit);
    putString(m, "ExclusiveStartStreamName"_L1, in.exclusiveStartStreamName);
    putString(m, "NextToken"_L1, in.nextToken);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListStreamsResponse &out)
{
    out.streamNames = r.stringList(m, "StreamNames"_L1).value_or(QStringList());
    out.hasMoreStreams = r.boolean(m, "HasMoreStreams"_L1).value_or(false);
    out.nextToken = r.string(m, "NextToken"_L1);
    forEachStructure(r, r.list(m, "StreamSummaries"_L1), [&](const QCborMap &s) {
        StreamSummary summary;
        summary.streamName = r.string(s, "StreamName"_L1);
        summary.streamArn = r.string(s, "StreamARN"_L1);
        summary.streamStatus = r.responseEnum(s, "StreamStatus"_L1, &streamStatusFromWire)
                                   .value_or(StreamStatus::Active);
        summary.streamMode = readStreamModeDetails(r, s);
        summary.streamCreationTimestamp = r.timestamp(s, "StreamCreationTimestamp"_L1).value_or(0);
        out.streamSummaries.append(summary);
    });
}
QCborMap writeMessage(const Writer &w, const ListStreamsResponse &in)
{
    QCborMap m;
    m.insert("StreamNames"_L1, QCborArray::fromStringList(in.streamNames));
    m.insert("HasMoreStreams"_L1, in.hasMoreStreams);
    putString(m, "NextToken"_L1, in.nextToken);
    QCborArray summaries;
    for (const StreamSummary &s : in.streamSummaries) {
        QCborMap sm;
        sm.insert("StreamName"_L1, s.streamName);
        sm.insert("StreamARN"_L1, s.streamArn);
        sm.insert("StreamStatus"_L1, toWire(s.streamStatus));
        sm.insert("StreamModeDetails"_L1, streamModeDetails(s.streamMode));
        sm.insert("StreamCreationTimestamp"_L1, w.timestamp(s.streamCreationTimestamp));
        summaries.append(sm);
    }
    m.insert("StreamSummaries"_L1, summaries);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, DescribeStreamRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.limit = r.integer(m, "Limit"_L1);
    out.exclusiveStartShardId = r.string(m, "ExclusiveStartShardId"_L1);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const DescribeStreamRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    putNumber(m, "Limit"_L1, in.limit);
    putString(m, "ExclusiveStartShardId"_L1, in.exclusiveStartShardId);
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

// DescribeStream's output: {"StreamDescription": {...}}.
void readMessage(Reader &r, const QCborMap &m, StreamDescription &out)
{
    const QCborMap d = r.structure(m, "StreamDescription"_L1).value_or(QCborMap());
    out.streamName = r.string(d, "StreamName"_L1);
    out.streamArn = r.string(d, "StreamARN"_L1);
    out.streamStatus =
        r.responseEnum(d, "StreamStatus"_L1, &streamStatusFromWire).value_or(StreamStatus::Active);
    out.streamMode = readStreamModeDetails(r, d);
    out.shards = readShards(r, d);
    out.hasMoreShards = r.boolean(d, "HasMoreShards"_L1).value_or(false);
    out.retentionPeriodHours = r.integer(d, "RetentionPeriodHours"_L1).value_or(24);
    out.streamCreationTimestamp = r.timestamp(d, "StreamCreationTimestamp"_L1).value_or(0);
    out.shardLevelMetrics = readEnhancedMonitoring(r, d);
    out.encryptionType = r.responseEnum(d, "EncryptionType"_L1, &encryptionTypeFromWire)
                             .value_or(EncryptionType::None);
    out.keyId = r.string(d, "KeyId"_L1);
}
QCborMap writeMessage(const Writer &w, const StreamDescription &in)
{
    QCborMap d;
    d.insert("StreamName"_L1, in.streamName);
    d.insert("StreamARN"_L1, in.streamArn);
    d.insert("StreamStatus"_L1, toWire(in.streamStatus));
    d.insert("StreamModeDetails"_L1, streamModeDetails(in.streamMode));
    d.insert("Shards"_L1, shardList(in.shards));
    d.insert("HasMoreShards"_L1, in.hasMoreShards);
    d.insert("RetentionPeriodHours"_L1, in.retentionPeriodHours);
    d.insert("StreamCreationTimestamp"_L1, w.timestamp(in.streamCreationTimestamp));
    d.insert("EnhancedMonitoring"_L1, enhancedMonitoring(in.shardLevelMetrics));
    d.insert("EncryptionType"_L1, toWire(in.encryptionType));
    if (!in.keyId.isEmpty())
        d.insert("KeyId"_L1, in.keyId);
    QCborMap m;
    m.insert("StreamDescription"_L1, d);
    return m;
}

// DescribeStreamSummary's output: {"StreamDescriptionSummary": {...}}.
void readMessage(Reader &r, const QCborMap &m, StreamDescriptionSummary &out)
{
    const QCborMap d = r.structure(m, "StreamDescriptionSummary"_L1).value_or(QCborMap());
    out.streamName = r.string(d, "StreamName"_L1);
    out.streamArn = r.string(d, "StreamARN"_L1);
    out.streamId = r.string(d, "StreamId"_L1);
    out.streamStatus =
        r.responseEnum(d, "StreamStatus"_L1, &streamStatusFromWire).value_or(StreamStatus::Active);
    out.streamMode = readStreamModeDetails(r, d);
    out.retentionPeriodHours = r.integer(d, "RetentionPeriodHours"_L1).value_or(24);
    out.streamCreationTimestamp = r.timestamp(d, "StreamCreationTimestamp"_L1).value_or(0);
    out.shardLevelMetrics = readEnhancedMonitoring(r, d);
    out.encryptionType = r.responseEnum(d, "EncryptionType"_L1, &encryptionTypeFromWire)
                             .value_or(EncryptionType::None);
    out.keyId = r.string(d, "KeyId"_L1);
    out.openShardCount = r.integer(d, "OpenShardCount"_L1).value_or(0);
    out.consumerCount = r.integer(d, "ConsumerCount"_L1).value_or(0);
    if (const auto warm = r.structure(d, "WarmThroughput"_L1))
        out.warmThroughput = readWarmThroughput(r, *warm);
    out.maxRecordSizeInKiB = r.integer(d, "MaxRecordSizeInKiB"_L1).value_or(1024);
}
QCborMap writeMessage(const Writer &w, const StreamDescriptionSummary &in)
{
    QCborMap d;
    d.insert("StreamName"_L1, in.streamName);
    d.insert("StreamARN"_L1, in.streamArn);
    if (!in.streamId.isEmpty())
        d.insert("StreamId"_L1, in.streamId);
    d.insert("StreamStatus"_L1, toWire(in.streamStatus));
    d.insert("StreamModeDetails"_L1, streamModeDetails(in.streamMode));
    d.insert("RetentionPeriodHours"_L1, in.retentionPeriodHours);
    d.insert("StreamCreationTimestamp"_L1, w.timestamp(in.streamCreationTimestamp));
    d.insert("EnhancedMonitoring"_L1, enhancedMonitoring(in.shardLevelMetrics));
    d.insert("EncryptionType"_L1, toWire(in.encryptionType));
    if (!in.keyId.isEmpty())
        d.insert("KeyId"_L1, in.keyId);
    d.insert("OpenShardCount"_L1, in.openShardCount);
    d.insert("ConsumerCount"_L1, in.consumerCount);
    if (in.warmThroughput)
        d.insert("WarmThroughput"_L1, warmThroughputMap(*in.warmThroughput));
    d.insert("MaxRecordSizeInKiB"_L1, in.maxRecordSizeInKiB);
    QCborMap m;
    m.insert("StreamDescriptionSummary"_L1, d);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListShardsRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.nextToken = r.string(m, "NextToken"_L1);
    out.exclusiveStartShardId = r.string(m, "ExclusiveStartShardId"_L1);
    out.maxResults = r.integer(m, "MaxResults"_L1);
    out.streamCreationTimestamp = r.timestamp(m, "StreamCreationTimestamp"_L1);
    if (const auto f = r.structure(m, "ShardFilter"_L1)) {
        ShardFilter filter;
        const auto type = r.requestEnum(*f, "Type"_L1, u"shardFilter.type"_s,
                                        &shardFilterTypeFromWire, kShardFilterTypes, true);
        filter.type = type.value_or(ShardFilterType::AtLatest);
        filter.shardId = r.string(*f, "ShardId"_L1);
        filter.timestamp = r.timestamp(*f, "Timestamp"_L1);
        out.shardFilter = filter;
    }
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &w, const ListShardsRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    putString(m, "NextToken"_L1, in.nextToken);
    putString(m, "ExclusiveStartShardId"_L1, in.exclusiveStartShardId);
    putNumber(m, "MaxResults"_L1, in.maxResults);
    if (in.streamCreationTimestamp)
        m.insert("StreamCreationTimestamp"_L1, w.timestamp(*in.streamCreationTimestamp));
    if (in.shardFilter) {
        QCborMap f;
        f.insert("Type"_L1, toWire(in.shardFilter->type));
        putString(f, "ShardId"_L1, in.shardFilter->shardId);
        if (in.shardFilter->timestamp)
            f.insert("Timestamp"_L1, w.timestamp(*in.shardFilter->timestamp));
        m.insert("ShardFilter"_L1, f);
    }
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListShardsResponse &out)
{
    out.shards = readShards(r, m);
    out.nextToken = r.string(m, "NextToken"_L1);
}
QCborMap writeMessage(const Writer &, const ListShardsResponse &in)
{
    QCborMap m;
    m.insert("Shards"_L1, shardList(in.shards));
    putString(m, "NextToken"_L1, in.nextToken);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, PutRecordRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.data = r.blob(m, "Data"_L1);
    out.partitionKey = r.string(m, "PartitionKey"_L1);
    out.explicitHashKey = r.optionalString(m, "ExplicitHashKey"_L1);
    out.sequenceNumberForOrdering = r.optionalString(m, "SequenceNumberForOrdering"_L1);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &w, const PutRecordRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    if (!in.data.isNull())
        m.insert("Data"_L1, w.blob(in.data));
    putString(m, "PartitionKey"_L1, in.partitionKey);
    putString(m, "ExplicitHashKey"_L1, in.explicitHashKey);
    putString(m, "SequenceNumberForOrdering"_L1, in.sequenceNumberForOrdering);
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, PutRecordResponse &out)
{
    out.shardId = r.string(m, "ShardId"_L1);
    out.sequenceNumber = r.sequenceNumber(r.string(m, "SequenceNumber"_L1));
    out.encryptionType = r.responseEnum(m, "EncryptionType"_L1, &encryptionTypeFromWire)
                             .value_or(EncryptionType::None);
}
QCborMap writeMessage(const Writer &, const PutRecordResponse &in)
{
    QCborMap m;
    m.insert("ShardId"_L1, in.shardId);
    m.insert("SequenceNumber"_L1, in.sequenceNumber.toString());
    m.insert("EncryptionType"_L1, toWire(in.encryptionType));
    return m;
}

void readMessage(Reader &r, const QCborMap &m, PutRecordsRequest &out)
{
    const auto records = r.list(m, "Records"_L1);
    if (!records && !r.failed())
        r.requireNull(u"records"_s);
    forEachStructure(r, records, [&](const QCborMap &e) {
        PutRecordsRequestEntry entry;
        entry.data = r.blob(e, "Data"_L1);
        entry.explicitHashKey = r.optionalString(e, "ExplicitHashKey"_L1);
        entry.partitionKey = r.string(e, "PartitionKey"_L1);
        out.records.append(entry);
    });
    out.target = readTarget(r, m);
}
QCborMap writeMessage(const Writer &w, const PutRecordsRequest &in)
{
    QCborMap m;
    QCborArray records;
    for (const PutRecordsRequestEntry &e : in.records) {
        QCborMap em;
        if (!e.data.isNull())
            em.insert("Data"_L1, w.blob(e.data));
        putString(em, "ExplicitHashKey"_L1, e.explicitHashKey);
        putString(em, "PartitionKey"_L1, e.partitionKey);
        records.append(em);
    }
    m.insert("Records"_L1, records);
    putTarget(m, in.target);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, PutRecordsResponse &out)
{
    out.failedRecordCount = r.integer(m, "FailedRecordCount"_L1).value_or(0);
    forEachStructure(r, r.list(m, "Records"_L1), [&](const QCborMap &e) {
        PutRecordsResultEntry entry;
        if (const auto seq = r.optionalString(e, "SequenceNumber"_L1))
            entry.sequenceNumber = r.sequenceNumber(*seq);
        entry.shardId = r.string(e, "ShardId"_L1);
        entry.errorCode = r.string(e, "ErrorCode"_L1);
        entry.errorMessage = r.string(e, "ErrorMessage"_L1);
        out.records.append(entry);
    });
    out.encryptionType = r.responseEnum(m, "EncryptionType"_L1, &encryptionTypeFromWire)
                             .value_or(EncryptionType::None);
}
QCborMap writeMessage(const Writer &, const PutRecordsResponse &in)
{
    QCborMap m;
    m.insert("FailedRecordCount"_L1, in.failedRecordCount);
    QCborArray records;
    for (const PutRecordsResultEntry &e : in.records) {
        QCborMap em;
        if (e.sequenceNumber)
            em.insert("SequenceNumber"_L1, e.sequenceNumber->toString());
        putString(em, "ShardId"_L1, e.shardId);
        putString(em, "ErrorCode"_L1, e.errorCode);
        putString(em, "ErrorMessage"_L1, e.errorMessage);
        records.append(em);
    }
    m.insert("Records"_L1, records);
    m.insert("EncryptionType"_L1, toWire(in.encryptionType));
    return m;
}

void readMessage(Reader &r, const QCborMap &m, GetShardIteratorRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.shardId = r.string(m, "ShardId"_L1);
    out.shardIteratorType = r.requestEnum(m, "ShardIteratorType"_L1, u"shardIteratorType"_s,
                                          &shardIteratorTypeFromWire, kShardIteratorTypes, true)
                                .value_or(ShardIteratorType::TrimHorizon);
    out.startingSequenceNumber = r.optionalString(m, "StartingSequenceNumber"_L1);
    out.timestamp = r.timestamp(m, "Timestamp"_L1);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &w, const GetShardIteratorRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    putString(m, "ShardId"_L1, in.shardId);
    m.insert("ShardIteratorType"_L1, toWire(in.shardIteratorType));
    putString(m, "StartingSequenceNumber"_L1, in.startingSequenceNumber);
    if (in.timestamp)
        m.insert("Timestamp"_L1, w.timestamp(*in.timestamp));
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, GetShardIteratorResponse &out)
{
    out.shardIterator = r.string(m, "ShardIterator"_L1);
}
QCborMap writeMessage(const Writer &, const GetShardIteratorResponse &in)
{
    QCborMap m;
    putString(m, "ShardIterator"_L1, in.shardIterator);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, GetRecordsRequest &out)
{
    out.shardIterator = r.string(m, "ShardIterator"_L1);
    out.limit = r.integer(m, "Limit"_L1);
    out.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const GetRecordsRequest &in)
{
    QCborMap m;
    putString(m, "ShardIterator"_L1, in.shardIterator);
    putNumber(m, "Limit"_L1, in.limit);
    putString(m, "StreamARN"_L1, in.streamArn);
    return m;
}

// Records and ChildShards, as GetRecords and SubscribeToShardEvent carry them.
QList<Record> readRecords(Reader &r, const QCborMap &m)
{
    QList<Record> out;
    forEachStructure(r, r.list(m, "Records"_L1), [&](const QCborMap &e) {
        Record record;
        record.sequenceNumber = r.sequenceNumber(r.string(e, "SequenceNumber"_L1));
        record.approximateArrivalTimestamp =
            r.timestamp(e, "ApproximateArrivalTimestamp"_L1).value_or(0);
        record.data = r.blob(e, "Data"_L1);
        record.partitionKey = r.string(e, "PartitionKey"_L1);
        record.encryptionType = r.responseEnum(e, "EncryptionType"_L1, &encryptionTypeFromWire)
                                    .value_or(EncryptionType::None);
        out.append(record);
    });
    return out;
}
std::optional<QList<ChildShard>> readChildShards(Reader &r, const QCborMap &m)
{
    const auto children = r.list(m, "ChildShards"_L1);
    if (!children)
        return std::nullopt;
    QList<ChildShard> list;
    forEachStructure(r, children, [&](const QCborMap &c) {
        ChildShard child;
        child.shardId = r.string(c, "ShardId"_L1);
        child.parentShards = r.stringList(c, "ParentShards"_L1).value_or(QStringList());
        if (const auto range = r.structure(c, "HashKeyRange"_L1))
            child.hashKeyRange = readHashKeyRange(r, *range);
        list.append(child);
    });
    return list;
}
QCborArray writeRecords(const Writer &w, const QList<Record> &in)
{
    QCborArray records;
    for (const Record &record : in) {
        QCborMap rm;
        rm.insert("SequenceNumber"_L1, record.sequenceNumber.toString());
        rm.insert("ApproximateArrivalTimestamp"_L1,
                  w.timestamp(record.approximateArrivalTimestamp));
        rm.insert("Data"_L1, w.blob(record.data));
        rm.insert("PartitionKey"_L1, record.partitionKey);
        // Kinesis leaves EncryptionType out of records of unencrypted streams.
        if (record.encryptionType != EncryptionType::None)
            rm.insert("EncryptionType"_L1, toWire(record.encryptionType));
        records.append(rm);
    }
    return records;
}
QCborArray writeChildShards(const QList<ChildShard> &in)
{
    QCborArray children;
    for (const ChildShard &child : in) {
        QCborMap cm;
        cm.insert("ShardId"_L1, child.shardId);
        cm.insert("ParentShards"_L1, QCborArray::fromStringList(child.parentShards));
        cm.insert("HashKeyRange"_L1, hashKeyRange(child.hashKeyRange));
        children.append(cm);
    }
    return children;
}

void readMessage(Reader &r, const QCborMap &m, GetRecordsResponse &out)
{
    out.records = readRecords(r, m);
    out.nextShardIterator = r.optionalString(m, "NextShardIterator"_L1);
    out.millisBehindLatest = r.longInteger(m, "MillisBehindLatest"_L1).value_or(0);
    out.childShards = readChildShards(r, m);
}
QCborMap writeMessage(const Writer &w, const GetRecordsResponse &in)
{
    QCborMap m;
    m.insert("Records"_L1, writeRecords(w, in.records));
    putString(m, "NextShardIterator"_L1, in.nextShardIterator);
    m.insert("MillisBehindLatest"_L1, in.millisBehindLatest);
    if (in.childShards)
        m.insert("ChildShards"_L1, writeChildShards(*in.childShards));
    return m;
}

void readMessage(Reader &r, const QCborMap &m, SubscribeToShardRequest &out)
{
    out.consumerArn = r.string(m, "ConsumerARN"_L1);
    out.shardId = r.string(m, "ShardId"_L1);
    const auto start = r.structure(m, "StartingPosition"_L1);
    if (!start) {
        r.requireNull(u"startingPosition"_s);
        return;
    }
    out.startingPosition.type =
        r.requestEnum(*start, "Type"_L1, u"startingPosition.type"_s, &shardIteratorTypeFromWire,
                      kShardIteratorTypes, true)
            .value_or(ShardIteratorType::Latest);
    out.startingPosition.sequenceNumber = r.optionalString(*start, "SequenceNumber"_L1);
    out.startingPosition.timestamp = r.timestamp(*start, "Timestamp"_L1);
}
QCborMap writeMessage(const Writer &w, const SubscribeToShardRequest &in)
{
    QCborMap m;
    putString(m, "ConsumerARN"_L1, in.consumerArn);
    putString(m, "ShardId"_L1, in.shardId);
    QCborMap start;
    start.insert("Type"_L1, toWire(in.startingPosition.type));
    putString(start, "SequenceNumber"_L1, in.startingPosition.sequenceNumber);
    if (in.startingPosition.timestamp)
        start.insert("Timestamp"_L1, w.timestamp(*in.startingPosition.timestamp));
    m.insert("StartingPosition"_L1, start);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, SubscribeToShardEvent &out)
{
    out.records = readRecords(r, m);
    out.continuationSequenceNumber = r.optionalString(m, "ContinuationSequenceNumber"_L1);
    out.millisBehindLatest = r.longInteger(m, "MillisBehindLatest"_L1).value_or(0);
    out.childShards = readChildShards(r, m);
}
QCborMap writeMessage(const Writer &w, const SubscribeToShardEvent &in)
{
    QCborMap m;
    m.insert("Records"_L1, writeRecords(w, in.records));
    putString(m, "ContinuationSequenceNumber"_L1, in.continuationSequenceNumber);
    m.insert("MillisBehindLatest"_L1, in.millisBehindLatest);
    if (in.childShards)
        m.insert("ChildShards"_L1, writeChildShards(*in.childShards));
    return m;
}

void readMessage(Reader &r, const QCborMap &m, SplitShardRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.shardToSplit = r.string(m, "ShardToSplit"_L1);
    out.newStartingHashKey = r.string(m, "NewStartingHashKey"_L1);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const SplitShardRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    putString(m, "ShardToSplit"_L1, in.shardToSplit);
    putString(m, "NewStartingHashKey"_L1, in.newStartingHashKey);
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, MergeShardsRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.shardToMerge = r.string(m, "ShardToMerge"_L1);
    out.adjacentShardToMerge = r.string(m, "AdjacentShardToMerge"_L1);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const MergeShardsRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    putString(m, "ShardToMerge"_L1, in.shardToMerge);
    putString(m, "AdjacentShardToMerge"_L1, in.adjacentShardToMerge);
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, UpdateShardCountRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    // scalingType is validated before targetShardCount, as Kinesis orders the messages.
    out.scalingType = r.requestEnum(m, "ScalingType"_L1, u"scalingType"_s, &scalingTypeFromWire,
                                    kScalingTypes, true)
                          .value_or(ScalingType::UniformScaling);
    const auto target = r.integer(m, "TargetShardCount"_L1);
    if (!target && !r.failed())
        r.requireNull(u"targetShardCount"_s);
    out.targetShardCount = target.value_or(0);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const UpdateShardCountRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    m.insert("TargetShardCount"_L1, in.targetShardCount);
    m.insert("ScalingType"_L1, scalingTypeToWire(in.scalingType));
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, UpdateShardCountResponse &out)
{
    out.streamName = r.string(m, "StreamName"_L1);
    out.currentShardCount = r.integer(m, "CurrentShardCount"_L1).value_or(0);
    out.targetShardCount = r.integer(m, "TargetShardCount"_L1).value_or(0);
    out.streamArn = r.string(m, "StreamARN"_L1);
}
QCborMap writeMessage(const Writer &, const UpdateShardCountResponse &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.streamName);
    m.insert("CurrentShardCount"_L1, in.currentShardCount);
    m.insert("TargetShardCount"_L1, in.targetShardCount);
    putString(m, "StreamARN"_L1, in.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, RetentionPeriodRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    const auto hours = r.integer(m, "RetentionPeriodHours"_L1);
    if (!hours && !r.failed())
        r.requireNull(u"retentionPeriodHours"_s);
    out.retentionPeriodHours = hours.value_or(0);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const RetentionPeriodRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    m.insert("RetentionPeriodHours"_L1, in.retentionPeriodHours);
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

// The model has only StreamARN here; a StreamName in the struct is not sent.
void readMessage(Reader &r, const QCborMap &m, UpdateMaxRecordSizeRequest &out)
{
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
    const auto size = r.integer(m, "MaxRecordSizeInKiB"_L1);
    if (!size && !r.failed())
        r.requireNull(u"maxRecordSizeInKiB"_s);
    out.maxRecordSizeInKiB = size.value_or(0);
}
QCborMap writeMessage(const Writer &, const UpdateMaxRecordSizeRequest &in)
{
    QCborMap m;
    putString(m, "StreamARN"_L1, in.target.streamArn);
    m.insert("MaxRecordSizeInKiB"_L1, in.maxRecordSizeInKiB);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, UpdateStreamModeRequest &out)
{
    out.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
    if (const auto details = r.structure(m, "StreamModeDetails"_L1)) {
        out.streamMode = r.requestEnum(*details, "StreamMode"_L1, u"streamModeDetails.streamMode"_s,
                                       &streamModeFromWire, kStreamModes, true)
                             .value_or(StreamMode::Provisioned);
    } else if (!r.failed()) {
        r.requireNull(u"streamModeDetails"_s);
    }
    r.ignoreInteger(m, "WarmThroughputMiBps"_L1);
}
QCborMap writeMessage(const Writer &, const UpdateStreamModeRequest &in)
{
    QCborMap m;
    putString(m, "StreamARN"_L1, in.streamArn);
    m.insert("StreamModeDetails"_L1, streamModeDetails(in.streamMode));
    return m;
}

// Start/StopStreamEncryption: EncryptionType stays text here; the engine checks its value set.
template<typename Request>
void readEncryptionRequest(Reader &r, const QCborMap &m, Request &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.encryptionType = r.string(m, "EncryptionType"_L1);
    out.keyId = r.string(m, "KeyId"_L1);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
template<typename Request>
QCborMap writeEncryptionRequest(const Request &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    putString(m, "EncryptionType"_L1, in.encryptionType);
    putString(m, "KeyId"_L1, in.keyId);
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, StartStreamEncryptionRequest &out)
{
    readEncryptionRequest(r, m, out);
}
QCborMap writeMessage(const Writer &, const StartStreamEncryptionRequest &in)
{
    return writeEncryptionRequest(in);
}

void readMessage(Reader &r, const QCborMap &m, StopStreamEncryptionRequest &out)
{
    readEncryptionRequest(r, m, out);
}
QCborMap writeMessage(const Writer &, const StopStreamEncryptionRequest &in)
{
    return writeEncryptionRequest(in);
}

TagMap readRequiredTags(Reader &r, const QCborMap &m)
{
    auto tags = r.stringMap(m, "Tags"_L1);
    if (!tags && !r.failed())
        r.requireNull(u"tags"_s);
    return tags.value_or(TagMap());
}

QStringList readRequiredTagKeys(Reader &r, const QCborMap &m)
{
    auto keys = r.stringList(m, "TagKeys"_L1);
    if (!keys && !r.failed())
        r.requireNull(u"tagKeys"_s);
    return keys.value_or(QStringList());
}

void readMessage(Reader &r, const QCborMap &m, AddTagsToStreamRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.tags = readRequiredTags(r, m);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const AddTagsToStreamRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    m.insert("Tags"_L1, tagMap(in.tags));
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, RemoveTagsFromStreamRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.tagKeys = readRequiredTagKeys(r, m);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const RemoveTagsFromStreamRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    m.insert("TagKeys"_L1, QCborArray::fromStringList(in.tagKeys));
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListTagsForStreamRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    out.exclusiveStartTagKey = r.string(m, "ExclusiveStartTagKey"_L1);
    out.limit = r.integer(m, "Limit"_L1);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const ListTagsForStreamRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    putString(m, "ExclusiveStartTagKey"_L1, in.exclusiveStartTagKey);
    putNumber(m, "Limit"_L1, in.limit);
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListTagsForStreamResponse &out)
{
    out.tags = readTagList(r, m);
    out.hasMoreTags = r.boolean(m, "HasMoreTags"_L1).value_or(false);
}
QCborMap writeMessage(const Writer &, const ListTagsForStreamResponse &in)
{
    QCborMap m;
    m.insert("Tags"_L1, tagList(in.tags));
    m.insert("HasMoreTags"_L1, in.hasMoreTags);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, TagResourceRequest &out)
{
    out.tags = readRequiredTags(r, m);
    out.resourceArn = r.string(m, "ResourceARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const TagResourceRequest &in)
{
    QCborMap m;
    m.insert("Tags"_L1, tagMap(in.tags));
    putString(m, "ResourceARN"_L1, in.resourceArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, UntagResourceRequest &out)
{
    out.tagKeys = readRequiredTagKeys(r, m);
    out.resourceArn = r.string(m, "ResourceARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const UntagResourceRequest &in)
{
    QCborMap m;
    m.insert("TagKeys"_L1, QCborArray::fromStringList(in.tagKeys));
    putString(m, "ResourceARN"_L1, in.resourceArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListTagsForResourceRequest &out)
{
    out.resourceArn = r.string(m, "ResourceARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const ListTagsForResourceRequest &in)
{
    QCborMap m;
    putString(m, "ResourceARN"_L1, in.resourceArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListTagsForResourceResponse &out)
{
    out.tags = readTagList(r, m);
}
QCborMap writeMessage(const Writer &, const ListTagsForResourceResponse &in)
{
    QCborMap m;
    m.insert("Tags"_L1, tagList(in.tags));
    return m;
}

void readMessage(Reader &r, const QCborMap &m, DescribeLimitsResponse &out)
{
    out.shardLimit = r.integer(m, "ShardLimit"_L1).value_or(0);
    out.openShardCount = r.integer(m, "OpenShardCount"_L1).value_or(0);
    out.onDemandStreamCount = r.integer(m, "OnDemandStreamCount"_L1).value_or(0);
    out.onDemandStreamCountLimit = r.integer(m, "OnDemandStreamCountLimit"_L1).value_or(0);
}
QCborMap writeMessage(const Writer &, const DescribeLimitsResponse &in)
{
    QCborMap m;
    m.insert("ShardLimit"_L1, in.shardLimit);
    m.insert("OpenShardCount"_L1, in.openShardCount);
    m.insert("OnDemandStreamCount"_L1, in.onDemandStreamCount);
    m.insert("OnDemandStreamCountLimit"_L1, in.onDemandStreamCountLimit);
    return m;
}

// Enhanced fan-out consumers.

QCborMap consumerToMap(const Writer &w, const QString &name, const QString &arn,
                       ConsumerStatus status, qint64 createdMs)
{
    QCborMap m;
    m.insert("ConsumerName"_L1, name);
    m.insert("ConsumerARN"_L1, arn);
    m.insert("ConsumerStatus"_L1, toWire(status));
    m.insert("ConsumerCreationTimestamp"_L1, w.timestamp(createdMs));
    return m;
}

Consumer readConsumer(Reader &r, const QCborMap &m)
{
    Consumer consumer;
    consumer.consumerName = r.string(m, "ConsumerName"_L1);
    consumer.consumerArn = r.string(m, "ConsumerARN"_L1);
    consumer.consumerStatus = r.responseEnum(m, "ConsumerStatus"_L1, &consumerStatusFromWire)
                                  .value_or(ConsumerStatus::Creating);
    consumer.consumerCreationTimestamp = r.timestamp(m, "ConsumerCreationTimestamp"_L1).value_or(0);
    return consumer;
}

void readMessage(Reader &r, const QCborMap &m, RegisterStreamConsumerRequest &out)
{
    out.streamArn = r.string(m, "StreamARN"_L1);
    out.consumerName = r.string(m, "ConsumerName"_L1);
    r.ignoreString(m, "StreamId"_L1);
    out.tags = r.stringMap(m, "Tags"_L1).value_or(TagMap());
}
QCborMap writeMessage(const Writer &, const RegisterStreamConsumerRequest &in)
{
    QCborMap m;
    putString(m, "StreamARN"_L1, in.streamArn);
    putString(m, "ConsumerName"_L1, in.consumerName);
    if (!in.tags.isEmpty())
        m.insert("Tags"_L1, tagMap(in.tags));
    return m;
}

// RegisterStreamConsumer's output: {"Consumer": {...}}.
void readMessage(Reader &r, const QCborMap &m, Consumer &out)
{
    out = readConsumer(r, r.structure(m, "Consumer"_L1).value_or(QCborMap()));
}
QCborMap writeMessage(const Writer &w, const Consumer &in)
{
    QCborMap m;
    m.insert("Consumer"_L1, consumerToMap(w, in.consumerName, in.consumerArn, in.consumerStatus,
                                          in.consumerCreationTimestamp));
    return m;
}

// The input of DescribeStreamConsumer and DeregisterStreamConsumer.
void readMessage(Reader &r, const QCborMap &m, ConsumerTarget &out)
{
    out.streamArn = r.string(m, "StreamARN"_L1);
    out.consumerName = r.string(m, "ConsumerName"_L1);
    out.consumerArn = r.string(m, "ConsumerARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const ConsumerTarget &in)
{
    QCborMap m;
    putString(m, "StreamARN"_L1, in.streamArn);
    putString(m, "ConsumerName"_L1, in.consumerName);
    putString(m, "ConsumerARN"_L1, in.consumerArn);
    return m;
}

// DescribeStreamConsumer's output: {"ConsumerDescription": {...}}.
void readMessage(Reader &r, const QCborMap &m, ConsumerDescription &out)
{
    const QCborMap d = r.structure(m, "ConsumerDescription"_L1).value_or(QCborMap());
    const Consumer consumer = readConsumer(r, d);
    out.consumerName = consumer.consumerName;
    out.consumerArn = consumer.consumerArn;
    out.consumerStatus = consumer.consumerStatus;
    out.consumerCreationTimestamp = consumer.consumerCreationTimestamp;
    out.streamArn = r.string(d, "StreamARN"_L1);
}
QCborMap writeMessage(const Writer &w, const ConsumerDescription &in)
{
    QCborMap d = consumerToMap(w, in.consumerName, in.consumerArn, in.consumerStatus,
                               in.consumerCreationTimestamp);
    d.insert("StreamARN"_L1, in.streamArn);
    QCborMap m;
    m.insert("ConsumerDescription"_L1, d);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListStreamConsumersRequest &out)
{
    out.streamArn = r.string(m, "StreamARN"_L1);
    out.nextToken = r.string(m, "NextToken"_L1);
    out.maxResults = r.integer(m, "MaxResults"_L1);
    out.streamCreationTimestamp = r.timestamp(m, "StreamCreationTimestamp"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &w, const ListStreamConsumersRequest &in)
{
    QCborMap m;
    putString(m, "StreamARN"_L1, in.streamArn);
    putString(m, "NextToken"_L1, in.nextToken);
    putNumber(m, "MaxResults"_L1, in.maxResults);
    if (in.streamCreationTimestamp)
        m.insert("StreamCreationTimestamp"_L1, w.timestamp(*in.streamCreationTimestamp));
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ListStreamConsumersResponse &out)
{
    forEachStructure(r, r.list(m, "Consumers"_L1),
                     [&](const QCborMap &c) { out.consumers.append(readConsumer(r, c)); });
    out.nextToken = r.string(m, "NextToken"_L1);
}
QCborMap writeMessage(const Writer &w, const ListStreamConsumersResponse &in)
{
    QCborMap m;
    QCborArray consumers;
    for (const Consumer &c : in.consumers)
        consumers.append(consumerToMap(w, c.consumerName, c.consumerArn, c.consumerStatus,
                                       c.consumerCreationTimestamp));
    m.insert("Consumers"_L1, consumers);
    putString(m, "NextToken"_L1, in.nextToken);
    return m;
}

std::optional<ErrorType> errorTypeFromName(QStringView name)
{
    // kinesalite and older Kinesis endpoints write the 500 as plain "InternalFailure".
    if (name == u"InternalFailure")
        return ErrorType::InternalFailure;
    for (int i = 0; i <= static_cast<int>(ErrorType::UnrecognizedClient); ++i) {
        const Error probe{static_cast<ErrorType>(i), {}};
        if (name == probe.typeName())
            return probe.type;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// The control plane: enhanced monitoring, warm throughput, account settings, resource policies

// The MetricsName value set in the order of the API model.
QString metricsValueSet()
{
    return allShardLevelMetrics().join(u", "_s) % u", "_s % kAllShardLevelMetrics;
}

void readMessage(Reader &r, const QCborMap &m, EnhancedMonitoringRequest &out)
{
    out.target.streamName = r.string(m, "StreamName"_L1);
    const auto metrics = r.stringList(m, "ShardLevelMetrics"_L1);
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
    if (r.failed())
        return;
    if (!metrics) {
        r.requireNull(u"shardLevelMetrics"_s);
        return;
    }
    const QStringList known = allShardLevelMetrics();
    for (const QString &name : *metrics) {
        if (!known.contains(name) && name != kAllShardLevelMetrics) {
            r.invalid(u"shardLevelMetrics"_s, u'[' % metrics->join(u", "_s) % u']',
                      u"Member must satisfy constraint: [Member must satisfy enum value set: [" %
                          metricsValueSet() % u"]]");
            break;
        }
    }
    out.shardLevelMetrics = *metrics;
}
QCborMap writeMessage(const Writer &, const EnhancedMonitoringRequest &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.target.streamName);
    m.insert("ShardLevelMetrics"_L1, QCborArray::fromStringList(in.shardLevelMetrics));
    putString(m, "StreamARN"_L1, in.target.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, EnhancedMonitoringResponse &out)
{
    out.streamName = r.string(m, "StreamName"_L1);
    out.currentShardLevelMetrics =
        r.stringList(m, "CurrentShardLevelMetrics"_L1).value_or(QStringList());
    out.desiredShardLevelMetrics =
        r.stringList(m, "DesiredShardLevelMetrics"_L1).value_or(QStringList());
    out.streamArn = r.string(m, "StreamARN"_L1);
}
QCborMap writeMessage(const Writer &, const EnhancedMonitoringResponse &in)
{
    QCborMap m;
    putString(m, "StreamName"_L1, in.streamName);
    m.insert("CurrentShardLevelMetrics"_L1, QCborArray::fromStringList(in.currentShardLevelMetrics));
    m.insert("DesiredShardLevelMetrics"_L1, QCborArray::fromStringList(in.desiredShardLevelMetrics));
    putString(m, "StreamARN"_L1, in.streamArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, UpdateStreamWarmThroughputRequest &out)
{
    out.target.streamArn = r.string(m, "StreamARN"_L1);
    out.target.streamName = r.string(m, "StreamName"_L1);
    r.ignoreString(m, "StreamId"_L1);
    const auto warm = r.integer(m, "WarmThroughputMiBps"_L1);
    if (!warm && !r.failed())
        r.requireNull(u"warmThroughputMiBps"_s);
    out.warmThroughputMiBps = warm.value_or(0);
}
QCborMap writeMessage(const Writer &, const UpdateStreamWarmThroughputRequest &in)
{
    QCborMap m;
    putString(m, "StreamARN"_L1, in.target.streamArn);
    putString(m, "StreamName"_L1, in.target.streamName);
    m.insert("WarmThroughputMiBps"_L1, in.warmThroughputMiBps);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, UpdateStreamWarmThroughputResponse &out)
{
    out.streamArn = r.string(m, "StreamARN"_L1);
    out.streamName = r.string(m, "StreamName"_L1);
    if (const auto warm = r.structure(m, "WarmThroughput"_L1))
        out.warmThroughput = readWarmThroughput(r, *warm);
}
QCborMap writeMessage(const Writer &, const UpdateStreamWarmThroughputResponse &in)
{
    QCborMap m;
    putString(m, "StreamARN"_L1, in.streamArn);
    putString(m, "StreamName"_L1, in.streamName);
    m.insert("WarmThroughput"_L1, warmThroughputMap(in.warmThroughput));
    return m;
}

void readMessage(Reader &r, const QCborMap &m, AccountSettings &out)
{
    const auto c = r.structure(m, "MinimumThroughputBillingCommitment"_L1);
    if (!c)
        return;
    MinimumThroughputBillingCommitment commitment;
    commitment.status = r.responseEnum(*c, "Status"_L1, &billingCommitmentStatusFromWire)
                            .value_or(BillingCommitmentStatus::Disabled);
    commitment.startedAt = r.timestamp(*c, "StartedAt"_L1);
    commitment.endedAt = r.timestamp(*c, "EndedAt"_L1);
    commitment.earliestAllowedEndAt = r.timestamp(*c, "EarliestAllowedEndAt"_L1);
    out.minimumThroughputBillingCommitment = commitment;
}
QCborMap writeMessage(const Writer &w, const AccountSettings &in)
{
    QCborMap m;
    if (const auto &c = in.minimumThroughputBillingCommitment) {
        QCborMap cm;
        cm.insert("Status"_L1, toWire(c->status));
        if (c->startedAt)
            cm.insert("StartedAt"_L1, w.timestamp(*c->startedAt));
        if (c->endedAt)
            cm.insert("EndedAt"_L1, w.timestamp(*c->endedAt));
        if (c->earliestAllowedEndAt)
            cm.insert("EarliestAllowedEndAt"_L1, w.timestamp(*c->earliestAllowedEndAt));
        m.insert("MinimumThroughputBillingCommitment"_L1, cm);
    }
    return m;
}

std::optional<BillingCommitmentStatus> commitmentInputStatusFromWire(QStringView text)
{
    const auto status = billingCommitmentStatusFromWire(text);
    if (status == BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd)
        return std::nullopt;
    return status;
}

void readMessage(Reader &r, const QCborMap &m, UpdateAccountSettingsRequest &out)
{
    if (const auto c = r.structure(m, "MinimumThroughputBillingCommitment"_L1)) {
        out.minimumThroughputBillingCommitmentStatus =
            r.requestEnum(*c, "Status"_L1, u"minimumThroughputBillingCommitment.status"_s,
                          &commitmentInputStatusFromWire, u"ENABLED, DISABLED", true)
                .value_or(BillingCommitmentStatus::Disabled);
    } else if (!r.failed()) {
        r.requireNull(u"minimumThroughputBillingCommitment"_s);
    }
}
QCborMap writeMessage(const Writer &, const UpdateAccountSettingsRequest &in)
{
    QCborMap c;
    c.insert("Status"_L1, toWire(in.minimumThroughputBillingCommitmentStatus));
    QCborMap m;
    m.insert("MinimumThroughputBillingCommitment"_L1, c);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, PutResourcePolicyRequest &out)
{
    out.resourceArn = r.string(m, "ResourceARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
    out.policy = r.string(m, "Policy"_L1);
}
QCborMap writeMessage(const Writer &, const PutResourcePolicyRequest &in)
{
    QCborMap m;
    putString(m, "ResourceARN"_L1, in.resourceArn);
    putString(m, "Policy"_L1, in.policy);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, ResourcePolicyTarget &out)
{
    out.resourceArn = r.string(m, "ResourceARN"_L1);
    r.ignoreString(m, "StreamId"_L1);
}
QCborMap writeMessage(const Writer &, const ResourcePolicyTarget &in)
{
    QCborMap m;
    putString(m, "ResourceARN"_L1, in.resourceArn);
    return m;
}

void readMessage(Reader &r, const QCborMap &m, GetResourcePolicyResponse &out)
{
    out.policy = r.string(m, "Policy"_L1);
}
QCborMap writeMessage(const Writer &, const GetResourcePolicyResponse &in)
{
    QCborMap m;
    putString(m, "Policy"_L1, in.policy);
    return m;
}

} // namespace

// ---------------------------------------------------------------------------------------------

WireCodec::WireCodec(WireFormat format) : m_format(format) {}

QByteArray WireCodec::contentType() const
{
    return m_format == WireFormat::Json ? QByteArrayLiteral("application/x-amz-json-1.1")
                                        : QByteArrayLiteral("application/x-amz-cbor-1.1");
}

std::optional<WireFormat> WireCodec::formatForContentType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type = (semicolon < 0 ? contentType : contentType.first(semicolon))
                                .trimmed()
                                .toByteArray()
                                .toLower();
    if (type == "application/x-amz-json-1.1" || type == "application/x-amz-json-1.0")
        return WireFormat::Json;
    if (type == "application/x-amz-cbor-1.1")
        return WireFormat::Cbor;
    return std::nullopt;
}

std::expected<QCborMap, Error> WireCodec::parse(const QByteArray &body) const
{
    const Error serialization{ErrorType::Serialization, {}};
    if (m_format == WireFormat::Json) {
        const std::optional<QByteArray> text = normalizeJson(body);
        if (!text)
            return std::unexpected(serialization);
        // QJsonDocument rejects documents nested deeper than 1024 levels instead of recursing.
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(*text, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return std::unexpected(serialization);
        return QCborMap::fromJsonObject(document.object());
    }
    const auto stripped = CborTagStripper(body).strip();
    if (!stripped)
        return std::unexpected(serialization);
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(*stripped, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return std::unexpected(serialization);
    return value.toMap();
}

QByteArray WireCodec::serialize(const QCborMap &map) const
{
    if (m_format == WireFormat::Cbor) {
        QByteArray out;
        QCborStreamWriter writer(&out);
        appendCbor(writer, QCborValue(map), 0);
        return out;
    }
    QByteArray out;
    appendJson(out, QCborValue(map), 0);
    return out;
}

template<WireMessage T> std::expected<T, Error> WireCodec::fromMap(const QCborMap &map) const
{
    Reader reader(m_format);
    T message{};
    readMessage(reader, map, message);
    return reader.finish(std::move(message));
}

template<WireMessage T> QCborMap WireCodec::toMap(const T &message) const
{
    return writeMessage(Writer(m_format), message);
}

QByteArray WireCodec::encodeError(const Error &error) const
{
    QCborMap m;
    m.insert("__type"_L1, error.typeName());
    if (!error.message.isEmpty()) {
        // Coral's own SerializationException capitalises the key; service errors do not.
        m.insert(error.type == ErrorType::Serialization ? "Message"_L1 : "message"_L1,
                 error.message);
    }
    return serialize(m);
}

Error WireCodec::decodeError(const QByteArray &body) const
{
    const auto map = parse(body);
    if (!map)
        return Error::internal(u"Unreadable error response: "_s %
                               QString::fromUtf8(body.left(200)));
    QString type = untag(map->value("__type"_L1)).toString();
    const qsizetype hash = type.lastIndexOf(u'#');
    if (hash >= 0)
        type = type.mid(hash + 1);
    QString message = untag(map->value("message"_L1)).toString();
    if (message.isNull())
        message = untag(map->value("Message"_L1)).toString();
    if (const auto known = errorTypeFromName(type))
        return Error{*known, message};
    return Error::internal(message.isEmpty() ? type : QString(type % u": " % message));
}

#define SHARDSCOPE_WIRE_MESSAGE(T)                                                                 \
    template std::expected<T, Error> WireCodec::fromMap<T>(const QCborMap &) const;                \
    template QCborMap WireCodec::toMap<T>(const T &) const;

SHARDSCOPE_WIRE_MESSAGE(EmptyMessage)
SHARDSCOPE_WIRE_MESSAGE(StreamTarget)
SHARDSCOPE_WIRE_MESSAGE(CreateStreamRequest)
SHARDSCOPE_WIRE_MESSAGE(DeleteStreamRequest)
SHARDSCOPE_WIRE_MESSAGE(ListStreamsRequest)
SHARDSCOPE_WIRE_MESSAGE(ListStreamsResponse)
SHARDSCOPE_WIRE_MESSAGE(DescribeStreamRequest)
SHARDSCOPE_WIRE_MESSAGE(StreamDescription)
SHARDSCOPE_WIRE_MESSAGE(StreamDescriptionSummary)
SHARDSCOPE_WIRE_MESSAGE(ListShardsRequest)
SHARDSCOPE_WIRE_MESSAGE(ListShardsResponse)
SHARDSCOPE_WIRE_MESSAGE(PutRecordRequest)
SHARDSCOPE_WIRE_MESSAGE(PutRecordResponse)
SHARDSCOPE_WIRE_MESSAGE(PutRecordsRequest)
SHARDSCOPE_WIRE_MESSAGE(PutRecordsResponse)
SHARDSCOPE_WIRE_MESSAGE(GetShardIteratorRequest)
SHARDSCOPE_WIRE_MESSAGE(GetShardIteratorResponse)
SHARDSCOPE_WIRE_MESSAGE(GetRecordsRequest)
SHARDSCOPE_WIRE_MESSAGE(GetRecordsResponse)
SHARDSCOPE_WIRE_MESSAGE(SubscribeToShardRequest)
SHARDSCOPE_WIRE_MESSAGE(SubscribeToShardEvent)
SHARDSCOPE_WIRE_MESSAGE(SplitShardRequest)
SHARDSCOPE_WIRE_MESSAGE(MergeShardsRequest)
SHARDSCOPE_WIRE_MESSAGE(UpdateShardCountRequest)
SHARDSCOPE_WIRE_MESSAGE(UpdateShardCountResponse)
SHARDSCOPE_WIRE_MESSAGE(RetentionPeriodRequest)
SHARDSCOPE_WIRE_MESSAGE(UpdateMaxRecordSizeRequest)
SHARDSCOPE_WIRE_MESSAGE(UpdateStreamModeRequest)
SHARDSCOPE_WIRE_MESSAGE(StartStreamEncryptionRequest)
SHARDSCOPE_WIRE_MESSAGE(StopStreamEncryptionRequest)
SHARDSCOPE_WIRE_MESSAGE(AddTagsToStreamRequest)
SHARDSCOPE_WIRE_MESSAGE(RemoveTagsFromStreamRequest)
SHARDSCOPE_WIRE_MESSAGE(ListTagsForStreamRequest)
SHARDSCOPE_WIRE_MESSAGE(ListTagsForStreamResponse)
SHARDSCOPE_WIRE_MESSAGE(TagResourceRequest)
SHARDSCOPE_WIRE_MESSAGE(UntagResourceRequest)
SHARDSCOPE_WIRE_MESSAGE(ListTagsForResourceRequest)
SHARDSCOPE_WIRE_MESSAGE(ListTagsForResourceResponse)
SHARDSCOPE_WIRE_MESSAGE(DescribeLimitsResponse)
SHARDSCOPE_WIRE_MESSAGE(RegisterStreamConsumerRequest)
SHARDSCOPE_WIRE_MESSAGE(Consumer)
SHARDSCOPE_WIRE_MESSAGE(ConsumerTarget)
SHARDSCOPE_WIRE_MESSAGE(ConsumerDescription)
SHARDSCOPE_WIRE_MESSAGE(ListStreamConsumersRequest)
SHARDSCOPE_WIRE_MESSAGE(ListStreamConsumersResponse)
SHARDSCOPE_WIRE_MESSAGE(EnhancedMonitoringRequest)
SHARDSCOPE_WIRE_MESSAGE(EnhancedMonitoringResponse)
SHARDSCOPE_WIRE_MESSAGE(UpdateStreamWarmThroughputRequest)
SHARDSCOPE_WIRE_MESSAGE(UpdateStreamWarmThroughputResponse)
SHARDSCOPE_WIRE_MESSAGE(AccountSettings)
SHARDSCOPE_WIRE_MESSAGE(UpdateAccountSettingsRequest)
SHARDSCOPE_WIRE_MESSAGE(PutResourcePolicyRequest)
SHARDSCOPE_WIRE_MESSAGE(ResourcePolicyTarget)
SHARDSCOPE_WIRE_MESSAGE(GetResourcePolicyResponse)

#undef SHARDSCOPE_WIRE_MESSAGE

} // namespace shardscope
