#include "paragraphs.h"

#include "core/text.h"
#include "dehyphenation.h"
#include "footnotes.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <cmath>
#include <map>
#include <regex>
#include <utility>

namespace colophon::layout {

namespace {

// Two indented lines of one block (a quotation) start within this many em of each other: an
// opening quotation mark hung into the margin shifts the first by its width, and a new
// paragraph's indent is 0.8 em or more. (pdf-gen2 pdfLaTeX quotations; pdf-gen, pdf-real.)
constexpr double same_indent_em = 0.3;
// Small capitals are set at about 0.8 of the size: a bold line in capitals down to this share
// of the body size is a heading (pdf-gen2 memoir; pdf-gen, pdf-real unchanged).
constexpr double small_caps_heading_ratio = 0.75;

// Capitals only (Latin: no lower-case letter, at least two capitals).
bool is_all_capitals(const std::string& text)
{
    int upper = 0;
    for (const char c : text) {
        if (c >= 'a' && c <= 'z')
            return false;
        upper += c >= 'A' && c <= 'Z';
    }
    return upper >= 2 && core::to_lower(text) != text;
}

} // namespace

double typical_line_gap(const std::vector<const PageLines*>& pages, double body)
{
    double line_gap = 0.2 * body;
    std::vector<double> gaps;
    for (const PageLines* pl : pages)
        for (std::size_t i = 1; i < pl->lines.size(); ++i) {
            const TextLine &a = pl->lines[i - 1], &b = pl->lines[i];
            if (a.frame_id == b.frame_id && std::abs(a.size - body) < 0.6 && std::abs(b.size - body) < 0.6 &&
                b.box.y0 > a.box.y0)
                gaps.push_back(b.box.y0 - a.box.y1);
        }
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
        line_gap = gaps[gaps.size() / 2];
    }
    return line_gap;
}

namespace {

// Left and right edges of each column's body lines, and whether the column is justified.
std::map<int, ParagraphBuilder::FrameStats> frame_stats(const PageLines& page, const std::vector<Role>& role)
{
    std::map<int, ParagraphBuilder::FrameStats> frames;
    std::map<int, std::vector<const TextLine*>> by_frame;
    for (std::size_t i = 0; i < page.lines.size(); ++i)
        if (role[i] == Role::Body)
            by_frame[page.lines[i].frame_id].push_back(&page.lines[i]);
    for (const auto& [key, ls] : by_frame) {
        std::map<long, int> lefts, rights;
        for (const TextLine* l : ls) {
            ++lefts[std::lround(l->box.x0)];
            ++rights[std::lround(l->box.x1)];
        }
        ParagraphBuilder::FrameStats st;
        int best = 0;
        st.left = ls.front()->box.x0;
        for (const auto& [x, n] : lefts)
            if (n > best || (n == best && x < st.left)) {
                best = n;
                st.left = static_cast<double>(x);
            }
        double maxr = 0;
        for (const TextLine* l : ls)
            maxr = std::max(maxr, l->box.x1);
        st.right = maxr;
        int at_right = 0;
        for (const TextLine* l : ls)
            at_right += l->box.x1 > maxr - 2.0;
        st.justified = ls.size() >= 3 && at_right * 2 >= static_cast<int>(ls.size());
        // a left margin seen only once is not a margin
        if (best < 2)
            st.left = std::min_element(ls.begin(), ls.end(), [](auto a, auto b) { return a->box.x0 < b->box.x0; })[0]->box.x0;
        frames[key] = st;
    }
    return frames;
}

bool opens_with_bullet_word(std::string_view w)
{
    static const std::array<std::string_view, 9> bullets{"\u2022", "\u25e6", "\u25aa", "\u25cf", "\u25cb",
                                                         "\u25a0", "\u2023", "\u2043", "\u00b7"};
    return std::find(bullets.begin(), bullets.end(), w) != bullets.end();
}

// A list item opens with a bullet standing alone; the bullet is no text.
bool opens_with_bullet(const TextLine& l) { return l.words.size() >= 2 && opens_with_bullet_word(l.words.front().text); }

// A short line ending a clause with ';' ends a list item ("Digitise the certificates;"): prose
// runs on to the margin unless the next word is too long for the line.
bool ends_item(const std::string& text)
{
    const std::string_view t = core::trim(text);
    return !t.empty() && t.back() == ';';
}

// A list item's label: a bullet, or a number or letter with a full stop or parenthesis
// ("1.", "12)", "a.", "(iv)").
bool is_item_label(std::string_view w)
{
    static const std::regex label(R"(^\(?([0-9]{1,3}|[a-z]|[ivx]{1,5})[.)]$)", std::regex::icase);
    return opens_with_bullet_word(w) || std::regex_match(std::string(w), label);
}

// `l` continues the item `prev` opened: it starts where the text after the item's label starts
// (a hanging indent).
bool hangs_under_item(const TextLine& prev, const TextLine& l, double body)
{
    return prev.words.size() >= 2 && is_item_label(prev.words.front().text) &&
           std::abs(l.box.x0 - prev.words[1].box.x0) < same_indent_em * body;
}

bool is_notes_heading(const TextLine& l)
{
    static const std::regex notes_heading(R"(^\s*(\d+\.?\s*)?(notes|endnotes|end notes|footnotes)\s*:?\s*$)", std::regex::icase);
    return std::regex_match(core::clean_text(l.text()), notes_heading);
}

} // namespace

