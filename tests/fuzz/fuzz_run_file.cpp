// The run-file reader (ui::loadRunFile, what File > Open run calls): a run whose file, written
// again, reads back to the same file, or an error naming the file.
#include <QString>

#include "core/base/error.h"
#include "session/settings/run_io.h"
#include "tests/fuzz/fuzz_input.h"

using namespace downhill;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::scratch() / "run.json";
    fuzz::writeBytes(path, fuzz::bytesOf(data, size));
    const QString file = QString::fromStdString(path.string());
    QString error;
    const auto run = ui::loadRunFile(file, &error);
    if (!run) {
        fuzz::require(error.startsWith(file + QStringLiteral(": ")), "an error that does not name the file");
        return 0;
    }
    fuzz::require(!run->timeline.changes.empty(), "a run without its start");
    fuzz::require(run->timeline.position <= run->timeline.head, "a position past the head");
    fuzz::require(run->timeline.headState.step == run->timeline.head, "a head state that is not at the head");
    const QByteArray json = ui::runToJson(*run);
    try {
        fuzz::require(ui::runToJson(ui::runFromJson(json)) == json, "a run that changes when written and read back");
    } catch (const core::InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        fuzz::require(false, "an accepted run whose own file is refused");
    }
    return 0;
}
