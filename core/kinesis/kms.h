#pragma once

#include "kinesis/error.h"

#include <QString>

#include <optional>

namespace shardscope {

// KMS as the stream APIs see it: the keys a stream can be encrypted with and the aliases that
// name them. The emulator's LocalKms stores them; AwsBackend reads them from AWS KMS.

enum class KmsKeyState { Enabled, Disabled, PendingDeletion };

struct KmsKey
{
    QString keyId; // a UUID
    QString arn;   // arn:aws:kms:<region>:<account>:key/<keyId>
    QString description;
    KmsKeyState state = KmsKeyState::Enabled;
    bool awsManaged = false; // the key behind alias/aws/kinesis
    qint64 creationDateMs = 0;
    std::optional<qint64> deletionDateMs; // when deletion was scheduled
};

struct KmsAlias
{
    QString aliasName; // alias/<name>
    QString aliasArn;  // arn:aws:kms:<region>:<account>:alias/<name>
    QString targetKeyId;
};

// The alias of the AWS-managed key Kinesis encrypts with when no key is chosen.
inline const QString kDefaultKmsAlias = QStringLiteral("alias/aws/kinesis");

// Why `aliasName` cannot name a new alias (pattern, the reserved alias/aws/ prefix), or nothing.
std::optional<Error> kmsAliasNameProblem(const QString &aliasName);

} // namespace shardscope
