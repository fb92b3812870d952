#include "shardmapwidget.h"

#include "models/modelroles.h"
#include "models/shardstablemodel.h"
#include "reshardplan.h"
#include "theme/theme.h"

#include <QAbstractItemModel>
#include <QAbstractProxyModel>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <cmath>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMargin = 8;
constexpr qreal kSnapPixels = 8;
constexpr qreal kDragThreshold = 4;
constexpr double kZoomStep = 1.5;

QString shortIdOf(const QString &shardId)
{
    // "shardId-000000000012" -> "#12"; without a regex: this runs for every shard on each change.
    QStringView digits = QStringView(shardId).mid(shardId.lastIndexOf(u'-') + 1);
    while (digits.size() > 1 && digits.front() == u'0')
        digits = digits.mid(1);
    return u'#' + digits.toString();
}

} // namespace

ShardMapColours ShardMapColours::fromPalette(const QPalette &palette)
{
    ShardMapColours c;
    c.palette = palette;
    // Tinted as the use colours are, so an unmeasured shard is no louder than a measured one.
    QColor grey = Theme::series(Theme::Series::Grey, palette);
    grey.setAlpha(Theme::use(0, false, palette).alpha());
    c.unknown = Theme::over(grey, palette.color(QPalette::Base));
    // A quarter of the way from the window to its text: a grey that shows on both palettes
    // (the palette's Mid is barely apart from a dark window).
    QColor closedTone = palette.color(QPalette::WindowText);
    closedTone.setAlphaF(0.25f);
    c.closed = Theme::over(closedTone, palette.color(QPalette::Window));
    c.outline = palette.color(QPalette::Base);
    c.selection = palette.color(QPalette::Highlight);
    c.partner = Theme::series(Theme::Series::Purple, palette);
    c.marker = Theme::series(Theme::Series::Blue, palette);
    c.split = palette.color(QPalette::Text);
    c.axisText = palette.color(QPalette::PlaceholderText);
    return c;
}

QColor ShardMapColours::forUse(std::optional<double> use, bool throttled) const
{
    if (!use)
        return unknown;
    return Theme::over(Theme::use(*use, throttled, palette), palette.color(QPalette::Base));
}

QColor ShardMapColours::textOn(const QColor &fill)
{
    const double luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return luminance > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}

ShardMapWidget::ShardMapWidget(QWidget *parent) : QWidget(parent), m_animation(new QVariantAnimation(this))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Shard map"));
    m_animation->setDuration(400);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setEasingCurve(QEasingCurve::InOutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        m_progress = value.toDouble();
        update();
    });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        m_progress = 1.0;
        update();
    });
}

ShardMapWidget::~ShardMapWidget() = default;

void ShardMapWidget::setModel(QAbstractItemModel *model, QItemSelectionModel *selection)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_model = model;
    m_selection = selection;
    if (m_model) {
        const auto rebuild = [this] { rebuildFromModel(); };
        connect(m_model, &QAbstractItemModel::modelReset, this, rebuild);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, rebuild);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, rebuild);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, rebuild);
        // The use and the counts change every second: update those in place.
        connect(m_model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to) { updateUse(from.row(), to.row()); });
    }
    if (m_selection) {
        connect(m_selection, &QItemSelectionModel::currentChanged, this, [this] {
            update();
            emit selectedShardChanged();
        });
    }
    rebuildFromModel();
}

void ShardMapWidget::rebuildFromModel()
{
    QList<BandShard> shards;
    if (m_model) {
        const int rows = m_model->rowCount();
        shards.reserve(rows);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = m_model->index(row, 0);
            BandShard shard;
            shard.row = row;
            shard.shardId = index.data(ModelRole::ShardIdRole).toString();
            shard.open = index.data(ModelRole::ShardStateRole).toInt() == int(ShardState::Open);
            shard.parentId = index.data(ModelRole::ParentShardIdRole).toString();
            shard.adjacentParentId = index.data(ModelRole::AdjacentParentShardIdRole).toString();
            const auto start = HashKey::fromDecimal(index.data(ModelRole::HashRangeStartRole).toString());
            const auto end = HashKey::fromDecimal(index.data(ModelRole::HashRangeEndRole).toString());
            if (!start || !end)
                continue;
            shard.range = HashKeyRange{*start, *end};
            shards.append(shard);
        }
    }
    applyShards(std::move(shards));
    if (m_model && m_model->rowCount() > 0)
        updateUse(0, m_model->rowCount() - 1);
}

