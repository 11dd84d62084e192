// Word lists drawn from ICU's data, so a rule can say
//   @list CURRENCY_CODE icu:currency-codes
// and get every ISO 4217 code ICU knows instead of a hand list.
//   icu:currency-codes    ISO 4217 codes in common use ("USD", "EUR", ...)
//   icu:currency-symbols  English symbols and narrow symbols that are not
//                         plain words ("$", "A$", "HK$", "£", "₹", "R$", ...)
//   icu:currency-names    English display names, singular and plural
//                         ("US Dollar", "US dollar", "US dollars", "euros")
#include "extractor/rules/internal.h"

#include <algorithm>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace claimex::rules {

namespace {

std::vector<std::string> currency_codes() {
    std::vector<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration* e = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
    if (U_FAILURE(status)) return out;
    const char* code;
    int32_t len;
    while ((code = uenum_next(e, &len, &status)) && U_SUCCESS(status)) out.emplace_back(code, len);
    uenum_close(e);
    std::sort(out.begin(), out.end());
    return out;
}

std::string to_utf8(const UChar* s, int32_t n) {
    std::string out(static_cast<size_t>(n) * 3 + 1, '\0');
    int32_t len = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len, s, n, &st);
    if (U_FAILURE(st)) return "";
    out.resize(static_cast<size_t>(len));
    return out;
}

// English names of one currency as ICU displays them; `style` picks symbol,
// narrow symbol or long name.
std::string icu_name(const std::string& code, UCurrNameStyle style) {
    UChar uc[4];
    u_charsToUChars(code.c_str(), uc, 3);
    uc[3] = 0;
    UBool is_choice = false;
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    const UChar* s = ucurr_getName(uc, "en", style, &is_choice, &n, &st);
    return U_FAILURE(st) || !s ? "" : to_utf8(s, n);
}

std::string icu_plural(const std::string& code, const char* count) {
    UChar uc[4];
    u_charsToUChars(code.c_str(), uc, 3);
    uc[3] = 0;
    UBool is_choice = false;
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    const UChar* s = ucurr_getPluralName(uc, "en", &is_choice, count, &n, &st);
    return U_FAILURE(st) || !s ? "" : to_utf8(s, n);
}

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
    for (const auto& code : currency_codes()) {
        for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME}) {
            std::string s = icu_name(code, style);
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
    for (const auto& code : currency_codes()) {
        for (std::string s : {icu_name(code, UCURR_LONG_NAME), icu_plural(code, "one"), icu_plural(code, "other")})
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
    if (name == "icu:currency-codes") return currency_codes();
    if (name == "icu:currency-symbols") return currency_symbols();
    if (name == "icu:currency-names") return currency_names();
    return std::nullopt;
}

}  // namespace claimex::rules
