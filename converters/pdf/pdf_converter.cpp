#include "pdf_converter.h"

#include "layout/layout_builder.h"
#include "words/ocr_decision.h"
#include "pdf_text_layer.h"
#include "poppler_handles.h"
#include "poppler_messages.h"

#include "core/language.h"
#include "core/text.h"

#include <regex>

namespace colophon::pdf {

namespace {

std::string error_message(const ErrorPtr& err) { return err && err->message ? err->message : "unknown error"; }

// dc:language / pdf:Language from XMP ("en-GB").
std::string xmp_language(const std::string& xmp)
{
    static const std::regex lang_rx(R"(<dc:language>\s*<rdf:Bag>\s*<rdf:li>([A-Za-z\-]{2,12})</rdf:li>)");
    std::smatch m;
    if (std::regex_search(xmp, m, lang_rx))
        return m[1].str();
    return {};
}

// dc:title from XMP, used when the Info dictionary has none.
std::string xmp_title(const std::string& xmp)
{
    static const std::regex title_rx(R"(<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)</rdf:li>)");
    std::smatch m;
    if (std::regex_search(xmp, m, title_rx))
        return m[1].str();
    return {};
}

// Poppler's errors while it read `page` (0: the document as a whole) as one warning.
void report_poppler_errors(PopplerMessages& messages, int page, core::Diagnostics& diags)
{
    const std::vector<std::string> errors = messages.take();
    if (errors.empty())
        return;
    std::string text = "Poppler reported " + errors.front();
    if (errors.size() > 1)
        text += " (and " + std::to_string(errors.size() - 1) + " more)";
    text += "; text may be missing";
    if (page > 0)
        diags.warn("pdf.poppler-error", text, page);
    else
        diags.warn("pdf.poppler-error", text);
}

} // namespace

bool PdfConverter::accepts(const core::Input& input) const { return input.type == core::MediaType::Pdf; }

core::Document PdfConverter::convert(const core::Input& input, const core::ConvertOptions& options,
                                     core::Diagnostics& diags)
{
    pages_needing_ocr_.clear();
    if (input.bytes.empty())
        throw core::ConversionError("pdf.empty", input.display_name, "the file is empty");
    PopplerMessages poppler_says;

    // 1. open (Poppler reconstructs a damaged cross-reference table itself)
    // The input outlives the Poppler document (both end with this call): no copy of the bytes.
    const BytesPtr bytes(g_bytes_new_static(input.bytes.data(), input.bytes.size()));
    GError* raw_err = nullptr;
    DocumentPtr pdf(poppler_document_new_from_bytes(bytes.get(), options.password.empty() ? nullptr : options.password.c_str(),
                                                    &raw_err));
    const ErrorPtr err(raw_err);
    poppler_says.listen();
    if (!pdf) {
        if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED) {
            throw core::ConversionError("pdf.encrypted", input.display_name,
                                        options.password.empty()
                                            ? "the PDF is encrypted; give its password with --password"
                                            : "the PDF is encrypted and the password given does not open it");
        }
        throw core::ConversionError("pdf.unreadable", input.display_name,
                                    "Poppler cannot read this PDF: " + error_message(err));
    }
    const int n_pages = poppler_document_get_n_pages(pdf.get());
    if (n_pages <= 0)
        throw core::ConversionError("pdf.no-pages", input.display_name, "the PDF has no pages");
    if (n_pages > options.limits.max_pages)
        throw core::ConversionError("pdf.too-many-pages", input.display_name,
                                    "the PDF has " + std::to_string(n_pages) + " pages, more than the limit of " +
                                        std::to_string(options.limits.max_pages));

    const TextLayer text(input.bytes, options.password, input.display_name);

    // 2. document information and XMP
    layout::DocumentHints hints;
    hints.title = core::clean_text(core::repair_utf8(take_string(poppler_document_get_title(pdf.get()))));
    hints.author = core::clean_text(core::repair_utf8(take_string(poppler_document_get_author(pdf.get()))));
    hints.subject = core::clean_text(core::repair_utf8(take_string(poppler_document_get_subject(pdf.get()))));
    hints.keywords = core::clean_text(core::repair_utf8(take_string(poppler_document_get_keywords(pdf.get()))));
    const std::string xmp = take_string(poppler_document_get_metadata(pdf.get()));
    hints.language = core::normalise_language_tag(xmp_language(xmp));
    if (hints.title.empty())
        hints.title = core::clean_text(xmp_title(xmp));
    report_poppler_errors(poppler_says, 0, diags);