void ShardMapWidget::updateUse(int firstRow, int lastRow)
{
    if (!m_model)
        return;
    const int useColumn = m_model->columnCount() > ShardsTableModel::WriteUseColumn ? int(ShardsTableModel::WriteUseColumn) : -1;
    bool changed = false;
    for (int row = std::max(0, firstRow); row <= lastRow; ++row) {
        const int i = m_indexOfRow.value(row, -1);
        if (i < 0)
            continue;
        const QVariant records = m_model->index(row, 0).data(ModelRole::RecordCountRole);
        const QModelIndex useIndex = useColumn >= 0 ? m_model->index(row, useColumn) : QModelIndex();
        const QVariant use = useIndex.data(ModelRole::UseFractionRole);
        m_layout.setLiveFigures(i, use.isValid() ? std::optional<double>(use.toDouble()) : std::nullopt,
                                useIndex.data(ModelRole::UseThrottledRole).toBool(),
                                records.isValid() ? std::optional<qint64>(records.toLongLong()) : std::nullopt);
        changed = true;
    }
    if (changed)
        update();
}

void ShardMapWidget::setShards(QList<BandShard> shards)
{
    if (m_model)
        setModel(nullptr, nullptr);
    applyShards(std::move(shards));
}

void ShardMapWidget::applyShards(QList<BandShard> shards)
{
    // Where the open shards were, to move from there to the new layout.
    QHash<QString, std::pair<double, double>> before;
    for (const BandShard &shard : m_layout.shards())
        before.insert(shard.shardId, {shard.start, shard.end});
    QSet<QString> openBefore;
    for (int i : m_layout.lane(0))
        openBefore.insert(m_layout.shards().at(i).shardId);

    for (BandShard &shard : shards)
        shard.shortId = shortIdOf(shard.shardId);
    m_layout.setShards(std::move(shards));
    m_indexOfRow.clear();
    for (int i = 0; i < m_layout.shards().size(); ++i)
        m_indexOfRow.insert(m_layout.shards().at(i).row, i);

    // A reshard: new open shards grow out of their parents' ranges.
    m_from.clear();
    bool reshaped = false;
    for (int i : m_layout.lane(0)) {
        const BandShard &shard = m_layout.shards().at(i);
        if (openBefore.contains(shard.shardId))
            continue;
        std::optional<std::pair<double, double>> from;
        for (const QString &parent : {shard.parentId, shard.adjacentParentId}) {
            const auto it = before.constFind(parent);
            if (parent.isEmpty() || it == before.constEnd())
                continue;
            from = from ? std::pair{std::min(from->first, it->first), std::max(from->second, it->second)} : *it;
        }
        if (from) {
            m_from.insert(shard.shardId, *from);
            reshaped = true;
        }
    }
    if (!m_partner.isEmpty() && m_layout.indexOf(m_partner) < 0)
        setMergePartner({});
    if (reshaped && isVisible()) {
        m_progress = 0;
        m_animation->stop();
        m_animation->start();
    }
    update();
    emit shardsChanged();
}

bool ShardMapWidget::isAnimating() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

QRectF ShardMapWidget::shownRectOf(int index) const
{
    const QRectF r = m_layout.rectOf(index);
    const BandShard &shard = m_layout.shards().at(index);
    if (shard.lane != 0 || m_progress >= 1.0)
        return r;
    const auto it = m_from.constFind(shard.shardId);
    if (it == m_from.constEnd())
        return r;
    const qreal left = m_layout.xOf(it->first + (shard.start - it->first) * m_progress);
    const qreal right = m_layout.xOf(it->second + (shard.end - it->second) * m_progress);
    return QRectF(left, r.top(), std::max<qreal>(1, right - left), r.height());
}

