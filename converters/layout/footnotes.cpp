#include "footnotes.h"

#include "core/text.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>

namespace colophon::layout {

namespace {

// A label glued to the note text in the same font ("1Data available", "*See"): byte length of
// the label, 0 when none.
std::size_t glued_label_length(const std::string& w)
{
    std::size_t n = 0;
    while (n < w.size() && n < 3 && is_ascii_digit(w[n]))
        ++n;
    if (n == 0) {
        for (std::string_view sym : {"*", "\u2217", "\u204e", "\u2020", "\u2021", "\u00a7", "\u00b6"})
            if (std::string_view(w).starts_with(sym)) {
                n = sym.size();
                break;
            }
    }
    if (n == 0 || n >= w.size())
        return 0;
    // "1.A summary": OCR closes the space after a numbered note's full stop
    if (is_ascii_digit(w[0]) && w[n] == '.' && n + 1 < w.size() && w[n + 1] >= 'A' && w[n + 1] <= 'Z')
        return n + 1;
    const unsigned char next = static_cast<unsigned char>(w[n]);
    if (next >= 'A' && next <= 'Z')
        return n;
    if (next >= 0x80 && !is_ascii_digit(w[0]) && starts_upper(std::string_view(w).substr(n)))
        return n;
    if (!is_ascii_digit(w[0]) && next >= 'A')
        return n;
    return 0;
}

} // namespace

std::string note_start_label(const TextLine& l, bool* superscript)
{
    if (l.words.empty())
        return {};
    const LineWord& w = l.words.front();
    const std::string label = note_label_of(w.text);
    const bool sup = w.superscript || w.size < l.size - 0.5;
    if (superscript)
        *superscript = sup;
    if (label.empty()) {
        const std::size_t n = glued_label_length(w.text);
        return n > 0 ? note_label_of(w.text.substr(0, n)) : std::string();
    }
    if (l.words.size() < 2)
        return {};
    return label;
}

namespace {

// `hyphens` is a Vocabulary (decide now) or pending joins (decide later): see append_line.
template <typename Hyphens>
std::vector<Tok> label_stripped_tokens(const TextLine& l, Hyphens& hyphens)
{
    std::vector<Tok> toks;
    if (l.words.empty())
        return toks;
    const std::size_t glued = note_label_of(l.words.front().text).empty() ? glued_label_length(l.words.front().text) : 0;
    if (glued > 0) {
        TextLine rest = l;
        rest.words.front().text = rest.words.front().text.substr(glued);
        append_line(toks, rest, hyphens);
    } else {
        append_line(toks, l, hyphens, 1);
    }
    return toks;
}

} // namespace

std::vector<Tok> note_body_tokens(const TextLine& l, const Vocabulary& vocab) { return label_stripped_tokens(l, vocab); }

std::vector<Tok> note_body_tokens(const TextLine& l, std::vector<PendingHyphen>& pending)
{
    return label_stripped_tokens(l, pending);
}

namespace {

// Footnotes sit in the lower part of a page: a labelled line above this share of the page
// height opens no footnote zone. (pdf-gen, pdf-gen2.)
constexpr double foot_zone_top = 0.45;
// A note continued from the page before fills the foot of the page when no note starts there:
// its last line reaches below this share of the page height.
constexpr double continued_note_bottom = 0.75;
// OCR's size of a note line may reach the body size (see small_tail_start).
constexpr double ocr_note_size_ratio = 1.0;
// Lines of one note are set tight: less than this many of their size apart.
constexpr double note_line_gap = 0.8;
// A footnote zone set at the body size (Word and LibreOffice templates that do not shrink
// notes) is told from the body by its marks and the space above it: it opens with a raised
// label that a raised mark in the page's body above it names, after blank space of at least
// this many of its size. (pdf-gen2 LibreOffice; the other producers and pdf-real unchanged.)
constexpr double marked_zone_space_above = 0.5;
// ... and holds no line larger than the body (a heading below it is body again).
constexpr double marked_zone_max_size = 1.05;

// Raised note marks in the body lines before line `before` of the page.
std::set<std::string> raised_marks(const PageLines& page, const std::vector<Role>& role, std::size_t before)
{
    std::set<std::string> marks;
    for (std::size_t i = 0; i < before && i < page.lines.size(); ++i) {
        if (role[i] != Role::Body)
            continue;
        const auto& words = page.lines[i].words;
        for (std::size_t k = 1; k < words.size(); ++k)
            if (words[k].superscript) {
                const std::string label = note_label_of(words[k].text);
                if (!label.empty())
                    marks.insert(label);
            }
    }
    return marks;
}

// The start of the run of small lines (furniture aside) that ends the frame [start, end). On
// OCR'd pages sizes come from line heights and wander: a line opening with a note label up to
// the body size stays in the run when a small line of the run stands above it.
std::size_t small_tail_start(const PageLines& page, const std::vector<Role>& role, std::size_t start, std::size_t end,
                             double body)
{
    auto small = [&](std::size_t k) { return role[k] == Role::Furniture || page.lines[k].size <= note_size_ratio * body; };
    auto tolerated = [&](std::size_t k) {
        return page.from_ocr && page.lines[k].size <= ocr_note_size_ratio * body && !note_start_label(page.lines[k]).empty();
    };
    std::size_t tail = end;
    std::size_t pending = end; // tolerated lines not yet confirmed by a small line above them
    while (tail > start) {
        const std::size_t k = tail - 1;
        if (small(k)) {
            pending = end;
        } else if (tolerated(k)) {
            if (pending == end)
                pending = tail;
        } else {
            break;
        }
        --tail;
    }
    return pending == end ? tail : pending;
}

// The first line of [from, end) in the lower part of the page that opens with a note label.
std::size_t first_labelled_line(const PageLines& page, const std::vector<Role>& role, std::size_t from, std::size_t end)
{
    const double foot_top = foot_zone_top * page.height;
    for (std::size_t k = from; k < end; ++k) {
        if (role[k] == Role::Furniture || page.lines[k].box.y0 < foot_top)
            continue;
        if (!note_start_label(page.lines[k]).empty())
            return k;
    }
    return end;
}

// A zone at the body size: the first line of [start, end) in the lower part of the page that
// opens with a raised label named by a raised mark above it, after blank space, with no
// larger line after it. `end` when there is none.
std::size_t marked_zone_start(const PageLines& page, const std::vector<Role>& role, std::size_t start, std::size_t end,
                              double body)
{
    const auto& lines = page.lines;
    const double foot_top = foot_zone_top * page.height;
    std::size_t zone = end;
    for (std::size_t k = start; k < end; ++k) {
        if (role[k] == Role::Furniture)
            continue;
        if (lines[k].size > marked_zone_max_size * body) {
            zone = end; // a heading after the candidate: that was no zone
            continue;
        }
        if (zone < end || lines[k].box.y0 < foot_top)
            continue;
        bool raised = false;
        const std::string label = note_start_label(lines[k], &raised);
        if (label.empty() || !raised)
            continue;
        std::size_t above = k;
        while (above > start && role[above - 1] == Role::Furniture)
            --above;
        if (above > start && lines[k].box.y0 - lines[above - 1].box.y1 < marked_zone_space_above * lines[k].size)
            continue;
        if (raised_marks(page, role, k).count(label))
            zone = k;
    }
    return zone;
}

// A note continued from the previous page opens this page's zone without a label: it sits tight
// above the labelled notes, or at the very foot when no note starts here.
std::size_t extend_over_continued_note(const PageLines& page, const std::vector<Role>& role, std::size_t tail,
                                       std::size_t zone, std::size_t end)
{
    const auto& lines = page.lines;
    const double foot_top = foot_zone_top * page.height;
    std::size_t k = zone;
    if (k == end) {
        std::size_t last = end;
        while (last > tail && role[last - 1] == Role::Furniture)
            --last;
        if (last > tail && lines[last - 1].box.y1 > continued_note_bottom * page.height)
            k = last - 1;
    }
    while (k < end && k > tail && role[k - 1] != Role::Furniture && lines[k - 1].box.y0 >= foot_top &&
           lines[k].box.y0 - lines[k - 1].box.y1 < note_line_gap * lines[k].size)
        --k;
    return k;
}

bool all_digits(const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_ascii_digit); }

// OCR misreads a note's number at the foot more often than the raised marks in the body ("4,"
// for "1." in small print). On an OCR'd page, numbered note `label` does not count up from
// `notes.back()`, this zone's note before it; when the body's raised marks name `label` and the
// number before it but not the previous note's, the previous note's number was misread: it is
// relabelled to the one before `label` and `label` opens a note.
bool repair_misread_label(const PageLines& page, const std::set<std::string>& marks, const std::string& label,
                          std::vector<RawNote>& notes)
{
    if (!page.from_ocr || notes.empty() || notes.back().page != page.page || !all_digits(label) ||
        !all_digits(notes.back().label) || std::stoi(label) < 2)
        return false;
    const std::string before = std::to_string(std::stoi(label) - 1);
    if (!marks.count(label) || !marks.count(before) || marks.count(notes.back().label))
        return false;
    notes.back().label = before;
    return true;
}

// Lines [zone, end) are notes: labelled lines open notes marked like the first one (plain
// numbers counting up), the others continue the last note.
void take_zone_notes(const PageLines& page, std::size_t zone, std::size_t end, std::vector<Role>& role,
                     std::vector<RawNote>& notes)
{
    const auto& lines = page.lines;
    const std::set<std::string> marks = page.from_ocr ? raised_marks(page, role, zone) : std::set<std::string>{};
    const std::size_t notes_before = notes.size();
    bool zone_sup = false;
    std::string prev_label;
    bool first_start = true;
    for (std::size_t k = zone; k < end; ++k) {
        if (role[k] == Role::Furniture)
            continue;
        role[k] = Role::Note;
        bool sup = false;
        std::string label = note_start_label(lines[k], &sup);
        if (!label.empty() && !first_start) {
            const bool numeric = std::all_of(label.begin(), label.end(), is_ascii_digit);
            if (sup != zone_sup)
                label.clear();
            else if (!sup && numeric && all_digits(prev_label) && std::stoi(label) != std::stoi(prev_label) + 1 &&
                     !(notes.size() > notes_before && repair_misread_label(page, marks, label, notes)))
                label.clear();
        }
        if (!label.empty()) {
            if (first_start)
                zone_sup = sup;
            first_start = false;
            prev_label = label;
            RawNote n;
            n.label = label;
            n.page = page.page;
            n.toks = note_body_tokens(lines[k], Vocabulary{});
            notes.push_back(std::move(n));
        } else if (!notes.empty()) {
            append_line(notes.back().toks, lines[k], Vocabulary{});
        }
    }
}

} // namespace

