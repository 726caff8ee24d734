#pragma once
// The batch tests read what a run recorded: every document row of the state database in OUT,
// by key.

#include "state/state_db.h"

#include <filesystem>
#include <map>
#include <string>

namespace colophon::testing {

inline std::map<std::string, state::DocumentRecord> state_rows(const std::filesystem::path& out)
{
    state::StateDb db(out / state::state_file_name);
    std::map<std::string, state::DocumentRecord> m;
    db.for_each([&](const state::DocumentRecord& r) { m[r.key] = r; });
    return m;
}

} // namespace colophon::testing
