#include "shardlineagewidget.h"

#include "models/modelroles.h"
#include "theme/theme.h"

#include <QAbstractItemModel>
#include <QAbstractProxyModel>
#include <QDateTime>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr qreal kLegendHeight = 24;
constexpr qreal kAxisHeight = 30;
constexpr qreal kMargin = 8;

// The colours of the lineage, from the theme for the widget's palette.
struct LineageColours
{
    QColor open;
    QColor closed;
    QColor expired;
    QColor edge;
    QColor selection;
    QColor now;
    QColor text;
    QColor faintText;
    QColor base;

    static LineageColours forPalette(const QPalette &palette)
    {
        LineageColours c;
        c.open = Theme::status(Theme::Status::Ok, palette);
        c.open.setAlphaF(0.35f);
        c.closed = Theme::status(Theme::Status::Neutral, palette);
        c.closed.setAlphaF(0.35f);
        c.expired = Theme::status(Theme::Status::Neutral, palette);
        c.edge = Theme::series(Theme::Series::Grey, palette);
        c.selection = palette.color(QPalette::Highlight);
        c.now = Theme::series(Theme::Series::Blue, palette);
        c.text = palette.color(QPalette::Text);
        c.faintText = palette.color(QPalette::PlaceholderText);
        c.base = palette.color(QPalette::Base);
        return c;
    }
};

// A tick spacing on the time axis that leaves at least `minPixels` between ticks.
qint64 tickStepMs(double msPerPixel, double minPixels)
{
    static constexpr qint64 steps[] = {1,         2,          5,          10,         20,        50,
                                       100,       200,        500,        1000,       2000,      5000,
                                       10'000,    15'000,     30'000,     60'000,     120'000,   300'000,
                                       600'000,   900'000,    1'800'000,  3'600'000,  7'200'000, 10'800'000,
                                       21'600'000, 43'200'000, 86'400'000, 172'800'000, 604'800'000};
    const double wanted = msPerPixel * minPixels;
    for (qint64 step : steps) {
        if (double(step) >= wanted)
            return step;
    }
    return qint64(std::ceil(wanted / 604'800'000.0)) * 604'800'000;
}

void fillBar(QPainter &painter, const QRectF &r, const LineageNode &shard, bool startKnown,
             const LineageColours &colours)
{
    if (shard.pastRetention) {
        painter.setPen(QPen(colours.expired, 1, Qt::DashLine));
        painter.setBrush(QBrush(colours.expired, Qt::BDiagPattern));
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(shard.open ? colours.open : colours.closed);
    }
    painter.drawRect(r);
    if (!startKnown) {
        // No known start: the bar fades in from the background at its left end.
        QColor clear = colours.base;
        clear.setAlpha(0);
        const qreal length = std::min<qreal>(48, r.width());
        QLinearGradient fade(r.topLeft(), QPointF(r.left() + length, r.top()));
        fade.setColorAt(0, colours.base);
        fade.setColorAt(1, clear);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fade);
        painter.drawRect(QRectF(r.left() - 1, r.top() - 1, length + 1, r.height() + 2));
    }
}

} // namespace

ShardLineageWidget::ShardLineageWidget(QWidget *parent)
    : QWidget(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_tick(new QTimer(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Shard lineage"));
    // Open shards run to now: move now along while the view is on screen.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (m_direct || !m_layout.lineage().hasTimes())
            return;
        m_layout.setNow(m_clock());
        update();
    });
}

ShardLineageWidget::~ShardLineageWidget() = default;

void ShardLineageWidget::setModel(QAbstractItemModel *model, QItemSelectionModel *selection)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_model = model;
    m_selection = selection;
    m_direct = false;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &ShardLineageWidget::scheduleRebuild);
        connect(model, &QAbstractItemModel::layoutChanged, this, &ShardLineageWidget::scheduleRebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ShardLineageWidget::scheduleRebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ShardLineageWidget::scheduleRebuild);
        connect(model, &QAbstractItemModel::dataChanged, this, &ShardLineageWidget::updateRows);
    }
    if (selection) {
        connect(selection, &QItemSelectionModel::currentChanged, this, &ShardLineageWidget::followSelection);
        connect(selection, &QItemSelectionModel::selectionChanged, this, &ShardLineageWidget::followSelection);
    }
    rebuild();
}

void ShardLineageWidget::setStreamFacts(std::optional<qint64> createdMs, std::optional<int> retentionHours)
{
    if (createdMs == m_createdMs && retentionHours == m_retentionHours)
        return;
    m_createdMs = createdMs;
    m_retentionHours = retentionHours;
    if (!m_direct)
        scheduleRebuild();
}

