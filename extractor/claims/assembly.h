// Internal to claims (only claims.h is the stage's public header): the state one document's
// assembly works on, and the steps that read it.
//
// An Assembly is made per document (claims.cc): it first reads the whole story (its companies,
// sources, main company and economy, story day: story.cc, periods.cc), then each sentence in
// turn: the words and mentions of the sentence (read_sentence), the roles of its figures
// (figures.cc), and the claims they make (changes.cc, amounts.cc, statements.cc), each with its
// metric (metrics.cc), subject (subjects.cc, implied_subjects.cc), period (periods.cc) and
// sources (sources.cc), found inside the clause frame of clauses.cc. The per-sentence scratch
// lives here too, so a sentence allocates nothing the previous one did not.
#pragma once

#include "extractor/claims/claims.h"
#include "extractor/claims/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>

namespace claimex::claims {

using normalise::Mention;
using normalise::Type;

// (string_view comparisons: the length first, no strlen per call)
inline bool is_value(const Mention& m) {
    return (m.type == Type::money || m.type == Type::percent || m.type == Type::quantity) &&
           std::string_view(m.unit) != "factor";
}
inline bool is_factor(const Mention& m) { return m.type == Type::quantity && std::string_view(m.unit) == "factor"; }
inline bool is_entity(const Mention& m) { return m.type == Type::org || m.type == Type::person || m.type == Type::place; }
// A government body named as a ministry, department, office or treasury ("Ministry of Finance",
// "Finance Ministry", "Department of Labor", "HM Treasury"): a part of a government, not the
// government itself.
inline bool ministry_name(std::string_view n) {
    return n.rfind("Ministry", 0) == 0 || n.rfind("Department", 0) == 0 || n.rfind("Office", 0) == 0 ||
           n.find("Treasury") != std::string_view::npos || n.find(" Ministry") != std::string_view::npos;
}

// Words that start a leading adverbial ("In October 2022, ...") or are
// otherwise no part of a subject.
inline const WordSet kLeadWords{0, {
    "in", "at", "on", "by", "according", "as", "for", "during", "since", "after", "before", "meanwhile",
    "however", "still", "also", "separately", "overall", "last", "this", "earlier", "later", "then", "but",
    "and", "so", "yet", "while", "when", "despite", "under", "with", "from", "over", "of"}};
inline const WordSet kPrepositions{1, {"in", "of", "from", "at", "for", "across", "with", "on", "by", "to", "into",
                                 "among", "over"}};
// Adverbs that may follow a subject before its verb ("the bank also confirmed").
inline const WordSet trailing_adverbs{2, {"also", "now", "still", "already", "too", "meanwhile", "currently"}};
// Heads of a phrase that refers back to a government ("the government", "the Treasury").
inline const WordSet government_nouns{3, {"government", "treasury", "centre", "administration"}};
// Words that open a clause of its own after a comma ("..., while X fell").
inline const WordSet clause_conjunctions{4, {"while", "whereas", "and", "but", "although", "though", "as"}};
// Subordinators that open a clause of their own when a subject and its verb follow (clause_start;
// "after", "because", "since" and "when" were tried too and lost dev change subjects)
inline const StringSet kSubordinators{"as"};
// Words that open a subordinate clause: a metric phrase after one is not a figure's before it
// ("cut 1,200 jobs after demand for electric cars weakened"). (bit 52: above the CLAIM_WORDS
// class bits 10..45 and the lexicon bits 46..51, which it must not share)
inline const WordSet kClauseOpeners{52, {"after", "as", "while", "whereas", "because", "although", "though", "when",
                                  "which", "who", "since", "even", "despite", "amid", "unless", "until", "before",
                                  "if", "but", "giving", "leaving", "making", "bringing", "taking"}};
// Nouns for a forecast a holder revises ("cut its growth forecast", "raised its projection").
inline const WordSet kForecastNouns{53, {"forecast", "forecasts", "projection", "projections", "outlook", "estimate",
                                  "estimates", "prediction", "predictions"}};
// Verbs of an economy's growth: an area right before one ("expects Germany to grow 0.8%") names GDP growth.
inline const WordSet kGrowthVerbs{54, {"grow", "grows", "grew", "growing", "grown", "expand", "expands", "expanded",
                                "expanding", "shrink", "shrinks", "shrank", "shrinking", "contract", "contracts",
                                "contracted", "contracting"}};
inline const WordSet kDeterminers{5, {"the", "a", "an", "its", "their", "his", "her", "our"}};

// Words skipped before a figure ("about", "more than"), fillers between a change verb and its
// size, modifiers of a metric ("combined", "annual"), and words no subject starts with.
inline const WordSet kQualifierSkip{6, {
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "more", "than",
    "over", "under", "less", "up", "at", "least", "just", "a", "an", "the", "only", "close"}};
// Words no noun phrase ends with: a subject phrase cut after one is cut in the wrong place.
inline const WordList kOpenEnds{"at", "than", "of", "the", "to", "in", "for", "by",
                                  "with", "from", "on", "a", "an", "and", "or", "as",
                                  "its", "their", "his", "her", "our", "my"};
inline const WordSet kVerbFillers{7, {"about", "around", "nearly", "almost", "some", "roughly", "more", "than",
                                "over", "just", "only", "merely", "barely", "a", "an", "another", "further"}};
inline const WordSet kMetricModifiers{8, {
    "combined", "total", "annual", "quarterly", "net", "overall", "first-half", "full-year",
    "monthly", "yearly", "joint", "aggregate", "own", "core"}};
inline const WordSet kNotHeads{9, {
    "it", "which", "that", "this", "these", "those", "with", "who", "they", "he", "she", "we",
    "there", "what", "while", "as", "to", "from", "than", "and", "or", "but", "if", "when",
    // (a clause opened by a participle: "..., after shrinking 0.1% in the second quarter")
    "after", "before", "despite", "amid", "following"}};

// Length in bytes of a quotation mark at `pos` (", “, ”), else 0.
inline uint32_t quote_len(std::string_view s, uint32_t pos) {
    if (pos < s.size() && s[pos] == '"') return 1;
    if (pos + 2 < s.size() && static_cast<unsigned char>(s[pos]) == 0xE2 && static_cast<unsigned char>(s[pos + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[pos + 2]) == 0x9C || static_cast<unsigned char>(s[pos + 2]) == 0x9D))
        return 3;
    return 0;
}

// A TIMEX3 day ("2024-08-26").
inline bool is_day(std::string_view x) {
    return x.size() == 10 && std::isdigit(static_cast<unsigned char>(x[0])) && x[4] == '-' && x[7] == '-';
}

// A TIMEX3 day that falls on a Saturday or Sunday (no trading day: "OPEC+ agreed on Sunday").
inline bool is_weekend(std::string_view x) {
    if (!is_day(x)) return false;
    auto num = [&](size_t b, size_t n) {
        int v = 0;
        for (size_t k = b; k < b + n; ++k) v = v * 10 + (x[k] - '0');
        return v;
    };
    int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (m < 1 || m > 12) return false;
    static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};  // (Sakamoto's method)
    if (m < 3) --y;
    int wd = (y + y / 4 - y / 100 + y / 400 + offsets[m - 1] + d) % 7;  // 0 = Sunday
    return wd == 0 || wd == 6;
}

