// TagsModel: loads a stream's tags, keeps edits as a diff, applies the diff through the backend
// (in batches Kinesis accepts), follows changes made elsewhere, and stays a valid model
// throughout (QAbstractItemModelTester).

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "models/modelroles.h"
#include "models/tagsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestTagsModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsTags();
    void editsBecomeADiff();
    void applySendsTheDiff();
    void applyBatchesManyTags();
    void applyErrorIsAValue();
    void followsChangesMadeElsewhere();

private:
    TagMap storedTags();

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<TagsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTagsModel::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_engine = openEngine(*m_dir);
    QVERIFY(m_engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{
        u"s"_s, 1, {}, {{u"env"_s, u"dev"_s}, {u"team"_s, u"data"_s}}, {}})).has_value());
    m_model = std::make_unique<TagsModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestTagsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_backend.reset();
    m_engine.reset();
    delete m_dir;
    m_dir = nullptr;
}

TagMap TestTagsModel::storedTags()
{
    TagMap tags;
    const auto listed = await(m_backend->listAllTagsForStream(StreamTarget::byName(u"s"_s)));
    if (listed) {
        for (const Tag &tag : *listed)
            tags.insert(tag.key, tag.value);
    }
    return tags;
}

void TestTagsModel::loadsTags()
{
    QSignalSpy reloaded(m_model.get(), &TagsModel::reloaded);
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(reloaded.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0, TagsModel::KeyColumn).data().toString(), u"env"_s);
    QCOMPARE(m_model->index(0, TagsModel::ValueColumn).data().toString(), u"dev"_s);
    QCOMPARE(m_model->index(1, 0).data(ModelRole::TagKeyRole).toString(), u"team"_s);
    QCOMPARE(m_model->index(1, 0).data(ModelRole::TagValueRole).toString(), u"data"_s);
    QCOMPARE(m_model->index(1, 0).data(ModelRole::TagStateRole).toInt(), int(TagState::Unchanged));
    QVERIFY(m_model->flags(m_model->index(0, 1)).testFlag(Qt::ItemIsEditable));
    QVERIFY(!m_model->hasPendingChanges());
}

void TestTagsModel::editsBecomeADiff()
{
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QSignalSpy pending(m_model.get(), &TagsModel::pendingChangesChanged);

    QVERIFY(m_model->setData(m_model->index(0, TagsModel::ValueColumn), u"prod"_s));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(m_model->index(0, 0).data(ModelRole::TagStateRole).toInt(), int(TagState::Modified));
    QVERIFY(m_model->addTag(u"owner"_s, u"me"_s));
    QCOMPARE(m_model->index(2, 0).data(ModelRole::TagStateRole).toInt(), int(TagState::Added));
    QVERIFY(!m_model->addTag(u"owner"_s, u"again"_s)); // duplicate key
    QVERIFY(!m_model->addTag(QString(), u"x"_s));       // empty key
    QVERIFY(!m_model->setData(m_model->index(2, TagsModel::KeyColumn), u"env"_s)); // would duplicate
    QVERIFY(m_model->removeTag(1)); // team

    const TagsModel::Changes changes = m_model->pendingChanges();
    QCOMPARE(changes.set, (TagMap{{u"env"_s, u"prod"_s}, {u"owner"_s, u"me"_s}}));
    QCOMPARE(changes.removed, QStringList{u"team"_s});

    // Editing back to the stored value is no change at all.
    m_model->discardChanges();
    QVERIFY(!m_model->hasPendingChanges());
    QCOMPARE(pending.size(), 2);
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->setData(m_model->index(0, TagsModel::ValueColumn), u"prod"_s));
    QVERIFY(m_model->setData(m_model->index(0, TagsModel::ValueColumn), u"dev"_s));
    QVERIFY(!m_model->hasPendingChanges());

    // Renaming a key removes the old one and adds the new one.
    QVERIFY(m_model->setData(m_model->index(1, TagsModel::KeyColumn), u"squad"_s));
    QCOMPARE(m_model->pendingChanges().set, (TagMap{{u"squad"_s, u"data"_s}}));
    QCOMPARE(m_model->pendingChanges().removed, QStringList{u"team"_s});
}