void ShardLineageWidget::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    if (!m_direct)
        rebuild();
}

void ShardLineageWidget::setLineage(LineageGraph lineage)
{
    m_direct = true;
    m_layout.setLineage(std::move(lineage));
    relayout();
    emit lineageChanged();
}

void ShardLineageWidget::scheduleRebuild()
{
    // Hidden (the map is showing): rebuild once shown rather than at every change.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildPending)
            rebuild();
    });
}

void ShardLineageWidget::updateRows(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // Counts and use change every second; the shards themselves only with a reshard. Rows that
    // are the same shards as drawn only take their new counts.
    if (m_rebuildPending || m_direct || !m_model)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    bool changed = false;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int index = m_layout.lineage().indexOfRow(row);
        const QModelIndex cell = m_model->index(row, 0);
        if (index < 0 || cell.data(ModelRole::ShardIdRole).toString() != m_layout.shard(index).shardId ||
            cell.data(ModelRole::EndingSequenceNumberRole).toString() != m_layout.shard(index).endingSequenceNumber)
            return scheduleRebuild();
        const QVariant records = cell.data(ModelRole::RecordCountRole);
        const QVariant bytes = cell.data(ModelRole::BytesRole);
        const auto count = [](const QVariant &v) {
            return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
        };
        const LineageNode &before = m_layout.shard(index);
        const auto oldRecords = before.records;
        const auto oldBytes = before.bytes;
        m_layout.setCounts(index, count(records), count(bytes));
        changed = changed || m_layout.shard(index).records != oldRecords || m_layout.shard(index).bytes != oldBytes;
    }
    if (changed)
        update();
}

void ShardLineageWidget::rebuild()
{
    m_rebuildPending = false;
    m_stale = false;
    if (m_direct)
        return;
    const LineageGraph::Stream stream{m_createdMs, m_retentionHours, m_clock()};
    LineageGraph lineage = LineageGraph::fromModel(m_model, stream);
    // The same shards as before (only now or the counts moved): keep the view as it is.
    bool sameShards = lineage.shards().size() == m_layout.lineage().shards().size();
    for (qsizetype i = 0; sameShards && i < lineage.shards().size(); ++i)
        sameShards = lineage.shards().at(i).shardId == m_layout.lineage().shards().at(i).shardId &&
                     lineage.shards().at(i).open == m_layout.lineage().shards().at(i).open;
    if (!m_ghostSelection.isEmpty() && lineage.indexOf(m_ghostSelection) < 0)
        m_ghostSelection.clear();
    m_layout.setLineage(std::move(lineage));
    relayout();
    if (!sameShards)
        emit lineageChanged();
}

void ShardLineageWidget::relayout()
{
    m_layout.setArea(QRectF(kMargin, kLegendHeight, std::max(1.0, width() - 2 * kMargin),
                            std::max(1.0, height() - kLegendHeight - kAxisHeight)));
    update();
}

int ShardLineageWidget::currentSourceRow() const
{
    if (!m_selection || !m_model || !m_selection->hasSelection())
        return -1;
    QModelIndex current = m_selection->currentIndex();
    while (current.isValid() && current.model() != m_model) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(current.model());
        if (!proxy)
            return -1;
        current = proxy->mapToSource(current);
    }
    return current.isValid() ? current.row() : -1;
}

int ShardLineageWidget::selectedIndex() const
{
    if (!m_ghostSelection.isEmpty())
        return m_layout.lineage().indexOf(m_ghostSelection);
    const int row = currentSourceRow();
    // By id, not row: rows move when shards are added, even before a rebuild.
    return row < 0 ? -1 : m_layout.lineage().indexOf(m_model->index(row, 0).data(ModelRole::ShardIdRole).toString());
}

QString ShardLineageWidget::selectedShardId() const
{
    const int index = selectedIndex();
    return index < 0 ? QString() : m_layout.shard(index).shardId;
}

bool ShardLineageWidget::selectShard(const QString &shardId)
{
    if (m_rebuildPending || m_stale)
        rebuild();
    const int index = m_layout.lineage().indexOf(shardId);
    if (index < 0)
        return false;
    select(index);
    return true;
}

QPoint ShardLineageWidget::pointOf(const QString &shardId)
{
    if (m_rebuildPending || m_stale)
        rebuild();
    const int index = m_layout.lineage().indexOf(shardId);
    if (index < 0)
        return {};
    m_layout.ensureVisible(index);
    update();
    QRectF bar = m_layout.rectOf(index).intersected(m_layout.area());
    return bar.center().toPoint();
}

