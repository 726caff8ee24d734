#pragma once
// Streaming reads of package archives (tar, GNU tar, zip; any compression filter), shared by the
// verifier and the safe extractor so that both refuse the same entries for the same reasons.

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace colophon::archive {

struct ArchiveReadFree
{
    void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchiveReadPtr = std::unique_ptr<struct archive, ArchiveReadFree>;

// Opens `file` for reading entry by entry; on failure returns nullptr and sets `error`.
ArchiveReadPtr open_archive_for_reading(const std::filesystem::path& file, std::string& error);

// libarchive's last message for `a`, or `fallback` when it has none.
std::string archive_message(struct archive* a, const char* fallback);

// The entry's name (UTF-8 where the archive says so) without "./" prefixes or trailing slashes.
std::string entry_path(archive_entry* entry);

// Why an entry must never be used: an unsafe name (absolute, "..", control characters), a hard
// or symbolic link, or a device/fifo/socket.
struct EntryRefusal
{
    std::string code;   // e.g. "archive.symlink"
    std::string reason; // e.g. "symbolic link entry in the archive"
};
std::optional<EntryRefusal> refuse_entry(archive_entry* entry, const std::string& path);

} // namespace colophon::archive
