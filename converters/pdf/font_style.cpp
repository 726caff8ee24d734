#include "font_style.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace colophon::pdf {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool contains(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

} // namespace

FontStyle style_from_font_name(std::string_view font_name)
{
    // Drop the subset tag ("ABCDEF+").
    if (const auto plus = font_name.find('+'); plus == 6)
        font_name.remove_prefix(7);
    const std::string name(font_name);
    const std::string low = lower(font_name);
    FontStyle st;

    constexpr std::array bold_words{"bold", "black", "heavy", "semibold", "demibold", "demi", "medi",
                                    "extrabold", "ultrabold"};
    for (const char* w : bold_words) {
        if (contains(low, w))
            st.bold = true;
    }
    if (contains(low, "italic") || contains(low, "ital") || contains(low, "oblique") || contains(low, "slanted") || contains(low, "kursiv"))
        st.italic = true;

    // Style suffix after the family ("Palatino-BI", "Times-B", "Arial,BoldItalic", "MinionPro-It").
    const auto sep = name.find_last_of("-,");
    if (sep != std::string::npos) {
        const std::string suffix = name.substr(sep + 1);
        const std::string lsuf = lower(suffix);
        if (suffix == "B" || suffix == "BI" || suffix == "BO" || suffix == "Bd" || suffix == "BdIt" ||
            lsuf == "bd" || lsuf == "bdit" || lsuf == "sb")
            st.bold = true;
        if (suffix == "I" || suffix == "BI" || suffix == "BO" || suffix == "It" || suffix == "BdIt" ||
            suffix == "Ita" || lsuf == "it" || lsuf == "ital")
            st.italic = true;
    }

    // TeX Computer Modern / Latin Modern / EC short names: CMBX10, CMTI10, CMSL10, SFBX1000, ECBX, LMRomanSlant.
    auto starts = [&](std::string_view p) { return low.rfind(p, 0) == 0; };
    for (std::string_view fam : {"cm", "ec", "tc", "lm", "sf"}) {
        if (!starts(fam))
            continue;
        const std::string rest = low.substr(fam.size());
        if (rest.rfind("bx", 0) == 0 || rest.rfind("b1", 0) == 0 || rest.rfind("ssbx", 0) == 0 || rest.rfind("rb", 0) == 0)
            st.bold = true;
        if (rest.rfind("ti", 0) == 0 || rest.rfind("sl", 0) == 0 || rest.rfind("mi", 0) == 0 || rest.rfind("bxti", 0) == 0 ||
            rest.rfind("it", 0) == 0)
            st.italic = true;
        if (rest.rfind("bxti", 0) == 0 || rest.rfind("bxsl", 0) == 0)
            st.bold = st.italic = true;
    }
    // PSNFSS fonts use Berry names: ptmb8r (Times bold), ptmri8r (Times italic), pplbi8t.
    if (low.size() >= 5 && low.size() <= 8 && low[0] == 'p') {
        const auto digit = low.find_first_of("0123456789");
        if (digit != std::string::npos && digit >= 4 && digit + 2 >= low.size()) {
            const std::string variant = low.substr(3, digit - 3);
            if (variant.find('b') != std::string::npos)
                st.bold = true;
            if (variant.find('i') != std::string::npos || variant.find('o') != std::string::npos)
                st.italic = true;
        }
    }
    return st;
}

} // namespace colophon::pdf
