#pragma once
// Which Tesseract languages read a page. The user may name them (--lang rus+eng); by default
// ("auto") a page is read in its own script: the script its text layer shows when that is not
// Latin, else the script Tesseract's orientation-and-script detection (OSD) sees on the image,
// with English beside it for the Latin names, numbers and references most pages carry. Only
// installed packs are used (tools/setup-debian.sh installs those of the major scripts).

#include <string>
#include <string_view>

namespace colophon::ocr {

inline constexpr std::string_view auto_languages = "auto";

// The Tesseract pack that reads a script, by ICU UScriptCode ("rus" for Cyrillic, "jpn" for
// kana, "chi_sim" for Han); empty when colophon knows none. `kana`: the Han text also has kana,
// so it is Japanese.
std::string pack_for_script(int script, bool kana = false);

// The same for a script as Tesseract's OSD names it ("Cyrillic", "Han", "Japanese", "Arabic").
std::string pack_for_osd_script(std::string_view osd_name);

// Whether a pack reads a script written in Latin letters (any pack colophon does not know as
// another script's, and no pack at all).
bool reads_latin(const std::string& pack);

// "jpn+eng" for "jpn" when both are installed in `tessdata_dir`, "eng" when `pack` is empty,
// unknown or not installed (`missing` then names it, for a warning).
std::string languages_with_english(const std::string& pack, const std::string& tessdata_dir, std::string* missing = nullptr);

// The union of the languages pages were read in ("jpn+eng", "eng" -> "jpn+eng"), in order.
std::string merge_languages(std::string_view a, std::string_view b);

} // namespace colophon::ocr
