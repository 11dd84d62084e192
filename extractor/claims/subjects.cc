// The subject of a claim: the holder a figure is about (possessive lists, the entities of the
// subject phrase, "the company" and other anaphors, coordinated lists), else that phrase as a
// description; what the sentence leaves implied is in implied_subjects.cc.
// Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>
#include <cctype>

namespace claimex::claims {

// Last company named before a position (for "the company"), past those named in passing.
const Mention* Assembly::last_company_before(uint32_t byte) {
    auto it = std::lower_bound(antecedents.begin(), antecedents.end(), byte, by_begin);
    return it == antecedents.begin() ? nullptr : *std::prev(it);
}

// The last company named before `byte` (of the antecedents "the company" may refer to) that
// `pred` accepts, or null.
template <class Pred>
const Mention* Assembly::last_antecedent_before(uint32_t byte, Pred pred) {
    auto it = std::lower_bound(antecedents.begin(), antecedents.end(), byte, by_begin);
    while (it != antecedents.begin())
        if (pred(*--it)) return *it;
    return nullptr;
}

// The organisation last named before `byte` making an offer: an acquire verb within a few
// words after its name ("Corvane agreed on Wednesday to buy", "Coralbay will pay",
// "Drummond offered"), no punctuation between but an apposition ("Falcon Investment
// Authority, an Abu Dhabi state fund ..., agreed to buy").
const Mention* Assembly::bidder_before(uint32_t byte) {
    auto it = std::lower_bound(ms.begin(), ms.end(), byte, [](const Mention& m, uint32_t b) { return m.span.begin < b; });
    while (it != ms.begin()) {
        const Mention* m = &*--it;
        if (m->type != Type::org || m->name.empty()) continue;
        uint32_t at = m->span.end;
        if (at < a.size() && a[at] == ',') {  // past an apposition, to its closing comma
            const size_t close = a.find(',', at + 1);
            const size_t stop = a.find_first_of(";\n", at + 1);
            if (close == std::string::npos || close - at > 120 || (stop != std::string::npos && stop < close)) continue;
            at = static_cast<uint32_t>(close + 1);
        }
        for (int n = 0; n < 5; ++n) {
            std::string w = word_near(at, true);
            if (w.empty()) break;  // punctuation or the end of the text
            if (lx.acquire_verbs.count(w)) return m;
            while (at < a.size() && a[at] == ' ') ++at;
            at += static_cast<uint32_t>(w.size());
        }
    }
    return nullptr;
}

// The area an entity stands for: a country or region, a city that is an economy of its
// own (Hong Kong, Singapore), or an authority's area (ECB → Eurozone).
const std::string* Assembly::area_of(const Mention& m) {
    // (asked per claim for the same mentions: worked out once per mention)
    if (&m < ms.data() || &m >= ms.data() + ms.size()) return area_of_raw(m);
    if (area_known.empty()) area_known.assign(ms.size(), 0), area_memo.assign(ms.size(), nullptr);
    const size_t i = static_cast<size_t>(&m - ms.data());
    if (!area_known[i]) area_memo[i] = area_of_raw(m), area_known[i] = 1;
    return area_memo[i];
}

// The area an authority speaks for (jurisdictions.tsv). A name other countries' bodies share
// ("National Bureau of Statistics" in a story about Nigeria) is its listed area's when the story
// names that area or no country at all, else the first country the story names (session 23).
const std::string* Assembly::jurisdiction_of(const std::string& raw) {
    const std::string name = lower(raw);
    auto it = lx.jurisdictions.find(name);
    if (it == lx.jurisdictions.end()) return nullptr;
    if (lx.shared_jurisdictions.count(name)) {
        const std::string* other = nullptr;
        for (const Mention& x : ms) {
            if (x.type != Type::place || std::string_view(x.kind) != "country") continue;
            if (x.name == it->second) return &it->second;
            if (!other) other = &x.name;
        }
        if (other) return other;
    }
    return &it->second;
}

const std::string* Assembly::area_of_raw(const Mention& m) {
    if (m.name.empty()) return nullptr;
    if (m.type == Type::place &&
        (std::string_view(m.kind) == "country" || std::string_view(m.kind) == "region" || lx.areas.count(m.name)))
        return &m.name;
    if (m.type == Type::org && !m.kind.empty() && std::string_view(m.kind) != "company") {
        return jurisdiction_of(m.name);
    }
    return nullptr;
}

// A company noun at token k ("the trading house", "the fashion house": "house" in lower case;
// "the House" is a chamber).
bool Assembly::company_noun_at(size_t k) const {
    return lx.company_nouns.count(toks[k]) &&
           !(toks[k].low == "house" && std::isupper(static_cast<unsigned char>(a[toks[k].begin])));
}

// The company the paragraph's sentence before the one that starts at byte `at` opens with (its
// subject: "Tsubame Logistics, in which Kaiyo holds a 30% stake, said its sales fell. Its
// operating profit was ..." is Tsubame's; "Kaiyo" is named last). Null when `at` does not
// open its sentence, or that sentence is in another paragraph, or opens with no company,
// a possessive ("Alibaba's cloud unit") or one of a pair ("Infosys and Wipro").
const Mention* Assembly::previous_opener(uint32_t at) {
    const auto& sents = t.sentences();
    const size_t si = t.sentence_index(at);
    if (si == 0 || si >= sents.size()) return nullptr;
    uint32_t b = sents[si].begin;
    while (b < at && std::isspace(static_cast<unsigned char>(a[b]))) ++b;
    if (b != at) return nullptr;
    const text::Span prev = sents[si - 1];
    if (t.paragraph_index(prev.begin) != t.paragraph_index(sents[si].begin)) return nullptr;
    return sentence_opener(prev);
}

// The company sentence `prev` opens with (its subject), past a dateline; null when it opens with
// none, with a possessive ("Alibaba's cloud unit") or with one of a pair ("Infosys and Wipro").
const Mention* Assembly::sentence_opener(const text::Span& prev) {
    auto it = std::lower_bound(companies.begin(), companies.end(), prev.begin, by_begin);
    if (it == companies.end() || (*it)->span.begin >= prev.end) return nullptr;
    const Mention* m = *it;
    uint32_t from = prev.begin;
    // (past a dateline: "TOKYO, Nov 4 - Kaiyo Shipping Co posted")
    for (uint32_t k = prev.begin; k + 2 < m->span.begin && k < prev.begin + 60; ++k)
        if (a[k] == ' ' && (a[k + 1] == '-' || static_cast<unsigned char>(a[k + 1]) == 0xE2)) {
            from = k + 1;
            while (from < m->span.begin && a[from] != ' ') ++from;
            break;
        }
    int words = 0;
    for (uint32_t k = from; k < m->span.begin; ++k)
        if (a[k] == ' ' && k > from && a[k - 1] != ' ') ++words;
    if (words > 2) return nullptr;
    const std::string_view after = std::string_view(a).substr(m->span.end, 6);
    if (after.substr(0, 1) == "'" || after.substr(0, 3) == "\xE2\x80\x99" || after.substr(0, 5) == " and " ||
        after.substr(0, 6) == ", and ")
        return nullptr;
    return m;
}

// "the companies", "the two groups", "both companies" (with "together" or "also" after): how
// many companies the phrase [lo, hi) refers back to (2 unless a number says), 0 when it is no
// such phrase.
size_t Assembly::plural_companies(size_t lo, size_t hi) const {
    while (hi > lo + 1 && (trailing_adverbs.count(toks[hi - 1]) || toks[hi - 1].low == "together")) --hi;
    if (hi - lo < 2 || hi - lo > 3) return 0;
    static const StringSet plurals = {"companies", "groups", "firms", "carmakers", "chipmakers", "banks", "lenders",
                                      "miners", "retailers", "insurers", "airlines", "rivals", "partners"};
    if (!plurals.count(toks[hi - 1].low)) return 0;
    if (hi - lo == 2) return toks[lo].low == "the" || toks[lo].low == "both" ? 2 : 0;
    if (toks[lo].low != "the") return 0;
    const std::string_view w = toks[lo + 1].low;
    return w == "two" ? 2 : w == "three" ? 3 : w == "four" ? 4 : 0;
}

// "central bank" ending at token k: a bank, but no company.
bool Assembly::central_bank_at(size_t k) const {
    return toks[k].low == "bank" && k > 0 && toks[k - 1].low == "central";
}

// "it", "the company", "the San Jose, California-based company": a phrase that refers
// back to the last company named (company nouns: rules/claims/words.tsv).
bool Assembly::is_anaphor(size_t lo, size_t hi) {
    while (hi > lo + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;  // "the bank also"
    if (lo >= hi) return false;
    if (hi - lo == 1) return toks[lo].low == "it";
    // ("In the first quarter it earned 84 cents", "Last year it earned $84 million": a fronted
    // adverbial with no comma before "it" — session 20)
    if (toks[hi - 1].low == "it" && hi - lo <= 6 &&
        (kPrepositions.count(toks[lo]) || toks[lo].low == "last" || toks[lo].low == "this" || toks[lo].low == "earlier")) {
        for (size_t k = lo; k + 1 < hi; ++k)
            if ((toks[k].bits & lx.kVerbWord) || !toks[k].is_word()) return false;
        return true;
    }
    // ("The committee lowered its policy rate": a central bank's rate-setting body, after the bank
    // was named, is the bank)
    if (toks[lo].low == "the" && hi - lo <= 4 && committee_bank(lo, hi)) return true;
    // (a headline drops the article: "Hryvnia slips; central bank sells $780 mln" — session 23)
    if (hi - lo == 2 && central_bank_at(lo + 1) && t.paragraph_index(toks[lo].begin) < lead_paragraph) return true;
    if (toks[lo].low != "the" || hi - lo > 6 || !(company_noun_at(hi - 1) || government_nouns.count(toks[hi - 1])))
        return false;
    // ("The International Monetary Fund", "The World Bank", "The Asian Development Bank": a noun
    // inside a name is no reference back)
    if (sv.tok_mention[hi - 1] != SIZE_MAX) {
        const Mention& m = ms[sv.tok_mention[hi - 1]];
        if (toks[hi - 1].low == "fund" ||
            (m.type == Type::org && !m.name.empty() && m.span.begin > toks[lo].begin && hi - lo > 2 &&
             std::isupper(static_cast<unsigned char>(a[toks[hi - 1].begin]))))
            return false;
    }
    if (toks[hi - 1].low == "house" && hi - lo < 3) return false;  // (a house needs its kind: "the trading house")
    for (size_t k = lo + 1; k + 1 < hi; ++k)
        if ((toks[k].bits & lx.kVerbWord) || toks[k].low == "of" || toks[k].low == "(") return false;
    return true;
}

// The central bank named last before the phrase [lo, hi) that ends in "committee" or "council",
// when no company was named after the bank: a rate decision's rate-setting body is the bank.
const Mention* Assembly::committee_bank(size_t lo, size_t hi) {
    if (hi <= lo || (toks[hi - 1].low != "committee" && toks[hi - 1].low != "council")) return nullptr;
    const uint32_t at = toks[lo].begin;
    auto it = std::lower_bound(central_banks.begin(), central_banks.end(), at, by_begin);
    if (it == central_banks.begin()) return nullptr;
    const Mention* cb = *std::prev(it);
    const Mention* co = last_company_before(at);
    if (co && co->span.begin > cb->span.begin) return nullptr;
    return cb;
}

// An organisation the text calls a fund: by its name ("Public Investment Fund", "Qatar
// Investment Authority"), the words right before it ("Abu Dhabi fund Mubadala", "wealth fund
// Temasek") or its apposition ("Falcon, an Abu Dhabi state fund,").
bool Assembly::fund_like(const Mention& m) const {
    if (m.name.find("Fund") != std::string::npos || m.name.find("Invest") != std::string::npos) return true;
    const std::string_view t(a);
    if (m.span.begin >= 5 && t.substr(m.span.begin - 5, 5) == "fund ") return true;
    if (m.span.end + 2 < t.size() && t.substr(m.span.end, 2) == ", ") {
        size_t e = t.find_first_of(",.;", m.span.end + 2);
        if (e == std::string_view::npos || e > m.span.end + 80) e = std::min(t.size(), size_t{m.span.end} + 80);
        std::string_view app = t.substr(m.span.end + 2, e - m.span.end - 2);
        if (app.size() >= 4 && app.substr(app.size() - 4) == "fund") return true;
    }
    return false;
}

// What an anaphor refers to: "the central bank" → the last central bank named; "the bank"
// → the last central bank or company named, whichever came last; "the government", "the
// Treasury" → the last government named; else the last company.
const Mention* Assembly::referent(size_t lo, size_t hi) {
    while (hi > lo + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;
    const uint32_t at = toks[lo].begin;
    auto last_of = [&](const std::vector<const Mention*>& v) -> const Mention* {
        auto it = std::lower_bound(v.begin(), v.end(), at, by_begin);
        return it == v.begin() ? nullptr : *std::prev(it);
    };
    std::string_view head = toks[hi - 1].low;
    if (const Mention* cb = committee_bank(lo, hi)) return cb;
    if (government_nouns.count(head)) {
        // "the government" is no ministry ("the Ministry of Finance said ... The government
        // plans to issue"): the economy's, below
        const Mention* g = last_of(governments);
        if (g && head == "government") {
            std::string_view n = g->name;
            if (ministry_name(n)) return nullptr;
            // nor a department named the other way round or a legislature ("Dubois told the House
            // of Commons that the government would spend ...")
            for (std::string_view part : {" Department", "House of ", "Parliament", "Congress", "Senate", "Assembly",
                                          "Sabha", "Bundestag", "Diet"})
                if (n.find(part) != std::string_view::npos) return nullptr;
        }
        return g;
    }
    // "the fund": the last investor or international body named ("Abu Dhabi fund Mubadala
    // ... the fund said", "the IMF ... The fund expects"), a fund a document may tag as a
    // company, an agency ("... Investment Authority") or an international body
    if (head == "fund") {
        const Mention *f = nullptr, *any = nullptr;
        for (const Mention& m : ms) {
            if (m.type != Type::org || m.name.empty() || m.span.begin >= at) continue;
            const std::string_view k = m.kind;
            // (not one only quoted as a speaker: "..., Capital Economics said")
            if (!(k == "company" || k == "international" || k == "agency") || !named_outside.count(m.name)) continue;
            if (!any || any->span.begin < m.span.begin) any = &m;
            if ((!f || f->span.begin < m.span.begin) && fund_like(m)) f = &m;  // (one called a fund)
        }
        return f ? f : any;
    }
    if (head == "bank") {
        const Mention* cb = last_of(central_banks);
        bool central = false;
        for (size_t k = lo; k < hi; ++k) central |= toks[k].low == "central";
        // (a headline's "central bank sells $780 mln" before the lead names it: the story's bank,
        // the first named after — session 23)
        if (central && !cb) {
            auto it = std::lower_bound(central_banks.begin(), central_banks.end(), at, by_begin);
            if (it != central_banks.end()) return *it;
        }
        if (central) return cb;
        const Mention* co = last_company_before(at);
        return cb && (!co || cb->span.begin > co->span.begin) ? cb : co;
    }
    // "the company", "it" after a unit was named ("Its robotics unit, Hoshino Robotics,
    // lifted profit. The company raised its dividend"): the parent, not the unit
    const Mention* c = last_company_before(at);
    // An anaphor opening a sentence continues the subject the sentence before opened with
    if (c && (head == "it" || company_noun_at(hi - 1)))
        if (const Mention* o = previous_opener(at); o && o->name != c->name && !in_passing(*o)) c = o;
    // ... and one in a later clause of the sentence a company opens refers to that subject, not to
    // the object named after it ("Nordmark Bank agreed to buy Valtera, the Baltic lender, ..., as
    // the Swedish group reported a 12% rise in net profit": Nordmark's)
    // (the generic nouns only: "the Quebec-based developer" after "agreed to buy Northern Spodumene"
    // describes the object)
    if (c && (head == "group" || head == "company" || head == "firm") && S.begin < at)
        if (const Mention* o = sentence_opener(S); o && o->span.end < at && o->name != c->name && !in_passing(*o)) c = o;
    // "it" right after an attribution ("The chemicals group said it expects"): the speaker the
    // sources stage resolved
    // (a central bank's too, with or without a company named: "The bank said it sold $1.3 billion
    // to dealers" — session 23)
    if (head == "it") {
        auto sp = std::lower_bound(named_sources.begin(), named_sources.end(), at, by_begin);
        if (sp != named_sources.begin()) {
            const Mention* src = *std::prev(sp);
            const std::string_view gap = src->span.end <= at ? std::string_view(a).substr(src->span.end, at - src->span.end)
                                                             : std::string_view("x");
            const std::string_view kind = src->kind;
            if ((gap == " " || gap == " that ") && (!c || src->name != c->name) &&
                (kind == "company" || kind == "central_bank") && (c || kind == "central_bank")) {
                if (kind == "central_bank") {
                    for (auto it = std::lower_bound(central_banks.begin(), central_banks.end(), at, by_begin);
                         it != central_banks.begin();)
                        if ((*--it)->name == src->name) return *it;
                } else if (const Mention* m = last_antecedent_before(at, [&](const Mention* x) { return x->name == src->name; }))
                    return m;
            }
        }
    }
    // An anaphor that holds a source the sources stage resolved ("The carmaker, which sold 4.1
    // million vehicles last year, said" → the company the previous sentence opened with, not
    // the one it named last): that company, so that subject and source agree
    if (c && head != "it") {
        auto s = std::lower_bound(named_sources.begin(), named_sources.end(), at, by_begin);
        if (s != named_sources.end() && (*s)->span.begin == at && (*s)->name != c->name &&
            std::string_view((*s)->kind) == "company")
            if (const Mention* m = last_antecedent_before(at, [&](const Mention* x) { return x->name == (*s)->name; }))
                return m;
    }
    // ("The reinsurance unit, Ardent Re, ... while the primary insurance division held its ratio":
    // another part, named by other words and another unit noun, is a part of the parent)
    bool other_part = false;
    if (c && unit_companies.count(c->name) && lx.unit_nouns.count(head) && hi >= lo + 2 && toks[hi - 2].is_word() &&
        !kDeterminers.count(toks[hi - 2]) && toks[hi - 2].low != "its" && toks[hi - 2].low != "their")
        if (auto u = unit_intro.find(c->name); u != unit_intro.end() && u->second != head) other_part = true;
    if (c && unit_companies.count(c->name) && head != "it" && (!lx.unit_nouns.count(head) || other_part))
        if (const Mention* m = last_antecedent_before(at, [&](const Mention* x) { return !unit_companies.count(x->name); }))
            return m;
    return c;
}

// "He expects the central bank to raise ...": the person "he" or "she" stands for, the last
// one named in this paragraph or the one before (an analyst introduced with a quote); null
// when none is.
const Mention* Assembly::person_before(uint32_t at) const {
    const size_t pi = t.paragraph_index(at);
    const Mention* last = nullptr;
    for (const Mention& m : ms) {
        if (m.span.begin >= at) break;
        if (m.type == Type::person && !m.name.empty() && t.paragraph_index(m.span.begin) + 1 >= pi) last = &m;
    }
    return last;
}

// Who opens the sentence before token hi (a verb): an anaphor's
// referent, else an organisation or person named at its start that
// reaches up to the verb ("The Bank of England expects", "Orvane
// expects"); null when neither.
const Mention* Assembly::opening_holder(size_t hi, size_t from) {
    if (from >= hi || hi > toks.size()) return nullptr;
    if (is_anaphor(from, hi)) return referent(from, hi);
    if (hi == from + 1 && (toks[from].low == "he" || toks[from].low == "she")) return person_before(S.begin);
    size_t lo = toks[from].low == "the" ? from + 1 : from;
    if (lo < hi && sv.tok_mention[lo] != SIZE_MAX) {
        const Mention& m = ms[sv.tok_mention[lo]];
        if ((m.type == Type::org || m.type == Type::person) && sv.token_at(m.span.end) >= hi) return &m;
    }
    return nullptr;
}

std::vector<const Mention*> Assembly::entities_in(size_t lo, size_t hi, bool skip_parens) {
    std::vector<const Mention*> out;
    if (lo >= hi || hi > toks.size()) return out;
    // (nor, with skip_parens, one inside a relative clause set off by commas: "The Italian
    // lender, which is pursuing a stake in Germany's Commerzbank, raised ...")
    auto in_relative = [&](uint32_t b) {
        bool inside = false;
        for (size_t k = lo; k + 1 < hi && toks[k].begin < b; ++k) {
            if (toks[k].low != ",") continue;
            const std::string_view w = toks[k + 1].low;
            const std::string_view w2 = k + 2 < hi ? toks[k + 2].low : Word();
            inside = w == "which" || w == "who" || w == "whose" ||
                     ((w == "in" || w == "of") && (w2 == "which" || w2 == "whom"));
        }
        if (!inside) return false;
        // (only a clause closed before the phrase ends: a figure inside the clause has its
        // subject there, "which come on top of the EU's standard 10% tariff")
        for (size_t k = lo; k < hi; ++k)
            if (toks[k].begin > b && toks[k].low == ",") return true;
        return false;
    };
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        if (!is_entity(m)) continue;
        if (m.span.begin < toks[lo].begin || m.span.end > toks[hi - 1].end) continue;
        if (skip_parens && (sv.inside_parens(m.span.begin) || in_relative(m.span.begin))) continue;
        // ("Copper futures on the London Metal Exchange", "shares on the Nasdaq": the exchange
        // an instrument trades on is its venue, not its holder)
        if (m.type == Type::org && std::string_view(m.kind) == "exchange") {
            size_t k = sv.token_at(m.span.begin);
            if (k > 0 && toks[k - 1].low == "the") --k;
            if (k > 0 && (toks[k - 1].low == "on" || toks[k - 1].low == "at")) continue;
        }
        out.push_back(&m);
    }
    return out;
}

void Assembly::add_name(Subject& s, const std::string& n) {
    if (!n.empty() && std::find(s.names.begin(), s.names.end(), n) == s.names.end()) s.names.push_back(n);
}

// "A, B and C's": the entities of a possessive list whose "'s" starts at token `k - 2`
// (the tokenizer splits the apostrophe); empty when token k is not preceded by one.
std::vector<const Mention*> Assembly::possessive_list(size_t k) {
    std::vector<const Mention*> list;
    if (k < 2 || !sv.possessive_at(k - 2)) return list;
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
}

// Before token k, one or two plain lower-case words that name a segment ("domestic",
// "European", "cloud") or a date ("2025") right after a possessive "'s": the index past the
// possessive; else k.
size_t Assembly::past_segment_words(size_t k) const {
    for (size_t b = k; b > 0 && k - b < 3;) {
        const Token& w = toks[--b];
        // ("Tesla's 2025 deliveries", "Apple's fourth-quarter revenue": a date says when)
        const bool date = sv.tok_mention[b] != SIZE_MAX && ms[sv.tok_mention[b]].type == Type::date;
        if (date && b >= 2 && sv.possessive_at(b - 2)) return b;
        if (date) continue;
        if (!w.is_word() || sv.tok_mention[b] != SIZE_MAX || (w.bits & (lx.kVerbWord | lx.kChangeWord)) ||
            kDeterminers.count(w) || kPrepositions.count(w) || kNotHeads.count(w) || std::isdigit(static_cast<unsigned char>(w.low[0])))
            return k;
        if (b >= 2 && sv.possessive_at(b - 2)) return b;
    }
    return k;
}

// Metric modifiers before token k ("combined", "annual"): the first modifier's index.
size_t Assembly::modifiers_start(size_t k, bool* combined) {
    while (k > 0 && kMetricModifiers.count(toks[k - 1])) {
        std::string_view w = toks[k - 1].low;
        if (combined && (w == "combined" || w == "total" || w == "aggregate" || w == "joint")) *combined = true;
        --k;
    }
    return k;
}

// "exports to the US", "imports from China", "cars into the bloc": a trade partner (a
// `partner` word before it), never the figure's holder.
// (Places only: "figures from the ONS" name a source, not a partner.)
// ("orders from outside the euro zone", "sales to within the bloc": a word of place between
// the partner word and the place changes nothing — session 24)
bool Assembly::is_partner(const Mention* m) {
    if (m->type != Type::place) return false;
    size_t k = sv.token_at(m->span.begin);
    if (k > 0 && toks[k - 1].low == "the") --k;
    if (k > 1 && (toks[k - 1].low == "outside" || toks[k - 1].low == "inside" || toks[k - 1].low == "within" ||
                  toks[k - 1].low == "beyond"))
        --k;
    return k > 0 && lx.partner_words.count(toks[k - 1]) > 0;
}

// A state or country written after a city or county and a comma ("Columbus, Ohio,", "Hamilton
// County, Ohio, postponed"), the list closing there (the phrase's end, or a comma and no other
// name or "and" after it): it says where the place is, it is not a second place of a list ("Ohio,
// Indiana and Michigan").
bool Assembly::place_locator(const Mention* place, const Mention* next, size_t hi) const {
    if (place->type != Type::place || next->type != Type::place) return false;
    const std::string_view pk = place->kind, nk = next->kind;
    if (pk != "city" && pk != "region") return false;
    if (nk != "region" && nk != "country") return false;
    const size_t a = sv.token_at(place->span.end), b = sv.token_at(next->span.begin);
    if (b != a + 1 || toks[a].low != ",") return false;
    const size_t after = sv.token_at(next->span.end);
    if (after >= hi) return true;
    if (toks[after].low != ",") return false;
    // ("Bavaria, Saxony, Hesse and Thuringia": a list goes on after the comma)
    const size_t n = after + 1;
    return n >= toks.size() || (sv.tok_mention[n] == SIZE_MAX && toks[n].low != "and" && toks[n].low != "or");
}

// A partner, or a place coordinated with one ("Exports to Germany, France and Italy
// combined rose": none of the three is the holder).
bool Assembly::partner_listed(const Mention* m) {
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
}

void Assembly::drop_partners(std::vector<const Mention*>& ents) {
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
}

// A company or central bank named at token j or after up to four plain words from j
// ("state-run utility KEPCO", "largest carmaker BYD"), before `hi`; null when none.
const Mention* Assembly::org_after_words(size_t j, size_t hi) const {
    for (size_t e = std::min(hi, j + 5); j < e; ++j) {
        if (sv.tok_mention[j] != SIZE_MAX) {
            const Mention& o = ms[sv.tok_mention[j]];
            const std::string_view kind = o.kind;
            return o.type == Type::org && !o.name.empty() && (kind == "company" || kind == "central_bank") ? &o : nullptr;
        }
        if (!toks[j].is_word() || (toks[j].bits & (lx.kVerbWord | lx.kChangeWord)) || kPrepositions.count(toks[j]) ||
            kNotHeads.count(toks[j]))
            return nullptr;
    }
    return nullptr;
}

// A place that only says where a company is from ("Perth miner Coralbay", "the Austin
// firm", "the San Jose, California-based company", "Singapore's Marlow Capital"): the
// company is the subject: the one named right after, else the one referred back to, else
// the story's company. Empty when the phrase [lo, hi) is no such phrase.
std::string Assembly::company_by_place(size_t lo, size_t hi) {
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
            // "India's Ministry of Defence will receive Rs 6.81 lakh crore": a ministry or department
            // holding the clause is its own holder (corpus/CLAIMS.md: a ministry's allocation is its
            // own budget), the country only says whose it is
            if (o && o->type == Type::org && std::string_view(o->kind) == "government" &&
                sv.token_at(o->span.end) == hi &&
                (o->name.rfind("Ministry", 0) == 0 || o->name.rfind("Department", 0) == 0))
                return o->name;
            // "Mexico's Banxico", "South Korea's state-run utility KEPCO", "China's largest carmaker
            // BYD": a company or central bank named after a few plain words
            if (const Mention* n = org_after_words(k + 2, hi)) return n->name;
            // "Japan's biggest brokerage has ...": a few plain words ending in a company noun
            // refer back to the company (as "the Austin firm" does)
            for (size_t j = k + 2; j < hi && j < k + 6 && toks[j].is_word() && !mention_at(j) &&
                                   !(toks[j].bits & lx.kVerbWord) && !(toks[j].bits & lx.kChangeWord);
                 ++j)
                if (company_noun_at(j) && j + 1 == hi) {
                    if (central_bank_at(j)) return {};  // ("Brazil's central bank": below, no company)
                    if (const Mention* c = last_company_before(toks[lo].begin)) return c->name;
                    return doc_company;
                }
            return {};
        }
        if (m || (toks[k].bits & lx.kVerbWord) || (toks[k].bits & lx.kChangeWord)) return {};
        if (company_noun_at(k) && !central_bank_at(k)) {
            const Mention* o = mention_at(k + 1);
            if (o && o->type == Type::org) return o->name;
            // ("Abu Dhabi fund buys 8% of ...": a headline's fund is the one the story calls so)
            if (toks[k].low == "fund")
                for (const Mention& f : ms)
                    if (f.type == Type::org && fund_like(f)) return f.name;
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
}

// Words lo..hi that are a place and the plain words after it ("U.S. gold futures"): no
// possessive, no other entity, no verb; at least one word after the place.
bool Assembly::market_place_words(size_t lo, size_t hi) {
    while (lo < hi && kDeterminers.count(toks[lo])) ++lo;
    if (lo >= hi || sv.tok_mention[lo] == SIZE_MAX || ms[sv.tok_mention[lo]].type != Type::place) return false;
    size_t k = sv.token_at(ms[sv.tok_mention[lo]].span.end);
    if (k >= hi || toks[k].low == "'" || kPrepositions.count(toks[k])) return false;
    for (; k < hi && !kPrepositions.count(toks[k]); ++k)  // (up to a complement: "for December")
        if (!toks[k].is_word() || sv.tok_mention[k] != SIZE_MAX || (toks[k].bits & lx.kVerbWord) ||
            (toks[k].bits & lx.kChangeWord))
            return false;
    return true;
}

// "The group's operating profit", "the lender's net interest income": a possessive anaphor
// whose "'s" starts at token `k - 2` refers back to its referent; when the sentence ends in
// an organisation's own attribution ("..., Bayer said"), to that speaker, who names itself
// ("..., according to market researcher Cellwatch" cites a third party's data: not the holder —
// session 24). Null when there is no such anaphor.
const Mention* Assembly::anaphor_possessive(size_t k) {
    if (k < 4 || !sv.possessive_at(k - 2)) return nullptr;
    size_t b = k - 2;
    while (b > 0 && k - 2 - b < 5 && toks[b - 1].is_word() && !(toks[b - 1].bits & lx.kVerbWord)) {
        --b;
        if (toks[b].low == "the") break;
    }
    if (toks[b].low != "the" || !is_anaphor(b, k - 2) || government_nouns.count(toks[k - 3])) return nullptr;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        if (m.type == Type::source && !m.name.empty() && m.span.begin > toks[k].begin && m.span.end <= S.end &&
            std::string_view(m.kind) == "company" && m.cue != "according to")
            for (const Mention* c : companies)
                if (c->name == m.name && c->span.begin >= S.begin && c->span.end <= S.end) return c;
    }
    return referent(b, k - 2);
}

// "The country's output", "the city's sales tax revenue", "the state's", "The bloc's share": "the"
// (one plain word may stand between: "the Gulf state's") and a place noun (words.tsv place_country
// ...) before the "'s" ending at token k - 2 refer back to the last place of that kind named before
// it (a bloc: the last international body); null when none is, or the noun is a name's own word.
const Mention* Assembly::place_possessive(size_t k) const {
    if (k < 4 || !sv.possessive_at(k - 2)) return nullptr;
    const size_t n = k - 3;
    if (sv.tok_mention[n] != SIZE_MAX) return nullptr;
    const std::string_view w = toks[n].low;
    const char* want = lx.place_country_nouns.count(w) ? "country"
                       : lx.place_city_nouns.count(w)  ? "city"
                       : lx.place_region_nouns.count(w) ? "region"
                       : lx.place_bloc_nouns.count(w)   ? "international"
                                                        : nullptr;
    if (!want) return nullptr;
    size_t b = n;
    if (b > 0 && toks[b - 1].low != "the" && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
        !(toks[b - 1].bits & lx.kVerbWord))
        --b;
    if (b == 0 || toks[b - 1].low != "the") return nullptr;
    const uint32_t at = toks[b - 1].begin;
    const Mention* last = nullptr;
    for (const Mention& m : ms) {
        if (m.span.begin >= at) break;
        if (m.name.empty() || std::string_view(m.kind) != want) continue;
        if ((m.type == Type::place) == (std::string_view(want) != "international")) last = &m;
    }
    return last;
}

// The holder a possessive names: "fined Kunlun Motors", "A, B and C's [combined] metric",
// a plural possessive ("Chinese brands' share"), or a possessive after the figure's word
// ("would cut Coralbay's earnings per share by 12%"). True when it decided the subject.
bool Assembly::possessive_subject(const MetricHit& metric, size_t anchor, Subject& s) {
    // "the regulator fined rival Kunlun Motors 2.1 billion yuan": the fine is the fined
    // organisation's, the object of "fined" before the figure (a few words may precede it).
    // (the headline's present tense too: "Ofwat fines Thames Brook Water £104m")
    if (metric.tok != SIZE_MAX && metric.tok < anchor &&
        (toks[metric.tok].low == "fined" || toks[metric.tok].low == "fines" || toks[metric.tok].low == "fining")) {
        for (size_t k = metric.tok + 1; k < anchor && k <= metric.tok + 4; ++k) {
            if (!toks[k].is_word()) break;
            if (sv.tok_mention[k] == SIZE_MAX) continue;
            const Mention& o = ms[sv.tok_mention[k]];
            if (o.type == Type::org && !o.name.empty()) {
                add_name(s, o.name);
                return true;
            }
            break;
        }
    }
    // "imposed a fine of Rs 25 crore on Meridian Broking", "a penalty of $95 million against X":
    // the fine is the organisation after "on"/"against" right after the figure.
    if (metric.key == "fine" && anchor < toks.size() && sv.tok_mention[anchor] != SIZE_MAX) {
        size_t k = sv.token_at(ms[sv.tok_mention[anchor]].span.end);
        if (k + 1 < toks.size() && (toks[k].low == "on" || toks[k].low == "against")) {
            ++k;
            while (k < toks.size() && kDeterminers.count(toks[k])) ++k;
            if (k < toks.size() && sv.tok_mention[k] != SIZE_MAX) {
                const Mention& o = ms[sv.tok_mention[k]];
                if (o.type == Type::org && !o.name.empty()) {
                    add_name(s, o.name);
                    return true;
                }
            }
        }
    }
    // "which represents a third of the mine's 3,400 employees", "Orvane's 2,800 workers": a
    // possessive right before the figure names whose it is, whatever heads the clause (an
    // organisation or place, or the company "the company's" refers to; not a person)
    if (anchor >= 3 && anchor < toks.size() && sv.possessive_at(anchor - 2)) {
        auto list = possessive_list(anchor);
        if (!list.empty() && list.front()->type != Type::person) {
            for (auto* m : list) add_name(s, m->name);
            return true;
        }
        if (list.empty())
            if (const Mention* r = anaphor_possessive(anchor)) {
                add_name(s, r->name);
                return true;
            }
    }
    // (a) "A, B and C's [combined] metric" (in the figure's own clause)
    const bool metric_here = metric.tok != SIZE_MAX && metric.tok >= clause_start_tok(anchor);
    if (metric_here && metric.tok < anchor) {
        size_t k = modifiers_start(metric.tok, &s.combined);
        auto list = possessive_list(k);
        // ("France's 10-year OAT yield", "Mexico's benchmark IPC index": a place's possessive
        // before the instrument's own words, a tenor, a name or a kind of bond)
        if (list.empty() && (metric.key == "stock_index" || metric.key == "yield"))
            if (size_t j = instrument_words_back(k); j < k) {
                auto l2 = possessive_list(j);
                if (l2.size() == 1 && l2.front()->type == Type::place) list = l2;
            }
        // "The Baltic Exchange's supramax index", "the LME's cash nickel contract": an exchange
        // publishes what it quotes; the instrument's own words are the subject
        // (and a market's index or yield named by its place: "Germany's DAX", "Hong Kong's Hang
        // Seng index" are the instrument's, not the economy's)
        const bool market_of_place = list.size() == 1 && list.front()->type == Type::place &&
                                     (metric.key == "stock_index" || metric.key == "yield");
        if (list.size() == 1 && lx.traded_metrics.count(metric.key) &&
            ((list.front()->type == Type::org && std::string_view(list.front()->kind) == "exchange") ||
             market_of_place)) {
            size_t b = sv.token_at(list.front()->span.end);
            while (b < metric.tok && (toks[b].low == "'" || toks[b].low == "s")) ++b;
            if (b < metric.tok + metric.base_n) {
                s.description = std::string(sv.slice(toks[b].begin, toks[metric.tok + metric.base_n - 1].end));
                s.named_instrument = true;
                return true;
            }
        }
        // ("Tesla's 2025 deliveries": past a date between the possessive and the metric)
        if (list.empty()) {
            const size_t k2 = past_segment_words(k);
            bool dated = false;
            for (size_t j = k2; j < k; ++j) dated |= sv.tok_mention[j] != SIZE_MAX && ms[sv.tok_mention[j]].type == Type::date;
            // (or past a plain word or two: "Ofgem set Northcourt's allowed return on equity"; not
            // a superlative's apposition: "the US, Vietnam's biggest export market, ...")
            // "Asia's fourth-largest economy"; nor a market quote: "The Baltic Exchange's main
            // sea freight index" is the index's)
            bool plain = k2 < k && k2 + 2 >= k;
            for (size_t j = k2; j < k && plain; ++j) {
                const std::string_view w = toks[j].low;
                plain = !lx.superlatives.count(w) && !(w.size() > 4 && w.substr(w.size() - 3) == "est");
            }
            if (dated || plain) list = possessive_list(k2);
            if (!dated && list.size() == 1 && lx.traded_metrics.count(metric.key) &&
                (list.front()->type == Type::place || std::string_view(list.front()->kind) == "exchange"))
                list.clear();
        }
        if (!list.empty()) {
            for (auto* m : list) add_name(s, m->name);
            return true;
        }
        if (const Mention* r = anaphor_possessive(k)) {
            add_name(s, r->name);
            return true;
        }
        // "The company's domestic sales", "the parent's European revenue": a segment's figure is
        // its company's, past one or two plain words between the anaphor's "'s" and the metric
        if (const Mention* r = anaphor_possessive(past_segment_words(k))) {
            add_name(s, r->name);
            return true;
        }
        // "The city's sales tax revenue", "the bloc's share": a place named by its kind
        if (const Mention* r = place_possessive(past_segment_words(k))) {
            add_name(s, r->name);
            return true;
        }
        // "The county council's budget", "the borough's council tax": a local government named only
        // by its kind (words.tsv `local_body`) holds its own figure, not the story's economy
        if (k >= 3 && sv.possessive_at(k - 2) && lx.local_bodies.count(toks[k - 3].low) &&
            sv.tok_mention[k - 3] == SIZE_MAX) {
            size_t b = k - 3;
            while (b > 0 && k - 3 - b < 2 && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
                   !kDeterminers.count(toks[b - 1]))
                --b;
            s.description = std::string(sv.slice(toks[b].begin, toks[k - 3].end));
            return true;
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
                   !(toks[b - 1].bits & (lx.kVerbWord | lx.kChangeWord)) && !kNotHeads.count(toks[b - 1]))
                --b;
            s.description = std::string(sv.slice(toks[b].begin, toks[k - 2].end));
            return true;
        }
    }
    // "The average teacher's salary", "the median household's income": a singular possessive of
    // a plain noun after an `average` word (or "typical") is that group's figure, not the economy's
    if (metric_here && metric.tok < anchor) {
        size_t k = modifiers_start(metric.tok, nullptr);
        if (k >= 4 && sv.possessive_at(k - 2) && toks[k - 3].is_word() &&
            sv.tok_mention[k - 3] == SIZE_MAX && !(toks[k - 3].bits & (lx.kVerbWord | lx.kChangeWord))) {
            size_t b = k - 3;
            while (b > 0 && k - 3 - b < 3 && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
                   !kDeterminers.count(toks[b - 1]) && !lx.average_words.count(toks[b]) && toks[b].low != "typical")
                --b;
            if (b < k - 3 && (lx.average_words.count(toks[b]) || toks[b].low == "typical")) {
                s.description = std::string(sv.slice(toks[b].begin, toks[k - 3].end));
                return true;
            }
        }
    }
    s.combined = false;
    // (a') the object of a change or a comparison names its holder by a possessive right
    // after the figure's word: "would cut Coralbay's earnings per share by 12%", "adds
    // ¥50 billion to Toyota's annual operating profit", "a 38% premium to X's closing
    // price" (a metric phrase of the lexicon after the possessive, no comma between).
    // Not a premium's or a discount's: "a 27% premium to Helix's closing price" measures the
    // offer against the target's price; the offer is the bidder's.
    const bool against_reference = lx.reference_words.count(metric.key) > 0;
    for (size_t k = anchor + 1; !against_reference && k < toks.size() && k <= anchor + 8; ++k) {
        if (toks[k].low == "," || toks[k].low == ";" || toks[k].low == "(") break;
        if (!sv.possessive_at(k)) continue;
        size_t m0 = k + 2;
        while (m0 < toks.size() && kMetricModifiers.count(toks[m0])) ++m0;
        size_t n = 0;
        bool hit = false;  // the metric word may follow a word or two ("closing price")
        for (size_t j = m0; j < toks.size() && j <= m0 + 2 && !hit; ++j) {
            if (sv.tok_mention[j] != SIZE_MAX || !toks[j].is_word()) break;
            hit = metric_phrase(j, &n) != nullptr;
        }
        if (!hit) break;
        auto list = possessive_list(k + 2);
        if (list.empty() || list.front()->type == Type::person) break;
        for (auto* m : list) add_name(s, m->name);
        return true;
    }
    return false;
}

