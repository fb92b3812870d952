#pragma once

#include <QLabel>
#include <QPointer>
#include <QTimer>

namespace shardscope {

class FanOutReader;

// One line under the Records toolbar while reading through an enhanced fan-out consumer: how
// far behind the newest record each shard is (its last event's MillisBehindLatest), e.g.
// "Behind the newest record: shard 0: 0 ms · shard 1: 1.2 s"; "done" for a closed shard read to
// its end, "stopped" (with the reason in the tooltip) for one an error stopped. Repainted at
// most every 250 ms: events come several times a second per shard.
//
// Threads: GUI thread.
class ShardLagLine final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardLagLine)

public:
    explicit ShardLagLine(QWidget *parent = nullptr);

    // Follows `reader`'s lag; null hides the line.
    void setReader(FanOutReader *reader);

    // "shard 3" for Kinesis shard ids, the id itself otherwise.
    static QString shardLabel(const QString &shardId);

private:
    void refreshText();

    QPointer<FanOutReader> m_reader;
    QTimer m_throttle;
};

} // namespace shardscope
