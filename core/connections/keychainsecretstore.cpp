#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QPromise>

#include <memory>

namespace shardscope {

namespace {

template<typename T>
std::shared_ptr<QPromise<T>> startedPromise()
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    return promise;
}

template<typename T>
void fulfil(const std::shared_ptr<QPromise<T>> &promise, T result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent) : SecretStore(parent) {}

KeychainSecretStore::~KeychainSecretStore() = default;

// The job's own message says what went wrong with the keychain (no service, locked, denied);
// it never contains the secret.
static Error keychainError(const QString &what, const QKeychain::Job *job)
{
    return Error{ErrorType::InternalFailure,
                 KeychainSecretStore::tr("%1: the system keychain said: %2")
                     .arg(what, job->errorString())};
}

QFuture<SecretWriteResult> KeychainSecretStore::write(const QString &connectionId,
                                                      const ConnectionSecret &secret)
{
    auto promise = startedPromise<SecretWriteResult>();
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setInsecureFallback(false);
    job->setKey(keyFor(connectionId));
    job->setBinaryData(encode(secret));
    connect(job, &QKeychain::Job::finished, this, [promise, connectionId](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError)
            fulfil(promise, SecretWriteResult(std::unexpected(keychainError(
                                tr("The secret of connection %1 could not be saved").arg(connectionId),
                                done))));
        else
            fulfil(promise, SecretWriteResult());
    });
    job->start();
    return promise->future();
}

QFuture<SecretResult> KeychainSecretStore::read(const QString &connectionId)
{
    auto promise = startedPromise<SecretResult>();
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setInsecureFallback(false);
    job->setKey(keyFor(connectionId));
    connect(job, &QKeychain::Job::finished, this, [promise, connectionId](QKeychain::Job *done) {
        const auto *reader = static_cast<QKeychain::ReadPasswordJob *>(done);
        if (done->error() == QKeychain::EntryNotFound) {
            fulfil(promise, SecretResult(std::unexpected(Error{
                                ErrorType::ResourceNotFound,
                                tr("No secret is stored for the connection %1 in the system "
                                   "keychain.").arg(connectionId)})));
            return;
        }
        if (done->error() != QKeychain::NoError) {
            fulfil(promise, SecretResult(std::unexpected(keychainError(
                                tr("The secret of connection %1 could not be read").arg(connectionId),
                                done))));
            return;
        }
        const auto secret = decode(reader->binaryData());
        if (!secret) {
            fulfil(promise, SecretResult(std::unexpected(Error{
                                ErrorType::InternalFailure,
                                tr("The keychain entry of connection %1 is not one Shardscope "
                                   "wrote.").arg(connectionId)})));
            return;
        }
        fulfil(promise, SecretResult(*secret));
    });
    job->start();
    return promise->future();
}

QFuture<SecretWriteResult> KeychainSecretStore::remove(const QString &connectionId)
{
    auto promise = startedPromise<SecretWriteResult>();
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setInsecureFallback(false);
    job->setKey(keyFor(connectionId));
    connect(job, &QKeychain::Job::finished, this, [promise, connectionId](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound)
            fulfil(promise, SecretWriteResult(std::unexpected(keychainError(
                                tr("The secret of connection %1 could not be deleted").arg(connectionId),
                                done))));
        else
            fulfil(promise, SecretWriteResult());
    });
    job->start();
    return promise->future();
}

} // namespace shardscope
