// Organisations, people and places (org, person, place).
//
// Per mention: a gazetteer hit takes its entry's canonical name and kind; a
// name found by a pattern (an organisation by its suffix, a person by a role
// or honorific) is trimmed of words that are never names ("However", "In"),
// looked up in the gazetteers (so "Alibaba Group Holding Ltd" is Alibaba and
// "In Beijing" is the city), and otherwise checked for the shape of a name.
//
// Per document (linear in the number of mentions plus one scan of the words):
//   1. acronym definitions ("China Center for International Economic Affairs
//      (CCIEE)") make the acronym an alias for the rest of the document;
//   2. source holders no entity rule found ("Maria Gonzalez said", "Helvora
//      reported") become people or organisations;
//   3. people: affiliation from an organisation next to the role ("Alibaba CEO
//      Eddie Wu", "economist at the IMF"), full name, role and affiliation as
//      first introduced for every mention ("Mr Wu" → Eddie Wu);
//   4. short forms found in the running text: people's family names ("Wu",
//      "Chen"), defined acronyms, acronyms of names by their initials ("ABS"
//      after "Australian Bureau of Statistics"), the head of an institution
//      after "the" ("the Commission"), and a discovered company without its
//      industry word ("Kessler" after "Kessler Automotive", which then names
//      every mention of it).
#include "extractor/normalise/entities_lexicon.h"
#include "extractor/normalise/internal.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <type_traits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unordered_map>
#include <unordered_set>

namespace claimex::normalise {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// "J.", "J.P.", "V.R.C.": a person's initials before the family name.
bool initials_word(std::string_view w) {
    if (w.size() < 2 || w.size() % 2) return false;
    for (size_t i = 0; i < w.size(); i += 2)
        if (w[i] < 'A' || w[i] > 'Z' || w[i + 1] != '.') return false;
    return true;
}

bool is_entity(const Mention& m) { return m.type == Type::org || m.type == Type::person || m.type == Type::place; }

// Ends with a possessive: "China's", "Sachs'", "Sachs’".
bool possessive(std::string_view w) {
    auto ends = [&](std::string_view s) { return w.size() > s.size() && w.substr(w.size() - s.size()) == s; };
    return ends("'s") || ends("\xE2\x80\x99s") || ends("'") || ends("\xE2\x80\x99");
}

// The analysis bytes between two offsets consist only of white space and,
// optionally, one of the given joiners ("'s", "the").
bool only_gap(const std::string& a, uint32_t from, uint32_t to, std::initializer_list<std::string_view> joiners) {
    if (from > to) return false;
    std::string_view g(a.data() + from, to - from);
    while (!g.empty() && is_space(g.front())) g.remove_prefix(1);
    while (!g.empty() && is_space(g.back())) g.remove_suffix(1);
    if (g.empty()) return true;
    for (auto j : joiners)
        if (g == j) return true;
    return false;
}

// dst = std::move(src), member by member, a string only when one of the two holds something:
// most of a Mention's fourteen strings are empty, and std::string's move assignment (or a
// Mention's move construction) costs some twenty instructions for an empty one, so that a whole
// Mention took ~330 to move-assign. Same result for dst; src is left moved from either way. The
// structured bindings list every member: a member added to Mention stops the build here until it
// is added below.
inline void relocate(Mention& dst, Mention& src) noexcept {
    auto mv = [](auto& d, auto& s) {
        if constexpr (std::is_base_of_v<std::string, std::remove_cvref_t<decltype(d)>>) {
            if (!d.empty() || !s.empty()) d = std::move(s);
        } else {
            d = std::move(s);
        }
    };
    auto& [type, span, rule, value, min, max, currency, unit, qualifier, timex, from, to, note, relative, compared,
           name, kind, role, affiliation, cue, cites, holder, participle, context, shift_unit, shift_n] = dst;
    auto& [type2, span2, rule2, value2, min2, max2, currency2, unit2, qualifier2, timex2, from2, to2, note2,
           relative2, compared2, name2, kind2, role2, affiliation2, cue2, cites2, holder2, participle2, context2,
           shift_unit2, shift_n2] = src;
    mv(type, type2), mv(span, span2), mv(rule, rule2), mv(value, value2), mv(min, min2), mv(max, max2);
    mv(currency, currency2), mv(unit, unit2), mv(qualifier, qualifier2), mv(timex, timex2), mv(from, from2);
    mv(to, to2), mv(note, note2), mv(relative, relative2), mv(compared, compared2), mv(name, name2);
    mv(kind, kind2), mv(role, role2), mv(affiliation, affiliation2), mv(cue, cue2), mv(cites, cites2);
    mv(holder, holder2), mv(participle, participle2), mv(context, context2), mv(shift_unit, shift_unit2);
    mv(shift_n, shift_n2);
}

// The merge of resolve_document's settle done in place, where it can be:
// only the mentions after the first change move (a Mention is big to move)
// and the vector is not rebuilt. Adds only: from the back into the spare
// capacity (Normaliser::normalise leaves some); drops only: a compaction.
// Both at once, too little capacity or mentions out of order: false, and
// the caller rebuilds. A mention is moved by relocate(), not assigned.
template <class Before>
bool settle_in_place(std::vector<Mention>& ms, std::vector<Mention>& added, std::vector<bool>& drop, Before before) {
    const size_t n = ms.size();
    if (added.empty()) {
        size_t w = 0;
        for (size_t i = 0; i < n; ++i) {
            if (drop[i]) continue;
            if (w != i) relocate(ms[w], ms[i]);
            ++w;
        }
        ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(w), ms.end());
        drop.assign(ms.size(), false);
        return true;
    }
    if (std::find(drop.begin(), drop.end(), true) != drop.end()) return false;
    if (n + added.size() > ms.capacity() || !std::is_sorted(ms.begin(), ms.end(), before)) return false;
    // As the forward merge: an added mention goes before ms[i] only when it
    // is strictly before it.
    ms.resize(n + added.size());
    size_t w = ms.size(), i = n, k = added.size();
    while (k > 0) {
        if (i > 0 && before(added[k - 1], ms[i - 1])) --w, --i, relocate(ms[w], ms[i]);
        else --w, --k, relocate(ms[w], added[k]);
    }
    added.clear();
    drop.assign(ms.size(), false);
    return true;
}

// The first offset from p on whose byte is an ASCII capital or a UTF-8 lead
// byte (0xC0 and up), else n: where a capitalised word may start. Sixteen
// bytes a step where SSE2 is there (one in ~25 bytes of news text is one).
int32_t next_capital_or_lead(const std::string& a, int32_t p) {
    const auto n = static_cast<int32_t>(a.size());
#if defined(__SSE2__)
    const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1);
    const __m128i before_lead = _mm_set1_epi8(static_cast<char>(0xBF)), zero = _mm_setzero_si128();
    for (; p + 16 <= n; p += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data() + p));
        // (signed bytes: A-Z are 65..90, lead bytes -64..-1)
        const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(x, before_a), _mm_cmplt_epi8(x, after_z));
        const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(x, before_lead), _mm_cmplt_epi8(x, zero));
        if (const int mask = _mm_movemask_epi8(_mm_or_si128(capital, lead))) return p + __builtin_ctz(mask);
    }
#endif
    for (; p < n; ++p) {
        const auto byte = static_cast<unsigned char>(a[static_cast<size_t>(p)]);
        if ((byte >= 'A' && byte <= 'Z') || byte >= 0xC0) return p;
    }
    return n;
}

// The words of a canonical name (split on spaces), as views into it (the
// name must outlive them), into out: the caller's vector, reused from one
// entity to the next (per entity, several passes).
const std::vector<std::string_view>& split_name(const std::string& name, std::vector<std::string_view>& out) {
    // As names::words, without its vector of spans.
    out.clear();
    size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && is_space(name[i])) ++i;
        size_t b = i;
        while (i < name.size() && !is_space(name[i])) ++i;
        if (i > b) out.emplace_back(name.data() + b, i - b);
    }
    return out;
}

std::string join(const std::vector<std::string_view>& ws, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) {
        if (!out.empty()) out += ' ';
        out += ws[i];
    }
    return out;
}

constexpr std::string_view kShortRefRule = "entities.short_ref";
constexpr std::string_view kAcronymRule = "entities.acronym";
constexpr std::string_view kHolderRule = "entities.source_holder";
constexpr std::string_view kOrgPatternRule = "entities.org_pattern";
constexpr std::string_view kOrgPrefixRule = "entities.org_prefix";          // "PT Vale Indonesia Tbk"
constexpr std::string_view kOrgPublicBodyRule = "entities.org_public_body"; // "X and Y Corporation"
constexpr std::string_view kOrgLeadRule = "entities.org_lead";              // "Corporación Minera del Norte"
// "Norvia, the Norwegian oil producer,": a name the apposition makes an org.
constexpr std::string_view kOrgAppositionRule = "entities.org_apposition";
// "the Treasury", "the Centre": named per document (bare_institutions.tsv).
// Unsuffixed companies their context shows: "shares of Orvana", "Brightwater (NYSE: BWR)".
constexpr std::string_view kOrgContextRule = "entities.org_context";
constexpr std::string_view kOrgUnionRule = "entities.org_apposition_union";
constexpr std::string_view kOrgTickerRule = "entities.org_ticker";
constexpr std::string_view kOrgItsRule = "entities.org_its";  // "Orvana cut its forecast"
constexpr std::string_view kBareRule = "entities.bare_institution";
// "Markus Mayer of Baader Bank": the person before an organisation's "of".
constexpr std::string_view kPersonOfRule = "entities.person_of";
// Places the lists do not know, named by their context ("branches in
// Tamworth", "TAMWORTH, New South Wales --"): found by name later on.
constexpr std::string_view kPlaceContextRule = "entities.place_context";
constexpr std::string_view kPlaceRegionRule = "entities.place_context_region";
constexpr std::string_view kDatelineRule = "entities.dateline";

}  // namespace

// What the entity rules set (`set: single=yes`, `kind:`), read once per rule.
struct RuleInfo {
    std::string single, kind;
    bool titlecase = false;      // names written in capitals ("SAN FRANCISCO")
    bool person_holder = false;  // a source rule whose holder is a person ("said Sabine Roth,")
    bool as_named = false;       // the name as written, not its gazetteer entry ("Atlanta, Georgia": the state)
    bool known_holder = false;   // a source rule whose holder names no one new (`set: known_holder=yes`)
};

// A row of bare_institutions.tsv: what a bare word stands for when the
// document names these places or organisations ("*": any document).
struct BareReading {
    std::vector<std::string> context;
    std::string name, kind;
};

struct EntitiesNormaliser::Impl {
    explicit Impl(const rules::RuleSet& r) : lex(r) {
        if (const auto* t = r.table("BARE_INSTITUTION"))
            for (const auto& row : *t) {
                if (row.size() < 4 || row[0].empty()) continue;
                BareReading b{{}, row[2], row[3]};
                size_t from = 0;
                while (from <= row[1].size()) {
                    size_t bar = row[1].find('|', from);
                    if (bar == std::string::npos) bar = row[1].size();
                    if (bar > from) b.context.push_back(row[1].substr(from, bar - from));
                    from = bar + 1;
                }
                bare[row[0]].push_back(std::move(b));
            }
        // rules/sources/references.tsv: "the bank's chief financial officer"
        // works for the last bank named.
        if (const auto* t = r.table("SOURCE_REFERENCE"))
            for (const auto& row : *t) {
                if (row.size() < 2 || row[1].find("cited") != std::string::npos) continue;
                std::vector<std::string> kinds;
                for (size_t b = 0, e; b <= row[1].size(); b = e + 1) {
                    e = row[1].find(',', b);
                    if (e == std::string::npos) e = row[1].size();
                    if (e > b) kinds.push_back(row[1].substr(b, e - b));
                }
                reference_kinds[names::lower(row[0])] = std::move(kinds);
            }
        for (const auto& rule : r.rules()) {
            auto get = [&](const char* k) {
                auto a = rule->attrs.find(k);
                return a == rule->attrs.end() ? std::string() : a->second;
            };
            rule_info.emplace(rule->id, RuleInfo{get("single"), get("kind"), get("titlecase") == "yes",
                                                 get("holder") == "person", get("as_named") == "yes",
                                                 get("known_holder") == "yes"});
        }
        if (const auto* roles = r.list("ROLE"))
            for (const std::string& w : *roles)
                if (w.find(' ') == std::string::npos && !w.empty() && std::islower(static_cast<unsigned char>(w[0])))
                    role_words.insert(w);
    }
    names::Lexicon lex;
    FlatMap<RuleInfo> rule_info;  // rule id → its info (looked up per mention)
    FlatSet role_words;  // one-word roles (rules/entities/roles.txt): "economist"

    // An apposition right after a holder that names a role (", the association's senior
    // economist,"): the holder is a person, whether or not the given name is known.
    bool role_after(std::string_view a, size_t at) const {
        if (at + 2 >= a.size() || a[at] != ',' || a[at + 1] != ' ') return false;
        size_t end = a.find(',', at + 2);
        if (end == std::string_view::npos || end - at > 100) return false;
        for (size_t b = at + 2; b < end;) {
            while (b < end && !std::isalpha(static_cast<unsigned char>(a[b]))) ++b;
            size_t e = b;
            while (e < end && (std::isalpha(static_cast<unsigned char>(a[e])) || a[e] == '-')) ++e;
            if (e > b && role_words.contains(a.substr(b, e - b))) return true;
            b = e;
        }
        return false;
    }
    FlatMap<std::vector<BareReading>> bare;  // word → readings, in file order
    FlatMap<std::vector<std::string>> reference_kinds;  // "bank" → central_bank, company

    const RuleInfo& info(const std::string& rule_id) const {
        static const RuleInfo none;
        const RuleInfo* i = rule_info.find(rule_id);
        return i ? *i : none;
    }

