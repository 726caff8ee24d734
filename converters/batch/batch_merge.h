#pragma once
// Joins the state databases of shard runs (--shard K/N, each with its own output directory)
// into one database and one set of reports in OUT. Output paths are rewritten relative to OUT,
// so the merged report links to the files where the shards wrote them; nothing is copied.

#include "batch/batch_report.h"

#include <filesystem>
#include <vector>

namespace colophon::batch {

struct MergeResult
{
    BatchCounts counts;
    int exit_code = 0;
    std::int64_t merged = 0;    // rows read from the shards
    std::int64_t conflicts = 0; // same key in two shards; the finished/successful one is kept
    std::int64_t duplicates_across_shards = 0; // same bytes converted in two shards
    CorpusStats corpus;
};

// Throws std::runtime_error when a shard directory has no state database.
MergeResult merge_batches(const std::vector<std::filesystem::path>& shard_dirs, const std::filesystem::path& out,
                          const std::filesystem::path& corpus = {}, const std::string& command_line = {});

} // namespace colophon::batch
