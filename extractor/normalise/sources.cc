// Sources (source): who a statement is attributed to.
//
// A source rule (rules/sources/) matches the cue with the holder's words in a
// `holder` capture (or `unnamed`, for a described group: "people familiar
// with the matter") and the verb in a `cue` capture (mapped to the
// contract's cue values by the SOURCE_CUE table) or a fixed `set: cue=...`.
// After the entities pass, each source is named:
//   - a holder ending with a reference noun and naming no organisation or
//     person ("the publication", "the Perth-based company", "its annual
//     report") takes an entity named before, of the kinds the
//     SOURCE_REFERENCE table gives the noun — for companies the one named
//     most so far, the article's subject; "cited": the last source cited;
//   - else the entity inside the holder: the last person ("Alibaba CEO Eddie
//     Wu" → Eddie Wu, with role and affiliation), else the first
//     organisation, else a place — or, when a place only qualifies a
//     description ("Angola's oil minister"), the description;
//   - "it" takes the organisation named last, "he"/"she" the person;
//   - an unnamed group is named by its description ("economists");
//   - else the holder's capitalised words, or nothing (the source is dropped).
// A source cued by "cited"/"citing" is what the nearest source before it in
// the sentence cites ("According to Bloomberg, which cited a report by the
// New York Federal Reserve").
#include "extractor/normalise/entities_lexicon.h"
#include "extractor/normalise/internal.h"

#include <algorithm>
#include <functional>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace claimex::normalise {

struct SourcesNormaliser::Impl {
    explicit Impl(const rules::RuleSet& r) : lex(r) {
        for (const auto& rule : r.rules()) {
            if (auto a = rule->attrs.find("not_place"); a != rule->attrs.end() && a->second == "yes")
                not_place.insert(rule->id);
            if (auto a = rule->attrs.find("known_holder"); a != rule->attrs.end() && a->second == "yes")
                known_holder.insert(rule->id);
        }
        // "Turkey's central bank said": the place's central bank, as the claims stage reads it
        // (the first central bank listed for an area in rules/claims/jurisdictions.tsv)
        if (const auto* t = r.table("CLAIM_JURISDICTIONS"))
            for (const auto& row : *t)
                if (row.size() >= 2 && !row[0].empty() &&
                    (row[0].find("Bank") != std::string::npos || row[0].find("Reserve") != std::string::npos))
                    central_bank_of.emplace(row[1], row[0]);
        if (const auto* l = r.list("SOURCE_CONDITION"))
            for (const auto& w : *l) conditions.insert(names::lower(w));
        if (const auto* t = r.table("SOURCE_CUE"))
            for (const auto& row : *t)
                if (row.size() >= 2) cues[names::lower(names::squeeze(row[0]))] = row[1];
        if (const auto* t = r.table("SOURCE_REFERENCE"))
            for (const auto& row : *t) {
                if (row.size() < 2) continue;
                std::vector<std::string> kinds;
                for (size_t b = 0, e; b <= row[1].size(); b = e + 1) {
                    e = row[1].find(',', b);
                    if (e == std::string::npos) e = row[1].size();
                    std::string k = names::squeeze(std::string_view(row[1]).substr(b, e - b));
                    if (!k.empty()) kinds.push_back(k);
                }
                Reference ref;
                ref.kinds = std::move(kinds);
                ref.subject = row.size() > 2 && row[2] == "subject";
                references[names::lower(names::squeeze(row[0]))] = std::move(ref);
            }
        if (const auto* t = r.table("SOURCE_NAME_WORDS"))
            for (const auto& row : *t) {
                if (row.size() < 2 || row[0].empty()) continue;
                if (row[1] == "bank_word") bank_words.push_back(" " + names::lower(row[0]) + " ");
                else if (row[1] == "title_lead") title_leads.insert(row[0]);
                else if (row[1] == "not_ministry") not_ministry.insert(row[0]);
                else if (row[1] == "place_modifier") place_modifiers.insert(names::lower(row[0]));
            }
    }
    names::Lexicon lex;
    FlatSet not_place;    // rules whose holder cannot be a place (`set: not_place=yes`)
    // rules whose holder must be someone known (an entity, a reference, a pronoun), never its
    // capitalised words alone (`set: known_holder=yes`: a sentence's first words before a far cue)
    FlatSet known_holder;
    FlatSet conditions;  // "if", "unless": the attribution after them is a condition
    FlatMap<std::string> central_bank_of;           // "Turkey" → its central bank
    // name_words.tsv: words that make a company's name a bank's (" bank ", lower case, padded),
    // a minister title's leading words that are no field ("Former"), and a title's first words
    // that name no ministry ("Prime")
    std::vector<std::string> bank_words;
    FlatSet title_leads, not_ministry;
    FlatSet place_modifiers;  // "based" of "Oslo-based": a holder that is only this names no one
    // The central bank of the country the sentence at `at` names, else of the first country
    // the document names; null when no country has one listed.
    const std::string* country_central_bank(const std::vector<Mention>& ms, const text::Text& text, uint32_t at) const {
        const size_t sent = text.sentence_index(at);
        const std::string* first = nullptr;
        for (const Mention& m : ms) {
            if (m.type != Type::place || m.kind != "country") continue;
            const std::string* cb = central_bank_of.find(m.name);
            if (!cb) continue;
            if (text.sentence_index(m.span.begin) == sent) return cb;
            if (!first && m.span.begin < at) first = cb;
        }
        return first;
    }
    // The country the sentence at `at` names, else the first one the document names before it;
    // null when none ("Malaysia will keep its duty at 9.5%, the government said").
    static const std::string* country_named(const std::vector<Mention>& ms, const text::Text& text, uint32_t at) {
        const size_t sent = text.sentence_index(at);
        const std::string* first = nullptr;
        for (const Mention& m : ms) {
            if (m.type != Type::place || m.kind != "country") continue;
            if (text.sentence_index(m.span.begin) == sent) return &m.name;
            if (!first && m.span.begin < at) first = &m.name;
        }
        return first;
    }
    FlatMap<std::string> cues;                      // "says" → "said"
    struct Reference {
        std::vector<std::string> kinds;  // in order of preference
        bool subject = false;            // the organisation named most, not last
        bool has(std::string_view kind) const { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); }
    };
    FlatMap<Reference> references;  // "publication" → {media}

    // The reference noun a holder ends with ("the Perth-based company" →
    // company, "its annual report" → annual report), or null.
    const Reference* reference(std::string_view holder, std::string* noun) const {
        std::string h = names::lower(names::squeeze(holder));
        // Longest tail first: "annual report" before "report".
        for (size_t sp = 0; sp != std::string::npos;) {
            const std::string_view tail = std::string_view(h).substr(sp);
            if (const Reference* r = references.find(tail)) {
                if (noun) *noun = tail;
                return r;
            }
            sp = h.find(' ', sp);
            if (sp != std::string::npos) ++sp;
        }
        return nullptr;
    }
};

namespace {

// The capitals that start the words of a name: "Australian Bureau of
// Statistics" → "ABS".
std::string initials(const std::string& name) {
    std::string r;
    for (size_t b = 0; b < name.size();) {
        size_t e = name.find(' ', b);
        if (e == std::string::npos) e = name.size();
        if (e > b && name[b] >= 'A' && name[b] <= 'Z') r += name[b];
        b = e + 1;
    }
    return r;
}

}  // namespace

SourcesNormaliser::SourcesNormaliser(const rules::RuleSet& r) : impl_(std::make_unique<Impl>(r)) {}
SourcesNormaliser::~SourcesNormaliser() = default;

bool SourcesNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const {
    auto holder = capture_of(raw, "holder");
    if (!holder) {
        holder = capture_of(raw, "unnamed");
        if (!holder) return false;
        out.note = kUnnamedHolder;
    }
    if (auto c = capture_of(raw, "cue")) {
        std::string verb = names::lower(names::squeeze(text.analysis_slice(*c)));
        const std::string* cue = impl_->cues.find(verb);
        if (!cue) return false;
        out.cue = *cue;
    } else if (raw.rule) {
        auto it = raw.rule->attrs.find("cue");
        if (it == raw.rule->attrs.end()) return false;
        out.cue = it->second;
    }
    if (raw.rule)
        if (auto it = raw.rule->attrs.find("participle"); it != raw.rule->attrs.end() && it->second == "yes")
            out.participle = true;
    out.holder = holder;
    out.context = raw.context;
    return !out.cue.empty();
}

