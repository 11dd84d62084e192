// Internal to normalise: the pieces the numbers normaliser is built from,
// kept apart so unit tests can reach them (tests/numbers_test.cc).
//
//   parse_decimal("1,20,000.5")      → digits "1200005", exp10 -1
//   to_double(d, +9)                  → the value × 10^9, correctly rounded
//   Multiplier::parse("1e7")          → exp10 7 (crore); "12" → mul 12
//   Lexicon<T>                        → case- and space-insensitive lookup
//   parse_number_words("one and a half", words) → 1.5
//
// Nothing here allocates per call: keys are folded into stack buffers.
#pragma once

#include "extractor/normalise/flat_map.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimex::normalise::numbers {

// A decimal number as written: its significant digits and a power of ten,
// so that scale words (powers of ten) apply without rounding error
// ("3.2bn" = 32e8, not 3.2 × 1e9).
struct Decimal {
    char digits[40];
    int n = 0;          // number of digits in `digits`
    int exp10 = 0;
};

// Digits with thousands separators (',' or any space, Indian "1,20,000"
// too) and an optional decimal point. nullopt when s holds anything else or
// more than 38 digits.
std::optional<Decimal> parse_decimal(std::string_view s);

// The value of d × 10^extra_exp10, correctly rounded.
double to_double(const Decimal& d, int extra_exp10 = 0);

// A multiplier from a table cell: powers of ten are kept as exponents so
// they stay exact ("1e9", "1000", "0.01"); anything else is a factor.
struct Multiplier {
    int exp10 = 0;
    double mul = 1.0;
    static std::optional<Multiplier> parse(std::string_view cell);
    Multiplier& operator*=(const Multiplier& o) {
        exp10 += o.exp10;
        mul *= o.mul;
        return *this;
    }
};

// Folds a key for lookup: ASCII letters to lower case, runs of white space
// (and '-' between words when fold_hyphen) to one ' ', ends trimmed.
// Returns the folded length, or 0 when it does not fit in out.
size_t fold_key(std::string_view s, char* out, size_t cap, bool fold_hyphen = false);

// A map from folded surface forms to values, looked up without allocating.
template <class T>
class Lexicon {
public:
    // Adds a value for a key (folded); several values per key are kept in
    // insertion order.
    void add(std::string_view key, T value) {
        char buf[256];
        size_t n = fold_key(key, buf, sizeof buf);
        if (n == 0) return;
        map_[std::string_view(buf, n)].push_back(std::move(value));
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    // All values for the key, or nullptr.
    const std::vector<T>* find(std::string_view key) const {
        char buf[256];
        size_t n = fold_key(key, buf, sizeof buf);
        if (n == 0) return nullptr;
        return map_.find(std::string_view(buf, n));
    }
    const T* first(std::string_view key) const {
        auto* v = find(key);
        return v && !v->empty() ? &v->front() : nullptr;
    }
    size_t size() const { return map_.size(); }

private:
    FlatMap<std::vector<T>> map_;
};

// Spelled-out number words: "two", "twenty-five", "one hundred and twenty",
// "one and a half", "half a", "a quarter of a", "three quarters of a".
struct NumberWord {
    double value = 0;
    enum Kind { unit, teen, tens, hundred, article, fraction } kind = unit;
};
std::optional<double> parse_number_words(std::string_view s, const Lexicon<NumberWord>& words);

// Multiplies the scale words of a capture ("bn", "lakh crore", "hundred
// million"); nullopt when a word is unknown.
std::optional<Multiplier> parse_scale(std::string_view s, const Lexicon<Multiplier>& scales);

// One way to read a currency surface form: ISO code, value of one unit in
// the major unit ("cents" = 0.01), and the terms of which one must occur in
// the paragraph for this reading to apply (empty: the default).
struct CurrencyReading {
    std::string code;
    Multiplier factor;
    std::vector<std::string> context;
    bool nearby = false;    // context is looked for near the mention, not only in its paragraph
    // Further conditions on the nearby text, all of which must hold for this reading to apply
    // (the context column's "&" groups): one term of each `also` group occurs there, no `unless`
    // term does. Canadian house style writes the Canadian dollar as a bare "$" in stories that
    // say "per cent" and do not write "C$" or the Australian "$US".
    std::vector<std::vector<std::string>> also{};
    std::vector<std::string> unless{};
    // The special signs (CURRENCY_SPECIAL: "p", "c", "R") read only as
    // written: "30p" is pence, "P120 billion" is not (ICU's Botswana "P").
    std::string exact{};
};

// The reading of a currency surface form: the first reading whose context
// occurs (in the paragraph, or in the nearby text for `nearby` readings),
// else the first with no context, else nullptr. A reading with an `exact`
// surface is only for that surface as written.
const CurrencyReading* pick_currency(const std::vector<CurrencyReading>& readings, std::string_view surface,
                                     std::string_view paragraph,
                                     std::string_view nearby = {});
// The same with the tests "the term occurs in the paragraph" and "... in the nearby text" given
// as functions (numbers.cc answers them from an index of the document's occurrences of each
// term, built once per document, not by a search of the text per mention).
template <class InParagraph, class Nearby>
const CurrencyReading* pick_currency_by(const std::vector<CurrencyReading>& readings, std::string_view surface,
                                        InParagraph in_paragraph, Nearby nearby) {
    auto fits = [&](const CurrencyReading& r) {
        if (!r.exact.empty() && r.exact != surface) return false;
        for (const auto& group : r.also)
            if (std::none_of(group.begin(), group.end(), [&](const std::string& t) { return nearby(t); })) return false;
        return std::none_of(r.unless.begin(), r.unless.end(), [&](const std::string& t) { return nearby(t); });
    };
    // The mention's own paragraph first ("85 cents" after "DBS Group" in a
    // Singapore paragraph of a story that names Canada further on), then
    // the window around it for the readings that look that far.
    for (const auto& r : readings)
        if (fits(r))
            for (const auto& term : r.context)
                if (!term.empty() && in_paragraph(term)) return &r;
    for (const auto& r : readings) {
        if (!r.nearby || !fits(r)) continue;
        for (const auto& term : r.context)
            if (!term.empty() && nearby(term)) return &r;
    }
    for (const auto& r : readings)
        if (r.context.empty() && fits(r)) return &r;
    return nullptr;
}

// English currency readings from ICU: ISO codes, symbols ("$" → USD, "A$" →
// AUD; a narrow symbol only when one currency has it), display names
// singular and plural ("US dollars", "euros"). Hand tables go before these.
void add_icu_currencies(Lexicon<CurrencyReading>& into);

// The qualifier whose phrase ends `before` (the text right before a figure),
// as a whole word, longest phrase first; "" if none.
struct QualifierPhrase {
    std::string phrase;     // lower case, single spaces
    std::string qualifier;  // approx | more_than | less_than | up_to | at_least
};
std::string_view find_qualifier(std::string_view before, const std::vector<QualifierPhrase>& phrases_longest_first);
// The same phrases listed by their last byte: a lookup (per number mention)
// reads only the few that can match, in the same order.
struct QualifierIndex {
    QualifierIndex() = default;
    explicit QualifierIndex(std::vector<QualifierPhrase> phrases_longest_first);
    std::vector<QualifierPhrase> phrases;
    std::array<std::vector<uint16_t>, 256> by_last;
};
std::string_view find_qualifier(std::string_view before, const QualifierIndex& index);

}  // namespace claimex::normalise::numbers
