// Claim assembly: figures → roles (value, equivalent, baseline, change
// amount) → claims with subject, metric, period and sources. See claims.h
// for the overview and rules/claims/README.md for the heuristics and the
// meaning of confidence.
#include "extractor/claims/claims.h"
#include "extractor/claims/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace claimex::claims {

using normalise::Mention;
using normalise::Type;

namespace {

// (string_view comparisons: the length first, no strlen per call)
bool is_value(const Mention& m) {
    return (m.type == Type::money || m.type == Type::percent || m.type == Type::quantity) &&
           std::string_view(m.unit) != "factor";
}
bool is_factor(const Mention& m) { return m.type == Type::quantity && std::string_view(m.unit) == "factor"; }
bool is_entity(const Mention& m) { return m.type == Type::org || m.type == Type::person || m.type == Type::place; }

// Words that start a leading adverbial ("In October 2022, ...") or are
// otherwise no part of a subject.
const WordSet kLeadWords{0, {
    "in", "at", "on", "by", "according", "as", "for", "during", "since", "after", "before", "meanwhile",
    "however", "still", "also", "separately", "overall", "last", "this", "earlier", "later", "then", "but",
    "and", "so", "yet", "while", "when", "despite", "under", "with", "from", "over", "of"}};
const WordSet kPrepositions{1, {"in", "of", "from", "at", "for", "across", "with", "on", "by", "to", "into",
                                 "among", "over"}};
// Adverbs that may follow a subject before its verb ("the bank also confirmed").
const WordSet trailing_adverbs{2, {"also", "now", "still", "already", "too", "meanwhile"}};
// Heads of a phrase that refers back to a government ("the government", "the Treasury").
const WordSet government_nouns{3, {"government", "treasury", "centre", "administration"}};
// Words that open a clause of its own after a comma ("..., while X fell").
const WordSet clause_conjunctions{4, {"while", "whereas", "and", "but", "although", "though", "as"}};
// Words that open a subordinate clause: a metric phrase after one is not a figure's before it
// ("cut 1,200 jobs after demand for electric cars weakened"). (bit 52: above the CLAIM_WORDS
// class bits 10..45 and the lexicon bits 46..51, which it must not share)
const WordSet kClauseOpeners{52, {"after", "as", "while", "whereas", "because", "although", "though", "when",
                                  "which", "who", "since", "even", "despite", "amid", "unless", "until", "before",
                                  "if", "but", "giving", "leaving", "making", "bringing", "taking"}};
// Nouns for a forecast a holder revises ("cut its growth forecast", "raised its projection").
const WordSet kForecastNouns{53, {"forecast", "forecasts", "projection", "projections", "outlook", "estimate",
                                  "estimates", "prediction", "predictions"}};
// Verbs of an economy's growth: an area right before one ("expects Germany to grow 0.8%") names GDP growth.
const WordSet kGrowthVerbs{54, {"grow", "grows", "grew", "growing", "grown", "expand", "expands", "expanded",
                                "expanding", "shrink", "shrinks", "shrank", "shrinking", "contract", "contracts",
                                "contracted", "contracting"}};
const WordSet kDeterminers{5, {"the", "a", "an", "its", "their", "his", "her", "our"}};

// Words skipped before a figure ("about", "more than"), fillers between a change verb and its
// size, modifiers of a metric ("combined", "annual"), and words no subject starts with.
const WordSet kQualifierSkip{6, {
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "more", "than",
    "over", "under", "less", "up", "at", "least", "just", "a", "an", "the", "only", "close"}};
const WordSet kVerbFillers{7, {"about", "around", "nearly", "almost", "some", "roughly", "more", "than",
                                "over", "just", "a", "an", "another", "further"}};
const WordSet kMetricModifiers{8, {
    "combined", "total", "annual", "quarterly", "net", "overall", "first-half", "full-year",
    "monthly", "yearly", "joint", "aggregate", "own", "core"}};
const WordSet kNotHeads{9, {
    "it", "which", "that", "this", "these", "those", "with", "who", "they", "he", "she", "we",
    "there", "what", "while", "as", "to", "from", "than", "and", "or", "but", "if", "when"}};

// Length in bytes of a quotation mark at `pos` (", “, ”), else 0.
uint32_t quote_len(std::string_view s, uint32_t pos) {
    if (pos < s.size() && s[pos] == '"') return 1;
    if (pos + 2 < s.size() && static_cast<unsigned char>(s[pos]) == 0xE2 && static_cast<unsigned char>(s[pos + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[pos + 2]) == 0x9C || static_cast<unsigned char>(s[pos + 2]) == 0x9D))
        return 3;
    return 0;
}

// A TIMEX3 day ("2024-08-26").
bool is_day(std::string_view x) {
    return x.size() == 10 && std::isdigit(static_cast<unsigned char>(x[0])) && x[4] == '-' && x[7] == '-';
}

// A TIMEX3 day that falls on a Saturday or Sunday (no trading day: "OPEC+ agreed on Sunday").
bool is_weekend(std::string_view x) {
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

std::string lower(std::string_view s) {
    std::string o;
    lower_into(s, o);
    return o;
}

std::string trim(std::string_view s) {
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
bool dateline_tail(const std::string& a, uint32_t e, uint32_t end) {
    while (e < end && a[e] == ' ') ++e;
    return e < end && (a[e] == '(' || a[e] == '-' || a.compare(e, 3, "\xe2\x80\x94") == 0 ||
                       a.compare(e, 3, "\xe2\x80\x93") == 0);
}

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
    std::string direction;
    std::optional<double> factor;
    std::string qualifier;
    std::optional<size_t> factor_mention;
    std::string verb;
    bool intransitive = false;    // the metric is the verb's subject ("revenue rose")
    bool object_only = false;     // a figure right after it is what it acts on, not the size ("raises $300m")
    std::optional<size_t> from_baseline = std::nullopt;  // an elided verb: "and the lower rate from 10% to 18%"
};

}  // namespace

struct Assembler::Impl {
    Lexicon metrics, change_verbs, cues, verbs, demonyms;
    StringMap<std::string> scopes, unit_metrics;
    // metric key → (condition, key): the form of a metric its figure or holder calls for
    // (metric_forms.tsv: "tax_rate money tax_revenue", "jobs company employees")
    StringMap<std::vector<std::pair<std::string, std::string>>> metric_forms;
    // Authority (lower-case canonical name) → the area it speaks for (CLAIM_JURISDICTIONS).
    StringMap<std::string> jurisdictions;
    std::set<std::string, std::less<>> areas;
    // Metrics quoted as markets move (metric_scopes.tsv, third column `market`): a
    // report's period and release source do not govern them.
    std::set<std::string, std::less<>> market_metrics;
    // Metrics a market trades (third column flag `traded`: prices, index levels, yields,
    // currencies): the story's trading day governs their moves that name no date of their own.
    std::set<std::string, std::less<>> traded_metrics;
    // Word classes of rules/claims/words.tsv (CLAIM_WORDS), see its header.
    using Words = WordSet;
    Words speech_verbs, speech_aux, comparison_words, comparison_bare, condition_words, level_fillers,
        approx_words, baseline_period_words, period_bound_words, modal_words, superlatives, release_kinds, release_cues,
        company_nouns, holder_nouns, passing_words, partner_words, own_release_kinds, actor_kinds,
        announce_verbs, contract_words, belief_verbs, view_verbs, attribution_tails, continuation_words,
        council_nouns, data_nouns, average_words, forecast_verbs, staff_nouns, expecter_nouns, poll_verbs,
        unit_nouns, measure_nouns;
    // Word lists looked up by string, not by token class bit (the bits are few): "the (industrial)
    // metal", "the index"; metric keys a later bare "annual growth" / "prices" continues.
    Words instrument_anaphors, anaphor_modifiers, growth_continues;
    // statements: "warned Italy that", ", speaking at ...", ", but denied that ..."
    Words object_cues, attribution_participles, denial_verbs;

    explicit Impl(const rules::RuleSet& r)
        : metrics(r, "CLAIM_METRICS"),
          change_verbs(r, "CLAIM_CHANGE_VERBS"),
          cues(r, "CLAIM_CUES"),
          verbs(Lexicon::from_list(r, "CLAIM_VERBS")),
          demonyms(r, "CLAIM_DEMONYMS") {
        auto load = [&](std::string_view name, StringMap<std::string>& into) {
            if (const auto* rows = r.table(name))
                for (const auto& row : *rows)
                    if (row.size() >= 2 && !row[0].empty()) into[row[0]] = row[1];
        };
        load("CLAIM_METRIC_SCOPES", scopes);
        if (const auto* rows = r.table("CLAIM_METRIC_SCOPES"))
            for (const auto& row : *rows) {
                // third column: flags separated by commas ("market,traded")
                auto flag = [&](std::string_view f) {
                    if (row.size() < 3) return false;
                    std::string_view v = row[2];
                    for (size_t b = 0; b <= v.size();) {
                        size_t e = std::min(v.find(',', b), v.size());
                        if (v.substr(b, e - b) == f) return true;
                        b = e + 1;
                    }
                    return false;
                };
                if (flag("market") || (row.size() >= 2 && (row[1] == "instrument" || row[1] == "quote")))
                    market_metrics.insert(row[0]);
                if (flag("traded")) traded_metrics.insert(row[0]);
            }
        load("CLAIM_UNIT_METRICS", unit_metrics);
        if (const auto* rows = r.table("CLAIM_METRIC_FORMS"))
            for (const auto& row : *rows)
                if (row.size() >= 3 && !row[0].empty()) metric_forms[row[0]].emplace_back(row[1], row[2]);
        if (const auto* rows = r.table("CLAIM_JURISDICTIONS"))
            for (const auto& row : *rows)
                if (row.size() >= 2 && !row[0].empty()) {
                    jurisdictions[lower(row[0])] = row[1];
                    areas.insert(row[1]);
                }
        const std::pair<const char*, Words*> classes[] = {
            {"speech", &speech_verbs},         {"speech_aux", &speech_aux},
            {"comparison", &comparison_words}, {"comparison_bare", &comparison_bare},
            {"condition", &condition_words},   {"level_filler", &level_fillers},
            {"approx", &approx_words},         {"baseline_period", &baseline_period_words},
            {"period_bound", &period_bound_words}, {"modal", &modal_words},
            {"superlative", &superlatives}, {"release_kind", &release_kinds}, {"release_cue", &release_cues},
            {"company_noun", &company_nouns}, {"holder", &holder_nouns},
            {"passing", &passing_words}, {"partner", &partner_words},
            {"own_release_kind", &own_release_kinds}, {"actor_kind", &actor_kinds},
            {"announce", &announce_verbs}, {"contract", &contract_words},
            {"belief", &belief_verbs}, {"view", &view_verbs},
            {"attribution_tail", &attribution_tails}, {"continuation", &continuation_words},
            {"council", &council_nouns}, {"data_noun", &data_nouns}, {"average", &average_words},
            {"forecast", &forecast_verbs}, {"staff", &staff_nouns}, {"expecter", &expecter_nouns}, {"poll", &poll_verbs},
            {"unit", &unit_nouns}, {"measure", &measure_nouns}};
        const std::pair<const char*, Words*> lists[] = {
            {"instrument_anaphor", &instrument_anaphors}, {"anaphor_modifier", &anaphor_modifiers},
            {"growth_continues", &growth_continues}, {"object_cue", &object_cues},
            {"attribution_participle", &attribution_participles}, {"denial", &denial_verbs}};
        if (const auto* rows = r.table("CLAIM_WORDS"))
            for (const auto& row : *rows)
                if (row.size() >= 2 && !row[0].empty()) {
                    for (const auto& [name, set] : classes)
                        if (row[1] == name) set->insert(lower(row[0]));
                    for (const auto& [name, set] : lists)
                        if (row[1] == name) set->insert(lower(row[0]));
                }
        // One lookup per token gives all its word classes (Token::bits).
        const WordSet* fixed[] = {&kLeadWords, &kPrepositions, &trailing_adverbs, &government_nouns,
                                  &clause_conjunctions, &kDeterminers, &kQualifierSkip, &kVerbFillers,
                                  &kMetricModifiers, &kNotHeads, &kClauseOpeners, &kForecastNouns, &kGrowthVerbs};
        for (const WordSet* w : fixed)
            for (const auto& x : w->words) word_bits[x] |= w->bit;
        static_assert(kFirstClassBit + sizeof(classes) / sizeof(classes[0]) <= 46, "word class bits overlap kMetricFirst");
        int b = kFirstClassBit;
        for (const auto& [name, set] : classes) {
            set->bit = uint64_t{1} << b++;
            for (const auto& x : set->words) word_bits[x] |= set->bit;
        }
        auto firsts = [&](const Lexicon& lx, uint64_t first, uint64_t single) {
            lx.each_first([&](const std::string& w, bool alone) {
                word_bits[w] |= first;
                if (alone) word_bits[w] |= single;
            });
        };
        firsts(metrics, kMetricFirst, 0);
        firsts(change_verbs, kChangeFirst, kChangeWord);
        firsts(cues, kCueFirst, 0);
        firsts(demonyms, kDemonymFirst, 0);
        firsts(verbs, 0, kVerbWord);
    }
    // Word classes of each lower-case word (WordSet bits and the lexicon bits below).
    StringMap<uint64_t> word_bits;
    static constexpr int kFirstClassBit = 10;  // CLAIM_WORDS classes: bits 10..45
    // (above the CLAIM_WORDS classes, which may grow: kFirstClassBit + their count < 40)
    static constexpr uint64_t kMetricFirst = uint64_t{1} << 46, kChangeFirst = uint64_t{1} << 47,
                              kCueFirst = uint64_t{1} << 48, kDemonymFirst = uint64_t{1} << 49,
                              kVerbWord = uint64_t{1} << 50, kChangeWord = uint64_t{1} << 51;
    void classify(std::vector<Token>& toks) const {
        for (Token& k : toks)
            if (auto it = word_bits.find(k.low); it != word_bits.end()) k.bits = it->second;
    }
    std::string_view scope_of(std::string_view key) const {
        auto it = scopes.find(key);
        return it == scopes.end() ? std::string_view() : std::string_view(it->second);
    }

    std::vector<Claim> assemble(const std::vector<Mention>& ms, const text::Text& t, const DocumentInfo& doc) const;
};

namespace {

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

