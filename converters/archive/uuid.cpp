#include "archive/uuid.h"

#include "archive/checksums.h"

#include <openssl/evp.h>

#include <array>

namespace colophon::archive {

namespace {

using Bytes16 = std::array<unsigned char, 16>;

Bytes16 uuid5(const Bytes16& ns, std::string_view name)
{
    std::string input(reinterpret_cast<const char*>(ns.data()), ns.size());
    input += name;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(input.data(), input.size(), md, &len, EVP_sha1(), nullptr);
    Bytes16 out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = md[i];
    out[6] = static_cast<unsigned char>((out[6] & 0x0F) | 0x50);
    out[8] = static_cast<unsigned char>((out[8] & 0x3F) | 0x80);
    return out;
}

std::string format(const Bytes16& b)
{
    const std::string hex = to_hex(b.data(), b.size());
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20);
}

// RFC 4122 namespace for URLs: 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
constexpr Bytes16 url_namespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                   0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

} // namespace

std::string name_based_uuid(std::string_view name)
{
    static const Bytes16 colophon_ns = uuid5(url_namespace, "https://colophon/archive");
    return format(uuid5(colophon_ns, name));
}

} // namespace colophon::archive
