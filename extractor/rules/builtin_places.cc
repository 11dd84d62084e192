// Gazetteers drawn from ICU's data, so a rule can say
//   gazetteer: icu:countries
// and get every region ICU knows under its English display name (the
// canonical country names of the output contract) instead of a hand list.
// Hand-written aliases ("USA", "Britain") live in rules/entities/, keyed by
// the same canonical name.
#include "extractor/rules/internal.h"

#include <memory>
#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

namespace claimex::rules {

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
        s.replace(p, from.size(), to);
}

// One line per ISO 3166 region: canonical = ICU's English display name, with
// a parenthesised gloss dropped ("Myanmar (Burma)" → "Myanmar", alias
// "Burma") and the "SAR China" of Hong Kong and Macao dropped (ICU's short
// form). Aliases: the short form ("US", "UK"), the display name as ICU
// writes it, and "and"/"Saint" spellings of "&"/"St.".
std::string countries() {
    UErrorCode st = U_ZERO_ERROR;
    UDisplayContext ctx[] = {UDISPCTX_LENGTH_SHORT};
    std::unique_ptr<ULocaleDisplayNames, void (*)(ULocaleDisplayNames*)> shortnames(
        uldn_openForContext("en", ctx, 1, &st), uldn_close);
    if (U_FAILURE(st)) shortnames.reset();
    std::string out;
    UChar buf[256];
    for (const char* const* c = uloc_getISOCountries(); *c; ++c) {
        std::string loc = std::string("und_") + *c;
        UErrorCode s1 = U_ZERO_ERROR;
        int32_t n = uloc_getDisplayCountry(loc.c_str(), "en", buf, 256, &s1);
        if (U_FAILURE(s1) || n <= 0) continue;
        std::string display = utf16_to_utf8(buf, n);
        std::string brief;
        if (shortnames) {
            UErrorCode s2 = U_ZERO_ERROR;
            int32_t m = uldn_regionDisplayName(shortnames.get(), *c, buf, 256, &s2);
            if (U_SUCCESS(s2) && m > 0) brief = utf16_to_utf8(buf, m);
        }
        std::string canonical = display;
        std::vector<std::string> aliases;
        if (size_t p = display.find(" ("); p != std::string::npos && display.back() == ')') {
            canonical = display.substr(0, p);
            aliases.push_back(display.substr(p + 2, display.size() - p - 3));
        }
        if (display.find(" SAR ") != std::string::npos && !brief.empty()) canonical = brief;
        aliases.push_back(display);
        if (!brief.empty()) aliases.push_back(brief);
        for (std::string a : std::vector<std::string>(aliases)) {
            std::string v = a;
            replace_all(v, " & ", " and ");
            replace_all(v, "St. ", "Saint ");
            if (v != a) aliases.push_back(v);
        }
        out += canonical;
        out += "\tcountry\t";
        bool first = true;
        for (const auto& a : aliases) {
            if (a == canonical || a.empty()) continue;
            if (!first) out += '|';
            out += a;
            first = false;
        }
        out += '\n';
    }
    return out;
}

}  // namespace

std::optional<std::string> builtin_gazetteer(std::string_view name) {
    if (name == "icu:countries") return countries();
    return std::nullopt;
}

}  // namespace claimex::rules
