#pragma once

#include <QAbstractItemModel>
#include <QJsonDocument>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace shardscope {

// A JSON document as a tree for a collapsible view: one row per object member or array
// element, columns Key ("name" or "[3]"), Value (scalars as JSON text, containers as
// "{3 keys}" / "[12 items]") and Type. Children are built the first time a row is expanded,
// so a 10 MiB document costs only what is shown. Returns meaning in custom roles (JSON type,
// path, raw value); colours are the view's business.
//
// Threads: lives on the GUI thread; the document is implicitly shared and may be parsed
// elsewhere.
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeModel)

public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        TypeColumn,
        ColumnCount
    };
    enum Role
    {
        JsonTypeRole = Qt::UserRole + 1, // int, QJsonValue::Type
        JsonPathRole,                    // QString, e.g. $.orders[3].id
        JsonValueRole,                   // QJsonValue
    };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setDocument(const QJsonDocument &document);
    void clear();
    QJsonDocument document() const { return m_document; }

    // Strings longer than this are cut in DisplayRole (the whole value is in JsonValueRole).
    static constexpr qsizetype kMaxDisplayLength = 500;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The JSON text a scalar is shown as: "text" quoted and escaped, numbers, true, null.
    static QString scalarText(const QJsonValue &value);

private:
    struct Node
    {
        Node *parent = nullptr;
        int row = 0;
        QString key;      // member name; empty for array elements and the root
        bool isElement = false;
        QJsonValue value;
        bool populated = false;
        std::vector<std::unique_ptr<Node>> children;
    };

    Node *nodeFor(const QModelIndex &index) const;
    void populate(Node *node) const;
    static int childCount(const QJsonValue &value);
    static QString path(const Node *node);

    QJsonDocument m_document;
    std::unique_ptr<Node> m_root;
};

} // namespace shardscope
