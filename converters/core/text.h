#pragma once
// UTF-8 text helpers shared by every converter and writer.

#include <string>
#include <string_view>
#include <vector>

namespace colophon::core {

// Collapses runs of whitespace (ASCII, no-break and other Unicode spaces) to one ASCII space.
std::string collapse_whitespace(std::string_view s);
std::string_view trim(std::string_view s);
// collapse_whitespace + trim.
std::string clean_text(std::string_view s);

// Unicode NFC (ICU). Invalid UTF-8 is repaired first.
std::string to_nfc(std::string_view s);
bool is_valid_utf8(std::string_view s);
// Replaces every invalid UTF-8 sequence with U+FFFD; also drops C0 controls except TAB, LF, CR,
// which XML 1.0 cannot carry.
std::string repair_utf8(std::string_view s);
// Whether repair_utf8 would change `s` (so that valid text can be used as it is, without a copy).
bool needs_utf8_repair(std::string_view s);

std::string to_lower(std::string_view s); // Unicode-aware (ICU)
bool contains_ci(std::string_view haystack, std::string_view needle); // ASCII case-insensitive

// Counts of letters and words, for text statistics (link density, ligature noise, OCR decisions).
struct TextStats
{
    int letters = 0;
    int digits = 0;
    int words = 0;
    int replacement_chars = 0; // U+FFFD and private-use code points
    int codepoints = 0;
};
TextStats text_stats(std::string_view s);

std::vector<std::string> split_words(std::string_view s);

// & < > " ' as character references, for text and attribute values written by hand in XML or HTML
// (documents built with libxml2 are escaped by it).
std::string escape_markup(std::string_view s);

// The first `max_bytes` bytes of UTF-8 `s`, never cutting a character in two.
std::string cut_utf8(const std::string &s, std::size_t max_bytes);

} // namespace colophon::core
