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

AtomicFile::AtomicFile(std::filesystem::path path) : path_(std::move(path))
{
    const std::filesystem::path dir =
        path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see gcc_workarounds.h
        std::string tmpl = (dir / ("." + path_.filename().string() + ".tmp-XXXXXX")).string();
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
    fd_ = ::mkstemp(tmpl.data());
    if (fd_ < 0)
        fail(path_, "create temporary file");
    tmp_ = tmpl;
}

AtomicFile::~AtomicFile()
{
    if (fd_ >= 0)
        ::close(fd_);
    if (!tmp_.empty()) {
        std::error_code ec;
        std::filesystem::remove(tmp_, ec);
    }
}

void AtomicFile::write(std::string_view bytes)
{
    if (fd_ < 0)
        throw std::logic_error(path_.string() + ": written after commit");
    if (const int err = write_fully(fd_, bytes))
        fail(path_, "write", err);
}

void AtomicFile::commit()
{
    ::fchmod(fd_, 0644); // mkstemp creates 0600; outputs are ordinary files
    if (::fsync(fd_) != 0)
        fail(path_, "sync");
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
        fail(path_, "close");
    if (::rename(tmp_.c_str(), path_.c_str()) != 0)
        fail(path_, "rename");
    tmp_.clear();
    // Make the rename itself durable.
    const std::filesystem::path dir =
        path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
    FileDescriptor dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
    if (dfd.get() >= 0)
        ::fsync(dfd.get());
}

void write_file_atomically(const std::filesystem::path &path, std::string_view bytes)
{
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

} // namespace colophon::core
