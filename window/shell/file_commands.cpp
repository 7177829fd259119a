#include "window/shell/file_commands.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>

#include "core/base/error.h"
#include "core/base/progress.h"
#include "session/run/training_controller.h"
#include "session/settings/run_io.h"
#include "session/settings/settings_io.h"
#include "session/settings/settings_store.h"
#include "window/race/race_mode.h"
#include "window/run/run_builder.h"

namespace downhill::ui {

FileCommands::FileCommands(Parts parts, QObject* parent) : QObject(parent), parts_(std::move(parts))
{
    connect(parts_.controller, &TrainingController::timelineLoaded, this, [this](bool exact) {
        if (exact)
            parts_.statusBar->showMessage(tr("The run was replayed exactly to where it was saved."), 8000);
        else
            QMessageBox::warning(parts_.window, tr("Open run"),
                tr("The replayed run does not end where the saved one did: the data, or this version of Downhill, "
                   "differ from when it was saved. What you see is the replay."));
    });
    // A long replay says how far it is, and Esc stops it there.
    auto* cancel = new QShortcut(QKeySequence(Qt::Key_Escape), parts_.window);
    cancel->setObjectName(QStringLiteral("cancelReplayShortcut"));
    cancel->setWhatsThis(tr("Cancel opening a run while it is replayed"));
    cancel->setEnabled(false);
    connect(cancel, &QShortcut::activated, parts_.controller, &TrainingController::cancelReplay);
    connect(parts_.controller, &TrainingController::replayProgress, this, [this, cancel](qint64 step, qint64 head) {
        cancel->setEnabled(true);
        parts_.statusBar->showMessage(tr("Replaying the saved run: step %L1 of %L2 (%3%). Esc stops it here.")
                                          .arg(step)
                                          .arg(head)
                                          .arg(head > 0 ? static_cast<int>(100.0 * static_cast<double>(step) / static_cast<double>(head)) : 100));
    });
    connect(parts_.controller, &TrainingController::replayCancelled, this, [this, cancel](qint64 step) {
        cancel->setEnabled(false);
        parts_.statusBar->showMessage(tr("The replay stopped at step %L1: the run goes on from there.").arg(step), 10000);
    });
    connect(parts_.controller, &TrainingController::timelineLoaded, cancel, [cancel] { cancel->setEnabled(false); });
}

AppSettings FileCommands::startingSettings(bool persist, const QString& settingsFile, const QString& dataPath, QStringList* problems)
{
    AppSettings start;
    if (persist) {
        const QByteArray last = QSettings().value(QStringLiteral("settings/last")).toByteArray();
        if (!last.isEmpty()) {
            try {
                start = settingsFromJson(last);
            } catch (const core::InputError&) {
                start = AppSettings{};   // an old or damaged entry: start fresh
            }
        }
    }
    if (!settingsFile.isEmpty()) {
        QString error;
        if (auto loaded = loadSettingsFile(settingsFile, &error))
            start = *loaded;
        else
            *problems << error;
    }
    if (!dataPath.isEmpty()) {
        start.data.path = dataPath;
        start.range.reset();
    }
    // A remembered data file may have gone (or its reading was cancelled): fall back to the
    // built-in set and say so.
    const auto builtIn = [&] {
        start.data.path.clear();
        start.range.reset();
        try {
            parts_.builder->prepare(start);
        } catch (const core::InputError&) {
            start = AppSettings{};
        }
    };
    try {
        parts_.builder->prepare(start);
    } catch (const core::InputError& e) {
        *problems << QString::fromStdString(e.what());
        builtIn();
    } catch (const core::Cancelled&) {
        *problems << tr("%1: reading it was cancelled; the built-in data instead").arg(start.data.path);
        builtIn();
    }
    return start;
}

bool FileCommands::loadSettings(const QString& path, QString* error)
{
    auto loaded = loadSettingsFile(path, error);
    if (!loaded)
        return false;
    try {
        parts_.builder->prepare(*loaded);
    } catch (const core::InputError& e) {
        if (error)
            *error = path + QStringLiteral(": ") + QString::fromStdString(e.what());
        return false;
    } catch (const core::Cancelled&) {
        return cancelled(path, error);
    }
    parts_.apply(*loaded);
    return true;
}

bool FileCommands::saveSettings(const QString& path, QString* error) const
{
    return saveSettingsFile(path, currentSettings(), error);
}

AppSettings FileCommands::currentSettings() const
{
    AppSettings s = parts_.settings->value();
    s.setRaceLineup(parts_.race->lineup());
    return s;
}

bool FileCommands::openData(const QString& path, QString* error)
{
    AppSettings next = parts_.settings->value();
    next.data.path = path;
    if (next.isAnalytic())
        next.setModel("linear");   // data is for data models
    try {
        parts_.builder->prepare(next);
    } catch (const core::InputError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    } catch (const core::Cancelled&) {
        return cancelled(path, error);
    }
    parts_.settings->replace(next);
    parts_.builder->rebuild(true);
    return true;
}

void FileCommands::openSettingsDialog()
{
    const QString path = QFileDialog::getOpenFileName(parts_.window, tr("Open settings"), QString(), tr("Downhill settings (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadSettings(path, &error)) {
        if (!error.isEmpty())
            QMessageBox::warning(parts_.window, tr("Open settings"), error);
    } else
        parts_.statusBar->showMessage(tr("Loaded %1").arg(path), 5000);
}

void FileCommands::openLesson(const QString& path)
{
    QString error;
    if (!loadSettings(path, &error)) {
        if (!error.isEmpty())
            QMessageBox::warning(parts_.window, tr("Lessons"), error);
        return;
    }
    if (parts_.settings->value().lesson)
        parts_.statusBar->showMessage(tr("Lesson: %1").arg(parts_.settings->value().lesson->shown().title), 5000);
}

bool FileCommands::saveRun(const QString& path, QString* error)
{
    const auto timeline = parts_.builder->runValid() ? parts_.controller->saveTimeline() : std::nullopt;
    if (!timeline) {
        if (error)
            *error = tr("There is no run to save: the settings do not make a working run.");
        return false;
    }
    RunFile run;
    run.settings = parts_.settings->value();
    run.timeline = *timeline;
    if (const Problem& problem = parts_.builder->problem(); problem.usesData())
        run.dataFingerprint = dataFingerprint(*problem.data());
    return saveRunFile(path, run, error);
}

bool FileCommands::openRun(const QString& path, QString* error)
{
    auto run = loadRunFile(path, error);
    if (!run)
        return false;
    // Checked before anything changes, as a settings file is: its problem must build here.
    try {
        const Problem built = parts_.builder->prepare(run->settings);
        // A head its own history cannot reach would be a replay towards nowhere.
        const std::int64_t trainSize = built.usesData() ? built.data()->train.size() : 1;
        if (const std::string unreachable = core::RunHistory::headProblem(run->timeline, trainSize); !unreachable.empty())
            throw core::InputError(unreachable);
    } catch (const core::InputError& e) {
        if (error)
            *error = path + QStringLiteral(": ") + QString::fromStdString(e.what());
        return false;
    } catch (const core::Cancelled&) {
        return cancelled(path, error);
    }
    if (run->settings.start.size() != static_cast<std::size_t>(run->timeline.changes.front().state.params.size())) {
        if (error)
            *error = path + QStringLiteral(": ") + tr("settings.start has %1 values, the run's states %2")
                .arg(run->settings.start.size()).arg(run->timeline.changes.front().state.params.size());
        return false;
    }
    parts_.apply(run->settings);
    if (!parts_.builder->runValid()) {
        if (error)
            *error = path + QStringLiteral(": ") + tr("its settings do not make a working run here");
        return false;
    }
    const Problem& problem = parts_.builder->problem();
    if (problem.usesData() && !run->dataFingerprint.isEmpty() && run->dataFingerprint != dataFingerprint(*problem.data()))
        parts_.statusBar->showMessage(tr("The data differ from those the run was saved with: the replay will not be the same run."), 15000);
    const core::TrainState& start = run->timeline.changes.front().state;
    if (start.params.size() != problem.parameterCount()) {
        if (error)
            *error = path + QStringLiteral(": ") + tr("the run has %1 parameters, the model %2").arg(start.params.size()).arg(problem.parameterCount());
        return false;
    }
    parts_.controller->loadTimeline(run->timeline.changes, run->timeline.head, run->timeline.headState, run->timeline.position);
    return true;
}

void FileCommands::openRunDialog()
{
    const QString path = QFileDialog::getOpenFileName(parts_.window, tr("Open run"), QString(), tr("Downhill runs (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openRun(path, &error) && !error.isEmpty())
        QMessageBox::warning(parts_.window, tr("Open run"), error);
}

void FileCommands::openDataDialog(bool folder)
{
    const QString path = folder
        ? QFileDialog::getExistingDirectory(parts_.window, tr("Open image folder (PNG images + labels.csv)"))
        : QFileDialog::getOpenFileName(parts_.window, tr("Open data"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openData(path, &error)) {
        if (!error.isEmpty())
            QMessageBox::warning(parts_.window, tr("Open data"), error);
    } else
        parts_.statusBar->showMessage(tr("Training on %1").arg(path), 5000);
}

void FileCommands::useBuiltInData()
{
    if (parts_.settings->value().data.path.isEmpty())
        return;
    parts_.settings->update([](AppSettings& s) { s.data.path.clear(); });
    parts_.builder->rebuild(true);
}

bool FileCommands::cancelled(const QString& path, QString* error)
{
    if (error)
        error->clear();
    parts_.statusBar->showMessage(tr("Opening %1 was cancelled: the run is as it was.").arg(path), 15000);
    return false;
}

}  // namespace downhill::ui
