// The numbers normaliser: money, percent and quantity mentions from the
// captures of the rules in rules/money, rules/percent, rules/quantity.
//
// Captures it reads (any rule may use them; `__x` suffixes are dropped):
//   num, scale, cur, sign        the figure (or the low end of a range)
//   num2, scale2, cur2, sign2    the high end of a range
//   unit                         percent / quantity unit word
//   factor                       a change word ("doubled")
// Rule attributes (`set:`): unit=... (percent "pp", quantity "factor"),
// currency=ISO (when the rule knows it). Word lists and values come from
// the tables named in numbers_parse.h's users below (rules/*/README).
// The qualifier ("about", "more than") is read from the text right before
// the mention, which stays outside its span.
#include "extractor/normalise/internal.h"
#include "extractor/normalise/numbers_parse.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace claimex::normalise {

using namespace numbers;

namespace {

// Exact powers of ten for spelled-out values (1.5 × 10^9).
double pow10(int e) {
    static const std::array<double, 41> table = [] {
        std::array<double, 41> t{};
        for (int i = 0; i < 41; ++i) {
            Decimal d;
            d.digits[0] = '1';
            d.n = 1;
            d.exp10 = i - 20;
            t[static_cast<size_t>(i)] = to_double(d);
        }
        return t;
    }();
    if (e >= -20 && e <= 20) return table[static_cast<size_t>(e + 20)];
    return std::pow(10.0, e);
}

struct UnitReading {
    std::string unit;
    Multiplier mult;
};

const std::string* attr(const rules::RawMention& raw, const char* key) {
    if (!raw.rule) return nullptr;
    auto it = raw.rule->attrs.find(key);
    return it == raw.rule->attrs.end() ? nullptr : &it->second;
}

}  // namespace

struct NumbersNormaliser::Impl {
    Lexicon<Multiplier> scales;
    Lexicon<NumberWord> words;
    Lexicon<CurrencyReading> currencies;
    Lexicon<UnitReading> percent_units;  // percent and pp
    Lexicon<std::string> quantity_units;
    Lexicon<double> factors;
    QualifierIndex qualifiers;  // longest first

    explicit Impl(const rules::RuleSet& rs) {
        auto rows = [&](const char* name) -> const std::vector<std::vector<std::string>>& {
            static const std::vector<std::vector<std::string>> none;
            const auto* t = rs.table(name);
            return t ? *t : none;
        };
        auto cell = [](const std::vector<std::string>& r, size_t i) -> std::string_view {
            return i < r.size() ? std::string_view(r[i]) : std::string_view();
        };
        for (const auto& r : rows("SCALES"))
            if (auto m = Multiplier::parse(cell(r, 1))) scales.add(cell(r, 0), *m);
        for (const auto& r : rows("NUMBER_WORDS")) {
            NumberWord w;
            std::string_view v = cell(r, 1);
            if (std::from_chars(v.data(), v.data() + v.size(), w.value).ec != std::errc()) continue;
            std::string_view k = cell(r, 2);
            w.kind = k == "teen"       ? NumberWord::teen
                     : k == "tens"     ? NumberWord::tens
                     : k == "hundred"  ? NumberWord::hundred
                     : k == "article"  ? NumberWord::article
                     : k == "fraction" ? NumberWord::fraction
                                       : NumberWord::unit;
            words.add(cell(r, 0), w);
        }
        // Hand tables first: they decide the keys they name; ICU fills the rest.
        for (const char* t : {"CURRENCY_NAMES", "CURRENCY_SYMBOLS", "CURRENCY_WORDS", "CURRENCY_SPECIAL"}) {
            for (const auto& r : rows(t)) {
                CurrencyReading c;
                c.code = std::string(cell(r, 1));
                auto f = Multiplier::parse(cell(r, 2));
                if (c.code.empty() || !f) continue;
                c.factor = *f;
                // "a|b" (one of them), then "&c|d" groups that must also hold and "&!e" terms
                // that must not occur nearby (CurrencyReading::also, unless).
                std::string_view ctx = cell(r, 3);
                for (size_t g = 0, n = 0; g < ctx.size(); ++n) {
                    size_t ge = std::min(ctx.find('&', g), ctx.size());
                    std::string_view group = ctx.substr(g, ge - g);
                    g = ge + 1;
                    if (n > 0 && !group.empty() && group[0] == '!') {
                        if (group.size() > 1) c.unless.emplace_back(group.substr(1));
                        continue;
                    }
                    std::vector<std::string>& terms = n == 0 ? c.context : c.also.emplace_back();
                    for (size_t i = 0; i < group.size();) {
                        size_t j = group.find('|', i);
                        if (j == std::string_view::npos) j = group.size();
                        if (j > i) terms.emplace_back(group.substr(i, j - i));
                        i = j + 1;
                    }
                }
                c.nearby = cell(r, 4) != "paragraph";
                if (std::string_view(t) == "CURRENCY_SPECIAL") c.exact = std::string(cell(r, 0));
                currencies.add(cell(r, 0), std::move(c));
            }
        }
        add_icu_currencies(currencies);
        for (const char* t : {"PERCENT_UNITS", "POINT_UNITS"})
            for (const auto& r : rows(t)) {
                Multiplier m;
                if (!cell(r, 2).empty()) {
                    int e = 0;
                    std::string_view s = cell(r, 2);
                    bool neg = !s.empty() && s[0] == '-';
                    for (char ch : s.substr(neg ? 1 : 0)) e = e * 10 + (ch - '0');
                    m.exp10 = neg ? -e : e;
                }
                percent_units.add(cell(r, 0), UnitReading{std::string(cell(r, 1)), m});
            }
        // Plural forms first ("seats"), then the compound-adjective singulars ("12,000-seat")
        for (const char* t : {"QUANTITY_UNITS", "QUANTITY_UNITS_ADJ"})
            for (const auto& r : rows(t)) quantity_units.add(cell(r, 0), std::string(cell(r, 1)));
        for (const char* t : {"FACTORS", "FACTORS_BARE", "FACTORS_FRACTION"})
            for (const auto& r : rows(t))
                if (auto m = Multiplier::parse(cell(r, 1))) factors.add(cell(r, 0), pow10(m->exp10) * m->mul);
        std::vector<QualifierPhrase> qs;
        for (const auto& r : rows("QUALIFIERS")) {
            char buf[128];
            size_t n = fold_key(cell(r, 0), buf, sizeof buf);
            if (n && !cell(r, 1).empty()) qs.push_back({std::string(buf, n), std::string(cell(r, 1))});
        }
        std::stable_sort(qs.begin(), qs.end(),
                         [](const QualifierPhrase& a, const QualifierPhrase& b) { return a.phrase.size() > b.phrase.size(); });
        qualifiers = QualifierIndex(std::move(qs));
    }

