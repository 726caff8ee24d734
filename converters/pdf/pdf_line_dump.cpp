#include "pdf_line_dump.h"

#include "layout/text_lines.h"
#include "pdf_text_layer.h"
#include "poppler_handles.h"

#include "core/input.h"

#include <cstdio>

namespace colophon::pdf {

int dump_lines(const std::string& path, std::ostream& out)
{
    const core::Input input = core::read_input(path, 200u * 1024 * 1024);
    const BytesPtr bytes(g_bytes_new(input.bytes.data(), input.bytes.size()));
    GError* raw_err = nullptr;
    const DocumentPtr pdf(poppler_document_new_from_bytes(bytes.get(), nullptr, &raw_err));
    const ErrorPtr err(raw_err);
    if (!pdf)
        return 1;
    const TextLayer text(input.bytes, {}, input.display_name);
    for (int i = 0; i < poppler_document_get_n_pages(pdf.get()); ++i) {
        const PagePtr page(poppler_document_get_page(pdf.get(), i));
        const words::PageWords words = read_page_words(text, pdf.get(), page.get(), i + 1);
        out << "=== page " << i + 1 << " (" << words.width << "x" << words.height << ")\n";
        for (const layout::TextLine& l : layout::build_lines(words)) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "f%-2d x%6.1f-%6.1f y%6.1f-%6.1f s%4.1f %s%s| ", l.frame_id, l.box.x0, l.box.x1,
                          l.box.y0, l.box.y1, l.size, l.bold ? "B" : " ", l.italic ? "I" : " ");
            out << buf;
            for (const auto& w : l.words) {
                if (w.space_before)
                    out << ' ';
                out << (w.superscript ? "[" : "") << w.text << (w.superscript ? "]" : "");
                if (!w.uri.empty())
                    out << "<L>";
            }
            out << "\n";
        }
    }
    return 0;
}

} // namespace colophon::pdf
