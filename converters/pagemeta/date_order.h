#pragma once
// Which way round a page writes numeric dates. English pages that declare no country are read
// the American way (03/04/2023 is March 4) unless their address is in a country that writes the
// day first (a .uk, .au or .in site's "03/04/2023" is 3 April).

#include <string>
#include <string_view>

namespace colophon::pagemeta {

// The language tag to read the page's dates with (see core::parse_date): `language` itself
// when it names a region or is not English; else English of the country the address's
// top-level domain names, when that country writes the day first ("en" on example.co.uk ->
// "en-GB").
std::string date_language(std::string_view language, std::string_view address);

} // namespace colophon::pagemeta
