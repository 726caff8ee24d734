#pragma once
// Streaming message digests (OpenSSL EVP) for BagIt manifests and PREMIS fixity: several
// algorithms are fed from one read of the bytes, so a large file is read once.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::archive {

enum class DigestAlgorithm
{
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
};

// BagIt file-name token: lower case, non-alphanumerics removed ("sha256").
std::string_view algorithm_token(DigestAlgorithm a);
// Accepts the BagIt token ("sha512") or a common spelling ("SHA-512"); empty when unknown.
std::optional<DigestAlgorithm> algorithm_from_token(std::string_view token);
// Length of the hex digest ("sha256" -> 64).
std::size_t hex_length(DigestAlgorithm a);

using Digests = std::map<DigestAlgorithm, std::string>; // lower-case hex

// Feeds the same bytes to every algorithm asked for.
class MultiHasher
{
public:
    explicit MultiHasher(const std::vector<DigestAlgorithm>& algorithms);
    ~MultiHasher();
    MultiHasher(const MultiHasher&) = delete;
    MultiHasher& operator=(const MultiHasher&) = delete;
    MultiHasher(MultiHasher&&) noexcept;
    MultiHasher& operator=(MultiHasher&&) noexcept;

    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    // Finishes every digest; the hasher cannot be used afterwards.
    Digests finish();
    std::uint64_t bytes() const { return bytes_; }

private:
    struct State;
    std::vector<std::unique_ptr<State>> states_;
    std::uint64_t bytes_ = 0;
};

Digests digest_bytes(std::string_view bytes, const std::vector<DigestAlgorithm>& algorithms);

struct FileDigests
{
    std::uint64_t size = 0;
    Digests digests;
};

// Reads the file in fixed-size chunks (memory does not grow with the file). Throws
// core::ConversionError ("archive.unreadable") naming the file when it cannot be read.
FileDigests digest_file(const std::filesystem::path& path,
                        const std::vector<DigestAlgorithm>& algorithms);

std::string to_hex(const unsigned char* data, std::size_t size);

} // namespace colophon::archive
