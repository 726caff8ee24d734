#pragma once
// Narrow silencing of one known compiler false positive, kept in one place.
//
// GCC 12 at -O3 (the Release build) inlines std::string's _M_replace into `"literal" + str`
// (operator+(const char*, std::string&&) inserts the literal in front) and then warns with
// -Wrestrict that a memcpy of up to 2^63 bytes may overlap: it cannot see that the sizes are those
// of the strings involved. This is GCC bug 105329 (also reported as 105651), fixed in GCC 13; the
// code is correct. Only the statement that GCC 12 misreads is wrapped, and only for GCC 12.

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#define COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN                                                   \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wrestrict\"")
#define COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END _Pragma("GCC diagnostic pop")
#else
#define COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
#define COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
#endif
