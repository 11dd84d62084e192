// The dates normaliser: turns the captures of a date rule into a TIMEX3
// value with the inclusive first and last day of the period it names,
// resolving relative dates against the publication date, then (per
// document) the anaphoric ones ("the same period in 2023", "a year
// earlier") against the date mentioned before them.
//
// Rules choose the interpretation with `set: kind=...` and hand over the
// parts as named captures; a `set: NAME=word` gives the word a capture
// would have given when the rule has no such capture ("set: part=end" for
// "year-end"). The words are looked up in the tables of rules/dates/, so
// the normaliser holds no English itself. rules/dates/README.md documents
// the kinds, captures, attributes and conventions.
#include "extractor/normalise/dates_calendar.h"
#include "extractor/normalise/dates_words.h"
#include "extractor/normalise/internal.h"

#include <array>
#include <fmt/format.h>
#include <map>
#include <re2/re2.h>
#include <unordered_map>

namespace claimex::normalise {

using namespace dates;

namespace {

constexpr const char* kNoPublished = "relative date: the document has no publication date";
constexpr const char* kNoAntecedent = "no earlier period in the paragraph to compare with: the whole year";

enum class Kind {
    unknown,
    calendar,      // year, month, day, n1/n2 (numeric, day first), part
    decade,        // decade ("1990" or "90"), part
    quarter,       // quarter (digit, ordinal word, or month), year, fy, shift, part
    half,          // half, year, fy, shift, part
    fiscal_year,   // year, year2
    season,        // season, year, shift
    weekday,       // weekday, shift
    day_word,      // dayword (today, yesterday, ...)
    relative,      // unit, shift, part: "last week", "earlier this month"
    ago,           // count, unit, dir: "two years ago"
    duration,      // count, unit, shift: "the past three months"
    window,        // count, unit, month, day, year: "the six months to June 30"
    range,         // month, month2, year: "the April-June quarter"
    window_start,  // count, unit, year or shift: "the first nine months of 2024"
    same_period,   // grain, year or shift/count: "the same period in 2023"
};

Kind kind_from(std::string_view s) {
    static const std::array<std::pair<std::string_view, Kind>, 15> kKinds = {{
        {"calendar", Kind::calendar},
        {"decade", Kind::decade},
        {"quarter", Kind::quarter},
        {"half", Kind::half},
        {"fiscal_year", Kind::fiscal_year},
        {"season", Kind::season},
        {"weekday", Kind::weekday},
        {"day_word", Kind::day_word},
        {"relative", Kind::relative},
        {"ago", Kind::ago},
        {"duration", Kind::duration},
        {"window", Kind::window},
        {"range", Kind::range},
        {"window_start", Kind::window_start},
        {"same_period", Kind::same_period},
    }};
    for (const auto& [name, k] : kKinds)
        if (name == s) return k;
    return Kind::unknown;
}

// How an anaphoric date takes its period from the date before it.
enum class Anaphor {
    none,
    year,      // the antecedent's period in the year this mention names ("the same period in 2023")
    shift,     // the antecedent moved by the years this mention moves from publication ("a year earlier")
    previous,  // the unit before the antecedent's ("the previous quarter")
};

struct Spec {
    Kind kind = Kind::unknown;
    int fy_start = 1;                 // first month of a fiscal year
    bool check_count = false;         // a bare year: not before a count noun, not part of a number
    bool guard_name = false;          // not inside a name ("the Sunday Times", "USA Today")
    bool guard_next_cap = false;      // no capitalised word right after ("April Smith")
    const WordTable* before = nullptr;  // one of these words must come right before
    Anaphor anaphor = Anaphor::none;
    bool paragraph_scope = false;     // antecedent anywhere earlier in the paragraph (else the sentence)
    std::map<std::string, std::string, std::less<>> defaults;  // capture name → word
    // Anaphoric rules only: the rule's pattern again, so the document pass
    // can read the captures of a mention back from its text.
    std::shared_ptr<const RE2> re;
    std::vector<std::string> group_names;  // by group index, "__suffix" dropped
};

// A resolved date before it goes into the Mention.
struct Resolved {
    cal::Period p;
    bool has_from = true, has_to = true;
    bool relative = false;
    bool unresolved = false;          // needs the publication date, which is missing
};

std::optional<int> parse_int(std::string_view s) {
    int n = 0;
    size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 9) n = n * 10 + (s[i++] - '0');
    if (i == 0) return std::nullopt;
    return n;
}

// Strips a leading apostrophe ("'24").
std::string_view digits_of(std::string_view s) {
    while (!s.empty() && (s[0] == '\'' || s[0] == ' ')) s.remove_prefix(1);
    return s;
}

// A year: four digits, or two digits in the century window around the
// publication year (up to 20 years ahead of it).
std::optional<int> parse_year(std::string_view s, std::optional<int> pub_year) {
    s = digits_of(s);
    auto n = parse_int(s);
    if (!n) return std::nullopt;
    size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits == 4) return *n;
    if (digits != 2) return std::nullopt;
    int ref = pub_year.value_or(2000);
    int y = (ref / 100) * 100 + *n;
    if (y > ref + 20) y -= 100;
    if (y <= ref - 80) y += 100;
    return y;
}