inline std::string lower(std::string_view s) {
    std::string o;
    lower_into(s, o);
    return o;
}

inline std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (std::isspace(static_cast<unsigned char>(s[b])) || s[b] == ',')) ++b;
    while (e > b && (std::isspace(static_cast<unsigned char>(s[e - 1])) || s[e - 1] == ',' || s[e - 1] == '.'))
        --e;
    return std::string(s.substr(b, e - b));
}

// The hash of a claim's key fields, fed piece by piece (the same as FNV-1a of
// the joined key text, without building it).
struct KeyHash {
    uint64_t h;
    KeyHash& add(std::string_view s) {
        h = text::fnv1a(s, h);
        return *this;
    }
    KeyHash& sep() { return add("|"); }
    // A number as the key writes it: whole numbers without a fraction.
    KeyHash& num(double v) {
        char buf[64];
        char* end;
        if (std::fabs(v) < 9e15 && v == std::floor(v))
            end = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v)).ptr;
        else
            end = fmt::format_to_n(buf, sizeof buf, "{}", v).out;
        return add(std::string_view(buf, static_cast<size_t>(end - buf)));
    }
    // type:value currency unit ("money:50000000000USD")
    KeyHash& value(const Mention& m) {
        add(normalise::type_name(m.type)).add(":");
        if (m.value) num(*m.value);
        else add("-");
        return add(m.currency).add(m.unit);
    }
    KeyHash& names(const std::vector<std::string>& ns) {
        for (size_t i = 0; i < ns.size(); ++i) {
            if (i) add("+");
            add(ns[i]);
        }
        return *this;
    }
};

// Counts by name for one document's story indexes (how often each company is named, opens a
// sentence, ...) and sets of its names (named outside an attribution, affiliations): a WordTable
// of views into the document's mentions or the lexicons, which outlive the count (no copy of a
// name; std::unordered_map made a node per name and hashed each probe again byte by byte).
// Never iterated: counts only.
struct NameCounts {
    WordTable<int, std::string_view> table;
    // The count of `s`, made 0 when `s` is new.
    int& operator[](std::string_view s) { return table[s]; }
    // The count of `s`, 0 when it was never counted (adds nothing).
    int get(std::string_view s) const {
        const int* n = table.find(s);
        return n ? *n : 0;
    }
    // As a set of names: insert counts one more, count says whether it was ever counted.
    void insert(std::string_view s) { ++table[s]; }
    size_t count(std::string_view s) const { return get(s) > 0; }
};

// A few indices (the dates or figures of one sentence already used): a
// vector searched linearly, reused from sentence to sentence.
struct IndexSet {
    std::vector<size_t> v;
    size_t count(size_t i) const { return std::find(v.begin(), v.end(), i) != v.end(); }
    void insert(size_t i) {
        if (!count(i)) v.push_back(i);
    }
    void erase(size_t i) { v.erase(std::remove(v.begin(), v.end(), i), v.end()); }
    void clear() { v.clear(); }
};

// What follows the date of a dateline ("LONDON, Oct 17 (Reuters) —", "PERTH, March 6 -"): after
// spaces (up to `end`), an agency in brackets or a dash.
inline bool dateline_tail(const std::string& a, uint32_t e, uint32_t end) {
    while (e < end && a[e] == ' ') ++e;
    return e < end && (a[e] == '(' || a[e] == '-' || a.compare(e, 3, "\xe2\x80\x94") == 0 ||
                       a.compare(e, 3, "\xe2\x80\x93") == 0);
}

// Where the stories of a page of several start (analysis byte offsets of the paragraphs that open
// with a dateline: "MUMBAI, June 3 -", "FRANKFURT -"); fewer than two: one story (stories.cc).
std::vector<uint32_t> story_starts(const text::Text& t);

// The role a figure plays in its sentence. `skip`: a figure that makes no claim of its own
// (a difference from a forecast: "0.2 points higher than"; a condition: "if inflation stayed above 4%").
enum class Role { value, equivalent, baseline, change_amount, change_percent, skip };

struct Figure {
    size_t m;                 // index into mentions
    Role role = Role::value;
    size_t of = SIZE_MAX;     // equivalent/baseline: the figure it belongs to (index into figures)
    size_t tok = 0;           // first token index at or after the mention
};

struct ChangeEvent {
    size_t tok;               // token index of the change verb
    Str direction;            // (Str: tested against literals per claim)
    std::optional<double> factor;
    Str qualifier;
    std::optional<size_t> factor_mention;
    Str verb;
    bool intransitive = false;    // the metric is the verb's subject ("revenue rose")
    bool object_only = false;     // a figure right after it is what it acts on, not the size ("raises $300m")
    bool money_object = false;    // the same for a money figure only ("lost Rs 1,210 crore" is a loss; "lost 1.4%" a fall)
    std::optional<size_t> from_baseline = std::nullopt;  // an elided verb: "and the lower rate from 10% to 18%"
};

