#include "archive/archive_sink.h"

#include "archive/parallel_gzip.h"
#include "archive/utf8_locale.h"
#include "core/diagnostics.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace colophon::archive {

namespace {

struct ArchiveWriteFree
{
    void operator()(struct archive* a) const { archive_write_free(a); }
};
using ArchiveWritePtr = std::unique_ptr<struct archive, ArchiveWriteFree>;
struct ArchiveEntryFree
{
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};
using ArchiveEntryPtr = std::unique_ptr<archive_entry, ArchiveEntryFree>;

[[noreturn]] void fail(const std::string& name, const std::string& message)
{
    throw core::ConversionError("archive.write-failed", name, message);
}

void write_all(int fd, const char* data, std::size_t size, const std::string& name)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(name, std::strerror(errno));
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

// Common libarchive entry handling for tar and zip.
class LibarchiveSink : public EntrySink
{
public:
    LibarchiveSink(std::string name, std::time_t mtime) : name_(std::move(name)), mtime_(mtime) {}

    void add_directory(const std::string& path) override
    {
        const Utf8LocaleScope utf8;
        ArchiveEntryPtr e = entry(path + "/", AE_IFDIR, 0755, 0);
        check(archive_write_header(a_.get(), e.get()));
    }
    void begin_file(const std::string& path, std::uint64_t size) override
    {
        const Utf8LocaleScope utf8;
        ArchiveEntryPtr e = entry(path, AE_IFREG, 0644, size);
        check(archive_write_header(a_.get(), e.get()));
    }
    void write(const char* data, std::size_t size) override
    {
        while (size > 0) {
            const la_ssize_t n = archive_write_data(a_.get(), data, size);
            if (n < 0)
                fail(name_, archive_error_string(a_.get()) ? archive_error_string(a_.get())
                                                           : "archive write failed");
            data += n;
            size -= static_cast<std::size_t>(n);
        }
    }
    void end_file() override { check(archive_write_finish_entry(a_.get())); }

protected:
    ArchiveEntryPtr entry(const std::string& path, unsigned type, int perm, std::uint64_t size)
    {
        ArchiveEntryPtr e(archive_entry_new());
        archive_entry_set_pathname_utf8(e.get(), path.c_str());
        archive_entry_set_filetype(e.get(), type);
        archive_entry_set_perm(e.get(), static_cast<mode_t>(perm));
        archive_entry_set_size(e.get(), static_cast<la_int64_t>(size));
        archive_entry_set_mtime(e.get(), mtime_, 0);
        archive_entry_set_uid(e.get(), 0);
        archive_entry_set_gid(e.get(), 0);
        archive_entry_set_uname(e.get(), "root");
        archive_entry_set_gname(e.get(), "root");
        return e;
    }
    void check(int rc)
    {
        if (rc < ARCHIVE_WARN)
            fail(name_, archive_error_string(a_.get()) ? archive_error_string(a_.get())
                                                       : "archive write failed");
    }
    void close_archive()
    {
        if (!a_)
            return;
        const Utf8LocaleScope utf8;
        check(archive_write_close(a_.get()));
        a_.reset();
    }

    std::string name_;
    std::time_t mtime_;
    ArchiveWritePtr a_;
};

// tar written through our own gzip stream (ParallelGzipWriter: libdeflate on every core, fixed
// member headers with mtime 0 and no name), so the output is the same on every machine.
class TarGzSink : public LibarchiveSink
{
public:
    TarGzSink(int fd, std::string name, std::time_t mtime, int level)
        : LibarchiveSink(std::move(name), mtime), fd_(fd), gzip_(fd, name_, level)
    {
        const Utf8LocaleScope utf8;
        a_.reset(archive_write_new());
        if (!a_)
            fail(name_, "libarchive initialisation failed");
        check(archive_write_set_format_pax_restricted(a_.get()));
        check(archive_write_add_filter_none(a_.get()));
        check(archive_write_set_bytes_in_last_block(a_.get(), 1));
        check(archive_write_open(a_.get(), this, nullptr, &TarGzSink::on_write, nullptr));
    }
    ~TarGzSink() override { a_.reset(); }

