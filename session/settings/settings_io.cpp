// Just over the ~600-line guide: one reader and one writer for every key of the settings format
// (docs/file-formats.md), each key's check and its message naming the key beside it, so that
// the format and its errors are read in one place; the lessons' translations are the latest.
#include "session/settings/settings_io.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <unordered_set>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QVariant>

#include "session/settings/atomic_file.h"
#include "core/base/error.h"
#include "core/landscape/landscape.h"
#include "core/model/objective.h"
#include "core/optim/optimizer.h"
#include "core/optim/schedule.h"

namespace downhill::ui {

namespace {

constexpr auto kFormat = "downhill-settings";
// Every whole number up to 2^53 is exact in a double, and so in any JSON reader.
constexpr std::uint64_t kExactInDouble = std::uint64_t{1} << 53;

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}


QJsonObject namedValues(const std::vector<std::string>& names, const std::vector<double>& values)
{
    QJsonObject o;
    for (std::size_t i = 0; i < names.size() && i < values.size(); ++i)
        o[QString::fromStdString(names[i])] = values[i];
    return o;
}

[[noreturn]] void fail(const QString& where, const QString& what)
{
    throw core::InputError((where.isEmpty() ? what : where + ": " + what).toStdString());
}

// Reads one JSON object, remembering where it sits in the file for messages.
class Reader {
public:
    Reader(QJsonObject object, QString path, std::initializer_list<const char*> allowed)
        : o_(std::move(object)), path_(std::move(path))
    {
        for (auto it = o_.begin(); it != o_.end(); ++it) {
            bool known = false;
            for (const char* key : allowed)
                known = known || it.key() == QLatin1String(key);
            if (!known)
                fail(where(it.key()), QStringLiteral("unknown setting"));
        }
    }

    bool has(const char* key) const { return o_.contains(QLatin1String(key)) && !o_.value(QLatin1String(key)).isNull(); }
    QJsonValue raw(const char* key) const { return o_.value(QLatin1String(key)); }
    QString where(const QString& key) const { return path_.isEmpty() ? key : path_ + QLatin1Char('.') + key; }
    QString where(const char* key) const { return where(QLatin1String(key)); }

    void number(const char* key, double& out) const
    {
        if (!has(key))
            return;
        const QJsonValue v = raw(key);
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            fail(where(key), QStringLiteral("expected a number"));
        out = v.toDouble();
    }
    template <typename Int>
    void integer(const char* key, Int& out, double lo, double hi) const
    {
        if (!has(key))
            return;
        double v = 0;
        number(key, v);
        if (v != std::floor(v) || v < lo || v > hi)
            fail(where(key), QStringLiteral("expected a whole number from %1 to %2").arg(lo, 0, 'g', 17).arg(hi, 0, 'g', 17));
        out = static_cast<Int>(v);
    }
    void wholeNumber(const char* key, std::uint64_t& out) const
    {
        if (has(key))
            out = wholeNumberFromJson(raw(key), where(key));
    }
    void boolean(const char* key, bool& out) const
    {
        if (!has(key))
            return;
        if (!raw(key).isBool())
            fail(where(key), QStringLiteral("expected true or false"));
        out = raw(key).toBool();
    }
    void string(const char* key, QString& out) const
    {
        if (!has(key))
            return;
        if (!raw(key).isString())
            fail(where(key), QStringLiteral("expected a string"));
        out = raw(key).toString();
    }
    Reader object(const char* key, std::initializer_list<const char*> allowed) const
    {
        if (has(key) && !raw(key).isObject())
            fail(where(key), QStringLiteral("expected an object"));
        return Reader(raw(key).toObject(), where(key), allowed);
    }
    // Every parameter by name, all or none.
    void parameters(const char* key, const std::vector<std::string>& names, std::vector<double>& out) const
    {
        if (!has(key))
            return;
        if (!raw(key).isObject())
            fail(where(key), QStringLiteral("expected an object mapping parameter names to numbers"));
        const QJsonObject o = raw(key).toObject();
        // By hash: a network has up to 500,000 names, and a file as many keys.
        const std::unordered_set<std::string> known(names.begin(), names.end());
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!known.contains(it.key().toStdString()))
                fail(where(key) + QLatin1Char('.') + it.key(), QStringLiteral("the model has no parameter of that name"));
        }
        std::vector<double> values;
        for (const auto& n : names) {
            const QJsonValue v = o.value(QString::fromStdString(n));
            if (v.isUndefined())
                fail(where(key), QStringLiteral("missing parameter '%1'").arg(QString::fromStdString(n)));
            if (!v.isDouble() || !std::isfinite(v.toDouble()))
                fail(where(key) + QLatin1Char('.') + QString::fromStdString(n), QStringLiteral("expected a number"));
            values.push_back(v.toDouble());
        }
        out = std::move(values);
    }