// The lexicons and word classes of rules/claims (read once per Assembler).
struct Lexicons {
    Lexicon metrics, change_verbs, cues, verbs, demonyms;
    StringMap<std::string> scopes, unit_metrics;
    // metric key → (condition, key): the form of a metric its figure or holder calls for
    // (metric_forms.tsv: "tax_rate money tax_revenue", "jobs company employees")
    StringMap<std::vector<std::pair<std::string, std::string>>> metric_forms;
    // Authority (lower-case canonical name) → the area it speaks for (CLAIM_JURISDICTIONS).
    StringMap<std::string> jurisdictions;
    // ISO 4217 code → the currency's name as an exchange rate's subject (CLAIM_CURRENCIES)
    StringMap<std::string> currency_subjects;
    // Month word → its number ("september", "sept" → 9): the dates normaliser's DATE_MONTHS
    // (rules/dates/months.tsv), so that both stages know the same month words
    StringMap<int> month_numbers;
    StringMap<std::string> central_bank_of;  // area → its central bank (jurisdictions.tsv)
    StringSet central_bank_names;            // the central banks of jurisdictions.tsv
    StringSet shared_jurisdictions;          // names other countries' bodies share (jurisdictions.tsv `shared`)
    StringSet areas;
    // Metrics quoted as markets move (metric_scopes.tsv, third column `market`): a
    // report's period and release source do not govern them.
    StringSet market_metrics;
    // A company's metrics that are an offer's terms (third column `bidder`): with no holder
    // named, the company making the offer, not the company last named (often the target).
    StringSet bidder_metrics;
    // Of those, the ones a company's own word never gives (flag `market` alone: its share
    // price, its market value) — not a price it sets ("said it would raise prices by 4%").
    StringSet own_market_metrics;
    // Metrics a market trades (third column flag `traded`: prices, index levels, yields,
    // currencies): the story's trading day governs their moves that name no date of their own.
    StringSet traded_metrics;
    // The value of an act (flag `event`: a deal's price, an offer, a funding round): no report period.
    StringSet event_metrics;
    StringSet act_metrics;  // (metric_scopes.tsv flag `act`)
    // An economy's stock its central bank itself holds (flag `held`: reserves): the bank keeps it.
    StringSet held_metrics;
    // An analyst's view of a company (flag `view`: its target price): its own release never gives it.
    StringSet view_metrics;
    // Ratios where lower is better (flag `lower_better`: the combined ratio, the cost-income
    // ratio): "improved" says they fell.
    StringSet lower_better_metrics;
    // A standing level (flag `standing`: an inflation target): never dated by its sentence or a report.
    StringSet standing_metrics;
    // A central government's fiscal figure (flag `fiscal`): the government's, where the story names it.
    StringSet fiscal_metrics;
    // A reporting period's results (metric_scopes.tsv "results"): a day is never their period.
    StringSet results_metrics;
    // `of_holder` (metric_scopes.tsv flag): its "of" complement is what it measures, a holder even
    // when no holder noun says so ("the market value of all cryptocurrencies")
    StringSet of_holder_metrics;
    // Word classes of rules/claims/words.tsv (CLAIM_WORDS), see its header.
    using Words = WordSet;
    Words speech_verbs, speech_aux, comparison_words, comparison_bare, condition_words, level_fillers,
        approx_words, baseline_period_words, period_bound_words, modal_words, superlatives, release_kinds, release_cues,
        company_nouns, holder_nouns, passing_words, partner_words, own_release_kinds, actor_kinds,
        announce_verbs, contract_words, belief_verbs, view_verbs, attribution_tails, continuation_words,
        council_nouns, data_nouns, average_words, forecast_verbs, staff_nouns, expecter_nouns, poll_verbs,
        unit_nouns, measure_nouns, saving_verbs, name_verbs;
    // Word lists looked up by string, not by token class bit (the bits are few): "the (industrial)
    // metal", "the index"; metric keys a later bare "annual growth" / "prices" continues.
    Words instrument_anaphors, anaphor_modifiers, growth_continues, prices_continue, shipments_continue, sales_continue;
    // "Tata-owned carrier", "state-backed lender": a company glued to one names an owner, in passing
    Words owner_suffixes;
    // "one more cut of 25 basis points": nouns of a move in the policy rate
    Words rate_move_nouns;
    Words odds_nouns;  // "the odds of a (rate) cut": the move named there is no change (figures.cc)
    // A verb of an actor's own act ("unveiled", "agreed", "offered"): told as background, no inherited source.
    Words act_verbs;
    // "will report full-year results in February": a date after one is when a report comes out
    Words publish_nouns, publish_verbs;
    // statements: "warned Italy that", ", speaking at ...", ", but denied that ..."
    Words object_cues, attribution_participles, denial_verbs;
    // "said in a statement it would ...": the medium of an attribution, and the words that open
    // the reported clause after it (words.tsv channel, clause_opener)
    Words channel_nouns, clause_openers;
    // "has said little about the plan": an object of the cue, not a clause
    Words said_objects;
    // statements beside figures (session 22): verbs the verb list lacks that make a clause of a
    // quote's or reported clause's part ("the Commission knows it"), and participles after a
    // comma that hand the reported words on to a figure (", estimating a deficit of ...")
    Words clause_verbs, figure_participles;
    // "Households earning under $50,000": a figure right after one bounds who a group is
    Words threshold_words, bound_heads;
    // "fines of up to 10% of turnover": a penalty's legal maximum, no claim
    Words ceiling_nouns;
    // "Unilever's rival Procter & Gamble", "its partner Ostrander Bio": another company named
    // after a possessive holds its own figures (as a named unit does)
    Words counterpart_nouns;
    // "Petrobras pumped ..., while Vale shipped ...": verbs that are metric words, which end a
    // clause's subject for clause boundaries only (words.tsv action_verb)
    Words action_verbs;
    Words mark_nouns;  // a round figure a price passes or nears: "above the $2,500 mark"
    // "aims to keep inflation at 4%" (inflation_aim)
    Words goal_verbs;
    // "14.3% of firms said", "22% of respondents expect": who answered a survey and what they
    // answered with (share_of_market: survey_share; session 19)
    Words survey_respondents, survey_verbs;
    Words at_risk_fillers;  // "6,000 jobs are potentially at risk" (jobs_at_risk)
    Words reach_words;  // "before returning to the 2% goal": inflation's level, not the target (inflation_goal)
    Words outlay_metrics;  // metric keys money is spent "on" ("spent $45 billion on buybacks")
    Words pace_words;  // "grew at an annualised 1.0%", "at an annual rate of 2.8%" (figures.cc)
    Words origin_words;  // "founded in 2000": a date of the holder's origin (origin_date)
    Words plan_nouns;  // "kept its guidance for the 2027 financial year at 84 to 88 Mt": a plan's clause (plan_clause)
    Words maturity_words;  // "bonds maturing in 2046", "due 2034": a bond's maturity (maturity_date)
    Words running_carriers;  // "taking (their gain ... to 35%)": a running total's participle (changes.cc)
    Words per_share_stocks;  // a stock restated per share is an equivalent: "net cash of £265m, or 81p a share"
    // "every £100 off the cap", "each 1% fall": a figure after one is a unit of a rule, no claim;
    // "from the current £1,807": words between a baseline cue and its figure
    Words per_unit_words, baseline_fillers;
    // "set up a fund", "lined up financing": verbs whose "up"/"down" particle moves nothing
    Words particle_verbs;
    // "would push the tax burden to 38.2%": a verb whose object is the figure's level (statements)
    Words result_verbs;
    // "improved", "worsened": words that judge a move rather than state its direction
    Words evaluative_words;
    // "grew a modest 2.1%", "fell a steep 8%": words that size a move after "a"/"an"
    Words size_fillers;
    // units of goods (tonnes, barrels, ounces): a count in them takes metric_forms.tsv `count` forms
    Words goods_units;
    // "in constant prices", "at current prices": a word that makes the metric phrase after it the
    // basis a figure is measured on, not its metric
    Words basis_words;
    // metric keys whose figure a later bare "rate" ("a monthly rate of 2.5%") continues
    Words rate_continues;
    // metric keys whose figure a later bare "output" or "production" continues
    Words output_continues;
    // metric keys of a result's line (net profit, operating loss) whose figure a later bare
    // "profit" or "loss" continues
    Words result_continues;
    // period words before such a bare "profit" ("the full-year profit"), which leave it bare
    Words result_periods;
    // "145 yen to the dollar": currencies an exchange rate is quoted in (amounts.cc)
    Words quote_currencies;
    // "a 27% premium to Helix's closing price on Tuesday": the figures measured against another
    // price (its holder and day are the reference's); "Corvane agreed to buy", "will pay": a
    // company making an offer
    Words reference_words, acquire_verbs;
    Words instrument_names;
    // "the regulator", "the watchdog": refers back to the last agency named (statements)
    Words agency_nouns;
    // "the country's", "the city's", "the state's", "the bloc's": a place named by its kind refers
    // back to the last place (or bloc) of that kind (words.tsv place_country ... place_bloc)
    Words place_country_nouns, place_city_nouns, place_region_nouns, place_bloc_nouns;
    Words local_bodies;  // a local government's kind ("the county council's budget")  // a quote's one-word metric phrase that names the thing ("Bitcoin rose")

    explicit Lexicons(const rules::RuleSet& r);

