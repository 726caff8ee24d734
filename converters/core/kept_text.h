#pragma once
// Whether a piece of an input's text is in what the document kept (body, notes, metadata), for
// the review page's block verdicts. A block is looked up by its first characters: the body may
// join, split or reflow a block, but it keeps how it starts.

#include "core/document.h"

#include <string>

namespace colophon::core {

class KeptText
{
  public:
    explicit KeptText(const Document &doc);
    // The text (of a source block) is in the body, the notes, the title, abstract or byline fields.
    bool holds(const std::string &text) const;
    // It names an author or shows the printed date: a byline or dateline read into the metadata.
    bool names_metadata(const std::string &text) const;

  private:
    std::string all_; // lower-cased, spaces collapsed
    const Metadata &meta_;
};

} // namespace colophon::core
