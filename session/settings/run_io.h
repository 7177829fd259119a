#pragma once
// A whole run in one JSON file, to be reopened and replayed exactly: the settings, the run's
// start and every change of settings with the state right after it, how far the run went (the
// head) and where its timeline stood, the state at the head (the replay is checked against it)
// and a fingerprint of the data it trained on. Replaying rather than storing every step keeps
// the file small (a few kilobytes for a run of millions of steps) and exact, because a step
// depends on nothing but the state and the settings. Doubles are written shortest round-trip,
// whole numbers (seeds, steps) exactly: as strings above 2^53 (see jsonFromWholeNumber).
#include <cstdint>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QString>

#include "session/settings/app_settings.h"
#include "core/train/run_history.h"

namespace downhill::ui {

inline constexpr int kRunFileVersion = 1;

struct RunFile {
    AppSettings settings;                 // as when saved (the start, the model, the data...)
    core::RunHistory::Saved timeline;     // changes.front() is the start
    QString dataFingerprint;              // dataFingerprint() of the data trained on
};

QByteArray runToJson(const RunFile& run);
// Throws core::InputError naming the key ("changes[2].state.params: expected 2 numbers").
RunFile runFromJson(const QByteArray& json);

// Through a temporary file renamed into place; false with *error = "<file>: <what>".
bool saveRunFile(const QString& path, const RunFile& run, QString* error);
std::optional<RunFile> loadRunFile(const QString& path, QString* error);

// Hex digest of every training and validation sample (x and target, bit for bit): a run
// replayed on other data is a different run.
QString dataFingerprint(const core::TrainData& data);

}  // namespace downhill::ui
