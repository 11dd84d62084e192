// Word lists drawn from ICU's data, so a rule can say
//   @list CURRENCY_CODE icu:currency-codes
// and get every ISO 4217 code ICU knows instead of a hand list.
//   icu:currency-codes    ISO 4217 codes in common use ("USD", "EUR", ...)
//   icu:currency-symbols  English symbols and narrow symbols that are not
//                         plain words ("$", "A$", "HK$", "£", "₹", "R$", ...)
//   icu:currency-names    English display names, singular and plural
//                         ("US Dollar", "US dollar", "US dollars", "euros")
#include "extractor/rules/internal.h"
#include "extractor/rules/rules.h"

#include <algorithm>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace claimex::rules {

namespace {

// True when every code point of the UTF-8 string is a letter.
bool all_letters(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        UChar32 c;
        U8_NEXT(s.data(), i, s.size(), c);
        if (c < 0 || !u_isalpha(c)) return false;
    }
    return true;
}

// Symbols with a sign in them ("$", "HK$", "₹"): plain words such as "kr",
// "Rs" or "zł" are left to hand lists, since many are also abbreviations
// ("Ar", "Q", "L").
std::vector<std::string> currency_symbols() {
    std::vector<std::string> out;
    for (const auto& code : icu_currency_codes()) {
        for (CurrencyName which : {CurrencyName::symbol, CurrencyName::narrow_symbol}) {
            std::string s = icu_currency_name(code, which);
            if (s.empty() || s == code || s.find(' ') != std::string::npos || all_letters(s)) continue;
            out.push_back(std::move(s));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> currency_names() {
    std::vector<std::string> out;
    for (const auto& code : icu_currency_codes()) {
        for (std::string s : {icu_currency_name(code, CurrencyName::long_name), icu_currency_name(code, CurrencyName::plural_one),
                               icu_currency_name(code, CurrencyName::plural_other)})
            if (!s.empty() && s != code) out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

std::vector<std::string> builtin_list_names() {
    return {"icu:currency-codes", "icu:currency-symbols", "icu:currency-names"};
}

std::optional<std::vector<std::string>> builtin_list(std::string_view name) {
    if (name == "icu:currency-codes") return icu_currency_codes();
    if (name == "icu:currency-symbols") return currency_symbols();
    if (name == "icu:currency-names") return currency_names();
    return std::nullopt;
}

}  // namespace claimex::rules
