// The roles of a sentence's figures: each money, percent or quantity figure is a value, an
// equivalent of the figure before it, a baseline, the amount or percentage of a change, or
// nothing of its own; and the change events (verbs, factors, from-to pairs) they size.
// Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>

namespace claimex::claims {

Words Assembly::words_before(size_t tok, size_t n) {
    Words w{toks, tok, tok};
    // ("cut capital spending by as much as 30%", "by up to 30%": a cap the figure's qualifier
    // already says stands between the cue and the figure)
    const size_t fm = tok < toks.size() ? sv.tok_mention[tok] : SIZE_MAX;
    const bool capped = fm != SIZE_MAX && std::string_view(ms[fm].qualifier) == "up_to";
    for (size_t k = tok; k-- > 0 && w.hi - w.lo < n;) {
        if (sv.tok_mention[k] != SIZE_MAX && is_value(ms[sv.tok_mention[k]])) break;
        if (capped && w.empty() && k >= 2 && toks[k].low == "as" && toks[k - 2].low == "as" &&
            (toks[k - 1].low == "much" || toks[k - 1].low == "many" || toks[k - 1].low == "high")) {
            k -= 2;
            w.lo = w.hi = k;
            continue;
        }
        if (capped && w.empty() && k >= 1 && toks[k].low == "to" && toks[k - 1].low == "up") {
            k -= 1;
            w.lo = w.hi = k;
            continue;
        }
        // ("cut rates by a combined 375 basis points", "fell by a steep 8%": an article and a word
        // sizing the figure (words.tsv `size_filler`) stand between the cue and the figure)
        if (w.empty() && k >= 1 && lx.size_fillers.count(toks[k].low) &&
            (toks[k - 1].low == "a" || toks[k - 1].low == "an")) {
            k -= 1;
            w.lo = w.hi = k;
            continue;
        }
        // ("than" is a qualifier only after one: "more than 5%", not "slower than 5.9%", a baseline cue)
        if (w.empty() && kQualifierSkip.count(toks[k]) &&
            (toks[k].low != "than" || (k > 0 && kQualifierSkip.count(toks[k - 1])))) {
            w.lo = w.hi = k;
            continue;
        }
        w.lo = k;
    }
    return w;
}

bool Assembly::ends_with_cue(const Words& w, std::string_view role) {
    for (size_t start = w.lo; start < w.hi; ++start) {
        if (!(toks[start].bits & lx.kCueFirst)) continue;
        size_t n = 0;
        const Lexicon::Entry* e = lx.cues.match(toks, start, w.hi, &n);
        if (e && n == w.hi - start && e->value == role) return true;
    }
    return false;
}

// A money figure followed by "a share" / "per share" ("$1.45 a share").
bool Assembly::per_share(size_t i) {
    size_t k = sv.token_at(ms[i].span.end);
    // ("a share", "per share"; "for each Valtera share", "per Helix share": the company's name between)
    if (k + 2 < toks.size() && toks[k].low == "for" && (toks[k + 1].low == "each" || toks[k + 1].low == "every")) k += 2;
    else if (k + 1 < toks.size() && (toks[k].low == "a" || toks[k].low == "per" || toks[k].low == "each")) ++k;
    else return false;
    if (k < toks.size() && sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type == Type::org)
        k = sv.token_at(ms[sv.tok_mention[k]].span.end);
    return k < toks.size() && toks[k].low == "share";
}

// "picked up", "ticked up", "edged up", "went up": "up" (at k) ends a phrasal change after a
// past form that is no change verb of its own, so "picked up to 2.4%" is a move to a level.
bool Assembly::phrasal_up(size_t k) {
    if (k == 0) return false;
    size_t vn = 0;
    std::string_view w = toks[k - 1].low;
    bool change_verb = lex(lx.change_verbs, lx.kChangeFirst, k - 1, &vn) && vn == 1;
    return !change_verb && ((w.size() > 3 && w.substr(w.size() - 2) == "ed") || w == "went" || w == "shot" ||
                             w == "crept");
}

// "up to $900 million": "up" before "to" and a figure the mention stage marked up_to.
bool Assembly::up_to_qualifier(size_t k) {
    if (toks[k].low != "up" || k + 2 >= toks.size() || toks[k + 1].low != "to" || phrasal_up(k)) return false;
    size_t m = sv.tok_mention[k + 2];
    return m != SIZE_MAX && is_value(ms[m]) && std::string_view(ms[m].qualifier) == "up_to";
}

const ChangeEvent* Assembly::event_before(size_t tok) {
    const ChangeEvent* best = nullptr;
    for (const auto& ev : events)
        if (ev.tok < tok) best = &ev;
    return best;
}

// "2% more than", "12% less than", "£2.1bn more than": "more"/"less" at token k, right after a
// percentage, an amount or a count and before "than" (a change word there, find_change_events).
bool Assembly::comparison_change_word(size_t k) const {
    if (k == 0 || k + 1 >= toks.size() || toks[k + 1].low != "than") return false;
    if (toks[k].low != "more" && toks[k].low != "less") return false;
    const size_t p = sv.tok_mention[k - 1];
    return p != SIZE_MAX && (ms[p].type == Type::percent || ms[p].type == Type::money || ms[p].type == Type::quantity);
}

// The first token after "than" at token k past a date and its "'s" or a determiner ("than last
// season's 62.5 million tonnes", "than the 4.1% of"): where the thing compared with starts.
size_t Assembly::past_than(size_t k) const {
    size_t j = k + 1;
    if (j < toks.size() && sv.tok_mention[j] != SIZE_MAX && ms[sv.tok_mention[j]].type == Type::date) {
        const uint32_t e = ms[sv.tok_mention[j]].span.end;
        while (j < toks.size() && toks[j].begin < e) ++j;
        if (sv.possessive_at(j)) j += 2;
        return j;
    }
    // (a time no date rule reads, up to two plain words and "'s": "than last season's")
    for (size_t q = j; q < j + 3 && q + 1 < toks.size(); ++q) {
        if (q > j && sv.possessive_at(q)) return q + 2;
        if (!toks[q].is_word() || sv.tok_mention[q] != SIZE_MAX) break;
    }
    if (j < toks.size() && (toks[j].low == "the" || toks[j].low == "its" || toks[j].low == "their")) ++j;
    return j;
}

// "higher than", "more than", "above", "below" right after a figure: a difference
// from something else ("0.2 points higher than in March"), not a claim of its own.
bool Assembly::followed_by_comparison(const Mention& m) {
    size_t k = sv.token_at(m.span.end);
    // ("revised to show 72,000 more jobs created than previously reported": a comparison word
    // inside the figure's own phrase, "than" a few words after it)
    for (size_t j = sv.token_at(m.span.begin) + 1; j < k && j < toks.size(); ++j)
        if (lx.comparison_words.count(toks[j].low) && sv.tok_mention[j] != SIZE_MAX)
            for (size_t q = k; q < toks.size() && q < k + 3; ++q) {
                if (toks[q].low == "than") return true;
                if (!toks[q].is_word() || sv.tok_mention[q] != SIZE_MAX) break;
            }
    // ("pay about £50 a year less than those paying by direct debit": a rate's "a year" first)
    if (k + 2 < toks.size() && (toks[k].low == "a" || toks[k].low == "per") && toks[k + 1].is_word() &&
        sv.tok_mention[k + 1] == SIZE_MAX &&
        (lx.comparison_bare.count(toks[k + 2].low) || lx.comparison_words.count(toks[k + 2].low)))
        k += 2;
    if (k >= toks.size()) return false;
    std::string_view w = toks[k].low;
    const bool bare = lx.comparison_bare.count(w) > 0;
    if (!bare && !(lx.comparison_words.count(w) && k + 1 < toks.size() && toks[k + 1].low == "than")) return false;
    // "Sales volumes were 2.1% lower than a year earlier": a change word (change_verbs.tsv)
    // before a date of comparison is the figure's own metric moving against its past — a
    // change claim, not a difference from something else
    if ((toks[k].bits & lx.kChangeWord) || comparison_change_word(k)) {
        size_t d = k + (bare ? 1 : 2);
        // (a forecast set against an earlier forecast, "the growth forecast was 0.2 points higher
        // than in March", is a revision stated as a difference: no claim, corpus/CLAIMS.md)
        bool revision = false;
        for (size_t q = clause_start_tok(sv.token_at(m.span.begin)); q < sv.token_at(m.span.begin); ++q)
            revision |= kForecastNouns.count(toks[q]) > 0;
        // ("higher than in September", "than at the end of June": the date after its preposition)
        if (!bare && !revision && d + 1 < toks.size() &&
            (toks[d].low == "in" || toks[d].low == "at" || toks[d].low == "on") && sv.tok_mention[d] == SIZE_MAX)
            ++d;
        size_t dm = d < toks.size() ? sv.tok_mention[d] : SIZE_MAX;
        // (any date right after "than": the figure's own past, "3.5% higher than in September")
        if (dm != SIZE_MAX && ms[dm].type == Type::date && !bare && !revision) return false;
        if (dm != SIZE_MAX && ms[dm].type == Type::date && baseline_date(dm)) return false;
        // (or the figure's own past named by a figure of its type: "to 53.8 million tonnes, 14% less
        // than last season's 62.5 million tonnes", the baseline of the value before the size)
        if (!bare && m.type == Type::percent) {
            const size_t b = past_than(k + 1);
            if (b < toks.size() && sv.tok_mention[b] != SIZE_MAX && is_value(ms[sv.tok_mention[b]]) &&
                ms[sv.tok_mention[b]].type != Type::percent)
                return false;
        }
    }
    return true;
}

// A figure inside a condition ("if inflation stayed above 4%") states no fact.
bool Assembly::in_condition(size_t tok) {
    for (size_t k = std::min(tok, toks.size()); k-- > 0;) {
        std::string_view w = toks[k].low;
        if (w == "," || w == ";" || w == "—") return false;
        if (lx.condition_words.count(toks[k])) return true;  // (its class bit: toks are classified)
        // what a chance is of: "an 80% chance that the Bank will cut Bank Rate by a quarter-point
        // to 3.5%" states odds, not the cut
        if (w == "that" && k > 0) {
            static const WordList odds = {"chance", "chances", "probability", "odds", "likelihood",
                                          "possibility", "risk"};
            if (odds.count(toks[k - 1].low)) return true;
        }
    }
    return false;
}

// A figure set against a value rather than a value: a forecast, target, goal or consensus word.
static bool target_word(const Token& t) {
    return kForecastNouns.count(t) || t.low == "target" || t.low == "goal" || t.low == "consensus";
}

// "If warehouse spending grows 10% a year, this business could be worth $10 billion": the main
// clause of a sentence (or quote) that opens with a condition, when a modal says what would
// follow, states no fact either.
bool Assembly::hypothetical_consequence(size_t tok) {
    size_t k = 0;
    while (k < toks.size() && !toks[k].is_word()) ++k;  // (a quote mark)
    if (k >= tok || !lx.condition_words.count(toks[k])) return false;
    size_t comma = SIZE_MAX;
    bool scenario = false;  // (a condition with a figure of its own: "If approved, the deal would ..." is no scenario)
    for (size_t j = k + 1; j < tok; ++j) {
        if (toks[j].low == "," && sv.tok_mention[j] == SIZE_MAX) {
            comma = j;
            break;
        }
        scenario |= sv.tok_mention[j] != SIZE_MAX && is_value(ms[sv.tok_mention[j]]);
    }
    if (comma == SIZE_MAX || !scenario) return false;
    for (size_t j = comma + 1; j < tok; ++j) {
        if (toks[j].low == ";" || (toks[j].low == "," && sv.tok_mention[j] == SIZE_MAX)) return false;
        if (lx.modal_words.count(toks[j]) && toks[j].low != "will") return true;
        // ("If prices rise 5%, a typical buyer pays £500 more": a present tense states what
        // follows as well; a past tense, "If one-offs of £2bn are excluded, profit rose 5%", a fact)
        if ((toks[j].bits & lx.kVerbWord) && sv.tok_mention[j] == SIZE_MAX && toks[j].low.size() > 3 &&
            toks[j].low.back() == 's' && !toks[j].low.ends_with("ss") && toks[j].low != "was" && toks[j].low != "has")
            return true;
    }
    return false;
}

// "from the current £1,807", "from a revised 6.1%": the cue before the words that say which
// earlier figure is meant.
Words Assembly::strip_baseline_fillers(Words w) {
    for (;;) {
        while (!w.empty() && lx.baseline_fillers.count(toks[w.hi - 1].low)) --w.hi;
        // ("up 9.6% from September's NT$241.1 billion", "from last year's 4.1%": a period's
        // possessive says which earlier figure; the period is the baseline's — session 22)
        if (w.hi < w.lo + 3 || toks[w.hi - 1].low != "s" || toks[w.hi - 2].low != "'") return w;
        const size_t dm = sv.tok_mention[w.hi - 3];
        if (dm == SIZE_MAX || ms[dm].type != Type::date) return w;
        size_t k = w.hi - 3;
        while (k > w.lo && sv.tok_mention[k - 1] == dm) --k;
        w.hi = k;
    }
}

// Figures that state no fact of their own by the words around them (session 6):
// - a unit of a rule of thumb: "Every £100 off the cap", "Each 1% fall in the krone adds ...";
// - a count in a prepositional complement that names where or among whom something is measured,
//   when its unit names no metric of its own ("across the 20 countries that share the euro",
//   "New-home prices in 100 cities", "financing from two banks", "70% of 1,400 companies");
// - a count bought for a price, after it ("plans to buy 31 Rafale jets for Rs 63,000 crore") or
//   before it ("orders worth 4.3 trillion won for 12 LNG carriers"): the price is the claim;
// - a bound of the subject a sentence opens with ("Orders above $5 million need board approval");
// - the consequence of a condition (hypothetical_consequence).
bool Assembly::no_claim_of_its_own(size_t f) {
    const Mention& m = ms[figs[f].m];
    const size_t tok = figs[f].tok;
    size_t k = tok;  // (qualifier words and determiners aside; "at" is a preposition here, not "at least")
    while (k > 0 && toks[k - 1].low != "at" &&
           (kQualifierSkip.count(toks[k - 1]) || kDeterminers.count(toks[k - 1]) || lx.approx_words.count(toks[k - 1])))
        --k;
    if (k > 0 && lx.per_unit_words.count(toks[k - 1].low)) return true;
    // "a target of 2.5% plus or minus one percentage point", "8%, give or take two points": the band
    // around a figure is part of it, no level of its own
    if (k >= 3 && ((toks[k - 3].low == "plus" && toks[k - 2].low == "or" && toks[k - 1].low == "minus") ||
                   (toks[k - 3].low == "give" && toks[k - 2].low == "or" && toks[k - 1].low == "take")))
        return true;
    // "its first time above the $2,500 mark", "near the 0.75% level the bank has said it would
    // cap": a round figure named as a mark that something passes or nears (`mark_noun`) is a
    // reference point, not a level anything stands at
    if (const size_t e = sv.token_at(m.span.end);
        e < toks.size() && lx.mark_nouns.count(toks[e].low) && tok >= 2 && toks[tok - 1].low == "the") {
        static const WordList passing = {"above", "below", "over", "under", "past", "beyond",
                                                           "near", "toward", "towards", "through", "around"};
        if (passing.count(toks[tok - 2].low)) return true;
    }
    // (a price's "for" right before the count: whatever the unit)
    if (m.type == Type::quantity && f > 0 && ms[figs[f - 1].m].type == Type::money && tok > 0 &&
        toks[tok - 1].low == "for" && sv.token_at(ms[figs[f - 1].m].span.end) + 1 == tok)
        return true;
    // (index points are a measure: "closed at 24,205.35")
    if (m.type == Type::quantity && !is_factor(m) && !lx.unit_metrics.count(m.unit) &&
        std::string_view(m.unit) != "point") {
        if (k > 0 && sv.tok_mention[k - 1] == SIZE_MAX) {
            static const WordList scope = {"in", "across", "on", "among", "into", "for"};
            std::string_view p = toks[k - 1].low;
            if (scope.count(p)) return true;
            // ("employs 14,000 people at 38 factories": not a level, "stood at 430 million barrels")
            if (p == "at" && k >= 2 && sv.tok_mention[k - 2] != SIZE_MAX) return true;
            // (not a baseline: "fell to 12 million barrels from 14 million barrels")
            if (p == "from") {
                bool other_count = false;
                for (size_t g = 0; g < figs.size(); ++g) other_count |= g != f && ms[figs[g].m].type == Type::quantity;
                if (!other_count) return true;
            }
            // ("70% of 1,400 companies surveyed", "two of its 12 plants": the whole of a share)
            if (p == "of" && k > 1 && sv.tok_mention[k - 2] != SIZE_MAX && is_value(ms[sv.tok_mention[k - 2]]))
                return true;
        }
        if (f + 1 < figs.size() && ms[figs[f + 1].m].type == Type::money) {
            size_t e = sv.token_at(m.span.end), n = figs[f + 1].tok;
            while (n > e && (kQualifierSkip.count(toks[n - 1]) || lx.approx_words.count(toks[n - 1]))) --n;
            if (n == e + 1 && toks[e].low == "for") return true;
        }
    }
    // "Orders above $5 million need approval": a bound right after the noun the sentence opens with
    size_t b = tok;  // ("over" and "under" are approximation words too)
    while (b > 0 && lx.approx_words.count(toks[b - 1]) && toks[b - 1].low != "over" && toks[b - 1].low != "under") --b;
    // (or a clause after ", and" / ";": "..., and orders above $5 million must be approved")
    if (b >= 2 && (toks[b - 1].low == "above" || toks[b - 1].low == "over" || toks[b - 1].low == "below" ||
                   toks[b - 1].low == "under" || toks[b - 1].low == "exceeding") &&
        toks[b - 2].is_word() && sv.tok_mention[b - 2] == SIZE_MAX) {
        size_t h = b - 2;
        if (h > 0 && kDeterminers.count(toks[h - 1])) --h;
        const bool opens = h == 0 || toks[h - 1].low == ";" ||
                           (toks[h - 1].low == "and" && h >= 2 && toks[h - 2].low == ",");
        size_t e = sv.token_at(m.span.end);
        if (opens && e < toks.size() && ((toks[e].bits & lx.kVerbWord) || lx.modal_words.count(toks[e]))) return true;
    }
    // "Acquisitions of more than 10% of a Swedish bank need approval", "Stakes of at least 5% must
    // be disclosed": a bound in the "of" complement of the noun the sentence opens with, whose verb
    // says what the rule requires, is the rule's threshold (not "Sales of more than $5bn rose")
    {
        static const WordList requires_ = {"need", "needs", "require", "requires", "must", "trigger",
                                                             "triggers"};
        size_t q = tok;
        while (q > 0 && (kQualifierSkip.count(toks[q - 1]) || toks[q - 1].low == "above" || toks[q - 1].low == "below" ||
                         toks[q - 1].low == "exceeding"))
            --q;
        const bool bound = q < tok && std::string_view(m.qualifier).size() > 0 &&
                           std::string_view(m.qualifier) != "approx";
        if (bound && q >= 2 && toks[q - 1].low == "of" && toks[q - 2].is_word() && sv.tok_mention[q - 2] == SIZE_MAX) {
            size_t h = q - 2;
            if (h > 0 && kDeterminers.count(toks[h - 1])) --h;
            if (h == 0) {
                size_t e = sv.token_at(m.span.end);
                while (e < toks.size() && !requires_.count(toks[e].low) && !(toks[e].bits & lx.kVerbWord) &&
                       !(toks[e].bits & lx.kChangeWord) && toks[e].low != "," && toks[e].low != ";")
                    ++e;
                if (e < toks.size() && requires_.count(toks[e].low)) return true;
            }
        }
    }
    return hypothetical_consequence(tok);
}

// "Households earning under $50,000 received ...", "those making more than $400,000": the
// figure bounds who a group is (a threshold word, then only qualifier words), no claim.
// Also a bound ("above", "below", "under", "over", "more/less than") after a noun or participle
// that a `bound_head` word opens a few words before ("companies with annual revenue above €1
// billion", "Steel watches priced below CHF 3,000"), not after "of" or a verb ("sales of more than
// $5bn", "inflation fell below 2%").
bool Assembly::after_threshold(size_t tok) {
    size_t k = std::min(tok, toks.size());
    bool bound = false, at = false, up_to = false;
    // ("people who earn up to 5,000 reais a month": "up to" is a qualifier too)
    while (k > 0 && (kQualifierSkip.count(toks[k - 1]) || toks[k - 1].low == "above" || toks[k - 1].low == "below" ||
                     toks[k - 1].low == "exceeding" || (toks[k - 1].low == "to" && k > 1 && toks[k - 2].low == "up"))) {
        std::string_view w = toks[k - 1].low;
        bound |= w == "above" || w == "below" || w == "under" || w == "over" || w == "exceeding" || w == "than";
        up_to |= w == "to";  // ("homes costing up to £300,000")
        at |= w == "at";
        --k;
    }
    if (k == 0) return false;
    // "would face fines of up to 10% of global turnover": the most a rule lets a penalty be, no
    // claim (a fine imposed names its figure without "up to")
    if (up_to && !at) {
        size_t h = k;
        if (h >= 2 && toks[h - 1].low == "of") --h;
        if (lx.ceiling_nouns.count(toks[h - 1].low)) return true;
    }
    // "pay nothing on the first £300,000": the first slice of a sum a tax or rate applies to
    // (not "The first $10 billion arrived last month": a tranche paid is a claim)
    if (k == tok && k >= 3 && toks[k - 1].low == "first" && toks[k - 2].low == "the" && toks[k - 3].low == "on" &&
        tok < toks.size() &&
        sv.tok_mention[tok] != SIZE_MAX && ms[sv.tok_mention[tok]].type == Type::money)
        return true;
    // "Only companies importing more than 50 tonnes a year must register": a plural noun and a
    // participle, then the bound, say which group a rule covers
    if (bound && !at && k >= 2 && toks[k - 1].low.size() > 4 && toks[k - 1].low.ends_with("ing") &&
        !(toks[k - 1].bits & lx.kChangeWord) && sv.tok_mention[k - 1] == SIZE_MAX && toks[k - 2].is_word() &&
        sv.tok_mention[k - 2] == SIZE_MAX && toks[k - 2].low.size() > 3 && toks[k - 2].low.back() == 's' &&
        !(toks[k - 2].bits & (lx.kVerbWord | lx.kChangeWord)) && !kPrepositions.count(toks[k - 2]))
        return true;
    // (a bound head bounds a group only with the bound right after it: "mergers valued above $126
    // million"; "a deal valued at more than $1bn" is the deal's value)
    if (lx.threshold_words.count(toks[k - 1].low) || ((bound || up_to) && !at && lx.bound_heads.count(toks[k - 1].low)))
        return true;
    if (!bound || at || !toks[k - 1].is_word() || kPrepositions.count(toks[k - 1]) ||
        (toks[k - 1].bits & (lx.kVerbWord | lx.kChangeWord)))
        return false;
    for (size_t j = k, n = 0; j-- > 0 && n < 4; ++n) {
        if (!toks[j].is_word() || sv.tok_mention[j] != SIZE_MAX) return false;
        if (lx.bound_heads.count(toks[j].low)) return true;
    }
    return false;
}

// "¥312 billion (FY24: ¥288 billion)", "£1.4bn (2024: £1.2bn)": the date that labels a figure
// in parentheses, as annual reports set last year's figure beside this year's; SIZE_MAX if none.
size_t Assembly::colon_date(size_t tok) {
    if (tok < 3 || tok > toks.size() || toks[tok - 1].low != ":" || sv.tok_mention[tok - 2] == SIZE_MAX) return SIZE_MAX;
    const size_t d = sv.tok_mention[tok - 2];
    if (ms[d].type != Type::date) return SIZE_MAX;
    const size_t dt = sv.token_at(ms[d].span.begin);
    return dt > 0 && toks[dt - 1].low == "(" ? d : SIZE_MAX;
}

// "to a record 1 million units", "at ¥2,876", "to up to $900 million": a new level.
bool Assembly::level_cue(size_t tok) {
    for (size_t k = tok, n = 0; k-- > 0 && n < 6; ++n) {
        size_t cn = 0;
        const Lexicon::Entry* c = lex(lx.cues, lx.kCueFirst, k, &cn);
        // ("at least 200 basis points": the qualifier's "at" sets no level)
        if (c && toks[k].low == "at" && k + 1 < toks.size() && toks[k + 1].low == "least") continue;
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
        // ("falling to a deficit of 5.0% of GDP": a metric phrase and "of" between the cue and the level)
        if (toks[k].low == "of" && k + 1 == tok && k >= 2) {
            size_t j = k;
            // (a pace's words too: "fell 9% to a seasonally adjusted annualized rate of 232,765 units")
            while (j > 0 && k - j < 6 && toks[j - 1].is_word() && sv.tok_mention[j - 1] == SIZE_MAX &&
                   (toks[j - 1].bits & lx.kMetricFirst || kDeterminers.count(toks[j - 1]) ||
                    (k - j < 5 && lx.pace_words.count(toks[j - 1].low))) &&
                   toks[j - 1].low != "to")
                --j;
            if (j < k && j > 0 && toks[j - 1].low == "to" && kDeterminers.count(toks[j])) {
                k = j;  // (the loop steps to "to" next)
                n = 0;
                continue;
            }
        }
        if (!lx.level_fillers.count(toks[k]) && !lx.approx_words.count(toks[k])) return false;
    }
    return false;
}

// Token k sits in the "of" phrase of a probability noun, after an article and the mover's name
// or the rate's words only: "the chance of a quarter-point cut", "odds of an MNB rate hike".
bool Assembly::odds_object(size_t k) {
    bool article = false;
    for (size_t j = k, steps = 0; j > 0 && steps < 8; --j, ++steps) {
        std::string_view w = toks[j - 1].low;
        const size_t m = sv.tok_mention[j - 1];  // (a name's own "of": "a Bank of England cut")
        if (m != SIZE_MAX && (ms[m].type == Type::org || ms[m].type == Type::place || ms[m].type == Type::percent))
            continue;
        if (w == "of") return article && j >= 2 && lx.odds_nouns.count(toks[j - 2].low) > 0;
        if (w == "a" || w == "an" || w == "another") article = true;
        else if (!(w == "rate" || w == "interest" || w == "further" || w == "-"))
            return false;
    }
    return false;
}

// "closed 40 cents higher at $18.20": a comparative of a move, then "at" and the level.
bool Assembly::comparative_at(size_t k) const {
    return k + 1 < toks.size() && (toks[k].low == "higher" || toks[k].low == "lower") && toks[k + 1].low == "at";
}

// Change events: change verbs, with the factor mentions that overlap them.
void Assembly::find_change_events() {
    events.clear();
    for (size_t k = 0; k < toks.size(); ++k) {
        size_t n = 0;
        const Lexicon::Entry* e = lex(lx.change_verbs, lx.kChangeFirst, k, &n);
        if (!e) continue;
        // A verb inside a figure's or an entity's span is not a verb ("Cut Holdings").
        if (sv.tok_mention[k] != SIZE_MAX && !is_factor(ms[sv.tok_mention[k]])) continue;
        // "The household saving ratio stood at 10.1%": a word in the middle of a metric phrase
        // names the metric, it moves nothing.
        {
            bool inside = false;
            for (size_t j = k >= 3 ? k - 3 : 0; j < k && !inside; ++j) {
                size_t mn = 0;
                if (metric_phrase(j, &mn)) inside = j + mn > k + 1;
            }
            if (inside) continue;
        }
        // "raised the odds of a Fed rate cut in March to 60%": a move named in the "of" phrase of a
        // probability (words.tsv odds_noun) has not happened; its word there is a noun
        if (odds_object(k)) continue;
        // "ended 1.2% lower": some words move a figure only right after it.
        // ("edged lower 0.4%": right after a verb of a move it is that move's adverb, as "down" is)
        if (e->extra2 == "p" && (k == 0 || sv.tok_mention[k - 1] == SIZE_MAX || !is_value(ms[sv.tok_mention[k - 1]])) &&
            !(k > 0 && !events.empty() && events.back().tok + 1 == k && events.back().intransitive))
            continue;
        // "a buyback of up to Rs 1,500 crore": "up" is the figure's qualifier (up_to), no move
        if (up_to_qualifier(k)) continue;
        // "agreed to set up a €500 billion fund", "lined up financing", "wound down its unit": the
        // particle of a phrasal verb that moves nothing (words.tsv `particle_verb`)
        if ((toks[k].low == "up" || toks[k].low == "down") && n == 1 && k > 0 &&
            lx.particle_verbs.count(toks[k - 1].low))
            continue;
        ChangeEvent ev{k, e->value, std::nullopt, "", std::nullopt, std::string(toks[k].low)};
        ev.intransitive = e->extra2 == "i" || e->extra2 == "p";
        // "edged lower 0.4%", "inched down", "ticked higher": a verb of manner takes its way
        // from the adverb right after it
        // (not the qualifier "up to": "fell up to 5%")
        if (e->extra2 == "i" && k + n < toks.size() && !up_to_qualifier(k + n)) {
            std::string_view adv = toks[k + n].low;
            if (adv == "lower" || adv == "down") ev.direction = "down";
            else if (adv == "higher" || adv == "up") ev.direction = "up";
        }
        ev.object_only = e->extra2 == "o";
        ev.money_object = e->extra2 == "m";
        if (!e->extra.empty()) ev.factor = std::stod(e->extra);
        for (size_t i : sv.mentions)
            if (is_factor(ms[i]) && ms[i].span.begin <= toks[k].begin && toks[k].end <= ms[i].span.end) {
                ev.factor_mention = i;
                if (ms[i].value) ev.factor = ms[i].value;
                ev.qualifier = ms[i].qualifier;
            }
        events.push_back(std::move(ev));
    }
    // "rose 4.4% in August, slowing from 7.2% growth in July": an earlier rate of growth a
    // change is set against is a change of its own (corpus/CLAIMS.md, session 6), "growth" its
    // change word; only after "from"/"after" and a change word earlier in the sentence.
    if (!events.empty())
        for (size_t k = 2; k < toks.size(); ++k) {
            const bool grow = toks[k].low == "growth" || toks[k].low == "expansion", shrink = toks[k].low == "contraction";
            if (!(grow || shrink) || sv.tok_mention[k - 1] == SIZE_MAX) continue;
            const Mention& p = ms[sv.tok_mention[k - 1]];
            if (p.type != Type::percent || std::string_view(p.unit) == "pp") continue;
            size_t j = sv.token_at(p.span.begin);
            if (j > 0 && (toks[j - 1].low == "a" || toks[j - 1].low == "an")) --j;
            if (j == 0 || (toks[j - 1].low != "from" && toks[j - 1].low != "after") || events.front().tok >= j) continue;
            ChangeEvent ev{k, grow ? "up" : "down", std::nullopt, "", std::nullopt, std::string(toks[k].low)};
            ev.intransitive = true;
            events.push_back(std::move(ev));
        }
    // "24.1 million hectares, about 2% more than last year", "12% less than a year earlier": a
    // percentage (or an amount: "£2.1bn more than") right before "more"/"less" and "than" sizes
    // a move, as "2.1% lower than" does
    // (the two are no change words elsewhere: "more than 300 jobs", "the more domestically focused
    // FTSE 250"); followed_by_comparison decides whether what follows "than" is the figure's own
    // past (a change) or something else (a difference, no claim)
    for (size_t k = 1; k + 1 < toks.size(); ++k)
        if (comparison_change_word(k)) {
            ChangeEvent ev{k, toks[k].low == "more" ? "up" : "down", std::nullopt, "", std::nullopt, std::string(toks[k].low)};
            ev.intransitive = true;
            events.push_back(std::move(ev));
        }
    // Factor mentions no verb covered ("tenfold") are events too.
    for (size_t i : sv.mentions) {
        if (!is_factor(ms[i])) continue;
        bool covered = false;
        for (auto& ev : events) covered |= ev.factor_mention == i;
        if (covered) continue;
        // "cut its dividend by half": a factor after "by"/"in" sizes the verb's move before it
        size_t ft = sv.token_at(ms[i].span.begin);
        if (ft > 0 && (toks[ft - 1].low == "by" || toks[ft - 1].low == "in")) {
            ChangeEvent* verb = nullptr;
            for (auto& ev : events)
                if (ev.tok < ft && (!verb || ev.tok > verb->tok)) verb = &ev;
            if (verb && !verb->factor_mention && !verb->factor) {
                verb->factor_mention = i;
                verb->factor = ms[i].value;
                verb->qualifier = ms[i].qualifier;
                continue;
            }
        }
        {
            ChangeEvent ev{sv.token_at(ms[i].span.begin), ms[i].value && *ms[i].value < 1 ? "down" : "up",
                           ms[i].value, ms[i].qualifier, i, std::string(t.analysis_slice(ms[i].span))};
            events.push_back(std::move(ev));
        }
    }
    std::sort(events.begin(), events.end(), [](const ChangeEvent& x, const ChangeEvent& y) { return x.tok < y.tok; });
}

// The role of each value figure of the sentence (figs).
void Assembly::figure_roles() {
    figs.clear();
    for (size_t i : sv.mentions)
        if (is_value(ms[i])) figs.push_back({i, Role::value, SIZE_MAX, sv.token_at(ms[i].span.begin)});
    baseline_of_previous_sentence();
    for (size_t f = 0; f < figs.size(); ++f) {
        const Mention& m = ms[figs[f].m];
        auto w = words_before(figs[f].tok, 5);  // the longest cue: "from a previous range of"
        // "$214 million, or $1.45 a share, compared with $163 million, or $1.09 a share": a
        // per-share figure restates no total; it is a claim of its own (earnings per share),
        // and one after a baseline is the baseline of the per-share figure before it.
        if (f > 0 && m.type == Type::money && ms[figs[f - 1].m].type == Type::money &&
            per_share(figs[f].m) != per_share(figs[f - 1].m) && !w.empty() && w.back() == "or") {
            // ("Net cash stood at £265 million, or 81p a share": a stock the company holds,
            // restated per share, is the same fact: `per_share_stock` words before the total)
            if (per_share(figs[f].m) && figs[f - 1].role == Role::value) {
                bool stock = false;
                const size_t pt = figs[f - 1].tok;
                for (size_t k = pt, n = 0; k-- > 0 && n < 6 && !stock; ++n) {
                    if (sv.tok_mention[k] != SIZE_MAX && is_value(ms[sv.tok_mention[k]])) break;
                    stock = lx.per_share_stocks.count(toks[k].low) > 0;
                }
                if (stock) {
                    figs[f].role = Role::equivalent;
                    figs[f].of = f - 1;
                    continue;
                }
            }
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
        // Baseline in parentheses under a date label, right after a figure of its type:
        // "earned ¥312 billion (FY24: ¥288 billion)".
        if (f > 0)
            if (size_t d = colon_date(figs[f].tok); d != SIZE_MAX) {
                const size_t open = sv.token_at(ms[d].span.begin) - 1;
                if (ms[figs[f - 1].m].type == m.type && sv.token_at(ms[figs[f - 1].m].span.end) == open) {
                    size_t owner = f - 1;
                    while (owner > 0 && figs[owner].role == Role::equivalent) --owner;
                    figs[f].role = Role::baseline;
                    figs[f].of = owner;
                    continue;
                }
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
                if (const Lexicon::Entry* c = lex(lx.cues, lx.kCueFirst, k, &n); c && c->value == "equivalent" && k + n <= end) {
                    cue = true;
                    k += n;
                }
                while (k < end && lx.approx_words.count(toks[k])) ++k;
                eq = cue && k == end;
            }
            // "was allocated ₹6.8 lakh crore, about 13% of total expenditure": a share of a whole
            // in apposition restates the figure before it
            if (!eq && m.type == Type::percent && prev.type != Type::percent) {
                size_t k = sv.token_at(prev.span.end), end = figs[f].tok;
                // ("€1.5 billion a year by 2030, roughly 1% of the EU budget": the figure's rate and
                // date stand between)
                if (k + 1 < end && (toks[k].low == "a" || toks[k].low == "per") && lx.per_unit_words.count(toks[k + 1].low) == 0 &&
                    toks[k + 1].is_word() && sv.tok_mention[k + 1] == SIZE_MAX && k + 2 < end &&
                    (toks[k + 2].low == "," || sv.tok_mention[k + 2] != SIZE_MAX || kPrepositions.count(toks[k + 2])))
                    k += 2;
                while (k + 1 < end && kPrepositions.count(toks[k]) && sv.tok_mention[k + 1] != SIZE_MAX &&
                       ms[sv.tok_mention[k + 1]].type == Type::date)
                    k = sv.token_at(ms[sv.tok_mention[k + 1]].span.end);
                if (k < end && sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type == Type::date)
                    k = sv.token_at(ms[sv.tok_mention[k]].span.end);
                if (k < end && toks[k].low == ",") {
                    ++k;
                    while (k < end && lx.approx_words.count(toks[k])) ++k;
                    size_t after = sv.token_at(m.span.end);
                    eq = k == end && after < toks.size() && toks[after].low == "of";
                }
            }
            // ("¥50 billion of its own shares, or up to 3.1% of shares outstanding": a cap's "up to")
            Words weq = w;
            if (weq.hi - weq.lo >= 3 && weq.back() == "to" && toks[weq.hi - 2].low == "up" &&
                std::string_view(m.qualifier) == "up_to")
                weq.hi -= 2;
            // "Thames had asked for a 53% increase, or £259": a money figure restating the size of
            // the change a percentage just sized (change word between) is that change's amount
            if (!eq && m.type == Type::money && prev.type == Type::percent && figs[f - 1].role == Role::change_percent &&
                ends_with_cue(weq, "equivalent")) {
                size_t k = sv.token_at(prev.span.end), q = k + 3;
                while (q < figs[f].tok && lx.approx_words.count(toks[q])) ++q;
                if (q == figs[f].tok && (toks[k].bits & lx.kChangeWord) && sv.tok_mention[k] == SIZE_MAX &&
                    toks[k + 1].low == "," && toks[k + 2].low == "or") {
                    figs[f].role = Role::change_amount;
                    continue;
                }
            }
            if (!eq && ends_with_cue(weq, "equivalent")) {
                size_t prev_end = sv.token_at(prev.span.end);
                eq = figs[f].tok >= prev_end && figs[f].tok - prev_end <= 8;
                for (size_t k = prev_end; eq && k < std::max(weq.hi, prev_end); ++k)
                    if (toks[k].low == ";" || (toks[k].bits & lx.kVerbWord) ||
                        (toks[k].bits & lx.kChangeWord))
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
        // "up from its March estimates of 0.8% and 1.9%": the next of a list of baselines is one too,
        // of the value that stands second in the list before
        if (f > 0 && figs[f - 1].role == Role::baseline && ms[figs[f - 1].m].type == m.type &&
            sv.token_at(ms[figs[f - 1].m].span.end) + 1 == figs[f].tok && toks[figs[f].tok - 1].low == "and") {
            size_t owner = figs[f - 1].of;
            for (size_t p = owner + 1; p < f - 1; ++p)
                if ((figs[p].role == Role::value || figs[p].role == Role::change_percent) && ms[figs[p].m].type == m.type) {
                    owner = p;
                    break;
                }
            figs[f].role = Role::baseline;
            figs[f].of = owner;
            continue;
        }
        // "to 53.8 million tonnes, 14% less than last season's 62.5 million tonnes": the figure a
        // size's "more/less/higher/lower than" compares with is the baseline of the value the size
        // follows (its type's last value before the size)
        if (f >= 2 && ms[figs[f - 1].m].type == Type::percent && m.type != Type::percent) {
            const size_t c = sv.token_at(ms[figs[f - 1].m].span.end);
            if (c + 1 < toks.size() && toks[c + 1].low == "than" &&
                ((toks[c].bits & lx.kChangeWord) || comparison_change_word(c)) && past_than(c + 1) == figs[f].tok) {
                size_t owner = SIZE_MAX;
                for (size_t g = f - 1; g-- > 0;)
                    if (figs[g].role == Role::value && ms[figs[g].m].type == m.type) {
                        owner = g;
                        break;
                    }
                if (owner != SIZE_MAX) {
                    figs[f].role = Role::baseline;
                    figs[f].of = owner;
                    continue;
                }
            }
        }
        // ("a 70% chance of a quarter-point cut": the size of a move that has not happened)
        auto sizes_odds_move = [&] {
            const size_t after = sv.token_at(m.span.end);
            return after < toks.size() && (toks[after].bits & lx.kChangeWord) && odds_object(after);
        };
        if (in_condition(figs[f].tok) || followed_by_comparison(m) || after_threshold(figs[f].tok) ||
            no_claim_of_its_own(f) || sizes_odds_move()) {
            figs[f].role = Role::skip;
            continue;
        }
        // A percentage is a relative change; percentage points are an absolute one.
        bool pct = m.type == Type::percent && std::string_view(m.unit) != "pp";
        // "a 2% fall in profit", "ended 1.2% lower": a figure right before a change word is its size
        // (so is a count or points: "a 300,000 bpd increase", "one more quarter-point reduction";
        // not money, "a £100bn boost to investment" is what is spent)
        // (but money sizes a comparison with its own past: "£17.4bn, £2.1bn more than a year earlier")
        // (and money sizes a close: "closed 40 cents higher at $18.20", "ended 1.15 euros lower at
        // 42.30 euros": the comparative, then "at" and the level — session 22)
        if (size_t a0 = sv.token_at(m.span.end);
            m.type != Type::money ||
            (a0 + 1 < toks.size() && toks[a0 + 1].low == "than" &&
             ((toks[a0].bits & lx.kChangeWord) || comparison_change_word(a0))) ||
            (a0 + 2 < toks.size() && comparative_at(a0) && sv.tok_mention[a0 + 2] != SIZE_MAX &&
             ms[sv.tok_mention[a0 + 2]].type == Type::money)) {
            size_t after = sv.token_at(m.span.end);
            // ("with a 24.7% annual rise": a modifier of the change word may stand between)
            while (after + 1 < toks.size() && kMetricModifiers.count(toks[after]) && sv.tok_mention[after] == SIZE_MAX)
                ++after;
            // ("a 3.6% pay rise", "a 5% price increase": a one-word metric that the change is of)
            if (m.type == Type::percent && after + 1 < toks.size() && sv.tok_mention[after] == SIZE_MAX &&
                !(toks[after].bits & lx.kChangeWord) && !kPrepositions.count(toks[after]) &&
                (toks[after + 1].bits & lx.kChangeWord)) {
                size_t mn = 0;
                if (metric_phrase(after, &mn) && mn <= 2) ++after;
            }
            bool before_event = false;
            for (const auto& e2 : events) before_event |= e2.tok == after && !e2.factor_mention;
            if (before_event) {
                figs[f].role = pct ? Role::change_percent : Role::change_amount;
                continue;
            }
        }
        const ChangeEvent* ev = event_before(figs[f].tok);
        bool ev_near = ev && figs[f].tok - ev->tok <= 12;
        // "down 6.5% from the current £1,807", "from a revised 6.1%": a cue, then words that
        // only say which earlier figure it is
        // (not "after a 2.4% rise in April", nor "from a 7.2% growth": an earlier change is a
        // claim of its own)
        if (Words w2 = strip_baseline_fillers(w);
            w2.hi != w.hi && !w2.empty() && w2.back() != "after" &&
            (ends_with_cue(w2, "baseline") || ends_with_cue(w2, "baseline_near"))) {
            // (nor "compared with the ¥765 billion analysts expected": an expectation is a claim of its own)
            size_t after = sv.token_at(m.span.end);
            bool expected = false;
            for (size_t k = after; k < toks.size() && k < after + 4 && !expected; ++k)
                expected = lx.expecter_nouns.count(toks[k]) || target_word(toks[k]) || lx.poll_verbs.count(toks[k]) ||
                           toks[k].low == "expected" || toks[k].low == "median";
            if (!expected && (after >= toks.size() || !(toks[after].bits & lx.kChangeWord))) w.hi = w2.hi;
        }
        // Baseline: "compared with 23 billion yuan", "up from $2bn", near a change "from 6%",
        // "after 2.4% in April"; "from £9,100 to £5,000" is the baseline of the figure after "to".
        bool base = ends_with_cue(w, "baseline"), base_near = ends_with_cue(w, "baseline_near");
        // "down from a revised estimate of 4.8%", "from its January forecast of 1.1%": an earlier
        // forecast the value revises ("from", a few words, a forecast noun, "of"); so is an
        // earlier plan or target ("up from a previous plan of $14 billion")
        if (!base && figs[f].tok >= 3 && toks[figs[f].tok - 1].low == "of" &&
            (kForecastNouns.count(toks[figs[f].tok - 2]) || target_word(toks[figs[f].tok - 2]) ||
             toks[figs[f].tok - 2].low == "plan" || toks[figs[f].tok - 2].low == "guidance"))
            for (size_t k = figs[f].tok - 2; k-- > 0 && figs[f].tok - k <= 7;) {
                // (or a comparison cue before an earlier forecast: "compared with its earlier forecast
                // of 2% to 4%"; a target set against the figure is a claim of its own: "against the
                // interim budget target of 5.1%")
                // (its own earlier one: "its earlier forecast", "its previous estimate"; an
                // analysts' forecast compared with the figure is a claim of its own)
                bool compared = toks[k].low == "versus" || toks[k].low == "against" ||
                                (toks[k].low == "with" && k > 0 && toks[k - 1].low == "compared");
                if (compared) {
                    bool own = false, others = false, earlier = false;
                    for (size_t j = k + 1; j + 2 < figs[f].tok; ++j) {
                        const std::string_view w = toks[j].low;
                        earlier |= w == "earlier" || w == "previous" || w == "prior" || w == "original" || w == "initial";
                        own |= w == "its" || w == "their" || earlier;
                        others |= lx.expecter_nouns.count(toks[j]) > 0;
                    }
                    // (a target the holder had before is an earlier plan too: "expects to complete
                    // 6,300 homes, compared with a previous target of 6,600 to 6,900" — session 13)
                    compared = own && !others &&
                               (kForecastNouns.count(toks[figs[f].tok - 2]) || (earlier && target_word(toks[figs[f].tok - 2])));
                }
                if (toks[k].low == "from" || compared) {
                    base = true;
                    break;
                }
                // (a date names which forecast, whatever its word: "its May estimate of")
                const bool dated = sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type == Type::date;
                if (!dated && (!toks[k].is_word() || (toks[k].bits & lx.kVerbWord) || sv.tok_mention[k] != SIZE_MAX))
                    break;
            }
        // "would reach 6.1% this year, far above the 4.4% forecast last autumn": a forecast the value
        // is set against, dated and with no one polled, is the earlier forecast it revises
        if (!base && f > 0 && figs[f].tok >= 2 && toks[figs[f].tok - 1].low == "the" &&
            (toks[figs[f].tok - 2].low == "above" || toks[figs[f].tok - 2].low == "below")) {
            size_t a2 = sv.token_at(m.span.end);
            if (a2 + 1 < toks.size() && (toks[a2].low == "forecast" || toks[a2].low == "estimate" ||
                                         toks[a2].low == "projected" || toks[a2].low == "estimated")) {
                const size_t dm = sv.tok_mention[a2 + 1];
                base = dm != SIZE_MAX && ms[dm].type == Type::date;
            }
        }
        // "compared with a profit of 95 billion won", "against an operating loss of $2m": a
        // baseline cue, then a metric phrase and "of"
        if (!base && figs[f].tok >= 4 && toks[figs[f].tok - 1].low == "of") {
            size_t j = figs[f].tok - 1;
            bool metric_word = false;
            for (size_t n = 0; j > 0 && n < 4 && toks[j - 1].is_word() && sv.tok_mention[j - 1] == SIZE_MAX &&
                               !(toks[j - 1].bits & (lx.kVerbWord | lx.kChangeWord));
                 ++n) {
                --j;
                size_t mn = 0;
                metric_word |= metric_phrase(j, &mn) != nullptr;
            }
            // (the cue ends right before the phrase: "compared with | a profit of")
            for (size_t s0 = j; metric_word && s0 + 1 < figs[f].tok && !base; ++s0) {
                // (not a target or forecast set against it: "against the interim budget target of
                // 5.1%" is a claim of its own)
                bool has_metric = false, target = false;
                for (size_t q = s0; q + 1 < figs[f].tok; ++q) {
                    size_t mn = 0;
                    has_metric |= metric_phrase(q, &mn) != nullptr;
                    target |= target_word(toks[q]);
                }
                has_metric &= !target;
                // (or "from" a few words after a figure of the same kind: "swung to a pre-tax loss of
                // £214 million from a profit of £96 million a year earlier")
                const bool from_prev = s0 > 0 && toks[s0 - 1].low == "from" && f > 0 && ms[figs[f - 1].m].type == m.type &&
                                       sv.token_at(ms[figs[f - 1].m].span.end) + 1 == s0;
                base = has_metric && s0 > 0 && (ends_with_cue(words_before(s0, 3), "baseline") || from_prev);
            }
        }
        // "to 4.2% from 4.6%": "from" right after a new level of the same type (a comma may
        // stand between: "to A$5.2bn, from A$7.1bn three months ago")
        if (!base && base_near && f > 0 && !w.empty() && w.back() == "from" &&
            (w.hi - w.lo == 1 || (w.hi - w.lo == 2 && toks[w.lo].low == ",")) && ms[figs[f - 1].m].type == m.type &&
            sv.token_at(ms[figs[f - 1].m].span.end) + (w.hi - w.lo) == figs[f].tok && level_cue(figs[f - 1].tok))
            base = true;
        // "to ¥720 billion ($4.7 billion) from ¥650 billion": the new level's equivalent in brackets
        // may stand between it and "from" (session 19, probes19: the baseline became a claim of its
        // own when a long date put the change word far away)
        if (!base && base_near && f > 1 && w.hi - w.lo == 2 && toks[w.lo].low == ")" && w.back() == "from" &&
            figs[f - 1].role == Role::equivalent && figs[f - 1].of < f - 1 &&
            ms[figs[figs[f - 1].of].m].type == m.type && level_cue(figs[figs[f - 1].of].tok))
            base = true;
        // "raised its forecast ... to ¥1.2 trillion ($7.9 billion) on Thursday, from ¥1.05 trillion
        // previously": "from" a figure that "previously" closes is the earlier value, however far
        // the figure it revises stands
        if (!base && f > 0 && !w.empty() && w.back() == "from" && ms[figs[f - 1].m].type == m.type) {
            const size_t e = sv.token_at(m.span.end);
            if (e < toks.size() && (toks[e].low == "previously" || toks[e].low == "before") &&
                (e + 1 >= toks.size() || !toks[e + 1].is_word()))
                base = true;
        }
        // "more than double the ₹87,416 crore paid a year earlier": a figure a factor multiplies
        if (!base && f > 0 && figs[f].tok >= 2 && kDeterminers.count(toks[figs[f].tok - 1]) &&
            sv.tok_mention[figs[f].tok - 2] != SIZE_MAX && is_factor(ms[sv.tok_mention[figs[f].tok - 2]]))
            base = true;
        // "compared with a rise of 0.6% in March last year": a baseline cue, a change noun, "of"
        if (!base && figs[f].tok >= 4 && toks[figs[f].tok - 1].low == "of" &&
            (toks[figs[f].tok - 2].bits & lx.kChangeWord) && sv.tok_mention[figs[f].tok - 2] == SIZE_MAX) {
            size_t s0 = figs[f].tok - 2;
            if (s0 > 0 && kDeterminers.count(toks[s0 - 1])) --s0;
            base = ends_with_cue(words_before(s0, 3), "baseline");
        }
        if (base || base_near) {
            if (!w.empty() && w.back() == "from" && f + 1 < figs.size() && ms[figs[f + 1].m].type == m.type) {
                auto w2 = words_before(figs[f + 1].tok, 2);
                size_t end = sv.token_at(m.span.end);
                // ("from 4.8 per cent of GDP in 2024-25 to 3.9 per cent": what the figure is a share
                // of, and its date, may stand between)
                if (end < toks.size() && toks[end].low == "of") {
                    size_t q = end + 1;
                    while (q < toks.size() && q <= end + 3 && toks[q].is_word() && sv.tok_mention[q] == SIZE_MAX &&
                           toks[q].low != "to" && !kPrepositions.count(toks[q]) && !(toks[q].bits & (lx.kVerbWord | lx.kChangeWord)))
                        ++q;
                    if (q > end + 1) end = q;
                }
                if (end + 1 < toks.size() && (toks[end].low == "in" || toks[end].low == "for") &&
                    sv.tok_mention[end + 1] != SIZE_MAX && ms[sv.tok_mention[end + 1]].type == Type::date)
                    end = sv.token_at(ms[sv.tok_mention[end + 1]].span.end);
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
                // ("lifted its dividend forecast to ¥110 per share from ¥100": "from" right after a
                // per-share figure's "per share" is that figure's baseline, its unit elided; session
                // 19, probes19)
                if (m.type == Type::money && f > 0 && w.hi - w.lo == 3 && w.back() == "from" &&
                    toks[w.lo + 1].low == "share" && figs[f - 1].role == Role::value &&
                    ms[figs[f - 1].m].type == m.type && sv.token_at(ms[figs[f - 1].m].span.end) == w.lo &&
                    per_share(figs[f - 1].m) && !per_share(figs[f].m))
                    owner = f - 1;
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
                // "homes costing more than £125,000, down from £250,000": the earlier value of a
                // threshold (or of any figure that makes no claim) makes none either
                if (base && f > 0 && figs[f - 1].role == Role::skip && ms[figs[f - 1].m].type == m.type) {
                    figs[f].role = Role::skip;
                    continue;
                }
            }
        }
        // "has cut prices at several projects in Kowloon and the New Territories by as much as 20%":
        // "by" and the size, a long complement after the verb (no verb, no figure between)
        if (!ev_near && ev && figs[f].tok - ev->tok <= 24 && ends_with_cue(w, "amount") && w.back() == "by") {
            bool plain = true;
            for (size_t k = ev->tok + 1; plain && k < w.hi; ++k)
                // (a verb's form after a determiner is a noun: "cut its estimate of state tax
                // revenue for the current fiscal year by $11.2 billion")
                plain = toks[k].low != ";" && !(sv.tok_mention[k] != SIZE_MAX && is_value(ms[sv.tok_mention[k]])) &&
                        (!(toks[k].bits & (lx.kVerbWord | lx.kChangeWord)) || kDeterminers.count(toks[k - 1])) &&
                        !lx.condition_words.count(toks[k]);
            if (plain) {
                figs[f].role = pct ? Role::change_percent : Role::change_amount;
                continue;
            }
        }
        // Change size: "by $130 billion"; "rose 5%"; "cut 1,200 jobs", "adds ¥50 billion to ...".
        if (ev_near) {
            if (ends_with_cue(w, "amount")) {
                figs[f].role = pct ? Role::change_percent : Role::change_amount;
                continue;
            }
            bool right_after_verb = true;
            // ("net profit of ¥850 billion, a decline of about 7%", "forecast cuts of 25 basis points",
            // "one more cut of 25 basis points": a change noun's "of" complement; not after a verb of
            // forecasting with an article, "had forecast a drop of 1.5%" is an expectation's amount)
            size_t skip_of = SIZE_MAX;
            if (ev->tok + 1 < figs[f].tok && toks[ev->tok + 1].low == "of" && ev->tok >= 1) {
                std::string_view before = toks[ev->tok - 1].low, noun = toks[ev->tok].low;
                const bool article = before == "a" || before == "an";
                const bool forecast = ev->tok >= 2 && (lx.forecast_verbs.count(toks[ev->tok - 2]) ||
                                                       toks[ev->tok - 2].low == "expected" || toks[ev->tok - 2].low == "expect" ||
                                                       toks[ev->tok - 2].low == "expects");
                // (rate moves in points only: "voluntary cuts of 1.65 million bpd" are the cuts' own size)
                const bool points = std::string_view(m.unit) == "pp";
                // ("announced price increases of 6%", "plans a price rise of 4%", "expect price hikes
                // of between 2% and 3%": a one-word metric names what the noun moves, as in "a 5% price
                // increase"; a planned move, also after a verb of expecting; session 19, probes19 —
                // the percentage was an amount, and "price" with a percentage a bond yield)
                size_t mn = 0;
                const bool metric_noun = ev->tok >= 2 && sv.tok_mention[ev->tok - 1] == SIZE_MAX &&
                                         (toks[ev->tok - 1].bits & lx.kMetricFirst) &&
                                         !(toks[ev->tok - 1].bits & lx.kChangeWord) &&
                                         metric_phrase(ev->tok - 1, &mn) && mn == 1 &&
                                         (toks[ev->tok - 2].low == "a" || toks[ev->tok - 2].low == "an" ||
                                          (noun.size() > 3 && noun.back() == 's' && !kDeterminers.count(toks[ev->tok - 2])));
                // (a move in points is a move's size even when expected: "We expect a cut of at least
                // 200 basis points"; a rate has no level in points)
                if ((article && (!forecast || points)) || metric_noun ||
                    (points && (before == "more" || before == "further" || before == "another" ||
                                (!article && !kDeterminers.count(toks[ev->tok - 1]) && noun.size() > 3 && noun.back() == 's'))))
                    skip_of = ev->tok + 1;
            }
            // ("price increases of between 2% and 4%": "between" opens the range the mention is)
            const size_t skip_between =
                skip_of != SIZE_MAX && skip_of + 2 == figs[f].tok && toks[skip_of + 1].low == "between" && m.max
                    ? skip_of + 1
                    : SIZE_MAX;
            // ("rose as much as 6.4%", "fell by as many as": a cap the figure's qualifier says)
            const bool capped = std::string_view(m.qualifier) == "up_to";
            // ("grew a more modest 2.1%", "fell a steep 8%": a word sizing the move after "a")
            bool article = false;
            for (size_t k = ev->tok + 1; k < figs[f].tok; ++k)
                if (k == skip_of || k == skip_between) continue;
                else if (toks[k].is_word()) {
                    const bool cap_word = capped && (toks[k].low == "as" || toks[k].low == "much" ||
                                                     toks[k].low == "many" || toks[k].low == "up" || toks[k].low == "to");
                    const bool sized = article && (lx.size_fillers.count(toks[k].low) || lx.pace_words.count(toks[k].low));
                    // ("a cut of at least 200 basis points": the words of the figure's own qualifier)
                    const bool qualifier = !std::string_view(m.qualifier).empty() && kQualifierSkip.count(toks[k]);
                    if (!kVerbFillers.count(toks[k]) && !cap_word && !sized && !qualifier) right_after_verb = false;
                    article |= toks[k].low == "a" || toks[k].low == "an";
                }
            // "The economy grew at an annualised 1.0%", "expanded at an annual rate of 2.8%": an
            // economy's growth verb, "at" and the words of an annualised pace (words.tsv `pace`)
            // before the percentage size the change, no level
            if (!right_after_verb && pct && kGrowthVerbs.count(toks[ev->tok]) && ev->tok + 1 < figs[f].tok &&
                toks[ev->tok + 1].low == "at") {
                bool pace = true;
                for (size_t k = ev->tok + 2; k < figs[f].tok && pace; ++k)
                    pace = kDeterminers.count(toks[k]) || lx.pace_words.count(toks[k].low) || toks[k].low == "of";
                right_after_verb = pace;
            }
            // "lifted operating profit 31% to ¥154 billion": a transitive verb's metric object,
            // then the size
            bool after_object = false;
            // (so does a growth verb used transitively: "the cloud unit grew revenue 33%")
            if (!right_after_verb && pct && (!ev->intransitive || kGrowthVerbs.count(toks[ev->tok]))) {
                size_t k = ev->tok + 1;
                // (and the period the object is for: "lifts nine-month revenue 12%", "grew
                // third-quarter sales 8%" — session 24)
                while (k < figs[f].tok && (kDeterminers.count(toks[k]) || kMetricModifiers.count(toks[k]) ||
                                           (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type == Type::date)))
                    ++k;
                size_t n = 0;
                if (k < figs[f].tok && metric_phrase(k, &n) && n > 0 && k + n == figs[f].tok)
                    after_object = true;
            }
            if ((right_after_verb || after_object) && pct) {
                figs[f].role = Role::change_percent;
                continue;
            }
            // the object of "raise" is a level or an amount raised, not a change ("raises $300 million")
            const bool object = ev->object_only || (ev->money_object && ms[figs[f].m].type == Type::money);
            if (right_after_verb && !object && !ends_with_cue(w, "level") && !level_cue(figs[f].tok)) {
                figs[f].role = Role::change_amount;
                continue;
            }
        }
    }
}

// Tokens [b, e) are a place's or organisation's name and its "'s", nothing else ("France's").
bool Assembly::possessive_gap(size_t b, size_t e) {
    if (e > toks.size() || e < b + 3 || !sv.possessive_at(e - 2)) return false;  // ("France" "'" "s")
    const size_t m = sv.tok_mention[b];
    if (m == SIZE_MAX || (ms[m].type != Type::place && ms[m].type != Type::org)) return false;
    for (size_t q = b; q < e - 2; ++q)
        if (sv.tok_mention[q] != m) return false;
    return true;
}

// "and the lower rate from 10% to 18%": a from–to pair with no change word of its own
// is a change whose direction the figures give.
void Assembly::from_to_changes() {
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
        events.push_back(std::move(ev));
    }
    if (events.size() != n_events)
        std::sort(events.begin(), events.end(),
                  [](const ChangeEvent& x, const ChangeEvent& y) { return x.tok < y.tok; });
}


// "That compared with an operating profit of ¥112 billion a year earlier.": a sentence that opens
// with "That/This compared with" (or "That was up/down from") gives the figure of the paragraph's
// previous sentence its baseline, with the date after it; it makes no claim of its own.
void Assembly::baseline_of_previous_sentence() {
    gave_baseline = false;
    if (figs.empty() || out.empty() || toks.size() < 4) return;
    static const WordList that = {"that", "this", "it", "which"};
    if (!that.count(toks[0].low)) return;
    size_t k = 1;
    if (toks[k].low == "was" || toks[k].low == "is") ++k;
    if (toks[k].low == "compared" || toks[k].low == "compares" || toks[k].low == "compare") {
        if (toks[k + 1].low != "with" && toks[k + 1].low != "to") return;
    } else if ((toks[k].low == "up" || toks[k].low == "down") && k > 1) {
        if (toks[k + 1].low != "from") return;
    } else {
        return;
    }
    Claim& prev = out.back();
    const size_t si = t.sentence_index(S.begin);
    if (si == 0 || t.sentence_index(prev.sentence.begin) + 1 != si ||
        t.paragraph_index(prev.sentence.begin) != S_para ||
        (prev.kind != "amount" && prev.kind != "change") || prev.baseline || prev.value == kNoMention)
        return;
    const Figure f = figs.front();
    if (f.tok < k + 2 || ms[f.m].type != ms[prev.value].type) return;
    // (not "That compares with 10.65 euros expected by analysts": an expectation is a claim of its own)
    for (size_t q = sv.token_at(ms[f.m].span.end); q < toks.size() && q < sv.token_at(ms[f.m].span.end) + 4; ++q)
        if (toks[q].low == "expected" || toks[q].low == "forecast" || toks[q].low == "estimated" ||
            lx.expecter_nouns.count(toks[q]) || lx.poll_verbs.count(toks[q]))
            return;
    Baseline b;
    b.value = static_cast<uint32_t>(f.m);
    b.has_equivalents = prev.kind == "amount";
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::date && ms[i].span.begin >= ms[f.m].span.end) {
            b.period = Period{static_cast<uint32_t>(i)};
            break;
        }
    prev.baseline = b;
    figs.erase(figs.begin());
    gave_baseline = true;
}


// "Values climbed 1.9% over the three months to June and 8.0% over the past 12 months",
// "were down 11% and 9% respectively": a percentage joined by "and" to the size of a change
// before it, with no verb of its own, is a second change of the same verb (its direction), not
// an amount. Only words that say where or when (no verb, no other figure) may stand between.
void Assembly::elided_changes() {
    // the same verb's move again at "and" (no factor, no baseline of its own)
    auto second_change = [&](const ChangeEvent& ev, size_t at) {
        ChangeEvent e2 = ev;  // (copied before events grows)
        e2.tok = at;
        e2.factor = std::nullopt;
        e2.factor_mention = std::nullopt;
        e2.from_baseline = std::nullopt;
        events.push_back(std::move(e2));
    };
    const size_t n_events = events.size();
    for (size_t f = 1; f < figs.size(); ++f) {
        const Mention& m = ms[figs[f].m];
        const Figure& g = figs[f - 1];
        if ((figs[f].role != Role::value && figs[f].role != Role::change_percent) || m.type != Type::percent ||
            g.role != Role::change_percent ||
            ms[g.m].type != Type::percent || std::string_view(ms[g.m].unit) != std::string_view(m.unit))
            continue;
        size_t k = figs[f].tok;
        while (k > 0 && lx.approx_words.count(toks[k - 1])) --k;
        // ("Land costs rose 6% and build costs 4%": a metric phrase of its own may follow "and")
        size_t gap = k;
        while (gap > 0 && k - gap < 3 && toks[gap - 1].is_word() && sv.tok_mention[gap - 1] == SIZE_MAX &&
               toks[gap - 1].low != "and" && !(toks[gap - 1].bits & (lx.kVerbWord | lx.kChangeWord)))
            --gap;
        if (gap != k && gap >= 2 && toks[gap - 1].low == "and") {
            bool metric = false;
            for (size_t q = gap; q < k && !metric; ++q) {
                size_t mn = 0;
                metric = metric_phrase(q, &mn) && q + mn == k;
            }
            if (metric) k = gap;
        }
        if (k < 2 || toks[k - 1].low != "and") continue;
        const size_t and_tok = k - 1;
        const ChangeEvent* ev = event_before(g.tok);
        // (a size already a change's own: an event between the two figures)
        if (!ev || ev->factor_mention || event_before(figs[f].tok) != ev) continue;
        bool plain = true;
        for (size_t j = sv.token_at(ms[g.m].span.end); plain && j < and_tok; ++j) {
            const size_t tm = sv.tok_mention[j];
            if (tm != SIZE_MAX) plain = ms[tm].type == Type::date;
            else if (toks[j].low == "," ) plain = j + 1 == and_tok;
            else plain = toks[j].is_word() && !(toks[j].bits & (lx.kVerbWord | lx.kChangeWord));
        }
        if (!plain) continue;
        // (not a share of a whole, "and 5% of its workforce", nor a change word after it: its own)
        const size_t after = sv.token_at(m.span.end);
        if (after < toks.size() && (toks[after].low == "of" || (toks[after].bits & lx.kChangeWord))) continue;
        second_change(*ev, and_tok);
        figs[f].role = Role::change_percent;
    }
    // "lifted its overnight deposit rate to 27.25% and its lending rate to 28.25%", "would fall
    // ... to 3.9 per cent this financial year, and to 2.1 per cent in 2029-30": a second new level
    // after "and" (its own metric phrase between, no verb) is a second change of the same verb.
    for (size_t f = 1; f < figs.size(); ++f) {
        const Mention& m = ms[figs[f].m];
        const Figure& g = figs[f - 1];
        if (figs[f].role != Role::value || g.role != Role::value || ms[g.m].type != m.type) continue;
        size_t k = figs[f].tok;
        while (k > 0 && (lx.approx_words.count(toks[k - 1]) || lx.level_fillers.count(toks[k - 1]))) --k;
        if (k < 3 || toks[k - 1].low != "to" || !level_cue(figs[f].tok) || !level_cue(g.tok)) continue;
        const ChangeEvent* ev = event_before(g.tok);
        if (!ev || ev->factor_mention || event_before(figs[f].tok) != ev) continue;
        // "German inflation dropped to 2.3% on the harmonised measure, France's to 3.8% and Spain's
        // to 3.2%": a holder's possessive alone between the list's comma or "and" and "to", with
        // no verb, change word or figure since the first level (session 12, diag12)
        {
            // (q: where the possessive's mark starts, before "to" at k - 1; 0 when none)
            const size_t q = k >= 3 && sv.possessive_at(k - 3) ? k - 3 : 0;
            size_t pb = q;
            while (q > 0 && pb > 0 && sv.tok_mention[q - 1] != SIZE_MAX && sv.tok_mention[pb - 1] == sv.tok_mention[q - 1]) --pb;
            if (q > 0 && pb < q && pb > 0 && (toks[pb - 1].low == "," || toks[pb - 1].low == "and") && possessive_gap(pb, k - 1)) {
                bool plain = true;
                for (size_t x = sv.token_at(ms[g.m].span.end); plain && x + 1 < pb; ++x) {
                    const size_t tm = sv.tok_mention[x];
                    plain = tm != SIZE_MAX ? !is_value(ms[tm]) : !(toks[x].bits & (lx.kVerbWord | lx.kChangeWord));
                }
                if (plain) {
                    second_change(*ev, pb - 1);
                    continue;
                }
            }
        }
        // the words between: [date] [,] and [determiner] [metric phrase] to
        size_t j = sv.token_at(ms[g.m].span.end);
        // (a date phrase after the first level: "this financial year", "in 2029-30")
        while (j < k && toks[j].low != "and") {
            const size_t tm = sv.tok_mention[j];
            if (!(toks[j].low == "," || (tm != SIZE_MAX && ms[tm].type == Type::date) ||
                  ((toks[j].low == "in" || toks[j].low == "by" || toks[j].low == "for") && j + 1 < k &&
                   sv.tok_mention[j + 1] != SIZE_MAX && ms[sv.tok_mention[j + 1]].type == Type::date)))
                break;
            ++j;
        }
        if (j >= k || toks[j].low != "and") continue;
        const size_t and_tok = j;
        bool plain = true;
        size_t metric_words = 0;
        for (size_t q = and_tok + 1; plain && q + 1 < k; ++q) {
            plain = toks[q].is_word() && sv.tok_mention[q] == SIZE_MAX && !(toks[q].bits & (lx.kVerbWord | lx.kChangeWord)) &&
                    !kPrepositions.count(toks[q]);
            ++metric_words;
        }
        if (!plain || metric_words > 5) continue;
        if (metric_words > 0) {  // (its own phrase names a metric: "its lending rate")
            bool metric = false;
            for (size_t q = and_tok + 1; q + 1 < k && !metric; ++q) {
                size_t mn = 0;
                metric = metric_phrase(q, &mn) && q + mn == k - 1;
            }
            if (!metric) continue;
        }
        second_change(*ev, and_tok);
    }
    // "Consumer prices rose 23.8% in December, ..., after 21.5% in November": an earlier rate set
    // after "after" against a change stated only as a percentage, with a date of its own, is a
    // change of its own for that date (corpus/CLAIMS.md, session 6), not a baseline
    for (size_t f = 0; f < figs.size(); ++f) {
        const Mention& m = ms[figs[f].m];
        if (figs[f].role != Role::baseline || figs[f].of >= figs.size() || m.type != Type::percent ||
            std::string_view(m.unit) == "pp")
            continue;
        const Figure& g = figs[figs[f].of];
        if (g.role != Role::change_percent || ms[g.m].type != Type::percent || g.tok >= figs[f].tok) continue;
        const size_t k = figs[f].tok, after = sv.token_at(m.span.end);
        if (k < 1 || toks[k - 1].low != "after" || after + 1 >= toks.size() ||
            (toks[after].low != "in" && toks[after].low != "for") || sv.tok_mention[after + 1] == SIZE_MAX ||
            ms[sv.tok_mention[after + 1]].type != Type::date)
            continue;
        const ChangeEvent* ev = event_before(g.tok);
        if (!ev || ev->factor_mention) continue;
        second_change(*ev, k - 1);
        figs[f].role = Role::change_percent;
        figs[f].of = SIZE_MAX;
    }
    if (events.size() != n_events)
        std::sort(events.begin(), events.end(),

                  [](const ChangeEvent& x, const ChangeEvent& y) { return x.tok < y.tok; });
}

}  // namespace claimex::claims
