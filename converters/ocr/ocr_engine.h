#pragma once
// Recognition of one page image with Tesseract: orientation and skew correction, then words with
// boxes, confidences and font-size estimates for layout analysis, and the page's ALTO XML.

#include "core/diagnostics.h"
#include "core/document.h"
#include "words/page_words.h"
#include "ocr/leptonica_handles.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tesseract {
class TessBaseAPI;
class ResultIterator;
} // namespace tesseract

namespace colophon::ocr {

// TESSDATA_PREFIX when set (as Tesseract reads it), else Debian's tessdata folder.
std::string default_tessdata_dir();

// "Tesseract 5.3.0".
std::string tesseract_version();

// Checks that every language of "eng+rus" has a traineddata file, before any work starts.
// Throws ConversionError "ocr.missing-language" naming `file` and the missing pack.
void check_languages(std::string_view languages, const std::string& tessdata_dir, const std::string& file);

struct EngineConfig
{
    std::string languages = "eng"; // "auto": each page in its own script (ocr_languages.h)
    std::string tessdata_dir; // empty: default_tessdata_dir()
    bool detect_orientation = true;
    bool deskew = true;
    bool erase_frames = true; // thin boxes drawn around words (see text_frames.h)
    bool erase_specks = true; // salt-and-pepper noise of a scan (see specks.h)
    double low_confidence = 60; // pages whose mean word confidence is below this are flagged
};

// What recognition found on one page.
struct RecognisedPage
{
    words::PageWords words;       // points, origin top-left of the upright, deskewed page
    core::OcrPage info;            // page, mean confidence, low-confidence flag, ALTO
    std::vector<std::string> paragraphs; // Tesseract's own paragraphs (used when no layout runs)
    std::string languages;         // the Tesseract languages that read it ("jpn+eng")
    int rotation = 0;              // degrees the image was turned clockwise to make it upright
    double skew = 0;               // degrees the image was rotated to deskew it
    std::vector<core::Diagnostic> diagnostics; // page-level warnings, merged in page order
};

// One Tesseract instance (plus one for orientation detection). Not thread-safe: give each
// worker thread its own engine.
class OcrEngine
{
public:
    // Throws ConversionError "ocr.missing-language" / "ocr.init-failed" naming `file`.
    OcrEngine(const EngineConfig& config, const std::string& file);
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    // Recognises `image` (any depth) scanned at `dpi` as 1-based page `page_no`. With "auto"
    // languages, `script_pack` (the pack of the script the page's text layer shows, may be
    // empty) or else the script OSD sees chooses them.
    RecognisedPage recognise(const Pix* image, int page_no, double dpi, const std::string& script_pack = {});

private:
    struct ApiEnd
    {
        void operator()(tesseract::TessBaseAPI* api) const;
    };
    using ApiPtr = std::unique_ptr<tesseract::TessBaseAPI, ApiEnd>;

    // A raised glyph run split off a word as a note mark, to be read again on its own.
    struct Mark
    {
        std::size_t host;      // index of the host word
        std::size_t mark;      // index of the mark word
        words::Word original; // the word as Tesseract read it, restored if this is no mark
        int l, t, r, b;        // the mark's box, pixels
    };
    // A word whose stroke width was measured, for bold (Tesseract's LSTM reports no fonts).
    struct Measured
    {
        std::size_t word;
        double stroke_per_px; // stroke width relative to the line's height
        int runs;
    };
    // What one pass over Tesseract's words leaves for the later steps.
    struct WordPass
    {
        std::vector<Measured> measured;
        std::vector<Mark> marks;
        double confidence_sum = 0;
    };
    struct PixelBox
    {
        int l = 0, t = 0, r = 0, b = 0;
    };
    // The text line a word stands on: its height and baseline, pixels.
    struct LineGeometry
    {
        float row_height = 0;
        int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    };
    struct FontGuess
    {
        bool bold = false, italic = false;
        bool known = false; // the legacy engine recognised a font; the LSTM engine never does
    };

    // The steps of recognise(), in order.
    std::string page_script_pack(Pix* gray, double dpi, const std::string& script_pack);
    void turn_upright(PixPtr& gray, double dpi, bool latin_letters, RecognisedPage& out);
    void choose_languages(const std::string& pack, RecognisedPage& out);
    void deskew(PixPtr& gray, RecognisedPage& out);
    void erase_frames(PixPtr& gray, int page_no);
    void erase_specks(PixPtr &gray, double dpi, int page_no);
    PixPtr run_recognition(Pix* gray, double dpi, RecognisedPage& out); // the thresholded image
    WordPass read_words(const Pix* binary, double to_points, RecognisedPage& out);
    static void mark_bold_words(const std::vector<Measured>& measured, std::vector<words::Word>& words);
    void record_provenance(double confidence_sum, RecognisedPage& out);
    void read_marks_again(Pix* gray, const std::vector<Mark>& marks, std::vector<words::Word>& words);

    // Parts of read_words.
    static FontGuess font_of(const tesseract::ResultIterator& it);
    static words::Word word_of(const tesseract::ResultIterator& it, const FontGuess& font, const PixelBox& px,
                                float row_height, double to_points);
    // Splits a raised note mark off `w` (or takes the whole word as one) and appends the words;
    // false when there is none and `w` is still to be appended.
    static bool split_note_mark(const tesseract::ResultIterator& it, const Pix* binary, const PixelBox& px,
                                const LineGeometry& line, words::Word& w, double stroke, double to_points,
                                WordPass& pass, RecognisedPage& out);

    // Quarter turns clockwise, in degrees, that make the page upright.
    int detect_rotation(Pix* gray, double dpi, bool latin_letters);
    // What Tesseract's orientation and script detection sees: the turn that makes the page
    // upright (0 when unsure) and the pack of its script (empty when unsure).
    struct OsdReading
    {
        int turn = 0;
        std::string pack;
    };
    OsdReading read_osd(Pix* gray, double dpi);
    // Loads `languages` into the recognition engine unless they are loaded already.
    void use_languages(const std::string& languages);

    EngineConfig config_;
    std::string file_;
    ApiPtr api_;
    std::string api_languages_; // what api_ was initialised with
    ApiPtr osd_; // null when osd.traineddata is missing or detection is off
    bool osd_asked_ = false;
    std::string osd_pack_;      // the script OSD saw on this engine's first page
};

// Wraps the <Page> element of Tesseract's ALTO in a complete ALTO 4.4 document.
std::string build_alto_document(std::string_view page_fragment, std::string_view image_name,
                                std::string_view software_version);

} // namespace colophon::ocr