// "cut its growth forecast for China to 4.5%": the economy or company a forecast is for (a
// place or organisation right after "forecast for"), not the forecaster its possessive
// names. True when it decided the subject.
bool Assembly::forecast_for_subject(const MetricHit& metric, size_t anchor, Subject& s) {
    if (metric.tok == SIZE_MAX || metric.tok < clause_start_tok(anchor)) return false;
    size_t f = metric.tok + metric.base_n;  // (the forecast noun: after the metric, or its last word)
    if (f < toks.size() && !kForecastNouns.count(toks[f]) && kForecastNouns.count(toks[f - 1])) --f;
    if (f + 2 < toks.size() && kForecastNouns.count(toks[f]) && toks[f + 1].low == "for") {
        size_t e = f + 2;
        if (toks[e].low == "the") ++e;
        if (e < toks.size() && sv.tok_mention[e] != SIZE_MAX) {
            const Mention& m = ms[sv.tok_mention[e]];
            if (m.type == Type::place || m.type == Type::org) {
                const std::string* area = m.type == Type::place ? area_of(m) : nullptr;
                add_name(s, area ? *area : m.name);
                return true;
            }
        }
    }
    // "raised its forecast for Tesla's 2025 deliveries": the possessive after the forecast's
    // "for"/"of" holds the figure, not the forecaster (its source)
    if (metric.tok >= 4) {
        size_t k = metric.tok;
        if (!sv.possessive_at(k - 2)) k = past_segment_words(k);
        if (auto list = possessive_list(k); !list.empty()) {
            const size_t b = sv.token_at(list.front()->span.begin);
            if (b >= 2 && (toks[b - 1].low == "for" || toks[b - 1].low == "of") && kForecastNouns.count(toks[b - 2])) {
                for (auto* m : list) add_name(s, m->name);
                return true;
            }
        }
    }
    return forecast_of_place(metric, s);
}