void find_footnote_zone(const PageLines& page, const std::vector<bool>& furniture, double body, std::vector<Role>& role,
                        std::vector<RawNote>& notes)
{
    const auto& lines = page.lines;
    role.assign(lines.size(), Role::Body);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (furniture[i])
            role[i] = Role::Furniture;
    // a frame's lines are contiguous in reading order; each frame has its own foot
    std::size_t start = 0;
    while (start < lines.size()) {
        std::size_t end = start;
        while (end < lines.size() && lines[end].frame_id == lines[start].frame_id)
            ++end;
        // 1. a run of small lines at the foot, from its first labelled line
        const std::size_t tail = small_tail_start(page, role, start, end, body);
        std::size_t zone = first_labelled_line(page, role, tail, end);
        // 2. a note continued from the page before
        if (tail < end && zone > tail && !notes.empty() && notes.back().page == page.page - 1 &&
            !ends_sentence(tokens_text(notes.back().toks)))
            zone = extend_over_continued_note(page, role, tail, zone, end);
        // 3. else notes set at the body size, known by their marks
        if (zone == end)
            zone = marked_zone_start(page, role, start, end, body);
        if (zone < end)
            take_zone_notes(page, zone, end, role, notes);
        start = end;
    }
}

NoteLinker::NoteLinker(std::vector<RawNote>& notes) : notes_(notes)
{
    for (std::size_t k = 0; k < notes_.size(); ++k) {
        notes_[k].id = "fn" + std::to_string(k + 1);
        notes_by_label_[notes_[k].label].push_back(k);
    }
}

