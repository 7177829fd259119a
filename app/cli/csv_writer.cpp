#include "app/cli/csv_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/error.h"
#include "app/cli/number_format.h"

namespace downhill::cli {

namespace {
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
}

CsvWriter::CsvWriter(std::string path, std::string flag) : path_(std::move(path)), flag_(std::move(flag))
{
    namespace fs = std::filesystem;
    if (path_.empty())
        throw core::InputError(flag_ + ": the file name is empty");
    std::error_code ec;
    if (fs::is_directory(path_, ec))
        fail("is a folder, expected a file name");
    const fs::path target(path_);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string base = target.filename().string();
    // O_EXCL with the pid in the name: two runs writing the same file never share a temporary,
    // and the file gets the permissions the umask says (mkstemp would make it private).
    for (int attempt = 0; fd_ < 0; ++attempt) {
        tempPath_ = (dir / ("." + base + "." + std::to_string(::getpid()) + "." + std::to_string(attempt) + ".tmp")).string();
        fd_ = ::open(tempPath_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ < 0 && (errno != EEXIST || attempt > 100)) {
            const std::string reason = std::strerror(errno);
            tempPath_.clear();
            fail("cannot create a file in " + dir.string() + ": " + reason);
        }
    }
    buffer_.resize(kBufferBytes);
}

CsvWriter::~CsvWriter()
{
    if (fd_ >= 0)
        ::close(fd_);
    if (!committed_ && !tempPath_.empty())
        ::unlink(tempPath_.c_str());
}

void CsvWriter::fail(const std::string& what) const
{
    throw core::InputError(flag_ + ": " + path_ + ": " + what);
}

void CsvWriter::reserve(std::size_t bytes)
{
    if (used_ + bytes > buffer_.size())
        flush();
    if (bytes > buffer_.size())
        buffer_.resize(bytes);
}

void CsvWriter::separate()
{
    if (midRow_)
        buffer_[used_++] = ',';
    midRow_ = true;
}

void CsvWriter::field(double v)
{
    reserve(kMaxNumberChars + 1);
    separate();
    used_ = static_cast<std::size_t>(appendNumber(buffer_.data() + used_, v) - buffer_.data());
}

void CsvWriter::field(std::int64_t v)
{
    reserve(kMaxNumberChars + 1);
    separate();
    used_ = static_cast<std::size_t>(appendNumber(buffer_.data() + used_, v) - buffer_.data());
}

void CsvWriter::field(std::string_view text)
{
    reserve(text.size() + 1);
    separate();
    std::memcpy(buffer_.data() + used_, text.data(), text.size());
    used_ += text.size();
}

void CsvWriter::emptyField()
{
    reserve(1);
    separate();
}

void CsvWriter::endRow()
{
    reserve(1);
    buffer_[used_++] = '\n';
    midRow_ = false;
}

void CsvWriter::flush()
{
    const char* p = buffer_.data();
    std::size_t left = used_;
    while (left > 0) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(std::string("cannot write: ") + std::strerror(errno));
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    used_ = 0;
}

void CsvWriter::commit()
{
    flush();
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
        fail(std::string("cannot write: ") + std::strerror(errno));
    if (std::rename(tempPath_.c_str(), path_.c_str()) != 0)
        fail(std::string("cannot rename the finished file into place: ") + std::strerror(errno));
    committed_ = true;
}

}  // namespace downhill::cli
