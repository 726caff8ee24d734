#include "inline_runs.h"

namespace colophon::layout {

namespace {

// Splits what follows `core_text` off token i into an unlinked token of its own.
void split_tail(std::vector<Tok>& toks, std::size_t i, const std::string& core_text)
{
    Tok rest = toks[i];
    rest.text = rest.text.substr(core_text.size());
    rest.uri.clear();
    rest.space_before = false;
    toks[i].text = core_text;
    toks.insert(toks.begin() + static_cast<long>(i) + 1, std::move(rest));
}

} // namespace

void mark_bare_urls(std::vector<Tok>& toks)
{
    // a link annotation usually stops before the full stop that the text layer glues to its last word
    for (std::size_t i = 0; i < toks.size(); ++i) {
        Tok& t = toks[i];
        const bool run_ends = i + 1 == toks.size() || toks[i + 1].uri != t.uri;
        if (t.uri.empty() || !run_ends || url_like(t.text))
            continue;
        const std::string core_text = strip_trailing_punct(t.text);
        // the full stop after a URL, a word of its own inside the link's rectangle
        const bool run_starts_here = i == 0 || toks[i - 1].uri != t.uri;
        if (core_text.empty() && !run_starts_here && !t.space_before) {
            t.uri.clear();
            continue;
        }
        if (core_text.empty() || core_text.size() == t.text.size())
            continue;
        split_tail(toks, i, core_text);
        ++i;
    }
    for (std::size_t i = 0; i < toks.size(); ++i) {
        Tok& t = toks[i];
        if (!url_like(t.text))
            continue;
        const std::string core_text = strip_trailing_punct(t.text);
        if (core_text.size() < 8)
            continue;
        if (t.uri.empty())
            t.uri = core_text.starts_with("www.") ? "http://" + core_text : core_text;
        if (core_text.size() < t.text.size()) {
            split_tail(toks, i, core_text);
            ++i;
        }
    }
}

// Tokens -> inline tree: links group their tokens, styles wrap their text.
std::vector<core::Inline> build_inlines(const std::vector<Tok>& toks)
{
    using core::Inline;
    using core::InlineKind;
    std::vector<Inline> out;
    std::string cur_uri;
    auto container = [&]() -> std::vector<Inline>& {
        if (!cur_uri.empty() && !out.empty() && out.back().kind == InlineKind::Link)
            return out.back().children;
        return out;
    };
    auto append_text = [](std::vector<Inline>& v, const std::string& s) {
        if (!v.empty() && v.back().kind == InlineKind::Text)
            v.back().text += s;
        else
            v.push_back(Inline::make_text(s));
    };
    int last_style = -1;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const Tok& t = toks[i];
        const bool space = i > 0 && t.space_before;
        if (t.uri != cur_uri) {
            if (space)
                append_text(out, " ");
            cur_uri = t.uri;
            if (!cur_uri.empty())
                out.push_back(Inline::make_link(cur_uri, {}));
            last_style = -1;
        } else if (space) {
            // inside the same style the space joins the styled text
            const int style = (t.bold ? 1 : 0) | (t.italic ? 2 : 0) | (t.sup ? 4 : 0);
            auto& c = container();
            if (style != 0 && style == last_style && !c.empty() && c.back().kind != InlineKind::Text &&
                c.back().kind != InlineKind::NoteRef && t.note_id.empty()) {
                Inline* in = &c.back();
                while (!in->children.empty())
                    in = &in->children.back();
                in->text += " ";
            } else {
                append_text(c, " ");
                last_style = 0;
            }
        }
        auto& c = container();
        if (!t.note_id.empty()) {
            c.push_back(Inline::make_note_ref(t.note_id, note_label_of(t.text)));
            last_style = -1;
            continue;
        }
        const int style = (t.bold ? 1 : 0) | (t.italic ? 2 : 0) | (t.sup ? 4 : 0);
        if (style == 0) {
            append_text(c, t.text);
        } else if (style == last_style && !c.empty() && c.back().kind != InlineKind::Text) {
            Inline* in = &c.back();
            while (!in->children.empty())
                in = &in->children.back();
            in->text += t.text;
        } else {
            Inline node = Inline::make_text(t.text);
            if (t.sup)
                node = Inline::make_span(InlineKind::Superscript, {std::move(node)});
            if (t.italic)
                node = Inline::make_span(InlineKind::Italic, {std::move(node)});
            if (t.bold)
                node = Inline::make_span(InlineKind::Bold, {std::move(node)});
            c.push_back(std::move(node));
        }
        last_style = style;
    }
    return out;
}

} // namespace colophon::layout
