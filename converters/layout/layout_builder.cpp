#include "layout_builder.h"

#include "core/bylines.h"
#include "core/text.h"
#include "footnotes.h"
#include "front_matter.h"
#include "inline_runs.h"
#include "layout_internal.h"
#include "paragraphs.h"
#include "text_lines.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace colophon::layout {

namespace {

double mode_size(const std::vector<PageLines>& pages)
{
    std::map<double, double> weight;
    for (const PageLines& p : pages)
        for (const TextLine& l : p.lines)
            weight[std::round(l.size * 2) / 2] += static_cast<double>(l.text().size());
    double best = 0, size = 10;
    for (const auto& [s, w] : weight) {
        if (w > best) {
            best = w;
            size = s;
        }
    }
    return size;
}

} // namespace

bool is_generic_title(const std::string& title)
{
    const std::string low = core::to_lower(core::clean_text(title));
    if (low.empty())
        return true;
    for (const char* junk : {".doc", ".docx", ".pdf", ".tex", ".dvi", ".rtf", ".odt", ".indd", "microsoft word", "untitled",
                             "powerpoint", "slide 1", "document1", "no title"}) {
        if (low.find(junk) != std::string::npos)
            return true;
    }
    return core::split_words(low).size() < 2 && low.size() < 6;
}

void LayoutBuilder::add_page(const PageWords& page)
{
    PageLines pl;
    pl.page = page.page;
    pl.width = page.width;
    pl.height = page.height;
    pl.from_ocr = page.from_ocr;
    pl.lines = build_lines(page);
    pages_.push_back(std::move(pl));
}

core::Document LayoutBuilder::finish(core::Diagnostics& diags)
{
    core::Document doc;
    doc.meta.language = hints_.language;
    const double body = mode_size(pages_);

    // 1. furniture
    const auto furniture = find_furniture(pages_, body);

    // 2. per page: footnote zones at the foot of each column
    RoleMap role(pages_.size());
    std::vector<RawNote> notes = find_footnote_zones(pages_, furniture, body, role);

    // 3. front matter on the first page with text
    core::Metadata& meta = doc.meta;
    std::vector<core::Author> authors_front = read_front_matter(pages_, body, role, meta);

    // 4. body lines, endnote sections, headings and paragraphs
    std::vector<Para> paras = build_paragraphs(pages_, role, body, notes);

    // 5. author note at the end ("Jane Doe is a senior fellow at ...") and provenance lines
    const bool ocr_text = std::any_of(pages_.begin(), pages_.end(), [](const PageLines& p) { return p.from_ocr; });
    take_author_note_and_provenance(paras, authors_front, meta, ocr_text);

    // 6. notes: ids, then link marks in the body to them
    link_note_marks(paras, notes);

    // 7. Document
    std::map<double, int> heading_levels;
    for (const Para& para : paras)
        if (para.heading)
            heading_levels[-std::round(para.size * 2) / 2] = 0;
    {
        int level = 1;
        for (auto& [s, lv] : heading_levels)
            lv = std::min(6, level++);
    }
    for (Para& para : paras) {
        mark_bare_urls(para.toks);
        core::Block b;
        b.kind = para.heading ? core::BlockKind::Heading : core::BlockKind::Paragraph;
        if (para.heading)
            b.level = heading_levels[-std::round(para.size * 2) / 2];
        if (para.heading)
            for (Tok& t : para.toks)
                t.bold = false; // the heading itself says it is a heading
        b.content = build_inlines(para.toks);
        b.source.page = para.page;
        b.source.box = para.box;
        if (!core::clean_text(core::plain_text(b.content)).empty())
            doc.body.push_back(std::move(b));
    }
    for (RawNote& n : notes) {
        mark_bare_urls(n.toks);
        core::Note note;
        note.id = n.id;
        note.label = n.label;
        note.place = n.place;
        core::Block b;
        b.content = build_inlines(n.toks);
        b.source.page = n.page;
        note.blocks.push_back(std::move(b));
        note.source.page = n.page;
        doc.notes.push_back(std::move(note));
    }

    // 8. metadata from the document information when the page shows none
    if (meta.title.empty() && !is_generic_title(hints_.title))
        meta.title = core::clean_text(hints_.title);
    if (authors_front.empty() && !hints_.author.empty())
        authors_front = core::parse_byline(hints_.author);
    meta.authors = std::move(authors_front);
    if (meta.date.iso.empty() && !hints_.date_iso.empty()) {
        meta.date.iso = hints_.date_iso;
    }
    if (meta.title.empty())
        diags.warn("layout.no-title", "no title found on the first page or in the document information");
    if (doc.body.empty())
        diags.warn("layout.empty-body", "no body text found");
    return doc;
}

} // namespace colophon::layout
