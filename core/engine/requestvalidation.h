#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace shardscope {

// The checks requests go through before the engine looks anything up: the API model's member
// constraints (length, range, pattern) in the shape and order Kinesis reports them, ARN and
// tag checks, and the messages shared by several operations. Pure functions, any thread.
namespace RequestValidation {

// The API model's patterns, quoted in ValidationException messages.
inline const QString kStreamNamePattern = QStringLiteral("[a-zA-Z0-9_.-]+");
inline const QString kHashKeyPattern = QStringLiteral("0|([1-9]\\d{0,38})");
inline const QString kSequencePattern = QStringLiteral("0|([1-9]\\d{0,128})");
inline const QString kStreamArnPattern = QStringLiteral("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
inline const QString kResourceArnPattern =
    QStringLiteral("arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+");
inline const QString kConsumerArnPattern =
    QStringLiteral("^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/"
                   "[a-zA-Z0-9_.-]+:[0-9]+");

bool matchesStreamNamePattern(const QString &name);
// A member with the stream-name constraints (pattern, length 1..128) in Kinesis's order.
void checkName(ValidationErrors &v, const QString &field, const QString &value, bool required);
void checkLength(ValidationErrors &v, const QString &field, const QString &value, qsizetype min,
                 qsizetype max);
void checkRange(ValidationErrors &v, const QString &field, std::optional<int> value, int min,
                int max);
// A stream ARN, or with `resource` a stream or consumer ARN (pattern, then length 1..2048).
void checkArn(ValidationErrors &v, const QString &field, const QString &value, bool resource);
// ConsumerARN: the model's pattern (matched in full, as Coral does), then length 1..2048.
void checkConsumerArn(ValidationErrors &v, const QString &field, const QString &value);
// A decimal hash key member (ExplicitHashKey, NewStartingHashKey): the model's pattern.
bool matchesHashKeyPattern(const QString &value);
// A Tags map: 1..200 entries, keys 1..128 and values 0..256 characters.
void checkTagMap(ValidationErrors &v, const TagMap &tags);
// A TagKeys list: 1..50 keys of 1..128 characters.
void checkTagKeys(ValidationErrors &v, const QStringList &keys);
// Tag keys and values: Unicode letters, digits, white space and _ . : / = + - @ (and '%',
// which passes this check but is then refused with its own message, as Kinesis does).
bool tagTextIsValid(const QString &text);
// The retention bounds (24..8,760 hours) once the member checks in `v` passed.
std::expected<void, Error> checkRetention(const ValidationErrors &v, int hours);

// How Kinesis describes a blob in a message: java.nio.HeapByteBuffer[pos=0 lim=N cap=N].
QString blobDescription(qsizetype size);
// The stream a request names, for messages written before the stream is looked up.
QString targetLabel(const StreamTarget &target);
Error invalidArgument(const QString &message);
// "Some tags contain invalid characters. …", shared by every tagging operation.
Error invalidTagCharacters();

} // namespace RequestValidation
} // namespace shardscope
