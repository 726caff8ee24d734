#pragma once
// URIs taken from hostile pages, made safe to write as xs:anyURI.

#include <string>
#include <string_view>

namespace colophon::core {

// Percent-encodes what a URI reference cannot hold literally: spaces, control characters,
// quotes, <>\^`{|}, non-ASCII bytes (as their UTF-8 octets), a '%' that does not start an
// escape, every '#' after the first, every ':' of a first segment that is no scheme, a ':' in a
// host that does not start a numeric port, and '[' or ']' outside the host. Already-valid URIs come
// back unchanged.
std::string escape_uri(std::string_view uri);

} // namespace colophon::core