    bool common_word_reading(const rules::RawMention& raw, const text::Text& t) const;
    bool from_pattern(const rules::RawMention& raw, const text::Text& t, Mention& out) const;
    // The index of the first word after "of" when a candidate organisation
    // starts with a person's name and "of" ("Markus Mayer of Baader Bank"),
    // else 0.
    size_t person_before_of(const std::string& a, const std::vector<text::Span>& ws) const {
        auto w = [&](size_t k) { return std::string_view(a.data() + ws[k].begin, ws[k].size()); };
        // "Analyst Tom Whitcombe of Redline Capital": a one-word role that
        // starts the sentence is no part of either name.
        size_t s = !ws.empty() && role_words.count(names::lower(w(0))) ? 1 : 0;
        if (ws.size() < s + 4 || !names::person_word(w(s))) return 0;
        // a given name, or any name after "said" ("said Chidera Obiora of Meristem Securities")
        if (!lex.given_name(w(s)) &&
            !(s == 0 && (after_said(a, ws[0].begin) || person_shape_cue(a, ws[0].begin, ws.back().end))))
            return 0;
        for (size_t of = s + 2; of <= s + 3 && of + 1 < ws.size(); ++of) {
            if (w(of) != "of") continue;
            for (size_t k = s + 1; k < of; ++k)
                if (!names::person_word(w(k)) || lex.non_person(w(k)) || lex.suffix(w(k))) return 0;
            return of + 1;
        }
        return 0;
    }
    // Whether a full name is written family name first: a family name the list
    // knows before a given name ("Chen Wenling"), or two words whose second is a
    // Korean given name, hyphenated with a lower-case second part ("Rhee
    // Chang-yong", "Ahn Jae-kyun": later "Rhee", "Ahn").
    bool family_name_first(const std::vector<std::string_view>& ws) const {
        if (ws.empty()) return false;
        if (lex.family_first(ws.front()) && !lex.family_first(ws.back())) return true;
        if (ws.size() != 2) return false;
        const std::string_view g = ws.back();
        const size_t dash = g.find('-');
        return dash != std::string_view::npos && dash > 0 && dash + 1 < g.size() && g[dash + 1] >= 'a' &&
               g[dash + 1] <= 'z';
    }
    // Whether "said " or "says " ends right before at.
    static bool after_said(const std::string& a, uint32_t at) {
        return at >= 5 && (a.compare(at - 5, 5, "said ") == 0 || a.compare(at - 5, 5, "says ") == 0);
    }
    // A name with no given name the list knows is still a person's before an
    // organisation's "of" when something else says so: an honorific, a title or
    // a one-word role right before it ("Prof. Yeah Kim Leng of Sunway
    // University", "analyst Kunal Sodhani of ..."), or the sentence (or a
    // clause after a comma) opening with it and a verb of saying right after
    // the organisation ("Kunal Sodhani of Shinhan Bank said"). `b` is where the name starts, `e` where the
    // organisation ends.
    bool person_shape_cue(const std::string& a, uint32_t b, uint32_t e) const {
        uint32_t q = b;
        while (q > 0 && a[q - 1] == ' ') --q;
        uint32_t p = q;
        while (p > 0 && !is_space(a[p - 1])) --p;
        std::string_view prev(a.data() + p, q - p);
        if (!prev.empty() && (lex.honorific(prev) || lex.title(prev) || role_words.count(names::lower(prev))))
            return true;
        // (the sentence or paragraph opens with it, or a quote before it ends)
        auto ends = [&](std::string_view x) { return prev.size() >= x.size() && prev.substr(prev.size() - x.size()) == x; };
        const bool opens = prev.empty() || ends(".") || ends(",") || ends("\"") || ends("\xe2\x80\x9d");
        if (!opens) return false;
        uint32_t k = e;
        if (k < a.size() && a[k] == ',') ++k;
        while (k < a.size() && a[k] == ' ') ++k;
        uint32_t ve = k;
        while (ve < a.size() && a[ve] >= 'a' && a[ve] <= 'z') ++ve;
        std::string_view verb(a.data() + k, ve - k);
        for (std::string_view v : {"said", "says", "told", "added", "noted", "notes", "wrote", "expects", "estimates",
                                   "estimated", "predicted", "forecast", "warned", "argued"})
            if (verb == v) return true;
        return false;
    }
    // "Kong-listed", "Oslo-based", "state-owned": a word that describes a
    // company rather than naming it.
    static bool descriptive_compound(std::string_view w) {
        size_t dash = w.rfind('-');
        if (dash == std::string_view::npos) return false;
        std::string_view tail = w.substr(dash + 1);
        for (std::string_view t : {"listed", "based", "owned", "backed", "headquartered", "run", "controlled", "led",
                                   "registered", "focused", "founded", "rival", "style", "affiliated", "linked",
                                   "funded", "operated"})
            if (tail == t) return true;
        return false;
    }
    // Trims punctuation off the words of a candidate name.
    std::vector<text::Span> name_words(const std::string& a, text::Span s) const;
    bool set_entry(const rules::GazetteerEntry& e, Mention& out) const {
        out.name = e.name;
        out.kind = e.kind;
        out.type = names::is_place_kind(e.kind) ? Type::place : Type::org;
        if (e.kind == "person") {  // people.tsv: a person has no kind
            out.type = Type::person;
            out.kind.clear();
        }
        return !out.name.empty();
    }
    // Drops leading words of a person candidate that cannot start a name,
    // keeping a family name that is also a common word ("He Yadong") and a
    // given name that is one ("Governor Per Lindahl").
    bool droppable_before_name(std::string_view w, size_t left, Type type) const {
        if (left > 1 && type == Type::person && (lex.family_first(w) || lex.given_name(w)) && names::person_word(w))
            return false;
        return lex.not_name(w) || names::lowercase_start(w) || (possessive(w) && left > 1) ||
               (type == Type::person && left > 1 && (lex.title(w) || lex.honorific(w)));
    }
};

EntitiesNormaliser::EntitiesNormaliser(const rules::RuleSet& r) : impl_(std::make_unique<Impl>(r)) {}
EntitiesNormaliser::~EntitiesNormaliser() = default;

// An alias that is also a common word ("Target", "Shell") followed by a word
// of its common-word sense ("Target prices", "Shell companies").
bool EntitiesNormaliser::Impl::common_word_reading(const rules::RawMention& raw, const text::Text& t) const {
    const std::string& a = t.analysis();
    std::string_view alias(a.data() + raw.span.begin, raw.span.size());
    uint32_t i = raw.span.end;
    while (i < a.size() && a[i] == ' ') ++i;
    uint32_t b = i;
    while (i < a.size() && !is_space(a[i]) && a[i] != ',' && a[i] != '.' && a[i] != ';') ++i;
    std::string_view next(a.data() + b, i - b);
    // A given name that is also an alias, before a family name: "Ola
    // Nordmann said" is a person, not Ola Electric; "Sofia Petrova" not the city.
    if (b == raw.span.end + 1 && lex.given_name(alias) && names::person_word(next) && !lex.suffix(next) &&
        !lex.non_person(next) && !lex.not_name(next) && !lex.alias(next))
        return true;
    if (lex.common_word(alias, next)) return true;
    // ... or preceded by one ("the manufacturing PMI": the survey's index, not Philip Morris):
    // the table writes a word before the alias with a leading '<'
    uint32_t e = raw.span.begin;
    while (e > 0 && a[e - 1] == ' ') --e;
    uint32_t p = e;
    while (p > 0 && !is_space(a[p - 1]) && a[p - 1] != ',' && a[p - 1] != '.' && a[p - 1] != ';' && e - p < 40) --p;
    if (p == e || e == raw.span.begin) return false;
    std::string prev = "<";
    prev.append(a, p, e - p);
    return lex.common_word(alias, prev);
}

std::vector<text::Span> EntitiesNormaliser::Impl::name_words(const std::string& a, text::Span s) const {
    std::vector<text::Span> ws = names::words(a, s);
    for (auto& w : ws) {
        // Quotes and brackets around a word are not part of a name.
        while (w.size() > 0 && std::string_view(",;:!?)\"]").find(a[w.end - 1]) != std::string_view::npos) --w.end;
        while (w.size() > 0 && std::string_view("(\"[").find(a[w.begin]) != std::string_view::npos) ++w.begin;
    }
    ws.erase(std::remove_if(ws.begin(), ws.end(), [](text::Span w) { return w.empty(); }), ws.end());
    if (!ws.empty()) {
        // A full stop ends the sentence unless it belongs to an abbreviation.
        text::Span& last = ws.back();
        std::string_view lw(a.data() + last.begin, last.size());
        if (lw.size() > 1 && lw.back() == '.') {
            bool abbreviation = lex.suffix(lw) || (lw.size() == 2) ||
                                (lw.size() >= 4 && lw[lw.size() - 3] == '.');  // "U.S."
            if (!abbreviation) --last.end;
        }
    }
    return ws;
}

bool EntitiesNormaliser::Impl::from_pattern(const rules::RawMention& raw, const text::Text& t, Mention& out) const {
    const std::string& a = t.analysis();
    const RuleInfo& ri = info(out.rule);  // (out.rule stays as it is below)
    text::Span cand = capture_of(raw, "name").value_or(raw.span);
    std::vector<text::Span> ws = name_words(a, cand);
    auto word = [&](size_t i) { return std::string_view(a.data() + ws[i].begin, ws[i].size()); };
    auto joined_raw = [&](size_t from) {
        return std::string_view(a.data() + ws[from].begin, ws.back().end - ws[from].begin);
    };
    auto joined = [&](size_t from) { return names::squeeze(joined_raw(from)); };
    // "The European Commission on Wednesday warned": "on" and a weekday date the act and are no
    // part of the name ("Council on Foreign Relations" keeps its "on")
    if (out.type == Type::org && ws.size() >= 3 && word(ws.size() - 2) == "on") {
        static constexpr std::string_view kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                     "Saturday", "Sunday"};
        if (std::find(std::begin(kDays), std::end(kDays), word(ws.size() - 1)) != std::end(kDays)) ws.resize(ws.size() - 2);
    }
    if (out.rule == kBareRule) {  // "the Treasury", "commerce ministry": named per document
        if (ws.empty() || ws.size() > 2) return false;
        out.span = {ws.front().begin, ws.back().end};
        out.name = joined(0);
        out.kind = ri.kind;
        return true;
    }
    // Try the whole name, then without leading words that cannot start a name
    // ("In", "However", "China's"), and without a person before "of"
    // ("Markus Mayer of Baader Bank": the person is added per document).
    size_t i = out.type == Type::org ? person_before_of(a, ws) : 0;
    // "Hong Kong-listed Zhenhai Robotics": a description before the name.
    bool described = false;
    for (size_t k = i; out.type == Type::org && k + 1 < ws.size(); ++k)
        if (descriptive_compound(word(k))) i = k + 1, described = true;
    // "Tata Motors-owned Jaguar Land Rover": the pattern took in the
    // description and stopped inside a known name; the name with the next
    // word or two is that name.
    if (described && !lex.resolve(joined_raw(i))) {
        uint32_t e = ws.back().end;
        for (int more = 0; more < 2; ++more) {
            uint32_t b = e;
            while (b < a.size() && a[b] == ' ') ++b;
            if (b == e || b >= a.size() || !names::capitalised(std::string_view(a).substr(b))) break;
            e = b;
            while (e < a.size() && !is_space(a[e]) && a[e] != ',' && a[e] != '.' && a[e] != ';' && a[e] != ':' &&
                   a[e] != ')' && a[e] != '\'')
                ++e;
            std::string longer = names::squeeze(std::string_view(a.data() + ws[i].begin, e - ws[i].begin));
            if (const auto* entry = lex.alias(longer)) {
                out.span = {ws[i].begin, e};
                return set_entry(*entry, out);
            }
        }
    }
    const rules::GazetteerEntry* known_person = nullptr;
    for (; i < ws.size() && !ri.as_named; ++i) {
        if (const auto* e = lex.resolve(joined_raw(i))) {
            // A known person after a role keeps the role ("Tesla chief
            // executive Elon Musk"): read on as a pattern person.
            if (out.type == Type::person && e->kind == "person") {
                known_person = e;
                break;
            }
            out.span = {ws[i].begin, ws.back().end};
            return set_entry(*e, out);
        }
        if (!droppable_before_name(word(i), ws.size() - i, out.type)) break;
    }
    if (i >= ws.size()) return false;
    out.span = {ws[i].begin, ws.back().end};
    size_t n = ws.size() - i;

    if (out.type == Type::person) {
        const std::string& single_attr = ri.single;
        bool single = single_attr == "yes" || single_attr == "known";
        if (n > 5 || (n < 2 && !single)) return false;
        const names::Suffix* org_word = nullptr;
        bool generic = false;
        for (size_t k = i; k < ws.size(); ++k) {
            std::string_view w = word(k);
            if (k > i && k + 1 < ws.size() && lex.particle(w)) continue;
            // "JD Vance": two initials without dots before a family name
            if (k == i && k + 1 < ws.size() && w.size() == 2 && std::isupper(static_cast<unsigned char>(w[0])) &&
                std::isupper(static_cast<unsigned char>(w[1])))
                continue;
            if (!names::person_word(w) || lex.honorific(w)) return false;
            if (const auto* s = lex.suffix(w); s && !s->kind.empty()) org_word = s;
            else if (lex.non_person(w)) generic = true;
        }
        if (generic && !org_word) return false;
        if (org_word) {  // "Acme Capital" after a role word is an employer, not a person
            if (n < 2) return false;
            out.type = Type::org;
            out.kind = org_word->kind;
            out.name = lex.strip_legal(joined(i));
            return true;
        }
        out.name = known_person ? known_person->name : joined(i);
        if (auto r = capture_of(raw, "role")) {
            std::vector<text::Span> rw = names::words(a, *r);
            size_t k = 0;
            while (k < rw.size()) {
                std::string l = names::lower(std::string_view(a.data() + rw[k].begin, rw[k].size()));
                if (l != "a" && l != "an" && l != "the" && l != "its" && l != "their") break;
                ++k;
            }
            if (k < rw.size()) {
                std::string role = names::squeeze(std::string_view(a.data() + rw[k].begin, r->end - rw[k].begin));
                if (!lex.honorific(role)) out.role = role;
            }
        }
        return true;
    }
    if (out.type == Type::org) {
        // A suffix alone ("Group", "The Bank") names nothing.
        bool named = false;
        for (size_t k = i; k < ws.size(); ++k)
            if (const auto* sx = lex.suffix(word(k)); (!sx || sx->industry) && !names::lowercase_start(word(k)) && word(k) != "&")
                named = true;  // (an industry word names: "Investment Ministry", "Energy Ministry")
        if (!named) return false;
        // "Saudi Energy Minister": an industry word before a title is part
        // of the title, not of a company's name.
        if (const auto* last = lex.suffix(word(ws.size() - 1)); last && last->industry) {
            uint32_t k = ws.back().end;
            while (k < a.size() && a[k] == ' ') ++k;
            uint32_t e = k;
            while (e < a.size() && !is_space(a[e]) && a[e] != ',' && a[e] != '.') ++e;
            if (e > k && lex.title(std::string_view(a.data() + k, e - k))) return false;
        }
        out.name = lex.strip_legal(joined(i));
        // "Finance Ministry" is the "Ministry of Finance".
        // ("Foreign Ministry", "Home Ministry", "Interior Ministry" keep their
        // names: their full names are not "Ministry of Foreign" and so on.)
        if (n >= 2 && n <= 4 && word(ws.size() - 1) == "Ministry" && names::capitalised(word(i)) &&
            word(i) != "Foreign" && word(i) != "Home" && word(i) != "Interior")
            out.name = "Ministry of " + names::squeeze(std::string_view(a.data() + ws[i].begin, ws[ws.size() - 2].end - ws[i].begin));
        out.kind = ri.kind;
        // The kind of the organisation word: the last two words ("Central
        // Bank"), else the nearest organisation word from the end ("Center
        // for International Economic Affairs").
        if (out.kind.empty() && n >= 2) {
            std::string two = std::string(word(ws.size() - 2)) + " " + std::string(word(ws.size() - 1));
            if (const auto* s = lex.suffix(two)) out.kind = s->kind;
        }
        // An industry word ("Energy", "Investment") says least: a ministry, an authority or a bank
        // named anywhere in the name gives the kind ("Ministry of Energy", "Abu Dhabi Investment
        // Authority"); an industry word only when there is no other.
        for (size_t k = ws.size(); out.kind.empty() && k > i; --k)
            if (const auto* s = lex.suffix(word(k - 1)); s && !s->industry) out.kind = s->kind;
        for (size_t k = ws.size(); out.kind.empty() && k > i; --k)
            if (const auto* s = lex.suffix(word(k - 1))) out.kind = s->kind;
        if (out.kind.empty()) out.kind = "other";
        return !out.name.empty();
    }
    // place
    if (out.rule == kPlaceContextRule || out.rule == kPlaceRegionRule)
        for (size_t k = i + 1; k < ws.size(); ++k)
            if (lex.not_name(word(k))) return false;  // "Based in Large Part On Hope"
    if (auto where = raw.capture("where")) {  // "in Hosur, Tamil Nadu": Tamil Nadu must be a known place
        const auto* e = lex.resolve(std::string_view(a.data() + where->begin, where->size()));
        if (!e || !names::is_place_kind(e->kind)) return false;
    }
    out.name = joined(i);
    if (ri.titlecase) {
        // "SAN FRANCISCO" → "San Francisco", "WINSTON-SALEM" → "Winston-Salem", and the
        // Latin-1 capitals of UTF-8 (C3 80–9E but "×"): "BRASÍLIA" → "Brasília"
        bool start = true;
        for (size_t k = 0; k < out.name.size(); ++k) {
            char& c = out.name[k];
            if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
            const auto u = static_cast<unsigned char>(c);
            if (u == 0xC3 && k + 1 < out.name.size()) {
                const auto n = static_cast<unsigned char>(out.name[k + 1]);
                if (!start && n >= 0x80 && n <= 0x9E && n != 0x97) out.name[k + 1] = static_cast<char>(n + 0x20);
                ++k;
                start = false;
                continue;
            }
            start = c == ' ' || c == '-' || c == '\'';
        }
        if (const auto* e = lex.resolve(out.name)) return set_entry(*e, out);
        if (lex.not_name(out.name) || lex.non_person(out.name)) return false;  // "BREAKING", "UPDATE"
    }
    out.kind = ri.kind;
    return !out.name.empty();
}

