#include "text_layer.h"

#include "font_style.h"
#include "poppler_messages.h"

#include "core/diagnostics.h"

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace colophon::pdf {

namespace {

bool is_space(Unicode c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x200B || c == 0x3000; }

void append_utf8(std::string& out, Unicode c)
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
        c = 0xFFFD;
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
    out.append(buf, static_cast<std::size_t>(n));
}

struct Style
{
    std::string font; // without the subset tag ("ABCDEF+")
    bool bold = false;
    bool italic = false;
};

Style style_of(const TextFontInfo* info)
{
    Style st;
    const GooString* name = info ? info->getFontName() : nullptr;
    std::string_view n = name ? std::string_view(name->c_str(), static_cast<std::size_t>(name->getLength())) : "";
    std::size_t caps = 0;
    while (caps < n.size() && n[caps] >= 'A' && n[caps] <= 'Z')
        ++caps;
    if (caps > 0 && caps < n.size() && n[caps] == '+')
        n.remove_prefix(caps + 1);
    st.font = n.empty() ? "Default" : std::string(n);
    const FontStyle fs = style_from_font_name(st.font);
    st.bold = fs.bold;
    st.italic = fs.italic;
    return st;
}

} // namespace

TextLayer::TextLayer(std::string_view bytes, const std::string& password, const std::string& file)
{
    params_ = std::make_unique<GlobalParamsIniter>(poppler_error_callback());
    std::optional<GooString> pw;
    if (!password.empty())
        pw.emplace(password);
    // PDFDoc takes ownership of the stream it is given; the stream only points at `bytes`.
    auto stream = std::make_unique<MemStream>(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    doc_ = std::make_unique<PDFDoc>(stream.release(), pw, pw);
    if (!doc_->isOk())
        throw core::ConversionError("pdf.unreadable", file,
                                    "Poppler cannot read this PDF's text (error " + std::to_string(doc_->getErrorCode()) + ")");
}

TextLayer::~TextLayer() = default;

PageText TextLayer::words(int page_no) const
{
    PageText page;
    const bool sideways = doc_->getPageRotate(page_no) % 180 != 0;
    page.turn.width = sideways ? doc_->getPageCropHeight(page_no) : doc_->getPageCropWidth(page_no);
    page.turn.height = sideways ? doc_->getPageCropWidth(page_no) : doc_->getPageCropHeight(page_no);
    std::vector<words::Word>& out = page.words;
    TextOutputDev dev(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0, /*rawOrderA=*/false, /*append=*/false);
    if (!dev.isOk())
        return page;
    doc_->displayPage(&dev, page_no, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false);
    const std::unique_ptr<TextWordList> list = dev.makeWordList();
    if (!list)
        return page;

    // 1. the direction most of the page's text runs in
    std::array<int, 4> chars{};
    for (int k = 0; k < list->getLength(); ++k)
        chars[static_cast<std::size_t>(list->get(k)->getRotation() & 3)] += list->get(k)->getLength();
    page.turn.quarter = dominant_quarter(chars);

    // 2. glyphs into words: neighbours are judged along each word's own direction, boxes are
    // given in the page's upright frame
    std::unordered_map<const TextFontInfo*, Style> styles;
    auto style = [&](const TextFontInfo* info) -> const Style& {
        auto it = styles.find(info);
        return it != styles.end() ? it->second : styles.emplace(info, style_of(info)).first->second;
    };

    words::Word cur;
    bool open = false;
    const TextFontInfo* cur_info = nullptr;
    double last_x0 = 0, last_x1 = 0, last_cy = 0;
    // A word of control characters only keeps its box: it is a glyph on the page, and the
    // words around it are spaced against it.
    auto flush = [&] {
        if (open)
            out.push_back(std::move(cur));
        cur = {};
        open = false;
    };
    for (int k = 0; k < list->getLength(); ++k) {
        const TextWord* word = list->get(k);
        const double size = word->getFontSize();
        const PageTurn own{word->getRotation() & 3, page.turn.width, page.turn.height};
        for (int i = 0; i < word->getLength(); ++i) {
            const Unicode c = *word->getChar(i);
            if (is_space(c)) {
                flush();
                continue;
            }
            core::Box shown;
            word->getCharBBox(i, &shown.x0, &shown.y0, &shown.x1, &shown.y1);
            const core::Box along = own.upright(shown);
            const core::Box box = page.turn.upright(shown);
            const TextFontInfo* info = word->getFontInfo(i);
            const Style& st = style(info);
            const double cy = (along.y0 + along.y1) / 2;
            // Poppler's words can glue glyphs that are not neighbours on the page, and words
            // without a space between them may be one word in print.
            if (open) {
                const double em = std::max(1.0, cur.size);
                if (along.x0 < last_x0 - 0.5 * em || along.x0 - last_x1 > 0.4 * em || std::abs(cy - last_cy) > 0.6 * em)
                    flush();
            }
            if (open && (info != cur_info || std::abs(size - cur.size) > 0.01)) {
                if (style(cur_info).font != st.font || std::abs(size - cur.size) > 0.01)
                    flush();
            }
            if (!open) {
                cur.box = box;
                cur.font = st.font;
                cur.size = size;
                cur.bold = st.bold;
                cur.italic = st.italic;
                cur_info = info;
                open = true;
            } else {
                cur.box.x0 = std::min(cur.box.x0, box.x0);
                cur.box.y0 = std::min(cur.box.y0, box.y0);
                cur.box.x1 = std::max(cur.box.x1, box.x1);
                cur.box.y1 = std::max(cur.box.y1, box.y1);
            }
            last_x0 = along.x0;
            last_x1 = along.x1;
            last_cy = cy;
            if (c >= 0x20) // a control character keeps its place in the word, not its code
                append_utf8(cur.text, c);
        }
        // a space, or the end of one of Poppler's lines (it may split a printed line in two)
        if (word->hasSpaceAfter() || word->getNext() == nullptr)
            flush();
    }
    flush();
    return page;
}

} // namespace colophon::pdf
