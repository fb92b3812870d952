#include "jsontreemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace shardscope {

using namespace Qt::StringLiterals;

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setDocument(const QJsonDocument &document)
{
    beginResetModel();
    m_document = document;
    m_root = std::make_unique<Node>();
    if (document.isObject())
        m_root->value = document.object();
    else if (document.isArray())
        m_root->value = document.array();
    endResetModel();
}

void JsonTreeModel::clear()
{
    beginResetModel();
    m_document = {};
    m_root.reset();
    endResetModel();
}

int JsonTreeModel::childCount(const QJsonValue &value)
{
    if (value.isObject())
        return int(value.toObject().size());
    if (value.isArray())
        return int(value.toArray().size());
    return 0;
}

void JsonTreeModel::populate(Node *node) const
{
    if (node->populated)
        return;
    node->populated = true;
    const auto add = [node](QString key, bool element, QJsonValue value) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(node->children.size());
        child->key = std::move(key);
        child->isElement = element;
        child->value = std::move(value);
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        node->children.reserve(size_t(object.size()));
        for (auto it = object.begin(); it != object.end(); ++it)
            add(it.key(), false, it.value());
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        node->children.reserve(size_t(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i)
            add(QString(), true, array.at(i));
    }
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    Node *node = nodeFor(parent);
    if (!node)
        return {};
    populate(node);
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeFor(child);
    Node *parentNode = node->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, parentNode);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *node = nodeFor(parent);
    return node ? childCount(node->value) : 0;
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString JsonTreeModel::scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        // Integers as integers (QJsonValue stores them as double or qint64).
        const QVariant v = value.toVariant();
        if (v.typeId() == QMetaType::LongLong)
            return QString::number(v.toLongLong());
        return QString::number(value.toDouble(), 'g', 17);
    }
    case QJsonValue::String: {
        // The member as JSON writes it: quoted and escaped.
        QJsonArray wrapper{value};
        const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    }
    default:
        return {};
    }
}

QString JsonTreeModel::path(const Node *node)
{
    QStringList parts;
    for (const Node *n = node; n && n->parent; n = n->parent) {
        if (n->isElement) {
            parts.prepend(u"[%1]"_s.arg(n->row));
        } else {
            static const QRegularExpression plain(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
            if (plain.match(n->key).hasMatch())
                parts.prepend(u"."_s + n->key);
            else
                parts.prepend(u"[%1]"_s.arg(scalarText(QJsonValue(n->key))));
        }
    }
    return u"$"_s + parts.join(QString());
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case KeyColumn:
            return node->isElement ? u"[%1]"_s.arg(node->row) : node->key;
        case ValueColumn: {
            if (node->value.isObject()) {
                const int n = childCount(node->value);
                return n == 1 ? tr("{1 key}") : tr("{%L1 keys}").arg(n);
            }
            if (node->value.isArray()) {
                const int n = childCount(node->value);
                return n == 1 ? tr("[1 item]") : tr("[%L1 items]").arg(n);
            }
            QString text = scalarText(node->value);
            if (role == Qt::DisplayRole && text.size() > kMaxDisplayLength) {
                text.truncate(kMaxDisplayLength);
                text.append(u'…');
            }
            return text;
        }
        case TypeColumn:
            switch (node->value.type()) {
            case QJsonValue::Null:
                return u"null"_s;
            case QJsonValue::Bool:
                return u"boolean"_s;
            case QJsonValue::Double:
                return u"number"_s;
            case QJsonValue::String:
                return u"string"_s;
            case QJsonValue::Array:
                return u"array"_s;
            case QJsonValue::Object:
                return u"object"_s;
            default:
                return {};
            }
        }
        return {};
    case JsonTypeRole:
        return int(node->value.type());
    case JsonPathRole:
        return path(node);
    case JsonValueRole:
        return QVariant::fromValue(node->value);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

} // namespace shardscope
