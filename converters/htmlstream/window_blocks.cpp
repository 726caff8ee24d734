#include "htmlstream/window_blocks.h"

#include "html/html_cleaning.h"
#include "html/html_facts.h"
#include "html/html_main_text.h"
#include "html/html_notes.h"

#include <map>

namespace colophon::htmlstream {

namespace {

void retarget_refs(std::vector<core::Inline> &inlines,
                   const std::map<std::string, std::string> &renamed)
{
    for (core::Inline &in : inlines) {
        if (in.kind == core::InlineKind::NoteRef)
            if (const auto it = renamed.find(in.target); it != renamed.end())
                in.target = it->second;
        retarget_refs(in.children, renamed);
    }
}

void retarget_refs(std::vector<core::Block> &blocks,
                   const std::map<std::string, std::string> &renamed)
{
    for (core::Block &b : blocks) {
        retarget_refs(b.content, renamed);
        retarget_refs(b.children, renamed);
    }
}

// Pages number their notes per section or repeat ids; a window's note whose id an earlier window
// used gets a new one (as html::make_xml_id makes ids unique within one window), and its marks
// follow.
void keep_note_ids_unique(core::BodyPart &part, std::vector<std::string> &taken)
{
    std::map<std::string, std::string> renamed;
    for (core::Note &note : part.notes) {
        std::string id = html::make_xml_id(note.id, taken);
        if (id != note.id)
            renamed.emplace(note.id, id);
        note.id = std::move(id);
    }
    if (!renamed.empty())
        retarget_refs(part.blocks, renamed);
}

} // namespace

core::BodyPart convert_window(xmlNode *root, const WindowRules &rules,
                              std::vector<std::string> &taken_ids, core::Diagnostics &diags)
{
    const html::CleaningReport cleaning = html::remove_never_content(root, rules.blocks.max_depth);
    if (cleaning.flattened)
        diags.warn("html.too-deep", "elements nested deeper than " +
                                        std::to_string(rules.blocks.max_depth) +
                                        " levels were flattened into text");
    html::FactsTable facts;
    facts.index(root);
    html::compute_text_stats(facts, root, false);
    html::mark_boilerplate(facts, root, rules.hints);
    html::compute_text_stats(facts, root, true);
    html::BlockContext ctx = rules.blocks;
    ctx.facts = &facts;
    core::BodyPart part;
    part.notes = html::extract_notes(root, root, ctx);
    part.blocks = html::build_blocks(root, ctx);
    keep_note_ids_unique(part, taken_ids);
    return part;
}

} // namespace colophon::htmlstream
