// The dates normaliser: turns the captures of a date rule into a TIMEX3
// value with the inclusive first and last day of the period it names,
// resolving relative dates against the publication date; then, once per
// document, gives fiscal years the start month the document shows ("the
// year to June 30, 2025" makes "fiscal 2025" run July–June) and resolves
// anaphoric dates against the date mentioned before them ("the same period
// in 2023", "a year earlier", "the previous three months").
//
// Rules choose the interpretation with `set: kind=...` and hand over the
// parts as named captures; `set: NAME=word` gives the word a capture would
// have given when the rule has no such capture ("set: part=end" for
// "year-end"). A capture named `date` is the mention's span when the rule
// needs context around it ("July" in "July exports"). The words are looked
// up in the tables of rules/dates/, so no English is written here.
// rules/dates/README.md documents kinds, captures, attributes and policies.
#include "extractor/normalise/dates_calendar.h"
#include "extractor/normalise/dates_words.h"
#include "extractor/normalise/entities_lexicon.h"
#include "extractor/normalise/flat_map.h"
#include "extractor/normalise/internal.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <re2/re2.h>
#include <unordered_map>

namespace claimex::normalise {

using namespace dates;

namespace {

// Whether a date closes a comparison's figure: "from 4.3% in October", "compared with £96 million
// in March", "against about 2.1% for the first quarter" (a cue, maybe an approximation, the
// figure, then "in"/"for"/"during" and the date; rules/dates compared_*.txt). Decided here once
// per date and kept as the mention's `compared` flag, which the claims stage reads too.
bool compared_figure_date(const text::Text& text, text::Span span, const Cues& cues) {
    Around ca{text, span};
    const std::string_view w = ca.word_before();
    if (w.empty() || !(cues.of(w) & Cues::compared_prep)) return false;
    const std::string_view b = ca.bytes_before(64);
    size_t e = b.size();
    while (e > 0 && b[e - 1] == ' ') --e;
    if (e < w.size()) return false;
    e -= w.size();
    // the figure's words back to its number ("4.3%", "£96 million", "$1.2bn", "4.3 per cent")
    for (int n = 0; n < 3; ++n) {
        while (e > 0 && b[e - 1] == ' ') --e;
        size_t s0 = e;
        while (s0 > 0 && b[s0 - 1] != ' ') --s0;
        if (s0 == e) return false;
        const std::string_view tok = b.substr(s0, e - s0);
        const bool number = std::any_of(tok.begin(), tok.end(), [](char c) { return c >= '0' && c <= '9'; });
        e = s0;
        if (!number) continue;  // (a scale or unit word after the number)
        // then the cue, past approximation words ("from about", "with roughly"; "more than" is one)
        auto word_back = [&]() {
            while (e > 0 && b[e - 1] == ' ') --e;
            size_t s2 = e;
            while (s2 > 0 && std::isalpha(static_cast<unsigned char>(b[s2 - 1]))) --s2;
            std::string_view x = b.substr(s2, e - s2);
            e = s2;
            return x;
        };
        std::string_view cue = word_back();
        for (int k = 0; k < 3 && !cue.empty(); ++k) {
            const uint16_t what = cues.of(cue);
            if (what & Cues::compared_cue) {
                // ("more than 4%", "less than $2bn": an approximation, not a comparison's cue)
                const std::string_view before = word_back();
                if (before.empty() || !(cues.of(before) & Cues::compared_approx)) return true;
                cue = word_back();
                continue;
            }
            if (!(what & Cues::compared_approx)) return false;
            cue = word_back();
        }
        return false;
    }
    return false;
}

constexpr const char* kNoPublished = "relative date: the document has no publication date";
constexpr const char* kNoAntecedent = "no earlier period in the paragraph to compare with: the whole year";
constexpr const char* kNoAnchor = "later than a date the sentence does not give";

// A candidate picked by a tense cue further than this from the publication
// date gives way to the nearest one: news names a month that far off with
// its year ("said a cut in July was unlikely", published in June → next July).
constexpr int64_t kCueReachDays = 250;
// "of the year" names last year's period only when this year's begins more
// than this long after publication ("the final three months of the year" in
// January; "the second half of the year" in June is this year's).
constexpr int64_t kSoftReachDays = 92;

enum class Kind {
    unknown,
    calendar,      // year, month, day, n1/n2 (numeric, day first), part, shift
    decade,        // decade ("1990" or "90"), part
    quarter,       // quarter (digit, ordinal word, or month), year, fy, shift, part
    half,          // half, year, fy, shift, part
    fiscal_year,   // year, year2, or shift (relative)
    season,        // season, year, shift
    weekday,       // weekday, shift
    day_word,      // dayword (today, yesterday, ...)
    relative,      // unit, shift, part: "last week", "earlier this month"
    ago,           // count, unit, dir: "two years ago"
    duration,      // count, unit, shift: "the past three months"
    span,          // count, unit: "three years", "90 days" (a length, no dates)
    window,        // count, unit, month, day, year: "the six months to June 30"
    range,         // month, month2, year: "the April-June quarter"
    window_start,  // count, unit, year or shift: "the first nine months of 2024"
    window_end,    // count, unit, year or shift: "the final three months of the year"
    same_period,   // grain, year or shift/count: "the same period in 2023"
    holiday,       // holiday, year, shift: "Cyber Monday", "Christmas 2025", "last Easter"
    week,          // week (1-53), year: "week 46", "week 12 of 2025" (an ISO week)
};

Kind kind_from(std::string_view s) {
    static const std::array<std::pair<std::string_view, Kind>, 20> kKinds = {{
        {"calendar", Kind::calendar},       {"decade", Kind::decade},
        {"quarter", Kind::quarter},         {"half", Kind::half},
        {"fiscal_year", Kind::fiscal_year}, {"season", Kind::season},
        {"weekday", Kind::weekday},         {"day_word", Kind::day_word},
        {"relative", Kind::relative},       {"ago", Kind::ago},
        {"duration", Kind::duration},       {"span", Kind::span},
        {"window", Kind::window},           {"range", Kind::range},
        {"window_start", Kind::window_start}, {"window_end", Kind::window_end},
        {"same_period", Kind::same_period}, {"holiday", Kind::holiday},
        {"week", Kind::week},               {"", Kind::unknown},
    }};
    for (const auto& [name, k] : kKinds)
        if (name == s) return k;
    return Kind::unknown;
}

// How an anaphoric date takes its period from the date before it.
enum class Anaphor {
    none,
    year,      // the antecedent's period in the year this mention names ("the same period in 2023")
    shift,     // the antecedent moved by the units this mention counts ("a year earlier", "a week later")
    previous,  // the unit or window just before the antecedent's ("the previous quarter / three months")
    within,    // "the year" is the antecedent's year ("in 2024 ... by the end of the year")
};

struct Spec {
    Kind kind = Kind::unknown;
    int fy_start = 1;                 // first month of a fiscal year
    bool fy_doc = false;              // fy_start=doc: the document's fiscal year (calendar until shown)
    bool check_count = false;         // a bare year: not before a count noun, not part of a number
    bool guard_name = false;          // not inside a name ("the Sunday Times", "USA Today")
    bool guard_next_cap = false;      // no capitalised word right after ("April Smith")
    const WordTable* before = nullptr;     // one of these words must come right before
    const WordTable* not_after = nullptr;  // none of these words may come right after
    const WordTable* not_before = nullptr; // none of these words may come right before
    Anaphor anaphor = Anaphor::none;
    bool paragraph_scope = false;     // antecedent anywhere earlier in the paragraph (else the sentence)
    bool previous_scope = false;      // with none in the sentence, a period in the sentence before
    uint32_t reach = 0;               // if set, the most bytes between antecedent and mention
    bool doc_window = false;          // window=doc: the document's six-month report window, if it has one
    std::optional<Tense> tense;       // set: tense=past|future, instead of reading the sentence
    std::map<std::string, std::string, std::less<>> defaults;  // capture name → word
    // Rules the document pass revisits (anaphoric, fy_start=doc, fiscal years): the pattern
    // again, to read a mention's captures back from its text.
    std::shared_ptr<const RE2> re;
    std::vector<std::string> group_names;  // by group index, "__suffix" dropped
};

// The tense of a mention's sentence, read on first use only (most dates
// carry their year and never need it).
class TenseOf {
public:
    TenseOf() = default;                                     // none
    explicit TenseOf(Tense fixed) : value_(fixed) {}
    TenseOf(const text::Text& text, text::Span span, const Cues& cues) : text_(&text), span_(span), cues_(&cues) {}
    Tense get() const {
        if (!value_) value_ = text_ ? Around{*text_, span_}.tense(*cues_) : Tense::none;
        return *value_;
    }
    // A report noun right after the date ("fourth-quarter results").
    bool report_after() const {
        return text_ && (cues_->of(Around{*text_, span_}.word_after()) & Cues::report_noun);
    }
private:
    const text::Text* text_ = nullptr;
    text::Span span_;
    const Cues* cues_ = nullptr;
    mutable std::optional<Tense> value_;
};

// A resolved date before it goes into the Mention.
struct Resolved {
    cal::Period p;
    bool has_from = true, has_to = true;
    bool relative = false;
    bool unresolved = false;          // needs the publication date, which is missing
};

// A shift word's value: -1 back, 0 current, +1 forward; soft ("the" in "of
// the year") is the current one if it has begun, else the one before.
struct Shift {
    int n = 0;
    bool soft = false;
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

// The occurrence of a yearly period meant when no year is written: the one
// that holds the publication date or is nearest to it (the earlier on a
// tie); a past cue picks the latest that has begun, a future cue the
// earliest that has not ended, unless that one is more than kCueReachDays
// away.
template <class Make>
std::optional<cal::Period> nearest(Make make, int64_t pub, Tense tense) {
    int y0 = cal::civil_from_days(pub).y;
    std::array<std::optional<cal::Period>, 3> c = {make(y0 - 1), make(y0), make(y0 + 1)};
    std::optional<cal::Period> best;
    for (int i = 0; i < 3; ++i)
        if (c[i] && (!best || distance(*c[i], pub) < distance(*best, pub))) best = c[i];
    std::optional<cal::Period> cued;
    if (looks_back(tense)) {
        for (int i = 2; i >= 0 && !cued; --i)
            if (c[i] && c[i]->from <= pub) cued = c[i];
    } else if (tense == Tense::future) {
        for (int i = 0; i < 3 && !cued; ++i)
            if (c[i] && c[i]->to >= pub) cued = c[i];
    }
    if (cued && (distance(*cued, pub) <= kCueReachDays || tense == Tense::begun)) return cued;
    // "had risen 18% since January" in November: a past cue reaches back to
    // anything of the publication year (news names last year's with its year).
    if (cued && tense == Tense::past && cued->from >= cal::days_from_civil(y0, 1, 1)) return cued;
    return best;
}

// "last winter", "last Christmas": the latest occurrence of a yearly period that ended before
// the publication date; "next spring", "next Easter": the first that begins after it. (Years
// around the publication year's: a winter runs into the next year.)
template <class Make>
std::optional<cal::Period> last_before(Make make, int y0, int64_t pub) {
    for (int y = y0 + 1; y >= y0 - 2; --y)
        if (auto c = make(y); c && c->to < pub) return c;
    return std::nullopt;
}
template <class Make>
std::optional<cal::Period> first_after(Make make, int y0, int64_t pub) {
    for (int y = y0 - 1; y <= y0 + 2; ++y)
        if (auto c = make(y); c && c->from > pub) return c;
    return std::nullopt;
}

// A quarter or half with no year: the latest that has ended by the
// publication date, or with a future cue the earliest that has not (unless
// it is more than kCueReachDays away).
std::optional<cal::Period> ended_or_next(const std::vector<cal::Period>& c, int64_t pub, Tense tense) {
    const cal::Period* best = nullptr;
    if (tense == Tense::future) {
        for (const auto& p : c)
            if (p.to >= pub && (!best || p.from < best->from)) best = &p;
        if (best && distance(*best, pub) <= kCueReachDays) return *best;
        best = nullptr;
    }
    for (const auto& p : c)
        if (p.to < pub && (!best || p.from > best->from)) best = &p;
    return best ? std::optional<cal::Period>(*best) : std::nullopt;
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

// The ISO 8601 duration of n units ("" for units that have none).
std::string duration_value(char unit, int n) {
    switch (unit) {
        case 'D': return fmt::format("P{}D", n);
        case 'W': return fmt::format("P{}W", n);
        case 'M': return fmt::format("P{}M", n);
        case 'Q': return fmt::format("P{}M", 3 * n);
        case 'H': return fmt::format("P{}M", 6 * n);
        case 'Y': return fmt::format("P{}Y", n);
        case 'X': return fmt::format("P{}Y", 10 * n);
        default: return "";
    }
}

// Months in one unit, for windows ("the six months to June", "the year to March").
int unit_months(char unit) { return unit == 'M' ? 1 : unit == 'Q' ? 3 : unit == 'H' ? 6 : unit == 'Y' ? 12 : 0; }

bool capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// The end year of the fiscal year (starting in start_month) that holds a day.
int fiscal_year_of(int64_t day, int start_month) {
    cal::Ymd d = cal::civil_from_days(day);
    return start_month > 1 && d.m >= start_month ? d.y + 1 : d.y;
}

// Is there a sentence end between two analysis offsets? ". X" with X a
// capital letter, or "?" / "!". Abbreviations before a number ("Sept. 30")
// are not one, whatever the sentence splitter thought.
bool sentence_end_between(const std::string& a, uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to; ++i) {
        char c = a[i];
        if (c == '?' || c == '!') return true;
        if (c == '.' && i + 1 < to && i + 2 < a.size() && a[i + 1] == ' ' && a[i + 2] >= 'A' && a[i + 2] <= 'Z')
            return true;
    }
    return false;
}

// The day a holiday falls on in year y by its row of rules/dates/holidays.tsv ("12-25",
// "4 Thu 11", "after Thanksgiving +1", "easter -2", "dates 2026-02-17,..."); nullopt when the
// row does not say (a year a `dates` row lacks, a malformed row). `depth` bounds `after` chains.
std::optional<int64_t> holiday_day(std::string_view rule, int y, const WordTable& holidays, const WordTable& weekdays,
                                   int depth = 0) {
    auto num = [](std::string_view s) -> std::optional<int> {
        int v = 0;
        bool neg = !s.empty() && (s[0] == '-' || s[0] == '+');
        bool minus = !s.empty() && s[0] == '-';
        if (neg) s.remove_prefix(1);
        if (s.empty()) return std::nullopt;
        for (char c : s) {
            if (c < '0' || c > '9') return std::nullopt;
            v = v * 10 + (c - '0');
        }
        return minus ? -v : v;
    };
    const std::vector<std::string_view> w = space_words(rule);
    if (w.size() == 1 && w[0].size() == 5 && w[0][2] == '-') {  // MM-DD
        auto m = num(w[0].substr(0, 2)), d = num(w[0].substr(3));
        if (!m || !d || *m < 1 || *m > 12 || *d < 1 || *d > cal::month_length(y, *m)) return std::nullopt;
        return cal::days_from_civil(y, *m, *d);
    }
    if (w.size() == 2 && w[0] == "easter") {
        auto off = num(w[1]);
        if (!off) return std::nullopt;
        return cal::easter(y) + *off;
    }
    if (w.size() == 2 && w[0] == "dates") {
        for (size_t i = 0; i + 10 <= w[1].size(); i += 11)
            if (num(w[1].substr(i, 4)) == y) {
                auto m = num(w[1].substr(i + 5, 2)), d = num(w[1].substr(i + 8, 2));
                if (!m || !d) return std::nullopt;
                return cal::days_from_civil(y, *m, *d);
            }
        return std::nullopt;
    }
    if (w.size() >= 3 && w[0] == "after") {  // after NAME WORDS ±D
        auto off = num(w.back());
        if (!off || depth > 4) return std::nullopt;
        std::string name(w[1]);
        for (size_t i = 2; i + 1 < w.size(); ++i) name += ' ', name += w[i];
        const std::string* base = holidays.find(name);
        if (!base) return std::nullopt;
        auto d = holiday_day(*base, y, holidays, weekdays, depth + 1);
        if (!d) return std::nullopt;
        return *d + *off;
    }
    if (w.size() == 3) {  // N WD MM: the N-th (-1: last) weekday of a month (WD as weekdays.tsv has it)
        const int wd = weekdays.number(w[1]).value_or(0);
        auto n = num(w[0]), m = num(w[2]);
        if (wd < 1 || wd > 7 || !n || !m || *m < 1 || *m > 12 || *n == 0 || *n > 5 || *n < -1) return std::nullopt;
        if (*n > 0) {
            int64_t first = cal::days_from_civil(y, *m, 1);
            int64_t d = first + (wd - cal::weekday(first) + 7) % 7 + 7 * (*n - 1);
            return cal::civil_from_days(d).m == *m ? std::optional<int64_t>(d) : std::nullopt;
        }
        int64_t last = cal::days_from_civil(y, *m, cal::month_length(y, *m));
        return last - (cal::weekday(last) - wd + 7) % 7;
    }
    return std::nullopt;
}

}  // namespace

struct DatesNormaliser::Impl {
    WordTable months, weekdays, ordinals, numbers, seasons, parts, shifts, units, day_words, holidays;
    WordTable count_nouns, guard_ok, articles;
    Cues cues;
    std::map<std::string, WordTable, std::less<>> context_lists;  // node-stable: Specs point into it
    std::unordered_map<const rules::Rule*, Spec> specs;
    FlatMap<const Spec*> by_id;

