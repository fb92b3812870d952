#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringView>

namespace shardscope {

// Who made a call, as far as the request tells: the access key id its signature names (the
// Credential=<key id>/… of SigV4), its User-Agent and the address it came from. The emulator
// attributes every GetShardIterator and GetRecords to one (ReaderRegistry). Calls made inside
// the app come from thisApp(): the user agent kThisAppUserAgent, no key, no peer.
struct Caller
{
    QString accessKeyId;
    QString userAgent;
    QString peerAddress; // "127.0.0.1", "::1"; empty in process

    static constexpr QStringView kThisAppUserAgent = u"Shardscope (this app)";
    static const Caller &thisApp();
    // A User-Agent without the products that change from call to call of one client — the AWS
    // CLI's "command/kinesis.get-records", the SDKs' "m/…" list of features a call used — so
    // that one client is one reader.
    static QString readerUserAgent(QStringView userAgent);
    bool isThisApp() const;

    bool operator==(const Caller &) const = default;
};

size_t qHash(const Caller &caller, size_t seed = 0) noexcept;

} // namespace shardscope