void ShardMapWidget::relayout()
{
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const qreal lineHeight = fontMetrics().height();
    m_layout.setArea(area, lineHeight * 2 + 10); // the axis, then the legend
    update();
}

void ShardMapWidget::resizeEvent(QResizeEvent *event)
{
    relayout();
    QWidget::resizeEvent(event);
}

void ShardMapWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        relayout();
    QWidget::changeEvent(event);
}

QSize ShardMapWidget::sizeHint() const
{
    return {800, 260};
}

QSize ShardMapWidget::minimumSizeHint() const
{
    return {240, kMargin * 2 + 60 + fontMetrics().height() * 2 + 10};
}

int ShardMapWidget::currentSourceRow() const
{
    if (!m_selection)
        return -1;
    QModelIndex current = m_selection->currentIndex();
    // Walk down proxies to the model we draw.
    while (current.isValid() && current.model() != m_model) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(current.model());
        if (!proxy)
            return -1;
        current = proxy->mapToSource(current);
    }
    return current.isValid() ? current.row() : -1;
}

int ShardMapWidget::selectedIndex() const
{
    const int row = currentSourceRow();
    return row < 0 ? -1 : m_indexOfRow.value(row, -1);
}

void ShardMapWidget::setMergePartner(const QString &shardId)
{
    if (m_partner == shardId)
        return;
    m_partner = shardId;
    update();
    emit mergePartnerChanged(shardId);
}

void ShardMapWidget::setMarker(std::optional<HashKey> key)
{
    m_marker = key;
    update();
}

void ShardMapWidget::setSplitPreview(const QString &shardId, std::optional<HashKey> key)
{
    m_splitShard = key ? shardId : QString();
    m_splitKey = key;
    update();
}

void ShardMapWidget::setScalePreview(int count)
{
    m_scaleCount = count;
    update();
}

void ShardMapWidget::zoomIn()
{
    m_layout.zoomAt(kZoomStep, m_layout.bandRect().center().x());
    update();
}

void ShardMapWidget::zoomOut()
{
    m_layout.zoomAt(1 / kZoomStep, m_layout.bandRect().center().x());
    update();
}

void ShardMapWidget::resetZoom()
{
    m_layout.resetView();
    update();
}

void ShardMapWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const ShardMapColours colours = ShardMapColours::fromPalette(palette());
    if (m_layout.shards().isEmpty()) {
        painter.setPen(colours.axisText);
        painter.drawText(rect(), Qt::AlignCenter, tr("No shards to show"));
        return;
    }
    const int selected = selectedIndex();
    const int partner = m_partner.isEmpty() ? -1 : m_layout.indexOf(m_partner);
    painter.save();
    painter.setClipRect(m_layout.area());
    for (int lane = m_layout.closedLaneCount(); lane >= 0; --lane)
        paintLane(painter, lane, colours, selected, partner);
    paintOverlays(painter, colours);
    painter.restore();
    paintAxis(painter, colours);
    paintLegend(painter, colours);
}

