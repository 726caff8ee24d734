// Fuzzes the byline parser and the person-name heuristic.
#include "core/bylines.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    (void)colophon::core::looks_like_person_name(in);
    (void)colophon::core::parse_byline(in);
    (void)colophon::core::has_byline_prefix(in);
    return 0;
}
