#pragma once
// Decodes the bytes of an HTML page to UTF-8: byte-order mark, then the page's own declaration
// (<meta charset>, http-equiv Content-Type), then statistical detection (uchardet).

#include <optional>
#include <string>
#include <string_view>

namespace colophon::dom {

struct DecodedHtml
{
    std::string charset;    // the charset the bytes were read as ("UTF-8", "WINDOWS-1251")
    std::string how;        // "bom", "meta", "detected", "default"
    bool repaired = false;  // invalid sequences were replaced with U+FFFD

    // The page as valid UTF-8, BOM removed: the caller's own bytes when they needed no change (a
    // large page is not copied), else the converted or repaired copy. Lives as long as both this
    // and the bytes given to decode_html.
    std::string_view utf8() const { return converted ? std::string_view(*converted) : original; }

    std::string_view original;             // the bytes given to decode_html, BOM removed
    std::optional<std::string> converted;  // set when they had to be converted or repaired
};

// The charset named by a <meta> in the first bytes of the page; empty when none.
std::string declared_charset(std::string_view bytes);

// Never fails: an unknown or unusable charset falls back to UTF-8 with repair. The result may
// point into `bytes` (see DecodedHtml::utf8).
DecodedHtml decode_html(std::string_view bytes);

// Converts `bytes` from `charset` to UTF-8 with iconv; false when the charset is unknown or the
// bytes do not decode.
bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out);

} // namespace colophon::dom
