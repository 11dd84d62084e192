// Number, scale, currency and qualifier parsing for the numbers normaliser
// (declared in numbers_parse.h). Values keep powers of ten as exponents so
// "3.2bn" is exactly 3200000000.
#include "extractor/normalise/numbers_parse.h"
#include "extractor/rules/rules.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>
#include <unordered_map>

namespace claimex::normalise::numbers {

namespace {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Length of a space-like sequence at s[i]: ASCII blank, U+00A0, U+2009, U+202F.
size_t space_len(std::string_view s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        unsigned char d = static_cast<unsigned char>(s[i + 2]);
        if (d == 0x89 || d == 0xAF || d == 0x8A || d == 0x88) return 3;
    }
    return 0;
}

}  // namespace

std::optional<Decimal> parse_decimal(std::string_view s) {
    Decimal d;
    bool dot = false, any = false;
    for (size_t i = 0; i < s.size();) {
        char c = s[i];
        if (is_digit(c)) {
            any = true;
            // Leading zeros carry nothing ("0.5" → "5" e-1).
            if (d.n == 0 && c == '0') {
                if (dot) --d.exp10;
                ++i;
                continue;
            }
            if (d.n >= 38) return std::nullopt;
            d.digits[d.n++] = c;
            if (dot) --d.exp10;
            ++i;
            continue;
        }
        if (c == '.' && !dot) {
            dot = true;
            ++i;
            continue;
        }
        // A separator must sit between digits.
        size_t sep = c == ',' ? 1 : space_len(s, i);
        if (sep && !dot && i > 0 && is_digit(s[i - 1]) && i + sep < s.size() && is_digit(s[i + sep])) {
            i += sep;
            continue;
        }
        return std::nullopt;
    }
    if (!any) return std::nullopt;
    if (d.n == 0) {  // zero
        d.digits[d.n++] = '0';
        d.exp10 = 0;
    }
    return d;
}

double to_double(const Decimal& d, int extra_exp10) {
    char buf[64];
    std::copy(d.digits, d.digits + d.n, buf);
    size_t n = static_cast<size_t>(d.n);
    buf[n++] = 'e';
    auto r = std::to_chars(buf + n, buf + sizeof buf, d.exp10 + extra_exp10);
    double v = 0;
    std::from_chars(buf, r.ptr, v);
    return v;
}

std::optional<Multiplier> Multiplier::parse(std::string_view cell) {
    if (cell.empty()) return Multiplier{};
    double v = 0;
    auto r = std::from_chars(cell.data(), cell.data() + cell.size(), v);
    if (r.ec != std::errc() || r.ptr != cell.data() + cell.size() || !(v > 0) || !std::isfinite(v))
        return std::nullopt;
    Multiplier m;
    int e = static_cast<int>(std::lround(std::log10(v)));
    char buf[16];
    auto w = std::to_chars(buf, buf + sizeof buf, e);
    std::string pow = "1e" + std::string(buf, w.ptr);
    double p = 0;
    std::from_chars(pow.data(), pow.data() + pow.size(), p);
    if (p == v) {
        m.exp10 = e;
    } else {
        m.mul = v;
    }
    return m;
}

size_t fold_key(std::string_view s, char* out, size_t cap, bool fold_hyphen) {
    size_t n = 0;
    bool pending_space = false;
    for (size_t i = 0; i < s.size();) {
        size_t sp = space_len(s, i);
        if (sp || s[i] == '\n' || s[i] == '\r' || (fold_hyphen && s[i] == '-')) {
            pending_space = n > 0;
            i += sp ? sp : 1;
            continue;
        }
        if (pending_space) {
            if (n >= cap) return 0;
            out[n++] = ' ';
            pending_space = false;
        }
        if (n >= cap) return 0;
        out[n++] = lower(s[i]);
        ++i;
    }
    return n;
}

namespace {

// Value of a run of number words with no "and <fraction>" in it.
std::optional<double> words_value(const std::vector<std::string_view>& toks, size_t b, size_t e,
                                  const Lexicon<NumberWord>& words) {
    std::optional<double> cur;
    bool after_fraction = false;
    for (size_t i = b; i < e; ++i) {
        std::string_view t = toks[i];
        if (t == "of" || t == "and") continue;
        const NumberWord* w = words.first(t);
        if (!w) return std::nullopt;
        switch (w->kind) {
            case NumberWord::article:
                if (!cur && !after_fraction) cur = 1;
                break;
            case NumberWord::unit:
            case NumberWord::teen:
            case NumberWord::tens: cur = cur.value_or(0) + w->value; break;
            case NumberWord::hundred: cur = cur.value_or(1) * w->value; break;
            case NumberWord::fraction:
                cur = cur.value_or(1) * w->value;
                after_fraction = true;
                break;
        }
    }
    return cur;
}

}  // namespace

