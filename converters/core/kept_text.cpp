#include "core/kept_text.h"

#include "core/text.h"

namespace colophon::core {

namespace {

constexpr std::size_t match_prefix_bytes = 60;

std::string prefix(const std::string &s)
{
    return cut_utf8(s, match_prefix_bytes);
}

} // namespace

KeptText::KeptText(const Document &doc) : meta_(doc.meta)
{
    std::string all = doc.meta.title + "\n" + doc.meta.subtitle + "\n" + doc.meta.date.text + "\n" +
                      doc.meta.original_source.text + "\n" + plain_text(doc.meta.abstract) + "\n";
    for (const Author &a : doc.meta.authors)
        all += a.name + "\n" + a.affiliation + "\n";
    for (const Block &b : doc.body)
        all += plain_text(b) + "\n";
    for (const Note &n : doc.notes)
        for (const Block &b : n.blocks)
            all += plain_text(b) + "\n";
    all_ = to_lower(clean_text(all));
}

bool KeptText::holds(const std::string &text) const
{
    const std::string key = prefix(to_lower(clean_text(text)));
    return !key.empty() && all_.find(key) != std::string::npos;
}

bool KeptText::names_metadata(const std::string &text) const
{
    const std::string low = to_lower(text);
    for (const Author &a : meta_.authors)
        if (a.name.size() > 3 && low.find(to_lower(a.name)) != std::string::npos)
            return true;
    return meta_.date.text.size() > 3 && low.find(to_lower(meta_.date.text)) != std::string::npos;
}

} // namespace colophon::core
