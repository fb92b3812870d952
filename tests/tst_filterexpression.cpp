// The filter language: which of a fixed set of records each expression matches, the errors
// (message, position, length) for bad expressions, the normalized form, completions, and the
// hand-rolled JSON reader checked against QJsonDocument.

#include "records/filterexpression.h"
#include "kinesis/sequencenumber.h"
#include "records/recordentry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QtConcurrent>

using namespace shardscope;
using namespace Qt::StringLiterals;

// Declared first: moc reads raw string literals with \" in them as unterminated strings.
class TestFilterExpression : public QObject
{
    Q_OBJECT
private slots:
    void matchesFixture_data();
    void matchesFixture();
    void errors_data();
    void errors();
    void normalized_data();
    void normalized();
    void completions_data();
    void completions();
    void fieldsAndDescriptions();
    void emptyFilterMatchesEverything();
    void needsData();
    void legacySequenceNumbersMeanTodaysRecords();
    void shardNumberHelper();
    void jsonAgreesWithQJsonDocument();
    void jsonValidityAgreesWithQJsonDocument_data();
    void jsonValidityAgreesWithQJsonDocument();
    void jsonStringsAtEveryAlignment();
    void deepJsonDoesNotOverflow();
    void deepNestingIsAnError();
    void concurrentMatching();
    void randomInputIsHandled();
};

namespace {

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QString shard(int index)
{
    return ShardId::format(quint32(index));
}

QString seq(int last)
{
    return u"495903382714902566085596925383615710959215759891365888"_s +
           QString::number(last).rightJustified(2, u'0');
}

// The fixed records every expression is evaluated against, by name.
const QList<std::pair<QString, RecordEntry>> &fixture()
{
    static const QList<std::pair<QString, RecordEntry>> records = [] {
        QList<std::pair<QString, RecordEntry>> list;
        list.append({u"login"_s,
                     {shard(0),
                      seq(1),
                      utcMs("2026-11-26T09:59:59.000Z"),
                      u"user-42"_s,
                      {},
                      R"({"event":"login","status":"ok","user":{"id":42,"name":"Ada"},)"
                      R"("items":[],"amount":0,"tags":["web","eu"]})"_ba}});
        list.append({u"error42"_s,
                     {shard(3),
                      seq(2),
                      utcMs("2026-11-26T10:00:00.000Z"),
                      u"user-42"_s,
                      {},
                      R"({ "status" : "error", "code": 503, "items": [ {"sku": "A-1", "qty": 2},)"
                      R"( {"sku": "B-2", "qty": 1} ], "amount": 19.5,)"
                      R"( "message": "upstream timeout", "ok": false })"_ba}});
        list.append({u"big"_s,
                     {shard(1), seq(3), utcMs("2026-11-26T10:00:00.500Z"), u"user-7"_s,
                      u"170141183460469231731687303715884105728"_s,
                      R"({"status":"error","blob":")"_ba + QByteArray(1100, 'x') + R"("})"_ba}});
        list.append({u"text"_s,
                     {shard(2),
                      seq(4),
                      utcMs("2026-11-26T10:30:00.000Z"),
                      u"Sensor/1"_s,
                      {},
                      "plain text, not JSON: temperature=21.5"_ba}});
        list.append({u"binary"_s,
                     {shard(3), seq(5), utcMs("2026-11-26T11:00:00.000Z"), u"user-420"_s, u"7"_s,
                      QByteArray("\x00\xff\xfe\x01status", 10)}});
        list.append({u"escaped"_s,
                     {shard(0),
                      seq(6),
                      utcMs("2026-11-27T00:00:00.000Z"),
                      u"quote\"key"_s,
                      {},
                      R"({"k\u0065y":"va\"lue","unicode":"gr\u00fc\u00dfe","a.b":1,)"
                      R"("arr":[1,2,3],"nested":{"deep":{"x":null}},"tab":"a\tb"})"_ba}});
        list.append({u"array"_s,
                     {shard(1),
                      seq(7),
                      utcMs("2026-11-27T00:00:00.001Z"),
                      u"list"_s,
                      {},
                      R"([{"sku":"Z"}, 2, "three"])"_ba}});
        list.append({u"dups"_s,
                     {shard(2),
                      seq(8),
                      utcMs("2026-11-25T00:00:00.000Z"),
                      u"dup"_s,
                      {},
                      R"({"status":"ok","status":"error"})"_ba}});
        list.append({u"empty"_s, {shard(0), u"999"_s, 0, u"e"_s, {}, QByteArray()}});
        return list;
    }();
    return records;
}

QString allExcept(const QStringList &excluded)
{
    QStringList names;
    for (const auto &[name, record] : fixture()) {
        if (!excluded.contains(name))
            names.append(name);
    }
    return names.join(u',');
}

QString matchingNames(const FilterExpression &filter)
{
    QStringList names;
    for (const auto &[name, record] : fixture()) {
        if (filter.matches(record))
            names.append(name);
    }
    return names.join(u',');
}

// "<message> at <position>+<length>" for a failed parse, for QVERIFY2.
QByteArray describe(const std::expected<FilterExpression, FilterError> &result)
{
    if (result)
        return QByteArrayLiteral("parsed as: ") + result->normalized().toUtf8();
    const FilterError &error = result.error();
    return QStringLiteral("%1 at %2+%3")
        .arg(error.message)
        .arg(error.position)
        .arg(error.length)
        .toUtf8();
}

} // namespace

