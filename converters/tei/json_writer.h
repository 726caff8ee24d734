#pragma once
// Document -> one JSON record (all metadata, text, blocks, notes, links) for downstream tools, and
// the corpus line of a batch: the same record without blocks and extraction, with the batch's id
// and key. Both are described by schemas/colophon-document.schema.json (README "JSON").

#include "core/document.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace colophon::tei {

nlohmann::json build_json(const core::Document& doc);
nlohmann::json build_corpus_record(const core::Document& doc, const std::string& id, const std::string& key);
std::string write_json(const core::Document& doc); // pretty-printed, UTF-8, trailing newline

} // namespace colophon::tei
