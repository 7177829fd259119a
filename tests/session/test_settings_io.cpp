// Settings JSON: everything round-trips; malformed files are rejected with a message naming the
// file and the key, never a crash.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

#include "core/base/error.h"
#include "session/settings/settings_io.h"

using namespace downhill;
using downhill::ui::AppSettings;
using downhill::ui::RaceEntrant;

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
    s.train.batchSize = core::TrainSettings::kFullBatch;
    s.train.shuffle = false;
    s.train.seed = 42;
    s.train.augmentation.brightness = true;
    s.train.augmentation.noise = true;
    s.train.augmentation.noiseSigma = 3.5;
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
    void raceRoundTrips();
    void fullBatchIsOneSwitch();
    void seedsRoundTripExactly_data();
    void seedsRoundTripExactly();
    void oldFileWithNumberSeedsLoads();
    void oldFileWithoutRaceLoads();
    void raceLineupTakesTheMainRunsRest();
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
    QCOMPARE(b.train.batchSize, core::TrainSettings::kFullBatch);
    QCOMPARE(b.train.shuffle, false);
    QCOMPARE(b.train.seed, std::uint64_t{42});
    QCOMPARE(b.train.augmentation.brightness, true);
    QCOMPARE(b.train.augmentation.flip, false);
    QCOMPARE(b.train.augmentation.noise, true);
    QCOMPARE(b.train.augmentation.noiseSigma, 3.5);
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

void TestSettingsIo::raceRoundTrips()
{
    AppSettings s = unusual();
    ui::RaceEntrant sgd;
    sgd.optimizer.lr = 0.25;
    sgd.optimizer.momentum = 0.9;
    sgd.optimizer.nesterov = true;
    sgd.batchSize = 8;
    ui::RaceEntrant adam;
    adam.optimizer.kind = core::OptimizerKind::Adam;
    adam.optimizer.lr = 1.0 / 3.0;
    adam.optimizer.beta1 = 0.8;
    adam.optimizer.eps = 1e-6;   // no batch size: the main run's
    ui::RaceEntrant rms;
    rms.optimizer.kind = core::OptimizerKind::RmsProp;
    rms.optimizer.alpha = 0.95;
    rms.optimizer.centered = true;
    rms.batchSize = 1;
    s.race = {sgd, adam, rms};
    const QByteArray json = ui::settingsToJson(s);
    const AppSettings b = ui::settingsFromJson(json);
    QCOMPARE(b.race.size(), std::size_t{3});
    QVERIFY(b.race[0] == sgd);
    QVERIFY(b.race[1] == adam);
    QVERIFY(b.race[2] == rms);
    QVERIFY(!b.race[1].batchSize);
    QCOMPARE(ui::settingsToJson(b), json);
    // The main run's optimizer is not an entrant's.
    QVERIFY(b.train.optimizer == s.train.optimizer);

    // Eight is the most, and an empty line-up writes no key at all (as files from before).
    s.race.assign(8, sgd);
    QCOMPARE(ui::settingsFromJson(ui::settingsToJson(s)).race.size(), std::size_t{8});
    s.race.clear();
    QVERIFY(!ui::settingsToJson(s).contains("\"race\""));
}

