#pragma once
// The title of a page: the article's heading, not the site's name or slogan. What the page
// shows (its <h1> headings) is weighed against what it declares (JSON-LD headline, og:title,
// <title>, which usually carry the site name as "Title | Site" or "Site - Title").

#include <string>
#include <string_view>
#include <vector>

namespace colophon::pagemeta {

struct TitleEvidence
{
    std::vector<std::string> declared;   // declared titles, most trusted first, <title> last
    std::vector<std::string> site_names; // og:site_name, publisher, application-name
    std::string address;                 // the page's URL: its host names the site too
    std::vector<std::string> headings;   // texts of the visible <h1> elements, in page order
    std::string main_heading;            // the heading that opens the main content, if any
    bool slogan_headings = false; // the page's heading is a slogan, not its name (a service's hero)
};

// "Title | Section | Site" -> {"Title", "Section", "Site"}: the parts between the separators
// sites put between a title and their name (" | ", " - ", " – ", " — ", " :: ", " · ", " » ",
// " / ", " • "; a '|' needs no spaces). A hyphen inside a word ("Cross-Country") separates nothing.
std::vector<std::string> title_segments(std::string_view title);

// True when `text` is the site's name: the same words as a declared site name, or the page's
// host written out ("Headphones.com", "davidbau.com", "Moz" on moz.com).
bool names_the_site(std::string_view text, const TitleEvidence &evidence);

// A declared title without the site's name: its first segment that does not name the site
// (sites put the specific part first: "Thread / Forum section / Forum"); the title itself
// when it has one segment or every segment names the site.
std::string without_site_name(std::string_view title, const TitleEvidence &evidence);

// The page's title. 1. headings that name the site (a logo in an <h1>, or the site part of
// the <title>) are set aside; 2. of the first few left, the one that agrees best with a
// declared title or one of its segments, when it agrees well enough; 3. else the heading that
// opens the main content, unless the kind of page heads itself with slogans; 4. else the
// first declared title without the site's name; 5. else the first heading. Empty when the
// page has neither.
std::string choose_title(const TitleEvidence &evidence);

} // namespace colophon::pagemeta
