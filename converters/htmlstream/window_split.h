#pragma once
// Where a page being parsed can be cut: the finished children of the open elements, taken out of
// the tree without cutting a paragraph, list item or cell in two.

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <unordered_map>
#include <vector>

namespace colophon::htmlstream {

struct SubtreeFree
{
    void operator()(xmlNode *node) const;
};
// A detached subtree, freed without recursion.
using SubtreePtr = std::unique_ptr<xmlNode, SubtreeFree>;

// The open elements (outermost first) from `from` on whose finished children can go now: each
// holds blocks (a body, division, list, table) and its last child, which stays because it may
// still grow, begins or ends a block. Returns the end of that run: `from` when none can.
std::size_t splittable_end(const std::vector<xmlNode *> &open, std::size_t from);

// How many items of each ordered list still being parsed earlier windows took: the copy of the
// list a window gets numbers on after them.
using ItemsTaken = std::unordered_map<const xmlNode *, int>;

// Moves the finished children of open[from, end) (all but the last child of each) into a
// detached shallow copy of that chain of elements and returns its outermost element; the
// elements that stay are the ones the parser may still touch.
SubtreePtr take_finished(const std::vector<xmlNode *> &open, std::size_t from, std::size_t end,
                         ItemsTaken &taken);

// Moves every child of `element` (finished: the parser has closed it) into a detached copy of it.
SubtreePtr take_all(xmlNode *element, ItemsTaken &taken);

} // namespace colophon::htmlstream
