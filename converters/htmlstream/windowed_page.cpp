#include "htmlstream/windowed_page.h"

#include "dom/html_dom.h"
#include "html/html_cleaning.h"
#include "html/html_converter.h"
#include "htmlstream/push_parser.h"
#include "htmlstream/window_blocks.h"
#include "htmlstream/window_split.h"

#include <algorithm>
#include <vector>

namespace colophon::htmlstream {

namespace {

// psvi marks on the copy of the first window's tree (libxml2 leaves psvi to schema validation,
// which never runs on a page): the copies of the open elements, and the last child of the
// innermost one. A mark survives only on a node that survived cleaning.
char open_mark;
char last_mark;

std::size_t position_of(const std::vector<xmlNode *> &open, const xmlNode *node)
{
    const auto it = std::find(open.begin(), open.end(), node);
    return it == open.end() ? open.size() : static_cast<std::size_t>(it - open.begin());
}

bool opens_body(const std::vector<xmlNode *> &open)
{
    return std::any_of(open.begin(), open.end(),
                       [](const xmlNode *e) { return dom::tag_of(e) == "body"; });
}

// The copies of `open` in `copy` (each the last child of the one before), marked; fewer when
// the copy differs (it never should).
std::vector<xmlNode *> mark_open_copies(xmlDoc *copy, const std::vector<xmlNode *> &open)
{
    std::vector<xmlNode *> copies;
    xmlNode *node = xmlDocGetRootElement(copy);
    for (const xmlNode *original : open) {
        if (node == nullptr || node->type != XML_ELEMENT_NODE ||
            dom::tag_of(node) != dom::tag_of(original))
            break;
        node->psvi = &open_mark;
        copies.push_back(node);
        node = node->last;
    }
    if (copies.size() == open.size() && node != nullptr)
        node->psvi = &last_mark;
    return copies;
}

class WindowedPage : public core::BodyStream
{
  public:
    WindowedPage(std::string utf8, const std::string &url, const core::ConvertOptions &options)
        : utf8_(std::move(utf8)),
          window_(std::max<std::size_t>(options.limits.html_window_bytes, 1)),
          parser_(url, html::page_parse_options())
    {
    }

    core::Document first_window(const core::ConvertOptions &options, core::Diagnostics &diags);
    std::optional<core::BodyPart> next(core::Diagnostics &diags) override;
    bool continues() const { return content_ != nullptr; }

  private:
    // Feeds the next window of bytes; false once the whole page has been fed (and closed).
    bool feed_window();
    // Called with the first window's main content (in the copy): remembers it when the parser
    // has it open, and takes out of the copy what the next windows bring.
    bool on_content(xmlNode *content, const html::BlockContext &ctx,
                    const std::vector<xmlNode *> &open, const std::vector<xmlNode *> &copies);

    // Takes `node` out of the first window's copy as the next windows bring it: marked as no
    // part of this window for the steps that walk every element, freed when the window is done.
    void hold_back(xmlNode *node, html::FactsTable &facts)
    {
        if (facts.index_of(node) >= 0)
            facts[node].excluded = true;
        xmlUnlinkNode(node);
        held_back_.emplace_back(node);
    }