    // Word classes of each lower-case word (WordSet bits and the lexicon bits below).
    WordTable<uint64_t> word_bits;
    static constexpr int kFirstClassBit = 10;  // CLAIM_WORDS classes: bits 10..45
    // (above the CLAIM_WORDS classes, which may grow: kFirstClassBit + their count < 40)
    static constexpr uint64_t kMetricFirst = uint64_t{1} << 46, kChangeFirst = uint64_t{1} << 47,
                              kCueFirst = uint64_t{1} << 48, kDemonymFirst = uint64_t{1} << 49,
                              kVerbWord = uint64_t{1} << 50, kChangeWord = uint64_t{1} << 51;
    void classify(std::span<Token> toks) const {
        for (Token& k : toks)
            if (const uint64_t* b = word_bits.find(HashedWord(k))) k.bits = *b;
    }
    std::string_view scope_of(std::string_view key) const {
        auto it = scopes.find(key);
        return it == scopes.end() ? std::string_view() : std::string_view(it->second);
    }
};

// Everything the assembly of one sentence needs.
struct SentenceView {
    const std::vector<Mention>& ms;
    const text::Text& t;
    text::Span span;
    // per-document scratch, refilled for each sentence (no allocation per sentence)
    std::vector<Token>& toks;
    std::vector<size_t>& mentions;     // indices into ms, in order
    // token index → mention index covering it (SIZE_MAX: none)
    std::vector<size_t>& tok_mention;

    // The first token ending after `byte` (token ends increase: a binary search by halving, each
    // step a conditional move, not a mispredicted branch).
    size_t token_at(uint32_t byte) const {
        if (toks.empty()) return 0;
        const Token* base = toks.data();
        for (size_t n = toks.size(); n > 1;) {
            const size_t half = n / 2;
            base = base[half].end <= byte ? base + half : base;
            n -= half;
        }
        return static_cast<size_t>(base - toks.data()) + (base->end <= byte);
    }
    // The first token that starts at or after `byte` (the word after a mention that ends there).
    size_t token_after(uint32_t byte) const {
        size_t k = token_at(byte);
        if (k < toks.size() && toks[k].begin < byte) ++k;
        return k;
    }
    // Tokens k and k+1 are a possessive's "'" and "s" (’ is ' in the analysis form, and the
    // mark is a token of its own: "'s" is never one token).
    bool possessive_at(size_t k) const { return k + 1 < toks.size() && toks[k].low == "'" && toks[k + 1].low == "s"; }
    std::string_view slice(uint32_t b, uint32_t e) const {
        return std::string_view(t.analysis()).substr(b, e > b ? e - b : 0);
    }
    bool inside_parens(uint32_t byte) const {
        int depth = 0;
        for (const Token& k : toks) {
            if (k.begin >= byte) break;
            if (k.low == "(") ++depth;
            if (k.low == ")" && depth > 0) --depth;
        }
        return depth > 0;
    }
};

// Words before a figure, skipping qualifier words ("about", "more than"): the
// tokens [lo, hi), which are contiguous (only the words next to the figure are skipped).
struct Words {
    const std::vector<Token>& toks;
    size_t lo = 0, hi = 0;
    bool empty() const { return lo == hi; }
    std::string_view back() const { return toks[hi - 1].low; }
};

struct MetricHit {
    size_t tok = SIZE_MAX, n = 0;
    size_t base_n = 0;  // tokens of the lexicon phrase itself
    std::string key, text;
};

// A metric phrase find_metric weighs: where, its lengths, its key, whether it is generic.
struct MetricCand { size_t tok, n, span; const std::string* key; bool generic; };

// A metric phrase at token k (metric_at): its length, key and the tokens it spans.
struct MetricAt { size_t n = 0; const std::string* key = nullptr; size_t span = 0; };

struct Subject {
    std::vector<std::string> names;
    std::string description;
    bool combined = false;
    bool fallback = false;
    bool named_instrument = false;  // a quoted instrument's own words: no implied holder
    bool complement = false;        // the description is the metric's complement ("sales of hybrids")
    std::string authority;          // the office or bank whose economy `names` is
};

// The last subject a traded metric's claim had, by metric key ("Spot gold rose 0.8%"): what a
// later "The metal has gained 30%" or "the index" refers back to.
struct TradedSubject { std::vector<std::string> names; std::string description; size_t para = SIZE_MAX; };

// The metric of the paragraph's last figure claim of one type.
struct LastMetric { std::string key; size_t para = SIZE_MAX; };

// One document's assembly: what the story says, what the sentences so far said, and the
// sentence being read.
struct Assembly {
    Assembly(const Lexicons& lexicons, const std::vector<Mention>& mentions, const text::Text& text,
             const DocumentInfo& info);
    // (hands its scratch buffers on to the thread's next document)
    ~Assembly();
    Assembly(const Assembly&) = delete;
    Assembly& operator=(const Assembly&) = delete;
    // The claims of the document, sentence by sentence.
    std::vector<Claim> run();
    // A page of several stories assembles each on its own (claims.cc): the sentences of [from,
    // to) only, so that a sentence of another story, whose mentions this one lacks, makes no
    // statement of this story's speakers.
    uint32_t story_from = 0, story_to = UINT32_MAX;

    const Lexicons& lx;              // the word data of rules/claims
    const std::vector<Mention>& ms;  // the document's mentions, sorted by span
    const text::Text& t;
    const DocumentInfo& doc;
    const std::string& a;            // the analysis text (mention and token offsets are into it)
    std::vector<Claim> out;          // the claims so far

    // ---- the story (index_organisations, find_doc_country, index_authorities, find_story_day,
    // find_lead_date)
    // The article's lead attribution: the first source naming someone.
    const Mention* lead_source = nullptr;
    // Companies and sources in document order, so that "the company" and the
    // paragraph's sources are found by binary search, not by a scan per claim.
    std::vector<const Mention*> companies, named_sources, releases;
    // The spans of source mentions (a company named inside one is where a view comes from), and
    // the affiliations of people and sources.
    std::vector<std::pair<uint32_t, uint32_t>> source_spans;
    NameCounts affiliations;
    // Organisations by name (their kind), and each one's own releases in document order.
    // (keyed by views of the mentions' names and kinds: no node or copy per name)
    StringMap<std::string_view, std::string_view> org_kinds;
    StringMap<std::vector<const Mention*>, std::string_view> releases_of;
    // Companies the article introduces as a part of another ("its electric vehicle subsidiary,
    // Kaveri EV").
    NameCounts unit_companies;
    // The unit word a unit was introduced with ("The reinsurance unit, Ardent Re," → "unit")
    StringMap<std::string, std::string_view> unit_intro;
    // The lead: the first paragraph after the headline long enough to be text, not a sub-headline,
    // a byline or a date line.
    size_t lead_paragraph = 1;
    static constexpr size_t lead_paragraphs = 2;  // a release named this early governs the headline too
    NameCounts company_count;
    // Companies "the company" and "it" may refer back to (not those named in passing).
    std::vector<const Mention*> antecedents;
    // Organisations named outside an attribution.
    NameCounts named_outside;
    // The article's main company, economy and central bank.
    std::string doc_company;
    std::string doc_country;
    std::string doc_bank;
    std::vector<const Mention*> central_banks, governments;
    // The story's trading day, and the lead's month, quarter or half (periods.cc).
    std::optional<size_t> story_day;
    std::optional<size_t> lead_date;
    // The forecast window the opening names ("raised its forecast for the year ending March
    // 2027", "cuts full-year outlook"): the period of the later forecasts that name none.
    std::optional<size_t> forecast_window;

