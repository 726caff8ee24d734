#include "pdf_text_layer.h"

#include "poppler_handles.h"

#include <utility>

namespace colophon::pdf {

namespace {

// Resolves a GoTo action's destination to (page, top-from-page-top).
void resolve_dest(PopplerDocument* doc, const PopplerDest* dest, words::LinkArea& area)
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

void read_links(PopplerDocument* doc, PopplerPage* page, words::PageWords& out)
{
    const LinkMappingPtr links(poppler_page_get_link_mapping(page));
    for (GList* l = links.get(); l; l = l->next) {
        const auto* m = static_cast<PopplerLinkMapping*>(l->data);
        if (!m || !m->action)
            continue;
        words::LinkArea area;
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

words::PageWords read_page_words(const TextLayer& text, PopplerDocument* doc, PopplerPage* page, int page_no)
{
    words::PageWords out;
    out.page = page_no;
    poppler_page_get_size(page, &out.width, &out.height);
    PageText upright = text.words(page_no);
    out.words = std::move(upright.words);
    read_links(doc, page, out);
    // links were read on the page as shown; the words were turned upright
    const PageTurn turn{upright.turn.quarter, out.width, out.height};
    for (words::LinkArea& l : out.links)
        l.box = turn.upright(l.box);
    out.width = turn.upright_width();
    out.height = turn.upright_height();
    return out;
}

} // namespace colophon::pdf
