#include "ocr/splash_render.h"

#include "core/diagnostics.h"

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <splash/SplashBitmap.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <optional>

namespace colophon::ocr {

namespace {

// Forms inside forms are followed this deep looking for shadings; real files nest two or three.
constexpr int max_form_depth = 4;

bool dict_has_entries(Dict* resources, const char* key)
{
    const Object o = resources->lookup(key);
    return o.isDict() && o.dictGetLength() > 0;
}

bool has_shading_pattern(Dict* resources)
{
    const Object patterns = resources->lookup("Pattern");
    if (!patterns.isDict())
        return false;
    for (int i = 0; i < patterns.dictGetLength(); ++i) {
        const Object pattern = patterns.dictGetVal(i);
        Dict* d = pattern.isDict() ? pattern.getDict() : (pattern.isStream() ? pattern.streamGetDict() : nullptr);
        if (d == nullptr)
            continue;
        const Object type = d->lookup("PatternType");
        if (type.isInt() && type.getInt() == 2)
            return true;
    }
    return false;
}

bool resources_draw_shadings(Dict* resources, int depth)
{
    if (resources == nullptr)
        return false;
    if (dict_has_entries(resources, "Shading") || has_shading_pattern(resources))
        return true;
    if (depth >= max_form_depth)
        return false;
    const Object xobjects = resources->lookup("XObject");
    if (!xobjects.isDict())
        return false;
    for (int i = 0; i < xobjects.dictGetLength(); ++i) {
        const Object form = xobjects.dictGetVal(i);
        if (!form.isStream())
            continue;
        Dict* d = form.streamGetDict();
        const Object subtype = d->lookup("Subtype");
        if (!subtype.isName("Form"))
            continue;
        const Object res = d->lookup("Resources");
        if (res.isDict() && resources_draw_shadings(res.getDict(), depth + 1))
            return true;
    }
    return false;
}

struct Deadline
{
    std::chrono::steady_clock::time_point at;
    bool passed = false;
};

bool past_deadline(void* data)
{
    auto* d = static_cast<Deadline*>(data);
    d->passed = d->passed || std::chrono::steady_clock::now() > d->at;
    return d->passed;
}

} // namespace

SplashRenderer::SplashRenderer(std::string_view bytes, const std::string& password, const std::string& file)
    : file_(file)
{
    // no callback of its own: the PDF converter's, when it runs, collects what Poppler says
    params_ = std::make_unique<GlobalParamsIniter>(nullptr);
    std::optional<GooString> pw;
    if (!password.empty())
        pw.emplace(password);
    // PDFDoc takes ownership of the stream it is given; the stream only points at `bytes`.
    auto stream = std::make_unique<MemStream>(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    doc_ = std::make_unique<PDFDoc>(stream.release(), pw, pw);
    if (!doc_->isOk())
        throw core::ConversionError("ocr.render-failed", file, "Poppler cannot open the PDF to render its pages");
}

SplashRenderer::~SplashRenderer() = default;

bool SplashRenderer::draws_shadings(int page_no) const
{
    if (page_no < 1 || page_no > doc_->getNumPages())
        return false;
    Page* page = doc_->getPage(page_no);
    return page != nullptr && resources_draw_shadings(page->getResourceDict(), 0);
}

PixPtr SplashRenderer::render(int page_no, double dpi, const core::Limits& limits, double max_seconds) const
{
    const std::string where = "page " + std::to_string(page_no);
    const bool sideways = doc_->getPageRotate(page_no) % 180 != 0;
    const double w = std::ceil((sideways ? doc_->getPageCropHeight(page_no) : doc_->getPageCropWidth(page_no)) * dpi / 72);
    const double h = std::ceil((sideways ? doc_->getPageCropWidth(page_no) : doc_->getPageCropHeight(page_no)) * dpi / 72);
    if (!(w >= 1 && h >= 1) || w * h > static_cast<double>(limits.max_image_pixels))
        throw core::ConversionError("ocr.image-too-large", file_,
                                    where + " would render at " + std::to_string(static_cast<long long>(w)) + " x " +
                                        std::to_string(static_cast<long long>(h)) + " pixels, over the limit of " +
                                        std::to_string(limits.max_image_pixels) + " pixels");
    SplashColor paper;
    paper[0] = 255;
    SplashOutputDev dev(splashModeMono8, 4, false, paper);
    dev.setFontAntialias(true);
    dev.setVectorAntialias(true);
    dev.startDoc(doc_.get());
    Deadline deadline{std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                            std::chrono::duration<double>(max_seconds))};
    doc_->displayPage(&dev, page_no, dpi, dpi, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false, past_deadline,
                      &deadline);
    if (deadline.passed || past_deadline(&deadline))
        throw core::ConversionError("ocr.render-budget", file_,
                                    where + ": drawing it took longer than the page budget of " +
                                        std::to_string(static_cast<int>(max_seconds)) + " s");
    SplashBitmap* bitmap = dev.getBitmap();
    if (bitmap == nullptr || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0)
        throw core::ConversionError("ocr.render-failed", file_, where + ": Splash drew no page image");
    PixPtr pix(pixCreate(bitmap->getWidth(), bitmap->getHeight(), 8));
    if (!pix)
        throw core::ConversionError("ocr.render-failed", file_, where + ": cannot allocate the page image");
    pixSetResolution(pix.get(), static_cast<l_int32>(std::lround(dpi)), static_cast<l_int32>(std::lround(dpi)));
    const SplashColorConstPtr data = bitmap->getDataPtr();
    l_uint32* out = pixGetData(pix.get());
    const l_int32 wpl = pixGetWpl(pix.get());
    for (int y = 0; y < bitmap->getHeight(); ++y) {
        const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * bitmap->getRowSize();
        l_uint32* line = out + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 0; x < bitmap->getWidth(); ++x)
            SET_DATA_BYTE(line, x, row[x]);
    }
    return pix;
}

} // namespace colophon::ocr
