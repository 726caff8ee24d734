#pragma once
// One DocumentRecord as JSON text for report.json, written straight into a string: the same
// text as nlohmann::json(record).dump() (keys in sorted order, compact, invalid UTF-8 replaced),
// without building a JSON object per document, which was most of the report's cost per document:
// the library escapes each value, the object around them is assembled here.

#include "state/batch_record.h"

#include <string>
#include <string_view>
#include <vector>

namespace colophon::state {

void append_record_json(std::string& out, const DocumentRecord& r);

// A list of strings as the state database keeps it (a JSON array), both ways: the same text as
// nlohmann's dump of the list, and its parse.
std::string strings_to_json(const std::vector<std::string>& v);
std::vector<std::string> strings_from_json(std::string_view text);

} // namespace colophon::state