void TestSettingsIo::fullBatchIsOneSwitch()
{
    // A number is written only when it is the batch size; full batch is the switch alone.
    AppSettings s;
    s.train.batchSize = 17;
    QJsonObject o = QJsonDocument::fromJson(ui::settingsToJson(s)).object();
    QCOMPARE(o.value("batch_size").toInt(), 17);
    QCOMPARE(o.value("full_batch").toBool(true), false);
    QCOMPARE(ui::settingsFromJson(ui::settingsToJson(s)).train.batchSize, 17);

    s.train.batchSize = core::TrainSettings::kFullBatch;
    RaceEntrant full;
    full.batchSize = core::TrainSettings::kFullBatch;   // as the Race panel adds one on a full-batch run
    s.race = {full};
    const QByteArray json = ui::settingsToJson(s);
    o = QJsonDocument::fromJson(json).object();
    QVERIFY(!o.contains("batch_size"));
    QCOMPARE(o.value("full_batch").toBool(false), true);
    const QJsonObject entrant = o.value("race").toArray().at(0).toObject();
    QVERIFY(!entrant.contains("batch_size"));
    QCOMPARE(entrant.value("full_batch").toBool(false), true);
    const AppSettings back = ui::settingsFromJson(json);   // the entrant's 2^31 - 1 is not written as a number
    QCOMPARE(back.train.batchSize, core::TrainSettings::kFullBatch);
    QCOMPARE(back.race.at(0).batchSize.value_or(-1), core::TrainSettings::kFullBatch);

    // Files written before keep both keys: the switch wins.
    const AppSettings old = ui::settingsFromJson(R"({"batch_size": 17, "full_batch": true})");
    QCOMPARE(old.train.batchSize, core::TrainSettings::kFullBatch);
    QVERIFY(old.train.fullBatch());
    QCOMPARE(ui::settingsFromJson(R"({"batch_size": 17, "full_batch": false})").train.batchSize, 17);
}

void TestSettingsIo::seedsRoundTripExactly_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("asString");   // how the file holds it
    constexpr quint64 k2p53 = quint64{1} << 53;
    QTest::newRow("0") << quint64{0} << false;
    QTest::newRow("2^53") << k2p53 << false;
    QTest::newRow("2^53 + 1") << k2p53 + 1 << true;   // a double would make it 2^53
    QTest::newRow("2^64 - 2") << std::numeric_limits<quint64>::max() - 1 << true;
    QTest::newRow("2^64 - 1") << std::numeric_limits<quint64>::max() << true;
}

void TestSettingsIo::seedsRoundTripExactly()
{
    QFETCH(quint64, seed);
    QFETCH(bool, asString);
    AppSettings s;
    s.train.seed = seed;
    s.data.seed = seed / 3;   // kept apart from the run's
    const QByteArray json = ui::settingsToJson(s);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    // Up to 2^53 a number, as files always had it; above, digits in a string.
    const QJsonValue written = root.value(QStringLiteral("seed"));
    QCOMPARE(written.isString(), asString);
    QCOMPARE(asString ? written.toString() : QString::number(written.toInteger()), QString::number(seed));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("seed.json"));
    QString error;
    QVERIFY2(ui::saveSettingsFile(path, s, &error), qPrintable(error));
    const auto back = ui::loadSettingsFile(path, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->train.seed, seed);
    QCOMPARE(back->data.seed, seed / 3);
    QCOMPARE(ui::settingsToJson(*back), json);
}

void TestSettingsIo::oldFileWithNumberSeedsLoads()
{
    // Seeds as numbers, as every file had them before large seeds became strings (the largest
    // such a file could hold was 2^53: the old reader refused more).
    const QByteArray old = R"({"format": "downhill-settings", "version": 1, "seed": 9007199254740992,
        "data": {"count": 100, "seed": 7}})";
    const AppSettings s = ui::settingsFromJson(old);
    QCOMPARE(s.train.seed, std::uint64_t{1} << 53);
    QCOMPARE(s.data.seed, std::uint64_t{7});
    QCOMPARE(ui::settingsFromJson(R"({"seed": 0, "data": {"seed": 1e15}})").data.seed, std::uint64_t{1000000000000000});
}

