#include "core/uri.h"

#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace colophon::core {

namespace {

bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool needs_escape(unsigned char c)
{
    switch (c) {
    case ' ':
    case '"':
    case '<':
    case '>':
    case '\\':
    case '^':
    case '`':
    case '{':
    case '|':
    case '}':
        return true;
    default:
        return c < 0x20 || c >= 0x7F;
    }
}

// A ':' before the first '/', '?' or '#' must end a scheme ([A-Za-z][A-Za-z0-9+.-]*); otherwise
// the reference is relative and that colon has to be escaped.
std::size_t stray_colon(std::string_view uri)
{
    const std::size_t colon = uri.find(':');
    if (colon == std::string_view::npos || colon > uri.find_first_of("/?#"))
        return std::string_view::npos;
    bool scheme = colon > 0 && std::isalpha(static_cast<unsigned char>(uri[0]));
    for (std::size_t i = 1; scheme && i < colon; ++i) {
        const auto c = static_cast<unsigned char>(uri[i]);
        scheme = std::isalnum(c) || c == '+' || c == '.' || c == '-';
    }
    return scheme ? std::string_view::npos : colon;
}

// The [begin, end) of the authority ("//host:port"), the one place where '[' and ']' may stand
// (IPv6 literals); empty when there is none.
std::pair<std::size_t, std::size_t> authority(std::string_view uri)
{
    std::size_t start = 0;
    if (const std::size_t colon = uri.find(':'); colon != std::string_view::npos && colon < uri.find_first_of("/?#"))
        start = colon + 1;
    if (uri.substr(start, 2) != "//")
        return {0, 0};
    start += 2;
    const std::size_t end = uri.find_first_of("/?#", start);
    return {start, end == std::string_view::npos ? uri.size() : end};
}

// Which colons of the authority may stand: those of the user info (before '@'), those inside an
// IPv6 literal, and the one before a port made of digits; the rest are escaped ("host:{x}").
bool authority_colon_allowed(std::string_view uri, std::size_t begin, std::size_t end, std::size_t at)
{
    const std::string_view auth = uri.substr(begin, end - begin);
    const std::size_t host = auth.rfind('@') == std::string_view::npos ? 0 : auth.rfind('@') + 1;
    const std::size_t i = at - begin;
    if (i < host)
        return true;
    const std::size_t open = auth.find('[', host);
    const std::size_t close = auth.find(']', host);
    if (open != std::string_view::npos && close != std::string_view::npos && open < i && i < close)
        return true;
    const std::size_t port = auth.rfind(':');
    if (i != port || (close != std::string_view::npos && port < close))
        return false;
    // RFC 3986 allows an empty port, libxml2's xs:anyURI does not: "http://https://x" (a site
    // that printed its scheme twice) has the host "https" and a ':' with no digits after it.
    return port + 1 < auth.size() &&
           std::all_of(auth.begin() + static_cast<std::ptrdiff_t>(port) + 1, auth.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::string escape_uri(std::string_view uri)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    const std::string_view trimmed = trim(uri);
    std::string out;
    out.reserve(trimmed.size());
    bool seen_hash = false;
    const std::size_t colon = stray_colon(trimmed);
    const auto [host_begin, host_end] = authority(trimmed);
    const std::size_t first_delimiter = std::min(trimmed.find_first_of("/?#"), trimmed.size());
    for (std::size_t i = 0; i < trimmed.size(); ++i) {
        const char c = trimmed[i];
        const auto u = static_cast<unsigned char>(c);
        const bool stray_percent = c == '%' && !(i + 2 < trimmed.size() && is_hex(trimmed[i + 1]) && is_hex(trimmed[i + 2]));
        const bool stray_bracket = (c == '[' || c == ']') && !(i >= host_begin && i < host_end);
        // Once the first colon is no scheme's, none in that first segment can stand ("a:b:c").
        const bool stray_colon_here =
            c == ':' && ((colon != std::string_view::npos && i >= colon && i < first_delimiter) ||
                         (i >= host_begin && i < host_end && !authority_colon_allowed(trimmed, host_begin, host_end, i)));
        if (needs_escape(u) || stray_percent || stray_bracket || (c == '#' && seen_hash) || stray_colon_here) {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
        seen_hash = seen_hash || c == '#';
    }
    return out;
}

} // namespace colophon::core
