#pragma once
// The one document model every converter produces and every writer reads.
// Plain data: no libxml2, Poppler or Tesseract types, so any stage can be tested alone.

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace colophon::core {

// A rectangle on a page, in PDF points (1/72 in) from the top-left corner.
struct Box
{
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};

// Where a node came from in its input, kept so a librarian can trace any output back.
struct SourceLocation
{
    std::optional<int> line;  // 1-based source line (HTML); empty when unknown
    std::optional<int> page;  // 1-based page (PDF, OCR); empty for HTML input
    std::optional<Box> box;   // position on that page
};

enum class InlineKind
{
    Text,   // `text` holds the characters
    Italic, // emphasis; children hold the content
    Bold,
    Superscript, // a superscript that is not a note mark ("th" in "20th", exponents)
    Subscript,
    Link,    // `target` is an absolute URI; children hold the anchor text
    NoteRef, // `target` is the id of a Note; `text` is the visible mark ("1", "*")
    LineBreak,
    Code, // literal code, a command or a file name; `text` holds the characters (a leaf)
};

struct Inline
{
    InlineKind kind = InlineKind::Text;
    std::string text;
    std::string target;
    std::vector<Inline> children;

    static Inline make_text(std::string s) { return {InlineKind::Text, std::move(s), {}, {}}; }
    static Inline make_code(std::string s) { return {InlineKind::Code, std::move(s), {}, {}}; }
    static Inline make_span(InlineKind k, std::vector<Inline> kids) { return {k, {}, {}, std::move(kids)}; }
    static Inline make_link(std::string uri, std::vector<Inline> kids)
    {
        return {InlineKind::Link, {}, std::move(uri), std::move(kids)};
    }
    static Inline make_note_ref(std::string note_id, std::string mark)
    {
        return {InlineKind::NoteRef, std::move(mark), std::move(note_id), {}};
    }
};

enum class BlockKind
{
    Heading,   // `level` 1..6, `content`
    Paragraph, // `content`
    List,      // `ordered`, `children` are Items
    Item,      // `content` and/or nested `children`
    Quote,     // `children` are blocks
    Table,     // `children` are Rows
    Row,       // `children` are Cells
    Cell,      // `content`
    Figure,    // `target` = image URI (may be empty), `content` = caption
    Code,      // preformatted text in `content`
};

struct Block
{
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;
    bool ordered = false;
    std::string target;
    std::vector<Inline> content;
    std::vector<Block> children;
    SourceLocation source;
    bool header = false; // Cell: a row's or column's label (HTML th), not data
    int start = 1;       // List, ordered: the number of its first item (HTML <ol start>)
};

enum class NotePlace
{
    Foot,
    End
};

struct Note
{
    std::string id;    // unique within the document, valid as xml:id ("fn1")
    std::string label; // the mark as printed ("1", "*", "†")
    NotePlace place = NotePlace::Foot;
    std::vector<Block> blocks;
    SourceLocation source;
};

struct Author
{
    std::string name;
    std::string affiliation;
    std::string role; // optional ("Editor", "Translator")
};

struct PublicationDate
{
    std::string iso;  // "2023-03-16", "2023-03" or "2023"; empty when unknown
    std::string text; // as printed on the page ("16.03.2023")
};

// "Originally published in the Eurasia Daily Monitor" and where that points.
struct OriginalSource
{
    std::string title; // "Eurasia Daily Monitor"
    std::string url;
    std::string text;  // the whole line as printed
};

struct Metadata
{
    std::string title;
    std::string subtitle;
    std::vector<Author> authors;
    PublicationDate date;
    std::string publisher;    // publisher or site name
    std::string series;       // "Eurasia Daily Monitor, Volume 20, Issue 45"
    OriginalSource original_source;
    std::string canonical_url;
    std::string language;     // BCP 47 ("en", "ru"); empty when unknown
    std::vector<std::string> keywords;
    std::vector<Inline> abstract; // lede or abstract; empty when none
    // From a catalogue record only (nothing in a page is trusted to state them): the licence or
    // rights statement, and the collection the document belongs to in the library.
    std::string rights;
    std::string collection;
};

// Recognition facts for one OCR'd page (the TEI header records them).
struct OcrPage
{
    int page = 0;                 // 1-based
    double mean_confidence = 0;   // 0..100, mean word confidence
    bool low_confidence = false;
    std::string alto_xml;         // Tesseract's ALTO for the page, kept beside the TEI
};

// How the text was obtained; named in TEI encodingDesc and in the package's PREMIS events.
struct Extraction
{
    std::string method;         // "html", "pdf-text", "ocr", "pdf-text+ocr"
    // Kind of web page the HTML converter recognised ("article", "forum", "listing", "collection",
    // "product", "service", "documentation"); empty for other inputs.
    std::string page_type;
    std::string source_format;  // media type of the input ("text/html", "application/pdf")
    std::string ocr_engine;     // "Tesseract 5.3.0" when OCR ran
    std::string ocr_languages;  // "eng+rus"
    std::vector<OcrPage> ocr_pages;
    int page_count = 0;         // PDF and image inputs
};

struct ConversionTrace; // core/trace.h
class Diagnostics;      // core/diagnostics.h

// More of a body than is held at once (a very large HTML page converted window by window).
struct BodyPart
{
    std::vector<Block> blocks;
    std::vector<Note> notes; // the notes whose marks are in `blocks`
};

// The rest of a document's body, read on demand: each call to next() converts the next window.
class BodyStream
{
  public:
    virtual ~BodyStream() = default;
    // The next part; nullopt once the body is complete. Throws ConversionError.
    // Warnings go to `diags` (those of the document the stream belongs to).
    virtual std::optional<BodyPart> next(Diagnostics &diags) = 0;
};

struct Document
{
    Metadata meta;
    std::vector<Block> body;
    std::vector<Note> notes;
    Extraction extraction;
    // What the converter decided, for the review page; set only when ConvertOptions::trace asks.
    std::shared_ptr<ConversionTrace> trace;
    // Set when `body` and `notes` are only the beginning: writers that stream read the rest from
    // here; everything else calls read_whole_body() first.
    std::shared_ptr<BodyStream> rest;
};

// Appends every part left in `doc.rest` to its body and notes and drops the stream.
void read_whole_body(Document &doc, Diagnostics &diags);

// Plain text of a run of inlines (note marks dropped, line breaks as spaces).
std::string plain_text(const std::vector<Inline>& inlines);
// Plain text of a block and its children, paragraphs of children joined by "\n\n".
std::string plain_text(const Block& block);

} // namespace colophon::core