void TestSettingsIo::oldFileWithoutRaceLoads()
{
    // Written by hand as a file from before race mode: no "race", no "view.surface".
    const QByteArray old = R"({"format": "downhill-settings", "version": 1, "model": "fold",
        "optimizer": {"kind": "sgd", "lr": 0.05, "momentum": 0.5}, "batch_size": 16,
        "view": {"gradient_field": true, "captions": false, "log_loss": true}})";
    const AppSettings s = ui::settingsFromJson(old);
    QVERIFY(s.race.empty());
    QVERIFY(s.raceLineup().empty());
    QCOMPARE(s.model, std::string("fold"));
    QCOMPARE(s.train.batchSize, 16);
    // Every lesson shipped loads, with or without a race.
    const QDir lessons(QStringLiteral(DOWNHILL_SOURCE_DIR "/resources/lessons"));
    const QStringList files = lessons.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 10);
    for (const QString& f : files) {
        QString error;
        QVERIFY2(ui::loadSettingsFile(lessons.filePath(f), &error), qPrintable(error));
    }
}

void TestSettingsIo::raceLineupTakesTheMainRunsRest()
{
    AppSettings s;
    s.train.schedule = core::Schedule::parse("exponential:0.99");
    s.train.seed = 7;
    s.train.batchSize = 12;
    ui::RaceEntrant adam;
    adam.optimizer.kind = core::OptimizerKind::Adam;
    adam.optimizer.lr = 0.02;
    ui::RaceEntrant sgd;
    sgd.batchSize = 3;
    s.race = {adam, sgd};
    const auto lineup = s.raceLineup();
    QCOMPARE(lineup.size(), std::size_t{2});
    QVERIFY(lineup[0].optimizer == adam.optimizer);
    QCOMPARE(lineup[0].batchSize, 12);
    QCOMPARE(lineup[1].batchSize, 3);
    for (const auto& t : lineup) {
        QVERIFY(t.schedule == s.train.schedule);
        QCOMPARE(t.seed, std::uint64_t{7});
    }
    // And back: what a file keeps of a line-up is each entrant's optimizer and batch size.
    AppSettings back;
    back.setRaceLineup(lineup);
    QCOMPARE(back.race.size(), std::size_t{2});
    QVERIFY(back.race[0].optimizer == adam.optimizer);
    QCOMPARE(back.race[0].batchSize.value_or(-1), 12);
    QCOMPARE(back.race[1].batchSize.value_or(-1), 3);
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
    // A network whose parameters (each with a name) would not fit: refused before anything is
    // built, where it took seconds and, with a larger input, all of the memory.
    QTest::newRow("network too large")
        << QByteArray(R"({"format": "downhill-settings", "version": 1, "model": "mlp:81:relu", "input_size": 79})")
        << "input_size: mlp:81:relu reading 79 x 79 pixels would have 505684 parameters; a network has at most 500000";
    QTest::newRow("input size huge")
        << QByteArray(R"({"format": "downhill-settings", "version": 1, "model": "mlp:4", "input_size": 1000000000})")
        << "input_size: --input-size must be from 1 to 1024, got 1000000000";
    QTest::newRow("unknown loss") << withKey("loss.kind", "hinge") << "loss.kind";
    QTest::newRow("loss not object") << withKey("loss", 3) << "loss: expected an object";
    QTest::newRow("bad schedule") << withKey("schedule", "cosine:0") << "schedule";
    QTest::newRow("batch 0") << withKey("batch_size", 0) << "batch_size";
    QTest::newRow("batch fraction") << withKey("batch_size", 2.5) << "batch_size: expected a whole number";
    const QString seedRange = QStringLiteral("expected a whole number from 0 to 18446744073709551615, got ");
    QTest::newRow("seed negative") << withKey("seed", -1) << "seed: " + seedRange + "-1";
    QTest::newRow("seed fraction") << withKey("seed", 1.5) << "seed: " + seedRange + "1.5";
    QTest::newRow("seed text") << withKey("seed", "12x") << "seed: " + seedRange + "\"12x\"";
    QTest::newRow("seed negative text") << withKey("seed", "-1") << "seed: " + seedRange + "\"-1\"";
    QTest::newRow("seed empty text") << withKey("seed", "") << "seed: " + seedRange + "\"\"";
    QTest::newRow("seed text with space") << withKey("seed", " 5") << "seed: " + seedRange + "\" 5\"";
    QTest::newRow("seed 2^64") << withKey("seed", "18446744073709551616") << "seed: " + seedRange + "\"18446744073709551616\"";
    QTest::newRow("seed true") << withKey("seed", true) << "seed: " + seedRange + "true";
    QTest::newRow("seed huge number") << QByteArray(R"({"seed": 1e300})") << "seed: " + seedRange + "1e+300";
    // An integer literal too large for 64 bits is read as a double: not exact, so refused.
    QTest::newRow("seed 2^64 - 1 as a number") << QByteArray(R"({"seed": 18446744073709551615})")
                                               << "seed: " + seedRange + "18446744073709551616 (a JSON number above 2^53 may not be exact";
    // Above 2^53 a number may have been rounded before the reader sees it: Qt reads both of these
    // as the integer 9007199254740992.
    QTest::newRow("seed 2^53 + 1 as a number") << QByteArray(R"({"seed": 9007199254740993})")
                                               << "seed: " + seedRange + "9007199254740993 (a JSON number above 2^53";
    QTest::newRow("seed 2^53 + 2 as a double") << QByteArray(R"({"seed": 9.007199254740994e15})")
                                               << "seed: " + seedRange + "9007199254740994 (a JSON number above 2^53";
    QTest::newRow("data seed fraction") << withKey("data.seed", 2.5) << "data.seed: " + seedRange + "2.5";
    QTest::newRow("data seed text") << withKey("data.seed", "0x10") << "data.seed: " + seedRange + "\"0x10\"";
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
    QTest::newRow("range overflowing") << withKey("range", QJsonArray{-1e308, 1e308, 0, 1}) << "range: the first axis";
    QTest::newRow("range tiny") << withKey("range", QJsonArray{0, 1, 0, 1e-300}) << "range: the second axis";
    QTest::newRow("speed huge") << withKey("speed", 5000) << "speed";
    QTest::newRow("speed word") << withKey("speed", "fast") << "speed";
    QTest::newRow("format") << withKey("format", "something-else") << "format";
    QTest::newRow("future version") << withKey("version", 99) << "newer";
    QTest::newRow("augmentation sigma") << withKey("augmentation.noise_sigma", -3) << "augmentation";
    QTest::newRow("nesterov without momentum") << withKey("optimizer.nesterov", true) << "nesterov";
    const QJsonObject adam{{"optimizer", QJsonObject{{"kind", "adam"}, {"lr", 0.1}}}};
    QTest::newRow("race not an array") << withKey("race", adam) << "race: expected an array";
    QTest::newRow("race entrant not an object") << withKey("race", QJsonArray{adam, 3}) << "race[1]: expected an object";
    QTest::newRow("race unknown key")
        << withKey("race", QJsonArray{QJsonObject{{"optimiser", QJsonObject{}}}}) << "race[0].optimiser: unknown setting";
    QTest::newRow("race lr a word")
        << withKey("race", QJsonArray{adam, QJsonObject{{"optimizer", QJsonObject{{"lr", "fast"}}}}})
        << "race[1].optimizer.lr: expected a number";
    QTest::newRow("race lr negative")
        << withKey("race", QJsonArray{QJsonObject{{"optimizer", QJsonObject{{"lr", -0.1}}}}})
        << "race[0].optimizer: learning rate";
    QTest::newRow("race unknown optimizer")
        << withKey("race", QJsonArray{QJsonObject{{"optimizer", QJsonObject{{"kind", "lbfgs"}}}}})
        << "race[0].optimizer.kind";
    QTest::newRow("race batch 0")
        << withKey("race", QJsonArray{QJsonObject{{"optimizer", QJsonObject{}}, {"batch_size", 0}}})
        << "race[0].batch_size: expected a whole number";
    QJsonArray nine;
    for (int i = 0; i < 9; ++i)
        nine.append(adam);
    QTest::newRow("race of nine") << withKey("race", nine) << "race: at most 8 entrants, got 9";
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

QTEST_GUILESS_MAIN(TestSettingsIo)
#include "test_settings_io.moc"
