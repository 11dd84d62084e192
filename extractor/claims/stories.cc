// The stories of a page: a briefs page ("MUMBAI, June 3 - ... FRANKFURT, June 3 - ... TOKYO -
// ...") holds several, each with its own companies, periods and sources. Assembler::assemble
// (claims.cc) assembles each on its own.
// Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

namespace claimex::claims {

namespace {

bool upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool digit_ascii(char c) { return c >= '0' && c <= '9'; }

// Does the paragraph [p, end) open with a dateline: "MUMBAI, June 3 -", "FRANKFURT -",
// "HONG KONG, Oct. 17 (Reuters) —"? A place in capitals, an optional date, an optional agency in
// brackets, then a dash.
bool opens_with_dateline(const std::string& a, uint32_t p, uint32_t end) {
    size_t i = p, letters = 0;
    while (i < end && a[i] == ' ') ++i;
    for (;;) {  // words in capitals: "HONG KONG", "ST. PETERSBURG", "U.S."
        if (i >= end || !upper_ascii(a[i])) return false;
        while (i < end && (upper_ascii(a[i]) || a[i] == '.' || a[i] == '\'')) letters += upper_ascii(a[i++]);
        if (i + 1 < end && a[i] == ' ' && upper_ascii(a[i + 1])) ++i;
        else break;
    }
    if (letters < 3) return false;
    if (i < end && a[i] == ',') {  // ", June 3", ", Oct. 17", ", 3 June"
        ++i;
        while (i < end && a[i] == ' ') ++i;
        size_t words = 0, digits = 0;
        while (i < end && words < 4 && (upper_ascii(a[i]) || digit_ascii(a[i]))) {
            while (i < end && a[i] != ' ' && a[i] != ',' && a[i] != '(' && a[i] != '-') digits += digit_ascii(a[i++]);
            ++words;
            while (i < end && (a[i] == ' ' || a[i] == ',')) ++i;
        }
        if (!digits) return false;
    }
    while (i < end && a[i] == ' ') ++i;
    if (i < end && a[i] == '(') {  // "(Reuters)"
        size_t close = a.find(')', i);
        if (close == std::string::npos || close >= end || close > i + 40) return false;
        i = close + 1;
        while (i < end && a[i] == ' ') ++i;
    }
    if (i >= end) return false;
    if (a[i] == '-') return i + 1 < end && (a[i + 1] == ' ' || a[i + 1] == '-');
    return a.compare(i, 3, "\xe2\x80\x94") == 0 || a.compare(i, 3, "\xe2\x80\x93") == 0;  // — –
}

}  // namespace

std::vector<uint32_t> story_starts(const text::Text& t) {
    std::vector<uint32_t> starts;
    const std::string& a = t.analysis();
    for (const text::Span& P : t.paragraphs())
        if (opens_with_dateline(a, P.begin, P.end)) starts.push_back(P.begin);
    if (starts.size() < 2) starts.clear();
    return starts;
}

}  // namespace claimex::claims
