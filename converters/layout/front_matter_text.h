#pragma once
// Internal to the layout module. What a front-matter line says, from its text alone: an
// "originally published in" provenance (possibly after a date on the same line), a series or
// issue line and the publisher it names, a date line, the publisher after the title in a
// document-information title ("Title | Site").

#include "core/document.h"

#include <string>

namespace colophon::layout {

// The byte offset where "Originally published in ..." (and its like) starts in `text`, at the
// start or after a date ("16.03.2023 Originally published in ..."); npos when it does not.
std::size_t provenance_start(const std::string &text);
bool is_provenance_line(const std::string &text);
// "Originally published in the Eurasia Daily Monitor" -> title "Eurasia Daily Monitor", a URL
// in the text as url.
core::OriginalSource parse_provenance(const std::string &text);

// "Corridor Monitor — Volume 10, Issue 163", "Example Institute | Policy Brief No. 37".
bool is_series_line(const std::string &text);
struct SeriesLine
{
    std::string series;    // the whole line when it numbers a periodical's issue
    std::string publisher; // "Example Institute" of "Example Institute | Policy Brief No. 37"
};
// A series line split where it names a publisher and one of its series: the part before a
// separator is the publisher when the part after names a kind of paper before its number;
// a bare "Volume 10, Issue 163" after the separator numbers the periodical named before it.
SeriesLine read_series_line(const std::string &text);

// A short line that is a date ("16.03.2023", "Published: April 17, 2024").
bool is_date_line(const std::string &text, core::PublicationDate &out, const std::string &lang);

// "Why the corridor is stalling | The Estmark Observer" with the title found on the page ->
// "The Estmark Observer"; empty unless `info_title` is the title, a separator and a short name.
std::string publisher_after_title(const std::string &info_title, const std::string &title);

} // namespace colophon::layout
