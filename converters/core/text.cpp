#include "text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

namespace colophon::core {

namespace {

// Decodes one code point at `i`, advancing it; returns a negative value for an invalid sequence.
UChar32 next_code_point(std::string_view s, std::size_t& i)
{
    UChar32 c = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(pos);
    return c;
}

bool is_space(UChar32 c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0x85;
}

} // namespace

std::string collapse_whitespace(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    bool in_space = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80) { // ASCII, most of most text: no decoding
            ++i;
            if (is_space(byte)) {
                if (!in_space)
                    out += ' ';
                in_space = true;
            } else {
                out += static_cast<char>(byte);
                in_space = false;
            }
            continue;
        }
        const std::size_t start = i;
        const UChar32 c = next_code_point(s, i);
        if (c >= 0 && is_space(c)) {
            if (!in_space)
                out += ' ';
            in_space = true;
            continue;
        }
        in_space = false;
        out.append(s.substr(start, i - start));
    }
    return out;
}

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n\f\v");
    return s.substr(first, last - first + 1);
}

std::string clean_text(std::string_view s)
{
    std::string out = collapse_whitespace(s);
    // white space is collapsed to single spaces: at most one at each end
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (!out.empty() && out.front() == ' ')
        out.erase(0, 1);
    return out;
}

bool is_valid_utf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) { // ASCII, most bytes of most pages
            ++i;
            continue;
        }
        if (next_code_point(s, i) < 0)
            return false;
    }
    return true;
}

std::string repair_utf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        const UChar32 c = next_code_point(s, i);
        if (c < 0 || c == 0xFFFE || c == 0xFFFF) {
            out += "\xEF\xBF\xBD";
        } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            continue;
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

bool needs_utf8_repair(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80) {
            if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r')
                return true;
            ++i;
            continue;
        }
        const UChar32 c = next_code_point(s, i);
        if (c < 0 || c == 0xFFFE || c == 0xFFFF || (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
            return true;
    }
    return false;
}

std::string to_nfc(std::string_view s)
{
    const std::string valid = is_valid_utf8(s) ? std::string(s) : repair_utf8(s);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        return valid;
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(valid);
    if (nfc->isNormalized(in, status) && U_SUCCESS(status))
        return valid;
    status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfc->normalize(in, status);
    if (U_FAILURE(status))
        return valid;
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::string to_lower(std::string_view s)
{
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.toLower();
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool contains_ci(std::string_view haystack, std::string_view needle)
{
    if (needle.empty())
        return true;
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != haystack.end();
}

TextStats text_stats(std::string_view s)
{
    TextStats st;
    bool in_word = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const UChar32 c = next_code_point(s, i);
        ++st.codepoints;
        if (c < 0 || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF)) {
            ++st.replacement_chars;
            in_word = false;
            continue;
        }
        const bool letter = u_isalpha(c);
        const bool digit = u_isdigit(c);
        st.letters += letter;
        st.digits += digit;
        if ((letter || digit) && !in_word)
            ++st.words;
        in_word = letter || digit || c == '\'' || c == 0x2019 || c == '-';
    }
    return st;
}

std::vector<std::string> split_words(std::string_view s)
{
    std::vector<std::string> out;
    const std::string cleaned = clean_text(s);
    std::size_t start = 0;
    while (start < cleaned.size()) {
        auto end = cleaned.find(' ', start);
        if (end == std::string::npos)
            end = cleaned.size();
        if (end > start)
            out.emplace_back(cleaned.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string escape_markup(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string cut_utf8(const std::string &s, std::size_t max_bytes)
{
    if (s.size() <= max_bytes)
        return s;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return s.substr(0, n);
}

} // namespace colophon::core
