#pragma once
// Document -> one JSON record (all metadata, text, notes, links) for downstream tools. The keys
// follow the shape the project's scorers read (title, authors, date, blocks, footnotes, links).

#include "core/document.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace colophon::tei {

nlohmann::json build_json(const core::Document& doc);
std::string write_json(const core::Document& doc); // pretty-printed, UTF-8, trailing newline

} // namespace colophon::tei
