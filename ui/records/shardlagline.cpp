#include "shardlagline.h"

#include "models/durationtext.h"
#include "records/fanoutreader.h"
#include "records/recordentry.h"


namespace shardscope {

using namespace Qt::StringLiterals;

ShardLagLine::ShardLagLine(QWidget *parent) : QLabel(parent)
{
    setObjectName(u"shardLagLine"_s);
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setContentsMargins(6, 0, 6, 0);
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(250);
    connect(&m_throttle, &QTimer::timeout, this, &ShardLagLine::refreshText);
    hide();
}

void ShardLagLine::setReader(FanOutReader *reader)
{
    if (m_reader)
        disconnect(m_reader, nullptr, this, nullptr);
    m_reader = reader;
    if (reader) {
        const auto later = [this] {
            if (!m_throttle.isActive())
                m_throttle.start();
        };
        connect(reader, &FanOutReader::lagChanged, this, later);
        connect(reader, &FanOutReader::stateChanged, this, &ShardLagLine::refreshText);
    }
    refreshText();
}

QString ShardLagLine::shardLabel(const QString &shardId)
{
    const auto number = shardNumber(shardId);
    return number ? tr("shard %1").arg(*number) : shardId;
}

void ShardLagLine::refreshText()
{
    if (!m_reader || !m_reader->isActive()) {
        hide();
        return;
    }
    QStringList parts;
    QStringList problems;
    for (const FanOutReader::ShardLag &lag : m_reader->shardLags()) {
        QString value;
        if (!lag.problem.isEmpty()) {
            value = tr("stopped");
            problems.append(tr("%1: %2").arg(lag.shardId, lag.problem));
        } else if (lag.finished) {
            value = tr("done");
        } else if (lag.millisBehindLatest < 0) {
            value = tr("subscribing…");
        } else {
            value = DurationText::compact(lag.millisBehindLatest);
        }
        parts.append(tr("%1: %2").arg(shardLabel(lag.shardId), value));
    }
    if (parts.isEmpty()) {
        setText(tr("Behind the newest record: listing shards…"));
    } else {
        setText(tr("Behind the newest record: %1").arg(parts.join(u" · "_s)));
    }
    QString tip = tr("MillisBehindLatest of each shard's last event: how far the consumer's read "
                     "is behind the newest record in the shard");
    if (!problems.isEmpty())
        tip += u"\n\n"_s + problems.join(u'\n');
    setToolTip(tip);
    show();
}

} // namespace shardscope
