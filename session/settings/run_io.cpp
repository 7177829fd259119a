#include "session/settings/run_io.h"

#include <bit>
#include <cmath>
#include <limits>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "session/settings/atomic_file.h"
#include "core/base/error.h"
#include "core/base/rng.h"
#include "session/settings/settings_io.h"

namespace downhill::ui {

namespace {

constexpr auto kFormat = "downhill-run";
// The keys of a settings file that a change of settings may change.
const char* const kTrainKeys[] = {"optimizer", "schedule", "batch_size", "full_batch", "shuffle", "seed", "augmentation"};
// A run file holds a few kilobytes per change of settings; anything huge is not one.
constexpr qint64 kMaxSize = 64 << 20;

[[noreturn]] void fail(const QString& key, const QString& what)
{
    throw core::InputError((key.isEmpty() ? what : what.isEmpty() ? key : key + QStringLiteral(": ") + what).toStdString());
}

QJsonObject settingsObject(const AppSettings& settings)
{
    return QJsonDocument::fromJson(settingsToJson(settings)).object();
}

QJsonArray numbers(const core::Vec& v)
{
    QJsonArray out;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        out.append(v[i]);
    return out;
}

// Steps, epochs and the like: never negative, and exact however large (see jsonFromWholeNumber).
QJsonValue count(std::int64_t n)
{
    return jsonFromWholeNumber(static_cast<std::uint64_t>(n));
}

QJsonObject stateObject(const core::TrainState& s)
{
    const auto& o = s.optimizer;
    return QJsonObject{{QStringLiteral("step"), count(s.step)}, {QStringLiteral("epoch"), count(s.epoch)},
        {QStringLiteral("cursor"), count(s.cursor)}, {QStringLiteral("params"), numbers(s.params)},
        {QStringLiteral("optimizer"),
            QJsonObject{{QStringLiteral("t"), count(o.t)}, {QStringLiteral("has_buffer"), o.hasBuffer},
                {QStringLiteral("buffer"), numbers(o.buffer)}, {QStringLiteral("exp_avg"), numbers(o.expAvg)},
                {QStringLiteral("exp_avg_sq"), numbers(o.expAvgSq)}, {QStringLiteral("grad_avg"), numbers(o.gradAvg)}}}};
}

QJsonValue field(const QJsonObject& object, const QString& where, const char* key)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined())
        fail(where + QLatin1String(key), QStringLiteral("missing"));
    return v;
}

std::int64_t count(const QJsonObject& object, const QString& where, const char* key)
{
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    return static_cast<std::int64_t>(wholeNumberFromJson(field(object, where, key), where + QLatin1String(key), kMax));
}

QJsonObject object(const QJsonObject& parent, const QString& where, const char* key)
{
    const QJsonValue v = field(parent, where, key);
    if (!v.isObject())
        fail(where + QLatin1String(key), QStringLiteral("expected an object"));
    return v.toObject();
}

core::Vec vector(const QJsonObject& object, const QString& where, const char* key, Eigen::Index size)
{
    const QJsonValue v = field(object, where, key);
    const QJsonArray a = v.toArray();
    if (!v.isArray() || (size >= 0 && a.size() != size))
        fail(where + QLatin1String(key),
            size >= 0 ? QStringLiteral("expected %1 numbers").arg(size) : QStringLiteral("expected an array of numbers"));
    core::Vec out(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isDouble() || !std::isfinite(a[i].toDouble()))
            fail(where + QLatin1String(key) + QStringLiteral("[%1]").arg(i), QStringLiteral("expected a finite number"));
        out[i] = a[i].toDouble();
    }
    return out;
}

core::TrainState stateFrom(const QJsonObject& o, const QString& where, Eigen::Index parameters)
{
    core::TrainState s;
    s.params = vector(o, where, "params", parameters);
    s.step = count(o, where, "step");
    s.epoch = count(o, where, "epoch");
    s.cursor = count(o, where, "cursor");
    const QString opt = where + QStringLiteral("optimizer.");
    const QJsonObject oo = object(o, where, "optimizer");
    s.optimizer.t = count(oo, opt, "t");
    const QJsonValue hasBuffer = field(oo, opt, "has_buffer");
    if (!hasBuffer.isBool())
        fail(opt + QStringLiteral("has_buffer"), QStringLiteral("expected true or false"));
    s.optimizer.hasBuffer = hasBuffer.toBool();
    const Eigen::Index p = s.params.size();
    s.optimizer.buffer = vector(oo, opt, "buffer", p);
    s.optimizer.expAvg = vector(oo, opt, "exp_avg", p);
    s.optimizer.expAvgSq = vector(oo, opt, "exp_avg_sq", p);
    s.optimizer.gradAvg = vector(oo, opt, "grad_avg", p);
    return s;
}

}  // namespace