int64_t distance(const cal::Period& p, int64_t day) {
    if (day < p.from) return p.from - day;
    if (day > p.to) return day - p.to;
    return 0;
}

// The occurrence of a yearly period nearest the publication date: with a
// past cue the latest that has begun, with a future cue the earliest that
// has not ended, else the one that contains the day or is nearest to it
// (the earlier one on a tie).
template <class Make>
std::optional<cal::Period> nearest(Make make, int64_t pub, Tense tense) {
    int y0 = cal::civil_from_days(pub).y;
    std::array<std::optional<cal::Period>, 3> c = {make(y0 - 1), make(y0), make(y0 + 1)};
    if (tense == Tense::past) {
        for (int i = 2; i >= 0; --i)
            if (c[i] && c[i]->from <= pub) return c[i];
    } else if (tense == Tense::future) {
        for (int i = 0; i < 3; ++i)
            if (c[i] && c[i]->to >= pub) return c[i];
    }
    std::optional<cal::Period> best;
    for (int i = 0; i < 3; ++i)
        if (c[i] && (!best || distance(*c[i], pub) < distance(*best, pub))) best = c[i];
    return best;
}

// A quarter or half with no year: the latest that has ended by the
// publication date, or with a future cue the earliest that has not.
template <class Make>
std::optional<cal::Period> ended_or_next(Make make, int64_t pub, Tense tense) {
    int y0 = cal::civil_from_days(pub).y;
    std::array<std::optional<cal::Period>, 3> c = {make(y0 - 1), make(y0), make(y0 + 1)};
    if (tense == Tense::future) {
        for (int i = 0; i < 3; ++i)
            if (c[i] && c[i]->to >= pub) return c[i];
    }
    for (int i = 2; i >= 0; --i)
        if (c[i] && c[i]->to < pub) return c[i];
    return std::nullopt;
}

cal::Part part_from(std::string_view code) {
    if (code == "START") return cal::Part::start;
    if (code == "MID") return cal::Part::mid;
    if (code == "END") return cal::Part::end;
    if (code == "EARLIER") return cal::Part::earlier;
    if (code == "LATER") return cal::Part::later;
    return cal::Part::none;
}

// Moves a day by n units (D, W, M, Q, H, Y, X).
std::optional<int64_t> move(int64_t day, char unit, int n) {
    switch (unit) {
        case 'D': return day + n;
        case 'W': return day + 7 * static_cast<int64_t>(n);
        case 'M': return cal::add_months(day, n);
        case 'Q': return cal::add_months(day, 3 * n);
        case 'H': return cal::add_months(day, 6 * n);
        case 'Y': return cal::add_years(day, n);
        case 'X': return cal::add_years(day, 10 * n);
        default: return std::nullopt;
    }
}

// The ISO 8601 duration of n units.
std::string duration_value(char unit, int n) {
    switch (unit) {
        case 'D': return n ? fmt::format("P{}D", n) : "PXD";
        case 'W': return n ? fmt::format("P{}W", n) : "PXW";
        case 'M': return n ? fmt::format("P{}M", n) : "PXM";
        case 'Q': return n ? fmt::format("P{}M", 3 * n) : "PXM";
        case 'H': return n ? fmt::format("P{}M", 6 * n) : "PXM";
        case 'Y': return n ? fmt::format("P{}Y", n) : "PXY";
        case 'X': return n ? fmt::format("P{}Y", 10 * n) : "PXY";
        default: return "";
    }
}