bool ParagraphBuilder::is_heading_line(const TextLine& l) const
{
    const double body = body_;
    const std::string text = l.text();
    // bold capitals or small capitals (set smaller than the body: memoir's section style)
    const bool bold_capitals = l.bold && l.size >= small_caps_heading_ratio * body && is_all_capitals(text);
    // set at the body size and not bold: prose, without looking at the words
    if (l.size < heading_size_ratio * body && !(l.bold && l.size >= 0.95 * body) && !bold_capitals)
        return false;
    const core::TextStats st = core::text_stats(text);
    if (st.letters < 2)
        return false;
    const auto nwords = core::split_words(text).size();
    // a note mark after the last word says nothing about how the line ends
    std::string last_word;
    for (auto w = l.words.rbegin(); w != l.words.rend() && last_word.empty(); ++w)
        if (!w->superscript)
            last_word = w->text;
    const char last = last_word.empty() ? ' ' : last_word.back();
    const bool ends_period = last == '.' || last == ',' || last == ';';
    // a lede or pull quote set large is prose: italic and long, or a full sentence
    if (l.size >= heading_size_ratio * body && nwords <= 25 && !(l.italic && !l.bold && nwords > 8) && !ends_period)
        return true;
    return l.bold && nwords <= 16 && (l.size >= 0.95 * body || bold_capitals) && !ends_period;
}

bool ParagraphBuilder::take_endnote_line(const TextLine& l, bool heading, std::vector<RawNote>& notes)
{
    // "Notes" alone on a line, set off as a heading or in bold (a web page's endnotes heading
    // may be set smaller than the body)
    if ((heading || l.bold) && is_notes_heading(l)) {
        in_endnotes_ = true;
        prev_.reset();
        return true;
    }
    if (!in_endnotes_)
        return false;
    if (heading) {
        in_endnotes_ = false;
        return false;
    }
    const std::string label = note_start_label(l);
    if (!label.empty()) {
        RawNote n;
        n.label = label;
        n.page = l.page;
        n.place = core::NotePlace::End;
        n.toks = note_body_tokens(l, n.hyphens);
        notes.push_back(std::move(n));
    } else if (!notes.empty()) {
        append_line(notes.back().toks, l, notes.back().hyphens);
    }
    return true;
}

bool ParagraphBuilder::starts_new_block(const TextLine& l, bool heading, const FrameStats& fs) const
{
    if (!prev_ || !open_ || opens_with_bullet(l))
        return true;
    const double body = body_;
    const TextLine* prev = &*prev_;
    const FrameStats& pfs = prev_frame_;
    const bool same_frame = prev->page == l.page && prev->frame_id == l.frame_id && l.box.y0 > prev->box.y0;
    const std::string ptext = prev->text();
    const double indent = l.box.x0 - fs.left;
    const bool indented = indent > 0.8 * body && indent < 0.4 * (fs.right - fs.left);
    const bool prev_short = pfs.justified ? prev->box.x1 < pfs.right - 1.5 * body
                                          : prev->box.x1 < pfs.right - 0.2 * (pfs.right - pfs.left);
    if (heading || prev_heading_)
        return !(heading && prev_heading_ && same_frame && std::abs(prev->size - l.size) < 0.6 &&
                 l.box.y0 - prev->box.y1 < 0.8 * l.size && prev->bold == l.bold);
    if (same_frame) {
        const double gap = l.box.y0 - prev->box.y1;
        const double prev_indent = prev->box.x0 - fs.left;
        const bool indent_changes =
            indented && std::abs(prev_indent - indent) > same_indent_em * body && !hangs_under_item(*prev, l, body);
        return gap > line_gap_ + 0.45 * body || indent_changes ||
               (prev_short && (ends_sentence(ptext) || ends_item(ptext))) || std::abs(l.size - prev->size) > 1.0;
    }
    return indented || (prev_short && (ends_sentence(ptext) || ends_item(ptext))) || std::abs(l.size - prev->size) > 1.0;
}

