#include "html/html_facts.h"

#include "dom/html_dom.h"

namespace colophon::html {

const std::vector<xmlNode*>& FactsTable::index(xmlNode* root)
{
    order_.clear();
    facts_.clear();
    for (xmlNode *n = root; n != nullptr; n = dom::next_in_order(n, root)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        order_.push_back(n);
        n->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(order_.size()));
    }
    facts_.resize(order_.size());
    return order_;
}

NodeFacts& FactsTable::operator[](const xmlNode* node)
{
    if (node != nullptr && node->type == XML_ELEMENT_NODE) {
        const auto i = reinterpret_cast<std::uintptr_t>(node->_private);
        if (i > 0 && i <= order_.size() && order_[i - 1] == node)
            return facts_[i - 1];
    }
    none_ = NodeFacts{};
    return none_;
}

long FactsTable::index_of(const xmlNode* node) const
{
    if (node != nullptr && node->type == XML_ELEMENT_NODE) {
        const auto i = reinterpret_cast<std::uintptr_t>(node->_private);
        if (i > 0 && i <= order_.size() && order_[i - 1] == node)
            return static_cast<long>(i - 1);
    }
    return -1;
}

void FactsTable::clear_stats()
{
    for (NodeFacts& f : facts_) {
        f.letters = f.link_letters = f.para_letters = f.good_letters = 0;
        f.score = 0;
    }
}

} // namespace colophon::html
