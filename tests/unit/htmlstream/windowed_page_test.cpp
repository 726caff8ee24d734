// A page over two windows is converted window by window: the same text as the whole page, no
// paragraph cut or repeated at a window's edge, TEI valid piece by piece, memory per window.

#include "core/diagnostics.h"
#include "core/input.h"
#include "html/html_converter.h"
#include "pipeline/convert.h"
#include "tei/text_writer.h"
#include "validate/schema_validator.h"
#include "xml/xml_handles.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

using namespace colophon;

namespace {

// An article of `paragraphs` numbered paragraphs with links and emphasis, a heading every 25,
// between a navigation list and a footer; `head_script` bytes of script in the head first.
std::string long_page(int paragraphs, std::size_t head_script = 0)
{
    std::string page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A long report | "
        "Example Institute</title><meta name=\"author\" content=\"Jane Doe\">";
    page +=
        "<script>var x = \"" + std::string(head_script, 'x') + "\";</script></head><body><nav><ul>";
    for (int i = 0; i < 12; ++i)
        page += "<li><a href=\"/s" + std::to_string(i) + "\">Section " + std::to_string(i) +
                "</a></li>";
    page += "</ul></nav><article><h1>A long report</h1>\n";
    for (int i = 0; i < paragraphs; ++i) {
        if (i % 25 == 0)
            page += "<h2>Part " + std::to_string(i / 25 + 1) + "</h2>\n";
        page += "<p>Paragraph " + std::to_string(i) +
                " of the report: the committee met on the <em>sixteenth</em> "
                "of March and cited <a href=\"https://example.org/s" +
                std::to_string(i) +
                "\">earlier studies</a> of the question, with figures checked <b>twice</b>.</p>\n";
    }
    return page + "</article><footer><p>All rights reserved. Example "
                  "Institute.</p></footer></body></html>\n";
}

core::ConvertOptions small_windows(std::size_t bytes)
{
    core::ConvertOptions options;
    options.limits.html_window_bytes = bytes;
    return options;
}

struct Streamed
{
    std::string output;
    bool windowed = false;
    std::vector<core::Diagnostic> diagnostics;
};

Streamed stream(const std::string &page, const core::ConvertOptions &options,
                pipeline::OutputFormat format)
{
    const pipeline::DocumentConverter converter(options);
    core::Diagnostics diags("page.html");
    Streamed out;
    core::Document doc = converter.convert_streamed(core::make_input("page.html", page), diags);
    out.windowed = doc.rest != nullptr;
    pipeline::DocumentConverter::render_streamed(
        std::move(doc), format, diags, [&](std::string_view piece) { out.output += piece; });
    out.diagnostics = diags.items();
    return out;
}

std::string whole_page_text(const std::string &page)
{
    html::HtmlConverter whole;
    core::Diagnostics diags("page.html");
    return tei::write_text(whole.convert(core::make_input("page.html", page), {}, diags));
}

// The text from the body's first paragraph on (the metadata lines above it come from the page
// type, which the first window alone may tell apart from the whole page).
std::string from_body(const std::string &text)
{
    const std::size_t at = text.find("Paragraph 0 ");
    return at == std::string::npos ? std::string() : text.substr(at);
}

// Whether streamed TEI is one valid document: the schema and every note reference.
bool valid_tei(const std::string &tei)
{
    const xml::XmlDocPtr tree(xmlReadMemory(tei.data(), static_cast<int>(tei.size()), "out.xml",
                                            nullptr, XML_PARSE_NONET));
    core::Diagnostics problems("out.xml");
    return tree && validate::SchemaValidator::tei().validate(tree.get(), problems) &&
           validate::check_note_references(tree.get(), problems);
}

int count(const std::string &text, const std::string &what)
{
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos;
         at = text.find(what, at + what.size()))
        ++n;
    return n;
}

} // namespace