    // 3. pages, one at a time; their words are dropped once the layout has its lines
    layout::LayoutBuilder builder(hints);
    if (options.trace)
        builder.enable_trace();
    std::unique_ptr<words::PageOcrProvider> ocr;
    bool ocr_tried = false;
    int ocr_pages = 0;
    std::string ocr_reasons; // "page 2: no text layer; page 3: ..." for the INFO line below
    for (int i = 0; i < n_pages; ++i) {
        const PagePtr page(poppler_document_get_page(pdf.get(), i));
        if (!page) {
            diags.warn("pdf.page-unreadable", "Poppler cannot read this page; it is skipped", i + 1);
            continue;
        }
        words::PageWords words = read_page_words(text, pdf.get(), page.get(), i + 1);
        // One rule (words::decide_ocr) for every page; once OCR is set up it also knows the
        // page's ink, which tells a blank page from an image of text.
        words::PageTextStats stats = words::measure_page_words(words, ocr ? ocr->page_ink(i + 1) : -1);
        words::OcrDecision decision = words::decide_ocr(stats, options.ocr, hints.language);
        if (decision.ocr && !ocr_tried && ocr_factory_) {
            ocr_tried = true;
            ocr = ocr_factory_(input, options);
            poppler_says.listen(); // the OCR module opened its own poppler-glib document
            if (ocr) {
                stats.ink = ocr->page_ink(i + 1);
                decision = words::decide_ocr(stats, options.ocr, hints.language);
            }
        }
        const words::OcrDecision needs =
            options.ocr == core::OcrMode::Auto ? decision : words::decide_ocr(stats, core::OcrMode::Auto, hints.language);
        if (needs.ocr)
            pages_needing_ocr_.push_back(i + 1);
        if (decision.ocr) {
            std::optional<words::PageWords> recognised;
            bool ocr_failed = false;
            if (ocr) {
                // A page OCR cannot render or read (over the page budget, damaged image) keeps
                // its text layer; the other pages go on.
                try {
                    recognised = ocr->recognise_page(i + 1, words);
                } catch (const core::ConversionError& e) {
                    diags.warn(e.diagnostic().code, e.diagnostic().message + "; the page keeps its text layer", i + 1);
                    ocr_failed = true;
                }
            }
            if (recognised) {
                words = std::move(*recognised);
                words.from_ocr = true;
                if (++ocr_pages <= 5)
                    ocr_reasons += (ocr_reasons.empty() ? "" : "; ") + std::string("page ") + std::to_string(i + 1) +
                                   ": " + (decision.explanation.empty() ? "OCR asked for" : decision.explanation);
            } else if (needs.ocr && !ocr_failed) {
                diags.warn("pdf.no-text-layer", "no usable text layer (" + needs.explanation + ") and no OCR available", i + 1);
            }
        }
        report_poppler_errors(poppler_says, i + 1, diags);
        builder.add_page(words);
    }

    // One decision line for the document (one per page would fill the diagnostics of a long scan).
    if (ocr_pages > 0)
        diags.info("pdf.ocr-pages", "OCR ran on " + std::to_string(ocr_pages) + " of " + std::to_string(n_pages) +
                                        " pages (" + ocr_reasons + (ocr_pages > 5 ? "; ..." : "") + ")");

    // 4. layout analysis
    core::Document doc = builder.finish(diags);
    doc.extraction.method = ocr_pages == 0 ? "pdf-text" : (ocr_pages == n_pages ? "ocr" : "pdf-text+ocr");
    doc.extraction.source_format = std::string(core::media_type_name(core::MediaType::Pdf));
    doc.extraction.page_count = n_pages;
    if (ocr)
        ocr->finish(doc.extraction, diags);
    return doc;
}

} // namespace colophon::pdf
