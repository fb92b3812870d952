#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace shardscope {

// One [section] of an AWS shared config or credentials file.
struct AwsIniSection
{
    QString name; // the text between the brackets, trimmed: "default", "profile dev", ...
    QMap<QString, QString> settings; // keys lower-cased, values trimmed
    // Nested settings: a key with an empty value followed by indented "key = value" lines, as
    // in `kinesis =` / `  endpoint_url = ...` in [services x] sections.
    QMap<QString, QMap<QString, QString>> subsections;
    int line = 0; // where the header is, 1-based
};

// The syntax of ~/.aws/config and ~/.aws/credentials as the AWS CLI reads it (botocore on top
// of Python's configparser), without the meaning of the sections:
// - "[name]" headers; text after the closing bracket is ignored;
// - "key = value" (or "key: value"); keys are case-insensitive (lower-cased here);
// - whole-line comments start with '#' or ';'; in a top-level value, '#' or ';' after
//   whitespace starts a comment too (as the AWS SDKs do);
// - an indented line continues the previous setting: it becomes a nested "key = value" when
//   that setting's value was empty, otherwise another line of the value;
// - a later duplicate key or section wins / merges.
// Lines that fit none of these are skipped and reported in warnings(), so one stray line does
// not make every profile unusable. A value type; no thread affinity.
class AwsIniFile final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::AwsIniFile)

public:
    static AwsIniFile parse(QByteArrayView text, const QString &fileName = {});

    const QList<AwsIniSection> &sections() const { return m_sections; }
    // "file:line: problem", one for each skipped line.
    const QStringList &warnings() const { return m_warnings; }

private:
    QList<AwsIniSection> m_sections;
    QStringList m_warnings;
};

} // namespace shardscope
