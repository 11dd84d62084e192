// The metric of a claim: the lexicon phrase (rules/claims/metrics.tsv) that governs a figure,
// its complement, a metric continued from the paragraph, and the form a figure or holder calls
// for (metric_forms.tsv). Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>
#include <map>

namespace claimex::claims {

// End (exclusive) of a metric phrase's prepositional complement ("spending on
// infrastructure and ...", "wages for permanent employees"): up to a comma, a figure,
// a date, a verb or "by"/"to"/"than"; `end` itself when there is none.
size_t Assembly::complement_end(size_t end) {
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
        if ((toks[k].bits & lx.kVerbWord) || (toks[k].bits & lx.kChangeWord)) break;
        if (toks[k].low == "by" || toks[k].low == "to" || toks[k].low == "than") break;
        ++k;
    }
    if (depth < 0) --k;
    return k > end + 1 ? k : end;
}

// Whether token `k` lies in an agent complement right after a metric phrase ending at `end`:
// "by" and a few plain words, no figure, verb or punctuation ("spending by visitors", "purchases
// by foreign investors"; not "rose by 5%").
bool Assembly::agent_complement(size_t end, size_t k) {
    if (end + 1 >= toks.size() || toks[end].low != "by" || k <= end || k > end + 4) return false;
    for (size_t j = end + 1; j <= k; ++j)
        if (!toks[j].is_word() || sv.tok_mention[j] != SIZE_MAX || (toks[j].bits & lx.kVerbWord) ||
            (toks[j].bits & lx.kChangeWord))
            return false;
    return true;
}

// Whether a metric phrase ending at `end` names the figure at `anchor` right after it, across
// "of" or "at" and qualifiers ("revenue of $9.4bn", "deposits of about £8bn").
bool Assembly::names_figure(size_t end, size_t anchor) {
    if (anchor >= toks.size() || end >= anchor) return false;
    return end + 1 == past_qualifiers(anchor) && (toks[end].low == "of" || toks[end].low == "at");
}