// "raised its estimate of the Brazilian soybean crop to 172 million tonnes", "its forecast for
// U.S. corn output": a forecast whose complement qualifies the metric by a demonym or a place
// is that place's figure, not the forecaster's (who is its source).
bool Assembly::forecast_of_place(const MetricHit& metric, Subject& s) {
    size_t k = metric.tok;
    for (int words = 0; k > 0 && words < 4 && toks[k - 1].is_word() && toks[k - 1].low != "of" &&
                        toks[k - 1].low != "for" && !kForecastNouns.count(toks[k - 1]);
         ++words)
        --k;
    if (k < 2 || (toks[k - 1].low != "of" && toks[k - 1].low != "for") || !kForecastNouns.count(toks[k - 2])) return false;
    for (size_t j = k; j < metric.tok; ++j) {
        size_t n = 0;
        if (const Lexicon::Entry* e = demonym(j, &n)) {
            add_name(s, e->value);
            return true;
        }
        if (sv.tok_mention[j] != SIZE_MAX && ms[sv.tok_mention[j]].type == Type::place) {
            const std::string* area = area_of(ms[sv.tok_mention[j]]);
            add_name(s, area ? *area : ms[sv.tok_mention[j]].name);
            return true;
        }
    }
    return false;
}

// The start of the instrument's own words that end right before token k: a tenor ("10-year",
// "two-year"), a name (capitalised: "Bund", "OAT", "WIG20"), or a kind of security ("government
// bond", "benchmark", "treasury"); at most four. k when there are none, or no tenor or name among
// them.
size_t Assembly::instrument_words_back(size_t k) const {
    static const WordList kinds{{"government", "bond", "bonds", "benchmark", "treasury", "note", "notes",
                                "sovereign", "debt", "index", "share", "stock", "main", "broader",
                                "blue-chip", "composite", "all-share"}};
    size_t j = k;
    bool named = false;
    while (j > 0 && k - j < 4) {
        const Token& w = toks[j - 1];
        if (!w.is_word()) break;
        if (sv.tok_mention[j - 1] != SIZE_MAX) {
            const Mention& m = ms[sv.tok_mention[j - 1]];
            if (m.type != Type::org && m.type != Type::quantity) break;  // (an index's name may be read as one)
        }
        const std::string_view lw = w.low;
        const bool tenor = lw.size() > 5 && (lw.ends_with("-year") || lw.ends_with("-month"));
        const bool name = std::isupper(static_cast<unsigned char>(a[w.begin])) && !sv.possessive_at(j - 1);
        if (!tenor && !name && !kinds.count(lw)) break;
        named |= tenor || name;
        --j;
    }
    return named ? j : k;  // ("Taiwan's benchmark index", "Jakarta's main index": the place names it)
}

