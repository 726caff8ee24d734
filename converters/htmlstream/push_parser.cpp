#include "htmlstream/push_parser.h"

#include <limits>
#include <stdexcept>

namespace colophon::htmlstream {

HtmlPushParser::HtmlPushParser(const std::string &url, int options)
{
    xml::init_secure_xml();
    ctxt_.reset(htmlCreatePushParserCtxt(nullptr, nullptr, nullptr, 0, url.c_str(),
                                         XML_CHAR_ENCODING_UTF8));
    if (!ctxt_)
        throw std::runtime_error("cannot create an HTML parser");
    htmlCtxtUseOptions(ctxt_.get(), options);
}

HtmlPushParser::~HtmlPushParser()
{
    // The context does not own the tree it built.
    xmlDoc *tree = ctxt_->myDoc;
    ctxt_->myDoc = nullptr;
    ctxt_.reset();
    xmlFreeDoc(tree);
}

void HtmlPushParser::feed(std::string_view bytes)
{
    constexpr std::size_t piece = std::numeric_limits<int>::max() / 2;
    while (!bytes.empty()) {
        const std::string_view now = bytes.substr(0, piece);
        // libxml2 2.9's HTML push parser resumes its look-ahead for '<' and '>' from checkIndex,
        // which goes stale once its input buffer has been shrunk: it then waits for the end of
        // the input and parses the rest at once. Looking again from the current position costs
        // nothing at a window's size.
        ctxt_->checkIndex = 0;
        htmlParseChunk(ctxt_.get(), now.data(), static_cast<int>(now.size()), 0);
        bytes.remove_prefix(now.size());
    }
}

void HtmlPushParser::finish()
{
    htmlParseChunk(ctxt_.get(), nullptr, 0, 1);
}

std::vector<xmlNode *> HtmlPushParser::open_elements() const
{
    std::vector<xmlNode *> open;
    for (int i = 0; i < ctxt_->nodeNr; ++i)
        open.push_back(ctxt_->nodeTab[i]);
    return open;
}

} // namespace colophon::htmlstream
