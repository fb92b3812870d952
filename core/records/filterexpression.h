#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <expected>
#include <memory>

namespace shardscope {

struct RecordEntry;

// Why a filter does not parse: `position` and `length` are in UTF-16 code units of the text
// (QString indexes), for underlining; `length` is 0 when the problem is at the end of the text.
struct FilterError
{
    QString message;
    int position = 0;
    int length = 0;

    friend bool operator==(const FilterError &, const FilterError &) = default;
};

// What to offer at the cursor: replace text[start, start + length) with one of `candidates`.
struct FilterCompletion
{
    int start = 0;
    int length = 0;
    QStringList candidates;
};

// The Records tab's filter language, compiled once and evaluated per record.
//
//   pk == "user-42" && data.status == "error" && size > 1k && shard in (0, 3)
//
// Fields and what they take:
//   pk, ehk           text: ==, !=, contains, matches, in ("ehk" is "" when the record has none;
//                     ehk also orders, numerically, against a decimal hash key)
//   seq               a decimal sequence number (quoted or bare): all comparisons order
//                     numerically; also contains, matches
//   shard             the shard's index (3, or "shardId-000000000003"): ==, !=, <, >, <=, >=, in
//   time              arrival time, ISO-8601 (2026-11-26T10:00:00Z, 2026-11-26, offsets; no zone
//                     means UTC; also in quotes): ==, !=, <, >, <=, >=, in
//   size              payload bytes, as shard; numbers take k/kb/kib, m/mb/mib, g/gb/gib (powers
//                     of 1024)
//   data              the payload: == and in (as UTF-8 text), contains (bytes), matches (text)
//   data.<path>       a JSON value: data.status, data.items[0].sku, data["odd key"]; ==, != with
//                     text, numbers, true, false, null; <, >, <=, >= with numbers or text;
//                     contains (substring of text, or element of an array); matches (text, or a
//                     number's digits); in. Alone, `data.error` is true when the path exists and
//                     is not null. A payload that is not JSON (as QJsonDocument reads it) has no
//                     paths; with duplicate keys the last one counts, as in QJsonDocument.
// Operators: ==, !=, <, >, <=, >=, contains, matches /regex/flags (i, s, m, x) or "regex",
// in (list), && (and), || (or), ! (not), parentheses. `a != b` is exactly `!(a == b)`, so a
// missing JSON path is != everything; any other comparison with a missing path is false.
// Types are checked while parsing: `size contains "x"`, `shard > "a"` and `pk > 3` are errors.
//
// The compiled program is immutable and shared between copies, so a FilterExpression can be
// copied to a worker thread and matches() called from any number of threads at once. The empty
// text parses to a filter that matches every record.
class FilterExpression final
{
public:
    FilterExpression(); // matches every record

    static std::expected<FilterExpression, FilterError> parse(QStringView text);

    // The operands of && and || run cheapest first (record fields, then the payload, then JSON,
    // then regexes). No allocation per record except for regex matches and JSON strings with
    // escapes; the payload is validated as JSON at most once per call, and only when a
    // data.<path> term is reached, then read in place.
    bool matches(const RecordEntry &record) const;

    // The expression re-printed canonically: one space around operators, symbols for and/or/not,
    // strings re-quoted, parentheses only where precedence needs them (and around what '!'
    // negates, unless it is a bare path). Parses to the same filter.
    QString normalized() const;
    bool isEmpty() const;
    // True when some term reads the payload (a reader can skip fetching payloads otherwise).
    bool needsData() const;

    // The field names, in the order the completer offers them.
    static QStringList fields();
    // A one-line, translated description of a field ("data.<path>" for JSON paths).
    static QString fieldDescription(QStringView field);
    // Suggestions at `cursor`: fields (plus `dataPaths`, e.g. "data.status", seen in records)
    // where a term starts, the operators a field takes after it, && / || / ) after a value.
    static FilterCompletion completions(QStringView text, int cursor,
                                        const QStringList &dataPaths = {});

    struct Program; // the compiled form, defined in the .cpp

private:
    explicit FilterExpression(std::shared_ptr<const Program> program);
    std::shared_ptr<const Program> m_program;
};

} // namespace shardscope
