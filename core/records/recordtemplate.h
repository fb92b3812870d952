#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>
#include <optional>
#include <variant>

class QRandomGenerator;
class QSettings;

namespace shardscope {

// Where a template is wrong: the character offset of the placeholder and what is wrong with it.
struct TemplateError
{
    qsizetype position = 0;
    QString message;
};

// What a placeholder needs to expand: the record's number in the run, a random source and the
// time. Tests pass a seeded generator and a fixed time.
struct TemplateContext
{
    qint64 counter = 1;
    QRandomGenerator *random = nullptr; // the global generator when null
    qint64 nowMs = 0;                   // the current time when 0
};

// A saved Put-dialog template, stored by name in QSettings.
struct SavedTemplate
{
    QString name;
    QString partitionKey;
    QString explicitHashKey;
    QString data;
    int dataFormat = 0; // the dialog's data format (text, JSON, hex)
    int repeat = 1;

    friend bool operator==(const SavedTemplate &, const SavedTemplate &) = default;
};

// Text with placeholders, for the Put dialog's partition key and data fields:
//   {{counter}}              the record's number in the run (1, 2, ...); {{counter:100}} starts at 100
//   {{random:int:A:B}}       an integer in [A, B]
//   {{random:float:A:B}}     a decimal in [A, B)
//   {{random:hex:N}}         N random hex digits
//   {{uuid}}                 a random UUID (each occurrence its own)
//   {{timestamp}}            now in ISO 8601 UTC with milliseconds; {{timestamp:epoch}} seconds,
//                            {{timestamp:epochms}} milliseconds since 1970
//   {{choice:a|b|c}}         one of the alternatives, uniformly
// "{{{{" is a literal "{{". An unknown or malformed placeholder is an error with its position,
// so the dialog can show it before anything is sent. Immutable value; any thread.
class RecordTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::RecordTemplate)

public:
    static std::expected<RecordTemplate, TemplateError> parse(const QString &text);

    // True when the text has at least one placeholder (otherwise expand() returns it as is).
    bool hasPlaceholders() const;
    QString expand(const TemplateContext &context) const;

    // The names of the templates saved in `settings`, sorted.
    static QStringList savedNames(QSettings &settings);
    static std::optional<SavedTemplate> load(QSettings &settings, const QString &name);
    static void save(QSettings &settings, const SavedTemplate &saved);
    static void remove(QSettings &settings, const QString &name);

private:
    struct Counter
    {
        qint64 start = 1;
    };
    struct RandomInt
    {
        qint64 low = 0;
        qint64 high = 0;
    };
    struct RandomFloat
    {
        double low = 0;
        double high = 1;
    };
    struct RandomHex
    {
        int digits = 8;
    };
    struct Uuid
    {};
    struct Timestamp
    {
        enum class Style
        {
            Iso,
            EpochSeconds,
            EpochMs
        } style = Style::Iso;
    };
    struct Choice
    {
        QStringList options;
    };
    using Part = std::variant<QString, Counter, RandomInt, RandomFloat, RandomHex, Uuid,
                              Timestamp, Choice>;

    static std::expected<Part, QString> parsePlaceholder(const QString &body);

    QList<Part> m_parts;
};

} // namespace shardscope