// A metric phrase at token k: the lexicon's longest phrase there, or, when a phrase
// starting inside it ends later, that one (the head of an English noun phrase is its
// last word: "adjusted EBIT margin" is a margin); "price of a home" is a "home price"
// when the lexicon has it (the complement's last word before the head word); so is "the
// rate on a two-year fixed mortgage" a "mortgage rate".
MetricAt Assembly::metric_at(size_t k, size_t hi) {
    MetricAt r;
    size_t n = 0;
    const Lexicon::Entry* e = metric_phrase(k, &n);
    if (e && k + n <= hi) {
        for (size_t j = k + 1; j < k + n; ++j) {
            size_t n2 = 0;
            const Lexicon::Entry* e2 = metric_phrase(j, &n2);
            // (but not one that only adds "of" to this one's head: "restructuring costs of SEK
            // 1.4bn" is restructuring costs, not "costs of")
            if (e2 && j + n2 == k + n + 1 && toks[j + n2 - 1].low == "of") continue;
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
            const Lexicon::Entry* c = lx.metrics.find({ns, w});
            if (!c) c = lx.metrics.find({nw, w});
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
}

// Metric phrase nearest to `anchor`, preferring one before it. `skip` is a token that
// cannot be the metric (a change verb that is also a metric word: "raised its dividend").
// `fig_end` (amounts) is the token after the figure: a metric the figure modifies ("a 38%
// premium", "a $2bn valuation") or one after "in"/"of" ("€60 billion in savings") is its own.
// `last_fig` is the claim's last figure token when it comes after the anchor ("a cut,
// which would take the rate to 1%"): clauses before it are the claim's own.
MetricHit Assembly::find_metric(size_t lo, size_t anchor, size_t hi, bool prefer_after, size_t skip, size_t fig_end,
                                size_t last_fig) {
    MetricHit best;
    size_t best_dist = SIZE_MAX;
    using Cand = MetricCand;
    std::vector<Cand>& cands = metric_cands;  // (scratch: find_metric is never re-entered)
    cands.clear();
    for (size_t k = lo; k < hi; ++k) {
        if (sv.tok_mention[k] != SIZE_MAX || k == skip) continue;
        MetricAt m = metric_at(k, hi);
        if (!m.key) continue;
        // "TIM Brasil won two regional blocks for R$870 million", "it won a $1.4 billion order":
        // "won" is the currency only after "the", a possessive or "Korean" ("the won fell",
        // "Korea's won"); elsewhere it is the verb
        if (toks[k].low == "won" && m.span == 1 &&
            !(k > 0 && (toks[k - 1].low == "the" || toks[k - 1].low == "s" || toks[k - 1].low == "korean")))
            continue;
        // An `object` verb names the metric of a money figure right after it only ("lost Rs
        // 1,210 crore" is a loss; "lost 1.6% and has fallen 13%" names no metric).
        if (m.span == m.n)
            if (const Lexicon::Entry* e = metric_entry(k, k + m.n);
                e && (e->extra == "object" || e->extra == "paid_for")) {
                size_t j = k + m.n;
                while (j < anchor && kVerbFillers.count(toks[j])) ++j;
                // (a qualifier between: "agreed to pay up to $3.2 billion", "about")
                if (j + 2 == anchor && toks[j].low == "up" && toks[j + 1].low == "to") j = anchor;
                if (j < anchor && j == past_qualifiers(anchor)) j = anchor;
                // ("The fund earned 7.6% on its assets", "plans ... earned a median 9.9%": a
                // percentage a verb of earning takes is a return on investments, not earnings —
                // session 23)
                if (*m.key == "earnings" && anchor < toks.size() && sv.tok_mention[anchor] != SIZE_MAX &&
                    ms[sv.tok_mention[anchor]].type == Type::percent && std::string_view(ms[sv.tok_mention[anchor]].unit) != "pp") {
                    size_t q = k + m.n;
                    if (q + 1 < anchor && (toks[q].low == "a" || toks[q].low == "an") &&
                        (toks[q + 1].low == "median" || toks[q + 1].low == "average"))
                        q += 2;
                    if (q != anchor && !(q < anchor && q == past_qualifiers(anchor))) continue;
                    static const std::string kReturn = "investment_return";
                    m.key = &kReturn;
                } else if (j != anchor || anchor >= toks.size() || sv.tok_mention[anchor] == SIZE_MAX ||
                           ms[sv.tok_mention[anchor]].type != Type::money)
                    continue;
                // (`paid_for`: only when "for" follows the figure, "agreed to pay $3.2 billion for
                // Calderon", not "agreed to pay $310 million to settle")
                if (e->extra == "paid_for") {
                    size_t after = sv.token_at(ms[sv.tok_mention[anchor]].span.end);
                    if (after >= hi || toks[after].low != "for") continue;
                    // (nor when "for" opens a period: "expects to pay ¥108 for the full year" is
                    // the dividend the sentence names, not a price)
                    size_t f = after + 1;
                    if (f < hi && toks[f].low == "the") ++f;
                    if (f < hi && ((sv.tok_mention[f] != SIZE_MAX && ms[sv.tok_mention[f]].type == Type::date) ||
                                   toks[f].low == "full" || toks[f].low == "year" || toks[f].low == "quarter"))
                        continue;
                }
            }
        // A generic head after another metric is that metric's ("revenue growth", "tariff rate"),
        // also across a copula ("Exports were valued at $35.2 billion", "the shares were priced
        // at Rs 412": exports, the share price) but not after something issued ("the bonds were
        // priced at 99.5 cents" is a price).
        // A `sign` word gives way across a verb of swinging too ("the trade balance swung to a
        // deficit of ¥462.1 billion", "the current account was in surplus": the balance's).
        if (!cands.empty()) {
            size_t gap = cands.back().tok + cands.back().span;
            const bool adjacent = gap == k;
            // (and a modal: "Food subsidies will cost Rs 2.05 lakh crore" are the subsidies')
            static const WordList copula = {"was", "were", "is", "are", "been", "be",
                                                              "will", "would", "could", "may", "might"};
            static const WordList modals = {"will", "would", "could", "may", "might"};
            static const WordList swing = {"swung", "swing", "swings", "turned", "turns", "moved",
                                                             "flipped", "returned", "back", "to", "into", "a", "in"};
            const Lexicon::Entry* sign = m.span == 1 ? metric_entry(k, k + 1) : nullptr;
            if (sign && sign->extra == "sign" && k - gap <= 4) {
                size_t g = gap;
                while (g < k && (copula.count(toks[g].low) || swing.count(toks[g].low))) ++g;
                if (g == k) continue;
            }
            // (across a reduced relative clause of saying: "a contract the engine maker said was
            // worth £2 billion" is the contract's worth)
            static const WordList says = {"said", "says", "estimated", "estimates", "reckoned",
                                          "believed", "believes", "thinks", "thought"};
            if (gap < k && (toks[gap].low == "the" || toks[gap].low == "a" || toks[gap].low == "an" ||
                            toks[gap].low == "its" || toks[gap].low == "their")) {
                size_t g = gap + 1;
                while (g < k && g < gap + 6 && toks[g].is_word() && !says.count(toks[g].low) &&
                       !copula.count(toks[g].low))
                    ++g;
                if (g < k && says.count(toks[g].low) && g + 1 < toks.size() && copula.count(toks[g + 1].low))
                    gap = g + 1;
            }
            bool modal = false;
            while (gap < k && copula.count(toks[gap].low)) modal |= modals.count(toks[gap++].low) > 0;
            // (across a modal only with the figure right after: "the surcharge would cost his company
            // EUR 110m" is the company's cost)
            if (modal) {
                size_t f = k + m.span;
                while (f < anchor && kQualifierSkip.count(toks[f])) ++f;
                if (f != anchor) gap = SIZE_MAX;
            }
            // (a generic phrase may hold its copula: "The order is worth $4.4bn" is the order's)
            if (gap == k && (!adjacent || m.span == 1 || copula.count(toks[k].low))) {
                const Lexicon::Entry* e = metric_entry(k, k + m.span);
                const Lexicon::Entry* before =
                    adjacent ? nullptr
                             : metric_entry(cands.back().tok, cands.back().tok + cands.back().span);
                if (e && e->extra == "generic" && !(before && before->extra == "size_of")) continue;
            }
        }
        bool generic = false;
        if (m.span == 1)
            if (const Lexicon::Entry* e = metric_entry(k, k + 1)) generic = e->extra == "generic";
        cands.push_back({k, m.n, m.span, m.key, generic});
        k += m.span - 1;
    }
    // "95.3% of GDP", "4.4% of gross domestic product": the whole a percentage is a ratio to is
    // not its metric when the sentence names another ("Public sector net debt stood at 95.3%
    // of GDP, up 1.2 points": public debt).
    {
        auto of_percent = [&](const Cand& c) {
            return c.tok >= 2 && toks[c.tok - 1].low == "of" && sv.tok_mention[c.tok - 2] != SIZE_MAX &&
                   ms[sv.tok_mention[c.tok - 2]].type == Type::percent;
        };
        // (and its short form in brackets right after it: "4.1% of gross state domestic product
        // (GSDP)" — session 23)
        size_t whole_end = SIZE_MAX;  // (where the last "of" whole ends: its "(" follows)
        for (const Cand& c : cands)
            if (of_percent(c)) whole_end = c.tok + c.span;
        auto denominator = [&](const Cand& c) {
            return of_percent(c) || (whole_end != SIZE_MAX && c.tok == whole_end + 1 && toks[whole_end].low == "(");
        };
        if (std::any_of(cands.begin(), cands.end(), [&](const Cand& c) { return !denominator(c); }))
            cands.erase(std::remove_if(cands.begin(), cands.end(), denominator), cands.end());
    }
    // "in real terms", "in dollar terms", "in constant prices", "at current prices": the basis a
    // figure is measured on, no metric ("the real" is a currency elsewhere; words.tsv `basis`)
    cands.erase(std::remove_if(cands.begin(), cands.end(),
                               [&](const Cand& c) {
                                   const size_t e = c.tok + c.span;
                                   if (c.tok > 0 && toks[c.tok - 1].low == "in" && e < toks.size() &&
                                       toks[e].low == "terms")
                                       return true;
                                   // ("real estate lost 2.3%": property, not Brazil's currency)
                                   if (e < toks.size() && toks[e].low == "estate" && toks[c.tok].low == "real")
                                       return true;
                                   return c.tok > 1 && lx.basis_words.count(toks[c.tok - 1].low) &&
                                          (toks[c.tok - 2].low == "in" || toks[c.tok - 2].low == "at");
                               }),
                cands.end());
    // A `unit` phrase right after another metric phrase is that metric per unit, not a price:
    // "EBITDA per tonne fell to Rs 812" is EBITDA ("realisation per tonne" stays a price).
    for (size_t c = cands.size(); c-- > 0;) {
        const Lexicon::Entry* e = metric_entry(cands[c].tok, cands[c].tok + cands[c].n);
        if (!e || e->extra != "unit") continue;
        if (std::any_of(cands.begin(), cands.end(), [&](const Cand& h) { return h.tok + h.span == cands[c].tok; }))
            cands.erase(cands.begin() + static_cast<std::ptrdiff_t>(c));
    }
    // A figure inside a relative clause (", which has £4.1bn of card balances,") is measured by a
    // metric of that clause when it names one, not by one of the main clause before it.
    if (anchor < toks.size() && anchor > lo) {
        size_t rel = SIZE_MAX;
        for (size_t j = lo; j < anchor; ++j) {
            if (toks[j].low != ",") continue;
            const std::string_view w = toks[j + 1].low;
            rel = (w == "which" || w == "who" || w == "whose") ? j + 1 : SIZE_MAX;  // (a comma closes one)
        }
        if (rel != SIZE_MAX && std::any_of(cands.begin(), cands.end(), [&](const Cand& c) { return c.tok > rel; }))
            cands.erase(std::remove_if(cands.begin(), cands.end(), [&](const Cand& c) { return c.tok < rel; }),
                        cands.end());
    }
    // "The fund's funded ratio, its assets as a share of the pensions it owes, rose to 82%": an
    // apposition between a metric and the verb right after it says what the metric is; the
    // metric is the one before it, not a word inside it.
    if (anchor < toks.size() && anchor >= lo + 2 && toks[anchor - 1].low == ",") {
        const size_t close = anchor - 1;
        for (const Cand& c : cands) {
            const size_t open = c.tok + c.span;
            if (c.tok >= close || open + 1 >= close || toks[open].low != ",") continue;
            // (a noun phrase: it opens with a determiner; ", said it shipped ..., up 36%" is no apposition)
            static const WordList determiners = {"its", "their", "the", "a", "an", "his", "her"};
            if (!determiners.count(toks[open + 1].low)) continue;
            bool commas = false;
            for (size_t j = open + 1; j < close && !commas; ++j) commas = toks[j].low == "," || toks[j].low == ";";
            if (commas) continue;
            cands.erase(std::remove_if(cands.begin(), cands.end(),
                                       [&](const Cand& o) { return o.tok > open && o.tok < close; }),
                        cands.end());
            break;
        }
    }
    // The metric the figure's own noun phrase names: "a 38% premium", "€60 billion in savings".
    size_t own = SIZE_MAX;
    const std::string* purchase_key = nullptr;
    if (fig_end != SIZE_MAX && fig_end < toks.size()) {
        size_t np = fig_end;
        // not "of": "38% of GDP" names a whole, a make-up; but a `size_of` phrase after "of" is
        // what the figure sizes ("sold 6 billion yuan of sovereign bonds")
        bool of = toks[np].low == "of";
        if (toks[np].low == "in" || of) ++np;
        // "raised $5bn from a bond sale", "raised £2bn through a rights issue": after a verb of
        // raising, the means the money came from is what the figure is
        else if ((toks[np].low == "from" || toks[np].low == "through" || toks[np].low == "via") &&
                 np + 1 < toks.size() && (toks[np + 1].low == "a" || toks[np + 1].low == "an" || toks[np + 1].low == "its")) {
            size_t v = anchor;
            v = past_qualifiers(v);
            if (v > 0 && (toks[v - 1].low == "raised" || toks[v - 1].low == "raises" || toks[v - 1].low == "raise" ||
                          toks[v - 1].low == "raising"))
                np += 2;
        }
        size_t words = 0, end = np;
        // ("£1.6bn in additional funding through the Barnett formula": the phrase ends at any preposition)
        // ("$1.5 billion of bonds due 2036": "due" and the maturity after it are no part of what
        // the figure sizes — session 23)
        static const WordList more_preps = {"through", "via", "under", "during", "within",
                                                             "against", "between", "after", "before", "since", "due"};
        // (a place or venue naming where, inside the phrase: "raised HK$6bn in a Hong Kong initial
        // public offering", "in a Nasdaq listing" — session 13)
        auto name_inside = [&](size_t k) {
            const size_t mi = sv.tok_mention[k];
            return mi != SIZE_MAX && (ms[mi].type == Type::place || ms[mi].type == Type::org) && k > np &&
                   (toks[np].low == "a" || toks[np].low == "an" || toks[np].low == "its" || toks[np].low == "their");
        };
        size_t named = 0;  // (the name's words do not count toward the phrase's five)
        while (end < toks.size() && end < np + 5 + named && toks[end].is_word() &&
               (sv.tok_mention[end] == SIZE_MAX || (name_inside(end) && ++named)) &&
               !kPrepositions.count(toks[end]) && !more_preps.count(toks[end].low) && !(toks[end].bits & lx.kVerbWord) &&
               !(toks[end].bits & kClauseOpeners.bit) && !clause_conjunctions.count(toks[end]) &&
               !kNotHeads.count(toks[end]))
            ++end, ++words;
        // ("9 billion euros of medium- and long-term government bonds": paired modifiers joined by
        // "and" run on to a `size_of` head, what the figure sizes)
        if (of && words && end < toks.size() && (toks[end].low == "-" || toks[end].low == "and")) {
            size_t e2 = end;
            while (e2 < toks.size() && e2 < np + 9 &&
                   (toks[e2].low == "-" || toks[e2].low == "and" ||
                    (toks[e2].is_word() && sv.tok_mention[e2] == SIZE_MAX && !kPrepositions.count(toks[e2]) &&
                     !(toks[e2].bits & lx.kVerbWord))))
                ++e2;
            for (const Cand& o : cands)
                if (o.tok > end && o.tok + o.span == e2)
                    if (const Lexicon::Entry* e = metric_entry(o.tok, o.tok + o.n); e && e->extra == "size_of") {
                        words += e2 - end;
                        end = e2;
                        break;
                    }
        }
        // ("2 billion euros of 30-year bonds sold at 3.9%": a participle of issuing ends the phrase)
        if (of)
            for (size_t k = np + 1, cn = 0; k < end; ++k)
                if (const Lexicon::Entry* q = lex(lx.cues, lx.kCueFirst, k, &cn); q && q->value == "issue") {
                    words -= end - k;
                    end = k;
                    break;
                }
        for (size_t c = 0; c < cands.size() && words; ++c)
            if (cands[c].tok >= np && cands[c].tok < end && cands[c].tok + cands[c].span >= end) {
                if (of) {  // (after a verb of issuing: "sold", "issued", cues.tsv `issue`)
                    const Lexicon::Entry* e = metric_entry(cands[c].tok, cands[c].tok + cands[c].n);
                    size_t v = anchor;
                    v = past_qualifiers(v);
                    size_t cn = 0;
                    const Lexicon::Entry* cue = v > 0 ? lex(lx.cues, lx.kCueFirst, v - 1, &cn) : nullptr;
                    // (a holding sizes with no verb: "ended the year with ¥3.8 trillion of net debt")
                    const bool held = e && e->extra == "held" && anchor < toks.size() && sv.tok_mention[anchor] != SIZE_MAX &&
                                      ms[sv.tok_mention[anchor]].type == Type::money;
                    // (or a sale named before the figure in its sentence: "The sale was split between
                    // $1.5 billion of seven-year notes and ...", what the sale sold)
                    // (or a verb of issuing right after the phrase: "3 billion euros of 30-year bonds
                    // sold at 4.4%", "$500 million of notes placed with investors")
                    size_t an = 0;
                    const Lexicon::Entry* after_cue = end < toks.size() ? lex(lx.cues, lx.kCueFirst, end, &an) : nullptr;
                    bool sale_named = after_cue && after_cue->value == "issue";
                    for (const Cand& o : cands)
                        sale_named |= o.tok < anchor && o.tok >= sv.token_at(S.begin) &&
                                      (*o.key == "asset_sales" || *o.key == "bond_issuance");
                    // (a money figure "of" a plain metric is that metric: "drew $6 billion of orders",
                    // "$2 billion of savings"; a percentage "of" one is a make-up: "38% of GDP";
                    // (not shares: "buy back $2 billion of shares" is a buyback, "of its shares" no price;
                    // nor after a verb that names a metric itself: "manages $48 billion of assets")
                    bool money_of = e && e->extra.empty() && e->value != "share_price" && anchor < toks.size() &&
                                    sv.tok_mention[anchor] != SIZE_MAX && ms[sv.tok_mention[anchor]].type == Type::money;
                    for (const Cand& o : cands) money_of &= !(v > 0 && o.tok + o.span == v);
                    if (!held && !money_of &&
                        (!e || e->extra != "size_of" ||
                         ((!cue || (cue->value != "issue" && cue->value != "purchase" && cue->value != "repay")) &&
                          !sale_named)))
                        continue;
                    // (bonds bought are purchases: "bought ¥5.7 trillion of government bonds",
                    // metric_forms.tsv `purchase`; bonds repaid or redeemed are debt, `repay`)
                    if (cue && (cue->value == "purchase" || cue->value == "repay"))
                        if (auto it = lx.metric_forms.find(*cands[c].key); it != lx.metric_forms.end())
                            for (const auto& [when, to] : it->second)
                                if (when == cue->value) purchase_key = &to;
                }
                own = c;
            }
        // a phrase right after the figure ("a barrel", "of cuts")
        for (size_t c = 0; c < cands.size() && own == SIZE_MAX; ++c)
            if (cands[c].tok == fig_end) own = c;
        // The figure's noun is an act of selling whose "of" names what is sold: the `size_of`
        // phrase is what the figure sizes ("a $42 billion auction of 10-year notes", "a €5 billion
        // sale of green bonds": bond issuance, not auction proceeds or sales).
        if (own != SIZE_MAX && cands[own].tok == fig_end) {
            const size_t of_tok = fig_end + cands[own].span;
            if (of_tok < toks.size() && toks[of_tok].low == "of")
                for (size_t c = 0; c < cands.size(); ++c) {
                    if (cands[c].tok <= of_tok || cands[c].tok > of_tok + 4) continue;
                    const Lexicon::Entry* e = lx.metrics.match(toks, cands[c].tok, cands[c].tok + cands[c].n, nullptr);
                    if (!e || e->extra != "size_of") continue;
                    bool plain = true;  // (only modifiers between: "of 10-year Treasury notes")
                    for (size_t t = of_tok + 1; t < cands[c].tok && plain; ++t)
                        plain = toks[t].is_word() && sv.tok_mention[t] == SIZE_MAX && !kPrepositions.count(toks[t]) &&
                                !(toks[t].bits & lx.kVerbWord);
                    if (plain) own = c;
                    break;
                }
        }
        // A `unit` phrase right after a money figure ("per tonne") makes it a price unless a metric
        // phrase right before the figure governs it across "of" or a copula: "an operating profit
        // of £45 per tonne", "cash costs were $38 a tonne".
        if (own != SIZE_MAX && cands[own].tok == fig_end && anchor < toks.size() && sv.tok_mention[anchor] != SIZE_MAX &&
            ms[sv.tok_mention[anchor]].type == Type::money) {
            const Lexicon::Entry* e = metric_entry(fig_end, fig_end + cands[own].span);
            static const WordList links = {"of", "was", "were", "is", "are", "at"};
            size_t g = anchor;
            while (g > lo && kQualifierSkip.count(toks[g - 1])) --g;
            if (e && e->extra == "unit" && g > lo && links.count(toks[g - 1].low))
                for (size_t c = 0; c < own; ++c)
                    if (cands[c].tok + cands[c].span == g - 1 && *cands[c].key != *cands[own].key) own = c;
            // (session 26, diag26) a company's average selling price is itself a price per unit:
            // "The average selling price rose 4% to $71 a tonne" is that price, wherever it stands
            // before the figure in the clause, not a market quote
            if (e && e->extra == "unit" && own != SIZE_MAX && cands[own].tok == fig_end)
                for (size_t c = 0; c < own; ++c)
                    if (cands[c].tok >= lo && cands[c].tok < anchor && *cands[c].key == "average_selling_price" &&
                        !barrier_between(cands[c].tok, anchor)) {
                        own = c;
                        break;
                    }
        }
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
            best.key = c == own && purchase_key ? *purchase_key : *cands[c].key;
        }
    }
    // A money figure right after "for" in the clause of a verb of buying is the price paid:
    // "agreed to buy the credit card business of Norland Group for £1.2bn" (metrics.tsv
    // `price_for`), whatever the thing bought is called.
    if (own == SIZE_MAX && anchor < toks.size() && sv.tok_mention[anchor] != SIZE_MAX &&
        ms[sv.tok_mention[anchor]].type == Type::money) {
        size_t v = anchor;
        v = past_qualifiers(v);
        const size_t floor = clause_start_tok(anchor, false);
        for (size_t k = v >= 2 && toks[v - 1].low == "for" ? v - 1 : 0; k-- > floor;) {
            if (toks[k].low == "," || toks[k].low == ";" || (toks[k].bits & kClauseOpeners.bit)) break;
            size_t n = 0;
            const Lexicon::Entry* e = sv.tok_mention[k] == SIZE_MAX ? metric_phrase(k, &n) : nullptr;
            if (e && e->extra == "price_for") {
                best.tok = k;
                best.n = best.base_n = n;
                best.key = e->value;
                best_dist = 0;
                break;
            }
        }
    }
    // A metric word inside another metric's complement is not the metric: the head is
    // ("hourly wages for permanent employees rose" → wages, not employees).
    if (best_dist != 0)
        for (const auto& c : cands) {
            if (best.tok == SIZE_MAX || c.tok >= best.tok) break;
            // (an agent after "by" names who, never what: "spending by visitors", "investment by
            // foreign companies" are spending and investment, generic heads too)
            if (agent_complement(c.tok + c.span, best.tok)) {
                best.tok = c.tok;
                best.n = best.base_n = c.span;
                best.key = *c.key;
                break;
            }
            // (a generic head gives way to its complement: "growth in regular pay" is pay)
            // (but not a phrase the figure is the value of, right before it: "a $2.1bn loss on
            // revenue of $9.4bn" is revenue)
            if (best.tok < complement_end(c.tok + c.span) && !c.generic && !names_figure(best.tok + best.n, anchor)) {
                best.tok = c.tok;
                best.n = best.base_n = c.span;
                best.key = *c.key;
                break;
            }
        }
    // "an aid package for farmers is worth Rs 3,000 crore": a generic phrase that holds its
    // copula gives way to the metric heading the subject before it (its complement between)
    if (best_dist != 0 && best.tok != SIZE_MAX && best.n > 1 && best.tok < toks.size()) {
        const std::string_view w = toks[best.tok].low;
        size_t n = 0;
        const Lexicon::Entry* e = (w == "is" || w == "are" || w == "was" || w == "were") ? metric_phrase(best.tok, &n) : nullptr;
        if (e && e->extra == "generic")
            for (size_t c = cands.size(); c-- > 0;) {
                if (cands[c].tok >= best.tok) continue;
                bool plain = true;
                for (size_t k = cands[c].tok + cands[c].span; k < best.tok && plain; ++k)
                    plain = toks[k].is_word() && sv.tok_mention[k] == SIZE_MAX &&
                            !(toks[k].bits & (lx.kVerbWord | lx.kChangeWord)) && !(toks[k].bits & kClauseOpeners.bit);
                if (plain && !cands[c].generic && best.tok - (cands[c].tok + cands[c].span) <= 4) {
                    best.tok = cands[c].tok;
                    best.n = best.base_n = cands[c].span;
                    best.key = *cands[c].key;
                }
                break;
            }
    }
    if (best_dist != 0) raised_means(lo, anchor, fig_end, best);
    if (best.tok != SIZE_MAX) {
        // The words used: the phrase and a prepositional complement ("spending on
        // infrastructure and ...", "market value of American companies").
        size_t end = complement_end(best.tok + best.n);
        best.text = std::string(sv.slice(toks[best.tok].begin, toks[end - 1].end));
        best.n = end - best.tok;
    }
    return best;
}

// A figure claim with no metric phrase of its own continues the last metric of its paragraph
// of its type (slot: its figure's type; 3 = any, for a change). A known metric is noted.
// "The average price of a home climbed 0.1% ... Annual growth picked up to 2.4%", "In
// Northern Ireland prices rose 5.8%": a bare "(annual) growth" or "prices" (no complement)
// after a figure of a `growth_continues` metric in the paragraph is that metric's ("prices"
// a `prices_continue` one's: house prices, producer prices, consumer price inflation).
void Assembly::continue_specific(MetricHit& metric, bool amount) {
    if (metric.tok == SIZE_MAX || metric.base_n > 2) return;
    if (continue_trade(metric)) return;
    // (a complement only naming where: "Prices in Shanghai slipped 0.2%")
    if (metric.n != metric.base_n && toks[metric.tok + metric.base_n].low != "in") return;
    const LastMetric& lm = last_metric[3];
    // (the paragraph before counts too, as in continue_metric: "New home prices fell 0.5% in
    // October ... | Prices were down 5.9% from a year earlier")
    const size_t para = S_para;
    if (lm.key.empty() || (lm.para != para && lm.para + 1 != para)) return;
    std::string_view head = toks[metric.tok + metric.base_n - 1].low;
    // (not a holder's own, nor a forecast of it: "cut its forecast for South Korea's growth",
    // "raised his 2026 growth forecast for Taiwan's economy" after an export figure)
    const size_t gt = metric.tok, ge = metric.tok + metric.base_n;
    const bool growth_owned =
        // (a figure right before is the growth's own value: "faster than the 2.9% growth in September")
        (gt > 0 && (toks[gt - 1].low == "its" || toks[gt - 1].low == "their" || toks[gt - 1].low == "his" ||
                    toks[gt - 1].low == "her" ||
                    (sv.tok_mention[gt - 1] != SIZE_MAX && ms[sv.tok_mention[gt - 1]].type != Type::percent))) ||
        (gt >= 2 && sv.possessive_at(gt - 2)) ||
        (ge < toks.size() && (toks[ge].low == "forecast" || toks[ge].low == "forecasts" || toks[ge].low == "outlook" ||
                              toks[ge].low == "target" || toks[ge].low == "estimate" || toks[ge].low == "projection"));
    bool growth = head == "growth" && (metric.base_n == 1 || toks[metric.tok].low == "annual") && !growth_owned &&
                  lx.growth_continues.count(lm.key);
    // ("rice prices fell 15.9%" names its own goods: a plain word right before is no bare "prices")
    const size_t pt = metric.tok;
    const bool modified = pt > 0 && toks[pt - 1].is_word() && sv.tok_mention[pt - 1] == SIZE_MAX &&
                          !kDeterminers.count(toks[pt - 1]) && !kPrepositions.count(toks[pt - 1]);
    bool prices = (head == "prices" || head == "price") && metric.base_n == 1 && !modified &&
                  lx.prices_continue.count(lm.key);
    // ("Annual inflation eased to 31.4% ... Economists had forecast a monthly rate of 2.5%": a bare
    // "rate", a pace word before it allowed, continues a `rate_continues` metric)
    const bool paced = modified && (toks[pt - 1].low == "monthly" || lx.pace_words.count(toks[pt - 1].low));
    // (not a holder's own: "The Bank of Thailand held its rate at 2%" after an inflation figure is
    // the bank's rate — session 20)
    const bool owned = pt > 0 && (toks[pt - 1].low == "its" || toks[pt - 1].low == "their" ||
                                  (pt >= 2 && sv.possessive_at(pt - 2)));
    bool rate = head == "rate" && metric.base_n == 1 && metric.n == 1 && (!modified || paced) && !owned &&
                lx.rate_continues.count(lm.key);
    // ("Industrial output fell 3.8% ... | Output shrank 1.2% on the month": a bare "output" or
    // "production" continues an `output_continues` metric)
    bool output = (head == "output" || head == "production") && metric.base_n == 1 && !modified &&
                  lx.output_continues.count(lm.key);
    // ("Net profit rose 6% to $410 million ... above the profit of $395 million analysts had
    // expected", "She expects full-year profit of ..."): a bare "profit" or "loss", a period word
    // before it allowed, continues a `result_continues` metric of the same head — the story's
    // line, not a generic profit; amounts only: a change names its own line, often a unit's: "Jio
    // Platforms, the digital services unit, posted a 12% rise in profit" after the group's
    // operating profit)
    bool result = false;
    if (amount && (metric.key == "profit" || metric.key == "loss") && metric.base_n == 1 && metric.n == 1 &&
        lx.result_continues.count(lm.key)) {
        // (words.tsv result_period)
        size_t b = metric.tok;
        while (b > 0 && sv.tok_mention[b - 1] == SIZE_MAX && lx.result_periods.count(toks[b - 1].low)) --b;
        const bool plain = b > 0 && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
                           !kDeterminers.count(toks[b - 1]) && !kPrepositions.count(toks[b - 1]) &&
                           toks[b - 1].low != "its" && toks[b - 1].low != "their" &&
                           !(b >= 2 && sv.possessive_at(b - 2));
        const std::string_view want = metric.key == "profit" ? "_profit" : "_loss";
        result = !plain && lm.key.size() > want.size() && lm.key.ends_with(want);
    }
    if (growth || prices || rate || output || result) metric.key = lm.key;
}

// "Exports rose 4.0% in March, but shipments of cars to the United States fell 3.1%", "British
// retail sales volumes fell 1.2% ... | Sales at clothing stores dropped 3.5%": a plain "shipments"
// or "sales" (its complement of goods, destination or shops allowed, a plain modifier too: "seafood
// sales to China") after a figure of a metric it is a word for (words.tsv `shipments_continue`,
// `sales_continue`) in the paragraph or the one before is that metric's. Not a holder's own
// ("Apple's iPhone sales", "its shipments"): a company's figures keep their words.
bool Assembly::continue_trade(MetricHit& metric) {
    const std::string_view first = toks[metric.tok].low;
    const bool shipments = metric.key == "shipments" && metric.base_n == 1;
    // (a shop channel is the release's too: "Online sales surged 11.2%" after retail sales)
    const bool sales = metric.key == "sales" &&
                       (first == "sales" || first == "sale" || (first == "online" && metric.base_n == 2));
    if (!shipments && !sales) return false;
    const LastMetric& lm = last_metric[3];
    const size_t para = S_para;
    if (lm.key.empty() || (lm.para != para && lm.para + 1 != para)) return false;
    if (!(shipments ? lx.shipments_continue : lx.sales_continue).count(lm.key)) return false;
    size_t k = metric.tok;
    // (the "s" of "Tesco's sales" is no plain modifier: the possessive is tested where it stands)
    const bool owner = k >= 2 && sv.possessive_at(k - 2);
    if (!owner && k > 0 && toks[k - 1].is_word() && sv.tok_mention[k - 1] == SIZE_MAX && !kDeterminers.count(toks[k - 1]) &&
        !kPrepositions.count(toks[k - 1]) && toks[k - 1].low != "its" && toks[k - 1].low != "their")
        --k;  // (a plain modifier: "seafood sales")
    const bool possessive = owner || (k >= 2 && sv.possessive_at(k - 2));
    if (possessive || (k > 0 && (sv.tok_mention[k - 1] != SIZE_MAX || toks[k - 1].low == "its" || toks[k - 1].low == "their")))
        return false;
    metric.key = lm.key;
    return true;
}

// "Hanul held 11.2% of the global electric vehicle battery market", "together hold about 31% of
// the savoury snacks market": a percentage of a market (right after "of", in its clause) is a
// market share, whatever metric the sentence named before.
void Assembly::share_of_market(const Mention& value, MetricHit& metric) {
    if (value.type != Type::percent || std::string_view(value.unit) == "pp") return;
    size_t k = sv.token_at(value.span.end);
    if (k >= toks.size() || toks[k].low != "of") return;
    for (size_t e = k + 1; e < toks.size() && e < k + 10; ++e) {
        if (!toks[e].is_word() && toks[e].low != "-") return;  // (the clause closes: ",", ";", ".")
        if (toks[e].low == "market" || toks[e].low == "markets") {
            metric = MetricHit{};
            metric.key = "market_share";
            return;
        }
        // "14.3% of firms said they planned to raise prices", "41% of households surveyed expect":
        // a share of those who answered a survey (words.tsv survey_respondent), then what they
        // answered (survey_verb, or "surveyed"/"polled" first), is a survey share, not the
        // paragraph's metric (session 19, probes19: "price" made such shares bond yields)
        if (lx.survey_respondents.count(toks[e].low) && e < k + 5) {
            size_t v = e + 1;
            if (v < toks.size() && lx.survey_verbs.count(toks[v].low) && v + 1 < toks.size() &&
                (toks[v].low == "surveyed" || toks[v].low == "polled" || toks[v].low == "questioned"))
                ++v;
            if (v < toks.size() && lx.survey_verbs.count(toks[v].low)) {
                metric = MetricHit{};
                metric.key = "survey_share";
            }
            return;
        }
    }
}

// "The Reserve Bank of India aims to keep inflation at 4%", "seeks to bring inflation to around
// 2%": a percentage a verb of aiming (words.tsv `goal_verb`) a few words before "inflation at/to"
// puts on inflation is the bank's inflation target (variants12; the target and goal nouns are
// inflation_goal's, diag12). The metric token is the verb, so that the subject is its holder.
void Assembly::inflation_aim(const Mention& value, size_t anchor, MetricHit& metric) {
    if (value.type != Type::percent || std::string_view(value.unit) == "pp") return;
    if (metric.key != "inflation" && metric.key != "core_inflation") return;
    size_t c = anchor;
    while (c > 0 && kQualifierSkip.count(toks[c - 1]) && toks[c - 1].low != "at") --c;
    if (c < 2 || toks[c - 2].low != "inflation") return;
    const std::string_view w = toks[c - 1].low;
    if (w != "at" && w != "to" && w != "around" && w != "near" && w != "below") return;
    for (size_t k = c - 2; k > 0 && c - 2 - k < 5; --k)
        if (lx.goal_verbs.count(toks[k - 1].low)) {
            metric = MetricHit{};
            metric.key = "inflation_target";
            metric.tok = k - 1;
            metric.n = metric.base_n = 1;
            metric.text = std::string(sv.slice(toks[k - 1].begin, toks[k - 1].end));
            return;
        }
}

// "Swissmem sees 6,000 jobs at risk", "As many as 6,000 jobs are at risk at the steel arm", "puts
// 2,000 jobs at risk": a count of jobs "at risk" (a copula or modal between) is a count of jobs
// that may be cut, job_cuts (corpus/CLAIMS.md jobs/employees/job_cuts); words.tsv `at_risk_filler`
// are the words allowed between.
void Assembly::jobs_at_risk(const Mention& value, MetricHit& metric) {
    if (value.type != Type::quantity || (metric.key != "jobs" && metric.key != "employees")) return;
    size_t k = sv.token_at(value.span.end);
    for (size_t n = 0; k < toks.size() && n < 4 && lx.at_risk_fillers.count(toks[k].low); ++n) ++k;
    if (k + 1 < toks.size() && toks[k].low == "at" && toks[k + 1].low == "risk") {
        metric = MetricHit{};
        metric.key = "job_cuts";
        metric.tok = k + 1;
        metric.n = metric.base_n = 1;
        metric.text = std::string(sv.slice(toks[k].begin, toks[k + 1].end));
    }
}

// "Apple spent $45 billion on buybacks", "spent $3.1 billion on research and development": money
// a verb of spending puts "on" a metric that is itself an outlay (words.tsv `outlay`: buybacks,
// dividends, research) is that outlay, not capital spending (what is spent on plant, "spend
// ₩5 trillion on a new packaging plant", keeps capital_expenditure: no metric after "on").
void Assembly::spent_on(const Mention& value, MetricHit& metric) {
    if (value.type != Type::money) return;
    if (metric.key != "capital_expenditure" && metric.key != "spending" && metric.key != "investment") return;
    size_t k = sv.token_at(value.span.end);
    if (k >= toks.size() || toks[k].low != "on") return;
    ++k;
    while (k < toks.size() && (kDeterminers.count(toks[k]) || kMetricModifiers.count(toks[k]) || toks[k].low == "share" ||
                               toks[k].low == "stock"))
        ++k;
    for (size_t j = sv.token_at(value.span.end) + 1; j <= k && j < toks.size(); ++j) {
        size_t n = 0;
        if (sv.tok_mention[j] != SIZE_MAX) return;
        if (const Lexicon::Entry* e = metric_phrase(j, &n); e && lx.outlay_metrics.count(e->value)) {
            metric = MetricHit{};
            metric.key = e->value;
            metric.tok = j;
            metric.n = metric.base_n = n;
            metric.text = std::string(sv.slice(toks[j].begin, toks[j + n - 1].end));
            return;
        }
    }
}

// "still above the bank's 2% target", "close to the 2 per cent target", "above our 2% goal",
// "within the central bank's target of 2.5%", "the 4.5% ceiling of the target range", "targets
// inflation of 8%": a
// percentage that heads or follows a plain target or goal, in a sentence that speaks of inflation
// or prices, is the central bank's inflation target (corpus/CLAIMS.md, session 11), whatever
// inflation measure the sentence named before (session 12, diag12).
void Assembly::inflation_goal(const Mention& value, MetricHit& metric) {
    if (value.type != Type::percent || std::string_view(value.unit) == "pp" || metric.key == "inflation_target") return;
    auto goal = [](std::string_view w) { return w == "target" || w == "goal"; };
    const size_t first = sv.token_at(value.span.begin), after = sv.token_at(value.span.end);
    size_t at = SIZE_MAX;
    // (after: "2% target", "2% inflation target", "4.5% ceiling of the target range")
    if (after < toks.size()) {
        if (goal(toks[after].low)) at = after;
        else if (toks[after].low == "ceiling" || toks[after].low == "floor" || toks[after].low == "midpoint")
            for (size_t e = after + 1; e < toks.size() && e < after + 5 && toks[e].is_word(); ++e)
                if (goal(toks[e].low)) { at = e; break; }
    }
    // (before: "target of 2.5%", "goal of about 2%")
    if (at == SIZE_MAX && first >= 2) {
        size_t b = first;
        while (b > 0 && kQualifierSkip.count(toks[b - 1])) --b;
        if (b >= 2 && toks[b - 1].low == "of" && goal(toks[b - 2].low)) at = b - 2;
        // (the verb: "targets inflation of 8%", "is targeting inflation at 3%")
        if (at == SIZE_MAX && b >= 3 && (toks[b - 1].low == "of" || toks[b - 1].low == "at") &&
            toks[b - 2].low == "inflation" &&
            (toks[b - 3].low == "targets" || toks[b - 3].low == "targeting" || toks[b - 3].low == "target"))
            at = b - 3;
    }
    if (at == SIZE_MAX) return;
    // (a forecast of inflation reaching it is inflation's level, dated: "before returning to the
    // 2% goal in 2027", "reaching its 3% target in the third quarter"; words.tsv `reach`)
    for (size_t b = first, n = 0; b > 0 && n < 4; --b, ++n) {
        const std::string_view w = toks[b - 1].low;
        if (lx.reach_words.count(w)) return;
        if (!(w == "the" || w == "its" || w == "to" || w == "our" || w == "their" ||
              kQualifierSkip.count(toks[b - 1]) || (toks[b - 1].is_word() && sv.tok_mention[b - 1] != SIZE_MAX)))
            break;
    }
    bool inflation = false;
    for (size_t k = 0; k < toks.size() && !inflation; ++k)
        if (toks[k].begin >= S.begin && toks[k].end <= S.end) {
            const std::string_view w = toks[k].low;
            inflation = w.rfind("inflation", 0) == 0 || w == "prices" || w == "price" || w == "cpi";
        }
    if (!inflation) return;
    metric = MetricHit{};
    metric.tok = at;
    metric.n = metric.base_n = 1;
    metric.key = "inflation_target";
}

// "The chip division's operating profit stood at 5.1 trillion won, while the mobile business
// earned 3.3 trillion won": a verb of earning (an `object` word of key earnings) in a sentence
// that has already named a profit measure earns that measure, as the parallel clause says.
// So does a verb of losing lose it ("operating profit rose to 312 billion won ...; its petrochemicals
// unit lost 48 billion won" is an operating loss).
void Assembly::parallel_profit(MetricHit& metric) {
    if (metric.tok == SIZE_MAX || (metric.key != "earnings" && metric.key != "net_loss")) return;
    const Lexicon::Entry* own = metric_entry(metric.tok, metric.tok + 1);
    if (!own || own->extra != "object") return;
    // (a profit measure and the loss of the same measure)
    static const std::map<std::string_view, std::string_view> profits = {
        {"operating_profit", "operating_loss"}, {"net_profit", "net_loss"}, {"pretax_profit", "pretax_loss"},
        {"ebit", "operating_loss"}, {"ebitda", ""}, {"profit", "loss"}, {"gross_profit", ""}};
    const bool loss = metric.key == "net_loss";
    std::string_view last;
    for (size_t k = sv.token_at(S.begin); k < metric.tok; ++k) {
        size_t n = 0;
        const Lexicon::Entry* e = sv.tok_mention[k] == SIZE_MAX ? metric_phrase(k, &n) : nullptr;
        if (!e) continue;
        if (auto it = profits.find(e->value); it != profits.end()) last = loss ? it->second : it->first;
        k += n - 1;
    }
    if (!last.empty()) metric.key = std::string(last);
}

// "Q: How much will the scheme cost?" / "A: About £2.4bn a year, the Treasury estimates.": a
// figure with no metric in an answer (a paragraph opening "A:") is what the question in the
// paragraph before asks about: its metric, and what it asks it of (qa_description).
bool Assembly::qa_answer(MetricHit& metric) {
    qa_description.clear();
    if (toks.size() < 3 || toks[0].low != "a" || toks[1].low != ":") return false;
    // (the question: the last line opening "Q:" in this paragraph or the one before)
    const size_t para = S_para;
    if (para >= t.paragraphs().size()) return false;
    const uint32_t from = t.paragraphs()[para > 0 ? para - 1 : para].begin;
    if (from >= S.begin) return false;
    const std::string_view before = sv.slice(from, S.begin);
    size_t pos = before.rfind("Q:");
    if (pos == std::string_view::npos || (pos > 0 && before[pos - 1] != '\n')) return false;
    std::string_view q_text = before.substr(pos);
    q_text = q_text.substr(0, std::min(q_text.find('\n'), q_text.size()));
    std::string q_low(q_text.size(), '\0');  // (the tokenizer's buffer, as long as the text)
    std::vector<Token> q;
    tokenize(q_text, q_low, {0, static_cast<uint32_t>(q_text.size())}, q);
    if (q.size() < 4 || q[0].low != "q" || q[1].low != ":") return false;
    size_t m = SIZE_MAX, n = 0;
    for (size_t k = 2; k < q.size() && m == SIZE_MAX; ++k)
        // (not a measure's own word, "the scheme", which the question asks about)
        if (const Lexicon::Entry* e = lx.metrics.match(q, k, &n);
            e && (e->extra.empty() || e->extra == "generic") && !(n == 1 && lx.measure_nouns.count(q[k].low))) {
            m = k;
            metric.key = e->value;
        }
    if (m == SIZE_MAX) return false;
    // "How much will the scheme cost", "How many households will benefit": the words between the
    // auxiliary and the metric
    static const StringSet aux = {"will", "would", "does", "do", "did", "is", "are", "was", "were", "has", "have", "could"};
    size_t b = 2;
    while (b < m && !aux.count(q[b].low)) ++b;
    if (b < m) ++b;
    while (b < m && kDeterminers.count(q[b].low)) ++b;
    if (b < m && m - b <= 4) qa_description = std::string(q_text.substr(q[b].begin, q[m - 1].end - q[b].begin));
    return true;
}

void Assembly::continue_metric(MetricHit& metric, size_t slot, size_t from_slot) {
    const size_t para = S_para;
    if (metric.key.empty() && qa_answer(metric)) return;
    if (!metric.key.empty()) {
        // (an assumption's metric is no figure's to continue: "kept its forecast for operating profit
        // of ¥4.3 trillion, assuming an exchange rate of 145 yen to the dollar. Analysts polled by
        // LSEG had expected ¥4.6 trillion" is operating profit)
        if (metric.tok != SIZE_MAX)
            for (size_t k = metric.tok >= 3 ? metric.tok - 3 : 0; k < metric.tok; ++k)
                if (toks[k].low == "assuming" || toks[k].low == "assumes" || toks[k].low == "assumed" ||
                    toks[k].low == "assume")
                    return;
        last_metric[slot] = {metric.key, para};
        last_metric[3] = {metric.key, para};
        return;
    }
    // (news paragraphs are short: the previous one counts too; a list's items count as the
    // paragraph that introduces them: "The plan includes:" then "- £14.5bn for new lines;")
    const size_t at = list_intro(para);
    if (last_metric[from_slot].para != SIZE_MAX && last_metric[from_slot].para + 1 >= at) {
        // (not an economy's metric into a new paragraph that opens with a company: "UK retail
        // sales dropped 0.6%. | Among decliners, Burberry slid 7.8%" is Burberry's share price;
        // nor any metric that is no company's own: "Foreign funds bought a net $2 billion of Indian
        // shares. | Infosys rose 1.9%" is Infosys's share price, not net buying)
        if (last_metric[from_slot].para < at && lx.scope_of(last_metric[from_slot].key) != "company" &&
            sentence_opens_with_company())
            return;
        metric.key = last_metric[from_slot].key;
        // (a list item continues the metric in the form the claim before it took: "will invest
        // £40bn in its networks" is capital expenditure, metric_forms.tsv, and so is "- £14.5bn
        // for new lines")
        if (at != para)
            for (auto it = out.rbegin(); it != out.rend(); ++it) {
                if (it->kind == "statement" || it->value == kNoMention) continue;
                // (a claim of the figure type whose metric is continued: "- £6bn to reinforce ..."
                // after "- £9.2bn to connect 11 gigawatts" is the money's, not the capacity's)
                if (from_slot < 3 && std::min<size_t>(static_cast<size_t>(ms[it->value].type), 3) != from_slot)
                    continue;
                const size_t p = t.paragraph_index(it->sentence.begin);
                if ((p == last_metric[from_slot].para || list_intro(p) == at) && !it->metric.empty())
                    metric.key = it->metric;
                break;
            }
    }
}

// Whether the sentence names a company among its first words (past an opening phrase that ends
// in a comma: "Among decliners, Burberry slid 7.8%"), before any verb.
bool Assembly::sentence_opens_with_company() {
    size_t k = sv.token_at(S.begin);
    const size_t k0 = k;
    for (size_t j = k0; j < toks.size() && j < k0 + 5 && toks[j].begin < S.end; ++j)
        if (toks[j].low == ",") {
            k = j + 1;
            break;
        }
    for (size_t j = k; j < toks.size() && j < k + 4 && toks[j].begin < S.end; ++j) {
        if (sv.tok_mention[j] != SIZE_MAX) {
            const Mention& m = ms[sv.tok_mention[j]];
            return m.type == Type::org && story_company(m);
        }
        if ((toks[j].bits & (lx.kVerbWord | lx.kChangeWord))) return false;
    }
    return false;
}

// The paragraph that introduces the list paragraph `para` is an item of (a line opening with a
// dash or bullet, after a paragraph ending in ":" and the items before it), else `para`.
size_t Assembly::list_intro(size_t para) const {
    const auto& ps = t.paragraphs();
    auto item = [&](size_t p) {
        const uint32_t b = ps[p].begin;
        return b < a.size() && (a[b] == '-' || a[b] == '*' || a.compare(b, 3, "\xe2\x80\xa2") == 0);
    };
    if (para >= ps.size() || !item(para)) return para;
    size_t p = para;
    while (p > 0 && item(p - 1)) --p;
    if (p == 0) return para;
    const text::Span I = ps[p - 1];
    return I.end > I.begin && a[I.end - 1] == ':' ? p - 1 : para;
}

void Assembly::purchase_form(MetricHit& metric, size_t fig) {
    if (metric.tok == SIZE_MAX || metric.tok < figs[fig].tok) return;
    auto it = lx.metric_forms.find(metric.key);
    if (it == lx.metric_forms.end()) return;
    const std::string *to = nullptr, *repaid = nullptr;
    for (const auto& [when, form] : it->second) {
        if (when == "purchase") to = &form;
        if (when == "repay") repaid = &form;
    }
    if (!to && !repaid) return;
    const size_t fig_end = sv.token_at(ms[figs[fig].m].span.end);
    if (fig_end >= toks.size() || toks[fig_end].low != "of" || metric.tok > fig_end + 4) return;
    for (size_t k = fig_end + 1; k < metric.tok; ++k)
        if (!toks[k].is_word() || (toks[k].bits & lx.kVerbWord)) return;
    size_t v = figs[fig].tok;
    v = past_qualifiers(v);
    size_t cn = 0;
    const Lexicon::Entry* cue = v > 0 ? lex(lx.cues, lx.kCueFirst, v - 1, &cn) : nullptr;
    if (cue && cue->value == "purchase" && to) metric.key = *to;
    if (cue && cue->value == "repay" && repaid) metric.key = *repaid;
}

// Whether a money figure is the object of a word of metric `key` right before it ("spend
// about ¥450 billion"): metric_forms.tsv `company_object`.
bool Assembly::object_of(const std::string& key, const Mention& value) {
    size_t v = sv.token_at(value.span.begin);
    v = past_qualifiers(v);
    if (v == 0 || v > toks.size()) return false;
    const Lexicon::Entry* e = metric_entry(v - 1, v);
    return e && e->value == key;
}

// "a premium of 34% to the last close and of 41% to its three-month average": a figure after
// "and of" shares the head noun of the figure before it in the sentence ("premium of 34%"), its
// metric the claim before's.
void Assembly::elided_head(const Mention& value, size_t anchor, MetricHit& metric) {
    size_t p = past_qualifiers(anchor);
    if (p < 2 || p > toks.size() || toks[p - 1].low != "of" || toks[p - 2].low != "and") return;
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
        if (it->sentence.begin != S.begin) return;
        if (it->kind != "amount" || it->value == kNoMention || it->metric.empty()) continue;
        const Mention& prev = ms[it->value];
        if (prev.type != value.type) continue;
        const size_t q = past_qualifiers(sv.token_at(prev.span.begin));
        if (q < 2 || q > toks.size() || toks[q - 1].low != "of") return;
        metric = MetricHit{};
        metric.key = it->metric;
        return;
    }
}

