#include "pagemeta/title_words.h"

#include "core/text.h"

#include <algorithm>
#include <map>

namespace colophon::pagemeta {

namespace {

// The code point starting at s[i] and its length in bytes (invalid bytes read as one U+FFFD).
std::pair<char32_t, std::size_t> code_point_at(std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (len == 1 || i + len > s.size())
        return {len == 1 ? c : 0xFFFD, 1};
    char32_t cp = c & (0x3F >> (len - 1));
    for (std::size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return {cp, len};
}

// Letters and digits of any script; ASCII and Latin-1 punctuation, general punctuation
// (U+2000-U+206F), arrows, symbols and CJK punctuation separate words.
bool is_word_char(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
        return false;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFFFD)
        return false;
    return !(cp >= 0xE000 && cp <= 0xF8FF); // private-use icon glyphs
}

} // namespace

std::vector<std::string> title_words(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, len] = code_point_at(text, i);
        if (is_word_char(cp)) {
            word.append(text.substr(i, len));
        } else if (!word.empty()) {
            words.push_back(core::to_lower(word));
            word.clear();
        }
        i += len;
    }
    if (!word.empty())
        words.push_back(core::to_lower(word));
    return words;
}

double word_f1(std::string_view a, std::string_view b)
{
    const std::vector<std::string> wa = title_words(a), wb = title_words(b);
    if (wa.empty() || wb.empty())
        return 0.0;
    std::map<std::string, int> counts;
    for (const std::string &w : wa)
        ++counts[w];
    int common = 0;
    for (const std::string &w : wb)
        if (auto it = counts.find(w); it != counts.end() && it->second > 0) {
            --it->second;
            ++common;
        }
    if (common == 0)
        return 0.0;
    const double p = static_cast<double>(common) / static_cast<double>(wa.size());
    const double r = static_cast<double>(common) / static_cast<double>(wb.size());
    return 2 * p * r / (p + r);
}

bool same_words(std::string_view a, std::string_view b)
{
    const std::vector<std::string> wa = title_words(a);
    return !wa.empty() && wa == title_words(b);
}

} // namespace colophon::pagemeta