    // ---- what the sentences so far said
    size_t next_mention = 0;
    // The speaker of a quote standing alone (statements), for sources_json.
    const Mention* quote_speaker = nullptr;
    // A quote that runs on over several sentences: where it closes and who speaks it (each of
    // its sentences is a statement of its own).
    uint32_t quote_open_until = 0;
    const Mention* run_speaker = nullptr;
    // How many claims took each id so far: the n-th same id is "id-n" (a count, not a search
    // from 2 up, which made a story of one sentence said 10,000 times quadratic).
    // (open addressing on the hash itself, kept at most half full: no node allocated per claim)
    struct IdUses {
        std::vector<std::pair<uint64_t, int>> slots;  // count 0: empty
        size_t used = 0;
        int& operator[](uint64_t h) {
            if ((used + 1) * 2 > slots.size()) grow();
            for (size_t i = h & (slots.size() - 1);; i = (i + 1) & (slots.size() - 1)) {
                auto& s = slots[i];
                if (s.second == 0) {
                    s.first = h;
                    ++used;
                    return s.second;
                }
                if (s.first == h) return s.second;
            }
        }
        void grow() {
            std::vector<std::pair<uint64_t, int>> old(slots.empty() ? 32 : slots.size() * 2);
            old.swap(slots);
            used = 0;
            for (const auto& o : old)
                if (o.second) operator[](o.first) = o.second;
        }
    };
    IdUses id_uses;  // by the id's hash
    std::vector<std::string> last_subject;
    size_t last_subject_para = SIZE_MAX;
    uint32_t last_subject_sentence = UINT32_MAX;  // the sentence last_subject was named in
    std::map<std::string, TradedSubject, std::less<>> last_traded;
    // Names that were a claim's own subject so far (not a fallback), and whether the claim being
    // assembled has a fallback subject: a company that spoke of its own figures does not speak
    // for another organisation's (claim_sources).
    StringMap<size_t> subject_paragraph;  // name → last paragraph it was a subject in
    bool subject_fallback = false;
    // The metric of the paragraph's last figure claim, by the type of its figure (money,
    // percent, quantity): "Analysts had expected ¥4.6 trillion" after "operating profit of ¥4.3
    // trillion" is the same metric. Any type for a change ("Values climbed 1.9%").
    LastMetric last_metric[4];  // [Type::money, percent, quantity], [3]: any
    // The report period that governs figures stated without a date: the last period
    // a figure of the same paragraph was given, else the article's first (its lead's
    // quarter, half, month or fiscal year).
    std::optional<size_t> doc_period, para_period;
    bool doc_period_headline = false;  // doc_period is the headline's (the lead's replaces it)
    // A company's results quarter or half first stated below the opening, when the opening set no
    // report period ("Helmrath said its revenue for the third quarter rose 18%" after a lead about
    // a subsidy): it governs the company figures of the later paragraphs (session 16, probeA16)
    std::optional<size_t> late_period;
    size_t late_period_para = SIZE_MAX;
    bool lead_has_figure = false;      // a figure claim was made in the lead paragraph
    // The day of a bond sale ("sold $612 million of bonds on Tuesday") and its paragraph: the
    // sale's later figures (its tranches, orders, bids) that name no date take it (periods19)
    std::optional<size_t> sale_day;
    size_t sale_day_para = SIZE_MAX;
    size_t para_period_para = SIZE_MAX;
    // para_period is a plan's ("would hire 12,000 in FY26"): 1 + the byte its sentence starts at, else 0
    uint32_t para_period_plan = 0;
    // A month or quarter named earlier in the paragraph, figure or not ("The ONS revised its
    // figures for January. Prices in that month fell 0.2%"): the last one of the sentences
    // before (pending: the current sentence's, effective from the next sentence on).
    std::optional<size_t> para_date, pending_date;
    size_t para_date_para = SIZE_MAX, pending_date_para = SIZE_MAX;

    // ---- scratch, reused from sentence to sentence
    // The lower-cased text (tokens are views into it), written token by token by tokenize.
    std::string low_doc;
    std::vector<Token> tok_scratch;
    // The tokens (classified) of the first sentences, those of the first two paragraphs, which
    // find_doc_country reads before the sentences' pass: read_sentence copies them from here
    // rather than tokenizing those sentences again. head_tok_ends[i]: the end of sentence i's.
    std::vector<Token> head_toks;
    std::vector<uint32_t> head_tok_ends;
    size_t sentence_no = 0;  // the index in t.sentences() of the sentence read_sentence reads
    std::vector<size_t> mention_scratch, tok_mention_scratch;
    std::vector<int8_t> baseline_dates;  // per date mention: -1 not yet known
    // find_period's tests of a date mention, asked again for every claim of its sentence:
    // answered once per mention (they read only the mention, its sentence's words and the
    // sentence's forecast holder, set before any claim is made). Bits: kKnown << test, and the
    // answer at kAnswer << test.
    std::vector<uint8_t> date_tests;
    // The tokens (classified) of date mention i, tokenized once per document: baseline_date,
    // paragraph_date, find_story_day's test and reporting_window each read them, some of them
    // again for every sentence or claim. date_tok_at[i]: [begin, end) in date_tok_all, {0, 0}
    // until asked.
    std::span<const Token> date_tokens(size_t i) {
        auto& [b, e] = date_tok_at[i];
        if (b == e && b == 0) {
            b = static_cast<uint32_t>(date_tok_all.size());
            tokenize_lowered(a, low_doc, ms[i].span, date_tok_all);
            lx.classify(std::span<Token>(date_tok_all).subspan(b));
            e = static_cast<uint32_t>(date_tok_all.size());
            if (b == e) b = e = UINT32_MAX;  // (no token: asked, known empty)
        }
        if (b == UINT32_MAX) return {};
        return {date_tok_all.data() + b, e - b};
    }
    std::vector<Token> date_tok_all;
    std::vector<std::pair<uint32_t, uint32_t>> date_tok_at;
    template <class Raw>
    bool date_test(size_t i, int test, Raw raw) {
        uint8_t& m = date_tests[i];
        if (!(m & (1u << test))) m = static_cast<uint8_t>(m | (1u << test) | (raw() ? 0x10u << test : 0u));
        return (m & (0x10u << test)) != 0;
    }
    IndexSet used_dates_scratch, consumed_scratch;
    std::vector<size_t> clause_memo[2];  // clause_start_tok per limit, without / with later clauses
    // Where the document's quote marks start (quote_len > 0), in order: quote_open_at and
    // figure_quote_speaker count and find them by binary search, not by a scan of the paragraph
    // per claim. Made on the first question (quote_marks_made).
    mutable std::vector<uint32_t> quote_marks;
    mutable bool quote_marks_made = false;
    const std::vector<uint32_t>& marks() const;
    void scratch_swap();  // trades the scratch buffers with the thread's spare ones