void TestFilterExpression::matchesFixture_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected"); // record names, comma-separated, fixture order

    const QString all = allExcept({});
    const auto row = [](const char *expression, const QString &expected) {
        QTest::newRow(expression) << QString::fromUtf8(expression) << expected;
    };
    // Partition key
    row(R"(pk == "user-42")", u"login,error42"_s);
    row(R"(pk != "user-42")", allExcept({u"login"_s, u"error42"_s}));
    row(R"(pk == 'user-42')", u"login,error42"_s);
    row(R"(pk contains "user-4")", u"login,error42,binary"_s);
    row(R"(pk contains "")", all);
    row(R"(pk matches /^user-\d+$/)", u"login,error42,big,binary"_s);
    row(R"(pk matches /^SENSOR/i)", u"text"_s);
    row(R"(pk matches /^SENSOR/)", u""_s);
    row(R"(pk matches "^user-4[0-9]$")", u"login,error42"_s);
    row(R"(pk in ("user-7", "Sensor/1"))", u"big,text"_s);
    row(R"(pk == "quote\"key")", u"escaped"_s);
    // Shard
    row("shard == 3", u"error42,binary"_s);
    row("shard in (0, 3)", u"login,error42,binary,escaped,empty"_s);
    row("shard >= 2", u"error42,text,binary,dups"_s);
    row("shard < 1", u"login,escaped,empty"_s);
    row(R"(shard == "shardId-000000000001")", u"big,array"_s);
    row("shard != 0", allExcept({u"login"_s, u"escaped"_s, u"empty"_s}));
    // Size
    row("size > 1k", u"big"_s);
    row("size > 1kb", u"big"_s);
    row("size > 1KiB", u"big"_s);
    row("size > 1.5k", u""_s);
    row("size == 0", u"empty"_s);
    row("size <= 10", u"binary,empty"_s);
    row("size >= 1e3", u"big"_s);
    row("size in (0, 10)", u"binary,empty"_s);
    // Time
    row("time >= 2026-11-26T10:00:00Z", u"error42,big,text,binary,escaped,array"_s);
    row("time < 2026-11-26T11:00:00+01:00", u"login,dups,empty"_s);
    row("time == 2026-11-26T10:00:00.5Z", u"big"_s);
    row(R"(time == "2026-11-26T10:00:00.000Z")", u"error42"_s);
    row("time > 2026-11-26 && time < 2026-11-27", u"login,error42,big,text,binary"_s);
    row("time >= 2026-11-26T12:00:00+02:00 && time <= 2026-11-26T10:30", u"error42,big,text"_s);
    row("time in (1970-01-01T00:00:00Z, 2026-11-25)", u"dups,empty"_s);
    // Sequence numbers order numerically, not as text.
    row("seq > 49590338271490256608559692538361571095921575989136588805", u"escaped,array,dups"_s);
    row(R"(seq == "49590338271490256608559692538361571095921575989136588801")", u"login"_s);
    row("seq < 1000", u"empty"_s);
    row(R"(seq contains "8880")", allExcept({u"empty"_s}));
    row(R"(seq matches /^9+$/)", u"empty"_s);
    // Explicit hash key
    row(R"(ehk == "")", allExcept({u"big"_s, u"binary"_s}));
    row(R"(ehk != "")", u"big,binary"_s);
    row("ehk == 170141183460469231731687303715884105728", u"big"_s);
    row("ehk > 8", u"big"_s);
    row("ehk < 100", u"binary"_s);
    row(R"(ehk contains "1701")", u"big"_s);
    // Payload as bytes and text
    row(R"(data contains "timeout")", u"error42"_s);
    row(R"(data contains "status")", u"login,error42,big,binary,dups"_s);
    row(R"(data == "plain text, not JSON: temperature=21.5")", u"text"_s);
    row(R"(data matches /temperature=\d+\.\d/)", u"text"_s);
    row(R"(data matches /"STATUS"\s*:/i)", u"login,error42,big,dups"_s);
    row(R"(data in ("", "x"))", u"empty"_s);
    // JSON paths
    row(R"(data.status == "error")", u"error42,big,dups"_s);
    row(R"(data.status != "error")", allExcept({u"error42"_s, u"big"_s, u"dups"_s}));
    row(R"(data.status in ("ok", "error"))", u"login,error42,big,dups"_s);
    row(R"(data.status < "f")", u"error42,big,dups"_s);
    row(R"(data.status >= "ok")", u"login"_s);
    row("data.status", u"login,error42,big,dups"_s);
    row("!data.status", allExcept({u"login"_s, u"error42"_s, u"big"_s, u"dups"_s}));
    row("data.user.id == 42", u"login"_s);
    row("data.user.id == 42.0", u"login"_s);
    row("data.user.id == \"42\"", u""_s);
    row("data.user.name matches /^a/i", u"login"_s);
    row(R"(data.items[0].sku == "A-1")", u"error42"_s);
    row("data.items[1].qty < 2", u"error42"_s);
    row("data.items[2]", u""_s);
    row("data.items[0]", u"error42"_s);
    row("data.code >= 500 && data.code < 600", u"error42"_s);
    row("data.code in (503, 504)", u"error42"_s);
    row("data.code matches /^5/", u"error42"_s);
    row("data.amount > 19.4", u"error42"_s);
    row("data.amount == 0", u"login"_s);
    row("data.amount < 0.1k", u"login,error42"_s);
    row("data.ok == false", u"error42"_s);
    row("data.ok", u"error42"_s);
    row("data.ok == true", u""_s);
    row("data.nested.deep.x == null", u"escaped"_s);
    row("data.nested.deep.x", u""_s);
    row("data.nested.deep", u"escaped"_s);
    row(R"(data.key == "va\"lue")", u"escaped"_s);
    row(R"(data.key contains "a\"l")", u"escaped"_s);
    row(R"(data.key matches /a"l/)", u"escaped"_s);
    row(R"(data.unicode == "grüße")", u"escaped"_s);
    row(R"(data.unicode == "gr\u00fc\u00dfe")", u"escaped"_s);
    row(R"(data.tab == "a\tb")", u"escaped"_s);
    row(R"(data["a.b"] == 1)", u"escaped"_s);
    row(R"(data.'a.b' == 1)", u"escaped"_s);
    row("data.arr contains 2", u"escaped"_s);
    row("data.arr contains 4", u""_s);
    row(R"(data.tags contains "eu")", u"login"_s);
    row(R"(data.message contains "time")", u"error42"_s);
    row("data.message matches /TIME/i", u"error42"_s);
    row(R"(data[0].sku == "Z")", u"array"_s);
    row(R"(data[2] == "three")", u"array"_s);
    row("data[1] > 1", u"array"_s);
    row("data[3]", u""_s);
    row("data.missing != 1", all);
    row("data.missing == null", u""_s);
    // Combinations and precedence
    row(R"(pk == "user-42" && data.status == "error" && size > 100 && shard in (0, 3))",
        u"error42"_s);
    row(R"(!(pk == "user-42") && shard == 0)", u"escaped,empty"_s);
    row(R"(pk == "e" || shard == 2 && size > 35)", u"text,empty"_s);
    row(R"((pk == "e" || shard == 2) && size > 35)", u"text"_s);
    row(R"(shard == 2 && size > 35 || pk == "e")", u"text,empty"_s);
    row(R"(not pk == "user-42" and shard == 3)", u"binary"_s);
    row(R"(pk == "e" or pk == "dup")", u"dups,empty"_s);
    row("!!data.status", u"login,error42,big,dups"_s);
    row(R"(!(data.status == "ok" || data.status == "error"))",
        allExcept({u"login"_s, u"error42"_s, u"big"_s, u"dups"_s}));
    row("  ", all);
}

