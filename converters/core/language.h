#pragma once
// Language tags from page markup, PDF metadata and manifests, made fit for xml:lang.

#include <string>
#include <string_view>

namespace colophon::core {

// A well-formed BCP 47 tag in its usual case ("en", "pt-BR", "zh-Hant-TW") from a declared
// value such as "EN_us", "ru-RU, en" or " de "; empty when the value is no language tag at all
// (every subtag 1-8 letters or digits, the first letters only, as xs:language requires).
std::string normalise_language_tag(std::string_view declared);

} // namespace colophon::core