void ShardMapWidget::paintLane(QPainter &painter, int lane, const ShardMapColours &colours, int selected, int partner)
{
    const QList<int> &indices = m_layout.lane(lane);
    const auto [first, last] = m_layout.visibleSpan(lane);
    const QRectF laneRect = m_layout.laneRect(lane);
    const QFontMetricsF metrics(font());
    qreal lastRight = -1;
    for (int k = first; k < last; ++k) {
        const int i = indices[k];
        const BandShard &shard = m_layout.shards()[i];
        const QRectF r = shownRectOf(i);
        // Sub-pixel shards: one fill per pixel column is enough.
        if (r.width() < 1.5 && r.left() < lastRight && i != selected && i != partner)
            continue;
        lastRight = r.right();
        const QColor fill = shard.open ? colours.forUse(shard.use, shard.throttled) : colours.closed;
        painter.fillRect(r, fill);
        if (r.width() >= 3 && lane == 0)
            painter.fillRect(QRectF(r.right() - 1, r.top(), 1, r.height()), colours.outline);
        else if (r.width() >= 3)
            painter.fillRect(QRectF(r.right() - 1, r.top(), 1, r.height()), laneRect.height() > 3 ? colours.outline : fill);
        if (i == selected || i == partner) {
            painter.setPen(QPen(i == selected ? colours.selection : colours.partner, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
        }
        if (lane != 0) {
            // A closed shard's number, where the lane has room: the lineage reads at a glance.
            // Measured only where a label could fit: thousands of closed shards are slivers.
            if (r.height() >= metrics.height() && r.width() >= 24 &&
                r.width() >= metrics.horizontalAdvance(shard.shortId) + 8) {
                painter.setPen(ShardMapColours::textOn(fill));
                painter.drawText(r, Qt::AlignCenter, shard.shortId);
            }
            continue;
        }
        if (r.width() < 24)
            continue;
        // Labels where they fit: the id, the range, the use.
        painter.setPen(ShardMapColours::textOn(fill));
        const QRectF text = r.adjusted(4, 3, -4, -3);
        const qreal line = metrics.height();
        qreal y = text.top() + std::max<qreal>(0, (text.height() - 3 * line) / 2);
        if (metrics.horizontalAdvance(shard.shortId) > text.width())
            continue;
        painter.drawText(QRectF(text.left(), y, text.width(), line), Qt::AlignHCenter | Qt::AlignTop, shard.shortId);
        y += line;
        const QLocale locale;
        const int digits = m_layout.zoom() < 10 ? 1 : int(std::ceil(std::log10(m_layout.zoom()))) + 1;
        const QString range = tr("%1–%2 %").arg(locale.toString(shard.start * 100, 'f', std::min(digits, 12)),
                                                 locale.toString(shard.end * 100, 'f', std::min(digits, 12)));
        if (y + line <= text.bottom() + 1 && metrics.horizontalAdvance(range) <= text.width()) {
            painter.drawText(QRectF(text.left(), y, text.width(), line), Qt::AlignHCenter | Qt::AlignTop, range);
            y += line;
        }
        if (shard.use && y + line <= text.bottom() + 1) {
            const QString use = tr("%1 % of limit").arg(locale.toString(*shard.use * 100, 'f', 0));
            if (metrics.horizontalAdvance(use) <= text.width())
                painter.drawText(QRectF(text.left(), y, text.width(), line), Qt::AlignHCenter | Qt::AlignTop, use);
        }
    }
}

void ShardMapWidget::paintOverlays(QPainter &painter, const ShardMapColours &colours)
{
    const QRectF band = m_layout.bandRect();
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_scaleCount > 0) {
        // UpdateShardCount's uniform layout: a boundary every 1/count of the key space.
        painter.setPen(QPen(colours.split, 1.5, Qt::DashLine));
        const int from = std::max(1, int(std::floor(m_layout.viewStart() * m_scaleCount)));
        const int to = std::min(m_scaleCount - 1, int(std::ceil(m_layout.viewEnd() * m_scaleCount)));
        qreal lastX = -10;
        for (int k = from; k <= to; ++k) {
            const qreal x = m_layout.xOf(double(k) / m_scaleCount);
            if (x - lastX < 2)
                continue;
            lastX = x;
            painter.drawLine(QPointF(x, band.top() - 6), QPointF(x, band.bottom() + 6));
        }
    }
    if (m_splitKey) {
        const qreal x = m_layout.xOf(ShardBandLayout::fractionOf(*m_splitKey));
        painter.setPen(QPen(colours.split, 2.5));
        painter.drawLine(QPointF(x, band.top() - 8), QPointF(x, band.bottom() + 8));
        // A handle to drag.
        painter.setBrush(colours.split);
        painter.drawEllipse(QPointF(x, band.top() - 8), 5, 5);
        painter.drawEllipse(QPointF(x, band.bottom() + 8), 5, 5);
    }
    if (m_marker) {
        const qreal x = m_layout.xOf(ShardBandLayout::fractionOf(*m_marker));
        painter.setPen(QPen(colours.marker, 2, Qt::DotLine));
        painter.drawLine(QPointF(x, band.top()), QPointF(x, band.bottom()));
        QPainterPath triangle;
        triangle.moveTo(x, band.top());
        triangle.lineTo(x - 7, band.top() - 11);
        triangle.lineTo(x + 7, band.top() - 11);
        triangle.closeSubpath();
        painter.fillPath(triangle, colours.marker);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void ShardMapWidget::paintAxis(QPainter &painter, const ShardMapColours &colours)
{
    // Ticks at round fractions of the visible part of the key space.
    const QRectF band = m_layout.bandRect();
    const double span = m_layout.viewEnd() - m_layout.viewStart();
    const int ticks = std::clamp(int(band.width() / 110), 2, 12);
    const double rawStep = span / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rawStep)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (magnitude * m >= rawStep) {
            step = magnitude * m;
            break;
        }
    }
    const int digits = std::clamp(int(-std::floor(std::log10(step * 100))), 0, 14);
    painter.setPen(colours.axisText);
    const qreal y = band.bottom() + 2;
    const qreal line = fontMetrics().height();
    const QLocale locale;
    for (double f = std::ceil(m_layout.viewStart() / step) * step; f <= m_layout.viewEnd() + step * 1e-9; f += step) {
        const qreal x = m_layout.xOf(f);
        painter.drawLine(QPointF(x, y), QPointF(x, y + 4));
        const QString text = tr("%1 %").arg(locale.toString(f * 100, 'f', digits));
        const qreal w = fontMetrics().horizontalAdvance(text) + 4;
        const qreal left = std::clamp(x - w / 2, band.left(), band.right() - w);
        painter.drawText(QRectF(left, y + 4, w, line), Qt::AlignCenter, text);
    }
}

void ShardMapWidget::paintLegend(QPainter &painter, const ShardMapColours &colours)
{
    const QRectF band = m_layout.bandRect();
    const qreal line = fontMetrics().height();
    const QRectF row(band.left(), band.bottom() + line + 8, band.width(), line);
    painter.setPen(colours.axisText);
    QString zoom = m_layout.zoom() > 1.0001
                       ? tr("Zoom ×%1 — wheel or +/− to zoom, drag to pan, 0 to reset")
                             .arg(QLocale().toString(m_layout.zoom(), 'g', 3))
                       : tr("Position in the hash-key space (0 to 2¹²⁸) — wheel or +/− to zoom");
    painter.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, zoom);
    // The colour scale: write use of the tightest limit (records/s or bytes/s).
    QString caption = tr("Write use vs. the shard limit (records/s or bytes/s, whichever is higher):");
    const qreal scaleWidth = 120;
    const QString low = tr("0 %");
    const QString high = tr("≥ 100 %");
    const qreal w0 = fontMetrics().horizontalAdvance(low) + 6;
    const qreal w1 = fontMetrics().horizontalAdvance(high) + 6;
    qreal x = row.right() - w1 - scaleWidth - w0;
    const qreal room = x - row.left() - fontMetrics().horizontalAdvance(zoom) - 16;
    // A scale without words is a riddle: the short caption where the long one does not fit.
    if (fontMetrics().horizontalAdvance(caption) + 8 >= room)
        caption = tr("Write use vs. the shard limit:");
    const qreal captionWidth = fontMetrics().horizontalAdvance(caption) + 8;
    if (captionWidth < room)
        painter.drawText(QRectF(x - captionWidth, row.top(), captionWidth, line), Qt::AlignRight | Qt::AlignVCenter, caption);
    painter.drawText(QRectF(x, row.top(), w0, line), Qt::AlignLeft | Qt::AlignVCenter, low);
    x += w0;
    QLinearGradient gradient(x, 0, x + scaleWidth, 0);
    for (const double share : {0.0, 0.25, 0.5, 0.65, 0.8, 0.9, 1.0})
        gradient.setColorAt(share, colours.forUse(share));
    painter.fillRect(QRectF(x, row.top() + 3, scaleWidth, line - 6), gradient);
    painter.drawText(QRectF(x + scaleWidth + 4, row.top(), w1, line), Qt::AlignLeft | Qt::AlignVCenter, high);
}

