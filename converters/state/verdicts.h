#pragma once
// Reviewers' verdicts on documents (colophon review --mark), kept in the state database beside
// the documents and shown by report.html and report.csv.

#include "state/state_db.h"

#include <map>
#include <optional>
#include <string>

namespace colophon::state {

struct Verdict
{
    std::string verdict; // "accepted" or "rejected"
    std::string note;
    std::string marked_at; // UTC, ISO 8601
};

// True for "accepted" and "rejected".
bool is_verdict(const std::string &verdict);

// The key of the document `id` names: its key, identifier or input path (in that
// order); empty when no document matches, or only an identifier or path several documents share.
std::string find_document_key(StateDb &db, const std::string &id);

// Records (or replaces) the verdict on the document with this key.
void set_verdict(StateDb &db, const std::string &key, const Verdict &verdict);

// Every verdict, by document key.
std::map<std::string, Verdict> read_verdicts(StateDb &db);

} // namespace colophon::state
