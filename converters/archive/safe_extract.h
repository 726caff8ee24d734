#pragma once
// Unpacks a package archive (.tar.gz, .tar, .zip) below one target directory without ever writing
// outside it: absolute paths, `..`, `~`, backslashes, symbolic links, hard links and device/fifo
// entries are refused and reported; every directory is opened with O_NOFOLLOW relative to its
// parent, files are created with O_EXCL; decompression bombs stop the extraction (ReadLimits).

#include "archive/bag_snapshot.h"

#include <filesystem>
#include <vector>

namespace colophon::archive {

struct ExtractResult
{
    std::vector<SnapshotIssue> issues; // refused entries and read errors, each naming the entry
    std::uint64_t bytes = 0;
    std::size_t files = 0;
    bool aborted = false; // a limit or damage stopped it; the target directory was removed
    bool ok() const;
};

// `target` must not exist or be an empty directory.
ExtractResult extract_archive(const std::filesystem::path& archive, const std::filesystem::path& target,
                              const ReadLimits& limits = {});

} // namespace colophon::archive