void TestFilterExpression::matchesFixture()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    const auto filter = FilterExpression::parse(expression);
    QVERIFY2(filter.has_value(), describe(filter).constData());
    QCOMPARE(matchingNames(*filter), expected);

    // The normalized form is a fixed point and filters alike.
    const auto again = FilterExpression::parse(filter->normalized());
    QVERIFY2(again.has_value(), describe(again).constData());
    QCOMPARE(again->normalized(), filter->normalized());
    QCOMPARE(matchingNames(*again), expected);
}

void TestFilterExpression::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("length");

    const auto row = [](const char *expression, const QString &message, int position, int length) {
        QTest::newRow(expression) << QString::fromUtf8(expression) << message << position << length;
    };
    // Missing pieces, at the end of the text (length 0) or at the token in their place.
    row("pk == ", u"expected a value after '=='"_s, 6, 0);
    row("pk ==", u"expected a value after '=='"_s, 5, 0);
    row("pk == && shard == 1", u"expected a value after '=='"_s, 6, 2);
    row("pk", u"expected an operator after 'pk'"_s, 2, 0);
    row(R"(pk "a")", u"expected an operator after 'pk'"_s, 3, 3);
    row(R"(pk == "a" &&)", u"expected a field after '&&'"_s, 12, 0);
    row(R"(pk == "a" || !)", u"expected a field after '!'"_s, 14, 0);
    row(R"(&& pk == "a")", u"expected a field, not '&&'"_s, 0, 2);
    row(R"("a" == pk)", u"expected a field, not '\"a\"'"_s, 0, 3);
    row(R"(pk == "a" pk)", u"expected '&&' or '||' before 'pk'"_s, 10, 2);
    row(R"((pk == "a")", u"expected ')'"_s, 10, 0);
    row(R"((pk == "a" shard == 1)", u"expected ')'"_s, 11, 5);
    row(R"(pk == "a"))", u"unexpected ')'"_s, 9, 1);
    row("shard in ()", u"the list is empty"_s, 9, 2);
    row("shard in 1", u"expected '(' after 'in'"_s, 9, 1);
    row("shard in (1 2)", u"expected ',' or ')' in the list"_s, 12, 1);
    row("shard in (1,", u"expected a value after ','"_s, 12, 0);
    // Lexical
    row(R"(pk == "abc)", u"unterminated string"_s, 6, 4);
    row(R"(pk == "a\q")", u"unknown escape '\\q' in a string"_s, 8, 2);
    row(R"(pk == "\u12")", u"expected four hex digits after '\\u'"_s, 7, 2);
    row(R"(pk = "x")", u"use '==' to compare"_s, 3, 1);
    row(R"(pk == "a" & shard == 1)", u"use '&&'"_s, 10, 1);
    row(R"(pk == "a" | shard == 1)", u"use '||'"_s, 10, 1);
    row(R"(pk == "a" # x)", u"unexpected character '#'"_s, 10, 1);
    row("size > 1x", u"unknown size suffix 'x'; use k, m or g"_s, 8, 1);
    row("time > 2026-13-01", u"invalid time '2026-13-01'; write it like 2026-11-26T10:00:00Z"_s, 7,
        10);
    row("time > 2026-11-26T25:00Z",
        u"invalid time '2026-11-26T25:00Z'; write it like 2026-11-26T10:00:00Z"_s, 7, 17);
    // Unknown fields, with the nearest name (or the word as a JSON key).
    row(R"(pkey == "x")", u"unknown field 'pkey'; did you mean 'pk'?"_s, 0, 4);
    row("shrd == 1", u"unknown field 'shrd'; did you mean 'shard'?"_s, 0, 4);
    row("Size > 1", u"unknown field 'Size'; did you mean 'size'?"_s, 0, 4);
    row("tme > 1", u"unknown field 'tme'; did you mean 'time'?"_s, 0, 3);
    row(R"(status == "x")", u"unknown field 'status'; did you mean 'data.status'?"_s, 0, 6);
    row("payload.items[0] == 1",
        u"unknown field 'payload.items[0]'; did you mean 'data.items[0]'?"_s, 0, 16);
    row(R"(timestamp > 1)", u"unknown field 'timestamp'; did you mean 'time'?"_s, 0, 9);
    row(R"(pk == "a" && partitionKey == "b")",
        u"unknown field 'partitionKey'; did you mean 'pk'?"_s, 13, 12);
    row(R"(pk.x == "a")", u"only data has JSON paths, as in data.status"_s, 0, 4);
    row("data. == 1", u"expected a key after '.'"_s, 4, 1);
    row("data[x] == 1", u"expected an index or a quoted key after '['"_s, 4, 1);
    row("data[0 == 1", u"expected ']'"_s, 6, 1);
    // Types, checked at parse time.
    row(R"(size contains "x")", u"'contains' cannot be used with size (a number of bytes)"_s, 5, 8);
    row(R"(shard matches /1/)", u"'matches' cannot be used with shard (a shard number)"_s, 6, 7);
    row("pk > 3", u"'>' cannot be used with pk (text)"_s, 3, 1);
    row(R"(data < "a")", u"'<' cannot be used with data (the payload)"_s, 5, 1);
    row(R"(time contains "2026")", u"'contains' cannot be used with time (a time)"_s, 5, 8);
    row("pk == 3", u"pk needs text in quotes, such as \"3\""_s, 6, 1);
    row("data contains true", u"data needs text in quotes, such as \"true\""_s, 14, 4);
    row(R"(shard > "a")",
        u"shard needs a shard number such as 3 or a shard id such as \"shardId-000000000003\""_s, 8,
        3);
    row("shard == 1.5",
        u"shard needs a shard number such as 3 or a shard id such as \"shardId-000000000003\""_s, 9,
        3);
    row("time > 5", u"time needs a time such as 2026-11-26T10:00:00Z"_s, 7, 1);
    row(R"(time > "yesterday")", u"time needs a time such as 2026-11-26T10:00:00Z"_s, 7, 11);
    row(R"(size > "big")", u"size needs a number of bytes such as 1024 or 1k"_s, 7, 5);
    row(R"(seq > "abc")",
        u"seq needs a decimal sequence number, such as "
        "49590338271490256608559692538361571095921575989136588898"_s,
        6, 5);
    row(R"(ehk < "")",
        u"ehk needs a decimal hash key, such as 170141183460469231731687303715884105728"_s, 6, 2);
    row("data.x == 2026-01-01",
        u"JSON values compare with text, numbers, true, false or null; put a time in quotes to "
        "compare it as text"_s,
        10, 10);
    row("data.x < true", u"'<' compares numbers or text"_s, 9, 4);
    // Regular expressions
    row("pk matches /(/", u"invalid regular expression: missing closing parenthesis"_s, 12, 1);
    row("pk matches /a[/",
        u"invalid regular expression: missing terminating ] for character "
        "class"_s,
        13, 1);
    row("pk matches /a/g", u"unknown regular expression flag 'g'; use i, s, m or x"_s, 14, 1);
    row("pk matches /abc", u"unterminated regular expression"_s, 11, 4);
    row("pk == /x/", u"a /regex/ can only follow 'matches'"_s, 6, 3);
    row("pk matches 3", u"expected /regex/ or a string after 'matches'"_s, 11, 1);
    // Positions are QString indexes (UTF-16), also after non-ASCII text.
    row(R"(pk == "ü😀" && foo == 1)", u"unknown field 'foo'; did you mean 'data.foo'?"_s, 15, 3);
}

