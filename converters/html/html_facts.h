#pragma once
// Per-element facts the HTML stages share (boilerplate marks, text statistics, content score),
// kept in one table the elements point into through libxml2's user pointer (`_private`).

#include <libxml/tree.h>

#include <cstdint>
#include <vector>

namespace colophon::html {

struct NodeFacts
{
    bool excluded = false;   // boilerplate: never part of the body
    const char* excluded_by = nullptr; // the rule that excluded it, for explanations ("nav", "class hint")
    bool metadata = false;   // a byline, date or provenance line taken into the metadata
    int letters = 0;         // letters and digits in the subtree
    int raw_letters = 0;     // ... counting boilerplate too (kept from the first pass)
    int link_letters = 0;    // ... of them inside <a>
    int para_letters = 0;    // ... of them inside <p>-like text blocks
    int good_letters = 0;    // ... of them in blocks that read as running text
    double score = 0;        // content score of the subtree (higher: more article-like)
};

class FactsTable
{
public:
    // Numbers every element under `root` (pre-order) and returns them in that order.
    const std::vector<xmlNode*>& index(xmlNode* root);
    // Facts of an element; a shared empty record for nodes the table does not know.
    NodeFacts& operator[](const xmlNode* node);
    // Position in elements(), or -1 for nodes the table does not know.
    long index_of(const xmlNode* node) const;
    const std::vector<xmlNode*>& elements() const { return order_; }
    void clear_stats();

private:
    std::vector<xmlNode*> order_;
    std::vector<NodeFacts> facts_;
    NodeFacts none_;
};

} // namespace colophon::html
