#pragma once

#include "connections/secretstore.h"

namespace shardscope {

// A SecretStore over the system keychain through QtKeychain: the Secret Service (GNOME
// Keyring, KWallet) over D-Bus on Linux, the Keychain on macOS, the Credential Store on
// Windows. Entries are filed under the service "Shardscope" as "connection/<id>"; there is no
// plain-text fallback: without a keychain, calls fail with a message saying so.
//
// Each call is one QtKeychain job running on this thread's event loop; nothing blocks.
// Threads: the thread that created it (the GUI thread).
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QFuture<SecretWriteResult> write(const QString &connectionId,
                                     const ConnectionSecret &secret) override;
    QFuture<SecretResult> read(const QString &connectionId) override;
    QFuture<SecretWriteResult> remove(const QString &connectionId) override;
};

} // namespace shardscope