// Months in n units, for windows ("the six months to June", "the year to March").
int unit_months(char unit) { return unit == 'M' ? 1 : unit == 'Q' ? 3 : unit == 'H' ? 6 : unit == 'Y' ? 12 : 0; }

bool capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

struct DatesNormaliser::Impl {
    WordTable months, weekdays, ordinals, numbers, seasons, parts, shifts, units, day_words;
    WordTable future, past, count_nouns, guard_ok, articles;
    std::map<std::string, WordTable, std::less<>> before_lists;  // node-stable: Specs point into it
    std::unordered_map<const rules::Rule*, Spec> specs;
    std::unordered_map<std::string, const Spec*> by_id;

    // The text of a capture, or the rule's default word for it.
    struct Fields {
        const rules::RawMention& raw;
        const text::Text& text;
        const Spec& spec;
        std::string_view get(std::string_view name) const {
            if (auto s = raw.capture(name)) return text.analysis_slice(*s);
            if (auto it = spec.defaults.find(name); it != spec.defaults.end()) return it->second;
            return {};
        }
    };

    bool guards_pass(const Spec& spec, const rules::RawMention& raw, const text::Text& text) const;
    std::optional<Resolved> resolve(const Fields& f, std::optional<int64_t> pub, Tense tense) const;

    std::optional<int> count_of(std::string_view s) const {
        if (s.empty()) return std::nullopt;
        if (auto n = parse_int(s)) return *n;
        return numbers.number(s);
    }
    char unit_of(std::string_view s) const {
        const std::string* u = units.find(s);
        return u && !u->empty() ? (*u)[0] : 0;
    }
    std::optional<int> month_of(std::string_view s) const {
        if (auto n = parse_int(s)) return *n >= 1 && *n <= 12 ? std::optional<int>(*n) : std::nullopt;
        return months.number(s);
    }
};

DatesNormaliser::DatesNormaliser(const rules::RuleSet& rules) : impl_(std::make_unique<Impl>()) {
    Impl& I = *impl_;
    I.months = WordTable::from_table(rules.table("DATE_MONTHS"));
    I.weekdays = WordTable::from_table(rules.table("DATE_WEEKDAYS"));
    I.ordinals = WordTable::from_table(rules.table("DATE_ORDINALS"));
    I.numbers = WordTable::from_table(rules.table("DATE_NUMBERS"));
    I.seasons = WordTable::from_table(rules.table("DATE_SEASONS"));
    I.parts = WordTable::from_table(rules.table("DATE_PARTS"));
    I.shifts = WordTable::from_table(rules.table("DATE_SHIFTS"));
    I.units = WordTable::from_table(rules.table("DATE_UNITS"));
    I.day_words = WordTable::from_table(rules.table("DATE_DAY_WORDS"));
    I.future = WordTable::from_list(rules.list("DATE_FUTURE_CUE"));
    I.past = WordTable::from_list(rules.list("DATE_PAST_CUE"));
    I.count_nouns = WordTable::from_list(rules.list("DATE_COUNT_NOUN"));
    I.guard_ok = WordTable::from_list(rules.list("DATE_NAME_GUARD_OK"));
    I.articles = WordTable::from_list(rules.list("DATE_ARTICLE"));
    for (const auto& r : rules.rules()) {
        if (r->type != "date") continue;
        Spec s;
        for (const auto& [key, val] : r->attrs) {
            if (key == "kind") {
                s.kind = kind_from(val);
            } else if (key == "fy_start") {
                auto n = parse_int(val);
                s.fy_start = n && *n >= 1 && *n <= 12 ? *n : 1;
            } else if (key == "check") {
                // A comma-separated list: count, name, nocap.
                for (size_t b = 0; b < val.size();) {
                    size_t e = val.find(',', b);
                    if (e == std::string::npos) e = val.size();
                    std::string_view c = std::string_view(val).substr(b, e - b);
                    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
                    while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
                    s.check_count |= c == "count";
                    s.guard_name |= c == "name";
                    s.guard_next_cap |= c == "nocap";
                    b = e + 1;
                }
            } else if (key == "before") {
                auto it = I.before_lists.find(val);
                if (it == I.before_lists.end())
                    it = I.before_lists.emplace(val, WordTable::from_list(rules.list(val))).first;
                s.before = &it->second;
            } else if (key == "anaphor") {
                s.anaphor = val == "year" ? Anaphor::year : val == "shift" ? Anaphor::shift
                          : val == "previous" ? Anaphor::previous : Anaphor::none;
            } else if (key == "scope") {
                s.paragraph_scope = val == "paragraph";
            } else {
                s.defaults[key] = val;
            }
        }
        if (s.anaphor != Anaphor::none && !r->pattern.empty()) {
            auto re = std::make_shared<RE2>(r->pattern, RE2::Quiet);
            if (re->ok()) {
                s.group_names.resize(re->NumberOfCapturingGroups() + 1);
                for (const auto& [name, idx] : re->NamedCapturingGroups())
                    s.group_names[idx] = name.substr(0, name.find("__"));
                s.re = std::move(re);
            }
        }
        auto [it, ok] = I.specs.emplace(r.get(), std::move(s));
        I.by_id[r->id] = &it->second;
    }
}

