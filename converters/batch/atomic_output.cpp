#include "batch/atomic_output.h"

#include "core/gcc_workarounds.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace colophon::batch {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& what)
{
    throw std::runtime_error(path.string() + ": cannot write (" + what + "): " + std::strerror(errno));
}

int make_temp(const fs::path& path, fs::path& tmp)
{
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see core/gcc_workarounds.h
    std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
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
    // Reports and the corpus are written a document at a time: one write call per 256 KiB, not
    // per 4 KiB.
    std::setvbuf(file_.get(), nullptr, _IOFBF, std::size_t{1} << 18);
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

std::string gzip_member(std::string_view bytes, int level)
{
    z_stream z{};
    // 15 window bits + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib: cannot start compressing");
    const std::unique_ptr<z_stream, int (*)(z_stream*)> end(&z, deflateEnd);
    std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        throw std::runtime_error("zlib: compression did not finish");
    out.resize(z.total_out);
    return out;
}

} // namespace colophon::batch