// The holder the metric's complement names ("the market value of American companies",
// "the yield on 10-year gilts"). True when it decided the subject.
bool Assembly::complement_subject(const MetricHit& metric, size_t anchor, Subject& s) {
    const bool metric_here = metric.tok != SIZE_MAX && metric.tok >= clause_start_tok(anchor);
    // (b) "the market value of American companies" → what follows "of"
    if (metric_here) {
        size_t after = metric.tok + metric.base_n;
        // "the rate on a two-year fixed mortgage" (a mortgage rate by its complement, which
        // the phrase spans): the complement names the product quoted
        if (metric.base_n > 1 && toks[metric.tok + 1].low == "on" && lx.scope_of(metric.key) == "quote")
            after = metric.tok + 1;
        // "the yield on 10-year gilts", "prices for spodumene concentrate": a quote's complement
        // (and "the average rate on a two-year fixed mortgage": a rate on a product, not a bank's)
        bool bank_rate = lx.scope_of(metric.key) == "bank";
        bool quote_complement = after < toks.size() && (lx.scope_of(metric.key) == "quote" || bank_rate) &&
                                (toks[after].low == "on" || toks[after].low == "for");
        const bool quoted_for = quote_complement;  // (before the central bank's exception below)
        // ("rates for the euro area" stay the central bank's)
        if (quote_complement && bank_rate && !entities_in(after + 1, metric.tok + metric.n, false).empty())
            quote_complement = false;
        if (after < metric.tok + metric.n && (toks[after].low == "of" || quote_complement || quoted_for)) {
            size_t lo = after + 1, hi = metric.tok + metric.n;
            if (is_anaphor(lo, hi)) {
                if (const Mention* c = referent(lo, hi)) {
                    add_name(s, c->name);
                    return true;
                }
            }
            if (std::string c = company_by_place(lo, hi); !c.empty()) {
                add_name(s, c);
                return true;
            }
            // "Rates for very large crude carriers on the Middle East to China route": a quote's
            // complement of plain words, then places along a route ("on", "from", "between"),
            // is what is quoted; the places are where it runs
            if (quoted_for) {
                size_t r = lo;
                while (r < hi && toks[r].is_word() && sv.tok_mention[r] == SIZE_MAX && !kPrepositions.count(toks[r])) ++r;
                if (r > lo + 1 && r < hi &&
                    (toks[r].low == "on" || toks[r].low == "from" || toks[r].low == "between")) {
                    size_t d0 = lo;
                    while (d0 + 1 < r && kDeterminers.count(toks[d0])) ++d0;
                    s.description = std::string(sv.slice(toks[d0].begin, toks[r - 1].end));
                    s.named_instrument = true;
                    s.complement = true;
                    return true;
                }
            }
            if (!quote_complement && toks[after].low != "of") return false;
            // ("Copper futures on the London Metal Exchange": a venue, not what is quoted; the
            // words before the metric name the instrument)
            if (toks[after].low == "on") {
                size_t v = lo;
                while (v < hi && kDeterminers.count(toks[v])) ++v;
                if (v < hi && sv.tok_mention[v] != SIZE_MAX && ms[sv.tok_mention[v]].type == Type::org &&
                    std::string_view(ms[sv.tok_mention[v]].kind) == "exchange")
                    return false;
            }
            auto ents = entities_in(lo, hi, true);
            drop_partners(ents);
            // "the yield on Poland's 10-year bond": a place's possessive before the instrument's
            // own words names the instrument with them, not the economy (CLAIMS.md: market
            // figures take the instrument)
            if (quote_complement && ents.size() == 1 && ents.front()->type == Type::place &&
                (metric.key == "yield" || metric.key == "stock_index")) {
                const size_t pe = sv.token_after(ents.front()->span.end);
                if (pe + 1 < hi && sv.possessive_at(pe) && instrument_words_back(hi) <= pe + 2 &&
                    instrument_words_back(hi) < hi) {
                    size_t d0 = lo;
                    while (d0 + 1 < hi && kDeterminers.count(toks[d0])) ++d0;
                    s.description = trim(sv.slice(toks[d0].begin, toks[hi - 1].end));
                    s.named_instrument = true;
                    s.complement = true;
                    return true;
                }
            }
            if (!ents.empty()) {
                for (auto* m : ents) add_name(s, m->name);
                return true;
            }
            // "a price of $68.40 a barrel for its crude": the holder "its" refers back to
            if (quote_complement && (toks[lo].low == "its" || toks[lo].low == "their"))
                if (const Mention* c = last_company_before(toks[lo].begin)) {
                    add_name(s, c->name);
                    return true;
                }
            size_t d0 = lo;
            while (quote_complement && d0 + 1 < hi && kDeterminers.count(toks[d0])) ++d0;
            // ("the market value of all cryptocurrencies": the whole of a plural)
            if (d0 + 1 < hi && toks[d0].low == "all") ++d0;
            std::string d = trim(sv.slice(toks[d0].begin, toks[hi - 1].end));
            if (!d.empty()) {
                s.description = d;
                s.named_instrument = quote_complement;
                s.complement = true;
                return true;
            }
        }
    }
    return false;
}

