#pragma once
// AppSettings <-> JSON. A settings file names parameters and axes by name ("w", "b"), so it
// reads the same whoever wrote it. Missing keys take their defaults (a lesson preset may set
// only a few); unknown keys, wrong types and invalid values are rejected with a message that
// names the key. An optional "lesson" object ({"title", "text"}) travels with the settings.
#include <cstdint>
#include <limits>
#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "session/settings/app_settings.h"

namespace downhill::ui {

inline constexpr int kSettingsVersion = 1;

QByteArray settingsToJson(const AppSettings& settings);
// The top-level object of a JSON file; throws core::InputError ("not valid JSON at byte 12: ...",
// "expected a JSON object at the top level").
QJsonObject jsonObjectFrom(const QByteArray& json);
// Whole numbers that may pass 2^53 (seeds, and the step counts of run files), exact in any JSON
// reader: most read a JSON number as a double, exact only up to 2^53, so a larger value is
// written as a decimal string ("18446744073709551615"). Reading takes both forms, a number only
// up to 2^53 (above, the parser may already have rounded it). Anything else (a fraction, a sign,
// text other than digits, more than max, another type) throws core::InputError
// "<key>: expected a whole number from 0 to <max>, got <value>".
QJsonValue jsonFromWholeNumber(std::uint64_t value);
std::uint64_t wholeNumberFromJson(const QJsonValue& value, const QString& key,
    std::uint64_t max = std::numeric_limits<std::uint64_t>::max());

// Throws core::InputError naming the key ("optimizer.lr: expected a number").
AppSettings settingsFromJson(const QByteArray& json);

// Through a temporary file renamed into place. On failure returns false and sets *error to
// "<file>: <what>".
bool saveSettingsFile(const QString& path, const AppSettings& settings, QString* error);
// nullopt with *error = "<file>: <what>" for a missing, unreadable or malformed file.
std::optional<AppSettings> loadSettingsFile(const QString& path, QString* error);

}  // namespace downhill::ui
