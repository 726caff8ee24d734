// Headings that are the site's logo.

#include "pagemeta/site_heading.h"

#include "dom/html_dom.h"

#include <libxml/HTMLparser.h>

#include <gtest/gtest.h>

#include <string>

namespace colophon::pagemeta {
namespace {

bool first_h1_links_home(const std::string &body)
{
    const std::string html = "<html><body>" + body + "</body></html>";
    const auto doc = dom::parse_html_utf8(html, "test.html",
                                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                              HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
    xmlNode *root = xmlDocGetRootElement(doc.get());
    xmlNode *h1 = root;
    while (h1 != nullptr && dom::tag_of(h1) != "h1")
        h1 = dom::next_in_order(h1, root);
    return heading_links_home(h1);
}

TEST(SiteHeading, HomeLinksAreTheSiteRoot)
{
    EXPECT_TRUE(is_home_link("/"));
    EXPECT_TRUE(is_home_link("https://forum.example.org/"));
    EXPECT_TRUE(is_home_link("https://forum.example.org"));
    EXPECT_TRUE(is_home_link("/index.php?lang=en"));
    EXPECT_FALSE(is_home_link("/t/bridge-repairs"));
    EXPECT_FALSE(is_home_link("https://forum.example.org/t/1"));
}

TEST(SiteHeading, SiteNameLinkedHomeIsALogo)
{
    EXPECT_TRUE(first_h1_links_home("<h1><a href=\"/\">Towpath Forum</a></h1>"));
    EXPECT_FALSE(
        first_h1_links_home("<h1>Bridge repairs <a href=\"/\">(home)</a> finished at last</h1>"));
    EXPECT_FALSE(first_h1_links_home("<h1><a href=\"/t/7\">Bridge repairs</a></h1>"));
}

} // namespace
} // namespace colophon::pagemeta
