// Amount claims: one per value figure of a sentence that no change claim took, with its
// metric, subject, period, equivalents, baseline and sources. Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>

namespace claimex::claims {

// "We made £412 million, and we did it while holding prices down": a figure a speaker repeats
// inside a quote after the story has already stated it (same type, value and unit, an earlier
// sentence's claim or restatement) is the speaker's echo, no new claim.
bool Assembly::restated_in_quote(size_t f) {
    const Mention& v = ms[figs[f].m];
    if (!v.value || out.empty()) return false;
    bool open = inside_quote;
    for (uint32_t p = S.begin; p < v.span.begin;) {
        const uint32_t q = quote_len(a, p);
        if (q == 0) {
            ++p;
            continue;
        }
        // (a curly mark says which way it turns; a straight one toggles)
        open = q == 1 ? !open : static_cast<unsigned char>(a[p + 2]) == 0x9C;
        p += q;
    }
    // ("Minority shareholders had hoped for the full 43.9 billion reais": a definite article
    // before a figure the story already stated refers back to it)
    size_t k = figs[f].tok;
    // (past "about", "some"; not past "the" itself before a sum: "The £3.5bn rights issue is
    // priced at ..." restates the raise; "the 2% goal" is a target of its own)
    while (k > 0 && toks[k - 1].low != "at" && (toks[k - 1].low != "the" || v.type != Type::money) &&
           (kQualifierSkip.count(toks[k - 1]) || lx.approx_words.count(toks[k - 1])))
        --k;
    static const WordList whole = {"full", "same", "entire", "whole", "original", "earlier", "initial"};
    const bool definite = (k >= 1 && toks[k - 1].low == "the") ||
                          (k >= 2 && toks[k - 2].low == "the" && whole.count(toks[k - 1].low));
    if (!open && !definite) return false;
    auto same = [&](uint32_t m) {
        if (m == kNoMention || ms[m].type != v.type || !ms[m].value || *ms[m].value != *v.value) return false;
        return v.type == Type::money ? ms[m].currency == v.currency : ms[m].unit == v.unit;
    };
    for (const Claim& c : out) {
        if (c.sentence.begin >= S.begin || c.kind == "statement") continue;
        if (same(c.value)) return true;
        for (uint32_t e : c.equivalents)
            if (same(e)) return true;
    }
    return false;
}

void Assembly::amount_claims() {
    // (a good's price: "a pint now costs £4.82 across the country and £6.34 in London" — the
    // verb's token and the good, for the later figures of the sentence)
    size_t good_cost_tok = SIZE_MAX;
    std::string good_cost;
    for (size_t f = 0; f < figs.size(); ++f) {
        if (figs[f].role != Role::value || consumed.count(f)) continue;
        if (restated_in_quote(f)) continue;
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
        size_t fig_end = sv.token_at(v.span.end);
        // "a 1.9 trillion won ($1.4 billion) order": the noun after a restatement in
        // parentheses is the figure's own, as it is right after the figure
        // (also after an approximation word: "96,400 million pesos (about US$102 million) in mining
        // royalties")
        size_t inner = fig_end + 1;
        while (fig_end + 1 < toks.size() && toks[fig_end].low == "(" && inner + 1 < toks.size() &&
               inner < fig_end + 3 && sv.tok_mention[inner] == SIZE_MAX &&
               (kQualifierSkip.count(toks[inner]) || lx.approx_words.count(toks[inner])))
            ++inner;
        if (inner + 1 < toks.size() && toks[fig_end].low == "(" && sv.tok_mention[inner] != SIZE_MAX &&
            ms[sv.tok_mention[inner]].type == v.type) {
            size_t close = sv.token_at(ms[sv.tok_mention[inner]].span.end);
            if (close + 1 < toks.size() && toks[close].low == ")" && toks[close + 1].is_word()) fig_end = close + 1;
        }
        MetricHit metric = find_metric(cs, anchor, std::min(toks.size(), std::min(next_fig_tok, fig_end + 6)), false,
                                       SIZE_MAX, fig_end);
        if (metric.key.empty() && clause_start_tok(anchor, false) < clause_start_tok(anchor))
            metric = find_metric(clause_start_tok(anchor, false), anchor,
                                 std::min(toks.size(), std::min(next_fig_tok, fig_end + 6)), false, SIZE_MAX, fig_end);
        respective_metric(f, metric);
        elided_head(v, anchor, metric);
        elided_figure(v, anchor, fig_end, metric);
        // "Domestic stocks returned 14.1%, foreign stocks 9.8% and private equity 2.9%", "Nurses
        // sent $1.9 billion in May and seafarers $600 million": a short plain phrase and a figure
        // after a list's comma or "and", the verb elided, measure what the verb before them did —
        // the earlier figure's metric, when a verb right before that figure named it (not a
        // noun: "Revenue rose 5% to $9 billion and operating profit $1 billion") — session 23
        if (anchor > 0 && (fig_end >= toks.size() || !(toks[fig_end].bits & (lx.kVerbWord | lx.kChangeWord)))) {
            size_t b = anchor;
            while (b > 0 && anchor - b < 4 && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
                   !(toks[b - 1].bits & (lx.kVerbWord | lx.kChangeWord)) && toks[b - 1].low != "and" &&
                   !kPrepositions.count(toks[b - 1]))
                --b;
            size_t c = b;
            if (c > 0 && toks[c - 1].low == "and") --c;
            if (c > 0 && toks[c - 1].low == ",") --c;
            size_t p = c;
            // (the earlier figure's date: "in May")
            if (p > 1 && sv.tok_mention[p - 1] != SIZE_MAX && ms[sv.tok_mention[p - 1]].type == Type::date) {
                p = sv.token_at(ms[sv.tok_mention[p - 1]].span.begin);
                if (p > 0 && (toks[p - 1].low == "in" || toks[p - 1].low == "on")) --p;
            }
            const size_t pm = b < anchor && c < b && p > 0 ? sv.tok_mention[p - 1] : SIZE_MAX;
            if (pm != SIZE_MAX && ms[pm].type == v.type) {
                const size_t pf = sv.token_at(ms[pm].span.begin);
                for (auto it = out.rbegin(); it != out.rend(); ++it) {
                    if (it->sentence.begin != S.begin) break;
                    if (it->value != pm) continue;
                    size_t n = 0;
                    const Lexicon::Entry* e = pf > 1 && sv.tok_mention[pf - 1] == SIZE_MAX ? metric_phrase(pf - 1, &n) : nullptr;
                    if (e && n == 1 && it->kind == "amount" && !it->metric.empty() && toks[pf - 2].is_word() &&
                        !kDeterminers.count(toks[pf - 2])) {
                        metric = MetricHit{};
                        metric.key = it->metric;
                    }
                    break;
                }
            }
        }
        // "Of that, £1.1bn came from defence customers", "£900m of that will go to families": a part
        // of a figure the story has just given is measured as that whole is, not by a word of
        // where it goes or comes from after it (continue_metric carries the whole's metric)
        if (metric.tok == SIZE_MAX || metric.tok > anchor)
            if (part_of_previous(anchor, fig_end)) metric = MetricHit{};
        // (the whole may close the paragraph before: news paragraphs are short, session 23)
        const bool part_of_whole = whole_restated(clause_start_tok(anchor), anchor) &&
                                   last_claim_para != SIZE_MAX && last_claim_para + 1 >= S_para;
        if (part_of_whole) metric = MetricHit{};
        // "doubling the engineering team to about 400 people": a count whose unit names
        // what is counted governs over a metric phrase that is not next to it.
        // (nor one inside a complement after it, "65,600 mortgages for house purchase", nor the
        // verb of a clause joined after it, "has about 26,000 employees and manages ¥90 trillion")
        const bool after_count =
            metric.tok != SIZE_MAX && fig_end < toks.size() && metric.tok > fig_end &&
            ((metric.tok > fig_end + 1 && kPrepositions.count(toks[fig_end]) && toks[fig_end].low != "of" &&
              toks[fig_end].low != "in") ||
             (metric.tok == fig_end + 1 && clause_conjunctions.count(toks[fig_end]) && anchor > 0 &&
              toks[anchor - 1].low != "of"));  // (not "cuts of 2 million bpd and voluntary cuts")
        // (a unit of goods names no thing counted over a trade or output phrase further back:
        // "exports to India were little changed at 9.8 million tonnes" are exports)
        if (!metric.key.empty() && v.type == Type::quantity &&
            ((metric.tok < anchor && words_between(metric.tok, anchor) > 5 && !lx.goods_units.count(v.unit)) ||
             after_count) &&
            lx.unit_metrics.count(v.unit))
            metric = MetricHit{};
        // "agreed to buy 150 Boeing 737 Max jets": what a deal buys, counted, is no deal's
        // value; the count's unit says what it is, or it makes no claim (metric_forms.tsv `count`)
        if (!metric.key.empty() && v.type == Type::quantity) {
            if (auto it = lx.metric_forms.find(metric.key); it != lx.metric_forms.end()) {
                for (const auto& [when, to] : it->second) {
                    if (when == "count" && to == "unit") metric = MetricHit{};
                    // (or names it: "end-September stocks at 2.22 million tonnes" is inventory)
                    // (a count of goods only: "Tourist arrivals reached 35.5 million" stays arrivals)
                    else if (when == "count" && lx.goods_units.count(v.unit)) metric.key = to;
                }
            }
        }
        const size_t slot = std::min<size_t>(static_cast<size_t>(v.type), 3);
        // "The business climate index rose to 88.4. Economists polled by Reuters had forecast a
        // reading of 87.8": an index level in a sentence that names no metric is a level of the
        // paragraph's index (session 19, probes19); with none, it makes no claim
        if (metric.key.empty() && v.type == Type::quantity && std::string_view(v.unit) == "point") {
            continue_metric(metric, slot, slot);
            if (metric.key.empty()) continue;
        }
        if (metric.key.empty() && v.type == Type::quantity) {
            // "cut 1,200 jobs", "2 million bpd": the unit names what is counted; a count
            // of nothing measured ("20 countries", "three models") is no claim.
            auto it = lx.unit_metrics.find(v.unit);
            if (it == lx.unit_metrics.end()) continue;
            // ("a 4,250 TEU ship", "an 800-room resort": a count after "a" that sizes the noun
            // after it describes a thing, it measures nothing; but a plant's or a project's
            // capacity is its size as a figure: "a 1.2 GW wind farm")
            if (it->second != "capacity" && anchor > 0 && (toks[anchor - 1].low == "a" || toks[anchor - 1].low == "an") && fig_end < toks.size() &&
                toks[fig_end].is_word() && sv.tok_mention[fig_end] == SIZE_MAX &&
                std::islower(static_cast<unsigned char>(a[toks[fig_end].begin])) && !kPrepositions.count(toks[fig_end]) &&
                !clause_conjunctions.count(toks[fig_end]) && !(toks[fig_end].bits & (lx.kVerbWord | lx.kChangeWord)))
                continue;
            metric.key = it->second;
        }
        // "The pricing values Quillon at about $7.4 billion": a figure a verb of valuing puts on a
        // company is its valuation, whatever metric the sentence named before ("Values climbed"
        // in a house-price story names no valuation: no "at")
        // ("Shares rose 4% to ¥3,912, valuing the company at ¥7.8 trillion": what the market
        // puts on it after a move of its shares is its market value, not a deal's valuation)
        if (v.type == Type::money) {
            Subject object;
            size_t verb = SIZE_MAX;
            if (valued_object(anchor, object, &verb)) {
                const char* key = share_move_before(verb) ? "market_value" : "valuation";
                if (metric.key != key) {
                    metric = MetricHit{};
                    metric.key = key;
                }
            }
        }
        share_of_market(v, metric);
        inflation_goal(v, metric);
        inflation_aim(v, anchor, metric);
        spent_on(v, metric);
        jobs_at_risk(v, metric);
        parallel_profit(metric);
        continue_specific(metric, true);
        // ("sold 9 billion euros of bonds, the top of its target range of 7.5 billion to 9 billion
        // euros": a target in money is no inflation target; the sentence's metric goes on)
        if (v.type == Type::money && metric.key == "inflation_target") metric = MetricHit{};
        continue_metric(metric, slot, slot);
        Subject subj = find_subject(metric, anchor);
        if (subj.names.empty() && subj.description.empty() && !qa_description.empty()) subj.description = qa_description;
        qa_description.clear();
        // "expects Germany to grow 0.8% next year, France 1.1% and Italy 0.7%": an area right
        // before a figure in a list after the sentence's first figure is that figure's holder
        // (and a company's: "BYD faces an extra 17.4%, Geely 20% and state-owned SAIC Motor 38.1%",
        // past one plain modifier)
        if (f > 0 && anchor > 1 && sv.tok_mention[anchor - 1] != SIZE_MAX) {
            const Mention& p = ms[sv.tok_mention[anchor - 1]];
            size_t pb = sv.token_at(p.span.begin);
            const bool company = p.type == Type::org && std::string_view(p.kind) == "company";
            if (company && pb > 1 && toks[pb - 1].is_word() && sv.tok_mention[pb - 1] == SIZE_MAX &&
                !(toks[pb - 1].bits & (lx.kVerbWord | lx.kChangeWord)) && !kDeterminers.count(toks[pb - 1]) &&
                !kPrepositions.count(toks[pb - 1]) && toks[pb - 1].low != "and")
                --pb;
            if (((p.type == Type::place && area_of(p)) || company) && pb > 0 &&
                (toks[pb - 1].low == "," || toks[pb - 1].low == "and")) {
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
            while (c > 0 && (kQualifierSkip.count(toks[c - 1]) || lx.average_words.count(toks[c - 1]) || toks[c - 1].low == "of"))
                --c;
            const bool costs = c > 0 && sv.tok_mention[c - 1] == SIZE_MAX &&
                               (toks[c - 1].low == "costs" || toks[c - 1].low == "cost");
            if (costs) {
                // (the phrase starts the sentence or follows a punctuation mark: "at the bar: a pint")
                size_t e = c - 1;
                while (e > 1 && trailing_adverbs.count(toks[e - 1])) --e;
                size_t b = e;
                while (b > 1 && e - b < 6 && toks[b - 1].is_word() && sv.tok_mention[b - 1] == SIZE_MAX &&
                       !(toks[b - 1].bits & lx.kVerbWord) && toks[b - 1].low != "a" && toks[b - 1].low != "an")
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
            const bool quoted = e < toks.size() && (toks[e].low == "to" || toks[e].low == "per" || toks[e].low == "against");
            // (the currency's name by its code, which a symbol has too: "¥145 to the dollar" is the
            // yen's, "48.9 pounds per dollar" in an Egyptian story the Egyptian pound's; the word
            // after names the currency it is quoted in — session 25, rules/claims/currencies.tsv)
            const auto named = lx.currency_subjects.find(std::string_view(v.currency));
            bool against = false;
            for (size_t k = e + 1; quoted && k < toks.size() && k <= e + 3 && toks[k].is_word(); ++k)
                if (lx.quote_currencies.count(toks[k].low)) against = true;  // (words.tsv quote_currency)
            if (against && named != lx.currency_subjects.end()) {
                subj = Subject{};
                subj.description = named->second;
                subj.named_instrument = true;
            } else if (quoted && last > w && toks[last].is_word() &&
                       !std::isdigit(static_cast<unsigned char>(toks[last].low[0]))) {
                subj = Subject{};
                subj.description = std::string(sv.slice(toks[last].begin, toks[last].end));
                subj.named_instrument = true;
            }
        }
        // "will save borrowers about €4.5bn", "would cost small businesses £900m": a group
        // (a `holder` noun) right before the figure, the verb's object, is whose figure it is.
        {
            size_t k = anchor;
            k = past_qualifiers(k);
            auto verb = [&](size_t i) { return (toks[i].bits & lx.kVerbWord) || (toks[i].bits & lx.kChangeWord); };
            // "would cost his company EUR 110m": the company the possessive refers back to
            if (k > 2 && lx.company_nouns.count(toks[k - 1]) && sv.tok_mention[k - 1] == SIZE_MAX &&
                (toks[k - 2].low == "his" || toks[k - 2].low == "her" || toks[k - 2].low == "its" ||
                 toks[k - 2].low == "their" || toks[k - 2].low == "our"))
                if (const Mention* c = last_company_before(toks[k - 1].begin)) {
                    subj = Subject{};
                    subj.names = {c->name};
                }
            if (k > 2 && lx.holder_nouns.count(toks[k - 1]) && sv.tok_mention[k - 1] == SIZE_MAX && !verb(k - 1)) {
                size_t b = k - 1;  // one plain modifier may come before ("small businesses")
                if (!verb(k - 2) && toks[k - 2].is_word() && !kDeterminers.count(toks[k - 2]) && verb(k - 3)) b = k - 2;
                if (verb(b - 1) || (b >= 2 && toks[b - 1].is_word() && !kDeterminers.count(toks[b - 1]) && verb(b - 2))) {
                    subj = Subject{};
                    subj.description = std::string(sv.slice(toks[b].begin, toks[k - 1].end));
                }
            }
        }
        // ("The figure beat the ¥29.5 billion analysts had expected": the figure just given's holder)
        if (part_of_whole ||
            (subj.names.empty() && whole_restated(clause_start_tok(anchor), anchor, true) &&
             last_claim_para == S_para))
            subj = last_claim_subject;
        instrument_referent(subj, metric.key, anchor);
        forecaster_holder(subj, metric, anchor);
        lent_to(v, metric, subj, anchor);
        // ("The company said the plant would cost €2.1 billion", "a new mill, which could cost up to
        // $900 million": what a company's own plant costs to build is its capital spending, and the
        // plant is no holder — the owner is implied, as for spending on a plant — session 23)
        // (and the people it will employ are the owner's: "the mill would ... employ about 600 people")
        std::string facility;  // (the plant's words, kept when no owner is implied)
        if (metric.key == "cost" || metric.key == "employees") {
            static const StringSet facilities = {"plant", "factory", "facility", "mill", "refinery", "smelter",
                                                 "fab", "mine", "gigafactory", "terminal", "warehouse"};
            const size_t sp = subj.description.find_last_of(' ');
            if (subj.names.empty() && !subj.description.empty() &&
                facilities.count(lower(sp == std::string::npos ? subj.description : subj.description.substr(sp + 1)))) {
                if (metric.key == "cost") metric.key = "capital_expenditure";
                facility.swap(subj.description);
            }
            for (size_t k = anchor; metric.key == "cost" && k-- > 2 && anchor - k <= 8;) {
                if (toks[k].low == ";" || toks[k].low == ".") break;
                if (toks[k].low == "which" && toks[k - 1].low == "," && facilities.count(toks[k - 2].low))
                    metric.key = "capital_expenditure";
            }
        }
        implied_subject(subj, metric, anchor);
        if (!facility.empty() && subj.names.empty() && subj.description.empty()) subj.description = facility;
        continue_subject(subj);
        list_item_holder(subj);
        broker_forecast(subj, metric, anchor);
        stock_target(subj, metric);
        fiscal_government(subj, metric);
        note_traded(subj, metric.key);
        set_subject(subj, j, conf);
        metric_form(metric.key, &v, subj.names, false, subj.description);
        if (part_of_whole && !last_claim_metric.empty()) metric.key = last_claim_metric;  // (the whole's final form)
        j.metric = metric.key;
        j.metric_text = metric.text;
        if (!metric.key.empty()) conf += 0.1;
        j.value = static_cast<uint32_t>(figs[f].m);
        for (const auto& g : figs)
            if (g.role == Role::equivalent && g.of == f) j.equivalents.push_back(static_cast<uint32_t>(g.m));
        uint32_t limit = next_fig_tok < toks.size() ? toks[next_fig_tok].begin : S.end;
        // "earned $5.1 billion, or $1.52 per share, in the three months ended Sept. 30": the
        // per-share restatement right after the figure shares the date after both
        bool restated = false;
        if (next_fig_tok + 3 < toks.size() && next_fig_tok >= 2 && toks[next_fig_tok - 1].low == "or" &&
            toks[next_fig_tok - 2].low == ",") {
            size_t e = sv.token_at(ms[sv.tok_mention[next_fig_tok]].span.end);
            if (e + 1 < toks.size() && (toks[e].low == "a" || toks[e].low == "per") && toks[e + 1].low == "share") {
                restated = true;
                limit = S.end;
                for (const auto& g : figs)
                    if (g.role == Role::value && g.tok > e + 1) {
                        limit = toks[g.tok].begin;
                        break;
                    }
            }
        }
        // the period of the value comes before its baseline's
        uint32_t base_begin = limit;
        for (const auto& g : figs)
            if (g.role == Role::baseline && g.of == f) {
                base_begin = std::min(base_begin, ms[g.m].span.begin);
                // ("(FY24: ¥288 billion)": the label is the baseline's date)
                if (size_t d = colon_date(g.tok); d != SIZE_MAX)
                    base_begin = std::min(base_begin, ms[d].span.begin);
            }
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
                        // ("The company, which employs 31,500 people in 214 stores, said it had no
                        // plans to close shops in the coming year": the clause closes on the holder's
                        // verb of saying, and what follows is the reported content's, not the figure's)
                        if (!later_figure && e + 1 < toks.size() && lx.speech_verbs.count(toks[e + 1]))
                            later_figure = true;
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
        j.period = claim_period(v.span.end, base_begin, used_dates, good_price ? kNoMetric : metric.key, anchor,
                                subj.names.empty() && !subj.description.empty());
        if (restated && j.period && !j.period.inherited && ms[j.period.mention].span.begin > toks[next_fig_tok].begin)
            used_dates.erase(j.period.mention);  // (the restatement's too)
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
                if (size_t d = colon_date(g.tok); d != SIZE_MAX) bp = d;
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
}

}  // namespace claimex::claims
