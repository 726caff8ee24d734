#include "pagemeta/title_choice.h"

#include "core/text.h"
#include "pagemeta/title_words.h"

#include <algorithm>
#include <array>

namespace colophon::pagemeta {

namespace {

// A heading agrees with a declared title when their word F1 reaches this: "Hire Movers in
// Jackson, NJ" against "Hire Local Movers – Moving Help in Jackson, NJ" (0.77) agrees, a
// slogan beside a product name does not. (wcxb-dev, all page types: 0.5-0.7 measure alike.)
constexpr double heading_agrees_f1 = 0.6;
// Only the first headings of a page are candidates: later <h1>s are cards and widgets.
constexpr std::size_t max_heading_candidates = 3;

// Separators with the spaces they need around them (a '|' needs none).
constexpr std::array<std::string_view, 10> spaced_separators = {
    " - ",  " \xE2\x80\x93 ", " \xE2\x80\x94 ",
    " :: ", " \xC2\xB7 ",     " \xC2\xBB ",
    " / ",  " \xE2\x80\xA2 ", " | ",
    "|"};

std::string joined_words(std::string_view text)
{
    std::string out;
    for (const std::string &w : title_words(text))
        out += w;
    return out;
}

// The page's host without "www.", lower-cased ("www.Moz.com/blog" -> "moz.com").
std::string host_of(std::string_view address)
{
    const auto scheme = address.find("://");
    if (scheme == std::string_view::npos)
        return {};
    std::string_view host = address.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    if (host.starts_with("www."))
        host.remove_prefix(4);
    return core::to_lower(host);
}

// Labels of a host that name a site rather than a domain ("moz" of "moz.com", not "com").
bool names_host_label(const std::string &joined, const std::string &host)
{
    std::size_t i = 0;
    const std::size_t last_dot = host.rfind('.');
    while (i < host.size()) {
        const std::size_t j = std::min(host.find('.', i), host.size());
        if (j - i >= 3 && i < last_dot && host.compare(i, j - i, joined) == 0)
            return true;
        i = j + 1;
    }
    return false;
}

} // namespace

std::vector<std::string> title_segments(std::string_view title)
{
    std::vector<std::string> out;
    std::size_t start = 0, i = 0;
    while (i < title.size()) {
        std::size_t sep_len = 0;
        for (std::string_view sep : spaced_separators)
            if (title.substr(i).starts_with(sep)) {
                sep_len = sep.size();
                break;
            }
        if (sep_len == 0) {
            ++i;
            continue;
        }
        std::string part = core::clean_text(title.substr(start, i - start));
        if (!title_words(part).empty())
            out.push_back(std::move(part));
        i += sep_len;
        start = i;
    }
    std::string part = core::clean_text(title.substr(start));
    if (!title_words(part).empty())
        out.push_back(std::move(part));
    return out;
}

bool names_the_site(std::string_view text, const TitleEvidence &evidence)
{
    if (std::any_of(evidence.site_names.begin(), evidence.site_names.end(),
                    [&](const std::string &site) { return same_words(text, site); }))
        return true;
    const std::string joined = joined_words(text);
    const std::string host = host_of(evidence.address);
    if (joined.empty() || host.empty())
        return false;
    std::string host_joined;
    for (const char c : host)
        if (c != '.' && c != '-')
            host_joined += c;
    return joined == host_joined || names_host_label(joined, host);
}

std::string without_site_name(std::string_view title, const TitleEvidence &evidence)
{
    const std::vector<std::string> segments = title_segments(title);
    if (segments.size() < 2)
        return core::clean_text(title);
    for (const std::string &s : segments)
        if (!names_the_site(s, evidence))
            return s;
    return core::clean_text(title);
}

namespace {

// A heading that is the site part of a declared title: the same words as one of its segments
// after the first ("Houstonia Magazine" of "Best New Restaurants | Houstonia Magazine").
bool is_site_segment(const std::string &heading, const TitleEvidence &evidence)
{
    for (const std::string &d : evidence.declared) {
        const std::vector<std::string> segments = title_segments(d);
        if (segments.size() < 2 || same_words(heading, segments.front()))
            continue;
        if (std::any_of(segments.begin() + 1, segments.end(),
                        [&](const std::string &s) { return same_words(heading, s); }))
            return true;
    }
    return false;
}

// How well a heading agrees with the declared titles: its best word F1 against one of them
// or one of their segments.
double agreement(const std::string &heading, const TitleEvidence &evidence)
{
    double best = 0.0;
    for (const std::string &d : evidence.declared) {
        best = std::max(best, word_f1(heading, d));
        for (const std::string &s : title_segments(d))
            best = std::max(best, word_f1(heading, s));
    }
    return best;
}

} // namespace

std::string choose_title(const TitleEvidence &evidence)
{
    // 1. headings that name the site are not the page's title
    std::vector<std::string> headings;
    for (const std::string &h : evidence.headings) {
        std::string text = core::clean_text(h);
        if (!title_words(text).empty() && !names_the_site(text, evidence) &&
            !is_site_segment(text, evidence))
            headings.push_back(std::move(text));
        if (headings.size() == max_heading_candidates)
            break;
    }
    // 2. the heading that agrees best with what the page declares
    const std::string *best = nullptr;
    double best_f1 = 0.0;
    for (const std::string &h : headings)
        if (const double f1 = agreement(h, evidence); f1 > best_f1) {
            best = &h;
            best_f1 = f1;
        }
    if (best != nullptr && best_f1 >= heading_agrees_f1)
        return *best;
    // 3. the heading of the main content
    const std::string main = core::clean_text(evidence.main_heading);
    if (!evidence.slogan_headings && !title_words(main).empty() &&
        !names_the_site(main, evidence) && !is_site_segment(main, evidence))
        return main;
    // 4. the declared title without the site's name, 5. the first heading
    if (!evidence.declared.empty())
        return without_site_name(evidence.declared.front(), evidence);
    return headings.empty() ? std::string() : headings.front();
}

} // namespace colophon::pagemeta
