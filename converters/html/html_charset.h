#pragma once
// Decodes the bytes of an HTML page to UTF-8: byte-order mark, then the page's own declaration
// (<meta charset>, http-equiv Content-Type), then statistical detection (uchardet).

#include <string>
#include <string_view>

namespace colophon::html {

struct DecodedHtml
{
    std::string utf8;       // valid UTF-8, BOM removed
    std::string charset;    // the charset the bytes were read as ("UTF-8", "WINDOWS-1251")
    std::string how;        // "bom", "meta", "detected", "default"
    bool repaired = false;  // invalid sequences were replaced with U+FFFD
};

// The charset named by a <meta> in the first bytes of the page; empty when none.
std::string declared_charset(std::string_view bytes);

// Never fails: an unknown or unusable charset falls back to UTF-8 with repair.
DecodedHtml decode_html(std::string_view bytes);

// Converts `bytes` from `charset` to UTF-8 with iconv; false when the charset is unknown or the
// bytes do not decode.
bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out);

} // namespace colophon::html
