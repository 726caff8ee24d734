// Headings that are the site's logo.

#include "pagemeta/site_heading.h"

#include "heading_page.h"

#include <gtest/gtest.h>

#include <string>

namespace colophon::pagemeta {
namespace {

bool first_h1_links_home(const std::string &body)
{
    return heading_links_home(test::HeadingPage(body).h1);
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
