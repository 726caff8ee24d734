#pragma once
// A test page of body markup, parsed as colophon parses pages, and its first <h1>.

#include "dom/html_dom.h"

#include <libxml/HTMLparser.h>

#include <string>

namespace colophon::pagemeta::test {

struct HeadingPage
{
    explicit HeadingPage(const std::string &body)
        : doc(dom::parse_html_utf8("<html><body>" + body + "</body></html>", "test.html",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                       HTML_PARSE_IGNORE_ENC)),
          root(xmlDocGetRootElement(doc.get()))
    {
        h1 = root;
        while (h1 != nullptr && dom::tag_of(h1) != "h1")
            h1 = dom::next_in_order(h1, root);
    }

    decltype(dom::parse_html_utf8("", "", 0)) doc;
    xmlNode *root;
    xmlNode *h1 = nullptr; // null when the page has none
};

} // namespace colophon::pagemeta::test