private:
    QJsonObject o_;
    QString path_;
};

// Runs a core validate() and prefixes its message with the key it concerns.
template <typename Fn>
void validated(const QString& where, Fn&& fn)
{
    try {
        fn();
    } catch (const core::InputError& e) {
        fail(where, QString::fromStdString(e.what()));
    }
}


QJsonObject optimizerToJson(const core::OptimizerSettings& opt)
{
    return QJsonObject{
        {QStringLiteral("kind"), fromView(core::optimizerName(opt.kind))},
        {QStringLiteral("lr"), opt.lr},
        {QStringLiteral("momentum"), opt.momentum},
        {QStringLiteral("dampening"), opt.dampening},
        {QStringLiteral("nesterov"), opt.nesterov},
        {QStringLiteral("beta1"), opt.beta1},
        {QStringLiteral("beta2"), opt.beta2},
        {QStringLiteral("alpha"), opt.alpha},
        {QStringLiteral("centered"), opt.centered},
        {QStringLiteral("lr_decay"), opt.lrDecay},
        {QStringLiteral("eps"), opt.eps ? QJsonValue(*opt.eps) : QJsonValue(QJsonValue::Null)}};
}

// The object under `key` onto opt (keys left out keep opt's values); checked as a whole.
void readOptimizer(const Reader& parent, const char* key, core::OptimizerSettings& opt)
{
    const Reader optimizer = parent.object(key,
        {"kind", "lr", "momentum", "dampening", "nesterov", "beta1", "beta2", "alpha", "centered", "lr_decay", "eps"});
    QString text = fromView(core::optimizerName(opt.kind));
    optimizer.string("kind", text);
    validated(optimizer.where("kind"), [&] { opt.kind = core::optimizerKindFromName(text.toStdString()); });
    optimizer.number("lr", opt.lr);
    optimizer.number("momentum", opt.momentum);
    optimizer.number("dampening", opt.dampening);
    optimizer.boolean("nesterov", opt.nesterov);
    optimizer.number("beta1", opt.beta1);
    optimizer.number("beta2", opt.beta2);
    optimizer.number("alpha", opt.alpha);
    optimizer.boolean("centered", opt.centered);
    optimizer.number("lr_decay", opt.lrDecay);
    if (optimizer.has("eps")) {
        double eps = 0;
        optimizer.number("eps", eps);
        opt.eps = eps;
    }
    validated(parent.where(key), [&] { opt.validate(); });
}

// "race": the Race panel's line-up, [{"optimizer": {...}, "batch_size": N}, ...]. An entrant's
// optimizer starts from the defaults (not the main run's): it is a line-up of its own.
std::vector<RaceEntrant> readRace(const QJsonValue& value)
{
    if (!value.isArray())
        fail(QStringLiteral("race"), QStringLiteral("expected an array of entrants, e.g. [{\"optimizer\": {\"kind\": \"adam\", \"lr\": 0.05}}]"));
    const QJsonArray entrants = value.toArray();
    if (entrants.size() > kMaxRaceEntrants)
        fail(QStringLiteral("race"), QStringLiteral("at most %1 entrants, got %2").arg(kMaxRaceEntrants).arg(entrants.size()));
    std::vector<RaceEntrant> race;
    for (qsizetype i = 0; i < entrants.size(); ++i) {
        const QString where = QStringLiteral("race[%1]").arg(i);
        if (!entrants[i].isObject())
            fail(where, QStringLiteral("expected an object with \"optimizer\" and \"batch_size\""));
        const Reader entrant(entrants[i].toObject(), where, {"optimizer", "batch_size", "full_batch"});
        RaceEntrant e;
        readOptimizer(entrant, "optimizer", e.optimizer);
        if (entrant.has("batch_size")) {
            int batch = 0;
            entrant.integer("batch_size", batch, 1, 1e9);
            e.batchSize = batch;
        }
        bool full = false;
        entrant.boolean("full_batch", full);
        if (full)
            e.batchSize = core::TrainSettings::kFullBatch;
        race.push_back(e);
    }
    return race;
}

