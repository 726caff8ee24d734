#include "paragraphs.h"

#include "core/text.h"
#include "dehyphenation.h"
#include "footnotes.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <utility>

namespace colophon::layout {

namespace {

struct FrameStats
{
    double left = 0, right = 0;
    bool justified = false;
};

} // namespace

std::vector<Para> build_paragraphs(const std::vector<PageLines>& pages, const RoleMap& role, double body,
                                   std::vector<RawNote>& notes)
{
    Vocabulary vocab;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (std::size_t i = 0; i < pages[p].lines.size(); ++i)
            if (role[p][i] == Role::Body || role[p][i] == Role::Note)
                vocab.add_line(pages[p].lines[i]);

    std::map<std::pair<int, int>, FrameStats> frames;
    {
        std::map<std::pair<int, int>, std::vector<const TextLine*>> by_frame;
        for (std::size_t p = 0; p < pages.size(); ++p)
            for (std::size_t i = 0; i < pages[p].lines.size(); ++i)
                if (role[p][i] == Role::Body)
                    by_frame[{pages[p].page, pages[p].lines[i].frame_id}].push_back(&pages[p].lines[i]);
        for (const auto& [key, ls] : by_frame) {
            std::map<long, int> lefts, rights;
            for (const TextLine* l : ls) {
                ++lefts[std::lround(l->box.x0)];
                ++rights[std::lround(l->box.x1)];
            }
            FrameStats st;
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
    }
    // typical gap between lines of one paragraph
    double line_gap = 0.2 * body;
    {
        std::vector<double> gaps;
        for (const PageLines& pl : pages)
            for (std::size_t i = 1; i < pl.lines.size(); ++i) {
                const TextLine &a = pl.lines[i - 1], &b = pl.lines[i];
                if (a.frame_id == b.frame_id && std::abs(a.size - body) < 0.6 && std::abs(b.size - body) < 0.6 &&
                    b.box.y0 > a.box.y0)
                    gaps.push_back(b.box.y0 - a.box.y1);
            }
        if (!gaps.empty()) {
            std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
            line_gap = gaps[gaps.size() / 2];
        }
    }

    auto is_heading_line = [&](const TextLine& l) {
        const std::string text = l.text();
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
        return l.bold && nwords <= 16 && l.size >= 0.95 * body && !ends_period;
    };
    static const std::regex notes_heading(R"(^\s*(\d+\.?\s*)?(notes|endnotes|end notes|footnotes)\s*:?\s*$)", std::regex::icase);

    std::vector<Para> paras;
    const TextLine* prev = nullptr;
    bool prev_heading = false;
    bool in_endnotes = false;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (std::size_t i = 0; i < pages[p].lines.size(); ++i) {
            if (role[p][i] != Role::Body)
                continue;
            const TextLine& l = pages[p].lines[i];
            const bool heading = is_heading_line(l);
            if (heading && std::regex_match(core::clean_text(l.text()), notes_heading)) {
                in_endnotes = true;
                prev = nullptr;
                continue;
            }
            if (in_endnotes) {
                if (heading && !std::regex_match(core::clean_text(l.text()), notes_heading)) {
                    in_endnotes = false;
                } else {
                    const std::string label = note_start_label(l);
                    if (!label.empty()) {
                        RawNote n;
                        n.label = label;
                        n.page = l.page;
                        n.place = core::NotePlace::End;
                        n.toks = note_body_tokens(l, vocab);
                        notes.push_back(std::move(n));
                    } else if (!notes.empty()) {
                        append_line(notes.back().toks, l, vocab);
                    }
                    continue;
                }
            }
            bool new_block = true;
            if (prev && !paras.empty()) {
                const FrameStats& fs = frames[{l.page, l.frame_id}];
                const FrameStats& pfs = frames[{prev->page, prev->frame_id}];
                const bool same_frame = prev->page == l.page && prev->frame_id == l.frame_id && l.box.y0 > prev->box.y0;
                const std::string ptext = prev->text();
                const double indent = l.box.x0 - fs.left;
                const bool indented = indent > 0.8 * body && indent < 0.4 * (fs.right - fs.left);
                const bool prev_short = pfs.justified ? prev->box.x1 < pfs.right - 1.5 * body
                                                      : prev->box.x1 < pfs.right - 0.2 * (pfs.right - pfs.left);
                if (heading || prev_heading) {
                    new_block = !(heading && prev_heading && same_frame && std::abs(prev->size - l.size) < 0.6 &&
                                  l.box.y0 - prev->box.y1 < 0.8 * l.size && prev->bold == l.bold);
                } else if (same_frame) {
                    const double gap = l.box.y0 - prev->box.y1;
                    const double prev_indent = prev->box.x0 - fs.left;
                    new_block = gap > line_gap + 0.45 * body || (indented && std::abs(prev_indent - indent) > 1.0) ||
                                (prev_short && ends_sentence(ptext)) || std::abs(l.size - prev->size) > 1.0;
                } else {
                    new_block = indented || (prev_short && ends_sentence(ptext)) || std::abs(l.size - prev->size) > 1.0;
                }
            }
            if (new_block) {
                Para para;
                para.heading = heading;
                para.size = l.size;
                para.page = l.page;
                para.box = l.box;
                append_line(para.toks, l, vocab);
                paras.push_back(std::move(para));
            } else {
                append_line(paras.back().toks, l, vocab);
            }
            prev = &l;
            prev_heading = heading;
        }
    }

    // a "heading" that reads as prose (a lede set large) is a paragraph
    for (Para& para : paras) {
        if (!para.heading)
            continue;
        const std::string text = core::clean_text(tokens_text(para.toks));
        if (core::split_words(text).size() > 20 || (!text.empty() && text.back() == '.'))
            para.heading = false;
    }
    return paras;
}

} // namespace colophon::layout