void TestFilterExpression::errors()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    QFETCH(int, position);
    QFETCH(int, length);
    const auto filter = FilterExpression::parse(expression);
    QVERIFY2(!filter.has_value(), describe(filter).constData());
    QCOMPARE(filter.error().message, message);
    QCOMPARE(filter.error().position, position);
    QCOMPARE(filter.error().length, length);
    QVERIFY(filter.error().position + filter.error().length <= expression.size());
}

void TestFilterExpression::normalized_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *expression, const char *expected) {
        QTest::newRow(expression) << QString::fromUtf8(expression) << QString::fromUtf8(expected);
    };
    row(R"(pk=="a"&&(shard==1||shard==2))", R"(pk == "a" && (shard == 1 || shard == 2))");
    row(R"((pk == "a" && shard == 1) || size > 1K)", R"(pk == "a" && shard == 1 || size > 1k)");
    row(R"(pk == "a" && (shard == 1 && size > 2))", R"(pk == "a" && shard == 1 && size > 2)");
    row(R"(not (pk == 'x') and data.ok)", R"(!(pk == "x") && data.ok)");
    row(R"(!(pk == "a" || pk == "b"))", R"(!(pk == "a" || pk == "b"))");
    row("!data.x", "!data.x");
    row("!!data.x", "!!data.x");
    row(R"(data["a.b"] == 1 && data.items[0].sku == "x")",
        R"(data["a.b"] == 1 && data.items[0].sku == "x")");
    row(R"(data.'k' == 1)", "data.k == 1");
    row("shard in (0,3)", "shard in (0, 3)");
    row(R"(pk matches /a\/b/i)", R"(pk matches /a\/b/i)");
    row(R"(pk matches "^a")", R"(pk matches "^a")");
    row(R"(pk == "tab\there\u0001")", R"(pk == "tab\there\u0001")");
    row(R"(pk == 'it"s')", R"(pk == "it\"s")");
    row("time > 2026-11-26T10:00:00Z", "time > 2026-11-26T10:00:00Z");
    row("pk == \"user-42\" && data.status == \"error\" && size > 1k && shard in (0, 3)",
        "pk == \"user-42\" && data.status == \"error\" && size > 1k && shard in (0, 3)");
    row("", "");
}

