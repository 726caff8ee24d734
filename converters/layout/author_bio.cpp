#include "author_bio.h"

#include "core/bylines.h"
#include "core/text.h"

#include <algorithm>

namespace colophon::layout {

namespace {

// An affiliation after a name is short: a position and an organisation. (pdf-gen, pdf-gen2:
// 3-12 words.)
constexpr std::size_t bio_affiliation_max_words = 20;

bool emphasised_alike(const Tok &a, const Tok &b)
{
    return a.bold == b.bold && a.italic == b.italic;
}

// The affiliation as printed, without its full stop and without specks OCR read after it ("~~").
std::string affiliation_text(const std::string &text)
{
    std::vector<std::string> words = core::split_words(core::clean_text(text));
    while (!words.empty() &&
           core::text_stats(words.back()).letters + core::text_stats(words.back()).digits == 0)
        words.pop_back();
    std::string out;
    for (const std::string &w : words)
        out += (out.empty() ? "" : " ") + w;
    if (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

bool is_named(const std::vector<core::Author> &authors, const std::string &name)
{
    return std::any_of(authors.begin(), authors.end(), [&](const core::Author &a) {
        return core::to_lower(a.name) == core::to_lower(name);
    });
}

// An interview's speaker label is followed by what was said: a question or an exclamation is
// no affiliation.
bool ends_question_or_exclamation(const std::string &text)
{
    return !text.empty() && (text.back() == '?' || text.back() == '!');
}

bool short_affiliation(const std::string &text)
{
    const std::size_t words = core::split_words(text).size();
    return words > 0 && words <= bio_affiliation_max_words;
}

// Gives `name` its affiliation: the byline's author of that name, or (with `may_add`) a new
// author when the page named none. False when the byline names others only.
bool give_affiliation(std::vector<core::Author> &authors, const std::string &name,
                      const std::string &affiliation, bool may_add)
{
    if (authors.empty() && may_add) {
        authors.push_back({name, affiliation, {}});
        return true;
    }
    for (core::Author &a : authors) {
        if (core::to_lower(a.name) == core::to_lower(name)) {
            if (a.affiliation.empty())
                a.affiliation = affiliation;
            return true;
        }
    }
    return false;
}

// "**Jane Doe** *Senior Fellow, Some Institute*": the name is the paragraph's opening run of one
// emphasis (bold, italic), the affiliation the rest, set otherwise.
bool take_name_then_affiliation(const Para &para, std::vector<core::Author> &authors, bool may_add)
{
    if (para.toks.empty() || !(para.toks.front().bold || para.toks.front().italic))
        return false;
    std::size_t run = 1;
    while (run < para.toks.size() && emphasised_alike(para.toks[run], para.toks.front()))
        ++run;
    if (run == para.toks.size())
        return false;
    const std::string name =
        tokens_text({para.toks.begin(), para.toks.begin() + static_cast<std::ptrdiff_t>(run)});
    const std::string affiliation = affiliation_text(
        tokens_text({para.toks.begin() + static_cast<std::ptrdiff_t>(run), para.toks.end()}));
    if (!core::looks_like_person_name(name) || !short_affiliation(affiliation))
        return false;
    return give_affiliation(authors, core::clean_text(name), affiliation, may_add);
}

// The name on a line of its own (set apart, or the byline's author), the affiliation the
// paragraph after it.
bool take_name_over_affiliation(const Para &name_para, const Para &affiliation_para,
                                std::vector<core::Author> &authors, bool ocr_text, bool may_add)
{
    if (affiliation_para.heading)
        return false;
    std::string name = core::clean_text(tokens_text(name_para.toks));
    if (ocr_text && !core::looks_like_person_name(name))
        name = core::repair_ocr_name(name);
    if (!core::looks_like_person_name(name))
        return false;
    const bool set_apart = std::all_of(name_para.toks.begin(), name_para.toks.end(),
                                       [](const Tok &t) { return t.bold || t.italic; });
    const std::string affiliation = affiliation_text(tokens_text(affiliation_para.toks));
    if (!(set_apart || (!may_add && is_named(authors, name))) || !short_affiliation(affiliation) ||
        ends_question_or_exclamation(affiliation))
        return false;
    return give_affiliation(authors, name, affiliation, may_add);
}

} // namespace

std::vector<core::Author> parse_bio(const std::string &text, bool ocr_text)
{
    std::vector<core::Author> out;
    std::string rest = core::clean_text(text);
    if (ocr_text) {
        // OCR drops the space after a stray dot or comma between words ("fellow.at the").
        for (std::size_t i = 1; i + 1 < rest.size(); ++i)
            if ((rest[i] == '.' || rest[i] == ',') && rest[i - 1] >= 'a' && rest[i - 1] <= 'z' &&
                rest[i + 1] >= 'a' && rest[i + 1] <= 'z')
                rest[i] = ' ';
    }
    // split into sentences at ". " followed by an upper-case letter
    std::vector<std::string> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
        // OCR may read the next sentence's capital I as l ("Institute. lsabel Marquez is")
        const bool ocr_capital = ocr_text && i + 3 < rest.size() && rest[i + 2] == 'l' &&
                                 rest[i + 3] >= 'a' && rest[i + 3] <= 'z';
        if (rest[i] == '.' && rest[i + 1] == ' ' && i + 2 < rest.size() &&
            (starts_upper(std::string_view(rest).substr(i + 2)) || ocr_capital)) {
            sentences.push_back(rest.substr(start, i - start));
            start = i + 2;
        }
    }
    sentences.push_back(rest.substr(start));
    for (std::string s : sentences) {
        s = core::clean_text(s);
        if (!s.empty() && s.back() == '.')
            s.pop_back();
        const auto is_pos = s.find(" is ");
        if (is_pos == std::string::npos)
            return {};
        std::string name = s.substr(0, is_pos);
        if (!core::looks_like_person_name(name)) {
            if (!ocr_text || !core::looks_like_person_name(core::repair_ocr_name(name)))
                return {};
            name = core::repair_ocr_name(name);
        }
        core::Author a;
        a.name = name;
        for (std::string_view prep : {" at ", " of ", " with "}) {
            const auto p = s.rfind(prep);
            if (p != std::string::npos && p > is_pos) {
                a.affiliation = core::clean_text(s.substr(p + prep.size()));
                break;
            }
        }
        out.push_back(std::move(a));
    }
    return out;
}

bool take_author_note(const Para &para, std::vector<core::Author> &authors_front, bool ocr_text)
{
    if (para.heading)
        return false;
    const auto bio = parse_bio(tokens_text(para.toks), ocr_text);
    if (bio.empty())
        return false;
    if (authors_front.empty()) {
        authors_front = bio;
    } else {
        for (auto &a : authors_front)
            for (const auto &b : bio)
                if (a.name == b.name && a.affiliation.empty())
                    a.affiliation = b.affiliation;
    }
    return true;
}

std::size_t take_author_bios(const ParagraphBuilder &paras, std::size_t end,
                             std::vector<core::Author> &authors, bool ocr_text)
{
    while (end > 0) {
        const Para last = paras.para(end - 1);
        // 1. "Jane Doe is a senior fellow at Some Institute."
        if (take_author_note(last, authors, ocr_text) ||
            (!last.heading && take_name_then_affiliation(last, authors, true))) {
            --end;
            continue;
        }
        // 2. the name alone, the affiliation under it
        if (end >= 2 &&
            take_name_over_affiliation(paras.para(end - 2), last, authors, ocr_text, true)) {
            end -= 2;
            continue;
        }
        break;
    }
    return end;
}

std::size_t take_inner_bio(const Para &para, const std::function<Para()> &next,
                           std::vector<core::Author> &authors, bool ocr_text)
{
    if (authors.empty())
        return 0;
    // "Jane Doe is a senior fellow at X." about the byline's authors only
    const std::vector<core::Author> bio =
        para.heading ? std::vector<core::Author>{} : parse_bio(tokens_text(para.toks), ocr_text);
    const bool about_authors =
        !bio.empty() && std::all_of(bio.begin(), bio.end(), [&](const core::Author &b) {
            return is_named(authors, b.name);
        });
    if (about_authors) {
        for (const core::Author &b : bio)
            give_affiliation(authors, b.name, b.affiliation, false);
        return 1;
    }
    if (!para.heading && take_name_then_affiliation(para, authors, false))
        return 1;
    std::string name = core::clean_text(tokens_text(para.toks));
    if (ocr_text && !core::looks_like_person_name(name))
        name = core::repair_ocr_name(name);
    if (!is_named(authors, name))
        return 0;
    return take_name_over_affiliation(para, next(), authors, ocr_text, false) ? 2 : 0;
}

} // namespace colophon::layout
