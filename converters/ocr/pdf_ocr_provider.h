#pragma once
// OCR for the PDF converter: supplies words for the pages whose text layer is unusable, through
// words::PageOcrProvider. Pages that surely need OCR (no text at all on an inked page, or
// --ocr=always) are recognised ahead in parallel with ConvertOptions::jobs workers while the
// converter reads the text layer; any other page it asks for is recognised on demand.

#include "core/converter.h"
#include "words/page_ocr_provider.h"
#include "ocr/ocr_engine.h"
#include "ocr/pdf_render.h"
#include "ocr/splash_render.h"

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace colophon::ocr {

class PdfOcrProvider : public words::PageOcrProvider
{
public:
    // Opens its own Poppler document from the input's bytes. Throws ConversionError
    // "ocr.missing-language" before anything else when a language pack is missing.
    PdfOcrProvider(const core::Input& input, const core::ConvertOptions& options);
    ~PdfOcrProvider() override;

    std::optional<words::PageWords> recognise_page(int page_no, const words::PageWords& text_layer) override;
    double page_ink(int page_no) override;

    // Records engine, languages, per-page confidence and ALTO of every page handed out, in page
    // order, and their page-level diagnostics.
    void finish(core::Extraction& extraction, core::Diagnostics& diags) override;

private:
    void work();
    RecognisedPage recognise_now(int page_no, OcrEngine& engine, const std::string& script_pack = {});
    // The page drawn at `dpi`, by cairo or, for pages with smooth shadings, by Splash within
    // the page budget. Called under render_mutex_.
    PixPtr render_page(PopplerPage* page, int page_no, double dpi, const core::Limits& limits);

    std::string file_;
    core::ConvertOptions options_;
    EngineConfig config_;
    std::string bytes_;                 // the document keeps pointing into these
    PopplerDocumentPtr doc_;
    std::unique_ptr<SplashRenderer> splash_; // for pages cairo is slow on (splash_render.h)
    std::mutex render_mutex_;           // one Poppler document renders one page at a time

    std::mutex mutex_;
    std::condition_variable ready_;
    std::vector<double> ink_;           // per page, measured once here; -1 when not measured
    std::vector<int> queue_;            // pages to recognise ahead, in order
    std::size_t next_ = 0;
    std::map<int, RecognisedPage> done_;
    std::map<int, std::exception_ptr> failed_;
    bool stop_ = false;
    std::vector<std::jthread> workers_;

    std::unique_ptr<OcrEngine> own_engine_; // for pages not recognised ahead
    std::vector<RecognisedPage> handed_out_;
};

// Matches pdf::OcrProviderFactory: the pipeline passes it to PdfConverter.
std::unique_ptr<words::PageOcrProvider> make_pdf_ocr_provider(const core::Input& input,
                                                               const core::ConvertOptions& options);

} // namespace colophon::ocr
