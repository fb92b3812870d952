#include "memorysecretstore.h"

#include <QFuture>

namespace shardscope {

MemorySecretStore::MemorySecretStore(QObject *parent) : SecretStore(parent) {}

MemorySecretStore::~MemorySecretStore() = default;

std::optional<Error> MemorySecretStore::takeFailure()
{
    return std::exchange(m_failure, std::nullopt);
}

QFuture<SecretWriteResult> MemorySecretStore::write(const QString &connectionId,
                                                    const ConnectionSecret &secret)
{
    if (auto failure = takeFailure())
        return QtFuture::makeReadyFuture(SecretWriteResult(std::unexpected(*failure)));
    m_secrets.insert(connectionId, secret);
    return QtFuture::makeReadyFuture(SecretWriteResult());
}

QFuture<SecretResult> MemorySecretStore::read(const QString &connectionId)
{
    if (auto failure = takeFailure())
        return QtFuture::makeReadyFuture(SecretResult(std::unexpected(*failure)));
    const auto it = m_secrets.constFind(connectionId);
    if (it == m_secrets.cend())
        return QtFuture::makeReadyFuture(SecretResult(std::unexpected(Error{
            ErrorType::ResourceNotFound,
            tr("No secret is stored for the connection %1.").arg(connectionId)})));
    return QtFuture::makeReadyFuture(SecretResult(*it));
}

QFuture<SecretWriteResult> MemorySecretStore::remove(const QString &connectionId)
{
    if (auto failure = takeFailure())
        return QtFuture::makeReadyFuture(SecretWriteResult(std::unexpected(*failure)));
    m_secrets.remove(connectionId);
    return QtFuture::makeReadyFuture(SecretWriteResult());
}

} // namespace shardscope