std::string NoteLinker::resolve_mark(const Tok& t)
{
    const std::string label = note_label_of(t.text);
    const auto it = notes_by_label_.find(label);
    if (label.empty() || it == notes_by_label_.end())
        return {};
    const std::vector<std::size_t>& cands = it->second;
    auto pick = [&](auto pred) -> std::optional<std::size_t> {
        for (std::size_t k : cands)
            if (!notes_[k].used && pred(notes_[k]))
                return k;
        return std::nullopt;
    };
    std::optional<std::size_t> k;
    if (t.dest_page > 0)
        k = pick([&](const RawNote& n) { return n.page == t.dest_page; });
    if (!k)
        k = pick([&](const RawNote& n) { return n.place == core::NotePlace::Foot && n.page == t.page; });
    if (!k)
        k = pick([&](const RawNote& n) { return n.place == core::NotePlace::Foot && n.page >= t.page; });
    if (!k)
        k = pick([&](const RawNote& n) { return n.place == core::NotePlace::End; });
    if (!k)
        return {};
    notes_[*k].used = true;
    return notes_[*k].id;
}

void NoteLinker::link(Para& para)
{
    static const std::unordered_set<std::string> ordinal_suffixes{"st", "nd", "rd", "th", "e", "er", "re", "eme", "ème", "o", "a", "d"};
    for (std::size_t k = 0; k < para.toks.size(); ++k) {
        Tok& t = para.toks[k];
        if (!t.sup)
            continue;
        if (k > 0 && !t.space_before && !para.toks[k - 1].text.empty() &&
            is_ascii_digit(para.toks[k - 1].text.back()) && ordinal_suffixes.count(core::to_lower(t.text)))
            continue; // "20th"
        if (para.heading)
            continue;
        t.note_id = resolve_mark(t);
    }
    // a mark the text layer glued to the preceding punctuation ("cannot.2"), when that
    // note exists; never after a digit ("2.5") or a letter ("G20")
    for (std::size_t k = 0; k < para.toks.size(); ++k) {
        Tok& t = para.toks[k];
        if (t.sup || !t.note_id.empty() || !t.uri.empty() || t.text.size() < 2)
            continue;
        std::size_t d = t.text.size();
        while (d > 0 && is_ascii_digit(t.text[d - 1]))
            --d;
        const std::size_t ndigits = t.text.size() - d;
        if (ndigits == 0 || ndigits > 2 || d == 0)
            continue;
        const std::string head = t.text.substr(0, d);
        const bool after_punct = std::string_view(".,;:)\"!?").find(head.back()) != std::string_view::npos ||
                                 head.ends_with("\u201d") || head.ends_with("\u2019");
        if (!after_punct || (head.size() >= 2 && is_ascii_digit(head[head.size() - 2])))
            continue;
        Tok mark = t;
        mark.text = t.text.substr(d);
        mark.space_before = false;
        mark.sup = true;
        const std::string id = resolve_mark(mark);
        if (id.empty())
            continue;
        mark.note_id = id;
        t.text = head;
        para.toks.insert(para.toks.begin() + static_cast<long>(k) + 1, std::move(mark));
        ++k;
    }
    // the same mark as a word of its own, touching the punctuation before it
    for (std::size_t k = 1; k < para.toks.size(); ++k) {
        Tok& t = para.toks[k];
        const Tok& before = para.toks[k - 1];
        if (t.sup || t.space_before || !t.note_id.empty() || t.text.empty() || t.text.size() > 2 ||
            !std::all_of(t.text.begin(), t.text.end(), is_ascii_digit) || before.text.empty())
            continue;
        const char last = before.text.back();
        if (std::string_view(".,;:)\"!?").find(last) == std::string_view::npos && !before.text.ends_with("\u201d") &&
            !before.text.ends_with("\u2019"))
            continue;
        if (before.text.size() >= 2 && is_ascii_digit(before.text[before.text.size() - 2]))
            continue;
        t.note_id = resolve_mark(t);
    }
    // bracketed marks for endnotes: "[3]"
    for (Tok& t : para.toks) {
        if (t.sup || !t.note_id.empty() || t.text.size() < 3 || t.text.front() != '[')
            continue;
        const std::string label = note_label_of(strip_trailing_punct(t.text));
        const auto it = notes_by_label_.find(label);
        if (!label.empty() && it != notes_by_label_.end() && notes_[it->second.front()].place == core::NotePlace::End)
            t.note_id = resolve_mark(t);
    }
}

} // namespace colophon::layout
