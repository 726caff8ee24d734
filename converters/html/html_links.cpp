#include "html/html_links.h"

#include "core/text.h"
#include "xml/xml_handles.h"

#include <libxml/uri.h>

namespace colophon::html {

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i])
            return false;
    }
    return true;
}

} // namespace

std::string resolve_link(std::string_view href_in, std::string_view base)
{
    const std::string href(core::trim(href_in));
    if (href.empty() || href == "#")
        return {};
    if (starts_with_ci(href, "javascript:") || starts_with_ci(href, "data:") || starts_with_ci(href, "vbscript:"))
        return {};
    if (base.empty())
        return href;
    const std::string base_str(base);
    const xml::XmlCharPtr built(xmlBuildURI(xml::to_xml(href), xml::to_xml(base_str)));
    if (!built)
        return href;
    return xml::from_xml(built.get());
}

bool is_fragment_only(std::string_view href)
{
    const std::string_view h = core::trim(href);
    return h.size() > 1 && h[0] == '#';
}

std::string_view fragment_of(std::string_view href)
{
    const auto hash = href.find('#');
    return hash == std::string_view::npos ? std::string_view() : href.substr(hash + 1);
}

bool is_in_page(std::string_view href, std::string_view page_url)
{
    const std::string_view h = core::trim(href);
    if (is_fragment_only(h))
        return true;
    const auto hash = h.find('#');
    if (hash == std::string_view::npos || page_url.empty())
        return false;
    const auto page_hash = page_url.find('#');
    const std::string_view page = page_url.substr(0, page_hash);
    return h.substr(0, hash) == page;
}

} // namespace colophon::html