void TestFilterExpression::normalized()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    const auto filter = FilterExpression::parse(expression);
    QVERIFY2(filter.has_value(), describe(filter).constData());
    QCOMPARE(filter->normalized(), expected);
}

void TestFilterExpression::completions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cursor");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("length");
    QTest::addColumn<QStringList>("candidates");

    const QStringList fields = FilterExpression::fields();
    const QStringList paths = {u"data.status"_s, u"data.items[0].sku"_s};
    QTest::newRow("empty") << QString() << 0 << 0 << 0 << fields + paths;
    QTest::newRow("field prefix") << u"s"_s << 1 << 0 << 1
                                  << QStringList{u"seq"_s, u"shard"_s, u"size"_s};
    QTest::newRow("case-insensitive prefix") << u"P"_s << 1 << 0 << 1 << QStringList{u"pk"_s};
    QTest::newRow("path prefix") << u"data.st"_s << 7 << 0 << 7 << QStringList{u"data.status"_s};
    QTest::newRow("data prefix") << u"pk == \"a\" && d"_s << 14 << 13 << 1
                                 << QStringList{u"data"_s} + paths;
    QTest::newRow("after !") << u"!"_s << 1 << 1 << 0 << fields + paths;
    QTest::newRow("after (") << u"(t"_s << 2 << 1 << 1 << QStringList{u"time"_s};
    QTest::newRow("text operators")
        << u"pk "_s << 3 << 3 << 0
        << QStringList{u"=="_s, u"!="_s, u"contains"_s, u"matches"_s, u"in"_s};
    QTest::newRow("number operators")
        << u"size "_s << 5 << 5 << 0
        << QStringList{u"=="_s, u"!="_s, u"<"_s, u">"_s, u"<="_s, u">="_s, u"in"_s};
    QTest::newRow("json operators")
        << u"data.status "_s << 12 << 12 << 0
        << QStringList{u"=="_s,       u"!="_s,      u"<"_s,  u">"_s,  u"<="_s, u">="_s,
                       u"contains"_s, u"matches"_s, u"in"_s, u"&&"_s, u"||"_s};
    QTest::newRow("operator prefix") << u"pk con"_s << 6 << 3 << 3 << QStringList{u"contains"_s};
    QTest::newRow("operator symbol") << u"pk ="_s << 4 << 3 << 1 << QStringList{u"=="_s};
    QTest::newRow("operator symbol, no space")
        << u"size<"_s << 5 << 4 << 1 << QStringList{u"<"_s, u"<="_s};
    QTest::newRow("json values") << u"data.ok == "_s << 11 << 11 << 0
                                 << QStringList{u"true"_s, u"false"_s, u"null"_s};
    QTest::newRow("text value") << u"pk == "_s << 6 << 6 << 0 << QStringList{};
    QTest::newRow("in list") << u"shard in "_s << 9 << 9 << 0 << QStringList{u"("_s};
    QTest::newRow("inside the list")
        << u"shard in (1 "_s << 12 << 12 << 0 << QStringList{u","_s, u")"_s};
    QTest::newRow("after a value")
        << u"pk == \"a\" "_s << 10 << 10 << 0 << QStringList{u"&&"_s, u"||"_s};
    QTest::newRow("connective prefix")
        << u"pk == \"a\" &"_s << 11 << 10 << 1 << QStringList{u"&&"_s};
    QTest::newRow("after a value, in parentheses")
        << u"(pk == \"a\" "_s << 11 << 11 << 0 << QStringList{u"&&"_s, u"||"_s, u")"_s};
    QTest::newRow("after a list") << u"shard in (1, 2) "_s << 16 << 16 << 0
                                  << QStringList{u"&&"_s, u"||"_s};
    QTest::newRow("inside a string") << u"pk == \"us"_s << 9 << 7 << 2 << QStringList{};
    QTest::newRow("cursor mid-text") << u"pk == \"a\" && s == 1"_s << 14 << 13 << 1
                                     << QStringList{u"seq"_s, u"shard"_s, u"size"_s};
    QTest::newRow("cursor past the end") << u"p"_s << 99 << 0 << 1 << QStringList{u"pk"_s};
}

void TestFilterExpression::completions()
{
    QFETCH(QString, text);
    QFETCH(int, cursor);
    QFETCH(int, start);
    QFETCH(int, length);
    QFETCH(QStringList, candidates);
    const FilterCompletion completion =
        FilterExpression::completions(text, cursor, {u"data.status"_s, u"data.items[0].sku"_s});
    QCOMPARE(completion.candidates, candidates);
    QCOMPARE(completion.start, start);
    QCOMPARE(completion.length, length);
}

void TestFilterExpression::fieldsAndDescriptions()
{
    QCOMPARE(FilterExpression::fields(), (QStringList{u"pk"_s, u"ehk"_s, u"seq"_s, u"shard"_s,
                                                      u"time"_s, u"size"_s, u"data"_s}));
    QStringList descriptions;
    for (const QString &field : FilterExpression::fields() + QStringList{u"data.status"_s}) {
        const QString description = FilterExpression::fieldDescription(field);
        QVERIFY2(!description.isEmpty(), qPrintable(field));
        QVERIFY2(!descriptions.contains(description), qPrintable(field));
        descriptions.append(description);
    }
    QVERIFY(FilterExpression::fieldDescription(u"nope").isEmpty());
}

void TestFilterExpression::emptyFilterMatchesEverything()
{
    const FilterExpression none;
    QVERIFY(none.isEmpty());
    QCOMPARE(none.normalized(), QString());
    for (const auto &[name, record] : fixture())
        QVERIFY(none.matches(record));
    QVERIFY(FilterExpression::parse(u" \t\n").value().isEmpty());
    QVERIFY(!FilterExpression::parse(u"pk == \"a\"").value().isEmpty());
}

