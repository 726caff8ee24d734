#include "batch/content_hash.h"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace colophon::batch {

namespace {

struct MdCtxFree
{
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

struct FileClose
{
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileClose>;

class Sha256
{
public:
    Sha256() : ctx_(EVP_MD_CTX_new())
    {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("cannot initialise SHA-256");
    }
    void update(const void* data, std::size_t size)
    {
        if (EVP_DigestUpdate(ctx_.get(), data, size) != 1)
            throw std::runtime_error("SHA-256 update failed");
    }
    std::string hex()
    {
        std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
        unsigned int len = 0;
        if (EVP_DigestFinal_ex(ctx_.get(), md.data(), &len) != 1)
            throw std::runtime_error("SHA-256 final failed");
        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        out.reserve(len * 2);
        for (unsigned int i = 0; i < len; ++i) {
            out += digits[md[i] >> 4];
            out += digits[md[i] & 0xF];
        }
        return out;
    }

private:
    MdCtxPtr ctx_;
};

} // namespace

std::string sha256_hex(std::string_view bytes)
{
    Sha256 h;
    h.update(bytes.data(), bytes.size());
    return h.hex();
}

std::string sha256_file_hex(const std::filesystem::path& path)
{
    const FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f)
        throw std::runtime_error(path.string() + ": cannot open: " + std::strerror(errno));
    Sha256 h;
    std::array<char, 1 << 16> buf{};
    for (;;) {
        const std::size_t n = std::fread(buf.data(), 1, buf.size(), f.get());
        if (n > 0)
            h.update(buf.data(), n);
        if (n < buf.size()) {
            if (std::ferror(f.get()))
                throw std::runtime_error(path.string() + ": read error");
            break;
        }
    }
    return h.hex();
}

} // namespace colophon::batch