void TestTagsModel::applySendsTheDiff()
{
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->setData(m_model->index(0, TagsModel::ValueColumn), u"prod"_s));
    QVERIFY(m_model->removeTag(1));
    QVERIFY(m_model->addTag(u"owner"_s, u"me"_s));

    const auto applied = await(m_model->applyChanges());
    QVERIFY(applied.has_value());
    QVERIFY(!m_model->hasPendingChanges());
    QCOMPARE(storedTags(), (TagMap{{u"env"_s, u"prod"_s}, {u"owner"_s, u"me"_s}}));
    QTRY_COMPARE(m_model->rowCount(), 2);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->index(row, 0).data(ModelRole::TagStateRole).toInt(), int(TagState::Unchanged));
}

void TestTagsModel::applyBatchesManyTags()
{
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(m_model->rowCount(), 2);
    for (int i = 0; i < 25; ++i)
        QVERIFY(m_model->addTag(u"k%1"_s.arg(i, 2, 10, QChar(u'0')), u"v%1"_s.arg(i)));
    QSignalSpy calls(m_backend.get(), &StreamBackend::callFinished);
    QVERIFY(await(m_model->applyChanges()).has_value());
    QCOMPARE(storedTags().size(), 27);
    QTRY_VERIFY(calls.size() >= 3);
    int adds = 0;
    for (const auto &call : std::as_const(calls)) {
        if (call.at(0).value<BackendCall>().operation == u"AddTagsToStream"_s)
            ++adds;
    }
    QCOMPARE(adds, 3); // 10 + 10 + 5
}

void TestTagsModel::applyErrorIsAValue()
{
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->addTag(u"bad{key}"_s, u"x"_s));
    const auto applied = await(m_model->applyChanges());
    QVERIFY(!applied.has_value());
    QCOMPARE(applied.error().type, ErrorType::InvalidArgument);
    QVERIFY(m_model->hasPendingChanges()); // nothing was lost
    QCOMPARE(storedTags().size(), 2);
}

void TestTagsModel::followsChangesMadeElsewhere()
{
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QVERIFY(await(m_backend->addTagsToStream(AddTagsToStreamRequest{StreamTarget::byName(u"s"_s),
                                                                    {{u"cost"_s, u"42"_s}}})).has_value());
    QTRY_COMPARE(m_model->rowCount(), 3);
    QVERIFY(!m_model->hasPendingChanges());

    // With pending edits, an outside change joins them and the edits stay.
    const auto rowOf = [this](const QString &key) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row, 0).data(ModelRole::TagKeyRole).toString() == key)
                return row;
        }
        return -1;
    };
    QVERIFY(m_model->setData(m_model->index(rowOf(u"cost"_s), TagsModel::ValueColumn), u"999"_s));
    QVERIFY(m_model->removeTag(rowOf(u"team"_s)));
    QVERIFY(await(m_backend->addTagsToStream(AddTagsToStreamRequest{StreamTarget::byName(u"s"_s),
                                                                    {{u"new"_s, u"1"_s}}})).has_value());
    QTRY_COMPARE(m_model->rowCount(), 3); // env, cost, new
    QVERIFY(rowOf(u"new"_s) >= 0);
    QCOMPARE(m_model->index(rowOf(u"cost"_s), TagsModel::ValueColumn).data().toString(), u"999"_s);
    QCOMPARE(m_model->index(rowOf(u"cost"_s), 0).data(ModelRole::TagStateRole).toInt(), int(TagState::Modified));
    QCOMPARE(m_model->pendingChanges().set, (TagMap{{u"cost"_s, u"999"_s}}));
    QCOMPARE(m_model->pendingChanges().removed, QStringList{u"team"_s});
}

QTEST_GUILESS_MAIN(TestTagsModel)
#include "tst_tagsmodel.moc"
