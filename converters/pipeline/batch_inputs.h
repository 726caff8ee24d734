#pragma once
// Finds the documents of a batch: directories (recursive), file lists (@list.txt, one path a
// line, '#' comments) and a catalogue manifest. Every path found becomes an input, even one that
// cannot be read: the batch reports it instead of dropping it. Each input gets a key, unique in
// the batch and stable between runs, that names its outputs and its row in the state database.

#include "pipeline/manifest.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace colophon::pipeline {

struct BatchInput
{
    std::filesystem::path path;
    std::string key;         // relative, '/'-separated: "reports/1998/april.pdf"
    std::string output_stem; // the key without its extension when that stays unique
    std::string identifier;  // manifest identifier, else derived from the stem
    // Only manifest entries have one; a pointer keeps the other inputs small (a catalogue of
    // 100,000 files is held in memory while the batch is planned).
    std::unique_ptr<CatalogueRecord> record;
};

struct InputSet
{
    std::vector<BatchInput> inputs; // sorted by key
    std::size_t hidden_skipped = 0; // dot files and folders (".git", ".DS_Store")
};

// `exclude` (the output directory) is never descended into. Throws std::runtime_error for an
// unreadable list file or manifest.
InputSet collect_inputs(const std::vector<std::string>& sources, const std::string& manifest,
                        const std::filesystem::path& exclude = {});

struct Shard
{
    int index = 1; // 1-based
    int count = 1;
};

// Parses "K/N" with 1 <= K <= N; throws std::invalid_argument otherwise.
Shard parse_shard(const std::string& text);

// Whether `key` belongs to the shard: a stable 64-bit FNV-1a hash of the key, modulo N, so the
// partition depends on nothing but the relative path.
bool in_shard(const std::string& key, const Shard& shard);

// "Annual Report (1998).pdf" -> "Annual-Report-1998": ASCII letters, digits, '-', '_', '.'.
std::string safe_identifier(std::string_view text);

} // namespace colophon::pipeline