// "NEW YORK, Jan 17:", "MUMBAI (Wire):": tokens [lo, colon) that are a place, then only a
// date, commas and a parenthesised agency name: a dateline, where the story was filed.
bool Assembly::dateline_before(size_t lo, size_t colon) const {
    if (lo >= colon || sv.tok_mention[lo] == SIZE_MAX || ms[sv.tok_mention[lo]].type != Type::place) return false;
    bool dated = false;
    int depth = 0;
    for (size_t k = lo; k < colon; ++k) {
        const std::string_view w = toks[k].low;
        if (w == "(") ++depth;
        else if (w == ")") --depth;
        else if (depth > 0 || w == ",") continue;
        else if (sv.tok_mention[k] == SIZE_MAX) return false;
        else if (ms[sv.tok_mention[k]].type == Type::date) dated = true;
        else if (ms[sv.tok_mention[k]].type != Type::place) return false;
    }
    // ("MUMBAI: Deccan Cements Ltd on Thursday reported ...": Indian papers' city in capitals
    // and a colon, no date)
    bool capitals = true;
    for (size_t k = lo; k < colon && capitals; ++k)
        for (char c : sv.slice(toks[k].begin, toks[k].end)) capitals &= !std::islower(static_cast<unsigned char>(c));
    // ("Dubai: Saqr Air Group ... reported": Gulf papers' city in title case opening the lead
    // paragraph — session 23)
    const bool lead_city = colon == lo + 1 && (toks[lo].begin == 0 || a[toks[lo].begin - 1] == '\n') &&
                           t.paragraph_index(toks[lo].begin) <= lead_paragraph;
    return dated || toks[colon - 1].low == ")" || capitals || lead_city;
}

// "Valtera, which has 2.1 million customers in Estonia, Latvia and Lithuania, made a net profit
// of ...": a ", which/who ... ," clause right after the subject's head that closes before the
// figure is an aside. The subject phrase ends before it and the clause's verb is the one after it.
// (A figure inside the aside is handled where the relative clause is read: anchor before its close.)
void Assembly::relative_aside(size_t cs, size_t anchor, size_t& verb, size_t& hi) {
    for (size_t k = cs + 1; k + 1 < anchor && k <= verb; ++k) {
        if (toks[k].low == ";") return;
        if (toks[k].low != "," || sv.tok_mention[k] != SIZE_MAX) continue;
        if (toks[k + 1].low != "which" && toks[k + 1].low != "who") return;
        // the aside's last comma before the main verb ("in Estonia, Latvia and Lithuania, made")
        size_t last = SIZE_MAX;
        for (size_t c = k + 2; c < anchor; ++c) {
            if (toks[c].low == ";") return;
            if (toks[c].low == "," && sv.tok_mention[c] == SIZE_MAX) last = c;
            else if (last != SIZE_MAX && sv.tok_mention[c] == SIZE_MAX &&
                     ((toks[c].bits & lx.kVerbWord) || (toks[c].bits & lx.kChangeWord)))
                break;
        }
        if (last == SIZE_MAX) return;
        const size_t v = first_verb(last + 1, anchor);
        if (v < anchor && v <= last + 2) {
            verb = v;
            hi = k;
        }
        return;
    }
}

// The first token after a dateline opening the sentence ("JOHANNESBURG, March 12 - Sasol cut
// ...", "SEOUL, Dec 1 (Yonhap) -- ...", "NEW YORK, Jan 17: ..."), 0 when there is none: the
// sentence's own words start there (its holder heads them).
size_t Assembly::dateline_head() const {
    if (toks.empty()) return 0;
    bool place = sv.tok_mention[0] != SIZE_MAX && ms[sv.tok_mention[0]].type == Type::place;
    if (!place) {
        const std::string_view w = sv.slice(toks[0].begin, toks[0].end);
        place = w.size() > 1;
        for (char c : w) place &= std::isupper(static_cast<unsigned char>(c)) != 0;
    }
    if (!place) return 0;
    for (size_t k = 0; k + 1 < toks.size() && k < 12; ++k) {
        const bool month_day = std::isupper(static_cast<unsigned char>(sv.slice(toks[k].begin, toks[k].end)[0])) &&
                               std::isdigit(static_cast<unsigned char>(sv.slice(toks[k + 1].begin, toks[k + 1].end)[0]));
        if (((toks[k].bits & lx.kVerbWord) || (toks[k].bits & lx.kChangeWord)) && !month_day) return 0;
        if (toks[k].low == "\xe2\x80\x94" || toks[k].low == "\xe2\x80\x93" || ((toks[k].low == "-" || toks[k].low == "--") && toks[k].begin > 0 && a[toks[k].begin - 1] == ' '))
            return k > 0 ? k + 1 : 0;
        if (sv.slice(toks[k].end, toks[k + 1].begin).find(" - ") != std::string_view::npos) return k + 1;
        if (toks[k].low == ":" && dateline_before(0, k)) return k + 1;
    }
    return 0;
}

