#include "pdf_text_layer.h"

#include "font_style.h"
#include "poppler_handles.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

namespace colophon::pdf {

namespace {

struct Attr
{
    std::string font;
    double size = 0;
    bool bold = false;
    bool italic = false;
};

bool is_space(gunichar c) { return g_unichar_isspace(c) || c == 0x00A0 || c == 0x200B; }

// Resolves a GoTo action's destination to (page, top-from-page-top).
void resolve_dest(PopplerDocument* doc, const PopplerDest* dest, layout::LinkArea& area)
{
    if (!dest)
        return;
    const PopplerDest* d = dest;
    DestPtr named;
    if (dest->type == POPPLER_DEST_NAMED && dest->named_dest) {
        named.reset(poppler_document_find_dest(doc, dest->named_dest));
        d = named.get();
    }
    if (!d || d->page_num <= 0)
        return;
    area.dest_page = d->page_num;
    if (d->change_top) {
        const PagePtr target(poppler_document_get_page(doc, d->page_num - 1));
        if (target) {
            double w = 0, h = 0;
            poppler_page_get_size(target.get(), &w, &h);
            area.dest_y = h - d->top;
        }
    }
}

void read_links(PopplerDocument* doc, PopplerPage* page, layout::PageWords& out)
{
    const LinkMappingPtr links(poppler_page_get_link_mapping(page));
    for (GList* l = links.get(); l; l = l->next) {
        const auto* m = static_cast<PopplerLinkMapping*>(l->data);
        if (!m || !m->action)
            continue;
        layout::LinkArea area;
        // Link rectangles are in PDF user space (origin bottom-left).
        area.box = {m->area.x1, out.height - m->area.y2, m->area.x2, out.height - m->area.y1};
        if (area.box.y0 > area.box.y1)
            std::swap(area.box.y0, area.box.y1);
        if (m->action->type == POPPLER_ACTION_URI && m->action->uri.uri) {
            area.uri = m->action->uri.uri;
        } else if (m->action->type == POPPLER_ACTION_GOTO_DEST) {
            resolve_dest(doc, m->action->goto_dest.dest, area);
            if (area.dest_page == 0)
                continue;
        } else {
            continue;
        }
        out.links.push_back(std::move(area));
    }
}

} // namespace

layout::PageWords read_page_words(PopplerDocument* doc, PopplerPage* page, int page_no)
{
    layout::PageWords out;
    out.page = page_no;
    poppler_page_get_size(page, &out.width, &out.height);

    const CharPtr text(poppler_page_get_text(page));
    PopplerRectangle* raw_rects = nullptr;
    guint n_rects = 0;
    const bool have_layout = poppler_page_get_text_layout(page, &raw_rects, &n_rects);
    const RectanglesPtr rects(raw_rects);
    if (text && have_layout && n_rects > 0) {
        // Attribute runs by character offset.
        std::vector<const PopplerTextAttributes*> attr_of(n_rects, nullptr);
        const TextAttributesPtr attrs(poppler_page_get_text_attributes(page));
        for (GList* l = attrs.get(); l; l = l->next) {
            const auto* a = static_cast<const PopplerTextAttributes*>(l->data);
            for (int i = std::max(0, a->start_index); i <= a->end_index && i < static_cast<int>(n_rects); ++i)
                attr_of[static_cast<std::size_t>(i)] = a;
        }
        std::unordered_map<const PopplerTextAttributes*, Attr> styles;
        auto style_of = [&](const PopplerTextAttributes* a) -> const Attr& {
            auto it = styles.find(a);
            if (it != styles.end())
                return it->second;
            Attr st;
            if (a) {
                st.font = a->font_name ? a->font_name : "";
                st.size = a->font_size;
                const FontStyle fs = style_from_font_name(st.font);
                st.bold = fs.bold;
                st.italic = fs.italic;
            }
            return styles.emplace(a, std::move(st)).first->second;
        };

        layout::Word cur;
        PopplerRectangle last{};
        bool open = false;
        const PopplerTextAttributes* cur_attr = nullptr;
        auto flush = [&] {
            if (open && !cur.text.empty())
                out.words.push_back(std::move(cur));
            cur = {};
            open = false;
        };
        const char* p = text.get();
        for (guint i = 0; i < n_rects && *p; ++i, p = g_utf8_next_char(p)) {
            const gunichar c = g_utf8_get_char(p);
            if (is_space(c)) {
                flush();
                continue;
            }
            const PopplerRectangle& r = rects.get()[i];
            const PopplerTextAttributes* a = attr_of[i];
            const Attr& st = style_of(a);
            // Poppler's stream can glue characters that are not neighbours on the page.
            if (open) {
                const double size = std::max(1.0, cur.size);
                const double cy = (r.y1 + r.y2) / 2, prev_cy = (last.y1 + last.y2) / 2;
                if (r.x1 < last.x1 - 0.5 * size || r.x1 - last.x2 > 0.4 * size || std::abs(cy - prev_cy) > 0.6 * size)
                    flush();
            }
            if (open && a != cur_attr) {
                const Attr& prev = style_of(cur_attr);
                if (prev.font != st.font || std::abs(prev.size - st.size) > 0.01)
                    flush();
            }
            if (!open) {
                cur.box = {r.x1, r.y1, r.x2, r.y2};
                cur.font = st.font;
                cur.size = st.size;
                cur.bold = st.bold;
                cur.italic = st.italic;
                cur_attr = a;
                open = true;
            } else {
                cur.box.x0 = std::min(cur.box.x0, r.x1);
                cur.box.y0 = std::min(cur.box.y0, r.y1);
                cur.box.x1 = std::max(cur.box.x1, r.x2);
                cur.box.y1 = std::max(cur.box.y1, r.y2);
            }
            last = r;
            char buf[6];
            const int n = g_unichar_to_utf8(c, buf);
            cur.text.append(buf, static_cast<std::size_t>(n));
        }
        flush();
    }
    read_links(doc, page, out);
    return out;
}

} // namespace colophon::pdf
