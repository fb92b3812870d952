#include "requestvalidation.h"

#include "kinesis/consumerarn.h"
#include "kinesis/limits.h"
#include "kinesis/streamarn.h"

#include <QRegularExpression>

namespace shardscope::RequestValidation {

namespace {

QString tagMapText(const TagMap &tags)
{
    QStringList parts;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        parts.append(it.key() % u'=' % it.value());
    return u'{' % parts.join(QStringLiteral(", ")) % u'}';
}

} // namespace

bool matchesStreamNamePattern(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') || u == '_' || u == '.' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

void checkName(ValidationErrors &v, const QString &field, const QString &value, bool required)
{
    if (value.isNull()) {
        if (required)
            v.addNull(field);
        return;
    }
    if (!matchesStreamNamePattern(value))
        v.pattern(field, value, kStreamNamePattern);
    if (value.isEmpty())
        v.lengthAtLeast(field, value, 1);
    else if (value.size() > KinesisLimits::kMaxNameLength)
        v.lengthAtMost(field, value, KinesisLimits::kMaxNameLength);
}

void checkLength(ValidationErrors &v, const QString &field, const QString &value, qsizetype min,
                 qsizetype max)
{
    if (value.isNull())
        return;
    if (value.size() < min)
        v.lengthAtLeast(field, value, min);
    else if (value.size() > max)
        v.lengthAtMost(field, value, max);
}

void checkRange(ValidationErrors &v, const QString &field, std::optional<int> value, int min,
                int max)
{
    if (!value)
        return;
    if (*value < min)
        v.valueAtLeast(field, *value, min);
    else if (*value > max)
        v.valueAtMost(field, *value, max);
}

void checkArn(ValidationErrors &v, const QString &field, const QString &value, bool resource)
{
    if (value.isNull())
        return;
    // A resource is a stream or a consumer.
    const bool ok =
        StreamArn::parse(value).has_value() || (resource && ConsumerArn::parse(value).has_value());
    if (!ok)
        v.pattern(field, value, resource ? kResourceArnPattern : kStreamArnPattern);
    checkLength(v, field, value, 1, KinesisLimits::kMaxArnLength);
}

void checkConsumerArn(ValidationErrors &v, const QString &field, const QString &value)
{
    if (value.isNull())
        return;
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(kConsumerArnPattern));
    if (!pattern.match(value).hasMatch())
        v.pattern(field, value, kConsumerArnPattern);
    checkLength(v, field, value, 1, KinesisLimits::kMaxArnLength);
}

bool matchesHashKeyPattern(const QString &value)
{
    static const QRegularExpression pattern(QStringLiteral("^(0|[1-9]\\d{0,38})$"));
    return pattern.match(value).hasMatch();
}

void checkTagMap(ValidationErrors &v, const TagMap &tags)
{
    if (tags.isEmpty()) {
        v.add(QStringLiteral("tags"), QStringLiteral("{}"),
              QStringLiteral("Member must have length greater than or equal to 1"));
        return;
    }
    if (tags.size() > KinesisLimits::kMaxTagsPerRequest)
        v.add(QStringLiteral("tags"), tagMapText(tags),
              QStringLiteral("Member must have length less than or equal to %1")
                  .arg(KinesisLimits::kMaxTagsPerRequest));
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.key().isEmpty() || it.key().size() > KinesisLimits::kMaxTagKeyLength) {
            v.add(QStringLiteral("tags"), tagMapText(tags),
                  QStringLiteral("Map keys must satisfy constraint: [Member must have length less "
                                 "than or equal to 128, Member must have length greater than or "
                                 "equal to 1]"));
            break;
        }
    }
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.value().size() > KinesisLimits::kMaxTagValueLength) {
            v.add(QStringLiteral("tags"), tagMapText(tags),
                  QStringLiteral("Map value must satisfy constraint: [Member must have length less "
                                 "than or equal to 256, Member must have length greater than or "
                                 "equal to 0]"));
            break;
        }
    }
}

void checkTagKeys(ValidationErrors &v, const QStringList &keys)
{
    const QString text = u'[' % keys.join(QStringLiteral(", ")) % u']';
    if (keys.isEmpty())
        v.add(QStringLiteral("tagKeys"), text,
              QStringLiteral("Member must have length greater than or equal to 1"));
    else if (keys.size() > KinesisLimits::kMaxTagKeysPerRequest)
        v.add(QStringLiteral("tagKeys"), text,
              QStringLiteral("Member must have length less than or equal to %1")
                  .arg(KinesisLimits::kMaxTagKeysPerRequest));
    for (const QString &key : keys) {
        if (key.isEmpty() || key.size() > KinesisLimits::kMaxTagKeyLength) {
            v.add(QStringLiteral("tagKeys"), text,
                  QStringLiteral("Member must satisfy constraint: [Member must have length less "
                                 "than or equal to 128, Member must have length greater than or "
                                 "equal to 1]"));
            break;
        }
    }
}

bool tagTextIsValid(const QString &text)
{
    for (QChar c : text) {
        if (c.isLetterOrNumber() || c == u' ')
            continue;
        if (QStringView(u"_.:/=+-@%").contains(c))
            continue;
        return false;
    }
    return true;
}

std::expected<void, Error> checkRetention(const ValidationErrors &v, int hours)
{
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    if (hours < KinesisLimits::kMinRetentionHours)
        return std::unexpected(
            Error{ErrorType::InvalidArgument,
                  QStringLiteral("Minimum allowed retention period is %1 hours. "
                                 "Requested retention period (%2 hours) is too short.")
                      .arg(KinesisLimits::kMinRetentionHours)
                      .arg(hours)});
    if (hours > KinesisLimits::kMaxRetentionHours)
        return std::unexpected(
            Error{ErrorType::InvalidArgument,
                  QStringLiteral("Maximum allowed retention period is %1 hours. "
                                 "Requested retention period (%2 hours) is too long.")
                      .arg(KinesisLimits::kMaxRetentionHours)
                      .arg(hours)});
    return {};
}

QString blobDescription(qsizetype size)
{
    return QStringLiteral("java.nio.HeapByteBuffer[pos=0 lim=%1 cap=%1]").arg(size);
}

QString targetLabel(const StreamTarget &target)
{
    if (!target.streamName.isNull())
        return target.streamName;
    if (const auto arn = StreamArn::parse(target.streamArn))
        return arn->streamName;
    return target.streamArn;
}

Error invalidArgument(const QString &message)
{
    return Error{ErrorType::InvalidArgument, message};
}

Error invalidTagCharacters()
{
    return invalidArgument(QStringLiteral(
        "Some tags contain invalid characters. Valid characters: Unicode letters, digits, "
        "white space, _ . / = + - % @."));
}

} // namespace shardscope::RequestValidation
