// ICU's currency data in English: the ISO 4217 codes in use and each code's
// names. One place for it, read by the builtin word lists (icu:currency-*)
// and by the money normaliser's currency lexicon.
#include "extractor/rules/internal.h"
#include "extractor/rules/rules.h"

#include <algorithm>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

namespace claimex::rules {

std::string utf16_to_utf8(const char16_t* s, int32_t n) {
    std::string out(static_cast<size_t>(n) * 3 + 1, '\0');
    int32_t len = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len, s, n, &st);
    if (U_FAILURE(st)) return "";
    out.resize(static_cast<size_t>(len));
    return out;
}

std::vector<std::string> icu_currency_codes() {
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

std::string icu_currency_name(const std::string& code, CurrencyName which) {
    if (code.size() != 3) return "";
    UChar uc[4];
    u_charsToUChars(code.c_str(), uc, 3);
    uc[3] = 0;
    UBool is_choice = false;
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    const UChar* s = nullptr;
    switch (which) {
        case CurrencyName::symbol: s = ucurr_getName(uc, "en", UCURR_SYMBOL_NAME, &is_choice, &n, &st); break;
        case CurrencyName::narrow_symbol:
            s = ucurr_getName(uc, "en", UCURR_NARROW_SYMBOL_NAME, &is_choice, &n, &st);
            break;
        case CurrencyName::long_name: s = ucurr_getName(uc, "en", UCURR_LONG_NAME, &is_choice, &n, &st); break;
        case CurrencyName::plural_one: s = ucurr_getPluralName(uc, "en", &is_choice, "one", &n, &st); break;
        case CurrencyName::plural_other: s = ucurr_getPluralName(uc, "en", &is_choice, "other", &n, &st); break;
    }
    return U_FAILURE(st) || !s ? "" : utf16_to_utf8(s, n);
}

}  // namespace claimex::rules