// The subject phrase [lo, hi) of the figure at `anchor`. True when it decided the subject on the way.
bool Assembly::subject_phrase(const MetricHit& metric, size_t anchor, Subject& s, size_t& lo, size_t& hi) {
    // (c) the subject phrase: clause start to the first verb. A speaker is not
    // the subject ("Analysts polled by LSEG had expected ¥4.6 trillion", "Citi
    // expects Brent to average $85"): the clause after the cue verb has it, and
    // with none the subject is implied (implied_subject: "Toyota said operating
    // profit fell" → the company the article is about, Toyota).
    size_t cs = clause_start_tok(anchor);
    // ("..., but warned that higher contributions would add £17 million to costs": a clause
    // opening on a cue verb, its speaker elided, has its subject after the cue)
    if (cs + 1 < anchor && lx.speech_verbs.count(toks[cs]) && !lx.speech_aux.count(toks[cs]) &&
        sv.tok_mention[cs] == SIZE_MAX && cs > 0 && (toks[cs - 1].low == "but" || toks[cs - 1].low == "and"))
        cs += toks[cs + 1].low == "that" ? 2 : 1;
    size_t verb = first_verb(cs, anchor);
    lo = cs;
    hi = verb;
    // "Valtera, which has customers in Estonia and Latvia, made a net profit of ...": a relative
    // clause closed before the figure is an aside of the subject, its places and verb no part of it
    relative_aside(cs, anchor, verb, hi);
    // "Elsewhere, Korea's Hwaseong Electronics will invest ...", "Meanwhile, SoftCore sold ...": a
    // sentence adverb and its comma heading the clause are no part of the subject phrase
    if (lo + 2 < hi && toks[lo + 1].low == "," && toks[lo].is_word() && sv.tok_mention[lo] == SIZE_MAX) {
        size_t n = 0;
        const Lexicon::Entry* e = lex(lx.cues, lx.kCueFirst, lo, &n);
        const std::string_view w = toks[lo].low;
        if ((e && e->value == "topic_shift" && n == 1) || w == "meanwhile" || w == "however" ||
            (w.size() > 4 && w.substr(w.size() - 2) == "ly"))
            lo += 2;
    }
    // "outperforming the KOSPI index, which fell 0.4%": a ", which" clause whose verb is the
    // figure's is about the phrase before the comma (not the sentence's subject).
    for (size_t k = anchor; k-- > 1 && anchor - k <= 8;) {
        if (toks[k].low == "," || toks[k].low == ";") break;
        if (toks[k].low != "which" || toks[k - 1].low != ",") continue;
        // (an entity before the comma holds a figure up to eight words on: "tracking the Federal
        // Reserve, which held its target range at 4.25-4.5%"; a plain phrase only up to five)
        const bool far = anchor - k > 5;
        const size_t c = k - 1;
        size_t b = c;
        while (b > 0 && toks[b - 1].is_word() && !(toks[b - 1].bits & (lx.kVerbWord | lx.kChangeWord)) &&
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
                return true;
            }
        }
        if (far) break;
        // (only a quoted thing: "the KOSPI index"; "fee income from asset management, which
        // climbed 12%" stays the bank's)
        if (metric.tok != SIZE_MAX && metric.tok >= b && metric.tok < c &&
            (lx.scope_of(metric.key) == "quote" || lx.scope_of(metric.key) == "instrument")) {
            s.description = std::string(sv.slice(toks[b].begin, toks[c - 1].end));
            s.named_instrument = true;
            return true;
        }
        // "The plant, which will cost 10 billion euros, is due to ...": a plain noun phrase
        // before the comma (no metric, no entity, no company or government noun) is the
        // holder of the relative clause's figure
        if (metric.tok == SIZE_MAX || metric.tok < b || metric.tok >= c) {
            // (heading its sentence or clause, not a preposition's object: "fee income from asset
            // management, which climbed 12%" stays the bank's)
            size_t s0 = b;
            while (s0 > 0 && kDeterminers.count(toks[s0 - 1])) --s0;
            bool plain = c - b <= 4 && (s0 == 0 || !toks[s0 - 1].is_word()) && !lx.company_nouns.count(toks[c - 1]) &&
                         !government_nouns.count(toks[c - 1]) && !kNotHeads.count(toks[c - 1]);
            for (size_t q = b; q < c && plain; ++q) {
                size_t n = 0;
                plain = toks[q].is_word() && sv.tok_mention[q] == SIZE_MAX && !metric_phrase(q, &n);
            }
            if (plain) {
                s.description = std::string(sv.slice(toks[b].begin, toks[c - 1].end));
                return true;
            }
        }
        break;
    }
    // "Kestrel Foods, in which Ravi Menon owns a 12% stake, said ...": a relative clause after
    // "in which"/"of which" has a subject of its own, between "which" and its verb
    for (size_t k = anchor; k-- > cs + 2 && anchor - k <= 12;) {
        if (toks[k].low == ";" || toks[k].low == ",") break;
        if ((toks[k].low == "which" || toks[k].low == "whom") && (toks[k - 1].low == "in" || toks[k - 1].low == "of") &&
            toks[k - 2].low == ",") {
            const size_t v = first_verb(k + 1, anchor);  // (or the figure: "owns" is no verb of the list)
            if (v > k + 1) {
                lo = k + 1;
                hi = v;
            }
            break;
        }
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
            if (hi == anchor && !(toks[anchor].bits & lx.kChangeWord)) hi = lo;  // no change word: none
            break;
        }
    }
    // "FRANKFURT — The European Central Bank ...": a dateline is no part of the subject.
    // (the text stage may have made the dash a plain " - ", which is no token)
    // ("NEW YORK, May 22 (Wire) - ...": a capitalised word before a figure is a date's month, not
    // the verb "may")
    auto month_day = [&](size_t k) {
        return k + 1 < hi && std::isupper(static_cast<unsigned char>(sv.slice(toks[k].begin, toks[k].end)[0])) &&
               std::isdigit(static_cast<unsigned char>(sv.slice(toks[k + 1].begin, toks[k + 1].end)[0]));
    };
    for (size_t k = lo; k < hi && k < lo + 12; ++k) {
        if (((toks[k].bits & lx.kVerbWord) || (toks[k].bits & lx.kChangeWord)) && !month_day(k)) break;
        if (toks[k].low == "—") {
            lo = k + 1;
            break;
        }
        if (k + 1 < hi && sv.slice(toks[k].end, toks[k + 1].begin).find(" - ") != std::string_view::npos) {
            lo = k + 1;
            break;
        }
        if (toks[k].low == ":" && dateline_before(lo, k)) {  // "NEW YORK, Jan 17: The Dow ..."
            lo = k + 1;
            break;
        }
    }
    {
        size_t sp = verb;
        while (sp < anchor && lx.speech_aux.count(toks[sp])) ++sp;
        // "Gross borrowing is estimated at ...", "the economy is projected to grow": a passive
        // says nothing of a speaker; the subject stands before it
        const bool passive = sp > verb && sp < anchor &&
                             (toks[sp - 1].low == "is" || toks[sp - 1].low == "are" || toks[sp - 1].low == "was" ||
                              toks[sp - 1].low == "were" || toks[sp - 1].low == "be" || toks[sp - 1].low == "been");
        // "The IMF cut its forecast for China ..., and said global trade volumes would grow
        // 1.7%": a later "and said" (", but warned that") opens the clause the figure is in
        if (!(sp < anchor && lx.speech_verbs.count(toks[sp]))) {
            for (size_t k = anchor; k-- > verb + 1;) {
                if (toks[k].low == ";") break;
                if (lx.speech_verbs.count(toks[k]) && !lx.speech_aux.count(toks[k]) &&
                    (toks[k - 1].low == "and" || toks[k - 1].low == "," || toks[k - 1].low == "but") &&
                    sv.tok_mention[k] == SIZE_MAX) {
                    sp = k;
                    break;
                }
            }
        }
        // "Saudi Arabia's central bank said its net foreign assets fell": "its" after the cue is
        // the speaker's own (an organisation or place heading the sentence), not a new subject
        bool own_figure = false;
        if (sp + 1 < anchor && lx.speech_verbs.count(toks[sp]) && (toks[sp + 1].low == "its" || toks[sp + 1].low == "their")) {
            size_t h = cs < verb && toks[cs].low == "the" ? cs + 1 : cs;
            if (h < verb && sv.tok_mention[h] != SIZE_MAX &&
                (ms[sv.tok_mention[h]].type == Type::org || ms[sv.tok_mention[h]].type == Type::place))
                own_figure = true;
            // ("Tata Motors said its British unit Jaguar Land Rover sold": a unit or rival named
            // after "its" holds the figure of its own clause)
            if (own_figure && named_unit(sp + 1, first_verb(sp + 1, anchor))) own_figure = false;
        }
        if (sp < anchor && lx.speech_verbs.count(toks[sp]) && !passive && !own_figure) {
            size_t c2 = sp + 1;
            if (c2 < anchor && toks[c2].low == "that") ++c2;
            // "told the House of Commons that the government would spend", "warned investors
            // that": the addressee (the object of a cue that takes one) is no subject
            else if (lx.object_cues.count(toks[sp].low) || toks[sp].low == "told" || toks[sp].low == "tells")
                for (size_t k = c2; k < anchor && k < c2 + 8; ++k) {
                    if (!toks[k].is_word() && sv.tok_mention[k] == SIZE_MAX) break;
                    if (toks[k].low == "that") {
                        c2 = k + 1;
                        break;
                    }
                }
            // "said on Monday that prices rose", "said in a filing late on Tuesday that": a short
            // adjunct of time or manner between the cue and "that" is no part of the subject
            else if (c2 < anchor && (kPrepositions.count(toks[c2]) || toks[c2].low == "last" ||
                                     toks[c2].low == "earlier" || toks[c2].low == "late"))
                for (size_t k = c2 + 1; k < anchor && k < c2 + 7; ++k) {
                    if (!toks[k].is_word() || (toks[k].bits & (lx.kVerbWord | lx.kChangeWord))) break;
                    if (toks[k].low == "that") {
                        c2 = k + 1;
                        break;
                    }
                }
            lo = c2;
            hi = first_verb(c2, anchor);
            if (lo >= hi) return true;
            // "told reporters the government expects", "said in a statement it expects":
            // the clause's subject is the phrase right before its verb.
            for (size_t k = hi; k-- > lo + 1;)
                if (toks[k].low == "it" || toks[k].low == "the" || toks[k].low == "they") {
                    // (not a preposition's object: "said household bills in the region would")
                    if ((is_anaphor(k, hi) || (toks[k].low == "the" && hi - k == 2)) && !kPrepositions.count(toks[k - 1]))
                        lo = k;
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
    // "Households earning under $50,000 received ...": the group ends before the bound
    for (size_t k = lo + 1; k < hi; ++k)
        if (lx.threshold_words.count(toks[k].low)) {
            hi = k;
            break;
        }
    return false;
}

// "Corvo Partners, an infrastructure fund that bought a 40% stake for ...": a figure in a relative
// clause on an apposition ("a"/"an", plain words, a place at most) is the figure of the
// organisation or person the apposition describes, whoever heads the sentence. Null when the
// figure is in no such clause.
const Mention* Assembly::apposition_relative(size_t anchor) {
    size_t rel = SIZE_MAX;
    for (size_t k = anchor; k-- > 0 && anchor - k <= 10;) {
        const std::string_view w = toks[k].low;
        if (w == "," || w == ";" || w == "(" || w == ":") return nullptr;
        if (w == "that" || w == "which" || w == "who") {
            rel = k;
            break;
        }
    }
    if (rel == SIZE_MAX || rel < 4 || first_verb(rel + 1, anchor) != rel + 1) return nullptr;  // (its verb right after)
    size_t b = rel;
    while (b > 0 && rel - b < 7) {
        --b;
        if (toks[b].low == "a" || toks[b].low == "an") break;
        if (sv.tok_mention[b] != SIZE_MAX) {
            if (ms[sv.tok_mention[b]].type != Type::place) return nullptr;
            continue;
        }
        if (!toks[b].is_word() || (toks[b].bits & (lx.kVerbWord | lx.kChangeWord))) return nullptr;
    }
    if ((toks[b].low != "a" && toks[b].low != "an") || b + 1 >= rel || b < 2 || toks[b - 1].low != "," ||
        sv.tok_mention[b - 2] == SIZE_MAX)
        return nullptr;
    const Mention& e = ms[sv.tok_mention[b - 2]];
    if ((e.type != Type::org && e.type != Type::person) || e.name.empty() || sv.token_after(e.span.end) != b - 1)
        return nullptr;
    return &e;
}

// "Reliance Industries' telecoms unit Jio Platforms", "The chipmaker's memory unit, Solidigm,",
// "its payments arm Paytm Money": a part of a company named after a possessive and a `unit`
// noun (words.tsv) is the subject, not the parent. Null when [lo, hi) is no such phrase.
const Mention* Assembly::named_unit(size_t lo, size_t hi) {
    for (size_t k = lo; k + 1 < hi; ++k) {
        if (!lx.unit_nouns.count(toks[k].low) && !lx.counterpart_nouns.count(toks[k].low)) continue;
        size_t o = k + 1;
        if (toks[o].low == ",") ++o;
        if (o >= hi || sv.tok_mention[o] == SIZE_MAX || ms[sv.tok_mention[o]].type != Type::org) return nullptr;
        // before the noun: a few plain words after a possessive ("X's", "X'", "its", "their")
        // (a participle as an adjective after "its"/"their" too: "Shares in its listed parent, X,")
        size_t b = k, words = 0;
        bool participle = false;
        while (b > lo && words < 4 && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
               toks[b - 1].low != "its" && toks[b - 1].low != "their" && toks[b - 1].low != "whose" &&
               toks[b - 1].low != "s") {
            if (toks[b - 1].bits & lx.kVerbWord) {
                if (!toks[b - 1].low.ends_with("ed")) break;
                participle = true;
            }
            --b, ++words;
        }
        if (b == lo) return nullptr;
        const std::string_view w = toks[b - 1].low;
        if (participle && w != "its" && w != "their") return nullptr;
        // ("Hyundai Motor and its affiliate Kia together sold": a list of two holders)
        if ((w == "its" || w == "their") && b >= 3 && toks[b - 2].low == "and" && sv.tok_mention[b - 3] != SIZE_MAX)
            return nullptr;
        const bool possessive = w == "its" || w == "their" || w == "whose" || w == "'" ||
                                (w == "s" && b >= 2 && toks[b - 2].low == "'");
        return possessive ? &ms[sv.tok_mention[o]] : nullptr;
    }
    return nullptr;
}

// A one-word quote phrase written as a name ("The KOSPI ended 1.3% lower", "the Nikkei rose"):
// in capitals, or capitalised after the sentence's first word ("Prices rose" names nothing).
// An index's one-word name ("Dow sheds 350 points", "Sensex falls 1%") is a name wherever it
// stands: the one common noun among them is "index".
bool Assembly::quote_name(size_t k, std::string_view key) const {
    std::string_view w = sv.slice(toks[k].begin, toks[k].end);
    if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    if (k > 0) return true;
    if (lx.instrument_names.count(toks[k].low)) return true;  // ("Bitcoin rose": its own name)
    if (key == "stock_index" && toks[k].low != "index") return true;
    if (w.size() < 3) return false;
    for (char c : w)
        if (std::islower(static_cast<unsigned char>(c))) return false;
    return true;
}

// "The KOSPI ended 1.3% lower": a one-word name, then one word the verb list lacks, then
// only figures up to the phrase's end `hi`.
bool Assembly::name_then_verb(const MetricHit& metric, size_t hi) const {
    if (metric.base_n != 1 || !quote_name(metric.tok, metric.key)) return false;
    size_t k = metric.tok + 1;
    if (k >= hi || !toks[k].is_word() || sv.tok_mention[k] != SIZE_MAX) return false;
    if (std::isupper(static_cast<unsigned char>(sv.slice(toks[k].begin, toks[k].end)[0]))) return false;  // ("Nasdaq Composite")
    for (++k; k < hi; ++k)
        if (sv.tok_mention[k] == SIZE_MAX || !is_value(ms[sv.tok_mention[k]])) return false;
    return true;
}

// "offered ... for Baltic Grid, valuing the utility at 3.2 billion euros", "values Orvane at
// about €5.3 billion": a valuation is its object's (an entity, or what an anaphor refers to),
// not the bidder's heading the sentence. True when it decided the subject.
bool Assembly::valued_object(size_t anchor, Subject& s, size_t* verb) {
    size_t at = anchor;
    while (at > 0 && toks[at - 1].low != "at" && (lx.approx_words.count(toks[at - 1]) || kQualifierSkip.count(toks[at - 1])))
        --at;
    if (at < 3 || toks[at - 1].low != "at") return false;
    size_t v = at - 1;
    while (v > 0 && at - 1 - v < 7 && toks[v - 1].is_word() && toks[v - 1].low != "at") {
        --v;
        const std::string_view w = toks[v].low;
        if (w == "valuing" || w == "values" || w == "valued" || w == "value") break;
    }
    const std::string_view w = toks[v].low;
    if (!(w == "valuing" || w == "values" || w == "valued" || w == "value") || v + 1 >= at - 1) return false;
    if (verb) *verb = v;
    const size_t lo = v + 1, hi = at - 1;
    if (auto ents = entities_in(lo, hi, true); !ents.empty() && ents.front()->type == Type::org) {
        add_name(s, ents.front()->name);
        return true;
    }
    if (!is_anaphor(lo, hi)) return false;
    // ("offered ... for Baltic Grid, valuing the utility at": the target of the offer, named
    // after "for" earlier in the sentence, even in passing; not "a round led by Index Ventures
    // that values the company at", the startup's)
    const Mention* target = nullptr;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        if (m.type != Type::org || m.span.begin >= toks[v].begin || std::string_view(m.kind) != "company") continue;
        const size_t b = sv.token_at(m.span.begin);
        if (b > 0 && toks[b - 1].low == "for") target = &m;
        // ("has agreed to buy Swiss rival Alpenmed for CHF 96 a share, valuing the Basel company
        // at": the company a verb of buying takes as its object, plain words between)
        for (size_t k = b, n = 0; !target && k-- > 0 && n < 4; ++n) {
            if (!toks[k].is_word() || sv.tok_mention[k] != SIZE_MAX) break;
            if (lx.acquire_verbs.count(toks[k].low)) {
                if (toks[k].low == "buy" || toks[k].low == "buys" || toks[k].low == "bought" ||
                    toks[k].low.substr(0, 7) == "acquire")
                    target = &m;
                break;
            }
        }
    }
    if (!target) target = referent(lo, hi);
    if (!target) return false;
    add_name(s, target->name);
    return true;
}

// "Shares rose 6% to 41 euros, valuing the company at 9 billion euros": a move of the shares
// (the word "shares" or "stock", then a change word) before the verb of valuing; an offer's
// "€41 a share" or an IPO's price is no such move.
bool Assembly::share_move_before(size_t verb) const {
    bool shares = false;
    for (size_t k = 0; k < verb && k < toks.size(); ++k) {
        if (toks[k].low == "shares" || toks[k].low == "stock") shares = true;
        else if (shares && (toks[k].bits & lx.kChangeWord)) return true;
    }
    return false;
}

// "Alpenmed agrees CHF 8.4 billion takeover by US drugmaker Harrow Biosciences": a deal the
// figure sizes, followed by "by" and a company (a few plain words between), is that company's,
// the acquirer's, not the sentence subject's that agrees to it. True when it decided the subject.
bool Assembly::deal_agent(const MetricHit& metric, size_t anchor, Subject& s) {
    if (metric.tok == SIZE_MAX || anchor >= toks.size() || sv.tok_mention[anchor] == SIZE_MAX) return false;
    // (the figure right before the deal noun: "a $5bn takeover by", not "was bought by X for $5bn")
    if (sv.token_after(ms[sv.tok_mention[anchor]].span.end) != metric.tok) return false;
    size_t k = metric.tok + metric.n;
    if (k >= toks.size() || toks[k].low != "by") return false;
    for (size_t j = k + 1; j < toks.size() && j <= k + 4; ++j) {
        if (sv.tok_mention[j] != SIZE_MAX) {
            const Mention& m = ms[sv.tok_mention[j]];
            if (m.type == Type::place) {  // ("by US drugmaker Harrow": the country qualifies the noun)
                j = sv.token_after(m.span.end) - 1;
                continue;
            }
            if (m.type != Type::org || m.name.empty()) return false;
            add_name(s, m.name);
            return true;
        }
        if (!toks[j].is_word()) return false;
    }
    return false;
}

// "ahead of Wipro, whose profit came in at Rs 3,209 crore", "outpacing Danone, whose sales grew
// 1.5%": a figure whose metric follows ", whose" is the holder named right before the comma.
// True when it decided the subject.
bool Assembly::whose_holder(const MetricHit& metric, size_t anchor, Subject& s) {
    if (metric.tok == SIZE_MAX || metric.tok >= anchor) return false;
    for (size_t k = metric.tok; k-- > 1 && metric.tok - k <= 4;) {
        if (toks[k].low != "whose") {
            if (!toks[k].is_word() || sv.tok_mention[k] != SIZE_MAX) return false;
            continue;
        }
        if (toks[k - 1].low != "," || k < 2 || sv.tok_mention[k - 2] == SIZE_MAX) return false;
        const Mention& h = ms[sv.tok_mention[k - 2]];
        if (!is_entity(h) || h.name.empty() || h.type == Type::person) return false;
        for (size_t j = metric.tok; j < anchor; ++j)  // (in the relative clause: no boundary before the figure)
            if (toks[j].low == "," || toks[j].low == ";") return false;
        add_name(s, h.name);
        return true;
    }
    return false;
}

// "$1.25 billion of 10-year notes at 9.125%", "seven-year notes priced to yield 8.25%", "guidance
// of 8.5% for the five-year notes": the yield of a bond sale's tranche is the tranche's (the notes
// named right before or after the figure), not the issuer's or the sale's (corpus/CLAIMS.md:
// market figures take the instrument). True when it decided the subject.
bool Assembly::issued_bond_yield(const MetricHit& metric, size_t anchor, Subject& s) {
    // (the key before the percentage form: a sale's "bond_issuance", guidance's "price" become
    // `yield` for a percentage, metric_forms.tsv)
    if ((metric.key != "yield" && metric.key != "bond_issuance" && metric.key != "price") || anchor >= toks.size() ||
        sv.tok_mention[anchor] == SIZE_MAX)
        return false;
    const Mention& f = ms[sv.tok_mention[anchor]];
    if (f.type != Type::percent) return false;
    // (a company's own bond keeps the company: "Kaito Holdings raised ¥120 billion from a sale of
    // five-year bonds priced to yield 1.05%")
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::org && ms[i].kind == "company" && ms[i].span.begin < f.span.begin) return false;
    static const WordList bond_nouns = {"notes", "bonds", "bills", "eurobonds", "sukuk", "gilts", "debentures"};
    static const WordList links = {"at", "to", "yield", "yielding", "priced", "sold"};
    auto plain = [&](size_t k) {
        return toks[k].is_word() && sv.tok_mention[k] == SIZE_MAX && !(toks[k].bits & lx.kVerbWord) &&
               !(toks[k].bits & lx.kChangeWord) && !kPrepositions.count(toks[k]) && !kDeterminers.count(toks[k]);
    };
    auto describe = [&](size_t b, size_t e) {
        s.description = std::string(sv.slice(toks[b].begin, toks[e].end));
        s.named_instrument = true;
        return true;
    };
    // (before: "of <words> notes [priced to yield|at] Y%")
    size_t k = anchor;
    while (k > 0 && anchor - k < 4 && links.count(toks[k - 1].low)) --k;
    if (k < anchor && k > 1 && bond_nouns.count(toks[k - 1].low)) {
        const size_t e = k - 1;
        size_t b = e;
        while (b > 0 && e - b < 4 && plain(b - 1)) --b;
        if (b < e && b > 0 && toks[b - 1].low == "of") return describe(b, e);
    }
    // (after: "Y% for the <words> notes")
    size_t a = sv.token_after(f.span.end);
    if (a + 2 < toks.size() && toks[a].low == "for") {
        size_t b = a + 1;
        if (toks[b].low == "the") ++b;
        for (size_t e = b; e < toks.size() && e < b + 4; ++e) {
            if (bond_nouns.count(toks[e].low)) return e > b && describe(b, e);
            if (!plain(e)) break;
        }
    }
    return false;
}

