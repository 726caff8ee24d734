#include "layout_builder.h"

#include "author_bio.h"
#include "core/bylines.h"
#include "core/text.h"
#include "dropped_text.h"
#include "footnotes.h"
#include "front_matter.h"
#include "front_matter_text.h"
#include "inline_runs.h"
#include "layout_internal.h"
#include "paragraphs.h"
#include "text_lines.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace colophon::layout {

namespace {

// The font size most text is set in.
double mode_size(const std::vector<const PageLines*>& pages)
{
    std::map<double, double> weight;
    for (const PageLines* p : pages)
        for (const TextLine& l : p->lines)
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

// For the review page: the role every line of a finished page was given (body lines wait for
// their paragraphs, see core::PageTraceRecorder).
void trace_lines(core::PageTraceRecorder &trace, const PageLines &page,
                 const std::vector<Role> &role, const core::Metadata &meta,
                 const std::vector<core::Author> &authors)
{
    using R = core::TraceRole;
    for (std::size_t i = 0; i < page.lines.size() && i < role.size(); ++i) {
        const TextLine &l = page.lines[i];
        const std::string text = l.text();
        if (role[i] == Role::Body)
            trace.add_body_line(page.page, l.box, text);
        else if (role[i] == Role::Furniture)
            trace.add_box(page.page, l.box,
                          looks_like_page_number(text, page.from_ocr) ? R::PageNumber
                          : l.box.y0 < page.height / 2                ? R::RunningHeader
                                                                      : R::RunningFooter,
                          text);
        else
            trace.add_box(page.page, l.box,
                          role[i] == Role::Note    ? R::Footnote
                          : role[i] == Role::Front ? core::front_line_role(text, meta, authors)
                                                   : R::Dropped,
                          text);
    }
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

LayoutBuilder::LayoutBuilder(DocumentHints hints) : hints_(std::move(hints)) { meta_.language = hints_.language; }

LayoutBuilder::~LayoutBuilder() = default;

void LayoutBuilder::add_page(const words::PageWords& page)
{
    PendingPage pp;
    pp.lines.page = page.page;
    pp.lines.width = page.width;
    pp.lines.height = page.height;
    pp.lines.from_ocr = page.from_ocr;
    any_ocr_ = any_ocr_ || page.from_ocr;
    pp.lines.lines = build_lines(page);
    if (page.from_ocr) // specks at a line's ends are no words: "bud- -" is "bud-", a line of "|" none
        std::erase_if(pp.lines.lines, [](TextLine& l) { return !trim_edge_specks(l); });
    pp.edges = find_edge_lines(pp.lines);
    if (trace_)
        trace_->add_page({page.page, page.width, page.height, page.from_ocr});
    pending_.push_back(std::move(pp));
    if (!calibrated_ && pending_.size() >= calibration_pages)
        calibrate();
    // a page is finished once the pages after it that furniture detection looks at are here
    while (calibrated_ && pending_.size() > furniture_window)
        finish_page();
}

void LayoutBuilder::calibrate()
{
    std::vector<const PageLines*> sample;
    for (const PendingPage& pp : pending_)
        sample.push_back(&pp.lines);
    body_ = mode_size(sample);
    paragraphs_ = std::make_unique<ParagraphBuilder>(body_, typical_line_gap(sample, body_));
    paragraphs_->set_language(hints_.language);
    calibrated_ = true;
}

void LayoutBuilder::finish_page()
{
    PendingPage pp = std::move(pending_.front());
    pending_.pop_front();
    const PageLines& page = pp.lines;

    // 1. furniture, against the pages on either side
    std::vector<const std::vector<EdgeLine>*> neighbours;
    for (const auto& e : done_edges_)
        neighbours.push_back(&e);
    for (std::size_t k = 0; k < pending_.size() && k < furniture_window; ++k)
        neighbours.push_back(&pending_[k].edges);
    const std::vector<bool> furniture = find_page_furniture(page, pp.edges, neighbours, body_);

    // 2. the footnote zone at the foot of each column
    std::vector<Role> role;
    find_footnote_zone(page, furniture, body_, role, notes_);

    // 3. front matter on the first page with text
    if (!front_read_ && !page.lines.empty()) {
        front_read_ = true;
        authors_front_ = read_front_matter(page, body_, role, meta_);
        // front matter lines no field holds are reported, never lost silently
        const DroppedText lost = front_text_not_kept(page, role, meta_, authors_front_);
        if (is_text_loss(lost))
            dropped_.push_back({page.page, std::to_string(lost.lines) + " line(s) read as front matter (" +
                                               std::to_string(lost.words) +
                                               " words) are in no metadata field and left out, from \"" +
                                               lost.first.substr(0, 60) + "\""});
    }

    if (trace_)
        trace_lines(*trace_, page, role, meta_, authors_front_);
    // 4. body lines, endnote sections, headings and paragraphs
    paragraphs_->add_page(page, role, notes_);

    done_edges_.push_back(std::move(pp.edges));
    if (done_edges_.size() > furniture_window)
        done_edges_.pop_front();
}

core::Document LayoutBuilder::finish(core::Diagnostics& diags)
{
    if (!calibrated_)
        calibrate();
    while (!pending_.empty())
        finish_page();

    core::Document doc;
    doc.meta = std::move(meta_);
    core::Metadata& meta = doc.meta;
    std::vector<RawNote> notes = std::move(notes_);
    ParagraphBuilder& paras = *paragraphs_;
    paras.finish(notes);
    if (any_ocr_) { // a word OCR split in the title is one the document prints whole
        meta.title = mend_ocr_splits(meta.title, paras.vocabulary());
        meta.subtitle = mend_ocr_splits(meta.subtitle, paras.vocabulary());
    }
    std::vector<core::Author> authors_front = std::move(authors_front_);

    // 5. the author's bio at the end ("Jane Doe is a senior fellow at ..."), after OCR noise there
    std::size_t end = paras.size();
    while (any_ocr_ && end > 0 && is_ocr_noise(paras.para(end - 1)))
        --end;
    const std::size_t before_bios = end;
    end = take_author_bios(paras, end, authors_front, any_ocr_);
    for (std::size_t i = 0; trace_ && i < paras.size(); ++i)
        trace_->set_paragraph(i, paras.page(i), paras.first_box(i),
                              i >= before_bios   ? core::TraceRole::Dropped
                              : i >= end         ? core::TraceRole::Byline
                              : paras.heading(i) ? core::TraceRole::Heading
                                                 : core::TraceRole::Paragraph);

    // 6. Document, a paragraph at a time: provenance lines out, note marks linked (notes get
    // their ids first), bare URLs made links
    std::map<double, int> heading_levels;
    for (std::size_t i = 0; i < end; ++i)
        if (paras.heading(i))
            heading_levels[-std::round(paras.font_size(i) * 2) / 2] = 0;
    {
        int level = 1;
        for (auto& [s, lv] : heading_levels)
            lv = std::min(6, level++);
    }
    NoteLinker linker(notes);
    // the lede is the abstract
    const std::size_t first = lede_paragraphs(paras, end, body_);
    std::vector<Tok> lede;
    for (std::size_t i = 0; i < first; ++i) {
        if (trace_)
            trace_->set_paragraph_role(i, core::TraceRole::Abstract);
        Para part = paras.take(i);
        linker.link(part);
        if (!lede.empty() && !part.toks.empty())
            part.toks.front().space_before = true;
        lede.insert(lede.end(), part.toks.begin(), part.toks.end());
    }
    mark_bare_urls(lede);
    meta.abstract = build_inlines(lede);
    for (std::size_t i = first; i < end; ++i) {
        Para para = paras.take(i);
        if (take_provenance(para, meta)) {
            if (trace_)
                trace_->set_paragraph_role(i, core::TraceRole::Provenance);
            continue;
        }
        if (const std::size_t bio = take_inner_bio(
                para, [&] { return i + 1 < end ? paras.para(i + 1) : Para{}; }, authors_front, any_ocr_)) {
            for (std::size_t k = 0; trace_ && k < bio; ++k)
                trace_->set_paragraph_role(i + k, core::TraceRole::Byline);
            i += bio - 1;
            continue;
        }
        linker.link(para);
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
    paragraphs_.reset();
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
    if (meta.publisher.empty())
        meta.publisher = publisher_after_title(hints_.title, meta.title);
    if (authors_front.empty() && !hints_.author.empty())
        authors_front = core::parse_byline(hints_.author);
    meta.authors = std::move(authors_front);
    if (meta.date.iso.empty() && !hints_.date_iso.empty()) {
        meta.date.iso = hints_.date_iso;
    }
    for (const auto& [page, message] : dropped_)
        diags.warn("layout.text-dropped", message, page);
    if (meta.title.empty())
        diags.warn("layout.no-title", "no title found on the first page or in the document information");
    if (doc.body.empty())
        diags.warn("layout.empty-body", "no body text found");
    if (trace_)
        doc.trace = trace_->finish();
    return doc;
}

} // namespace colophon::layout
