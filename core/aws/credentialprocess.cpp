#include "credentialprocess.h"

#include "aws/awstimestamp.h"
#include "aws/shellwords.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <memory>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxQuotedStderr = 2000;

Error failure(const QString &message)
{
    return Error{ErrorType::InternalFailure, message};
}

} // namespace

CredentialProcess::Result CredentialProcess::parseOutput(QByteArrayView output,
                                                         const QString &profile)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::unexpected(
            failure(tr("The credential_process of profile \"%1\" did not print a JSON object: %2")
                        .arg(profile, parseError.error != QJsonParseError::NoError
                                          ? parseError.errorString()
                                          : tr("the output is not an object"))));
    const QJsonObject json = document.object();
    const QJsonValue version = json.value(u"Version");
    if (!version.isDouble() || version.toDouble() != 1.0) {
        const QString shown = version.isDouble()   ? QString::number(version.toDouble())
                              : version.isString() ? u'"' + version.toString() + u'"'
                                                   : tr("(none)");
        return std::unexpected(
            failure(tr("The credential_process of profile \"%1\" printed Version %2; only "
                       "Version 1 is supported.")
                        .arg(profile, shown)));
    }
    ResolvedCredentials result;
    result.credentials.accessKeyId = json.value(u"AccessKeyId").toString();
    result.credentials.secretAccessKey = json.value(u"SecretAccessKey").toString();
    result.credentials.sessionToken = json.value(u"SessionToken").toString();
    QStringList missing;
    if (result.credentials.accessKeyId.isEmpty())
        missing.append(u"AccessKeyId"_s);
    if (result.credentials.secretAccessKey.isEmpty())
        missing.append(u"SecretAccessKey"_s);
    if (!missing.isEmpty())
        return std::unexpected(failure(tr("The credential_process of profile \"%1\" printed no %2.")
                                           .arg(profile, missing.join(u", "))));
    const QJsonValue expiration = json.value(u"Expiration");
    if (!expiration.isUndefined() && !expiration.isNull()) {
        result.expiration = parseAwsTimestamp(expiration.toString());
        if (!result.expiration)
            return std::unexpected(
                failure(tr("The credential_process of profile \"%1\" printed an Expiration that "
                           "is not an ISO 8601 time: \"%2\".")
                            .arg(profile, expiration.toString())));
    }
    result.source = tr("profile %1 (credential_process)").arg(profile);
    return result;
}

void CredentialProcess::run(const QString &command, const QString &profile,
                            std::chrono::milliseconds timeout, QObject *context, Callback done)
{
    const std::optional<QStringList> words = splitShellWords(command);
    if (!words || words->isEmpty()) {
        done(std::unexpected(
            failure(tr("The credential_process of profile \"%1\" is not a valid command line: %2")
                        .arg(profile, command))));
        return;
    }

    auto *process = new QProcess(context);
    auto *deadline = new QTimer(process);
    deadline->setSingleShot(true);
    struct State
    {
        bool timedOut = false;
        bool reported = false;
    };
    auto state = std::make_shared<State>();
    const QPointer<QObject> guard(context);
    auto report = [process, state, guard, done = std::move(done)](Result result) {
        if (state->reported)
            return;
        state->reported = true;
        process->deleteLater();
        if (guard)
            done(std::move(result));
    };
    const QString program = words->front();

    QObject::connect(deadline, &QTimer::timeout, process, [process, state] {
        state->timedOut = true;
        process->kill();
    });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [process, program, profile, report](QProcess::ProcessError error) {
                         // Only a failed start has no finished() to follow.
                         if (error != QProcess::FailedToStart)
                             return;
                         report(std::unexpected(failure(
                             tr("The credential_process of profile \"%1\" could not be started "
                                "(%2): %3")
                                 .arg(profile, program, process->errorString()))));
                     });
    QObject::connect(
        process, &QProcess::finished, process,
        [process, state, profile, timeout, report](int exitCode, QProcess::ExitStatus status) {
            if (state->timedOut) {
                report(std::unexpected(
                    failure(tr("The credential_process of profile \"%1\" did not finish within %2 "
                               "seconds and was stopped.")
                                .arg(profile)
                                .arg(std::chrono::duration<double>(timeout).count()))));
                return;
            }
            if (status != QProcess::NormalExit || exitCode != 0) {
                QString errorText = QString::fromUtf8(process->readAllStandardError()).trimmed();
                if (errorText.size() > kMaxQuotedStderr)
                    errorText = errorText.first(kMaxQuotedStderr) + u'…';
                report(std::unexpected(failure(
                    status == QProcess::NormalExit
                        ? tr("The credential_process of profile \"%1\" failed with exit code "
                             "%2: %3")
                              .arg(profile)
                              .arg(exitCode)
                              .arg(errorText.isEmpty() ? tr("(no error output)") : errorText)
                        : tr("The credential_process of profile \"%1\" crashed: %2")
                              .arg(profile,
                                   errorText.isEmpty() ? tr("(no error output)") : errorText))));
                return;
            }
            report(parseOutput(process->readAllStandardOutput(), profile));
        });

    deadline->start(timeout);
    process->start(program, words->sliced(1));
    process->closeWriteChannel();
}

} // namespace shardscope
