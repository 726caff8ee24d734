#pragma once
// Looking things up in a converted document, for tests of any converter.

#include "core/document.h"

#include <vector>

namespace colophon::testing {

// The first inline of `kind` among `inlines` and their children, depth first; nullptr if none.
inline const core::Inline* find_kind(const std::vector<core::Inline>& inlines, core::InlineKind kind)
{
    for (const auto& in : inlines) {
        if (in.kind == kind)
            return &in;
        if (const auto* sub = find_kind(in.children, kind))
            return sub;
    }
    return nullptr;
}

} // namespace colophon::testing