    void finish() override
    {
        close_archive();
        gzip_.finish();
        if (::fsync(fd_) != 0)
            fail(name_, std::strerror(errno));
    }

private:
    static la_ssize_t on_write(struct archive*, void* self, const void* buf, size_t n)
    {
        auto* sink = static_cast<TarGzSink*>(self);
        try {
            sink->gzip_.write(static_cast<const char*>(buf), n);
        } catch (const std::exception&) {
            return -1;
        }
        return static_cast<la_ssize_t>(n);
    }

    int fd_;
    ParallelGzipWriter gzip_;
};

class ZipSink : public LibarchiveSink
{
public:
    ZipSink(int fd, std::string name, std::time_t mtime) : LibarchiveSink(std::move(name), mtime), fd_(fd)
    {
        const Utf8LocaleScope utf8; // the name converter is chosen when the options are set
        a_.reset(archive_write_new());
        if (!a_)
            fail(name_, "libarchive initialisation failed");
        check(archive_write_set_format_zip(a_.get()));
        check(archive_write_zip_set_compression_deflate(a_.get()));
        check(archive_write_set_options(a_.get(), "zip:hdrcharset=UTF-8"));
        check(archive_write_set_bytes_in_last_block(a_.get(), 1));
        check(archive_write_open_fd(a_.get(), fd));
    }
    void finish() override
    {
        close_archive();
        if (::fsync(fd_) != 0)
            fail(name_, std::strerror(errno));
    }

private:
    int fd_;
};

class DirectorySink : public EntrySink
{
public:
    DirectorySink(std::filesystem::path root, std::time_t mtime) : root_(std::move(root)), mtime_(mtime) {}
    ~DirectorySink() override
    {
        if (fd_ >= 0)
            ::close(fd_);
    }

    void add_directory(const std::string& path) override
    {
        std::error_code ec;
        std::filesystem::create_directories(root_ / path, ec);
        if (ec)
            fail((root_ / path).string(), ec.message());
        dirs_.push_back(root_ / path);
    }
    void begin_file(const std::string& path, std::uint64_t) override
    {
        current_ = root_ / path;
        fd_ = ::open(current_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd_ < 0)
            fail(current_.string(), std::strerror(errno));
    }
    void write(const char* data, std::size_t size) override { write_all(fd_, data, size, current_.string()); }
    void end_file() override
    {
        const struct timespec times[2] = {{mtime_, 0}, {mtime_, 0}};
        ::futimens(fd_, times);
        if (::fsync(fd_) != 0)
            fail(current_.string(), std::strerror(errno));
        ::close(fd_);
        fd_ = -1;
    }
    void finish() override
    {
        // Deepest first, so setting a child's mtime does not disturb its parent afterwards.
        for (auto it = dirs_.rbegin(); it != dirs_.rend(); ++it) {
            const int dfd = ::open(it->c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (dfd < 0)
                continue;
            ::fsync(dfd);
            const struct timespec times[2] = {{mtime_, 0}, {mtime_, 0}};
            ::futimens(dfd, times);
            ::close(dfd);
        }
    }

private:
    std::filesystem::path root_;
    std::time_t mtime_;
    std::filesystem::path current_;
    std::vector<std::filesystem::path> dirs_;
    int fd_ = -1;
};

} // namespace

std::unique_ptr<EntrySink> make_tar_gz_sink(int fd, std::string name, std::time_t mtime, int gzip_level)
{
    return std::make_unique<TarGzSink>(fd, std::move(name), mtime, gzip_level);
}

std::unique_ptr<EntrySink> make_zip_sink(int fd, std::string name, std::time_t mtime)
{
    return std::make_unique<ZipSink>(fd, std::move(name), mtime);
}

std::unique_ptr<EntrySink> make_directory_sink(std::filesystem::path root, std::time_t mtime)
{
    return std::make_unique<DirectorySink>(std::move(root), mtime);
}

} // namespace colophon::archive