void TestFilterExpression::needsData()
{
    QVERIFY(!FilterExpression::parse(u"pk == \"a\" && shard == 1 && time > 2026-01-01")
                 .value()
                 .needsData());
    QVERIFY(FilterExpression::parse(u"pk == \"a\" || data.x").value().needsData());
    QVERIFY(FilterExpression::parse(u"data contains \"x\"").value().needsData());
    QVERIFY(FilterExpression::parse(u"size > 1").value().needsData());
}

// A filter saved when the emulator's numbers had 32 digits finds the same records now that the
// emulator gives them out with 56.
void TestFilterExpression::legacySequenceNumbersMeanTodaysRecords()
{
    const SequenceNumber issued{SequenceNumber::counterAt(1'764'000'000'000) + 5, 2};
    const QString legacy = u"49"_s + QString::number(issued.counter).rightJustified(20, u'0') +
                           QString::number(issued.shardIndex).rightJustified(10, u'0');
    QCOMPARE(SequenceNumber::parseLegacy(legacy)->counter, issued.counter);
    RecordEntry record{ShardId::format(2), issued.toString(), issued.arrivalMs(), u"k"_s, {}, "x"};
    const SequenceNumber later{issued.counter + 1, 2};
    RecordEntry next{ShardId::format(2), later.toString(), later.arrivalMs(), u"k"_s, {}, "y"};
    const auto equal = FilterExpression::parse(QString(u"seq == " % legacy)).value();
    QVERIFY(equal.matches(record));
    QVERIFY(!equal.matches(next));
    const auto after = FilterExpression::parse(QString(u"seq > \"" % legacy % u"\"")).value();
    QVERIFY(!after.matches(record));
    QVERIFY(after.matches(next));
    // Other 32-digit numbers are numbers like any other.
    QVERIFY(!FilterExpression::parse(u"seq == 59000000000000000000000000000001"_s).value().matches(record));
}

void TestFilterExpression::shardNumberHelper()
{
    QCOMPARE(shardNumber(u"shardId-000000000003"), std::optional<quint32>(3));
    QCOMPARE(shardNumber(u"shardId-12"), std::optional<quint32>(12));
    QCOMPARE(shardNumber(u"shardId-abc"), std::nullopt);
    QCOMPARE(shardNumber(RecordEntry{shard(7), {}, 0, {}, {}, {}}), std::optional<quint32>(7));
    QCOMPARE(shardNumber(RecordEntry{}), std::nullopt);
}

namespace {

QString randomKey(QRandomGenerator &random)
{
    static const QString alphabet = u"abcxyz_-$ .\"\\/é😀\t"_s;
    QString key;
    const int length = 1 + int(random.bounded(6));
    for (int i = 0; i < length; ++i) {
        const QChar c = alphabet.at(random.bounded(alphabet.size()));
        if (c.isHighSurrogate() || c.isLowSurrogate())
            key += u"😀"_s;
        else
            key += c;
    }
    return key;
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    const int kind = int(random.bounded(depth > 3 ? 5 : 7));
    switch (kind) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return random.bounded(2) == 1;
    case 2:
        return double(int(random.bounded(2000)) - 1000) / 8.0;
    case 3:
        return double(random.generate());
    case 4:
        return randomKey(random);
    case 5: {
        QJsonArray array;
        const int count = int(random.bounded(4));
        for (int i = 0; i < count; ++i)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        const int count = int(random.bounded(5));
        for (int i = 0; i < count; ++i)
            object.insert(randomKey(random), randomValue(random, depth + 1));
        return object;
    }
    }
}

QString literal(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    default:
        break;
    }
    QString out = u"\""_s;
    for (QChar c : value.toString()) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        if (c == u'\t')
            out += u"\\t"_s;
        else
            out += c;
    }
    return out + u'"';
}

// Every leaf under `value`, as (filter path, value).
void leaves(const QJsonValue &value, const QString &path,
            QList<std::pair<QString, QJsonValue>> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            leaves(it.value(), path + u'[' + literal(it.key()) + u']', out);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            leaves(array.at(i), path + u'[' + QString::number(i) + u']', out);
    } else if (path != u"data") {
        out.append({path, value});
    }
}

} // namespace

void TestFilterExpression::jsonAgreesWithQJsonDocument()
{
    // Random documents (keys with quotes, backslashes, dots, spaces, non-ASCII; nested arrays
    // and objects) written compactly and indented: every leaf QJsonDocument sees is found
    // with its value, and a different value does not match.
    QRandomGenerator random(6);
    int checked = 0;
    for (int doc = 0; doc < 300; ++doc) {
        QJsonObject object;
        const int members = 1 + int(random.bounded(6));
        for (int i = 0; i < members; ++i)
            object.insert(randomKey(random), randomValue(random, 0));
        QList<std::pair<QString, QJsonValue>> found;
        leaves(object, u"data"_s, found);
        for (const auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
            RecordEntry record;
            record.data = QJsonDocument(object).toJson(format);
            for (const auto &[path, value] : found) {
                const QString same = path + u" == "_s + literal(value);
                const auto filter = FilterExpression::parse(same);
                QVERIFY2(filter.has_value(), describe(filter).constData());
                QVERIFY2(filter->matches(record),
                         qPrintable(same + u" on "_s + QString::fromUtf8(record.data)));
                const QString other = path + u" == \"no such value\""_s;
                QVERIFY2(!FilterExpression::parse(other)->matches(record), qPrintable(other));
                const QString exists = path;
                QCOMPARE(FilterExpression::parse(exists)->matches(record), !value.isNull());
                ++checked;
            }
        }
    }
    QVERIFY(checked > 1000);
}

