#pragma once
// An author's name as a page gives it, cleaned for the catalogue: markup residue and the
// site's name around it removed ("Jane Doe - Example News" -> "Jane Doe"), placeholders
// ("Written By", "undefined", "admin") and account handles ("jdoe42", "john.doe",
// "brandon-peaktwo") refused where handles are not names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::pagemeta {

struct AuthorContext
{
    std::vector<std::string> site_names; // og:site_name, publisher, application-name
    std::string address;                 // the page's URL: its host names the site too
    bool handles_are_authors = false;    // a forum: posters are known by their user names
};

// True for an account handle rather than a name: one word of letters and digits with a digit,
// an underscore, a dot or a hyphen inside, or an e-mail address.
bool is_user_handle(std::string_view name);

// The name cleaned, or nothing when it names no one (see the header comment).
std::optional<std::string> clean_author_name(std::string_view name, const AuthorContext &context);

} // namespace colophon::pagemeta