DatesNormaliser::~DatesNormaliser() = default;

bool DatesNormaliser::Impl::guards_pass(const Spec& spec, const rules::RawMention& raw, const text::Text& text) const {
    Around around{text, raw.span};
    if (spec.before && !spec.before->contains(around.word_before())) return false;
    if (spec.check_count) {
        // Part of a number ("2024.5", "1.2024", "2024%", "$2024") or a count
        // ("2023 employees") rather than a year.
        std::string_view b = around.bytes_before(2), a = around.bytes_after(2);
        auto digit = [](char c) { return c >= '0' && c <= '9'; };
        if (!b.empty() && (b.back() == '.' || b.back() == ',') && b.size() == 2 && digit(b[0])) return false;
        if (!b.empty() && (b.back() == '$' || b.back() == '#')) return false;
        if (a.size() == 2 && (a[0] == '.' || a[0] == ',') && digit(a[1])) return false;
        if (!a.empty() && a[0] == '%') return false;
        std::string_view next = around.word_after();
        if (!next.empty() && a.size() && a[0] == ' ' && count_nouns.contains(next)) return false;
    }
    if (spec.guard_next_cap && around.bytes_after(1) == " " && capitalised(around.word_after())) return false;
    if (spec.guard_name) {
        // "the Sunday Times": an article before and a capitalised word after.
        std::string_view prev = around.word_before();
        std::string_view next = around.word_after();
        if (articles.contains(prev) && capitalised(next) && around.bytes_after(1) == " ") return false;
        // "USA Today", "Black Friday": a capitalised word right before that
        // is not a preposition or other word that leads into a date.
        std::string_view self = text.analysis_slice(raw.span);
        if (capitalised(self) && capitalised(prev) && around.bytes_before(1) == " " && !guard_ok.contains(prev))
            return false;
    }
    return true;
}

