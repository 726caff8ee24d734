#include "archive/bag_names.h"

#include "archive/checksums.h"
#include "archive/uuid.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace colophon::archive {
namespace {

TEST(BagNames, EncodesOnlyPercentCrAndLf)
{
    EXPECT_EQ(encode_manifest_path("data/100% done\r\n.txt"), "data/100%25 done%0D%0A.txt");
    EXPECT_EQ(encode_manifest_path("data/a b~c.txt"), "data/a b~c.txt");
}

TEST(BagNames, DecodesOnlyPercentCrAndLf)
{
    EXPECT_EQ(decode_manifest_path("data/100%25 done%0d%0A.txt"), "data/100% done\r\n.txt");
    EXPECT_EQ(decode_manifest_path("data/%7Etest1.txt"), "data/%7Etest1.txt");
    EXPECT_EQ(decode_manifest_path("data/%test2.txt"), "data/%test2.txt");
    EXPECT_EQ(decode_manifest_path("data/end%2"), "data/end%2");
    const std::string odd = "data/%%25%0A%";
    EXPECT_EQ(decode_manifest_path(encode_manifest_path(odd)), odd);
}

TEST(BagNames, RejectsPathsOutsideTheBag)
{
    EXPECT_TRUE(unsafe_path_reason("data/ok/file.txt").empty());
    EXPECT_TRUE(unsafe_path_reason("data/..hidden").empty());
    EXPECT_FALSE(unsafe_path_reason("/etc/passwd").empty());
    EXPECT_FALSE(unsafe_path_reason("data/../../x").empty());
    EXPECT_FALSE(unsafe_path_reason("..").empty());
    EXPECT_FALSE(unsafe_path_reason("~/x").empty());
    EXPECT_FALSE(unsafe_path_reason("~root/x").empty());
    EXPECT_FALSE(unsafe_path_reason("C:/Windows").empty());
    EXPECT_FALSE(unsafe_path_reason("data\\..\\x").empty());
    EXPECT_FALSE(unsafe_path_reason("data//x").empty());
    EXPECT_FALSE(unsafe_path_reason("").empty());
    EXPECT_FALSE(unsafe_path_reason(std::string("data/a\0b", 8)).empty());
}

TEST(BagNames, PackageIdsAreSafeAscii)
{
    const std::string id = make_package_id("Über die Zukunft: Ein Bericht (2023)!", "0123456789abcdef");
    EXPECT_EQ(id, "ber-die-zukunft-ein-bericht-2023-0123456789");
    EXPECT_TRUE(is_valid_package_id(id));
    EXPECT_EQ(make_package_id("日本語", "abcdef0123"), "document-abcdef0123");
    EXPECT_FALSE(is_valid_package_id("../x"));
    EXPECT_FALSE(is_valid_package_id("a/b"));
    EXPECT_FALSE(is_valid_package_id("-x"));
    EXPECT_FALSE(is_valid_package_id("é"));
    EXPECT_LE(make_package_id(std::string(300, 'a'), "0123456789").size(), 59u);
}

TEST(BagNames, OriginalNamesKeepUnicodeButNoSeparators)
{
    EXPECT_EQ(safe_original_name("Report on 100% Ümlauts.pdf"), "Report on 100% Ümlauts.pdf");
    EXPECT_EQ(safe_original_name("dir/sub/file.pdf"), "file.pdf");
    EXPECT_EQ(safe_original_name("a\nb\\c.pdf"), "a_b_c.pdf");
    EXPECT_EQ(safe_original_name(".."), "original");
    EXPECT_EQ(safe_original_name(""), "original");
}

TEST(BagNames, SplitsLfCrAndCrlfLines)
{
    const auto lines = split_tag_lines("a\nb\r\nc\rd");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[1], "b");
    EXPECT_EQ(lines[3], "d");
    EXPECT_EQ(split_tag_lines("x\n").size(), 1u);
}

TEST(Checksums, MatchKnownVectors)
{
    const auto d = digest_bytes("abc", {DigestAlgorithm::Sha256, DigestAlgorithm::Sha1});
    EXPECT_EQ(d.at(DigestAlgorithm::Sha256), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(d.at(DigestAlgorithm::Sha1), "a9993e364706816aba3e25717850c26c9cd0d89d");
    EXPECT_EQ(digest_bytes("", {DigestAlgorithm::Md5}).at(DigestAlgorithm::Md5), "d41d8cd98f00b204e9800998ecf8427e");
}

TEST(Checksums, StreamingEqualsOneShot)
{
    const std::string data = testing::random_bytes(3'000'000);
    MultiHasher h({DigestAlgorithm::Sha512, DigestAlgorithm::Sha256});
    for (std::size_t i = 0; i < data.size(); i += 77777)
        h.update(std::string_view(data).substr(i, 77777));
    EXPECT_EQ(h.bytes(), data.size());
    EXPECT_EQ(h.finish(), digest_bytes(data, {DigestAlgorithm::Sha256, DigestAlgorithm::Sha512}));

    testing::TempDir dir;
    testing::write_file(dir.path() / "f", data);
    const auto f = digest_file(dir.path() / "f", {DigestAlgorithm::Sha256});
    EXPECT_EQ(f.size, data.size());
    EXPECT_EQ(f.digests.at(DigestAlgorithm::Sha256), digest_bytes(data, {DigestAlgorithm::Sha256}).at(DigestAlgorithm::Sha256));
}

TEST(Checksums, AlgorithmTokens)
{
    EXPECT_EQ(algorithm_from_token("sha512"), DigestAlgorithm::Sha512);
    EXPECT_EQ(algorithm_from_token("SHA-256"), DigestAlgorithm::Sha256);
    EXPECT_FALSE(algorithm_from_token("blake2b").has_value());
    EXPECT_EQ(hex_length(DigestAlgorithm::Sha224), 56u);
}

TEST(Uuid, NameBasedVersion5MatchesRfc4122)
{
    // Python: uuid5(uuid5(NAMESPACE_URL, "https://colophon/archive"), "report-1/package")
    EXPECT_EQ(name_based_uuid("report-1/package"), "04472396-d37e-5fff-a5a8-d2b897dad130");
    EXPECT_NE(name_based_uuid("report-1/event/ingestion"), name_based_uuid("report-2/event/ingestion"));
}

} // namespace
} // namespace colophon::archive
