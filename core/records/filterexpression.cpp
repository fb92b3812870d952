#include "filterexpression.h"

#include "kinesis/sequencenumber.h"

#include "recordentry.h"

#include <QByteArrayMatcher>
#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringMatcher>
#include <QVarLengthArray>
#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

// ---------------------------------------------------------------------------------------------
// Vocabulary

enum class Field : quint8
{
    Pk,
    Ehk,
    Seq,
    Shard,
    Time,
    Size,
    Data,
    DataPath
};
enum class Op : quint8
{
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Contains,
    Matches,
    In,
    Exists
};

constexpr int kMaxNesting = 100;   // parentheses and '!' deep; keeps recursion bounded
constexpr int kMaxJsonDepth = 512; // the JSON validator's recursion limit
constexpr qint64 kUnixEpochJulianDay = 2440588;

QString fieldName(Field field)
{
    switch (field) {
    case Field::Pk:
        return u"pk"_s;
    case Field::Ehk:
        return u"ehk"_s;
    case Field::Seq:
        return u"seq"_s;
    case Field::Shard:
        return u"shard"_s;
    case Field::Time:
        return u"time"_s;
    case Field::Size:
        return u"size"_s;
    case Field::Data:
    case Field::DataPath:
        return u"data"_s;
    }
    return {};
}

std::optional<Field> fieldFromName(QStringView name)
{
    static const std::pair<QStringView, Field> names[] = {
        {u"pk", Field::Pk},       {u"ehk", Field::Ehk},   {u"seq", Field::Seq},
        {u"shard", Field::Shard}, {u"time", Field::Time}, {u"size", Field::Size},
        {u"data", Field::Data},
    };
    for (const auto &[text, field] : names) {
        if (text == name)
            return field;
    }
    return std::nullopt;
}

// What a field holds, for "cannot be used with pk (text)".
QString fieldKind(Field field)
{
    switch (field) {
    case Field::Pk:
        return QCoreApplication::translate("FilterExpression", "text");
    case Field::Ehk:
        return QCoreApplication::translate("FilterExpression", "a hash key");
    case Field::Seq:
        return QCoreApplication::translate("FilterExpression", "a sequence number");
    case Field::Shard:
        return QCoreApplication::translate("FilterExpression", "a shard number");
    case Field::Time:
        return QCoreApplication::translate("FilterExpression", "a time");
    case Field::Size:
        return QCoreApplication::translate("FilterExpression", "a number of bytes");
    case Field::Data:
        return QCoreApplication::translate("FilterExpression", "the payload");
    case Field::DataPath:
        return QCoreApplication::translate("FilterExpression", "a JSON value");
    }
    return {};
}

QString opText(Op op)
{
    switch (op) {
    case Op::Eq:
        return u"=="_s;
    case Op::Ne:
        return u"!="_s;
    case Op::Lt:
        return u"<"_s;
    case Op::Gt:
        return u">"_s;
    case Op::Le:
        return u"<="_s;
    case Op::Ge:
        return u">="_s;
    case Op::Contains:
        return u"contains"_s;
    case Op::Matches:
        return u"matches"_s;
    case Op::In:
        return u"in"_s;
    case Op::Exists:
        return {};
    }
    return {};
}

bool isOrdering(Op op)
{
    return op == Op::Lt || op == Op::Gt || op == Op::Le || op == Op::Ge;
}

bool fieldTakes(Field field, Op op)
{
    switch (field) {
    case Field::Pk:
    case Field::Data:
        return op == Op::Eq || op == Op::Ne || op == Op::Contains || op == Op::Matches ||
               op == Op::In;
    case Field::Ehk:
    case Field::Seq:
    case Field::DataPath:
        return op != Op::Exists;
    case Field::Shard:
    case Field::Time:
    case Field::Size:
        return op != Op::Contains && op != Op::Matches && op != Op::Exists;
    }
    return false;
}

QStringList operatorsFor(Field field)
{
    QStringList ops;
    for (Op op :
         {Op::Eq, Op::Ne, Op::Lt, Op::Gt, Op::Le, Op::Ge, Op::Contains, Op::Matches, Op::In}) {
        if (fieldTakes(field, op))
            ops.append(opText(op));
    }
    return ops;
}

// ---------------------------------------------------------------------------------------------
// Literals