    // The captures of one mention, from its raw match or read back from its
    // text; a rule's default word stands in for a capture it lacks.
    struct Fields {
        const Spec& spec;
        const rules::RawMention* raw = nullptr;
        const text::Text* text = nullptr;
        const std::vector<re2::StringPiece>* groups = nullptr;
        std::string_view get(std::string_view name) const {
            if (raw) {
                if (auto s = capture_of(*raw, name)) return text->analysis_slice(*s);
            } else if (groups) {
                for (size_t g = 1; g < groups->size(); ++g)
                    if (spec.group_names[g] == name && (*groups)[g].data())
                        return {(*groups)[g].data(), (*groups)[g].size()};
            }
            if (auto it = spec.defaults.find(name); it != spec.defaults.end()) return it->second;
            return {};
        }
    };

    bool guards_pass(const Spec& spec, const rules::RawMention& raw, const text::Text& text) const;
    // anchored: pub is not the publication date but the date an anaphoric
    // mention hangs on ("in 2024 ... by the end of the year"), so a soft
    // shift ("of the year") means that date's period as it is.
    std::optional<Resolved> resolve(const Fields& f, std::optional<int64_t> pub, const TenseOf& tense,
                                    int fy_start, bool anchored = false) const;
    const WordTable* context_list(const rules::RuleSet& rules, const std::string& name);

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
    std::optional<Shift> shift_of(std::string_view s) const {
        const std::string* v = shifts.find(s);
        if (!v || v->empty()) return std::nullopt;
        std::string_view t = *v;
        Shift sh;
        if (t[0] == '~') {
            sh.soft = true;
            t.remove_prefix(1);
        }
        bool neg = !t.empty() && t[0] == '-';
        if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
        auto n = parse_int(t);
        if (!n) return std::nullopt;
        sh.n = neg ? -*n : *n;
        return sh;
    }
};

const WordTable* DatesNormaliser::Impl::context_list(const rules::RuleSet& rules, const std::string& name) {
    auto it = context_lists.find(name);
    if (it == context_lists.end()) it = context_lists.emplace(name, WordTable::from_list(rules.list(name))).first;
    return &it->second;
}

DatesNormaliser::DatesNormaliser(const rules::RuleSet& rules) : impl_(std::make_unique<Impl>()) {
    Impl& I = *impl_;
    I.months = WordTable::from_table(rules.table("DATE_MONTHS"));
    I.weekdays = WordTable::from_table(rules.table("DATE_WEEKDAYS"));
    I.ordinals = WordTable::from_table(rules.table("DATE_ORDINALS"));
    I.numbers = WordTable::from_table(rules.table("DATE_NUMBERS"));
    I.seasons = WordTable::from_table(rules.table("DATE_SEASONS"));
    I.holidays = WordTable::from_table(rules.table("DATE_HOLIDAYS"));
    I.parts = WordTable::from_table(rules.table("DATE_PARTS"));
    I.shifts = WordTable::from_table(rules.table("DATE_SHIFTS"));
    I.units = WordTable::from_table(rules.table("DATE_UNITS"));
    I.day_words = WordTable::from_table(rules.table("DATE_DAY_WORDS"));
    I.cues.add(rules.list("DATE_FUTURE_CUE"), Cues::future);
    I.cues.add(rules.list("DATE_PAST_CUE"), Cues::past);
    I.cues.add(rules.list("DATE_FUTURE_ADJACENT_CUE"), Cues::future_adjacent);
    I.cues.add(rules.list("DATE_PASSIVE_AUX"), Cues::passive);
    I.cues.add(rules.list("DATE_PAST_AUX"), Cues::past_aux);
    I.cues.add(rules.list("DATE_REPORT_NOUN"), Cues::report_noun);
    I.cues.add(rules.list("DATE_REPORT_PREP"), Cues::report_prep);
    I.cues.add(rules.list("DATE_SPEECH_CUE"), Cues::speech);
    I.cues.add(rules.list("DATE_NOUN_CUE"), Cues::noun_cue);
    I.cues.add(rules.list("DATE_NOUN_CUE_BEFORE"), Cues::noun_before);
    I.cues.add(rules.list("DATE_ESTIMATE_CUE"), Cues::estimate);
    I.cues.add(rules.list("DATE_FIGURE_END"), Cues::figure_end);
    I.cues.add(rules.list("DATE_COMPARED_CUE"), Cues::compared_cue);
    I.cues.add(rules.list("DATE_COMPARED_PREP"), Cues::compared_prep);
    I.cues.add(rules.list("DATE_COMPARED_APPROX"), Cues::compared_approx);
    I.cues.add(rules.list("DATE_BOUNDARY_WORD"), Cues::boundary);
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
                // "doc": the document's fiscal year (calendar until the text shows one); "doc:7":
                // the document's, else one starting in that month (a crop season's)
                s.fy_doc = val.rfind("doc", 0) == 0;
                auto n = parse_int(s.fy_doc ? (val.size() > 4 && val[3] == ':' ? val.substr(4) : std::string()) : val);
                s.fy_start = n && *n >= 1 && *n <= 12 ? *n : 1;
            } else if (key == "check") {
                // A comma-separated list: count, name, nocap.
                for (size_t b = 0; b <= val.size();) {
                    size_t e = std::min(val.find(',', b), val.size());
                    std::string_view c = std::string_view(val).substr(b, e - b);
                    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
                    while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
                    s.check_count |= c == "count";
                    s.guard_name |= c == "name";
                    s.guard_next_cap |= c == "nocap";
                    b = e + 1;
                }
            } else if (key == "before") {
                s.before = I.context_list(rules, val);
            } else if (key == "not_after") {
                s.not_after = I.context_list(rules, val);
            } else if (key == "not_before") {
                s.not_before = I.context_list(rules, val);
            } else if (key == "anaphor") {
                s.anaphor = val == "year" ? Anaphor::year : val == "shift" ? Anaphor::shift
                          : val == "previous" ? Anaphor::previous : val == "within" ? Anaphor::within
                          : Anaphor::none;
            } else if (key == "scope") {
                s.paragraph_scope = val == "paragraph";
                s.previous_scope = val == "previous";
            } else if (key == "tense") {
                s.tense = val == "past" ? Tense::past : val == "future" ? Tense::future : Tense::none;
            } else if (key == "window") {
                s.doc_window = val == "doc";
            } else if (key == "reach") {
                s.reach = static_cast<uint32_t>(parse_int(val).value_or(0));
            } else {
                s.defaults[key] = val;
            }
        }
        if ((s.anaphor != Anaphor::none || s.fy_doc || s.kind == Kind::fiscal_year) && !r->pattern.empty()) {
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
    if (spec.not_after && around.bytes_after(1) == " " && spec.not_after->contains(around.word_after())) return false;
    if (spec.not_before && around.bytes_before(1) == " " && spec.not_before->contains(around.word_before())) return false;
    if (spec.check_count) {
        // Part of a number ("2024.5", "1.2024", "2024%", "$2024") or a count
        // ("2023 employees") rather than a year.
        std::string_view b = around.bytes_before(2), a = around.bytes_after(2);
        auto digit = [](char c) { return c >= '0' && c <= '9'; };
        if (b.size() == 2 && (b[1] == '.' || b[1] == ',') && digit(b[0])) return false;
        if (!b.empty() && (b.back() == '$' || b.back() == '#')) return false;
        if (a.size() == 2 && (a[0] == '.' || a[0] == ',') && digit(a[1])) return false;
        if (!a.empty() && a[0] == '%') return false;
        if (!a.empty() && a[0] == ' ' && count_nouns.contains(around.word_after())) return false;
    }
    if (spec.guard_next_cap && around.bytes_after(1) == " " && capitalised(around.word_after())) return false;
    if (spec.guard_name) {
        // "the Sunday Times": an article before and a capitalised word after.
        std::string_view prev = around.word_before();
        if (articles.contains(prev) && around.bytes_after(1) == " " && capitalised(around.word_after())) return false;
        // "USA Today", "Black Friday": a capitalised word right before that
        // is not a preposition or other word that leads into a date.
        std::string_view self = text.analysis_slice(raw.span);
        if (capitalised(self) && capitalised(prev) && around.bytes_before(1) == " " && !guard_ok.contains(prev))
            return false;
    }
    return true;
}

std::optional<Resolved> DatesNormaliser::Impl::resolve(const Fields& f, std::optional<int64_t> pub,
                                                       const TenseOf& tense, int fy_start, bool anchored) const {
    const Spec& spec = f.spec;
    std::optional<int> pub_year;
    if (pub) pub_year = cal::civil_from_days(*pub).y;
    auto needs_pub = []() -> std::optional<Resolved> {
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
        Resolved r;
        r.p = std::move(p);
        r.relative = relative;
        return r;
    };
    std::optional<int> year;
    if (std::string_view ys = f.get("year"); !ys.empty()) {
        year = parse_year(ys, pub_year);
        if (!year) return std::nullopt;
    }
    // ("October last year", "March next year": the month of the year the shift names)
    const bool yshifted = !f.get("yshift").empty();
    if (auto ys = f.get("yshift"); !ys.empty()) {
        auto sh = shift_of(ys);
        if (!sh) return std::nullopt;
        if (!pub) return needs_pub();
        year = *pub_year + sh->n;
    }
    std::optional<Shift> shift;
    if (auto s = f.get("shift"); !s.empty()) {
        shift = shift_of(s);
        if (!shift) return std::nullopt;
    }
    // The year a relative "of the year" phrase names: the publication
    // year's, but a soft one ("of the year") not yet begun, without a future
    // cue, is last year's ("the final three months of the year" in January).
    // ... and, with a past cue, one that has not ended ("averaged 9 million
    // barrels a day in the first nine months of the year" in January).
    auto soft_last_year = [&](const cal::Period& p) {
        return p.from > *pub + kSoftReachDays || (looks_back(tense.get()) && p.to > *pub);
    };
    auto year_for = [&](auto make) {
        int y = *pub_year + shift->n;
        if (shift->soft && !anchored && tense.get() != Tense::future) {
            auto p = make(y);
            if (p && soft_last_year(*p)) --y;
        }
        return y;
    };

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
            // "July 30-31": the first day is the value, the range from/to.
            int d2 = 0;
            if (auto ds2 = f.get("day2"); !ds2.empty() && d) {
                d2 = parse_int(ds2).value_or(0);
                if (d2 <= d) d2 = 0;
            }
            auto with_range = [&](cal::Period p) {
                cal::Ymd s = cal::civil_from_days(p.from);
                if (d2 && d2 <= cal::month_length(s.y, s.m)) p.to = cal::days_from_civil(s.y, s.m, d2);
                return p;
            };
            if (year) {
                auto p = make(*year);
                if (!p) return std::nullopt;
                return finish(with_range(*p), yshifted);
            }
            if (!m) return std::nullopt;
            if (!pub) return needs_pub();
            std::optional<cal::Period> p;
            if (shift) {
                // "last August", "next March": the nearest one strictly
                // before / after the publication month; "this August": the
                // publication year's.
                int y0 = *pub_year;
                auto here = make(y0);
                if (shift->n == 0) p = here;
                else if (shift->n < 0) p = make(here && here->to < *pub ? y0 : y0 - 1);
                else p = make(here && here->from > *pub ? y0 : y0 + 1);
            } else {
                p = nearest(make, *pub, tense.get());
            }
            if (!p) return std::nullopt;
            return finish(with_range(*p), true);
        }

