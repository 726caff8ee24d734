#include "sample_document.h"

namespace colophon::fixtures {

using core::Block;
using core::BlockKind;
using core::Inline;
using core::InlineKind;

namespace {
Block paragraph(std::vector<Inline> content)
{
    Block b;
    b.kind = BlockKind::Paragraph;
    b.content = std::move(content);
    return b;
}
Block heading(int level, const std::string& text)
{
    Block b;
    b.kind = BlockKind::Heading;
    b.level = level;
    b.content = {Inline::make_text(text)};
    return b;
}
} // namespace

core::Document sample_document()
{
    core::Document doc;
    core::Metadata& m = doc.meta;
    m.title = "Belarusian-Chinese Ties";
    m.subtitle = "Draw Heightened International Attention";
    m.authors = {{"Jane Doe", "Director, Example Council", ""}, {"John Roe", "", "Translator"}};
    m.date = {"2023-03-16", "16.03.2023"};
    m.publisher = "Example Dialogue";
    m.series = "Example Monitor, Volume 20, Issue 45";
    m.original_source = {"Eurasia Daily Monitor", "https://example.org/edm/", "Originally published in the Eurasia Daily Monitor"};
    m.canonical_url = "https://example.org/a?x=1&y=2";
    m.language = "en";
    m.keywords = {"Belarus", "China"};
    m.abstract = {Inline::make_text("A lede with "), Inline::make_span(InlineKind::Italic, {Inline::make_text("emphasis")})};
    doc.extraction.method = "html";
    doc.extraction.source_format = "text/html";
    doc.extraction.page_type = "article";

    doc.body.push_back(paragraph({Inline::make_text("Before the first heading, the "),
                                  Inline::make_text("20"),
                                  Inline::make_span(InlineKind::Superscript, {Inline::make_text("th")}),
                                  Inline::make_text(" congress & <friends>."),
                                  Inline::make_note_ref("fn1", "1")}));
    doc.body.push_back(heading(2, "Section"));
    doc.body.push_back(
        paragraph({Inline::make_link("https://example.org/x", {Inline::make_text("a link")}),
                   Inline::make_span(InlineKind::Bold, {Inline::make_text(" bold")}),
                   Inline::make_span(InlineKind::Subscript, {Inline::make_text("2")}),
                   Inline::make_text(" run "), Inline::make_code("make <all>"),
                   Inline{InlineKind::LineBreak, {}, {}, {}}, Inline::make_note_ref("en1", "*")}));
    doc.body.push_back(heading(3, "Subsection"));
    Block list{BlockKind::List, 0, true, {}, {}, {}, {}};
    list.start = 3; // numbered from 3: items carry n
    Block item{BlockKind::Item, 0, false, {}, {Inline::make_text("first item")}, {}, {}};
    list.children = {item, item};
    doc.body.push_back(list);
    Block quote{BlockKind::Quote, 0, false, {}, {}, {paragraph({Inline::make_text("Quoted words.")})}, {}};
    doc.body.push_back(quote);
    Block cell{BlockKind::Cell, 0, false, {}, {Inline::make_text("cell")}, {}, {}};
    Block label = cell;
    label.header = true;
    Block row{BlockKind::Row, 0, false, {}, {}, {label, cell}, {}};
    doc.body.push_back(Block{BlockKind::Table, 0, false, {}, {}, {row}, {}});
    doc.body.push_back(Block{BlockKind::Figure, 0, false, "https://example.org/a.png", {Inline::make_text("A caption")}, {}, {}});
    doc.body.push_back(heading(2, "Second section"));
    doc.body.push_back(Block{BlockKind::Code, 0, false, {}, {Inline::make_text("int main() {}")}, {}, {}});

    doc.notes.push_back({"fn1", "1", core::NotePlace::Foot, {paragraph({Inline::make_text("A footnote.")})}, {}});
    doc.notes.push_back({"en1", "*", core::NotePlace::End, {paragraph({Inline::make_text("An endnote.")})}, {}});
    return doc;
}

core::Document numbered_list(int start, const std::vector<std::string> &items)
{
    Block list{BlockKind::List, 0, true, {}, {}, {}, {}};
    list.start = start;
    for (const std::string &text : items)
        list.children.push_back(
            Block{BlockKind::Item, 0, false, {}, {Inline::make_text(text)}, {}, {}});
    core::Document doc;
    doc.body.push_back(list);
    return doc;
}

} // namespace colophon::fixtures