// "2026-11-26T10:00:00Z", "2026-11-26T10:00:00.250+01:00", "2026-11-26 10:00", "2026-11-26";
// no zone means UTC. Milliseconds since the epoch.
std::optional<qint64> parseIsoTime(QStringView s)
{
    qsizetype i = 0;
    const auto number = [&](int digits) -> std::optional<int> {
        if (i + digits > s.size())
            return std::nullopt;
        int value = 0;
        for (int k = 0; k < digits; ++k) {
            const QChar c = s[i + k];
            if (!c.isDigit() || c.unicode() > 127)
                return std::nullopt;
            value = value * 10 + (c.unicode() - u'0');
        }
        i += digits;
        return value;
    };
    const auto expect = [&](char16_t c) {
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    };

    const auto year = number(4);
    if (!year || !expect(u'-'))
        return std::nullopt;
    const auto month = number(2);
    if (!month || !expect(u'-'))
        return std::nullopt;
    const auto day = number(2);
    if (!day)
        return std::nullopt;
    int hour = 0, minute = 0, second = 0, millis = 0;
    if (i < s.size() && (s[i] == u'T' || s[i] == u't' || s[i] == u' ')) {
        ++i;
        const auto h = number(2);
        if (!h || !expect(u':'))
            return std::nullopt;
        const auto m = number(2);
        if (!m)
            return std::nullopt;
        hour = *h;
        minute = *m;
        if (expect(u':')) {
            const auto sec = number(2);
            if (!sec)
                return std::nullopt;
            second = *sec;
            if (expect(u'.') || expect(u',')) {
                int digits = 0;
                while (i < s.size() && s[i].isDigit() && s[i].unicode() <= 127) {
                    if (digits < 3)
                        millis = millis * 10 + (s[i].unicode() - u'0');
                    ++digits;
                    ++i;
                }
                if (digits == 0)
                    return std::nullopt;
                for (int k = digits; k < 3; ++k)
                    millis *= 10;
            }
        }
    }
    int offsetMinutes = 0;
    if (expect(u'Z') || expect(u'z')) {
    } else if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
        const int sign = s[i] == u'-' ? -1 : 1;
        ++i;
        const auto oh = number(2);
        if (!oh)
            return std::nullopt;
        int om = 0;
        if (i < s.size()) {
            expect(u':');
            const auto m = number(2);
            if (!m)
                return std::nullopt;
            om = *m;
        }
        if (*oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = sign * (*oh * 60 + om);
    }
    if (i != s.size())
        return std::nullopt;
    const QDate date(*year, *month, *day);
    if (!date.isValid() || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    return (date.toJulianDay() - kUnixEpochJulianDay) * 86'400'000LL +
           ((hour * 60LL + minute) * 60 + second) * 1000 + millis - offsetMinutes * 60'000LL;
}

QString quoted(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u" % QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

bool isAllDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QStringView stripLeadingZeros(QStringView digits)
{
    qsizetype i = 0;
    while (i + 1 < digits.size() && digits[i] == u'0')
        ++i;
    return digits.mid(i);
}

// Numeric order of two decimal strings; nullopt when `a` is not one (b is checked when parsing).
std::optional<int> compareDecimal(QStringView a, QStringView b)
{
    if (!isAllDigits(a))
        return std::nullopt;
    a = stripLeadingZeros(a);
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

int levenshtein(QStringView a, QStringView b)
{
    std::vector<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// ---------------------------------------------------------------------------------------------
// Lexer

struct PathStep
{
    QString key;
    int index = -1; // >= 0: an array element
};

bool isSimpleKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u'-';
    });
}

QString printPath(const std::vector<PathStep> &path)
{
    QString out = u"data"_s;
    for (const PathStep &step : path) {
        if (step.index >= 0)
            out += u'[' % QString::number(step.index) % u']';
        else if (isSimpleKey(step.key))
            out += u'.' % step.key;
        else
            out += u'[' % quoted(step.key) % u']';
    }
    return out;
}

enum class Tok : quint8
{
    End,
    Error,
    Field,
    String,
    Number,
    Time,
    Regex,
    LParen,
    RParen,
    Comma,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    And,
    Or,
    Not,
    Contains,
    Matches,
    In,
    True,
    False,
    Null,
};

struct Token
{
    Tok kind = Tok::End;
    int pos = 0;
    int len = 0;
    QString text;               // Field: the name before any path; String: the decoded text;
                                // Regex: the pattern; Number and Time: the source
    QString flags;              // Regex
    std::vector<PathStep> path; // Field
    double number = 0;          // Number, suffix applied
    bool plainInteger = false;  // Number: digits only (sequence numbers, hash keys)
    qint64 timeMs = 0;          // Time
    FilterError error;          // Error
};

bool isValueToken(Tok kind)
{
    switch (kind) {
    case Tok::String:
    case Tok::Number:
    case Tok::Time:
    case Tok::Regex:
    case Tok::True:
    case Tok::False:
    case Tok::Null:
        return true;
    default:
        return false;
    }
}

class Lexer
{
public:
    explicit Lexer(QStringView text) : m_s(text) {}

    // Every token up to and including End, or up to the first Error.
    std::vector<Token> run()
    {
        std::vector<Token> tokens;
        for (;;) {
            Token token = next();
            const bool last = token.kind == Tok::End || token.kind == Tok::Error;
            tokens.push_back(std::move(token));
            if (last)
                return tokens;
        }
    }

private:
    QChar at(qsizetype i) const { return i < m_s.size() ? m_s[i] : QChar(); }
    int size() const { return int(m_s.size()); }

    Token simple(Tok kind, int length)
    {
        Token token;
        token.kind = kind;
        token.pos = m_i;
        token.len = length;
        m_i += length;
        return token;
    }

    static Token error(int pos, int length, const QString &message)
    {
        Token token;
        token.kind = Tok::Error;
        token.pos = pos;
        token.len = length;
        token.error = {message, pos, length};
        return token;
    }

    Token next()
    {
        while (m_i < size() && m_s[m_i].isSpace())
            ++m_i;
        if (m_i >= size())
            return simple(Tok::End, 0);
        const QChar c = m_s[m_i];
        const QChar n = at(m_i + 1);
        switch (c.unicode()) {
        case u'(':
            return simple(Tok::LParen, 1);
        case u')':
            return simple(Tok::RParen, 1);
        case u',':
            return simple(Tok::Comma, 1);
        case u'=':
            if (n == u'=')
                return simple(Tok::Eq, 2);
            return error(m_i, 1,
                         QCoreApplication::translate("FilterExpression", "use '==' to compare"));
        case u'!':
            return n == u'=' ? simple(Tok::Ne, 2) : simple(Tok::Not, 1);
        case u'<':
            return n == u'=' ? simple(Tok::Le, 2) : simple(Tok::Lt, 1);
        case u'>':
            return n == u'=' ? simple(Tok::Ge, 2) : simple(Tok::Gt, 1);
        case u'&':
            if (n == u'&')
                return simple(Tok::And, 2);
            return error(m_i, 1, QCoreApplication::translate("FilterExpression", "use '&&'"));
        case u'|':
            if (n == u'|')
                return simple(Tok::Or, 2);
            return error(m_i, 1, QCoreApplication::translate("FilterExpression", "use '||'"));
        case u'"':
        case u'\'': {
            const int start = m_i;
            FilterError failure;
            auto text = readString(failure);
            if (!text)
                return error(failure.position, failure.length, failure.message);
            Token token;
            token.kind = Tok::String;
            token.pos = start;
            token.len = m_i - start;
            token.text = *text;
            return token;
        }
        case u'/':
            return lexRegex();
        default:
            break;
        }
        if (c.isDigit() && c.unicode() <= 127) {
            if (at(m_i + 1).isDigit() && at(m_i + 2).isDigit() && at(m_i + 3).isDigit() &&
                at(m_i + 4) == u'-' && at(m_i + 5).isDigit())
                return lexTime();
            return lexNumber();
        }
        if (c == u'-' && n.isDigit())
            return lexNumber();
        if (c.isLetter() || c == u'_')
            return lexWord();
        return error(
            m_i, 1,
            QCoreApplication::translate("FilterExpression", "unexpected character '%1'").arg(c));
    }

    // At a quote: the decoded string, m_i after the closing quote.
    std::optional<QString> readString(FilterError &failure)
    {
        const int start = m_i;
        const QChar quote = m_s[m_i++];
        QString out;
        while (m_i < size()) {
            const QChar c = m_s[m_i];
            if (c == quote) {
                ++m_i;
                return out;
            }
            if (c != u'\\') {
                out += c;
                ++m_i;
                continue;
            }
            if (m_i + 1 >= size())
                break;
            const QChar e = m_s[m_i + 1];
            switch (e.unicode()) {
            case u'"':
            case u'\'':
            case u'\\':
            case u'/':
                out += e;
                break;
            case u'n':
                out += u'\n';
                break;
            case u't':
                out += u'\t';
                break;
            case u'r':
                out += u'\r';
                break;
            case u'b':
                out += u'\b';
                break;
            case u'f':
                out += u'\f';
                break;
            case u'u': {
                const QStringView hex = m_i + 6 <= size() ? m_s.mid(m_i + 2, 4) : QStringView();
                if (!isHex(hex)) {
                    failure = {QCoreApplication::translate("FilterExpression",
                                                           "expected four hex digits after '\\u'"),
                               m_i, 2};
                    return std::nullopt;
                }
                out += QChar(char16_t(hex.toUInt(nullptr, 16)));
                m_i += 6;
                continue;
            }
            default:
                failure = {QCoreApplication::translate("FilterExpression",
                                                       "unknown escape '\\%1' in a string")
                               .arg(e),
                           m_i, 2};
                return std::nullopt;
            }
            m_i += 2;
        }
        failure = {QCoreApplication::translate("FilterExpression", "unterminated string"), start,
                   size() - start};
        return std::nullopt;
    }

    static bool isHex(QStringView s)
    {
        return s.size() == 4 && std::all_of(s.begin(), s.end(), [](QChar c) {
                   return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') ||
                          (c >= u'A' && c <= u'F');
               });
    }

    Token lexRegex()
    {
        const int start = m_i++;
        while (m_i < size() && m_s[m_i] != u'/')
            m_i += m_s[m_i] == u'\\' ? 2 : 1;
        if (m_i >= size())
            return error(
                start, size() - start,
                QCoreApplication::translate("FilterExpression", "unterminated regular expression"));
        Token token;
        token.kind = Tok::Regex;
        token.pos = start;
        token.text = m_s.mid(start + 1, m_i - start - 1).toString();
        ++m_i;
        const int flagsStart = m_i;
        while (m_i < size() && m_s[m_i].isLetterOrNumber())
            ++m_i;
        token.flags = m_s.mid(flagsStart, m_i - flagsStart).toString();
        token.len = m_i - start;
        return token;
    }

    Token lexTime()
    {
        const int start = m_i;
        while (m_i < size() && (m_s[m_i].isLetterOrNumber() || m_s[m_i] == u':' ||
                                m_s[m_i] == u'.' || m_s[m_i] == u'+' || m_s[m_i] == u'-'))
            ++m_i;
        Token token;
        token.kind = Tok::Time;
        token.pos = start;
        token.len = m_i - start;
        token.text = m_s.mid(start, token.len).toString();
        const auto ms = parseIsoTime(token.text);
        if (!ms)
            return error(
                start, token.len,
                QCoreApplication::translate("FilterExpression",
                                            "invalid time '%1'; write it like 2026-11-26T10:00:00Z")
                    .arg(token.text));
        token.timeMs = *ms;
        return token;
    }

    Token lexNumber()
    {
        const int start = m_i;
        bool plain = true;
        if (m_s[m_i] == u'-') {
            plain = false;
            ++m_i;
        }
        const auto digits = [&] {
            while (m_i < size() && m_s[m_i].isDigit() && m_s[m_i].unicode() <= 127)
                ++m_i;
        };
        digits();
        if (at(m_i) == u'.' && at(m_i + 1).isDigit()) {
            plain = false;
            ++m_i;
            digits();
        }
        if ((at(m_i) == u'e' || at(m_i) == u'E') &&
            (at(m_i + 1).isDigit() ||
             ((at(m_i + 1) == u'+' || at(m_i + 1) == u'-') && at(m_i + 2).isDigit()))) {
            plain = false;
            m_i += 2;
            digits();
        }
        const int numberEnd = m_i;
        while (m_i < size() && (m_s[m_i].isLetterOrNumber() || m_s[m_i] == u'_'))
            ++m_i;
        const QStringView suffix = m_s.mid(numberEnd, m_i - numberEnd);
        double scale = 1;
        if (!suffix.isEmpty()) {
            plain = false;
            static const std::pair<QStringView, double> suffixes[] = {
                {u"b", 1.0},           {u"k", 1024.0},
                {u"kb", 1024.0},       {u"kib", 1024.0},
                {u"m", 1048576.0},     {u"mb", 1048576.0},
                {u"mib", 1048576.0},   {u"g", 1073741824.0},
                {u"gb", 1073741824.0}, {u"gib", 1073741824.0},
            };
            const auto found =
                std::find_if(std::begin(suffixes), std::end(suffixes), [&](const auto &entry) {
                    return suffix.compare(entry.first, Qt::CaseInsensitive) == 0;
                });
            if (found == std::end(suffixes))
                return error(numberEnd, int(suffix.size()),
                             QCoreApplication::translate("FilterExpression",
                                                         "unknown size suffix '%1'; use k, m or g")
                                 .arg(suffix));
            scale = found->second;
        }
        bool ok = false;
        const double value = m_s.mid(start, numberEnd - start).toDouble(&ok);
        if (!ok)
            return error(start, m_i - start,
                         QCoreApplication::translate("FilterExpression", "invalid number '%1'")
                             .arg(m_s.mid(start, m_i - start)));
        Token token;
        token.kind = Tok::Number;
        token.pos = start;
        token.len = m_i - start;
        token.text = m_s.mid(start, token.len).toString();
        token.number = value * scale;
        token.plainInteger = plain;
        return token;
    }

    static bool isKeyChar(QChar c)
    {
        return c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u'-';
    }

    Token lexWord()
    {
        const int start = m_i;
        while (m_i < size() && (m_s[m_i].isLetterOrNumber() || m_s[m_i] == u'_'))
            ++m_i;
        Token token;
        token.kind = Tok::Field;
        token.pos = start;
        token.text = m_s.mid(start, m_i - start).toString();
        for (;;) {
            if (at(m_i) == u'.') {
                if (isKeyChar(at(m_i + 1))) {
                    const int keyStart = ++m_i;
                    while (m_i < size() && isKeyChar(m_s[m_i]))
                        ++m_i;
                    token.path.push_back({m_s.mid(keyStart, m_i - keyStart).toString(), -1});
                } else if (at(m_i + 1) == u'"' || at(m_i + 1) == u'\'') {
                    ++m_i;
                    FilterError failure;
                    auto key = readString(failure);
                    if (!key)
                        return error(failure.position, failure.length, failure.message);
                    token.path.push_back({*key, -1});
                } else {
                    return error(m_i, 1,
                                 QCoreApplication::translate("FilterExpression",
                                                             "expected a key after '.'"));
                }
            } else if (at(m_i) == u'[') {
                const int open = m_i++;
                if (at(m_i).isDigit()) {
                    const int digitsStart = m_i;
                    while (m_i < size() && m_s[m_i].isDigit() && m_s[m_i].unicode() <= 127)
                        ++m_i;
                    bool ok = false;
                    const int index = m_s.mid(digitsStart, m_i - digitsStart).toInt(&ok);
                    if (!ok)
                        return error(
                            digitsStart, m_i - digitsStart,
                            QCoreApplication::translate("FilterExpression", "index too large"));
                    token.path.push_back({{}, index});
                } else if (at(m_i) == u'"' || at(m_i) == u'\'') {
                    FilterError failure;
                    auto key = readString(failure);
                    if (!key)
                        return error(failure.position, failure.length, failure.message);
                    token.path.push_back({*key, -1});
                } else {
                    return error(
                        open, 1,
                        QCoreApplication::translate("FilterExpression",
                                                    "expected an index or a quoted key after '['"));
                }
                if (at(m_i) != u']')
                    return error(m_i, m_i < size() ? 1 : 0,
                                 QCoreApplication::translate("FilterExpression", "expected ']'"));
                ++m_i;
            } else {
                break;
            }
        }
        token.len = m_i - start;
        if (token.path.empty()) {
            static const std::pair<QStringView, Tok> keywords[] = {
                {u"contains", Tok::Contains}, {u"matches", Tok::Matches}, {u"in", Tok::In},
                {u"true", Tok::True},         {u"false", Tok::False},     {u"null", Tok::Null},
                {u"and", Tok::And},           {u"or", Tok::Or},           {u"not", Tok::Not},
            };
            for (const auto &[word, kind] : keywords) {
                if (token.text == word)
                    token.kind = kind;
            }
        }
        return token;
    }

    QStringView m_s;
    int m_i = 0;
};

// ---------------------------------------------------------------------------------------------
// JSON over the payload bytes: a strict validator (run once per record, when a data.<path> term
// is reached) and lookups that then skip over values without building anything.

namespace json {

enum class Type : quint8
{
    Missing,
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object
};

struct Ref
{
    Type type = Type::Missing;
    const char *begin = nullptr; // String: after the opening quote; others: the first byte
    const char *end = nullptr;   // String: the closing quote; Number, literals: after the value
    bool escaped = false;        // String: has backslash escapes
};

inline bool isSpace(char c)
{
    // ' ', '\t', '\n', '\r' in one test: all are <= ' ', and bit c of the mask is set for them.
    constexpr quint64 mask = (1ULL << ' ') | (1ULL << '\t') | (1ULL << '\n') | (1ULL << '\r');
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' && ((mask >> u) & 1);
}

inline const char *skipSpace(const char *p, const char *e)
{
    while (p < e && isSpace(*p))
        ++p;
    return p;
}

// Eight bytes at a time: the index of the first '"' or '\\' in [p, e), or e - p.
inline std::ptrdiff_t findQuoteOrBackslash(const char *p, const char *e)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    const char *start = p;
    while (e - p >= 8) {
        // Read little-endian, so the lowest set bit is the first hit: the zero-byte test below
        // may also flag bytes after a hit, never one before it.
        const quint64 word = qFromLittleEndian<quint64>(p);
        const quint64 quotes = word ^ (ones * '"');
        const quint64 slashes = word ^ (ones * '\\');
        const quint64 hits =
            ((quotes - ones) & ~quotes & highs) | ((slashes - ones) & ~slashes & highs);
        if (hits)
            return (p - start) + std::countr_zero(hits) / 8;
        p += 8;
    }
    while (p < e && *p != '"' && *p != '\\')
        ++p;
    return p - start;
}

// At the opening quote of a string in a validated document: just after its closing quote.
inline const char *skipString(const char *p, const char *e, bool &escaped)
{
    ++p;
    for (;;) {
        const void *hit = std::memchr(p, '"', size_t(e - p));
        if (!hit)
            return e;
        const char *quote = static_cast<const char *>(hit);
        // The quote ends the string unless an odd number of backslashes precede it.
        const char *back = quote;
        while (back > p && back[-1] == '\\')
            --back;
        if (back != quote)
            escaped = true;
        if (((quote - back) & 1) == 0) {
            if (!escaped && std::memchr(p, '\\', size_t(quote - p)))
                escaped = true;
            return quote + 1;
        }
        escaped = true;
        p = quote + 1;
    }
}

// At the first byte of a value in a validated document: just after it.
const char *skipValue(const char *p, const char *e)
{
    if (p >= e)
        return e;
    bool escaped = false;
    switch (*p) {
    case '"':
        return skipString(p, e, escaped);
    case '{':
    case '[': {
        int depth = 0;
        while (p < e) {
            switch (*p) {
            case '"':
                p = skipString(p, e, escaped);
                continue;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (--depth == 0)
                    return p + 1;
                break;
            default:
                break;
            }
            ++p;
        }
        return e;
    }
    default:
        while (p < e && *p != ',' && *p != '}' && *p != ']' && !isSpace(*p))
            ++p;
        return p;
    }
}

// A member of the top-level object, noted while validating so that the first step of every
// path is a lookup in this index rather than a scan of the payload.
struct Member
{
    const char *key;    // after the opening quote
    const char *keyEnd; // the closing quote
    const char *value;
    bool escaped;
};
using MemberIndex = QVarLengthArray<Member, 32>;

// RFC 8259 with QJsonDocument's leniencies (control characters in strings, unknown escapes,
// "1." and ".5"), so that what the inspector shows as JSON is what filters read as JSON; no
// UTF-8 checks inside strings. Fills `members` when the document is an object.
class Validator
{
public:
    Validator(const char *begin, const char *end, MemberIndex &members)
        : m_p(begin), m_e(end), m_members(members)
    {}

    bool document()
    {
        if (!value(0))
            return false;
        m_p = skipSpace(m_p, m_e);
        return m_p == m_e;
    }

private:
    bool value(int depth)
    {
        m_p = skipSpace(m_p, m_e);
        if (m_p >= m_e)
            return false;
        switch (*m_p) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true", 4);
        case 'f':
            return literal("false", 5);
        case 'n':
            return literal("null", 4);
        default:
            return number();
        }
    }

    bool literal(const char *word, std::ptrdiff_t length)
    {
        if (m_e - m_p < length || std::memcmp(m_p, word, size_t(length)) != 0)
            return false;
        m_p += length;
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // QJsonDocument's number grammar, which lets "1." and ".5" through: -? digits (. digits*)?
    // (e [+-]? digits*)?, no leading zeros, and the text must convert to a double.
    bool number()
    {
        const char *start = m_p;
        if (m_p < m_e && *m_p == '-')
            ++m_p;
        bool strict = true; // RFC 8259: converts for sure
        if (m_p < m_e && *m_p == '0') {
            ++m_p;
        } else {
            strict = m_p < m_e && isDigit(*m_p);
            while (m_p < m_e && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_e && *m_p == '.') {
            ++m_p;
            strict = strict && m_p < m_e && isDigit(*m_p);
            while (m_p < m_e && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_e && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_e && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            strict = strict && m_p < m_e && isDigit(*m_p);
            while (m_p < m_e && isDigit(*m_p))
                ++m_p;
        }
        if (strict)
            return true;
        if (m_p == start)
            return false;
        double value = 0;
        const auto [end, error] = std::from_chars(start, m_p, value);
        return error == std::errc() && end == m_p;
    }

    // At the opening quote: past the closing one; `m_escaped` says whether it had escapes.
    bool string()
    {
        ++m_p;
        m_escaped = false;
        for (;;) {
            m_p += findQuoteOrBackslash(m_p, m_e);
            if (m_p >= m_e)
                return false;
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                return true;
            }
            m_escaped = true; // c is the backslash
            if (++m_p >= m_e)
                return false;
            if (*m_p == 'u') {
                if (m_e - m_p < 5)
                    return false;
                for (int k = 1; k <= 4; ++k) {
                    if (!std::isxdigit(static_cast<unsigned char>(m_p[k])))
                        return false;
                }
                m_p += 5;
            } else {
                ++m_p; // \" \\ \/ \b \f \n \r \t; as in QJsonDocument, any other as itself
            }
        }
    }

    bool object(int depth)
    {
        if (depth > kMaxJsonDepth)
            return false;
        m_p = skipSpace(m_p + 1, m_e);
        if (m_p < m_e && *m_p == '}') {
            ++m_p;
            return true;
        }
        for (;;) {
            m_p = skipSpace(m_p, m_e);
            if (m_p >= m_e || *m_p != '"')
                return false;
            const char *key = m_p + 1;
            if (!string())
                return false;
            const char *keyEnd = m_p - 1;
            const bool escaped = m_escaped;
            m_p = skipSpace(m_p, m_e);
            if (m_p >= m_e || *m_p != ':')
                return false;
            m_p = skipSpace(m_p + 1, m_e);
            if (depth == 1)
                m_members.append({key, keyEnd, m_p, escaped});
            if (!value(depth))
                return false;
            m_p = skipSpace(m_p, m_e);
            if (m_p >= m_e)
                return false;
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
        }
    }

    bool array(int depth)
    {
        if (depth > kMaxJsonDepth)
            return false;
        m_p = skipSpace(m_p + 1, m_e);
        if (m_p < m_e && *m_p == ']') {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!value(depth))
                return false;
            m_p = skipSpace(m_p, m_e);
            if (m_p >= m_e)
                return false;
            if (*m_p == ']') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
        }
    }

    const char *m_p;
    const char *m_e;
    MemberIndex &m_members;
    bool m_escaped = false;
};

// The text of a string with escapes (the rare path; plain strings are compared as bytes).
QString decodeString(const char *begin, const char *end)
{
    QString out;
    const char *run = begin;
    const auto flush = [&](const char *to) { out += QString::fromUtf8(run, to - run); };
    const char *p = begin;
    while (p < end) {
        if (*p != '\\') {
            ++p;
            continue;
        }
        flush(p);
        ++p;
        if (p >= end)
            break;
        switch (*p) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u':
            if (end - p >= 5) {
                const QByteArray hex(p + 1, 4);
                out += QChar(char16_t(hex.toUInt(nullptr, 16)));
                p += 4;
            }
            break;
        default:
            out += QLatin1Char(*p);
            break;
        }
        ++p;
        run = p;
    }
    flush(p);
    return out;
}