        case Kind::decade: {
            std::string_view ds = digits_of(f.get("decade"));
            auto n = parse_int(ds);
            if (!n) return std::nullopt;
            int first = *n;
            if (ds.size() < 4 || ds[2] < '0' || ds[2] > '9') {
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
                if (!n) return std::nullopt;
                if (*n == 0) n = last;  // "the final quarter"
            } else if (auto ms = f.get("month"); !ms.empty()) {
                // "the March quarter": the quarter that holds the month.
                if (auto m = month_of(ms)) n = is_q ? (*m - 1) / 3 + 1 : (*m - 1) / 6 + 1;
                if (!n) return std::nullopt;
            }  // else "half-year": whichever half
            if (n && (*n < 1 || *n > last)) return std::nullopt;
            bool fiscal = !f.get("fy").empty();
            auto make1 = [&](int y, int k) -> cal::Period {
                if (fiscal) return is_q ? cal::fiscal_quarter(y, k, fy_start) : cal::fiscal_half(y, k, fy_start);
                return is_q ? cal::quarter(y, k) : cal::half(y, k);
            };
            if (year) {
                if (!n) return std::nullopt;
                return finish(make1(*year, *n), false);
            }
            if (!pub) return needs_pub();
            // Years of the candidates: fiscal years by their end year.
            int y0 = fiscal ? fiscal_year_of(*pub, fy_start) : *pub_year;
            if (shift) {
                if (!n) return std::nullopt;
                int y = y0 + shift->n;
                if (shift->soft && !anchored && tense.get() != Tense::future && soft_last_year(make1(y, *n))) --y;
                return finish(make1(y, *n), true);
            }
            std::vector<cal::Period> c;
            if (fiscal && n && spec.fy_doc && fy_start == 1) {
                // "its fiscal third quarter" in a document that does not date its fiscal year:
                // a company reports the quarter (half) that has just ended (or, with a future
                // cue, the one under way), so it is the latest calendar quarter (half) that
                // has ended, and the fiscal year is the one that ends (last - n) quarters
                // (halves) later, named by the year it ends in.
                for (int y = *pub_year - 1; y <= *pub_year + 1; ++y)
                    for (int k = 1; k <= last; ++k) c.push_back(is_q ? cal::quarter(y, k) : cal::half(y, k));
                auto p = ended_or_next(c, *pub, tense.get());
                if (!p) return std::nullopt;
                cal::Ymd e = cal::civil_from_days(p->to);
                int end_month = e.m + (last - *n) * (is_q ? 3 : 6);
                int end_year = e.y + (end_month - 1) / 12;
                p->timex = fmt::format("FY{:04d}-{}{}", end_year, is_q ? 'Q' : 'H', *n);
                return finish(*p, true);
            }
            for (int y = y0 - 1; y <= y0 + 1; ++y)
                for (int k = 1; k <= last; ++k)
                    if (!n || k == *n) c.push_back(make1(y, k));
            auto p = ended_or_next(c, *pub, tense.get());
            // "will report fourth-quarter results on Thursday" (in January): a report is of a
            // period that has begun; the one under way or, if that is not it, the last ended.
            if (p && p->from > *pub && tense.get() == Tense::future && tense.report_after())
                p = ended_or_next(c, *pub, Tense::none);
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::fiscal_year: {
            if (!year) {
                // "this financial year", "the current fiscal year".
                if (!shift) return std::nullopt;
                if (!pub) return needs_pub();
                return finish(cal::fiscal_year(fiscal_year_of(*pub, fy_start) + shift->n, fy_start), true);
            }
            std::string_view y2s = digits_of(f.get("year2"));
            if (y2s.empty()) return finish(cal::fiscal_year(*year, fy_start), false);
            auto n2 = parse_int(y2s);
            if (!n2) return std::nullopt;
            int y2 = y2s.size() >= 4 ? *n2 : (*year / 100) * 100 + *n2;
            if (y2s.size() < 4 && y2 < *year) y2 += 100;  // "1999-00"
            if (y2 == *year + 1) return finish(cal::fiscal_year(y2, fy_start), false);
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
            if (shift && shift->n < 0) {
                p = last_before(make, y0, *pub);
            } else if (shift && shift->n > 0) {
                p = first_after(make, y0, *pub);
            } else {
                p = nearest(make, *pub, shift ? Tense::none : tense.get());
            }
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::week: {
            // An ISO week by its number: the year's when written, else the occurrence nearest the
            // publication date (the latest begun with a past cue), as for a season.
            auto n = parse_int(f.get("week"));
            if (!n || *n < 1 || *n > 53) return std::nullopt;
            auto make = [&](int y) -> std::optional<cal::Period> {
                cal::Period p = cal::week(y, *n);
                if (p.timex.compare(0, 4, fmt::format("{:04d}", y)) != 0) return std::nullopt;  // no week 53
                return p;
            };
            if (year) {
                auto p = make(*year);
                if (!p) return std::nullopt;
                return finish(*p, false);
            }
            if (!pub) return needs_pub();
            auto p = nearest(make, *pub, tense.get());
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::holiday: {
            // (the name with its white space as one space: "New Year's\nDay")
            const std::string* rule = holidays.find(names::squeeze(f.get("holiday")));
            if (!rule) return std::nullopt;
            auto make = [&](int y) -> std::optional<cal::Period> {
                auto d = holiday_day(*rule, y, holidays, weekdays);
                if (!d) return std::nullopt;
                return cal::day(*d);
            };
            if (year) {
                auto p = make(*year);
                if (!p) return std::nullopt;
                return finish(*p, false);
            }
            if (!pub) return needs_pub();
            std::optional<cal::Period> p;
            int y0 = *pub_year;
            if (shift && shift->n < 0) {  // "last Christmas"
                p = last_before(make, y0, *pub);
            } else if (shift && shift->n > 0) {  // "next Easter"
                p = first_after(make, y0, *pub);
            } else if (shift) {
                p = make(y0);  // "this Christmas": the publication year's
            } else {
                p = nearest(make, *pub, tense.get());
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
            if (shift && shift->n < 0) d = *pub - (back ? back : 7);
            else if (shift && shift->n > 0) d = *pub + (ahead ? ahead : 7);
            else if (shift) d = *pub - (pw - 1) + (*wd - 1);
            else if (tense.get() == Tense::future) d = *pub + ahead;
            else d = *pub - back;
            return finish(cal::day(d), true);
        }

        case Kind::day_word: {
            if (!f.get("session").empty()) {
                // "the previous session": the last weekday before publication
                if (!pub) return needs_pub();
                int64_t d = *pub - 1;
                while (cal::weekday(d) > 5) --d;
                return finish(cal::day(d), true);
            }
            auto off = day_words.number(f.get("dayword"));
            if (!off) return std::nullopt;
            if (!pub) return needs_pub();
            return finish(cal::day(*pub + *off), true);
        }

        case Kind::relative: {
            char u = unit_of(f.get("unit"));
            if (!u || !shift) return std::nullopt;
            if (!pub) return needs_pub();
            // ("full-year" with fy_start=doc, in a document whose fiscal year is not the
            // calendar's: "the fiscal year ending March 2027 ... full-year profit" is FY2027)
            if (u == 'Y' && spec.fy_doc && fy_start != 1)
                return finish(cal::fiscal_year(fiscal_year_of(*pub, fy_start) + shift->n, fy_start), true);
            auto p = cal::unit_period(u, *pub, shift->n);
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::ago: {
            char u = unit_of(f.get("unit"));
            auto n = count_of(f.get("count"));
            auto dir = shift_of(f.get("dir"));
            if (!u || !n || *n <= 0 || !dir || dir->n == 0) return std::nullopt;
            if (!pub) return needs_pub();
            auto target = move(*pub, u, dir->n * *n);
            if (!target) return std::nullopt;
            auto p = cal::unit_period(u == 'X' ? 'Y' : u, *target, 0);
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::duration: {
            std::string_view unit_s = f.get("unit");
            char u = unit_of(unit_s);
            if (!u || u == 'E' || u == 'P' || !shift || shift->n == 0) return std::nullopt;
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
            // A count that is not said is X: "the coming months" is PXM.
            d.p.timex = n ? duration_value(u, n) : duration_value(u, 1).replace(1, 1, "X");
            if (shift->n < 0) {
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

        case Kind::span: {
            char u = unit_of(f.get("unit"));
            auto n = count_of(f.get("count"));
            if (!u || !n || *n <= 0) return std::nullopt;
            Resolved d;
            d.p.timex = duration_value(u, *n);
            if (d.p.timex.empty()) return std::nullopt;
            d.has_from = d.has_to = false;
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
            // A window of weeks or days ending on a weekday ("the week to Thursday", "the five
            // days to Friday"): it ends on the last such day up to publication (session 20).
            if (auto ws = f.get("weekday"); !ws.empty()) {
                auto wd = weekdays.number(ws);
                if (!wd || *wd < 1 || *wd > 7 || (u != 'W' && u != 'D')) return std::nullopt;
                if (!pub) return needs_pub();
                const int64_t end = *pub - (cal::weekday(*pub) - *wd + 7) % 7;
                cal::Period w;
                w.from = end - (u == 'W' ? 7 : 1) * static_cast<int64_t>(n) + 1;
                w.to = end;
                w.timex = duration_value(u, n);
                if (w.timex.empty()) return std::nullopt;
                return finish(w, true);
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
                end_month = nearest([&](int y) -> std::optional<cal::Period> { return cal::month(y, *m); }, *pub, tense.get());
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
                // Not a calendar period: "the year to May" is P1Y, "the 12
                // months to March" P12M; "the fiscal year ended March 2025"
                // is a fiscal year, named by the year it ends in.
                // (so is a year to a month other than December with the year named, as
                // results and forecasts state it: "the year to March 2027"; "the year to May",
                // yearless, is the 12 months before, an annual rate's window)
                if ((!f.get("fy").empty() || year) && u == 'Y' && n == 1 && em.m != 12 && f.get("count").empty())
                    p.timex = fmt::format("FY{:04d}", em.y);
                else if (p.timex[0] == 'P')
                    p.timex = duration_value(u, n);
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
            auto p = shift ? make(year_for(make)) : nearest(make, *pub, tense.get());
            if (!p) return std::nullopt;
            return finish(*p, true);
        }

        case Kind::window_start:
        case Kind::window_end: {
            char u = unit_of(f.get("unit"));
            auto n = count_of(f.get("count"));
            if (!u || !n || *n <= 0 || !unit_months(u) || *n * unit_months(u) > 12) return std::nullopt;
            int len = *n * unit_months(u);
            auto make = [&](int y) -> std::optional<cal::Period> {
                int64_t first = spec.kind == Kind::window_start ? cal::month_index(y, 1) : cal::month_index(y, 13 - len);
                return cal::months_window(first, first + len - 1);
            };
            if (year) return finish(*make(*year), false);
            if (!pub) return needs_pub();
            if (!shift) shift = Shift{0, true};
            return finish(*make(year_for(make)), true);
        }

        case Kind::same_period: {
            // The year it names; the document pass narrows it to the part of
            // the year the date before it names.
            if (year) return finish(cal::year(*year), false);
            int delta = shift ? shift->n : -1;
            if (auto cs = f.get("count"); !cs.empty()) {
                auto n = count_of(cs);
                auto dir = shift_of(f.get("dir"));
                if (!n || !dir) return std::nullopt;
                delta = *n * dir->n;
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
    TenseOf tense = spec.tense ? TenseOf(*spec.tense) : TenseOf(text, raw.span, I.cues);
    Impl::Fields f{spec, &raw, &text, nullptr};
    auto r = I.resolve(f, pub, tense, spec.fy_start);
    if (!r) return false;
    if (auto d = raw.capture("date")) out.span = *d;  // the rest of the match was context
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
        const Spec* const* s = I.by_id.find(m.rule);
        return s ? *s : nullptr;
    };
    std::vector<re2::StringPiece> groups;
    // Reads a mention's captures back from its text (rules with `re`).
    auto rematch = [&](const Spec& spec, const Mention& m) {
        if (!spec.re) return false;
        std::string_view span_text = text.analysis_slice(m.span);
        groups.assign(spec.group_names.size(), re2::StringPiece());
        return spec.re->Match(span_text, 0, span_text.size(), RE2::ANCHOR_BOTH, groups.data(),
                              static_cast<int>(groups.size()));
    };

    // 1. The document's fiscal year: the start month of the first fiscal
    // period whose text gives it ("2023-24", "the fiscal year ended March
    // 2025"), or of a year-long window set beside a fiscal year ("fiscal
    // 2025, the year to June 30, 2025").
    int doc_fy_start = 1;
    auto beside_fiscal = [&](const Mention& w) {
        for (const Mention& o : mentions) {
            const Spec* s = spec_of(o);
            if (!s || !s->fy_doc) continue;
            uint32_t gap = o.span.end <= w.span.begin ? w.span.begin - o.span.end
                         : w.span.end <= o.span.begin ? o.span.begin - w.span.end : 0;
            if (gap <= 8) return true;
        }
        return false;
    };
    // A fiscal year the text says ends on a day or in a month ("the current fiscal year, which
    // ends on June 30", "fiscal 2026, ending September 30"): the year starts the month after,
    // whatever the fiscal years' own rules assume ("2025/26" is April unless the text says).
    int stated_fy_start = 0;
    {
        const std::string& a0 = text.analysis();
        const Mention* fiscal_before = nullptr;
        for (const Mention& m : mentions) {
            if (m.type != Type::date) continue;
            if (m.timex.compare(0, 2, "FY") == 0) {
                fiscal_before = &m;
                continue;
            }
            if (!fiscal_before || m.span.begin < fiscal_before->span.end || m.span.begin - fiscal_before->span.end > 30 ||
                m.timex.size() < 7 || m.timex[4] != '-' || m.timex[5] < '0' || m.timex[5] > '1')
                continue;
            std::string between = a0.substr(fiscal_before->span.end, m.span.begin - fiscal_before->span.end);
            for (char& c : between) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (between.find("end") == std::string::npos || between.find('.') != std::string::npos) continue;
            const int month = (m.timex[5] - '0') * 10 + (m.timex[6] - '0');
            if (month >= 1 && month <= 12) {
                stated_fy_start = month % 12 + 1;
                break;
            }
        }
    }
    // A quarter window that ends at a month no calendar quarter ends in ("the three months ended
    // Oct. 31": a Canadian bank's quarter, a retailer's) states the document's fiscal quarters:
    // the first yearless quarter its opening names ("fourth-quarter profit") is that window, so
    // the fiscal year starts 3n months before the window's end (Q4 to October: November).
    bool window_fy = false;
    if (pub && !stated_fy_start) {
        const Mention* window = nullptr;
        for (const Mention& m : mentions) {
            if (m.type != Type::date || m.timex != "P3M" || m.from.empty() || m.to.empty()) continue;
            auto to = cal::parse_iso(m.to);
            if (!to || *to > *pub || *pub - *to > 120) continue;
            const cal::Ymd end = cal::civil_from_days(*to);
            if (end.m % 3 == 0 || cal::civil_from_days(*to + 1).d != 1) continue;
            window = &m;
            break;
        }
        if (window)
            for (const Mention& m : mentions) {
                const Spec* s = spec_of(m);
                if (!s || s->kind != Kind::quarter || s->fy_doc || !m.relative || m.timex.size() != 7 ||
                    m.timex[5] != 'Q' || text.paragraph_index(m.span.begin) > 2)
                    continue;
                const int n = m.timex[6] - '0', end_month = cal::civil_from_days(*cal::parse_iso(window->to)).m;
                stated_fy_start = ((end_month - 3 * n) % 12 + 12) % 12 + 1;
                window_fy = true;
                break;
            }
    }
    // "the fiscal year ending Jan. 30" (no year): the fiscal year under way, named by the year it
    // ends in (FY2027 when it ends on 30 January 2027); it starts the day after that day a year
    // earlier, and states the document's fiscal year.
    std::vector<const Mention*> fy_ending;  // (resolved here: not again below)
    if (pub)
        for (Mention& m : mentions) {
            if (m.type != Type::date || !(m.timex == "P1Y" || (m.timex.size() == 6 && m.timex.compare(0, 2, "FY") == 0)) ||
                m.to.empty() || m.from.empty())
                continue;
            std::string low = text.analysis().substr(m.span.begin, m.span.end - m.span.begin);
            for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (low.find("fiscal year ending") == std::string::npos && low.find("financial year ending") == std::string::npos)
                continue;
            size_t run = 0, longest = 0;
            for (char c : low) longest = std::max(longest, run = (c >= '0' && c <= '9') ? run + 1 : 0);
            if (longest >= 4) continue;  // (a year of its own: resolved as written)
            auto from = cal::parse_iso(m.from), to = cal::parse_iso(m.to);
            if (!from || !to) continue;
            cal::Period p{m.timex, *from, *to};
            while (p.to < *pub) p = cal::shift_by(p, 'Y', 1);
            const cal::Ymd end = cal::civil_from_days(p.to);
            m.timex = fmt::format("FY{:04d}", end.y);
            m.from = cal::iso(p.from);
            m.to = cal::iso(p.to);
            fy_ending.push_back(&m);
            if (!stated_fy_start) stated_fy_start = end.d >= 28 ? end.m % 12 + 1 : end.m;
        }
    for (const Mention& m : mentions) {
        if (stated_fy_start) {
            doc_fy_start = stated_fy_start;
            break;
        }
        const Spec* s = spec_of(m);
        if (!s || s->fy_doc || m.from.empty()) continue;
        bool fiscal = m.timex.substr(0, 2) == "FY";
        if (!fiscal && !(m.timex == "P1Y" && beside_fiscal(m))) continue;
        if (auto from = cal::parse_iso(m.from)) {
            cal::Ymd d = cal::civil_from_days(*from);
            if (d.d == 1 && d.m != 1) {
                doc_fy_start = d.m;
                break;
            }
        }
    }
    // A document whose money is mostly rupees tells of Indian companies or government, which
    // report by fiscal years running April to March ("fiscal 2027" ends in March 2027).
    bool rupee_doc = false;
    {
        size_t money = 0, inr = 0;
        for (const Mention& m : mentions)
            if (m.type == Type::money) {
                ++money;
                inr += m.currency == "INR";
            }
        rupee_doc = money >= 2 && inr * 2 > money;
    }
    if (rupee_doc && doc_fy_start == 1) doc_fy_start = 4;
    if (doc_fy_start != 1) {
        for (Mention& m : mentions) {
            const Spec* s = spec_of(m);
            // (a fiscal year the text states the end of holds for every fiscal year of the story)
            const bool restate = stated_fy_start && s && s->kind == Kind::fiscal_year;
            if (!s || !(s->fy_doc || restate) || m.timex.empty() || !rematch(*s, m)) continue;
            if (std::find(fy_ending.begin(), fy_ending.end(), &m) != fy_ending.end()) continue;
            TenseOf tense(text, m.span, I.cues);
            auto r = I.resolve(Impl::Fields{*s, nullptr, nullptr, &groups}, pub, tense, doc_fy_start);
            if (!r || r->unresolved) continue;
            m.timex = r->p.timex;
            m.from = r->has_from ? cal::iso(r->p.from) : "";
            m.to = r->has_to ? cal::iso(r->p.to) : "";
        }
    }

    // 1b. A yearless quarter or half before a fiscal one of the document with the same number
    // (the headline's "Third-quarter operating profit up 24%" over the lead's "its fiscal third
    // quarter") is that fiscal period: a results story says "fiscal" once. (Not one after it:
    // another company's "third quarter" later in the story is its own.)
    for (const Mention& f : mentions) {
        const Spec* fs = spec_of(f);
        if (!fs || (fs->kind != Kind::quarter && fs->kind != Kind::half) || !f.relative ||
            f.timex.size() < 9 || f.timex.compare(0, 2, "FY") != 0)
            continue;
        std::string_view label = std::string_view(f.timex).substr(f.timex.size() - 2);  // "Q3"
        for (Mention& m : mentions) {
            const Spec* s = spec_of(m);
            if (!s || s->kind != fs->kind || s->fy_doc || !m.relative || m.timex.size() != 7 ||
                m.span.begin >= f.span.begin ||
                std::string_view(m.timex).substr(5) != label)
                continue;
            m.timex = f.timex;
            m.from = f.from;
            m.to = f.to;
        }
        break;
    }

    // 1c. In a rupee document (above) a yearless quarter or half that names no month ("Q1", "the
    // first quarter", "first-half") is an April fiscal period: "Q1" in a July results story is
    // FY2027-Q1 (April-June), not January-March.
    // (The same in a document whose quarter window states its fiscal quarters, above.)
    if (pub && ((doc_fy_start == 4 && rupee_doc) || window_fy)) {
        const int pub_year = cal::civil_from_days(*pub).y;
        for (Mention& m : mentions) {
            const Spec* s = spec_of(m);
            if (!s || (s->kind != Kind::quarter && s->kind != Kind::half) || s->fy_doc || !m.relative ||
                m.timex.size() != 7 || (m.timex[5] != 'Q' && m.timex[5] != 'H'))
                continue;
            // (not one that names a month: "the quarter ended March", "the March quarter")
            std::string_view mt = text.analysis_slice(m.span);
            bool month = false;
            for (size_t b = 0; b < mt.size() && !month;) {
                size_t e = b;
                while (e < mt.size() && std::isalpha(static_cast<unsigned char>(mt[e]))) ++e;
                if (e > b) month = I.month_of(mt.substr(b, e - b)).has_value();
                b = e + 1;
            }
            if (month) continue;
            const bool is_q = m.timex[5] == 'Q';
            const int n = m.timex[6] - '0';
            std::vector<cal::Period> c;
            for (int y = pub_year - 1; y <= pub_year + 2; ++y)
                c.push_back(is_q ? cal::fiscal_quarter(y, n, doc_fy_start) : cal::fiscal_half(y, n, doc_fy_start));
            auto p = ended_or_next(c, *pub, TenseOf(text, m.span, I.cues).get());
            if (!p) continue;
            m.timex = p->timex;
            m.from = cal::iso(p->from);
            m.to = cal::iso(p->to);
        }
    }

    // 1d. "half-year" (window=doc) in a document that states its half as a window ending at a
    // month ("the six months through September", a fiscal half) is that window: the
    // headline's "half-year operating profit" is the body's six months, not a calendar half.
    if (pub) {
        const Mention* window = nullptr;
        for (const Mention& m : mentions)
            if (m.type == Type::date && m.timex == "P6M" && !m.from.empty() && !m.to.empty()) {
                auto to = cal::parse_iso(m.to);
                if (to && *to <= *pub && *pub - *to <= 120) {
                    window = &m;
                    break;
                }
            }
        if (window)
            for (Mention& m : mentions)
                if (const Spec* s = spec_of(m); s && s->doc_window) {
                    m.timex = window->timex;
                    m.from = window->from;
                    m.to = window->to;
                }
    }

    // 2. Anaphoric dates.
    const std::string& a = text.analysis();
    // (which dates close a comparison's figure: "from 4.3% in October" — decided once, here)
    for (Mention& m : mentions)
        if (m.type == Type::date) m.compared = compared_figure_date(text, m.span, I.cues);
    // The document's report period: the first quarter, half or month its headline or opening
    // paragraphs name (not itself anaphoric, ended by publication). "a year earlier" with no
    // period in its sentence or the one before counts back from it ("The average price was
    // NOK 68 a kilo in the quarter, down from NOK 81 a year earlier" in a story of the third
    // quarter is 2025-Q3, not 2025) — session 13.
    const Mention* doc_period = nullptr;
    if (pub)
        for (const Mention& c : mentions) {
            if (c.type != Type::date || text.paragraph_index(c.span.begin) > 2) continue;
            const Spec* s = spec_of(c);
            if (!s || s->anaphor != Anaphor::none || c.timex.empty() || c.from.empty() || c.to.empty()) continue;
            const auto to = cal::parse_iso(c.to), from = cal::parse_iso(c.from);
            if (!to || !from || *to > *pub || *from == *to) continue;
            const bool month = c.timex.size() == 7 && c.timex[4] == '-' && std::isdigit(static_cast<unsigned char>(c.timex[5]));
            const bool part = c.timex.find("-Q") != std::string::npos || c.timex.find("-H") != std::string::npos;
            // (a fiscal quarter is left to the claims, which count back from the claim's own period)
            if ((!month && !part) || !std::isdigit(static_cast<unsigned char>(c.timex[0]))) continue;
            doc_period = &c;
            break;
        }
    for (size_t i = 0; i < mentions.size(); ++i) {
        Mention& m = mentions[i];
        const Spec* spec = spec_of(m);
        if (!spec || spec->anaphor == Anaphor::none) continue;
        // The nearest earlier date with a period that is not itself
        // anaphoric, in the same sentence (or paragraph for "the same period").
        size_t para = text.paragraph_index(m.span.begin);
        const Mention* ante = nullptr;
        // "reported a third-quarter profit of X on Monday, down from Y a year earlier": a news
        // day ("on Monday", "yesterday": a day resolved against publication) is when it was
        // said; a year, quarter or month back is counted from a period named before it in the
        // sentence, the day only when there is none.
        const Mention* news_day = nullptr;
        int coarse_shift = -1;  // (the shift counts months, quarters or years: unknown yet)
        for (size_t j = i; j-- > 0;) {
            const Mention& c = mentions[j];
            if (text.paragraph_index(c.span.begin) != para) break;
            // "In the second quarter, volume rose 4%. A year earlier, ...": with scope=previous,
            // a period (not a day or week: "said on Monday") in the sentence before.
            bool previous = false;
            if (!spec->paragraph_scope && sentence_end_between(a, c.span.end, m.span.begin)) {
                if (!spec->previous_scope || news_day || text.sentences().empty()) break;
                size_t k = text.sentence_index(m.span.begin);
                if (k == 0 || c.span.begin < text.sentences()[k - 1].begin) break;
                previous = true;
            }
            const Spec* s = spec_of(c);
            // Comparisons ("a year earlier") are never antecedents; "the end
            // of the year", resolved, is one.
            bool comparison = s && s->anaphor != Anaphor::none && s->anaphor != Anaphor::within;
            if (!s || comparison || c.timex.empty() || c.from.empty() || c.to.empty()) continue;
            if (c.span.end > m.span.begin) continue;
            if (previous && (c.from == c.to || c.timex.find('W') != std::string::npos)) continue;
            // "which reported first-half results in October, said its margin was 4.1%, down from
            // 4.6% in the same period last year": when a report came out is no period compared
            if (Around ca{text, c.span}; I.cues.of(ca.word_before()) & Cues::report_prep)
                if (I.cues.of(ca.word_before(ca.word_before())) & Cues::report_noun) continue;
            // "edged up to 4.4% from 4.3% in October. Earnings rose 0.3% from the previous month":
            // the month of a comparison's figure is no period to count back from
            if (previous && c.compared) continue;
            if (spec->reach && m.span.begin - c.span.end > spec->reach) break;
            // "in fiscal 2026, which ended June 30, ... from the previous year": a day that bounds
            // the period before it is no period of its own; that period is the antecedent
            // (and a month after "ends in": "the 2026/27 fiscal year, which ends in June")
            if (Around ca{text, c.span}; c.from == c.to ? (I.cues.of(ca.word_before()) & Cues::boundary)
                                                         : (cal::grain_of(c.timex) == 'M' && ca.word_before() == "in" &&
                                                            (I.cues.of(ca.word_before(ca.word_before())) & Cues::boundary)))
                continue;
            // "reported a third-quarter loss last month, compared with a profit a year earlier": a
            // recent week or month after a longer period in the sentence is when it was reported
            // (a news time, as a news day is); the year back is counted from that period
            if (!previous && spec->anaphor == Anaphor::shift && s->kind == Kind::relative && c.relative && !news_day) {
                const char g = cal::grain_of(c.timex);
                bool longer_before = false;
                for (size_t k = j; (g == 'M' || g == 'W') && k-- > 0;) {
                    const Mention& p = mentions[k];
                    if (sentence_end_between(a, p.span.end, c.span.begin)) break;
                    const char pg = cal::grain_of(p.timex);
                    if (pg == 'Q' || pg == 'H' || pg == 'Y' || pg == 'F') longer_before = true;
                }
                if (longer_before) {
                    news_day = &c;
                    continue;
                }
            }
            if (!previous && spec->anaphor == Anaphor::shift && c.relative && c.from == c.to && !news_day) {
                if (coarse_shift < 0) {
                    char u = 0;
                    if (rematch(*spec, m)) u = I.unit_of(Impl::Fields{*spec, nullptr, nullptr, &groups}.get("unit"));
                    coarse_shift = u == 'M' || u == 'Q' || u == 'Y';
                }
                if (coarse_shift) {
                    news_day = &c;
                    continue;
                }
            }
            ante = &c;
            break;
        }
        if (!ante) ante = news_day;
        // (a year back from the document's report period, for want of one in the sentence)
        if (!ante && doc_period && doc_period->span.end <= m.span.begin && spec->anaphor == Anaphor::shift && spec->previous_scope &&
            !spec->paragraph_scope && m.relative && rematch(*spec, m)) {
            Impl::Fields g{*spec, nullptr, nullptr, &groups};
            const auto dir = I.shift_of(g.get("dir"));
            if (dir && dir->n < 0 && I.unit_of(g.get("unit")) == 'Y') ante = doc_period;
        }
        if (!ante) {
            if (spec->kind == Kind::same_period && !m.timex.empty()) m.note = kNoAntecedent;
            // Counted from the publication date for want of a date before it: say by how much,
            // so that claims can count from the claim's own period ("Producer prices rose 27%,
            // down from 29.5% a month earlier" in a story of October's data is September's).
            if (m.relative && !m.timex.empty() && rematch(*spec, m)) {
                Impl::Fields g{*spec, nullptr, nullptr, &groups};
                if (spec->anaphor == Anaphor::shift) {
                    auto n = I.count_of(g.get("count"));
                    auto dir = I.shift_of(g.get("dir"));
                    char u = I.unit_of(g.get("unit"));
                    if (n && dir && dir->n < 0 && (u == 'D' || u == 'W' || u == 'M' || u == 'Q' || u == 'Y')) {
                        m.shift_unit = u;
                        m.shift_n = -*n;
                    }
                } else if (spec->anaphor == Anaphor::previous && g.get("count").empty()) {
                    char u = I.unit_of(g.get("unit"));
                    if (u == 'D' || u == 'W' || u == 'M' || u == 'Q' || u == 'Y') {
                        m.shift_unit = u;
                        m.shift_n = -1;
                    }
                }
                if (!m.shift_unit && spec->kind == Kind::same_period && g.get("year").empty() && pub) {
                    // "the same period last year": the claim's period, a year back
                    if (auto y = cal::timex_year(m.timex)) {
                        m.shift_unit = 'Y';
                        m.shift_n = *y - cal::civil_from_days(*pub).y;
                    }
                }
            }
            // "two years later" counts from a date, never from publication.
            if (spec->anaphor == Anaphor::shift && rematch(*spec, m)) {
                auto dir = I.shift_of(Impl::Fields{*spec, nullptr, nullptr, &groups}.get("dir"));
                if (dir && dir->n > 0 && !spec->paragraph_scope) {
                    m.timex.clear();
                    m.from.clear();
                    m.to.clear();
                    m.note = kNoAnchor;
                }
            }
            continue;
        }
        if (!rematch(*spec, m)) continue;
        Impl::Fields f{*spec, nullptr, nullptr, &groups};
        if (spec->anaphor == Anaphor::within) {
            // Only "the year" hangs on an earlier date; "this year" does not.
            auto sh = I.shift_of(f.get("shift"));
            if (!sh || !sh->soft) continue;
            auto from = cal::parse_iso(ante->from);
            if (!from) continue;
            auto r = I.resolve(f, *from, TenseOf(), doc_fy_start, true);
            if (!r || r->unresolved) continue;
            m.timex = r->p.timex;
            m.from = r->has_from ? cal::iso(r->p.from) : "";
            m.to = r->has_to ? cal::iso(r->p.to) : "";
            m.relative = ante->relative;
            continue;
        }
        auto ante_from = cal::parse_iso(ante->from), ante_to = cal::parse_iso(ante->to);
        if (!ante_from || !ante_to) continue;
        cal::Period base{ante->timex, *ante_from, *ante_to};
        char grain = I.unit_of(f.get("grain"));
        char unit = I.unit_of(f.get("unit"));
        switch (spec->anaphor) {
            case Anaphor::none:
            case Anaphor::within: break;
            case Anaphor::previous: {
                auto n = I.count_of(f.get("count"));
                if (n && *n > 0 && unit_months(unit)) {
                    // "the previous three months": the window that ends the
                    // day before the antecedent begins.
                    int64_t len = *n * unit_months(unit);
                    cal::Ymd s = cal::civil_from_days(base.from);
                    if (s.d == 1) {
                        int64_t last = cal::month_index(s.y, s.m) - 1;
                        base = cal::months_window(last - len + 1, last);
                    } else {
                        base = {duration_value(unit, *n), cal::add_months(base.from, static_cast<int>(-len)), base.from - 1};
                    }
                } else if (unit == 'Y' && base.timex.size() == 6 && base.timex.compare(0, 2, "FY") == 0) {
                    // "in 2024-25 from Rs 4,400 crore in the previous year": the fiscal year before
                    base = cal::shift_by(base, 'Y', -1);
                } else {
                    // "the previous quarter": the unit before the antecedent's.
                    auto p = unit ? cal::unit_period(unit, base.from, -1) : std::nullopt;
                    if (!p) continue;
                    base = *p;
                }
                break;
            }
            case Anaphor::year:
            case Anaphor::shift: {
                // "the same quarter last year": the antecedent's quarter, moved.
                if (grain && grain != 'P')
                    if (auto p = cal::unit_period(grain, base.from, 0)) base = *p;
                char by = 'Y';
                int delta = -1;
                if (auto ys = f.get("year"); !ys.empty()) {
                    std::optional<int> pub_year;
                    if (pub) pub_year = cal::civil_from_days(*pub).y;
                    auto y = parse_year(ys, pub_year);
                    if (!y) continue;
                    delta = *y - cal::timex_year(base.timex).value_or(cal::civil_from_days(base.from).y);
                } else if (auto cs = f.get("count"); !cs.empty()) {
                    auto n = I.count_of(cs);
                    auto dir = I.shift_of(f.get("dir"));
                    if (!n || !dir) continue;
                    delta = *n * dir->n;
                    if (unit) by = unit;
                } else if (auto ss = f.get("shift"); !ss.empty()) {
                    auto s = I.shift_of(ss);
                    if (!s) continue;
                    delta = s->n;
                }
                base = cal::shift_by(base, by, delta);
                break;
            }
        }
        m.timex = base.timex;
        m.from = cal::iso(base.from);
        m.to = cal::iso(base.to);
        // The period now comes from the antecedent, unless the mention named
        // its own year.
        if (spec->anaphor != Anaphor::year) m.relative = ante->relative;
        m.note.clear();
    }
}

char date_grain(std::string_view timex) { return cal::grain_of(timex); }

std::optional<DateValue> shift_date(const DateValue& d, char unit, int n) {
    auto from = cal::parse_iso(d.from), to = cal::parse_iso(d.to);
    if (!from || !to || d.timex.empty()) return std::nullopt;
    const char g = cal::grain_of(d.timex);
    // (a window with its dates, "the quarter ended Nov. 1", moves by whole years only)
    if ((g == 'P' && unit != 'Y') || g == 'X' || g == 'S') return std::nullopt;
    cal::Period p = cal::shift_by(cal::Period{d.timex, *from, *to}, unit, n);
    return DateValue{p.timex, cal::iso(p.from), cal::iso(p.to)};
}

}  // namespace claimex::normalise
