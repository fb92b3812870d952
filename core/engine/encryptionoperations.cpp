// Encryption at rest (StartStreamEncryption, StopStreamEncryption) and the local KMS's keys and
// aliases (for the GUI; not Kinesis wire operations).

#include "enginecore.h"
#include "requestvalidation.h"

namespace shardscope {

using namespace RequestValidation;

namespace {

std::expected<void, Error> changeEncryption(EngineCore &core, const StreamTarget &target,
                                            const QString &encryptionType, const QString &keyId,
                                            bool start)
{
    ValidationErrors v;
    if (encryptionType.isNull())
        v.addNull(QStringLiteral("encryptionType"));
    else if (encryptionType != u"KMS" && encryptionType != u"NONE")
        v.add(QStringLiteral("encryptionType"), encryptionType,
              QStringLiteral("Member must satisfy enum value set: [KMS, NONE]"));
    if (keyId.isNull())
        v.addNull(QStringLiteral("keyId"));
    else
        checkLength(v, QStringLiteral("keyId"), keyId, 1, KinesisLimits::kMaxArnLength);
    checkName(v, QStringLiteral("streamName"), target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    if (encryptionType != u"KMS")
        return std::unexpected(invalidArgument(
            u"Encryption type " % encryptionType % u" is not supported for stream " % name %
            u" under account " % core.account() % u". The supported type is KMS."));

    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const qint64 nowMs = core.now();
        const auto current = core.activeStream(name, nowMs);
        if (!current)
            return std::unexpected(current.error());
        auto meta = std::make_shared<StreamMeta>(**current);
        if (start) {
            LocalKms &kms = core.kms();
            const auto key = kms.find(keyId, LocalKms::View::Working);
            if (!key)
                return std::unexpected(key.error());
            if (auto usable = kms.checkUsable(key->keyId, LocalKms::View::Working); !usable)
                return std::unexpected(usable.error());
            // Every start (or key change) gets a new data key; records keep the version they
            // were sealed with, so older ones stay readable.
            const auto version = core.records().createDataKey(db, meta->id, key->keyId, nowMs);
            if (!version)
                return std::unexpected(version.error());
            meta->encryptionType = EncryptionType::Kms;
            meta->keyId = keyId;
            meta->dataKeyVersion = *version;
        } else {
            meta->encryptionType = EncryptionType::None;
            meta->keyId.clear();
            meta->dataKeyVersion = 0;
        }
        meta->status = StreamStatus::Updating;
        meta->statusUntilMs = nowMs + core.options().updateDelayMs;
        meta->warmPreviousMiBps = 0; // not a scale-out: the write capacity stays
        if (auto r = core.catalog().persistStream(db, *meta, false); !r)
            return r;
        core.catalog().put(meta);
        return {};
    });
}

} // namespace

namespace EncryptionOperations {

std::expected<void, Error> startStreamEncryption(EngineCore &core,
                                                 const StartStreamEncryptionRequest &request)
{
    return changeEncryption(core, request.target, request.encryptionType, request.keyId, true);
}

std::expected<void, Error> stopStreamEncryption(EngineCore &core,
                                                const StopStreamEncryptionRequest &request)
{
    return changeEncryption(core, request.target, request.encryptionType, request.keyId, false);
}

std::expected<KmsKey, Error> createKey(EngineCore &core, const QString &description)
{
    return core.write<KmsKey>(
        [&](SqliteDb &db) { return core.kms().createKey(db, description, core.now()); });
}

std::expected<KmsAlias, Error> createAlias(EngineCore &core, const QString &aliasName,
                                           const QString &keyId)
{
    return core.write<KmsAlias>(
        [&](SqliteDb &db) { return core.kms().createAlias(db, aliasName, keyId); });
}

std::expected<KmsKey, Error> enableKey(EngineCore &core, const QString &keyId)
{
    return core.write<KmsKey>([&](SqliteDb &db) { return core.kms().enableKey(db, keyId); });
}

std::expected<KmsKey, Error> disableKey(EngineCore &core, const QString &keyId)
{
    return core.write<KmsKey>([&](SqliteDb &db) { return core.kms().disableKey(db, keyId); });
}

std::expected<KmsKey, Error> scheduleKeyDeletion(EngineCore &core, const QString &keyId)
{
    return core.write<KmsKey>(
        [&](SqliteDb &db) { return core.kms().scheduleKeyDeletion(db, keyId, core.now()); });
}

std::expected<KmsKey, Error> cancelKeyDeletion(EngineCore &core, const QString &keyId)
{
    return core.write<KmsKey>(
        [&](SqliteDb &db) { return core.kms().cancelKeyDeletion(db, keyId); });
}

} // namespace EncryptionOperations
} // namespace shardscope
