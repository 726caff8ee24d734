#include "ocr/ocr_document.h"

#include "core/text.h"
#include "ocr/ocr_languages.h"

namespace colophon::ocr {

void record_ocr_pages(core::Extraction& extraction, const std::vector<RecognisedPage>& pages,
                      std::string_view languages)
{
    extraction.ocr_engine = tesseract_version();
    if (languages == auto_languages) { // what the pages were read in
        std::string used;
        for (const RecognisedPage& p : pages)
            used = merge_languages(used, p.languages);
        extraction.ocr_languages = used.empty() ? "eng" : used;
    } else {
        extraction.ocr_languages = std::string(languages);
    }
    for (const RecognisedPage& p : pages)
        extraction.ocr_pages.push_back(p.info);
}

core::Document build_plain_document(const std::vector<RecognisedPage>& pages)
{
    core::Document doc;
    for (const RecognisedPage& p : pages) {
        for (const std::string& para : p.paragraphs) {
            std::string text = core::clean_text(para);
            if (text.empty())
                continue;
            core::Block block;
            block.kind = core::BlockKind::Paragraph;
            block.content.push_back(core::Inline::make_text(std::move(text)));
            block.source.page = p.info.page;
            doc.body.push_back(std::move(block));
        }
    }
    return doc;
}

std::vector<words::PageWords> page_words(const std::vector<RecognisedPage>& pages)
{
    std::vector<words::PageWords> out;
    out.reserve(pages.size());
    for (const RecognisedPage& p : pages)
        out.push_back(p.words);
    return out;
}

} // namespace colophon::ocr