std::optional<double> parse_number_words(std::string_view s, const Lexicon<NumberWord>& words) {
    char buf[128];
    size_t n = fold_key(s, buf, sizeof buf, /*fold_hyphen=*/true);
    if (n == 0) return std::nullopt;
    std::vector<std::string_view> toks;
    toks.reserve(8);
    std::string_view f(buf, n);
    for (size_t i = 0; i < f.size();) {
        size_t j = f.find(' ', i);
        if (j == std::string_view::npos) j = f.size();
        toks.push_back(f.substr(i, j - i));
        i = j + 1;
    }
    // "one and a half": the part after an "and" that holds a fraction adds.
    for (size_t i = 1; i + 1 < toks.size(); ++i) {
        if (toks[i] != "and") continue;
        bool fraction = false;
        for (size_t k = i + 1; k < toks.size(); ++k) {
            const NumberWord* w = words.first(toks[k]);
            if (w && w->kind == NumberWord::fraction) fraction = true;
        }
        if (!fraction) continue;
        auto whole = words_value(toks, 0, i, words);
        auto part = words_value(toks, i + 1, toks.size(), words);
        if (!whole || !part) return std::nullopt;
        return *whole + *part;
    }
    return words_value(toks, 0, toks.size(), words);
}

std::optional<Multiplier> parse_scale(std::string_view s, const Lexicon<Multiplier>& scales) {
    Multiplier m;
    bool any = false;
    for (size_t i = 0; i < s.size();) {
        while (i < s.size() && (space_len(s, i) || s[i] == '-')) i += std::max<size_t>(1, space_len(s, i));
        size_t j = i;
        while (j < s.size() && !space_len(s, j) && s[j] != '-') ++j;
        if (j == i) break;
        const Multiplier* w = scales.first(s.substr(i, j - i));
        if (!w) return std::nullopt;
        m *= *w;
        any = true;
        i = j;
    }
    if (!any) return std::nullopt;
    return m;
}

const CurrencyReading* pick_currency(const std::vector<CurrencyReading>& readings, std::string_view surface,
                                     std::string_view paragraph, std::string_view nearby) {
    return pick_currency_by(
        readings, surface, [&](const std::string& term) { return paragraph.find(term) != std::string_view::npos; },
        [&](const std::string& term) { return nearby.find(term) != std::string_view::npos; });
}

void add_icu_currencies(Lexicon<CurrencyReading>& into) {
    using rules::CurrencyName;
    using rules::icu_currency_name;
    std::vector<std::string> codes = rules::icu_currency_codes();

    std::vector<std::pair<std::string, std::string>> adds;  // key, code
    std::unordered_map<std::string, std::vector<std::string>> narrow;
    std::unordered_map<std::string, int> symbol_count;
    for (const auto& c : codes) {
        adds.emplace_back(c, c);
        std::string sym = icu_currency_name(c, CurrencyName::symbol);
        if (!sym.empty() && sym != c) ++symbol_count[sym];
        std::string nar = icu_currency_name(c, CurrencyName::narrow_symbol);
        if (!nar.empty() && nar != c) narrow[nar].push_back(c);
    }
    for (const auto& c : codes) {
        std::string sym = icu_currency_name(c, CurrencyName::symbol);
        if (!sym.empty() && sym != c && symbol_count[sym] == 1) adds.emplace_back(sym, c);
        for (std::string name : {icu_currency_name(c, CurrencyName::long_name),
                                 icu_currency_name(c, CurrencyName::plural_one),
                                 icu_currency_name(c, CurrencyName::plural_other)})
            if (!name.empty() && name != c) adds.emplace_back(std::move(name), c);
    }
    for (const auto& [sym, cs] : narrow)
        if (cs.size() == 1 && !symbol_count.count(sym)) adds.emplace_back(sym, cs.front());
    // Keys that hand tables define are theirs alone; of several ICU names
    // that fold to one key ("US Dollar", "US dollar") the first is kept.
    for (auto& [key, c] : adds) {
        if (const auto* have = into.find(key); have && !have->empty()) continue;
        into.add(key, CurrencyReading{c, {}, {}});
    }
}

namespace {
// before, its trailing blanks trimmed, ends with the phrase p (as a whole word).
bool ends_with_phrase(std::string_view before, const std::string& p) {
    if (p.empty() || p.size() > before.size()) return false;
    std::string_view tail = before.substr(before.size() - p.size());
    for (size_t i = 0; i < p.size(); ++i)
        if (lower(tail[i]) != p[i]) return false;
    // Whole words: "over" in "moreover" does not count.
    return !(is_alnum(static_cast<unsigned char>(p.front())) && before.size() > p.size() &&
             is_alnum(static_cast<unsigned char>(before[before.size() - p.size() - 1])));
}
std::string_view trim_blanks(std::string_view before) {
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.remove_suffix(1);
    return before;
}
}  // namespace

std::string_view find_qualifier(std::string_view before, const std::vector<QualifierPhrase>& phrases) {
    before = trim_blanks(before);
    if (before.empty()) return {};
    const char last = lower(before.back());
    for (const auto& q : phrases)
        // The last letter first: most phrases end differently.
        if (!q.phrase.empty() && q.phrase.back() == last && ends_with_phrase(before, q.phrase)) return q.qualifier;
    return {};
}

QualifierIndex::QualifierIndex(std::vector<QualifierPhrase> longest_first) : phrases(std::move(longest_first)) {
    for (size_t i = 0; i < phrases.size(); ++i)
        if (!phrases[i].phrase.empty())
            by_last[static_cast<unsigned char>(phrases[i].phrase.back())].push_back(static_cast<uint16_t>(i));
}

std::string_view find_qualifier(std::string_view before, const QualifierIndex& index) {
    before = trim_blanks(before);
    if (before.empty()) return {};
    for (uint16_t i : index.by_last[static_cast<unsigned char>(lower(before.back()))])
        if (ends_with_phrase(before, index.phrases[i].phrase)) return index.phrases[i].qualifier;
    return {};
}

}  // namespace claimex::normalise::numbers
