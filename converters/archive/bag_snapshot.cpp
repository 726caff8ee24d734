#include "archive/bag_snapshot.h"

#include "archive/archive_reader.h"
#include "archive/bag_names.h"
#include "archive/utf8_locale.h"
#include "core/diagnostics.h"

#include <algorithm>
#include <cerrno>
#include <optional>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace colophon::archive {

namespace {

namespace fs = std::filesystem;

void issue(BagSnapshot& s, std::string code, std::string file, std::string message, bool error = true)
{
    s.issues.push_back({error, std::move(code), std::move(file), std::move(message)});
}

bool is_payload_path(const std::string& p) { return p.rfind("data/", 0) == 0; }

bool read_small_file(const fs::path& p, std::uint64_t limit, std::string& out, std::string& error)
{
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    std::vector<char> buf(64 * 1024);
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            error = std::strerror(errno);
            ok = false;
            break;
        }
        if (n == 0)
            break;
        if (out.size() + static_cast<std::size_t>(n) > limit) {
            error = "larger than the " + std::to_string(limit) + "-byte limit for files read into memory";
            ok = false;
            break;
        }
        out.append(buf.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    return ok;
}

} // namespace

BagSnapshot read_bag_directory(const fs::path& dir, const ReadLimits& limits,
                               const AlgorithmChooser& algorithms, const KeepPredicate& keep)
{
    BagSnapshot s;
    std::error_code ec;
    std::vector<std::string> payload_paths;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
        issue(s, "bag.unreadable", dir.string(), ec.message());
        s.aborted = true;
        return s;
    }
    std::uint64_t entries = 0;
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            issue(s, "bag.unreadable", dir.string(), ec.message());
            break;
        }
        if (++entries > limits.max_entries) {
            issue(s, "bag.too-many-entries", dir.string(), "more than " + std::to_string(limits.max_entries) + " entries");
            s.aborted = true;
            break;
        }
        const fs::path rel_path = it->path().lexically_relative(dir);
        const std::string rel = rel_path.generic_string();
        const auto status = it->symlink_status(ec);
        if (fs::is_symlink(status)) {
            issue(s, "bag.symlink", rel, "symbolic link in the bag (not followed)");
            continue;
        }
        if (fs::is_directory(status)) {
            if (rel == "data")
                s.has_data_dir = true;
            continue;
        }
        if (!fs::is_regular_file(status)) {
            issue(s, "bag.not-regular-file", rel, "not a regular file");
            continue;
        }
        if (is_payload_path(rel)) {
            payload_paths.push_back(rel);
        } else {
            std::string bytes, error;
            if (read_small_file(it->path(), limits.max_tag_file_bytes, bytes, error))
                s.tag_files[rel] = std::move(bytes);
            else
                issue(s, "bag.unreadable", rel, error);
        }
    }
    const std::vector<DigestAlgorithm> algs = algorithms(s);
    for (const auto& rel : payload_paths) {
        try {
            const fs::path full = dir / fs::path(rel);
            const FileDigests d = digest_file(full, algs);
            s.payload[rel] = {d.size, d.digests};
            if (keep && keep(rel) && d.size <= limits.max_kept_xml_bytes) {
                std::string bytes, error;
                if (read_small_file(full, limits.max_kept_xml_bytes, bytes, error))
                    s.kept_xml[rel] = std::move(bytes);
            }
        } catch (const core::ConversionError& e) {
            issue(s, "bag.unreadable", rel, e.diagnostic().message);
        }
    }
    return s;
}

namespace {

// One streaming pass over an archive: each entry is checked (safe, inside the one top-level
// directory), then its bytes are hashed (payload) or kept (tag files, small XML) as they inflate.
class ArchiveSnapshotReader
{
public:
    ArchiveSnapshotReader(const fs::path& file, const ReadLimits& limits, const AlgorithmChooser& algorithms,
                          const KeepPredicate& keep)
        : limits_(limits), algorithms_(algorithms), keep_(keep), archive_name_(file.filename().string()), buf_(1 << 20)
    {
        s_.from_archive = true;
        std::string open_error;
        a_ = open_archive_for_reading(file, open_error);
        if (!a_)
            abort_with("archive.unreadable", archive_name_, open_error);
    }