void ShardLineageWidget::select(int index)
{
    if (index < 0)
        return;
    const LineageNode &shard = m_layout.shard(index);
    if (shard.row < 0 || !m_model || !m_selection) {
        // No row anywhere else: the selection lives here, the others show none.
        m_ghostSelection = shard.shardId;
        if (m_selection)
            m_selection->clear();
        update();
        emit selectedShardChanged(shard.shardId);
        return;
    }
    m_ghostSelection.clear();
    QModelIndex modelIndex = m_model->index(shard.row, 0);
    // Map up to the selection's model (through proxies stacked on ours).
    QList<const QAbstractProxyModel *> chain;
    for (auto *model = m_selection->model(); model && model != m_model;) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model);
        if (!proxy)
            return;
        chain.prepend(proxy);
        model = proxy->sourceModel();
    }
    for (const QAbstractProxyModel *proxy : std::as_const(chain))
        modelIndex = proxy->mapFromSource(modelIndex);
    m_selection->setCurrentIndex(modelIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    update();
    emit selectedShardChanged(shard.shardId);
}

void ShardLineageWidget::followSelection()
{
    if (currentSourceRow() >= 0)
        m_ghostSelection.clear();
    const int index = selectedIndex();
    if (index >= 0 && isVisible())
        m_layout.ensureVisible(index);
    update();
}

void ShardLineageWidget::zoomIn()
{
    m_layout.zoomAt(1.5, m_layout.area().center().x());
    update();
}

void ShardLineageWidget::zoomOut()
{
    m_layout.zoomAt(1 / 1.5, m_layout.area().center().x());
    update();
}

void ShardLineageWidget::resetZoom()
{
    m_layout.resetView();
    update();
}

QSize ShardLineageWidget::sizeHint() const
{
    // No taller than the map beside it (ShardMapLab's hint), so switching views keeps the
    // shards table's share; the lineage scrolls.
    return {760, std::max(minimumSizeHint().height(), fontMetrics().height() * 12)};
}

QSize ShardLineageWidget::minimumSizeHint() const
{
    return {240, int(kLegendHeight + kAxisHeight + 3 * ShardLineageLayout::kRowHeight)};
}

QString ShardLineageWidget::timeText(qint64 ms) const
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QString ShardLineageWidget::toolTipFor(int index) const
{
    const LineageNode &s = m_layout.shard(index);
    const QLocale locale;
    QStringList lines;
    lines.append(u"<b>"_s + s.shardId.toHtmlEscaped() + u"</b> — "_s +
                 (s.open ? tr("open") : s.listed ? tr("closed") : tr("closed, no longer listed")));
    if (m_layout.isTimeAxis()) {
        lines.append(s.createdMs ? tr("Created: %1").arg(timeText(*s.createdMs))
                                 : tr("Created: not known (the shard is no longer listed)"));
        if (s.closedMs)
            lines.append(tr("Closed: %1").arg(timeText(*s.closedMs)));
    } else {
        lines.append(tr("Generation %1; times unknown (the sequence numbers do not carry them)").arg(s.generation));
    }
    if (s.range)
        lines.append(tr("Hash keys: %1 – %2").arg(s.range->start.toDecimal(), s.range->end.toDecimal()));
    if (!s.startingSequenceNumber.isEmpty())
        lines.append(tr("Sequence numbers: %1 – %2")
                         .arg(s.startingSequenceNumber,
                              s.endingSequenceNumber.isEmpty() ? tr("(open)") : s.endingSequenceNumber));
    if (s.records && s.bytes)
        lines.append(tr("Holds %1 records, %2").arg(locale.toString(*s.records), locale.formattedDataSize(*s.bytes)));
    if (!s.parents.isEmpty())
        lines.append(tr("Parents: %1").arg(s.parents.join(u", "_s)));
    if (!s.children.isEmpty())
        lines.append(tr("Children: %1").arg(s.children.join(u", "_s)));
    if (s.pastRetention)
        lines.append(tr("Past the retention period: its records have expired."));
    return lines.join(u"<br>"_s);
}

void ShardLineageWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette palette = Theme::paletteFor(this);
    const LineageColours colours = LineageColours::forPalette(palette);
    painter.fillRect(rect(), palette.color(QPalette::Base));
    paintLegend(painter);

    const QRectF area = m_layout.area();
    if (m_layout.shardCount() == 0) {
        painter.setPen(colours.faintText);
        painter.drawText(area, Qt::AlignCenter, tr("No shards to show."));
        return;
    }
    painter.save();
    painter.setClipRect(area);
    const auto [first, last] = m_layout.visibleRows();
    const qreal top = area.top();
    const qreal bottom = area.bottom();

    // Edges under the bars: only those whose rows span the screen; the selected shard's own in
    // the selection colour.
    const int selected = selectedIndex();
    const QPen edgePen(colours.edge, 1.2);
    const QPen selectedEdgePen(colours.selection, 2);
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const ShardLineageLayout::Edge &edge : m_layout.edges()) {
        const int a = m_layout.rowOf(edge.parent);
        const int b = m_layout.rowOf(edge.child);
        if (std::max(a, b) < first || std::min(a, b) >= last)
            continue;
        const QLineF line = m_layout.edgeLine(edge);
        if (std::max(line.x1(), line.x2()) < area.left() || std::min(line.x1(), line.x2()) > area.right())
            continue;
        // Elbow: down from the parent's end, across to the child's start.
        painter.setPen(edge.parent == selected || edge.child == selected ? selectedEdgePen : edgePen);
        QPainterPath path(line.p1());
        path.lineTo(line.x1(), line.y2());
        path.lineTo(line.p2());
        painter.drawPath(path);
        painter.drawEllipse(line.p2(), 2, 2);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);

    const QFontMetricsF metrics(font());
    const QLocale locale;
    for (int row = first; row < last; ++row) {
        const int i = m_layout.indexAtRow(row);
        const LineageNode &shard = m_layout.shard(i);
        const QRectF r = m_layout.rectOf(i);
        if (r.right() >= area.left() && r.left() <= area.right())
            fillBar(painter, r, shard, m_layout.startKnown(i), colours);
        if (i == selected) {
            painter.setPen(QPen(colours.selection, 2.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(r.adjusted(-1, -1, 1, 1));
        }
        // The label starts at the bar (or the left edge) and may run on past its end: a row
        // holds one shard.
        QString label = shard.shardId;
        if (shard.records && shard.bytes)
            label += tr(" · %1 records · %2").arg(locale.toString(*shard.records), locale.formattedDataSize(*shard.bytes));
        if (shard.pastRetention)
            label += tr(" · past retention");
        // Near the right edge the label moves left into the row's empty start rather than be cut.
        const qreal wanted = metrics.horizontalAdvance(label);
        qreal x = std::max(r.left(), area.left()) + 4;
        if (x + wanted > area.right() - 2)
            x = std::max(area.left() + 4, area.right() - 2 - wanted);
        painter.setPen(shard.pastRetention || !shard.listed ? colours.faintText : colours.text);
        const QString text = metrics.elidedText(label, Qt::ElideRight, area.right() - x - 2);
        painter.drawText(QRectF(x, r.top(), area.right() - x, r.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
    }

    if (m_layout.isTimeAxis()) {
        const qreal nowX = m_layout.xOf(double(m_layout.lineage().stream().nowMs));
        painter.setPen(QPen(colours.now, 1, Qt::DashLine));
        painter.drawLine(QPointF(nowX, top), QPointF(nowX, bottom));
    }
    painter.restore();
    paintAxis(painter);
}

void ShardLineageWidget::paintAxis(QPainter &painter)
{
    const QPalette palette = Theme::paletteFor(this);
    const LineageColours colours = LineageColours::forPalette(palette);
    const QRectF area = m_layout.area();
    const qreal y = area.bottom() + 1;
    painter.setPen(colours.faintText);
    painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    const QFontMetricsF metrics(font());
    if (!m_layout.isTimeAxis()) {
        const int count = m_layout.lineage().maxGeneration() + 1;
        for (int g = 0; g < count; ++g) {
            const qreal x = m_layout.xOf(g);
            if (x < area.left() - 1 || x > area.right())
                continue;
            painter.drawLine(QPointF(x, y), QPointF(x, y + 4));
            painter.drawText(QPointF(x + 3, y + 4 + metrics.ascent()), tr("gen %1").arg(g));
        }
        painter.drawText(QRectF(area.left(), y + 6 + metrics.height(), area.width(), metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter,
                         tr("Times unknown: the sequence numbers carry none; shards ordered by generation"));
        return;
    }
    const double msPerPixel = (m_layout.valueAt(area.right()) - m_layout.valueAt(area.left())) /
                              std::max<qreal>(1, area.width());
    const qint64 step = tickStepMs(msPerPixel, metrics.horizontalAdvance(u"00:00:00.000"_s) + 16);
    const qint64 from = qint64(std::floor(m_layout.valueAt(area.left()) / double(step))) * step;
    const double to = m_layout.valueAt(area.right());
    const QString format = step < 1000 ? u"HH:mm:ss.zzz"_s : step < 86'400'000 ? u"HH:mm:ss"_s : u"yyyy-MM-dd"_s;
    for (qint64 t = from; double(t) <= to; t += step) {
        const qreal x = m_layout.xOf(double(t));
        if (x < area.left() - 1)
            continue;
        const QString label = QLocale().toString(QDateTime::fromMSecsSinceEpoch(t), format);
        painter.drawLine(QPointF(x, y), QPointF(x, y + 4));
        // A label cut at the right edge reads as a different time: leave it out.
        if (x + 3 + metrics.horizontalAdvance(label) <= width())
            painter.drawText(QPointF(x + 3, y + 4 + metrics.ascent()), label);
    }
}

void ShardLineageWidget::paintLegend(QPainter &painter)
{
    const QPalette palette = Theme::paletteFor(this);
    const LineageColours colours = LineageColours::forPalette(palette);
    const QFontMetricsF metrics(font());
    qreal x = kMargin;
    const qreal y = (kLegendHeight - 12) / 2;
    struct Entry
    {
        QString text;
        LineageNode sample;
    };
    LineageNode open, closed, expired;
    closed.open = false;
    expired.open = false;
    expired.pastRetention = true;
    const Entry entries[] = {{tr("Open"), open}, {tr("Closed"), closed},
                             {tr("Past retention (no records)"), expired}};
    for (const Entry &entry : entries) {
        fillBar(painter, QRectF(x, y, 22, 12), entry.sample, true, colours);
        x += 26;
        painter.setPen(colours.text);
        painter.drawText(QPointF(x, y + 6 + metrics.ascent() / 2 - 1), entry.text);
        x += metrics.horizontalAdvance(entry.text) + 14;
    }
    painter.setPen(colours.faintText);
    const QString hint = m_layout.zoom() > 1.0001
                             ? tr("Zoom ×%1 — Ctrl+wheel or +/− to zoom, drag to pan, 0 to reset")
                                   .arg(QLocale().toString(m_layout.zoom(), 'g', 3))
                             : tr("Click a shard to select it, double-click to show its records");
    painter.drawText(QRectF(x, 0, width() - x - kMargin, kLegendHeight), Qt::AlignRight | Qt::AlignVCenter,
                     metrics.elidedText(hint, Qt::ElideLeft, width() - x - kMargin));
}

void ShardLineageWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void ShardLineageWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastPos = event->position();
}

void ShardLineageWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed)
        return;
    if (!m_dragging && (event->position() - m_pressPos).manhattanLength() > 4)
        m_dragging = true;
    if (m_dragging) {
        const QPointF delta = event->position() - m_lastPos;
        m_layout.panBy(delta.x(), delta.y());
        m_lastPos = event->position();
        update();
    }
}

void ShardLineageWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed)
        return QWidget::mouseReleaseEvent(event);
    m_pressed = false;
    if (!m_dragging)
        select(m_layout.hitTest(event->position()));
    m_dragging = false;
}

void ShardLineageWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int index = m_layout.hitTest(event->position());
    if (index < 0)
        return;
    select(index);
    if (m_layout.shard(index).listed)
        emit shardActivated(m_layout.shard(index).shardId);
}

void ShardLineageWidget::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        m_layout.zoomAt(std::pow(1.0015, delta.y()), event->position().x());
    } else {
        m_layout.panBy(delta.x() / 2.0, delta.y() / 2.0);
    }
    update();
    event->accept();
}

void ShardLineageWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        resetZoom();
        break;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        // Move the selection row by row.
        const int index = selectedIndex();
        const int row = index < 0 ? 0 : m_layout.rowOf(index) + (event->key() == Qt::Key_Up ? -1 : 1);
        if (row >= 0 && row < m_layout.rowCount())
            select(m_layout.indexAtRow(row));
        break;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const int index = selectedIndex();
        if (index >= 0 && m_layout.shard(index).listed)
            emit shardActivated(m_layout.shard(index).shardId);
        break;
    }
    default:
        QWidget::keyPressEvent(event);
    }
}

void ShardLineageWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_tick->start();
    if (!m_direct)
        rebuild();
    followSelection();
}

void ShardLineageWidget::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_tick->stop();
}

bool ShardLineageWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = m_layout.hitTest(help->pos());
        if (index < 0)
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), toolTipFor(index), this);
        return true;
    }
    if (event->type() == QEvent::PaletteChange)
        update();
    return QWidget::event(event);
}

} // namespace shardscope