std::optional<Resolved> DatesNormaliser::Impl::resolve(const Fields& f, std::optional<int64_t> pub,
                                                       Tense tense) const {
    const Spec& spec = f.spec;
    std::optional<int> pub_year;
    if (pub) pub_year = cal::civil_from_days(*pub).y;
    Resolved r;
    auto needs_pub = [&]() -> std::optional<Resolved> {
        Resolved u;
        u.unresolved = true;
        u.relative = true;
        return u;
    };
    cal::Part part = cal::Part::none;
    if (auto p = f.get("part"); !p.empty()) {
        const std::string* code = parts.find(p);
        if (!code) return std::nullopt;
        part = part_from(*code);
    }
    auto finish = [&](cal::Period p, bool relative) -> std::optional<Resolved> {
        cal::apply_part(p, part, pub.value_or(p.from));
        r.p = std::move(p);
        r.relative = relative;
        return r;
    };
    std::string_view year_s = f.get("year");
    std::optional<int> year;
    if (!year_s.empty()) {
        year = parse_year(year_s, pub_year);
        if (!year) return std::nullopt;
    }
    std::optional<int> shift;
    if (auto s = f.get("shift"); !s.empty()) {
        shift = shifts.number(s);
        if (!shift) return std::nullopt;
    }

    switch (spec.kind) {
        case Kind::unknown: return std::nullopt;

        case Kind::calendar: {
            int m = 0, d = 0;
            std::string_view n1 = f.get("n1"), n2 = f.get("n2");
            if (!n1.empty() && !n2.empty()) {
                // Numeric dates are read day first ("26/08/2024"); month
                // first only when the first number cannot be a month and the
                // second can ("08/26/2024").
                int a = parse_int(n1).value_or(0), b = parse_int(n2).value_or(0);
                if (a >= 1 && a <= 31 && b >= 1 && b <= 12) { d = a; m = b; }
                else if (a >= 1 && a <= 12 && b >= 13 && b <= 31) { m = a; d = b; }
                else return std::nullopt;
            } else {
                if (auto ms = f.get("month"); !ms.empty()) {
                    auto mm = month_of(ms);
                    if (!mm) return std::nullopt;
                    m = *mm;
                }
                if (auto ds = f.get("day"); !ds.empty()) {
                    auto dd = parse_int(ds);
                    if (!dd) dd = ordinals.number(ds);
                    if (!dd || *dd < 1 || *dd > 31) return std::nullopt;
                    d = *dd;
                }
            }
            if (d && !m) return std::nullopt;
            if (d && d > cal::month_length(2000, m)) return std::nullopt;  // "June 31": no year has it
            auto make = [&](int y) -> std::optional<cal::Period> {
                if (d) {
                    if (d > cal::month_length(y, m)) return std::nullopt;  // Feb 29
                    return cal::day(cal::days_from_civil(y, m, d));
                }
                if (m) return cal::month(y, m);
                return cal::year(y);
            };
            if (year) {
                auto p = make(*year);
                if (!p) return std::nullopt;
                return finish(*p, false);
            }
            if (!m) return std::nullopt;
            if (!pub) return needs_pub();
            std::optional<cal::Period> p;
            if (shift) {
                // "last August", "next March": the nearest one strictly
                // before / after the publication month; "this August": the
                // publication year's.
                int y0 = *pub_year;
                if (*shift == 0) p = make(y0);
                else if (*shift < 0) p = make(make(y0) && make(y0)->to < *pub ? y0 : y0 - 1);
                else p = make(make(y0) && make(y0)->from > *pub ? y0 : y0 + 1);
            } else {
                p = nearest(make, *pub, tense);
            }
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::decade: {
            std::string_view ds = digits_of(f.get("decade"));
            auto n = parse_int(ds);
            if (!n) return std::nullopt;
            int first = *n;
            if (ds.size() >= 2 && (ds.size() < 4 || ds[2] < '0' || ds[2] > '9')) {
                // "the '90s": the latest such decade that has begun.
                int ref = pub_year.value_or(2029);
                first = (ref / 100) * 100 + *n;
                if (first > ref) first -= 100;
            }
            if (first % 10) return std::nullopt;
            return finish(cal::decade(first), false);
        }

        case Kind::quarter:
        case Kind::half: {
            bool is_q = spec.kind == Kind::quarter;
            int last = is_q ? 4 : 2;
            std::string_view which = f.get(is_q ? "quarter" : "half");
            std::optional<int> n;
            if (!which.empty()) {
                n = parse_int(which);
                if (!n) n = ordinals.number(which);
                if (n && *n == 0) n = last;  // "the final quarter"
            } else if (auto ms = f.get("month"); !ms.empty()) {
                // "the March quarter": the quarter that holds the month.
                if (auto m = month_of(ms)) n = is_q ? (*m - 1) / 3 + 1 : (*m - 1) / 6 + 1;
            }
            if (!n || *n < 1 || *n > last) return std::nullopt;
            bool fiscal = !f.get("fy").empty();
            int fy_start = spec.fy_start;
            auto make = [&](int y) -> std::optional<cal::Period> {
                if (fiscal) return is_q ? cal::fiscal_quarter(y, *n, fy_start) : cal::fiscal_half(y, *n, fy_start);
                return is_q ? cal::quarter(y, *n) : cal::half(y, *n);
            };
            if (year) return finish(*make(*year), false);
            if (!pub) return needs_pub();
            std::optional<cal::Period> p =
                shift ? make(*pub_year + *shift) : ended_or_next(make, *pub, tense);
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::fiscal_year: {
            if (!year) return std::nullopt;
            std::string_view y2s = digits_of(f.get("year2"));
            if (y2s.empty()) return finish(cal::fiscal_year(*year, spec.fy_start), false);
            auto n2 = parse_int(y2s);
            if (!n2) return std::nullopt;
            int y2 = y2s.size() >= 4 ? *n2 : (*year / 100) * 100 + *n2;
            if (y2s.size() < 4 && y2 < *year) y2 += 100;  // "1999-00"
            if (y2 == *year + 1) return finish(cal::fiscal_year(y2, spec.fy_start), false);
            if (y2 <= *year || y2 - *year > 50) return std::nullopt;
            // "2019-23": a span of years, not a fiscal year.
            cal::Period p{fmt::format("P{}Y", y2 - *year + 1), cal::days_from_civil(*year, 1, 1),
                          cal::days_from_civil(y2, 12, 31)};
            return finish(p, false);
        }

        case Kind::season: {
            const std::string* code = seasons.find(f.get("season"));
            if (!code) return std::nullopt;
            auto make = [&](int y) -> std::optional<cal::Period> { return cal::season(y, *code); };
            if (year) return finish(cal::season(*year, *code), false);
            if (!pub) return needs_pub();
            std::optional<cal::Period> p;
            int y0 = *pub_year;
            if (shift && *shift < 0) {
                for (int y = y0 + 1; y >= y0 - 2 && !p; --y)
                    if (make(y)->to < *pub) p = make(y);
            } else if (shift && *shift > 0) {
                for (int y = y0 - 1; y <= y0 + 2 && !p; ++y)
                    if (make(y)->from > *pub) p = make(y);
            } else {
                p = nearest(make, *pub, shift ? Tense::none : tense);
            }
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::weekday: {
            auto wd = weekdays.number(f.get("weekday"));
            if (!wd || *wd < 1 || *wd > 7) return std::nullopt;
            if (!pub) return needs_pub();
            int pw = cal::weekday(*pub);
            int back = (pw - *wd + 7) % 7, ahead = (*wd - pw + 7) % 7;
            int64_t d;
            if (shift && *shift < 0) d = *pub - (back ? back : 7);
            else if (shift && *shift > 0) d = *pub + (ahead ? ahead : 7);
            else if (shift) d = *pub - (pw - 1) + (*wd - 1);
            else if (tense == Tense::future) d = *pub + ahead;
            else d = *pub - back;
            return finish(cal::day(d), true);
        }

        case Kind::day_word: {
            auto off = day_words.number(f.get("dayword"));
            if (!off) return std::nullopt;
            if (!pub) return needs_pub();
            return finish(cal::day(*pub + *off), true);
        }

        case Kind::relative: {
            char u = unit_of(f.get("unit"));
            if (!u || !shift) return std::nullopt;
            if (!pub) return needs_pub();
            auto p = cal::unit_period(u, *pub, *shift);
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::ago: {
            char u = unit_of(f.get("unit"));
            auto n = count_of(f.get("count"));
            auto dir = shifts.number(f.get("dir"));
            if (!u || !n || *n <= 0 || !dir || *dir == 0) return std::nullopt;
            if (!pub) return needs_pub();
            auto target = move(*pub, u, *dir * *n);
            if (!target) return std::nullopt;
            auto p = cal::unit_period(u == 'X' ? 'Y' : u, *target, 0);
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::duration: {
            std::string_view unit_s = f.get("unit");
            char u = unit_of(unit_s);
            if (!u || u == 'E' || !shift || *shift == 0) return std::nullopt;
            int n = 1;
            if (auto cs = f.get("count"); !cs.empty()) {
                auto c = count_of(cs);
                if (!c) return std::nullopt;
                n = *c;
            } else if (!unit_s.empty() && (unit_s.back() == 's' || unit_s.back() == 'S')) {
                n = 0;  // "the coming months": how many is not said
            }
            if (!pub) return needs_pub();
            Resolved d;
            d.relative = true;
            d.p.timex = duration_value(u, n);
            if (*shift < 0) {
                d.p.to = *pub;
                if (n) d.p.from = *move(*pub, u, -n) + 1;
                d.has_from = n != 0;
            } else {
                d.p.from = *pub + 1;
                if (n) d.p.to = *move(*pub, u, n);
                d.has_to = n != 0;
            }
            return d;
        }

        case Kind::window: {
            char u = unit_of(f.get("unit"));
            int n = 1;
            if (auto cs = f.get("count"); !cs.empty()) {
                auto c = count_of(cs);
                if (!c || *c <= 0) return std::nullopt;
                n = *c;
            }
            auto m = month_of(f.get("month"));
            if (!u || !m) return std::nullopt;
            int d = 0;
            if (auto ds = f.get("day"); !ds.empty()) {
                auto dd = parse_int(ds);
                if (!dd || *dd < 1 || *dd > cal::month_length(2000, *m)) return std::nullopt;
                d = *dd;
            }
            std::optional<cal::Period> end_month;
            bool relative = false;
            if (year) {
                end_month = cal::month(*year, *m);
            } else {
                if (!pub) return needs_pub();
                end_month = nearest([&](int y) -> std::optional<cal::Period> { return cal::month(y, *m); }, *pub, tense);
                relative = true;
            }
            cal::Ymd em = cal::civil_from_days(end_month->from);
            int64_t end = d ? cal::days_from_civil(em.y, em.m, std::min(d, cal::month_length(em.y, em.m)))
                            : end_month->to;
            cal::Period p;
            if (u == 'W' || u == 'D') {
                int64_t days = (u == 'W' ? 7 : 1) * static_cast<int64_t>(n);
                p.from = end - days + 1;
                p.to = end;
                p.timex = u == 'W' && n == 1 && cal::weekday(p.from) == 1 ? cal::week_of(p.from).timex : duration_value(u, n);
            } else if (end == end_month->to) {
                int64_t last = cal::month_index(em.y, em.m);
                p = cal::months_window(last - n * unit_months(u) + 1, last);
            } else {
                p.from = cal::add_months(end, -n * unit_months(u)) + 1;
                p.to = end;
                p.timex = duration_value(u, n);
            }
            return finish(p, relative);
        }

        case Kind::range: {
            auto m1 = month_of(f.get("month")), m2 = month_of(f.get("month2"));
            if (!m1 || !m2) return std::nullopt;
            int span = (*m2 - *m1 + 12) % 12;  // "November-January" crosses the year
            auto make = [&](int y) -> std::optional<cal::Period> {
                int64_t last = cal::month_index(y, *m2);
                return cal::months_window(last - span, last);
            };
            if (year) return finish(*make(*year), false);
            if (!pub) return needs_pub();
            auto p = shift ? make(*pub_year + *shift) : nearest(make, *pub, tense);
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::window_start: {
            char u = unit_of(f.get("unit"));
            auto n = count_of(f.get("count"));
            if (!u || !n || *n <= 0 || !unit_months(u) || *n * unit_months(u) > 12) return std::nullopt;
            int y;
            bool relative = !year;
            if (year) {
                y = *year;
            } else {
                if (!pub) return needs_pub();
                y = *pub_year + shift.value_or(0);
            }
            int64_t first = cal::month_index(y, 1);
            return finish(cal::months_window(first, first + *n * unit_months(u) - 1), relative);
        }

        case Kind::same_period: {
            // The year it names; the document pass narrows it to the part of
            // the year the date before it names.
            if (year) return finish(cal::year(*year), false);
            int delta = shift.value_or(-1);
            if (auto cs = f.get("count"); !cs.empty()) {
                auto n = count_of(cs);
                auto dir = shifts.number(f.get("dir"));
                if (!n || !dir) return std::nullopt;
                delta = *n * *dir;
            }
            if (!pub) return needs_pub();
            return finish(cal::year(*pub_year + delta), true);
        }
    }
    return std::nullopt;
}

bool DatesNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, const Context& context,
                                Mention& out) const {
    const Impl& I = *impl_;
    auto it = I.specs.find(raw.rule);
    if (it == I.specs.end()) return false;
    const Spec& spec = it->second;
    if (!I.guards_pass(spec, raw, text)) return false;
    std::optional<int64_t> pub;
    if (!context.published.empty()) pub = cal::parse_iso(context.published);
    // The tense is read only for the kinds that need it, and only once.
    Tense tense = Tense::none;
    switch (spec.kind) {
        case Kind::calendar:
        case Kind::quarter:
        case Kind::half:
        case Kind::season:
        case Kind::weekday:
        case Kind::window:
        case Kind::range: tense = Around{text, raw.span}.tense(I.future, I.past); break;
        default: break;
    }
    auto r = I.resolve(Impl::Fields{raw, text, spec}, pub, tense);
    if (!r) return false;
    out.relative = r->relative;
    if (r->unresolved) {
        out.timex.clear();
        out.note = kNoPublished;
        return true;
    }
    out.timex = std::move(r->p.timex);
    if (r->has_from) out.from = cal::iso(r->p.from);
    if (r->has_to) out.to = cal::iso(r->p.to);
    return true;
}

void DatesNormaliser::resolve_document(std::vector<Mention>& mentions, const text::Text& text,
                                       const Context& context) const {
    const Impl& I = *impl_;
    std::optional<int64_t> pub;
    if (!context.published.empty()) pub = cal::parse_iso(context.published);
    auto spec_of = [&](const Mention& m) -> const Spec* {
        if (m.type != Type::date) return nullptr;
        auto it = I.by_id.find(m.rule);
        return it == I.by_id.end() ? nullptr : it->second;
    };
    std::vector<re2::StringPiece> groups;
    for (size_t i = 0; i < mentions.size(); ++i) {
        Mention& m = mentions[i];
        const Spec* spec = spec_of(m);
        if (!spec || spec->anaphor == Anaphor::none || !spec->re) continue;
        // The nearest earlier date that is not itself anaphoric, in the same
        // sentence (or paragraph for "the same period").
        auto scope_of = [&](const Mention& x) {
            return spec->paragraph_scope ? text.paragraph_index(x.span.begin) : text.sentence_index(x.span.begin);
        };
        size_t scope = scope_of(m);
        const Mention* ante = nullptr;
        for (size_t j = i; j-- > 0;) {
            const Mention& c = mentions[j];
            if (scope_of(c) != scope) break;
            const Spec* s = spec_of(c);
            if (!s || s->anaphor != Anaphor::none || c.timex.empty() || c.from.empty() || c.to.empty()) continue;
            if (c.span.end > m.span.begin) continue;
            ante = &c;
            break;
        }
        if (!ante) {
            if (spec->kind == Kind::same_period && !m.timex.empty()) m.note = kNoAntecedent;
            continue;
        }
        // The mention's captures, read again from its text.
        std::string_view span_text = text.analysis_slice(m.span);
        groups.assign(spec->group_names.size(), re2::StringPiece());
        if (!spec->re->Match(span_text, 0, span_text.size(), RE2::ANCHOR_BOTH, groups.data(),
                             static_cast<int>(groups.size())))
            continue;
        auto get = [&](std::string_view name) -> std::string_view {
            for (size_t g = 1; g < groups.size(); ++g)
                if (spec->group_names[g] == name && groups[g].data()) return {groups[g].data(), groups[g].size()};
            if (auto it = spec->defaults.find(name); it != spec->defaults.end()) return it->second;
            return {};
        };
        auto ante_from = cal::parse_iso(ante->from), ante_to = cal::parse_iso(ante->to);
        if (!ante_from || !ante_to) continue;
        cal::Period base{ante->timex, *ante_from, *ante_to};
        char grain = I.unit_of(get("grain"));
        if (spec->anaphor == Anaphor::previous) {
            // "the previous quarter": the unit before the antecedent's.
            char u = I.unit_of(get("unit"));
            auto p = u ? cal::unit_period(u, base.from, -1) : std::nullopt;
            if (!p) continue;
            base = *p;
        } else {
            // "the same quarter last year": the antecedent's quarter, moved.
            if (grain && grain != 'P')
                if (auto p = cal::unit_period(grain, base.from, 0)) base = *p;
            int delta = -1;
            if (auto ys = get("year"); !ys.empty()) {
                std::optional<int> pub_year;
                if (pub) pub_year = cal::civil_from_days(*pub).y;
                auto y = parse_year(ys, pub_year);
                if (!y) continue;
                delta = *y - cal::timex_year(base.timex).value_or(cal::civil_from_days(base.from).y);
            } else if (auto cs = get("count"); !cs.empty()) {
                auto n = I.count_of(cs);
                auto dir = I.shifts.number(get("dir"));
                char u = I.unit_of(get("unit"));
                if (!n || !dir || (u && u != 'Y')) continue;
                delta = *n * *dir;
            } else if (auto ss = get("shift"); !ss.empty()) {
                auto s = I.shifts.number(ss);
                if (!s) continue;
                delta = *s;
            }
            base = cal::shift_years(base, delta);
        }
        m.timex = base.timex;
        m.from = cal::iso(base.from);
        m.to = cal::iso(base.to);
        // The year now comes from the antecedent, unless the mention named it.
        if (spec->anaphor != Anaphor::year) m.relative = ante->relative;
        m.note.clear();
    }
}

}  // namespace claimex::normalise