// A JSON value as a message quotes it.
QString shown(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String: return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Double:
        if (value.toVariant().typeId() == QMetaType::LongLong)
            return QString::number(value.toInteger());
        // A whole double in digits, as the integer it stands for (2^64, not 1.8446744073709552e+19).
        if (const double d = value.toDouble(); d == std::floor(d) && std::abs(d) < 1e21)
            return QString::number(d, 'f', 0);
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

}  // namespace

QJsonValue jsonFromWholeNumber(std::uint64_t value)
{
    if (value <= kExactInDouble)
        return QJsonValue(static_cast<qint64>(value));
    return QJsonValue(QString::number(value));
}

std::uint64_t wholeNumberFromJson(const QJsonValue& value, const QString& key, std::uint64_t max)
{
    const auto refuse = [&](const QString& why = QString()) {
        fail(key, QStringLiteral("expected a whole number from 0 to %1, got %2%3").arg(max).arg(shown(value), why));
    };
    if (value.isString()) {
        const QByteArray text = value.toString().toUtf8();
        const char* end = text.constData() + text.size();
        std::uint64_t n = 0;
        // Digits only: from_chars alone would take "-0" for unsigned and let "12x" pass as 12.
        const bool digits = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        const auto [ptr, ec] = std::from_chars(text.constData(), end, n);
        if (!digits || ec != std::errc() || ptr != end || n > max)
            refuse();
        return n;
    }
    if (!value.isDouble())
        refuse();
    // Only up to 2^53 is a JSON number surely what was written: Qt reads 9.007199254740993e15
    // as 9007199254740992 (and keeps it as an integer, like the exact 9007199254740993).
    const bool integer = value.toVariant().typeId() == QMetaType::LongLong;
    const double d = value.toDouble();
    if (integer ? value.toInteger() < 0 : !(d >= 0 && d == std::floor(d)))
        refuse();
    const bool exact = integer ? static_cast<std::uint64_t>(value.toInteger()) <= kExactInDouble
                               : d <= static_cast<double>(kExactInDouble);
    if (!exact)
        refuse(d > static_cast<double>(max) ? QString()
                                            : QStringLiteral(" (a JSON number above 2^53 may not be exact: write it as a string of digits)"));
    const auto n = static_cast<std::uint64_t>(d);   // exact, at most 2^53
    if (n > max)
        refuse();
    return n;
}