Ref classify(const char *p, const char *e)
{
    if (p >= e)
        return {};
    switch (*p) {
    case '"': {
        bool escaped = false;
        const char *after = skipString(p, e, escaped);
        return {Type::String, p + 1, after - 1, escaped};
    }
    case '{':
        return {Type::Object, p, nullptr, false};
    case '[':
        return {Type::Array, p, nullptr, false};
    case 't':
        return {Type::True, p, p + 4, false};
    case 'f':
        return {Type::False, p, p + 5, false};
    case 'n':
        return {Type::Null, p, p + 4, false};
    default:
        return {Type::Number, p, skipValue(p, e), false};
    }
}

bool keyEquals(const char *begin, const char *end, bool escaped, const QByteArray &utf8,
               const QString &text)
{
    if (escaped)
        return decodeString(begin, end) == text;
    return end - begin == utf8.size() &&
           std::memcmp(begin, utf8.constData(), size_t(end - begin)) == 0;
}

} // namespace json

// ---------------------------------------------------------------------------------------------
// The compiled program

struct Value
{
    enum class Kind : quint8
    {
        String,
        Number,
        Time,
        Bool,
        Null,
        Regex
    };
    Kind kind = Kind::String;
    QString text;       // String: the text (seq/ehk: canonical digits); Regex: the pattern
    QByteArray utf8;    // String
    double number = 0;  // Number
    qint64 integer = 0; // Time: ms since the epoch; shard: its index
    bool boolean = false;
    QString printed; // as normalized() writes it
};

} // namespace

