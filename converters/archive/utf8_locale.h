#pragma once
// libarchive converts entry names through the current locale's character set; in the "C" locale
// it cannot represent UTF-8 names (pax writing even crashes on them in 3.6). This switches the
// calling thread (only) to C.UTF-8 for the scope, leaving the process locale alone.

#include <clocale>
#include <locale.h>

namespace colophon::archive {

class Utf8LocaleScope
{
public:
    Utf8LocaleScope()
    {
        static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
        if (utf8 != static_cast<locale_t>(nullptr))
            previous_ = uselocale(utf8);
    }
    ~Utf8LocaleScope()
    {
        if (previous_ != static_cast<locale_t>(nullptr))
            uselocale(previous_);
    }
    Utf8LocaleScope(const Utf8LocaleScope&) = delete;
    Utf8LocaleScope& operator=(const Utf8LocaleScope&) = delete;

private:
    locale_t previous_ = static_cast<locale_t>(nullptr);
};

} // namespace colophon::archive