    BagSnapshot read();

private:
    bool next_entry(archive_entry*& entry);
    std::optional<std::string> accept_entry(archive_entry* entry);
    bool check_declared_size(archive_entry* entry, const std::string& rel);
    void read_file_entry(const std::string& rel);
    bool check_limits(const std::string& rel, std::uint64_t entry_bytes);
    void abort_with(std::string code, const std::string& where, std::string message)
    {
        issue(s_, std::move(code), where, std::move(message));
        s_.aborted = true;
    }

    const ReadLimits& limits_;
    const AlgorithmChooser& algorithms_;
    const KeepPredicate& keep_;
    const std::string archive_name_;
    ArchiveReadPtr a_;
    BagSnapshot s_;
    std::uint64_t total_ = 0;
    std::uint64_t declared_total_ = 0; // sizes the entry headers declared so far
    std::optional<std::uint64_t> declared_; // the current entry's, when its header has one
    std::uint64_t entries_ = 0;
    std::vector<char> buf_;
    std::set<std::string> seen_;
    std::string last_entry_;
};

// The next header; false at the end or when the archive is damaged.
bool ArchiveSnapshotReader::next_entry(archive_entry*& entry)
{
    const int rc = archive_read_next_header(a_.get(), &entry);
    if (rc == ARCHIVE_EOF)
        return false;
    if (rc < ARCHIVE_WARN) {
        abort_with("archive.damaged", archive_name_,
                   archive_name_ + " is damaged or truncated after " +
                       (last_entry_.empty() ? std::string("its start") : last_entry_) + ": " +
                       archive_message(a_.get(), "damaged archive"));
        return false;
    }
    if (++entries_ > limits_.max_entries) {
        abort_with("archive.too-many-entries", archive_name_,
                   "more than " + std::to_string(limits_.max_entries) + " entries");
        return false;
    }
    return true;
}

// The bag-relative path of a regular file entry worth reading; nullopt for directories and for
// refused entries (reported and skipped, never used: nothing is written anyway).
std::optional<std::string> ArchiveSnapshotReader::accept_entry(archive_entry* entry)
{
    const std::string trimmed = entry_path(entry);
    const auto type = archive_entry_filetype(entry);
    if (auto refusal = refuse_entry(entry, trimmed)) {
        issue(s_, std::move(refusal->code), trimmed, std::move(refusal->reason));
        return std::nullopt;
    }
    const auto slash = trimmed.find('/');
    const std::string top = trimmed.substr(0, slash);
    if (s_.root_name.empty())
        s_.root_name = top;
    if (top != s_.root_name || (slash == std::string::npos && type != AE_IFDIR)) {
        issue(s_, "archive.not-one-directory", trimmed,
              "entry outside the single top-level directory \"" + s_.root_name + "\"");
        return std::nullopt;
    }
    if (slash == std::string::npos)
        return std::nullopt; // the top-level directory itself
    std::string rel = trimmed.substr(slash + 1);
    if (type == AE_IFDIR) {
        if (rel == "data")
            s_.has_data_dir = true;
        return std::nullopt;
    }
    return rel;
}

// A decompression bomb is data that inflates beyond what its archive declares. tar headers and
// the zip central directory declare every entry's size before its data: the total declared is
// held against the limit before anything is inflated, and no entry may yield more than it
// declared. So a legitimate package of any compression ratio (a blank 600-dpi scan, a page
// padded with white space) verifies, and a lying one stops at its first excess byte. Entries
// without a declared size (streamed zip) fall back to the expansion ratio.
bool ArchiveSnapshotReader::check_declared_size(archive_entry* entry, const std::string& rel)
{
    declared_.reset();
    if (!archive_entry_size_is_set(entry))
        return true;
    declared_ = static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_entry_size(entry)));
    declared_total_ += *declared_;
    if (declared_total_ > limits_.max_total_bytes) {
        abort_with("archive.too-large", rel,
                   "entries declare more than " + std::to_string(limits_.max_total_bytes) +
                       " bytes uncompressed; refusing before inflating them");
        return false;
    }
    return true;
}

