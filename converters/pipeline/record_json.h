#pragma once
// One DocumentRecord as JSON text for report.json, written straight into a string: the same
// text as nlohmann::json(record).dump() (keys in sorted order, compact, invalid UTF-8 replaced),
// without building a JSON tree per document, which was most of the report's cost per document.

#include "pipeline/batch_record.h"

#include <string>

namespace colophon::pipeline {

void append_record_json(std::string& out, const DocumentRecord& r);

} // namespace colophon::pipeline
