#include "archive/safe_extract.h"

#include "core/fd_write.h"

#include "archive/archive_reader.h"
#include "archive/utf8_locale.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace colophon::archive {

namespace {

namespace fs = std::filesystem;

struct Fd
{
    int fd = -1;
    explicit Fd(int f = -1) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    void reset(int f)
    {
        if (fd >= 0)
            ::close(fd);
        fd = f;
    }
};

std::vector<std::string> split(const std::string& path)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start < path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

// Opens (creating when asked) the directory `parts` below `root_fd`, never following a link.
int open_directory(int root_fd, const std::vector<std::string>& parts, std::size_t count, std::string& error)
{
    Fd dir(::dup(root_fd));
    for (std::size_t i = 0; i < count; ++i) {
        if (::mkdirat(dir.fd, parts[i].c_str(), 0755) != 0 && errno != EEXIST) {
            error = std::strerror(errno);
            return -1;
        }
        const int next = ::openat(dir.fd, parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            error = std::string("cannot open directory ") + parts[i] + ": " + std::strerror(errno);
            return -1;
        }
        dir.reset(next);
    }
    const int out = dir.fd;
    dir.fd = -1;
    return out;
}

} // namespace

bool ExtractResult::ok() const
{
    return !aborted && std::none_of(issues.begin(), issues.end(), [](const auto& i) { return i.error; });
}

ExtractResult extract_archive(const fs::path& archive_path, const fs::path& target, const ReadLimits& limits)
{
    const Utf8LocaleScope utf8;
    ExtractResult r;
    const std::string name = archive_path.filename().string();
    const auto issue = [&r](std::string code, std::string file, std::string message) {
        r.issues.push_back({true, std::move(code), std::move(file), std::move(message)});
    };
    std::error_code ec;
    if (fs::exists(target, ec) && !(fs::is_directory(target, ec) && fs::is_empty(target, ec))) {
        issue("archive.target-not-empty", target.string(), "extraction target must be empty or absent");
        r.aborted = true;
        return r;
    }
    fs::create_directories(target, ec);
    const Fd root(::open(target.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (root.fd < 0) {
        issue("archive.write-failed", target.string(), std::strerror(errno));
        r.aborted = true;
        return r;
    }
    std::string open_error;
    const ArchiveReadPtr a = open_archive_for_reading(archive_path, open_error);
    if (!a) {
        issue("archive.unreadable", name, open_error);
        r.aborted = true;
        return r;
    }
    std::uint64_t entries = 0;
    std::vector<char> buf(1 << 20);
    for (;;) {
        archive_entry* entry = nullptr;
        const int rc = archive_read_next_header(a.get(), &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc < ARCHIVE_WARN) {
            issue("archive.damaged", name, archive_message(a.get(), "damaged archive"));
            r.aborted = true;
            break;
        }
        if (++entries > limits.max_entries) {
            issue("archive.too-many-entries", name, "too many entries");
            r.aborted = true;
            break;
        }
        const std::string path = entry_path(entry);
        const auto type = archive_entry_filetype(entry);
        if (auto refusal = refuse_entry(entry, path)) {
            issue(std::move(refusal->code), path, refusal->reason + "; not extracted");
            continue;
        }
        const auto parts = split(path);
        std::string error;
        if (type == AE_IFDIR) {
            const Fd dir(open_directory(root.fd, parts, parts.size(), error));
            if (dir.fd < 0)
                issue("archive.write-failed", path, error);
            continue;
        }
        const Fd dir(open_directory(root.fd, parts, parts.size() - 1, error));
        if (dir.fd < 0) {
            issue("archive.write-failed", path, error);
            continue;
        }
        const Fd out(::openat(dir.fd, parts.back().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
        if (out.fd < 0) {
            issue("archive.write-failed", path, std::strerror(errno));
            continue;
        }
        for (;;) {
            const la_ssize_t n = archive_read_data(a.get(), buf.data(), buf.size());
            if (n == 0)
                break;
            if (n < 0) {
                issue("archive.damaged", path, name + " is damaged or truncated inside " + path);
                r.aborted = true;
                break;
            }
            r.bytes += static_cast<std::uint64_t>(n);
            const auto compressed = static_cast<std::uint64_t>(std::max<la_int64_t>(1, archive_filter_bytes(a.get(), -1)));
            if (r.bytes > limits.max_total_bytes ||
                (r.bytes > limits.ratio_grace_bytes && r.bytes / compressed > limits.max_ratio)) {
                issue("archive.compression-ratio", path, "size or compression ratio limit exceeded (decompression bomb?)");
                r.aborted = true;
                break;
            }
            if (const int err = core::write_fully(out.fd, {buf.data(), static_cast<std::size_t>(n)})) {
                issue("archive.write-failed", path, std::strerror(err));
                r.aborted = true;
            }
            if (r.aborted)
                break;
        }
        if (r.aborted)
            break;
        ++r.files;
    }
    if (r.aborted)
        fs::remove_all(target, ec);
    return r;
}

} // namespace colophon::archive
