#pragma once
// What the verifier knows about a bag after one read of it: tag files in memory, payload files
// as sizes and digests (hashed while streaming), small XML payload kept for schema checks.
// The same snapshot is built from a directory or, in one streaming pass, from a .tar(.gz) or .zip.

#include "archive/checksums.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace colophon::archive {

// Bounds that keep a hostile package from exhausting memory or disk.
struct ReadLimits
{
    std::uint64_t max_total_bytes = 1ull << 40;       // uncompressed payload + tags (1 TiB)
    // Archive entries never inflate beyond the size their header declares (see bag_snapshot.cpp);
    // only entries that declare none are held to this ratio of uncompressed / compressed ...
    std::uint64_t max_ratio = 200;
    std::uint64_t ratio_grace_bytes = 64ull << 20;    // ... checked once this much was inflated
    std::uint64_t max_entries = 1'000'000;
    std::uint64_t max_tag_file_bytes = 256ull << 20;  // tag files are read into memory
    std::uint64_t max_kept_xml_bytes = 64ull << 20;   // METS/TEI kept for schema checks
};

struct SnapshotIssue
{
    bool error = true;
    std::string code;
    std::string file; // bag-relative path, or the package for whole-archive problems
    std::string message;
};

struct SnapshotFile
{
    std::uint64_t size = 0;
    Digests digests;
};

struct BagSnapshot
{
    std::string root_name;                          // top-level directory of an archive
    bool from_archive = false;
    bool has_data_dir = false;
    std::map<std::string, std::string> tag_files;   // path (outside data/) -> bytes
    std::map<std::string, SnapshotFile> payload;    // "data/..." -> size and digests
    std::map<std::string, std::string> kept_xml;    // payload XML kept in memory
    std::vector<SnapshotIssue> issues;              // unsafe entries, read errors, limits
    bool aborted = false;                           // reading stopped early (bomb, truncation)
};

// Which payload digests to compute; given the tag files read so far (archives may put the
// manifests after the payload, so the archive reader falls back to md5+sha1+sha256+sha512).
using AlgorithmChooser = std::function<std::vector<DigestAlgorithm>(const BagSnapshot&)>;
// Which payload files to keep in memory (small XML the verifier checks).
using KeepPredicate = std::function<bool(const std::string& bag_path)>;

BagSnapshot read_bag_directory(const std::filesystem::path& dir, const ReadLimits& limits,
                               const AlgorithmChooser& algorithms, const KeepPredicate& keep);
BagSnapshot read_bag_archive(const std::filesystem::path& file, const ReadLimits& limits,
                             const AlgorithmChooser& algorithms, const KeepPredicate& keep);

} // namespace colophon::archive
