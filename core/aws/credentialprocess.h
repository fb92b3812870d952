#pragma once

#include "aws/credentialplan.h"
#include "kinesis/error.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <expected>
#include <functional>

class QObject;

namespace shardscope {

// credential_process: runs the configured command (split like a shell would, but without a
// shell, as the CLI does) and reads the JSON it prints on stdout:
//   {"Version": 1, "AccessKeyId": .., "SecretAccessKey": .., "SessionToken": ..,
//    "Expiration": "ISO 8601"}
// SessionToken and Expiration are optional; without Expiration the keys never expire.
// Stateless; the process is a child of the context object and lives on its thread.
//
// Errors are InternalFailure and name the profile: the command could not start, exited with a
// non-zero status (its stderr is quoted), did not finish in time (it is killed), or printed
// something that is not Version 1 credentials.
class CredentialProcess final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::CredentialProcess)

public:
    using Result = std::expected<ResolvedCredentials, Error>;
    using Callback = std::function<void(Result)>;

    static Result parseOutput(QByteArrayView output, const QString &profile);

    // `done` runs once on `context`'s thread, unless `context` is destroyed first.
    static void run(const QString &command, const QString &profile,
                    std::chrono::milliseconds timeout, QObject *context, Callback done);
};

} // namespace shardscope
