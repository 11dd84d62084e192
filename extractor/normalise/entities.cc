// Organisations, people and places (org, person, place).
//
// Per mention: a gazetteer hit takes its entry's canonical name and kind; a
// name found by a pattern (an organisation by its suffix, a person by a role
// or honorific) is trimmed of words that are never names ("However", "In"),
// looked up in the gazetteers (so "Alibaba Group Holding Ltd" is Alibaba and
// "In Beijing" is the city), and otherwise checked for the shape of a name.
//
// Per document (linear in the number of mentions plus one scan of the words
// when there is something to look for):
//   1. references ("the publication") → the last organisation of the kind
//      the rule names (set: refer=media);
//   2. acronym definitions ("China Center for International Economic Affairs
//      (CCIEE)") make the acronym an alias for the rest of the document;
//   3. people named as the holders of sources ("John Smith said") who no
//      entity rule found;
//   4. people: affiliation from an organisation next to the role ("Alibaba CEO
//      Eddie Wu", "economist at the IMF"), full name, role and affiliation as
//      first introduced for every later mention ("Mr Wu" → Eddie Wu);
//   5. later short references ("Wu", "Chen", "CCIEE") anywhere after the
//      introduction.
#include "extractor/normalise/entities_lexicon.h"
#include "extractor/normalise/internal.h"

#include <algorithm>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unordered_map>

namespace claimex::normalise {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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

constexpr std::string_view kShortRefRule = "entities.short_ref";
constexpr std::string_view kAcronymRule = "entities.acronym";
constexpr std::string_view kHolderRule = "entities.source_holder";

}  // namespace

// What the entity rules set (`set: refer=media`, `set: single=yes`,
// `kind:`), read once per rule.
struct RuleInfo {
    std::string refer, single, kind;
};

struct EntitiesNormaliser::Impl {
    explicit Impl(const rules::RuleSet& r) : lex(r) {
        for (const auto& rule : r.rules()) {
            auto get = [&](const char* k) {
                auto a = rule->attrs.find(k);
                return a == rule->attrs.end() ? std::string() : a->second;
            };
            rule_info.emplace(rule->id, RuleInfo{get("refer"), get("single"), get("kind")});
        }
    }
    names::Lexicon lex;
    std::unordered_map<std::string, RuleInfo> rule_info;

    const RuleInfo& info(const std::string& rule_id) const {
        static const RuleInfo none;
        auto it = rule_info.find(rule_id);
        return it == rule_info.end() ? none : it->second;
    }

    bool common_word_reading(const rules::RawMention& raw, const text::Text& t) const;
    bool from_pattern(const rules::RawMention& raw, const text::Text& t, Mention& out) const;
    // Trims punctuation off the words of a candidate name.
    std::vector<text::Span> name_words(const std::string& a, text::Span s) const;
    bool set_entry(const rules::GazetteerEntry& e, Mention& out) const {
        out.name = e.name;
        out.kind = e.kind;
        out.type = names::is_place_kind(e.kind) ? Type::place : Type::org;
        return !out.name.empty();
    }
};

EntitiesNormaliser::EntitiesNormaliser(const rules::RuleSet& r) : impl_(std::make_unique<Impl>(r)) {}
EntitiesNormaliser::~EntitiesNormaliser() = default;