bool EntitiesNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const {
    out.context = raw.context;
    if (raw.entry) {
        if (impl_->common_word_reading(raw, text)) return false;
        if (!impl_->set_entry(*raw.entry, out)) return false;
        if (out.kind.empty() && out.type != Type::person) out.kind = impl_->info(out.rule).kind;
        return true;
    }
    return impl_->from_pattern(raw, text, out);
}

void EntitiesNormaliser::resolve_document(std::vector<Mention>& ms, const text::Text& text) const {
    const Impl& im = *impl_;
    const names::Lexicon& lex = im.lex;
    const std::string& a = text.analysis();
    auto reference_kinds_of = [&](const std::string& noun) -> const std::vector<std::string>* {
        return im.reference_kinds.find(noun);
    };
    std::vector<bool> drop(ms.size(), false);
    std::vector<Mention> added;
    auto slice = [&](text::Span s) { return std::string_view(a.data() + s.begin, s.size()); };
    std::vector<std::string_view> name_words_buf;  // split_name's, reused

    // Merges what was added and drops what was dropped; both lists are in
    // document order, so this is a merge, not a sort of the big one.
    auto settle = [&] {
        auto before = [](const Mention& x, const Mention& y) {
            return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.span.end > y.span.end;
        };
        if (added.empty() && std::find(drop.begin(), drop.end(), true) == drop.end()) return;
        std::stable_sort(added.begin(), added.end(), before);
        if (settle_in_place(ms, added, drop, before)) return;
        std::vector<Mention> out;
        out.reserve(ms.size() + added.size() + kMentionSlack(ms.size()));
        size_t k = 0;
        for (size_t i = 0; i < ms.size(); ++i) {
            if (drop[i]) continue;
            while (k < added.size() && before(added[k], ms[i])) out.push_back(std::move(added[k++]));
            out.push_back(std::move(ms[i]));
        }
        while (k < added.size()) out.push_back(std::move(added[k++]));
        added.clear();
        ms = std::move(out);
        drop.assign(ms.size(), false);
    };

    // ---- 0. A wire or paper the story names ("(Continental Wire)" in its dateline) keeps its
    // whole name where a gazetteer knows only its first words: "polled by Continental Wire" is the
    // wire, not the tyre maker Continental (session 22).
    for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& m = ms[i];
        if (m.type != Type::org || m.kind != "media" || m.name.find(' ') == std::string::npos ||
            slice(m.span) != m.name)
            continue;
        for (size_t j = 0; j < ms.size(); ++j) {
            Mention& x = ms[j];
            const uint32_t end = x.span.begin + static_cast<uint32_t>(m.name.size());
            if (j == i || x.type != Type::org || x.name == m.name || x.span.end >= end || end > a.size() ||
                a.compare(x.span.begin, m.name.size(), m.name) != 0 || a[x.span.end] != ' ' ||
                (end < a.size() && (std::isalnum(static_cast<unsigned char>(a[end])) || a[end] == '-')))
                continue;
            // (no other mention inside the words it takes)
            if (j + 1 < ms.size() && ms[j + 1].span.begin < end && ms[j + 1].span.begin >= x.span.begin &&
                !(ms[j + 1].span.begin == x.span.begin))
                continue;
            x.span.end = end;
            x.name = m.name;
            x.kind = m.kind;
        }
    }

    // ---- 1. "Name (ACR)": the acronym in brackets right after an organisation.
    struct Known {
        std::string name, kind;
        uint32_t from;  // analysis offset after which the alias holds
    };
    std::unordered_map<std::string, Known> acronyms;
    std::vector<std::pair<std::string, Known>> redefined;  // a gazetteer alias the story defines otherwise
    // Defines acr as an alias of name from its closing bracket on, and makes it
    // an org mention unless an entity already starts there.
    auto define_acronym = [&](text::Span acr, const std::string& name, const std::string& kind) {
        acronyms[std::string(slice(acr))] = {name, kind, acr.end};
        auto at = std::lower_bound(ms.begin(), ms.end(), acr.begin,
                                   [](const Mention& x, uint32_t b) { return x.span.begin < b; });
        for (; at != ms.end() && at->span.begin == acr.begin; ++at)
            if (is_entity(*at)) return;
        Mention x;
        x.type = Type::org;
        x.span = x.context = acr;
        x.rule = kAcronymRule;
        x.name = name;
        x.kind = kind;
        added.push_back(std::move(x));
    };
    for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& m = ms[i];
        if (m.type != Type::org) continue;
        uint32_t p = m.span.end;
        while (p < a.size() && a[p] == ' ') ++p;
        if (p >= a.size() || a[p] != '(') continue;
        uint32_t b = p + 1, e = b;
        while (e < a.size() && e - b <= 10 && a[e] != ')' && !is_space(a[e])) ++e;
        if (e >= a.size() || a[e] != ')') continue;
        std::string_view acr(a.data() + b, e - b);
        // (or a short name in one capitalised word with the name's first letter: "Chilean Copper
        // Commission (Cochilco)", "Bank of Mexico (Banxico)")
        auto short_name = [&] {
            if (acr.size() < 4 || m.name.empty() || acr[0] < 'A' || acr[0] > 'Z' || acr[0] != m.name[0]) return false;
            for (size_t k = 1; k < acr.size(); ++k)
                if (acr[k] < 'a' || acr[k] > 'z') return false;
            return true;
        };
        // (session 22) "the Federal Statistical Office (Destatis)": a name found by its shape,
        // followed by a known organisation's one-word name in brackets, is that organisation (a
        // name several countries' bodies share is told apart by it); an acronym is not enough
        // ("Centraal Bureau (CBS)" is no broadcaster)
        if (!names::acronym_shape(acr) && acr.size() >= 4 && acr[0] >= 'A' && acr[0] <= 'Z' &&
            (m.rule == kOrgPatternRule || m.rule == kOrgPublicBodyRule) &&
            std::all_of(acr.begin() + 1, acr.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            if (const rules::GazetteerEntry* g = lex.alias(acr); g && g->name != m.name && !names::is_place_kind(g->kind)) {
                ms[i].name = g->name;
                ms[i].kind = g->kind;
                continue;
            }
        if (!names::acronym_shape(acr) && !short_name()) continue;
        if (const rules::GazetteerEntry* g = lex.alias(acr)) {
            // "Statistics Netherlands (CBS)": the story's own definition beats the gazetteer's
            // other holder of the letters (CBS News) from the bracket on
            if (g->name != m.name && !m.name.empty() && m.type == Type::org)
                redefined.push_back({std::string(acr), {m.name, m.kind, b}});
            continue;
        }
        define_acronym({b, e}, m.name, m.kind);
    }
    // A company found on its own under the short name before the story defines it ("Chile's state
    // miner Comina cuts ..." in the headline, then "Corporación Minera del Norte (Comina)") is the
    // organisation the definition names, there too.
    for (const auto& [acr, d] : acronyms)
        for (Mention& x : ms)
            if (x.type == Type::org && x.span.begin < d.from && x.name == acr && x.name != d.name) {
                x.name = d.name;
                x.kind = d.kind;
            }
    for (const auto& [acr, d] : redefined)
        for (Mention& x : ms)
            if (x.type == Type::org && x.span.begin >= d.from && x.span.size() == acr.size() &&
                a.compare(x.span.begin, acr.size(), acr) == 0) {
                x.name = d.name;
                x.kind = d.kind;
            }

    // ---- 1b. "Petroleo Brasileiro SA, known as Petrobras, reported": the name the story says
    // the organisation goes by is its name throughout (its other name's mentions take it).
    for (size_t i = 0; i + 1 < ms.size(); ++i) {
        const Mention& x = ms[i];
        if (x.type != Type::org || x.name.empty()) continue;
        size_t j = i + 1;
        while (j < ms.size() && ms[j].span.begin < x.span.end) ++j;
        if (j >= ms.size() || ms[j].type != Type::org || ms[j].name.empty() || ms[j].name == x.name) continue;
        std::string_view between(a.data() + x.span.end, ms[j].span.begin - x.span.end);
        if (between != ", known as " && between != ", also known as " && between != ", better known as " &&
            between != ", commonly known as ")
            continue;
        const std::string from = x.name, to = ms[j].name;
        for (Mention& y : ms)
            if (y.type == Type::org && y.name == from) y.name = to;
    }

    // ---- 1a. "Shenzhen-based Jinlong Automation", "Tata Motors-owned
    // Jaguar Land Rover": the known place or owner of a description that an
    // organisation's pattern took in and dropped.
    for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& o = ms[i];
        if (o.type != Type::org || o.span.begin < 2 || a[o.span.begin - 1] != ' ' ||
            !(o.context.begin < o.span.begin))
            continue;
        uint32_t e = o.span.begin - 1, b = e;
        while (b > o.context.begin && !is_space(a[b - 1])) --b;
        std::string_view w(a.data() + b, e - b);
        if (!Impl::descriptive_compound(w)) continue;
        uint32_t place_end = b + static_cast<uint32_t>(w.rfind('-'));
        // "Kong", then "Hong Kong", then three words
        uint32_t pb = b;
        bool known = false;
        for (int words = 0; words < 3 && pb >= o.context.begin; ++words) {
            if (const auto* entry = lex.resolve(slice({pb, place_end}))) {  // a place, or an owner: "Tata Motors-owned"
                Mention x;
                x.span = x.context = {pb, place_end};
                x.rule = kShortRefRule;
                if (im.set_entry(*entry, x)) added.push_back(std::move(x));
                known = true;
                break;
            }
            if (pb < o.context.begin + 2 || a[pb - 1] != ' ') break;
            pb -= 1;
            while (pb > o.context.begin && !is_space(a[pb - 1])) --pb;
        }
        // "Visp-based X": where a company is based is a place, known or not
        std::string_view tail = w.substr(w.rfind('-') + 1);
        if (!known && (tail == "based" || tail == "headquartered") && place_end > b &&
            names::capitalised(slice({b, place_end})) && !lex.not_name(slice({b, place_end}))) {
            Mention x;
            x.type = Type::place;
            x.span = x.context = {b, place_end};
            x.rule = kPlaceContextRule;
            x.name = std::string(slice(x.span));
            x.kind = "city";
            added.push_back(std::move(x));
        }
    }

    // ---- 1b. "Markus Mayer of Baader Bank", "Jane Foster at Capital
    // Economics": a person's name (a given name first) right before an
    // organisation's "of", "at" or "from" is a person who works there.
    for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& o = ms[i];
        if (o.type != Type::org || o.span.begin < 8) continue;
        // the word before the organisation
        uint32_t p = o.span.begin;
        if (a[p - 1] != ' ') continue;
        uint32_t pe = p - 1, pb = pe;
        while (pb > 0 && a[pb - 1] >= 'a' && a[pb - 1] <= 'z') --pb;
        std::string_view prep(a.data() + pb, pe - pb);
        // ... or a description between them: "of consultancy Addis Research", "at
        // Lagos-based brokerage Cordros", "at the research firm X" (up to three words)
        // (session 25: the whole word, so that a hyphenated description counts, and a known place
        // before a description: "of Dakar-based Teranga Capital", "of Zurich broker Seeland Securities")
        for (int skip = 0; skip < 3 && prep != "of" && prep != "at" && prep != "from"; ++skip) {
            uint32_t wb = pb;
            while (wb > 0 && !is_space(a[wb - 1])) --wb;
            if (wb < 2 || a[wb - 1] != ' ') break;
            bool describes = wb == pb && (prep == "the" || (!prep.empty() && prep.find_first_not_of(
                                                                                "abcdefghijklmnopqrstuvwxyz") == std::string_view::npos));
            describes = describes || im.descriptive_compound(std::string_view(a.data() + wb, pe - wb));
            for (size_t k = i; skip > 0 && !describes && k-- > 0;) {
                if (ms[k].span.end + 64 < wb) break;
                describes = ms[k].type == Type::place && ms[k].span.begin == wb && ms[k].span.end == pe;
            }
            if (!describes) break;
            pe = wb - 1;
            pb = pe;
            while (pb > 0 && a[pb - 1] >= 'a' && a[pb - 1] <= 'z') --pb;
            prep = std::string_view(a.data() + pb, pe - pb);
        }
        if (prep != "of" && prep != "at" && prep != "from") continue;
        // up to three capitalised words before it, single spaces apart
        std::vector<text::Span> ws;
        uint32_t e = pb;
        while (ws.size() < 3 && e > 1 && a[e - 1] == ' ') {
            uint32_t b = e - 1;
            while (b > 0 && !is_space(a[b - 1]) && a[b - 1] != '(' && a[b - 1] != '"') --b;
            if (b == e - 1) break;
            ws.insert(ws.begin(), text::Span{b, e - 1});
            e = b;
        }
        // the shortest run starting with a given name: "Markus Mayer", "Mary Ann Smith"
        if (ws.size() < 2) continue;
        std::optional<text::Span> name;
        // two or three name words the context marks as a person's, the longest run (before a
        // given name inside it picks a shorter one): "Prof. Yeah Kim Leng of Sunway
        // University", "Kunal Sodhani of Shinhan Bank said"
        for (size_t start = 0; !name && start + 2 <= ws.size(); ++start) {
            bool ok = im.person_shape_cue(a, ws[start].begin, o.span.end);
            for (size_t k = start; ok && k < ws.size(); ++k) {
                std::string_view w = slice(ws[k]);
                ok = names::person_word(w) && !lex.non_person(w) && !lex.suffix(w) && !lex.title(w) &&
                     !lex.honorific(w) && !lex.not_name(w) && !possessive(w) && w.back() != ',' && w.back() != '.';
            }
            if (ok) name = text::Span{ws[start].begin, ws.back().end};
        }
        for (size_t start = ws.size() - 1; start-- > 0 && !name;) {
            bool ok = lex.given_name(slice(ws[start])) && names::person_word(slice(ws[start]));
            for (size_t k = start + 1; ok && k < ws.size(); ++k) {
                std::string_view w = slice(ws[k]);
                ok = names::person_word(w) && !lex.non_person(w) && !lex.suffix(w) && !lex.title(w) &&
                     !possessive(w) && w.back() != ',' && w.back() != '.';
            }
            if (ok) name = text::Span{ws[start].begin, ws.back().end};
        }
        // any two name words after "said": "said Chidera Obiora of Meristem Securities"
        if (!name && ws.size() == 3 && (slice(ws[0]) == "said" || slice(ws[0]) == "says")) {
            bool ok = true;
            for (size_t k = 1; ok && k < 3; ++k) {
                std::string_view w = slice(ws[k]);
                ok = names::person_word(w) && !lex.non_person(w) && !lex.suffix(w) && !lex.title(w) && !possessive(w) &&
                     w.back() != ',' && w.back() != '.';
            }
            if (ok) name = text::Span{ws[1].begin, ws[2].end};
        }
        if (!name) continue;
        bool taken = false;
        for (size_t k = i; k-- > 0 && !taken;) {
            if (ms[k].span.begin + 256 < name->begin) break;  // (entities are shorter)
            taken = is_entity(ms[k]) && ms[k].span.overlaps(*name);
        }
        if (taken) continue;
        Mention x;
        x.type = Type::person;
        x.span = *name;
        x.context = {name->begin, o.span.end};  // the affiliation is the organisation (step 3)
        x.rule = kPersonOfRule;
        x.name = names::squeeze(slice(*name));
        added.push_back(std::move(x));
    }
    settle();

    // ---- 1c. Places listed beside a known one ("stores in Swindon, Reading
    // and Exeter", "silos in Nakuru and Kisumu"): the unknown names of the
    // list are places of the known one's kind (a city or a region; not a
    // country: "China and Huawei"). Each item is one to three capitalised
    // words; the last must end the list (punctuation or a preposition), so
    // "London and Marlow said" names no place.
    {
        std::vector<text::Span> taken;
        for (const Mention& m : ms)
            if (is_entity(m)) taken.push_back(m.span);
        auto is_taken = [&](text::Span s) {
            auto k = std::lower_bound(taken.begin(), taken.end(), s.end,
                                      [](const text::Span& x, uint32_t e) { return x.begin < e; });
            while (k != taken.begin()) {
                --k;
                if (k->end > s.begin) return true;
                if (k->begin + 256 < s.begin) break;
            }
            return false;
        };
        auto word_end = [&](uint32_t p) {
            while (p < a.size() && !is_space(a[p]) && a[p] != ',' && a[p] != '.' && a[p] != ';' && a[p] != ':' &&
                   a[p] != ')' && a[p] != '\'' && a[p] != '"')
                ++p;
            return p;
        };
        auto starts = [&](uint32_t p, std::string_view w) { return a.compare(p, w.size(), w) == 0; };
        auto ends_list = [&](uint32_t p) {
            if (p >= a.size() || std::strchr(".,;:)!?\"\n", a[p])) return true;
            if (a[p] != ' ') return false;
            uint32_t e = word_end(p + 1);
            std::string_view w(a.data() + p + 1, e - p - 1);
            for (std::string_view f : {"in", "on", "at", "to", "for", "from", "with", "by", "during", "until", "before",
                                       "after", "since", "where", "while", "which", "last", "this", "next"})
                if (w == f) return true;
            // "silos in Nakuru and Kisumu and stores in ...": a new clause
            if ((w == "and" || w == "but") && e + 1 < a.size() && a[e] == ' ' && a[e + 1] >= 'a' && a[e + 1] <= 'z')
                return true;
            return false;
        };
        // The end of a run of up to three capitalised name words from `p` (`p` is left at its
        // last word): no listed non-name, descriptive compound nor leading given name; a title
        // ends it too where `titles` is set. The run is empty (its end is `p`) when none.
        auto name_run = [&](uint32_t& p, bool titles) {
            uint32_t end = p;
            for (int n = 0; n < 3; ++n) {
                uint32_t we = word_end(p);
                std::string_view w(a.data() + p, we - p);
                if (we == p || !names::person_word(w) || lex.not_name(w) || (titles && lex.title(w)) ||
                    Impl::descriptive_compound(w) || (n == 0 && lex.given_name(w)))
                    break;
                end = we;
                if (we + 1 < a.size() && a[we] == ' ' && names::capitalised(std::string_view(a).substr(we + 1)))
                    p = we + 1;
                else
                    break;
            }
            return end;
        };
        for (size_t i = 0; i < ms.size(); ++i) {
            const Mention& m = ms[i];
            if (m.type != Type::place || (m.kind != "city" && m.kind != "region")) continue;
            uint32_t p = m.span.end;
            for (int items = 0; items < 6; ++items) {
                bool last = false;
                if (starts(p, ", and ")) p += 6, last = true;
                else if (starts(p, " and ")) p += 5, last = true;
                else if (starts(p, " or ")) p += 4, last = true;
                else if (starts(p, ", ")) p += 2;
                else break;
                const uint32_t b = p, end = name_run(p, false);
                if (end == b) break;
                text::Span run{b, end};
                bool closed = last ? ends_list(end) : (starts(end, ", ") || starts(end, " and ") || starts(end, " or "));
                if (!closed || is_taken(run) || lex.resolve(slice(run))) break;
                Mention x;
                x.type = Type::place;
                x.kind = m.kind;
                x.span = x.context = run;
                x.rule = kPlaceContextRule;
                x.name = names::squeeze(slice(run));
                added.push_back(std::move(x));
                p = end;
                if (last) break;
            }
        }
        // Companies listed after a known one ("Samsung, Hanwha Ocean and
        // Kestrel Marine", "arranged by Standard Chartered and Absa"): the
        // same scan; a company already found in the list is stepped over,
        // any other entity ends it. The last item must end the list as for
        // places, or be followed by a verb-like word in a list of three or
        // more ("..., Hanwha Ocean and Kestrel Marine booked"; "Samsung,
        // Hanwha and Chinese yards" names no company). A lone word that is
        // part of a person's name is no company ("Tesla and Musk.").
        std::unordered_set<std::string> person_words;
        for (const Mention& m : ms)
            if (m.type == Type::person)
                for (text::Span w : names::words(m.name, {0, static_cast<uint32_t>(m.name.size())}))
                    person_words.emplace(m.name.substr(w.begin, w.size()));
        auto verb_like = [&](uint32_t p) {
            if (p + 1 >= a.size() || a[p] != ' ') return false;
            uint32_t e = word_end(p + 1);
            std::string_view w(a.data() + p + 1, e - p - 1);
            if (w.size() > 3 && w.substr(w.size() - 2) == "ed") return true;
            for (std::string_view f : {"said", "say", "says", "have", "has", "are", "were", "will", "would", "could",
                                       "can", "all", "both", "each", "also", "together", "plan", "expect", "won"})
                if (w == f) return true;
            return false;
        };
        uint32_t listed_to = 0;  // end of the last company this scan added (a list seen from each known item)
        for (size_t i = 0; i < ms.size(); ++i) {
            const Mention& m = ms[i];
            // (a union named after "unions" heads a list of unions: "Unions FIOM-CGIL and Uilm")
            bool unions = m.rule == kOrgUnionRule && m.kind == "other";
            if (m.type != Type::org || (m.kind != "company" && !unions)) continue;
            // after "in", "at", "across" ... the list is of places ("offices in Alphabet, X and Y" is garbled text)
            if (m.span.begin >= 2 && a[m.span.begin - 1] == ' ') {
                text::Span wb{m.span.begin - 1, m.span.begin - 1};
                while (wb.begin > 0 && !is_space(a[wb.begin - 1])) --wb.begin;
                std::string_view pw = slice(wb);
                if (pw == "in" || pw == "at" || pw == "across" || pw == "near" || pw == "outside") continue;
            }
            uint32_t p = m.span.end;
            int items = 1;
            bool finished = false;
            std::vector<text::Span> unknown;
            for (int n = 0; n < 6 && !finished; ++n) {
                bool last = false;
                if (starts(p, ", and ")) p += 6, last = true;
                else if (starts(p, " and ")) p += 5, last = true;
                else if (starts(p, ", ")) p += 2;
                else break;
                ++items;
                // a known company of the list: step over it
                auto at = std::lower_bound(ms.begin(), ms.end(), p,
                                           [](const Mention& x, uint32_t b) { return x.span.begin < b; });
                if (at != ms.end() && at->span.begin == p && is_entity(*at)) {
                    if (at->type != Type::org || at->kind != m.kind) break;
                    p = at->span.end;
                    finished = last;
                    continue;
                }
                const uint32_t b = p, end = name_run(p, true);
                if (end == b) break;
                text::Span run{b, end};
                if (is_taken(run) || lex.resolve(slice(run))) break;
                if (last) {
                    if (!ends_list(end) && !((items >= 3 || unions) && verb_like(end))) break;
                    finished = true;
                } else if (!starts(end, ", ") && !starts(end, " and ")) {
                    break;
                }
                unknown.push_back(run);
                p = end;
            }
            if (!finished) continue;
            for (text::Span run : unknown) {
                std::string name = names::squeeze(slice(run));
                if (run.begin < listed_to) continue;
                if (name.find(' ') == std::string::npos &&
                    (person_words.count(name) || lex.family_first(name) || lex.given_name(name)))
                    continue;
                Mention x;
                x.type = Type::org;
                x.kind = m.kind;
                x.span = x.context = run;
                x.rule = unions ? kOrgUnionRule : kOrgContextRule;
                x.name = lex.strip_legal(name);
                listed_to = run.end;
                if (!x.name.empty()) added.push_back(std::move(x));
            }
        }
        // The same lists read backwards, an unknown name right before a known
        // one ("routes from Campinas and Recife", "Rumo and Cosan shipped"):
        // one to three capitalised words after a preposition (places) or
        // after a comma, a lower-case word or a sentence start (companies;
        // a lone word not at a sentence start), the known one ending the
        // list or followed by a verb-like word (companies).
        auto word_before = [&](uint32_t e) -> text::Span {  // the word ending at e
            uint32_t b = e;
            while (b > 0 && !is_space(a[b - 1])) --b;
            return {b, e};
        };
        for (size_t i = 0; i < ms.size(); ++i) {
            const Mention& m = ms[i];
            bool place = m.type == Type::place && (m.kind == "city" || m.kind == "region");
            bool company = m.type == Type::org && m.kind == "company";
            if (!place && !company) continue;
            uint32_t p = m.span.begin;
            if (p >= 5 && a.compare(p - 5, 5, " and ") == 0) p -= 5;
            else if (p >= 2 && a.compare(p - 2, 2, ", ") == 0) p -= 2;
            else continue;
            uint32_t end = p, b = p;
            for (int k = 0; k < 3 && b > 0; ++k) {
                text::Span w = word_before(b);
                std::string_view ws = slice(w);
                if (w.empty() || !names::person_word(ws) || lex.not_name(ws) || lex.title(ws) ||
                    Impl::descriptive_compound(ws) || ws.back() == ',' || ws.back() == '.')
                    break;
                b = w.begin;
                if (b == 0 || a[b - 1] != ' ') break;
                --b;  // the space before, for the next word
            }
            if (b < end && a[b] == ' ') ++b;
            if (b >= end) continue;
            text::Span run{b, end};
            // the first word must be able to start a name
            text::Span first = names::words(a, run).front();
            if (lex.given_name(slice(first))) continue;
            // what stands before the run
            bool sentence_start = b == 0 || a[b - 1] == '\n' || (b >= 2 && a[b - 1] == ' ' && std::strchr(".!?;:\"", a[b - 2]));
            text::Span before = b >= 2 && a[b - 1] == ' ' ? word_before(b - 1) : text::Span{b, b};
            std::string_view bw = slice(before);
            bool ok = false;
            if (place) {
                for (std::string_view f : {"in", "from", "at", "near", "to", "between", "across", "outside", "around"})
                    if (bw == f) ok = true;
            } else {
                bool single = names::words(a, run).size() == 1;
                bool lead = (b >= 2 && a[b - 2] == ',') ||
                            (!bw.empty() && names::lowercase_start(bw) && std::isalpha(static_cast<unsigned char>(bw.back())));
                ok = (lead || (sentence_start && !single)) && (ends_list(m.span.end) || verb_like(m.span.end));
                std::string name = names::squeeze(slice(run));
                if (single && (person_words.count(name) || lex.family_first(name))) ok = false;
            }
            if (!ok || is_taken(run) || lex.resolve(slice(run))) continue;
            if (std::any_of(added.begin(), added.end(), [&](const Mention& y) { return y.span.overlaps(run); }))
                continue;  // the forward scan took it ("Acme, X and Known")
            Mention x;
            x.type = m.type;
            x.kind = m.kind;
            x.span = x.context = run;
            x.rule = place ? kPlaceContextRule : kOrgContextRule;
            x.name = place ? names::squeeze(slice(run)) : lex.strip_legal(names::squeeze(slice(run)));
            if (!x.name.empty()) added.push_back(std::move(x));
        }
        settle();
    }

    // ---- 1d. A company's national or regional arm ("Thyssenkrupp Steel
    // Europe", "Hyundai Motor India", "Samsung Electronics America"): a
    // company right before a country or a continent-wide region, one space
    // apart, names the arm, not the place, also before a possessive ("Maruti
    // Suzuki India's sales", session 16); "Tesla, UK" and "Toyota Europe-wide"
    // stay apart: a comma between, a hyphen after.
    for (size_t i = 0; i < ms.size(); ++i) {
        Mention& o = ms[i];
        if (o.type != Type::org || o.kind != "company" || drop[i]) continue;
        if (o.span.end + 1 >= a.size() || a[o.span.end] != ' ') continue;
        for (size_t j = i + 1; j < ms.size() && ms[j].span.begin <= o.span.end + 1; ++j) {
            Mention& pl = ms[j];
            if (pl.span.begin != o.span.end + 1 || pl.type != Type::place) continue;
            static constexpr std::array<std::string_view, 12> kWide = {
                "Europe", "Asia", "Africa", "North America", "South America", "Latin America",
                "Middle East", "Asia-Pacific", "Southeast Asia", "Nordics", "Americas", "Oceania"};
            bool wide = pl.kind == "country" ||
                        (pl.kind == "region" && std::find(kWide.begin(), kWide.end(), pl.name) != kWide.end());
            uint32_t e = pl.span.end;
            // (a possessive after is the arm's: "Maruti Suzuki India's sales"; any other mark
            // joined to the place is not a name's end: "Europe-wide", "UK'")
            const bool possessive = (e + 1 < a.size() && a[e] == '\'' && a[e + 1] == 's') ||
                                    (e + 3 < a.size() && a.compare(e, 3, "\xE2\x80\x99") == 0 && a[e + 3] == 's');
            bool clean = e >= a.size() || possessive ||
                         (a[e] != '-' && a[e] != '\'' && !(a.compare(e, 3, "\xE2\x80\x99") == 0));
            if (!wide || !clean) break;
            o.span.end = o.context.end = e;
            o.name = lex.strip_legal(names::squeeze(slice(o.span)));
            drop[j] = true;
            break;
        }
    }
    settle();

    // ---- 2. Holders of sources that no entity rule found: the capitalised
    // words of the holder after the last entity in it ("Goldman Sachs' Jan
    // Hatzius" → Jan Hatzius). A pair that starts with a given name or a
    // family name is a person; other capitalised words name an organisation
    // ("Asia Trade Wire", "IG Metall"); a lone word is settled in step 3.
    {
        struct EntitySpan {
            text::Span span;
            long index;  // in ms, or -1 (added)
        };
        std::vector<EntitySpan> entity_spans;
        for (size_t i = 0; i < ms.size(); ++i)
            if (is_entity(ms[i])) entity_spans.push_back({ms[i].span, static_cast<long>(i)});
        for (const auto& m : added) entity_spans.push_back({m.span, -1});
        std::sort(entity_spans.begin(), entity_spans.end(),
                  [](const EntitySpan& x, const EntitySpan& y) { return x.span.begin < y.span.begin; });
        // "Van Loon" after "Pieter van Loon": lower-cased tails of the names
        // of people the entity rules found.
        std::unordered_set<std::string> person_tails;
        for (const auto& m : ms) {
            if (m.type != Type::person) continue;
            const std::vector<std::string_view>& ws = split_name(m.name, name_words_buf);
            for (size_t w = 1; w + 1 < ws.size(); ++w) person_tails.insert(names::lower(join(ws, w, ws.size())));
        }
        // "Mohd Uzir said" after "Mohd Uzir Mahidin": the first words of a person named before.
        auto head_of_person_before = [&](text::Span n) {
            const std::string_view x = slice(n);
            for (const Mention& p : ms) {
                if (p.span.begin >= n.begin) break;
                if (p.type == Type::person && p.name.size() > x.size() + 1 && p.name.compare(0, x.size(), x) == 0 &&
                    p.name[x.size()] == ' ')
                    return true;
            }
            return false;
        };
        // A name ending at `e` in 's (or ’s) that a verb of saying follows ("Penrose's said"): the
        // 's is the name's own, as in "Sainsbury's"; a possessive is followed by what it owns.
        auto possessive_name = [&](uint32_t e) {
            static const std::unordered_set<std::string_view> verbs = {
                "said", "says", "told", "tells", "reported", "reports", "announced", "added", "expects", "warned"};
            uint32_t p = e;
            if (p < a.size() && a[p] == ' ') ++p;
            uint32_t q = p;
            while (q < a.size() && a[q] >= 'a' && a[q] <= 'z') ++q;
            return q > p && verbs.count(std::string_view(a.data() + p, q - p)) > 0;
        };
        for (const auto& s : ms) {
            if (s.type != Type::source || !s.holder || s.note == kUnnamedHolder || im.info(s.rule).known_holder) continue;
            text::Span h = *s.holder;
            uint32_t from = h.begin;
            const text::Span* before = nullptr;
            long before_index = -1;
            auto first = std::lower_bound(entity_spans.begin(), entity_spans.end(), h.begin,
                                          [](const EntitySpan& x, uint32_t b) { return x.span.begin < b; });
            for (int back = 0; back < 4 && first != entity_spans.begin(); ++back) --first;
            for (auto it = first; it != entity_spans.end(); ++it) {
                const text::Span& es = it->span;
                if (es.begin >= h.end) break;
                if (es.end > h.begin && es.end <= h.end) {
                    from = std::max(from, es.end);
                    before = &es;
                    before_index = it->index;
                } else if (es.overlaps(h) && es.end > h.end) {
                    from = h.end;
                }
            }
            std::vector<text::Span> ws = im.name_words(a, {from, h.end});
            size_t k = 0;
            while (k < ws.size() && (!names::capitalised(slice(ws[k])) || lex.not_name(slice(ws[k])) ||
                                     lex.honorific(slice(ws[k])) || lex.title(slice(ws[k]))))
                ++k;
            if (k >= ws.size() || ws.size() - k > 5) continue;
            // Source holder words: trailing lower-case words are descriptions
            // ("the IG Metall union"), not names.
            size_t end = ws.size();
            // A bracket ends the name: "The Malaysian Palm Oil Board (MPOB)
            // said"; an acronym in it is the name's alias, as in step 1.
            std::optional<text::Span> acronym;
            for (size_t j = k + 1; j < end; ++j) {
                if (a[ws[j].begin - 1] != '(') continue;
                if (j + 1 == end && ws[j].end < a.size() && a[ws[j].end] == ')' &&
                    names::acronym_shape(slice(ws[j])) && !lex.alias(slice(ws[j])))
                    acronym = ws[j];
                end = j;
                break;
            }
            while (end > k && !names::capitalised(slice(ws[end - 1]))) --end;
            if (end <= k) continue;
            bool capitals = true, person_shaped = true;
            // "Controller General of Accounts": "of", "for" (and "the" after
            // them) join the words of one name, unless it starts like a
            // person's ("Tom Brill of Kestrel").
            bool joins = !lex.given_name(slice(ws[k]));
            // ... nor two person-shaped words before a lone "of" and a name ("said Sally Tindall
            // of Canstar": the person, who works there; step 1b reads the affiliation)
            auto person_word_at = [&](size_t j) {
                std::string_view w = slice(ws[j]);
                return names::capitalised(w) && names::person_word(w) && !lex.non_person(w) && !lex.suffix(w) &&
                       !lex.title(w) && !lex.not_name(w);
            };
            if (joins && end - k >= 4 && slice(ws[k + 2]) == "of" && person_word_at(k) && person_word_at(k + 1) &&
                names::capitalised(slice(ws[k + 3])))
                joins = false, end = k + 2;
            for (size_t j = k; j < end; ++j) {
                std::string_view w = slice(ws[j]);
                if (j > k && j + 1 < end && lex.particle(w)) continue;
                if (joins && j > k && j + 1 < end &&
                    (w == "of" || w == "for" ||
                     (w == "the" && (slice(ws[j - 1]) == "of" || slice(ws[j - 1]) == "for")))) {
                    person_shaped = false;
                    continue;
                }
                if (!names::capitalised(w) && !(w.size() > 0 && w[0] >= '0' && w[0] <= '9')) capitals = false;
                if (!names::person_word(w) || lex.non_person(w) || lex.suffix(w)) person_shaped = false;
            }
            if (!capitals) continue;
            text::Span name{ws[k].begin, ws[end - 1].end};
            // a trailing possessive mark: ' or U+2019
            if (name.size() > 1 && a[name.end - 1] == '\'') name.end -= 1;
            else if (name.size() > 3 && a.compare(name.end - 3, 3, "\xE2\x80\x99") == 0) name.end -= 3;
            // ... or 's, unless the whole is a name ("Halden's figures showed" → Halden; "McDonald's")
            // or a verb of saying follows it: "Penrose's said" is a grocer named with its
            // possessive, as "Sainsbury's" is, not a possessive
            else if (!lex.resolve(slice(name)) && !possessive_name(name.end)) {
                if (name.size() > 2 && a.compare(name.end - 2, 2, "'s") == 0) name.end -= 2;
                else if (name.size() > 4 && a.compare(name.end - 4, 4, "\xE2\x80\x99s") == 0) name.end -= 4;
            }
            if (name.empty() || lex.resolve(slice(name))) continue;  // known after all
            std::string_view first_word = slice(ws[k]);
            bool person = person_shaped && end - k >= 2 &&
                          (lex.given_name(first_word) || lex.family_first(first_word) ||
                           initials_word(first_word) || head_of_person_before(name));
            bool single = person_shaped && end - k == 1;
            if (end - k == 1 && (lex.suffix(first_word) || lex.group_noun(first_word)))
                continue;  // "The Group said": a reference; "Policymakers warn": a group
            // "The Norwegian central bank said", "the German carmaker": a demonym before the
            // holder's lower-case noun describes a reference; it names no organisation
            // (so does a compound of demonyms: "The Dutch-American company said")
            auto demonymic = [&](std::string_view w) {
                if (lex.non_person(w)) return true;
                if (w.find('-') == std::string_view::npos) return false;
                for (size_t b = 0; b <= w.size();) {
                    size_t e = std::min(w.find('-', b), w.size());
                    if (e == b || !lex.non_person(w.substr(b, e - b))) return false;
                    b = e + 1;
                }
                return true;
            };
            if (end - k == 1 && end < ws.size() && demonymic(first_word)) continue;
            bool after_org = before && before_index >= 0 && ms[before_index].type == Type::org;
            if (end - k == 1 && after_org) continue;  // "CME Group's FedWatch tool": a product
            if (!person && person_shaped && end - k >= 2 &&
                (im.info(s.rule).person_holder || person_tails.count(names::lower(slice(name))) ||
                 a.compare(name.end, 6, ", who ") == 0 || a.compare(name.end, 5, ", of ") == 0 ||
                 im.role_after(a, h.end)))
                person = true;  // "said Sabine Roth, the union's district leader"; "Van Loon"; "Tomoko Hayashi, who heads";
                                // "Shaun Cathcart, the association's senior economist, said"

            Mention p;
            p.span = name;
            p.context = before && (person || single) ? text::Span{before->begin, name.end} : name;
            p.rule = kHolderRule;
            p.name = names::squeeze(slice(name));
            if (person || single) {
                p.type = Type::person;  // a lone word: a person if step 3 knows the name
            } else {
                p.type = Type::org;
                const auto* suffix = lex.suffix(slice(ws[end - 1]));
                // (an industry word says least: "the Ministry of Investment said" is a ministry)
                if (suffix && suffix->industry)
                    for (size_t j = end - 1; j-- > k;)  // (the name's own words, ws[k, end))
                        if (const auto* s = lex.suffix(slice(ws[j])); s && !s->industry && !s->kind.empty()) {
                            suffix = s;
                            break;
                        }
                p.kind = suffix && !suffix->kind.empty() ? suffix->kind : "company";
                // A noun for a kind of body right after the name says what
                // it is: "the FIM-CISL union said" (other), "the Kestrel
                // association said".
                if (!suffix || suffix->kind.empty()) {
                    uint32_t nb = name.end;
                    while (nb < a.size() && a[nb] == ' ') ++nb;
                    uint32_t ne = nb;
                    while (ne < a.size() && std::isalpha(static_cast<unsigned char>(a[ne]))) ++ne;
                    if (ne > nb && nb > name.end)
                        if (const auto* kinds = reference_kinds_of(names::lower(std::string_view(a.data() + nb, ne - nb))))
                            if (!kinds->empty() && ((*kinds)[0] == "other" || (*kinds)[0] == "agency" ||
                                                    (*kinds)[0] == "think_tank" || (*kinds)[0] == "media"))
                                p.kind = (*kinds)[0];
                }
                // A place right before the name is part of it: "Asia Trade
                // Wire", "China Index Academy".
                if (before && before_index >= 0 && ms[before_index].type == Type::place &&
                    only_gap(a, before->end, name.begin, {}) && name.begin - before->end == 1) {
                    drop[before_index] = true;
                    p.span.begin = before->begin;
                    p.context = p.span;
                    p.name = names::squeeze(slice(p.span));
                }
                p.name = lex.strip_legal(p.name);
                if (auto d = acronyms.find(p.name); d != acronyms.end() && d->second.from <= p.span.begin) {
                    p.name = d->second.name;  // "MPOB data showed", after the definition
                    p.kind = d->second.kind;
                }
                if (acronym) define_acronym(*acronym, p.name, p.kind);
            }
            added.push_back(std::move(p));
        }
    }
    settle();

    // ---- 2b. Institutions named by one bare word ("the Treasury", "the
    // Centre"): the institution named in full with that last word ("US
    // Treasury", "Securities and Exchange Commission"; the nearest before,
    // else the first after), else the reading of bare_institutions.tsv whose
    // places and organisations the document names most, else its "*"
    // reading, else no mention.
    {
        std::vector<size_t> bare_idx;
        // (and a ministry named by its field in title case, "The Economy Ministry said", found by
        // its shape: the country's own ministry where the table has one, else it stays as found —
        // session 22)
        auto titled_ministry = [&](const Mention& m) {
            return m.type == Type::org && m.rule == kOrgPatternRule && m.name.rfind("Ministry of ", 0) == 0 &&
                   m.span.size() > 9 && slice(m.span).substr(m.span.size() - 9) == " Ministry" &&
                   slice(m.span).find(' ') == m.span.size() - 9;
        };
        for (size_t i = 0; i < ms.size(); ++i)
            if (ms[i].type == Type::org && (ms[i].rule == kBareRule || titled_ministry(ms[i]))) bare_idx.push_back(i);
        std::unordered_map<std::string, int> named;  // canonical name → mentions
        if (!bare_idx.empty())
            for (const Mention& m : ms)
                if (is_entity(m) && m.rule != kBareRule) ++named[m.name];
        // The reading whose context names `counts` holds most (the first on a tie), or null.
        auto most_named_reading = [](const std::vector<BareReading>& readings, const auto& counts) -> const BareReading* {
            const BareReading* top = nullptr;
            int top_n = 0;
            for (const BareReading& r : readings) {
                int n = 0;
                for (const std::string& c : r.context)
                    if (auto f = counts.find(c); f != counts.end()) n += f->second;
                if (n > top_n) {
                    top = &r;
                    top_n = n;
                }
            }
            return top;
        };
        for (size_t i : bare_idx) {
            Mention& m = ms[i];
            if (m.rule != kBareRule) {
                const std::vector<BareReading>* readings = im.bare.find(names::lower(slice(m.span)));
                if (!readings) continue;
                if (const BareReading* top = most_named_reading(*readings, named)) {
                    m.name = top->name;
                    m.kind = top->kind;
                }
                continue;
            }
            const Mention* full = nullptr;
            for (const Mention& o : ms) {
                if (o.type != Type::org || o.rule == kBareRule || o.name.size() <= m.name.size() + 1) continue;
                size_t at = o.name.size() - m.name.size();
                if (o.name.compare(at, m.name.size(), m.name) != 0 || o.name[at - 1] != ' ') continue;
                if (o.span.begin < m.span.begin) {
                    full = &o;
                } else {
                    if (!full) full = &o;
                    break;
                }
            }
            if (full) {
                m.name = full->name;
                m.kind = full->kind;
                continue;
            }
            const BareReading* best = nullptr;
            // (a word the table keeps in lower case may open a sentence: "Customs data showed")
            const std::vector<BareReading>* readings = im.bare.find(m.name);
            if (!readings) readings = im.bare.find(names::lower(m.name));
            if (readings) {
                // (the mention's own paragraph first: "In Bangkok, the agriculture ministry ..." in a
                // story that names India more often is Thailand's ministry)
                const size_t para = text.paragraph_index(m.span.begin);
                std::unordered_map<std::string_view, int> near;
                for (const Mention& o : ms)
                    if (is_entity(o) && o.rule != kBareRule && text.paragraph_index(o.span.begin) == para) ++near[o.name];
                best = most_named_reading(*readings, near);
                if (!best) best = most_named_reading(*readings, named);
                if (!best)  // (else the last "*" reading)
                    for (const BareReading& r : *readings)
                        if (std::find(r.context.begin(), r.context.end(), "*") != r.context.end()) best = &r;
            }
            if (!best) {
                drop[i] = true;
                continue;
            }
            m.name = best->name;
            m.kind = best->kind;
        }
    }
    settle();

    // Initials of organisation names: "ABS" after "Australian Bureau of
    // Statistics" (used for holders below and for the scan of step 5).
    struct OrgKey {
        std::string text;  // the form in the running text ("Kessler", "Commission", "ABS")
        std::string name, kind;
        uint32_t at;       // where the organisation was named
        bool after_the;    // only as "the Commission"
    };
    std::unordered_map<std::string, OrgKey> initials;
    for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& m = ms[i];
        if (m.type != Type::org || m.name.empty()) continue;
        const std::vector<std::string_view>& ws = split_name(m.name, name_words_buf);
        if (ws.size() < 2) continue;
        std::string ini;
        for (std::string_view w : ws)
            if (names::capitalised(w) && w.find('.') == std::string_view::npos) ini += w[0];
        // (the key is built only for initials not yet taken: the first organisation keeps them)
        if (ini.size() >= 2 && !initials.count(ini) && !lex.alias(ini))
            initials.emplace(ini, OrgKey{ini, m.name, m.kind, m.span.begin, false});
    }

    // ---- 3. People: affiliation, then the first introduction of each person.
    struct Person {
        std::string role, affiliation;
    };
    std::unordered_map<std::string, Person> people;
    // Short forms of people: token → (full name, offset of the introduction).
    std::unordered_map<std::string, std::pair<std::string, uint32_t>> short_refs;
    // Family name → the full name mentioned last (for a name two people share).
    std::unordered_map<std::string, std::string> last_named;
    // "van loon" → "Pieter van Loon": lower-cased tails of full names.
    std::unordered_map<std::string, std::string> name_tails;
    // "Mohd Uzir" → "Mohd Uzir Mahidin": the first two words of three-word and longer names.
    std::unordered_map<std::string, std::string> name_heads;
    std::vector<size_t> org_idx;
    for (size_t i = 0; i < ms.size(); ++i)
        if (ms[i].type == Type::org && !ms[i].name.empty()) org_idx.push_back(i);
    // " at Lagos-based brokerage ", " of consultancy ", " at the research firm ": "at", "of" or
    // "from", then up to three words that describe the organisation after them.
    auto described_gap = [&](uint32_t b, uint32_t e) {
        if (e <= b || e - b > 60) return false;
        std::vector<text::Span> ws = names::words(a, {b, e});
        if (ws.size() < 2 || ws.size() > 4) return false;
        std::string_view p = slice(ws[0]);
        if (p != "at" && p != "of" && p != "from") return false;
        for (size_t k = 1; k < ws.size(); ++k) {
            std::string_view w = slice(ws[k]);
            bool lower = w.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
            if (!lower && !im.descriptive_compound(w)) return false;
        }
        return true;
    };
    auto affiliation_of = [&](const Mention& p) -> std::string {
        const text::Span c = p.context;
        // An organisation inside the context ("Jerome Powell, the Fed chair"),
        // the nearest one before the name first.
        const Mention* inside_before = nullptr;
        const Mention* inside_after = nullptr;
        const Mention* adjacent = nullptr;
        // Organisations are shorter than 512 bytes: start the walk there.
        auto first = std::lower_bound(org_idx.begin(), org_idx.end(), c.begin > 512 ? c.begin - 512 : 0,
                                      [&](size_t x, uint32_t b) { return ms[x].span.begin < b; });
        for (auto oit = first; oit != org_idx.end(); ++oit) {
            const Mention& o = ms[*oit];
            if (c.contains(o.span) && !o.span.overlaps(p.span)) {
                if (o.span.end <= p.span.begin) inside_before = &o;
                else if (!inside_after) inside_after = &o;
            } else if (o.span.end <= c.begin &&
                       only_gap(a, o.span.end, c.begin, {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"})) {
                adjacent = &o;  // "Alibaba CEO Eddie Wu"
            } else if (o.span.begin >= c.end && !adjacent &&
                       (only_gap(a, c.end, o.span.begin,
                                 {"the", "The", "at", "at the", "of", "of the", "with", "with the", "for", "for the",
                                  "from", "from the", "in", "in the"}) ||
                        described_gap(c.end, o.span.begin))) {
                adjacent = &o;  // "economist at the IMF", "at Lagos-based brokerage Cordros Securities"
            }
            if (o.span.begin > c.end + 8) break;
        }
        const Mention* o = inside_before ? inside_before : inside_after ? inside_after : adjacent;
        return o ? o->name : "";
    };
    // "The bank's chief financial officer, Leanne Hurst", "its chief
    // executive, Oliver Grant": the last organisation named before of a kind
    // the noun can stand for (rules/sources/references.tsv; "its": any).
    auto referred_employer = [&](const Mention& p) -> std::string {
        uint32_t e = std::min(p.context.begin, p.span.begin);
        // "Dana Peterson, the group's chief economist": the possessive in
        // the apposition after the name
        if (p.context.end > p.span.end) {
            std::string_view after(a.data() + p.span.end, p.context.end - p.span.end);
            size_t at = after.find("'s ");
            if (at == std::string_view::npos) at = after.find("\xE2\x80\x99s ");
            if (at != std::string_view::npos) {
                e = p.span.end + static_cast<uint32_t>(at);
                while (e < p.context.end && a[e] != ' ') ++e;  // after the possessive
            }
        }
        while (e > 0 && a[e - 1] == ' ') --e;
        uint32_t b = e;
        while (b > 0 && !is_space(a[b - 1])) --b;
        std::string w = names::lower(slice({b, e}));
        const std::vector<std::string>* kinds = nullptr;
        if (w != "its") {
            std::string_view noun(w);
            if (noun.size() > 2 && noun.substr(noun.size() - 2) == "'s") noun.remove_suffix(2);
            else if (noun.size() > 4 && noun.substr(noun.size() - 4) == "\xE2\x80\x99s") noun.remove_suffix(4);
            else return "";
            // the word before: "the", or a modifier after "the" ("the central bank's", "the Australian lender's")
            uint32_t pe = b;
            while (pe > 0 && a[pe - 1] == ' ') --pe;
            uint32_t pb = pe;
            while (pb > 0 && !is_space(a[pb - 1])) --pb;
            std::string prev = names::lower(slice({pb, pe}));
            if (prev != "the") {
                auto two = reference_kinds_of(prev + " " + std::string(noun));
                uint32_t qe = pb;
                while (qe > 0 && a[qe - 1] == ' ') --qe;
                uint32_t qb = qe;
                while (qb > 0 && !is_space(a[qb - 1])) --qb;
                if (names::lower(slice({qb, qe})) != "the") return "";
                kinds = two ? two : reference_kinds_of(std::string(noun));
            } else {
                kinds = reference_kinds_of(std::string(noun));
            }
            if (!kinds) return "";
        }
        const Mention* best = nullptr;
        for (size_t x : org_idx) {
            const Mention& o = ms[x];
            if (o.span.begin >= b) break;
            if (o.span.begin > 0 && a[o.span.begin - 1] == '(') continue;  // "(LSE: ZPH)": a ticker's exchange
            if (!kinds || std::find(kinds->begin(), kinds->end(), o.kind) != kinds->end()) best = &o;
        }
        return best ? best->name : "";
    };
    auto lower_name = [](const std::string& n) { return names::lower(n); };
    // The family names of the people introduced anywhere in the document (one person's each):
    // a headline's "..., Dubois says" before "Finance Minister Marie Dubois said" in the lead.
    std::unordered_map<std::string, std::string> family_of;
    for (const Mention& m : ms) {
        if (m.type != Type::person || m.name.find(' ') == std::string::npos) continue;
        const std::vector<std::string_view>& ws = split_name(m.name, name_words_buf);
        const bool family_first = im.family_name_first(ws);
        auto [f, fresh] = family_of.try_emplace(std::string(family_first ? ws.front() : ws.back()), m.name);
        if (!fresh && f->second != m.name) f->second.clear();
    }
    // A lone word holding a statement ("Galípolo said") that no person mention introduced
    // may still be the family name of a person the text named earlier with no cue the entity
    // rules know ("Gabriel Galípolo, who takes over as governor in January, voted ..."): the
    // first "<Name> <word>" before it, the name a given name or a plain capitalised word that
    // is no title, description or part of an organisation or place. Empty when none.
    auto unrecognised_introduction = [&](const Mention& m) -> std::string {
        const std::string_view w = m.name;
        if (w.size() < 3) return {};
        for (size_t at = a.find(w); at != std::string::npos && at < m.span.begin; at = a.find(w, at + 1)) {
            const size_t e = at + w.size();
            if (e < a.size() && std::isalpha(static_cast<unsigned char>(a[e]))) continue;
            // (a possessive name is more often a company's: "British Geological Plains's IPO")
            if (a.compare(e, 2, "'s") == 0 || a.compare(e, 4, "\xE2\x80\x99s") == 0) continue;
            if (at < 3 || a[at - 1] != ' ') continue;
            size_t b = at - 1;
            while (b > 0 && !is_space(a[b - 1])) --b;
            const std::string_view g(a.data() + b, at - 1 - b);
            if (g.empty() || !names::person_word(g) || lex.non_person(g) || lex.not_name(g) || lex.title(g) ||
                lex.honorific(g) || lex.suffix(g) || possessive(g) || g.find('-') != std::string_view::npos ||
                g.back() == ',' || g.back() == '.')
                continue;
            // (a given name, or a word the text never writes in lower case: "Statistics" is a noun)
            if (!lex.given_name(g) && !lex.family_first(g) && a.find(names::lower(g)) != std::string::npos) continue;
            const text::Span pair{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
            bool taken = false;
            for (const Mention& o : ms) {
                if (o.span.begin >= pair.end) break;
                // (a given name that is also a place's: "Santiago Bausili", "Florence Mwangi")
                const bool given_place = o.type == Type::place && o.span.begin == pair.begin &&
                                         o.span.end == static_cast<uint32_t>(at - 1) && lex.given_name(g);
                taken |= &o != &m && o.type != Type::person && is_entity(o) && o.span.overlaps(pair) && !given_place;
            }
            if (!taken) return names::squeeze(slice(pair));
        }
        return {};
    };
    for (size_t i = 0; i < ms.size(); ++i) {
        Mention& m = ms[i];
        if (m.type != Type::person) continue;
        if (m.affiliation.empty() && (!(m.context == m.span) || !m.role.empty())) m.affiliation = affiliation_of(m);
        if (m.affiliation.empty() && !m.role.empty()) m.affiliation = referred_employer(m);
        bool single = m.name.find(' ') == std::string::npos;
        if (single) {
            auto it = short_refs.find(m.name);
            if (it != short_refs.end() && !it->second.first.empty()) {
                m.name = it->second.first;
            } else if (auto l = last_named.find(m.name); it != short_refs.end() && l != last_named.end()) {
                m.name = l->second;  // two people share the family name: the one named last ("Harper said")
            } else if (auto f = family_of.find(m.name); m.rule == kHolderRule && f != family_of.end() && !f->second.empty()) {
                m.name = f->second;  // introduced further down ("..., Dubois says" in a headline)
            } else if (std::string full = m.rule == kHolderRule ? unrecognised_introduction(m) : std::string();
                       !full.empty()) {
                m.name = std::move(full);  // "Gabriel Galípolo, who takes over ...": later "Galípolo said"
            } else if (m.rule == kHolderRule) {
                // A lone capitalised word before "said" that names no person
                // introduced before: an organisation ("Helvora reported"), or
                // the initials of one named before ("the ABS said").
                m.type = Type::org;
                m.kind = "company";
                m.role.clear();
                m.affiliation.clear();
                if (auto ini = initials.find(m.name); ini != initials.end() && ini->second.at < m.span.begin) {
                    m.name = ini->second.name;
                    m.kind = ini->second.kind;
                }
                continue;
            } else if (im.info(m.rule).single == "known") {
                drop[i] = true;
                continue;
            }
        } else if (!people.count(m.name)) {
            // "Van Loon" after "Pieter van Loon"; "Mohd Uzir" after "Mohd Uzir Mahidin"
            if (auto t = name_tails.find(lower_name(m.name)); t != name_tails.end()) m.name = t->second;
            else if (auto h = name_heads.find(m.name); h != name_heads.end() && !h->second.empty()) m.name = h->second;
        }
        auto [it, fresh] = people.try_emplace(m.name, Person{m.role, m.affiliation});
        if (!fresh) {
            if (it->second.role.empty()) it->second.role = m.role;
            if (it->second.affiliation.empty()) it->second.affiliation = m.affiliation;
        }
        if (m.name.find(' ') != std::string::npos) {
            const std::vector<std::string_view>& ws = split_name(m.name, name_words_buf);
            bool family_first = im.family_name_first(ws);
            last_named[std::string(family_first ? ws.front() : ws.back())] = m.name;
        }
        if (fresh && single && m.rule != kHolderRule) {
            short_refs.try_emplace(m.name, m.name, m.span.end);  // "President Biden", later "Biden"
        } else if (fresh && !single) {
            // Short forms: the family name — first for "Chen Wenling", last
            // for "Eddie Wu" — and "Wu" in "Mr Wu".
            const std::vector<std::string_view>& ws = split_name(m.name, name_words_buf);
            std::string_view first = ws.front();
            std::string_view last = ws.back();
            bool first_is_family = im.family_name_first(ws);
            auto add_key = [&](std::string_view k) {
                auto [s, new_key] = short_refs.try_emplace(std::string(k), m.name, m.span.end);
                if (!new_key && s->second.first != m.name) s->second.first.clear();  // two people share it
            };
            add_key(first_is_family ? first : last);
            // "Abdulaziz bin Salman" is "Abdulaziz" later on.
            bool particle = false;
            for (size_t w = 1; w + 1 < ws.size(); ++w)
                if (lex.particle(ws[w])) particle = true;
            if (particle && !first_is_family) add_key(first);
            for (size_t w = 1; w + 1 < ws.size(); ++w) name_tails.emplace(lower_name(join(ws, w, ws.size())), m.name);
            // (a Malay name's short form is its first two words: "Mohd Uzir Mahidin" → "Mohd Uzir";
            // empty when two people share them)
            if (ws.size() >= 3) {
                auto [hd, new_head] = name_heads.try_emplace(join(ws, 0, 2), m.name);
                if (!new_head && hd->second != m.name) hd->second.clear();
            }
        }
    }
    for (size_t i = 0; i < ms.size(); ++i) {
        Mention& m = ms[i];
        if (m.type != Type::person || drop[i]) continue;
        auto it = people.find(m.name);
        if (it == people.end()) continue;
        if (m.role.empty()) m.role = it->second.role;
        if (m.affiliation.empty()) m.affiliation = it->second.affiliation;
    }

    // ---- 4. Short forms of organisations.
    std::unordered_map<std::string, std::vector<OrgKey>> org_keys;  // first token → keys
    std::unordered_map<std::string, std::string> full_company;      // short form → discovered name ("" when two)
    std::unordered_map<std::string, std::string> first_company;     // short form → the first company it began
    auto add_org_key = [&](OrgKey k) {
        std::string first = k.text.substr(0, k.text.find(' '));
        org_keys[first].push_back(std::move(k));
    };
    for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& m = ms[i];
        if (m.type != Type::org || drop[i] || m.name.empty()) continue;
        const std::vector<std::string_view>& ws = split_name(m.name, name_words_buf);
        // (an exchange that is a business of its own has short forms as a company has:
        // "Norvik Crypto Exchange" is "Norvik" later; a stock exchange's first word is a place
        // the gazetteers know, which gives none)
        const bool company = m.kind == "company" || m.kind == "exchange";
        // (names the gazetteers know are found by them wherever they occur)
        bool discovered = (m.rule == kOrgPatternRule || m.rule == kOrgPrefixRule || m.rule == kOrgPublicBodyRule ||
                           m.rule == kOrgAppositionRule || m.rule == kHolderRule || m.rule == kOrgContextRule ||
                           m.rule == kOrgTickerRule || m.rule == kOrgItsRule || m.rule == kOrgLeadRule) &&
                          !lex.alias(m.name);
        // (a name of two or more words too: "Volta Nord wins" in a headline, "Volta Nord's
        // factory", after "cable maker Volta Nord")
        if (discovered && (ws.size() == 1 || company))
            add_org_key({m.name, m.name, m.kind, m.span.begin, false});
        // (a name with its own 's, "Penrose's", is found by the word before the 's: "on Penrose's
        // as", "Penrose's share slipped")
        if (discovered && company && m.rule == kHolderRule) {
            std::string_view n = m.name;
            size_t cut = n.size() > 2 && n.substr(n.size() - 2) == "'s"                  ? n.size() - 2
                         : n.size() > 4 && n.substr(n.size() - 4) == "\xE2\x80\x99s" ? n.size() - 4
                                                                                       : 0;
            if (cut > 0) add_org_key({std::string(n.substr(0, cut)), m.name, m.kind, m.span.begin, false});
        }
        // A short form names this company alone unless another company has it too.
        auto note_full = [&](std::string short_form) {
            first_company.try_emplace(short_form, m.name);
            auto [f, fresh] = full_company.try_emplace(std::move(short_form), m.name);
            if (!fresh && f->second != m.name) f->second.clear();
        };
        // A company introduced with its legal suffix ("Hoshida Corp", "Kirin
        // Valley Corp") is a company in its own right: a unit named after it
        // later ("Hoshida Logistics", "Kirin Valley Estates") shares the short
        // form, and does not take it.
        if (discovered && company && m.span.size() > m.name.size() + 1 &&
            a.compare(m.span.begin, m.name.size(), m.name) == 0 && a[m.span.begin + m.name.size()] == ' ')
            note_full(m.name);
        if (discovered && company && ws.size() >= 2) {
            // Its first word, where another rule finds it alone ("Haeon
            // said" after "Haeon Marine"), is renamed in step 6; the scan
            // below does not look for it (a first word alone is too weak).
            if (names::capitalised(ws[0]) && !lex.alias(ws[0])) note_full(std::string(ws[0]));
            size_t end = ws.size();
            // (the forms of two words or more on the way: "Meranti Land" of "Meranti Land
            // Holdings", whose shortest form is "Meranti"; session 14, names14)
            std::vector<size_t> between;
            while (end > 1) {
                // a two-word industry word: "Halden Building Society" is "Halden"
                if (end > 2) {
                    const names::Suffix* two = lex.suffix(join(ws, end - 2, end));
                    // (or of the company's own kind at the end: "Liwa Crescent Investment
                    // Authority" is "Liwa Crescent", as "Kestrel Bank" is "Kestrel")
                    if (two && (two->industry || (end == ws.size() && two->kind == m.kind))) {
                        // (and the form without its last word when that word is an industry word
                        // alone: "Pellam Rail" of "Pellam Rail Freight", "Oda Financial" of "Oda
                        // Financial Services")
                        if (const names::Suffix* one = lex.suffix(ws[end - 1]); one && one->industry && end - 1 >= 2)
                            between.push_back(end - 1);
                        end -= 2;
                        if (end >= 2) between.push_back(end);
                        continue;
                    }
                }
                const names::Suffix* s = lex.suffix(ws[end - 1]);
                // a company's last word of its own kind: "Kestrel Bank" is "Kestrel"
                bool own_kind = s && end == ws.size() && s->kind == m.kind;
                if (!s || !(s->industry || s->group || s->legal || own_kind)) break;
                --end;
                if (end >= 2) between.push_back(end);
            }
            for (size_t e : between)
                if (e > end && !lex.alias(join(ws, 0, e))) {
                    std::string short_form = join(ws, 0, e);
                    note_full(short_form);
                    add_org_key({short_form, m.name, m.kind, m.span.begin, false});
                }
            if (end < ws.size()) {
                std::string short_form = join(ws, 0, end);
                note_full(short_form);
                add_org_key({short_form, m.name, m.kind, m.span.begin, false});
            }
            // A leading industry word of another language: "Minera Alto Loa" is "Alto Loa",
            // "Grupo Televisa" "Televisa" (a "lead" row of org_kinds.tsv), unless the rest is a
            // name the gazetteers know ("Grupo Mexico" is no "Mexico").
            if (const names::Suffix* lead = lex.suffix(ws[0]); lead && lead->lead && names::capitalised(ws[1])) {
                std::string short_form = join(ws, 1, ws.size());
                if (!lex.alias(short_form)) {
                    note_full(short_form);
                    add_org_key({short_form, m.name, m.kind, m.span.begin, false});
                }
            }
        }
        if (ws.size() >= 2) {
            // The head of an institution: "the Commission", "the Bank".
            auto head = [&](std::string_view w) {
                const names::Suffix* s = lex.suffix(w);
                return s && !s->kind.empty() && !s->industry && !s->group && !s->legal;
            };
            if (head(ws.back())) add_org_key({std::string(ws.back()), m.name, m.kind, m.span.begin, true});
            else if (ws.size() >= 3 && head(ws.front()) && (ws[1] == "of" || ws[1] == "for"))
                add_org_key({std::string(ws.front()), m.name, m.kind, m.span.begin, true});
        }
    }

    // A place discovered by its context ("a plant in Debrecen") is the same
    // place later in the story ("Debrecen's mayor").
    for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& m = ms[i];
        if (m.type == Type::place && !drop[i] && !m.name.empty() &&
            (m.rule == kPlaceContextRule || m.rule == kPlaceRegionRule || m.rule == kDatelineRule) &&
            !lex.alias(m.name))
            add_org_key({m.name, m.name, m.kind, m.span.begin, false});
    }

    // ---- 5. One scan of the words for the short forms.
    if (!short_refs.empty() || !acronyms.empty() || !org_keys.empty() || !initials.empty()) {
        std::vector<text::Span> taken;
        std::vector<size_t> taken_ix;  // taken's mentions (indices into ms)
        for (size_t i = 0; i < ms.size(); ++i)
            if (is_entity(ms[i]) && !drop[i]) {
                taken.push_back(ms[i].span);
                taken_ix.push_back(i);
            }
        size_t ti = 0;
        int32_t n = static_cast<int32_t>(a.size());
        int32_t i = 0;
        // A filter on the keys of the four maps below (first byte, last byte,
        // length): most capitalised words are none of them, and skip the four
        // lookups (skipping leaves is_taken's cursor to a later call, which
        // moves it as far).
        std::array<uint64_t, 16> key_bits{};
        auto key_slot = [](std::string_view k) {
            return (k.size() * 131 + static_cast<unsigned char>(k.front()) * 31 + static_cast<unsigned char>(k.back())) &
                   1023;
        };
        auto mark_key = [&](const std::string& k) {
            if (!k.empty()) key_bits[key_slot(k) >> 6] |= uint64_t{1} << (key_slot(k) & 63);
        };
        for (const auto& [k, v] : short_refs) mark_key(k);
        for (const auto& [k, v] : org_keys) mark_key(k);
        for (const auto& [k, v] : acronyms) mark_key(k);
        for (const auto& [k, v] : initials) mark_key(k);
        // ASCII word bytes by table (this scan reads every byte of the text).
        static constexpr auto kWordByte = [] {
            std::array<bool, 128> t{};
            for (int c = 0; c < 128; ++c)
                t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '\'' || c == '&';
            return t;
        }();
        auto word_cp = [](UChar32 c) {
            if (c < 0x80) return kWordByte[static_cast<size_t>(c)];
            return static_cast<bool>(u_isalnum(c)) || c == 0x2019;
        };
        auto is_taken = [&](text::Span span) {
            while (ti < taken.size() && taken[ti].end <= span.begin) ++ti;
            for (size_t k = ti; k < taken.size() && taken[k].begin < span.end; ++k)
                if (taken[k].overlaps(span)) return true;
            return false;
        };
        // A company's short form of two or more words over a place inside it ("Gulf Horizon" of
        // Gulf Horizon Airways, where "Gulf" alone is the region), or over an organisation named by
        // its later word: the company's name wins, the place (organisation) is dropped. False when anything else overlaps the span (call after is_taken).
        auto take_over_places = [&](text::Span span) {
            size_t first = ti, last = ti;
            for (; last < taken.size() && taken[last].begin < span.end; ++last) {
                if (!taken[last].overlaps(span)) continue;
                const Mention& t = ms[taken_ix[last]];
                // (an organisation a list knows under a later word of the short form too: "Kerrow Vale"
                // of Kerrow Vale Water, where "Vale" alone is a listed miner)
                const bool inner_org = t.type == Type::org && t.span.begin > span.begin;
                if ((t.type != Type::place && !inner_org) || t.span.begin < span.begin || t.span.end > span.end ||
                    t.span.size() == span.size())
                    return false;
            }
            for (size_t k = first; k < last; ++k)
                if (taken[k].overlaps(span)) drop[taken_ix[k]] = true;
            return true;
        };
        // The code point at p, p moved past it (ASCII without a call).
        auto next_cp = [&](int32_t& p) -> UChar32 {
            auto byte = static_cast<unsigned char>(a[static_cast<size_t>(p)]);
            if (byte < 0x80) {
                ++p;
                return byte;
            }
            UChar32 c;
            U8_NEXT(a.data(), p, n, c);
            return c;
        };
        // Where a word starts: the first word character of a run of them that is none of '-',
        // '\'', '&' and U+2019 (those are skipped at a run's start, kept inside a word). So a
        // character starts its word when only those stand between it and the non-word
        // character before it, or the text's start.
        auto starts_word = [&](int32_t q) {
            while (q > 0) {
                auto byte = static_cast<unsigned char>(a[static_cast<size_t>(q - 1)]);
                if (byte < 0x80) {
                    if (!kWordByte[byte]) return true;
                    if (byte != '-' && byte != '\'' && byte != '&') return false;
                    --q;
                    continue;
                }
                UChar32 d;
                U8_PREV(a.data(), 0, q, d);
                if (d != 0x2019) return !word_cp(d);
            }
            return true;
        };
        // Only capitalised words can be short forms: the scan visits the bytes that can start
        // one (A-Z, a UTF-8 lead byte) and the words that start there, not every word.
        while ((i = next_capital_or_lead(a, i)) < n) {
            int32_t b = i;
            UChar32 c = next_cp(i);
            if (!word_cp(c) || c == 0x2019 || (c < 0x80 ? !(c >= 'A' && c <= 'Z') : !u_isupper(c)) || !starts_word(b))
                continue;
            int32_t e = i;
            while (e < n) {
                auto byte = static_cast<unsigned char>(a[static_cast<size_t>(e)]);
                if (byte < 0x80) {
                    if (!kWordByte[byte]) break;
                    ++e;
                    continue;
                }
                int32_t k = e;
                UChar32 d = next_cp(k);
                if (!word_cp(d)) break;
                e = k;
            }
            i = e;
            std::string_view w(a.data() + b, static_cast<size_t>(e - b));
            // "Wu's" → "Wu"
            size_t full = w.size();
            if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
            else if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") w.remove_suffix(4);
            while (!w.empty() && (w.back() == '\'' || w.back() == '-')) w.remove_suffix(1);
            if (w.empty() || !(key_bits[key_slot(w) >> 6] >> (key_slot(w) & 63) & 1)) continue;
            std::string key(w);
            text::Span span{static_cast<uint32_t>(b), static_cast<uint32_t>(b) + static_cast<uint32_t>(w.size())};
            bool followed_by_capital = w.size() == full && span.end + 1 < a.size() && a[span.end] == ' ' &&
                                       names::capitalised(std::string_view(a).substr(span.end + 1));
            Mention x;
            // A person's family name first (people are introduced explicitly);
            // not the first word of a longer name ("Wu Jing"); anywhere in the
            // document, a headline before the introduction included.
            // (Before the person's introduction, a company's short form
            // wins: "Marchetti declined to comment" before "Giulia Marchetti,
            // the company's chairwoman" is Marchetti Group.)
            if (auto sr = short_refs.find(key); sr != short_refs.end() && !sr->second.first.empty() &&
                                                !lex.not_name(w) && !followed_by_capital &&
                                                !(sr->second.second > span.begin && org_keys.count(key))) {
                if (is_taken(span)) continue;
                x.type = Type::person;
                x.name = sr->second.first;
                const Person& p = people[x.name];
                x.role = p.role;
                x.affiliation = p.affiliation;
                x.rule = kShortRefRule;
                x.span = x.context = span;
                added.push_back(std::move(x));
                continue;
            }
            // An organisation's short form: the one named last before here
            // (or, in a headline, the first named after).
            if (auto ok = org_keys.find(key); ok != org_keys.end()) {
                const OrgKey* best = nullptr;
                for (const OrgKey& k : ok->second) {
                    if (a.compare(span.begin, k.text.size(), k.text) != 0) continue;
                    uint32_t end = span.begin + static_cast<uint32_t>(k.text.size());
                    if (end < a.size() && (std::isalnum(static_cast<unsigned char>(a[end])) || a[end] == '-')) continue;
                    if (k.after_the && !(span.begin >= 4 && (a.compare(span.begin - 4, 4, "the ") == 0 ||
                                                             a.compare(span.begin - 4, 4, "The ") == 0)))
                        continue;
                    bool k_before = k.at <= span.begin;
                    bool best_before = best && best->at <= span.begin;
                    if (!best || (k_before && (!best_before || k.at > best->at)) ||
                        (!k_before && !best_before && k.at < best->at))
                        best = &k;
                }
                if (best) {
                    text::Span bs{span.begin, span.begin + static_cast<uint32_t>(best->text.size())};
                    bool multiword = best->text.find(' ') != std::string::npos;
                    if (!is_taken(bs) || (multiword && !names::is_place_kind(best->kind) && take_over_places(bs))) {
                        x.type = names::is_place_kind(best->kind) ? Type::place : Type::org;
                        x.name = best->name;
                        // A short form two companies share ("Hoshino" of Hoshino Electric and its unit
                        // Hoshino Robotics) is the one introduced first, the story's company.
                        if (auto f = full_company.find(best->text); f != full_company.end() && f->second.empty())
                            if (auto fc = first_company.find(best->text); fc != first_company.end()) x.name = fc->second;
                        x.kind = best->kind;
                        x.rule = kShortRefRule;
                        x.span = x.context = bs;
                        added.push_back(std::move(x));
                        // (the scan goes on after the whole short form: "Alto Loa" inside
                        // "Minera Alto Loa" is no second mention)
                        i = std::max(i, static_cast<int32_t>(bs.end));
                        continue;
                    }
                }
            }
            if (is_taken(span)) continue;
            if (auto it = acronyms.find(key); it != acronyms.end() && span.begin > it->second.from) {
                x.type = Type::org;
                x.name = it->second.name;
                x.kind = it->second.kind;
                x.rule = kAcronymRule;
            } else if (auto ini = initials.find(key); ini != initials.end() && names::acronym_shape(w) &&
                                                        ini->second.at < span.begin) {
                x.type = Type::org;
                x.name = ini->second.name;
                x.kind = ini->second.kind;
                x.rule = kAcronymRule;
            } else {
                continue;
            }
            x.span = x.context = span;
            added.push_back(std::move(x));
        }
    }

    // ---- 6. A discovered company keeps the name it was introduced with
    // ("Kessler Automotive", later "Kessler": both Kessler Automotive), also
    // where another rule found the short form on its own (a source holder:
    // "Hanbit said" after "Hanbit Semiconductor").
    if (!full_company.empty()) {
        for (auto* list : {&ms, &added}) {
            for (Mention& m : *list) {
                if (m.type == Type::org && !lex.alias(m.name)) {
                    if (auto f = full_company.find(m.name); f != full_company.end() && !f->second.empty())
                        m.name = f->second;
                    // (a short form two companies share is the one introduced first, as in step 5:
                    // "Shares of Kestrel rose" after "Kestrel Semiconductor Inc" and its unit
                    // "Kestrel Cloud Systems")
                    else if (f != full_company.end() && m.kind == "company")
                        if (auto fc = first_company.find(m.name); fc != first_company.end()) m.name = fc->second;
                } else if (m.type == Type::person && !m.affiliation.empty() && !lex.alias(m.affiliation)) {
                    // "an analyst at Bernholt" after "Bernholt Securities"
                    if (auto f = full_company.find(m.affiliation); f != full_company.end() && !f->second.empty())
                        m.affiliation = f->second;
                }
            }
        }
    }
    bool short_org = std::any_of(added.begin(), added.end(), [](const Mention& m) { return m.type == Type::org; });
    settle();

    // ---- 7. People whose organisation step 5 found as a short form
    // ("Rivermark chief financial officer Dana Whitfield" after "Rivermark
    // Foods"): their affiliation, for every mention of them.
    if (short_org) {
        org_idx.clear();
        for (size_t i = 0; i < ms.size(); ++i)
            if (ms[i].type == Type::org && !ms[i].name.empty()) org_idx.push_back(i);
        std::unordered_map<std::string, std::string> found;  // person → affiliation
        for (const Mention& m : ms)
            if (m.type == Type::person && m.affiliation.empty() && (!(m.context == m.span) || !m.role.empty()))
                if (std::string aff = affiliation_of(m); !aff.empty()) found.try_emplace(m.name, std::move(aff));
        if (!found.empty())
            for (Mention& m : ms)
                if (m.type == Type::person && m.affiliation.empty())
                    if (auto f = found.find(m.name); f != found.end()) m.affiliation = f->second;
    }

    // ---- 8. "Zhenghe Auto posts record profit" over "Zhenghe Automobile Co. said ...": a
    // headline's name that no list knows, whose words begin the words of a name below it (the
    // first word whole), is the shorthand of that name.
    if (const size_t head_end = a.find('\n'); head_end != std::string::npos) {
        std::vector<std::pair<std::string, std::string>> renames;
        for (const Mention& h : ms) {
            if (h.span.begin >= head_end) break;
            if (h.type != Type::org || h.name.empty() || lex.alias(h.name)) continue;
            const auto hw = space_words(h.name);
            for (const Mention& m : ms) {
                if (m.span.begin < head_end || m.type != Type::org || m.name.empty() || m.name == h.name) continue;
                const auto mw = space_words(m.name);
                bool begins = hw.size() >= 2 && hw.size() <= mw.size() && hw[0] == mw[0];
                for (size_t i = 1; begins && i < hw.size(); ++i) begins = mw[i].substr(0, hw[i].size()) == hw[i];
                if (begins) {
                    renames.emplace_back(h.name, m.name);
                    break;
                }
            }
        }
        for (const auto& [from, to] : renames)
            for (Mention& m : ms)
                if (m.type == Type::org && m.name == from) m.name = to;
    }
}

}  // namespace claimex::normalise