// The subject of the figure at `anchor` whose metric is `metric`: a possessive, the metric's
// complement, else what the subject phrase names (entities, an anaphor's referent, a place's
// company) or that phrase as a description; empty when the sentence names none.
// "The grocer ... said higher National Insurance contributions would add £85 million to its wage
// bill": an economy's metric after "its", in a sentence a company heads (by name or by a company
// noun), is that company's own, not its economy's.
const Mention* Assembly::its_company_metric(const MetricHit& metric) {
    if (metric.tok == SIZE_MAX || metric.tok == 0 || metric.tok >= toks.size() || toks[metric.tok - 1].low != "its")
        return nullptr;
    const std::string_view scope = lx.scope_of(metric.key);
    if (scope != "economy") return nullptr;
    // (no place or economy named between the sentence's start and "its": "Japan said its exports")
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::place && ms[i].span.begin < toks[metric.tok].begin) return nullptr;
    if (const Mention* c = sentence_opener(S)) return c;
    const size_t h = first_verb(0, metric.tok);
    if (h > 1 && h < metric.tok && toks[0].low == "the" && company_noun_at(h - 1) && is_anaphor(0, h)) return referent(0, h);
    return nullptr;
}

// A central bank's rate as its subject phrase names it: "Poland cuts rates" (a headline's
// country for its central bank) and "The Monetary Policy Council lowered the lombard rate" (the
// bank's rate-setting committee) are the bank's rates, when the document names the bank: the
// last one named before the figure, else the first after it.
Subject Assembly::find_subject(const MetricHit& metric, size_t anchor) {
    Subject s = find_subject_raw(metric, anchor);
    if (s.names.size() != 1 || s.combined || metric.key.empty() || lx.scope_of(metric.key) != "bank" ||
        central_banks.empty())
        return s;
    const std::string& n = s.names.front();
    const bool committee = n.find("Monetary Policy") != std::string::npos &&
                           (n.find("Committee") != std::string::npos || n.find("Council") != std::string::npos ||
                            n.find("Board") != std::string::npos);
    bool country = false;
    for (size_t i : sv.mentions) country |= ms[i].type == Type::place && ms[i].name == n && ms[i].kind == "country";
    if (!committee && !country) return s;
    const uint32_t at = toks[std::min(anchor, toks.size() - 1)].begin;
    const Mention* bank = nullptr;
    for (const Mention* cb : central_banks) {
        if (country) {
            const std::string* area = area_of(*cb);
            if (!area || *area != n) continue;
        }
        if (cb->name.find("Monetary Policy") != std::string::npos) continue;
        if (cb->span.begin <= at || !bank) bank = cb;
        if (cb->span.begin > at) break;
    }
    if (bank) s.names.front() = bank->name;
    return s;
}

// "compared with a 0.4% rise in the S&P 500", "against a 9% gain for the FTSE 100": a quote
// named by its own name right after a noun of moving is what moved, whoever heads the sentence
// (the company compared with the index is not the index's holder)
bool Assembly::quote_after_move(const MetricHit& metric, size_t anchor, Subject& s) const {
    if (metric.tok == SIZE_MAX || metric.tok <= anchor + 1 || metric.tok >= toks.size() ||
        lx.scope_of(metric.key) != "quote")
        return false;
    size_t k = anchor + 1;
    if (toks[k].low != "in" && toks[k].low != "for" && toks[k].low != "of") return false;
    for (++k; k < metric.tok && kDeterminers.count(toks[k]);) ++k;
    // ("a 24% gain in the benchmark KOSPI index", "the broader S&P 500")
    while (k < metric.tok && (lx.anaphor_modifiers.count(toks[k].low) || lx.instrument_anaphors.count(toks[k].low))) ++k;
    if (k != metric.tok) return false;
    const std::string_view w = sv.slice(toks[k].begin, toks[k].end);
    if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    s.description = std::string(sv.slice(toks[k].begin, toks[k + metric.base_n - 1].end));
    s.named_instrument = true;
    return true;
}

