#include "localkms.h"

#include "aesgcm.h"
#include "enginelog.h"
#include "sqlitedb.h"

#include <QRegularExpression>
#include <QUuid>

#include <sqlite3.h>

namespace shardscope {

namespace {

const QString kAliasPrefix = QStringLiteral("alias/");

Error kmsNotFound(const QString &message)
{
    return Error{ErrorType::KmsNotFound, message};
}

Error kmsInvalidState(const QString &message)
{
    return Error{ErrorType::KmsInvalidState, message};
}

} // namespace

LocalKms::LocalKms(QString region, QString account)
    : m_region(std::move(region)), m_account(std::move(account)),
      m_published(std::make_shared<const State>())
{
}

QString LocalKms::keyArn(const QString &keyId) const
{
    return u"arn:aws:kms:" % m_region % u':' % m_account % u":key/" % keyId;
}

QString LocalKms::aliasArn(const QString &aliasName) const
{
    return u"arn:aws:kms:" % m_region % u':' % m_account % u':' % aliasName;
}

std::expected<void, Error> LocalKms::load(SqliteDb &db)
{
    State loaded;
    auto keys = db.prepare("SELECT id, description, state, aws_managed, created_ms, deletion_ms, "
                           "material FROM kms_keys");
    if (!keys)
        return std::unexpected(keys.error());
    int rc;
    while ((rc = keys->step()) == SQLITE_ROW) {
        Entry entry;
        entry.key.keyId = keys->columnText(0);
        entry.key.arn = keyArn(entry.key.keyId);
        entry.key.description = keys->columnText(1);
        entry.key.state = static_cast<KmsKeyState>(keys->columnInt64(2));
        entry.key.awsManaged = keys->columnInt64(3) != 0;
        entry.key.creationDateMs = keys->columnInt64(4);
        if (!keys->columnIsNull(5))
            entry.key.deletionDateMs = keys->columnInt64(5);
        entry.material = keys->columnBlob(6);
        loaded.keys.insert(entry.key.keyId, entry);
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(db.lastError("read KMS keys"));
    auto aliases = db.prepare("SELECT name, key_id FROM kms_aliases");
    if (!aliases)
        return std::unexpected(aliases.error());
    while ((rc = aliases->step()) == SQLITE_ROW)
        loaded.aliases.insert(aliases->columnText(0), aliases->columnText(1));
    if (rc != SQLITE_DONE)
        return std::unexpected(db.lastError("read KMS aliases"));
    m_working = std::move(loaded);
    publish();
    return {};
}

std::expected<void, Error> LocalKms::insertKey(SqliteDb &db, const Entry &entry)
{
    auto insert = db.prepare("INSERT INTO kms_keys(id, description, state, aws_managed, "
                             "created_ms, deletion_ms, material) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, entry.key.keyId);
    insert->bind(2, entry.key.description);
    insert->bind(3, qint64(entry.key.state));
    insert->bind(4, qint64(entry.key.awsManaged ? 1 : 0));
    insert->bind(5, entry.key.creationDateMs);
    if (entry.key.deletionDateMs)
        insert->bind(6, *entry.key.deletionDateMs);
    insert->bind(7, entry.material);
    if (insert->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("save KMS key"));
    return {};
}

std::expected<void, Error> LocalKms::ensureDefaultKey(SqliteDb &db, qint64 nowMs)
{
    if (m_working.aliases.contains(kDefaultKmsAlias))
        return {};
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r)
        return r;
    auto created = createKey(db, QStringLiteral("Default key that protects my Kinesis data when "
                                                "no other key is defined"),
                             nowMs);
    std::expected<void, Error> result;
    if (!created) {
        result = std::unexpected(created.error());
    } else {
        // The AWS-managed key: created by the service, not by createKey's caller.
        Entry &entry = m_working.keys[created->keyId];
        entry.key.awsManaged = true;
        auto mark = db.prepare("UPDATE kms_keys SET aws_managed = 1 WHERE id = ?1");
        auto alias = db.prepare("INSERT INTO kms_aliases(name, key_id) VALUES (?1, ?2)");
        if (!mark || !alias) {
            result = std::unexpected(db.lastError("prepare default key"));
        } else {
            mark->bind(1, created->keyId);
            alias->bind(1, kDefaultKmsAlias);
            alias->bind(2, created->keyId);
            if (mark->step() != SQLITE_DONE || alias->step() != SQLITE_DONE)
                result = std::unexpected(db.lastError("save default key"));
            else
                m_working.aliases.insert(kDefaultKmsAlias, created->keyId);
        }
    }
    if (result)
        result = db.exec("COMMIT");
    if (!result) {
        // The caller (opening the engine) fails with `result`; these only say what else failed.
        if (auto undone = db.exec("ROLLBACK"); !undone)
            qCWarning(lcEngine).noquote()
                << "Rolling back the default KMS key failed:" << undone.error().message;
        if (auto reloaded = load(db); !reloaded)
            qCWarning(lcEngine).noquote()
                << "Reloading the KMS keys failed:" << reloaded.error().message;
        return result;
    }
    publish();
    return {};
}

std::expected<KmsKey, Error> LocalKms::createKey(SqliteDb &db, const QString &description,
                                                 qint64 nowMs)
{
    Entry entry;
    entry.key.keyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.key.arn = keyArn(entry.key.keyId);
    entry.key.description = description.isNull() ? QStringLiteral("") : description;
    entry.key.creationDateMs = nowMs;
    entry.material = AesGcm::randomBytes(AesGcm::kKeyBytes);
    if (entry.material.size() != AesGcm::kKeyBytes)
        return std::unexpected(Error::internal(QStringLiteral("No random bytes for a KMS key.")));
    if (auto r = insertKey(db, entry); !r)
        return std::unexpected(r.error());
    m_working.keys.insert(entry.key.keyId, entry);
    m_dirty = true;
    return entry.key;
}

std::expected<KmsAlias, Error> LocalKms::createAlias(SqliteDb &db, const QString &aliasName,
                                                     const QString &keyId)
{
    if (auto problem = kmsAliasNameProblem(aliasName))
        return std::unexpected(*problem);
    if (m_working.aliases.contains(aliasName))
        return std::unexpected(Error{ErrorType::ResourceInUse,
                                     u"An alias with the name " % aliasArn(aliasName) %
                                         u" already exists"});
    const Entry *target = lookup(m_working, keyId);
    if (!target || keyId.startsWith(kAliasPrefix) || keyId.contains(QStringLiteral(":alias/")))
        return std::unexpected(kmsNotFound(u"Key '" % keyId % u"' does not exist"));
    if (target->key.awsManaged)
        return std::unexpected(kmsInvalidState(u"Key " % target->key.arn %
                                               u" is AWS managed and cannot get another alias."));
    if (target->key.state == KmsKeyState::PendingDeletion)
        return std::unexpected(kmsInvalidState(u"Key " % target->key.arn % u" is pending deletion."));
    auto insert = db.prepare("INSERT INTO kms_aliases(name, key_id) VALUES (?1, ?2)");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, aliasName);
    insert->bind(2, target->key.keyId);
    if (insert->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("save KMS alias"));
    m_working.aliases.insert(aliasName, target->key.keyId);
    m_dirty = true;
    return KmsAlias{aliasName, aliasArn(aliasName), target->key.keyId};
}

std::expected<KmsKey, Error> LocalKms::setState(SqliteDb &db, const QString &keyId,
                                                KmsKeyState to, std::optional<qint64> deletionMs)
{
    const Entry *found = lookup(m_working, keyId);
    if (!found)
        return std::unexpected(kmsNotFound(u"Key '" % keyId % u"' does not exist"));
    if (found->key.awsManaged)
        return std::unexpected(kmsInvalidState(
            u"Key " % found->key.arn % u" is AWS managed; its state cannot be changed."));
    const KmsKeyState from = found->key.state;
    if (from == KmsKeyState::PendingDeletion && to != KmsKeyState::Disabled)
        return std::unexpected(kmsInvalidState(u"Key " % found->key.arn % u" is pending deletion."));
    if (from == to)
        return found->key; // enabling an enabled key (or disabling a disabled one) changes nothing
    auto update = db.prepare("UPDATE kms_keys SET state = ?2, deletion_ms = ?3 WHERE id = ?1");
    if (!update)
        return std::unexpected(update.error());
    update->bind(1, found->key.keyId);
    update->bind(2, qint64(to));
    if (deletionMs)
        update->bind(3, *deletionMs);
    if (update->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("update KMS key"));
    Entry &entry = m_working.keys[found->key.keyId];
    entry.key.state = to;
    entry.key.deletionDateMs = deletionMs;
    m_dirty = true;
    return entry.key;
}

std::expected<KmsKey, Error> LocalKms::enableKey(SqliteDb &db, const QString &keyId)
{
    return setState(db, keyId, KmsKeyState::Enabled, std::nullopt);
}

std::expected<KmsKey, Error> LocalKms::disableKey(SqliteDb &db, const QString &keyId)
{
    const Entry *found = lookup(m_working, keyId);
    if (found && found->key.state == KmsKeyState::PendingDeletion)
        return std::unexpected(kmsInvalidState(u"Key " % found->key.arn % u" is pending deletion."));
    return setState(db, keyId, KmsKeyState::Disabled, std::nullopt);
}

std::expected<KmsKey, Error> LocalKms::scheduleKeyDeletion(SqliteDb &db, const QString &keyId,
                                                           qint64 nowMs)
{
    const Entry *found = lookup(m_working, keyId);
    if (found && found->key.state == KmsKeyState::PendingDeletion)
        return std::unexpected(kmsInvalidState(u"Key " % found->key.arn % u" is pending deletion."));
    // The material is kept (nothing encrypted under the key is lost); the key is unusable.
    return setState(db, keyId, KmsKeyState::PendingDeletion, nowMs);
}

std::expected<KmsKey, Error> LocalKms::cancelKeyDeletion(SqliteDb &db, const QString &keyId)
{
    const Entry *found = lookup(m_working, keyId);
    if (found && found->key.state != KmsKeyState::PendingDeletion)
        return std::unexpected(
            kmsInvalidState(u"Key " % found->key.arn % u" is not pending deletion."));
    return setState(db, keyId, KmsKeyState::Disabled, std::nullopt);
}

void LocalKms::publish()
{
    auto snapshot = std::make_shared<const State>(m_working);
    std::lock_guard lock(m_mutex);
    m_published = std::move(snapshot);
    m_dirty = false;
}

std::shared_ptr<const LocalKms::State> LocalKms::published() const
{
    std::lock_guard lock(m_mutex);
    return m_published;
}

const LocalKms::Entry *LocalKms::lookup(const State &state, const QString &keyId) const
{
    QString id = keyId;
    const QString arnPrefix = u"arn:aws:kms:" % m_region % u':' % m_account % u':';
    if (id.startsWith(QStringLiteral("arn:"))) {
        if (!id.startsWith(arnPrefix))
            return nullptr;
        id = id.mid(arnPrefix.size());
        if (id.startsWith(QStringLiteral("key/")))
            id = id.mid(4);
        else if (!id.startsWith(kAliasPrefix))
            return nullptr;
    }
    if (id.startsWith(kAliasPrefix)) {
        const auto alias = state.aliases.constFind(id);
        if (alias == state.aliases.cend())
            return nullptr;
        id = *alias;
    }
    const auto it = state.keys.constFind(id);
    return it == state.keys.cend() ? nullptr : &*it;
}

std::expected<KmsKey, Error> LocalKms::find(const QString &keyId, View view) const
{
    const auto snapshot = published();
    const State &state = view == View::Working ? m_working : *snapshot;
    if (const Entry *entry = lookup(state, keyId))
        return entry->key;
    const bool isAlias = keyId.startsWith(kAliasPrefix) || keyId.contains(QStringLiteral(":alias/"));
    if (isAlias)
        return std::unexpected(kmsNotFound(
            u"Alias " % (keyId.startsWith(kAliasPrefix) ? aliasArn(keyId) : keyId) %
            u" is not found."));
    if (keyId.startsWith(QStringLiteral("arn:")))
        return std::unexpected(kmsNotFound(u"Key '" % keyId % u"' does not exist"));
    if (QUuid::fromString(keyId).isNull())
        return std::unexpected(kmsNotFound(u"Invalid keyId '" % keyId % u'\''));
    return std::unexpected(kmsNotFound(u"Key '" % keyArn(keyId) % u"' does not exist"));
}

std::expected<void, Error> LocalKms::checkUsable(const QString &keyId, View view) const
{
    auto key = find(keyId, view);
    if (!key)
        return std::unexpected(key.error());
    switch (key->state) {
    case KmsKeyState::Enabled:
        return {};
    case KmsKeyState::Disabled:
        return std::unexpected(
            Error{ErrorType::KmsDisabled, u"The KMS key " % key->arn % u" is disabled."});
    case KmsKeyState::PendingDeletion:
        return std::unexpected(kmsNotFound(u"The KMS key " % key->arn %
                                           u" is pending deletion and can no longer be used."));
    }
    return {};
}

QList<KmsKey> LocalKms::keys() const
{
    const auto snapshot = published();
    QList<KmsKey> list;
    for (const Entry &entry : snapshot->keys)
        list.append(entry.key);
    return list;
}

QList<KmsAlias> LocalKms::aliases() const
{
    const auto snapshot = published();
    QList<KmsAlias> list;
    for (auto it = snapshot->aliases.cbegin(); it != snapshot->aliases.cend(); ++it)
        list.append(KmsAlias{it.key(), aliasArn(it.key()), it.value()});
    return list;
}

std::expected<QByteArray, Error> LocalKms::wrap(const QString &keyId, const QByteArray &plaintext,
                                                QByteArrayView context, View view) const
{
    if (auto usable = checkUsable(keyId, view); !usable)
        return std::unexpected(usable.error());
    const auto snapshot = published();
    const State &state = view == View::Working ? m_working : *snapshot;
    const Entry *entry = lookup(state, keyId);
    auto sealed = entry ? AesGcm::seal(entry->material, plaintext, context) : std::nullopt;
    if (!sealed)
        return std::unexpected(Error::internal(QStringLiteral("KMS encryption failed.")));
    return *sealed;
}

std::expected<QByteArray, Error> LocalKms::unwrap(const QString &keyId, const QByteArray &wrapped,
                                                  QByteArrayView context, View view) const
{
    if (auto usable = checkUsable(keyId, view); !usable)
        return std::unexpected(usable.error());
    const auto snapshot = published();
    const State &state = view == View::Working ? m_working : *snapshot;
    const Entry *entry = lookup(state, keyId);
    auto opened = entry ? AesGcm::open(entry->material, wrapped, context) : std::nullopt;
    if (!opened)
        return std::unexpected(Error::internal(
            QStringLiteral("A data key could not be decrypted: it was not wrapped by this key.")));
    return *opened;
}

} // namespace shardscope
