// Word lists drawn from ICU's data, so a rule can say
//   @list CURRENCY_CODE icu:currency-codes
// and get every ISO 4217 code ICU knows instead of a hand list.
#include "extractor/rules/internal.h"

#include <algorithm>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>

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

}  // namespace

std::vector<std::string> builtin_list_names() { return {"icu:currency-codes"}; }

std::optional<std::vector<std::string>> builtin_list(std::string_view name) {
    if (name == "icu:currency-codes") return currency_codes();
    return std::nullopt;
}

}  // namespace claimex::rules
