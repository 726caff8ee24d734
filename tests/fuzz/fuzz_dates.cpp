// Fuzzes the date parser: any bytes, any language tag; must not crash, hang or return a
// malformed ISO date.
#include "core/dates.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::string_view lang = size > 0 && (data[0] & 1) ? "en-US" : "ru";
    for (const auto& d : {colophon::core::parse_date(in, lang), colophon::core::find_date(in, lang)}) {
        if (d && d->iso.size() != 4 && d->iso.size() != 7 && d->iso.size() != 10)
            std::abort();
    }
    return 0;
}