void ParagraphBuilder::add_page(const PageLines& page, const std::vector<Role>& role, std::vector<RawNote>& notes)
{
    ocr_ = ocr_ || page.from_ocr;
    // 1. the de-hyphenation vocabulary learns from body and note lines
    for (std::size_t i = 0; i < page.lines.size(); ++i)
        if (role[i] == Role::Body || role[i] == Role::Note)
            vocab_.add_line(page.lines[i]);
    // 2. the columns' margins
    const std::map<int, FrameStats> frames = frame_stats(page, role);

    for (std::size_t i = 0; i < page.lines.size(); ++i) {
        if (role[i] != Role::Body)
            continue;
        const TextLine& l = page.lines[i];
        const bool heading = is_heading_line(l);
        // 3. endnote sections
        if (take_endnote_line(l, heading, notes))
            continue;
        // 4. a line opens a block or runs on the open one
        const FrameStats& fs = frames.at(l.frame_id);
        if (starts_new_block(l, heading, fs)) {
            close_open_para();
            Para para;
            para.heading = heading;
            para.size = l.size;
            para.page = l.page;
            para.box = l.box;
            append_line(para.toks, l, para.hyphens, opens_with_bullet(l) ? 1 : 0);
            open_ = std::move(para);
        } else {
            append_line(open_->toks, l, open_->hyphens);
        }
        prev_ = l;
        prev_frame_ = fs;
        prev_heading_ = heading;
    }
}

void ParagraphBuilder::close_open_para()
{
    if (!open_)
        return;
    Para& p = *open_;
    PackedPara pp;
    pp.heading = p.heading;
    pp.size = p.size;
    pp.page = p.page;
    pp.box = p.box;
    pp.hyphens = std::move(p.hyphens);
    pp.toks.reserve(p.toks.size());
    std::size_t bytes = 0;
    for (const Tok& t : p.toks)
        bytes += t.text.size();
    pp.text.reserve(bytes);
    for (const Tok& t : p.toks) {
        PackedTok pt;
        pp.text += t.text;
        pt.text_end = static_cast<std::uint32_t>(pp.text.size());
        if (!t.uri.empty()) {
            const auto [it, added] = uri_index_.try_emplace(t.uri, static_cast<std::uint32_t>(uris_.size()));
            if (added)
                uris_.push_back(t.uri);
            pt.uri = it->second;
        }
        pt.page = t.page;
        pt.dest_page = t.dest_page;
        pt.flags = static_cast<std::uint8_t>((t.bold ? 1 : 0) | (t.italic ? 2 : 0) | (t.sup ? 4 : 0) | (t.space_before ? 8 : 0));
        pp.toks.push_back(pt);
    }
    paras_.push_back(std::move(pp));
    open_.reset();
}

Para ParagraphBuilder::unpack(const PackedPara& pp) const
{
    Para p;
    p.heading = pp.heading;
    p.size = pp.size;
    p.page = pp.page;
    p.box = pp.box;
    p.toks.reserve(pp.toks.size());
    std::uint32_t start = 0;
    for (const PackedTok& pt : pp.toks) {
        Tok t;
        t.text = pp.text.substr(start, pt.text_end - start);
        start = pt.text_end;
        t.uri = uris_[pt.uri];
        t.page = pt.page;
        t.dest_page = pt.dest_page;
        t.bold = pt.flags & 1;
        t.italic = pt.flags & 2;
        t.sup = pt.flags & 4;
        t.space_before = pt.flags & 8;
        p.toks.push_back(std::move(t));
    }
    std::vector<PendingHyphen> hyphens = pp.hyphens;
    settle_hyphens(p.toks, hyphens, vocab_);
    if (ocr_)
        mend_ocr_splits(p.toks, vocab_);
    return p;
}

void ParagraphBuilder::finish(std::vector<RawNote>& notes)
{
    close_open_para();
    for (RawNote& n : notes) {
        settle_hyphens(n.toks, n.hyphens, vocab_);
        if (ocr_)
            mend_ocr_splits(n.toks, vocab_);
    }
    // a "heading" that reads as prose (a lede set large) is a paragraph
    for (PackedPara& pp : paras_) {
        if (!pp.heading)
            continue;
        const std::string text = core::clean_text(tokens_text(unpack(pp).toks));
        if (core::split_words(text).size() > 20 || (!text.empty() && text.back() == '.'))
            pp.heading = false;
    }
}

Para ParagraphBuilder::para(std::size_t i) const { return unpack(paras_[i]); }

Para ParagraphBuilder::take(std::size_t i)
{
    Para p = unpack(paras_[i]);
    paras_[i] = PackedPara{p.heading, p.size, p.page, p.box, {}, {}, {}};
    return p;
}

} // namespace colophon::layout