    // ---- the sentence being read
    text::Span S{};
    // t.paragraph_index(S.begin), found once per sentence (read_sentence): the steps ask it per
    // claim, some 16 times a claim, each a binary search over the paragraphs
    size_t S_para = 0;
    SentenceView sv{ms, t, S, tok_scratch, mention_scratch, tok_mention_scratch};
    const std::vector<Token>& toks = tok_scratch;
    bool any_value = false, any_source = false, any_factor = false;
    // A sentence that opens with a quote may be a speaker's statement standing alone.
    bool inside_quote = false, quoted = false;
    // A sentence that opens with a holder ("Orvane expects ...", "It also expects ...") may
    // state its belief (statements).
    bool holder_first = false;
    // "Several members agreed that ...": a view stated by a holder the sources pass names
    // no one for (statements).
    bool has_that = false;
    std::vector<Figure> figs;
    std::vector<ChangeEvent> events;
    // The holder whose forecast or view heads the sentence (sources.cc), and its verb: figures
    // before it ("which kept Bank Rate at 4.5%") are not its forecast.
    const Mention* forecast_holder = nullptr;
    size_t forecast_verb = 0;
    // The last organisation that heads a sentence with its forecast (forecast_holder): the
    // source of later forecasts told in the passive, until someone else speaks.
    const Mention* story_forecaster = nullptr;
    IndexSet& used_dates = used_dates_scratch;
    // A comparison date serves every baseline before it ("compared with $365 million, or
    // $1.21 per share, a year earlier"): the last one a baseline of the sentence took.
    std::optional<size_t> shared_base_period;
    IndexSet& consumed = consumed_scratch;  // figure indices used by a change claim
    bool made_numeric = false;

    // ---- the driver (claims.cc) and small steps every file uses
    // The sentence's mentions, words and what kind of sentence it is; false when it
    // can make no claim
    bool read_sentence(const text::Span& span);
    void finish(Claim&& j, std::string_view kind, const KeyHash& key, double conf);
    // A hash to feed the claim's key fields to (the id hashes the document id, kind and key).
    KeyHash key_hash(std::string_view kind) const {
        return KeyHash{text::fnv1a(kind, text::fnv1a("\x1f", text::fnv1a(doc.id)))};
    }
    // A lexicon match only where a lexicon's first word is.
    const Lexicon::Entry* lex(const Lexicon& lexicon, uint64_t first, size_t k, size_t* n) const {
        return k < sv.toks.size() && (sv.toks[k].bits & first) ? lexicon.match(sv.toks, k, n) : nullptr;
    }
    // A demonym at token k ("German", "British"), not a word of a longer place name the mentions
    // found that names another place ("British Columbia" is no British figure; "South Korea" is
    // still Korean).
    const Lexicon::Entry* demonym(size_t k, size_t* n) const {
        const Lexicon::Entry* e = lex(lx.demonyms, lx.kDemonymFirst, k, n);
        if (e && sv.tok_mention[k] != SIZE_MAX) {
            const Mention& m = ms[sv.tok_mention[k]];
            if (m.type == Type::place && m.name != e->value &&
                (m.span.begin < sv.toks[k].begin || m.span.end > sv.toks[k + std::max<size_t>(*n, 1) - 1].end))
                return nullptr;
        }
        return e;
    }
    // The metrics lexicon's longest phrase at token k (lex(lx.metrics, ...)), asked for the same
    // tokens by every figure's metric search: matched once per token of the sentence.
    std::vector<std::pair<const Lexicon::Entry*, size_t>> metric_memo;  // n == SIZE_MAX: not yet matched
    const Lexicon::Entry* metric_phrase(size_t k, size_t* n) {
        if (k >= sv.toks.size() || !(sv.toks[k].bits & lx.kMetricFirst)) return nullptr;
        auto& c = metric_memo[k];
        if (c.second == SIZE_MAX) {
            c.second = 0;
            c.first = lx.metrics.match(sv.toks, k, &c.second);
        }
        if (c.first) *n = c.second;
        return c.first;
    }
    // The metrics lexicon's longest phrase at token k that ends by token `end` (lx.metrics.match(toks,
    // k, end)): the memoised longest phrase when it fits, else a match of its own.
    const Lexicon::Entry* metric_entry(size_t k, size_t end) {
        size_t n = 0;
        const Lexicon::Entry* e = metric_phrase(k, &n);
        if (!e || k + n <= end) return e;
        return lx.metrics.match(toks, k, end, nullptr);
    }
    uint32_t index_of(const Mention* m) const { return static_cast<uint32_t>(m - ms.data()); }
    static constexpr auto by_begin = [](const Mention* m, uint32_t b) { return m->span.begin < b; };
    // The first of the document's mentions that starts at or after byte b (they are sorted by span).
    std::vector<Mention>::const_iterator mentions_from(uint32_t b) const {
        return std::lower_bound(ms.begin(), ms.end(), b, [](const Mention& x, uint32_t at) { return x.span.begin < at; });
    }
    // (asked again and again for the same figures: worked out once per limit)
    size_t clause_start_tok(size_t limit, bool later_clauses = true) {
        if (limit > toks.size()) return clause_start_raw(limit, later_clauses);
        size_t& c = clause_memo[later_clauses][limit];
        if (c == SIZE_MAX) c = clause_start_raw(limit, later_clauses);
        return c;
    }

    // ---- the steps, by file (each is described where it is defined)
    // story.cc: the story's companies, sources, main company, economy and central bank
    bool affiliation_only(const Mention& m);
    bool in_passing(const Mention& m);
    bool affiliation_only_raw(const Mention& m);
    bool in_passing_raw(const Mention& m);
    // Per-mention memos of the answers that depend only on the mention and the story's indexes
    // (complete before the first question): -1 not yet known. Null for a mention not in ms.
    std::vector<int8_t> affiliation_memo, passing_memo;
    std::vector<const std::string*> area_memo;
    std::vector<uint8_t> area_known;
    int8_t* memo_of(std::vector<int8_t>& memo, const Mention& m) {
        if (&m < ms.data() || &m >= ms.data() + ms.size()) return nullptr;
        if (memo.empty()) memo.assign(ms.size(), -1);
        return &memo[static_cast<size_t>(&m - ms.data())];
    }
    // raw() once per mention, its answer kept in `memo`
    template <class Raw>
    bool memoised(std::vector<int8_t>& memo, const Mention& m, Raw raw) {
        int8_t* at = memo_of(memo, m);
        if (at && *at >= 0) return *at;
        const bool r = raw();
        if (at) *at = r;
        return r;
    }
    template <class Pred>
    std::string most_named(Pred pred);
    bool story_company(const Mention& m);
    bool staff_view(const Mention& m) const;
    void index_organisations();
    void find_doc_country();
    void index_authorities();

    // periods.cc: paragraph dates, the story day, the period that governs a figure or a baseline
    std::string word_near(uint32_t byte, bool after);
    bool contract_month(size_t i);
    bool contract_month_raw(size_t i);
    bool paragraph_date(size_t i, const text::Span& S);
    text::Span modal_span{UINT32_MAX, UINT32_MAX};  // the sentence first_modal_end was found for
    uint32_t first_modal_end = UINT32_MAX;            // end of its first modal word (paragraph_date)
    uint32_t modal_pos = 0;                           // how far its words have been tested
    void find_story_day();
    void find_lead_date();
    void find_forecast_window();
    Period forecast_period(size_t anchor);
    // A headline's or sub-headline's figure with no period restates the body's same figure: its period.
    void headline_periods();
    Period list_item_period(const std::string& metric);
    std::optional<size_t> period_referred(size_t anchor, uint32_t after, const std::string& inherited);
    bool baseline_date(size_t i);
    bool planned_in_relative(size_t k, size_t anchor, bool any_act = false);
    bool record_reference(size_t i);
    bool reference_price_date(size_t i);
    bool origin_date(size_t i);
    bool maturity_date(size_t i);
    bool past_act_aside(size_t i, uint32_t after);
    std::vector<size_t> reserve_figure_dates(uint32_t before, const std::vector<size_t>& own);
    bool announcement_date(size_t i);
    std::optional<size_t> find_period(uint32_t after, uint32_t limit, IndexSet& used, bool for_baseline = false,
                                      bool announced = true, bool share_day = false, uint32_t floor = 0);
    bool report_period(size_t i);
    bool reporting_window(size_t i);
    bool trading_day_move(size_t anchor);
    std::optional<size_t> shared_window(uint32_t after, size_t anchor);
    // (`described`: the subject is a description, "the industry": no company's later results quarter)
    Period claim_period(uint32_t after, uint32_t limit, IndexSet& used, const std::string& metric, size_t anchor,
                        bool described = false);
    std::optional<size_t> baseline_period(uint32_t be, uint32_t limit);

