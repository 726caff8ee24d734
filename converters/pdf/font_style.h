#pragma once
// Weight and slant read from an embedded font's name, since the text layer carries no style flags.

#include <string_view>

namespace colophon::pdf {

struct FontStyle
{
    bool bold = false;
    bool italic = false;
};

// "ABCDEF+Times-BoldItalic", "Helvetica-Oblique", "CMBX10", "CMTI10", "LMRoman10-Italic",
// "ArialMT,BoldItalic", "Palatino-BI", "TeXGyreTermes-Bold", "NimbusRomNo9L-Medi".
FontStyle style_from_font_name(std::string_view font_name);

} // namespace colophon::pdf