    std::vector<SubtreePtr> held_back_;
    ItemsTaken items_taken_;
    std::string utf8_;
    std::size_t window_;
    std::size_t fed_ = 0;
    HtmlPushParser parser_;
    xmlNode *content_ = nullptr; // the live main content element; null once it is all converted
    WindowRules rules_;
    std::vector<std::string> note_ids_;
    int windows_ = 1;
};

bool WindowedPage::feed_window()
{
    if (fed_ >= utf8_.size())
        return false;
    const std::size_t n = std::min(window_, utf8_.size() - fed_);
    parser_.feed(std::string_view(utf8_).substr(fed_, n));
    fed_ += n;
    if (fed_ < utf8_.size())
        return true;
    parser_.finish();
    return false;
}

bool WindowedPage::on_content(xmlNode *content, const html::BlockContext &ctx,
                              const std::vector<xmlNode *> &open,
                              const std::vector<xmlNode *> &copies)
{
    rules_.blocks = ctx;
    rules_.blocks.facts = nullptr;
    rules_.blocks.note_marks.clear();
    // How far the copies of the open elements survived cleaning (each the last child of the one
    // before), and where the content sits among them; only nodes reached from the root are read.
    std::size_t live = 0;
    std::size_t at = copies.size();
    for (xmlNode *node = xmlDocGetRootElement(content->doc);
         live < copies.size() && node == copies[live] && node->psvi == &open_mark; ++live) {
        if (node == content)
            at = live;
        node = node->last;
    }
    if (at == copies.size())
        return false; // finished within this window: the page's content is all here
    const std::size_t end = std::min(splittable_end(open, at), live);
    if (end == at) {
        // one block that goes on: all of it comes with the windows that finish it
        while (content->children != nullptr)
            hold_back(content->children, *ctx.facts);
    } else {
        // the copy of what stays in the parser's tree leaves this window (unless cleaning took it)
        xmlNode *const stays = copies[end - 1]->last;
        const bool copy_of_stays =
            end < copies.size() ? end < live : stays != nullptr && stays->psvi == &last_mark;
        if (copy_of_stays)
            hold_back(stays, *ctx.facts);
        take_finished(open, at, end, items_taken_); // converted from the copy: freed here
    }
    content_ = open[at];
    return true;
}

core::Document WindowedPage::first_window(const core::ConvertOptions &options,
                                          core::Diagnostics &diags)
{
    // the first window reaches into the body: what the page declares is all in its head
    bool more = feed_window();
    while (more && !opens_body(parser_.open_elements()))
        more = feed_window();
    if (parser_.tree() == nullptr || xmlDocGetRootElement(parser_.tree()) == nullptr)
        throw core::ConversionError("html.unparsable", diags.file(),
                                    "no HTML element could be read");
    const std::vector<xmlNode *> open = parser_.open_elements();
    xml::XmlDocPtr copy(xmlCopyDoc(parser_.tree(), 1));
    if (!copy)
        throw std::bad_alloc();
    const std::vector<xmlNode *> copies = mark_open_copies(copy.get(), open);
    html::ScoredPage page = html::score_tree(std::move(copy), options, diags);
    rules_.hints = html::hints_for(*page.profile);
    html::PageWindowing windowing;
    windowing.content_found = [&](xmlNode *content, const html::BlockContext &ctx) {
        return on_content(content, ctx, open, copies);
    };
    core::Document doc = html::convert_scored(page, options, diags, &windowing);
    held_back_.clear();
    for (const core::Note &n : doc.notes)
        note_ids_.push_back(n.id);
    if (content_ == nullptr && fed_ < utf8_.size())
        diags.warn("html.windows-rest-unread", "the main content ends in the first " +
                                                   std::to_string(fed_ / 1024) + " KiB; the " +
                                                   std::to_string((utf8_.size() - fed_) / 1024) +
                                                   " KiB after it were not read");
    return doc;
}

std::optional<core::BodyPart> WindowedPage::next(core::Diagnostics &diags)
{
    while (content_ != nullptr) {
        const bool more = feed_window();
        const std::vector<xmlNode *> open = parser_.open_elements();
        const std::size_t at = position_of(open, content_);
        SubtreePtr window;
        if (at == open.size() || !more) {
            window = take_all(content_, items_taken_); // closed: everything in it is finished
            content_ = nullptr;
        } else if (const std::size_t end = splittable_end(open, at); end > at) {
            window = take_finished(open, at, end, items_taken_);
        }
        if (!window)
            continue;
        ++windows_;
        if (!more || content_ == nullptr)
            diags.info("html.windows", "the page was converted in " + std::to_string(windows_) +
                                           " windows of " + std::to_string(window_ / 1024) +
                                           " KiB");
        return convert_window(window.get(), rules_, note_ids_, diags);
    }
    return std::nullopt;
}

} // namespace

core::Document convert_in_windows(std::string utf8, const std::string &url,
                                  const core::ConvertOptions &options, core::Diagnostics &diags)
{
    auto page = std::make_shared<WindowedPage>(std::move(utf8), url, options);
    core::Document doc = page->first_window(options, diags);
    if (page->continues())
        doc.rest = page;
    return doc;
}

} // namespace colophon::htmlstream
