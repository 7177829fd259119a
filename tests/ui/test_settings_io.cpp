// Settings JSON: everything round-trips; malformed files are rejected with a message naming the
// file and the key, never a crash.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "settings_io.h"

using namespace downhill;
using downhill::ui::AppSettings;

namespace {

AppSettings unusual()
{
    AppSettings s;
    s.model = "lin-exp";
    s.loss.kind = core::LossKind::Huber;
    s.loss.delta = 0.7;
    auto& o = s.train.optimizer;
    o.kind = core::OptimizerKind::Adam;
    o.lr = 0.0123;
    o.momentum = 0.5;
    o.dampening = 0.25;
    o.beta1 = 0.8;
    o.beta2 = 0.95;
    o.alpha = 0.9;
    o.centered = true;
    o.lrDecay = 0.01;
    o.eps = 1e-7;
    s.train.schedule = core::Schedule::parse("cosine-restarts:200:2:0.001");
    s.train.batchSize = 17;
    s.train.shuffle = false;
    s.train.seed = 42;
    s.train.augmentation.brightness = true;
    s.train.augmentation.noise = true;
    s.train.augmentation.noiseSigma = 3.5;
    s.fullBatch = true;
    s.data.count = 500;
    s.data.seed = 9;
    s.data.valFraction = 0.1;
    s.axis1 = 0;
    s.axis2 = 2;
    s.held = {0.25, -1.5, 0.375};
    s.start = {0.25, -1.5, 0.375};
    s.range = std::array<double, 4>{-1.0, 2.5, -0.25, 1.0 / 3.0};
    s.speed = 0;
    s.gradientField = false;
    s.captions = false;
    s.logLoss = false;
    return s;
}

// A valid file with one key replaced (or added) at the top level or one level down.
QByteArray withKey(const QString& path, const QJsonValue& value)
{
    QJsonObject root = QJsonDocument::fromJson(ui::settingsToJson(AppSettings{})).object();
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() == 1) {
        root[parts[0]] = value;
    } else {
        QJsonObject inner = root[parts[0]].toObject();
        inner[parts[1]] = value;
        root[parts[0]] = inner;
    }
    return QJsonDocument(root).toJson();
}

}  // namespace

class TestSettingsIo : public QObject {
    Q_OBJECT
private slots:
    void defaultsRoundTrip();
    void everythingRoundTrips();
    void fileRoundTripLeavesNoTemporaries();
    void partialFileTakesDefaults();
    void malformedIsRejected_data();
    void malformedIsRejected();
    void missingFileIsReported();
    void truncatedFilesNeverCrash();
};

void TestSettingsIo::defaultsRoundTrip()
{
    const QByteArray json = ui::settingsToJson(AppSettings{});
    const AppSettings back = ui::settingsFromJson(json);
    QCOMPARE(ui::settingsToJson(back), json);
    QCOMPARE(back.model, std::string("linear"));
    QCOMPARE(back.train.optimizer.lr, 0.05);
    QCOMPARE(back.train.batchSize, 32);
    QVERIFY(!back.range);
}

void TestSettingsIo::everythingRoundTrips()
{
    const AppSettings s = unusual();
    const QByteArray json = ui::settingsToJson(s);
    const AppSettings b = ui::settingsFromJson(json);
    QCOMPARE(ui::settingsToJson(b), json);
    QCOMPARE(b.model, s.model);
    QVERIFY(b.loss == s.loss);
    QVERIFY(b.train.optimizer == s.train.optimizer);
    QVERIFY(b.train.schedule == s.train.schedule);
    QCOMPARE(b.train.batchSize, 17);
    QCOMPARE(b.train.shuffle, false);
    QCOMPARE(b.train.seed, std::uint64_t{42});
    QCOMPARE(b.train.augmentation.brightness, true);
    QCOMPARE(b.train.augmentation.flip, false);
    QCOMPARE(b.train.augmentation.noise, true);
    QCOMPARE(b.train.augmentation.noiseSigma, 3.5);
    QCOMPARE(b.fullBatch, true);
    QCOMPARE(b.data.count, 500);
    QCOMPARE(b.data.seed, std::uint64_t{9});
    QCOMPARE(b.data.valFraction, 0.1);
    QCOMPARE(b.axis1, 0);
    QCOMPARE(b.axis2, 2);
    QVERIFY(b.held == s.held);
    QVERIFY(b.start == s.start);
    QVERIFY(b.range && *b.range == *s.range);   // 1/3 survives exactly
    QCOMPARE(b.speed, 0.0);
    QCOMPARE(b.gradientField, false);
    QCOMPARE(b.captions, false);
    QCOMPARE(b.logLoss, false);
    // Axes and parameters are stored by name.
    QVERIFY(json.contains("\"a\""));
    QVERIFY(json.contains("\"c\""));
}

void TestSettingsIo::fileRoundTripLeavesNoTemporaries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QString error;
    QVERIFY2(ui::saveSettingsFile(path, unusual(), &error), qPrintable(error));
    QVERIFY2(ui::saveSettingsFile(path, unusual(), &error), qPrintable(error));   // overwrite in place
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("lesson.json")});
    const auto loaded = ui::loadSettingsFile(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(ui::settingsToJson(*loaded), ui::settingsToJson(unusual()));

    QVERIFY(!ui::saveSettingsFile(dir.filePath(QStringLiteral("no/such/dir/x.json")), unusual(), &error));
    QVERIFY(error.contains(QStringLiteral("no/such/dir")));
}