struct FilterExpression::Program
{
    struct Node
    {
        enum class Kind : quint8
        {
            And,
            Or,
            Not,
            Term
        };
        Kind kind = Kind::Term;
        std::vector<int> children; // And, Or: the operands, cheapest first; Not: one

        Field field = Field::Pk;
        Op op = Op::Eq;
        std::vector<PathStep> path;
        std::vector<QByteArray> pathUtf8; // each key of `path` as UTF-8, for byte comparison
        std::vector<Value> values;        // one, or the list of `in`
        QRegularExpression regex;         // matches
        QStringMatcher textMatcher;       // contains, on text fields
        QByteArrayMatcher byteMatcher;    // contains, on the payload and JSON strings
        int cost = 1;
    };

    std::vector<Node> nodes;
    int root = -1;
    QString normalized;
    bool needsData = false;
};

namespace {

using Program = FilterExpression::Program;
using Node = Program::Node;

// ---------------------------------------------------------------------------------------------
// Parser

class Parser
{
public:
    Parser(QStringView text, std::vector<Token> tokens) : m_text(text), m_tokens(std::move(tokens))
    {}

    std::expected<Program, FilterError> run()
    {
        const int root = parseOr(0);
        if (root >= 0) {
            const Token &t = peek();
            if (t.kind == Tok::Error)
                fail(t.error);
            else if (t.kind == Tok::RParen)
                fail(t, QCoreApplication::translate("FilterExpression", "unexpected ')'"));
            else if (t.kind != Tok::End)
                fail(t, QCoreApplication::translate("FilterExpression",
                                                    "expected '&&' or '||' before '%1'")
                            .arg(source(t)));
        }
        if (m_error)
            return std::unexpected(*m_error);
        m_program.root = root;
        return std::move(m_program);
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &previous() const { return m_tokens[m_pos > 0 ? m_pos - 1 : 0]; }
    void advance()
    {
        if (m_pos + 1 < m_tokens.size())
            ++m_pos;
    }
    QString source(const Token &t) const { return m_text.mid(t.pos, t.len).toString(); }

    int fail(const FilterError &error)
    {
        if (!m_error)
            m_error = error;
        return -1;
    }
    int fail(const Token &at, const QString &message) { return fail({message, at.pos, at.len}); }

    int add(Node node)
    {
        m_program.nodes.push_back(std::move(node));
        return int(m_program.nodes.size()) - 1;
    }

    int group(Node::Kind kind, const std::vector<int> &operands)
    {
        Node node;
        node.kind = kind;
        for (int operand : operands) {
            const Node &child = m_program.nodes[operand];
            if (child.kind == kind)
                node.children.insert(node.children.end(), child.children.begin(),
                                     child.children.end());
            else
                node.children.push_back(operand);
        }
        return add(std::move(node));
    }

    int parseOr(int depth)
    {
        std::vector<int> operands;
        for (;;) {
            const int operand = parseAnd(depth);
            if (operand < 0)
                return -1;
            operands.push_back(operand);
            if (peek().kind != Tok::Or)
                break;
            advance();
        }
        return operands.size() == 1 ? operands.front() : group(Node::Kind::Or, operands);
    }

    int parseAnd(int depth)
    {
        std::vector<int> operands;
        for (;;) {
            const int operand = parseUnary(depth);
            if (operand < 0)
                return -1;
            operands.push_back(operand);
            if (peek().kind != Tok::And)
                break;
            advance();
        }
        return operands.size() == 1 ? operands.front() : group(Node::Kind::And, operands);
    }

    int parseUnary(int depth)
    {
        if (depth > kMaxNesting)
            return fail(peek(), QCoreApplication::translate("FilterExpression",
                                                            "the filter is nested too deeply"));
        if (peek().kind == Tok::Not) {
            advance();
            const int operand = parseUnary(depth + 1);
            if (operand < 0)
                return -1;
            Node node;
            node.kind = Node::Kind::Not;
            node.children.push_back(operand);
            return add(std::move(node));
        }
        if (peek().kind == Tok::LParen) {
            advance();
            const int inner = parseOr(depth + 1);
            if (inner < 0)
                return -1;
            if (peek().kind == Tok::Error)
                return fail(peek().error);
            if (peek().kind != Tok::RParen)
                return fail(peek(),
                            QCoreApplication::translate("FilterExpression", "expected ')'"));
            advance();
            return inner;
        }
        return parseTerm();
    }

    // Where a field should be: a synonym's or the nearest field name, else the word as a key
    // in the JSON payload ("status" -> "data.status").
    static QString suggestion(const Token &t)
    {
        static const std::pair<QStringView, QStringView> synonyms[] = {
            {u"partitionkey", u"pk"},
            {u"partition_key", u"pk"},
            {u"partition", u"pk"},
            {u"pkey", u"pk"},
            {u"key", u"pk"},
            {u"explicithashkey", u"ehk"},
            {u"hashkey", u"ehk"},
            {u"hash", u"ehk"},
            {u"sequencenumber", u"seq"},
            {u"sequence_number", u"seq"},
            {u"sequence", u"seq"},
            {u"seqno", u"seq"},
            {u"shardid", u"shard"},
            {u"shard_id", u"shard"},
            {u"timestamp", u"time"},
            {u"arrival", u"time"},
            {u"date", u"time"},
            {u"ts", u"time"},
            {u"length", u"size"},
            {u"len", u"size"},
            {u"bytes", u"size"},
            {u"payload", u"data"},
            {u"body", u"data"},
            {u"json", u"data"},
        };
        const QString lower = t.text.toLower();
        QString field;
        for (const auto &[word, name] : synonyms) {
            if (lower == word)
                field = name.toString();
        }
        if (field.isEmpty()) {
            int best = std::numeric_limits<int>::max();
            for (const QString &name : FilterExpression::fields()) {
                const int distance = levenshtein(t.text, name);
                const int allowed = name.size() <= 3 ? 1 : 2;
                if (distance <= allowed && distance < best) {
                    best = distance;
                    field = name;
                }
            }
        }
        if (field.isEmpty()) {
            std::vector<PathStep> path{{t.text, -1}};
            path.insert(path.end(), t.path.begin(), t.path.end());
            return printPath(path);
        }
        if (field == u"data")
            return printPath(t.path);
        return field;
    }

    int parseTerm()
    {
        const Token &t = peek();
        if (t.kind == Tok::Error)
            return fail(t.error);
        if (t.kind != Tok::Field) {
            if (t.kind == Tok::End && m_pos > 0)
                return fail(t, QCoreApplication::translate("FilterExpression",
                                                           "expected a field after '%1'")
                                   .arg(source(previous())));
            return fail(
                t, QCoreApplication::translate("FilterExpression", "expected a field, not '%1'")
                       .arg(source(t)));
        }
        std::optional<Field> field = fieldFromName(t.text);
        if (!field)
            return fail(t, QCoreApplication::translate("FilterExpression",
                                                       "unknown field '%1'; did you mean '%2'?")
                               .arg(source(t), suggestion(t)));
        if (!t.path.empty()) {
            if (*field != Field::Data)
                return fail(
                    t, QCoreApplication::translate("FilterExpression",
                                                   "only data has JSON paths, as in data.status"));
            field = Field::DataPath;
        }
        Node node;
        node.field = *field;
        node.path = t.path;
        const QString fieldText = source(t);
        advance();

        const Token opToken = peek();
        switch (opToken.kind) {
        case Tok::Eq:
            node.op = Op::Eq;
            break;
        case Tok::Ne:
            node.op = Op::Ne;
            break;
        case Tok::Lt:
            node.op = Op::Lt;
            break;
        case Tok::Gt:
            node.op = Op::Gt;
            break;
        case Tok::Le:
            node.op = Op::Le;
            break;
        case Tok::Ge:
            node.op = Op::Ge;
            break;
        case Tok::Contains:
            node.op = Op::Contains;
            break;
        case Tok::Matches:
            node.op = Op::Matches;
            break;
        case Tok::In:
            node.op = Op::In;
            break;
        case Tok::Error:
            return fail(opToken.error);
        default:
            if (node.field == Field::DataPath) {
                node.op = Op::Exists;
                return add(std::move(node));
            }
            return fail(opToken, QCoreApplication::translate("FilterExpression",
                                                             "expected an operator after '%1'")
                                     .arg(fieldText));
        }
        if (!fieldTakes(node.field, node.op))
            return fail(
                opToken,
                QCoreApplication::translate("FilterExpression", "'%1' cannot be used with %2 (%3)")
                    .arg(opText(node.op), fieldName(node.field), fieldKind(node.field)));
        advance();

        if (node.op != Op::In) {
            auto value = parseValue(node, node.op, opToken);
            if (!value)
                return -1;
            node.values.push_back(std::move(*value));
            return add(std::move(node));
        }

        if (peek().kind == Tok::Error)
            return fail(peek().error);
        if (peek().kind != Tok::LParen)
            return fail(peek(),
                        QCoreApplication::translate("FilterExpression", "expected '(' after 'in'"));
        const Token open = peek();
        advance();
        if (peek().kind == Tok::RParen)
            return fail({QCoreApplication::translate("FilterExpression", "the list is empty"),
                         open.pos, peek().pos + 1 - open.pos});
        Token after = open;
        for (;;) {
            auto value = parseValue(node, Op::Eq, after);
            if (!value)
                return -1;
            node.values.push_back(std::move(*value));
            const Token &next = peek();
            if (next.kind == Tok::Comma) {
                after = next;
                advance();
                continue;
            }
            if (next.kind == Tok::RParen) {
                advance();
                break;
            }
            if (next.kind == Tok::Error)
                return fail(next.error);
            return fail(next, QCoreApplication::translate("FilterExpression",
                                                          "expected ',' or ')' in the list"));
        }
        return add(std::move(node));
    }

    std::optional<Value> valueError(const Token &at, const QString &message)
    {
        fail(at, message);
        return std::nullopt;
    }

    // The literal after `after`, checked against what `node.field` and `op` take.
    std::optional<Value> parseValue(Node &node, Op op, const Token &after)
    {
        const Token &v = peek();
        if (v.kind == Tok::Error) {
            fail(v.error);
            return std::nullopt;
        }
        if (!isValueToken(v.kind))
            return valueError(
                v, QCoreApplication::translate("FilterExpression", "expected a value after '%1'")
                       .arg(source(after)));
        Value value;
        switch (v.kind) {
        case Tok::String:
            value.kind = Value::Kind::String;
            value.text = v.text;
            value.printed = quoted(v.text);
            break;
        case Tok::Number:
            value.kind = Value::Kind::Number;
            value.number = v.number;
            value.text = v.text;
            value.printed = v.text.toLower();
            break;
        case Tok::Time:
            value.kind = Value::Kind::Time;
            value.integer = v.timeMs;
            value.printed = v.text;
            break;
        case Tok::Regex:
            value.kind = Value::Kind::Regex;
            value.text = v.text;
            value.printed = u'/' % v.text % u'/' % v.flags;
            break;
        case Tok::True:
        case Tok::False:
            value.kind = Value::Kind::Bool;
            value.boolean = v.kind == Tok::True;
            value.printed = value.boolean ? u"true"_s : u"false"_s;
            break;
        default:
            value.kind = Value::Kind::Null;
            value.printed = u"null"_s;
            break;
        }

        if (op == Op::Matches) {
            if (v.kind != Tok::Regex && v.kind != Tok::String)
                return valueError(
                    v, QCoreApplication::translate("FilterExpression",
                                                   "expected /regex/ or a string after 'matches'"));
            if (!compileRegex(node, v))
                return std::nullopt;
            advance();
            return value;
        }
        if (v.kind == Tok::Regex)
            return valueError(v, QCoreApplication::translate(
                                     "FilterExpression", "a /regex/ can only follow 'matches'"));

        const QString field = fieldName(node.field);
        const auto needsText = [&] {
            const QString example = v.kind == Tok::String ? u"user-42"_s : source(v);
            return valueError(v, QCoreApplication::translate("FilterExpression",
                                                             "%1 needs text in quotes, such as %2")
                                     .arg(field, quoted(example)));
        };

        switch (node.field) {
        case Field::Pk:
        case Field::Data:
            if (v.kind != Tok::String)
                return needsText();
            break;
        case Field::Ehk:
        case Field::Seq: {
            if (op == Op::Contains) {
                if (v.kind != Tok::String)
                    return needsText();
                break;
            }
            const bool digits = (v.kind == Tok::Number && v.plainInteger) ||
                                (v.kind == Tok::String && isAllDigits(v.text));
            const bool emptyKey = node.field == Field::Ehk && v.kind == Tok::String &&
                                  v.text.isEmpty() && !isOrdering(op);
            if (!digits && !emptyKey)
                return valueError(
                    v, node.field == Field::Seq
                           ? QCoreApplication::translate(
                                 "FilterExpression",
                                 "seq needs a decimal sequence number, such as "
                                 "49590338271490256608559692538361571095921575989136588898")
                           : QCoreApplication::translate(
                                 "FilterExpression", "ehk needs a decimal hash key, such as "
                                                     "170141183460469231731687303715884105728"));
            value.kind = Value::Kind::String;
            value.text = emptyKey ? QString() : stripLeadingZeros(v.text).toString();
            // A number in the emulator's 32-digit layout (a filter saved before its numbers
            // became 56 digits) means the same record today: compare with its current text.
            if (node.field == Field::Seq) {
                if (const auto legacy = SequenceNumber::parseLegacy(value.text))
                    value.text = legacy->toString();
            }
            break;
        }
        case Field::Shard: {
            std::optional<quint32> index;
            if (v.kind == Tok::Number && v.plainInteger &&
                v.number <= std::numeric_limits<qint32>::max())
                index = quint32(v.number);
            else if (v.kind == Tok::String)
                index = ShardId::parse(v.text);
            if (!index)
                return valueError(v, QCoreApplication::translate(
                                         "FilterExpression",
                                         "shard needs a shard number such as 3 or a shard id "
                                         "such as \"shardId-000000000003\""));
            value.integer = *index;
            break;
        }
        case Field::Time: {
            std::optional<qint64> ms;
            if (v.kind == Tok::Time)
                ms = v.timeMs;
            else if (v.kind == Tok::String)
                ms = parseIsoTime(v.text);
            if (!ms)
                return valueError(
                    v, QCoreApplication::translate(
                           "FilterExpression", "time needs a time such as 2026-11-26T10:00:00Z"));
            value.kind = Value::Kind::Time;
            value.integer = *ms;
            break;
        }
        case Field::Size:
            if (v.kind != Tok::Number)
                return valueError(
                    v, QCoreApplication::translate(
                           "FilterExpression", "size needs a number of bytes such as 1024 or 1k"));
            break;
        case Field::DataPath:
            if (v.kind == Tok::Time)
                return valueError(v, QCoreApplication::translate(
                                         "FilterExpression",
                                         "JSON values compare with text, numbers, true, false "
                                         "or null; put a time in quotes to compare it as text"));
            if (isOrdering(op) && v.kind != Tok::Number && v.kind != Tok::String)
                return valueError(v, QCoreApplication::translate("FilterExpression",
                                                                 "'%1' compares numbers or text")
                                         .arg(opText(op)));
            break;
        }
        if (value.kind == Value::Kind::String)
            value.utf8 = value.text.toUtf8();
        advance();
        return value;
    }

    bool compileRegex(Node &node, const Token &v)
    {
        QRegularExpression::PatternOptions options;
        for (qsizetype i = 0; i < v.flags.size(); ++i) {
            switch (v.flags[i].unicode()) {
            case u'i':
                options |= QRegularExpression::CaseInsensitiveOption;
                break;
            case u's':
                options |= QRegularExpression::DotMatchesEverythingOption;
                break;
            case u'm':
                options |= QRegularExpression::MultilineOption;
                break;
            case u'x':
                options |= QRegularExpression::ExtendedPatternSyntaxOption;
                break;
            default:
                fail({QCoreApplication::translate(
                          "FilterExpression",
                          "unknown regular expression flag '%1'; use i, s, m or x")
                          .arg(v.flags[i]),
                      int(v.pos + v.len - v.flags.size() + i), 1});
                return false;
            }
        }
        node.regex = QRegularExpression(v.text, options);
        if (!node.regex.isValid()) {
            // Inside the pattern (PCRE reports "missing )" just past its end).
            const int offset = std::clamp(int(node.regex.patternErrorOffset()), 0,
                                          std::max(0, int(v.text.size()) - 1));
            fail({QCoreApplication::translate("FilterExpression", "invalid regular expression: %1")
                      .arg(node.regex.errorString()),
                  v.pos + 1 + offset, 1});
            return false;
        }
        node.regex.optimize();
        return true;
    }

    QStringView m_text;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    std::optional<FilterError> m_error;
    Program m_program;
};

// ---------------------------------------------------------------------------------------------
// After parsing: printing, matchers, and the cheapest-first order of && and || operands.

QString print(const Program &program, int index, int parentPrecedence)
{
    const Node &node = program.nodes[index];
    switch (node.kind) {
    case Node::Kind::Or:
    case Node::Kind::And: {
        const bool isOr = node.kind == Node::Kind::Or;
        const int precedence = isOr ? 1 : 2;
        QStringList parts;
        for (int child : node.children)
            parts.append(print(program, child, precedence));
        const QString joined = parts.join(isOr ? u" || "_s : u" && "_s);
        return parentPrecedence > precedence ? QString(u'(' % joined % u')') : joined;
    }
    case Node::Kind::Not: {
        const Node &child = program.nodes[node.children.front()];
        const bool bare = child.kind == Node::Kind::Not ||
                          (child.kind == Node::Kind::Term && child.op == Op::Exists);
        const QString inner = print(program, node.children.front(), 0);
        return bare ? QString(u'!' % inner) : QString(u"!("_s % inner % u')');
    }
    case Node::Kind::Term: {
        const QString field =
            node.field == Field::DataPath ? printPath(node.path) : fieldName(node.field);
        if (node.op == Op::Exists)
            return field;
        if (node.op == Op::In) {
            QStringList values;
            for (const Value &value : node.values)
                values.append(value.printed);
            return field % u" in ("_s % values.join(u", "_s) % u')';
        }
        return field % u' ' % opText(node.op) % u' ' % node.values.front().printed;
    }
    }
    return {};
}

int termCost(const Node &node)
{
    int cost = 1;
    switch (node.field) {
    case Field::Time:
    case Field::Size:
        cost = 1;
        break;
    case Field::Pk:
    case Field::Ehk:
    case Field::Seq:
        cost = 2;
        break;
    case Field::Shard:
        cost = 3;
        break;
    case Field::Data:
        cost = 10;
        break;
    case Field::DataPath:
        cost = 30;
        break;
    }
    if (node.op == Op::Contains)
        cost += 4;
    if (node.op == Op::Matches)
        cost += 40;
    return cost;
}

void compile(Program &program, int index)
{
    Node &node = program.nodes[index];
    if (node.kind != Node::Kind::Term) {
        node.cost = 0;
        for (int child : node.children) {
            compile(program, child);
            node.cost += program.nodes[child].cost;
        }
        if (node.kind != Node::Kind::Not) {
            std::stable_sort(node.children.begin(), node.children.end(), [&](int a, int b) {
                return program.nodes[a].cost < program.nodes[b].cost;
            });
        }
        return;
    }
    node.cost = termCost(node);
    if (node.field == Field::Data || node.field == Field::DataPath || node.field == Field::Size)
        program.needsData = true;
    for (const PathStep &step : node.path)
        node.pathUtf8.push_back(step.key.toUtf8());
    if (node.op == Op::Contains && !node.values.empty() &&
        node.values.front().kind == Value::Kind::String) {
        if (node.field == Field::Data || node.field == Field::DataPath)
            node.byteMatcher = QByteArrayMatcher(node.values.front().utf8);
        else
            node.textMatcher = QStringMatcher(node.values.front().text);
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

struct EvalContext
{
    explicit EvalContext(const RecordEntry &r) : record(r) {}

    const RecordEntry &record;
    enum class JsonState : quint8
    {
        Unknown,
        Valid,
        Invalid
    } json = JsonState::Unknown;
    json::MemberIndex members;           // the top-level object's members, once validated
    QVarLengthArray<QChar, 256> scratch; // UTF-16 of the payload or a JSON string, for regexes

    bool jsonValid()
    {
        if (json == JsonState::Unknown) {
            const char *begin = record.data.constData();
            json = json::Validator(begin, begin + record.data.size(), members).document()
                       ? JsonState::Valid
                       : JsonState::Invalid;
        }
        return json == JsonState::Valid;
    }

    QStringView utf16(const char *begin, qsizetype length)
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        scratch.resize(decoder.requiredSpace(length));
        const QChar *end = decoder.appendToBuffer(scratch.data(), QByteArrayView(begin, length));
        return QStringView(scratch.data(), end - scratch.data());
    }
};

bool ordered(Op op, int order)
{
    switch (op) {
    case Op::Eq:
        return order == 0;
    case Op::Lt:
        return order < 0;
    case Op::Gt:
        return order > 0;
    case Op::Le:
        return order <= 0;
    case Op::Ge:
        return order >= 0;
    default:
        return false;
    }
}

template<typename T> int threeWay(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// Ne is the negation of Eq, In any Eq, the rest one test.
template<typename Test> bool evalOp(const Node &node, Test &&test)
{
    switch (node.op) {
    case Op::Ne:
        return !test(Op::Eq, node.values.front());
    case Op::In:
        for (const Value &value : node.values) {
            if (test(Op::Eq, value))
                return true;
        }
        return false;
    default:
        return test(node.op, node.values.front());
    }
}

bool testText(const Node &node, Op op, const Value &value, QStringView text)
{
    switch (op) {
    case Op::Eq:
        return text == QStringView(value.text);
    case Op::Contains:
        return node.textMatcher.indexIn(text) >= 0;
    case Op::Matches:
        return node.regex.match(text).hasMatch();
    default:
        return false;
    }
}

bool testDecimal(const Node &node, Op op, const Value &value, QStringView text)
{
    if (op == Op::Contains || op == Op::Matches)
        return testText(node, op, value, text);
    if (value.text.isEmpty()) // ehk == "": no explicit hash key
        return op == Op::Eq && text.isEmpty();
    const auto order = compareDecimal(text, value.text);
    return order && ordered(op, *order);
}

namespace jsonops {

double number(const json::Ref &ref)
{
    double value = 0;
    std::from_chars(ref.begin, ref.end, value);
    return value;
}

int compareBytes(const char *a, qsizetype aLength, const QByteArray &b)
{
    const int prefix = std::memcmp(a, b.constData(), size_t(std::min(aLength, b.size())));
    if (prefix != 0)
        return prefix < 0 ? -1 : 1;
    return threeWay(aLength, b.size());
}

// Order of a JSON string against a text value, by code point (UTF-8 byte order).
int compareString(const json::Ref &ref, const Value &value)
{
    if (!ref.escaped)
        return compareBytes(ref.begin, ref.end - ref.begin, value.utf8);
    const QByteArray decoded = json::decodeString(ref.begin, ref.end).toUtf8();
    return compareBytes(decoded.constData(), decoded.size(), value.utf8);
}

bool equals(const json::Ref &ref, const Value &value)
{
    switch (value.kind) {
    case Value::Kind::String:
        return ref.type == json::Type::String && compareString(ref, value) == 0;
    case Value::Kind::Number:
        return ref.type == json::Type::Number && number(ref) == value.number;
    case Value::Kind::Bool:
        return ref.type == (value.boolean ? json::Type::True : json::Type::False);
    case Value::Kind::Null:
        return ref.type == json::Type::Null;
    default:
        return false;
    }
}

// The value at `node.path` in a validated document, Missing when absent.
json::Ref lookup(const Node &node, const char *p, const char *e, const json::MemberIndex &members)
{
    p = json::skipSpace(p, e);
    size_t s = 0;
    if (p < e && *p == '{' && node.path.front().index < 0) {
        // The first key from the index; the last of duplicates counts, as in QJsonDocument.
        const QByteArray &key = node.pathUtf8.front();
        const char *found = nullptr;
        for (qsizetype m = members.size() - 1; m >= 0 && !found; --m) {
            const json::Member &member = members[m];
            if (json::keyEquals(member.key, member.keyEnd, member.escaped, key,
                                node.path.front().key))
                found = member.value;
        }
        if (!found)
            return {};
        p = found;
        s = 1;
    }
    for (; s < node.path.size(); ++s) {
        const PathStep &step = node.path[s];
        if (p >= e)
            return {};
        if (step.index >= 0) {
            if (*p != '[')
                return {};
            p = json::skipSpace(p + 1, e);
            if (p >= e || *p == ']')
                return {};
            for (int k = 0; k < step.index; ++k) {
                p = json::skipSpace(json::skipValue(p, e), e);
                if (p >= e || *p != ',')
                    return {};
                p = json::skipSpace(p + 1, e);
            }
            continue;
        }
        if (*p != '{')
            return {};
        p = json::skipSpace(p + 1, e);
        const char *found = nullptr;
        // Every member is read: with duplicate keys the last one counts, as in QJsonDocument.
        while (p < e && *p == '"') {
            bool escaped = false;
            const char *keyEnd = json::skipString(p, e, escaped);
            const bool match =
                json::keyEquals(p + 1, keyEnd - 1, escaped, node.pathUtf8[s], step.key);
            p = json::skipSpace(keyEnd, e); // ':'
            p = json::skipSpace(p + 1, e);  // the value
            if (match)
                found = p;
            p = json::skipSpace(json::skipValue(p, e), e);
            if (p >= e || *p != ',')
                break;
            p = json::skipSpace(p + 1, e);
        }
        if (!found)
            return {};
        p = found;
    }
    return json::classify(p, e);
}

bool contains(const Node &node, const Value &value, const json::Ref &ref, const char *e)
{
    if (ref.type == json::Type::String) {
        if (value.kind != Value::Kind::String)
            return false;
        if (!ref.escaped)
            return node.byteMatcher.indexIn(QByteArrayView(ref.begin, ref.end - ref.begin)) >= 0;
        return json::decodeString(ref.begin, ref.end).contains(value.text);
    }
    if (ref.type != json::Type::Array)
        return false;
    const char *p = json::skipSpace(ref.begin + 1, e);
    if (p < e && *p == ']')
        return false;
    while (p < e) {
        if (equals(json::classify(p, e), value))
            return true;
        p = json::skipSpace(json::skipValue(p, e), e);
        if (p >= e || *p != ',')
            return false;
        p = json::skipSpace(p + 1, e);
    }
    return false;
}

bool test(const Node &node, Op op, const Value &value, const json::Ref &ref, const char *e,
          EvalContext &context)
{
    if (ref.type == json::Type::Missing)
        return false;
    switch (op) {
    case Op::Eq:
        return equals(ref, value);
    case Op::Lt:
    case Op::Gt:
    case Op::Le:
    case Op::Ge:
        if (value.kind == Value::Kind::Number && ref.type == json::Type::Number)
            return ordered(op, threeWay(number(ref), value.number));
        if (value.kind == Value::Kind::String && ref.type == json::Type::String)
            return ordered(op, compareString(ref, value));
        return false;
    case Op::Contains:
        return contains(node, value, ref, e);
    case Op::Matches:
        switch (ref.type) {
        case json::Type::String:
            if (ref.escaped)
                return node.regex.match(json::decodeString(ref.begin, ref.end)).hasMatch();
            [[fallthrough]];
        case json::Type::Number:
        case json::Type::True:
        case json::Type::False:
            return node.regex.match(context.utf16(ref.begin, ref.end - ref.begin)).hasMatch();
        default:
            return false;
        }
    default:
        return false;
    }
}

} // namespace jsonops

bool evalTerm(const Node &node, EvalContext &context)
{
    const RecordEntry &record = context.record;
    switch (node.field) {
    case Field::Pk:
        return evalOp(node, [&](Op op, const Value &value) {
            return testText(node, op, value, record.partitionKey);
        });
    case Field::Ehk:
        return evalOp(node, [&](Op op, const Value &value) {
            return testDecimal(node, op, value, record.explicitHashKey);
        });
    case Field::Seq:
        return evalOp(node, [&](Op op, const Value &value) {
            return testDecimal(node, op, value, record.sequenceNumber);
        });
    case Field::Shard: {
        const std::optional<quint32> shard = shardNumber(record.shardId);
        return evalOp(node, [&](Op op, const Value &value) {
            return shard && ordered(op, threeWay(qint64(*shard), value.integer));
        });
    }
    case Field::Time:
        return evalOp(node, [&](Op op, const Value &value) {
            return ordered(op, threeWay(record.arrivalMs, value.integer));
        });
    case Field::Size:
        return evalOp(node, [&](Op op, const Value &value) {
            return ordered(op, threeWay(double(record.data.size()), value.number));
        });
    case Field::Data:
        return evalOp(node, [&](Op op, const Value &value) {
            switch (op) {
            case Op::Eq:
                return record.data == value.utf8;
            case Op::Contains:
                return node.byteMatcher.indexIn(record.data) >= 0;
            case Op::Matches:
                return node.regex.match(context.utf16(record.data.constData(), record.data.size()))
                    .hasMatch();
            default:
                return false;
            }
        });
    case Field::DataPath: {
        json::Ref ref;
        const char *begin = record.data.constData();
        const char *end = begin + record.data.size();
        if (context.jsonValid())
            ref = jsonops::lookup(node, begin, end, context.members);
        if (node.op == Op::Exists)
            return ref.type != json::Type::Missing && ref.type != json::Type::Null;
        return evalOp(node, [&](Op op, const Value &value) {
            return jsonops::test(node, op, value, ref, end, context);
        });
    }
    }
    return false;
}

bool evalNode(const Program &program, int index, EvalContext &context)
{
    const Node &node = program.nodes[index];
    switch (node.kind) {
    case Node::Kind::And:
        for (int child : node.children) {
            if (!evalNode(program, child, context))
                return false;
        }
        return true;
    case Node::Kind::Or:
        for (int child : node.children) {
            if (evalNode(program, child, context))
                return true;
        }
        return false;
    case Node::Kind::Not:
        return !evalNode(program, node.children.front(), context);
    case Node::Kind::Term:
        return evalTerm(node, context);
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Completion

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'[' || c == u']' || c == u'$' ||
           c == u'-';
}

bool isOperatorChar(QChar c)
{
    return c == u'=' || c == u'!' || c == u'<' || c == u'>' || c == u'&' || c == u'|';
}

enum class Expect : quint8
{
    Nothing,
    Field,
    Operator,
    Value,
    Connective,
    ListContinue
};

struct Context
{
    Expect expect = Expect::Nothing;
    std::optional<Field> field; // Operator, Value: the term's field
    bool valueIsList = false;   // Value: right after 'in'
    int openParens = 0;
};

// What may come after the tokens of `text` (which ends where the word being typed starts).
Context contextAfter(QStringView text)
{
    std::vector<Token> tokens = Lexer(text).run();
    Context context;
    if (tokens.back().kind == Tok::Error)
        return context;
    tokens.pop_back();            // End
    std::vector<bool> listParens; // per open parenthesis: does it open an `in` list?
    std::optional<Field> lastField;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == Tok::LParen)
            listParens.push_back(i > 0 && tokens[i - 1].kind == Tok::In);
        else if (tokens[i].kind == Tok::RParen && !listParens.empty())
            listParens.pop_back();
        else if (tokens[i].kind == Tok::Field) {
            lastField = fieldFromName(tokens[i].text);
            if (lastField == Field::Data && !tokens[i].path.empty())
                lastField = Field::DataPath;
        }
    }
    context.openParens = int(listParens.size());
    context.field = lastField;
    const bool inList = !listParens.empty() && listParens.back();
    if (tokens.empty()) {
        context.expect = Expect::Field;
        return context;
    }
    switch (tokens.back().kind) {
    case Tok::And:
    case Tok::Or:
    case Tok::Not:
        context.expect = Expect::Field;
        break;
    case Tok::LParen:
        context.expect = inList ? Expect::Value : Expect::Field;
        break;
    case Tok::Field:
        context.expect = lastField ? Expect::Operator : Expect::Nothing;
        break;
    case Tok::Eq:
    case Tok::Ne:
    case Tok::Lt:
    case Tok::Gt:
    case Tok::Le:
    case Tok::Ge:
    case Tok::Contains:
    case Tok::Matches:
    case Tok::Comma:
        context.expect = Expect::Value;
        break;
    case Tok::In:
        context.expect = Expect::Value;
        context.valueIsList = true;
        break;
    default:
        context.expect = inList ? Expect::ListContinue : Expect::Connective;
        break;
    }
    return context;
}

QStringList candidatesFor(const Context &context, const QStringList &dataPaths)
{
    QStringList candidates;
    switch (context.expect) {
    case Expect::Nothing:
        break;
    case Expect::Field:
        candidates = FilterExpression::fields();
        candidates += dataPaths;
        break;
    case Expect::Operator:
        candidates = operatorsFor(*context.field);
        if (context.field == Field::DataPath)
            candidates += {u"&&"_s, u"||"_s};
        break;
    case Expect::Value:
        if (context.valueIsList)
            candidates = {u"("_s};
        else if (context.field == Field::DataPath)
            candidates = {u"true"_s, u"false"_s, u"null"_s};
        break;
    case Expect::Connective:
        candidates = {u"&&"_s, u"||"_s};
        if (context.openParens > 0)
            candidates.append(u")"_s);
        break;
    case Expect::ListContinue:
        candidates = {u","_s, u")"_s};
        break;
    }
    return candidates;
}

} // namespace

// -------------------------------------------------------------------------------------------------

FilterExpression::FilterExpression() = default;

FilterExpression::FilterExpression(std::shared_ptr<const Program> program)
    : m_program(std::move(program))
{}

std::expected<FilterExpression, FilterError> FilterExpression::parse(QStringView text)
{
    if (text.trimmed().isEmpty())
        return FilterExpression();
    auto parsed = Parser(text, Lexer(text).run()).run();
    if (!parsed)
        return std::unexpected(parsed.error());
    auto program = std::make_shared<Program>(std::move(*parsed));
    program->normalized = print(*program, program->root, 0);
    compile(*program, program->root);
    return FilterExpression(std::move(program));
}

bool FilterExpression::matches(const RecordEntry &record) const
{
    if (!m_program)
        return true;
    EvalContext context(record);
    return evalNode(*m_program, m_program->root, context);
}

QString FilterExpression::normalized() const
{
    return m_program ? m_program->normalized : QString();
}

bool FilterExpression::isEmpty() const
{
    return !m_program;
}

bool FilterExpression::needsData() const
{
    return m_program && m_program->needsData;
}

QStringList FilterExpression::fields()
{
    return {u"pk"_s, u"ehk"_s, u"seq"_s, u"shard"_s, u"time"_s, u"size"_s, u"data"_s};
}

QString FilterExpression::fieldDescription(QStringView field)
{
    if (field.startsWith(u"data.") || field.startsWith(u"data["))
        return QCoreApplication::translate("FilterExpression",
                                           "A value in the JSON payload, e.g. data.items[0].sku");
    const auto known = fieldFromName(field);
    if (!known)
        return {};
    switch (*known) {
    case Field::Pk:
        return QCoreApplication::translate("FilterExpression", "The partition key (text)");
    case Field::Ehk:
        return QCoreApplication::translate(
            "FilterExpression", "The explicit hash key (decimal; \"\" when the record has none)");
    case Field::Seq:
        return QCoreApplication::translate("FilterExpression", "The sequence number (decimal)");
    case Field::Shard:
        return QCoreApplication::translate("FilterExpression",
                                           "The shard's index, e.g. 3 for shardId-000000000003");
    case Field::Time:
        return QCoreApplication::translate("FilterExpression",
                                           "The arrival time, e.g. 2026-11-26T10:00:00Z");
    case Field::Size:
        return QCoreApplication::translate("FilterExpression",
                                           "The payload size in bytes; 1k = 1024");
    case Field::Data:
    case Field::DataPath:
        return QCoreApplication::translate(
            "FilterExpression", "The payload: compare as text, search bytes, or match a regex");
    }
    return {};
}

FilterCompletion FilterExpression::completions(QStringView text, int cursor,
                                               const QStringList &dataPaths)
{
    cursor = std::clamp(cursor, 0, int(text.size()));
    int start = cursor;
    while (start > 0 && isWordChar(text[start - 1]))
        --start;
    if (start == cursor) {
        int opStart = cursor;
        while (opStart > 0 && isOperatorChar(text[opStart - 1]))
            --opStart;
        if (opStart < cursor) {
            const Expect expect = contextAfter(text.left(opStart)).expect;
            if (expect == Expect::Operator || expect == Expect::Connective ||
                expect == Expect::ListContinue)
                start = opStart;
        }
    }
    const Context context = contextAfter(text.left(start));

    const QStringView prefix = text.mid(start, cursor - start);
    FilterCompletion completion;
    completion.start = start;
    completion.length = cursor - start;
    for (const QString &candidate : candidatesFor(context, dataPaths)) {
        if (candidate.startsWith(prefix, Qt::CaseInsensitive) &&
            !completion.candidates.contains(candidate))
            completion.candidates.append(candidate);
    }
    return completion;
}

} // namespace shardscope
