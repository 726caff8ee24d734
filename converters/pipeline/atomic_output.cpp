#include "pipeline/atomic_output.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace colophon::pipeline {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& what)
{
    throw std::runtime_error(path.string() + ": cannot write (" + what + "): " + std::strerror(errno));
}

int make_temp(const fs::path& path, fs::path& tmp)
{
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        fail(path, "create temporary file");
    ::fchmod(fd, 0644);
    tmp = tmpl;
    return fd;
}

void sync_dir(const fs::path& path)
{
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

} // namespace

AtomicOutputFile::AtomicOutputFile(fs::path path) : path_(std::move(path))
{
    const int fd = make_temp(path_, tmp_);
    file_.reset(::fdopen(fd, "wb"));
    if (!file_) {
        ::close(fd);
        fs::remove(tmp_);
        fail(path_, "open");
    }
}

AtomicOutputFile::~AtomicOutputFile()
{
    if (!tmp_.empty()) {
        file_.reset();
        std::error_code ec;
        fs::remove(tmp_, ec);
    }
}

void AtomicOutputFile::write(std::string_view bytes)
{
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size())
        fail(path_, "write");
}

void AtomicOutputFile::commit()
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

AtomicGzipFile::AtomicGzipFile(fs::path path, int level) : path_(std::move(path))
{
    fd_ = make_temp(path_, tmp_);
    const int gz_fd = ::dup(fd_);
    if (gz_fd >= 0)
        gz_.reset(gzdopen(gz_fd, ("wb" + std::to_string(level)).c_str()));
    if (!gz_) {
        if (gz_fd >= 0)
            ::close(gz_fd);
        ::close(fd_);
        fs::remove(tmp_);
        fail(path_, "open gzip stream");
    }
    gzbuffer(gz_.get(), 1 << 17);
}

AtomicGzipFile::~AtomicGzipFile()
{
    gz_.reset();
    if (fd_ >= 0)
        ::close(fd_);
    if (!tmp_.empty()) {
        std::error_code ec;
        fs::remove(tmp_, ec);
    }
}

void AtomicGzipFile::write(std::string_view bytes)
{
    while (!bytes.empty()) {
        const auto chunk = static_cast<unsigned>(std::min<std::size_t>(bytes.size(), 1u << 30));
        if (gzwrite(gz_.get(), bytes.data(), chunk) != static_cast<int>(chunk))
            fail(path_, "gzip write");
        bytes.remove_prefix(chunk);
    }
}

void AtomicGzipFile::commit()
{
    if (gzclose(gz_.release()) != Z_OK)
        fail(path_, "gzip close");
    if (::fsync(fd_) != 0)
        fail(path_, "sync");
    ::close(fd_);
    fd_ = -1;
    if (::rename(tmp_.c_str(), path_.c_str()) != 0)
        fail(path_, "rename");
    tmp_.clear();
    sync_dir(path_);
}

} // namespace colophon::pipeline
