#pragma once
// A CSV file written through a temporary in the destination folder and renamed into place by
// commit(): a reader never sees half a file, and a run that fails leaves nothing behind.
// Rows stream through one big buffer and straight write(2) calls, so a ten-million-row
// trajectory costs no memory and little time.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace downhill::cli {

class CsvWriter {
public:
    // Creates the temporary. flag names the option the path came from, for error messages;
    // errors throw core::InputError "<flag>: <path>: <what>".
    CsvWriter(std::string path, std::string flag);
    ~CsvWriter();  // removes the temporary unless commit() succeeded
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    void field(double v);
    void field(std::int64_t v);
    // Written as is: callers pass names that need no quoting.
    void field(std::string_view text);
    void emptyField();
    void endRow();

    // Writes what is buffered, closes and renames the file into place.
    void commit();

    const std::string& path() const { return path_; }

private:
    void separate();
    void reserve(std::size_t bytes);
    void flush();
    [[noreturn]] void fail(const std::string& what) const;

    std::string path_;
    std::string flag_;
    std::string tempPath_;
    int fd_ = -1;
    std::vector<char> buffer_;
    std::size_t used_ = 0;
    bool midRow_ = false;
    bool committed_ = false;
};

}  // namespace downhill::cli
