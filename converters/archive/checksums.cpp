#include "archive/checksums.h"

#include "core/diagnostics.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace colophon::archive {

namespace {

struct EvpMdCtxFree
{
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, EvpMdCtxFree>;

const EVP_MD* evp_for(DigestAlgorithm a)
{
    switch (a) {
    case DigestAlgorithm::Md5: return EVP_md5();
    case DigestAlgorithm::Sha1: return EVP_sha1();
    case DigestAlgorithm::Sha224: return EVP_sha224();
    case DigestAlgorithm::Sha256: return EVP_sha256();
    case DigestAlgorithm::Sha384: return EVP_sha384();
    case DigestAlgorithm::Sha512: return EVP_sha512();
    }
    return EVP_sha512();
}

struct FdCloser
{
    int fd;
    ~FdCloser()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

struct MultiHasher::State
{
    DigestAlgorithm algorithm;
    EvpMdCtxPtr ctx;
};

std::string_view algorithm_token(DigestAlgorithm a)
{
    switch (a) {
    case DigestAlgorithm::Md5: return "md5";
    case DigestAlgorithm::Sha1: return "sha1";
    case DigestAlgorithm::Sha224: return "sha224";
    case DigestAlgorithm::Sha256: return "sha256";
    case DigestAlgorithm::Sha384: return "sha384";
    case DigestAlgorithm::Sha512: return "sha512";
    }
    return "sha512";
}

std::optional<DigestAlgorithm> algorithm_from_token(std::string_view token)
{
    std::string t;
    for (const char c : token)
        if (std::isalnum(static_cast<unsigned char>(c)))
            t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto a : {DigestAlgorithm::Md5, DigestAlgorithm::Sha1, DigestAlgorithm::Sha224,
                         DigestAlgorithm::Sha256, DigestAlgorithm::Sha384, DigestAlgorithm::Sha512})
        if (t == algorithm_token(a))
            return a;
    return std::nullopt;
}

std::size_t hex_length(DigestAlgorithm a)
{
    return static_cast<std::size_t>(EVP_MD_get_size(evp_for(a))) * 2;
}

std::string to_hex(const unsigned char* data, std::size_t size)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (std::size_t i = 0; i < size; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 0xF];
    }
    return out;
}

MultiHasher::MultiHasher(const std::vector<DigestAlgorithm>& algorithms)
{
    for (const auto a : algorithms) {
        if (std::any_of(states_.begin(), states_.end(),
                        [a](const auto& s) { return s->algorithm == a; }))
            continue;
        auto state = std::make_unique<State>(State{a, EvpMdCtxPtr(EVP_MD_CTX_new())});
        if (!state->ctx || EVP_DigestInit_ex(state->ctx.get(), evp_for(a), nullptr) != 1)
            throw std::runtime_error("OpenSSL digest initialisation failed");
        states_.push_back(std::move(state));
    }
}

MultiHasher::~MultiHasher() = default;
MultiHasher::MultiHasher(MultiHasher&&) noexcept = default;
MultiHasher& MultiHasher::operator=(MultiHasher&&) noexcept = default;

void MultiHasher::update(const void* data, std::size_t size)
{
    for (auto& s : states_)
        EVP_DigestUpdate(s->ctx.get(), data, size);
    bytes_ += size;
}

Digests MultiHasher::finish()
{
    Digests out;
    for (auto& s : states_) {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        EVP_DigestFinal_ex(s->ctx.get(), md, &len);
        out[s->algorithm] = to_hex(md, len);
    }
    states_.clear();
    return out;
}

Digests digest_bytes(std::string_view bytes, const std::vector<DigestAlgorithm>& algorithms)
{
    MultiHasher h(algorithms);
    h.update(bytes);
    return h.finish();
}

FileDigests digest_file(const std::filesystem::path& path,
                        const std::vector<DigestAlgorithm>& algorithms)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw core::ConversionError("archive.unreadable", path.string(), std::strerror(errno));
    const FdCloser closer{fd};
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    MultiHasher h(algorithms);
    std::vector<char> buf(1 << 20);
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw core::ConversionError("archive.unreadable", path.string(), std::strerror(errno));
        }
        if (n == 0)
            break;
        h.update(buf.data(), static_cast<std::size_t>(n));
    }
    FileDigests out;
    out.size = h.bytes();
    out.digests = h.finish();
    return out;
}

} // namespace colophon::archive
