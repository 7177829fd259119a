// The one owner of the window's settings: an edit changes the value and says once what kind of
// change it was; the program's own updates are silent; the last working settings come back
// whole. And what the settings themselves imply: another model starts its plane afresh, other
// axes reset the view, the same ones change nothing.
#include <QSignalSpy>
#include <QtTest>

#include "session/settings/settings_store.h"

using namespace downhill;
using downhill::ui::AppSettings;
using downhill::ui::SettingsStore;

class TestSettingsStore : public QObject {
    Q_OBJECT
private slots:
    void editChangesTheValueAndSaysWhatKind();
    void updatesAndReplacementsAreSilent();
    void restoreWorkingBringsBackTheLastWorkingSettings();
    void anotherModelStartsItsPlaneAfresh();
    void otherAxesResetTheView();
};

void TestSettingsStore::editChangesTheValueAndSaysWhatKind()
{
    SettingsStore store;
    QSignalSpy spy(&store, &SettingsStore::edited);
    double seen = 0;
    // A listener reads the new value when it hears of the change.
    connect(&store, &SettingsStore::edited, this, [&] { seen = store.value().train.optimizer.lr; });
    store.edit(SettingsStore::Change::Training, [](AppSettings& s) { s.train.optimizer.lr = 0.25; });
    QCOMPARE(store.value().train.optimizer.lr, 0.25);
    QCOMPARE(seen, 0.25);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<SettingsStore::Change>(), SettingsStore::Change::Training);
    store.edit(SettingsStore::Change::Data, [](AppSettings& s) { s.data.count = 300; });
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<SettingsStore::Change>(), SettingsStore::Change::Data);
}

void TestSettingsStore::updatesAndReplacementsAreSilent()
{
    SettingsStore store;
    QSignalSpy spy(&store, &SettingsStore::edited);
    store.update([](AppSettings& s) { s.speed = 7; });
    QCOMPARE(store.value().speed, 7.0);
    AppSettings other;
    other.model = "fold";
    store.replace(other);
    QCOMPARE(store.value().model, std::string("fold"));
    QCOMPARE(spy.count(), 0);
}

void TestSettingsStore::restoreWorkingBringsBackTheLastWorkingSettings()
{
    SettingsStore store;
    store.update([](AppSettings& s) { s.data.count = 400; s.train.optimizer.lr = 0.1; });
    store.keepAsWorking();
    store.edit(SettingsStore::Change::Data, [](AppSettings& s) { s.data.count = 5; s.train.optimizer.lr = 3; });
    QCOMPARE(store.working().data.count, 400);   // kept apart from the value, not a view of it
    store.restoreWorking();
    QCOMPARE(store.value().data.count, 400);
    QCOMPARE(store.value().train.optimizer.lr, 0.1);
}

void TestSettingsStore::anotherModelStartsItsPlaneAfresh()
{
    AppSettings s;
    s.axis1 = 2;
    s.axis2 = 0;
    s.start = {1, 2, 3};
    s.held = s.start;
    s.range = std::array<double, 4>{0, 1, 0, 1};
    AppSettings same = s;
    same.setModel(s.model);
    QCOMPARE(same.axis1, 2);
    QVERIFY(same.range);
    QCOMPARE(same.start.size(), std::size_t{3});
    s.setModel("fold");
    QCOMPARE(s.model, std::string("fold"));
    QCOMPARE(s.axis1, 0);
    QCOMPARE(s.axis2, 1);
    QVERIFY(s.start.empty());
    QVERIFY(s.held.empty());
    QVERIFY(!s.range);
}

void TestSettingsStore::otherAxesResetTheView()
{
    AppSettings s;
    s.start = {1, 2, 3};
    s.range = std::array<double, 4>{0, 1, 0, 1};
    s.setAxes(0, 1);   // the same: the view stays
    QVERIFY(s.range);
    s.setAxes(2, 1);
    QCOMPARE(s.axis1, 2);
    QCOMPARE(s.axis2, 1);
    QVERIFY(!s.range);
    QCOMPARE(s.start.size(), std::size_t{3});   // the start point is still the start point
}

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "test_settings_store.moc"