    // figures.cc: change events and the role of each figure
    Words words_before(size_t tok, size_t n);
    bool ends_with_cue(const Words& w, std::string_view role);
    bool per_share(size_t i);
    bool possessive_gap(size_t b, size_t e);
    bool odds_object(size_t k);  // a change word naming a move in a probability's "of" phrase
    bool comparative_at(size_t k) const;  // "higher at", "lower at": a close's move, then its level
    // "the committee" (tokens [lo, hi)) of a rate decision: the central bank (subjects.cc)
    const Mention* committee_bank(size_t lo, size_t hi);
    bool phrasal_up(size_t k);
    bool up_to_qualifier(size_t k);
    const ChangeEvent* event_before(size_t tok);
    bool followed_by_comparison(const Mention& m);
    bool comparison_change_word(size_t k) const;
    size_t past_than(size_t k) const;
    bool in_condition(size_t tok);
    bool after_threshold(size_t tok);
    bool no_claim_of_its_own(size_t f);
    bool hypothetical_consequence(size_t tok);
    Words strip_baseline_fillers(Words w);
    size_t colon_date(size_t tok);
    bool company_noun_at(size_t k) const;
    bool central_bank_at(size_t k) const;
    size_t plural_companies(size_t lo, size_t hi) const;
    const Mention* previous_opener(uint32_t at);
    const Mention* sentence_opener(const text::Span& sent);
    bool level_cue(size_t tok);
    void find_change_events();
    void figure_roles();
    void baseline_of_previous_sentence();
    bool gave_baseline = false;  // the sentence only gave the previous one's figure its baseline
    void from_to_changes();

    // clauses.cc: where clauses start and end, what stands between two words
    size_t clause_start_raw(size_t limit, bool later_clauses);
    bool list_of_names(size_t k) const;
    size_t first_verb(size_t from, size_t limit);
    bool market_close_verb(size_t k, size_t limit) const;
    bool dateline_before(size_t lo, size_t colon) const;
    const Mention* anaphor_possessive(size_t k);
    size_t past_segment_words(size_t k) const;
    const Mention* org_after_words(size_t j, size_t hi) const;
    bool whose_holder(const MetricHit& metric, size_t anchor, Subject& s);
    bool issued_bond_yield(const MetricHit& metric, size_t anchor, Subject& s);
    bool quote_after_move(const MetricHit& metric, size_t anchor, Subject& s) const;
    std::string sentence_area(size_t anchor);
    bool valued_object(size_t anchor, Subject& s, size_t* verb = nullptr);
    bool share_move_before(size_t verb) const;
    bool deal_agent(const MetricHit& metric, size_t anchor, Subject& s);
    bool fund_like(const Mention& m) const;
    bool new_subject_between(size_t from, size_t to) const;
    bool metric_participle_between(size_t from, size_t to);
    bool barrier_between(size_t from, size_t to);
    bool in_aside(size_t k, size_t anchor);
    size_t clause_of(uint32_t byte);
    uint32_t clause_end(uint32_t after);
    uint32_t next_figure(uint32_t after);

    // metrics.cc: the metric phrase of a figure, continued metrics, metric forms
    size_t complement_end(size_t end);
    bool agent_complement(size_t end, size_t k);
    bool respective_metric(size_t f, MetricHit& metric);
    bool part_of_previous(size_t anchor, size_t fig_end);
    // a verb of raising yields to its means or its subject's tax (metrics.cc)
    void raised_means(size_t lo, size_t anchor, size_t fig_end, MetricHit& best);
    // words from token `from` up to `to`, a date mention counting as one (metrics.cc)
    size_t words_between(size_t from, size_t to) const;
    bool whole_restated(size_t cs, size_t anchor, bool any_verb = false);
    // the last claim's subject and its paragraph (a part of its figure restated: whole_restated)
    Subject last_claim_subject;
    size_t last_claim_para = SIZE_MAX;
    Subject held_subject;                         // the last claim subject that named a holder,
    uint32_t held_subject_sentence = UINT32_MAX;  // and its sentence (forecaster_holder)
    std::string last_claim_metric;  // the metric of the last claim made (finish)
    bool names_figure(size_t end, size_t anchor);
    MetricAt metric_at(size_t k, size_t hi);
    std::vector<MetricCand> metric_cands;  // find_metric's scratch
    MetricHit find_metric(size_t lo, size_t anchor, size_t hi, bool prefer_after = false, size_t skip = SIZE_MAX,
                          size_t fig_end = SIZE_MAX, size_t last_fig = SIZE_MAX);
    // "bought ¥5.7 trillion of government bonds in September, down from ...": a change's metric
    // that a figure after a verb of buying sizes takes its `purchase` form (metric_forms.tsv).
    void purchase_form(MetricHit& metric, size_t fig);
    void continue_specific(MetricHit& metric, bool amount = false);
    bool continue_trade(MetricHit& metric);
    void share_of_market(const Mention& value, MetricHit& metric);
    void inflation_goal(const Mention& value, MetricHit& metric);
    void inflation_aim(const Mention& value, size_t anchor, MetricHit& metric);
    void spent_on(const Mention& value, MetricHit& metric);
    void jobs_at_risk(const Mention& value, MetricHit& metric);
    void continue_metric(MetricHit& metric, size_t slot, size_t from_slot);
    bool sentence_opens_with_company();
    bool qa_answer(MetricHit& metric);
    std::string qa_description;  // what an answer's question asks about ("the scheme"), or empty
    void parallel_profit(MetricHit& metric);
    bool object_of(const std::string& key, const Mention& value);
    bool into_own(const Mention& value);
    void elided_head(const Mention& value, size_t anchor, MetricHit& metric);
    void elided_figure(const Mention& value, size_t anchor, size_t fig_end, MetricHit& metric);
    void metric_form(std::string& key, const Mention* value, const std::vector<std::string>& names, bool change,
                     std::string_view description = {});

