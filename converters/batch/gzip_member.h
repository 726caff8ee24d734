#pragma once
// The corpus is gzip: members compressed per document, joined (written through core::AtomicFile,
// which makes streamed outputs appear whole or not at all).

#include <string>
#include <string_view>

namespace colophon::batch {

// `bytes` as one complete gzip member. Members joined end to end are one valid gzip file
// (RFC 1952), so per-document pieces compressed in the workers make the corpus by concatenation.
std::string gzip_member(std::string_view bytes, int level = 6);

} // namespace colophon::batch
