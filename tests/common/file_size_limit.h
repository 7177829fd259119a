#pragma once
// A write that fails half-way, for tests of atomic writes. The tests run as root, so a folder's
// permissions cannot make a write fail; a limit on the size of the files this process may
// write can: past it write() fails with EFBIG, as when a disk fills up.
#include <sys/resource.h>

#include <csignal>

namespace downhill::test {

// While alive, this process writes no file beyond `bytes`. Past the limit the kernel also
// sends SIGXFSZ, which would end the test: it is ignored meanwhile.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &old_);
        oldHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = old_;
        limit.rlim_cur = bytes;
        active_ = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &old_);
        std::signal(SIGXFSZ, oldHandler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

    // False if the limit could not be set (then nothing will fail).
    bool active() const { return active_; }

private:
    rlimit old_{};
    void (*oldHandler_)(int) = SIG_DFL;
    bool active_ = false;
};

}  // namespace downhill::test