QByteArray settingsToJson(const AppSettings& s)
{
    // One objective for its parameters' names, read one at a time: a network's are many.
    const auto objective = core::makeObjective(s.model, s.loss, s.inputSize);
    QJsonObject root;
    root[QStringLiteral("format")] = QString::fromLatin1(kFormat);
    root[QStringLiteral("version")] = kSettingsVersion;
    root[QStringLiteral("model")] = QString::fromStdString(s.model);
    root[QStringLiteral("loss")] = QJsonObject{
        {QStringLiteral("kind"), fromView(core::lossName(s.loss.kind))},
        {QStringLiteral("delta"), s.loss.delta}};
    root[QStringLiteral("optimizer")] = optimizerToJson(s.train.optimizer);
    root[QStringLiteral("schedule")] = QString::fromStdString(s.train.schedule.spec());
    // Full batch is a switch of its own in the file, as in the window; a number is only written
    // when it is the batch size.
    if (!s.train.fullBatch())
        root[QStringLiteral("batch_size")] = s.train.batchSize;
    root[QStringLiteral("full_batch")] = s.train.fullBatch();
    root[QStringLiteral("shuffle")] = s.train.shuffle;
    root[QStringLiteral("seed")] = jsonFromWholeNumber(s.train.seed);
    const auto& aug = s.train.augmentation;
    root[QStringLiteral("augmentation")] = QJsonObject{
        {QStringLiteral("brightness"), aug.brightness},
        {QStringLiteral("flip"), aug.flip},
        {QStringLiteral("noise"), aug.noise},
        {QStringLiteral("brightness_range"), aug.brightnessRange},
        {QStringLiteral("noise_sigma"), aug.noiseSigma}};
    root[QStringLiteral("data")] = QJsonObject{
        {QStringLiteral("path"), s.data.path},
        {QStringLiteral("count"), s.data.count},
        {QStringLiteral("seed"), jsonFromWholeNumber(s.data.seed)},
        {QStringLiteral("validation_fraction"), s.data.valFraction}};
    const auto axisName = [&](int axis) {
        return axis >= 0 && axis < objective->parameterCount() ? QString::fromStdString(objective->parameterName(axis)) : QString();
    };
    if (s.isNetwork())
        root[QStringLiteral("input_size")] = s.inputSize;
    root[QStringLiteral("axes")] = QJsonArray{axisName(s.axis1), axisName(s.axis2)};
    if (s.plane != PlotPlane::Axes)
        root[QStringLiteral("plane")] = QJsonObject{
            {QStringLiteral("kind"), plotPlaneName(s.plane)}, {QStringLiteral("seed"), jsonFromWholeNumber(s.planeSeed)}};
    if (!s.held.empty())
        root[QStringLiteral("held")] = namedValues(objective->parameterNames(), s.held);
    if (!s.start.empty())
        root[QStringLiteral("start")] = namedValues(objective->parameterNames(), s.start);
    if (s.range)
        root[QStringLiteral("range")] = QJsonArray{(*s.range)[0], (*s.range)[1], (*s.range)[2], (*s.range)[3]};
    root[QStringLiteral("speed")] = s.speed > 0 ? QJsonValue(s.speed) : QJsonValue(QStringLiteral("max"));
    root[QStringLiteral("view")] = QJsonObject{
        {QStringLiteral("gradient_field"), s.gradientField},
        {QStringLiteral("captions"), s.captions},
        {QStringLiteral("log_loss"), s.logLoss},
        {QStringLiteral("surface"), surfaceName(s.surface)}};
    // Only with a line-up: a file without a race reads as before the race existed.
    if (!s.race.empty()) {
        QJsonArray race;
        for (const RaceEntrant& e : s.race) {
            QJsonObject entrant{{QStringLiteral("optimizer"), optimizerToJson(e.optimizer)}};
            if (e.batchSize && *e.batchSize == core::TrainSettings::kFullBatch)
                entrant[QStringLiteral("full_batch")] = true;
            else if (e.batchSize)
                entrant[QStringLiteral("batch_size")] = *e.batchSize;
            race.append(entrant);
        }
        root[QStringLiteral("race")] = race;
    }
    if (s.lesson) {
        QJsonObject lesson{{QStringLiteral("title"), s.lesson->title}, {QStringLiteral("text"), s.lesson->text}};
        if (!s.lesson->translations.isEmpty()) {
            QJsonObject translations;
            for (auto it = s.lesson->translations.cbegin(); it != s.lesson->translations.cend(); ++it) {
                QJsonObject t;
                if (!it->title.isEmpty())
                    t[QStringLiteral("title")] = it->title;
                if (!it->text.isEmpty())
                    t[QStringLiteral("text")] = it->text;
                translations[it.key()] = t;
            }
            lesson[QStringLiteral("translations")] = translations;
        }
        root[QStringLiteral("lesson")] = lesson;
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QJsonObject jsonObjectFrom(const QByteArray& json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        fail(QString(), QStringLiteral("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        fail(QString(), QStringLiteral("expected a JSON object at the top level"));
    return doc.object();
}

AppSettings settingsFromJson(const QByteArray& json)
{
    const Reader root(jsonObjectFrom(json), QString(),
        {"format", "version", "model", "loss", "optimizer", "schedule", "batch_size", "full_batch", "shuffle", "seed",
            "augmentation", "data", "input_size", "axes", "plane", "held", "start", "range", "speed", "view", "race", "lesson"});
    QString format = QString::fromLatin1(kFormat);
    root.string("format", format);
    if (format != QLatin1String(kFormat))
        fail(QStringLiteral("format"), QStringLiteral("expected \"%1\", got \"%2\"").arg(QLatin1String(kFormat), format));
    int version = kSettingsVersion;
    root.integer("version", version, 1, 1e9);
    if (version > kSettingsVersion)
        fail(QStringLiteral("version"),
            QStringLiteral("version %1 is newer than this program reads (%2)").arg(version).arg(kSettingsVersion));

    AppSettings s;
    QString text = QString::fromStdString(s.model);
    root.string("model", text);
    s.model = text.toStdString();
    validated(QStringLiteral("model"), [&] { core::checkObjective(s.model); });
    // A network starts on a random plane, as in the window, unless the file says otherwise.
    s.plane = s.isNetwork() ? PlotPlane::Random : PlotPlane::Axes;
    root.integer("input_size", s.inputSize, 1, 1e9);
    validated(QStringLiteral("input_size"), [&] { core::checkObjective(s.model, s.inputSize); });

    const Reader loss = root.object("loss", {"kind", "delta"});
    text = fromView(core::lossName(s.loss.kind));
    loss.string("kind", text);
    validated(loss.where("kind"), [&] { s.loss.kind = core::lossKindFromName(text.toStdString()); });
    loss.number("delta", s.loss.delta);
    validated(QStringLiteral("loss"), [&] { s.loss.validate(); });

    readOptimizer(root, "optimizer", s.train.optimizer);

    if (root.has("schedule")) {
        text.clear();
        root.string("schedule", text);
        validated(QStringLiteral("schedule"), [&] { s.train.schedule = core::Schedule::parse(text.toStdString()); });
    }
    root.integer("batch_size", s.train.batchSize, 1, 1e9);
    bool fullBatch = false;
    root.boolean("full_batch", fullBatch);
    if (fullBatch)
        s.train.batchSize = core::TrainSettings::kFullBatch;
    root.boolean("shuffle", s.train.shuffle);
    root.wholeNumber("seed", s.train.seed);

    auto& augmentation = s.train.augmentation;
    const Reader aug = root.object("augmentation", {"brightness", "flip", "noise", "brightness_range", "noise_sigma"});
    aug.boolean("brightness", augmentation.brightness);
    aug.boolean("flip", augmentation.flip);
    aug.boolean("noise", augmentation.noise);
    aug.number("brightness_range", augmentation.brightnessRange);
    aug.number("noise_sigma", augmentation.noiseSigma);
    validated(QStringLiteral("augmentation"), [&] { augmentation.validate(); });

    const Reader data = root.object("data", {"path", "count", "seed", "validation_fraction"});
    data.string("path", s.data.path);
    data.integer("count", s.data.count, kMinDatasetCount, kMaxDatasetCount);
    data.wholeNumber("seed", s.data.seed);
    data.number("validation_fraction", s.data.valFraction);
    if (s.data.valFraction < 0.0 || s.data.valFraction > 0.9)
        fail(data.where("validation_fraction"), QStringLiteral("expected a number from 0 to 0.9"));

    if (root.has("plane")) {
        const Reader plane = root.object("plane", {"kind", "seed"});
        text = plotPlaneName(s.plane);
        plane.string("kind", text);
        const auto kind = plotPlaneFromName(text);
        if (!kind)
            fail(plane.where("kind"), QStringLiteral("expected \"axes\", \"random\" or \"pca\", got \"%1\"").arg(text));
        s.plane = *kind;
        plane.wholeNumber("seed", s.planeSeed);
    }
    if (root.has("range")) {
        const QJsonValue range = root.raw("range");
        const QJsonArray a = range.toArray();
        bool ok = range.isArray() && a.size() == 4;
        std::array<double, 4> r{};
        for (qsizetype i = 0; ok && i < 4; ++i) {
            ok = a[i].isDouble() && std::isfinite(a[i].toDouble());
            r[static_cast<std::size_t>(i)] = a[i].toDouble();
        }
        if (!ok || !(r[0] < r[1]) || !(r[2] < r[3]))
            fail(QStringLiteral("range"), QStringLiteral("expected [min1, max1, min2, max2] with min < max"));
        // The window's grids are finer than the CLI's default: the rule at the finest grid.
        for (int axis = 0; axis < 2; ++axis) {
            const auto i = static_cast<std::size_t>(2 * axis);
            if (const std::string problem = core::gridAxisProblem(r[i], r[i + 1], core::kMaxGridResolution); !problem.empty())
                fail(QStringLiteral("range"), QStringLiteral("the %1 axis: %2").arg(axis == 0 ? "first" : "second", QString::fromStdString(problem)));
        }
        s.range = r;
    }

    if (root.has("speed")) {
        const QJsonValue speed = root.raw("speed");
        if (speed.isString() && speed.toString() == QLatin1String("max")) {
            s.speed = 0;
        } else {
            root.number("speed", s.speed);
            if (s.speed < 0 || s.speed > kMaxSpeed)
                fail(QStringLiteral("speed"),
                    QStringLiteral("expected steps per second from 1 to %1, or \"max\"").arg(kMaxSpeed));
            if (s.speed > 0 && s.speed < 1)
                s.speed = 1;
        }
    }

    const Reader view = root.object("view", {"gradient_field", "captions", "log_loss", "surface"});
    view.boolean("gradient_field", s.gradientField);
    view.boolean("captions", s.captions);
    view.boolean("log_loss", s.logLoss);
    // Files from before the surface switch have none: they show the training set, as then.
    if (view.has("surface")) {
        text.clear();
        view.string("surface", text);
        const auto surface = surfaceFromName(text);
        if (!surface)
            fail(view.where("surface"), QStringLiteral("expected one of \"%1\", got \"%2\"")
                .arg(surfaceNames().join(QStringLiteral("\", \"")), text));
        s.surface = *surface;
    }

    // Files from before race mode have none: no race.
    if (root.has("race"))
        s.race = readRace(root.raw("race"));

    if (root.has("lesson")) {
        const Reader lesson = root.object("lesson", {"title", "text", "translations"});
        Lesson l;
        lesson.string("title", l.title);
        lesson.string("text", l.text);
        if (l.title.trimmed().isEmpty())
            fail(lesson.where("title"), QStringLiteral("a lesson needs a title"));
        if (lesson.has("translations")) {
            if (!lesson.raw("translations").isObject())
                fail(lesson.where("translations"), QStringLiteral("expected an object mapping language codes to {\"title\", \"text\"}"));
            const QJsonObject translations = lesson.raw("translations").toObject();
            static const QRegularExpression code(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
            for (auto it = translations.begin(); it != translations.end(); ++it) {
                const QString where = lesson.where("translations") + QLatin1Char('.') + it.key();
                if (!code.match(it.key()).hasMatch())
                    fail(where, QStringLiteral("expected a language code such as \"de\" or \"de_AT\""));
                if (!it.value().isObject())
                    fail(where, QStringLiteral("expected an object"));
                const Reader translation(it.value().toObject(), where, {"title", "text"});
                Lesson::Translation t;
                translation.string("title", t.title);
                translation.string("text", t.text);
                l.translations.insert(it.key(), t);
            }
        }
        s.lesson = l;
    }

    // Last, and only when asked: the parameter names need the model built, which for a large
    // network takes a while, and a file with a mistake elsewhere should not wait for it.
    s.axis1 = 0;
    s.axis2 = 1;
    if (!root.has("axes") && !root.has("held") && !root.has("start"))
        return s;
    const auto objective = core::makeObjective(s.model, s.loss, s.inputSize);
    if (root.has("axes")) {
        const QJsonValue axes = root.raw("axes");
        if (!axes.isArray() || axes.toArray().size() != 2 || !axes.toArray()[0].isString() || !axes.toArray()[1].isString())
            fail(QStringLiteral("axes"), QStringLiteral("expected two parameter names, e.g. [\"%1\", \"%2\"]")
                .arg(QString::fromStdString(objective->parameterName(0)), QString::fromStdString(objective->parameterName(1))));
        int index[2] = {-1, -1};
        for (int k = 0; k < 2; ++k) {
            const std::string name = axes.toArray()[k].toString().toStdString();
            index[k] = objective->parameterIndex(name);
            if (index[k] < 0)
                fail(QStringLiteral("axes"), QStringLiteral("model '%1' has no parameter '%2'")
                    .arg(QString::fromStdString(s.model), QString::fromStdString(name)));
        }
        if (index[0] == index[1])
            fail(QStringLiteral("axes"), QStringLiteral("the two axes must be different parameters"));
        s.axis1 = index[0];
        s.axis2 = index[1];
    }
    if (root.has("held") || root.has("start")) {
        const auto names = objective->parameterNames();
        root.parameters("held", names, s.held);
        root.parameters("start", names, s.start);
    }

    return s;
}

bool saveSettingsFile(const QString& path, const AppSettings& settings, QString* error)
{
    QByteArray json;
    try {
        json = settingsToJson(settings);
    } catch (const core::InputError& e) {
        if (error)
            *error = path + QStringLiteral(": ") + QString::fromStdString(e.what());
        return false;
    }
    return writeFileAtomically(path, json, error);
}

std::optional<AppSettings> loadSettingsFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return std::nullopt;
    }
    // A settings file is a few kilobytes; anything huge is not one.
    constexpr qint64 kMaxSize = 1 << 20;
    if (file.size() > kMaxSize) {
        if (error)
            *error = path + QStringLiteral(": too large for a settings file (%1 bytes)").arg(file.size());
        return std::nullopt;
    }
    try {
        return settingsFromJson(file.readAll());
    } catch (const core::InputError& e) {
        if (error)
            *error = path + QStringLiteral(": ") + QString::fromStdString(e.what());
        return std::nullopt;
    }
}

}  // namespace downhill::ui
