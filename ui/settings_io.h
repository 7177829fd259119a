#pragma once
// AppSettings <-> JSON. A settings file names parameters and axes by name ("w", "b"), so it
// reads the same whoever wrote it. Missing keys take their defaults (a lesson preset may set
// only a few); unknown keys, wrong types and invalid values are rejected with a message that
// names the key. An optional "lesson" object ({"title", "text"}) travels with the settings.
#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "app_settings.h"

namespace downhill::ui {

inline constexpr int kSettingsVersion = 1;

QByteArray settingsToJson(const AppSettings& settings);
// The top-level object of a JSON file; throws core::InputError ("not valid JSON at byte 12: ...",
// "expected a JSON object at the top level").
QJsonObject jsonObjectFrom(const QByteArray& json);
// Throws core::InputError naming the key ("optimizer.lr: expected a number").
AppSettings settingsFromJson(const QByteArray& json);

// Through a temporary file renamed into place. On failure returns false and sets *error to
// "<file>: <what>".
bool saveSettingsFile(const QString& path, const AppSettings& settings, QString* error);
// nullopt with *error = "<file>: <what>" for a missing, unreadable or malformed file.
std::optional<AppSettings> loadSettingsFile(const QString& path, QString* error);

}  // namespace downhill::ui
