#pragma once
// Name-based UUIDs (RFC 4122 version 5, SHA-1): the same package id and role always give the
// same UUID, so a package rebuilt from the same input with the same bagging date is
// byte-identical.

#include <string>
#include <string_view>

namespace colophon::archive {

// UUIDv5 of `name` in colophon's namespace (itself a v5 UUID of "colophon" in the URL namespace).
std::string name_based_uuid(std::string_view name);

} // namespace colophon::archive
