#include "pagemeta/date_order.h"

#include "core/text.h"

#include <algorithm>
#include <array>

namespace colophon::pagemeta {

namespace {

// Country domains of English-writing countries that put the day first. Generic-use country
// domains (.io, .co, .ai, .tv, .me) say nothing about a country and are not listed.
constexpr std::array<std::string_view, 16> day_first_domains = {
    "uk", "ie", "au", "nz", "in", "za", "ng", "ke", "pk", "sg", "my", "gh", "lk", "bd", "mt", "jm"};

std::string top_level_domain(std::string_view address)
{
    const auto scheme = address.find("://");
    if (scheme == std::string_view::npos)
        return {};
    std::string_view host = address.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    const auto dot = host.rfind('.');
    return dot == std::string_view::npos ? std::string() : core::to_lower(host.substr(dot + 1));
}

} // namespace

std::string date_language(std::string_view language, std::string_view address)
{
    const std::string lang = core::to_lower(language);
    if (!lang.empty() && lang != "en")
        return std::string(language);
    const std::string tld = top_level_domain(address);
    if (std::find(day_first_domains.begin(), day_first_domains.end(), tld) ==
        day_first_domains.end())
        return std::string(language);
    std::string region = tld == "uk" ? "gb" : tld;
    for (char &c : region)
        c = static_cast<char>(c - 'a' + 'A');
    return "en-" + region;
}

} // namespace colophon::pagemeta