void SourcesNormaliser::resolve_document(std::vector<Mention>& ms, const text::Text& text) const {
    const Impl& im = *impl_;
    const names::Lexicon& lex = im.lex;
    const std::string& a = text.analysis();
    auto slice = [&](text::Span s) { return std::string_view(a.data() + s.begin, s.size()); };
    std::vector<bool> drop(ms.size(), false);
    std::vector<size_t> entities;  // indices of entity mentions, in order
    for (size_t i = 0; i < ms.size(); ++i)
        if (ms[i].type == Type::org || ms[i].type == Type::person || ms[i].type == Type::place) entities.push_back(i);

    auto take = [](Mention& s, const Mention& e) {
        s.name = e.name;
        s.kind = e.type == Type::person ? "" : e.kind;
        s.role = e.role;
        s.affiliation = e.affiliation;
    };

    // Entities named so far (ending before the current source), kept as we
    // go so that references resolve without looking back: per kind, the
    // organisations with how often and where they were last named; the last
    // organisation; the last person.
    struct Seen {
        size_t index;  // last mention
        int count = 0;
        size_t first = SIZE_MAX;  // first mention
    };
    std::unordered_map<std::string, std::unordered_map<std::string, Seen>> orgs_by_kind;  // kind → name → seen
    const Mention* last_org = nullptr;
    const Mention* last_person = nullptr;
    std::vector<const Mention*> persons;  // in order, for "the minister" (a role named before)
    size_t seen = 0;
    auto advance = [&](uint32_t upto) {
        for (; seen < entities.size() && ms[entities[seen]].span.end <= upto; ++seen) {
            const Mention& m = ms[entities[seen]];
            if (m.type == Type::person) {
                last_person = &m;
                persons.push_back(&m);
            } else if (m.type == Type::org && !m.name.empty()) {
                Seen& s = orgs_by_kind[m.kind][m.name];
                s.index = entities[seen];
                if (s.first == SIZE_MAX) s.first = entities[seen];
                ++s.count;
                // (a news medium is no antecedent of "it": "analysts polled by Gulf Markets Wire.
                // ... subscribers doubled, it said" is the story's company; session 24)
                if (m.kind != "media") last_org = &m;
            }
        }
    };
    // The organisation named last (of those advanced past) that has `word` among the
    // lower-cased words of its name: "International Energy Agency" for "agency". Null when none.
    auto last_with_word = [&](std::string_view word) -> const Mention* {
        for (size_t e = seen; e-- > 0;) {
            const Mention& m = ms[entities[e]];
            if (m.type != Type::org || m.name.empty()) continue;
            bool has = false;
            names::each_name_word(m.name, [&](const std::string& w) { has |= w == word; });
            if (has) return &m;
        }
        return nullptr;
    };
    auto first_inside = [&](uint32_t begin) {
        return std::lower_bound(entities.begin(), entities.end(), begin,
                                [&](size_t e, uint32_t b) { return ms[e].span.begin < b; });
    };
    // Whether the word before `at` is a subordinator that opens an adverbial clause ("after it
    // said", "because it expects").
    auto after_subordinator = [&](uint32_t at) {
        uint32_t p = at;
        while (p > 0 && a[p - 1] == ' ') --p;
        uint32_t q = p;
        while (q > 0 && std::isalpha(static_cast<unsigned char>(a[q - 1]))) --q;
        const std::string_view w(a.data() + q, p - q);
        return w == "after" || w == "because" || w == "when" || w == "as" || w == "since" || w == "before" ||
               w == "once" || w == "until";
    };
    // The organisation a sentence opens with, before `upto` ("the Deposit Insurance and Credit
    // Guarantee Corporation (DICGC), an RBI subsidiary, settled claims ..., according to its annual
    // report": its is the DICGC, the sentence's subject, not the RBI named last). Only an
    // organisation among the sentence's first words: a sentence opening with a figure or a
    // place ("China's growth will slow to 4.1%, it said") has none, and "it" is the last named.
    auto sentence_subject_org = [&](uint32_t upto) -> const Mention* {
        size_t si = text.sentence_index(upto);
        const auto& sents = text.sentences();
        if (si >= sents.size()) return nullptr;
        uint32_t sb = sents[si].begin;
        // (past a dateline: "ABU DHABI, Nov 26 (Wire) - Falcon ... agreed to buy ..., it said")
        if (auto d0 = first_inside(sb); d0 != entities.end() && ms[*d0].span.begin == sb && ms[*d0].type == Type::place)
            for (uint32_t k = sb; k + 3 < upto && k < sb + 60; ++k)
                if (a[k] == ' ' && (a[k + 1] == '-' || a.compare(k + 1, 3, "\xE2\x80\x94") == 0 ||
                                    a.compare(k + 1, 3, "\xE2\x80\x93") == 0)) {
                    sb = k + (a[k + 1] == '-' ? 2 : 4);
                    while (sb < upto && a[sb] == ' ') ++sb;
                    break;
                }
        for (auto it = first_inside(sb); it != entities.end() && ms[*it].span.begin < upto; ++it) {
            const Mention& m = ms[*it];
            // (up to a leading "Separately," and "the")
            size_t words = 0;
            for (uint32_t k = sb; k < m.span.begin; ++k)
                if (a[k] == ' ' && k > sb && a[k - 1] != ' ') ++words;
            if (words > 2) return nullptr;
            if (m.type == Type::org && !m.name.empty()) {
                // (not a possessive modifier: "Alibaba's cloud unit")
                if (m.span.end + 1 < a.size() && (a[m.span.end] == '\'' || a.compare(m.span.end, 3, "\xE2\x80\x99") == 0))
                    return nullptr;
                return &m;
            }
            return nullptr;
        }
        return nullptr;
    };

    // The organisation one of the three sentences before the one at `at` opens with (the
    // nearest), when the sentence at `at` itself opens with "Its"/"Their": what that pronoun
    // and a later "its" in the sentence continue with. Null otherwise.
    auto recent_subject_org = [&](uint32_t at) -> const Mention* {
        const size_t si = text.sentence_index(at);
        const auto& sents = text.sentences();
        if (si >= sents.size()) return nullptr;
        const std::string_view opening = std::string_view(a).substr(sents[si].begin, 6);
        if (opening.rfind("Its ", 0) != 0 && opening.rfind("Their ", 0) != 0) return nullptr;
        for (size_t k = si; k-- > 0 && si - k <= 3;)
            if (const Mention* o = sentence_subject_org(sents[k].end > sents[k].begin ? sents[k].end - 1 : sents[k].begin))
                return o;
        return nullptr;
    };

    // The organisation of kind `kind` that the paragraph's sentence before `sentence` opens
    // with: its subject, what a reference opening the next sentence continues with.
    auto previous_subject = [&](size_t sentence, const std::string& kind) -> const Mention* {
        if (sentence == 0 || sentence >= text.sentences().size()) return nullptr;
        const text::Span prev = text.sentences()[sentence - 1];
        if (text.paragraph_index(prev.begin) != text.paragraph_index(text.sentences()[sentence].begin)) return nullptr;
        const Mention* o = sentence_subject_org(prev.end > prev.begin ? prev.end - 1 : prev.begin);
        if (!o || o->kind != kind) return nullptr;
        // (not one of a coordinated subject: "The Organization of the Petroleum Exporting Countries
        // and allies led by Russia are cutting output ... the group said" is the alliance)
        if (a.compare(o->span.end, 5, " and ") == 0 || a.compare(o->span.end, 6, ", and ") == 0) return nullptr;
        return o;
    };

    // The company named before `upto` right after the words `desc` (lower case, single spaces:
    // "chemicals group" before "Veldmark NV" in "Dutch chemicals group Veldmark NV"); the
    // latest such, null when none.
    auto introduced_as = [&](std::string_view desc, uint32_t upto) -> const Mention* {
        const Mention* found = nullptr;
        for (size_t e : entities) {
            const Mention& m = ms[e];
            if (m.span.begin >= upto) break;
            if (m.type != Type::org || m.name.empty() || m.kind != "company" || m.span.begin < desc.size() + 1) continue;
            const uint32_t b = m.span.begin - static_cast<uint32_t>(desc.size()) - 1;
            if (a[m.span.begin - 1] != ' ' || (b > 0 && std::isalnum(static_cast<unsigned char>(a[b - 1])))) continue;
            if (names::lower(std::string_view(a).substr(b, desc.size())) == desc) found = &m;
        }
        return found;
    };

    // The company introduced before `upto` as a `noun` (lower case, one word): right before its
    // name ("budget carrier SkyVista") or closing an apposition after it ("Gulf Horizon Airways,
    // the fast-growing Abu Dhabi-based carrier,"); the latest such, null when none.
    auto introduced_as_noun = [&](std::string_view noun, uint32_t upto) -> const Mention* {
        const Mention* found = introduced_as(noun, upto);
        for (size_t e : entities) {
            const Mention& m = ms[e];
            if (m.span.begin >= upto) break;
            if (m.type != Type::org || m.name.empty() || m.kind != "company") continue;
            if (found && found->span.begin > m.span.begin) continue;
            std::string_view rest = std::string_view(a).substr(m.span.end, std::min<size_t>(90, a.size() - m.span.end));
            if (rest.rfind(", the ", 0) != 0 && rest.rfind(", a ", 0) != 0 && rest.rfind(", an ", 0) != 0) continue;
            rest.remove_prefix(2);
            const size_t close = rest.find_first_of(",.;:()");
            if (close == std::string_view::npos || rest[close] != ',') continue;
            std::string_view appos = rest.substr(0, close);
            const size_t sp = appos.rfind(' ');
            if (sp == std::string_view::npos || names::lower(appos.substr(sp + 1)) != noun) continue;
            found = &m;
        }
        return found;
    };

    // An organisation named only as the compiler of data or a poll ("according to LSEG data",
    // "a Reuters poll", "polled by FactSet"): no company noun ("the steelmaker said") refers to
    // it, whatever was named last.
    auto as_data_source = [&](const Mention& m) {
        for (std::string_view w : {" data", " poll", " survey", " estimates", " consensus", " figures", " calculations"})
            if (a.compare(m.span.end, w.size(), w) == 0 &&
                (m.span.end + w.size() >= a.size() || !std::isalpha(static_cast<unsigned char>(a[m.span.end + w.size()]))))
                return true;
        for (std::string_view w : {"polled by ", "compiled by "})
            if (m.span.begin >= w.size() && a.compare(m.span.begin - w.size(), w.size(), w) == 0) return true;
        return false;
    };
    // A company named as someone's investor ("Existing backers Northway Ventures and Tamsin
    // Capital also took part, the company said"): not the company that speaks of them.
    std::function<bool(const Mention&)> named_as_investor = [&](const Mention& m) {
        uint32_t e = m.span.begin;
        // (the second of a pair: "backers Northway Ventures and Tamsin Capital")
        if (e > 5 && (a.compare(e - 5, 5, " and ") == 0 || a.compare(e - 2, 2, ", ") == 0)) {
            const uint32_t end = a.compare(e - 5, 5, " and ") == 0 ? e - 5 : e - 2;
            for (size_t x : entities)
                if (ms[x].type == Type::org && ms[x].span.end == end) return named_as_investor(ms[x]);
        }
        for (int words = 0; words < 2 && e > 0; ++words) {
            while (e > 0 && a[e - 1] == ' ') --e;
            uint32_t b = e;
            while (b > 0 && std::isalpha(static_cast<unsigned char>(a[b - 1]))) --b;
            const std::string w = names::lower(std::string_view(a.data() + b, e - b));
            if (w == "backers" || w == "backer" || w == "investors" || w == "investor" || w == "shareholders" ||
                w == "shareholder")
                return true;
            if (b == e) break;
            e = b;
        }
        return false;
    };
    // "the bank said" in a story about a commercial bank ("Banca Orsina, Italy's
    // fifth-largest lender, said ... The European Central Bank cut rates ... Fee income
    // climbed 6%, the bank said"): the bank named more often than the central bank is the
    // story's and the one meant; a central bank named as often or more stays.
    auto bank_story = [&](const std::string& noun, const Mention* best) -> const Mention* {
        if (noun != "bank" || !best || best->kind != "central_bank") return best;
        {
            if (auto cb = orgs_by_kind.find("central_bank"), co = orgs_by_kind.find("company");
                cb != orgs_by_kind.end() && co != orgs_by_kind.end())
                if (auto b = cb->second.find(best->name); b != cb->second.end()) {
                    const Seen* pick = nullptr;
                    for (const auto& [name, seen_at] : co->second) {
                        const std::string n = " " + names::lower(name) + " ";
                        const bool bank = std::any_of(im.bank_words.begin(), im.bank_words.end(),
                                                      [&](const std::string& w) { return n.find(w) != std::string::npos; });
                        if (bank && seen_at.count > b->second.count && (!pick || seen_at.count > pick->count)) pick = &seen_at;
                    }
                    if (pick) best = &ms[pick->index];
                }
        }
        return best;
    };
    // "the department said" after "the US Treasury Department" and then the "Office of Foreign Assets
    // Control": the organisation picked by kind names another body noun of the reference table
    // ("office") and not this one, so an earlier organisation that the text named with the noun
    // ("Department" in its name or in the words that named it) is meant (session 18).
    auto named_with = [&](const Mention& m, std::string_view word) {
        bool has = false;
        names::each_name_word(m.name, [&](const std::string& w) { has |= w == word; });
        if (!has) names::each_name_word(slice(m.span), [&](const std::string& w) { has |= w == word; });
        return has;
    };
    auto prefer_named = [&](const std::string& noun, const Mention* best) -> const Mention* {
        if (!best || best->type != Type::org || noun.find(' ') != std::string::npos || named_with(*best, noun))
            return best;
        bool other = false;
        names::each_name_word(best->name, [&](const std::string& w) {
            if (w != noun && w.size() > 3 && im.references.find(w) && w != "company" && w != "group" && w != "firm")
                other = true;
        });
        if (!other) return best;
        for (size_t e = seen; e-- > 0;) {
            const Mention& m = ms[entities[e]];
            if (m.type == Type::org && !m.name.empty() && m.kind == best->kind && named_with(m, noun)) return &m;
        }
        return best;
    };
    // The organisation a reference stands for: the first kind (in the
    // table's order of preference) that has one; among companies the one
    // named most, else the latest.
    auto refer = [&](const Impl::Reference& ref, const std::string& noun, size_t sentence) -> const Mention* {
        const Mention* best = nullptr;
        // An organisation of the noun's kinds named earlier in the same paragraph, in the kinds'
        // order, before one named anywhere ("Moody's rates the group Ba1. The agency said ..." is
        // Moody's, not the newspaper of the lead). Not for "the company" (the article's subject);
        // but an industry noun is ("Daehan Shipbuilding said ... The contract runs until 2029,
        // the shipbuilder said" on a briefs page led by another company).
        // (nor for a company's annual report or accounts: the story's company's, not a unit named
        // in the paragraph before it — session 23)
        const bool generic = noun == "company" || noun == "group" || noun == "firm" || noun == "business" ||
                             noun == "annual report" || noun == "accounts";
        if ((!ref.subject || !generic) && seen > 0 && !text.sentences().empty()) {
            const size_t para = text.paragraph_index(text.sentences()[std::min(sentence, text.sentences().size() - 1)].begin);
            for (const std::string& k : ref.kinds) {
                if (k == "person" || k == "cited" || k == "org") break;
                for (size_t e = seen; e-- > 0;) {
                    const Mention& m = ms[entities[e]];
                    if (text.paragraph_index(m.span.begin) != para) break;
                    if (m.type == Type::org && !m.name.empty() && m.kind == k && !(ref.subject && as_data_source(m))) {
                        best = &m;
                        break;
                    }
                }
                // (an industry noun after a company of its own sentence is the sentence's subject, below)
                if (best && ref.subject && text.sentence_index(best->span.begin) == sentence) best = nullptr;
                // (and one after a sentence that opens with a company of the kind is that company, not
                // another it names: "Tanaka Motor said it will invest ... in Ryokan Energy, a battery
                // maker. The carmaker, which sold ..., said")
                if (best && ref.subject && text.sentence_index(best->span.begin) != sentence)
                    if (const Mention* o = previous_subject(sentence, k)) best = o;
                if (best) return bank_story(noun, prefer_named(noun, best));
            }
        }
        for (const std::string& k : ref.kinds) {
            if (k == "person") {
                // "the minister said": the latest person whose role has the
                // noun ("Spain's finance minister Carlos Cuerpo").
                for (auto it = persons.rbegin(); it != persons.rend() && !best; ++it)
                    if (!(*it)->name.empty() && names::lower((*it)->role).find(noun) != std::string::npos)
                        best = *it;
            } else if (k == "org") {
                best = last_org;
            } else if (auto it = orgs_by_kind.find(k); it != orgs_by_kind.end()) {
                const Seen* pick = nullptr;
                // "The central bank said" in a paragraph that names none: the story's bank, the
                // one named most, of equals the first named ("Norges Bank kept its rate ..., a day
                // after the European Central Bank cut" — session 22), not merely the latest
                const bool story_bank = noun == "central bank" && k == "central_bank";
                for (const auto& [name, s] : it->second)
                    if (ref.subject && s.count == 1 && as_data_source(ms[s.index])) {
                        // (a data firm named once, for its data, is not the story's company)
                    } else if (!pick || (story_bank ? s.count > pick->count ||
                                                          (s.count == pick->count && s.first < pick->first)
                                         : ref.subject ? s.count > pick->count ||
                                                             (s.count == pick->count && s.index > pick->index)
                                                       : s.index > pick->index))
                        pick = &s;
                // ... except that one named earlier in the same sentence is
                // the one meant ("Samsung posted a profit, the company said"):
                // the first named, the sentence's subject ("Halberd Bank has
                // agreed to buy the card arm of Norland Group ..., the lender
                // said"; "Quillbyte has raised $140 million in a round led by
                // Index Ventures, ..., the company said").
                if (pick && ref.subject)
                    for (const auto& [name, s] : it->second)
                        if (text.sentence_index(ms[s.index].span.begin) == sentence && !as_data_source(ms[s.index]) &&
                            !named_as_investor(ms[s.index]) &&
                            (pick == nullptr || text.sentence_index(ms[pick->index].span.begin) != sentence ||
                             s.index < pick->index))
                            pick = &s;
                // ... and, with none named there, the organisation of a person the sentence
                // names ("Its chief executive, Marcus Hale, received $14.3 million, the company
                // disclosed": Hale's company, not the one the page named most)
                if (pick && ref.subject && text.sentence_index(ms[pick->index].span.begin) != sentence)
                    for (auto p = persons.rbegin(); p != persons.rend(); ++p) {
                        if (text.sentence_index((*p)->span.begin) != sentence) break;
                        if (auto a = it->second.find((*p)->affiliation); a != it->second.end()) {
                            pick = &a->second;
                            break;
                        }
                    }
                // ... and, with neither, the organisation the paragraph's previous sentence opens
                // with, its subject ("Cambricon Technologies said revenue jumped ..., as customers
                // sought alternatives to Nvidia processors. The company said ..." is Cambricon,
                // not Nvidia named as often and later; "Tanaka Motor said it will invest ... in
                // Ryokan Energy, a battery maker. The carmaker ... said" is Tanaka)
                if (pick && ref.subject && text.sentence_index(ms[pick->index].span.begin) != sentence)
                    if (const Mention* o = previous_subject(sentence, k))
                        if (auto f = it->second.find(o->name); f != it->second.end()) pick = &f->second;
                if (pick) best = &ms[pick->index];
            }
            if (best) break;
        }
        // "the agency" after the International Energy Agency: an
        // organisation whose name has the noun, if it came later.
        // (looked for when asked, from the latest organisation named back: most documents
        // never ask, and a table of every name word kept as the organisations come cost more)
        if (noun.find(' ') == std::string::npos)
            if (const Mention* w = last_with_word(noun); w && (!best || w->span.begin > best->span.begin)) best = w;
        return bank_story(noun, prefer_named(noun, best));
    };

    // An organisation named before that a short name stands for: its initials ("the ABS said"
    // after the Australian Bureau of Statistics) or the end of its name ("the Treasury said"
    // after HM Treasury). The latest such organisation.
    auto expansion_of = [&](const std::string& short_name) -> const Mention* {
        const bool acronym = short_name.size() >= 2 && short_name.size() <= 6 &&
                             std::all_of(short_name.begin(), short_name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        const Mention* full = nullptr;
        for (const auto& [kind, named] : orgs_by_kind)
            for (const auto& [name, seen_at] : named) {
                if (name == short_name) continue;
                bool tail = name.size() > short_name.size() + 1 &&
                            name.compare(name.size() - short_name.size(), short_name.size(), short_name) == 0 &&
                            name[name.size() - short_name.size() - 1] == ' ';
                if ((tail || (acronym && initials(name) == short_name)) &&
                    (!full || seen_at.index > static_cast<size_t>(full - ms.data())))
                    full = &ms[seen_at.index];
            }
        return full;
    };
    // A headline's short name ("Trai data shows", "Sebi said") written out later in the story
    // ("the Telecom Regulatory Authority of India (Trai)"): an organisation named anywhere whose
    // initials it is, upper or mixed case (4 to 6 letters, so that a word is not taken for one).
    auto later_expansion_of = [&](const std::string& short_name) -> const Mention* {
        if (short_name.size() < 4 || short_name.size() > 6 || short_name[0] < 'A' || short_name[0] > 'Z') return nullptr;
        std::string up;
        for (char c : short_name) {
            if (!std::isalpha(static_cast<unsigned char>(c))) return nullptr;
            up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        for (size_t e : entities) {
            const Mention& m = ms[e];
            if (m.type != Type::org || m.name.empty() || m.name == short_name) continue;
            if (initials(m.name) == up) return &m;
        }
        return nullptr;
    };

    // The person whose "of"/"at"/"from" (and a description) the organisation o follows
    // ("Tsegaye Tadesse of consultancy Addis Research"): the entities pass linked them
    // (context up to the organisation's end). Null when none.
    auto person_before_org = [&](const Mention& o) -> const Mention* {
        for (auto it = first_inside(o.span.begin > 160 ? o.span.begin - 160 : 0); it != entities.end(); ++it) {
            const Mention& m = ms[*it];
            if (m.span.begin >= o.span.begin) break;
            if (m.type != Type::person || m.context.end != o.span.end || m.context.begin != m.span.begin) continue;
            std::string_view gap(a.data() + m.span.end, o.span.begin - m.span.end);
            if (gap.rfind(" of ", 0) == 0 || gap.rfind(" at ", 0) == 0 || gap.rfind(" from ", 0) == 0) return &m;
        }
        return nullptr;
    };
    // "It" opening a sentence after one its paragraph opens with a reference ("The company
    // posted a net loss ... It forecast a return to profit"): what the reference stands for,
    // not the organisation named last (a newspaper the lead cites). Null when the sentence
    // before opens with no reference noun.
    auto it_after_reference = [&](const Mention& src) -> const Mention* {
        const size_t si = text.sentence_index(src.span.begin);
        const auto& sents = text.sentences();
        if (si == 0 || si >= sents.size() || !src.holder || src.holder->begin != sents[si].begin) return nullptr;
        const text::Span prev = sents[si - 1];
        if (text.paragraph_index(prev.begin) != text.paragraph_index(sents[si].begin)) return nullptr;
        if (prev.size() < 5 || names::lower(std::string_view(a.data() + prev.begin, 4)) != "the ") return nullptr;
        // "The company", "The Tokyo-based company", "The chipmaker": up to three words after "The"
        uint32_t end = prev.begin + 4;
        for (int w = 0; w < 3 && end < prev.end; ++w) {
            while (end < prev.end && a[end] != ' ' && a[end] != ',') ++end;
            std::string noun;
            if (const Impl::Reference* ref = im.reference(std::string_view(a.data() + prev.begin, end - prev.begin), &noun)) {
                return refer(*ref, noun, si - 1);
            }
            if (end >= prev.end || a[end] != ' ') break;
            ++end;
        }
        return nullptr;
    };
    std::vector<size_t> sources_done;
    // The last source whose holder named no one ("The union has said ..." with no union named):
    // an "it" in the next sentence of its paragraph is that holder again, not the last organisation.
    const Mention* last_unnamed = nullptr;
    // The last source named by the description of a body no entity stands for ("the pilots'
    // union said"): "it said" in its paragraph's next sentence is that body, not the last organisation.
    const Mention* last_described = nullptr;
    for (size_t i = 0; i < ms.size(); ++i) {
        Mention& s = ms[i];
        if (s.type != Type::source || !s.holder) continue;
        advance(s.span.begin);
        {
            // "If the regulator says no, ...": a condition, no one's statement
            uint32_t p = s.span.begin;
            while (p > 0 && a[p - 1] == ' ') --p;
            uint32_t q = p;
            while (q > 0 && std::isalpha(static_cast<unsigned char>(a[q - 1]))) --q;
            if (q < p && p - q <= 8 && im.conditions.count(names::lower(std::string_view(a.data() + q, p - q)))) {
                drop[i] = true;
                continue;
            }
        }
        const text::Span h = *s.holder;
        bool unnamed = s.note == kUnnamedHolder;
        s.note.clear();
        // "customs data showed": the country's customs authority when the entities pass named one
        // (bare_institutions.tsv: China's General Administration of Customs), else the description
        if (unnamed && names::lower(slice(h).substr(0, 8)) == "customs ") unnamed = false;
        const Mention* person = nullptr;
        const Mention* org = nullptr;
        const Mention* place = nullptr;
        // Entities inside the holder, or overlapping it (a holder pattern may
        // start inside a name the entity rules saw whole).
        auto from = first_inside(h.begin);
        if (from != entities.begin() && ms[*std::prev(from)].span.end > h.begin) --from;
        for (auto it = from; !unnamed && it != entities.end(); ++it) {
            const Mention& m = ms[*it];
            if (m.span.begin >= h.end) break;
            if (!m.span.overlaps(h)) continue;
            if (m.type == Type::person) person = &m;
            else if (m.type == Type::org && !org) org = &m;
            // "the Labor Department's Bureau of Labor Statistics said": an organisation's own
            // office named after its possessive is the one that speaks (session 12, diag12)
            else if (m.type == Type::org && m.span.end <= h.end && m.span.begin > org->span.end) {
                const std::string_view gap = slice(text::Span{org->span.end, m.span.begin});
                if (gap == "'s " || gap == "\xE2\x80\x99s " || gap == "' " || gap == "\xE2\x80\x99 ") org = &m;
            }
            else if (m.type == Type::place && !place) place = &m;
        }
        // (the entity `want` takes that starts right after the holder and ", ", inside the span)
        const bool comma_after = h.end + 2 < s.span.end && a.compare(h.end, 2, ", ") == 0;
        auto named_after_comma = [&](auto want) -> const Mention* {
            for (auto it = first_inside(h.end); it != entities.end(); ++it) {
                const Mention& m = ms[*it];
                if (m.span.begin > h.end + 2) break;
                if (m.span.begin == h.end + 2 && m.span.end < s.span.end && want(m)) return &m;
            }
            return nullptr;
        };
        // "Separately, Norvik Freight Lines, which runs two ports, said": a holder that is only a
        // sentence's opening words (not_names.txt: "Separately", "Meanwhile") before a comma is
        // no one; the organisation or person named right after the comma is the holder, and the
        // span starts at it
        if (!person && !org && !place && !unnamed && comma_after) {
            const std::vector<text::Span> hw = names::words(a, h);
            bool opener = !hw.empty();
            for (const text::Span& w : hw) opener = opener && lex.not_name(slice(w));
            if (opener)
                if (const Mention* m = named_after_comma([](const Mention& x) { return x.type == Type::org || x.type == Type::person; })) {
                    (m->type == Type::org ? org : person) = m;
                    s.span.begin = m->span.begin;
                }
        }
        // "according to data compiled by Oslo-based brokerage Fjellstad Partners": a holder that is
        // only a place's modifier (name_words.tsv place_modifier: "-based", "-listed") is the
        // organisation named right after it, past a few lower-case words of description
        if (!person && !org && !unnamed && h.end == s.span.end) {
            const std::string_view hv = slice(h);
            const size_t dash = hv.rfind('-');
            if (dash != std::string_view::npos && hv.find(' ', dash) == std::string_view::npos &&
                im.place_modifiers.count(names::lower(hv.substr(dash + 1)))) {
                const size_t sentence = text.sentence_index(h.begin);
                for (auto it = first_inside(h.end); it != entities.end(); ++it) {
                    const Mention& m = ms[*it];
                    if (m.span.begin > h.end + 40 || text.sentence_index(m.span.begin) != sentence) break;
                    if (m.type != Type::org) continue;
                    // (only lower-case words between: "brokerage", "research firm")
                    bool plain = true;
                    for (uint32_t k = h.end; k < m.span.begin && plain; ++k)
                        plain = a[k] == ' ' || (a[k] >= 'a' && a[k] <= 'z') || a[k] == '-';
                    if (plain) {
                        org = &m;
                        s.span.end = m.span.end;
                    }
                    break;
                }
            }
        }
        // A role set off from its holder's name ("Western Australia's Mines Minister, Tessa
        // Carrick, said"): the person named right after the role is the holder.
        if (!person && !unnamed && comma_after) {
            std::vector<text::Span> hw = names::words(a, h);
            if (!hw.empty() && lex.title(slice(hw.back())))
                person = named_after_comma([&](const Mention& x) { return x.type == Type::person && a[x.span.end] == ','; });
        }
        // "Tsegaye Tadesse of consultancy Addis Research estimated": a person the entities
        // pass found right before an organisation opening the holder, joined by "of", "at"
        // or "from" and a description, is the holder; the span starts at the person.
        if (!person && org && !unnamed && org->span.begin <= h.begin + 4 && s.span.begin == h.begin)
            if (const Mention* p = person_before_org(*org)) {
                person = p;
                s.span.begin = p->span.begin;
            }
        std::string hl = names::lower(names::squeeze(slice(h)));
        const bool definite = hl.rfind("the ", 0) == 0;  // "the ..."
        std::string noun;
        const Impl::Reference* ref = unnamed || person || org ? nullptr : im.reference(slice(h), &noun);
        // "The Fund", "The Bank": a capitalised reference noun alone.
        bool bare_head = !ref && !unnamed && !person && !org && !place && hl.find(' ') == hl.rfind(' ') &&
                         lex.suffix(slice(h).substr(slice(h).rfind(' ') + 1)) &&
                         (definite || hl.find(' ') == std::string::npos);
        if (bare_head) ref = im.reference(slice(h).substr(slice(h).rfind(' ') + 1), &noun);
        // "the bank's statement", "the central bank's latest report": the document of a body
        // referred to is that body's (the bank, not the last organisation named)
        if (ref && !bare_head)
            for (std::string_view mark : {"'s ", "\xE2\x80\x99s "})
                if (size_t q = hl.rfind(mark); q != std::string::npos && q > 0) {
                    std::string pnoun;
                    if (const Impl::Reference* owner = im.reference(hl.substr(0, q), &pnoun);
                        owner && !owner->has("cited") && pnoun != noun) {
                        ref = owner;
                        noun = pnoun;
                    }
                    break;
                }
        // "Portugal's energy ministry" → "Ministry of Energy" (corpus/CLAIMS.md, session 15: a
        // ministry has one canonical form, however the text writes it; whose it is stays in the
        // span). Other descriptions as they are.
        auto ministry_form = [](std::string d) -> std::string {
            for (std::string_view mark : {"'s ", "\xE2\x80\x99s "}) {
                const size_t q = d.find(mark);
                if (q == std::string::npos || q == 0 || !std::isupper(static_cast<unsigned char>(d[0]))) continue;
                std::string_view field = std::string_view(d).substr(q + mark.size());
                constexpr std::string_view kMin = " ministry";
                if (field.size() <= kMin.size() || field.compare(field.size() - kMin.size(), kMin.size(), kMin) != 0) break;
                field.remove_suffix(kMin.size());
                std::string name = "Ministry of";
                bool ok = true;
                for (size_t b = 0; b < field.size() && ok;) {
                    size_t e = field.find(' ', b);
                    if (e == std::string_view::npos) e = field.size();
                    const std::string_view w = field.substr(b, e - b);
                    ok = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
                    name += ' ';
                    name += w;
                    if (ok && w != "and") name[name.size() - w.size()] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
                    b = e + 1;
                }
                if (ok) d = name;
                break;
            }
            return d;
        };
        // The holder as a name when no entity stands for it: "the finance ministry" → "finance ministry".
        auto description = [&] {
            std::string d = names::squeeze(slice(h));
            if (definite && d.size() > 4) d = d.substr(4);
            // "the country's statistics agency": whose it is says no more than the story's
            // country ("statistics agency")
            for (std::string_view whose : {"country's ", "nation's ", "country\xE2\x80\x99s ", "nation\xE2\x80\x99s "})
                if (d.size() > whose.size() && names::lower(d.substr(0, whose.size())) == whose) {
                    d = d.substr(whose.size());
                    break;
                }
            return ministry_form(std::move(d));
        };
        // A place's office that no entity named before stands for ("Angola's
        // oil minister", "Portugal's energy ministry") is named by the
        // description (the place branch below), not dropped.
        if (ref && place && place->span.begin <= h.begin + 4) {
            const Mention* o = refer(*ref, noun, text.sentence_index(s.span.begin));
            if (!o || (!definite && ref->has("person"))) ref = nullptr;
            // "Turkey's central bank said" is that country's central bank, not the last one named
            if (noun == "central bank")
                if (const std::string* cb = im.central_bank_of.find(place->name)) {
                    ref = nullptr;
                    s.name = *cb;
                    s.kind = "central_bank";
                }
        }
        // "Data on Monday showed retail sales grew 2.9%": bare data with no determiner, owner or
        // description is a release the text does not attribute: no one, not the last named
        if (ref && (noun == "data" || noun == "figures" || noun == "statistics") && hl.rfind(noun, 0) == 0 &&
            (hl.size() == noun.size() || hl[noun.size()] == ' ')) {
            drop[i] = true;
            last_unnamed = &s;
            continue;
        }
        // "according to exchange data", "according to official figures": data described by the
        // kind of its source (as "official data showed") is named by that description, not the
        // organisation named last
        if (ref && (noun == "data" || noun == "figures" || noun == "statistics")) {
            const size_t sp = hl.find(' ');
            const std::string_view mod = sp == std::string::npos ? std::string_view() : std::string_view(hl).substr(0, sp);
            if (sp != std::string::npos && hl.compare(sp + 1, std::string::npos, noun) == 0 &&
                (mod == "official" || mod == "exchange" || mod == "government" || mod == "customs" ||
                 mod == "preliminary")) {
                s.name = names::squeeze(slice(h));
                ref = nullptr;
            }
        }
        if (ref) {
            // "Food prices climbed 3.6%, the data showed" after "government data showed": the
            // release its paragraph (or the one before) reported, whoever was named since
            // (the last source only: "the figures showed" after "the statistics office said"
            // is that office's)
            if ((noun == "data" || noun == "figures" || noun == "statistics") && !sources_done.empty()) {
                const Mention& d = ms[sources_done.back()];
                if (text.paragraph_index(d.span.begin) + 1 >= text.paragraph_index(s.span.begin) && d.cue == "showed" &&
                    !d.name.empty()) {
                    s.name = d.name;
                    s.kind = d.kind;
                }
            }
            // "an official survey showed": a document brought in new ("a", "an") is none named or
            // cited before; named by its description when it says whose kind it is ("official
            // survey"), else by no one (not the dateline's news agency named last).
            const bool new_document = (hl.rfind("a ", 0) == 0 || hl.rfind("an ", 0) == 0) && !ref->kinds.empty() &&
                                      ref->kinds.front() == "cited";
            if (new_document && s.name.empty()) {
                const size_t first = hl.find(' ') + 1;
                if (hl.find(' ', first) != std::string::npos) s.name = hl.substr(first);
                if (s.name.empty()) s.name = " ";  // (placeholder: cleared below, no one)
            }
            if (!s.name.empty()) {
                // (named by the release above, or a new document)
            } else if (ref->has("cited"))
                for (auto it = sources_done.rbegin(); it != sources_done.rend(); ++it)
                    if (ms[*it].cue == "cited") {
                        s.name = ms[*it].name;
                        s.kind = ms[*it].kind;
                        break;
                    }
            // "..., the statement said" after "the bank said in its statement": the statement
            // introduced before is the one whose source said it in a statement, not the
            // organisation named last (a statistics office's data in the paragraph between)
            if (s.name.empty() && hl == "the statement")
                for (auto it = sources_done.rbegin(); it != sources_done.rend() && s.name.empty(); ++it) {
                    const Mention& d = ms[*it];
                    if (d.name.empty() || d.kind.empty()) continue;
                    // (the words of the attribution and right after it, to the sentence's end)
                    const uint32_t stop = std::min<uint32_t>(static_cast<uint32_t>(a.size()), d.span.end + 24);
                    std::string_view after = std::string_view(a).substr(d.span.begin, stop - d.span.begin);
                    after = after.substr(0, std::min(after.find('.'), after.size()));
                    if (after.find(" statement") != std::string_view::npos) {
                        s.name = d.name;
                        s.kind = d.kind;
                    }
                }
            // (a reference to a person, "the minister", a role named before, holds after "the"
            // only: "a minister" is someone else)
            const bool person_ref = ref->has("person");
            // "According to SNE Research, Hanul held 11.2% ..., while CATL's share rose to 37.9%,
            // the research firm said": a noun that is not the story's subject ("research firm",
            // "consultancy") closing a sentence an organisation of its kinds already attributes is
            // that attribution again, not the organisation named last (a subject of the figures)
            if (s.name.empty() && !person_ref && definite && !ref->subject)
                for (auto it = sources_done.rbegin(); it != sources_done.rend(); ++it) {
                    const Mention& d = ms[*it];
                    if (text.sentence_index(d.span.begin) != text.sentence_index(s.span.begin)) break;
                    if (!d.name.empty() && !d.kind.empty() && ref->has(d.kind)) {
                        s.name = d.name;
                        s.kind = d.kind;
                        break;
                    }
                }
            if (s.name.empty() && (!person_ref || definite))
                if (const Mention* o = refer(*ref, noun, text.sentence_index(s.span.begin))) take(s, *o);
            // "The chemicals group said" after "Dutch chemicals group Veldmark NV": the company the
            // story introduced with these words right before its name, whatever came between
            if (!person_ref && definite && hl.size() > 4 && hl.find(' ', 4) != std::string::npos)
                if (const Mention* o = introduced_as(hl.substr(4), s.span.begin)) take(s, *o);
            // "the carrier said" after "Gulf Horizon Airways, the Abu Dhabi-based carrier," or
            // "budget carrier SkyVista": an industry noun alone is the company the story
            // introduced as one (its apposition or the noun before its name), not the company
            // named most (the planemaker of an airline's order). Not "the company", "the group".
            if (!person_ref && definite && ref->subject && hl.size() > 4 && hl.find(' ', 4) == std::string::npos &&
                noun != "company" && noun != "group" && noun != "firm" && noun != "business")
                if (const Mention* o = introduced_as_noun(hl.substr(4), s.span.begin)) take(s, *o);
            // "according to its annual report": the sentence's subject organisation, or, when
            // the sentence opens with a pronoun itself ("Its loss narrowed ..., according to its
            // filing"), the organisation a recent sentence opened with: the one the story is
            // talking about, not the last named ("split between Airbus and Boeing")
            if (!person_ref && (hl.rfind("its ", 0) == 0 || hl.rfind("their ", 0) == 0)) {
                if (const Mention* o = sentence_subject_org(s.span.begin)) take(s, *o);
                else if (const Mention* r = recent_subject_org(s.span.begin)) take(s, *r);
            }
            // "the economy ministry said" after the Federal Statistics Office: a ministry or
            // department described by what it deals with is one whose name has that word ("the
            // finance ministry" → Ministry of Finance); another body is not it, and the ministry
            // (or one that nothing named before stands for) is named by its description.
            if (noun == "ministry" || noun == "department") {
                std::vector<std::string> ws;
                for (size_t b = 0; b <= hl.size();) {
                    size_t e = hl.find(' ', b);
                    if (e == std::string::npos) e = hl.size();
                    if (e > b) ws.push_back(hl.substr(b, e - b));
                    b = e + 1;
                }
                if (ws.size() >= 2 && ws.back() == noun) {
                    const std::string& mod = ws[ws.size() - 2];
                    bool plain = mod == "the" || mod == "its" || mod == "their" || mod == "a" || mod == "an" ||
                                 mod.find('-') != std::string::npos || mod.find('\'') != std::string::npos ||
                                 mod.find("\xE2\x80\x99") != std::string::npos;
                    std::string name = names::lower(s.name);
                    const std::string stem = mod.substr(0, std::min<size_t>(mod.size(), 5));
                    if (!plain && mod.size() >= 4 && (name.empty() || name.find(stem) == std::string::npos)) {
                        s.name = description();
                        s.kind = "government";
                        s.role.clear();
                        s.affiliation.clear();
                        // ... unless the story writes the ministry out just after ("the trade
                        // ministry said ... according to the Ministry of Trade, Industry and
                        // Energy"): the same body, by its full name
                        const size_t sent = text.sentence_index(s.span.begin);
                        for (auto it = first_inside(s.span.end); it != entities.end(); ++it) {
                            const Mention& m = ms[*it];
                            if (text.sentence_index(m.span.begin) > sent + 2) break;
                            if (m.type != Type::org || m.name.empty()) continue;
                            const std::string n = names::lower(m.name);
                            if (n.find(noun) != std::string::npos && n.find(stem) != std::string::npos) {
                                take(s, m);
                                break;
                            }
                        }
                    }
                }
            }
            // "the central bank said" in a story that names none: the central bank of the
            // country the sentence names, else of the first country the story names ("Egypt's
            // core inflation eased to 24.4%, the central bank said" → Central Bank of Egypt)
            if (s.name.empty() && definite && noun == "central bank")
                if (const std::string* cb = im.country_central_bank(ms, text, s.span.begin)) {
                    s.name = *cb;
                    s.kind = "central_bank";
                }
            // "the government said" in a story that names no government body: the government of
            // the country the sentence names, else of the first country the story names, as
            // "the Centre" is India's ("Malaysia will keep its export duty at 9.5%, the
            // government said" → Government of Malaysia)
            if (s.name.empty() && hl == "the government")
                if (const std::string* c = Impl::country_named(ms, text, s.span.begin)) {
                    s.name = "Government of " + *c;
                    s.kind = "government";
                }
            // A public body no organisation named before stands for ("the finance ministry
            // said" in a brief that names none) is named by its description, not dropped:
            // a fact-checker still knows whom to ask. (A company noun is not: "the company"
            // with no company is no one.)
            if (s.name.empty() && definite && hl.size() > 4) {
                bool public_body = false, other = false;  // ("the agency" may be a news agency, "the board" a company's)
                for (const std::string& k : ref->kinds) {
                    public_body |= k == "government" || k == "central_bank" || k == "agency";
                    other |= k == "media" || k == "other" || k == "company";
                }
                public_body &= !other;
                // (a body described by whom it is for, "the pilots' union", "the farmers'
                // association", is as plain a description as a public body's)
                const bool members = hl.find("s' ") != std::string::npos || hl.find("s\xE2\x80\x99 ") != std::string::npos;
                // (a bare "the bureau said" after "the statistics bureau said" is that body
                // again, below, not a new one named "bureau")
                const bool bare_noun = hl.size() == noun.size() + 4;
                if ((public_body || members) && !bare_noun) {
                    s.name = description();
                    last_described = &s;
                }
                // "the union said" after "the pilots' union said": the body described before
                // with the same noun
                if (s.name.empty())
                    for (auto it = sources_done.rbegin(); it != sources_done.rend(); ++it) {
                        const std::string n = names::lower(ms[*it].name);
                        // (or "Ministry of Finance" named so from "Oman's finance ministry said")
                        if ((n.size() > noun.size() + 1 && n.compare(n.size() - noun.size(), noun.size(), noun) == 0 &&
                             n[n.size() - noun.size() - 1] == ' ') ||
                            (noun == "ministry" && n.rfind("ministry of ", 0) == 0)) {
                            s.name = ms[*it].name;
                            s.kind = ms[*it].kind;
                            last_described = &s;
                            break;
                        }
                    }
                // "the ministry said" after "Energy and Mines Minister Rosa Quispe": the ministry
                // the minister's title names ("Ministry of Energy and Mines"), the latest such
                if (s.name.empty() && noun == "ministry" && bare_noun)
                    for (auto p = persons.rbegin(); p != persons.rend() && s.name.empty(); ++p) {
                        if ((*p)->span.begin >= s.span.begin) continue;
                        // the capitalised words (and "and") right before the person, ending "Minister"
                        std::vector<std::string_view> ws;
                        uint32_t e = (*p)->span.begin;
                        while (e > 0 && ws.size() < 7) {
                            while (e > 0 && a[e - 1] == ' ') --e;
                            uint32_t b = e;
                            while (b > 0 && std::isalpha(static_cast<unsigned char>(a[b - 1]))) --b;
                            if (b == e) break;
                            const std::string_view w(a.data() + b, e - b);
                            if (!std::isupper(static_cast<unsigned char>(w[0])) && w != "and") break;
                            ws.insert(ws.begin(), w);
                            e = b;
                        }
                        while (!ws.empty() && im.title_leads.count(ws.front())) ws.erase(ws.begin());
                        if (ws.size() < 2 || ws.back() != "Minister") continue;
                        ws.pop_back();
                        // (not a deputy's or a prime minister's: "Prime Minister", "Deputy Minister")
                        if (im.not_ministry.count(ws.front())) continue;
                        std::string name = "Ministry of";
                        for (std::string_view w : ws) name += " " + std::string(w);
                        s.name = name;
                        s.kind = "government";
                    }
                if (s.name.empty() && public_body) s.name = description();
            }
            if (s.name == " ") s.name.clear();
        } else if (person || org) {
            const Mention* chosen = person ? person : org;
            take(s, *chosen);
            // a name the entity rules kept as written may be a short form of one named before
            // (or, in the headline and lead, one written out later: "Trai data shows")
            if (!person && org->name == slice(org->span)) {
                if (const Mention* full = expansion_of(org->name))
                    take(s, *full);
                else if (text.paragraph_index(s.span.begin) <= 1)
                    if (const Mention* later = later_expansion_of(org->name)) take(s, *later);
            }
            // The source span starts at the holder's name when the holder
            // opens it ("As Alibaba CEO Eddie Wu told" → "Eddie Wu told"),
            // keeping a "the" before an organisation; and covers all of a
            // name the holder pattern started inside ("Industry and Energy
            // said" in "The Ministry of Trade, Industry and Energy said").
            if (h.begin == s.span.begin && chosen->span.begin != h.begin) {
                uint32_t b = chosen->span.begin;
                if (chosen->type != Type::person && b >= 4 && (b >= h.begin + 4 || b < h.begin)) {
                    std::string_view before(a.data() + b - 4, 4);
                    if (before == "the " || before == "The ") b -= 4;
                }
                // (a government body keeps the place whose it is: "Russia's Energy Ministry said",
                // "China's Ministry of Commerce said" — the country says which ministry speaks)
                if (chosen->type == Type::org && chosen->kind == "government" && place && place->span.begin >= h.begin &&
                    (slice(text::Span{place->span.end, b}) == "'s " ||
                     slice(text::Span{place->span.end, b}) == "\xE2\x80\x99s "))
                    b = place->span.begin;
                s.span.begin = b;
            }
            // ... and, when the holder ends the span, to the end of a name the pattern stopped
            // inside ("according to the Ministry of Trade" of "... Trade, Industry and Energy")
            if (h.end == s.span.end && chosen->span.begin < h.end && chosen->span.end > h.end &&
                chosen->span.end <= h.end + 40)
                s.span.end = chosen->span.end;
        } else if (place && im.not_place.count(s.rule)) {
            // "beat Wall Street estimates": a place holds no estimate.
        } else if (place && !s.name.empty()) {
            // (named above: a place's central bank)
        } else if (place && (hl.rfind("in ", 0) == 0) && place->span.end < s.span.end && a[place->span.end] == ',' &&
                   [&] {
                       // "In Abu Dhabi, state investor Ghaf Capital, which ..., said": a place that
                       // opens the sentence as where it happens is no holder; the organisation of the
                       // apposition after its comma speaks (session 12, diag12)
                       for (auto it = first_inside(place->span.end); it != entities.end(); ++it) {
                           const Mention& m = ms[*it];
                           if (m.span.begin >= s.span.end) break;
                           if (m.type == Type::org && a.find(',', place->span.end + 1) >= m.span.begin) {
                               take(s, m);
                               if (h.begin == s.span.begin) s.span.begin = m.span.begin;
                               return true;
                           }
                           if (m.type == Type::person || m.type == Type::org) break;
                       }
                       return false;
                   }()) {
            // (named by the organisation above)
        } else if (place) {
            // A place that only qualifies a description: "Angola's oil
            // minister" is named by the description.
            bool described = false;
            for (uint32_t k = place->span.end; k < h.end; ++k)
                if (a[k] >= 'a' && a[k] <= 'z' && !(k >= 1 && a[k - 1] == '\'') &&
                    !(k >= 3 && a.compare(k - 3, 3, "\xE2\x80\x99") == 0))
                    described = true;
            if (described) {
                s.name = ministry_form(names::squeeze(slice(h)));
                if (s.name.rfind("Ministry of ", 0) == 0) s.kind = "government";
            }
            else take(s, *place);
        } else if (hl == "he" || hl == "she" || hl == "his" || hl == "her") {
            if (last_person) take(s, *last_person);
        } else if (hl == "it" || hl == "its") {
            const bool after_unnamed =
                last_unnamed && text.paragraph_index(last_unnamed->span.begin) == text.paragraph_index(s.span.begin) &&
                text.sentence_index(last_unnamed->span.begin) + 1 == text.sentence_index(s.span.begin) &&
                (!last_org || last_org->span.begin < last_unnamed->span.begin);
            const bool after_described =
                last_described && text.paragraph_index(last_described->span.begin) == text.paragraph_index(s.span.begin) &&
                text.sentence_index(last_described->span.begin) + 1 >= text.sentence_index(s.span.begin) &&
                (!last_org || last_org->span.begin < last_described->span.begin);
            // "Brenta fell 2%, while Corvo slumped 9% after it said it would delay a payment": an
            // "it" right after a subordinator is the subject of the clause it hangs on, the
            // organisation named last in the sentence, not the one the sentence opens with
            const Mention* o = sentence_subject_org(s.span.begin);
            if (o && last_org && last_org != o && last_org->span.begin > o->span.begin &&
                text.sentence_index(last_org->span.begin) == text.sentence_index(s.span.begin) &&
                after_subordinator(h.begin))
                o = last_org;
            if (o) take(s, *o);
            else if (const Mention* r = it_after_reference(s)) take(s, *r);
            else if (after_described) {
                s.name = last_described->name;
                s.kind = last_described->kind;
            } else if (const Mention* o = last_org && !after_unnamed
                                              ? previous_subject(text.sentence_index(s.span.begin), last_org->kind)
                                              : nullptr) {
                // "Kestrel has raised $210 million in a round led by Halden Partners. On the same
                // day, it told staff ...": a pronoun continues the previous sentence's subject
                take(s, *o);
            } else if (last_org && !after_unnamed) take(s, *last_org);
        } else if (hl == "they" || hl == "their") {
            // '"...," they wrote' after "Analysts at X said": the paragraph's last source.
            size_t para = text.paragraph_index(s.span.begin);
            if (!sources_done.empty() && text.paragraph_index(ms[sources_done.back()].span.begin) == para) {
                s.name = ms[sources_done.back()].name;
                s.kind = ms[sources_done.back()].kind;
            }
        } else if (hl.find(' ') == std::string::npos && lex.group_noun(hl) && h.begin == s.span.begin &&
                   h.begin >= 4 && (a.compare(h.begin - 4, 4, "its ") == 0 || a.compare(h.begin - 4, 4, "Its ") == 0) &&
                   (sentence_subject_org(s.span.begin) || last_org)) {
            // "its analysts wrote", "its economists said": the organisation "its" refers to (as for
            // "it"), whose staff they are
            const Mention* o = sentence_subject_org(s.span.begin);
            take(s, o ? *o : *last_org);
            s.span.begin = h.begin - 4;
        } else if (unnamed || lex.group_noun(hl.substr(hl.rfind(' ') + 1))) {
            // A described group; none after a quantifier ("Several officials").
            std::vector<text::Span> ws = names::words(a, h);
            size_t k = 0;
            while (k + 1 < ws.size() && lex.not_name(slice(ws[k])) && !lex.quantifier(slice(ws[k])) &&
                   !lex.group_noun(slice(ws[k])))
                ++k;
            // the word before the holder: "Several officials said"
            uint32_t p = h.begin;
            while (p > 0 && a[p - 1] == ' ') --p;
            uint32_t q = p;
            while (q > 0 && a[q - 1] != ' ' && a[q - 1] != '\n') --q;
            bool counted = q < p && lex.quantifier(std::string_view(a.data() + q, p - q));
            // a group described by what it knows is named however many speak ("three people
            // familiar with the matter", "a person close to the company")
            bool described = hl.find(" familiar with ") != std::string::npos || hl.find(" close to ") != std::string::npos ||
                             hl.find(" briefed on ") != std::string::npos || hl.find(" knowledge of ") != std::string::npos ||
                             hl.find(" involved in ") != std::string::npos ||
                             hl.find("-based ") != std::string::npos ||  // "a Kuala Lumpur-based trader"
                             // a group cited is named however many ("citing two finance ministry
                             // officials": session 13, names13)
                             s.cue == "cited";
            // (one person described by trade, "a currency trader", "one fund manager": the noun
            // is no group noun, so "a"/"one" counts a person, not a share of a group)
            if (unnamed && !ws.empty() &&
                std::none_of(ws.begin(), ws.end(), [&](const text::Span& w) { return lex.group_noun(slice(w)); }))
                described = true;
            // a counted group of a named body is named however many too ("three OPEC+ delegates
            // told", "two Finance Ministry officials said": session 14, names14; "Several
            // officials said" stays no one)
            if (!described && counted && ws.size() >= 2 && names::capitalised(slice(ws[k])) &&
                !lex.quantifier(slice(ws[k])) && lex.group_noun(slice(ws.back())))
                described = true;
            std::string_view before(a.data() + q, p - q);
            if (!ws.empty() && (described || (!counted && !lex.quantifier(slice(ws[k]))))) {
                while (k + 1 < ws.size() && lex.quantifier(slice(ws[k]))) ++k;
                text::Span named{ws[k].begin, h.end};
                s.name = names::squeeze(slice(named));
                if (h.begin == s.span.begin) s.span.begin = named.begin;  // "and traders said" → "traders said"
                // "three people familiar with the matter said", "a person close to the company
                // said": how many speak is part of the attribution (as the corpus marks it)
                if (described && counted && s.span.begin == h.begin) s.span.begin = q;
            }
            // "the people said", "one of the people said": the group described before
            if (!described && ws.size() == 1 && (before == "the" || before == "The")) {
                for (auto it = sources_done.rbegin(); it != sources_done.rend(); ++it) {
                    const Mention& d = ms[*it];
                    if (names::lower(d.name).rfind(hl + " ", 0) == 0) {
                        s.name = d.name;
                        break;
                    }
                    // "the analysts wrote" after "analysts at Norcastell Securities estimated": the
                    // group was named by the body it works at, and is that body again
                    const std::string said = " " + names::lower(std::string(slice(d.span))) + " ";
                    if (!d.name.empty() && !d.kind.empty() &&
                        (said.find(" " + hl + " at ") != std::string::npos || said.find(" " + hl + " from ") != std::string::npos)) {
                        s.name = d.name;
                        s.kind = d.kind;
                        break;
                    }
                }
                // "two of the people said": the count and its "of the" are part of the attribution
                uint32_t p2 = q;
                while (p2 > 0 && a[p2 - 1] == ' ') --p2;
                uint32_t q2 = p2;
                while (q2 > 0 && a[q2 - 1] != ' ' && a[q2 - 1] != '\n') --q2;
                uint32_t p3 = q2;
                while (p3 > 0 && a[p3 - 1] == ' ') --p3;
                uint32_t q3 = p3;
                while (q3 > 0 && a[q3 - 1] != ' ' && a[q3 - 1] != '\n') --q3;
                if (!s.name.empty() && s.span.begin == h.begin && std::string_view(a.data() + q2, p2 - q2) == "of" &&
                    q3 < p3 && lex.quantifier(std::string_view(a.data() + q3, p3 - q3)))
                    s.span.begin = q3;
            }
        } else if (im.known_holder.count(s.rule)) {
            // (no one known: no source)
        } else {
            // A name no entity rule knows: its capitalised words, when they are
            // not words that are never names.
            std::vector<text::Span> ws = names::words(a, h);
            size_t k = 0;
            while (k < ws.size() && lex.not_name(slice(ws[k]))) ++k;
            bool ok = k < ws.size() && !lex.non_person(slice(ws[k])) && !lex.honorific(slice(ws[k]));
            for (size_t j = k; j < ws.size() && ok; ++j)
                ok = names::capitalised(slice(ws[j])) || lex.particle(slice(ws[j]));
            if (ok) s.name = names::squeeze(std::string_view(a.data() + ws[k].begin, h.end - ws[k].begin));
            if (ok)
                if (const Mention* full = expansion_of(s.name)) take(s, *full);
        }
        if (s.name.empty()) {
            drop[i] = true;
            last_unnamed = &s;
            continue;
        }
        // A "cited" source names what the source before it in the sentence cites.
        if (s.cue == "cited") {
            size_t sentence = text.sentence_index(s.span.begin);
            for (auto it = sources_done.rbegin(); it != sources_done.rend(); ++it) {
                Mention& prev = ms[*it];
                if (text.sentence_index(prev.span.begin) != sentence) break;
                if (prev.cites.empty() && prev.name != s.name && prev.span.end <= s.span.begin) {
                    prev.cites = s.name;
                    break;
                }
            }
        }
        sources_done.push_back(i);
    }
    size_t w = 0;
    for (size_t i = 0; i < ms.size(); ++i)
        if (!drop[i]) {
            if (w != i) ms[w] = std::move(ms[i]);
            ++w;
        }
    ms.resize(w);
}

}  // namespace claimex::normalise
