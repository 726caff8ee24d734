#include "ocr/ocr_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "core/text.h"
#include "ocr/note_marks.h"
#include "ocr/ocr_languages.h"
#include "ocr/specks.h"
#include "ocr/text_frames.h"

#include <omp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <numeric>
#include <optional>

namespace colophon::ocr {
namespace {

constexpr const char* debian_tessdata = "/usr/share/tesseract-ocr/5/tessdata";
// OSD's confidence for a turned page; below it the page is taken as upright (a wrong turn costs
// the whole page). OSD is only asked when Leptonica cannot tell, so it must be sure.
constexpr float min_orientation_confidence = 5.0F;
// Leptonica's skew confidence below which the page is left as it is (few text lines, pictures).
constexpr float min_skew_confidence = 2.5F;
constexpr float min_skew_degrees = 0.1F;
// A note mark glyph (superscript digit, asterisk, dagger) sits this far above the baseline and is
// this tall, as shares of the line's height; closing quotes are raised too but shorter.
constexpr double min_mark_raise = 0.2;
constexpr double min_mark_height = 0.28;
constexpr double max_mark_height = 0.62;
// What a note mark can be. Tesseract's LSTM often misreads small raised digits as punctuation
// ("own.!" for "own.¹"), so marks are read again, enlarged, with only these characters allowed.
constexpr const char* mark_characters = "0123456789*†‡§¶";
// OSD's script confidence under which its guess is not taken (it reads any page as some script).
constexpr float min_script_confidence = 1.0F;
// A word whose strokes are this much thicker than the page's typical stroke, relative to
// its line's size, is bold.
constexpr double bold_stroke_ratio = 1.3;

struct TextDelete
{
    void operator()(char* p) const { delete[] p; }
};
using TextPtr = std::unique_ptr<char, TextDelete>;
using IteratorPtr = std::unique_ptr<tesseract::ResultIterator>;

// Tesseract's LSTM runs an OpenMP team per call, which on top of our own page workers
// oversubscribes the cores; OMP_THREAD_LIMIT is read by libgomp at load time, so it is set here
// only for child processes, and every worker makes its own OpenMP regions single-threaded.
void limit_openmp_threads()
{
    static std::once_flag once;
    std::call_once(once, [] { setenv("OMP_THREAD_LIMIT", "1", 0); });
    omp_set_max_active_levels(0);
    omp_set_num_threads(1);
}

std::vector<std::string> split_languages(std::string_view languages)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= languages.size()) {
        const std::size_t plus = std::min(languages.find('+', start), languages.size());
        out.emplace_back(languages.substr(start, plus - start));
        start = plus + 1;
    }
    return out;
}

bool valid_language_name(const std::string& lang)
{
    return !lang.empty() && std::all_of(lang.begin(), lang.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-';
    });
}

