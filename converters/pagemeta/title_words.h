#pragma once
// Titles and names compared as words: lower-cased, punctuation (ASCII and the typographic
// marks of U+2000-U+206F: dashes, curly quotes, ellipses) and symbols set aside, so that
// "Traveler’s Guide — Part 1" and "traveler's guide: part 1" read as the same words.

#include <string>
#include <string_view>
#include <vector>

namespace colophon::pagemeta {

// The words of `text`, lower-cased, in order.
std::vector<std::string> title_words(std::string_view text);

// Word-token F1 of two texts (0 when either has no words).
double word_f1(std::string_view a, std::string_view b);

// True when both texts have the same words in the same order (and at least one).
bool same_words(std::string_view a, std::string_view b);

} // namespace colophon::pagemeta