void TestFilterExpression::jsonValidityAgreesWithQJsonDocument_data()
{
    // What the inspector (QJsonDocument) reads as JSON is what filters read as JSON, including
    // its leniencies; everything else has no paths at all.
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("valid") << R"({"x":1,"y":"a"})"_ba;
    QTest::newRow("trailing comma") << R"({"x":1,})"_ba;
    QTest::newRow("leading zero") << R"({"x":01})"_ba;
    QTest::newRow("trailing text") << R"({"x":1} x)"_ba;
    QTest::newRow("two documents") << R"({"x":1}{"x":1})"_ba;
    QTest::newRow("single quotes") << R"({'x':1})"_ba;
    QTest::newRow("unknown escape") << R"({"x":1,"y":"\q"})"_ba;
    QTest::newRow("short unicode escape") << R"({"x":1,"y":"\u12"})"_ba;
    QTest::newRow("unterminated") << R"({"x":1)"_ba;
    QTest::newRow("unterminated string") << R"({"x":1,"y":"abc)"_ba;
    QTest::newRow("bad literal") << R"({"x":1,"y":tru})"_ba;
    QTest::newRow("lone minus") << R"({"x":1,"y":-})"_ba;
    QTest::newRow("bare fraction") << R"({"x":1,"y":.5})"_ba;
    QTest::newRow("dot without digits") << R"({"x":1.})"_ba;
    QTest::newRow("exponent without digits") << R"({"x":1,"y":1e})"_ba;
    QTest::newRow("plus sign") << R"({"x":+1})"_ba;
    QTest::newRow("hex number") << R"({"x":0x1})"_ba;
    QTest::newRow("raw control character") << "{\"x\":1,\"y\":\"a\x01\tb\"}"_ba;
    QTest::newRow("missing colon") << R"({"x" 1})"_ba;
    QTest::newRow("unquoted key") << R"({x:1})"_ba;
    QTest::newRow("whitespace around") << " \n\t{ \"x\" :\r\n 1 }\n"_ba;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array") << "[1]"_ba;
}

void TestFilterExpression::jsonValidityAgreesWithQJsonDocument()
{
    QFETCH(QByteArray, payload);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    const QJsonObject object = document.object();
    const bool valid = error.error == QJsonParseError::NoError && document.isObject();
    const RecordEntry record{shard(0), {}, 0, u"k"_s, {}, payload};
    const auto test = [&](const QString &expression) {
        return FilterExpression::parse(expression).value().matches(record);
    };
    QCOMPARE(test(u"data.x"_s), valid && object.contains(u"x"_s));
    QCOMPARE(test(u"data.x == 1"_s), valid && object.value(u"x"_s) == QJsonValue(1));
    QCOMPARE(test(u"data.x != 1"_s), !(valid && object.value(u"x"_s) == QJsonValue(1)));
    if (valid && object.contains(u"y"_s)) {
        const QString same = u"data.y == "_s + literal(object.value(u"y"_s));
        QVERIFY2(test(same), qPrintable(same));
    }
}

