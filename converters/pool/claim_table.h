#pragma once
// Duplicate detection inside a run without asking the parent: the first worker to claim some
// bytes converts them, the others record a duplicate. The table lives in memory shared by the
// workers (mapped before they are forked); a claim is one atomic compare-and-swap, where a round
// trip to the parent cost two wake-ups, two messages and three SQLite statements per document.
//
// Fixed size, chosen from the plan (how many documents, how many key bytes). When it is full the
// claim answers "first" (the document is converted, never lost): duplicates are then converted
// twice, which is wasted work, not a wrong report. A worker killed in the middle of a claim
// leaves a slot that others skip after a short wait: that document never converted anything.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace colophon::pool {

class ClaimTable
{
public:
    // Room for `max_claims` claims whose keys and digests add up to at most `text_bytes`.
    ClaimTable(std::size_t max_claims, std::size_t text_bytes);

    // Claims `digest` for `key`. Returns the key that claimed it first when that is another
    // key, nullopt when this key is (or already was) the first.
    std::optional<std::string> claim(std::string_view digest, std::string_view key);

    // Bytes mapped (virtual; only the slots and text actually used become resident).
    std::size_t mapped_bytes() const { return bytes_; }

private:
    struct Slot
    {
        std::atomic<std::uint64_t> tag; // 0 empty; fingerprint << 1, low bit set once filled in
        std::uint32_t digest_at;
        std::uint32_t digest_size;
        std::uint32_t key_at;
        std::uint32_t key_size;
    };
    struct Header
    {
        std::atomic<std::uint64_t> text_used;
    };
    struct Unmap
    {
        std::size_t bytes;
        void operator()(void* p) const;
    };

    static void* map_shared(std::size_t bytes);
    Header& header() const;
    Slot& slot(std::size_t i) const;
    char* text() const;
    std::string_view text_at(std::uint32_t at, std::uint32_t size) const;
    // Copies `digest` then `key` into the shared text; nullopt when it is full.
    std::optional<std::uint32_t> store(std::string_view digest, std::string_view key);

    std::size_t slots_ = 0; // a power of two
    std::size_t text_capacity_ = 0;
    std::size_t bytes_ = 0;
    std::unique_ptr<void, Unmap> map_;
};

} // namespace colophon::pool
