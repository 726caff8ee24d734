// colophon-html-explain: shows why the HTML converter keeps or drops each part of one page.
// Prints the element tree after cleaning with every element's text statistics, score, the rule
// that marked it as chrome and the element chosen as main content, then the page type and the
// extraction method. For working on the HTML rules; not part of the product.
//
// usage: colophon-html-explain PAGE[.gz] [--min-letters N] [--find TEXT]
//   --min-letters N  hide elements holding fewer letters (default 200)
//   --find TEXT      show only the ancestors of elements whose own text contains TEXT
//   --exclusions     one line per excluded element: rule, class word, letters, text (TSV)

#include "core/text.h"
#include "dom/html_dom.h"
#include "hints/class_hints.h"
#include "html/html_converter.h"
#include "html/html_main_text.h"
#include "page_file.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_set>

using namespace colophon;

namespace {

std::string label_of(const xmlNode *e)
{
    std::string s(dom::tag_of(e));
    const std::string_view id = dom::attr_view(e, "id");
    const std::string_view cls = dom::attr_view(e, "class");
    if (!id.empty())
        s.append("#").append(id.substr(0, 40));
    if (!cls.empty())
        s.append(".").append(cls.substr(0, 60));
    const std::string_view role = dom::attr_view(e, "role");
    if (!role.empty())
        s.append("[role=").append(role).append("]");
    return s;
}

int depth_of(const xmlNode *e, const xmlNode *root)
{
    int d = 0;
    for (const xmlNode *p = e; p != nullptr && p != root; p = p->parent)
        ++d;
    return d;
}

// Elements on the way to one whose own text holds `needle`.
std::unordered_set<const xmlNode *> ancestors_of_text(html::FactsTable &facts,
                                                      const std::string &needle)
{
    std::unordered_set<const xmlNode *> keep;
    for (xmlNode *e : facts.elements())
        for (const xmlNode *c = e->children; c != nullptr; c = c->next)
            if (c->type == XML_TEXT_NODE && c->content != nullptr &&
                std::string_view(reinterpret_cast<const char *>(c->content)).find(needle) !=
                    std::string_view::npos)
                for (const xmlNode *p = e; p != nullptr; p = p->parent)
                    keep.insert(p);
    return keep;
}

} // namespace

int main(int argc, char **argv)
{
    std::string path, needle;
    int min_letters = 200;
    bool exclusions = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--min-letters" && i + 1 < argc)
            min_letters = std::stoi(argv[++i]);
        else if (a == "--exclusions")
            exclusions = true;
        else if (a == "--find" && i + 1 < argc)
            needle = argv[++i];
        else if (a == "--help" || a == "-h") {
            std::cout << "usage: colophon-html-explain PAGE[.gz] [--min-letters N] [--find TEXT]\n";
            return 0;
        } else
            path = a;
    }
    if (path.empty()) {
        std::cerr << "colophon-html-explain: no page given (see --help)\n";
        return 2;
    }
    const std::string bytes = eval::read_page_file(path);
    core::ConvertOptions options;
    core::Diagnostics diags(path);
    try {
        html::ScoredPage page =
            html::read_scored_page(core::make_input(path, bytes), options, diags);
        html::FactsTable &facts = page.facts;
        xmlNode *content = html::find_main_content(facts, page.body);
        if (exclusions) {
            for (xmlNode *e : facts.elements()) {
                const html::NodeFacts &f = facts[e];
                if (!f.excluded || f.raw_letters == 0)
                    continue;
                std::string text = dom::text_of(e).substr(0, 400);
                for (char &c : text)
                    if (c == '\t' || c == '\n')
                        c = ' ';
                std::printf("%s\t%s\t%s\t%d\t%s\n", f.excluded_by ? f.excluded_by : "",
                            label_of(e).c_str(), hints::chrome_hint(e).c_str(), f.raw_letters,
                            text.c_str());
            }
            return 0;
        }
        const auto keep = needle.empty() ? std::unordered_set<const xmlNode *>{}
                                         : ancestors_of_text(facts, needle);
        for (xmlNode *e : facts.elements()) {
            const html::NodeFacts &f = facts[e];
            if (needle.empty() ? f.raw_letters < min_letters : !keep.contains(e))
                continue;
            std::printf("%*s%s  L=%d raw=%d a=%d p=%d g=%d s=%.0f%s%s%s\n",
                        2 * depth_of(e, page.body), "", label_of(e).c_str(), f.letters,
                        f.raw_letters, f.link_letters, f.para_letters, f.good_letters, f.score,
                        f.excluded ? "  EXCLUDED by " : "", f.excluded_by ? f.excluded_by : "",
                        e == content ? "  <== MAIN CONTENT" : "");
        }
        const core::Document doc =
            html::HtmlConverter().convert(core::make_input(path, bytes), options, diags);
        std::printf("page type: %s, method: %s, %zu blocks\n", doc.extraction.page_type.c_str(),
                    doc.extraction.method.c_str(), doc.body.size());
    } catch (const core::ConversionError &e) {
        std::cerr << core::format_diagnostic(e.diagnostic()) << "\n";
        return 1;
    }
    return 0;
}