void TestFilterExpression::jsonStringsAtEveryAlignment()
{
    // Strings are scanned eight bytes at a time: an escaped quote or backslash at any offset,
    // next to multi-byte UTF-8, must end (or not end) the string exactly where it should.
    int checked = 0;
    for (int length = 0; length < 40; ++length) {
        for (int at = 0; at <= length; ++at) {
            for (const QString &special : {u"\""_s, u"\\"_s, u"é"_s}) {
                const QString text = QString(at, u'a') + special + QString(length - at, u'é');
                QJsonObject object{{u"k"_s, text}, {u"x"_s, 1}};
                const RecordEntry record{
                    shard(0), {}, 0,
                    u"k"_s,   {}, QJsonDocument(object).toJson(QJsonDocument::Compact)};
                const QString expression = u"data.k == "_s + literal(text) + u" && data.x == 1"_s;
                QVERIFY2(FilterExpression::parse(expression).value().matches(record),
                         qPrintable(expression));
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 3 * (40 * 41 / 2));
}

void TestFilterExpression::deepJsonDoesNotOverflow()
{
    const RecordEntry deep{shard(0), {}, 0, u"k"_s, {}, QByteArray(200000, '[')};
    QVERIFY(!FilterExpression::parse(u"data[0]").value().matches(deep));
    const RecordEntry fine{shard(0), {}, 0,
                           u"k"_s,   {}, QByteArray(100, '[') + '7' + QByteArray(100, ']')};
    QVERIFY(FilterExpression::parse(u"data[0][0][0] && data matches /7/").value().matches(fine));
}

void TestFilterExpression::deepNestingIsAnError()
{
    const QString text = QString(150, u'(') + u"pk == \"a\""_s + QString(150, u')');
    const auto filter = FilterExpression::parse(text);
    QVERIFY(!filter.has_value());
    QCOMPARE(filter.error().message, u"the filter is nested too deeply"_s);
    QCOMPARE(filter.error().position, 101);
    const QString nots = QString(150, u'!') + u"data.x"_s;
    const auto notsFilter = FilterExpression::parse(nots);
    QVERIFY(!notsFilter.has_value());
    QCOMPARE(notsFilter.error().message, u"the filter is nested too deeply"_s);
    const QString fine = QString(50, u'(') + u"pk == \"user-42\""_s + QString(50, u')');
    QCOMPARE(matchingNames(FilterExpression::parse(fine).value()), u"login,error42"_s);
}

void TestFilterExpression::concurrentMatching()
{
    // One compiled filter, many threads: the program is immutable and the regex shared.
    const FilterExpression filter =
        FilterExpression::parse(
            u"data.status == \"error\" && pk matches /^user-\\d+$/ || data contains \"temp\""_s)
            .value();
    QList<RecordEntry> records;
    for (int i = 0; i < 20000; ++i)
        records.append(fixture().at(i % fixture().size()).second);
    const QList<int> counts = QtConcurrent::blockingMapped(QList<int>{0, 1, 2, 3}, [&](int) {
        int matched = 0;
        for (const RecordEntry &record : records)
            matched += filter.matches(record) ? 1 : 0;
        return matched;
    });
    const int expected = int(std::count_if(
        records.begin(), records.end(), [&](const RecordEntry &r) { return filter.matches(r); }));
    QCOMPARE(expected, 2222 * 3 + 1); // error42, big and text in each round of nine
    for (int count : counts)
        QCOMPARE(count, expected);
}

namespace {

// A random well-formed filter, built from the grammar.
QString randomExpression(QRandomGenerator &random, int depth)
{
    static const QStringList terms = {u"pk == \"user-42\""_s,
                                      u"pk contains \"é\""_s,
                                      u"pk matches /^user/i"_s,
                                      u"shard in (1, 3)"_s,
                                      u"size > 1.5k"_s,
                                      u"time >= 2026-11-26T10:00Z"_s,
                                      u"data.status == \"error\""_s,
                                      u"data[0].sku"_s,
                                      u"data[\"k\"] != null"_s,
                                      u"seq > 5"_s,
                                      u"ehk == \"\""_s,
                                      u"data contains \"a\""_s,
                                      u"data.items[1].qty < 2"_s,
                                      u"data.tags contains \"eu\""_s,
                                      u"data.user.id in (42, \"x\", true)"_s};
    const int choice = depth > 3 ? 0 : int(random.bounded(7));
    switch (choice) {
    case 1:
        return randomExpression(random, depth + 1) + u" && "_s +
               randomExpression(random, depth + 1);
    case 2:
        return randomExpression(random, depth + 1) + u" or "_s +
               randomExpression(random, depth + 1);
    case 3:
        return u"!"_s + randomExpression(random, depth + 1);
    case 4:
        return u"("_s + randomExpression(random, depth + 1) + u")"_s;
    default:
        return terms.at(random.bounded(terms.size()));
    }
}

} // namespace

void TestFilterExpression::randomInputIsHandled()
{
    // Random filters, most of them damaged: parse() either fails with a position inside the
    // text or yields a filter whose normalized form parses to itself and filters alike;
    // completions() copes with any cursor. Random payload bytes under JSON filters never match a
    // path that is not there. (Run under the sanitizers in CI.)
    static const QStringList pieces = {u"pk"_s,
                                       u"data"_s,
                                       u".x"_s,
                                       u"[0]"_s,
                                       u"[\"k\"]"_s,
                                       u"shard"_s,
                                       u"time"_s,
                                       u"size"_s,
                                       u"seq"_s,
                                       u"ehk"_s,
                                       u" == "_s,
                                       u"!="_s,
                                       u"<"_s,
                                       u">="_s,
                                       u" contains "_s,
                                       u" matches "_s,
                                       u" in "_s,
                                       u"("_s,
                                       u")"_s,
                                       u","_s,
                                       u"&&"_s,
                                       u"||"_s,
                                       u"!"_s,
                                       u"\""_s,
                                       u"'"_s,
                                       u"/a(/"_s,
                                       u"/x/i"_s,
                                       u"3"_s,
                                       u"1.5k"_s,
                                       u"-2"_s,
                                       u"2026-11-26T10:00Z"_s,
                                       u"true"_s,
                                       u"null"_s,
                                       u"\\"_s,
                                       u" "_s,
                                       u"é"_s,
                                       u"#"_s,
                                       u"="_s,
                                       u"&"_s};
    QRandomGenerator random(42);
    int parsed = 0;
    for (int i = 0; i < 20000; ++i) {
        QString text = randomExpression(random, 0);
        // Most are then damaged: a piece inserted, or a stretch cut out.
        for (int damage = int(random.bounded(3)); damage > 0; --damage) {
            const int at = int(random.bounded(text.size() + 1));
            if (random.bounded(2) == 0)
                text.insert(at, pieces.at(random.bounded(pieces.size())));
            else
                text.remove(at, int(random.bounded(4)));
        }
        const auto filter = FilterExpression::parse(text);
        if (filter) {
            ++parsed;
            const auto again = FilterExpression::parse(filter->normalized());
            QVERIFY2(again.has_value(), qPrintable(text));
            QCOMPARE(again->normalized(), filter->normalized());
            for (const auto &[name, record] : fixture())
                QCOMPARE(again->matches(record), filter->matches(record));
        } else {
            QVERIFY2(filter.error().position >= 0 &&
                         filter.error().position + filter.error().length <= text.size(),
                     qPrintable(text));
            QVERIFY2(!filter.error().message.isEmpty(), qPrintable(text));
        }
        const FilterCompletion completion =
            FilterExpression::completions(text, int(random.bounded(text.size() + 1)));
        QVERIFY(completion.start >= 0 && completion.start + completion.length <= text.size());
    }
    QVERIFY(parsed > 100);

    const FilterExpression json =
        FilterExpression::parse(u"data.a.b[1] == 2 || data[0].x contains \"y\" || data.c"_s)
            .value();
    static const char alphabet[] = "{}[]\":,.-+0123456789eEtruefalsn \\ubx\t";
    for (int i = 0; i < 20000; ++i) {
        QByteArray payload;
        const int length = int(random.bounded(40));
        for (int k = 0; k < length; ++k)
            payload += alphabet[random.bounded(int(sizeof(alphabet) - 1))];
        const RecordEntry record{shard(0), {}, 0, u"k"_s, {}, payload};
        const bool matched = json.matches(record);
        if (matched) { // then QJsonDocument must agree that it is JSON
            QJsonParseError error;
            QJsonDocument::fromJson(payload, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, payload.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestFilterExpression)
#include "tst_filterexpression.moc"
