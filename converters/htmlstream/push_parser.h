#pragma once
// libxml2's HTML push parser, building the page's tree as its bytes are fed in: a page converted
// in windows reads the finished part of the tree between feeds and frees it.

#include "xml/xml_handles.h"

#include <string>
#include <string_view>
#include <vector>

namespace colophon::htmlstream {

class HtmlPushParser
{
  public:
    // `options` are htmlCtxtUseOptions flags; the bytes fed are UTF-8. Throws std::runtime_error.
    HtmlPushParser(const std::string &url, int options);
    ~HtmlPushParser();
    HtmlPushParser(const HtmlPushParser &) = delete;
    HtmlPushParser &operator=(const HtmlPushParser &) = delete;

    // Parses as much of `bytes` as it can (the rest waits for the next feed).
    void feed(std::string_view bytes);
    // End of the page: every element still open is closed.
    void finish();

    // The tree so far; owned by the parser. Null before the first element.
    xmlDoc *tree() const { return ctxt_->myDoc; }
    // The elements still open, outermost first: each is the last child of the one before. Only
    // their last children can still grow; everything before them is finished.
    std::vector<xmlNode *> open_elements() const;

  private:
    xml::HtmlParserCtxtPtr ctxt_;
};

} // namespace colophon::htmlstream
