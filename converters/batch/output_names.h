#pragma once
// How a document's outputs are named in the output folder: its key below the catalogue root,
// escaped where it would land on the batch's own files, and told apart from any other document's
// name that a case-insensitive or normalising file system (macOS, Windows, most USB drives) would
// take for the same name.

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::batch {

// The output stem of a key: the key itself, or "_" + key when its first part would collide with
// a batch file or already starts with "_" (one-to-one, so no two documents share a stem).
std::string output_stem_for(const std::string &key, const std::set<std::string> &reserved);
// The top-level names a document's stem must not take, given the batch's own files
// ("report.json" reserves "report" and "report.json", since outputs add ".json", ".tar.gz", ...).
std::set<std::string> reserved_output_names(const std::vector<std::string> &batch_files);

// The form under which file systems that ignore case or Unicode normalisation see a name:
// NFKC with case folding (ICU), so "Case.html", "CASE.html" and "case.html" fold alike, and so do
// a precomposed "é" and "e" + combining acute. Folding more than a file system does only costs a
// needless suffix, never a collision.
std::string folded_name(std::string_view name);

// One stem of a group whose names fold alike, with the candidates' facts.
struct StemClaim
{
    std::string key;
    std::string stem;       // output_stem_for(key)
    bool owns_stem = false; // an earlier run wrote this document's outputs under `stem`
};

// Which claims of one folded name keep their stem; the others get disambiguated_stem. Names never
// move: every claim whose outputs already use the stem keeps it. When none does, the one stem
// that already is its folded form keeps it, else the smallest key's (so the choice depends on the
// names alone, never on the order the sources were listed in).
std::vector<bool> keeps_stem(const std::vector<StemClaim> &group);

// `stem` with a suffix made from the key ("Case.html~3f9a0c12b4d1"): the same for the same key in
// every run.
std::string disambiguated_stem(const std::string &stem, const std::string &key);

} // namespace colophon::batch