TEST(WindowedPage, GivesTheWholePagesTextWithNoParagraphCutOrRepeated)
{
    const std::string page = long_page(1200);
    const Streamed text = stream(page, small_windows(16 * 1024), pipeline::OutputFormat::Text);
    ASSERT_TRUE(text.windowed);
    EXPECT_EQ(from_body(text.output), from_body(whole_page_text(page)));
    EXPECT_EQ(count(text.output, "Paragraph "), 1200);
    EXPECT_EQ(count(text.output, "Section "), 0); // the navigation stays out
    EXPECT_EQ(count(text.output, "All rights reserved"), 0);
}

TEST(WindowedPage, WritesValidTeiWithEveryParagraphInOrder)
{
    const std::string page = long_page(1200);
    const Streamed tei = stream(page, small_windows(16 * 1024), pipeline::OutputFormat::Tei);
    ASSERT_TRUE(tei.windowed);
    EXPECT_TRUE(valid_tei(tei.output));
    int expected = 0;
    const std::regex number("Paragraph ([0-9]+) of");
    for (std::sregex_iterator it(tei.output.begin(), tei.output.end(), number), end; it != end;
         ++it)
        EXPECT_EQ(std::stoi((*it)[1]), expected++);
    EXPECT_EQ(expected, 1200);
    EXPECT_NE(tei.output.find(">A long report</title>"), std::string::npos);
    bool told = false;
    for (const core::Diagnostic &d : tei.diagnostics)
        told = told || d.code == "html.windows";
    EXPECT_TRUE(told);
}

TEST(WindowedPage, PageUpToTwoWindowsIsConvertedWhole)
{
    const std::string page = long_page(50);
    const Streamed text =
        stream(page, small_windows(page.size() / 2 + 1), pipeline::OutputFormat::Text);
    EXPECT_FALSE(text.windowed);
    EXPECT_EQ(text.output, whole_page_text(page));
}

TEST(WindowedPage, FirstWindowReachesIntoTheBodyPastALongHead)
{
    const std::string page = long_page(600, 64 * 1024);
    const Streamed text = stream(page, small_windows(8 * 1024), pipeline::OutputFormat::Text);
    EXPECT_EQ(from_body(text.output), from_body(whole_page_text(page)));
    EXPECT_EQ(text.output.rfind("A long report\n", 0), 0u);
}

TEST(WindowedPage, NotesOfEveryWindowCloseTheTextWithUniqueIds)
{
    // every section numbers its notes from 1 with the same ids, as pages joined from articles do
    std::string page = "<html><head><title>Collected notes</title></head><body><main>";
    for (int s = 0; s < 60; ++s) {
        page += "<section><h2>Article " + std::to_string(s) + "</h2>";
        for (int i = 0; i < 6; ++i)
            page += "<p>Paragraph " + std::to_string(s * 6 + i) +
                    " of the collection makes a claim that a note "
                    "supports in some detail.</p>";
        page += "<p>The claim of article " + std::to_string(s) +
                "<sup><a href=\"#fn1\" id=\"ref1\">1</a></sup> is sourced.</p><ol "
                "class=\"footnotes\"><li id=\"fn1\">Source "
                "of article " +
                std::to_string(s) + ".</li></ol></section>";
    }
    page += "</main></body></html>";
    const Streamed tei = stream(page, small_windows(4 * 1024), pipeline::OutputFormat::Tei);
    ASSERT_TRUE(tei.windowed);
    EXPECT_TRUE(valid_tei(tei.output));
    EXPECT_GT(count(tei.output, "<note "), 1);
    EXPECT_EQ(count(tei.output, "Paragraph "), 360);
}

TEST(WindowedPage, WindowsThatEndInsideAParagraphKeepItWhole)
{
    // short paragraphs of text alone: most windows end inside one, which the first window's
    // conversion must leave to the next (ASan checks nothing it held back is read again)
    std::string page = "<html><head><title>Plain</title></head><body><article><h1>Plain</h1>";
    for (int i = 0; i < 4000; ++i)
        page += "<p>Paragraph " + std::to_string(i) + " is a plain sentence of words.</p>";
    page += "</article></body></html>";
    for (const std::size_t window : {std::size_t{997}, std::size_t{8 * 1024}}) {
        const Streamed text = stream(page, small_windows(window), pipeline::OutputFormat::Text);
        ASSERT_TRUE(text.windowed);
        EXPECT_EQ(from_body(text.output), from_body(whole_page_text(page))) << "window " << window;
        EXPECT_EQ(count(text.output, "Paragraph "), 4000) << "window " << window;
    }
}

