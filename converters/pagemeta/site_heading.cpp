#include "pagemeta/site_heading.h"

#include "core/text.h"
#include "dom/html_dom.h"

namespace colophon::pagemeta {

bool is_home_link(std::string_view href)
{
    href = core::trim(href);
    href = href.substr(0, href.find_first_of("?#"));
    if (const auto scheme = href.find("://"); scheme != std::string_view::npos) {
        const auto path = href.find('/', scheme + 3);
        href = path == std::string_view::npos ? std::string_view("/") : href.substr(path);
    }
    for (std::string_view index : {"index.html", "index.htm", "index.php"})
        if (href.ends_with(index))
            href.remove_suffix(index.size());
    return href == "/";
}

bool heading_links_home(const xmlNode *heading)
{
    if (heading == nullptr)
        return false;
    const int letters = dom::letters_of(heading);
    for (const xmlNode *n = heading->children; n != nullptr;
         n = dom::next_in_order(const_cast<xmlNode *>(n), heading)) {
        if (dom::tag_of(n) == "a" && dom::has_attr(n, "href") &&
            is_home_link(dom::attr_view(n, "href")))
            return 2 * dom::letters_of(n) > letters;
    }
    return false;
}

} // namespace colophon::pagemeta
