#include "core/fd_write.h"
#include "core/atomic_file.h"

#include "core/gcc_workarounds.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace colophon::core {

namespace {

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    int release()
    {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }

private:
    int fd_;
};

// `err` is the errno of the call that failed.
[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err = errno)
{
    throw std::runtime_error(path.string() + ": cannot write (" + what + "): " + std::strerror(err));
}

} // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes)
{
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see gcc_workarounds.h
    std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
    FileDescriptor fd(::mkstemp(tmpl.data()));
    if (fd.get() < 0)
        fail(path, "create temporary file");
    const std::filesystem::path tmp(tmpl);
    try {
        if (const int err = write_fully(fd.get(), bytes))
            fail(path, "write", err);
        ::fchmod(fd.get(), 0644); // mkstemp creates 0600; outputs are ordinary files
        if (::fsync(fd.get()) != 0)
            fail(path, "sync");
        if (::close(fd.release()) != 0)
            fail(path, "close");
        if (::rename(tmp.c_str(), path.c_str()) != 0)
            fail(path, "rename");
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw;
    }
    // Make the rename itself durable.
    FileDescriptor dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
    if (dfd.get() >= 0)
        ::fsync(dfd.get());
}

} // namespace colophon::core