// The total so far, and this entry's bytes against its declared size; false when reading must stop.
bool ArchiveSnapshotReader::check_limits(const std::string& rel, std::uint64_t entry_bytes)
{
    if (total_ > limits_.max_total_bytes) {
        abort_with("archive.too-large", rel,
                   "more than " + std::to_string(limits_.max_total_bytes) +
                       " bytes uncompressed; refusing (decompression bomb?)");
        return false;
    }
    if (declared_) {
        if (entry_bytes > *declared_) {
            abort_with("archive.size-exceeded", rel,
                       "inflates beyond the " + std::to_string(*declared_) +
                           " bytes its header declares; refusing (decompression bomb?)");
            return false;
        }
        return true;
    }
    const auto compressed =
        static_cast<std::uint64_t>(std::max<la_int64_t>(1, archive_filter_bytes(a_.get(), -1)));
    if (total_ > limits_.ratio_grace_bytes && total_ / compressed > limits_.max_ratio) {
        abort_with("archive.compression-ratio", rel,
                   "expands more than " + std::to_string(limits_.max_ratio) +
                       "x and declares no size; refusing (decompression bomb?)");
        return false;
    }
    return true;
}

// Streams one file entry: payload is hashed, tag files and small XML are kept in memory.
void ArchiveSnapshotReader::read_file_entry(const std::string& rel)
{
    last_entry_ = rel;
    if (!seen_.insert(rel).second)
        issue(s_, "archive.duplicate-entry", rel, "the archive holds this path twice");
    const bool payload = is_payload_path(rel);
    if (payload)
        s_.has_data_dir = true;
    MultiHasher hasher(payload ? algorithms_(s_) : std::vector<DigestAlgorithm>{});
    std::string kept;
    const bool keep_bytes = !payload || (keep_ && keep_(rel));
    bool keep_ok = true;
    std::uint64_t entry_bytes = 0;
    for (;;) {
        const la_ssize_t n = archive_read_data(a_.get(), buf_.data(), buf_.size());
        if (n == 0)
            break;
        if (n < 0) {
            abort_with("archive.damaged", rel,
                       archive_name_ + " is damaged or truncated inside " + rel + ": " +
                           archive_message(a_.get(), "damaged or truncated"));
            break;
        }
        total_ += static_cast<std::uint64_t>(n);
        entry_bytes += static_cast<std::uint64_t>(n);
        if (!check_limits(rel, entry_bytes))
            break;
        if (payload)
            hasher.update(buf_.data(), static_cast<std::size_t>(n));
        if (keep_bytes && keep_ok) {
            const std::uint64_t limit = payload ? limits_.max_kept_xml_bytes : limits_.max_tag_file_bytes;
            if (kept.size() + static_cast<std::size_t>(n) > limit) {
                keep_ok = false;
                kept.clear();
                if (!payload)
                    issue(s_, "bag.tag-file-too-large", rel, "tag file larger than " + std::to_string(limit) + " bytes");
            } else {
                kept.append(buf_.data(), static_cast<std::size_t>(n));
            }
        }
    }
    if (s_.aborted)
        return;
    if (payload) {
        SnapshotFile f;
        f.size = hasher.bytes();
        f.digests = hasher.finish();
        s_.payload[rel] = std::move(f);
        if (keep_ok && !kept.empty())
            s_.kept_xml[rel] = std::move(kept);
    } else if (keep_ok) {
        s_.tag_files[rel] = std::move(kept);
    }
}

BagSnapshot ArchiveSnapshotReader::read()
{
    archive_entry* entry = nullptr;
    while (!s_.aborted && next_entry(entry)) {
        if (const auto rel = accept_entry(entry); rel && check_declared_size(entry, *rel))
            read_file_entry(*rel);
    }
    return std::move(s_);
}

} // namespace

BagSnapshot read_bag_archive(const fs::path& file, const ReadLimits& limits, const AlgorithmChooser& algorithms,
                             const KeepPredicate& keep)
{
    const Utf8LocaleScope utf8;
    return ArchiveSnapshotReader(file, limits, algorithms, keep).read();
}

} // namespace colophon::archive