Subject Assembly::find_subject_raw(const MetricHit& metric, size_t anchor) {
    Subject s;
    if (const Mention* c = its_company_metric(metric)) {
        add_name(s, c->name);
        return s;
    }
    if ((metric.key == "valuation" || metric.key == "market_value") && valued_object(anchor, s)) return s;
    if (metric.key == "deal_value" && deal_agent(metric, anchor, s)) return s;
    if (whose_holder(metric, anchor, s)) return s;
    if (issued_bond_yield(metric, anchor, s)) return s;
    if (quote_after_move(metric, anchor, s)) return s;
    if (forecast_for_subject(metric, anchor, s) || possessive_subject(metric, anchor, s) ||
        complement_subject(metric, anchor, s))
        return s;
    size_t lo = 0, hi = 0;
    if (const Mention* m = apposition_relative(anchor)) {
        add_name(s, m->name);
        return s;
    }
    if (subject_phrase(metric, anchor, s, lo, hi)) return s;
    // ("expects inventories to peak at around 2.5 million tonnes in November and prices to fall
    // towards RM4,000": the phrase starts past another figure's clause and the "and" after it)
    for (size_t k = hi; k-- > lo;)
        if (sv.tok_mention[k] != SIZE_MAX && is_value(ms[sv.tok_mention[k]])) {
            for (size_t j = k + 1; j + 1 < hi; ++j)
                if (toks[j].low == "and") lo = j + 1;
            break;
        }
    size_t d_lo = lo;
    while (d_lo < hi && kDeterminers.count(toks[d_lo])) ++d_lo;
    // "Analysts at Peel Hunt cut their pre-tax profit forecast by 4%": forecasters heading the
    // clause say what someone else's figure will be; they hold none (the source names them)
    if (d_lo < hi && lx.expecter_nouns.count(toks[d_lo]) && !metric.key.empty() && !lx.scope_of(metric.key).empty())
        return s;
    // "the broader Topix index fell", "two-year gilt yields", "DRAM contract prices": the
    // words before a quote's metric name what is quoted (scope `quote`).
    if (metric.tok != SIZE_MAX && metric.tok > d_lo && metric.tok < hi && lx.scope_of(metric.key) == "quote") {
        bool plain = true;
        for (size_t k = d_lo; k < metric.tok; ++k)
            if (!toks[k].is_word() || (toks[k].bits & lx.kVerbWord)) plain = false;
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
                            metric.tok < hi && lx.scope_of(metric.key) == "instrument";
    for (size_t k = d_lo; instrument_words && k < metric.tok; ++k)
        instrument_words = toks[k].is_word() && !(toks[k].bits & lx.kVerbWord) && !(toks[k].bits & lx.kChangeWord) &&
                           (sv.tok_mention[k] == SIZE_MAX || ms[sv.tok_mention[k]].type == Type::place);
    if (instrument_words) {  // (not the verb of "dollar bought", a phrase of the lexicon)
        size_t e = metric.tok + metric.base_n - 1;
        while (e > metric.tok && (toks[e].bits & (lx.kVerbWord | lx.kChangeWord))) --e;
        s.description = std::string(sv.slice(toks[d_lo].begin, toks[e].end));
        s.named_instrument = true;  // ("New" is no junk word here)
        return s;
    }
    if (metric.tok != SIZE_MAX && d_lo == metric.tok && lx.scope_of(metric.key) == "instrument") {
        size_t e = metric.tok + metric.base_n;
        // (not the verb of the lexicon's phrase: "The euro bought $1.17" is the euro's)
        while (e > metric.tok + 1 && (toks[e - 1].bits & (lx.kVerbWord | lx.kChangeWord))) --e;
        s.description = std::string(sv.slice(toks[lo].begin, toks[e - 1].end));
        if (d_lo > lo) s.description = std::string(sv.slice(toks[d_lo].begin, toks[e - 1].end));
        return s;
    }
    // "with the 10-year yield up 12 basis points", "The oil price rose": a quote's phrase of
    // several words after a determiner names what is quoted
    if (metric.tok != SIZE_MAX && d_lo > lo && metric.tok == d_lo && lx.scope_of(metric.key) == "quote" &&
        (metric.base_n > 1 || quote_name(metric.tok, metric.key)) && (d_lo + metric.base_n == hi || name_then_verb(metric, hi))) {
        s.description = std::string(sv.slice(toks[d_lo].begin, toks[d_lo + metric.base_n - 1].end));
        s.named_instrument = true;
        return s;
    }
    // ("Median rents for houses in Melbourne", "Average rents in Sydney": the metric after
    // `average` words heads the phrase too)
    size_t mlo = lo;
    while (mlo < hi && mlo < metric.tok && (kDeterminers.count(toks[mlo]) || lx.average_words.count(toks[mlo]))) ++mlo;
    if (lo < hi && metric.tok == mlo && metric.tok != SIZE_MAX && mlo > lo && metric.n > metric.base_n &&
        lx.scope_of(metric.key) == "economy") {
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
            // ("Shares in its listed parent, X,": the parent or unit the apposition names)
            if (const Mention* u = named_unit(k + 1, hi)) {
                add_name(s, u->name);
                return s;
            }
            // ("rents in its German portfolio": a part of the company named before)
            if (k + 1 < hi && (toks[k + 1].low == "its" || toks[k + 1].low == "their"))
                if (const Mention* c = last_company_before(toks[k + 1].begin)) {
                    add_name(s, c->name);
                    return s;
                }
            // ("Shares in the Shanghai-listed chip designer": the company the place only locates)
            if (std::string c = company_by_place(k + 1, hi); !c.empty()) {
                add_name(s, c);
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
            // ("sales in the United States fell 6%" in a carmaker's story, "premiums in Asia": a
            // company metric in a place is the company's region, its figure the company's — the
            // story's company or one named in the paragraph)
            if (!ents.empty() && lx.scope_of(metric.key) == "company" &&
                std::all_of(ents.begin(), ents.end(), [](const Mention* m) { return m->type == Type::place; }))
                if (const Mention* c = last_company_before(toks[lo].begin);
                    c && (c->name == doc_company || t.paragraph_index(c->span.begin) == S_para)) {
                    add_name(s, c->name);
                    return s;
                }
            for (auto* m : ents) add_name(s, m->name);
            size_t d0 = k + 1;
            while (d0 < hi && kDeterminers.count(toks[d0])) ++d0;
            // ("Household bills in the region": a holder word opening the metric phrase is whose
            // figure it is, where the complement names no one)
            if (s.names.empty() && metric.base_n > 1 && lx.holder_nouns.count(toks[lo]) &&
                lx.scope_of(metric.key) != "economy") {
                s.description = std::string(sv.slice(toks[lo].begin, toks[lo].end));
                return s;
            }
            if (s.names.empty() && d0 < hi && hi - d0 <= 6) {
                s.description = trim(sv.slice(toks[d0].begin, toks[hi - 1].end));
                s.complement = true;
            }
        } else if (metric.base_n > 1 && lx.holder_nouns.count(toks[lo]) && lo + metric.base_n == hi &&
                   lx.scope_of(metric.key) != "economy") {
            // "Household debt rose": the metric's own first word (not "consumer prices", the economy's)
            // names the group whose figure it is
            s.description = std::string(sv.slice(toks[lo].begin, toks[lo].end));
        } else if (lx.scope_of(metric.key) == "quote" && (metric.base_n > 1 || quote_name(metric.tok, metric.key)) &&
                   (lo + metric.base_n == hi || name_then_verb(metric, hi))) {
            // "Oil prices rose", "Home loan rates have risen": a quote's phrase of several
            // words names what is quoted ("Prices rose" alone does not)
            s.description = std::string(sv.slice(toks[lo].begin, toks[lo + metric.base_n - 1].end));
            s.named_instrument = true;
        }
        return s;
    }
    // "German industrial orders fell 2.1%", "Japanese machinery orders rose": a demonym heading
    // the phrase, plain modifiers and an economy's metric (or orders, an economy's as well as a
    // company's: CLAIMS.md) name the economy whose figure it is (demonyms.tsv)
    if (metric.tok != SIZE_MAX && d_lo < metric.tok && metric.tok + metric.n == hi &&
        (lx.scope_of(metric.key) == "economy" || metric.key == "orders")) {  // (not "Japanese car sales")
        size_t n = 0;
        if (const Lexicon::Entry* e = demonym(d_lo, &n); e && n > 0 && d_lo + n <= metric.tok) {
            bool plain = true;
            for (size_t k = d_lo + n; k < metric.tok && plain; ++k)
                plain = toks[k].is_word() && sv.tok_mention[k] == SIZE_MAX && !(toks[k].bits & lx.kVerbWord) &&
                        !(toks[k].bits & lx.kChangeWord) && !lx.holder_nouns.count(toks[k]) && !company_noun_at(k);
            if (plain) {
                add_name(s, e->value);
                return s;
            }
        }
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
        sv.possessive_at(d_lo + 1)) {
        s.description = "country";
        return s;
    }
    if (hi > d_lo + 3 && toks[hi - 1].low == "economy") {  // (bounds first: hi may be 0)
        bool ranked = false;
        for (size_t k = d_lo; k + 1 < hi; ++k) {  // ("fourth-largest" may be one token)
            std::string_view w = toks[k].low;
            if (size_t dash = w.rfind('-'); dash != std::string_view::npos) w = w.substr(dash + 1);
            ranked |= lx.superlatives.count(w) > 0;
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
        if (dn + 2 < hi && !lx.data_nouns.count(toks[dn]) && lx.data_nouns.count(toks[dn + 1]) && toks[dn].is_word() &&
            sv.tok_mention[dn] == SIZE_MAX)
            ++dn;
        if (dn + 1 < hi && lx.data_nouns.count(toks[dn]) &&
            (toks[dn + 1].low == "from" || toks[dn + 1].low == "by" || toks[dn + 1].low == "released"))
            return s;
    }
    if (lo < hi) {
        if (const Mention* u = named_unit(lo, hi)) {
            add_name(s, u->name);
            return s;
        }
        // "The companies expect", "the two groups together employ": the story's pair, the first
        // companies it names (not one named in passing)
        if (const size_t n = plural_companies(lo, hi)) {
            std::vector<std::string> names;
            for (const Mention* m : antecedents) {
                if (m->span.begin >= toks[lo].begin || names.size() == n) break;
                if (std::find(names.begin(), names.end(), m->name) == names.end()) names.push_back(m->name);
            }
            if (names.size() == n) {
                for (const auto& nm : names) add_name(s, nm);
                s.combined = true;
                return s;
            }
        }
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
        // "A consortium led by Linden Holdings", "a group of investors headed by X": whoever
        // leads the group the phrase describes is the holder (and partners "led by X and Y")
        if (!ents.empty()) {
            const size_t by = sv.token_at(ents.front()->span.begin);
            if (by >= lo + 3 && toks[by - 1].low == "by" && (toks[by - 2].low == "led" || toks[by - 2].low == "headed")) {
                bool plain = true;  // (no entity and no verb in the group's own words)
                for (size_t k = lo; k + 2 < by && plain; ++k)
                    plain = toks[k].is_word() && sv.tok_mention[k] == SIZE_MAX && !(toks[k].bits & lx.kVerbWord);
                if (plain) {
                    for (const Mention* m : ents) {
                        const size_t b = sv.token_at(m->span.begin);
                        bool joined = true;
                        for (size_t k = by; k < b && joined; ++k) joined = toks[k].low != "," && toks[k].low != "(";
                        if (joined) add_name(s, m->name);
                    }
                    return s;
                }
            }
        }
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
        // "Sweden's central bank, the Riksbank, held its policy rate": a central bank named in
        // apposition holds its own rates, not the place before it
        if (head_is_entity && ents.size() >= 2 && ents.front()->type == Type::place && lx.scope_of(metric.key) == "bank")
            for (size_t e = 1; e < ents.size(); ++e) {
                const size_t b = sv.token_at(ents[e]->span.begin);
                size_t p = b;
                while (p > lo && kDeterminers.count(toks[p - 1])) --p;
                if (ents[e]->type == Type::org && std::string_view(ents[e]->kind) == "central_bank" && p > lo &&
                    toks[p - 1].low == ",") {
                    add_name(s, ents[e]->name);
                    return s;
                }
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
            // (one the document does not name: "Brazil's central bank held its Selic rate")
            // (its own rates; an economy's figure it reports stays the economy's: "Saudi Arabia's
            // central bank said its net foreign assets fell")
            if (auto it = lx.central_bank_of.find(ents.front()->name);
                it != lx.central_bank_of.end() && lx.scope_of(metric.key) == "bank") {
                add_name(s, it->second);
                return s;
            }
        }
        // "U.S. West Texas Intermediate crude", "U.S. gold futures": a place naming the market
        // of a traded instrument is part of the instrument's name, not its holder
        // "The Baltic Exchange's main sea freight index": what an exchange quotes (as in (a))
        if (head_is_entity && lx.traded_metrics.count(metric.key) && ents.front()->type == Type::org &&
            std::string_view(ents.front()->kind) == "exchange") {
            size_t b = sv.token_at(ents.front()->span.end), e = b;
            while (e < hi && toks[e].low != "," && toks[e].low != "(") ++e;  // (not its relative clause)
            while (e > b + 1 && trailing_adverbs.count(toks[e - 1])) --e;
            if (b + 2 < e && sv.possessive_at(b)) {
                s.description = std::string(sv.slice(toks[b + 2].begin, toks[e - 1].end));
                s.named_instrument = true;
                return s;
            }
        }
        if (head_is_entity && lx.traded_metrics.count(metric.key) && market_place_words(lo, hi)) {
            size_t e = hi;
            while (e > lo + 1 && trailing_adverbs.count(toks[e - 1])) --e;
            size_t d0 = lo;
            while (d0 < e && kDeterminers.count(toks[d0])) ++d0;
            s.description = std::string(sv.slice(toks[d0].begin, toks[e - 1].end));
            s.named_instrument = true;
            return s;
        }
        // "Kestrel Foods' chairman Ravi Menon holds a 12% stake": a person named after an
        // organisation's possessive and a role heads the phrase, not the organisation
        // (the person in commas too: "Vedanshu's chairman, Rakesh Menon, sold a 2.1% stake")
        const size_t person_end = ents.size() >= 2 ? sv.token_at(ents.back()->span.end) : 0;
        if (head_is_entity && ents.size() >= 2 && ents.back()->type == Type::person &&
            (person_end >= hi || (person_end + 1 == hi && toks[person_end].low == ","))) {
            const size_t e0 = sv.token_at(ents.front()->span.end), p0 = sv.token_at(ents.back()->span.begin);
            bool role = e0 + 1 < p0 && toks[e0].low == "'";
            const bool commas = person_end < hi;  // (an apposition opens with its comma)
            if (commas) role = role && toks[p0 - 1].low == ",";
            for (size_t k = e0 + 1; k < p0 && role; ++k)
                role = (toks[k].is_word() || (commas && k + 1 == p0)) && sv.tok_mention[k] == SIZE_MAX &&
                       !(toks[k].bits & lx.kVerbWord);
            if (role) {
                add_name(s, ents.back()->name);
                return s;
            }
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
                // ("Hyundai Motor and its affiliate Kia": "and its" and a few words ending in a
                // unit or counterpart noun join the two)
                if (end >= k + 3 && toks[k].low == "and" && (toks[k + 1].low == "its" || toks[k + 1].low == "their") &&
                    end - k <= 5 &&
                    (lx.unit_nouns.count(toks[end - 1].low) || lx.counterpart_nouns.count(toks[end - 1].low))) {
                    bool plain = true;
                    for (size_t j = k + 2; j < end; ++j) plain = plain && toks[j].is_word() && sv.tok_mention[j] == SIZE_MAX;
                    if (plain) k = end;
                }
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
                // "Columbus, Ohio, sold $612 million of bonds": a state or country after a city or
                // county and a comma, closing the phrase, locates it; it is no second holder
                if (joined && place_locator(ents[e - 1], ents[e], hi)) joined = false;
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
        if (hi - lo > 12 && plain && lx.traded_metrics.count(metric.key))
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
}

}  // namespace claimex::claims
