#pragma once
// Bylines and author lines as publishers print them, shared by the HTML and PDF converters.

#include "document.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::core {

// True for text that reads as a person's name: two to five capitalised words (particles such as
// "van", "de", "al-" allowed), no digits, no sentence punctuation.
bool looks_like_person_name(std::string_view text);

// "By Jane Doe and John Smith", "Jane Doe, John Smith & Ann Lee", "Автор: Иван Петров",
// "Jane Doe | Senior Fellow, Some Institute", "Jane Doe (Some University)".
// Returns the authors named, with an affiliation when the line carries one; empty when the
// text does not read as a byline.
std::vector<Author> parse_byline(std::string_view text);
// The same for OCR text: a name that fails only because OCR misread a capital is repaired
// (see repair_ocr_name) and returned repaired.
std::vector<Author> parse_byline(std::string_view text, bool ocr_text);

// "Jane Doe | Some Institute", "Jane Doe, Some Institute", "Jane Doe — Some Institute": one
// author and the organisation after the separator. Empty unless the head reads as a person's
// name and the tail as a short organisation name (capitalised, no sentence, no digits).
// "Jane Doe, John Smith" also splits this way: try parse_byline first.
std::optional<Author> split_name_affiliation(std::string_view text, bool ocr_text);

// OCR reads a capital I as a lower-case l ("Kwame lyer"): a word of a name that starts with
// 'l' and a lower-case letter gets its 'I' back ("Iyer"); name particles ("la", "le") stay. A
// speck after a given name reads as a full stop ("Ewa. Achterberg"): it goes, but the stops
// of initials and short abbreviations ("J.", "Md.") stay. Only for text in a name position, and
// only for OCR text.
std::string repair_ocr_name(std::string_view name);

// True when the line starts like a byline ("By ", "Written by", "Author:", "Автор:").
bool has_byline_prefix(std::string_view text);

// A note that introduces someone or something: the subject and predicate of its first sentence
// when it reads "<Name> is|was ..." ("Jane Doe is a senior fellow at X", "Jeff Foust
// (jeff@example.org) is the editor of ...", "Ascom is a global solutions provider ...").
// The subject is one to six capitalised words, without a parenthesis that follows it; the
// affiliation is what follows " at ", " of " or " with " in that sentence, when short.
struct IntroducedSubject
{
    std::string subject;
    std::string affiliation;
};
std::optional<IntroducedSubject> introduced_subject(std::string_view text);

} // namespace colophon::core
