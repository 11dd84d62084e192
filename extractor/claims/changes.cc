// Change claims: one per change event of a sentence that has a size (a factor, an amount, a
// percentage or a new level), with its metric, subject, period, baseline and sources.
// Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>

namespace claimex::claims {

// "The S&P 500 lost 0.3%, and the Nasdaq Composite ended at 22,236.05", "rose 3.0%, while
// Germany's jobless rate held at 6.1%": a clause of its own (a boundary, then a subject before
// its verb) between a change word and an "at"/"to" figure: that figure is the later clause's
// level, not this change's ("fell 2% and ended at 5,800" keeps it: no subject of its own).
bool Assembly::new_subject_between(size_t from, size_t to) const {
    for (size_t k = from + 1; k + 1 < to; ++k) {
        size_t next = SIZE_MAX;
        if (toks[k].low == ";") next = k + 1;
        else if (toks[k].low == "," && clause_conjunctions.count(toks[k + 1])) next = k + 2;
        else if (toks[k].low == "while" || toks[k].low == "whereas") next = k + 1;
        // (an absolute clause: "a rate cut in December, with the deposit rate currently at 2.00%")
        else if (toks[k].low == "," && toks[k + 1].low == "with") next = k + 2;
        // ("cut rates if inflation, which stood at 4.9% in October, keeps easing": a relative clause
        // on a metric word other than the change's own holds the figure as that metric's level)
        if (toks[k].low == "," && (toks[k + 1].low == "which" || toks[k + 1].low == "that") && k > from + 1 &&
            k + 2 < to && (toks[k - 1].bits & lx.kMetricFirst) && (toks[k + 2].bits & lx.kVerbWord) &&
            !(toks[k + 2].bits & lx.kChangeWord))
            return true;
        // ("up 6.1% from a year earlier, according to Adobe Analytics, which tracks sales at more
        // than 1,000 retailers": a relative clause on a named holder describes it; its figures are
        // its own, not the change's level)
        if (toks[k].low == "," && (toks[k + 1].low == "which" || toks[k + 1].low == "who") && k > from + 1 &&
            k + 2 < to && sv.tok_mention[k - 1] != SIZE_MAX && is_entity(ms[sv.tok_mention[k - 1]]))
            return true;
        if (next == SIZE_MAX || next >= to) continue;
        const bool verb = sv.tok_mention[next] == SIZE_MAX && (toks[next].bits & (lx.kVerbWord | lx.kChangeWord));
        if (!verb && toks[next].is_word()) return true;
    }
    return false;
}

// "Shares fell 4.3%, valuing the company at about 48 billion crowns": a participle after a comma
// that names a metric of its own ("valuing": valuation) sets the figure after it; it is no new
// level of the move before.
bool Assembly::metric_participle_between(size_t from, size_t to) {
    for (size_t k = from + 1; k + 1 < to && k + 1 < toks.size(); ++k) {
        if (toks[k].low != ",") continue;
        std::string_view w = toks[k + 1].low;
        size_t n = 0;
        if (w.size() > 4 && w.substr(w.size() - 3) == "ing" && !(toks[k + 1].bits & lx.kChangeWord) &&
            metric_phrase(k + 1, &n))
            return true;
    }
    return false;
}

// Whether a predicate of its own opens between the change word at `from` and a figure at `to`:
// ", and" and a verb that is no change word ("lifting the bottom of the range, and kept its margin
// band at 20-22%": the band is kept, not lifted).
bool Assembly::other_predicate_between(size_t from, size_t to) const {
    for (size_t k = from + 1; k + 2 < to; ++k) {
        if (toks[k].low != "," || toks[k + 1].low != "and") continue;
        size_t v = k + 2;
        while (v < to && trailing_adverbs.count(toks[v])) ++v;
        if (v < to && (toks[v].bits & lx.kVerbWord) && !(toks[v].bits & lx.kChangeWord)) return true;
    }
    return false;
}

void Assembly::change_claims() {
    for (size_t e = 0; e < events.size(); ++e) {
        const ChangeEvent& ev = events[e];
        size_t next_tok = e + 1 < events.size() ? events[e + 1].tok : toks.size();
        std::optional<size_t> amount, percent, level;
        // "has raised £45 million ..., valuing the business at more than £300 million": a verb
        // whose object is a figure (funds raised) moves nothing; a later "at" figure is no level.
        bool figure_object = false;
        if (ev.object_only || ev.money_object)
            for (size_t f = 0; f < figs.size() && !figure_object; ++f) {
                if (figs[f].tok <= ev.tok || figs[f].role != Role::value) continue;
                if (!ev.object_only && ms[figs[f].m].type != Type::money) break;
                bool plain = true;
                for (size_t k = ev.tok + 1; k < figs[f].tok && plain; ++k)
                    plain = kVerbFillers.count(toks[k]) || kDeterminers.count(toks[k]);
                figure_object = plain;
                break;
            }
        for (size_t f = 0; f < figs.size(); ++f) {
            if (consumed.count(f)) continue;
            // "a 2% fall": the size stands just before the change word
            size_t fend = sv.token_at(ms[figs[f].m].span.end);  // ("a 24.7% annual rise")
            while (fend < ev.tok && kMetricModifiers.count(toks[fend]) && sv.tok_mention[fend] == SIZE_MAX) ++fend;
            // ("a 3.6% pay rise": a one-word metric between, as figure_roles reads it)
            if (figs[f].role == Role::change_percent && fend + 1 == ev.tok && sv.tok_mention[fend] == SIZE_MAX &&
                !kPrepositions.count(toks[fend]) && !(toks[fend].bits & lx.kChangeWord) && (toks[fend].bits & lx.kMetricFirst))
                ++fend;
            if (figs[f].role == Role::change_percent && figs[f].tok < ev.tok && fend == ev.tok && !percent) {
                percent = f;
                continue;
            }
            // ("£2.1bn more than a year earlier": an amount sizing a comparison with its own past)
            // (or a close: "closed 40 cents higher at $18.20" — session 22)
            if (figs[f].role == Role::change_amount && figs[f].tok < ev.tok && fend == ev.tok && !amount &&
                ev.tok + 1 < toks.size() &&
                ((ev.intransitive && toks[ev.tok + 1].low == "than") || comparative_at(ev.tok))) {
                amount = f;
                continue;
            }
            if (figs[f].tok <= ev.tok || figs[f].tok >= next_tok) continue;
            // ("rose 2.6% in October, slowing from a 2.9% gain in September": the size right
            // before the next change word is that change's, a claim of its own)
            // (an elided verb's "and" is no change word: "fell 11% and 9%", elided_changes)
            if (figs[f].role == Role::change_percent && e + 1 < events.size() && fend == next_tok &&
                toks[next_tok].low != "and")
                continue;
            if (figs[f].role == Role::change_amount && !amount) amount = f;
            else if (figs[f].role == Role::change_percent && !percent) percent = f;
            else if (figs[f].role == Role::value && !level && !figure_object && level_cue(figs[f].tok) &&
                     !new_subject_between(ev.tok, figs[f].tok) && !metric_participle_between(ev.tok, figs[f].tok) &&
                     !other_predicate_between(ev.tok, figs[f].tok))
                level = f;
        }
        if (ev.from_baseline && !level && *ev.from_baseline + 1 < figs.size()) level = *ev.from_baseline + 1;
        // "Shares rose 7% on Tuesday, taking their gain this year to 35%": a change noun after a
        // carrying participle and a possessive (words.tsv running_carrier) is a running total; its
        // "to" percentage is the cumulative change, not a level, of the move before it
        const Claim* carried = nullptr;
        if (level && !percent && !amount && !ev.factor && ms[figs[*level].m].type == Type::percent &&
            ms[figs[*level].m].unit == "percent" && ev.tok >= 2 &&
            (toks[ev.tok - 1].low == "its" || toks[ev.tok - 1].low == "their") &&
            lx.running_carriers.count(toks[ev.tok - 2].low) && !out.empty() && out.back().sentence.begin == S.begin &&
            out.back().kind == "change" && !out.back().metric.empty()) {
            carried = &out.back();
            percent = level;
            level.reset();
        }
        // (", a decline of about 7%": a change noun in apposition, its article aside)
        size_t et = ev.tok >= 2 && (toks[ev.tok - 1].low == "a" || toks[ev.tok - 1].low == "an") &&
                            toks[ev.tok - 2].low == "," && ev.tok + 1 < toks.size() && toks[ev.tok + 1].low == "of"
                        ? ev.tok - 1
                        : ev.tok;
        // (", almost double what it spent before": a factor in apposition after the value)
        if (et == ev.tok && ev.factor && ev.factor_mention && !amount && !percent) {
            size_t p = sv.token_at(ms[*ev.factor_mention].span.begin);
            while (p > 0 && (kQualifierSkip.count(toks[p - 1]) || lx.approx_words.count(toks[p - 1]))) --p;
            if (p > 0 && p < ev.tok && toks[p - 1].low == ",") et = p;
        }
        // (", a 2.4% increase on current spending": the size before the change noun, in apposition)
        if (et == ev.tok && percent && !amount) {
            const size_t pt = figs[*percent].tok;
            if (pt >= 2 && (toks[pt - 1].low == "a" || toks[pt - 1].low == "an") && toks[pt - 2].low == "," &&
                !(toks[ev.tok].bits & lx.kVerbWord))
                et = pt - 1;
        }
        // (", about 2% more than last year", ", 2.1% lower than a year earlier": a size in apposition
        // before a comparison word and "than"; the figure before the comma is the level)
        if (const auto size = percent ? percent : amount; et == ev.tok && size && !(percent && amount) &&
            ev.intransitive && figs[*size].tok < ev.tok && ev.tok + 1 < toks.size() && toks[ev.tok + 1].low == "than") {
            size_t p = figs[*size].tok;
            while (p > 0 && (kQualifierSkip.count(toks[p - 1]) || lx.approx_words.count(toks[p - 1]))) --p;
            if (p > 0 && toks[p - 1].low == ",") et = p;
        }
        if (!level && (std::string_view(ev.verb) == "up" || std::string_view(ev.verb) == "down" || et != ev.tok))
            for (size_t f = figs.size(); f-- > 0;)
                if (figs[f].tok < ev.tok && figs[f].role == Role::value && !consumed.count(f)) {
                    bool near = true;
                    for (size_t k = sv.token_at(ms[figs[f].m].span.end); k < et; ++k)
                        if (toks[k].is_word() && toks[k].low != "or") near = false;
                    // "sales of 2.4 million vehicles in the quarter, ..., down 3.5%": the
                    // figure the appositive follows, with no other change word between
                    if (!near && et > 0 && toks[et - 1].low == "," && ev.tok - figs[f].tok <= 25) {
                        near = true;
                        // (a change word used as a noun, after an article or a size, is no verb
                        // between: "a 70% chance of a quarter-point cut, up from 55%")
                        auto noun_use = [&](size_t k) {
                            return k > 0 && (toks[k - 1].low == "a" || toks[k - 1].low == "an" || toks[k - 1].low == "the" ||
                                             (sv.tok_mention[k - 1] != SIZE_MAX && is_value(ms[sv.tok_mention[k - 1]])));
                        };
                        for (const auto& e2 : events)
                            if (e2.tok > figs[f].tok && e2.tok < ev.tok && !noun_use(e2.tok)) near = false;
                        // (an attribution between is no verb of the sentence's: "The average price
                        // ... was C$691,600, the association said on Monday, down 1.3% from a year earlier")
                        // (not "up from £15.5bn": a baseline with no size keeps its amount claim)
                        const bool sized = ev.tok + 1 < toks.size() && toks[ev.tok + 1].low != "from";
                        auto attribution = [&](size_t k) {
                            if (!sized) return false;
                            for (size_t i : sv.mentions)
                                if (ms[i].type == Type::source && ms[i].span.begin <= toks[k].begin &&
                                    toks[k].end <= ms[i].span.end)
                                    return true;
                            return false;
                        };
                        for (size_t k = figs[f].tok; k < ev.tok; ++k)
                            if (toks[k].low == ";" || ((toks[k].bits & lx.kVerbWord) && !attribution(k) && !noun_use(k)))
                                near = false;
                    }
                    if (near) level = f;
                    break;
                }
        if (!ev.factor && !amount && !percent && !level) continue;  // a verb with no size: not a claim
        // "rose to $3.24 trillion at the end of March, up $21 billion from February": the ", up"
        // appositive sizes the change just made (one fact, one claim)
        if (!level && !ev.factor && (amount || percent) && (ev.verb == "up" || ev.verb == "down" || et != ev.tok) &&
            et > 0 && toks[et - 1].low == "," && !out.empty() && out.back().sentence.begin == S.begin &&
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
        // "will invest £40bn in its networks ..., almost double what it spent before": a factor in
        // apposition after the value compares it with an earlier sum; the metric is the value's
        // own clause's, not the comparison's verb after the factor
        // (so is a size compared in apposition: "brought in Rp 61.3 trillion ..., 12% less than a
        // year earlier" is the levies' change, not the metric nearest the comparison word)
        const bool compared = ev.intransitive && ev.tok + 1 < toks.size() && toks[ev.tok + 1].low == "than";
        if (et != ev.tok && (ev.factor || compared) && level && figs[*level].tok < et) {
            MetricHit own = find_metric(clause_start_tok(figs[*level].tok), figs[*level].tok, et, false, ev.tok,
                                        sv.token_after(ms[figs[*level].m].span.end));
            if (!own.key.empty()) metric = own;
        }
        for (auto f : {percent, amount, level})
            if (f) {
                respective_metric(*f, metric);
                break;
            }
        if (level) purchase_form(metric, *level);
        // "adds 27,000 jobs ... but the jobless rate", "cut 1,200 jobs as ... profit": a count
        // whose unit names what is counted governs over a metric phrase of a later clause
        // (not over one it restates: "cut 340 jobs, or 14% of its staff").
        for (auto f : {amount, level}) {
            if (!f || ms[figs[*f].m].type != Type::quantity) continue;
            auto it = lx.unit_metrics.find(ms[figs[*f].m].unit);
            if (it == lx.unit_metrics.end()) continue;
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
            static const WordList helpers = {"to", "will", "would", "could", "should", "may",
                                                               "might", "is", "was", "expected", "forecast",
                                                               "projected", "set", "likely", "seen"};
            size_t k = ev.tok;
            while (k > 0 && ev.tok - k < 5 && helpers.count(toks[k - 1].low)) --k;
            if (k > 0 && sv.tok_mention[k - 1] != SIZE_MAX && area_of(ms[sv.tok_mention[k - 1]]))
                metric.key = "gdp_growth";
        }
        // "the cuts would save SEK 2bn a year": money a plan saves, with no metric named in its
        // clause, is a cut in costs (not the paragraph's last metric)
        if (metric.key.empty() && amount && !level && lx.saving_verbs.count(toks[ev.tok]) &&
            ms[figs[*amount].m].type == Type::money)
            metric.key = "cost";
        // "one more cut of 25 basis points by March", "cuts of 25 basis points at each meeting",
        // "a 50-basis-point cut": a move in points named by a noun of cutting or raising (a noun:
        // "of" after it, or the points right before it), with no metric of its own in the clause,
        // is the policy rate's, not the paragraph's last metric
        if (metric.key.empty() && amount && ms[figs[*amount].m].type == Type::percent &&
            ms[figs[*amount].m].unit == "pp" && lx.rate_move_nouns.count(toks[ev.tok].low) &&
            ((ev.tok + 1 < toks.size() && toks[ev.tok + 1].low == "of") || figs[*amount].tok < ev.tok))
            metric.key = "interest_rate";
        // "expected one more cut, to 3.75%", "sees a hike to 5% in June": such a noun (after an
        // article or "more"/"further") with the new level right after it is the policy rate's too
        if (metric.key.empty() && level && !amount && !percent && ms[figs[*level].m].type == Type::percent &&
            ms[figs[*level].m].unit == "percent" && lx.rate_move_nouns.count(toks[ev.tok].low) && ev.tok > 0) {
            static const WordList before = {"a", "an", "another", "more", "further"};
            size_t k = ev.tok + 1;
            if (k < toks.size() && toks[k].low == ",") ++k;
            if (before.count(toks[ev.tok - 1].low) && k + 1 < toks.size() && toks[k].low == "to" &&
                figs[*level].tok <= k + 2)
                metric.key = "interest_rate";
        }
        {
            std::optional<size_t> fig = level ? level : amount ? amount : percent;
            const size_t slot = fig ? std::min<size_t>(static_cast<size_t>(ms[figs[*fig].m].type), 3) : 3;
            // "ended 1.8% higher at 823.5 yuan ($113.39) a metric ton": a per-unit phrase right
            // after the new level (past its equivalent in brackets) makes it a price
            // (not when a metric phrase right before the verb is what moved: "its cash cost rose to
            // $55 a tonne", "operating profit rose to £45 per tonne", as metrics.tsv `unit` says)
            const bool moved = metric.tok != SIZE_MAX && metric.tok < anchor && metric.tok + metric.base_n == anchor;
            if (level && !moved) {
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
            if (fig) share_of_market(ms[figs[*fig].m], metric);
            continue_specific(metric);
            continue_metric(metric, slot, 3);
        }
        Subject subj = find_subject(metric, std::min(anchor, metric.tok == SIZE_MAX ? anchor : std::max(anchor, metric.tok)));
        // (an elided verb at a list's comma or "and" before a holder's possessive: "..., France's to
        // 3.8% and Spain's to 3.2%" is France's and Spain's; session 12, diag12)
        if ((toks[ev.tok].low == "," || toks[ev.tok].low == "and") && ev.tok + 1 < toks.size() &&
            sv.tok_mention[ev.tok + 1] != SIZE_MAX) {
            size_t e = ev.tok + 1;
            while (e < toks.size() && sv.tok_mention[e] == sv.tok_mention[ev.tok + 1]) ++e;
            if (sv.possessive_at(e)) e += 2;
            if (e < toks.size() && toks[e].low == "to" && possessive_gap(ev.tok + 1, e)) {
                subj = Subject{};
                subj.names = {ms[sv.tok_mention[ev.tok + 1]].name};
            }
        }
        // "Currency movements added ¥210 billion to operating profit": what adds an amount to a
        // metric is a contributor, described; the metric's holder is implied (the company)
        // ("to half-year operating profit", "to its wage bill": a determiner or a date between)
        if (subj.names.empty() && !subj.description.empty() && anchor < toks.size() && metric.tok != SIZE_MAX &&
            metric.tok > anchor + 1 && (toks[anchor].low == "add" || toks[anchor].low == "adds" || toks[anchor].low == "added")) {
            size_t k = metric.tok - 1;
            while (k > anchor && (kDeterminers.count(toks[k]) ||
                                  (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type == Type::date)))
                --k;
            if (toks[k].low == "to") subj = Subject{};
        }
        // (not for a market quote: "..., according to Fastmarkets" names the price's data provider)
        if (subj.names.empty() && subj.description.empty() &&
            !(lx.scope_of(metric.key) == "quote" || lx.scope_of(metric.key) == "instrument" || lx.market_metrics.count(metric.key))) {
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
                return e < before.size() && lx.data_nouns.count(lower(before.substr(e))) > 0;
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
        list_item_holder(subj);
        stock_target(subj, metric);
        broker_forecast(subj, metric, anchor);
        fiscal_government(subj, metric);
        // "Glencore jumped 5.1%", "Among decliners, Burberry slid 7.8%": a company that itself moves by
        // a percentage, no metric named, moves in its share price
        // (to a new level that is a price per share, not a total: "Infosys rose 1.9% to 1,512 rupees")
        const bool share_level =
            level && ms[figs[*level].m].type == Type::money && ms[figs[*level].m].value && *ms[figs[*level].m].value < 1e5;
        // (or a verb whose object is the percentage itself: "Infosys added 2.7%", "Wipro shed 1%")
        const bool pct_object = percent && figs[*percent].tok == anchor + 1;
        if (metric.key.empty() && percent && !amount && (!level || share_level) && (ev.intransitive || pct_object) &&
            subj.names.size() == 1 &&
            subj.description.empty() && anchor > 0 && sv.tok_mention[anchor - 1] != SIZE_MAX) {
            const Mention& o = ms[sv.tok_mention[anchor - 1]];
            if (o.type == Type::org && o.name == subj.names.front() && std::string_view(o.kind) == "company")
                metric.key = "share_price";
        }
        if (carried) {  // (the running total of the move before: its metric and holder)
            metric = MetricHit{};
            metric.key = carried->metric;
            subj = Subject{};
            if (carried->subject_is_description && !carried->subject.empty()) subj.description = carried->subject.front();
            else subj.names = carried->subject;
        }
        note_traded(subj, metric.key);
        set_subject(subj, j, conf);
        // (with no new level, a per-share amount calls for the per-share form: "would add 3p a
        // share to earnings" is an earnings-per-share change)
        const bool share_amount = !level && amount && ms[figs[*amount].m].type == Type::money && per_share(figs[*amount].m);
        metric_form(metric.key, level ? &ms[figs[*level].m] : share_amount ? &ms[figs[*amount].m] : nullptr, subj.names, true, subj.description);
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
        // "the combined ratio improved 1.3 points to 86.9%": of a ratio where lower is better
        // (metric_scopes.tsv flag `lower_better`), a word that judges the move (words.tsv
        // `evaluative`) says it went the other way: "improved" fell, "worsened" rose
        if (lx.lower_better_metrics.count(j.metric) && lx.evaluative_words.count(toks[ev.tok].low))
            ch.direction = ev.direction == "up" ? "down" : "up";
        // (whatever the metric, a judging word with a new level and the level it came from in
        // the same unit went the way the figures go: "the bad-loan ratio improved to 3.1% from
        // 3.9%" fell)
        if (level && lx.evaluative_words.count(toks[ev.tok].low))
            for (const auto& f : figs)
                if (f.role == Role::baseline && f.of == *level) {
                    const Mention &to = ms[figs[*level].m], &from = ms[f.m];
                    if (to.type == from.type && to.value && from.value && *to.value != *from.value &&
                        std::string_view(to.unit) == std::string_view(from.unit) &&
                        std::string_view(to.currency) == std::string_view(from.currency))
                        ch.direction = *to.value > *from.value ? "up" : "down";
                    break;
                }
        const std::string direction = ch.direction;
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
        // (the factor's words when they are the change word, "doubled"; the verb when the factor
        // sizes it later, "cut its dividend by half")
        const bool factor_word = ev.factor_mention && ms[*ev.factor_mention].span.begin <= toks[ev.tok].begin &&
                                 toks[ev.tok].end <= ms[*ev.factor_mention].span.end;
        ch.text = factor_word ? std::string(t.original_slice(ms[*ev.factor_mention].span)) : static_cast<const std::string&>(ev.verb);
        uint32_t after = toks[ev.tok].end;
        uint32_t limit = next_tok < toks.size() ? toks[next_tok].begin : S.end;
        // the period of the change comes before its baseline's ("up from $89.5bn a year earlier")
        for (size_t f = 0; f < figs.size(); ++f)
            if (figs[f].role == Role::baseline && ((level && figs[f].of == *level) || (percent && figs[f].of == *percent)) &&
                ms[figs[f].m].span.begin > after)
                limit = std::min(limit, ms[figs[f].m].span.begin);
        limit = std::min(limit, clause_end(after));
        std::vector<size_t> own;
        for (auto fi : {level, amount, percent})
            if (fi) own.push_back(figs[*fi].m);
        // (nor past a comma and another figure of the sentence: "Imports edged up 1.2%, leaving a
        // trade surplus of $92.4 billion, compared with $81.7 billion in September": September is
        // the surplus baseline's)
        {
            uint32_t own_end = after;
            for (size_t m : own) own_end = std::max(own_end, ms[m].span.end);
            bool comma = false;
            for (size_t k = sv.token_at(own_end); k < toks.size() && toks[k].begin < limit; ++k) {
                if (toks[k].low == ",") comma = true;
                const size_t m = sv.tok_mention[k];
                if (comma && m != SIZE_MAX && is_value(ms[m]) && std::find(own.begin(), own.end(), m) == own.end()) {
                    limit = std::min(limit, ms[m].span.begin);
                    break;
                }
            }
        }
        // (nor into a second reported clause: "inflation had eased to 2.6% ... and that she
        // expected it to reach the 2% target by late 2027" dates the target, not the easing)
        for (size_t k = sv.token_at(after); k + 1 < toks.size() && toks[k].begin < limit; ++k)
            if ((toks[k].low == "and" || toks[k].low == "but") && toks[k + 1].low == "that") {
                limit = std::min(limit, toks[k].begin);
                break;
            }
        const std::vector<size_t> reserved = reserve_figure_dates(after, own);
        j.period = claim_period(after, limit, used_dates, metric.key, anchor, subj.names.empty() && !subj.description.empty());
        for (size_t d : reserved) used_dates.erase(d);
        if (j.period) conf += j.period.inherited ? 0.02 : 0.05;
        for (size_t f = 0; f < figs.size() && (level || percent); ++f)
                if (figs[f].role == Role::baseline &&
                    ((level && figs[f].of == *level) || (!level && percent && figs[f].of == *percent))) {
                    Baseline& base = j.baseline.emplace();
                    base.value = static_cast<uint32_t>(figs[f].m);
                    const uint32_t be = ms[figs[f].m].span.end;
                    auto bp = baseline_period(be, std::min(clause_end(be), next_figure(be)));
                    // ("up 9.6% from September's NT$241.1 billion": the period's possessive before it)
                    if (const size_t t0 = figs[f].tok; t0 >= 3 && toks[t0 - 1].low == "s" && toks[t0 - 2].low == "'" &&
                        sv.tok_mention[t0 - 3] != SIZE_MAX && ms[sv.tok_mention[t0 - 3]].type == Type::date)
                        bp = sv.tok_mention[t0 - 3];
                    if (bp) base.period = Period{static_cast<uint32_t>(*bp)};
                    break;
                }
        j.sources = claim_sources(conf, metric.key, j, toks[anchor].begin);
        KeyHash key = key_hash("change");
        key.names(subj.names).sep().add(subj.description).sep().add(metric.key).sep();
        if (lv) key.value(*lv);
        key.sep().add(direction).sep();
        if (ev.factor) key.num(*ev.factor);
        key.sep();
        if (amount) key.value(ms[figs[*amount].m]);
        else if (percent) key.value(ms[figs[*percent].m]);
        finish(std::move(j), "change", key, conf);
        made_numeric = true;
    }
}

}  // namespace claimex::claims