QByteArray runToJson(const RunFile& run)
{
    QJsonObject root;
    root[QStringLiteral("format")] = QString::fromLatin1(kFormat);
    root[QStringLiteral("version")] = kRunFileVersion;
    const QJsonObject settings = settingsObject(run.settings);
    root[QStringLiteral("settings")] = settings;
    QJsonArray changes;
    for (const auto& change : run.timeline.changes) {
        AppSettings s = run.settings;
        s.train = change.settings;
        const QJsonObject all = settingsObject(s);
        QJsonObject train;
        for (const char* key : kTrainKeys)
            train[QLatin1String(key)] = all.value(QLatin1String(key));
        changes.append(QJsonObject{{QStringLiteral("train"), train}, {QStringLiteral("state"), stateObject(change.state)}});
    }
    root[QStringLiteral("changes")] = changes;
    root[QStringLiteral("head")] = count(run.timeline.head);
    root[QStringLiteral("position")] = count(run.timeline.position);
    root[QStringLiteral("head_state")] = stateObject(run.timeline.headState);
    root[QStringLiteral("data_fingerprint")] = run.dataFingerprint;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

RunFile runFromJson(const QByteArray& json)
{
    const QJsonObject root = jsonObjectFrom(json);
    const QString format = root.value(QStringLiteral("format")).toString();
    if (format != QLatin1String(kFormat))
        fail(QStringLiteral("format"), QStringLiteral("expected \"%1\", got \"%2\" (a settings file opens with File > Open settings)")
                                           .arg(QLatin1String(kFormat), format));
    const std::int64_t version = count(root, QString(), "version");
    if (version < 1 || version > kRunFileVersion)
        fail(QStringLiteral("version"), QStringLiteral("version %1 is not one this program reads (1 to %2)").arg(version).arg(kRunFileVersion));

    RunFile run;
    const QJsonObject settings = object(root, QString(), "settings");
    try {
        run.settings = settingsFromJson(QJsonDocument(settings).toJson());
    } catch (const core::InputError& e) {
        fail(QStringLiteral("settings.") + QString::fromStdString(e.what()), QString());
    }
    auto& t = run.timeline;
    t.head = count(root, QString(), "head");
    t.position = count(root, QString(), "position");
    if (t.position > t.head)
        fail(QStringLiteral("position"), QStringLiteral("%1 is past the head, %2").arg(t.position).arg(t.head));

    const QJsonValue changesValue = field(root, QString(), "changes");
    const QJsonArray changes = changesValue.toArray();
    if (!changesValue.isArray() || changes.isEmpty())
        fail(QStringLiteral("changes"), QStringLiteral("expected an array with at least the start"));
    Eigen::Index parameters = -1;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString where = QStringLiteral("changes[%1].").arg(i);
        if (!changes[i].isObject())
            fail(where.chopped(1), QStringLiteral("expected an object"));
        const QJsonObject change = changes[i].toObject();
        // The change's training keys over the run's settings, read as a settings file is.
        QJsonObject merged = settings;
        const QJsonObject train = object(change, where, "train");
        for (auto it = train.begin(); it != train.end(); ++it)
            merged[it.key()] = it.value();
        core::RunHistory::Change c;
        try {
            c.settings = settingsFromJson(QJsonDocument(merged).toJson()).train;
        } catch (const core::InputError& e) {
            fail(where + QStringLiteral("train.") + QString::fromStdString(e.what()), QString());
        }
        c.state = stateFrom(object(change, where, "state"), where + QStringLiteral("state."), parameters);
        parameters = c.state.params.size();
        if (t.changes.empty() && c.state.step != 0)
            fail(where + QStringLiteral("state.step"), QStringLiteral("the first entry is the start of the run, step 0"));
        if (!t.changes.empty() && c.state.step <= t.changes.back().state.step)
            fail(where + QStringLiteral("state.step"), QStringLiteral("changes must be in order of their steps"));
        if (c.state.step > t.head)
            fail(where + QStringLiteral("state.step"), QStringLiteral("%1 is past the head, %2").arg(c.state.step).arg(t.head));
        t.changes.push_back(std::move(c));
    }
    t.headState = stateFrom(object(root, QString(), "head_state"), QStringLiteral("head_state."), parameters);
    if (t.headState.step != t.head)
        fail(QStringLiteral("head_state.step"), QStringLiteral("expected the head, %1").arg(t.head));
    run.dataFingerprint = root.value(QStringLiteral("data_fingerprint")).toString();
    return run;
}

bool saveRunFile(const QString& path, const RunFile& run, QString* error)
{
    return writeFileAtomically(path, runToJson(run), error);
}

std::optional<RunFile> loadRunFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return std::nullopt;
    }
    if (file.size() > kMaxSize) {
        if (error)
            *error = path + QStringLiteral(": too large for a run file (%1 bytes)").arg(file.size());
        return std::nullopt;
    }
    try {
        return runFromJson(file.readAll());
    } catch (const core::InputError& e) {
        if (error)
            *error = path + QStringLiteral(": ") + QString::fromStdString(e.what());
        return std::nullopt;
    }
}

QString dataFingerprint(const core::TrainData& data)
{
    std::uint64_t h = 0x6a09e667f3bcc908ULL;
    const auto add = [&h](const core::Array& a) {
        h = core::mix64(h ^ static_cast<std::uint64_t>(a.size()));
        for (Eigen::Index i = 0; i < a.size(); ++i)
            h = core::mix64(h ^ std::bit_cast<std::uint64_t>(a[i]));
    };
    for (const core::Samples* s : {&data.train, &data.val}) {
        add(s->x);
        add(s->t);
    }
    return QStringLiteral("%1").arg(h, 16, 16, QLatin1Char('0'));
}

}  // namespace downhill::ui