std::optional<HashKey> ShardMapWidget::keyAt(int index, qreal x) const
{
    if (index < 0)
        return std::nullopt;
    const BandShard &shard = m_layout.shards().at(index);
    const double f = std::clamp((m_layout.fractionAt(x) - shard.start) / std::max(1e-300, shard.end - shard.start), 0.0, 1.0);
    const uint128 offset = uint128(static_cast<long double>(shard.range.span()) * static_cast<long double>(f));
    return HashKey{shard.range.start.value + offset};
}

void ShardMapWidget::select(int index)
{
    if (index < 0 || !m_selection || !m_model)
        return;
    QModelIndex modelIndex = m_model->index(m_layout.shards().at(index).row, 0);
    // Map up to the selection's model (through proxies stacked on ours).
    QList<const QAbstractProxyModel *> chain;
    for (auto *model = m_selection->model(); model && model != m_model;) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model);
        if (!proxy)
            return;
        chain.prepend(proxy);
        model = proxy->sourceModel();
    }
    for (const QAbstractProxyModel *proxy : chain)
        modelIndex = proxy->mapFromSource(modelIndex);
    m_selection->setCurrentIndex(modelIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ShardMapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->position();
    m_drag = Drag::Pending;
    if (m_splitKey && m_editable) {
        const qreal x = m_layout.xOf(ShardBandLayout::fractionOf(*m_splitKey));
        const QRectF band = m_layout.bandRect();
        if (std::abs(event->position().x() - x) <= kSnapPixels && event->position().y() >= band.top() - 14 &&
            event->position().y() <= band.bottom() + 14)
            m_drag = Drag::Split;
    }
}

void ShardMapWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() > kDragThreshold)
        m_drag = Drag::Pan;
    if (m_drag == Drag::Pan) {
        m_layout.panBy(pos.x() - m_lastPos.x());
        update();
    } else if (m_drag == Drag::Split) {
        const int index = m_layout.indexOf(m_splitShard);
        std::optional<HashKey> key = keyAt(index, pos.x());
        // Snap to the midpoint or a partition key's hash when the pointer is close to it.
        for (HashKey snap : std::as_const(m_snaps)) {
            if (std::abs(m_layout.xOf(ShardBandLayout::fractionOf(snap)) - pos.x()) <= kSnapPixels)
                key = snap;
        }
        if (key) {
            m_splitKey = key;
            update();
            emit splitKeyDragged(*key);
        }
    } else if (m_splitKey && m_editable) {
        const qreal x = m_layout.xOf(ShardBandLayout::fractionOf(*m_splitKey));
        setCursor(std::abs(pos.x() - x) <= kSnapPixels ? Qt::SplitHCursor : Qt::ArrowCursor);
    }
    m_lastPos = pos;
}

void ShardMapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag != Drag::Pending)
        return;
    const int index = m_layout.hitTest(event->position());
    if (index < 0)
        return;
    if (event->modifiers() & Qt::ShiftModifier) {
        if (m_editable)
            setMergePartner(m_layout.shards().at(index).shardId);
        return;
    }
    select(index);
}

void ShardMapWidget::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return QWidget::wheelEvent(event);
    m_layout.zoomAt(std::pow(kZoomStep, steps), event->position().x());
    update();
    event->accept();
}

void ShardMapWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
        m_layout.panBy((event->key() == Qt::Key_Left ? 1 : -1) * m_layout.bandRect().width() / 8);
        update();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool ShardMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = m_layout.hitTest(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const BandShard &shard = m_layout.shards().at(index);
        const QLocale locale;
        QString text = tr("%1 (%2, generation %3)\nHash keys %4 – %5\n%6–%7 % of the key space")
                           .arg(shard.shardId, shard.open ? tr("open") : tr("closed"))
                           .arg(shard.generation)
                           .arg(shard.range.start.toDecimal(), shard.range.end.toDecimal(),
                                locale.toString(shard.start * 100, 'f', 4), locale.toString(shard.end * 100, 'f', 4));
        if (shard.use)
            text += u'\n' + tr("Write use: %1 % of the shard's limit").arg(locale.toString(*shard.use * 100, 'f', 1));
        if (shard.records)
            text += u'\n' + tr("%1 records").arg(locale.toString(*shard.records));
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace shardscope