// An alias that is also a common word ("Target", "Shell") opening a sentence
// and followed by a lower-case word that does not show it is a name
// ("Target prices rose" but not "Target said").
bool EntitiesNormaliser::Impl::common_word_reading(const rules::RawMention& raw, const text::Text& t) const {
    const std::string& a = t.analysis();
    std::string_view alias(a.data() + raw.span.begin, raw.span.size());
    if (!lex.ambiguous(alias)) return false;
    const auto& sentences = t.sentences();
    if (sentences.empty()) return false;
    uint32_t sb = sentences[t.sentence_index(raw.span.begin)].begin;
    for (uint32_t i = sb; i < raw.span.begin; ++i) {
        unsigned char c = static_cast<unsigned char>(a[i]);
        if (!(is_space(static_cast<char>(c)) || c == '"' || c == '\'' || c == '(' || c >= 0x80)) return false;
    }
    uint32_t i = raw.span.end;
    if (i < a.size() && (a[i] == '\'' || static_cast<unsigned char>(a[i]) == 0xE2)) return false;  // possessive
    while (i < a.size() && a[i] == ' ') ++i;
    uint32_t b = i;
    while (i < a.size() && !is_space(a[i]) && a[i] != ',' && a[i] != '.') ++i;
    std::string_view next(a.data() + b, i - b);
    return names::lowercase_start(next) && !lex.name_follower(next);
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
    text::Span cand = raw.capture("name").value_or(raw.span);
    std::vector<text::Span> ws = name_words(a, cand);
    auto word = [&](size_t i) { return std::string_view(a.data() + ws[i].begin, ws[i].size()); };
    auto joined = [&](size_t from) {
        return names::squeeze(std::string_view(a.data() + ws[from].begin, ws.back().end - ws[from].begin));
    };
    // Try the whole name, then without leading words that cannot start a name
    // ("In", "However", "China's").
    size_t i = 0;
    for (; i < ws.size(); ++i) {
        if (const auto* e = lex.resolve(joined(i))) {
            out.span = {ws[i].begin, ws.back().end};
            return set_entry(*e, out);
        }
        std::string_view w = word(i);
        bool droppable = lex.not_name(w) || names::lowercase_start(w) || (possessive(w) && i + 1 < ws.size()) ||
                         (out.type == Type::person && i + 1 < ws.size() && (lex.title(w) || lex.honorific(w)));
        if (!droppable) break;
    }
    if (i >= ws.size()) return false;
    out.span = {ws[i].begin, ws.back().end};
    size_t n = ws.size() - i;

    if (out.type == Type::person) {
        const std::string& single_attr = info(out.rule).single;
        bool single = single_attr == "yes" || single_attr == "known";
        if (n > 5 || (n < 2 && !single)) return false;
        const names::Suffix* org_word = nullptr;
        bool generic = false;
        for (size_t k = i; k < ws.size(); ++k) {
            std::string_view w = word(k);
            if (k > i && k + 1 < ws.size() && lex.particle(w)) continue;
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
        out.name = joined(i);
        if (auto r = raw.capture("role")) {
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
            if (!lex.suffix(word(k)) && !names::lowercase_start(word(k)) && word(k) != "&") named = true;
        if (!named) return false;
        out.name = lex.strip_legal(joined(i));
        out.kind = info(out.rule).kind;
        if (out.kind.empty())
            if (const auto* s = lex.suffix(word(ws.size() - 1))) out.kind = s->kind;
        if (out.kind.empty())
            if (const auto* s = lex.suffix(word(i))) out.kind = s->kind;
        if (out.kind.empty()) out.kind = "other";
        return !out.name.empty();
    }
    // place
    out.name = joined(i);
    out.kind = info(out.rule).kind;
    return !out.name.empty();
}

bool EntitiesNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const {
    out.context = raw.context;
    if (raw.entry) {
        if (impl_->common_word_reading(raw, text)) return false;
        if (!impl_->set_entry(*raw.entry, out)) return false;
        if (out.kind.empty()) out.kind = impl_->info(out.rule).kind;
        return true;
    }
    if (!impl_->info(out.rule).refer.empty()) return true;  // resolved per document
    return impl_->from_pattern(raw, text, out);
}

void EntitiesNormaliser::resolve_document(std::vector<Mention>& ms, const text::Text& text) const {
    const Impl& im = *impl_;
    const names::Lexicon& lex = im.lex;
    const std::string& a = text.analysis();
    std::vector<bool> drop(ms.size(), false);
    std::vector<Mention> added;
    auto slice = [&](text::Span s) { return std::string_view(a.data() + s.begin, s.size()); };

    // 1. References and 2. acronym definitions, in document order.
    struct Known {
        std::string name, kind;
        Type type;
        uint32_t from;  // analysis offset after which the alias holds
    };
    std::unordered_map<std::string, Known> acronyms;
    std::unordered_map<std::string, const Mention*> last_org_of_kind;
    std::unordered_map<std::string, const Mention*> last_org_by_word;  // "agency" → International Energy Agency
    for (size_t i = 0; i < ms.size(); ++i) {
        Mention& m = ms[i];
        if (m.type != Type::org) continue;
        const std::string& refer = im.info(m.rule).refer;
        if (!refer.empty()) {
            // refer=media or refer=media,agency: the latest organisation of
            // any of the kinds.
            const Mention* found = nullptr;
            for (size_t b = 0, e; b <= refer.size(); b = e + 1) {
                e = refer.find(',', b);
                if (e == std::string::npos) e = refer.size();
                auto it = last_org_of_kind.find(refer.substr(b, e - b));
                if (it != last_org_of_kind.end() && (!found || it->second->span.begin > found->span.begin))
                    found = it->second;
            }
            // "the agency" after the International Energy Agency: an
            // organisation whose name has the noun, if it came later.
            std::string_view text_of(a.data() + m.span.begin, m.span.size());
            std::string noun = names::lower(text_of.substr(text_of.rfind(' ') + 1));
            if (auto w = last_org_by_word.find(noun);
                w != last_org_by_word.end() && (!found || w->second->span.begin > found->span.begin))
                found = w->second;
            if (!found) {
                drop[i] = true;
                continue;
            }
            m.name = found->name;
            m.kind = found->kind;
            continue;
        }
        last_org_of_kind[m.kind] = &m;
        names::each_name_word(m.name, [&](const std::string& w) { last_org_by_word[w] = &m; });
        // "Name (ACR)": the acronym in brackets right after an organisation.
        uint32_t p = m.span.end;
        while (p < a.size() && a[p] == ' ') ++p;
        if (p >= a.size() || a[p] != '(') continue;
        uint32_t b = p + 1, e = b;
        while (e < a.size() && e - b <= 10 && a[e] != ')' && !is_space(a[e])) ++e;
        if (e >= a.size() || a[e] != ')') continue;
        std::string_view acr(a.data() + b, e - b);
        if (!names::acronym_shape(acr) || lex.alias(acr)) continue;
        acronyms[std::string(acr)] = {m.name, m.kind, Type::org, e};
        bool present = false;
        for (size_t j = i + 1; j < ms.size() && ms[j].span.begin <= b; ++j)
            if (ms[j].span.begin == b && is_entity(ms[j])) present = true;
        if (present) continue;
        Mention x;
        x.type = Type::org;
        x.span = x.context = {b, e};
        x.rule = kAcronymRule;
        x.name = m.name;
        x.kind = m.kind;
        added.push_back(std::move(x));
    }

    // 3. People named as source holders that no entity rule found: the
    // capitalised words of the holder after the last entity in it
    // ("Goldman Sachs' Jan Hatzius" → Jan Hatzius).
    {
        std::vector<text::Span> entity_spans;
        for (const auto& m : ms)
            if (is_entity(m)) entity_spans.push_back(m.span);
        for (const auto& m : added) entity_spans.push_back(m.span);
        std::sort(entity_spans.begin(), entity_spans.end(),
                  [](text::Span x, text::Span y) { return x.begin < y.begin; });
        for (const auto& s : ms) {
            if (s.type != Type::source || !s.holder) continue;
            text::Span h = *s.holder;
            uint32_t from = h.begin;
            const text::Span* before = nullptr;
            // Entities overlapping the holder: from the last one that begins
            // before it (at most a few steps back) to the end of the holder.
            auto first = std::lower_bound(entity_spans.begin(), entity_spans.end(), h.begin,
                                          [](text::Span x, uint32_t b) { return x.begin < b; });
            for (int back = 0; back < 4 && first != entity_spans.begin(); ++back) --first;
            for (auto it = first; it != entity_spans.end(); ++it) {
                const text::Span& es = *it;
                if (es.begin >= h.end) break;
                if (es.end > h.begin && es.end <= h.end) {
                    from = std::max(from, es.end);
                    before = &es;
                } else if (es.overlaps(h) && es.end > h.end) {
                    from = h.end;
                }
            }
            std::vector<text::Span> ws = im.name_words(a, {from, h.end});
            size_t k = 0;
            while (k < ws.size() && (!names::capitalised(slice(ws[k])) || lex.not_name(slice(ws[k])) ||
                                     lex.honorific(slice(ws[k])) || lex.title(slice(ws[k]))))
                ++k;
            if (k >= ws.size() || ws.size() - k > 4) continue;
            bool ok = true;
            for (size_t j = k; j < ws.size() && ok; ++j) {
                std::string_view w = slice(ws[j]);
                if (j > k && j + 1 < ws.size() && lex.particle(w)) continue;
                ok = names::person_word(w) && !lex.non_person(w) && !lex.suffix(w) && !lex.honorific(w);
            }
            if (!ok) continue;
            text::Span name{ws[k].begin, ws.back().end};
            if (lex.resolve(slice(name))) continue;  // an organisation or place after all
            Mention p;
            p.type = Type::person;
            p.span = name;
            p.context = before ? text::Span{before->begin, name.end} : name;
            p.rule = kHolderRule;
            p.name = names::squeeze(slice(name));
            added.push_back(std::move(p));
        }
    }

    // Merge what was added, drop what was dropped: the rest works on the
    // final list in document order.
    // (Both lists are in document order: a merge, no sort of the big one.)
    auto settle = [&] {
        auto before = [](const Mention& x, const Mention& y) {
            return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.span.end > y.span.end;
        };
        if (added.empty() && std::find(drop.begin(), drop.end(), true) == drop.end()) return;
        std::stable_sort(added.begin(), added.end(), before);
        std::vector<Mention> out;
        out.reserve(ms.size() + added.size());
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
    settle();

    // 4. People: affiliation, then the first introduction of each person.
    struct Person {
        std::string role, affiliation;
    };
    std::unordered_map<std::string, Person> people;
    std::unordered_map<std::string, std::pair<std::string, uint32_t>> short_refs;  // token → full name, from
    std::vector<size_t> org_idx;
    for (size_t i = 0; i < ms.size(); ++i)
        if (ms[i].type == Type::org && !ms[i].name.empty()) org_idx.push_back(i);
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
            } else if (o.span.end <= c.begin && only_gap(a, o.span.end, c.begin, {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"})) {
                adjacent = &o;  // "Alibaba CEO Eddie Wu"
            } else if (o.span.begin >= c.end && !adjacent &&
                       only_gap(a, c.end, o.span.begin,
                                {"the", "The", "at", "at the", "of", "of the", "with", "with the", "for", "for the",
                                 "from", "from the", "in", "in the"})) {
                adjacent = &o;  // "economist at the IMF"
            }
            if (o.span.begin > c.end + 8) break;
        }
        const Mention* o = inside_before ? inside_before : inside_after ? inside_after : adjacent;
        return o ? o->name : "";
    };
    for (size_t i = 0; i < ms.size(); ++i) {
        Mention& m = ms[i];
        if (m.type != Type::person) continue;
        if (m.affiliation.empty() && (!(m.context == m.span) || !m.role.empty())) m.affiliation = affiliation_of(m);
        bool single = m.name.find(' ') == std::string::npos;
        if (single) {
            auto it = short_refs.find(m.name);
            if (it != short_refs.end() && !it->second.first.empty()) {
                m.name = it->second.first;
            } else if (m.rule == kHolderRule || im.info(m.rule).single == "known") {
                drop[i] = true;  // a lone capitalised word before "said" may be anything
                continue;
            }
        }
        auto [it, fresh] = people.try_emplace(m.name, Person{m.role, m.affiliation});
        if (!fresh) {
            if (it->second.role.empty()) it->second.role = m.role;
            if (it->second.affiliation.empty()) it->second.affiliation = m.affiliation;
        }
        if (fresh && single && m.rule != kHolderRule) {
            short_refs.try_emplace(m.name, m.name, m.span.end);  // "President Biden", later "Biden"
        } else if (fresh && !single) {
            // Short forms: the family name — first for "Chen Wenling", last
            // for "Eddie Wu" — and "Wu" in "Mr Wu".
            std::vector<text::Span> ws = names::words(m.name, {0, static_cast<uint32_t>(m.name.size())});
            std::string first = m.name.substr(ws.front().begin, ws.front().size());
            std::string last = m.name.substr(ws.back().begin, ws.back().size());
            bool first_is_family = lex.family_first(first) && !lex.family_first(last);
            const std::string& key = first_is_family ? first : last;
            auto add_key = [&](const std::string& k) {
                auto [s, new_key] = short_refs.try_emplace(k, m.name, m.span.end);
                if (!new_key && s->second.first != m.name) s->second.first.clear();  // two people share it
            };
            add_key(key);
            // "Abdulaziz bin Salman" is "Abdulaziz" later on.
            bool particle = false;
            for (size_t w = 1; w + 1 < ws.size(); ++w)
                if (lex.particle(m.name.substr(ws[w].begin, ws[w].size()))) particle = true;
            if (particle && !first_is_family) add_key(first);
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

    // 5. Later short references and acronyms in the running text.
    if (!short_refs.empty() || !acronyms.empty()) {
        std::vector<text::Span> taken;
        for (size_t i = 0; i < ms.size(); ++i)
            if (is_entity(ms[i]) && !drop[i]) taken.push_back(ms[i].span);
        size_t ti = 0;
        int32_t n = static_cast<int32_t>(a.size());
        int32_t i = 0;
        auto word_cp = [](UChar32 c) {
            if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                 c == '-' || c == '\'';
            return u_isalnum(c) || c == 0x2019;
        };
        while (i < n) {
            int32_t b = i;
            UChar32 c;
            U8_NEXT(a.data(), i, n, c);
            if (!word_cp(c) || c == '-' || c == '\'' || c == 0x2019) continue;
            int32_t e = i;
            while (e < n) {
                int32_t k = e;
                UChar32 d;
                U8_NEXT(a.data(), k, n, d);
                if (!word_cp(d)) break;
                e = k;
            }
            i = e;
            // Only capitalised words can be short references.
            if (c < 0x80 ? !(c >= 'A' && c <= 'Z') : !u_isupper(c)) continue;
            std::string_view w(a.data() + b, static_cast<size_t>(e - b));
            if (!names::capitalised(w)) continue;
            // "Wu's" → "Wu"
            size_t full = w.size();
            if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
            else if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") w.remove_suffix(4);
            while (!w.empty() && (w.back() == '\'' || w.back() == '-')) w.remove_suffix(1);
            if (w.empty()) continue;
            text::Span span{static_cast<uint32_t>(b), static_cast<uint32_t>(b) + static_cast<uint32_t>(w.size())};
            while (ti < taken.size() && taken[ti].end <= span.begin) ++ti;
            bool inside = false;
            for (size_t k = ti; k < taken.size() && taken[k].begin < span.end; ++k)
                if (taken[k].overlaps(span)) inside = true;
            if (inside) continue;
            std::string key(w);
            Mention x;
            if (auto it = acronyms.find(key); it != acronyms.end() && span.begin > it->second.from) {
                x.type = it->second.type;
                x.name = it->second.name;
                x.kind = it->second.kind;
                x.rule = kAcronymRule;
            } else if (auto sr = short_refs.find(key);
                       sr != short_refs.end() && !sr->second.first.empty() && span.begin >= sr->second.second &&
                       !lex.not_name(w)) {
                // Not the first word of a longer name ("Wu Jing").
                uint32_t k = span.end;
                if (w.size() == full && k + 1 < a.size() && a[k] == ' ' &&
                    names::capitalised(std::string_view(a).substr(k + 1)))
                    continue;
                x.type = Type::person;
                x.name = sr->second.first;
                const Person& p = people[x.name];
                x.role = p.role;
                x.affiliation = p.affiliation;
                x.rule = kShortRefRule;
            } else {
                continue;
            }
            x.span = x.context = span;
            added.push_back(std::move(x));
        }
    }
    settle();
}

}  // namespace claimex::normalise
