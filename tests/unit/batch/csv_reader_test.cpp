#include "batch/csv_reader.h"

#include <gtest/gtest.h>

using colophon::batch::CsvRow;
using colophon::batch::guess_separator;
using colophon::batch::parse_csv;

TEST(CsvReader, SplitsPlainFields)
{
    const auto t = parse_csv("a,b,c\n1,2,3\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1], (CsvRow{"1", "2", "3"}));
}

TEST(CsvReader, QuotedFieldsKeepSeparatorsQuotesAndLineBreaks)
{
    const auto t = parse_csv("path,title\r\n\"a,b.pdf\",\"He said \"\"hi\"\"\r\nand left\"\r\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1][0], "a,b.pdf");
    EXPECT_EQ(t.rows[1][1], "He said \"hi\"\r\nand left");
}

TEST(CsvReader, EmptyFieldsAndMissingFinalNewline)
{
    const auto t = parse_csv("a,,\"\"\nx,y");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0], (CsvRow{"a", "", ""}));
    EXPECT_EQ(t.rows[1], (CsvRow{"x", "y"}));
}

TEST(CsvReader, SkipsBlankLinesAndByteOrderMark)
{
    const auto t = parse_csv("\xEF\xBB\xBFpath\n\n\nfile.pdf\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "path");
    EXPECT_EQ(t.row_lines[1], 4);
}

TEST(CsvReader, UnterminatedQuoteNamesTheLine)
{
    try {
        parse_csv("a,b\n1,\"open\n2,3\n");
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError)
{
    EXPECT_THROW(parse_csv("\"a\"b,c\n"), std::runtime_error);
}

TEST(CsvReader, TabSeparatedExports)
{
    EXPECT_EQ(guess_separator("path\ttitle\tauthors, editors\n"), '\t');
    EXPECT_EQ(guess_separator("path,title\n"), ',');
    const auto t = parse_csv("path\ttitle\na.pdf\tA, B\n", '\t');
    EXPECT_EQ(t.rows[1], (CsvRow{"a.pdf", "A, B"}));
}

TEST(CsvReader, UnquotedSeparatorsMakeExtraFieldsThatTheCallerCanCount)
{
    const auto t = parse_csv("path,authors\r\na.pdf,Doe, Jane\r\n\r\nb.pdf,\"Roe, John\"\r\n");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[1].size(), 3u);
    EXPECT_EQ(t.row_lines[1], 2);
    EXPECT_EQ(t.rows[2], (CsvRow{"b.pdf", "Roe, John"}));
    EXPECT_EQ(t.row_lines[2], 4);
}

TEST(CsvReader, LineNumbersCountLineBreaksInsideQuotes)
{
    const auto t = parse_csv("a,b\n\"x\ny\nz\",1\nlast,2\n");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.row_lines[2], 5);
}
