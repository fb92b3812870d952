#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace shardscope {

// arn:<partition>:kinesis:<region>:<account>:stream/<name>
struct StreamArn
{
    QString partition = QStringLiteral("aws");
    QString region;
    QString account;
    QString streamName;

    QString toString() const;
    static std::optional<StreamArn> parse(QStringView arn);
};

} // namespace shardscope
