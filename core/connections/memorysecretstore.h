#pragma once

#include "connections/secretstore.h"

#include <QHash>

namespace shardscope {

// A SecretStore in memory, for tests and for sessions without a keychain. Results are ready at
// once. failNextWith() makes the next call fail, to test how callers report keychain errors.
//
// Threads: the thread that created it.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    QFuture<SecretWriteResult> write(const QString &connectionId,
                                     const ConnectionSecret &secret) override;
    QFuture<SecretResult> read(const QString &connectionId) override;
    QFuture<SecretWriteResult> remove(const QString &connectionId) override;

    bool contains(const QString &connectionId) const { return m_secrets.contains(connectionId); }
    qsizetype size() const { return m_secrets.size(); }
    void failNextWith(const Error &error) { m_failure = error; }

private:
    std::optional<Error> takeFailure();

    QHash<QString, ConnectionSecret> m_secrets;
    std::optional<Error> m_failure;
};

} // namespace shardscope
