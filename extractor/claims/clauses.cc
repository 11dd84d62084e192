// Where the clauses of a sentence start and end, and what stands between two words (a verb,
// a barrier, an aside): the frame the subject, metric and period searches work in.
// Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>

namespace claimex::claims {

// Clause start: after leading adverbials ending in a comma that
// carry a date or source or start with a lead word.
// "in Estonia, Latvia and Lithuania, made ...": the "and" at token k ends a list of names ("A,
// B and C", names of one type), not a clause of its own.
bool Assembly::list_of_names(size_t k) const {
    if (k < 3 || k + 1 >= toks.size()) return false;
    const size_t before = sv.tok_mention[k - 1], after = sv.tok_mention[k + 1];
    if (before == SIZE_MAX || after == SIZE_MAX || ms[before].type != ms[after].type) return false;
    // the name before "and" opens after a list comma, with a name of the same type before it
    const size_t b = sv.token_at(ms[before].span.begin);
    if (b >= 2 && toks[b - 1].low == "," && sv.tok_mention[b - 2] != SIZE_MAX &&
        ms[sv.tok_mention[b - 2]].type == ms[after].type)
        return true;
    // ("customers in Estonia and Latvia, made": two places after a preposition, a comma after them;
    // or "and" and the next verb of the same subject: "operates toll roads in Spain and Chile and
    // reported revenue of ...")
    const size_t e = sv.token_at(ms[after].span.end);
    return ms[after].type == Type::place && b >= 1 && kPrepositions.count(toks[b - 1]) && e < toks.size() &&
           (toks[e].low == "," ||
            (toks[e].low == "and" && e + 1 < toks.size() && sv.tok_mention[e + 1] == SIZE_MAX &&
             ((toks[e + 1].bits & lx.kVerbWord) || (toks[e + 1].bits & lx.kChangeWord))));
}

size_t Assembly::clause_start_raw(size_t limit, bool later_clauses) {
    size_t start = 0;
    for (;;) {
        size_t comma = SIZE_MAX;
        for (size_t k = start; k < limit; ++k)
            if (toks[k].low == "," && sv.tok_mention[k] == SIZE_MAX) {  // (not the comma in "Rs 4,860 crore")
                comma = k;
                break;
            }
        if (comma == SIZE_MAX || comma + 1 >= limit) break;
        bool lead = kLeadWords.count(toks[start]) > 0;
        if (!lead) {
            // "X, which cited ..., Y" — an apposition of a source: skip too.
            for (size_t i : sv.mentions)
                if (ms[i].type == Type::source && ms[i].span.begin <= toks[start].begin + 1 &&
                    ms[i].span.end <= toks[comma].begin) {
                    // (not a relative clause on words the source goes on to: "The bank said annual
                    // inflation, which eased to 29.4% ..." is inflation's clause — session 20)
                    bool words_after = false;
                    for (size_t k = sv.token_after(ms[i].span.end); k < comma && !words_after; ++k)
                        words_after = toks[k].is_word() && sv.tok_mention[k] == SIZE_MAX;
                    lead = !(words_after && (toks[comma + 1].low == "which" || toks[comma + 1].low == "who"));
                }
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
               ((toks[k].bits & lx.kVerbWord) || (toks[k].bits & lx.kChangeWord));
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
        // ("The Philippine peso was flat and Thailand's baht eased 0.3%": "and" and a name of its
        // own, a verb on each side)
        else if (k > clause && toks[k].low == "and" && k + 1 < limit && sv.tok_mention[k + 1] != SIZE_MAX &&
                 is_entity(ms[sv.tok_mention[k + 1]]) && !list_of_names(k))
            next = k + 1;
        // ("the deal lowered the risk but (that) Ghana still faced needs of $9 billion": "but" and a
        // name of its own, a verb on each side)
        else if (k > clause && toks[k].low == "but" && k + 1 < limit) {
            const size_t n = k + 1 < limit && toks[k + 1].low == "that" ? k + 2 : k + 1;
            if (n < limit && sv.tok_mention[n] != SIZE_MAX && is_entity(ms[sv.tok_mention[n]])) next = n;
        }
        // ("Ocado shares fell 12% as Marks & Spencer reported a 3% drop": a
        // subordinate clause with a subject and verb of its own, after a clause with a verb)
        else if (k > clause && sv.tok_mention[k] == SIZE_MAX && kSubordinators.count(toks[k].low))
            next = k + 1;
        if (next == SIZE_MAX || next >= limit) continue;
        bool verb_before = false, verb_after = false;
        // (a metric's own verb counts: "Petrobras pumped 2.7 million barrels a day, while Vale
        // shipped 80 million tonnes")
        auto action_at = [&](size_t j) { return sv.tok_mention[j] == SIZE_MAX && lx.action_verbs.count(toks[j].low); };
        for (size_t j = clause; j < k && !verb_before; ++j) verb_before = verb_at(j) || action_at(j);
        // (", and the Nasdaq Composite ended at 22,236.05": a market's close is its verb)
        for (size_t j = next + 1; j <= limit && j < toks.size() && !verb_after; ++j)
            verb_after = verb_at(j) || action_at(j) || market_close_verb(j, std::min(toks.size(), limit + 1));
        // (";" and a name of its own start a clause whatever the first one's verb: "Offer values
        // Valtera at 1.4 times book; Nordmark shares fall 3.1%", "values" being no verb of the list;
        // a bare "; shares slump 9pc" keeps the first clause's holder)
        const bool named = toks[k].low == ";" && sv.tok_mention[next] != SIZE_MAX && is_entity(ms[sv.tok_mention[next]]);
        if ((verb_before || named) && verb_after && !verb_at(next)) clause = next;
    }
    return clause;
}

// First verb-like token at or after `from` (before `limit`).
size_t Assembly::first_verb(size_t from, size_t limit) {
    for (size_t k = from; k < limit; ++k) {
        if (sv.tok_mention[k] != SIZE_MAX) continue;
        if ((toks[k].bits & lx.kVerbWord) || (toks[k].bits & lx.kChangeWord)) return k;
        if (market_close_verb(k, limit)) return k;
        // "SoftCore Holdings sold its stake", "Vedanshu's chairman, Rakesh Menon, sold": a verb
        // that is also a participle ("homes sold", "Gas sold into Germany") is the verb right
        // after a name or an apposition's closing comma only
        // (or after a pronoun or "the company", an adverb aside: "It sold 412,000 vehicles", "The
        // group also sold")
        if (k > from && lx.name_verbs.count(toks[k])) {
            size_t p = k - 1;
            while (p > from && (toks[p].low == "also" || toks[p].low == "now" || toks[p].low == "still" ||
                                toks[p].low == "already" || toks[p].low == "previously" || toks[p].low == "recently"))
                --p;
            if (toks[k - 1].low == "," || (sv.tok_mention[k - 1] != SIZE_MAX && is_entity(ms[sv.tok_mention[k - 1]])) ||
                toks[p].low == "it" || toks[p].low == "they" || toks[p].low == "he" || toks[p].low == "she" ||
                (p > from && lx.company_nouns.count(toks[p]) && kDeterminers.count(toks[p - 1])))
                return k;
        }
    }
    return limit;
}

// "The Nasdaq Composite ended at 22,236.05", "ended 0.4% lower", "ended flat": a market's
// close. ("ended" is no verb of the lexicon: "the quarter ended March", "the fiscal year
// ended in March" name a period.)
// ("ended the day at 2,301.7", "ended the session 0.9% lower": the span of the close named
// in between, a determiner and one plain word, is no period of a report)
bool Assembly::market_close_verb(size_t k, size_t limit) const {
    if (toks[k].low != "ended" || k + 1 >= limit) return false;
    size_t n = k + 1;
    if (n + 2 < limit && toks[n].low == "the" && toks[n + 1].is_word() && sv.tok_mention[n + 1] == SIZE_MAX &&
        (toks[n + 1].low == "day" || toks[n + 1].low == "session" || toks[n + 1].low == "week"))
        n += 2;
    // ("ended nearly flat at 44,718", "ended slightly higher")
    if (n + 1 < limit && (toks[n].low == "nearly" || toks[n].low == "slightly" || toks[n].low == "little")) ++n;
    if (sv.tok_mention[n] != SIZE_MAX) return is_value(ms[sv.tok_mention[n]]);
    const std::string_view w = toks[n].low;
    return w == "at" || w == "up" || w == "down" || w == "higher" || w == "lower" || w == "flat" ||
           w == "unchanged";
}

// A clause of its own between a figure and a metric phrase after it ("... cut 1,200 jobs
// after demand for ...", "..., as growth in ...", "; prices", "..., now has spare capacity"):
// that phrase is not the figure's.
bool Assembly::barrier_between(size_t from, size_t to) {
    for (size_t k = from + 1; k < to; ++k) {
        if (sv.tok_mention[k] != SIZE_MAX) continue;
        if (toks[k].low == ";" || toks[k].low == "," || (toks[k].bits & kClauseOpeners.bit)) return true;
        // ("Taiwan's benchmark index lost 0.7% and Jakarta's main index shed 0.9%": "and" and a
        // name of its own open the next clause, whose metric phrase is not this figure's)
        if (toks[k].low == "and" && k + 1 < to && sv.tok_mention[k + 1] != SIZE_MAX &&
            is_entity(ms[sv.tok_mention[k + 1]]))
            return true;
    }
    return false;
}

// Is token k inside an aside that opens with a preposition and closes before `anchor`
// (", within the bank's 0-2% target range, and ... it will average 1.3%")? Its metric
// is no figure's after it.
bool Assembly::in_aside(size_t k, size_t anchor) {
    size_t open = k;
    while (open > 0 && toks[open - 1].low != "," && toks[open - 1].low != ";") --open;
    // an appositive opened by a possessive name right after a metric phrase ("Remittances,
    // Mexico's largest source of foreign currency after manufacturing exports, fell 4.6%")
    bool possessive = false;
    if (open > 0 && open < toks.size() && sv.tok_mention[open] != SIZE_MAX && is_entity(ms[sv.tok_mention[open]])) {
        const size_t after = sv.token_at(ms[sv.tok_mention[open]].span.end);
        possessive = sv.possessive_at(after);
    }
    // (", which tracks rates for ships carrying dry bulk, rose 2.3%": a relative clause too;
    // a relative clause between commas: "Organic volumes, which strip out price increases and
    // acquisitions, grew 1.5%")
    if (open == 0 || !(kPrepositions.count(toks[open]) || toks[open].low == "within" ||
                       toks[open].low == "which" || toks[open].low == "who" ||
                       // a participle: "The stock, priced at ¥3,120 before the results, has risen 22%"
                       toks[open].low == "priced" || toks[open].low == "valued" || toks[open].low == "listed" ||
                       // an appositive: "Orders, a leading indicator of future sales, climbed 6%"
                       toks[open].low == "a" || toks[open].low == "an" || toks[open].low == "the" || possessive))
        return false;
    // ("the" opens an appositive only right after a metric phrase: "Net interest income, the
    // difference between what a bank earns on loans and what it pays on deposits, rose 11%";
    // not "On Wall Street, the S&P 500 closed at 5,841.47, down 0.2%")
    if (toks[open].low == "the" || possessive) {
        bool after_metric = false;
        for (size_t j = open >= 6 ? open - 6 : 0; j + 1 < open && !after_metric; ++j) {
            size_t n = 0;
            if (metric_phrase(j, &n)) after_metric = j + n + 1 == open;
        }
        // (or right after a name: "Hargreave Homes, the FTSE 250 housebuilder, said ...")
        const size_t name = open >= 2 ? sv.tok_mention[open - 2] : SIZE_MAX;
        const bool after_name = name != SIZE_MAX && (ms[name].type == Type::org || ms[name].type == Type::person);
        if (!after_metric && !after_name) return false;
    }
    for (size_t j = k + 1; j < anchor; ++j)
        if (toks[j].low == "," || toks[j].low == ";") return true;
    return false;
}

// The clause of a sentence a byte is in: clauses end at ";" and at ", while", ", whereas",
// ", but", ", and" ("A said ..., while B warned ..., C reported").
size_t Assembly::clause_of(uint32_t byte) {
    size_t n = 0;
    for (size_t k = 0; k + 1 < toks.size() && toks[k + 1].begin <= byte; ++k)
        if (toks[k].low == ";" ||
            (toks[k].low == "," && (toks[k + 1].low == "while" || toks[k + 1].low == "whereas" ||
                                    toks[k + 1].low == "but" || toks[k + 1].low == "and")))
            ++n;
    return n;
}

// Where the clause holding byte `after` ends: at ";" or at ", while/whereas/but/and" (a date
// past it belongs to the next clause's figure: "a profit of £3.9bn in the first half, up
// 12%, and its CET1 ratio was 14.6% at the end of June").
uint32_t Assembly::clause_end(uint32_t after) {
    for (size_t k = sv.token_at(after); k < toks.size(); ++k)
        if (toks[k].low == ";" ||
            (toks[k].low == "," && k + 1 < toks.size() &&
             (toks[k + 1].low == "while" || toks[k + 1].low == "whereas" || toks[k + 1].low == "but" ||
              toks[k + 1].low == "and")))
            return toks[k].begin;
    return S.end;
}

// The next value figure after byte `after` that is no equivalent (a baseline's period comes
// before it: "to ¥72 a share from ¥60 and expects to pay ¥80 this year").
uint32_t Assembly::next_figure(uint32_t after) {
    for (const auto& g : figs)
        if (g.role != Role::equivalent && g.role != Role::baseline && ms[g.m].span.begin >= after)
            return ms[g.m].span.begin;
    return S.end;
}

}  // namespace claimex::claims