    // subjects.cc: the subject the sentence names
    const Mention* last_company_before(uint32_t byte);
    template <class Pred>
    const Mention* last_antecedent_before(uint32_t byte, Pred pred);
    const Mention* bidder_before(uint32_t byte);
    const std::string* area_of(const Mention& m);
    const std::string* area_of_raw(const Mention& m);
    const std::string* jurisdiction_of(const std::string& name);
    bool is_anaphor(size_t lo, size_t hi);
    // Token k moved back past the qualifiers before it ("about", "more than": kQualifierSkip),
    // to where the words before a figure start.
    size_t past_qualifiers(size_t k) const {
        while (k > 0 && k <= toks.size() && kQualifierSkip.count(toks[k - 1])) --k;
        return k;
    }
    const Mention* referent(size_t lo, size_t hi);
    const Mention* opening_holder(size_t hi, size_t from = 0);
    size_t dateline_head() const;
    bool list_item(const text::Span& P) const;
    const Mention* list_intro_source() const;
    template <class Fits>
    const Mention* trailing_release(const text::Span& P, bool country_figure, Fits&& fits);
    const Mention* person_before(uint32_t at) const;
    const Mention* titled_person_before(size_t hi, size_t from = 0);
    std::vector<const Mention*> entities_in(size_t lo, size_t hi, bool skip_parens);
    static void add_name(Subject& s, const std::string& n);
    std::vector<const Mention*> possessive_list(size_t k);
    size_t instrument_words_back(size_t k) const;
    size_t modifiers_start(size_t k, bool* combined);
    bool is_partner(const Mention* m);
    bool partner_listed(const Mention* m);
    bool place_locator(const Mention* place, const Mention* next, size_t hi) const;
    void drop_partners(std::vector<const Mention*>& ents);
    std::string company_by_place(size_t lo, size_t hi);
    bool market_place_words(size_t lo, size_t hi);
    bool possessive_subject(const MetricHit& metric, size_t anchor, Subject& s);
    bool forecast_for_subject(const MetricHit& metric, size_t anchor, Subject& s);
    bool forecast_of_place(const MetricHit& metric, Subject& s);
    bool complement_subject(const MetricHit& metric, size_t anchor, Subject& s);
    bool subject_phrase(const MetricHit& metric, size_t anchor, Subject& s, size_t& lo, size_t& hi);
    void relative_aside(size_t cs, size_t anchor, size_t& verb, size_t& hi);
    bool quote_name(size_t k, std::string_view key = {}) const;
    bool name_then_verb(const MetricHit& metric, size_t hi) const;
    const Mention* named_unit(size_t lo, size_t hi);
    const Mention* apposition_relative(size_t anchor);
    const Mention* place_possessive(size_t k) const;
    Subject find_subject(const MetricHit& metric, size_t anchor);
    Subject find_subject_raw(const MetricHit& metric, size_t anchor);
    bool other_predicate_between(size_t from, size_t to) const;
    bool later_that_clause(const Mention& m, uint32_t at, size_t* content = nullptr) const;
    void later_that_clause_statement();
    const Mention* its_company_metric(const MetricHit& metric);

    // implied_subjects.cc: the subject the sentence leaves implied; a claim's subject
    std::string paragraph_area();
    std::string named_area(size_t anchor);
    bool judge_description(Subject& s, const MetricHit& metric, bool& bad, bool& garbage, std::string& head);
    bool fiscal_ministry(std::string_view head, const MetricHit& metric) const;
    std::string describe_low;  // judge_description's scratch
    std::vector<Token> describe_toks;
    void implied_subject(Subject& s, const MetricHit& metric, size_t anchor);
    void continue_subject(Subject& s);
    void broker_forecast(Subject& s, const MetricHit& metric, size_t anchor);
    void forecaster_holder(Subject& s, const MetricHit& metric, size_t anchor);
    void lent_to(const Mention& v, MetricHit& metric, Subject& s, size_t anchor);
    void stock_target(Subject& s, const MetricHit& metric);
    void fiscal_government(Subject& s, const MetricHit& metric);
    void list_item_holder(Subject& s);
    void instrument_referent(Subject& s, const std::string& key, size_t anchor);
    void note_traded(const Subject& s, const std::string& key);
    void set_subject(const Subject& s, Claim& j, double& conf);

    // sources.cc: the sources of a claim, the holder heading a sentence
    bool another_company(const Claim& claim, const Mention* src);
    bool revises_forecast(size_t v);
    void find_forecast_holder();
    bool group_expectation(const Claim& claim);
    bool poll_elsewhere(const Mention& src, const Claim& claim, uint32_t at);
    const Mention* figure_agent(const Claim& claim, bool& group);
    bool foreign_release(const Mention& r, const Claim& claim);
    bool poll_source(const Mention& m);
    const Mention* consensus_compiler();
    const Mention* cited_in_paragraph(const Mention& src) const;
    static bool public_body(std::string_view kind);
    bool unnamed_according_to() const;
    bool history_figure(const Claim& claim);
    int story_year = -1;  // the lead's latest year (else the publication's): -1 not yet known, 0 unknown
    void inherited_sources(const std::string& metric, const Claim& claim, std::vector<const Mention*>& here, uint32_t at);
    std::vector<Source> claim_sources(double& conf, const std::string& metric, const Claim& claim, uint32_t at);
    std::vector<const Mention*> sources_here, sources_ordered;  // claim_sources' scratch
    std::vector<std::string_view> sources_seen;

    // changes.cc, amounts.cc, statements.cc: the claims of a sentence
    void change_claims();
    void amount_claims();
    void elided_changes();
    bool restated_in_quote(size_t f);
    void statement_claims();
    void unattributed_statement();
    void with_clause_statement();
    bool quote_runs_past(text::Span S) const;
    bool clause_before(size_t end) const;
    bool role_after(size_t from) const;
    bool holder_described_before(size_t first) const;
    const Mention* paragraph_quote_speaker(text::Span P) const;
    // The speaker of a quote a figure stands in when the attribution comes after the quote
    // closes, sentences later ('"Orders were up 30%. We have ...," Berg said.').
    const Mention* figure_quote_speaker(uint32_t at) const;
    bool quote_open_at(uint32_t at) const;
    // The holder heading the figure's later clause with a forecast verb (", while the finance
    // ministry projects 3.5%"), null when none.
    const Mention* clause_forecast_holder(uint32_t at);
    bool passive_forecast(uint32_t at) const;
    bool headline_view(const Mention& src) const;
    size_t list_intro(size_t para) const;
    std::optional<size_t> list_intro_period(size_t para) const;
    bool plan_clause(size_t anchor);
    bool expectation_compared(uint32_t b) const;
    bool in_headline_view(const Mention& m) const;
    void quote_beside_figure_statement();
    void conjunct_beside_figure_statement();
    void report_after_figures_statement();
    void later_conjunct_statement();
    std::optional<std::pair<size_t, bool>> clause_words(size_t c0, bool no_figures) const;
    const Mention* first_named_source() const;
    void holder_statement(uint32_t c0, const Mention* holder, double conf);
    void saying_clause_statement();
    void modal_act_beside_figure_statement();
    void emit_statement(uint32_t cb, uint32_t ce, const Mention* who, const Mention* src, uint32_t q_open,
                        uint32_t q_close, const Mention* second);
    // Statements in sentences that also carry a figure (session 22, statements.cc): the
    // sentence's statement as statement_claims reads it, kept only when its content asserts
    // something besides the figures (figure_free_part judges and may narrow the span).
    void beside_figures_statement();
    bool figure_free_part(uint32_t& c0, uint32_t& c1, bool quote) const;
    bool figure_tok(size_t k) const;
    bool clause_verb_tok(size_t k) const;
    bool clause_part(size_t k0, size_t k1, size_t least) const;
    bool beside_figures = false;
};

}  // namespace claimex::claims