TEST(WindowedPage, FirstWindowEndingInsideAnElementThatCleaningRemovesIsSafe)
{
    // the first window ends inside a template and a script: cleaning frees their copies before
    // the open elements are looked up (ASan checks no freed copy is read)
    std::string page = "<html><head><title>Hidden</title></head><body><article><h1>Hidden</h1>";
    for (int i = 0; i < 40; ++i)
        page += "<p>Paragraph " + std::to_string(i) +
                " is a plain sentence of words before the hidden part.</p>";
    page += "<template><section>";
    for (int i = 0; i < 400; ++i)
        page += "<p>Hidden " + std::to_string(i) + " is never shown.</p>";
    page += "</section></template><script>var s = '" + std::string(20000, 's') + "';</script>";
    for (int i = 40; i < 400; ++i)
        page += "<p>Paragraph " + std::to_string(i) +
                " is a plain sentence of words after the hidden part.</p>";
    page += "</article></body></html>";
    for (const std::size_t window : {std::size_t{2500}, std::size_t{6000}, std::size_t{20000}}) {
        const Streamed text = stream(page, small_windows(window), pipeline::OutputFormat::Text);
        EXPECT_EQ(from_body(text.output), from_body(whole_page_text(page))) << "window " << window;
        EXPECT_EQ(count(text.output, "Hidden "), 0) << "window " << window;
        EXPECT_EQ(count(text.output, "Paragraph "), 400) << "window " << window;
    }
}

TEST(WindowedPage, ContentThatEndsInTheFirstWindowEndsTheBodyWithAWarning)
{
    // the article ends early in a page of nested wrappers; the rest is a long list of links
    std::string page = "<html><head><title>Short</title></head><body><div "
                       "class=\"wrap\"><main><article><h1>Short</h1>";
    for (int i = 0; i < 60; ++i)
        page += "<p>Paragraph " + std::to_string(i) +
                " of a short article says what it has to say, and more.</p>";
    page += "</article></main><footer><nav><ul>";
    for (int i = 0; i < 3000; ++i)
        page += "<li><a href=\"/u" + std::to_string(i) + "\">Archive " + std::to_string(i) +
                "</a></li>";
    page += "</ul></nav></footer></div></body></html>";
    const Streamed text = stream(page, small_windows(16 * 1024), pipeline::OutputFormat::Text);
    EXPECT_FALSE(text.windowed);
    EXPECT_EQ(count(text.output, "Paragraph "), 60);
    EXPECT_EQ(count(text.output, "Archive "), 0);
    bool warned = false;
    for (const core::Diagnostic &d : text.diagnostics)
        warned = warned ||
                 (d.code == "html.windows-rest-unread" && d.severity == core::Severity::Warning);
    EXPECT_TRUE(warned);
}

TEST(WindowedPage, NumberedListSplitAcrossWindowsNumbersOn)
{
    std::string page =
        "<html><head><title>Steps</title></head><body><article><h1>Steps</h1><p>Paragraph 0 "
        "introduces the long list of steps that follows below.</p><ol start=\"3\">";
    for (int i = 0; i < 2000; ++i)
        page += "<li>Step number " + std::to_string(i + 3) + " of the procedure.</li>";
    page += "</ol></article></body></html>";
    const Streamed text = stream(page, small_windows(4 * 1024), pipeline::OutputFormat::Text);
    ASSERT_TRUE(text.windowed);
    EXPECT_EQ(from_body(text.output), from_body(whole_page_text(page)));
    EXPECT_NE(text.output.find("\n2002. Step number 2002 of"), std::string::npos);
}
