// Link runs and inline styles built from tokens (converters/layout/inline_runs.cpp).
#include "layout/inline_runs.h"

#include <gtest/gtest.h>

using namespace colophon::layout;

TEST(InlineRuns, FullStopAfterALinkedUrlLeavesTheLink)
{
    // the text layer gives the full stop a word of its own inside the link's rectangle
    const std::string uri = "https://data.example/series-2";
    Tok url;
    url.text = uri;
    url.uri = uri;
    url.space_before = true;
    Tok stop;
    stop.text = ".";
    stop.uri = uri;
    std::vector<Tok> toks{url, stop};
    mark_bare_urls(toks);
    ASSERT_EQ(toks.size(), 2u);
    EXPECT_EQ(toks[0].uri, uri);
    EXPECT_TRUE(toks[1].uri.empty());
}
