#pragma once
// What a converter decided, kept for the review page (converters/review/) when
// ConvertOptions::trace asks for it: the boxes layout analysis found on each page with the role
// it gave them, and an HTML page's text blocks with whether each was kept. Plain data, filled by
// the converters only on request (Document::trace stays empty otherwise, and nothing is computed).

#include "core/document.h"

#include <string>
#include <string_view>
#include <vector>

namespace colophon::core {

// What a box on a page was read as. The review page colours each role its own way.
enum class TraceRole
{
    Title,
    Subtitle,
    Byline, // author names and their affiliations
    Date,
    Provenance, // "Originally published in ..."
    Series,     // series or journal line
    FrontOther, // front matter that went into no field of its own
    Abstract,
    Heading,
    Paragraph,
    Footnote,
    RunningHeader,
    RunningFooter,
    PageNumber,
    Dropped, // read, then left out of every output (a closing bio goes to the byline instead)
};

// "title", "running-header", ...: the value the review page's data-role attributes carry.
std::string_view trace_role_name(TraceRole role);

struct TraceBox
{
    int page = 0; // 1-based
    Box box;      // in the page's own units (see TracePage)
    TraceRole role = TraceRole::Paragraph;
    std::string text; // the first words, for the reviewer
};

// One page as layout analysis saw it: boxes are in the same units as width and height.
struct TracePage
{
    int page = 0;
    double width = 0;
    double height = 0;
    bool from_ocr = false;
};

enum class BlockVerdict
{
    Kept,     // its text is in the body, the notes or the metadata
    Dropped,  // left out by the main-text choice or the body's clean-up
    Furniture // boilerplate: navigation, header, footer, share buttons, ...
};

std::string_view block_verdict_name(BlockVerdict verdict);

// A text block of an HTML page, in document order.
struct HtmlTraceBlock
{
    std::string tag;  // "p", "h2", "li", ...
    std::string text; // its own text, shortened
    BlockVerdict verdict = BlockVerdict::Kept;
    std::string reason; // the rule: "nav", "class hint", "outside the main content", "metadata"
    int line = 0;       // source line, 0 when unknown
};

struct ConversionTrace
{
    std::vector<TracePage> pages;
    std::vector<TraceBox> boxes;
    std::vector<HtmlTraceBlock> html_blocks;
};

// A page drawn for the review page: PNG bytes and the size in pixels.
struct PagePreview
{
    int page = 0;
    int width_px = 0;
    int height_px = 0;
    std::string png;
};

} // namespace colophon::core
