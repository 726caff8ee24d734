#include "pool/claim_table.h"

#include <bit>
#include <cerrno>
#include <cstring>
#include <limits>
#include <sched.h>
#include <stdexcept>
#include <sys/mman.h>

namespace colophon::pool {

namespace {

static_assert(std::atomic<std::uint64_t>::is_always_lock_free, "claims need lock-free atomics across processes");

// FNV-1a: stable across processes, unlike std::hash, which need not be.
std::uint64_t fingerprint(std::string_view s)
{
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return (h >> 1) | (std::uint64_t{1} << 62); // never 0, room for the "filled in" bit
}

constexpr std::uint64_t filled = 1;
constexpr int spins_before_giving_up = 10000; // a claim takes well under a microsecond

} // namespace

void ClaimTable::Unmap::operator()(void* p) const
{
    ::munmap(p, bytes);
}

ClaimTable::ClaimTable(std::size_t max_claims, std::size_t text_bytes)
    : slots_(std::bit_ceil(std::max<std::size_t>(64, max_claims + max_claims / 2))),
      text_capacity_(std::min<std::size_t>(text_bytes + 64, std::numeric_limits<std::uint32_t>::max())),
      bytes_(sizeof(Header) + slots_ * sizeof(Slot) + text_capacity_), map_(map_shared(bytes_), Unmap{bytes_})
{
}

void* ClaimTable::map_shared(std::size_t bytes)
{
    // Anonymous shared memory reads as zeros (every slot empty); pages become resident only
    // where claims land, and in the workers that write them, not in the parent.
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        throw std::runtime_error(std::string("claim table: mmap: ") + std::strerror(errno));
    return p;
}

ClaimTable::Header& ClaimTable::header() const
{
    return *static_cast<Header*>(map_.get());
}

ClaimTable::Slot& ClaimTable::slot(std::size_t i) const
{
    return reinterpret_cast<Slot*>(static_cast<char*>(map_.get()) + sizeof(Header))[i];
}

char* ClaimTable::text() const
{
    return static_cast<char*>(map_.get()) + sizeof(Header) + slots_ * sizeof(Slot);
}

std::string_view ClaimTable::text_at(std::uint32_t at, std::uint32_t size) const
{
    return {text() + at, size};
}

std::optional<std::uint32_t> ClaimTable::store(std::string_view digest, std::string_view key)
{
    const std::size_t need = digest.size() + key.size();
    const std::uint64_t at = header().text_used.fetch_add(need, std::memory_order_relaxed);
    if (at + need > text_capacity_)
        return std::nullopt;
    std::memcpy(text() + at, digest.data(), digest.size());
    std::memcpy(text() + at + digest.size(), key.data(), key.size());
    return static_cast<std::uint32_t>(at);
}

std::optional<std::string> ClaimTable::claim(std::string_view digest, std::string_view key)
{
    const std::uint64_t fp = fingerprint(digest);
    const std::uint64_t writing = fp << 1;
    std::optional<std::uint32_t> stored; // our text, written once, before our slot is taken
    for (std::size_t probe = 0; probe < slots_; ++probe) {
        Slot& s = slot((fp + probe) & (slots_ - 1));
        std::uint64_t tag = s.tag.load(std::memory_order_acquire);
        if (tag == 0) {
            if (!stored && !(stored = store(digest, key)))
                return std::nullopt; // no room left: convert rather than lose the document
            if (s.tag.compare_exchange_strong(tag, writing, std::memory_order_acq_rel)) {
                s.digest_at = *stored;
                s.digest_size = static_cast<std::uint32_t>(digest.size());
                s.key_at = *stored + static_cast<std::uint32_t>(digest.size());
                s.key_size = static_cast<std::uint32_t>(key.size());
                s.tag.store(writing | filled, std::memory_order_release);
                return std::nullopt;
            }
            // Another worker took the slot first: `tag` now holds its value.
        }
        if ((tag >> 1) != fp)
            continue;
        for (int i = 0; (tag & filled) == 0 && i < spins_before_giving_up; ++i) {
            ::sched_yield();
            tag = s.tag.load(std::memory_order_acquire);
        }
        if ((tag & filled) == 0)
            continue; // its writer died mid-claim, before converting anything
        if (text_at(s.digest_at, s.digest_size) != digest)
            continue;
        const std::string_view first = text_at(s.key_at, s.key_size);
        if (first == key)
            return std::nullopt;
        return std::string(first);
    }
    return std::nullopt; // full: convert
}

} // namespace colophon::pool