void TestSettingsIo::partialFileTakesDefaults()
{
    const AppSettings s = ui::settingsFromJson(R"({"model": "rosenbrock", "optimizer": {"lr": 0.002}})");
    QCOMPARE(s.model, std::string("rosenbrock"));
    QCOMPARE(s.train.optimizer.lr, 0.002);
    QCOMPARE(s.train.optimizer.momentum, 0.0);
    QCOMPARE(s.train.batchSize, 32);
    QCOMPARE(s.axis1, 0);
    QCOMPARE(s.axis2, 1);
}

void TestSettingsIo::malformedIsRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{\"model\": ") << "not valid JSON";
    QTest::newRow("array") << QByteArray("[1, 2]") << "JSON object";
    QTest::newRow("unknown key") << withKey("learning_rate", 0.1) << "learning_rate: unknown setting";
    QTest::newRow("unknown nested key") << withKey("optimizer.lrr", 0.1) << "optimizer.lrr: unknown setting";
    QTest::newRow("lr not a number") << withKey("optimizer.lr", "fast") << "optimizer.lr: expected a number";
    QTest::newRow("lr negative") << withKey("optimizer.lr", -1) << "learning rate";
    QTest::newRow("momentum 1.5") << withKey("optimizer.momentum", 1.5) << "momentum";
    QTest::newRow("unknown optimizer") << withKey("optimizer.kind", "lbfgs") << "optimizer.kind";
    QTest::newRow("unknown model") << withKey("model", "cubic") << "unknown model 'cubic'";
    QTest::newRow("unknown loss") << withKey("loss.kind", "hinge") << "loss.kind";
    QTest::newRow("loss not object") << withKey("loss", 3) << "loss: expected an object";
    QTest::newRow("bad schedule") << withKey("schedule", "cosine:0") << "schedule";
    QTest::newRow("batch 0") << withKey("batch_size", 0) << "batch_size";
    QTest::newRow("batch fraction") << withKey("batch_size", 2.5) << "batch_size: expected a whole number";
    QTest::newRow("seed negative") << withKey("seed", -1) << "seed";
    QTest::newRow("shuffle string") << withKey("shuffle", "yes") << "shuffle: expected true or false";
    QTest::newRow("count tiny") << withKey("data.count", 3) << "data.count";
    QTest::newRow("val fraction") << withKey("data.validation_fraction", 0.95) << "data.validation_fraction";
    QTest::newRow("axes same") << withKey("axes", QJsonArray{"w", "w"}) << "different";
    QTest::newRow("axes unknown") << withKey("axes", QJsonArray{"w", "q"}) << "no parameter 'q'";
    QTest::newRow("axes one") << withKey("axes", QJsonArray{"w"}) << "axes: expected two parameter names";
    QTest::newRow("start missing b") << withKey("start", QJsonObject{{"w", 1.0}}) << "missing parameter 'b'";
    QTest::newRow("start unknown") << withKey("start", QJsonObject{{"w", 1.0}, {"b", 2.0}, {"z", 3.0}}) << "start.z";
    QTest::newRow("held text") << withKey("held", QJsonObject{{"w", "x"}, {"b", 2.0}}) << "held.w: expected a number";
    QTest::newRow("range reversed") << withKey("range", QJsonArray{1, 0, 0, 1}) << "range";
    QTest::newRow("range short") << withKey("range", QJsonArray{0, 1}) << "range";
    QTest::newRow("speed huge") << withKey("speed", 5000) << "speed";
    QTest::newRow("speed word") << withKey("speed", "fast") << "speed";
    QTest::newRow("format") << withKey("format", "something-else") << "format";
    QTest::newRow("future version") << withKey("version", 99) << "newer";
    QTest::newRow("augmentation sigma") << withKey("augmentation.noise_sigma", -3) << "augmentation";
    QTest::newRow("nesterov without momentum") << withKey("optimizer.nesterov", true) << "nesterov";
}

void TestSettingsIo::malformedIsRejected()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    try {
        ui::settingsFromJson(json);
        QFAIL("accepted");
    } catch (const core::InputError& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
    }

    // Through a file: the message starts with the file name.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(json);
    f.close();
    QString error;
    QVERIFY(!ui::loadSettingsFile(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestSettingsIo::missingFileIsReported()
{
    QString error;
    QVERIFY(!ui::loadSettingsFile(QStringLiteral("/no/such/file.json"), &error));
    QVERIFY(error.startsWith(QStringLiteral("/no/such/file.json: ")));
}

void TestSettingsIo::truncatedFilesNeverCrash()
{
    // Every prefix of a valid file, and every single-byte corruption of it: parsed or refused.
    const QByteArray json = ui::settingsToJson(unusual());
    int accepted = 0;
    for (qsizetype n = 0; n < json.size(); ++n) {
        QByteArray broken = json.left(n);
        QByteArray flipped = json;
        flipped[n] = static_cast<char>(flipped[n] ^ 0x15);
        for (const QByteArray& candidate : {broken, flipped}) {
            try {
                ui::settingsFromJson(candidate);
                ++accepted;
            } catch (const core::InputError&) {
            }
        }
    }
    QVERIFY(accepted < json.size());
}

QTEST_MAIN(TestSettingsIo)
#include "test_settings_io.moc"
