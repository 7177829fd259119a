// The settings-file reader (ui::loadSettingsFile, what File > Open settings and --config call):
// settings that write out and read back to the same file, or an error naming the file.
#include <QString>

#include "core/base/error.h"
#include "session/settings/settings_io.h"
#include "tests/fuzz/fuzz_input.h"

using namespace downhill;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::scratch() / "settings.json";
    fuzz::writeBytes(path, fuzz::bytesOf(data, size));
    const QString file = QString::fromStdString(path.string());
    QString error;
    const auto settings = ui::loadSettingsFile(file, &error);
    if (!settings) {
        fuzz::require(error.startsWith(file + QStringLiteral(": ")), "an error that does not name the file");
        return 0;
    }
    // What was accepted is a value the program can write and read again, unchanged.
    const QByteArray json = ui::settingsToJson(*settings);
    try {
        const ui::AppSettings back = ui::settingsFromJson(json);
        fuzz::require(ui::settingsToJson(back) == json, "settings that change when written and read back");
    } catch (const core::InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        fuzz::require(false, "accepted settings whose own file is refused");
    }
    return 0;
}
