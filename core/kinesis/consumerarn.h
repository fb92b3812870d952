#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace shardscope {

// arn:<partition>:kinesis:<region>:<account>:stream/<stream>/consumer/<name>:<epoch seconds>
// The creation time tells a consumer from an earlier one registered under the same name.
struct ConsumerArn
{
    QString partition = QStringLiteral("aws");
    QString region;
    QString account;
    QString streamName;
    QString consumerName;
    qint64 creationSeconds = 0;

    QString toString() const;
    // nullopt unless every part is there and the stream and consumer names are valid names.
    static std::optional<ConsumerArn> parse(QStringView arn);
};

} // namespace shardscope
