#pragma once
// Finds the documents of a batch: directories (recursive), file lists (@list.txt, one path a
// line, '#' comments; "@-" reads standard input) and a catalogue manifest. Every path found
// becomes an input, even one that cannot be read: the batch reports it instead of dropping it.
// Each input gets a key that names its outputs and its row in the state database: its path below
// the catalogue root (or its manifest identifier), so the name depends on the document alone,
// never on which other sources were listed, and is the same in every run.
// The inputs are streamed into an SQLite table (of the run's scratch database) as they are
// found, so a catalogue of any size is enumerated in constant memory.

#include "batch/manifest.h"
#include "batch/output_names.h"
#include "state/sqlite_handles.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace colophon::batch {

// Where keys are counted from, and the top-level names of the output folder that belong to the
// batch itself (reports, state, the corpus): no document output may land on them.
struct CatalogueRoot
{
    std::filesystem::path path;
    std::set<std::string> reserved; // from reserved_output_names
};

struct BatchInput
{
    std::filesystem::path path;
    std::string key;         // relative, '/'-separated: "reports/1998/april.pdf"
    std::string output_stem; // the key, escaped when it would land on a batch file (output_stem_for)
    std::string identifier;  // manifest identifier, else derived from the stem
    // Only manifest entries have one.
    std::unique_ptr<CatalogueRecord> record;
};

// One input as the catalogue table keeps it.
struct CatalogInput
{
    std::string path;
    std::string key;
    std::string output_stem;
    std::string identifier;
    std::string catalogue; // manifest record as JSON ("{}" for a bare manifest row); empty when none
};

// The inputs of a batch in a table of `db` (the run's scratch database, or one in memory).
class InputCatalog
{
public:
    explicit InputCatalog(state::sql::Database& db);

    // Finds every input; `exclude` (the output directory) is never descended into. Inserts in
    // transactions of a few thousand rows. Throws std::runtime_error for an unreadable list file
    // or manifest.
    // Throws std::runtime_error for a path outside the root, or an identifier equal to another
    // input's key.
    void collect(const std::vector<std::string>& sources, const std::string& manifest,
                 const std::filesystem::path& exclude, const CatalogueRoot& root);

    std::size_t hidden_skipped() const { return hidden_skipped_; }

    // What an earlier run into the same output folder wrote for one document (after collect()):
    // a name it already uses is never given to another document.
    void note_earlier_outputs(const std::string &key, const std::vector<std::string> &outputs);
    // Names every input apart from every other document whose stem folds alike (folded_name:
    // "Case.html" and "case.html", which one file on macOS or Windows would hold): the stems that
    // keeps_stem picks stay, the others get disambiguated_stem. Returns how many were renamed.
    // Throws std::runtime_error in the (astronomically unlikely) case that the new name is taken.
    std::size_t settle_names();

    // Every input in key order, read `chunk` rows at a time: only one chunk is in memory.
    void for_each(std::size_t chunk, const std::function<void(const CatalogInput&)>& fn);
    // The most rows for_each held at once (the proof that the catalogue is not materialised).
    std::size_t max_rows_held() const { return max_rows_held_; }

private:
    class Adder;

    state::sql::Database& db_;
    std::set<std::string> reserved_;
    std::optional<state::sql::Statement> note_earlier_;
    std::optional<state::sql::Transaction> earlier_tx_;
    std::size_t hidden_skipped_ = 0;
    std::size_t max_rows_held_ = 0;
};

struct InputSet
{
    std::vector<BatchInput> inputs; // sorted by key
    std::size_t hidden_skipped = 0; // dot files and folders (".git", ".DS_Store")
};

// The whole catalogue in memory (small catalogues and tests); InputCatalog underneath.
InputSet collect_inputs(const std::vector<std::string>& sources, const std::string& manifest,
                        const std::filesystem::path& exclude, const CatalogueRoot& root);

struct Shard
{
    int index = 1; // 1-based
    int count = 1;
};

// Parses "K/N" with 1 <= K <= N; throws std::invalid_argument otherwise.
Shard parse_shard(const std::string& text);

// Whether `key` belongs to the shard: a stable 64-bit FNV-1a hash of the key, modulo N, so the
// partition depends on nothing but the relative path.
bool in_shard(const std::string& key, const Shard& shard);

// "Annual Report (1998).pdf" -> "Annual-Report-1998": ASCII letters, digits, '-', '_', '.'.
std::string safe_identifier(std::string_view text);

} // namespace colophon::batch
