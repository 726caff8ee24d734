#include "core/atomic_file.h"

#include "core/gcc_workarounds.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace colophon::core {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path &path, const std::string &what)
{
    throw std::runtime_error(path.string() + ": cannot write (" + what +
                             "): " + std::strerror(errno));
}

int make_temp(const fs::path &path, fs::path &tmp)
{
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see gcc_workarounds.h
        std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        fail(path, "create temporary file");
    ::fchmod(fd, 0644); // mkstemp creates 0600; outputs are ordinary files
    tmp = tmpl;
    return fd;
}

// Makes the rename itself durable.
void sync_dir(const fs::path &path)
{
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

} // namespace

AtomicFile::AtomicFile(fs::path path) : path_(std::move(path))
{
    const int fd = make_temp(path_, tmp_);
    file_.reset(::fdopen(fd, "wb"));
    if (!file_) {
        ::close(fd);
        fs::remove(tmp_);
        fail(path_, "open");
    }
    // Reports, corpora and streamed documents come a piece at a time: one write call per
    // 256 KiB, not per 4 KiB.
    std::setvbuf(file_.get(), nullptr, _IOFBF, std::size_t{1} << 18);
}

AtomicFile::~AtomicFile()
{
    if (!tmp_.empty()) {
        file_.reset();
        std::error_code ec;
        fs::remove(tmp_, ec);
    }
}

void AtomicFile::write(std::string_view bytes)
{
    if (!file_)
        throw std::logic_error(path_.string() + ": written after commit");
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size())
        fail(path_, "write");
}

void AtomicFile::commit()
{
    if (std::fflush(file_.get()) != 0 || ::fsync(::fileno(file_.get())) != 0)
        fail(path_, "sync");
    if (std::fclose(file_.release()) != 0)
        fail(path_, "close");
    if (::rename(tmp_.c_str(), path_.c_str()) != 0)
        fail(path_, "rename");
    tmp_.clear();
    sync_dir(path_);
}

void write_file_atomically(const fs::path &path, std::string_view bytes)
{
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

} // namespace colophon::core