// "will invest £40bn in its networks": the money figure is put into the holder's own assets
// ("in" and a possessive pronoun right after it).
bool Assembly::into_own(const Mention& value) {
    const size_t e = sv.token_after(value.span.end);
    if (e + 1 >= toks.size() || toks[e].low != "in") return false;
    const std::string_view w = toks[e + 1].low;
    return w == "its" || w == "their" || w == "our";
}

// The form of the metric the claim's value and holder call for (metric_forms.tsv).
void Assembly::metric_form(std::string& key, const Mention* value, const std::vector<std::string>& names,
                           bool change, std::string_view description) {
    auto it = lx.metric_forms.find(key);
    if (it == lx.metric_forms.end()) return;
    for (const auto& [when_text, to] : it->second) {
        // (as a view: a size test before any byte, not a std::string::compare call per form — session 25)
        const std::string_view when = when_text;
        bool ok = false;
        if (when == "money" || when == "percent")
            ok = value && value->type == (when == "money" ? Type::money : Type::percent) &&
                 std::string_view(value->unit) != "pp";
        else if (when == "minor") {
            // ("In the first quarter it earned 84 cents": a company's profit is never a few cents;
            // a figure in a minor unit is a per-share one — session 20)
            if (value && value->type == Type::money) {
                const std::string_view tx(a.data() + value->span.begin, value->span.end - value->span.begin);
                auto ends = [&](std::string_view w) {
                    return tx.size() > w.size() && tx.substr(tx.size() - w.size()) == w &&
                           !std::isalpha(static_cast<unsigned char>(tx[tx.size() - w.size() - 1]));
                };
                ok = ends("cents") || ends("cent") || ends("pence") || ends("paise") || ends("sen") ||
                     (tx.size() >= 2 && (tx.back() == 'p' || tx.back() == 'c') &&
                      std::isdigit(static_cast<unsigned char>(tx[tx.size() - 2])));
            }
        } else if (when == "points")
            // ("at a margin of 165 basis points over Stibor": a lending margin or spread over a
            // benchmark, stated in points; a margin that moves by points is a change, not this)
            ok = value && !change && value->type == Type::percent && std::string_view(value->unit) == "pp";
        else if (when == "money_for") {
            // ("a 20% stake in Iberluz for 2.4 billion euros": the price paid)
            if (value && value->type == Type::money) {
                size_t v = sv.token_at(value->span.begin);
                v = past_qualifiers(v);
                ok = v > 0 && v <= toks.size() && toks[v - 1].low == "for";
            }
        } else if (when == "per_unit") {
            // ("the benchmark palm oil contract rose to 4,612 ringgit a tonne": a contract's price)
            if (value && value->type == Type::money) {
                const size_t e = sv.token_at(value->span.end);
                size_t n = 0;
                const Lexicon::Entry* u = e < toks.size() && sv.tok_mention[e] == SIZE_MAX ? metric_phrase(e, &n) : nullptr;
                ok = u && u->extra == "unit";
            }
        } else if (when == "each") {
            // ("sold 118 million shares ... at €9.32 each", "convert claims into shares at HK$1.85 each":
            // the price shares are sold or issued at, "each" closing the figure's phrase)
            if (value && value->type == Type::money) {
                const size_t e = sv.token_at(value->span.end);
                ok = e < toks.size() && toks[e].low == "each" && (e + 1 >= toks.size() || !toks[e + 1].is_word());
            }
        } else if (when == "per_share")
            ok = value && value->type == Type::money && per_share(static_cast<size_t>(value - ms.data()));
        else if ((when == "company" && change && !names.empty()) ||
                 (when == "company_object" && value && value->type == Type::money && !names.empty() &&
                  object_of(key, *value)) ||
                 (when == "own_object" && value && value->type == Type::money && !names.empty() &&
                  object_of(key, *value) && into_own(*value))) {
            ok = true;
            for (const auto& n : names) {
                bool company = false;
                for (const Mention* c : companies) company |= c->name == n;  // (org mentions of kind company or none)
                ok &= company;
            }
        }
        else if (when == "group") {
            // ("European fintech start-ups raised $4.6 billion", "AI companies raised $41.3 billion":
            // a described plural group, no one named, holds a sector's total)
            ok = names.empty() && description.size() > 1 && description.back() == 's';
        }
        else if (when == "count" && to != "unit" && value && value->type == Type::quantity)
            // ("Arrivals at the ports fell 18% to 1.21 million tons": a count of goods; "visitor
            // arrivals rose to 3.1 million visitors" stays arrivals)
            ok = lx.goods_units.count(value->unit) > 0;
        else if (when == "bank" && !names.empty()) {
            // ("The Central Bank of Tarsova sold $640 million", "the NBU sold a net $780 million":
            // what a central bank sells or buys is its intervention, session 23)
            ok = true;
            for (const auto& n : names) {
                bool bank = false;
                for (const Mention* c : central_banks) bank |= c->name == n;
                ok &= bank;
            }
        }
        else if (when == "economy" && !names.empty()) {
            ok = true;
            for (const auto& n : names) {
                bool place = lx.areas.count(n) > 0;
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
}


// "Revenue, operating profit and net income were $4.1bn, $820m and $590m respectively": a list
// of figures closed by "respectively" takes, in order, the metric phrases listed before its
// first figure, when the two lists are as long as each other.
bool Assembly::respective_metric(size_t f, MetricHit& metric) {
    const size_t anchor = figs[f].tok;
    size_t r = anchor;
    while (r < toks.size() && toks[r].low != "respectively" && toks[r].low != ";" && toks[r].low != ".") ++r;
    if (r >= toks.size() || toks[r].low != "respectively") return false;
    // (the list: the sentence's value figures before "respectively", back to the first one that
    // follows a word other than a comma or "and")
    auto listed = [&](size_t g) {
        return figs[g].role == Role::value || figs[g].role == Role::change_amount || figs[g].role == Role::change_percent;
    };
    size_t first = f, at = SIZE_MAX;
    while (first > 0 && listed(first - 1) && figs[first - 1].tok < anchor) {
        size_t k = figs[first].tok;
        k = past_qualifiers(k);
        if (k == 0 || (toks[k - 1].low != "," && toks[k - 1].low != "and")) break;
        --first;
    }
    size_t count = 0;
    for (size_t g = first; g < figs.size() && figs[g].tok < r; ++g) {
        if (!listed(g)) continue;
        if (g == f) at = count;
        ++count;
    }
    if (count < 2 || at == SIZE_MAX) return false;
    std::vector<MetricHit> list;
    for (size_t k = sv.token_at(S.begin); k < figs[first].tok; ++k) {
        if (sv.tok_mention[k] != SIZE_MAX) continue;
        MetricAt m = metric_at(k, figs[first].tok);
        if (!m.key) continue;
        MetricHit h;
        h.tok = k;
        h.n = h.base_n = m.span;
        h.key = *m.key;
        h.text = std::string(sv.slice(toks[k].begin, toks[k + m.span - 1].end));
        list.push_back(std::move(h));
        k += m.span - 1;
    }
    if (list.size() != count) return false;
    metric = list[at];
    return true;
}


// Whether the figure at `anchor` (ending before token `fig_end`) is stated as a part of a whole
// named before: "Of that, £1.1bn ...", "Of this, ...", "£900m of that", "of which $77bn".
bool Assembly::part_of_previous(size_t anchor, size_t fig_end) {
    static const WordList back = {"that", "this", "it", "which", "these", "those"};
    // (before the figure with a comma, "Of that, £1.1bn", or "of which": "the cost of this $5bn
    // programme" is a determiner's)
    size_t k = past_qualifiers(anchor);
    const bool comma = k >= 3 && toks[k - 1].low == ",";
    if (comma) --k;
    if (k >= 2 && toks[k - 2].low == "of" && back.count(toks[k - 1].low) && (comma || toks[k - 1].low == "which"))
        return true;
    // (after it, the pronoun alone: "£900m of that will go", not "$5bn of this year's budget")
    if (fig_end + 2 >= toks.size() || toks[fig_end].low != "of" || !back.count(toks[fig_end + 1].low) ||
        toks[fig_end + 1].low == "which")
        return false;
    static const WordList modals = {"will", "would", "could", "may", "might", "is", "was", "went", "came"};
    const Token& next = toks[fig_end + 2];
    return !next.is_word() || (next.bits & lx.kVerbWord) || modals.count(next.low);
}

// "The total includes Rs 300 crore for helipads", "That figure included $40 million of fees": a
// part of the figure the sentence before gave, the whole referred to by a generic noun and a verb
// of including heading the clause; it is measured as the whole is, and held by the whole's holder.
// With `any_verb`: "The figure beat the ¥29.5 billion analysts had expected", "The total amount
// represents about 2% of its shares": a generic noun heading the clause, then its verb, refers to
// the figure just given: the figure after it is about that figure's holder (its metric continues).
bool Assembly::whole_restated(size_t cs, size_t anchor, bool any_verb) {
    static const WordList dets = {"the", "that", "this", "its"};
    static const WordList wholes = {"total", "sum", "figure", "amount", "tally", "bill"};
    static const WordList incl = {"includes", "included", "include", "comprises", "comprised",
                                                    "covers", "covered", "contains", "contained"};
    static const WordList verbs = {"beat", "beats", "missed", "exceeded", "exceeds", "topped",
                                                     "represents", "represented", "compares", "compared", "equals",
                                                     "equalled", "equaled", "is", "was", "were", "are"};
    size_t k = cs;
    if (k < anchor && dets.count(toks[k].low)) ++k;
    if (k >= anchor || !wholes.count(toks[k].low) || sv.tok_mention[k] != SIZE_MAX) return false;
    ++k;
    if (any_verb && k < anchor && (toks[k].low == "amount" || toks[k].low == "figure" || toks[k].low == "sum")) ++k;
    if (k < anchor && (toks[k].low == "also" || toks[k].low == "already")) ++k;
    if (k >= anchor) return false;
    if (any_verb) return verbs.count(toks[k].low) || (toks[k].bits & lx.kVerbWord);
    if (!incl.count(toks[k].low)) return false;
    const size_t at = past_qualifiers(anchor);
    if (at <= k + 1) return true;
    // (a later item of the list the verb opens, session 23: "The total included 4.8 million tonnes
    // of wheat, 0.9 million tonnes of barley and 0.3 million tonnes of rye": a figure right after
    // the verb, then items joined by commas and "and", no verb between)
    size_t first = k + 1;
    while (first < at && kQualifierSkip.count(toks[first])) ++first;
    if (first >= at || sv.tok_mention[first] == SIZE_MAX || ms[sv.tok_mention[first]].type != ms[sv.tok_mention[anchor]].type ||
        (toks[at - 1].low != "," && toks[at - 1].low != "and"))
        return false;
    for (size_t j = k + 1; j < at; ++j)
        if (sv.tok_mention[j] == SIZE_MAX && (toks[j].bits & (lx.kVerbWord | lx.kChangeWord))) return false;
    return true;
}


// Words from token `from` up to `to` (exclusive), a date mention counting as one word: "kept its
// shipment guidance for the year to June 30 at 192 million tonnes" names its metric as near the
// figure as "kept its shipment guidance at ..." does.
size_t Assembly::words_between(size_t from, size_t to) const {
    size_t n = 0;
    for (size_t k = from; k < to && k < toks.size(); ++k) {
        const size_t m = sv.tok_mention[k];
        if (m != SIZE_MAX && ms[m].type == Type::date && k > from && sv.tok_mention[k - 1] == m) continue;
        ++n;
    }
    return n;
}


// A money figure right after a verb of raising (metrics.tsv "raised" and kin, a funding round) is
// measured by what raised it when the sentence says so:
// - its means, a gerund after "by" whose verb the lexicon knows: "raised €1.1 billion by selling a
//   9.5% stake" is an asset sale ("sell");
// - a metric heading the clause's subject that has a money form (metric_forms.tsv): "The levy,
//   which funds the biodiesel programme, raised Rp 21.4 trillion" is tax revenue, as "the levy
//   will raise" would be.
void Assembly::raised_means(size_t lo, size_t anchor, size_t fig_end, MetricHit& best) {
    if (best.tok == SIZE_MAX || best.tok >= anchor || anchor >= toks.size()) return;
    if (sv.tok_mention[anchor] == SIZE_MAX || ms[sv.tok_mention[anchor]].type != Type::money) return;
    const std::string_view verb = toks[best.tok].low;
    if (verb != "raised" && verb != "raises" && verb != "raise" && verb != "raising") return;
    if (past_qualifiers(anchor) != best.tok + 1) return;
    if (fig_end < toks.size() && fig_end + 1 < toks.size() && toks[fig_end].low == "by") {
        const std::string_view g = toks[fig_end + 1].low;
        if (g.size() > 5 && g.substr(g.size() - 3) == "ing") {
            std::string base(g.substr(0, g.size() - 3));
            // ("selling" → "sell", "issuing" → "issue")
            const Lexicon::Entry* e = lx.metrics.find({base});
            if (!e) e = lx.metrics.find({base + "e"});
            if (e && e->extra.empty()) {
                best.key = e->value;
                best.tok = fig_end + 1;
                best.n = best.base_n = 1;
                return;
            }
        }
    }
    // (the subject: the last metric phrase of the clause's first plain words, its head: "The levy",
    // "The export duty", "Its windfall tax")
    size_t cs = std::max(lo, clause_start_tok(anchor, false));
    // (past a possessive holder or a date: "Brazil's spectrum auction raised", "The 2021 auction
    // raised": a sale whose proceeds are its own metric keeps it, metric_forms.tsv `money`)
    {
        size_t k = cs;
        if (k < best.tok && kDeterminers.count(toks[k])) ++k;
        const size_t mk = k < best.tok ? sv.tok_mention[k] : SIZE_MAX;
        if (mk != SIZE_MAX && (ms[mk].type == Type::date || is_entity(ms[mk]))) {
            while (k < best.tok && sv.tok_mention[k] == mk) ++k;
            if (ms[mk].type == Type::date || (k + 1 < best.tok && sv.possessive_at(k))) {
                if (ms[mk].type != Type::date) k += 2;
                cs = k;
            }
        }
    }
    size_t head = SIZE_MAX, head_n = 0;
    for (size_t k = cs; k < best.tok && k < cs + 5 && toks[k].is_word() && sv.tok_mention[k] == SIZE_MAX; ++k) {
        const MetricAt m = metric_at(k, best.tok);
        if (m.key && m.span == m.n) head = k, head_n = m.n, k += m.n - 1;
    }
    if (head == SIZE_MAX) return;
    const Lexicon::Entry* e = metric_entry(head, head + head_n);
    if (!e || !e->extra.empty()) return;
    auto it = lx.metric_forms.find(e->value);
    if (it == lx.metric_forms.end()) return;
    for (const auto& [when, to] : it->second)
        if (when == "money") {
            best.key = to;
            best.tok = head;
            best.n = best.base_n = head_n;
            return;
        }
}


// "Ofgem set the allowed return on equity at 5.9%, up from 4.6% in the current price control, but
// below the 6.8% the company had asked for": a figure after "the" with no noun of its own, then a
// clause of its own (a subject and its verb), is the same measure as the sentence's figure before
// it of its type, not whatever metric word lies nearest.
void Assembly::elided_figure(const Mention& value, size_t anchor, size_t fig_end, MetricHit& metric) {
    // ("the", maybe with qualifiers between: "the roughly 6.8%")
    const size_t p = past_qualifiers(anchor);
    bool the = false;
    for (size_t k = p > 0 ? p - 1 : 0; k < anchor && k < toks.size(); ++k) the |= toks[k].low == "the";
    if (!the || fig_end >= toks.size()) return;
    if (metric.tok != SIZE_MAX && metric.tok >= anchor) return;  // (a metric of its own after it)
    // (the clause after it: a few plain words, no metric among them, then a verb)
    size_t k = fig_end;
    if (!toks[k].is_word()) return;
    bool verb = false;
    for (; k < toks.size() && k < fig_end + 5; ++k) {
        if (!toks[k].is_word()) return;
        if (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type != Type::org) return;
        if (k > fig_end && (toks[k].bits & lx.kVerbWord)) {
            verb = true;
            break;
        }
        size_t n = 0;
        if (sv.tok_mention[k] == SIZE_MAX && metric_phrase(k, &n)) return;
    }
    if (!verb) return;
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
        if (it->sentence.begin != S.begin) return;
        if (it->kind == "statement" || it->value == kNoMention || it->metric.empty()) continue;
        if (ms[it->value].type != value.type) continue;
        if (metric.key == it->metric) return;  // (found already, with its phrase: the subject reads it)
        metric = MetricHit{};
        metric.key = it->metric;
        return;
    }
}

}  // namespace claimex::claims
