#pragma once
// Numbers that tell a page of cards (a listing, a collection) from one article, for the page-type
// model (html_page_features.cpp): how much of the text sits in repeated siblings that link
// elsewhere, how many headings are links to other pages, how many links page through the list,
// and whether the address names an index (/tag/x, /page/2, ?page=3). Fed in document order by
// the features' single walk over the tree, so they cost no walk of their own.

#include <libxml/tree.h>

#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace colophon::html {

class CardTally
{
  public:
    // Siblings of one tag and first class name, three or more of them (the caller finds them).
    void repeated_siblings(const std::vector<const xmlNode *> &members);
    // Every element, in document order, parents before their children.
    void element(const xmlNode *node);
    // Every text node outside skipped subtrees, with its letters.
    void text(const xmlNode *node, int letters);
    // The values, in the order of card_feature_names().
    void add_to(std::vector<float> &row) const;

  private:
    std::unordered_set<const xmlNode *> cards_;
    int cards_with_heading_ = 0;
    int letters_ = 0;
    int card_letters_ = 0;
    std::map<const xmlNode *, std::pair<int, int>> headings_; // letters, letters in links
    int pagination_links_ = 0;
    int dated_texts_ = 0;
};

const std::vector<std::string> &card_feature_names();

// The address's index words (/tag/, /archive/, /page/2) and paging query (?page=2): two values,
// in the order of address_feature_names().
void add_index_address(const std::string &url, std::vector<float> &row);
const std::vector<std::string> &address_feature_names();

} // namespace colophon::html