// Reorders `v`.
double median(std::vector<double>& v)
{
    if (v.empty())
        return 0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// Median length of the horizontal black runs inside a box of a 1 bpp image: the width of the
// vertical strokes, which dominate the runs (horizontal bars give a few long runs; the median
// ignores them, a mean would not).
struct Strokes
{
    double width = 0;
    int runs = 0;
};
Strokes measure_strokes(const Pix* binary, int l, int t, int r, int b)
{
    Strokes s;
    if (binary == nullptr)
        return s;
    const int w = static_cast<int>(pixGetWidth(binary));
    const int h = static_cast<int>(pixGetHeight(binary));
    l = std::max(l, 0);
    t = std::max(t, 0);
    r = std::min(r, w);
    b = std::min(b, h);
    const l_int32 wpl = pixGetWpl(binary);
    const l_uint32* data = pixGetData(const_cast<Pix*>(binary));
    constexpr int longest = 64;
    std::array<int, longest + 1> lengths{};
    for (int y = t; y < b; ++y) {
        const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        int run = 0;
        for (int x = l; x <= r; ++x) {
            if (x < r && GET_DATA_BIT(line, x) != 0) {
                ++run;
            } else if (run > 0) {
                ++lengths[static_cast<std::size_t>(std::min(run, longest))];
                ++s.runs;
                run = 0;
            }
        }
    }
    int seen = 0;
    for (int len = 1; len <= longest; ++len) {
        const int here = lengths[static_cast<std::size_t>(len)];
        if (seen + here >= (s.runs + 1) / 2) {
            // Interpolate inside the bin so that widths are not only whole pixels.
            const double into = here > 0 ? ((s.runs + 1) / 2.0 - seen) / here : 0;
            s.width = len - 0.5 + into;
            break;
        }
        seen += here;
    }
    return s;
}

// The symbols of the word `it` stands on, from a copy so that `it` keeps its place.
std::vector<Glyph> word_glyphs(const tesseract::ResultIterator& it)
{
    std::vector<Glyph> out;
    tesseract::LTRResultIterator sym(it);
    do {
        Glyph g;
        const TextPtr text(sym.GetUTF8Text(tesseract::RIL_SYMBOL));
        if (!text)
            continue;
        g.text = text.get();
        sym.BoundingBox(tesseract::RIL_SYMBOL, &g.l, &g.t, &g.r, &g.b);
        out.push_back(std::move(g));
    } while (sym.Next(tesseract::RIL_SYMBOL) && !sym.IsAtBeginningOf(tesseract::RIL_WORD));
    return out;
}

struct BoxDestroy
{
    void operator()(Box* b) const { boxDestroy(&b); }
};
using BoxPtr = std::unique_ptr<Box, BoxDestroy>;
struct BoxaDestroy
{
    void operator()(Boxa* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<Boxa, BoxaDestroy>;

// The raised blobs at the right end (or the left start) of a word box in the binary page image,
// united: a note mark sits above the baseline, is smaller than the letters and stands beside
// them, not above them. Empty when there is none.
std::optional<Glyph> find_mark(const Pix* binary, int l, int t, int r, int b, double baseline, double row_height)
{
    if (binary == nullptr || r - l < 4 || b - t < 4)
        return std::nullopt;
    const BoxPtr clip(boxCreate(l, t, r - l, b - t));
    const PixPtr word(pixClipRectangle(const_cast<Pix*>(binary), clip.get(), nullptr));
    if (!word)
        return std::nullopt;
    const BoxaPtr blobs(pixConnCompBB(word.get(), 8));
    if (!blobs)
        return std::nullopt;
    struct Blob
    {
        int l, t, r, b;
        bool raised;
    };
    std::vector<Blob> all;
    for (l_int32 i = 0; i < boxaGetCount(blobs.get()); ++i) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(blobs.get(), i, &x, &y, &w, &h);
        if (w * h < 4)
            continue; // specks
        const Blob blob{l + x, t + y, l + x + w, t + y + h, false};
        all.push_back(blob);
    }
    // Raised: bottom well above the baseline. Marks are judged as one group (a "12", a "†").
    int letters_l = 1 << 30, letters_r = -1;
    for (Blob& blob : all) {
        blob.raised = blob.b < baseline - min_mark_raise * row_height;
        if (!blob.raised) {
            letters_l = std::min(letters_l, blob.l);
            letters_r = std::max(letters_r, blob.r);
        }
    }
    // The union of the chosen blobs, kept when it has a note mark's size.
    const auto mark_from = [&](std::string name, auto&& chosen) -> std::optional<Glyph> {
        Glyph mark{std::move(name), 1 << 30, 1 << 30, -1, -1};
        for (const Blob& blob : all) {
            if (!chosen(blob))
                continue;
            mark.l = std::min(mark.l, blob.l);
            mark.t = std::min(mark.t, blob.t);
            mark.r = std::max(mark.r, blob.r);
            mark.b = std::max(mark.b, blob.b);
        }
        const int h = mark.b - mark.t;
        if (mark.r >= 0 && h >= min_mark_height * row_height && h <= max_mark_height * row_height &&
            mark.r - mark.l <= 1.2 * row_height)
            return mark;
        return std::nullopt;
    };
    if (letters_r < 0) // nothing on the baseline: the whole word may be a mark Tesseract set apart ("¹ Text")
        return mark_from("whole", [](const Blob&) { return true; });
    for (const bool trailing : {true, false}) {
        if (auto mark = mark_from({}, [&](const Blob& blob) {
                return blob.raised && (trailing ? blob.l >= letters_r - 1 : blob.r <= letters_l + 1);
            }))
            return mark;
    }
    return std::nullopt;
}

PixPtr to_gray(const Pix* image)
{
    Pix* src = const_cast<Pix*>(image);
    if (pixGetDepth(src) == 8 && pixGetColormap(src) == nullptr)
        return PixPtr(pixClone(src));
    if (pixGetDepth(src) == 32)
        return PixPtr(pixConvertRGBToLuminance(src));
    return PixPtr(pixConvertTo8(src, 0));
}

} // namespace

void quiet_leptonica()
{
    static std::once_flag once;
    std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

std::string default_tessdata_dir()
{
    if (const char* env = std::getenv("TESSDATA_PREFIX"); env != nullptr && *env != '\0')
        return env;
    return debian_tessdata;
}

std::string tesseract_version() { return std::string("Tesseract ") + tesseract::TessBaseAPI::Version(); }

void check_languages(std::string_view languages, const std::string& tessdata_dir, const std::string& file)
{
    if (languages == auto_languages)
        languages = "eng"; // the one pack "auto" always falls back on
    const std::string dir = tessdata_dir.empty() ? default_tessdata_dir() : tessdata_dir;
    for (const std::string& lang : split_languages(languages)) {
        std::error_code ec;
        if (!valid_language_name(lang) ||
            !std::filesystem::is_regular_file(std::filesystem::path(dir) / (lang + ".traineddata"), ec))
            throw core::ConversionError("ocr.missing-language", file,
                                        "OCR language pack '" + lang + "' is not installed (no " + lang +
                                            ".traineddata in " + dir + ")");
    }
}

void OcrEngine::ApiEnd::operator()(tesseract::TessBaseAPI* api) const
{
    api->End();
    delete api;
}

OcrEngine::OcrEngine(const EngineConfig& config, const std::string& file) : config_(config), file_(file)
{
    if (config_.tessdata_dir.empty())
        config_.tessdata_dir = default_tessdata_dir();
    check_languages(config_.languages, config_.tessdata_dir, file_);
    quiet_leptonica();
    limit_openmp_threads();

    if (config_.languages != auto_languages)
        use_languages(config_.languages);

    std::error_code ec;
    if (config_.detect_orientation &&
        std::filesystem::is_regular_file(std::filesystem::path(config_.tessdata_dir) / "osd.traineddata", ec)) {
        osd_ = ApiPtr(new tesseract::TessBaseAPI());
        if (osd_->Init(config_.tessdata_dir.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY) != 0)
            osd_.reset();
        else {
            osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
            osd_->SetVariable("debug_file", "/dev/null"); // "Too few characters" on blank pages
        }
    }
}

OcrEngine::~OcrEngine() = default;

void OcrEngine::use_languages(const std::string& languages)
{
    if (api_ && languages == api_languages_)
        return;
    check_languages(languages, config_.tessdata_dir, file_);
    api_ = ApiPtr(new tesseract::TessBaseAPI());
    if (api_->Init(config_.tessdata_dir.c_str(), languages.c_str(), tesseract::OEM_DEFAULT) != 0)
        throw core::ConversionError("ocr.init-failed", file_,
                                    "Tesseract could not load languages '" + languages + "' from " +
                                        config_.tessdata_dir);
    api_->SetPageSegMode(tesseract::PSM_AUTO);
    // Tesseract's own chatter ("Too few characters. Skipping this page") would mix with the CLI's
    // diagnostics on stderr; what matters is reported through Diagnostics instead.
    api_->SetVariable("debug_file", "/dev/null");
    api_languages_ = languages;
}

OcrEngine::OsdReading OcrEngine::read_osd(Pix* gray, double dpi)
{
    OsdReading r;
    if (!osd_)
        return r;
    osd_->SetImage(gray);
    osd_->SetSourceResolution(static_cast<int>(dpi));
    int degrees = 0;
    float confidence = 0;
    const char* script = nullptr;
    float script_confidence = 0;
    const bool ok = osd_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
    osd_->Clear();
    if (!ok)
        return r;
    if (confidence >= min_orientation_confidence)
        r.turn = (360 - degrees) % 360; // OSD reports how far the page is turned clockwise
    if (script != nullptr && script_confidence >= min_script_confidence)
        r.pack = pack_for_osd_script(script);
    return r;
}

std::string OcrEngine::page_script_pack(Pix* gray, double dpi, const std::string& script_pack)
{
    if (config_.languages != auto_languages)
        return config_.languages.substr(0, config_.languages.find('+'));
    if (!script_pack.empty())
        return script_pack;
    // a document is mostly in one script: OSD is asked on the engine's first page only
    if (!osd_asked_) {
        osd_asked_ = true;
        osd_pack_ = read_osd(gray, dpi).pack;
    }
    return osd_pack_;
}

void OcrEngine::choose_languages(const std::string& pack, RecognisedPage& out)
{
    std::string languages = config_.languages;
    if (languages == auto_languages) {
        std::string missing;
        languages = languages_with_english(pack, config_.tessdata_dir, &missing);
        if (!missing.empty())
            out.diagnostics.push_back({core::Severity::Warning, "ocr.language-missing",
                                       "the page is in a script read by the '" + missing +
                                           "' pack, which is not installed; read as " + languages,
                                       file_, out.info.page, {}});
    }
    use_languages(languages);
    out.languages = languages;
}

int OcrEngine::detect_rotation(Pix* gray, double dpi, bool latin_letters)
{
    // Leptonica reads the orientation from ascenders and descenders of Latin lowercase: fast
    // (tens of ms at 300 dpi) and reliable on noisy bilevel scans, where Tesseract's OSD often
    // is not. OSD decides when Leptonica cannot, and for other scripts: Cyrillic lowercase has
    // too few ascenders (a clean Russian page was read as upside down), CJK none.
    const PixPtr binary(latin_letters ? pixConvertTo1(gray, 130) : nullptr);
    if (binary) {
        l_float32 up = 0;
        l_float32 left = 0;
        l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
        if (pixOrientDetect(binary.get(), &up, &left, 0, 0) == 0 &&
            makeOrientDecision(up, left, 0, 0, &orient, 0) == 0 && orient != L_TEXT_ORIENT_UNKNOWN) {
            // UP, LEFT, DOWN, RIGHT: quarter turns clockwise that make the page upright.
            return (orient - L_TEXT_ORIENT_UP) * 90;
        }
    }
    return read_osd(gray, dpi).turn;
}

RecognisedPage OcrEngine::recognise(const Pix* image, int page_no, double dpi, const std::string& script_pack)
{
    RecognisedPage out;
    out.info.page = page_no;
    out.words.page = page_no;
    out.words.from_ocr = true;
    if (!(dpi >= 30 && dpi <= 2400))
        dpi = 300;
    limit_openmp_threads();

    PixPtr gray = to_gray(image);
    if (!gray)
        throw core::ConversionError("ocr.bad-image", file_,
                                    "page " + std::to_string(page_no) + ": image cannot be converted to grey");
    // 1. orientation: a page scanned sideways or upside down is turned upright, judged by the
    // page's script (its text layer's, the languages asked for, or what OSD sees).
    const std::string pack = page_script_pack(gray.get(), dpi, script_pack);
    if (config_.detect_orientation)
        turn_upright(gray, dpi, reads_latin(pack), out);
    // 2. specks, before deskewing smears them into grey; then skew: small rotations from the
    // scanner bed.
    if (config_.erase_specks)
        erase_specks(gray, dpi, page_no);
    if (config_.deskew)
        deskew(gray, out);
    // 3. frames around words (link boxes in a scan), which Tesseract would read as brackets.
    if (config_.erase_frames)
        erase_frames(gray, page_no);
    // 4. recognition, in the page's languages.
    choose_languages(pack, out);
    const PixPtr binary = run_recognition(gray.get(), dpi, out);
    // 5. words, with Tesseract's paragraphs kept for a document built without layout analysis.
    WordPass pass = read_words(binary.get(), 72.0 / dpi, out);
    // 6. bold from stroke width: Tesseract's LSTM engine reports no font attributes.
    mark_bold_words(pass.measured, out.words.words);
    // 7. provenance: mean confidence and ALTO; note marks read again on their own.
    record_provenance(pass.confidence_sum, out);
    read_marks_again(gray.get(), pass.marks, out.words.words);
    api_->Clear();
    return out;
}

void OcrEngine::turn_upright(PixPtr& gray, double dpi, bool latin_letters, RecognisedPage& out)
{
    const int turn = detect_rotation(gray.get(), dpi, latin_letters);
    if (turn != 90 && turn != 180 && turn != 270)
        return;
    PixPtr upright(pixRotateOrth(gray.get(), turn / 90));
    if (!upright)
        return;
    gray = std::move(upright);
    out.rotation = turn;
    out.diagnostics.push_back({core::Severity::Info, "ocr.rotated",
                               "page turned " + std::to_string(out.rotation) + " degrees to read it", file_,
                               out.info.page, {}});
}

void OcrEngine::deskew(PixPtr& gray, RecognisedPage& out)
{
    float angle = 0;
    float confidence = 0;
    const PixPtr binary(pixConvertTo1(gray.get(), 130));
    if (!binary || pixFindSkew(binary.get(), &angle, &confidence) != 0 || confidence < min_skew_confidence ||
        std::fabs(angle) < min_skew_degrees)
        return;
    PixPtr straight(
        pixRotate(gray.get(), static_cast<float>(angle * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (straight) {
        gray = std::move(straight);
        out.skew = angle;
    }
}

void OcrEngine::erase_frames(PixPtr& gray, int page_no)
{
    if (pixGetRefcount(gray.get()) > 1) // still the caller's image: erase in a copy
        gray = PixPtr(pixCopy(nullptr, gray.get()));
    if (!gray)
        throw core::ConversionError("ocr.bad-image", file_,
                                    "page " + std::to_string(page_no) + ": no memory for the page image");
    erase_text_frames(gray.get());
}

void OcrEngine::erase_specks(PixPtr &gray, double dpi, int page_no)
{
    if (pixGetRefcount(gray.get()) > 1) // still the caller's image: erase in a copy
        gray = PixPtr(pixCopy(nullptr, gray.get()));
    if (!gray)
        throw core::ConversionError("ocr.bad-image", file_,
                                    "page " + std::to_string(page_no) +
                                        ": no memory for the page image");
    ocr::erase_specks(gray.get(), dpi);
}

PixPtr OcrEngine::run_recognition(Pix* gray, double dpi, RecognisedPage& out)
{
    const double to_points = 72.0 / dpi;
    out.words.width = pixGetWidth(gray) * to_points;
    out.words.height = pixGetHeight(gray) * to_points;
    api_->SetImage(gray);
    api_->SetSourceResolution(static_cast<int>(std::lround(dpi)));
    if (api_->Recognize(nullptr) != 0) {
        api_->Clear();
        throw core::ConversionError("ocr.recognition-failed", file_,
                                    "page " + std::to_string(out.info.page) +
                                        ": Tesseract could not recognise the page");
    }
    return PixPtr(api_->GetThresholdedImage());
}

namespace {

// Tesseract's paragraphs as plain text, a line-end hyphen joined.
class ParagraphText
{
public:
    explicit ParagraphText(std::vector<std::string>& out) : out_(out) {}

    void start_paragraph()
    {
        if (text_.empty())
            return;
        end();
    }

    void add_word(const std::string& word, bool line_end)
    {
        if (!text_.empty() && !join_next_)
            text_ += ' ';
        // A hyphen ending a line usually splits one word: joined here (the layout module has
        // the better rule; this is only the no-layout fallback).
        join_next_ = line_end && word.size() > 1 && word.back() == '-' &&
                     std::isalpha(static_cast<unsigned char>(word[word.size() - 2])) != 0;
        text_.append(word, 0, join_next_ ? word.size() - 1 : word.size());
    }

    void finish()
    {
        if (!text_.empty())
            end();
    }

private:
    void end()
    {
        if (join_next_)
            text_ += '-';
        out_.push_back(std::move(text_));
        text_.clear();
        join_next_ = false;
    }

    std::vector<std::string>& out_;
    std::string text_;
    bool join_next_ = false;
};

} // namespace

OcrEngine::WordPass OcrEngine::read_words(const Pix* binary, double to_points, RecognisedPage& out)
{
    WordPass pass;
    ParagraphText paragraphs(out.paragraphs);
    const IteratorPtr it(api_->GetIterator());
    if (!it) {
        paragraphs.finish();
        return pass;
    }
    const auto level = tesseract::RIL_WORD;
    LineGeometry line;
    do {
        if (it->Empty(level))
            continue;
        if (it->IsAtBeginningOf(tesseract::RIL_PARA))
            paragraphs.start_paragraph();
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
            float descenders = 0;
            float ascenders = 0;
            it->RowAttributes(&line.row_height, &descenders, &ascenders);
            if (!it->Baseline(tesseract::RIL_TEXTLINE, &line.x1, &line.y1, &line.x2, &line.y2))
                line.x1 = line.x2 = line.y1 = line.y2 = 0;
        }
        const TextPtr text(it->GetUTF8Text(level));
        if (!text || *text == '\0')
            continue;
        std::string word = text.get();
        if (word.find_first_not_of(" \t\n") == std::string::npos)
            continue;
        PixelBox px;
        it->BoundingBox(level, &px.l, &px.t, &px.r, &px.b);
        const FontGuess font = font_of(*it);
        words::Word w = word_of(*it, font, px, line.row_height, to_points);
        pass.confidence_sum += w.confidence;

        double stroke = -1;
        if (!font.known && line.row_height > 0) {
            const Strokes s = measure_strokes(binary, px.l, px.t, px.r, px.b);
            if (s.runs >= 8)
                stroke = s.width / line.row_height;
        }
        paragraphs.add_word(word, it->IsAtFinalElement(tesseract::RIL_TEXTLINE, level));
        w.text = std::move(word);
        if (split_note_mark(*it, binary, px, line, w, stroke, to_points, pass, out))
            continue;
        if (stroke >= 0)
            pass.measured.push_back({out.words.words.size(), stroke, 0});
        out.words.words.push_back(std::move(w));
    } while (it->Next(level));
    paragraphs.finish();
    return pass;
}

OcrEngine::FontGuess OcrEngine::font_of(const tesseract::ResultIterator& it)
{
    bool bold = false, italic = false, underlined = false, mono = false, serif = false, smallcaps = false;
    int pointsize = 0, font_id = -1;
    it.WordFontAttributes(&bold, &italic, &underlined, &mono, &serif, &smallcaps, &pointsize, &font_id);
    return {font_id >= 0 && bold, font_id >= 0 && italic, font_id >= 0};
}

words::Word OcrEngine::word_of(const tesseract::ResultIterator& it, const FontGuess& font, const PixelBox& px,
                                float row_height, double to_points)
{
    words::Word w;
    w.box = {px.l * to_points, px.t * to_points, px.r * to_points, px.b * to_points};
    // The line's ascender-to-descender height is close to the em size of the font.
    w.size = row_height > 0 ? row_height * to_points : (px.b - px.t) * to_points;
    w.bold = font.bold;
    w.italic = font.italic;
    w.confidence = std::clamp(static_cast<double>(it.Confidence(tesseract::RIL_WORD)), 0.0, 100.0);
    return w;
}

bool OcrEngine::split_note_mark(const tesseract::ResultIterator& it, const Pix* binary, const PixelBox& px,
                                const LineGeometry& line, words::Word& w, double stroke, double to_points,
                                WordPass& pass, RecognisedPage& out)
{
    // A raised, small blob at the end of a word (a note mark) or at its start (a note's
    // label) becomes a word of its own, so layout analysis sees a superscript. The blobs
    // come from the page image: Tesseract's symbol boxes are too loose for this.
    if (line.row_height <= 0 || line.x2 == line.x1)
        return false;
    const int l = px.l, t = px.t, r = px.r, b = px.b;
    const double mid = (l + r) / 2.0;
    const double base = line.y1 + (line.y2 - line.y1) * (mid - line.x1) / (line.x2 - line.x1);
    const std::optional<Glyph> found = find_mark(binary, l, t, r, b, base, line.row_height);
    if (!found)
        return false;
    auto& words = out.words.words;
    if (found->text == "whole") {
        if (w.text.size() > 4)
            return false;
        const std::size_t at = words.size();
        pass.marks.push_back({at, at, w, found->l, found->t, found->r, found->b});
        w.size = (found->b - found->t) / 0.7 * to_points;
        w.box = {found->l * to_points, found->t * to_points, found->r * to_points, found->b * to_points};
        words.push_back(std::move(w));
        return true;
    }
    const bool leading = found->l <= l + 1 && found->r < r;
    const MarkSplit split = split_mark_glyphs(word_glyphs(it), *found, leading);
    const Glyph& host = split.host;
    if (host.text.empty())
        return false;
    words::Word host_word = w;
    host_word.text = host.text;
    const int hl = leading ? std::max(l, found->r + 1) : l;
    const int hr = leading ? r : std::min(r, found->l - 1);
    host_word.box = {hl * to_points, t * to_points, hr * to_points, b * to_points};
    host_word.glued = leading;
    words::Word mark_word = w;
    mark_word.glued = !leading;
    mark_word.text = split.mark.empty() ? "?" : split.mark;
    mark_word.box = {found->l * to_points, found->t * to_points, found->r * to_points, found->b * to_points};
    // A superscript digit is about 0.7 of the em of its (smaller) font.
    mark_word.size = (found->b - found->t) / 0.7 * to_points;
    mark_word.bold = false;
    const std::size_t at = words.size();
    pass.marks.push_back({leading ? at + 1 : at, leading ? at : at + 1, w, found->l, found->t, found->r, found->b});
    if (stroke >= 0)
        pass.measured.push_back({leading ? at + 1 : at, stroke, 0});
    if (leading) {
        words.push_back(std::move(mark_word));
        words.push_back(std::move(host_word));
    } else {
        words.push_back(std::move(host_word));
        words.push_back(std::move(mark_word));
    }
    return true;
}

void OcrEngine::mark_bold_words(const std::vector<Measured>& measured, std::vector<words::Word>& words)
{
    if (measured.size() < 5)
        return;
    std::vector<double> ratios;
    ratios.reserve(measured.size());
    for (const Measured& m : measured)
        ratios.push_back(m.stroke_per_px);
    const double typical = median(ratios);
    for (const Measured& m : measured)
        if (typical > 0 && m.stroke_per_px >= typical * bold_stroke_ratio)
            words[m.word].bold = true;
}

void OcrEngine::record_provenance(double confidence_sum, RecognisedPage& out)
{
    const int page_no = out.info.page;
    const auto n = out.words.words.size();
    out.info.mean_confidence = n > 0 ? confidence_sum / static_cast<double>(n) : 0;
    out.info.low_confidence = n > 0 && out.info.mean_confidence < config_.low_confidence;
    if (n == 0)
        out.diagnostics.push_back({core::Severity::Info, "ocr.no-text", "OCR found no text on the page", file_,
                                   page_no, {}});
    else if (out.info.low_confidence)
        out.diagnostics.push_back({core::Severity::Warning, "ocr.low-confidence",
                                   "mean OCR word confidence " +
                                       std::to_string(static_cast<int>(out.info.mean_confidence + 0.5)) +
                                       " is low; check the text",
                                   file_, page_no, {}});
    const TextPtr alto(api_->GetAltoText(page_no - 1));
    if (alto)
        out.info.alto_xml = build_alto_document(alto.get(), file_ + " (page " + std::to_string(page_no) + ")",
                                                tesseract::TessBaseAPI::Version());
}

void OcrEngine::read_marks_again(Pix* gray, const std::vector<Mark>& marks, std::vector<words::Word>& words)
{
    if (marks.empty())
        return;
    api_->SetVariable("tessedit_char_whitelist", mark_characters);
    std::vector<std::size_t> drop;
    for (const Mark& m : marks) {
        constexpr int pad = 3;
        const BoxPtr box(boxCreate(m.l - pad, m.t - pad, m.r - m.l + 2 * pad, m.b - m.t + 2 * pad));
        const PixPtr crop(pixClipRectangle(gray, box.get(), nullptr));
        std::string text;
        if (crop) {
            // Enlarged to a body-text height, with a white frame, as Tesseract reads best.
            const float scale = std::clamp(24.0F / static_cast<float>(m.b - m.t + 1), 1.0F, 8.0F);
            const PixPtr big(pixScaleGrayLI(crop.get(), scale, scale));
            const PixPtr framed(big ? pixAddBorder(big.get(), 32, 255) : nullptr);
            if (framed) {
                // A lone narrow glyph ("1") is often lost as a line; then it is read as a character.
                for (const auto mode : {tesseract::PSM_SINGLE_LINE, tesseract::PSM_SINGLE_CHAR}) {
                    api_->SetPageSegMode(mode);
                    api_->SetImage(framed.get());
                    api_->SetSourceResolution(300);
                    const TextPtr raw(api_->GetUTF8Text());
                    text = raw ? core::clean_text(raw.get()) : std::string();
                    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
                    if (!text.empty())
                        break;
                }
            }
        }
        if (!text.empty() && text.size() <= 6) {
            words[m.mark].text = text;
        } else {
            // Not a mark after all: the word goes back as Tesseract read it.
            words[m.host] = m.original;
            if (m.mark != m.host)
                drop.push_back(m.mark);
        }
    }
    api_->SetVariable("tessedit_char_whitelist", "");
    api_->SetPageSegMode(tesseract::PSM_AUTO);
    std::sort(drop.rbegin(), drop.rend());
    for (const std::size_t i : drop)
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
}

std::string build_alto_document(std::string_view page_fragment, std::string_view image_name,
                                std::string_view software_version)
{
    // Tesseract's own renderer declares ALTO v3; its <Page> content is valid ALTO 4.4, which is what
    // archives ask for now, so the document is declared as 4.4.
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" "
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v4# "
        "http://www.loc.gov/alto/v4/alto-4-4.xsd\">\n"
        "\t<Description>\n"
        "\t\t<MeasurementUnit>pixel</MeasurementUnit>\n"
        "\t\t<sourceImageInformation>\n"
        "\t\t\t<fileName>";
    out += core::escape_markup(image_name);
    out += "</fileName>\n"
           "\t\t</sourceImageInformation>\n"
           "\t\t<OCRProcessing ID=\"OCR_0\">\n"
           "\t\t\t<ocrProcessingStep>\n"
           "\t\t\t\t<processingSoftware>\n"
           "\t\t\t\t\t<softwareName>Tesseract</softwareName>\n"
           "\t\t\t\t\t<softwareVersion>";
    out += core::escape_markup(software_version);
    out += "</softwareVersion>\n"
           "\t\t\t\t</processingSoftware>\n"
           "\t\t\t</ocrProcessingStep>\n"
           "\t\t</OCRProcessing>\n"
           "\t</Description>\n"
           "\t<Layout>\n";
    out += page_fragment;
    out += "\t</Layout>\n</alto>\n";
    return out;
}

} // namespace colophon::ocr