    // The value of a number as written (digits or words) times a multiplier.
    std::optional<double> amount(std::string_view num, const Multiplier& m) const {
        if (num.empty()) return std::nullopt;
        double v;
        if ((num[0] >= '0' && num[0] <= '9') || num[0] == '.') {
            auto d = parse_decimal(num);
            if (!d) return std::nullopt;
            v = to_double(*d, m.exp10) * m.mul;
        } else {
            auto w = parse_number_words(num, words);
            if (!w) return std::nullopt;
            v = *w * pow10(m.exp10) * m.mul;
        }
        if (!std::isfinite(v)) return std::nullopt;
        return v;
    }

    // The number of a capture without any scale, to compare range ends.
    std::optional<double> bare(std::string_view num) const { return amount(num, Multiplier{}); }
};

NumbersNormaliser::NumbersNormaliser(const rules::RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
NumbersNormaliser::~NumbersNormaliser() = default;

bool NumbersNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, Mention& out,
                                  CurrencyMemo& memo) const {
    const Impl& im = *impl_;
    auto cap = [&](std::string_view name) -> std::string_view {
        auto s = capture_of(raw, name);
        return s ? text.analysis_slice(*s) : std::string_view();
    };
    const std::string& a = text.analysis();
    const text::Span para = text.paragraphs().empty()
                                ? text::Span{0, static_cast<uint32_t>(a.size())}
                                : text.paragraphs()[text.paragraph_index(raw.span.begin)];

    std::string_view num = cap("num"), num2 = cap("num2");
    std::string_view scale = cap("scale"), scale2 = cap("scale2");

    // Scales: a range end without one takes the other end's ("$5-6 billion"),
    // unless its number is already the larger ("$500,000 to $1 million").
    Multiplier s_lo, s_hi;
    if (!scale.empty()) {
        auto m = parse_scale(scale, im.scales);
        if (!m) return false;
        s_lo = *m;
    }
    if (!scale2.empty()) {
        auto m = parse_scale(scale2, im.scales);
        if (!m) return false;
        s_hi = *m;
    }
    if (!num2.empty() && scale.empty() != scale2.empty()) {
        auto lo = im.bare(num), hi = im.bare(num2);
        if (lo && hi && *lo <= *hi) {
            if (scale.empty()) s_lo = s_hi;
            else s_hi = s_lo;
        }
    }

    Multiplier unit_mult, unit_mult2;
    bool own_mult2 = false;  // (a range end with a unit of its own: "80 cents to $1.00")
    switch (out.type) {
        case Type::money: {
            std::string_view surface = cap("cur");
            if (surface.empty()) surface = cap("cur2");
            if (const std::string* c = attr(raw, "currency"); surface.empty() && c) {
                out.currency = *c;
            } else {
                const auto* readings = im.currencies.find(surface);
                // "Nearby" context: a window around the mention, bounded so
                // that a long document costs the same per mention.
                constexpr uint32_t kNearby = 4000;
                uint32_t nb = raw.span.begin > kNearby ? raw.span.begin - kNearby : 0;
                uint32_t ne = std::min<uint32_t>(static_cast<uint32_t>(a.size()), raw.span.end + kNearby);
                // (pick_currency, its two tests answered from the document's occurrences of each term)
                auto occurs_in = [&](const std::string& term, uint32_t b, uint32_t e) {
                    auto [it, fresh] = memo.at.try_emplace(&term);
                    if (fresh)
                        for (size_t p = a.find(term); p != std::string::npos; p = a.find(term, p + 1))
                            it->second.push_back(static_cast<uint32_t>(p));
                    // (all occurrences are as long: the first from b on is inside if any is)
                    auto p = std::lower_bound(it->second.begin(), it->second.end(), b);
                    return p != it->second.end() && *p + term.size() <= e;
                };
                const CurrencyReading* r =
                    readings ? pick_currency_by(
                                   *readings, surface,
                                   [&](const std::string& term) { return occurs_in(term, para.begin, para.end); },
                                   [&](const std::string& term) { return occurs_in(term, nb, ne); })
                             : nullptr;
                if (!r) return false;
                out.currency = r->code;
                unit_mult = r->factor;
                // "80 cents to $1.00": the high end's currency word has a factor of its own (the
                // minor unit's 0.01 is not the dollar's); same currency, else no range
                if (std::string_view s2 = cap("cur2"); !s2.empty() && s2 != surface && !num2.empty()) {
                    const auto* readings2 = im.currencies.find(s2);
                    const CurrencyReading* r2 = nullptr;
                    if (readings2)
                        for (const CurrencyReading& c2 : *readings2)
                            if (c2.code == r->code) r2 = &c2;
                    if (!r2) return false;
                    unit_mult2 = r2->factor;
                    own_mult2 = true;
                }
            }
            break;
        }
        case Type::percent: {
            if (const std::string* u = attr(raw, "unit")) {
                out.unit = *u;
                break;
            }
            std::string_view u = cap("unit");
            if (u.empty()) u = cap("unit2");
            const UnitReading* r = im.percent_units.first(u);
            if (!r) return false;
            out.unit = r->unit;
            unit_mult = r->mult;
            break;
        }
        case Type::quantity: {
            if (std::string_view f = cap("factor"); !f.empty()) {
                const double* v = im.factors.first(f);
                if (!v) return false;
                out.value = *v;
                out.unit = "factor";
                num = {};
                break;
            }
            if (const std::string* u = attr(raw, "unit")) {
                out.unit = *u;
                break;
            }
            std::string_view u = cap("unit");
            const std::string* lemma = im.quantity_units.first(u);
            if (lemma) out.unit = *lemma;
            else if (!u.empty()) out.unit = std::string(u);
            else return false;
            break;
        }
        default: return false;
    }

    if (!num.empty()) {
        Multiplier m_lo = s_lo, m_hi = s_hi;
        m_lo *= unit_mult;
        m_hi *= own_mult2 ? unit_mult2 : unit_mult;
        auto lo = im.amount(num, m_lo);
        if (!lo) return false;
        // ("minus 12.8": a survey index below zero, rules/quantity/index.rules)
        auto negative = [](std::string_view s) {
            while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
            return s == "-" || s == "\u2212" || s == "minus" || s == "Minus";
        };
        if (negative(cap("sign"))) *lo = -*lo;
        out.value = *lo;
        if (!num2.empty()) {
            auto hi = im.amount(num2, m_hi);
            if (!hi) return false;
            if (negative(cap("sign2"))) *hi = -*hi;
            out.min = std::min(*lo, *hi);
            out.max = std::max(*lo, *hi);
            out.value = out.min;
        }
    }
    if (!out.value) return false;

    // Qualifier: the words just before the span, within its paragraph.
    uint32_t from = raw.span.begin > para.begin + 48 ? raw.span.begin - 48 : para.begin;
    if (raw.span.begin > from) {
        std::string_view q = find_qualifier(std::string_view(a).substr(from, raw.span.begin - from), im.qualifiers);
        if (!q.empty() && q != "-") out.qualifier = std::string(q);  // "-": a phrase that is no qualifier
    }
    return true;
}

}  // namespace claimex::normalise
