#include "ocr/pdf_ocr_provider.h"

#include "words/ocr_decision.h"
#include "ocr/ocr_document.h"
#include "ocr/ocr_languages.h"

#include <unicode/uscript.h>

#include <algorithm>

namespace colophon::ocr {

namespace {

// A text layer shows its page's script when most of its letters are in one script that is not
// Latin (a garbled layer of wrong glyphs is mostly Latin letters and symbols, and tells nothing).
constexpr int min_script_letters = 20;
constexpr double min_script_share = 0.6;

std::string script_pack_of(const words::PageWords& text_layer)
{
    const words::PageTextStats st = words::measure_page_words(text_layer);
    for (const words::ScriptCount& k : st.scripts)
        if (k.script != USCRIPT_LATIN && k.letters >= min_script_letters && k.letters >= min_script_share * st.letters)
            return pack_for_script(k.script, st.kana_letters > 0);
    return {};
}

// A page whose drawing takes longer than this is not OCR'd: it keeps its text layer, and the
// document goes on (rendering a normal page at 300 dpi takes well under a second; the 4 KB
// shading page that made cairo take a minute takes Splash 1.2 s).
constexpr double page_render_seconds = 20;
// The coarse rendering page_ink_share measures, for pages drawn by Splash.
constexpr double ink_dpi = 36;

} // namespace

PdfOcrProvider::PdfOcrProvider(const core::Input& input, const core::ConvertOptions& options)
    : file_(input.display_name), options_(options), bytes_(input.bytes)
{
    config_.languages = options.ocr_languages;
    check_languages(config_.languages, default_tessdata_dir(), file_);

    GError* error = nullptr;
    GBytes* data = g_bytes_new_static(bytes_.data(), bytes_.size());
    doc_ = PopplerDocumentPtr(poppler_document_new_from_bytes(
        data, options.password.empty() ? nullptr : options.password.c_str(), &error));
    g_bytes_unref(data);
    if (!doc_) {
        const std::string why = error != nullptr ? error->message : "unreadable";
        g_clear_error(&error);
        throw core::ConversionError("ocr.render-failed", file_, "Poppler cannot open the PDF for OCR: " + why);
    }
    splash_ = std::make_unique<SplashRenderer>(bytes_, options.password, file_);

    // Pages that will surely be asked for: every page with --ocr=always; otherwise pages that
    // words::decide_ocr sends to OCR for no text or too little text for their ink (garbled
    // layers are asked for on demand, as the converter sees their words).
    const int n = poppler_document_get_n_pages(doc_.get());
    ink_.assign(static_cast<std::size_t>(std::max(n, 0)), -1.0);
    for (int i = 0; i < n && options.ocr != core::OcrMode::Never; ++i) {
        if (options.ocr == core::OcrMode::Always) {
            queue_.push_back(i + 1);
            continue;
        }
        const PopplerPagePtr page(poppler_document_get_page(doc_.get(), i));
        if (!page)
            continue;
        char* raw = poppler_page_get_text(page.get());
        const std::string text = raw != nullptr ? raw : "";
        g_free(raw);
        try {
            ink_[static_cast<std::size_t>(i)] =
                splash_->draws_shadings(i + 1)
                    ? ink_share(splash_->render(i + 1, ink_dpi, core::Limits{}, page_render_seconds).get())
                    : page_ink_share(page.get());
        } catch (const core::ConversionError&) {
            ink_[static_cast<std::size_t>(i)] = -1; // unknown: the page is judged by its text alone
        }
        const words::OcrDecision d =
            words::decide_ocr(words::measure_page_text(text, ink_[static_cast<std::size_t>(i)]), options.ocr);
        if (d.ocr && (d.reason == words::OcrReason::NoTextLayer || d.reason == words::OcrReason::TooFewCharacters))
            queue_.push_back(i + 1);
    }
    const int jobs = std::clamp(options.jobs, 1, std::max(1, static_cast<int>(queue_.size())));
    if (!queue_.empty())
        for (int w = 0; w < jobs; ++w)
            workers_.emplace_back([this] { work(); });
}

PdfOcrProvider::~PdfOcrProvider()
{
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    ready_.notify_all();
    workers_.clear(); // joins
}

RecognisedPage PdfOcrProvider::recognise_now(int page_no, OcrEngine& engine, const std::string& script_pack)
{
    PixPtr pix;
    {
        const std::lock_guard<std::mutex> lock(render_mutex_);
        const PopplerPagePtr page(poppler_document_get_page(doc_.get(), page_no - 1));
        if (!page)
            throw core::ConversionError("ocr.render-failed", file_,
                                        "page " + std::to_string(page_no) + " cannot be read for OCR");
        pix = render_page(page.get(), page_no, options_.ocr_dpi, options_.limits);
    }
    return engine.recognise(pix.get(), page_no, options_.ocr_dpi, script_pack);
}

PixPtr PdfOcrProvider::render_page(PopplerPage* page, int page_no, double dpi, const core::Limits& limits)
{
    if (splash_->draws_shadings(page_no))
        return splash_->render(page_no, dpi, limits, page_render_seconds);
    return render_pdf_page(page, dpi, limits, file_, page_no);
}

void PdfOcrProvider::work()
{
    std::unique_ptr<OcrEngine> engine;
    for (;;) {
        int page_no = 0;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (stop_ || next_ >= queue_.size())
                return;
            page_no = queue_[next_++];
        }
        try {
            if (!engine)
                engine = std::make_unique<OcrEngine>(config_, file_);
            RecognisedPage page = recognise_now(page_no, *engine);
            const std::lock_guard<std::mutex> lock(mutex_);
            done_.emplace(page_no, std::move(page));
        } catch (...) {
            const std::lock_guard<std::mutex> lock(mutex_);
            failed_.emplace(page_no, std::current_exception());
        }
        ready_.notify_all();
    }
}

std::optional<words::PageWords> PdfOcrProvider::recognise_page(int page_no, const words::PageWords& text_layer)
{
    std::optional<RecognisedPage> page;
    if (std::find(queue_.begin(), queue_.end(), page_no) != queue_.end()) {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return done_.count(page_no) > 0 || failed_.count(page_no) > 0; });
        if (const auto f = failed_.find(page_no); f != failed_.end())
            std::rethrow_exception(f->second);
        page = std::move(done_.at(page_no));
        done_.erase(page_no);
    } else {
        if (!own_engine_)
            own_engine_ = std::make_unique<OcrEngine>(config_, file_);
        page = recognise_now(page_no, *own_engine_, script_pack_of(text_layer));
    }
    words::PageWords words = page->words;
    page->words.words.clear(); // only provenance is kept; the layout has the words now
    handed_out_.push_back(std::move(*page));
    return words;
}

double PdfOcrProvider::page_ink(int page_no)
{
    if (page_no < 1 || static_cast<std::size_t>(page_no) > ink_.size())
        return -1;
    return ink_[static_cast<std::size_t>(page_no - 1)];
}

void PdfOcrProvider::finish(core::Extraction& extraction, core::Diagnostics& diags)
{
    if (handed_out_.empty())
        return;
    record_ocr_pages(extraction, handed_out_, config_.languages);
    for (const RecognisedPage& p : handed_out_)
        for (const core::Diagnostic& d : p.diagnostics)
            diags.add(d);
}

std::unique_ptr<words::PageOcrProvider> make_pdf_ocr_provider(const core::Input& input,
                                                               const core::ConvertOptions& options)
{
    return std::make_unique<PdfOcrProvider>(input, options);
}

} // namespace colophon::ocr