    // The first token ending after `byte` (token ends increase: a binary search).
    size_t token_at(uint32_t byte) const {
        return static_cast<size_t>(
            std::partition_point(toks.begin(), toks.end(), [&](const Token& k) { return k.end <= byte; }) -
            toks.begin());
    }
    // The first token that starts at or after `byte` (the word after a mention that ends there).
    size_t token_after(uint32_t byte) const {
        size_t k = token_at(byte);
        if (k < toks.size() && toks[k].begin < byte) ++k;
        return k;
    }
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


}  // namespace

std::vector<Claim> Assembler::Impl::assemble(const std::vector<Mention>& ms, const text::Text& t,
                                             const DocumentInfo& doc) const {
    std::vector<Claim> out;
    const std::string& a = t.analysis();

    // The article's lead attribution: the first source naming someone.
    const Mention* lead_source = nullptr;
    for (const Mention& m : ms)
        if (m.type == Type::source && !m.name.empty()) {
            lead_source = &m;
            break;
        }

    // Companies and sources in document order, so that "the company" and the
    // paragraph's sources are found by binary search, not by a scan per claim.
    std::vector<const Mention*> companies, named_sources, releases;
    // A company named as the employer or provider inside someone else's attribution ("Analysts
    // at Kotak said", "data compiled by LSEG") is where a view comes from, not a company the
    // story is about ("according to Alibaba" is Alibaba speaking for itself).
    std::vector<std::pair<uint32_t, uint32_t>> source_spans;
    for (const Mention& m : ms)
        if (m.type == Type::source) source_spans.push_back({m.span.begin, m.span.end});
    // (and a person's employer named in an apposition: "said Aditi Rao, chief economist at
    // Meridian Ratings"; and "the Treasury", "the Centre" taken for a company: a government)
    std::set<std::string, std::less<>> affiliations;
    for (const Mention& m : ms)
        if ((m.type == Type::person || m.type == Type::source) && !m.affiliation.empty()) affiliations.insert(m.affiliation);
    auto affiliation_only = [&](const Mention& m) {
        if (government_nouns.count(lower(m.name))) return true;
        // "Martin Ellery, chief UK economist at Northgate Economics": a person's employer
        auto from = std::lower_bound(ms.begin(), ms.end(), m.span.begin > 120 ? m.span.begin - 120 : 0,
                                     [](const Mention& x, uint32_t b) { return x.span.begin < b; });
        for (auto it = from; it != ms.end(); ++it) {
            const Mention& p = *it;
            if (p.span.begin >= m.span.begin) break;
            if (p.type != Type::person || p.span.end + 80 < m.span.begin || p.span.end > m.span.begin) continue;
            std::string_view gap = std::string_view(a).substr(p.span.end, m.span.begin - p.span.end);
            if (gap.size() > 4 && gap.find('.') == std::string_view::npos && gap.find('\n') == std::string_view::npos &&
                gap.substr(gap.size() - 4) == " at " && gap[0] == ',')
                return true;
        }
        bool inside = false;
        for (const auto& [b, e] : source_spans) inside |= b < m.span.begin && m.span.end <= e;
        if (!inside && !affiliations.count(m.name)) return false;
        size_t e = m.span.begin;
        while (e > 0 && std::isspace(static_cast<unsigned char>(a[e - 1]))) --e;
        size_t b = e;
        while (b > 0 && std::isalpha(static_cast<unsigned char>(a[b - 1]))) --b;
        std::string w = lower(std::string_view(a).substr(b, e - b));
        return w == "at" || w == "from" || w == "by";
    };
    for (const Mention& m : ms) {
        if (m.type == Type::org && (std::string_view(m.kind) == "company" || m.kind.empty()) && !affiliation_only(m))
            companies.push_back(&m);
        if (m.type == Type::source && !m.name.empty()) named_sources.push_back(&m);
        // An organisation's own release of its figures (not a forecast, nor a person's view).
        if (m.type == Type::source && !m.name.empty() && release_kinds.count(m.kind) && release_cues.count(m.cue))
            releases.push_back(&m);
    }
    // Organisations by name (their kind), and each one's own releases in document order.
    std::unordered_map<std::string, std::string> org_kinds;
    std::unordered_map<std::string, std::vector<const Mention*>> releases_of;
    for (const Mention& m : ms)
        if (m.type == Type::org && !m.name.empty()) org_kinds.emplace(m.name, m.kind);
    for (const Mention* r : releases) releases_of[r->name].push_back(r);
    // Companies the article introduces as a part of another ("its electric vehicle subsidiary,
    // Kaveri EV", "Jio Platforms, the digital services unit"): a `unit` word a few words from
    // the first mention. Their figures are the parent's release's; another company's are not.
    std::set<std::string, std::less<>> unit_companies;
    {
        auto words_of = [&](uint32_t b, uint32_t e) {
            std::vector<std::string> ws;
            std::string w;
            for (uint32_t k = b; k <= e; ++k) {
                if (k < e && std::isalpha(static_cast<unsigned char>(a[k]))) {
                    w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(a[k]))));
                } else {
                    if (!w.empty()) ws.push_back(w);
                    w.clear();
                    if (k < e && (a[k] == ',' || a[k] == '.' || a[k] == ';' || a[k] == '\n')) ws.push_back(",");
                }
            }
            return ws;
        };
        std::set<std::string_view> seen_names;
        for (const Mention& m : ms) {
            if (m.type != Type::org || std::string_view(m.kind) != "company" || m.name.empty()) continue;
            if (!seen_names.insert(m.name).second) continue;
            // "its electric vehicle subsidiary, Kaveri EV": the unit word right before the name
            auto before = words_of(m.span.begin > 40 ? m.span.begin - 40 : 0, m.span.begin);
            if (!before.empty() && before.back() == ",") before.pop_back();
            bool unit = !before.empty() && unit_nouns.count(before.back());
            // "its Daihatsu and Hino units": a unit word right after the name
            auto after = words_of(m.span.end, std::min<uint32_t>(static_cast<uint32_t>(a.size()), m.span.end + 60));
            unit |= !after.empty() && unit_nouns.count(after[0]);
            // "Jio Platforms, the digital services unit,": an apposition that ends in a unit word
            if (!unit && after.size() >= 2 && after[0] == "," &&
                (after[1] == "the" || after[1] == "its" || after[1] == "a" || after[1] == "an"))
                for (size_t k = 2; k < after.size() && k < 8 && after[k] != ","; ++k)
                    if (unit_nouns.count(after[k]) && (k + 1 == after.size() || after[k + 1] == ",")) unit = true;
            if (unit) unit_companies.insert(m.name);
        }
    }
    // A company's release or statement does not speak for another company's figures (a rival's
    // results, a target's customers): a company source other than the figure's single company
    // subject, unless the subject is a part of it (a `unit`, or its name starts with the same word:
    // "Kaveri EV" in a Kaveri Motors release).
    auto another_company = [&](const Claim& claim, const Mention* src) {
        if (!src || claim.subject_is_description || claim.subject.size() != 1) return false;
        // (the kind of the organisation as first named: a source mention may mistake a news
        // agency for a company)
        auto sk = org_kinds.find(src->name);
        if (std::string_view(sk != org_kinds.end() ? sk->second : src->kind) != "company") return false;
        const std::string& n = claim.subject.front();
        if (n == src->name || unit_companies.count(n)) return false;
        auto k = org_kinds.find(n);
        if (k == org_kinds.end() || k->second != "company") return false;
        auto first_word = [](std::string_view x) { return x.substr(0, x.find(' ')); };
        return first_word(n) != first_word(src->name);
    };
    // The lead: the first paragraph after the headline long enough to be text, not a sub-headline,
    // a byline or a date line.
    size_t lead_paragraph = 1;
    while (lead_paragraph < t.paragraphs().size() && t.paragraphs()[lead_paragraph].size() < 120) ++lead_paragraph;
    const size_t lead_paragraphs = 2;  // a release named this early governs the headline too
    auto by_begin = [](const Mention* m, uint32_t b) { return m->span.begin < b; };
    // A company named once, in passing, after a preposition or an -ing verb ("after leaving the
    // payments firm Stripe", "from Hong Kong developer Pinewood Land", "for a Greek shipowner")
    // is background: "the company" and "it" later refer past it to a company the story is about.
    std::unordered_map<std::string_view, int> company_count;
    for (const Mention* m : companies) ++company_count[m->name];
    auto in_passing = [&](const Mention& m) {
        if (company_count[m.name] > 1) return false;
        size_t e = m.span.begin;
        for (int words = 0; words < 5; ++words) {
            while (e > 0 && a[e - 1] == ' ') --e;
            size_t b = e;
            while (b > 0 && (std::isalpha(static_cast<unsigned char>(a[b - 1])) || a[b - 1] == '-')) --b;
            if (b == e) return false;  // punctuation or a line start: the phrase begins here
            std::string w = lower(std::string_view(a).substr(b, e - b));
            if (passing_words.count(w) || (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0)) return true;
            e = b;
        }
        return false;
    };
    std::vector<const Mention*> antecedents;
    for (const Mention* m : companies)
        if (!in_passing(*m)) antecedents.push_back(m);
    // Last company named before a position (for "the company"), past those named in passing.
    auto last_company_before = [&](uint32_t byte) -> const Mention* {
        auto it = std::lower_bound(antecedents.begin(), antecedents.end(), byte, by_begin);
        return it == antecedents.begin() ? nullptr : *std::prev(it);
    };

    // The article's main company, economy and central bank: the most named (the first
    // named on a tie), for subjects the sentence leaves implied.
    auto most_named = [&](auto pred) {
        std::unordered_map<std::string, int> n;
        std::string best;
        int bn = 0;
        for (const Mention& m : ms)
            if (pred(m) && !m.name.empty())
                if (int c = ++n[m.name]; c > bn) {
                    bn = c;
                    best = m.name;
                }
        return best;
    };
    // A company named only as a speaker ("according to the Economic Survey", "Capital Economics
    // said"), never outside an attribution, is no company the story's figures are about.
    std::set<std::string, std::less<>> named_outside;
    for (const Mention& m : ms)
        if (m.type == Type::org) {
            bool inside = false;
            for (const auto& [b, e] : source_spans) inside |= b <= m.span.begin && m.span.end <= e;
            if (!inside) named_outside.insert(m.name);
        }
    auto story_company = [&](const Mention& m) {
        return m.type == Type::org && (std::string_view(m.kind) == "company" || m.kind.empty()) && !affiliation_only(m) &&
               named_outside.count(m.name);
    };
    std::string doc_company = most_named([&](const Mention& m) { return story_company(m) && !in_passing(m); });
    if (doc_company.empty()) doc_company = most_named(story_company);
    // The area an entity stands for: a country or region, a city that is an economy of its
    // own (Hong Kong, Singapore), or an authority's area (ECB → Eurozone).
    auto area_of = [&](const Mention& m) -> const std::string* {
        if (m.name.empty()) return nullptr;
        if (m.type == Type::place &&
            (std::string_view(m.kind) == "country" || std::string_view(m.kind) == "region" || areas.count(m.name)))
            return &m.name;
        if (m.type == Type::org && !m.kind.empty() && std::string_view(m.kind) != "company") {
            auto it = jurisdictions.find(lower(m.name));
            if (it != jurisdictions.end()) return &it->second;
        }
        return nullptr;
    };
    // The lower-cased text (tokens are views into it), written token by token by tokenize.
    std::string low_doc(a.size(), '\0');
    // The economy the story is about: the area its places and authorities name most, those of
    // the headline and lead counting double; a place after "to"/"from" ("exports to the US",
    // "imports from China") is a partner, not the economy. A demonym of the headline or lead
    // names it too ("Japanese exports rise ...": Japan), counting double.
    std::string doc_country;
    {
        std::unordered_map<std::string, int> n;
        int bn = 0;
        {
            std::vector<Token> head_toks;
            for (const text::Span& S : t.sentences()) {
                if (t.paragraph_index(S.begin) > 1) break;
                head_toks.clear();
                tokenize(a, low_doc, S, head_toks);
                classify(head_toks);
                for (size_t k = 0; k < head_toks.size(); ++k) {
                    size_t len = 0;
                    const Lexicon::Entry* e =
                        (head_toks[k].bits & kDemonymFirst) ? demonyms.match(head_toks, k, &len) : nullptr;
                    if (!e) continue;
                    // only a demonym that qualifies a metric ("Japanese exports", "the British
                    // economy"), not a customer ("for a Greek shipowner"); an adjective the entity
                    // stage already made a place ("US tariffs") counts as that place below
                    size_t j = k + len, n2 = 0;
                    if (j >= head_toks.size() ||
                        !(head_toks[j].low == "economy" ||
                          ((head_toks[j].bits & kMetricFirst) && metrics.match(head_toks, j, &n2))))
                        continue;
                    // at the head of its clause ("Japanese exports rise", "..., as the British economy
                    // grew"), not an object ("EU hits Chinese electric cars", "exports to Chinese buyers")
                    size_t p = k > 0 && head_toks[k - 1].low == "the" ? k - 1 : k;
                    if (p > 0 && head_toks[p - 1].is_word() && !clause_conjunctions.count(head_toks[p - 1]) &&
                        head_toks[p - 1].low != "as")
                        continue;
                    bool covered = false;  // (mentions are sorted by start; only a few demonyms get here)
                    for (const Mention& m : ms) {
                        if (m.span.begin > head_toks[k].begin) break;
                        covered |= is_entity(m) && m.span.end > head_toks[k].begin;
                    }
                    if (covered) continue;
                    if (int c = (n[e->value] += 2); c > bn) {
                        bn = c;
                        doc_country = e->value;
                    }
                    if (len > 1) k += len - 1;
                }
            }
        }
        for (const Mention& m : ms) {
            const std::string* area = area_of(m);
            if (!area) continue;
            size_t e = m.span.begin;
            auto prev_word = [&]() {
                while (e > 0 && std::isspace(static_cast<unsigned char>(a[e - 1]))) --e;
                size_t b = e;
                while (b > 0 && std::isalpha(static_cast<unsigned char>(a[b - 1]))) --b;
                std::string w = lower(std::string_view(a).substr(b, e - b));
                e = b;
                return w;
            };
            std::string w = prev_word();
            if (w == "the") w = prev_word();
            if (w == "to" || w == "from" || w == "into" || w == "against" || w == "with") continue;
            int c = (n[*area] += t.paragraph_index(m.span.begin) <= 1 ? 2 : 1);
            if (c > bn) {
                bn = c;
                doc_country = *area;
            }
        }
    }
    const std::string doc_bank =
        most_named([](const Mention& m) { return m.type == Type::org && std::string_view(m.kind) == "central_bank"; });
    std::vector<const Mention*> central_banks, governments;
    for (const Mention& m : ms) {
        if (m.type == Type::org && std::string_view(m.kind) == "central_bank") central_banks.push_back(&m);
        if (m.type == Type::org && (std::string_view(m.kind) == "government" || government_nouns.count(lower(m.name))) &&
            !m.name.empty())
            governments.push_back(&m);
    }

    size_t next_mention = 0;
    // The speaker of a quote standing alone (statements), for sources_json.
    const Mention* quote_speaker = nullptr;
    // A quote that runs on over several sentences: where it closes and who speaks it (each of
    // its sentences is a statement of its own).
    uint32_t quote_open_until = 0;
    const Mention* run_speaker = nullptr;
    // How many claims took each id so far: the n-th same id is "id-n" (a count, not a search
    // from 2 up, which made a story of one sentence said 10,000 times quadratic).
    std::unordered_map<std::string, int> id_uses;
    std::vector<std::string> last_subject;
    size_t last_subject_para = SIZE_MAX;
    uint32_t last_subject_sentence = UINT32_MAX;  // the sentence last_subject was named in
    // The last subject a traded metric's claim had, by metric key ("Spot gold rose 0.8%"): what a
    // later "The metal has gained 30%" or "the index" refers back to.
    struct TradedSubject { std::vector<std::string> names; std::string description; size_t para = SIZE_MAX; };
    std::map<std::string, TradedSubject, std::less<>> last_traded;
    // Names that were a claim's own subject so far (not a fallback), and whether the claim being
    // assembled has a fallback subject: a company that spoke of its own figures does not speak
    // for another organisation's (claim_sources).
    std::map<std::string, size_t, std::less<>> subject_paragraph;  // name → last paragraph it was a subject in
    bool subject_fallback = false;
    // The metric of the paragraph's last figure claim, by the type of its figure (money,
    // percent, quantity): "Analysts had expected ¥4.6 trillion" after "operating profit of ¥4.3
    // trillion" is the same metric. Any type for a change ("Values climbed 1.9%").
    struct LastMetric { std::string key; size_t para = SIZE_MAX; };
    LastMetric last_metric[4];  // [Type::money, percent, quantity], [3]: any
    // The report period that governs figures stated without a date: the last period
    // a figure of the same paragraph was given, else the article's first (its lead's
    // quarter, half, month or fiscal year).
    std::optional<size_t> doc_period, para_period;
    bool doc_period_headline = false;  // doc_period is the headline's (the lead's replaces it)
    bool lead_has_figure = false;      // a figure claim was made in the lead paragraph
    size_t para_period_para = SIZE_MAX;
    // A month or quarter named earlier in the paragraph, figure or not ("The ONS revised its
    // figures for January. Prices in that month fell 0.2%"): the last one of the sentences
    // before (pending: the current sentence's, effective from the next sentence on).
    std::optional<size_t> para_date, pending_date;
    size_t para_date_para = SIZE_MAX, pending_date_para = SIZE_MAX;

    // The lower-cased text (tokens are views into it) and the per-sentence scratch.
    std::vector<Token> tok_scratch, date_toks;
    std::vector<size_t> mention_scratch, tok_mention_scratch;
    std::vector<int8_t> baseline_dates(ms.size(), -1);  // per date mention: -1 not yet known
    IndexSet used_dates_scratch, consumed_scratch;
    std::vector<size_t> clause_memo[2];  // clause_start_tok per limit, without / with later clauses

    // The lower-case word right before / after a byte (text only: for any sentence).
    auto word_near = [&](uint32_t byte, bool after) {
        std::string w;
        if (after) {
            size_t e = byte;
            while (e < a.size() && a[e] == ' ') ++e;
            while (e < a.size() && std::isalnum(static_cast<unsigned char>(a[e])))
                w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(a[e++]))));
        } else {
            size_t b = byte;
            while (b > 0 && a[b - 1] == ' ') --b;
            size_t e = b;
            while (b > 0 && std::isalnum(static_cast<unsigned char>(a[b - 1]))) --b;
            for (size_t k = b; k < e; ++k) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(a[k]))));
        }
        return w;
    };
    // A futures contract month ("for December delivery", "November futures", "crude futures
    // for November", "the January contract") names what is traded, not when a price was set.
    auto contract_month = [&](size_t i) {
        const std::string& x = ms[i].timex;
        if (x.size() != 7 || x[4] != '-') return false;
        if (contract_words.count(word_near(ms[i].span.end, true))) return true;
        std::string before = word_near(ms[i].span.begin, false);
        if (contract_words.count(before)) return true;
        if (before != "for") return false;
        uint32_t b = ms[i].span.begin;
        while (b > 0 && a[b - 1] == ' ') --b;
        return contract_words.count(word_near(b - std::min<uint32_t>(b, 3), false)) > 0;
    };
    // A date that can stand for the paragraph's later figures: a month, quarter or half, not
    // bounding a span ("since March"), not a contract month, not in a plan or forecast ("will
    // ... in the third quarter").
    auto paragraph_date = [&](size_t i, const text::Span& S) {
        const std::string& x = ms[i].timex;
        if (x.empty() || x[0] == 'P') return false;  // (a window such as "the quarter ended June 29" does not govern)
        {
            bool fiscal = x.rfind("FY", 0) == 0;
            size_t dash = x.find('-');
            if (dash == std::string::npos || (!fiscal && x.size() > 7) || x.find('W') != std::string::npos) return false;
            if (!fiscal && x.size() == 7 && !std::isdigit(static_cast<unsigned char>(x[dash + 1])) &&
                x[dash + 1] != 'Q' && x[dash + 1] != 'H')
                return false;  // seasons
        }
        if (period_bound_words.count(word_near(ms[i].span.begin, false)) || contract_month(i)) return false;
        for (const Token& k : (date_toks.clear(), tokenize(a, low_doc, ms[i].span, date_toks), date_toks))
            if (baseline_period_words.count(k.low)) return false;
        // no plan or forecast word before it in the sentence
        for (uint32_t b = S.begin; b < ms[i].span.begin;) {
            while (b < ms[i].span.begin && !std::isalpha(static_cast<unsigned char>(a[b]))) ++b;
            uint32_t e = b;
            while (e < ms[i].span.begin && std::isalpha(static_cast<unsigned char>(a[e]))) ++e;
            if (e > b && modal_words.count(lower(std::string_view(a).substr(b, e - b)))) return false;
            b = e;
        }
        return true;
    };

    // The story's trading day (corpus/CLAIMS.md, Periods): the first day its opening names — a
    // headline's "on Tuesday", else a day in the first two paragraphs of running text ("Oil fell
    // 2% on Tuesday", "the Bank of England ... on Thursday"), not a dateline or the publication
    // line, not bounding a span ("since Monday"), not an earlier day ("last Friday", "the
    // previous session"), not a weekend — else the first market move's own day (set as claims
    // come). It governs the later market moves that name no date or window of their own.
    std::optional<size_t> story_day;
    {
        auto words_in = [&](uint32_t b, uint32_t e) {
            size_t n = 0;
            for (uint32_t k = b; k < e; ++k)
                if (std::isalpha(static_cast<unsigned char>(a[k])) && (k == b || !std::isalpha(static_cast<unsigned char>(a[k - 1]))))
                    ++n;
            return n;
        };
        // running text: a line of a dozen words or more that ends a sentence (not a headline,
        // a byline or a publication line such as "March 11, 2025 · 4:52 PM GMT · 4 min read")
        auto running = [&](uint32_t b, uint32_t e) {
            while (e > b && std::isspace(static_cast<unsigned char>(a[e - 1]))) --e;
            if (e == b) return false;
            char c = a[e - 1];
            bool ends = c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' ||
                        (e >= b + 3 && static_cast<unsigned char>(a[e - 3]) == 0xE2 && static_cast<unsigned char>(a[e - 2]) == 0x80 &&
                         (static_cast<unsigned char>(c) == 0x9D || static_cast<unsigned char>(c) == 0x99));
            return ends && words_in(b, e) >= 12;
        };
        // "LONDON, Oct 17 - ...", "SEOUL, July 5 (Yonhap) --": the dateline at a line's start
        auto dateline = [&](size_t i, uint32_t line) {
            uint32_t b = ms[i].span.begin, e = ms[i].span.end;
            if (words_in(line, b) > 6) return false;
            while (b > line && a[b - 1] == ' ') --b;
            if (b == line || a[b - 1] != ',') return false;
            return dateline_tail(a, e, static_cast<uint32_t>(a.size()));
        };
        auto opening_day = [&](size_t i, uint32_t line, bool headline) {
            if (ms[i].type != Type::date || !is_day(ms[i].timex) || is_weekend(ms[i].timex)) return false;
            if (ms[i].from != ms[i].to) return false;  // a span of days ("the July 30-31 meeting")
            std::string before = word_near(ms[i].span.begin, false);
            if (headline && before != "on") return false;
            if (before == "last" || period_bound_words.count(before) || dateline(i, line)) return false;
            // another event's day ("..., after dropping 2.7% on Monday"): "after" earlier in its clause
            for (uint32_t b = ms[i].span.begin, n = 0; b > line && n < 12; ++n) {
                while (b > line && !std::isalpha(static_cast<unsigned char>(a[b - 1])) && a[b - 1] != ',' && a[b - 1] != ';') --b;
                if (b == line || a[b - 1] == ',' || a[b - 1] == ';') break;
                std::string w = word_near(b, false);
                if (w == "after" || w == "following") return false;
                b -= static_cast<uint32_t>(w.size());
            }
            for (const Token& k : (date_toks.clear(), tokenize(a, low_doc, ms[i].span, date_toks), date_toks))
                if (baseline_period_words.count(k.low) || k.low == "last") return false;
            return true;
        };
        const auto& paras = t.paragraphs();
        size_t body = 0, mi = 0;
        for (size_t p = 0; p < paras.size() && body < 2 && !story_day; ++p)
            for (uint32_t lb = paras[p].begin; lb < paras[p].end && !story_day;) {
                uint32_t le = std::min<uint32_t>(paras[p].end, static_cast<uint32_t>(std::min(a.find('\n', lb), a.size())));
                const bool run = p > 0 && running(lb, le);
                while (mi < ms.size() && ms[mi].span.begin < lb) ++mi;
                if (p == 0 || run)
                    for (size_t i = mi; i < ms.size() && ms[i].span.begin < le; ++i)
                        if (opening_day(i, lb, p == 0)) {
                            story_day = i;
                            break;
                        }
                body += run;
                lb = le + 1;
            }
    }

    // The lead's month, quarter or half ("UK house prices rose for a fourth month in October,
    // according to Nationwide"): the article's report period when no figure has set one yet,
    // though the lead states no figure itself (as paragraph_date does within a paragraph).
    std::optional<size_t> lead_date;
    for (const text::Span& S : t.sentences()) {
        if (t.paragraph_index(S.begin) < lead_paragraph) continue;
        if (t.paragraph_index(S.begin) > lead_paragraph || lead_date) break;
        for (size_t i = 0; i < ms.size() && !lead_date; ++i)
            if (ms[i].type == Type::date && ms[i].span.begin >= S.begin && ms[i].span.end <= S.end && paragraph_date(i, S))
                lead_date = i;
    }
    // (only a lead that relays a release: "..., according to Nationwide", "the ONS said")
    if (!(lead_source && t.paragraph_index(lead_source->span.begin) == lead_paragraph &&
          release_kinds.count(lead_source->kind) && release_cues.count(lead_source->cue)))
        lead_date.reset();

    for (const text::Span& S : t.sentences()) {
        mention_scratch.clear();
        SentenceView sv{ms, t, S, tok_scratch, mention_scratch, tok_mention_scratch};
        while (next_mention < ms.size() && ms[next_mention].span.begin < S.begin) ++next_mention;
        for (size_t i = next_mention; i < ms.size() && ms[i].span.begin < S.end; ++i) sv.mentions.push_back(i);
        if (pending_date) {
            para_date = pending_date;
            para_date_para = pending_date_para;
            pending_date.reset();
        }
        for (size_t i : sv.mentions)
            if (ms[i].type == Type::date && paragraph_date(i, S)) {
                pending_date = i;
                pending_date_para = t.paragraph_index(S.begin);
            }
        bool any_value = false, any_source = false, any_factor = false;
        for (size_t i : sv.mentions) {
            any_value |= is_value(ms[i]);
            any_factor |= is_factor(ms[i]);
            any_source |= ms[i].type == Type::source && !ms[i].name.empty();
        }
        // A sentence that opens with a quote may be a speaker's statement standing alone.
        const bool inside_quote = S.begin < quote_open_until;
        const bool quoted = quote_len(a, S.begin) > 0 || inside_quote;
        // A sentence that opens with a holder ("Orvane expects ...", "It also expects ...") may
        // state its belief (statements, below).
        bool holder_first = a.compare(S.begin, 3, "It ") == 0 || a.compare(S.begin, 4, "The ") == 0;
        for (size_t i : sv.mentions)
            if (ms[i].type != Type::source) {
                holder_first |= ms[i].span.begin <= S.begin + 4 && (ms[i].type == Type::org || ms[i].type == Type::person);
                break;
            }
        // "Several members agreed that ...": a view stated by a holder the sources pass names
        // no one for (below).
        const bool has_that = std::string_view(a.data() + S.begin, S.end - S.begin).find(" that ") != std::string_view::npos;
        if (!any_value && !any_source && !any_factor && !quoted && !holder_first && !has_that) continue;

        sv.toks.clear();
        tokenize(a, low_doc, S, sv.toks);
        classify(sv.toks);
        // A lexicon match only where a lexicon's first word is.
        auto lex = [&](const Lexicon& lx, uint64_t first, size_t k, size_t* n) -> const Lexicon::Entry* {
            return k < sv.toks.size() && (sv.toks[k].bits & first) ? lx.match(sv.toks, k, n) : nullptr;
        };
        sv.tok_mention.assign(sv.toks.size(), SIZE_MAX);
        for (size_t i : sv.mentions) {
            if (ms[i].type == Type::source) continue;
            // the tokens inside the mention: from the first that begins in it (begins increase)
            auto first = std::partition_point(sv.toks.begin(), sv.toks.end(),
                                              [&](const Token& k) { return k.begin < ms[i].span.begin; });
            for (size_t k = static_cast<size_t>(first - sv.toks.begin());
                 k < sv.toks.size() && sv.toks[k].begin < ms[i].span.end; ++k)
                if (sv.toks[k].end <= ms[i].span.end &&
                    (sv.tok_mention[k] == SIZE_MAX || !is_value(ms[sv.tok_mention[k]])))
                    sv.tok_mention[k] = i;
        }
        const auto& toks = sv.toks;

        // Words before a figure, skipping qualifier words ("about", "more than"): the
        // tokens [lo, hi), which are contiguous (only the words next to the figure are skipped).
        struct Words {
            const std::vector<Token>& toks;
            size_t lo = 0, hi = 0;
            bool empty() const { return lo == hi; }
            std::string_view back() const { return toks[hi - 1].low; }
        };
        auto words_before = [&](size_t tok, size_t n) {
            Words w{toks, tok, tok};
            for (size_t k = tok; k-- > 0 && w.hi - w.lo < n;) {
                if (sv.tok_mention[k] != SIZE_MAX && is_value(ms[sv.tok_mention[k]])) break;
                if (w.empty() && kQualifierSkip.count(toks[k])) {
                    w.lo = w.hi = k;
                    continue;
                }
                w.lo = k;
            }
            return w;
        };
        auto ends_with_cue = [&](const Words& w, std::string_view role) {
            for (size_t start = w.lo; start < w.hi; ++start) {
                if (!(toks[start].bits & kCueFirst)) continue;
                size_t n = 0;
                const Lexicon::Entry* e = cues.match(toks, start, w.hi, &n);
                if (e && n == w.hi - start && e->value == role) return true;
            }
            return false;
        };

        // A money figure followed by "a share" / "per share" ("$1.45 a share").
        auto per_share = [&](size_t i) {
            size_t k = sv.token_at(ms[i].span.end);
            return k + 1 < toks.size() && (toks[k].low == "a" || toks[k].low == "per") && toks[k + 1].low == "share";
        };
        // ---- 1. figures and their roles
        std::vector<Figure> figs;
        for (size_t i : sv.mentions)
            if (is_value(ms[i])) figs.push_back({i, Role::value, SIZE_MAX, sv.token_at(ms[i].span.begin)});

        // "picked up", "ticked up", "edged up", "went up": "up" (at k) ends a phrasal change after a
        // past form that is no change verb of its own, so "picked up to 2.4%" is a move to a level.
        auto phrasal_up = [&](size_t k) {
            if (k == 0) return false;
            size_t vn = 0;
            std::string_view w = toks[k - 1].low;
            bool change_verb = lex(change_verbs, kChangeFirst, k - 1, &vn) && vn == 1;
            return !change_verb && ((w.size() > 3 && w.substr(w.size() - 2) == "ed") || w == "went" || w == "shot" ||
                                     w == "crept");
        };
        // "up to $900 million": "up" before "to" and a figure the mention stage marked up_to.
        auto up_to_qualifier = [&](size_t k) {
            if (toks[k].low != "up" || k + 2 >= toks.size() || toks[k + 1].low != "to" || phrasal_up(k)) return false;
            size_t m = sv.tok_mention[k + 2];
            return m != SIZE_MAX && is_value(ms[m]) && std::string_view(ms[m].qualifier) == "up_to";
        };
        // Change events: change verbs, with the factor mentions that overlap them.
        std::vector<ChangeEvent> events;
        for (size_t k = 0; k < toks.size(); ++k) {
            size_t n = 0;
            const Lexicon::Entry* e = lex(change_verbs, kChangeFirst, k, &n);
            if (!e) continue;
            // A verb inside a figure's or an entity's span is not a verb ("Cut Holdings").
            if (sv.tok_mention[k] != SIZE_MAX && !is_factor(ms[sv.tok_mention[k]])) continue;
            // "The household saving ratio stood at 10.1%": a word in the middle of a metric phrase
            // names the metric, it moves nothing.
            {
                bool inside = false;
                for (size_t j = k >= 3 ? k - 3 : 0; j < k && !inside; ++j) {
                    size_t mn = 0;
                    if (lex(metrics, kMetricFirst, j, &mn)) inside = j + mn > k + 1;
                }
                if (inside) continue;
            }
            // "ended 1.2% lower": some words move a figure only right after it.
            if (e->extra2 == "p" && (k == 0 || sv.tok_mention[k - 1] == SIZE_MAX || !is_value(ms[sv.tok_mention[k - 1]])))
                continue;
            // "a buyback of up to Rs 1,500 crore": "up" is the figure's qualifier (up_to), no move
            if (up_to_qualifier(k)) continue;
            ChangeEvent ev{k, e->value, std::nullopt, "", std::nullopt, std::string(toks[k].low)};
            ev.intransitive = e->extra2 == "i" || e->extra2 == "p";
            ev.object_only = e->extra2 == "o";
            if (!e->extra.empty()) ev.factor = std::stod(e->extra);
            for (size_t i : sv.mentions)
                if (is_factor(ms[i]) && ms[i].span.begin <= toks[k].begin && toks[k].end <= ms[i].span.end) {
                    ev.factor_mention = i;
                    if (ms[i].value) ev.factor = ms[i].value;
                    ev.qualifier = ms[i].qualifier;
                }
            events.push_back(ev);
        }
        // Factor mentions no verb covered ("tenfold") are events too.
        for (size_t i : sv.mentions) {
            if (!is_factor(ms[i])) continue;
            bool covered = false;
            for (auto& ev : events) covered |= ev.factor_mention == i;
            if (!covered) {
                ChangeEvent ev{sv.token_at(ms[i].span.begin), ms[i].value && *ms[i].value < 1 ? "down" : "up",
                               ms[i].value, ms[i].qualifier, i, std::string(t.analysis_slice(ms[i].span))};
                events.push_back(ev);
            }
        }
        std::sort(events.begin(), events.end(), [](const ChangeEvent& x, const ChangeEvent& y) { return x.tok < y.tok; });

        auto event_before = [&](size_t tok) -> const ChangeEvent* {
            const ChangeEvent* best = nullptr;
            for (const auto& ev : events)
                if (ev.tok < tok) best = &ev;
            return best;
        };

        // "higher than", "more than", "above", "below" right after a figure: a difference
        // from something else ("0.2 points higher than in March"), not a claim of its own.
        auto followed_by_comparison = [&](const Mention& m) {
            size_t k = sv.token_at(m.span.end);
            if (k >= toks.size()) return false;
            std::string_view w = toks[k].low;
            if (comparison_bare.count(w)) return true;
            return comparison_words.count(w) && k + 1 < toks.size() && toks[k + 1].low == "than";
        };
        // A figure inside a condition ("if inflation stayed above 4%") states no fact.
        auto in_condition = [&](size_t tok) {
            for (size_t k = std::min(tok, toks.size()); k-- > 0;) {
                std::string_view w = toks[k].low;
                if (w == "," || w == ";" || w == "—") return false;
                if (condition_words.count(w)) return true;
            }
            return false;
        };
        // "to a record 1 million units", "at ¥2,876", "to up to $900 million": a new level.
        auto level_cue = [&](size_t tok) {
            for (size_t k = tok, n = 0; k-- > 0 && n < 6; ++n) {
                size_t cn = 0;
                const Lexicon::Entry* c = lex(cues, kCueFirst, k, &cn);
                if (c && c->value == "level" && cn == 1) {
                    // "plans to raise up to $5 billion", "worth up to", "of up to": "up to" is the
                    // figure's qualifier, not a new level (but "picked up to 2.4%" is one)
                    // (the mention stage tells a cap: "edged up to 4.3%" has no up_to qualifier)
                    if (toks[k].low == "to" && k >= 2 && toks[k - 1].low == "up" && !phrasal_up(k - 1)) {
                        size_t m = tok < toks.size() ? sv.tok_mention[tok] : SIZE_MAX;
                        if (m == SIZE_MAX || std::string_view(ms[m].qualifier) == "up_to") return false;
                    }
                    return true;
                }
                if (!level_fillers.count(toks[k]) && !approx_words.count(toks[k])) return false;
            }
            return false;
        };

        for (size_t f = 0; f < figs.size(); ++f) {
            const Mention& m = ms[figs[f].m];
            auto w = words_before(figs[f].tok, 5);  // the longest cue: "from a previous range of"
            // "$214 million, or $1.45 a share, compared with $163 million, or $1.09 a share": a
            // per-share figure restates no total; it is a claim of its own (earnings per share),
            // and one after a baseline is the baseline of the per-share figure before it.
            if (f > 0 && m.type == Type::money && ms[figs[f - 1].m].type == Type::money &&
                per_share(figs[f].m) != per_share(figs[f - 1].m) && !w.empty() && w.back() == "or") {
                if (per_share(figs[f].m) && figs[f - 1].role == Role::baseline) {
                    size_t owner = SIZE_MAX;
                    for (size_t p = f - 1; p-- > 0;)
                        if (figs[p].role == Role::value && ms[figs[p].m].type == Type::money && per_share(figs[p].m)) {
                            owner = p;
                            break;
                        }
                    if (owner != SIZE_MAX) {
                        figs[f].role = Role::baseline;
                        figs[f].of = owner;
                    }
                }
                continue;  // (else a claim of its own)
            }
            // Equivalent: "(US$7 billion)" right after a money figure; "or 8% of its workforce",
            // "equal to about 5.7% of global demand" after any figure of the same clause.
            if (f > 0) {
                bool eq = false;
                const Mention& prev = ms[figs[f - 1].m];
                if (m.type == Type::money && prev.type == Type::money) {
                    // "(US$7 billion)", "(about $3bn)", "or about €1bn", "(equivalent to ...)": an
                    // opening parenthesis or an equivalent cue, then only approximation words.
                    size_t k = sv.token_at(prev.span.end), end = figs[f].tok;
                    bool cue = false;
                    if (k < end && toks[k].low == "(") {
                        cue = true;
                        ++k;
                    }
                    size_t n = 0;
                    if (const Lexicon::Entry* c = lex(cues, kCueFirst, k, &n); c && c->value == "equivalent" && k + n <= end) {
                        cue = true;
                        k += n;
                    }
                    while (k < end && approx_words.count(toks[k])) ++k;
                    eq = cue && k == end;
                }
                // "was allocated ₹6.8 lakh crore, about 13% of total expenditure": a share of a whole
                // in apposition restates the figure before it
                if (!eq && m.type == Type::percent && prev.type != Type::percent) {
                    size_t k = sv.token_at(prev.span.end), end = figs[f].tok;
                    if (k < end && toks[k].low == ",") {
                        ++k;
                        while (k < end && approx_words.count(toks[k])) ++k;
                        size_t after = sv.token_at(m.span.end);
                        eq = k == end && after < toks.size() && toks[after].low == "of";
                    }
                }
                if (!eq && ends_with_cue(w, "equivalent")) {
                    size_t prev_end = sv.token_at(prev.span.end);
                    eq = figs[f].tok >= prev_end && figs[f].tok - prev_end <= 8;
                    for (size_t k = prev_end; eq && k < figs[f].tok; ++k)
                        if (toks[k].low == ";" || (toks[k].bits & kVerbWord) ||
                            (toks[k].bits & kChangeWord))
                            eq = false;
                }
                if (eq) {
                    figs[f].role = Role::equivalent;
                    size_t owner = f - 1;
                    while (owner > 0 && figs[owner].role == Role::equivalent) --owner;
                    figs[f].of = owner;
                    continue;
                }
            }
            if (in_condition(figs[f].tok) || followed_by_comparison(m)) {
                figs[f].role = Role::skip;
                continue;
            }
            // A percentage is a relative change; percentage points are an absolute one.
            bool pct = m.type == Type::percent && std::string_view(m.unit) != "pp";
            // "a 2% fall in profit", "ended 1.2% lower": a figure right before a change word is its size.
            if (m.type == Type::percent) {
                size_t after = sv.token_at(m.span.end);
                bool before_event = false;
                for (const auto& e2 : events) before_event |= e2.tok == after && !e2.factor_mention;
                if (before_event) {
                    figs[f].role = pct ? Role::change_percent : Role::change_amount;
                    continue;
                }
            }
            const ChangeEvent* ev = event_before(figs[f].tok);
            bool ev_near = ev && figs[f].tok - ev->tok <= 12;
            // Baseline: "compared with 23 billion yuan", "up from $2bn", near a change "from 6%",
            // "after 2.4% in April"; "from £9,100 to £5,000" is the baseline of the figure after "to".
            bool base = ends_with_cue(w, "baseline"), base_near = ends_with_cue(w, "baseline_near");
            // "down from a revised estimate of 4.8%", "from its January forecast of 1.1%": an earlier
            // forecast the value revises ("from", a few words, a forecast noun, "of")
            if (!base && figs[f].tok >= 3 && toks[figs[f].tok - 1].low == "of" &&
                kForecastNouns.count(toks[figs[f].tok - 2]))
                for (size_t k = figs[f].tok - 2; k-- > 0 && figs[f].tok - k <= 7;) {
                    if (toks[k].low == "from") {
                        base = true;
                        break;
                    }
                    if (!toks[k].is_word() || (toks[k].bits & kVerbWord) ||
                        (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type != Type::date))
                        break;
                }
            // "to 4.2% from 4.6%": "from" right after a new level of the same type
            if (!base && base_near && f > 0 && !w.empty() && w.back() == "from" && w.hi - w.lo == 1 &&
                ms[figs[f - 1].m].type == m.type && sv.token_at(ms[figs[f - 1].m].span.end) + 1 == figs[f].tok &&
                level_cue(figs[f - 1].tok))
                base = true;
            if (base || base_near) {
                if (!w.empty() && w.back() == "from" && f + 1 < figs.size() && ms[figs[f + 1].m].type == m.type) {
                    auto w2 = words_before(figs[f + 1].tok, 2);
                    size_t end = sv.token_at(m.span.end);
                    if (!w2.empty() && w2.back() == "to" && figs[f + 1].tok >= end && figs[f + 1].tok - end <= 3) {
                        figs[f].role = Role::baseline;
                        figs[f].of = f + 1;
                        continue;
                    }
                }
                // ("fell to Rs 3,200 crore at the end of June from Rs 4,050 crore": a date may
                // stand between the new level and its "from" baseline)
                if (base || ev_near || (ev && figs[f].tok - ev->tok <= 18)) {
                    size_t owner = SIZE_MAX;
                    // (a per-share baseline belongs to the per-share figure, a total to the total:
                    // "$412 million, or $1.38 per share, compared with $365 million, or $1.21 ...")
                    for (int pass = 0; pass < 2 && owner == SIZE_MAX; ++pass)
                        for (size_t p = f; p-- > 0;)
                            if ((figs[p].role == Role::value || figs[p].role == Role::change_percent) &&
                                ms[figs[p].m].type == m.type &&
                                (pass == 1 || m.type != Type::money || per_share(figs[p].m) == per_share(figs[f].m))) {
                                owner = p;
                                break;
                            }
                    if (owner != SIZE_MAX) {
                        figs[f].role = Role::baseline;
                        figs[f].of = owner;
                        continue;
                    }
                }
            }
            // Change size: "by $130 billion"; "rose 5%"; "cut 1,200 jobs", "adds ¥50 billion to ...".
            if (ev_near) {
                if (ends_with_cue(w, "amount")) {
                    figs[f].role = pct ? Role::change_percent : Role::change_amount;
                    continue;
                }
                bool right_after_verb = true;
                for (size_t k = ev->tok + 1; k < figs[f].tok; ++k)
                    if (toks[k].is_word()) {
                        if (!kVerbFillers.count(toks[k])) right_after_verb = false;
                    }
                // "lifted operating profit 31% to ¥154 billion": a transitive verb's metric object,
                // then the size
                bool after_object = false;
                if (!right_after_verb && pct && !ev->intransitive) {
                    size_t k = ev->tok + 1;
                    while (k < figs[f].tok && (kDeterminers.count(toks[k]) || kMetricModifiers.count(toks[k]))) ++k;
                    size_t n = 0;
                    if (k < figs[f].tok && lex(metrics, kMetricFirst, k, &n) && n > 0 && k + n == figs[f].tok)
                        after_object = true;
                }
                if ((right_after_verb || after_object) && pct) {
                    figs[f].role = Role::change_percent;
                    continue;
                }
                // the object of "raise" is a level or an amount raised, not a change ("raises $300 million")
                if (right_after_verb && !ev->object_only && !ends_with_cue(w, "level") && !level_cue(figs[f].tok)) {
                    figs[f].role = Role::change_amount;
                    continue;
                }
            }
        }

        // "and the lower rate from 10% to 18%": a from–to pair with no change word of its own
        // is a change whose direction the figures give.
        {
            size_t n_events = events.size();
            for (size_t f = 0; f + 1 < figs.size(); ++f) {
                if (figs[f].role != Role::baseline || figs[f].of != f + 1) continue;
                size_t from_tok = figs[f].tok;
                while (from_tok > 0 && toks[from_tok].low != "from") --from_tok;
                size_t lo = 0;
                for (size_t g = 0; g < f; ++g) lo = std::max(lo, sv.token_at(ms[figs[g].m].span.end));
                bool has_event = false;
                for (size_t e = 0; e < n_events; ++e) has_event |= events[e].tok >= lo && events[e].tok < from_tok;
                const Mention& b = ms[figs[f].m];
                const Mention& l = ms[figs[f + 1].m];
                if (has_event || !b.value || !l.value || *b.value == *l.value) continue;
                ChangeEvent ev{from_tok, *l.value > *b.value ? "up" : "down", std::nullopt, "", std::nullopt, "from"};
                ev.from_baseline = f;
                events.push_back(ev);
            }
            if (events.size() != n_events)
                std::sort(events.begin(), events.end(),
                          [](const ChangeEvent& x, const ChangeEvent& y) { return x.tok < y.tok; });
        }

        // ---- helpers for subject, metric, period, sources

        // Clause start: after leading adverbials ending in a comma that
        // carry a date or source or start with a lead word.
        auto clause_start_raw = [&](size_t limit, bool later_clauses) {
            size_t start = 0;
            for (;;) {
                size_t comma = SIZE_MAX;
                for (size_t k = start; k < limit; ++k)
                    if (toks[k].low == ",") {
                        comma = k;
                        break;
                    }
                if (comma == SIZE_MAX || comma + 1 >= limit) break;
                bool lead = kLeadWords.count(toks[start]) > 0;
                if (!lead) {
                    // "X, which cited ..., Y" — an apposition of a source: skip too.
                    for (size_t i : sv.mentions)
                        if (ms[i].type == Type::source && ms[i].span.begin <= toks[start].begin + 1 &&
                            ms[i].span.end <= toks[comma].begin)
                            lead = true;
                }
                if (!lead) break;
                // The segment may be "According to X, which cited a report by Y," → skip to the
                // comma after the last mention of the segment.
                start = comma + 1;
                if (start < limit && (toks[start].low == "which" || toks[start].low == "who")) {
                    size_t next = SIZE_MAX;
                    for (size_t k = start; k < limit; ++k)
                        if (toks[k].low == ",") {
                            next = k;
                            break;
                        }
                    if (next == SIZE_MAX) break;
                    start = next + 1;
                }
            }
            // A later clause of its own ("..., while the broader Topix index fell 2.5%", "; gold
            // rose", ", and sterling slipped"): a boundary after a clause with a verb, followed
            // by a subject and its verb before the figure, starts the figure's clause.
            auto verb_at = [&](size_t k) {
                return sv.tok_mention[k] == SIZE_MAX &&
                       ((toks[k].bits & kVerbWord) || (toks[k].bits & kChangeWord));
            };
            size_t clause = start;
            for (size_t k = start; later_clauses && k < limit; ++k) {
                size_t next = SIZE_MAX;
                if (toks[k].low == ";") next = k + 1;
                else if (toks[k].low == "," && k + 1 < limit && clause_conjunctions.count(toks[k + 1])) next = k + 2;
                else if (k > clause && clause_conjunctions.count(toks[k]) && toks[k].low != "and" &&
                         toks[k].low != "but" && toks[k].low != "as")
                    next = k + 1;
                // "the CSI 300 index rose 0.4% and Hong Kong's Hang Seng index added 0.6%": "and" right
                // after a figure, a subject and its verb after it
                else if (k > clause && toks[k].low == "and" && sv.tok_mention[k - 1] != SIZE_MAX &&
                         is_value(ms[sv.tok_mention[k - 1]]))
                    next = k + 1;
                if (next == SIZE_MAX || next >= limit) continue;
                bool verb_before = false, verb_after = false;
                for (size_t j = clause; j < k && !verb_before; ++j) verb_before = verb_at(j);
                for (size_t j = next + 1; j <= limit && j < toks.size() && !verb_after; ++j) verb_after = verb_at(j);
                if (verb_before && verb_after && !verb_at(next)) clause = next;
            }
            return clause;
        };
        // (asked again and again for the same figures: worked out once per limit)
        for (auto& c : clause_memo) c.assign(toks.size() + 1, SIZE_MAX);
        auto clause_start_tok = [&](size_t limit, bool later_clauses = true) {
            if (limit > toks.size()) return clause_start_raw(limit, later_clauses);
            size_t& c = clause_memo[later_clauses][limit];
            if (c == SIZE_MAX) c = clause_start_raw(limit, later_clauses);
            return c;
        };

        // First verb-like token at or after `from` (before `limit`).
        auto first_verb = [&](size_t from, size_t limit) {
            for (size_t k = from; k < limit; ++k) {
                if (sv.tok_mention[k] != SIZE_MAX) continue;
                if ((toks[k].bits & kVerbWord) || (toks[k].bits & kChangeWord)) return k;
            }
            return limit;
        };

        // "it", "the company", "the San Jose, California-based company": a phrase that refers
        // back to the last company named (company nouns: rules/claims/words.tsv).
        auto is_anaphor = [&](size_t lo, size_t hi) {
            while (hi > lo + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;  // "the bank also"
            if (lo >= hi) return false;
            if (hi - lo == 1) return toks[lo].low == "it";
            if (toks[lo].low != "the" || hi - lo > 6 ||
                !(company_nouns.count(toks[hi - 1]) || government_nouns.count(toks[hi - 1])))
                return false;
            for (size_t k = lo + 1; k + 1 < hi; ++k)
                if ((toks[k].bits & kVerbWord) || toks[k].low == "of" || toks[k].low == "(") return false;
            return true;
        };

        // What an anaphor refers to: "the central bank" → the last central bank named; "the bank"
        // → the last central bank or company named, whichever came last; "the government", "the
        // Treasury" → the last government named; else the last company.
        auto referent = [&](size_t lo, size_t hi) -> const Mention* {
            while (hi > lo + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;
            const uint32_t at = toks[lo].begin;
            auto last_of = [&](const std::vector<const Mention*>& v) -> const Mention* {
                auto it = std::lower_bound(v.begin(), v.end(), at, by_begin);
                return it == v.begin() ? nullptr : *std::prev(it);
            };
            std::string_view head = toks[hi - 1].low;
            if (government_nouns.count(head)) {
                // "the government" is no ministry ("the Ministry of Finance said ... The government
                // plans to issue"): the economy's, below
                const Mention* g = last_of(governments);
                if (g && head == "government") {
                    std::string_view n = g->name;
                    if (n.rfind("Ministry", 0) == 0 || n.rfind("Department", 0) == 0 || n.find("Treasury") != std::string_view::npos ||
                        n.rfind("Office", 0) == 0)
                        return nullptr;
                }
                return g;
            }
            if (head == "bank") {
                const Mention* cb = last_of(central_banks);
                bool central = false;
                for (size_t k = lo; k < hi; ++k) central |= toks[k].low == "central";
                if (central) return cb;
                const Mention* co = last_company_before(at);
                return cb && (!co || cb->span.begin > co->span.begin) ? cb : co;
            }
            // "the company", "it" after a unit was named ("Its robotics unit, Hoshino Robotics,
            // lifted profit. The company raised its dividend"): the parent, not the unit
            const Mention* c = last_company_before(at);
            if (c && unit_companies.count(c->name) && head != "it" && !unit_nouns.count(head)) {
                auto it = std::lower_bound(antecedents.begin(), antecedents.end(), at, by_begin);
                while (it != antecedents.begin()) {
                    --it;
                    if (!unit_companies.count((*it)->name)) return *it;
                }
            }
            return c;
        };

        // Who opens the sentence before token hi (a verb): an anaphor's
        // referent, else an organisation or person named at its start that
        // reaches up to the verb ("The Bank of England expects", "Orvane
        // expects"); null when neither.
        auto opening_holder = [&](size_t hi) -> const Mention* {
            if (is_anaphor(0, hi)) return referent(0, hi);
            size_t lo = toks[0].low == "the" ? 1 : 0;
            if (lo < hi && sv.tok_mention[lo] != SIZE_MAX) {
                const Mention& m = ms[sv.tok_mention[lo]];
                if ((m.type == Type::org || m.type == Type::person) && sv.token_at(m.span.end) >= hi) return &m;
            }
            return nullptr;
        };

        struct MetricHit {
            size_t tok = SIZE_MAX, n = 0;
            size_t base_n = 0;  // tokens of the lexicon phrase itself
            std::string key, text;
        };
        // End (exclusive) of a metric phrase's prepositional complement ("spending on
        // infrastructure and ...", "wages for permanent employees"): up to a comma, a figure,
        // a date, a verb or "by"/"to"/"than"; `end` itself when there is none.
        auto complement_end = [&](size_t end) {
            if (end >= toks.size() || !kPrepositions.count(toks[end]) || toks[end].low == "by" ||
                toks[end].low == "to")
                return end;
            size_t k = end + 1;
            int depth = 0;
            while (k < toks.size() && k - end < 16) {
                if (toks[k].low == "(") ++depth;
                if (toks[k].low == ")") --depth;
                if (depth <= 0 && (toks[k].low == "," || toks[k].low == ";")) break;
                if (sv.tok_mention[k] != SIZE_MAX &&
                    (is_value(ms[sv.tok_mention[k]]) || ms[sv.tok_mention[k]].type == Type::date))
                    break;
                if (toks[k].low == "in" && k + 1 < toks.size() && sv.tok_mention[k + 1] != SIZE_MAX &&
                    ms[sv.tok_mention[k + 1]].type == Type::date)
                    break;
                if ((toks[k].bits & kVerbWord) || (toks[k].bits & kChangeWord)) break;
                if (toks[k].low == "by" || toks[k].low == "to" || toks[k].low == "than") break;
                ++k;
            }
            if (depth < 0) --k;
            return k > end + 1 ? k : end;
        };
        // A metric phrase at token k: the lexicon's longest phrase there, or, when a phrase
        // starting inside it ends later, that one (the head of an English noun phrase is its
        // last word: "adjusted EBIT margin" is a margin); "price of a home" is a "home price"
        // when the lexicon has it (the complement's last word before the head word); so is "the
        // rate on a two-year fixed mortgage" a "mortgage rate".
        struct MetricAt { size_t n = 0; const std::string* key = nullptr; size_t span = 0; };
        auto metric_at = [&](size_t k, size_t hi) {
            MetricAt r;
            size_t n = 0;
            const Lexicon::Entry* e = lex(metrics, kMetricFirst, k, &n);
            if (e && k + n <= hi) {
                for (size_t j = k + 1; j < k + n; ++j) {
                    size_t n2 = 0;
                    const Lexicon::Entry* e2 = lex(metrics, kMetricFirst, j, &n2);
                    if (e2 && j + n2 > k + n && j + n2 <= hi && sv.tok_mention[j + n2 - 1] == SIZE_MAX) return r;  // found at j
                }
                r.n = r.span = n;
                r.key = &e->value;
            }
            // ("the rate on a two-year fixed mortgage" is a "mortgage rate" in the same way)
            if (k + 2 < hi && (toks[k + 1].low == "of" || toks[k + 1].low == "on") && toks[k].is_word() &&
                (!e || e->extra == "generic" || n == 1)) {
                size_t end = complement_end(k + 1);
                for (size_t j = k + 2; j < end && end <= hi && toks[j].is_word(); ++j) {
                    std::string_view nw = toks[j].low, w = toks[k].low;
                    std::string_view ns = nw.size() > 3 && nw.back() == 's' ? nw.substr(0, nw.size() - 1) : nw;
                    const Lexicon::Entry* c = metrics.find({ns, w});
                    if (!c) c = metrics.find({nw, w});
                    if (!c) continue;
                    if (!e || c->value != e->value) {
                        r.n = 1;
                        r.span = end - k;  // the complement is the phrase's: no metric of its own
                        r.key = &c->value;
                    }
                    break;
                }
            }
            return r;
        };
        // A clause of its own between a figure and a metric phrase after it ("... cut 1,200 jobs
        // after demand for ...", "..., as growth in ...", "; prices", "..., now has spare capacity"):
        // that phrase is not the figure's.
        auto barrier_between = [&](size_t from, size_t to) {
            for (size_t k = from + 1; k < to; ++k) {
                if (sv.tok_mention[k] != SIZE_MAX) continue;
                if (toks[k].low == ";" || toks[k].low == "," || (toks[k].bits & kClauseOpeners.bit)) return true;
            }
            return false;
        };
        // Is token k inside an aside that opens with a preposition and closes before `anchor`
        // (", within the bank's 0-2% target range, and ... it will average 1.3%")? Its metric
        // is no figure's after it.
        auto in_aside = [&](size_t k, size_t anchor) {
            size_t open = k;
            while (open > 0 && toks[open - 1].low != "," && toks[open - 1].low != ";") --open;
            // (", which tracks rates for ships carrying dry bulk, rose 2.3%": a relative clause too;
            // a relative clause between commas: "Organic volumes, which strip out price increases and
            // acquisitions, grew 1.5%")
            if (open == 0 || !(kPrepositions.count(toks[open]) || toks[open].low == "within" ||
                               toks[open].low == "which" || toks[open].low == "who" ||
                               // an appositive: "Orders, a leading indicator of future sales, climbed 6%"
                               toks[open].low == "a" || toks[open].low == "an"))
                return false;
            for (size_t j = k + 1; j < anchor; ++j)
                if (toks[j].low == "," || toks[j].low == ";") return true;
            return false;
        };
        // Metric phrase nearest to `anchor`, preferring one before it. `skip` is a token that
        // cannot be the metric (a change verb that is also a metric word: "raised its dividend").
        // `fig_end` (amounts) is the token after the figure: a metric the figure modifies ("a 38%
        // premium", "a $2bn valuation") or one after "in"/"of" ("€60 billion in savings") is its own.
        // `last_fig` is the claim's last figure token when it comes after the anchor ("a cut,
        // which would take the rate to 1%"): clauses before it are the claim's own.
        auto find_metric = [&](size_t lo, size_t anchor, size_t hi, bool prefer_after = false,
                               size_t skip = SIZE_MAX, size_t fig_end = SIZE_MAX, size_t last_fig = SIZE_MAX) {
            MetricHit best;
            size_t best_dist = SIZE_MAX;
            struct Cand { size_t tok, n, span; const std::string* key; bool generic; };
            std::vector<Cand> cands;
            for (size_t k = lo; k < hi; ++k) {
                if (sv.tok_mention[k] != SIZE_MAX || k == skip) continue;
                MetricAt m = metric_at(k, hi);
                if (!m.key) continue;
                // A generic head after another metric is that metric's ("revenue growth", "tariff rate").
                if (!cands.empty() && cands.back().tok + cands.back().span == k && m.span == 1) {
                    const Lexicon::Entry* e = metrics.match(toks, k, k + 1, nullptr);
                    if (e && e->extra == "generic") continue;
                }
                bool generic = false;
                if (m.span == 1)
                    if (const Lexicon::Entry* e = metrics.match(toks, k, k + 1, nullptr)) generic = e->extra == "generic";
                cands.push_back({k, m.n, m.span, m.key, generic});
                k += m.span - 1;
            }
            // "95.3% of GDP", "4.4% of gross domestic product": the whole a percentage is a ratio to is
            // not its metric when the sentence names another ("Public sector net debt stood at 95.3%
            // of GDP, up 1.2 points": public debt).
            {
                auto denominator = [&](const Cand& c) {
                    return c.tok >= 2 && toks[c.tok - 1].low == "of" && sv.tok_mention[c.tok - 2] != SIZE_MAX &&
                           ms[sv.tok_mention[c.tok - 2]].type == Type::percent;
                };
                if (std::any_of(cands.begin(), cands.end(), [&](const Cand& c) { return !denominator(c); }))
                    cands.erase(std::remove_if(cands.begin(), cands.end(), denominator), cands.end());
            }
            // The metric the figure's own noun phrase names: "a 38% premium", "€60 billion in savings".
            size_t own = SIZE_MAX;
            if (fig_end != SIZE_MAX && fig_end < toks.size()) {
                size_t np = fig_end;
                // not "of": "38% of GDP" names a whole, a make-up; but a `size_of` phrase after "of" is
                // what the figure sizes ("sold 6 billion yuan of sovereign bonds")
                bool of = toks[np].low == "of";
                if (toks[np].low == "in" || of) ++np;
                size_t words = 0, end = np;
                // ("£1.6bn in additional funding through the Barnett formula": the phrase ends at any preposition)
                static const std::set<std::string_view> more_preps = {"through", "via", "under", "during", "within",
                                                                     "against", "between", "after", "before", "since"};
                while (end < toks.size() && end < np + 5 && toks[end].is_word() && sv.tok_mention[end] == SIZE_MAX &&
                       !kPrepositions.count(toks[end]) && !more_preps.count(toks[end].low) && !(toks[end].bits & kVerbWord) &&
                       !(toks[end].bits & kClauseOpeners.bit) && !clause_conjunctions.count(toks[end]) &&
                       !kNotHeads.count(toks[end]))
                    ++end, ++words;
                for (size_t c = 0; c < cands.size() && words; ++c)
                    if (cands[c].tok >= np && cands[c].tok < end && cands[c].tok + cands[c].span >= end) {
                        if (of) {  // (after a verb of issuing: "sold", "issued", cues.tsv `issue`)
                            const Lexicon::Entry* e = metrics.match(toks, cands[c].tok, cands[c].tok + cands[c].n, nullptr);
                            size_t v = anchor;
                            while (v > 0 && kQualifierSkip.count(toks[v - 1])) --v;
                            size_t cn = 0;
                            const Lexicon::Entry* cue = v > 0 ? lex(cues, kCueFirst, v - 1, &cn) : nullptr;
                            if (!e || e->extra != "size_of" || !cue || cue->value != "issue") continue;
                        }
                        own = c;
                    }
                // a phrase right after the figure ("a barrel", "of cuts")
                for (size_t c = 0; c < cands.size() && own == SIZE_MAX; ++c)
                    if (cands[c].tok == fig_end) own = c;
            }
            for (size_t c = 0; c < cands.size(); ++c) {
                const size_t k = cands[c].tok;
                size_t dist;
                if (c == own) dist = 0;
                else {
                    const size_t from = last_fig != SIZE_MAX && last_fig > anchor ? last_fig : anchor;
                    if (k > from && barrier_between(from, k)) continue;
                    if (k < anchor && in_aside(k, anchor)) continue;
                    // Before the figure is likelier, except for the object of a transitive change verb.
                    // (the object of a transitive verb, when it names one, is its metric: "the weak yen
                    // adds ¥50 billion to Toyota's operating profit")
                    dist = k < anchor ? (anchor - k) * (prefer_after ? 3 : 1) + (prefer_after ? 1000 : 0)
                                      : (k - anchor) * (prefer_after ? 1 : 3);
                }
                if (dist < best_dist) {
                    best_dist = dist;
                    best.tok = k;
                    best.n = best.base_n = cands[c].span;
                    best.key = *cands[c].key;
                }
            }
            // A metric word inside another metric's complement is not the metric: the head is
            // ("hourly wages for permanent employees rose" → wages, not employees).
            if (best_dist != 0)
                for (const auto& c : cands) {
                    if (best.tok == SIZE_MAX || c.tok >= best.tok) break;
                    // (a generic head gives way to its complement: "growth in regular pay" is pay)
                    if (best.tok < complement_end(c.tok + c.span) && !c.generic) {
                        best.tok = c.tok;
                        best.n = best.base_n = c.span;
                        best.key = *c.key;
                        break;
                    }
                }
            if (best.tok != SIZE_MAX) {
                // The words used: the phrase and a prepositional complement ("spending on
                // infrastructure and ...", "market value of American companies").
                size_t end = complement_end(best.tok + best.n);
                best.text = std::string(sv.slice(toks[best.tok].begin, toks[end - 1].end));
                best.n = end - best.tok;
            }
            return best;
        };
        struct Subject {
            std::vector<std::string> names;
            std::string description;
            bool combined = false;
            bool fallback = false;
            bool named_instrument = false;  // a quoted instrument's own words: no implied holder
            bool complement = false;        // the description is the metric's complement ("sales of hybrids")
            std::string authority;          // the office or bank whose economy `names` is
        };
        auto entities_in = [&](size_t lo, size_t hi, bool skip_parens) {
            std::vector<const Mention*> out;
            if (lo >= hi || hi > toks.size()) return out;
            for (size_t i : sv.mentions) {
                const Mention& m = ms[i];
                if (!is_entity(m)) continue;
                if (m.span.begin < toks[lo].begin || m.span.end > toks[hi - 1].end) continue;
                if (skip_parens && sv.inside_parens(m.span.begin)) continue;
                out.push_back(&m);
            }
            return out;
        };
        auto add_name = [](Subject& s, const std::string& n) {
            if (!n.empty() && std::find(s.names.begin(), s.names.end(), n) == s.names.end()) s.names.push_back(n);
        };
        // "A, B and C's": the entities of a possessive list whose "'s" starts at token `k - 2`
        // (the tokenizer splits the apostrophe); empty when token k is not preceded by one.
        auto possessive_list = [&](size_t k) {
            std::vector<const Mention*> list;
            if (k < 2 || toks[k - 1].low != "s" || toks[k - 2].low != "'") return list;
            uint32_t pos_end = toks[k - 2].begin;
            const Mention* last = nullptr;
            for (size_t i : sv.mentions)
                if (is_entity(ms[i]) && ms[i].span.end == pos_end) last = &ms[i];
            if (!last) return list;
            list.push_back(last);
            // walk back over ", " / " and " / " & " joined entities
            for (;;) {
                const Mention* prev = nullptr;
                for (size_t i : sv.mentions)
                    if (is_entity(ms[i]) && ms[i].span.end <= list.front()->span.begin && ms[i].span.begin >= S.begin)
                        prev = &ms[i];
                if (!prev) break;
                std::string gap = trim(lower(sv.slice(prev->span.end, list.front()->span.begin)));
                if (gap == "" || gap == "and" || gap == "&" || gap == "as well as")
                    list.insert(list.begin(), prev);
                else
                    break;
            }
            return list;
        };
        // Metric modifiers before token k ("combined", "annual"): the first modifier's index.
        auto modifiers_start = [&](size_t k, bool* combined) {
            while (k > 0 && kMetricModifiers.count(toks[k - 1])) {
                std::string_view w = toks[k - 1].low;
                if (combined && (w == "combined" || w == "total" || w == "aggregate" || w == "joint")) *combined = true;
                --k;
            }
            return k;
        };
        // "exports to the US", "imports from China", "cars into the bloc": a trade partner (a
        // `partner` word before it), never the figure's holder.
        // (Places only: "figures from the ONS" name a source, not a partner.)
        auto is_partner = [&](const Mention* m) {
            if (m->type != Type::place) return false;
            size_t k = sv.token_at(m->span.begin);
            if (k > 0 && toks[k - 1].low == "the") --k;
            return k > 0 && partner_words.count(toks[k - 1]) > 0;
        };
        // A partner, or a place coordinated with one ("Exports to Germany, France and Italy
        // combined rose": none of the three is the holder).
        auto partner_listed = [&](const Mention* m) {
            for (int hops = 0; hops < 12; ++hops) {
                if (is_partner(m)) return true;
                const Mention* prev = nullptr;
                for (size_t i : sv.mentions)
                    if (ms[i].type == Type::place && ms[i].span.end <= m->span.begin && ms[i].span.begin >= S.begin)
                        prev = &ms[i];
                if (!prev) return false;
                std::string gap = trim(lower(sv.slice(prev->span.end, m->span.begin)));
                if (!(gap.empty() || gap == "and" || gap == "or" || gap == "and the" || gap == "the")) return false;
                m = prev;
            }
            return false;
        };
        auto drop_partners = [&](std::vector<const Mention*>& ents) {
            std::vector<const Mention*> kept;
            bool prev_partner = false;
            for (size_t e = 0; e < ents.size(); ++e) {
                bool partner = is_partner(ents[e]);
                if (!partner && prev_partner && ents[e]->type == Type::place) {
                    // "into Germany and the Netherlands": coordinated with a partner
                    std::string gap = trim(lower(sv.slice(ents[e - 1]->span.end, ents[e]->span.begin)));
                    partner = gap == "," || gap == "and" || gap == "and the" || gap == "or" || gap == ", the";
                }
                if (!partner) kept.push_back(ents[e]);
                prev_partner = partner;
            }
            ents.swap(kept);
        };
        // A place that only says where a company is from ("Perth miner Coralbay", "the Austin
        // firm", "the San Jose, California-based company", "Singapore's Marlow Capital"): the
        // company is the subject: the one named right after, else the one referred back to, else
        // the story's company. Empty when the phrase [lo, hi) is no such phrase.
        auto company_by_place = [&](size_t lo, size_t hi) -> std::string {
            size_t k = lo;
            while (k < hi && kDeterminers.count(toks[k])) ++k;
            auto mention_at = [&](size_t j) -> const Mention* {
                return j < toks.size() && sv.tok_mention[j] != SIZE_MAX ? &ms[sv.tok_mention[j]] : nullptr;
            };
            const Mention* p = mention_at(k);
            // "The Osaka-based maker of ...": a place that opens a hyphenated word
            if (!p && k < hi)
                for (size_t i : sv.mentions)
                    if (ms[i].type == Type::place && ms[i].span.begin == toks[k].begin && ms[i].span.end < toks[k].end &&
                        a[ms[i].span.end] == '-')
                        p = &ms[i];
            if (!p || p->type != Type::place) return {};
            size_t words = 0;
            while (k < hi) {
                const Mention* m = mention_at(k);
                if (m && m->type == Type::place) {
                    k = sv.token_at(m->span.end);
                    continue;
                }
                if (toks[k].low == "'" && k + 1 < hi && toks[k + 1].low == "s") {
                    // "Singapore's Marlow Capital": the organisation after the possessive
                    const Mention* o = mention_at(k + 2);
                    if (o && o->type == Type::org && std::string_view(o->kind) == "company") return o->name;
                    return {};
                }
                if (m || (toks[k].bits & kVerbWord) || (toks[k].bits & kChangeWord)) return {};
                if (company_nouns.count(toks[k])) {
                    const Mention* o = mention_at(k + 1);
                    if (o && o->type == Type::org) return o->name;
                    if (const Mention* c = last_company_before(toks[lo].begin)) return c->name;
                    return doc_company;
                }
                if (toks[k].low == ",") {
                    // "San Jose, California-based": only another place goes on after a comma
                    // ("Saudi Arabia, the group's leader," is an apposition of the place)
                    const Mention* n = mention_at(k + 1);
                    if (!n || n->type != Type::place) return {};
                } else if (toks[k].low != "-" && (!toks[k].is_word() || ++words > 3)) {
                    return {};
                }
                ++k;
            }
            return {};
        };
        // Words lo..hi that are a place and the plain words after it ("U.S. gold futures"): no
        // possessive, no other entity, no verb; at least one word after the place.
        auto market_place_words = [&](size_t lo, size_t hi) {
            while (lo < hi && kDeterminers.count(toks[lo])) ++lo;
            if (lo >= hi || sv.tok_mention[lo] == SIZE_MAX || ms[sv.tok_mention[lo]].type != Type::place) return false;
            size_t k = sv.token_at(ms[sv.tok_mention[lo]].span.end);
            if (k >= hi || toks[k].low == "'" || kPrepositions.count(toks[k])) return false;
            for (; k < hi && !kPrepositions.count(toks[k]); ++k)  // (up to a complement: "for December")
                if (!toks[k].is_word() || sv.tok_mention[k] != SIZE_MAX || (toks[k].bits & kVerbWord) ||
                    (toks[k].bits & kChangeWord))
                    return false;
            return true;
        };
        auto find_subject = [&](const MetricHit& metric, size_t anchor) {
            Subject s;
            // "the regulator fined rival Kunlun Motors 2.1 billion yuan": the fine is the fined
            // organisation's, the object of "fined" before the figure (a few words may precede it).
            if (metric.tok != SIZE_MAX && metric.tok < anchor && toks[metric.tok].low == "fined") {
                for (size_t k = metric.tok + 1; k < anchor && k <= metric.tok + 4; ++k) {
                    if (!toks[k].is_word()) break;
                    if (sv.tok_mention[k] == SIZE_MAX) continue;
                    const Mention& o = ms[sv.tok_mention[k]];
                    if (o.type == Type::org && !o.name.empty()) {
                        add_name(s, o.name);
                        return s;
                    }
                    break;
                }
            }
            // (a) "A, B and C's [combined] metric" (in the figure's own clause)
            const bool metric_here = metric.tok != SIZE_MAX && metric.tok >= clause_start_tok(anchor);
            if (metric_here && metric.tok < anchor) {
                size_t k = modifiers_start(metric.tok, &s.combined);
                auto list = possessive_list(k);
                // "The Baltic Exchange's supramax index", "the LME's cash nickel contract": an exchange
                // publishes what it quotes; the instrument's own words are the subject
                if (list.size() == 1 && list.front()->type == Type::org && std::string_view(list.front()->kind) == "exchange" &&
                    traded_metrics.count(metric.key)) {
                    size_t b = sv.token_at(list.front()->span.end);
                    while (b < metric.tok && (toks[b].low == "'" || toks[b].low == "s")) ++b;
                    if (b < metric.tok + metric.base_n) {
                        s.description = std::string(sv.slice(toks[b].begin, toks[metric.tok + metric.base_n - 1].end));
                        s.named_instrument = true;
                        return s;
                    }
                }
                if (!list.empty()) {
                    for (auto* m : list) add_name(s, m->name);
                    return s;
                }
            }
            // "Chinese brands' share of the market", "employers' contributions": a plural possessive
            // of a few plain words, no entity, is a group's figure
            if (metric_here && metric.tok < anchor) {
                size_t k = modifiers_start(metric.tok, nullptr);
                if (k >= 2 && toks[k - 1].low == "'" && toks[k - 2].low.size() > 2 && toks[k - 2].low.back() == 's' &&
                    sv.tok_mention[k - 2] == SIZE_MAX && toks[k - 2].is_word()) {
                    size_t b = k - 2;
                    while (b > 0 && k - 1 - b < 3 && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
                           !kDeterminers.count(toks[b - 1]) && !kPrepositions.count(toks[b - 1]) &&
                           !(toks[b - 1].bits & (kVerbWord | kChangeWord)) && !kNotHeads.count(toks[b - 1]))
                        --b;
                    s.description = std::string(sv.slice(toks[b].begin, toks[k - 2].end));
                    return s;
                }
            }
            s.combined = false;
            // (a') the object of a change or a comparison names its holder by a possessive right
            // after the figure's word: "would cut Coralbay's earnings per share by 12%", "adds
            // ¥50 billion to Toyota's annual operating profit", "a 38% premium to X's closing
            // price" (a metric phrase of the lexicon after the possessive, no comma between).
            for (size_t k = anchor + 1; k < toks.size() && k <= anchor + 8; ++k) {
                if (toks[k].low == "," || toks[k].low == ";" || toks[k].low == "(") break;
                if (k + 1 >= toks.size() || toks[k].low != "'" || toks[k + 1].low != "s") continue;
                size_t m0 = k + 2;
                while (m0 < toks.size() && kMetricModifiers.count(toks[m0])) ++m0;
                size_t n = 0;
                bool hit = false;  // the metric word may follow a word or two ("closing price")
                for (size_t j = m0; j < toks.size() && j <= m0 + 2 && !hit; ++j) {
                    if (sv.tok_mention[j] != SIZE_MAX || !toks[j].is_word()) break;
                    hit = lex(metrics, kMetricFirst, j, &n) != nullptr;
                }
                if (!hit) break;
                auto list = possessive_list(k + 2);
                if (list.empty() || list.front()->type == Type::person) break;
                for (auto* m : list) add_name(s, m->name);
                return s;
            }
            // (b) "the market value of American companies" → what follows "of"
            if (metric_here) {
                size_t after = metric.tok + metric.base_n;
                // "the rate on a two-year fixed mortgage" (a mortgage rate by its complement, which
                // the phrase spans): the complement names the product quoted
                if (metric.base_n > 1 && toks[metric.tok + 1].low == "on" && scope_of(metric.key) == "quote")
                    after = metric.tok + 1;
                // "the yield on 10-year gilts", "prices for spodumene concentrate": a quote's complement
                // (and "the average rate on a two-year fixed mortgage": a rate on a product, not a bank's)
                bool bank_rate = scope_of(metric.key) == "bank";
                bool quote_complement = after < toks.size() && (scope_of(metric.key) == "quote" || bank_rate) &&
                                        (toks[after].low == "on" || toks[after].low == "for");
                // ("rates for the euro area" stay the central bank's)
                if (quote_complement && bank_rate && !entities_in(after + 1, metric.tok + metric.n, false).empty())
                    quote_complement = false;
                if (after < metric.tok + metric.n && (toks[after].low == "of" || quote_complement)) {
                    size_t lo = after + 1, hi = metric.tok + metric.n;
                    if (is_anaphor(lo, hi)) {
                        if (const Mention* c = referent(lo, hi)) {
                            add_name(s, c->name);
                            return s;
                        }
                    }
                    if (std::string c = company_by_place(lo, hi); !c.empty()) {
                        add_name(s, c);
                        return s;
                    }
                    auto ents = entities_in(lo, hi, true);
                    drop_partners(ents);
                    if (!ents.empty()) {
                        for (auto* m : ents) add_name(s, m->name);
                        return s;
                    }
                    // "a price of $68.40 a barrel for its crude": the holder "its" refers back to
                    if (quote_complement && (toks[lo].low == "its" || toks[lo].low == "their"))
                        if (const Mention* c = last_company_before(toks[lo].begin)) {
                            add_name(s, c->name);
                            return s;
                        }
                    size_t d0 = lo;
                    while (quote_complement && d0 + 1 < hi && kDeterminers.count(toks[d0])) ++d0;
                    std::string d = trim(sv.slice(toks[d0].begin, toks[hi - 1].end));
                    if (!d.empty()) {
                        s.description = d;
                        s.named_instrument = quote_complement;
                        s.complement = true;
                        return s;
                    }
                }
            }
            // (c) the subject phrase: clause start to the first verb. A speaker is not
            // the subject ("Analysts polled by LSEG had expected ¥4.6 trillion", "Citi
            // expects Brent to average $85"): the clause after the cue verb has it, and
            // with none the subject is implied (implied_subject: "Toyota said operating
            // profit fell" → the company the article is about, Toyota).
            size_t cs = clause_start_tok(anchor);
            size_t verb = first_verb(cs, anchor);
            size_t lo = cs, hi = verb;
            // "outperforming the KOSPI index, which fell 0.4%": a ", which" clause whose verb is the
            // figure's is about the phrase before the comma (not the sentence's subject).
            for (size_t k = anchor; k-- > 1 && anchor - k <= 3;) {
                if (toks[k].low == "," || toks[k].low == ";") break;
                if (toks[k].low != "which" || toks[k - 1].low != ",") continue;
                const size_t c = k - 1;
                size_t b = c;
                while (b > 0 && toks[b - 1].is_word() && !(toks[b - 1].bits & (kVerbWord | kChangeWord)) &&
                       !kPrepositions.count(toks[b - 1]) && c - b < 6)
                    --b;
                while (b < c && kDeterminers.count(toks[b])) ++b;
                if (b >= c) break;
                if (metric.tok != SIZE_MAX && metric.tok > b && metric.tok < c) {
                    size_t d = metric.tok;  // "outperforming the KOSPI index": from the quote's words
                    while (d > b && toks[d - 1].is_word() && !kDeterminers.count(toks[d - 1]) &&
                           (sv.tok_mention[d - 1] != SIZE_MAX || std::isupper(static_cast<unsigned char>(a[toks[d - 1].begin]))))
                        --d;
                    b = d;
                }
                if (sv.tok_mention[c - 1] != SIZE_MAX) {
                    const Mention& e = ms[sv.tok_mention[c - 1]];
                    if (is_entity(e) && !e.name.empty() && e.type != Type::person) {
                        add_name(s, e.name);
                        return s;
                    }
                }
                // (only a quoted thing: "the KOSPI index"; "fee income from asset management, which
                // climbed 12%" stays the bank's)
                if (metric.tok != SIZE_MAX && metric.tok >= b && metric.tok < c &&
                    (scope_of(metric.key) == "quote" || scope_of(metric.key) == "instrument")) {
                    s.description = std::string(sv.slice(toks[b].begin, toks[c - 1].end));
                    s.named_instrument = true;
                    return s;
                }
                break;
            }
            // "Oil prices fell, with Brent crude down 1.2% at $78.40": a ", with" clause names its
            // own subject, the words between "with" and its change word
            for (size_t k = anchor; k-- > cs && anchor - k <= 8;) {
                if (toks[k].low == "," || toks[k].low == ";") break;
                if (toks[k].low == "with" && k > cs && toks[k - 1].low == "," && k + 1 < anchor) {
                    lo = k + 1;
                    hi = first_verb(lo, anchor);
                    // ("with the railways receiving Rs 2.65 lakh crore": up to the metric's word)
                    if (hi == anchor && metric.tok != SIZE_MAX && metric.tok > lo + 1 && metric.tok < anchor &&
                        metric.tok + metric.base_n == anchor)
                        hi = metric.tok;
                    if (hi == anchor && !(toks[anchor].bits & kChangeWord)) hi = lo;  // no change word: none
                    break;
                }
            }
            // "FRANKFURT — The European Central Bank ...": a dateline is no part of the subject.
            // (the text stage may have made the dash a plain " - ", which is no token)
            for (size_t k = lo; k < hi && k < lo + 12; ++k) {
                if ((toks[k].bits & kVerbWord) || (toks[k].bits & kChangeWord)) break;
                if (toks[k].low == "—") {
                    lo = k + 1;
                    break;
                }
                if (k + 1 < hi && sv.slice(toks[k].end, toks[k + 1].begin).find(" - ") != std::string_view::npos) {
                    lo = k + 1;
                    break;
                }
            }
            {
                size_t sp = verb;
                while (sp < anchor && speech_aux.count(toks[sp])) ++sp;
                // "Gross borrowing is estimated at ...", "the economy is projected to grow": a passive
                // says nothing of a speaker; the subject stands before it
                const bool passive = sp > verb && sp < anchor &&
                                     (toks[sp - 1].low == "is" || toks[sp - 1].low == "are" || toks[sp - 1].low == "was" ||
                                      toks[sp - 1].low == "were" || toks[sp - 1].low == "be" || toks[sp - 1].low == "been");
                // "The IMF cut its forecast for China ..., and said global trade volumes would grow
                // 1.7%": a later "and said" opens the clause the figure is in
                if (!(sp < anchor && speech_verbs.count(toks[sp]))) {
                    for (size_t k = anchor; k-- > verb + 1;) {
                        if (toks[k].low == ";") break;
                        if (speech_verbs.count(toks[k]) && !speech_aux.count(toks[k]) &&
                            (toks[k - 1].low == "and" || toks[k - 1].low == ",") && sv.tok_mention[k] == SIZE_MAX) {
                            sp = k;
                            break;
                        }
                    }
                }
                // "Saudi Arabia's central bank said its net foreign assets fell": "its" after the cue is
                // the speaker's own (an organisation or place heading the sentence), not a new subject
                bool own_figure = false;
                if (sp + 1 < anchor && speech_verbs.count(toks[sp]) && (toks[sp + 1].low == "its" || toks[sp + 1].low == "their")) {
                    size_t h = cs < verb && toks[cs].low == "the" ? cs + 1 : cs;
                    if (h < verb && sv.tok_mention[h] != SIZE_MAX &&
                        (ms[sv.tok_mention[h]].type == Type::org || ms[sv.tok_mention[h]].type == Type::place))
                        own_figure = true;
                }
                if (sp < anchor && speech_verbs.count(toks[sp]) && !passive && !own_figure) {
                    size_t c2 = sp + 1;
                    if (c2 < anchor && toks[c2].low == "that") ++c2;
                    lo = c2;
                    hi = first_verb(c2, anchor);
                    if (lo >= hi) return s;
                    // "told reporters the government expects", "said in a statement it expects":
                    // the clause's subject is the phrase right before its verb.
                    for (size_t k = hi; k-- > lo + 1;)
                        if (toks[k].low == "it" || toks[k].low == "the" || toks[k].low == "they") {
                            if (is_anaphor(k, hi) || (toks[k].low == "the" && hi - k == 2)) lo = k;
                            break;
                        }
                }
            }
            // A phrase that starts with the metric names its subject after "in"/"at"/"for"
            // ("Consumer prices in the currency bloc rose"); else it has none ("Revenues
            // from AI-related products will ...").
            // "Domestic institutional investors, by contrast, bought": a short aside of plain words
            // between commas before the verb is no part of the subject
            if (hi > lo + 3 && hi < toks.size() && toks[hi - 1].low == ",")
                for (size_t c = hi - 1; c-- > lo + 1 && hi - 1 - c <= 4;) {
                    if (sv.tok_mention[c] != SIZE_MAX) break;
                    if (toks[c].low == ",") {
                        hi = c;
                        break;
                    }
                }
            while (hi > lo + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;  // "a typical buyer now spends"
            size_t d_lo = lo;
            while (d_lo < hi && kDeterminers.count(toks[d_lo])) ++d_lo;
            // "the broader Topix index fell", "two-year gilt yields", "DRAM contract prices": the
            // words before a quote's metric name what is quoted (scope `quote`).
            if (metric.tok != SIZE_MAX && metric.tok > d_lo && metric.tok < hi && scope_of(metric.key) == "quote") {
                bool plain = true;
                for (size_t k = d_lo; k < metric.tok; ++k)
                    if (!toks[k].is_word() || (toks[k].bits & kVerbWord)) plain = false;
                if (plain) {
                    for (auto* m : entities_in(d_lo, metric.tok, true)) add_name(s, m->name);
                    if (market_place_words(d_lo, metric.tok)) s.names.clear();  // "U.S. 10-year Treasury yields"
                    if (s.names.empty())
                        s.description = std::string(sv.slice(toks[d_lo].begin, toks[metric.tok + metric.base_n - 1].end));
                    s.named_instrument = true;
                    return s;
                }
            }
            // "The pound rose 0.3%": a metric whose scope is `instrument` names the thing itself.
            // "The New Zealand dollar rose", "the offshore yuan fell": a few plain words (a place
            // among them) before the currency belong to its name.
            bool instrument_words = metric.tok != SIZE_MAX && d_lo < metric.tok && metric.tok <= d_lo + 3 &&
                                    metric.tok < hi && scope_of(metric.key) == "instrument";
            for (size_t k = d_lo; instrument_words && k < metric.tok; ++k)
                instrument_words = toks[k].is_word() && !(toks[k].bits & kVerbWord) && !(toks[k].bits & kChangeWord) &&
                                   (sv.tok_mention[k] == SIZE_MAX || ms[sv.tok_mention[k]].type == Type::place);
            if (instrument_words) {  // (not the verb of "dollar bought", a phrase of the lexicon)
                size_t e = metric.tok + metric.base_n - 1;
                while (e > metric.tok && (toks[e].bits & (kVerbWord | kChangeWord))) --e;
                s.description = std::string(sv.slice(toks[d_lo].begin, toks[e].end));
                s.named_instrument = true;  // ("New" is no junk word here)
                return s;
            }
            if (metric.tok != SIZE_MAX && d_lo == metric.tok && scope_of(metric.key) == "instrument") {
                size_t e = metric.tok + metric.base_n;
                s.description = std::string(sv.slice(toks[lo].begin, toks[e - 1].end));
                if (d_lo > lo) s.description = std::string(sv.slice(toks[d_lo].begin, toks[e - 1].end));
                return s;
            }
            // "with the 10-year yield up 12 basis points", "The oil price rose": a quote's phrase of
            // several words after a determiner names what is quoted
            if (metric.tok != SIZE_MAX && d_lo > lo && metric.tok == d_lo && scope_of(metric.key) == "quote" &&
                metric.base_n > 1 && d_lo + metric.base_n == hi) {
                s.description = std::string(sv.slice(toks[d_lo].begin, toks[d_lo + metric.base_n - 1].end));
                s.named_instrument = true;
                return s;
            }
            // ("Median rents for houses in Melbourne", "Average rents in Sydney": the metric after
            // `average` words heads the phrase too)
            size_t mlo = lo;
            while (mlo < hi && mlo < metric.tok && (kDeterminers.count(toks[mlo]) || average_words.count(toks[mlo]))) ++mlo;
            if (lo < hi && metric.tok == mlo && metric.tok != SIZE_MAX && mlo > lo && metric.n > metric.base_n &&
                scope_of(metric.key) == "economy") {
                size_t k = mlo + metric.base_n;
                if (k < hi && (toks[k].low == "in" || toks[k].low == "for")) {
                    auto ents = entities_in(k + 1, hi, true);
                    for (auto* m : ents)
                        if (m->type == Type::place) add_name(s, m->name);
                    if (!s.names.empty()) return s;
                }
            }
            if (lo < hi && metric.tok == lo) {
                size_t k = lo + metric.base_n;
                // ("Exports from Japan rose": where exports come from is their holder, unlike imports')
                if (k < hi && (toks[k].low == "in" || toks[k].low == "at" || toks[k].low == "for" ||
                               (toks[k].low == "from" && metric.key == "exports") ||
                               (toks[k].low == "into" && metric.key == "net_flows"))) {  // "Inflows into equity schemes"
                    // ("rents in its German portfolio": a part of the company named before)
                    if (k + 1 < hi && (toks[k + 1].low == "its" || toks[k + 1].low == "their"))
                        if (const Mention* c = last_company_before(toks[k + 1].begin)) {
                            add_name(s, c->name);
                            return s;
                        }
                    auto ents = entities_in(k + 1, hi, true);
                    // ("at Amundi, Europe's largest asset manager": an apposition, not a list)
                    for (size_t e = 1; e < ents.size(); ++e) {
                        size_t b = sv.token_at(ents[e]->span.begin), after_e = sv.token_at(ents[e]->span.end);
                        if (b > 0 && toks[b - 1].low == "," && after_e < hi && toks[after_e].low == "'") {
                            ents.resize(e);
                            break;
                        }
                    }
                    for (auto* m : ents) add_name(s, m->name);
                    size_t d0 = k + 1;
                    while (d0 < hi && kDeterminers.count(toks[d0])) ++d0;
                    if (s.names.empty() && d0 < hi && hi - d0 <= 6) {
                        s.description = trim(sv.slice(toks[d0].begin, toks[hi - 1].end));
                        s.complement = true;
                    }
                } else if (metric.base_n > 1 && holder_nouns.count(toks[lo]) && lo + metric.base_n == hi &&
                           scope_of(metric.key) != "economy") {
                    // "Household debt rose": the metric's own first word (not "consumer prices", the economy's)
                    // names the group whose figure it is
                    s.description = std::string(sv.slice(toks[lo].begin, toks[lo].end));
                } else if (scope_of(metric.key) == "quote" && metric.base_n > 1 && lo + metric.base_n == hi) {
                    // "Oil prices rose", "Home loan rates have risen": a quote's phrase of several
                    // words names what is quoted ("Prices rose" alone does not)
                    s.description = std::string(sv.slice(toks[lo].begin, toks[lo + metric.base_n - 1].end));
                    s.named_instrument = true;
                }
                return s;
            }
            // "while those in Beijing fell 0.9%": the place or holder the pronoun's complement names
            if (lo + 2 < hi && (toks[lo].low == "those" || toks[lo].low == "that") &&
                (toks[lo + 1].low == "in" || toks[lo + 1].low == "at" || toks[lo + 1].low == "of")) {
                auto ents = entities_in(lo + 2, hi, true);
                if (!ents.empty()) {
                    for (auto* m : ents) add_name(s, m->name);
                    return s;
                }
            }
            // "The country's current account surplus", "the nation's unemployment rate", "Asia's
            // fourth-largest economy grew": the story's economy, referred to, not named.
            if (d_lo + 2 < hi &&
                (toks[d_lo].low == "country" || toks[d_lo].low == "nation" || toks[d_lo].low == "kingdom" ||
                 toks[d_lo].low == "republic" || toks[d_lo].low == "emirate") &&
                toks[d_lo + 1].low == "'" && toks[d_lo + 2].low == "s") {
                s.description = "country";
                return s;
            }
            if (hi > d_lo + 3 && toks[hi - 1].low == "economy") {  // (bounds first: hi may be 0)
                bool ranked = false;
                for (size_t k = d_lo; k + 1 < hi; ++k) {  // ("fourth-largest" may be one token)
                    std::string_view w = toks[k].low;
                    if (size_t dash = w.rfind('-'); dash != std::string_view::npos) w = w.substr(dash + 1);
                    ranked |= superlatives.count(w) > 0;
                }
                const Mention* head = sv.tok_mention[d_lo] != SIZE_MAX ? &ms[sv.tok_mention[d_lo]] : nullptr;
                if (ranked && head && head->type == Type::place && !doc_country.empty()) {
                    s.names = {doc_country};  // (not the region the ranking is within)
                    s.fallback = true;
                    return s;
                }
            }
            // "Figures from the ONS showed", "Data from the DWP showed": the publisher of the data
            // is no holder; the figure's subject is implied (the publisher's economy).
            // ("Separate figures from Halifax", "Official data from": one plain word may come first)
            {
                size_t dn = d_lo;
                if (dn + 2 < hi && !data_nouns.count(toks[dn]) && data_nouns.count(toks[dn + 1]) && toks[dn].is_word() &&
                    sv.tok_mention[dn] == SIZE_MAX)
                    ++dn;
                if (dn + 1 < hi && data_nouns.count(toks[dn]) &&
                    (toks[dn + 1].low == "from" || toks[dn + 1].low == "by" || toks[dn + 1].low == "released"))
                    return s;
            }
            if (lo < hi) {
                if (is_anaphor(lo, hi)) {
                    const Mention* c = referent(lo, hi);
                    if (c) add_name(s, c->name);
                    // "the federal government" with no government named stays a description
                    bool gov = false;
                    for (size_t k = lo; k < hi; ++k) gov |= government_nouns.count(toks[k]) > 0;
                    if (c || !gov) {
                        s.fallback = s.names.empty();
                        return s;
                    }
                }
                // "Shares of the San Jose, California-based company": the phrase or its of-complement
                for (size_t k = lo; k < hi; ++k) {
                    if (k > lo && toks[k - 1].low != "of") continue;
                    if (std::string c = company_by_place(k, hi); !c.empty()) {
                        add_name(s, c);
                        return s;
                    }
                }
                auto ents = entities_in(lo, hi, true);
                drop_partners(ents);
                // "India-focused funds", "US-listed shares": a place joined by a hyphen to the next
                // word is a modifier, no holder
                if (!ents.empty() && ents.front()->type == Type::place && ents.front()->span.end < a.size() &&
                    a[ents.front()->span.end] == '-')
                    ents.erase(ents.begin());
                // Entities only inside a modifier ("companies in China") make a description.
                bool head_is_entity = !ents.empty() && ents.front()->span.begin <= toks[lo].end + 1;
                if (!ents.empty() && !head_is_entity) {
                    size_t first = sv.token_at(ents.front()->span.begin);
                    // "Nickel ... on the London Metal Exchange traded": the determiner too (not before a
                    // possessive: "on top of the EU's standard tariff" names the EU's tariff)
                    size_t after = sv.token_at(ents.front()->span.end);
                    if (!(after < hi && toks[after].low == "'"))
                        while (first > lo + 1 && kDeterminers.count(toks[first - 1])) --first;
                    bool after_prep = first > lo && kPrepositions.count(toks[first - 1]);
                    if (!after_prep) head_is_entity = true;
                    // "US authorities": an entity used as an adjective is no subject either.
                }
                // "Egypt's central bank raised rates": the central bank of that place, when the
                // document names it
                if (head_is_entity && ents.front()->type == Type::place && toks[hi - 1].low == "bank" && hi - lo >= 3 &&
                    toks[hi - 2].low == "central") {
                    for (const Mention* cb : central_banks)
                        if (const std::string* area = area_of(*cb); area && *area == ents.front()->name) {
                            add_name(s, cb->name);
                            return s;
                        }
                }
                // "U.S. West Texas Intermediate crude", "U.S. gold futures": a place naming the market
                // of a traded instrument is part of the instrument's name, not its holder
                // "The Baltic Exchange's main sea freight index": what an exchange quotes (as in (a))
                if (head_is_entity && traded_metrics.count(metric.key) && ents.front()->type == Type::org &&
                    std::string_view(ents.front()->kind) == "exchange") {
                    size_t b = sv.token_at(ents.front()->span.end), e = b;
                    while (e < hi && toks[e].low != "," && toks[e].low != "(") ++e;  // (not its relative clause)
                    while (e > b + 1 && trailing_adverbs.count(toks[e - 1])) --e;
                    if (b + 2 < e && toks[b].low == "'" && toks[b + 1].low == "s") {
                        s.description = std::string(sv.slice(toks[b + 2].begin, toks[e - 1].end));
                        s.named_instrument = true;
                        return s;
                    }
                }
                if (head_is_entity && traded_metrics.count(metric.key) && market_place_words(lo, hi)) {
                    size_t e = hi;
                    while (e > lo + 1 && trailing_adverbs.count(toks[e - 1])) --e;
                    size_t d0 = lo;
                    while (d0 < e && kDeterminers.count(toks[d0])) ++d0;
                    s.description = std::string(sv.slice(toks[d0].begin, toks[e - 1].end));
                    s.named_instrument = true;
                    return s;
                }
                if (head_is_entity) {
                    // The head and the entities coordinated with it ("Alphabet, Amazon, Meta (...) and
                    // Microsoft"); not those of an apposition or a modifier ("Kessler, the
                    // Stuttgart-based maker", "the Bank of Canada ... the first G7 central bank").
                    add_name(s, ents.front()->name);
                    for (size_t e = 1; e < ents.size(); ++e) {
                        size_t k = sv.token_at(ents[e - 1]->span.end), end = sv.token_at(ents[e]->span.begin);
                        bool joined = true;
                        int depth = 0;
                        for (; k < end && joined; ++k) {
                            std::string_view w = toks[k].low;
                            if (w == "(") ++depth;
                            else if (w == ")") --depth;
                            else if (depth == 0 && w != "," && w != "and" && w != "&" && w != "or") joined = false;
                        }
                        // "Amundi, Europe's largest asset manager": an apposition, not a list
                        size_t after_e = sv.token_at(ents[e]->span.end);
                        if (joined && after_e < hi && toks[after_e].low == "'" &&
                            toks[sv.token_at(ents[e]->span.begin) - 1].low == ",")
                            joined = false;
                        if (!joined) break;
                        add_name(s, ents[e]->name);
                    }
                    // "Scotland, Wales and Northern Ireland will together receive £1.6bn": their total
                    if (s.names.size() > 1)
                        for (size_t k = sv.token_at(ents.back()->span.end); k < anchor && k < toks.size(); ++k)
                            if (toks[k].low == "together" || toks[k].low == "jointly" || toks[k].low == "combined")
                                s.combined = true;
                    return s;
                }
                bool plain = true;
                for (size_t k = lo; k < hi; ++k)
                    if (!toks[k].is_word() && toks[k].low != "'") plain = false;
                // (a long phrase of a traded quote: its head before the complement, "The most-traded
                // September iron ore contract on China's Dalian Commodity Exchange")
                size_t he = hi;
                if (hi - lo > 12 && plain && traded_metrics.count(metric.key))
                    for (size_t k = lo + 2; k < hi; ++k)
                        if (kPrepositions.count(toks[k])) {
                            he = k;
                            break;
                        }
                if (he - lo <= 12 && plain && !kNotHeads.count(toks[lo])) {
                    size_t d0 = lo;
                    while (d0 < he && kDeterminers.count(toks[d0])) ++d0;
                    if (d0 < he) s.description = trim(sv.slice(toks[d0].begin, toks[he - 1].end));
                }
            }
            return s;
        };

        // A date that names the period of a comparison ("a year earlier", "the same
        // period last year") is a baseline's period, never the claim's own.
        // (asked for every date at every period search: worked out once per date)
        auto baseline_date = [&](size_t i) {
            if (baseline_dates[i] < 0) {
                date_toks.clear();
                tokenize(a, low_doc, ms[i].span, date_toks);
                classify(date_toks);
                baseline_dates[i] = 0;
                for (const Token& k : date_toks)
                    if (baseline_period_words.count(k)) baseline_dates[i] = 1;
                // "climbed 0.1% from September to £266,064": a "from" date before the new level is
                // the comparison's (month on month), not the figure's period
                if (!baseline_dates[i] && ms[i].span.begin >= S.begin && ms[i].span.end <= S.end) {
                    size_t k = sv.token_at(ms[i].span.begin), e = sv.token_at(ms[i].span.end);
                    if (k > 0 && toks[k - 1].low == "from" && e + 1 < toks.size() && toks[e].low == "to" &&
                        sv.tok_mention[e + 1] != SIZE_MAX && is_value(ms[sv.tok_mention[e + 1]]))
                        baseline_dates[i] = 1;
                }
            }
            return baseline_dates[i] > 0;
        };
        // "the highest since November 2020", "the first loss in more than three decades": the date
        // a record is measured against, not the figure's period.
        // Also "the largest increase in a single budget since 1993", "its biggest contract since
        // it was founded in 1998": a superlative further back, with "since" between.
        // A day is measured against only after "since": "its highest close on Tuesday" is the
        // day the record was set, the move's own day.
        auto record_reference = [&](size_t i) {
            size_t k = sv.token_at(ms[i].span.begin);
            bool since = false;
            const bool day = is_day(ms[i].timex);
            for (size_t j = k, n = 0; j-- > 0 && n < 14; ++n) {
                // (a figure counts as one word, its commas none: "surpassing the Rs 65,816 crore sold
                // in March 2020"; unsigned wrap-around undone by the loop's ++n)
                if (j > 0 && sv.tok_mention[j] != SIZE_MAX && sv.tok_mention[j - 1] == sv.tok_mention[j]) {
                    --n;
                    continue;
                }
                if (toks[j].low == "," || toks[j].low == ";") break;
                std::string_view w = toks[j].low;  // ("second-highest": the superlative after the dash)
                if (size_t dash = w.rfind('-'); dash != std::string_view::npos) w = w.substr(dash + 1);
                // ("the first seven months" of a fiscal year: the date's own word, no record)
                const bool own = j + 1 == k && toks[j].low == "first";
                if (!own && (superlatives.count(toks[j]) || superlatives.count(w)) && ((n < 6 && !day) || since)) return true;
                since |= toks[j].low == "since";
            }
            return false;
        };
        // A day (or week) on which something was said or published ("the statistics office said
        // on Friday", "data released on Monday", "said in a filing on Friday") dates the
        // announcement, not the figure; nor does a dateline ("PERTH, March 6 (Wire) —").
        auto announcement_date = [&](size_t i) {
            const std::string& x = ms[i].timex;
            bool day = x.size() >= 10 && std::isdigit(static_cast<unsigned char>(x[0])) && x[4] == '-' && x[7] == '-';
            if (!day && x.find('W') == std::string::npos) return false;
            size_t k = sv.token_at(ms[i].span.begin);
            for (size_t j = k, n = 0; j-- > 0 && n < 10; ++n) {
                if (toks[j].low == "," || toks[j].low == ";" || toks[j].low == "that") break;
                if (announce_verbs.count(toks[j])) return true;
            }
            // "The ministry on Friday said", "Data on Tuesday showed": the verb right after
            size_t e = sv.token_after(ms[i].span.end);
            if (e < toks.size() && announce_verbs.count(toks[e])) return true;
            // a dateline: "CITY, DATE (Agency) —" or "CITY, DATE -" at the start of the sentence
            return k <= 4 && k > 0 && toks[k - 1].low == "," && dateline_tail(a, ms[i].span.end, S.end);
        };
        auto find_period = [&](uint32_t after, uint32_t limit, IndexSet& used, bool for_baseline = false,
                               bool announced = true, bool share_day = false,
                               uint32_t floor = 0) -> std::optional<size_t> {
            // nearest date after `after` before `limit`, else nearest before `after` in the sentence
            std::optional<size_t> best;
            auto fits = [&](size_t i) {
                return ms[i].type == Type::date && (for_baseline || !baseline_date(i)) && !record_reference(i) &&
                       (announced || !announcement_date(i)) && !contract_month(i);
            };
            auto usable = [&](size_t i) { return !used.count(i) && fits(i); };
            for (size_t i : sv.mentions)
                if (usable(i) && ms[i].span.begin >= after && ms[i].span.begin < limit) {
                    best = i;
                    break;
                }
            if (!best)
                for (size_t i : sv.mentions)
                    if (usable(i) && ms[i].span.end <= after && ms[i].span.begin >= floor) best = i;
            // A day dates every move of the sentence before it ("Nikkei slipped 0.6% on Tuesday,
            // while the Hang Seng rose 0.4%"; "... after touching a high of $2,696 earlier in
            // the session"): a day already taken still serves a later claim.
            if (!best && share_day)
                for (size_t i : sv.mentions)
                    if (used.count(i) && is_day(ms[i].timex) && ms[i].span.end <= after && fits(i) &&
                        sv.token_at(after) <= sv.token_at(ms[i].span.begin) + 16)  // a nearby clause's day
                        best = i;
            if (best) used.insert(*best);
            return best;
        };
        // A report period: a calendar or fiscal year, half, quarter or month (not a day,
        // a week, a duration, nor the start or end of a span: "since 2022", "by 2027").
        auto report_period = [&](size_t i) {
            const std::string& x = ms[i].timex;
            if (x.empty() || x[0] == 'P' || x.find('W') != std::string::npos || baseline_date(i)) return false;
            size_t dashes = std::count(x.begin(), x.end(), '-');
            bool fiscal = x.rfind("FY", 0) == 0;
            if (!fiscal && !(x.size() >= 4 && std::isdigit(static_cast<unsigned char>(x[0])))) return false;
            if (!fiscal && dashes >= 2) return false;
            size_t k = sv.token_at(ms[i].span.begin);
            if (k > 0 && k < toks.size() && period_bound_words.count(toks[k - 1])) return false;
            return true;
        };
        // A market move or quote of the trading day (the story's day governs it), not a move over a
        // window ("has fallen 13% since the election", "has gained 18%"), an average ("averaged
        // $85 a barrel"), a forecast or assumption ("could fall to $60", "assuming 145 yen to the
        // dollar"), nor a price in economic data ("Food inflation was negative as rice prices fell").
        auto trading_day_move = [&](size_t anchor) {
            const size_t cs = clause_start_tok(anchor);
            size_t ce = anchor;
            for (; ce < toks.size(); ++ce)
                if (toks[ce].low == ";" ||
                    (toks[ce].low == "," && ce + 1 < toks.size() &&
                     (toks[ce + 1].low == "while" || toks[ce + 1].low == "whereas" || toks[ce + 1].low == "but" ||
                      toks[ce + 1].low == "and")))
                    break;
            // (a window after the move: up to the next move of the clause, "lost 1.6% and has
            // fallen 13% since its record close")
            for (size_t k = anchor + 1; k < ce; ++k)
                if (toks[k].bits & kChangeWord) {
                    ce = k;
                    break;
                }
            const bool amount = sv.tok_mention[anchor] != SIZE_MAX;
            // (a modal of an earlier comma clause is not the move's: "Sunvale said it would cut
            // 2,000 jobs, sending its shares down 7.4%")
            size_t modal_lo = cs;
            for (size_t k = cs; k < anchor && k < toks.size(); ++k)
                if (toks[k].low == ",") modal_lo = k + 1;
            for (size_t k = cs; k < ce && k < toks.size(); ++k) {
                if (k >= modal_lo && k <= anchor && modal_words.count(toks[k])) return false;
                // "averaged about $85", "an average of 34 euros" (not "the Nikkei average rose")
                if (amount && k < anchor && anchor - k <= 4 && average_words.count(toks[k])) return false;
                if (toks[k].low == "since") {
                    bool record = false;
                    for (size_t j = k, n = 0; j-- > cs && n < 6; ++n) record |= superlatives.count(toks[j]) > 0;
                    if (!record) return false;
                }
                if (k < anchor && anchor - k <= 3 && (toks[k].low == "has" || toks[k].low == "have")) return false;
            }
            // economic data named before it in the sentence: the price is one of the data's
            for (size_t k = 0; k < anchor; ++k) {
                size_t n = 0;
                if (const Lexicon::Entry* e = lex(metrics, kMetricFirst, k, &n); e && scope_of(e->value) == "economy") {
                    // (not a metric a company has too: "cut 2,000 jobs, sending its shares down 7.4%")
                    bool company_form = false;
                    if (auto f = metric_forms.find(e->value); f != metric_forms.end())
                        for (const auto& [when, key] : f->second) company_form |= when == "company";
                    if (!company_form) return false;
                }
            }
            return true;
        };
        // The claim's period: from its clause and sentence, else the governing report period
        // (marked inherited). Never the publication date.
        auto claim_period = [&](uint32_t after, uint32_t limit, IndexSet& used, const std::string& metric,
                                size_t anchor) -> Period {
            // (the day something was said or released is never the figure's period)
            // (a company's results are for a reporting period: a nearby day dates the market's
            // reaction, "rose 4% on Tuesday after it reported a 20% rise in profit", not them)
            const bool traded = traded_metrics.count(metric) > 0;
            // (a market move does not take a date of an earlier ";" clause that no claim took:
            // "Supplier lowers 2024 sales target; shares fall 6.8%")
            uint32_t floor = 0;
            if (traded)
                for (size_t k = 0; k < anchor && k < toks.size(); ++k)
                    if (toks[k].low == ";") floor = toks[k].end;
            auto per = find_period(after, limit, used, false, false, scope_of(metric) != "company", floor);
            // (nor a period that names another figure's: "after third-quarter sales beat estimates,
            // sending its shares up 3.2%": the quarter is the sales', which keep it free)
            if (per && traded && !is_day(ms[*per].timex)) {
                size_t k = sv.token_after(ms[*per].span.end);
                size_t mn = 0;
                if (k < toks.size() && lex(metrics, kMetricFirst, k, &mn)) {
                    const size_t other = *per;
                    per = find_period(after, limit, used, false, false, scope_of(metric) != "company", floor);
                    used.erase(other);
                }
            }
            size_t para = t.paragraph_index(S.begin);
            if (para == lead_paragraph) lead_has_figure = true;
            // Only a report's own figures set the report period (not a market move "so far this year").
            const bool inherits = !metric.empty() && !scope_of(metric).empty() && !market_metrics.count(metric);
            // the first market move with a day of its own sets the story's day when the opening named none
            if (per && traded && !story_day && is_day(ms[*per].timex) && !is_weekend(ms[*per].timex)) story_day = *per;
            if (per) {
                if (inherits && report_period(*per)) {
                    para_period = *per;
                    para_period_para = para;
                    // The headline's period is shorthand ("Q1", "H1") for the lead's ("the
                    // April-June quarter"): the first period stated below the headline wins.
                    // (the article's: its headline's or lead's — the next paragraph's when the lead
                    // states no figure — not a later one's)
                    if ((!doc_period || (doc_period_headline && para > 0)) &&
                        (para <= lead_paragraph || (para == lead_paragraph + 1 && !lead_has_figure))) {
                        doc_period_headline = !doc_period && para == 0;
                        doc_period = *per;
                    }
                }
                return Period{static_cast<uint32_t>(*per)};
            }
            if (traded && story_day && trading_day_move(anchor))
                return Period{static_cast<uint32_t>(*story_day), true};
            // Only a report's own figures inherit: a metric with an implied holder, not a market price.
            if (!inherits) return Period{};
            std::optional<size_t> inh = para_period_para == para ? para_period : std::nullopt;
            if (para_date && para_date_para == para && (!inh || *para_date > *inh)) inh = para_date;
            if (!inh) {
                // A plan or forecast ("will rise", "could reach") is not a figure of the report.
                for (size_t k = clause_start_tok(anchor); k < toks.size() && k < anchor + 8; ++k)
                    if (modal_words.count(toks[k])) return Period{};
                inh = doc_period;
                // (the lead's month, for the figures of the next paragraphs, which restate its release)
                if (!inh && para > lead_paragraph && para <= lead_paragraph + 2) inh = lead_date;
            }
            if (!inh) return Period{};
            return Period{static_cast<uint32_t>(*inh), true};
        };

        auto index_of = [&](const Mention* m) { return static_cast<uint32_t>(m - ms.data()); };
        // The clause of a sentence a byte is in: clauses end at ";" and at ", while", ", whereas",
        // ", but", ", and" ("A said ..., while B warned ..., C reported").
        auto clause_of = [&](uint32_t byte) {
            size_t n = 0;
            for (size_t k = 0; k + 1 < toks.size() && toks[k + 1].begin <= byte; ++k)
                if (toks[k].low == ";" ||
                    (toks[k].low == "," && (toks[k + 1].low == "while" || toks[k + 1].low == "whereas" ||
                                            toks[k + 1].low == "but" || toks[k + 1].low == "and")))
                    ++n;
            return n;
        };
        // Where the clause holding byte `after` ends: at ";" or at ", while/whereas/but/and" (a date
        // past it belongs to the next clause's figure: "a profit of £3.9bn in the first half, up
        // 12%, and its CET1 ratio was 14.6% at the end of June").
        auto clause_end = [&](uint32_t after) {
            for (size_t k = sv.token_at(after); k < toks.size(); ++k)
                if (toks[k].low == ";" ||
                    (toks[k].low == "," && k + 1 < toks.size() &&
                     (toks[k + 1].low == "while" || toks[k + 1].low == "whereas" || toks[k + 1].low == "but" ||
                      toks[k + 1].low == "and")))
                    return toks[k].begin;
            return S.end;
        };
        // The next value figure after byte `after` that is no equivalent (a baseline's period comes
        // before it: "to ¥72 a share from ¥60 and expects to pay ¥80 this year").
        auto next_figure = [&](uint32_t after) {
            for (const auto& g : figs)
                if (g.role != Role::equivalent && g.role != Role::baseline && ms[g.m].span.begin >= after)
                    return ms[g.m].span.begin;
            return S.end;
        };
        // A holder heading the sentence with a verb of forecast ("The Treasury now forecasts an
        // operating deficit of NZ$6.6 billion", "ECB staff now expect inflation to average 2.0%",
        // "Kazemura ... assumes an exchange rate of 150 yen"): the source of the sentence's
        // figures when the sentence names no other (its staff speak for it).
        // A holder revising its own forecast heads the sentence the same way ("The IMF cut its
        // forecast for China's growth to 4.2%", "The BoJ raised its projection").
        auto revises_forecast = [&](size_t v) {
            if (v >= toks.size() || !(toks[v].bits & kChangeWord)) return false;
            for (size_t k = v + 1; k < toks.size() && k <= v + 2; ++k)
                if (toks[k].low == "its" || toks[k].low == "their")
                    for (size_t j = k + 1; j < toks.size() && j <= k + 3 && toks[j].is_word(); ++j)
                        if (kForecastNouns.count(toks[j])) return true;
            return false;
        };
        const Mention* forecast_holder = nullptr;
        size_t forecast_verb = 0;  // the holder's verb: figures before it ("which kept Bank Rate at 4.5%") are not its forecast
        if (!toks.empty()) {
            size_t v = 1;
            while (v < toks.size() && v <= 8 && !forecast_verbs.count(toks[v]) && !revises_forecast(v) &&
                   toks[v].is_word() && !(toks[v].bits & kVerbWord))
                ++v;
            if (v <= 8 && v < toks.size() && (forecast_verbs.count(toks[v]) || revises_forecast(v))) {
                size_t hi = v;
                while (hi > 1 && (trailing_adverbs.count(toks[hi - 1]) || staff_nouns.count(toks[hi - 1]))) --hi;
                forecast_holder = opening_holder(hi);
                forecast_verb = v;
            }
            // The holder and an aside between commas before its verb ("The Bank of England, which
            // holds about £560bn of gilts, expects ...", "The IMF, in its outlook released on
            // Tuesday, cut its forecast ...").
            const size_t h = toks[0].low == "the" ? 1 : 0;
            if (!forecast_holder && h < toks.size() && sv.tok_mention[h] != SIZE_MAX) {
                const Mention& m = ms[sv.tok_mention[h]];
                size_t e = sv.token_at(m.span.end);
                if ((m.type == Type::org || m.type == Type::person) && e < toks.size() && toks[e].low == ",") {
                    size_t c = e + 1;
                    while (c < toks.size() && c <= e + 25 && toks[c].low != "," && toks[c].low != ";") ++c;
                    size_t w = c + 1;
                    while (w < toks.size() && trailing_adverbs.count(toks[w])) ++w;
                    if (c < toks.size() && toks[c].low == "," && w < toks.size() &&
                        (forecast_verbs.count(toks[w]) || revises_forecast(w))) {
                        forecast_holder = &m;
                        forecast_verb = w;
                    }
                }
            }
        }
        // An amount that unnamed analysts or economists expected ("above the $84.5 billion analysts
        // had expected", "the 5.0% median estimate of economists", "Analysts on average had
        // expected $5.2 billion") is neither the release's nor the sentence's speaker's figure:
        // the group stands next to it, with nothing but speech verbs and their helpers between
        // (no comma, no other verb: "$3bn, beating analysts' estimates" is the company's).
        auto group_expectation = [&](const Claim& claim) {
            // (a change too when it names only its move: "Economists had forecast a 0.3% gain")
            uint32_t fig = claim.value;
            if (claim.change) {
                if (claim.value != kNoMention || claim.change->percent == kNoMention) return false;
                fig = claim.change->percent;
            }
            if (fig == kNoMention) return false;
            const text::Span v = ms[fig].span;
            size_t b = 0, e = 0;
            while (b < toks.size() && toks[b].begin < v.begin) ++b;
            e = b;
            while (e < toks.size() && toks[e].begin < v.end) ++e;
            auto plain = [&](size_t lo, size_t hi) {
                for (size_t k = lo; k < hi; ++k)
                    if (toks[k].low == "," || toks[k].low == ";" ||
                        (((toks[k].bits & kVerbWord) || (toks[k].bits & kChangeWord)) && !speech_verbs.count(toks[k]) &&
                         !speech_aux.count(toks[k]) && !average_words.count(toks[k])))
                        return false;
                return true;
            };
            auto group = [&](size_t k) {
                if (!expecter_nouns.count(toks[k])) return false;
                if (k + 1 < toks.size() && poll_verbs.count(toks[k + 1])) return false;  // "polled by the company"
                for (size_t i : sv.mentions)
                    if (ms[i].type == Type::source && ms[i].span.begin <= toks[k].begin && toks[k].begin < ms[i].span.end &&
                        !(ms[i].kind.empty() && lower(ms[i].name) == toks[k].low))
                        return false;  // "Analysts at Goldman Sachs estimate": a named source (not "Economists had forecast")
                return true;
            };
            const size_t window = 6;
            for (size_t k = e; k < toks.size() && k <= e + window; ++k)
                if (group(k) && plain(e, k)) return true;
            for (size_t k = b; k-- > 0 && k + window >= b;)
                if (group(k) && plain(k + 1, b)) return true;
            return false;
        };
        // A poll ("the ¥765 billion average estimate of 21 analysts polled by LSEG", "Analysts
        // polled by LSEG had expected Rs 1,980 crore") attributes the figure next to it, not the
        // sentence's other figures ("X forecast ¥820 billion ..., beating the ¥765 billion ...").
        auto poll_elsewhere = [&](const Mention& src, const Claim& claim, uint32_t at) {
            const size_t sb = sv.token_at(src.span.begin), se = sv.token_at(src.span.end);
            bool poll = false;
            for (size_t k = sb; k < se && k < toks.size(); ++k) poll |= poll_verbs.count(toks[k]) > 0;
            if (!poll) return false;
            const text::Span v = claim.value != kNoMention ? ms[claim.value].span : text::Span{at, at + 1};
            size_t lo, hi;
            if (v.end <= src.span.begin) {
                lo = sv.token_at(v.end);
                hi = sb;
            } else if (v.begin >= src.span.end) {
                lo = se;
                hi = sv.token_at(v.begin);
            } else {
                return false;
            }
            if (hi > lo + 8) return true;
            for (size_t k = lo; k < hi; ++k)
                if (toks[k].low == "," || toks[k].low == ";") return true;
            return false;
        };
        // "above the £15.1bn forecast by the Office for Budget Responsibility", "the 4.5% rise
        // forecast by economists in a Reuters poll": whoever a participle after the figure names
        // with "by" holds it (the poll's organiser for a poll); `group` when that is an unnamed
        // group of analysts or economists (no source). Null when the figure names no one.
        auto figure_agent = [&](const Claim& claim, bool& group) -> const Mention* {
            group = false;
            uint32_t fig = claim.value;
            if (claim.change && claim.change->percent != kNoMention &&
                (fig == kNoMention || ms[claim.change->percent].span.begin < ms[fig].span.begin))
                fig = claim.change->percent;
            if (fig == kNoMention) return nullptr;
            size_t k = sv.token_at(ms[fig].span.end);
            for (size_t n = 0; n < 2 && k < toks.size() && toks[k].is_word() && !forecast_verbs.count(toks[k]) &&
                               !(toks[k].bits & kVerbWord) && sv.tok_mention[k] == SIZE_MAX;
                 ++n)
                ++k;  // ("the 4.5% rise forecast by")
            if (k + 2 >= toks.size()) return nullptr;
            std::string_view p = toks[k].low;
            if (!(forecast_verbs.count(toks[k]) || p == "expected" || p == "estimated" || p == "projected" ||
                  p == "predicted" || p == "pencilled" || p == "penciled") ||
                toks[k + 1].low != "by")
                return nullptr;
            k += 2;
            while (k < toks.size() && kDeterminers.count(toks[k])) ++k;
            auto mention_at = [&](size_t j) -> const Mention* {
                if (j >= toks.size() || sv.tok_mention[j] == SIZE_MAX) return nullptr;
                const Mention& m = ms[sv.tok_mention[j]];
                return m.type == Type::org || m.type == Type::person ? &m : nullptr;
            };
            if (const Mention* m = mention_at(k)) return m;
            if (k < toks.size() && expecter_nouns.count(toks[k])) {
                // "economists polled by FnGuide": the sentence's source mention names the poller
                if (k + 1 < toks.size() && poll_verbs.count(toks[k + 1])) return nullptr;
                // "economists in a Reuters poll"
                for (size_t j = k + 1; j < toks.size() && j <= k + 5; ++j) {
                    if (toks[j].low == "," || toks[j].low == ";") break;
                    if (const Mention* m = mention_at(j)) return m;
                }
                group = true;
            }
            return nullptr;
        };
        // A release about another economy than the claim's: its organisation speaks for another area
        // (jurisdictions.tsv), or its sentence names areas, none of them the claim's.
        auto foreign_release = [&](const Mention& r, const Claim& claim) {
            if (claim.subject.size() != 1 || claim.subject_is_description) return false;
            const std::string& subj = claim.subject.front();
            bool subj_area = areas.count(subj) > 0;
            for (size_t i = 0; i < ms.size() && !subj_area; ++i)
                subj_area = ms[i].type == Type::place && ms[i].name == subj && area_of(ms[i]);
            if (!subj_area) return false;
            if (auto j = jurisdictions.find(lower(r.name)); j != jurisdictions.end()) return j->second != subj;
            const auto& sents = t.sentences();
            auto st = std::upper_bound(sents.begin(), sents.end(), r.span.begin,
                                       [](uint32_t b, const text::Span& x) { return b < x.begin; });
            if (st == sents.begin()) return false;
            const text::Span RS = *std::prev(st);
            bool other = false;
            for (auto it = std::lower_bound(ms.begin(), ms.end(), RS.begin,
                                            [](const Mention& m, uint32_t b) { return m.span.begin < b; });
                 it != ms.end() && it->span.begin < RS.end; ++it) {
                if (it->type != Type::place && it->type != Type::org) continue;
                const std::string* area = area_of(*it);
                if (!area) continue;
                if (*area == subj) return false;
                std::string w = word_near(it->span.begin, false);  // ("shipments to the United States": a partner)
                if (w == "the") {
                    uint32_t b = it->span.begin;
                    while (b > 0 && a[b - 1] == ' ') --b;
                    w = word_near(b - std::min<uint32_t>(b, 3), false);
                }
                if (partner_words.count(w)) continue;
                other = true;
            }
            return other;
        };
        // A poll's source mention ("Economists polled by Reuters had forecast").
        auto poll_source = [&](const Mention& m) {
            std::string_view x = std::string_view(a).substr(m.span.begin, m.span.end - m.span.begin);
            return x.find("polled") != std::string_view::npos || x.find(" poll") != std::string_view::npos;
        };
        auto claim_sources = [&](double& conf, const std::string& metric, const Claim& claim, uint32_t at) {
            std::vector<Source> arr;
            if (group_expectation(claim)) {
                conf -= 0.1;
                return arr;
            }
            {
                bool group = false;
                const Mention* agent = figure_agent(claim, group);
                if (group) {
                    conf -= 0.1;
                    return arr;
                }
                if (agent) {
                    // (the source mention naming it, when there is one: its cue and role)
                    const Mention* src = agent;
                    for (size_t i : sv.mentions)
                        if (ms[i].type == Type::source && ms[i].name == agent->name && ms[i].span.begin <= agent->span.begin &&
                            agent->span.end <= ms[i].span.end)
                            src = &ms[i];
                    arr.push_back(Source{static_cast<uint32_t>(src - ms.data())});
                    conf += 0.1;
                    return arr;
                }
            }
            std::vector<const Mention*> here;
            for (size_t i : sv.mentions)
                if (ms[i].type == Type::source && !ms[i].name.empty() && !poll_elsewhere(ms[i], claim, at))
                    here.push_back(&ms[i]);
            // Several attributions in one sentence, each in a clause of its own: a claim takes those
            // of its own clause (with what they cite), when its clause has one.
            if (here.size() > 1) {
                size_t c = clause_of(at);
                std::vector<const Mention*> mine;
                for (const Mention* m : here)
                    if (clause_of(m->span.begin) == c) mine.push_back(m);
                if (!mine.empty() && mine.size() < here.size()) {
                    for (const Mention* m : here)
                        if (std::find(mine.begin(), mine.end(), m) == mine.end())
                            for (const Mention* o : mine)
                                if (!o->cites.empty() && o->cites == m->name) mine.push_back(m);
                    here = std::move(mine);
                }
            }
            // A poll the figure belongs to ("the ¥765 billion average estimate of 21 analysts polled by
            // LSEG") is its only source: the company forecasting beside it in the sentence ("Hoshino
            // forecast ¥820 billion, beating ...") holds the other figure.
            if (here.size() > 1) {
                std::vector<const Mention*> polls;
                for (const Mention* m : here) {
                    const size_t sb = sv.token_at(m->span.begin), se = sv.token_at(m->span.end);
                    bool poll = false;
                    for (size_t k = sb; k < se && k < toks.size(); ++k) poll |= poll_verbs.count(toks[k]) > 0;
                    if (poll) polls.push_back(m);
                }
                if (!polls.empty()) here = std::move(polls);
            }
            if (here.empty() && forecast_holder && at >= toks[forecast_verb].begin) here.push_back(forecast_holder);
            bool inherited = false;
            if (here.empty() && quote_speaker) {
                here.push_back(quote_speaker);
                inherited = true;
            }
            if (here.empty()) {
                size_t pi = t.paragraph_index(S.begin);
                text::Span P = t.paragraphs().empty() ? S : t.paragraphs()[pi];
                // The paragraph's governing attribution: a named organisation or person (kind known)
                // before a bare group ("representatives of ..."), the nearest first; with what it cites.
                // (a company's own results do not release an economy's figures: "BMW reported a 61%
                // fall in profit. ... Industrial production fell 2.5% in August" is the statistics
                // office's, the last release that can speak for the economy; nor does the company's word
                // in the paragraph)
                bool company_figure = scope_of(metric) == "company";
                for (const auto& n : claim.subject) {
                    auto sk = org_kinds.find(n);
                    company_figure |= sk != org_kinds.end() && sk->second == "company";
                }
                auto fits = [&](const Mention* m) {
                    auto mk = org_kinds.find(m->name);
                    std::string_view k = mk != org_kinds.end() ? std::string_view(mk->second) : std::string_view(m->kind);
                    // (a company that releases market data — a lender's house price index, a
                    // property data firm — and is never a subject itself speaks for the market)
                    return company_figure || k != "company" || !subject_paragraph.count(m->name);
                };
                // (in the paragraph, only for a figure plainly about a country: a subject the
                // sentence misses — "The company, which is 65% owned by ..., expects" — is often the
                // company speaking)
                bool country_figure = !company_figure && !claim.subject.empty() && !claim.subject_is_description;
                for (const auto& n : claim.subject) {
                    bool country = false;
                    for (size_t i : sv.mentions) country |= ms[i].type == Type::place && ms[i].name == n && ms[i].kind == "country";
                    country_figure &= country;
                }
                const Mention* best = nullptr;
                uint32_t best_dist = UINT32_MAX;
                // ("Separately, Saudi Aramco sold ...": a sentence that turns to another story takes
                // no attribution of the sentences before it)
                size_t shift_n = 0;
                const Lexicon::Entry* shift = lex(cues, kCueFirst, 0, &shift_n);
                const bool topic_shift = shift && shift->value == "topic_shift";
                for (auto it = std::lower_bound(named_sources.begin(), named_sources.end(), P.begin, by_begin);
                     it != named_sources.end() && (*it)->span.begin < P.end; ++it) {
                    if ((*it)->span.end > P.end || (*it)->span.begin > S.begin) continue;
                    if (topic_shift && (*it)->span.begin < S.begin) continue;
                    // (a poll's expectation covers its own sentence only: "Economists polled by Reuters had
                    // forecast a drop of 1.5%. Orders from abroad fell 5.8%" are the release's figures)
                    if ((*it)->span.begin < S.begin && poll_source(**it)) continue;
                    if (country_figure && !fits(*it)) continue;
                    uint32_t d = (*it)->span.begin > S.begin ? (*it)->span.begin - S.begin : S.begin - (*it)->span.begin;
                    if ((*it)->kind.empty()) d += 1u << 20;
                    if (d < best_dist) {
                        best_dist = d;
                        best = *it;
                    }
                }
                // The company (or statistics office, regulator) the figure is about, when it
                // releases figures of its own somewhere in the article ("Karri said in a
                // statement"): it is the source of its own figures, the headline's and the lead's
                // too, unless the paragraph's speaker speaks for it ("Chief executive Tim Cook
                // said"). A central bank acting on its own ("The Bank of Canada cut its key rate")
                // speaks through no one else's release or statement: no source unless the
                // sentence gives one.
                const Mention* own = nullptr;
                const std::string* actor = nullptr;  // a central bank the figure is about
                if (!claim.subject_is_description && claim.subject.size() == 1 && !metric.empty() &&
                    !market_metrics.count(metric)) {
                    const std::string& n = claim.authority.empty() ? claim.subject.front() : claim.authority;
                    auto k = org_kinds.find(n);
                    if (k != org_kinds.end() && own_release_kinds.count(k->second)) {
                        auto r = releases_of.find(n);
                        if (r != releases_of.end()) {
                            auto it = std::lower_bound(r->second.begin(), r->second.end(), S.begin, by_begin);
                            own = it != r->second.begin() ? *std::prev(it) : r->second.front();
                        }
                    }
                    if (k != org_kinds.end() && actor_kinds.count(k->second)) actor = &n;
                }
                auto speaks_for = [&](const Mention* src, const std::string& org) {
                    return src->name == org || src->affiliation == org;
                };
                // (a speaker of another economy's figures earlier in the paragraph does not speak for this one)
                if (best && foreign_release(*best, claim)) best = nullptr;
                // (a market move or share price is the market's, not the last speaker's: "'This is a
                // painful step,' Shah said. Brightwave shares closed down 4.2%." — corpus/CLAIMS.md
                // step 5; a person's or a company's word is a view or its own news. A data provider the
                // paragraph quotes — "according to LSEG data", "figures from Moneyfacts showed" — and a
                // statistics body's release still govern its prices.)
                if (best && market_metrics.count(metric)) {
                    std::string_view k = best->kind, cue = best->cue;
                    bool data = cue == "according to" || cue == "showed";
                    if (k.empty() || (k == "company" && !data)) best = nullptr;
                }
                if (own && (!best || !speaks_for(best, own->name))) best = own;
                if (another_company(claim, best)) best = nullptr;
                if (best) {
                    here.push_back(best);
                    if (!best->cites.empty())
                        for (auto* m : named_sources)
                            if (m->name == best->cites && t.paragraph_index(m->span.begin) == pi) here.push_back(m);
                }
                // A release governs the report's figures that follow it ("Statistics Canada said on
                // Friday", "figures from the ONS showed", "the company said in a statement"): the last
                // release before the sentence, else (a headline, a lead) the article's first one.
                bool from_release = false;
                if (here.empty() && !topic_shift && !metric.empty() && !scope_of(metric).empty() && !market_metrics.count(metric)) {
                    auto it = std::lower_bound(releases.begin(), releases.end(), S.begin, by_begin);
                    const Mention* r = nullptr;
                    while (it != releases.begin() && !fits(*std::prev(it))) --it;
                    if (it != releases.begin()) r = *std::prev(it);
                    else if (!releases.empty() && t.paragraph_index(releases.front()->span.begin) <= lead_paragraphs &&
                             fits(releases.front()))
                        r = releases.front();
                    // (not another economy's release in a round-up: China's finance ministry does not
                    // speak for "Mexico's reserves"; nor another company's: a rival's results)
                    if (r && !foreign_release(*r, claim) && !another_company(claim, r)) here.push_back(r);
                    from_release = !here.empty();
                }
                // Figures of another organisation than the company speaking: a company that spoke of
                // its own figures in the paragraph ("Kaito raised ¥120 billion, the company said.
                // Separately, China's finance ministry sold ...") passes nothing to a named subject it
                // does not speak for. (A release's later figures of a unit stay the parent's: "Jio
                // Platforms posted ..." in Reliance's results story.)
                if (!here.empty() && !own && !claim.subject_is_description && !claim.subject.empty() && !subject_fallback) {
                    const Mention* src = here.front();
                    auto k = org_kinds.find(src->name);
                    auto sp = subject_paragraph.find(src->name);
                    bool company = k != org_kinds.end() && k->second == "company";
                    bool other = true;
                    for (const auto& n : claim.subject) other &= n != src->name && n != src->affiliation;
                    if (company && other && !from_release && sp != subject_paragraph.end() && sp->second == pi) here.clear();
                    // (nor does a company's release that is not about itself — a data provider's fund
                    // flows — cover another company's figures: an IPO's price a paragraph later)
                    bool subject_company = true;
                    for (const auto& n : claim.subject) {
                        auto sk = org_kinds.find(n);
                        subject_company &= sk != org_kinds.end() && sk->second == "company";
                    }
                    if (company && other && from_release && subject_company && sp == subject_paragraph.end()) here.clear();
                }
                // A headline or sub-headline figure restates the lead's: it inherits the lead's
                // attribution, whatever its kind ("China's economy hits 5% growth goal" ← "official
                // data showed"; "... seeks 6 billion kronor lifeline" ← "people familiar with the
                // matter said"). Only an attribution in the lead itself: a lead that names none
                // ("Chancellor Rachel Reeves announced ...") passes none to its headline. Not a
                // market move ("shares slump 9pc").
                if (here.empty() && lead_source && pi < lead_paragraph && !market_metrics.count(metric) &&
                    t.paragraph_index(lead_source->span.begin) == lead_paragraph) {
                    here.push_back(lead_source);
                    // (with what the lead's source cites: "the Nikkei reported, citing people familiar
                    // with the matter")
                    if (!lead_source->cites.empty())
                        for (auto* m : named_sources)
                            if (m->name == lead_source->cites && t.paragraph_index(m->span.begin) == lead_paragraph)
                                here.push_back(m);
                }
                // An organisation acting on its own ("The Bank of Canada cut its key rate", "Bank
                // Indonesia held ...") does not speak through someone else's release or statement.
                if (actor && !here.empty() && !speaks_for(here.front(), *actor)) here.clear();
                // The lead governs the article only when the article re-reports someone else's
                // reporting ("..., the Financial Times reported").
                if (here.empty() && lead_source && std::string_view(lead_source->kind) == "media" && !market_metrics.count(metric) &&
                    (std::string_view(lead_source->cue) == "reported" || std::string_view(lead_source->cue) == "according to"))
                    here.push_back(lead_source);
                inherited = !here.empty();
            }
            // "According to X, ..., the publication notes": the trailing attribution relays the
            // leading one, so it comes first in the chain.
            if (here.size() > 1 && std::string_view(here.front()->cue) == "according to" &&
                here.front()->cites.empty() && here.back()->cites.empty() && sv.token_at(here.front()->span.begin) == 0) {
                bool trailing = true;
                for (uint32_t b = here.back()->span.end; b < S.end && trailing; ++b)
                    trailing = !std::isalnum(static_cast<unsigned char>(a[b]));
                if (trailing) std::rotate(here.begin(), here.end() - 1, here.end());
            }
            // A company does not report its own share price or market value: "Sunvale said it
            // would cut 2,000 jobs, sending its shares down 7.4%" is the market's move.
            if (market_metrics.count(metric) && claim.subject.size() == 1)
                here.erase(std::remove_if(here.begin(), here.end(),
                                          [&](const Mention* m) { return m->name == claim.subject.front(); }),
                           here.end());
            // Order: citing sources first, each followed by what it cites.
            std::vector<const Mention*> ordered;
            for (const Mention* m : here) {
                bool cited_by_other = false;
                for (const Mention* o : here)
                    if (o != m && !o->cites.empty() && o->cites == m->name) cited_by_other = true;
                if (cited_by_other) continue;
                ordered.push_back(m);
                if (!m->cites.empty())
                    for (const Mention* o : here)
                        if (o != m && o->name == m->cites) ordered.push_back(o);
            }
            std::set<std::string> seen;
            for (const Mention* m : ordered) {
                if (!seen.insert(m->name + "|" + m->cue).second) continue;
                Source s{index_of(m), kNoMention, inherited};
                for (const Mention* o : here)
                    if (o != m && !o->cites.empty() && o->cites == m->name) s.cited_by = index_of(o);
                arr.push_back(s);
            }
            if (arr.empty())
                conf -= 0.1;
            else if (inherited)
                conf -= 0.05;
            else
                conf += 0.1;
            return arr;
        };

        // "Revenue rose 12 per cent": a claim with no subject of its own is about the
        // subject of the paragraph's previous claim (marked as a fallback).
        // A subject that is missing, a person (the speaker), or no real noun phrase ("about",
        // "Revenue", "company also", "the stock") is implied by the metric's scope
        // (rules/claims/metric_scopes.tsv): the economy (a demonym in the clause, else the
        // country the article names most), the central bank, or the company (the last named
        // in the paragraph, else the one the article names most).
        // The last country or area named before the sentence in its paragraph, not as a trade partner.
        auto paragraph_area = [&]() -> std::string {
            std::string name;
            if (t.paragraphs().empty()) return name;
            const text::Span P = t.paragraphs()[t.paragraph_index(S.begin)];
            auto it = std::lower_bound(ms.begin(), ms.end(), P.begin,
                                       [](const Mention& m, uint32_t b) { return m.span.begin < b; });
            for (; it != ms.end() && it->span.begin < S.begin; ++it)
                if (it->type == Type::place && (std::string_view(it->kind) == "country" || areas.count(it->name))) {
                    std::string w = word_near(it->span.begin, false);
                    if (w == "the") {
                        uint32_t b = it->span.begin;
                        while (b > 0 && a[b - 1] == ' ') --b;
                        w = word_near(b - std::min<uint32_t>(b, 3), false);
                    }
                    if (!partner_words.count(w)) name = it->name;
                }
            return name;
        };
        // A country or area named before the figure in its sentence (not a partner), else in its
        // paragraph: the economy a company-type figure of a story with no company belongs to.
        auto named_area = [&](size_t anchor) -> std::string {
            std::string name;
            for (size_t i : sv.mentions) {
                const Mention& m = ms[i];
                if (m.type != Type::place || m.span.begin >= toks[std::min(anchor, toks.size() - 1)].begin) continue;
                if (const std::string* area = area_of(m); area && !partner_listed(&m)) name = *area;
            }
            return name.empty() ? paragraph_area() : name;
        };
        auto implied_subject = [&](Subject& s, const MetricHit& metric, size_t anchor) {
            // "Figures from the ONS showed an unemployment rate of 4.1%", "The Bank of Japan halved
            // its growth forecast": an economy's statistic is the economy's, not that of the
            // statistics office or central bank that publishes or forecasts it (jurisdictions.tsv).
            // (only for a metric the sentence names: one carried over from the paragraph may not be
            // what the bank acts on — "expect the BSP to cut again by 25 basis points")
            if (s.names.size() == 1 && !metric.key.empty() && metric.tok != SIZE_MAX && scope_of(metric.key) == "economy")
                for (size_t i : sv.mentions) {
                    const Mention& m = ms[i];
                    if (m.type != Type::org || m.name != s.names.front()) continue;
                    std::string_view kind = m.kind;
                    if (kind != "agency" && kind != "central_bank") continue;
                    if (const std::string* area = area_of(m)) {
                        s.authority = s.names.front();
                        s.names = {*area};
                        return;
                    }
                }
            bool persons = !s.names.empty();
            for (const auto& n : s.names) {
                bool person = false;
                for (size_t i : sv.mentions) person |= ms[i].type == Type::person && ms[i].name == n;
                persons &= person;
            }
            bool bad = false, garbage = false;
            std::string head;
            if (s.names.empty() && !s.description.empty()) {
                std::string d_low(s.description.size(), '\0');
                std::vector<Token> d;
                tokenize(s.description, d_low, {0, static_cast<uint32_t>(s.description.size())}, d);
                static const std::set<std::string, std::less<>> trailing = {"also", "now", "still", "already",
                                                                            "alone", "itself", "too", "meanwhile", "to"};
                while (!d.empty() && (trailing.count(d.back().low) || !d.back().is_word())) d.pop_back();
                // "The freeze on fuel duty ... at a cost of £3bn", "The new income tax slabs announced in
                // the speech will cost ...", "extending the freeze on fuel duty for another year would
                // cost": a budget or policy measure (a `measure` word in its head, before any
                // complement or participle) is the figure's subject, tax words and all; the
                // description keeps the head and its first complement ("freeze on fuel duty").
                bool measure = false;
                if (!d.empty()) {
                    auto ing = [](std::string_view w) { return w.size() > 4 && w.substr(w.size() - 3) == "ing"; };
                    auto ed = [](std::string_view w) { return w.size() > 4 && w.substr(w.size() - 2) == "ed"; };
                    size_t b = 0;
                    if (d.size() > 2 && ing(d[0].low)) ++b;
                    while (b + 1 < d.size() && kDeterminers.count(d[b].low)) ++b;
                    size_t h = d.size(), e = d.size();
                    for (size_t k = b + 1; k < d.size(); ++k)
                        if (kPrepositions.count(d[k].low) || ed(d[k].low)) {
                            h = k;
                            if (!ed(d[k].low))
                                for (size_t j = k + 1; j < d.size(); ++j)
                                    if (kPrepositions.count(d[j].low) || ed(d[j].low)) {
                                        e = j;
                                        break;
                                    }
                            if (ed(d[k].low)) e = k;
                            break;
                        }
                    for (size_t k = b; k < h && k < b + 5 && !measure; ++k) measure = measure_nouns.count(d[k].low) > 0;
                    if (measure && e > b && e - b <= 8) {
                        const uint32_t base = d[b].begin;
                        s.description = s.description.substr(base, d[e - 1].end - base);
                        d.erase(d.begin() + static_cast<std::ptrdiff_t>(e), d.end());
                        for (Token& k : d) k.begin -= std::min(k.begin, base), k.end -= std::min(k.end, base);  // (offsets into the new text)
                        d.erase(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(b));
                    } else {
                        measure = false;
                    }
                }
                static const std::set<std::string, std::less<>> junk = {
                    "about", "roughly", "nearly", "almost", "just", "some", "first", "around", "over", "under",
                    "more", "less", "each", "every", "only", "even", "all", "most", "many", "several", "few",
                    "against", "a", "an", "it", "its", "new", "another", "one", "both", "such"};
                garbage = d.empty() || (!measure && junk.count(d.front().low)) || d.size() > 8;  // ("new income tax slabs")
                for (const Token& k : d)
                    for (char c : k.low) garbage |= std::isdigit(static_cast<unsigned char>(c)) != 0;
                for (size_t k = 0; k < d.size() && !bad; ++k) bad = metrics.match(d, k, nullptr) != nullptr;
                if (!d.empty()) head = d.back().low;
                static const std::set<std::string, std::less<>> generic = {
                    "company", "group", "firm", "bank", "lender", "developer", "stock", "shares", "share",
                    "economy", "unit", "business", "carmaker", "automaker", "chipmaker", "miner", "insurer",
                    "retailer", "startup", "operator", "conglomerate", "watchdog", "quarter", "period", "year",
                    "half", "month", "offer", "programme", "program", "producer", "exporter", "country",
                    "division", "segment", "arm", "subsidiary", "units", "divisions", "businesses", "board", "maker",
                    "drugmaker", "airline", "brewer", "steelmaker", "provider"};
                bad |= garbage || generic.count(head) > 0;
                // "the money would be used to ... double its workforce": "its" before a company's
                // metric refers to the company, not to a plain phrase heading the clause
                bad |= metric.tok != SIZE_MAX && metric.tok > 0 && toks[metric.tok - 1].low == "its" &&
                       !metric.key.empty() && scope_of(metric.key) == "company";
                // "The labour market remained tight, with the jobless rate at 2.8%": the economy's
                bad |= head == "market" && !metric.key.empty() && scope_of(metric.key) == "economy";
                // "Figures from the ONS showed ...": the data's publisher is no holder
                bad |= !d.empty() && (data_nouns.count(d.front().low) > 0 || data_nouns.count(d.back().low) > 0);
                // "the government", "the Centre" (none named): the economy's figure (below)
                bad |= d.size() == 1 && government_nouns.count(head) > 0;
                if (measure && !garbage) bad = false;
                // "Businesses get an investment allowance worth ...": a holder word alone is a group
                if (bad && !garbage && d.size() == 1 && holder_nouns.count(head)) bad = false;
                // "Average hourly wages for permanent employees rose": a complement after the metric
                // that names a group (a holder word) is whose figure it is.
                if (bad && !garbage)
                    for (size_t k = 0; k + 2 < d.size(); ++k) {
                        size_t n = 0;
                        const Lexicon::Entry* e = metrics.match(d, k, &n);
                        if (!e) continue;
                        if (e->value != metric.key) break;  // the phrase is about another figure's metric
                        size_t c = k + n;
                        if (c + 1 < d.size() && (d[c].low == "for" || d[c].low == "of" || d[c].low == "among")) {
                            bool holder = false, plain = true;
                            for (size_t j = c + 1; j < d.size(); ++j) {
                                holder |= holder_nouns.count(d[j].low) > 0;
                                plain &= d[j].is_word();
                            }
                            size_t d0 = c + 1;
                            while (d0 + 1 < d.size() && kDeterminers.count(d[d0])) ++d0;
                            if (holder && plain) {
                                s.description = s.description.substr(d[d0].begin, d.back().end - d[d0].begin);
                                return;
                            }
                        }
                        break;
                    }
                // "Household debt rose", "Consumer spending fell": a holder word before the metric
                // names whose figure it is (a group: "households"), not the story's company or economy.
                if (bad && !garbage)
                    for (size_t k = 1; k < d.size(); ++k) {
                        size_t n = 0;
                        const Lexicon::Entry* e = metrics.match(d, k, &n);
                        if (!e) continue;
                        if (e->value != metric.key) break;  // the phrase is about another figure's metric
                        bool holder = false, plain = true;
                        for (size_t j = 0; j < k; ++j) {
                            holder |= holder_nouns.count(d[j].low) > 0;
                            plain &= d[j].is_word();
                        }
                        if (holder && plain) {
                            s.description = s.description.substr(d[0].begin, d[k - 1].end - d[0].begin);
                            return;
                        }
                        break;
                    }
                // "sales of hybrids", "exports of semiconductors", "investment in real estate": a
                // complement that names a product, not a holder (holder nouns: "the market value
                // of American companies"), leaves the company or economy implied.
                if (s.complement && !bad) {
                    const std::string_view sc = metric.key.empty() ? std::string_view() : scope_of(metric.key);
                    bool holder = false;
                    for (const Token& k : d) holder |= holder_nouns.count(k.low) > 0;
                    bad = !holder && (sc == "company" || sc == "economy");
                }
            }
            if (s.named_instrument) return;
            if (!persons && !(s.names.empty() && (s.description.empty() || bad))) return;
            // "Japan's exports rose 2.8%, ..., with shipments of chipmaking equipment up 19%": a
            // product's figure in a later clause belongs to the holder the sentence already named.
            if (s.complement && bad && last_subject_sentence == S.begin && !last_subject.empty()) {
                s.names = last_subject;
                s.description.clear();
                s.fallback = true;
                return;
            }
            std::string_view scope = metric.key.empty() ? std::string_view() : scope_of(metric.key);
            if (s.names.empty() && bad && government_nouns.count(head) && scope != "bank") scope = "economy";
            if (scope.empty()) {
                if (head == "economy" || head == "country" || head == "government") scope = "economy";
                else if (head == "bank") scope = "bank";
                else if (!head.empty() && head != "quarter" && head != "period" && head != "year" &&
                         head != "half" && head != "month" && !garbage)
                    scope = "company";
            }
            std::string name;
            // "Halberd expects the deal to ... cutting 1,100 jobs": the jobs a company that heads the
            // sentence cuts or adds are its own (metric_forms.tsv turns them into its workforce).
            // (also a company releasing the sentence before the figure: "Zhenghe Auto said its
            // net profit rose 40%, as overseas shipments more than doubled")
            const Mention* company_holder = nullptr;
            if (forecast_holder && forecast_holder->type == Type::org && std::string_view(forecast_holder->kind) == "company")
                company_holder = forecast_holder;
            for (size_t i : sv.mentions)
                if (!company_holder && ms[i].type == Type::source && !ms[i].name.empty() && anchor < toks.size() &&
                    ms[i].span.end <= toks[anchor].begin) {
                    // (the story's company: not a bank's economists or a ministry speaking)
                    if (ms[i].name == doc_company) company_holder = &ms[i];
                }
            if (scope == "economy" && company_holder && !persons) {
                auto f = metric_forms.find(metric.key);
                bool company_form = false;
                if (f != metric_forms.end())
                    for (const auto& [when, key] : f->second) company_form |= when == "company";
                if (company_form) scope = "company_holder";
            }
            if (scope == "company_holder") {
                name = company_holder->name;
            } else if (scope == "economy") {
                for (size_t k = clause_start_tok(anchor); k < anchor && name.empty(); ++k) {
                    size_t p = k > 0 && toks[k - 1].low == "the" ? k - 1 : k;
                    if (p > 0 && partner_words.count(toks[p - 1])) continue;  // "exports to the US"
                    size_t n = 0;
                    if (const Lexicon::Entry* e = lex(demonyms, kDemonymFirst, k, &n)) name = e->value;
                }
                // a country or area named before the figure in the sentence ("In the euro area,
                // consumer prices rose", "Shipments to the US, Vietnam's biggest market, jumped"),
                // not a trade partner: the last one
                if (name.empty())
                    for (size_t i : sv.mentions) {
                        const Mention& m = ms[i];
                        if (m.type != Type::place || m.span.begin >= toks[std::min(anchor, toks.size() - 1)].begin) continue;
                        const std::string* area = area_of(m);
                        if (area && !partner_listed(&m)) name = *area;
                    }
                // a statistics office or ministry reporting it ("..., the Labor Department said")
                if (name.empty())
                    for (size_t i : sv.mentions)
                        if (ms[i].type == Type::source && !ms[i].name.empty() &&
                            (std::string_view(ms[i].kind) == "agency" || std::string_view(ms[i].kind) == "government"))
                            if (auto it = jurisdictions.find(lower(ms[i].name)); it != jurisdictions.end()) {
                                name = it->second;
                                break;
                            }
                // an authority named before the figure speaks for its area ("ECB staff forecast
                // inflation at 2.5%", "the ONS said unemployment rose")
                if (name.empty())
                    for (size_t i : sv.mentions)
                        if (ms[i].span.begin < toks[std::min(anchor, toks.size() - 1)].begin && ms[i].type == Type::org)
                            if (const std::string* area = area_of(ms[i])) {
                                name = *area;
                                s.authority = ms[i].name;  // (the holder of a forecast it makes)
                            }
                // an authority named earlier in the paragraph ("The Reserve Bank of India cut its
                // rate ... Governor Sanjay Malhotra said inflation would ease"): the last one
                if (name.empty() && !t.paragraphs().empty()) {
                    const text::Span P = t.paragraphs()[t.paragraph_index(S.begin)];
                    auto it = std::lower_bound(ms.begin(), ms.end(), P.begin,
                                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
                    for (; it != ms.end() && it->span.begin < S.begin; ++it)
                        if (it->type == Type::org)
                            if (const std::string* area = area_of(*it)) name = *area;
                }
                // a country or area named earlier in the paragraph, not as a partner ("Saudi
                // Arabia's central bank said ... The kingdom's budget deficit"), in a story of several
                if (name.empty()) name = paragraph_area();
                if (name.empty()) name = doc_country;
            } else if (scope == "bank") {
                auto it = std::lower_bound(central_banks.begin(), central_banks.end(), toks[std::min(anchor, toks.size() - 1)].begin, by_begin);
                name = it == central_banks.begin() ? doc_bank : (*std::prev(it))->name;
            } else if (scope == "company") {
                // "Investment in real estate fell 10.6%, the NBS said", "production fell 8.2%, the
                // board said": a statistics office, ministry or board with an area of its own
                // (jurisdictions.tsv) reporting the figure makes it its economy's, not a company's.
                for (size_t i : sv.mentions)
                    if (ms[i].type == Type::source && !ms[i].name.empty() &&
                        (std::string_view(ms[i].kind) == "agency" || std::string_view(ms[i].kind) == "government"))
                        if (auto it = jurisdictions.find(lower(ms[i].name)); it != jurisdictions.end()) name = it->second;
                // else the company last named before the figure in its paragraph (the speaker of
                // "Sun Hung Kai said profit fell" included), else the story's company
                if (name.empty()) {
                    const Mention* c = last_company_before(toks[std::min(anchor, toks.size() - 1)].begin);
                    if (c && t.paragraph_index(c->span.begin) == t.paragraph_index(S.begin)) name = c->name;
                    // the company an earlier claim of the paragraph was about ("The Osaka-based maker
                    // ... posted operating profit of ¥712 billion. Net profit rose 14%")
                    else if (last_subject_para == t.paragraph_index(S.begin) && last_subject.size() == 1 &&
                             org_kinds.count(last_subject.front()) && org_kinds.at(last_subject.front()) == "company")
                        name = last_subject.front();
                    else name = doc_company;
                }
                // a story with no company at all: its economy's ("shipments to the United States
                // fell 2.3%" in a trade release), the one the sentence or paragraph names first
                // ("China's fiscal revenue fell ..., while spending rose 3.1%")
                if (name.empty()) name = named_area(anchor);
                if (name.empty()) name = doc_country;
            }
            if (!name.empty()) {
                s.names = {name};
                s.description.clear();
                s.fallback = true;
            } else if (garbage) {
                s.description.clear();
            }
        };

        // A figure claim with no metric phrase of its own continues the last metric of its paragraph
        // of its type (slot: its figure's type; 3 = any, for a change). A known metric is noted.
        // "The average price of a home climbed 0.1% ... Annual growth picked up to 2.4%", "In
        // Northern Ireland prices rose 5.8%": a bare "(annual) growth" or "prices" (no complement)
        // after a figure of a `growth_continues` metric in the paragraph is that metric's ("prices"
        // only a price's: house prices, producer prices).
        auto continue_specific = [&](MetricHit& metric) {
            if (metric.tok == SIZE_MAX || metric.base_n > 2) return;
            // (a complement only naming where: "Prices in Shanghai slipped 0.2%")
            if (metric.n != metric.base_n && toks[metric.tok + metric.base_n].low != "in") return;
            const LastMetric& lm = last_metric[3];
            if (lm.key.empty() || lm.para != t.paragraph_index(S.begin) || !growth_continues.count(lm.key)) return;
            std::string_view head = toks[metric.tok + metric.base_n - 1].low;
            bool growth = head == "growth" && (metric.base_n == 1 || toks[metric.tok].low == "annual");
            bool prices = (head == "prices" || head == "price") && metric.base_n == 1 &&
                          lm.key.find("price") != std::string::npos;
            if (growth || prices) metric.key = lm.key;
        };
        auto continue_metric = [&](MetricHit& metric, size_t slot, size_t from_slot) {
            const size_t para = t.paragraph_index(S.begin);
            if (!metric.key.empty()) {
                last_metric[slot] = {metric.key, para};
                last_metric[3] = {metric.key, para};
                return;
            }
            // (news paragraphs are short: the previous one counts too)
            if (last_metric[from_slot].para != SIZE_MAX && last_metric[from_slot].para + 1 >= para)
                metric.key = last_metric[from_slot].key;
        };
        // The form of the metric the claim's value and holder call for (metric_forms.tsv).
        auto metric_form = [&](std::string& key, const Mention* value, const std::vector<std::string>& names,
                               bool change) {
            auto it = metric_forms.find(key);
            if (it == metric_forms.end()) return;
            for (const auto& [when, to] : it->second) {
                bool ok = false;
                if (when == "money" || when == "percent")
                    ok = value && value->type == (when == "money" ? Type::money : Type::percent) &&
                         std::string_view(value->unit) != "pp";
                else if (when == "per_share")
                    ok = value && value->type == Type::money && per_share(static_cast<size_t>(value - ms.data()));
                else if (when == "company" && change && !names.empty()) {
                    ok = true;
                    for (const auto& n : names) {
                        bool company = false;
                        for (const Mention* c : companies) company |= c->name == n;  // (org mentions of kind company or none)
                        ok &= company;
                    }
                }
                else if (when == "economy" && !names.empty()) {
                    ok = true;
                    for (const auto& n : names) {
                        bool place = areas.count(n) > 0;
                        for (size_t i = 0; i < ms.size() && !place; ++i)
                            place = ms[i].type == Type::place && ms[i].name == n;
                        ok &= place;
                    }
                }
                if (ok) {
                    key = to;
                    return;
                }
            }
        };
        auto continue_subject = [&](Subject& s) {
            if (!s.names.empty() || !s.description.empty()) return;
            if (last_subject_para == t.paragraph_index(S.begin) && !last_subject.empty()) {
                s.names = last_subject;
                s.fallback = true;
            }
        };
        // "The metal has gained 30%", "the industrial metal", "The index closed": a traded instrument
        // referred back to ("the", `anaphor_modifier` words, an `instrument_anaphor` head, then the
        // verb) is the last one quoted with the same metric, in this paragraph or the one before.
        auto instrument_referent = [&](Subject& s, const std::string& key, size_t anchor) {
            if (!s.names.empty() || !traded_metrics.count(key)) return;
            const size_t cs = clause_start_tok(anchor);
            size_t hi = first_verb(cs, anchor);
            while (hi > cs + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;
            if (hi < cs + 2 || hi > anchor || toks[cs].low != "the" || !instrument_anaphors.count(toks[hi - 1].low)) return;
            for (size_t k = cs + 1; k + 1 < hi; ++k)
                if (!anaphor_modifiers.count(toks[k].low)) return;
            auto it = last_traded.find(key);
            if (it == last_traded.end() || it->second.para + 1 < t.paragraph_index(S.begin)) return;
            s = Subject{};
            s.names = it->second.names;
            s.description = it->second.description;
            s.named_instrument = true;
        };
        auto note_traded = [&](const Subject& s, const std::string& key) {
            if (s.fallback || !traded_metrics.count(key) || (s.names.empty() && s.description.empty())) return;
            last_traded[key] = {s.names, s.description, t.paragraph_index(S.begin)};
        };
        auto set_subject = [&](const Subject& s, Claim& j, double& conf) {
            subject_fallback = s.fallback;
            if (!s.fallback)
                for (const auto& n : s.names) subject_paragraph[n] = t.paragraph_index(S.begin);
            if (!s.names.empty() && !s.fallback) {
                last_subject = s.names;
                last_subject_para = t.paragraph_index(S.begin);
                last_subject_sentence = S.begin;
            }
            j.subject = s.names;
            j.authority = s.authority;
            if (s.names.empty() && !s.description.empty()) {
                j.subject.push_back(s.description);
                j.subject_is_description = true;
            }
            j.combined = s.combined;
            if (!s.names.empty() && !s.fallback)
                conf += 0.15;
            else if (s.names.empty() && s.description.empty())
                conf -= 0.2;
        };

        // A hash to feed the claim's key fields to (the id hashes the document id, kind and key).
        auto key_hash = [&](std::string_view kind) { return KeyHash{text::fnv1a(kind, text::fnv1a("\x1f", text::fnv1a(doc.id)))}; };
        auto finish = [&](Claim j, std::string kind, const KeyHash& key, double conf) {
            char hex[19] = {'c', '-'};
            for (int k = 0; k < 16; ++k) hex[2 + k] = "0123456789abcdef"[(key.h >> (60 - 4 * k)) & 15];
            std::string id(hex, 18);
            int n = ++id_uses[id];
            j.id = n == 1 ? std::move(id) : fmt::format("{}-{}", id, n);
            j.kind = std::move(kind);
            j.sentence = S;
            j.confidence = std::round(std::clamp(conf, 0.05, 0.99) * 100) / 100;
            out.push_back(std::move(j));
        };

        IndexSet& used_dates = used_dates_scratch;
        // A comparison date serves every baseline before it ("compared with $365 million, or
        // $1.21 per share, a year earlier"): the last one a baseline of the sentence took.
        std::optional<size_t> shared_base_period;
        auto baseline_period = [&](uint32_t be, uint32_t limit) -> std::optional<size_t> {
            if (shared_base_period && ms[*shared_base_period].span.begin >= be && ms[*shared_base_period].span.begin < limit)
                return shared_base_period;
            auto bp = find_period(be, limit, used_dates, true, false);  // (not the day it was announced)
            if (bp) shared_base_period = bp;
            return bp;
        };
        used_dates.clear();
        quote_speaker = nullptr;
        IndexSet& consumed = consumed_scratch;  // figure indices used by a change claim
        consumed.clear();
        bool made_numeric = false;

        // ---- 2. change claims, one per event
        for (size_t e = 0; e < events.size(); ++e) {
            const ChangeEvent& ev = events[e];
            size_t next_tok = e + 1 < events.size() ? events[e + 1].tok : toks.size();
            std::optional<size_t> amount, percent, level;
            // "has raised £45 million ..., valuing the business at more than £300 million": a verb
            // whose object is a figure (funds raised) moves nothing; a later "at" figure is no level.
            bool figure_object = false;
            if (ev.object_only)
                for (size_t f = 0; f < figs.size() && !figure_object; ++f) {
                    if (figs[f].tok <= ev.tok || figs[f].role != Role::value) continue;
                    bool plain = true;
                    for (size_t k = ev.tok + 1; k < figs[f].tok && plain; ++k)
                        plain = kVerbFillers.count(toks[k]) || kDeterminers.count(toks[k]);
                    figure_object = plain;
                    break;
                }
            for (size_t f = 0; f < figs.size(); ++f) {
                if (consumed.count(f)) continue;
                // "a 2% fall": the size stands just before the change word
                if (figs[f].role == Role::change_percent && figs[f].tok < ev.tok &&
                    sv.token_at(ms[figs[f].m].span.end) == ev.tok && !percent) {
                    percent = f;
                    continue;
                }
                if (figs[f].tok <= ev.tok || figs[f].tok >= next_tok) continue;
                if (figs[f].role == Role::change_amount && !amount) amount = f;
                else if (figs[f].role == Role::change_percent && !percent) percent = f;
                else if (figs[f].role == Role::value && !level && !figure_object && level_cue(figs[f].tok)) level = f;
            }
            if (ev.from_baseline && !level && *ev.from_baseline + 1 < figs.size()) level = *ev.from_baseline + 1;
            if (!level && (std::string_view(ev.verb) == "up" || std::string_view(ev.verb) == "down"))
                for (size_t f = figs.size(); f-- > 0;)
                    if (figs[f].tok < ev.tok && figs[f].role == Role::value && !consumed.count(f)) {
                        bool near = true;
                        for (size_t k = sv.token_at(ms[figs[f].m].span.end); k < ev.tok; ++k)
                            if (toks[k].is_word() && toks[k].low != "or") near = false;
                        // "sales of 2.4 million vehicles in the quarter, ..., down 3.5%": the
                        // figure the appositive follows, with no other change word between
                        if (!near && ev.tok > 0 && toks[ev.tok - 1].low == "," && ev.tok - figs[f].tok <= 25) {
                            near = true;
                            for (const auto& e2 : events)
                                if (e2.tok > figs[f].tok && e2.tok < ev.tok) near = false;
                            for (size_t k = figs[f].tok; k < ev.tok; ++k)
                                if (toks[k].low == ";" || (toks[k].bits & kVerbWord)) near = false;
                        }
                        if (near) level = f;
                        break;
                    }
            if (!ev.factor && !amount && !percent && !level) continue;  // a verb with no size: not a claim
            // "rose to $3.24 trillion at the end of March, up $21 billion from February": the ", up"
            // appositive sizes the change just made (one fact, one claim)
            if (!level && !ev.factor && (amount || percent) && (ev.verb == "up" || ev.verb == "down") && ev.tok > 0 &&
                toks[ev.tok - 1].low == "," && !out.empty() && out.back().sentence.begin == S.begin &&
                out.back().kind == "change" && out.back().change && out.back().value != kNoMention &&
                out.back().change->amount == kNoMention && out.back().change->percent == kNoMention &&
                out.back().change->direction == ev.direction && !out.back().change->factor) {
                if (amount) out.back().change->amount = static_cast<uint32_t>(figs[*amount].m);
                if (percent) out.back().change->percent = static_cast<uint32_t>(figs[*percent].m);
                for (auto f : {amount, percent})
                    if (f) consumed.insert(*f);
                continue;
            }
            for (auto f : {amount, percent, level})
                if (f) consumed.insert(*f);
            Claim j;
            double conf = 0.55;
            size_t anchor = ev.tok;
            bool transitive = !ev.intransitive;
            size_t last_fig = SIZE_MAX;
            for (auto f : {amount, percent, level})
                if (f && (last_fig == SIZE_MAX || figs[*f].tok > last_fig)) last_fig = figs[*f].tok;
            MetricHit metric = find_metric(clause_start_tok(anchor), anchor, std::min(toks.size(), next_tok), transitive,
                                           ev.tok, SIZE_MAX, last_fig);
            // "Swiss inflation eased ..., and the SNB expects it to average ...", "X index rose, while
            // the KOSPI gained": a later clause with no metric of its own continues the sentence's
            // (its subject stays the clause's own: find_subject reads (a) and (b) only in the clause)
            if (metric.key.empty() && clause_start_tok(anchor, false) < clause_start_tok(anchor))
                metric = find_metric(clause_start_tok(anchor, false), anchor, std::min(toks.size(), next_tok), transitive,
                                     ev.tok, SIZE_MAX, last_fig);
            // "adds 27,000 jobs ... but the jobless rate", "cut 1,200 jobs as ... profit": a count
            // whose unit names what is counted governs over a metric phrase of a later clause
            // (not over one it restates: "cut 340 jobs, or 14% of its staff").
            for (auto f : {amount, level}) {
                if (!f || ms[figs[*f].m].type != Type::quantity) continue;
                auto it = unit_metrics.find(ms[figs[*f].m].unit);
                if (it == unit_metrics.end()) continue;
                bool later_clause = false;
                if (!metric.key.empty() && metric.tok > figs[*f].tok)
                    for (size_t k = figs[*f].tok; k < metric.tok && !later_clause; ++k)
                        later_clause = clause_conjunctions.count(toks[k]) > 0;
                // "paused a A$480m expansion and will cut about 260 jobs": the count a transitive
                // verb acts on is its object, whatever metric came before the verb
                if (!metric.key.empty() && transitive && metric.tok < anchor && figs[*f].tok > anchor)
                    later_clause = true;
                if (metric.key.empty() || later_clause) {
                    metric = MetricHit{};
                    metric.key = it->second;
                }
                break;
            }
            // "The IMF expects Germany to grow 0.8%", "Italy will expand 0.7%": an area right before a
            // verb of growth (its helpers between) grows its GDP
            if (metric.key.empty() && kGrowthVerbs.count(toks[ev.tok])) {
                static const std::set<std::string_view> helpers = {"to", "will", "would", "could", "should", "may",
                                                                   "might", "is", "was", "expected", "forecast",
                                                                   "projected", "set", "likely", "seen"};
                size_t k = ev.tok;
                while (k > 0 && ev.tok - k < 5 && helpers.count(toks[k - 1].low)) --k;
                if (k > 0 && sv.tok_mention[k - 1] != SIZE_MAX && area_of(ms[sv.tok_mention[k - 1]]))
                    metric.key = "gdp_growth";
            }
            {
                std::optional<size_t> fig = level ? level : amount ? amount : percent;
                const size_t slot = fig ? std::min<size_t>(static_cast<size_t>(ms[figs[*fig].m].type), 3) : 3;
                // "ended 1.8% higher at 823.5 yuan ($113.39) a metric ton": a per-unit phrase right
                // after the new level (past its equivalent in brackets) makes it a price
                if (level) {
                    size_t e = sv.token_at(ms[figs[*level].m].span.end);
                    if (e < toks.size() && toks[e].low == "(") {
                        while (e < toks.size() && toks[e].low != ")") ++e;
                        if (e < toks.size()) ++e;  // past ")"
                    }
                    if (e < toks.size() && (toks[e].low == "a" || toks[e].low == "an" || toks[e].low == "per")) {
                        MetricAt u = metric_at(e, toks.size());
                        if (u.key && *u.key != metric.key) {  // (a price phrase already found keeps its words)
                            metric = MetricHit{};
                            metric.tok = e;
                            metric.n = metric.base_n = u.span;
                            metric.key = *u.key;
                        }
                    }
                }
                continue_specific(metric);
                continue_metric(metric, slot, 3);
            }
            Subject subj = find_subject(metric, std::min(anchor, metric.tok == SIZE_MAX ? anchor : std::max(anchor, metric.tok)));
            // (not for a market quote: "..., according to Fastmarkets" names the price's data provider)
            if (subj.names.empty() && subj.description.empty() &&
                !(scope_of(metric.key) == "quote" || scope_of(metric.key) == "instrument" || market_metrics.count(metric.key))) {
                // "Revenues ... will more than double, according to Alibaba": the company speaks of itself.
                // (not "Analysts at Kotak said": the analysts' employer speaks of someone else)
                auto employer = [&](const Mention& src) {
                    std::string_view before = std::string_view(a).substr(src.span.begin, src.span.end - src.span.begin);
                    size_t at = before.find(" at "), from = before.find(" from "), by = before.find(" by ");
                    if (at != std::string_view::npos || from != std::string_view::npos || by != std::string_view::npos)
                        return true;
                    // "according to LSEG data": a data provider, not the company the data is about
                    size_t e = before.size();
                    while (e > 0 && std::isalpha(static_cast<unsigned char>(before[e - 1]))) --e;
                    return e < before.size() && data_nouns.count(lower(before.substr(e))) > 0;
                };
                for (size_t i : sv.mentions)
                    if (ms[i].type == Type::source && ms[i].kind == "company" && !ms[i].name.empty() && !employer(ms[i])) {
                        subj.names.push_back(ms[i].name);
                        subj.fallback = true;
                        break;
                    }
            }
            instrument_referent(subj, metric.key, anchor);
            if (!metric.key.empty() || !subj.names.empty() || !subj.description.empty()) implied_subject(subj, metric, anchor);
            continue_subject(subj);
            note_traded(subj, metric.key);
            set_subject(subj, j, conf);
            metric_form(metric.key, level ? &ms[figs[*level].m] : nullptr, subj.names, true);
            j.metric = metric.key;
            j.metric_text = metric.text;
            if (!metric.key.empty()) conf += 0.1;
            const Mention* lv = level ? &ms[figs[*level].m] : nullptr;
            if (level) j.value = static_cast<uint32_t>(figs[*level].m);
            if (level)
                for (const auto& f : figs)
                    if (f.role == Role::equivalent && f.of == *level) j.equivalents.push_back(static_cast<uint32_t>(f.m));
            Change& ch = j.change.emplace();
            ch.direction = ev.direction;
            ch.factor = ev.factor;
            ch.qualifier = ev.qualifier;
            if (amount) ch.amount = static_cast<uint32_t>(figs[*amount].m);
            if (percent) ch.percent = static_cast<uint32_t>(figs[*percent].m);
            // "settled down $1.12, or 1.5%, at $74.08": the size restated as a percentage is the
            // relative change
            if (amount && !percent)
                for (const auto& f : figs)
                    if (f.role == Role::equivalent && f.of == *amount && ms[f.m].type == Type::percent &&
                        std::string_view(ms[f.m].unit) != "pp") {
                        ch.percent = static_cast<uint32_t>(f.m);
                        break;
                    }
            ch.text = ev.factor_mention ? std::string(t.original_slice(ms[*ev.factor_mention].span)) : ev.verb;
            uint32_t after = toks[ev.tok].end;
            uint32_t limit = next_tok < toks.size() ? toks[next_tok].begin : S.end;
            // the period of the change comes before its baseline's ("up from $89.5bn a year earlier")
            for (size_t f = 0; f < figs.size(); ++f)
                if (figs[f].role == Role::baseline && ((level && figs[f].of == *level) || (percent && figs[f].of == *percent)) &&
                    ms[figs[f].m].span.begin > after)
                    limit = std::min(limit, ms[figs[f].m].span.begin);
            limit = std::min(limit, clause_end(after));
            j.period = claim_period(after, limit, used_dates, metric.key, anchor);
            if (j.period) conf += j.period.inherited ? 0.02 : 0.05;
            for (size_t f = 0; f < figs.size() && (level || percent); ++f)
                    if (figs[f].role == Role::baseline &&
                        ((level && figs[f].of == *level) || (!level && percent && figs[f].of == *percent))) {
                        Baseline& base = j.baseline.emplace();
                        base.value = static_cast<uint32_t>(figs[f].m);
                        const uint32_t be = ms[figs[f].m].span.end;
                        auto bp = baseline_period(be, std::min(clause_end(be), next_figure(be)));
                        if (bp) base.period = Period{static_cast<uint32_t>(*bp)};
                        break;
                    }
            j.sources = claim_sources(conf, metric.key, j, toks[anchor].begin);
            KeyHash key = key_hash("change");
            key.names(subj.names).sep().add(subj.description).sep().add(metric.key).sep();
            if (lv) key.value(*lv);
            key.sep().add(ev.direction).sep();
            if (ev.factor) key.num(*ev.factor);
            key.sep();
            if (amount) key.value(ms[figs[*amount].m]);
            else if (percent) key.value(ms[figs[*percent].m]);
            finish(std::move(j), "change", key, conf);
            made_numeric = true;
        }

        // ---- 3. amount claims: every remaining value figure
        // (a good's price: "a pint now costs £4.82 across the country and £6.34 in London" — the
        // verb's token and the good, for the later figures of the sentence)
        size_t good_cost_tok = SIZE_MAX;
        std::string good_cost;
        for (size_t f = 0; f < figs.size(); ++f) {
            if (figs[f].role != Role::value || consumed.count(f)) continue;
            const Mention& v = ms[figs[f].m];
            Claim j;
            double conf = 0.6;
            size_t anchor = figs[f].tok;
            size_t next_fig_tok = toks.size();
            for (size_t g = f + 1; g < figs.size(); ++g)
                if (figs[g].role == Role::value) {
                    next_fig_tok = figs[g].tok;
                    break;
                }
            size_t cs = clause_start_tok(anchor);
            const size_t fig_end = sv.token_at(v.span.end);
            MetricHit metric = find_metric(cs, anchor, std::min(toks.size(), std::min(next_fig_tok, fig_end + 6)), false,
                                           SIZE_MAX, fig_end);
            if (metric.key.empty() && clause_start_tok(anchor, false) < clause_start_tok(anchor))
                metric = find_metric(clause_start_tok(anchor, false), anchor,
                                     std::min(toks.size(), std::min(next_fig_tok, fig_end + 6)), false, SIZE_MAX, fig_end);
            // "doubling the engineering team to about 400 people": a count whose unit names
            // what is counted governs over a metric phrase that is not next to it.
            if (!metric.key.empty() && v.type == Type::quantity && metric.tok < anchor && anchor - metric.tok > 5 &&
                unit_metrics.count(v.unit))
                metric = MetricHit{};
            if (metric.key.empty() && v.type == Type::quantity) {
                // "cut 1,200 jobs", "2 million bpd": the unit names what is counted; a count
                // of nothing measured ("20 countries", "three models") is no claim.
                auto it = unit_metrics.find(v.unit);
                if (it == unit_metrics.end()) continue;
                metric.key = it->second;
            }
            const size_t slot = std::min<size_t>(static_cast<size_t>(v.type), 3);
            continue_specific(metric);
            continue_metric(metric, slot, slot);
            Subject subj = find_subject(metric, anchor);
            // "expects Germany to grow 0.8% next year, France 1.1% and Italy 0.7%": an area right
            // before a figure in a list after the sentence's first figure is that figure's holder
            if (f > 0 && anchor > 1 && sv.tok_mention[anchor - 1] != SIZE_MAX) {
                const Mention& p = ms[sv.tok_mention[anchor - 1]];
                size_t pb = sv.token_at(p.span.begin);
                if (p.type == Type::place && area_of(p) && pb > 0 && (toks[pb - 1].low == "," || toks[pb - 1].low == "and")) {
                    subj = Subject{};
                    subj.names = {p.name};
                }
            }
            // "a pint of lager now costs an average of £4.82", "A litre of unleaded petrol cost an
            // average of 196.5 cents": a unit of a good ("a"/"an" heading the clause) that costs the
            // figure has that price (and so have the sentence's later figures of the same verb:
            // "... and £6.34 in London")
            bool good_price = false;
            {
                size_t c = anchor;
                while (c > 0 && (kQualifierSkip.count(toks[c - 1]) || average_words.count(toks[c - 1]) || toks[c - 1].low == "of"))
                    --c;
                const bool costs = c > 0 && sv.tok_mention[c - 1] == SIZE_MAX &&
                                   (toks[c - 1].low == "costs" || toks[c - 1].low == "cost");
                if (costs) {
                    // (the phrase starts the sentence or follows a punctuation mark: "at the bar: a pint")
                    size_t e = c - 1;
                    while (e > 1 && trailing_adverbs.count(toks[e - 1])) --e;
                    size_t b = e;
                    while (b > 1 && e - b < 6 && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
                           !(toks[b - 1].bits & kVerbWord) && toks[b - 1].low != "a" && toks[b - 1].low != "an")
                        --b;
                    if (b > 0 && b < e && (toks[b - 1].low == "a" || toks[b - 1].low == "an") &&
                        (b == 1 || !toks[b - 2].is_word())) {
                        good_cost_tok = c - 1;
                        good_cost = std::string(sv.slice(toks[b].begin, toks[e - 1].end));
                    }
                }
                good_price = good_cost_tok != SIZE_MAX &&
                             (costs ? c - 1 == good_cost_tok : metric.key == "cost" && metric.tok == good_cost_tok);
                if (good_price) {
                    subj = Subject{};
                    subj.description = good_cost;
                    subj.named_instrument = true;
                    metric = MetricHit{};
                    metric.key = "price";
                }
            }
            // "assuming an exchange rate of 145 yen to the dollar", "155.2 yen per dollar": a rate
            // quoted as one currency's price in another is that currency's (its word in the figure).
            if (metric.key == "exchange_rate" && v.type == Type::money) {
                size_t e = sv.token_at(v.span.end), w = sv.token_at(v.span.begin);
                size_t last = e > 0 ? e - 1 : 0;
                if (e < toks.size() && (toks[e].low == "to" || toks[e].low == "per" || toks[e].low == "against") &&
                    last > w && toks[last].is_word() && !std::isdigit(static_cast<unsigned char>(toks[last].low[0]))) {
                    subj = Subject{};
                    subj.description = std::string(sv.slice(toks[last].begin, toks[last].end));
                    subj.named_instrument = true;
                }
            }
            // "will save borrowers about €4.5bn", "would cost small businesses £900m": a group
            // (a `holder` noun) right before the figure, the verb's object, is whose figure it is.
            {
                size_t k = anchor;
                while (k > 0 && kQualifierSkip.count(toks[k - 1])) --k;
                auto verb = [&](size_t i) { return (toks[i].bits & kVerbWord) || (toks[i].bits & kChangeWord); };
                // "would cost his company EUR 110m": the company the possessive refers back to
                if (k > 2 && company_nouns.count(toks[k - 1]) && sv.tok_mention[k - 1] == SIZE_MAX &&
                    (toks[k - 2].low == "his" || toks[k - 2].low == "her" || toks[k - 2].low == "its" ||
                     toks[k - 2].low == "their" || toks[k - 2].low == "our"))
                    if (const Mention* c = last_company_before(toks[k - 1].begin)) {
                        subj = Subject{};
                        subj.names = {c->name};
                    }
                if (k > 2 && holder_nouns.count(toks[k - 1]) && sv.tok_mention[k - 1] == SIZE_MAX && !verb(k - 1)) {
                    size_t b = k - 1;  // one plain modifier may come before ("small businesses")
                    if (!verb(k - 2) && toks[k - 2].is_word() && !kDeterminers.count(toks[k - 2]) && verb(k - 3)) b = k - 2;
                    if (verb(b - 1) || (b >= 2 && toks[b - 1].is_word() && !kDeterminers.count(toks[b - 1]) && verb(b - 2))) {
                        subj = Subject{};
                        subj.description = std::string(sv.slice(toks[b].begin, toks[k - 1].end));
                    }
                }
            }
            instrument_referent(subj, metric.key, anchor);
            implied_subject(subj, metric, anchor);
            continue_subject(subj);
            note_traded(subj, metric.key);
            set_subject(subj, j, conf);
            metric_form(metric.key, &v, subj.names, false);
            j.metric = metric.key;
            j.metric_text = metric.text;
            if (!metric.key.empty()) conf += 0.1;
            j.value = static_cast<uint32_t>(figs[f].m);
            for (const auto& g : figs)
                if (g.role == Role::equivalent && g.of == f) j.equivalents.push_back(static_cast<uint32_t>(g.m));
            uint32_t limit = next_fig_tok < toks.size() ? toks[next_fig_tok].begin : S.end;
            // the period of the value comes before its baseline's
            uint32_t base_begin = limit;
            for (const auto& g : figs)
                if (g.role == Role::baseline && g.of == f) base_begin = std::min(base_begin, ms[g.m].span.begin);
            // "The Bank of England, which holds about £560bn of gilts, expects ... this year": a
            // figure in a relative clause takes no date from the main clause after it
            bool in_relative = false;  // (nor the main clause's period by inheritance)
            // (when a figure of the main clause follows: "The levy, which could raise 9 trillion
            // rupiah a year, would apply from January" has no other, and the date is the levy's)
            for (size_t k = anchor; k-- > 0;) {
                if (sv.tok_mention[k] != SIZE_MAX) continue;
                if (toks[k].low == "," || toks[k].low == ";" || toks[k].low == "(") break;
                if ((toks[k].low == "which" || toks[k].low == "who") && k > 0 && toks[k - 1].low == ",") {
                    for (size_t e = anchor + 1; e < toks.size(); ++e)
                        if (sv.tok_mention[e] == SIZE_MAX && (toks[e].low == "," || toks[e].low == ";")) {
                            bool later_figure = false;
                            for (const auto& g : figs) later_figure |= g.tok > e && g.role == Role::value;
                            for (const auto& ev : events) later_figure |= ev.tok > e;
                            if (later_figure) {
                                base_begin = std::min(base_begin, toks[e].begin);
                                in_relative = true;
                            }
                            break;
                        }
                    break;
                }
            }
            // (a good's price is no market quote: no trading day, no report period)
            static const std::string kNoMetric;
            j.period = claim_period(v.span.end, base_begin, used_dates, good_price ? kNoMetric : metric.key, anchor);
            if (in_relative && j.period.inherited) j.period = Period{};
            if (j.period) conf += j.period.inherited ? 0.02 : 0.05;
            for (const auto& g : figs)
                if (g.role == Role::baseline && g.of == f) {
                    Baseline& base = j.baseline.emplace();
                    base.value = static_cast<uint32_t>(g.m);
                    base.has_equivalents = true;
                    size_t gi = &g - figs.data();
                    for (const auto& h : figs)
                        if (h.role == Role::equivalent && h.of == gi) base.equivalents.push_back(static_cast<uint32_t>(h.m));
                    const uint32_t be = ms[g.m].span.end;
                    auto bp = baseline_period(be, std::min({be < limit ? limit : S.end, clause_end(be), next_figure(be)}));
                    if (bp) base.period = Period{static_cast<uint32_t>(*bp)};
                    break;
                }
            j.sources = claim_sources(conf, metric.key, j, toks[anchor].begin);
            KeyHash key = key_hash("amount");
            key.names(subj.names).sep().add(subj.description).sep().add(metric.key).sep().value(v).sep();
            if (j.period) key.add(ms[j.period.mention].timex);
            finish(std::move(j), "amount", key, conf);
            made_numeric = true;
        }

        // ---- 4. statement claims: attributed sentences with no figure claim
        if (made_numeric) continue;
        if (!any_source && !quoted) {
            // "Orvane expects the regulator to ...", "It also expects ...": a holder heading the
            // sentence with a `belief` verb (words.tsv) states a view of its own; the holder (an
            // organisation or person, "it" the last company) is the source; the whole sentence is
            // the content. Not a question.
            if (toks.size() < 6 || toks.back().low == "?") continue;
            // "Most members agreed that ...", "The committee judged that ...", "A few participants
            // noted that ...": a short holder phrase, a `speech`/`view` verb and "that" — the
            // content is the that-clause, the source what governs the sentence (the paragraph's
            // speaker, the release: the minutes).
            if (has_that) {
                size_t v = 1;
                while (v < toks.size() && v <= 7 && toks[v].is_word() && sv.tok_mention[v] == SIZE_MAX &&
                       !(speech_verbs.count(toks[v]) || view_verbs.count(toks[v])))
                    ++v;
                if (v <= 7 && v + 3 < toks.size() && toks[v + 1].low == "that" &&
                    (speech_verbs.count(toks[v]) || view_verbs.count(toks[v]))) {
                    uint32_t c0 = toks[v + 2].begin, c1 = toks.back().low == "." ? toks.back().begin : S.end;
                    while (c1 > c0 && (a[c1 - 1] == ' ' || a[c1 - 1] == '\n' || a[c1 - 1] == '.')) --c1;
                    Claim j;
                    double conf = 0.5;
                    j.statement = text::Span{c0, c1};
                    j.sources = claim_sources(conf, std::string(), j, c0);
                    if (j.sources.empty()) {
                        // "Some members observed that ...": a central bank's council speaks for the
                        // bank last named (`council` words of words.tsv)
                        bool council = false;
                        for (size_t k = 0; k < v; ++k) council |= council_nouns.count(toks[k]) > 0;
                        auto it = std::lower_bound(central_banks.begin(), central_banks.end(), S.begin, by_begin);
                        if (council && it != central_banks.begin())
                            j.sources.push_back(Source{static_cast<uint32_t>(*std::prev(it) - ms.data()), kNoMention, true});
                    }
                    if (j.sources.empty()) continue;
                    Subject subj;
                    set_subject(subj, j, conf);
                    KeyHash key = key_hash("statement");
                    key.add(ms[j.sources[0].mention].name).sep().add(lower(std::string_view(a.data() + c0, c1 - c0)));
                    finish(std::move(j), "statement", key, conf);
                    continue;
                }
            }
            if (!holder_first) continue;
            // the belief verb within the first words, after nothing but the holder (and "also")
            size_t v = 1;
            while (v < toks.size() && v <= 8 && !belief_verbs.count(toks[v]) && toks[v].is_word() &&
                   !(toks[v].bits & kVerbWord))
                ++v;
            if (v > 8 || v >= toks.size() || !belief_verbs.count(toks[v])) continue;
            size_t hi = v;
            while (hi > 1 && trailing_adverbs.count(toks[hi - 1])) --hi;
            const Mention* holder = opening_holder(hi);
            if (!holder && hi >= 2 && sv.tok_mention[hi - 1] != SIZE_MAX && ms[sv.tok_mention[hi - 1]].type == Type::person) {
                // "Nomura Securities strategist Yujiro Goto expects ...": the person right before
                // the verb, after their organisation and role (words only)
                const Mention& m = ms[sv.tok_mention[hi - 1]];
                bool words_only = true;
                for (size_t k = 0; k < sv.token_at(m.span.begin); ++k) words_only &= toks[k].is_word() || toks[k].low == "'";
                if (words_only) holder = &m;
            }
            if (!holder) continue;
            uint32_t c0 = toks[0].begin, c1 = toks.back().low == "." ? toks.back().begin : S.end;
            while (c1 > c0 && (a[c1 - 1] == ' ' || a[c1 - 1] == '\n' || a[c1 - 1] == '.')) --c1;
            Claim j;
            double conf = 0.5 + 0.10;  // the holder is in the sentence itself
            Subject subj;
            set_subject(subj, j, conf);
            j.statement = text::Span{c0, c1};
            j.sources.push_back(Source{static_cast<uint32_t>(holder - ms.data())});
            KeyHash key = key_hash("statement");
            key.add(holder->name).sep().add(lower(std::string_view(a.data() + c0, c1 - c0)));
            finish(std::move(j), "statement", key, conf);
            continue;
        }
        const Mention* src = nullptr;
        for (size_t i : sv.mentions)
            if (ms[i].type == Type::source && !ms[i].name.empty()) {
                src = &ms[i];
                break;
            }
        // A quote: its text runs from the opening quote mark to the closing one (or the
        // sentence's end when the quote goes on into the next sentence).
        uint32_t q_open = inside_quote ? S.begin : S.begin + quote_len(a, S.begin), q_close = S.end;
        for (uint32_t k = q_open; k < S.end; ++k)
            if ((a[k] == '"' || static_cast<unsigned char>(a[k]) == 0xE2) && quote_len(a, k)) {
                q_close = k;
                break;
            }
        quote_speaker = nullptr;
        if (!src && inside_quote) quote_speaker = run_speaker;
        if (!src && !quote_speaker) {
            // "We are not pre-committing ..." after '"...," Lagarde told reporters.': the speaker
            // of the paragraph so far; a quote that goes on into the next sentence ('"Customers
            // are no longer experimenting. They are signing ...," Raman told Reuters'): its speaker.
            text::Span P = t.paragraphs().empty() ? S : t.paragraphs()[t.paragraph_index(S.begin)];
            for (auto it = std::lower_bound(named_sources.begin(), named_sources.end(), P.begin, by_begin);
                 it != named_sources.end() && (*it)->span.begin < S.begin; ++it)
                quote_speaker = *it;
            if (!quote_speaker && q_close == S.end) {
                auto it = std::lower_bound(named_sources.begin(), named_sources.end(), S.end, by_begin);
                if (it != named_sources.end() && (*it)->span.begin < P.end) quote_speaker = *it;
            }
            if (!quote_speaker) continue;
        }
        const Mention* speaker = src ? src : quote_speaker;
        if (quoted && q_close == S.end && !(src && src->span.begin > q_open)) {
            // a quote that runs on into the next sentences ('"This bonanza provides ... flexibility.
            // It could either ...," said Aditi Rao'): one statement per sentence (one fact, one
            // claim), all the speaker's
            text::Span P = t.paragraphs().empty() ? S : t.paragraphs()[t.paragraph_index(S.begin)];
            for (uint32_t k = S.end; k < P.end; ++k)
                if ((a[k] == '"' || static_cast<unsigned char>(a[k]) == 0xE2) && quote_len(a, k)) {
                    quote_open_until = k;
                    run_speaker = speaker;
                    break;
                }
        }
        // Content: the quote when the attribution follows it ('"...," X said in a statement.');
        // after the attribution when it leads ("According to X, a role at Y (Z), content"),
        // before it when it trails ("content, X said."), after the cue otherwise ("X said content").
        uint32_t cb = S.begin, ce = S.end;
        size_t src_first = src ? sv.token_at(src->span.begin) : 0, src_last = src ? sv.token_at(src->span.end) : 0;
        bool leads = src && (src_first <= clause_start_tok(src_first) + 1 || src_first <= 1);
        if (!src || (quoted && q_close < src->span.begin)) {
            cb = q_open;
            ce = q_close;
        } else if (src->span.begin - S.begin < 3 || leads) {
            // skip to the comma that ends the attribution (and an apposition after it)
            // (not past a clause: "Volkswagen said the tariffs were the wrong approach, while ...")
            size_t k = src_last;
            int depth = 0;
            size_t comma = SIZE_MAX;
            for (; k < toks.size(); ++k) {
                if (toks[k].low == "(") ++depth;
                if (toks[k].low == ")") --depth;
                if (depth == 0 && (toks[k].bits & kVerbWord) && sv.tok_mention[k] == SIZE_MAX) break;
                if (depth == 0 && toks[k].low == ",") {
                    comma = k;
                    // an apposition: ", a senior economist at X (Y)," → go on to its closing comma
                    if (k + 1 < toks.size() && (toks[k + 1].low == "a" || toks[k + 1].low == "an" ||
                                                toks[k + 1].low == "the" || toks[k + 1].low == "which" ||
                                                toks[k + 1].low == "who")) {
                        // (not a clause: "In the view of the board, the risks ... are balanced, the minutes said")
                        size_t k2 = k + 1;
                        int d2 = 0;
                        bool clause = false;
                        for (; k2 < toks.size(); ++k2) {
                            if (toks[k2].low == "(") ++d2;
                            if (toks[k2].low == ")") --d2;
                            if (d2 == 0 && toks[k2].low == ",") break;
                            clause |= (toks[k2].bits & kVerbWord) && toks[k + 1].low == "the";
                        }
                        if (k2 < toks.size() && !clause) comma = k2;
                    }
                    break;
                }
            }
            // "X said on Monday that ...": a cue verb ends the attribution; only "according to X"
            // (and a comma right after the source) runs on to a comma
            if (src_last < toks.size() && toks[src_last].low != "," && src->cue != "according to") comma = SIZE_MAX;
            if (comma != SIZE_MAX && comma + 1 < toks.size()) cb = toks[comma + 1].begin;
            else cb = src->span.end;
        } else if (src->span.end + 2 >= S.end || src_last + 2 >= toks.size() ||
                   // '"...," said X, an analyst at Y.'; "..., the Nikkei reported earlier this week."
                   // Not when content follows the source: "The opposition's spokesperson, Rosa
                   // Halden, rejected the plan as ..." (what may follow a trailing attribution:
                   // `attribution_tail` words of words.tsv, punctuation, or a few words).
                   (src_first > 2 && (toks[src_first - 1].low == "," || toks[src_first - 1].low == "\"") &&
                    src_first * 3 > toks.size() &&
                    ((!toks[src_last].is_word() && toks[src_last].low != ":" && toks[src_last].low != "\"") ||
                     attribution_tails.count(toks[src_last])))) {
            ce = src->span.begin;
            // "..., legal experts said", "..., Commission spokesman Eric Mamer said": words between
            // the content's last comma and the holder describe the holder (a few words, no verb)
            // "..., Kestrel's general counsel, Dana Wright, said": the speaker's role set off by
            // commas before the name (the role the person mention carries)
            size_t h = sv.token_at(ce);
            bool set_off = false;
            if (h > 1 && toks[h - 1].low == "," && !src->role.empty()) {
                size_t c = h - 1;
                while (c > 0 && c + 8 > h && toks[c - 1].low != ",") --c;
                if (c > 0 && toks[c - 1].low == "," &&
                    lower(sv.slice(toks[c].begin, toks[h - 1].begin)).find(lower(src->role)) != std::string::npos) {
                    ce = toks[c - 1].begin;
                    set_off = true;
                }
            }
            for (size_t k = h, n = 0; !set_off && k > 0 && n <= 4; --k, ++n) {
                const Token& w = toks[k - 1];
                if (w.low == ",") {
                    if (n > 0) ce = w.begin;
                    break;
                }
                if (!w.is_word() || ((w.bits & kVerbWord) && sv.tok_mention[k - 1] == SIZE_MAX)) break;
            }
        } else {
            cb = src->span.end;
        }
        // a second attribution trailing the content ("In the view of the board, ..., the minutes said")
        for (size_t i : sv.mentions)
            if (&ms[i] != src && ms[i].type == Type::source && ms[i].span.begin > cb && ms[i].span.begin < ce &&
                ms[i].span.end + 2 >= ce && ms[i].span.begin >= 2 && a[ms[i].span.begin - 2] == ',')
                ce = ms[i].span.begin;
        // A second statement in the sentence: a clause of its own with its own attribution
        // ("Volkswagen said ..., while BMW's chief warned they would ...", "... pipeline, as
        // analysts predicted the US drugmaker would ...") or the same speaker going on (",
        // adding that ..."; `continuation` words of words.tsv). The first content ends there.
        uint32_t split_at = 0, second_from = 0;
        const Mention* second = nullptr;
        for (size_t k = sv.token_at(cb) + 1; k + 2 < toks.size(); ++k) {
            if (toks[k].low != "," && toks[k].low != ";") continue;
            // ", but denied that ...": the speaker's second that-clause, in contrast to the first
            // (a `speech`, `view` or `denial` verb between "but" and "that"; ", and cautioned that"
            // goes on with the same statement, as the corpus reads it)
            if (k + 3 < toks.size() && toks[k + 1].low == "but" &&
                toks[k + 3].low == "that" && sv.tok_mention[k + 2] == SIZE_MAX &&
                (speech_verbs.count(toks[k + 2]) || view_verbs.count(toks[k + 2]) || denial_verbs.count(toks[k + 2].low))) {
                split_at = std::min(ce, toks[k].begin);
                second_from = toks[k + 3].end;
                second = speaker;
                break;
            }
            if (continuation_words.count(toks[k + 1])) {
                // after the quote and its attribution ('"...," X told Reuters, adding that ...'):
                // the first content keeps its end
                split_at = std::min(ce, toks[k].begin);
                second_from = toks[k + 1].end;
                second = speaker;
                break;
            }
            if (toks[k].begin >= ce || !clause_conjunctions.count(toks[k + 1])) continue;
            for (size_t i : sv.mentions)
                if (&ms[i] != src && ms[i].type == Type::source && !ms[i].name.empty() &&
                    sv.token_at(ms[i].span.begin) >= k + 2 && sv.token_at(ms[i].span.begin) <= k + 8 &&
                    ms[i].span.begin < ce) {
                    split_at = toks[k].begin;
                    second_from = ms[i].span.end;
                    second = &ms[i];
                    break;
                }
            if (second) break;
        }
        if (second) ce = split_at;
        auto emit = [&](uint32_t cb, uint32_t ce, const Mention* who) {
            std::string content = trim(sv.slice(cb, ce));
            // strip "that" and quotes at the edges
            // 'X told analysts: "..."': the colon and the quote mark are not content
            while (!content.empty() && (content[0] == '"' || content[0] == '\'' || content[0] == ':' || content[0] == ' '))
                content.erase(0, 1);
            // a dateline before the content ("SYDNEY, Aug 26 (Wire) - ..."): not content
            for (std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
                size_t d = content.find(dash);
                if (d != std::string::npos && d < 60 && content.size() > 3 && std::isupper(static_cast<unsigned char>(content[0])) &&
                    std::isupper(static_cast<unsigned char>(content[1])) && std::isupper(static_cast<unsigned char>(content[2]))) {
                    content.erase(0, d + dash.size());
                    break;
                }
            }
            // "said on Monday that ...", "said at a press conference that ...": the content is the that-clause
            if (!content.empty()) {
                size_t t0 = sv.token_at(cb);
                while (t0 < toks.size() && !toks[t0].is_word()) ++t0;
                // "said in an interview with Bloomberg Television that": names inside the tail are
                // not content either; "warned Italy that", "assured investors that": the object of
                // a cue verb that takes one (`object_cue` words) comes before the that-clause
                // ("told German newspaper Handelsblatt that": the rest of a told-object)
                bool object = t0 > 0 && toks[t0 - 1].end <= cb &&
                              (object_cues.count(toks[t0 - 1].low) || (who && who->cue == "told" && who->span.end <= cb &&
                                                                    sv.tok_mention[t0] != SIZE_MAX));
                if (t0 < toks.size() && (attribution_tails.count(toks[t0]) || object))
                    for (size_t k = t0 + (object ? 0 : 1); k < toks.size() && k <= t0 + 10 && toks[k].begin < ce; ++k) {
                        if (!toks[k].is_word() || sv.tok_mention[k] != SIZE_MAX) {
                            if (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type != Type::money &&
                                ms[sv.tok_mention[k]].type != Type::percent && ms[sv.tok_mention[k]].type != Type::quantity)
                                continue;
                            if (toks[k].low == "'" || toks[k].low == "-" || toks[k].low == ".") continue;
                            break;
                        }
                        if (k > t0 && (toks[k].bits & kVerbWord) && sv.tok_mention[k] == SIZE_MAX) break;
                        if (toks[k].low == "that") {
                            if (content.rfind("that ", 0) == 0) break;  // the clause starts right away
                            size_t cut = content.find(" that ");
                            if (cut != std::string::npos) content.erase(0, cut + 6);
                            break;
                        }
                    }
            }
            // "..., speaking at a press conference after the meeting": how the speaker spoke, not
            // content (`attribution_participle` words after a comma)
            for (size_t k = sv.token_at(cb) + 1; k + 1 < toks.size() && toks[k + 1].begin < ce; ++k)
                if (toks[k].low == "," && attribution_participles.count(toks[k + 1].low)) {
                    std::string tail = trim(sv.slice(toks[k].begin, ce));
                    if (content.size() > tail.size() + 10 &&
                        std::string_view(content).substr(content.size() - tail.size()) == tail)
                        content.resize(content.size() - tail.size());
                    break;
                }
            // "said last week the group remained ...", "said on Tuesday the bank would ...": the
            // date of the saying, not content
            if (!content.empty()) {
                size_t t0 = sv.token_at(cb);
                while (t0 < toks.size() && !toks[t0].is_word()) ++t0;
                if (t0 + 1 < toks.size() && attribution_tails.count(toks[t0]) && sv.tok_mention[t0] == SIZE_MAX) ++t0;
                size_t m = t0 < toks.size() ? sv.tok_mention[t0] : SIZE_MAX;
                if (m != SIZE_MAX && ms[m].type == Type::date) {
                    size_t after = sv.token_at(ms[m].span.end);
                    std::string rest = after < toks.size() ? trim(sv.slice(toks[after].begin, ce)) : std::string();
                    if (after < toks.size() && toks[after].is_word() && toks[after].low != "that" && rest.size() + 4 < content.size() &&
                        content.size() >= rest.size() && std::string_view(content).substr(content.size() - rest.size()) == rest)
                        content.erase(0, content.size() - rest.size());
                }
            }
            if (content.rfind("that ", 0) == 0) content.erase(0, 5);
            // a closing quote mark stays when it closes a quote inside the content ('called the
            // budget "a disaster for families"')
            while (!content.empty() && ((content.back() == '"' && std::count(content.begin(), content.end(), '"') % 2 == 1) ||
                                        content.back() == '\'' || content.back() == ',' ||
                                        content.back() == ' ' || content.back() == '.'))
                content.pop_back();
            // "..., a Sanofi spokesman said": the article before the holder is not content
            for (std::string_view det : {" a", " an", " the", " A", " An", " The"})
                if (content.size() > det.size() && std::string_view(content).substr(content.size() - det.size()) == det) {
                    content.resize(content.size() - det.size());
                    while (!content.empty() && (content.back() == ',' || content.back() == ' ')) content.pop_back();
                    break;
                }
            // a short quote is a statement too ('"It's a disaster," he said'), other content has four words
            if (std::count(content.begin(), content.end(), ' ') < (src && cb == q_open && q_close < S.end ? 2 : 3)) return;
            size_t off = sv.slice(cb, ce).find(content.substr(0, std::min<size_t>(content.size(), 12)));
            uint32_t c0 = off == std::string_view::npos ? cb : cb + static_cast<uint32_t>(off);
            uint32_t c1 = std::min<uint32_t>(c0 + static_cast<uint32_t>(content.size()), ce);
            // "The Business Times first reported the talks last month", "Equinor reports its
            // results next week": what is reported with no clause is an act, not a statement
            if (who && who->cue == "reported" && c0 >= who->span.end) {
                bool verb = false;
                for (size_t k = sv.token_at(c0); k < toks.size() && toks[k].begin < c1 && !verb; ++k)
                    verb = (toks[k].bits & (kVerbWord | kChangeWord)) && sv.tok_mention[k] == SIZE_MAX;
                if (!verb) return;
            }
            Claim j;
            double conf = 0.5;
            // The statement's subject: the entities at the head of its content.
            size_t ct0 = sv.token_at(c0), ct1 = sv.token_at(c1);
            // skip a leading attribution or adverbial inside the content ("According to analysts, ...")
            if (ct0 < ct1 && kLeadWords.count(toks[ct0])) {
                for (size_t k = ct0; k < ct1; ++k)
                    if (toks[k].low == ",") {
                        ct0 = k + 1;
                        break;
                    }
            }
            while (ct0 < ct1 && (toks[ct0].low == "\"" || toks[ct0].low == "'")) ++ct0;
            Subject subj;
            {
                size_t verb = first_verb(ct0, ct1);
                if (is_anaphor(ct0, verb)) {
                    if (const Mention* c = referent(ct0, verb)) add_name(subj, c->name);
                } else if (verb > ct0) {
                    for (auto* m : entities_in(ct0, verb, true)) add_name(subj, m->name);
                    if (subj.names.empty() && verb - ct0 <= 12) {
                        size_t d0 = ct0;
                        while (d0 < verb && kDeterminers.count(toks[d0])) ++d0;
                        bool plain = true;
                        for (size_t k = d0; k < verb; ++k)
                            if (!toks[k].is_word() && toks[k].low != "'") plain = false;
                        if (d0 < verb && plain) subj.description = trim(sv.slice(toks[d0].begin, toks[verb - 1].end));
                    }
                }
            }
            set_subject(subj, j, conf);

            std::optional<size_t> per;
            for (size_t i : sv.mentions)
                if (ms[i].type == Type::date && ms[i].span.begin >= c0 && ms[i].span.end <= c1) {
                    per = i;
                    break;
                }
            if (per) j.period = Period{static_cast<uint32_t>(*per)};
            j.statement = text::Span{c0, c1};
            j.sources = claim_sources(conf, std::string(), j, j.statement->begin);
            if (second) {
                // two statements in one sentence: each keeps its own speaker (and what it cites)
                std::vector<Source> own;
                for (const Source& s : j.sources)
                    if (ms[s.mention].name == who->name ||
                        (s.cited_by != kNoMention && ms[s.cited_by].name == who->name))
                        own.push_back(s);
                if (!own.empty()) j.sources = std::move(own);
            }
            KeyHash key = key_hash("statement");
            key.add(who->name).sep().add(lower(content));
            finish(std::move(j), "statement", key, conf);
        };
        emit(cb, ce, speaker);
        if (second) emit(second_from, S.end, second);
    }
    return out;
}

Assembler::Assembler(const rules::RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
Assembler::~Assembler() = default;
Assembler::Assembler(Assembler&&) noexcept = default;

std::vector<Claim> Assembler::assemble(const std::vector<Mention>& mentions, const text::Text& text,
                                       const DocumentInfo& doc) const {
    return impl_->assemble(mentions, text, doc);
}

}  // namespace claimex::claims
