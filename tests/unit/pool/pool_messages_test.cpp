#include "pool/pool_messages.h"
#include "state/record_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace colophon::pool;
using namespace colophon::state;

namespace {

DocumentRecord full_record()
{
    DocumentRecord r;
    r.id = 42;
    r.key = "sub/Ünïcode \"quoted\" \\ back.html";
    r.input_path = "/src/sub/x.html";
    r.identifier = "x";
    r.catalogue = R"({"collection":"Pamphlets","rights":"CC BY"})";
    r.size = 123456789012;
    r.mtime_ns = -5;
    r.sha256 = std::string(64, 'a');
    r.media_type = "text/html";
    r.status = DocStatus::Warnings;
    r.stage = "convert";
    r.code = "html.no-author";
    r.reason = "line\nbreak\ttab\x01control\x7f";
    r.duplicate_of = "";
    r.outputs = {"sub/x.tei.xml", "sub/x.json"};
    r.warnings = {"no author found", "bad byte \xff here", "cut \xe2\x82"};
    r.warning_count = 7;
    r.method = "html";
    r.ocr_confidence = 87.25;
    r.pages = 3;
    r.title = "Title — with dash and 中文";
    r.authors = {"Anna Petrova", "Ivan Ivanov"};
    r.date = "2024-01-02";
    r.language = "en";
    r.corpus_record = ".colophon/corpus/sub/x.json.gz";
    r.attempts = 2;
    r.finished_at = "2026-11-28T09:00:00Z";
    r.seconds = 0.1 + 0.2;
    r.timings = R"({"convert":0.0123,"read":1e-05,"write":3.0})";
    return r;
}

void expect_same(const DocumentRecord& a, const DocumentRecord& b)
{
    EXPECT_EQ(nlohmann::json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
              nlohmann::json(b).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

TEST(PoolMessages, RecordsAndJobsSurviveTheWire)
{
    const DocumentRecord sent = full_record();
    const std::string frame = wire::encode_result({sent, 0.75, true});
    std::string buffer = frame + frame.substr(0, 10); // one whole frame and the start of another
    const auto bodies = wire::take_frames(buffer);
    ASSERT_EQ(bodies.size(), 1u);
    EXPECT_EQ(buffer.size(), 10u);
    wire::Reader r(bodies[0]);
    ASSERT_EQ(wire::kind_of(r), wire::Kind::Result);
    const wire::Result got = wire::decode_result(r);
    EXPECT_TRUE(r.done());
    expect_same(got.record, sent);
    EXPECT_EQ(got.conversion_cpu, 0.75);
    EXPECT_TRUE(got.unchanged);

    DocumentRecord no_confidence = sent;
    no_confidence.ocr_confidence.reset();
    std::string one = wire::encode_result({no_confidence, 0, false});
    const auto again = wire::take_frames(one);
    wire::Reader r2(again.at(0));
    wire::kind_of(r2);
    EXPECT_FALSE(wire::decode_result(r2).record.ocr_confidence.has_value());

    const DocumentJob a{"k1", "/in/1", "stem1", "id1", R"({"x":1})", "abc"};
    const DocumentJob b{"k2", "/in/2", "stem2", "", "", ""};
    std::string jobs = wire::encode_jobs({&a, &b});
    const auto job_bodies = wire::take_frames(jobs);
    wire::Reader jr(job_bodies.at(0));
    ASSERT_EQ(wire::kind_of(jr), wire::Kind::Jobs);
    const std::vector<DocumentJob> decoded = wire::decode_jobs(jr);
    ASSERT_EQ(decoded.size(), 2u);
    EXPECT_EQ(decoded[0].key, "k1");
    EXPECT_EQ(decoded[0].catalogue, R"({"x":1})");
    EXPECT_EQ(decoded[0].previous_sha256, "abc");
    EXPECT_EQ(decoded[1].output_stem, "stem2");
}

TEST(PoolMessages, TruncatedOrUnknownMessagesAreRefused)
{
    const std::string frame = wire::encode_result({full_record(), 0, false});
    const std::string body = frame.substr(4, frame.size() - 4 - 3);
    wire::Reader r(body);
    wire::kind_of(r);
    EXPECT_THROW(wire::decode_result(r), std::runtime_error);
    wire::Reader unknown(std::string_view("\x09", 1));
    EXPECT_THROW(wire::kind_of(unknown), std::runtime_error);
}

// report.json is written without a JSON tree per document: it must be the same text.
TEST(RecordJson, SameTextAsTheJsonLibrary)
{
    std::vector<DocumentRecord> records{full_record(), DocumentRecord{}};
    records[1].key = "plain.pdf";
    records[1].status = DocStatus::Failed;
    records[1].seconds = 2;
    DocumentRecord tiny = full_record();
    tiny.ocr_confidence = 1e-9;
    tiny.seconds = 123456.789;
    tiny.timings.clear();
    tiny.catalogue.clear();
    records.push_back(tiny);
    DocumentRecord spaced = full_record(); // stored objects not in compact form are normalised
    spaced.timings = R"({"write": 3.0, "read": 1e-05})";
    spaced.catalogue = "{\n  \"rights\": \"CC BY, 4.0\"\n}";
    records.push_back(spaced);
    for (const DocumentRecord& r : records) {
        std::string text;
        append_record_json(text, r);
        EXPECT_EQ(text, nlohmann::json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
}

TEST(RecordJson, StringListsBothWays)
{
    const std::vector<std::vector<std::string>> lists{
        {}, {""}, {"a"}, {"one", "two, three", "[x]"}, {"quote \" inside", "back\\slash", "tab\there"},
        {"Ünïcode 中文", "bad \xff byte"}};
    for (const auto& list : lists) {
        const std::string text = strings_to_json(list);
        EXPECT_EQ(text, nlohmann::json(list).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        EXPECT_EQ(strings_from_json(text),
                  nlohmann::json::parse(text).get<std::vector<std::string>>())
            << text;
    }
    EXPECT_TRUE(strings_from_json("").empty());
    EXPECT_TRUE(strings_from_json("not json").empty());
    EXPECT_EQ(strings_from_json("[ \"spaced\" , \"out\" ]"), (std::vector<std::string>{"spaced", "out"}));
}
