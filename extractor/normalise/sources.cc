// Sources (source): who a statement is attributed to.
//
// A source rule (rules/sources/) matches the cue with the holder's words in a
// `holder` capture and the verb in a `cue` capture (mapped to the contract's
// cue values by the SOURCE_CUE table) or a fixed `set: cue=...`. After the
// entities pass, each source takes the name of the entity inside its holder:
// the last person there ("Alibaba CEO Eddie Wu" → Eddie Wu, with role and
// affiliation), else the first organisation or place. A holder that is a
// reference ("the publication", "the company", "the document") takes the
// last entity of the kinds the SOURCE_REFERENCE table gives it (or, for
// "cited", the last source cited); "he"/"she" the last person. A source cued
// by "cited"/"citing" is what the nearest source before it in the sentence
// cites ("According to Bloomberg, which cited a report by the New York
// Federal Reserve").
#include "extractor/normalise/entities_lexicon.h"
#include "extractor/normalise/internal.h"

#include <algorithm>
#include <unordered_map>

namespace claimex::normalise {

struct SourcesNormaliser::Impl {
    explicit Impl(const rules::RuleSet& r) : lex(r) {
        if (const auto* t = r.table("SOURCE_CUE"))
            for (const auto& row : *t)
                if (row.size() >= 2) cues[names::lower(names::squeeze(row[0]))] = row[1];
        if (const auto* t = r.table("SOURCE_REFERENCE"))
            for (const auto& row : *t)
                if (row.size() >= 2) references[names::lower(names::squeeze(row[0]))] = "," + row[1] + ",";
        for (const auto& rule : r.rules()) by_id.emplace(rule->id, rule.get());
    }
    names::Lexicon lex;
    std::unordered_map<std::string, std::string> cues;        // "says" → "said"
    std::unordered_map<std::string, std::string> references;  // "publication" → ",media,"
    std::unordered_map<std::string, const rules::Rule*> by_id;
};

SourcesNormaliser::SourcesNormaliser(const rules::RuleSet& r) : impl_(std::make_unique<Impl>(r)) {}
SourcesNormaliser::~SourcesNormaliser() = default;

bool SourcesNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const {
    auto holder = raw.capture("holder");
    if (!holder) return false;
    if (auto c = raw.capture("cue")) {
        std::string verb = names::lower(names::squeeze(text.analysis_slice(*c)));
        auto it = impl_->cues.find(verb);
        if (it == impl_->cues.end()) return false;
        out.cue = it->second;
    } else if (raw.rule) {
        auto it = raw.rule->attrs.find("cue");
        if (it == raw.rule->attrs.end()) return false;
        out.cue = it->second;
    }
    out.holder = holder;
    out.context = raw.context;
    return !out.cue.empty();
}

void SourcesNormaliser::resolve_document(std::vector<Mention>& ms, const text::Text& text) const {
    const Impl& im = *impl_;
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
    // go so that references resolve in constant time: the last of each
    // kind, the last person.
    std::unordered_map<std::string, size_t> last_of_kind;
    std::unordered_map<std::string, size_t> last_by_word;  // "agency" → International Energy Agency
    const Mention* last_person_seen = nullptr;
    size_t seen = 0;
    auto advance = [&](uint32_t upto) {
        for (; seen < entities.size() && ms[entities[seen]].span.end <= upto; ++seen) {
            const Mention& m = ms[entities[seen]];
            if (m.type == Type::person) last_person_seen = &m;
            else if (!m.name.empty()) {
                last_of_kind[m.kind] = entities[seen];
                if (m.type == Type::org)
                    names::each_name_word(m.name, [&](const std::string& w) { last_by_word[w] = entities[seen]; });
            }
        }
    };
    auto first_inside = [&](uint32_t begin) {
        return std::lower_bound(entities.begin(), entities.end(), begin,
                                [&](size_t e, uint32_t b) { return ms[e].span.begin < b; });
    };

    std::vector<size_t> sources_done;
    for (size_t i = 0; i < ms.size(); ++i) {
        Mention& s = ms[i];
        if (s.type != Type::source || !s.holder) continue;
        const text::Span h = *s.holder;
        advance(s.span.begin);
        const Mention* last_person = nullptr;
        const Mention* first_other = nullptr;
        // Entities inside the holder, or overlapping it (a holder pattern
        // may start inside a name the entity rules saw whole).
        auto from = first_inside(h.begin);
        if (from != entities.begin() && ms[*std::prev(from)].span.end > h.begin) --from;
        for (auto it = from; it != entities.end(); ++it) {
            const Mention& m = ms[*it];
            if (m.span.begin >= h.end) break;
            if (!m.span.overlaps(h)) continue;
            if (m.type == Type::person) last_person = &m;
            else if (!first_other) first_other = &m;
        }
        const Mention* chosen = last_person ? last_person : first_other;
        if (chosen) {
            take(s, *chosen);
            // The source span starts at the holder's name when the holder
            // opens it ("As Alibaba CEO Eddie Wu told" → "Eddie Wu told"),
            // keeping a "the" before an organisation.
            if (h.begin == s.span.begin && chosen->span.begin > h.begin) {
                uint32_t b = chosen->span.begin;
                if (chosen->type != Type::person && b >= h.begin + 4) {
                    std::string_view before(a.data() + b - 4, 4);
                    if (before == "the " || before == "The ") b -= 4;
                }
                s.span.begin = b;
            }
        } else {
            std::string hl = names::lower(names::squeeze(slice(h)));
            std::string noun = hl.rfind("the ", 0) == 0 ? hl.substr(4) : hl;
            // "the Fund", "The Bank": a capitalised reference noun.
            bool reference = hl != noun || (noun.find(' ') == std::string::npos && im.lex.suffix(slice(h)));
            if (hl == "he" || hl == "she") {
                if (last_person_seen) take(s, *last_person_seen);
            } else if (auto r = im.references.find(noun); r != im.references.end() && reference) {
                const std::string& kinds = r->second;
                if (kinds.find(",cited,") != std::string::npos) {
                    for (auto it = sources_done.rbegin(); it != sources_done.rend(); ++it)
                        if (ms[*it].cue == "cited") {
                            s.name = ms[*it].name;
                            s.kind = ms[*it].kind;
                            break;
                        }
                }
                if (s.name.empty()) {
                    // The latest organisation of any of the kinds.
                    const Mention* o = nullptr;
                    for (size_t b = 1, e; b < kinds.size(); b = e + 1) {
                        e = kinds.find(',', b);
                        auto it = last_of_kind.find(kinds.substr(b, e - b));
                        if (it != last_of_kind.end() && ms[it->second].type == Type::org &&
                            (!o || ms[it->second].span.begin > o->span.begin))
                            o = &ms[it->second];
                    }
                    // "the agency" after the International Energy Agency.
                    if (auto w = last_by_word.find(noun); w != last_by_word.end() &&
                                                         noun.find(' ') == std::string::npos &&
                                                         (!o || ms[w->second].span.begin > o->span.begin))
                        o = &ms[w->second];
                    if (o) take(s, *o);
                }
            } else {
                // A name no entity rule knows ("Acme said"): its capitalised
                // words, when they are not words that are never names.
                std::vector<text::Span> ws = names::words(a, h);
                size_t k = 0;
                while (k < ws.size() && im.lex.not_name(slice(ws[k]))) ++k;
                bool ok = k < ws.size() && !im.lex.non_person(slice(ws[k])) && !im.lex.honorific(slice(ws[k]));
                for (size_t j = k; j < ws.size() && ok; ++j)
                    ok = names::capitalised(slice(ws[j])) || im.lex.particle(slice(ws[j]));
                if (ok) s.name = names::squeeze(std::string_view(a.data() + ws[k].begin, h.end - ws[k].begin));
            }
        }
        if (s.name.empty()) {
            drop[i] = true;
            continue;
        }
        // What this source cites is named by a "cited" source after it in
        // the same sentence; a "cited" source names what the one before cites.
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
