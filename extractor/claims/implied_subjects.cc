// The subject a sentence leaves implied, and the subject a claim gets.
// "Revenue rose 12 per cent": a claim with no subject of its own is about the
// subject of the paragraph's previous claim (marked as a fallback).
// A subject that is missing, a person (the speaker), or no real noun phrase ("about",
// "Revenue", "company also", "the stock") is implied by the metric's scope
// (rules/claims/metric_scopes.tsv): the economy (a demonym in the clause, else the
// country the article names most), the central bank, or the company (the last named
// in the paragraph, else the one the article names most).
// Also: the instrument a traded metric's anaphor refers to ("the metal", "the index"), and
// writing a subject into a claim. Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>

namespace claimex::claims {

// The last country or area named before the sentence in its paragraph, not as a trade partner.
std::string Assembly::paragraph_area() {
    std::string name;
    if (t.paragraphs().empty()) return name;
    const text::Span P = t.paragraphs()[S_para];
    auto it = std::lower_bound(ms.begin(), ms.end(), P.begin,
                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
    for (; it != ms.end() && it->span.begin < S.begin; ++it)
        if (it->type == Type::place && (std::string_view(it->kind) == "country" || lx.areas.count(it->name))) {
            std::string w = word_near(it->span.begin, false);
            if (w == "the") {
                uint32_t b = it->span.begin;
                while (b > 0 && a[b - 1] == ' ') --b;
                w = word_near(b - std::min<uint32_t>(b, 3), false);
            }
            if (!lx.partner_words.count(w)) name = it->name;
        }
    return name;
}

// A demonym anywhere before the figure in its sentence, else the one country or area the
// sentence names after it (not a partner); empty when none or several.
std::string Assembly::sentence_area(size_t anchor) {
    const size_t end = std::min(anchor, toks.size());
    for (size_t k = 0; k < end; ++k) {
        size_t p = k > 0 && toks[k - 1].low == "the" ? k - 1 : k;
        if (p > 0 && lx.partner_words.count(toks[p - 1])) continue;  // "exports to the US"
        size_t n = 0;
        if (const Lexicon::Entry* e = demonym(k, &n)) return e->value;
    }
    std::string name;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        if (m.type != Type::place || anchor >= toks.size() || m.span.begin < toks[anchor].begin) continue;
        const std::string* area = area_of(m);
        if (!area || partner_listed(&m) || *area == name) continue;
        // ("exports fell 9.4% as buyers in India cut purchases": a place in a clause of reason
        // or time after the figure is no holder of it)
        bool opener = false;
        for (size_t k = anchor + 1; k < toks.size() && toks[k].begin < m.span.begin && !opener; ++k)
            opener = sv.tok_mention[k] == SIZE_MAX && kClauseOpeners.count(toks[k]) &&
                     !(k > 0 && (toks[k - 1].low == "as" || toks[k - 1].low == "such" || toks[k - 1].low == "much"));
        if (opener) continue;
        if (!name.empty()) return {};
        name = *area;
    }
    return name;
}

// A country or area named before the figure in its sentence (not a partner), else in its
// paragraph: the economy a company-type figure of a story with no company belongs to.
std::string Assembly::named_area(size_t anchor) {
    std::string name;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        if (m.type != Type::place || m.span.begin >= toks[std::min(anchor, toks.size() - 1)].begin) continue;
        if (const std::string* area = area_of(m); area && !partner_listed(&m)) name = *area;
    }
    return name.empty() ? paragraph_area() : name;
}

// A description subject (no names): its head word, whether it names no holder of the figure
// (`bad`: the holder is implied) or is no noun phrase at all (`garbage`). True when it found
// the group whose figure it is ("Household debt", "wages for permanent employees"): the
// description, narrowed to that group, is the subject.
// "The ministry kept its deficit target at 4.5% of GDP": a lone ministry before a fiscal figure
// stands for its country (judge_description, implied_subject — session 23).
bool Assembly::fiscal_ministry(std::string_view head, const MetricHit& metric) const {
    return head == "ministry" && !metric.key.empty() && lx.fiscal_metrics.count(metric.key);
}

bool Assembly::judge_description(Subject& s, const MetricHit& metric, bool& bad, bool& garbage, std::string& head) {
    // (the description's words in scratch kept from claim to claim: judge_description is never
    // re-entered)
    std::string& d_low = describe_low;
    d_low.assign(s.description.size(), '\0');
    std::vector<Token>& d = describe_toks;
    d.clear();
    tokenize(s.description, d_low, {0, static_cast<uint32_t>(s.description.size())}, d);
    static const StringSet trailing = {"also", "now", "still", "already",
                                                                "alone", "itself", "too", "meanwhile", "to"};
    // (and words no noun phrase ends with, where the phrase was cut: "benchmark palm oil contract
    // for | May delivery")
    size_t last_word = d.size();
    while (last_word > 0 && !d[last_word - 1].is_word()) --last_word;
    const bool open_end = last_word > 0 && kOpenEnds.count(d[last_word - 1].low) > 0;
    while (!d.empty() && (trailing.count(d.back().low) || !d.back().is_word() || kOpenEnds.count(d.back().low))) d.pop_back();
    // "The freeze on fuel duty ... at a cost of £3bn", "The new income tax slabs announced in
    // the speech will cost ...", "extending the freeze on fuel duty for another year would
    // cost": a budget or policy measure (a `measure` word in its head, before any
    // complement or participle) is the figure's subject, tax words and all; the
    // description keeps the head and its first complement ("freeze on fuel duty").
    bool measure = false;
    if (!d.empty()) {
        auto ing = [](std::string_view w) { return w.size() > 4 && w.substr(w.size() - 3) == "ing"; };
        auto ed = [](std::string_view w) { return w.size() > 4 && w.substr(w.size() - 2) == "ed"; };
        size_t b = 0;
        if (d.size() > 2 && ing(d[0].low)) ++b;
        while (b + 1 < d.size() && kDeterminers.count(d[b].low)) ++b;
        size_t h = d.size(), e = d.size();
        for (size_t k = b + 1; k < d.size(); ++k)
            if (kPrepositions.count(d[k].low) || ed(d[k].low)) {
                h = k;
                if (!ed(d[k].low))
                    for (size_t j = k + 1; j < d.size(); ++j)
                        if (kPrepositions.count(d[j].low) || ed(d[j].low)) {
                            e = j;
                            break;
                        }
                if (ed(d[k].low)) e = k;
                break;
            }
        for (size_t k = b; k < h && k < b + 5 && !measure; ++k) measure = lx.measure_nouns.count(d[k].low) > 0;
        if (measure && e > b && e - b <= 8) {
            const uint32_t base = d[b].begin;
            s.description = s.description.substr(base, d[e - 1].end - base);
            d.erase(d.begin() + static_cast<std::ptrdiff_t>(e), d.end());
            for (Token& k : d) k.begin -= std::min(k.begin, base), k.end -= std::min(k.end, base);  // (offsets into the new text)
            d.erase(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(b));
        } else {
            measure = false;
        }
    }
    static const StringSet junk = {
        "about", "roughly", "nearly", "almost", "just", "some", "first", "around", "over", "under",
        "more", "less", "each", "every", "only", "even", "all", "most", "many", "several", "few",
        "against", "a", "an", "it", "its", "new", "another", "one", "both", "such",
        // (a clause's or phrase's opener is no subject: "ahead of the $3.95 billion analysts had
        // expected")
        "and", "but", "or", "ahead", "as", "while", "whereas", "than", "then", "because", "though",
        // (nor a part of a whole named before it: "fund £2bn of investment, including £400m to fix
        // leaks" — session 23)
        "including", "excluding"};
    garbage = d.empty() || (!measure && junk.count(d.front().low)) || d.size() > 8;  // ("new income tax slabs")
    // (no noun phrase starts with a preposition or ends with "that": "said on Tuesday that 1,400
    // jobs were at risk" leaves "on Tuesday that" before the figure)
    garbage |= !d.empty() && (kPrepositions.count(d.front()) > 0 || d.back().low == "that");
    // (nor one word left of a phrase cut where no noun phrase ends: "price of", "slower than")
    garbage |= open_end && d.size() <= 1;
    // (nor a metric's own modifier left alone when the metric took the words after it: "the
    // average realised price fell" leaves "average" — session 24)
    static const StringSet modifiers_alone = {"average", "median", "overall", "total", "combined", "annual"};
    garbage |= d.size() == 1 && modifiers_alone.count(d[0].low) > 0;
    // (nor a phrase that ends on a past tense the verb list lacks, its verb: "Vans accounted for
    // 2,100", "The council adopted a $90 million budget", "... and operated 1,400 shops" — the
    // clause's subject is the story's, implied — session 23)
    // (a phrase naming a metric is judged below, not here — "The sale comprised"; nor is a verb
    // that names the metric, which the metric steps cut: "Chinese carmakers exported 5.1 million
    // vehicles")
    bool names_metric = false;
    for (size_t k = 0; k < d.size() && !names_metric; ++k) names_metric = lx.metrics.match(d, k, nullptr) != nullptr;
    if (!d.empty() && d.back().is_word() && !names_metric) {
        const std::string_view w = d.back().low;
        const bool past = w.size() > 5 && w.substr(w.size() - 2) == "ed" && w[w.size() - 3] != 'e' && w != "hundred";
        garbage |= past && (d.size() >= 2 ? !kDeterminers.count(d[d.size() - 2].low) && d[d.size() - 2].is_word() : true);
    }
    for (const Token& k : d)
        for (char c : k.low) garbage |= std::isdigit(static_cast<unsigned char>(c)) != 0;
    bad |= names_metric;
    if (!d.empty()) head = d.back().low;
    static const StringSet generic = {
        "company", "group", "firm", "bank", "lender", "developer", "stock", "shares", "share",
        "economy", "unit", "business", "carmaker", "automaker", "chipmaker", "miner", "insurer",
        "retailer", "startup", "operator", "conglomerate", "watchdog", "quarter", "period", "year",
        "half", "month", "offer", "programme", "program", "producer", "exporter", "country",
        "division", "segment", "arm", "portfolio", "subsidiary", "units", "divisions", "businesses", "board", "maker",
        "drugmaker", "airline", "brewer", "steelmaker", "provider"};
    bad |= garbage || generic.count(head) > 0;
    // "the money would be used to ... double its workforce": "its" before a company's
    // metric refers to the company, not to a plain phrase heading the clause
    bad |= metric.tok != SIZE_MAX && metric.tok > 0 && toks[metric.tok - 1].low == "its" &&
           !metric.key.empty() && lx.scope_of(metric.key) == "company";
    // "Domestic stocks returned 14.1%", "private equity 2.9%": an asset class's return is the
    // investor's, the fund's the story is about (session 23)
    static const StringSet asset_classes = {"stocks", "equities", "equity", "bonds", "estate", "credit",
                                            "infrastructure", "commodities", "treasuries", "gilts", "income"};
    bad |= metric.key == "investment_return" && asset_classes.count(head) > 0;
    // "The labour market remained tight, with the jobless rate at 2.8%": the economy's
    bad |= head == "market" && !metric.key.empty() && lx.scope_of(metric.key) == "economy";
    // "Figures from the ONS showed ...": the data's publisher is no holder
    bad |= !d.empty() && (lx.data_nouns.count(d.front().low) > 0 || lx.data_nouns.count(d.back().low) > 0);
    // "the government", "the Centre" (none named): the economy's figure (below)
    // ("the state" in a state's budget story: the story's area, California or Bavaria)
    const bool state_noun = d.size() == 1 && head == "state";
    bad |= (d.size() == 1 && government_nouns.count(head) > 0) || state_noun;
    // ("the central government posted a primary surplus", "the federal government's deficit": a
    // fiscal statistic (an economy-scope metric) of the level of government its adjective names is
    // the economy's too; the spending it promises stays its own — session 24)
    bad |= d.size() == 2 && government_nouns.count(head) > 0 && !metric.key.empty() &&
           lx.fiscal_metrics.count(metric.key) > 0 && lx.scope_of(metric.key) == "economy" &&
           (d[0].low == "central" || d[0].low == "federal" || d[0].low == "national" || d[0].low == "general");
    // ("The ministry kept its deficit target at 4.5% of GDP": a country's fiscal figure, not the
    // ministry's — session 23)
    bad |= d.size() == 1 && fiscal_ministry(head, metric);
    if (measure && !garbage) bad = false;
    // "Businesses get an investment allowance worth ...": a holder word alone is a group
    if (bad && !garbage && d.size() == 1 && lx.holder_nouns.count(head)) bad = false;
    // "Average hourly wages for permanent employees rose": a complement after the metric
    // that names a group (a holder word) is whose figure it is.
    if (bad && !garbage)
        for (size_t k = 0; k + 2 < d.size(); ++k) {
            size_t n = 0;
            const Lexicon::Entry* e = lx.metrics.match(d, k, &n);
            if (!e) continue;
            if (e->value != metric.key) break;  // the phrase is about another figure's metric
            size_t c = k + n;
            if (c + 1 < d.size() && (d[c].low == "for" || d[c].low == "of" || d[c].low == "among")) {
                bool holder = false, plain = true;
                for (size_t j = c + 1; j < d.size(); ++j) {
                    holder |= lx.holder_nouns.count(d[j].low) > 0;
                    plain &= d[j].is_word();
                }
                size_t d0 = c + 1;
                while (d0 + 1 < d.size() && kDeterminers.count(d[d0])) ++d0;
                if (holder && plain) {
                    s.description = s.description.substr(d[d0].begin, d.back().end - d[d0].begin);
                    return true;
                }
            }
            break;
        }
    // "Household debt rose", "Consumer spending fell": a holder word before the metric
    // names whose figure it is (a group: "households"), not the story's company or economy.
    if (bad && !garbage)
        for (size_t k = 1; k < d.size(); ++k) {
            size_t n = 0;
            const Lexicon::Entry* e = lx.metrics.match(d, k, &n);
            if (!e) continue;
            if (e->value != metric.key) break;  // the phrase is about another figure's metric
            bool holder = false, plain = true;
            for (size_t j = 0; j < k; ++j) {
                holder |= lx.holder_nouns.count(d[j].low) > 0;
                plain &= d[j].is_word();
            }
            if (holder && plain) {
                s.description = s.description.substr(d[0].begin, d[k - 1].end - d[0].begin);
                return true;
            }
            break;
        }
    // "European mergers and acquisitions rose 14%", "Global chip sales": a company's kind of
    // figure that only a demonym or "global" qualifies is a market's total, described in the
    // article's words (up to the metric), not the story's company's.
    if (bad && !garbage && !metric.key.empty() && lx.scope_of(metric.key) == "company")
        for (size_t k = 1; k < d.size(); ++k) {
            size_t n = 0;
            const Lexicon::Entry* e = lx.metrics.match(d, k, &n);
            if (!e) continue;
            if (e->value != metric.key) break;
            size_t dn = 0;
            const bool area = d[0].low == "global" || d[0].low == "worldwide" || d[0].low == "european" || d[0].low == "asian" ||
                              (lx.demonyms.match(d, 0, &dn) != nullptr && dn > 0);
            bool plain = true;
            for (size_t j = 0; j < k; ++j) plain &= d[j].is_word() && !lx.holder_nouns.count(d[j].low);
            if (area && plain && k <= 3) {
                s.description = s.description.substr(d[0].begin, d[k + n - 1].end - d[0].begin);
                return true;
            }
            break;
        }
    // "sales of hybrids", "exports of semiconductors", "investment in real estate": a
    // complement that names a product, not a holder (holder nouns: "the market value
    // of American companies"), leaves the company or economy implied.
    if (s.complement && !bad) {
        const std::string_view sc = metric.key.empty() ? std::string_view() : lx.scope_of(metric.key);
        bool holder = false;
        for (const Token& k : d) holder |= lx.holder_nouns.count(k.low) > 0;
        bad = !holder && (sc == "company" || sc == "economy") && !lx.of_holder_metrics.count(metric.key);
    }
    return false;
}

void Assembly::implied_subject(Subject& s, const MetricHit& metric, size_t anchor) {
    // "Figures from the ONS showed an unemployment rate of 4.1%", "The Bank of Japan halved
    // its growth forecast": an economy's statistic is the economy's, not that of the
    // statistics office or central bank that publishes or forecasts it (jurisdictions.tsv).
    // (only for a metric the sentence names: one carried over from the paragraph may not be
    // what the bank acts on — "expect the BSP to cut again by 25 basis points")
    // (not a stock the bank itself holds: "the central bank's foreign exchange reserves")
    if (s.names.size() == 1 && !metric.key.empty() && metric.tok != SIZE_MAX && lx.scope_of(metric.key) == "economy")
        for (size_t i : sv.mentions) {
            const Mention& m = ms[i];
            if (m.type != Type::org || m.name != s.names.front()) continue;
            std::string_view kind = m.kind;
            if (kind != "agency" && kind != "central_bank") continue;
            if (kind == "central_bank" && lx.held_metrics.count(metric.key)) continue;
            if (const std::string* area = area_of(m)) {
                s.authority = s.names.front();
                s.names = {*area};
                return;
            }
        }
    // ... and so is one by a central bank the sentence refers back to ("The central bank cut its
    // inflation forecast for 2027 to 0.3%": the economy's inflation, the bank's forecast)
    if (s.names.size() == 1 && !metric.key.empty() && metric.tok != SIZE_MAX && lx.scope_of(metric.key) == "economy" &&
        !lx.held_metrics.count(metric.key))
        for (const Mention* cb : central_banks)
            if (cb->name == s.names.front()) {
                if (const std::string* area = area_of(*cb)) {
                    s.authority = s.names.front();
                    s.names = {*area};
                    return;
                }
                break;
            }
    // "The finance ministry's draft budget foresees a deficit of 40 billion zlotys", "the Treasury's
    // borrowing": a ministry, treasury or department stands for its state, so an economy's figure
    // it holds is the economy's (the government named as an entity, "Government of India", keeps
    // its fiscal figures; a department's own allocation, `budget`, and a debt office's bond sales
    // stay its own, corpus/CLAIMS.md).
    bool body_economy = false;
    if (s.names.size() == 1 && !metric.key.empty() && lx.scope_of(metric.key) == "economy" && metric.key != "budget")
        for (size_t i : sv.mentions) {
            const Mention& m = ms[i];
            if (m.type != Type::org || m.name != s.names.front() || std::string_view(m.kind) != "government") continue;
            const std::string_view n = m.name;
            if (!ministry_name(n) && n.find("Debt") == std::string_view::npos) continue;
            s.authority = s.names.front();
            if (const std::string* area = area_of(m)) {
                s.names = {*area};
                return;
            }
            s.names.clear();
            body_economy = true;
            break;
        }
    bool persons = !s.names.empty();
    for (const auto& n : s.names) {
        bool person = false;
        for (size_t i : sv.mentions) person |= ms[i].type == Type::person && ms[i].name == n;
        persons &= person;
    }
    bool bad = false, garbage = false;
    std::string head;
    if (s.names.empty() && !s.description.empty()) {
        if (judge_description(s, metric, bad, garbage, head)) return;
    }
    if (s.named_instrument) return;
    if (!persons && !(s.names.empty() && (s.description.empty() || bad))) return;
    // "Japan's exports rose 2.8%, ..., with shipments of chipmaking equipment up 19%": a
    // product's figure in a later clause belongs to the holder the sentence already named.
    if (s.complement && bad && last_subject_sentence == S.begin && !last_subject.empty()) {
        s.names = last_subject;
        s.description.clear();
        s.fallback = true;
        return;
    }
    std::string_view scope = metric.key.empty() ? std::string_view() : lx.scope_of(metric.key);
    // A metric phrase may have a scope of its own ("defence spending", "government spending":
    // the economy's, where "spending" is a company's): metric_scopes.tsv rows with a space.
    if (metric.tok != SIZE_MAX && metric.base_n > 1 && metric.tok + metric.base_n <= toks.size()) {
        std::string phrase;
        for (size_t k = metric.tok; k < metric.tok + metric.base_n; ++k) {
            if (!phrase.empty()) phrase += ' ';
            phrase += toks[k].low;
        }
        if (std::string_view sc = lx.scope_of(phrase); !sc.empty()) scope = sc;
    }
    // (a lone "ministry" before a fiscal figure, judge_description: the economy's — session 23)
    if (s.names.empty() && bad && (government_nouns.count(head) || head == "state" || fiscal_ministry(head, metric)) &&
        scope != "bank")
        scope = "economy";
    if (body_economy) scope = "economy";
    // "said the country's debt would peak at 138% of GDP": a country referred back to holds it
    if (s.names.empty() && metric.tok != SIZE_MAX && metric.tok >= 3 && sv.possessive_at(metric.tok - 2) &&
        (toks[metric.tok - 3].low == "country" || toks[metric.tok - 3].low == "nation"))
        scope = "economy";
    // "'We will double our missile production capacity by 2028,' the chief executive said": a
    // metric with no scope after a first-person possessive is the speaking company's
    if (scope.empty() && metric.tok != SIZE_MAX)
        for (size_t k = metric.tok; k > 0 && metric.tok - k < 4; --k)
            if (toks[k - 1].low == "our") {
                scope = "company";
                break;
            }
    if (scope.empty()) {
        if (head == "economy" || head == "country" || head == "government") scope = "economy";
        else if (head == "bank") scope = "bank";
        else if (!head.empty() && head != "quarter" && head != "period" && head != "year" &&
                 head != "half" && head != "month" && !garbage)
            scope = "company";
    }
    std::string name;
    // "Halberd expects the deal to ... cutting 1,100 jobs": the jobs a company that heads the
    // sentence cuts or adds are its own (metric_forms.tsv turns them into its workforce).
    // (also a company releasing the sentence before the figure: "Zhenghe Auto said its
    // net profit rose 40%, as overseas shipments more than doubled")
    const Mention* company_holder = nullptr;
    if (forecast_holder && forecast_holder->type == Type::org && std::string_view(forecast_holder->kind) == "company")
        company_holder = forecast_holder;
    for (size_t i : sv.mentions)
        if (!company_holder && ms[i].type == Type::source && !ms[i].name.empty() && anchor < toks.size() &&
            ms[i].span.end <= toks[anchor].begin) {
            // (the story's company: not a bank's economists or a ministry speaking)
            if (ms[i].name == doc_company) company_holder = &ms[i];
        }
    if (scope == "economy" && company_holder && !persons) {
        auto f = lx.metric_forms.find(metric.key);
        bool company_form = false;
        if (f != lx.metric_forms.end())
            for (const auto& [when, key] : f->second) company_form |= when == "company";
        if (company_form) scope = "company_holder";
    }
    if (scope == "company_holder") {
        name = company_holder->name;
    } else if (scope == "economy") {
        for (size_t k = clause_start_tok(anchor); k < anchor && name.empty(); ++k) {
            size_t p = k > 0 && toks[k - 1].low == "the" ? k - 1 : k;
            if (p > 0 && lx.partner_words.count(toks[p - 1])) continue;  // "exports to the US"
            size_t n = 0;
            if (const Lexicon::Entry* e = demonym(k, &n)) name = e->value;
        }
        // a country or area named before the figure in the sentence ("In the euro area,
        // consumer prices rose", "Shipments to the US, Vietnam's biggest market, jumped"),
        // not a trade partner: the last one
        if (name.empty())
            for (size_t i : sv.mentions) {
                const Mention& m = ms[i];
                if (m.type != Type::place || m.span.begin >= toks[std::min(anchor, toks.size() - 1)].begin) continue;
                const std::string* area = area_of(m);
                if (area && !partner_listed(&m)) name = *area;
            }
        // a statistics office or ministry reporting it ("..., the Labor Department said")
        if (name.empty())
            for (size_t i : sv.mentions)
                if (ms[i].type == Type::source && !ms[i].name.empty() &&
                    (std::string_view(ms[i].kind) == "agency" || std::string_view(ms[i].kind) == "government"))
                    if (const std::string* j = jurisdiction_of(ms[i].name)) {
                        name = *j;
                        break;
                    }
        // an authority named before the figure speaks for its area ("ECB staff forecast
        // inflation at 2.5%", "the ONS said unemployment rose")
        // (not one inside a relative clause set off by commas: "Services inflation, which the
        // Bank watches closely, slowed to 4.1%" is the release's, not the Bank's word)
        auto in_which_aside = [&](const Mention& m) {
            const size_t mt = sv.token_at(m.span.begin), at = std::min(anchor, toks.size());
            size_t k = mt;
            while (k > 0 && toks[k - 1].low != "," && toks[k - 1].low != "which" && toks[k - 1].low != "who" &&
                   toks[k - 1].low != "whose")
                --k;
            if (k < 2 || toks[k - 1].low == "," || toks[k - 2].low != ",") return false;
            for (size_t j = mt; j < at; ++j)
                if (toks[j].low == ",") return true;
            return false;
        };
        if (name.empty())
            for (size_t i : sv.mentions)
                if (ms[i].span.begin < toks[std::min(anchor, toks.size() - 1)].begin && ms[i].type == Type::org &&
                    !in_which_aside(ms[i]))
                    if (const std::string* area = area_of(ms[i])) {
                        name = *area;
                        s.authority = ms[i].name;  // (the holder of a forecast it makes)
                    }
        // an authority named earlier in the paragraph ("The Reserve Bank of India cut its
        // rate ... Governor Sanjay Malhotra said inflation would ease"): the last one
        if (name.empty() && !t.paragraphs().empty()) {
            const text::Span P = t.paragraphs()[S_para];
            auto it = std::lower_bound(ms.begin(), ms.end(), P.begin,
                                       [](const Mention& m, uint32_t b) { return m.span.begin < b; });
            for (; it != ms.end() && it->span.begin < S.begin; ++it)
                if (it->type == Type::org)
                    if (const std::string* area = area_of(*it)) name = *area;
        }
        // the sentence's own economy, before the paragraph's: a demonym of an earlier clause
        // ("Japanese households' spending fell 1.9%, while the country's core inflation held"),
        // else a country the sentence names after the figure ("The country's trade deficit
        // widened ..., India's commerce ministry said")
        if (name.empty()) name = sentence_area(anchor);
        // a country or area named earlier in the paragraph, not as a partner ("Saudi
        // Arabia's central bank said ... The kingdom's budget deficit"), in a story of several
        if (name.empty()) name = paragraph_area();
        if (name.empty()) name = doc_country;
    } else if (scope == "bank") {
        auto it = std::lower_bound(central_banks.begin(), central_banks.end(), toks[std::min(anchor, toks.size() - 1)].begin, by_begin);
        name = it == central_banks.begin() ? doc_bank : static_cast<const std::string&>((*std::prev(it))->name);
        // ("The central bank said in a statement that it had bought foreign currency for ...": the
        // bank whose statement it is, as the sources stage named the speaker — the story's bank —
        // not the last bank named, another the story compares it with — session 23)
        const uint32_t fig_at = toks[std::min(anchor, toks.size() - 1)].begin;
        for (auto sp = std::lower_bound(named_sources.begin(), named_sources.end(), S.begin, by_begin);
             sp != named_sources.end() && (*sp)->span.begin < fig_at; ++sp)
            if (std::string_view((*sp)->kind) == "central_bank") name = (*sp)->name;
        // ("The central bank raised the Selic rate" in a Brazil story that names no bank: Brazil's)
        // (only where the sentence says "central bank": a bare "rate" names no bank)
        bool central = false;
        for (size_t k = 1; k < toks.size() && k <= anchor && !central; ++k)
            central = toks[k - 1].low == "central" && toks[k].low == "bank";
        if (name.empty() && central && !doc_country.empty())
            if (auto cb = lx.central_bank_of.find(doc_country); cb != lx.central_bank_of.end()) name = cb->second;
    } else if (scope == "company") {
        // "Investment in real estate fell 10.6%, the NBS said", "production fell 8.2%, the
        // board said": a statistics office, ministry or board with an area of its own
        // (jurisdictions.tsv) reporting the figure makes it its economy's, not a company's.
        // (not the value of an act, `event`: "It includes a $200 million penalty, the department
        // said" is the fined company's, which the government only announces)
        const bool act = lx.event_metrics.count(metric.key) > 0 && lx.scope_of(metric.key) == "company";
        for (size_t i : sv.mentions)
            if (!act && ms[i].type == Type::source && !ms[i].name.empty() &&
                (std::string_view(ms[i].kind) == "agency" || std::string_view(ms[i].kind) == "government"))
                if (const std::string* j = jurisdiction_of(ms[i].name)) name = *j;
        // ... or by such an office earlier in the paragraph, when the paragraph names no company
        // before the figure ("Separately, the ONS said retail sales volumes rose 0.4%. Food store
        // volumes fell 0.6%.": the economy's, not the story's company's)
        if (name.empty() && anchor < toks.size()) {
            const size_t para = S_para;
            const Mention* c = last_company_before(toks[anchor].begin);
            bool own = false;  // (a sentence naming a place or a source of its own is read by itself)
            for (size_t i : sv.mentions) own |= ms[i].type == Type::place || ms[i].type == Type::source;
            if (!own && !act && (!c || t.paragraph_index(c->span.begin) != para))
                for (const Mention& m : ms) {
                    if (m.span.begin >= S.begin) break;
                    if (m.type != Type::source || m.name.empty() || t.paragraph_index(m.span.begin) != para) continue;
                    if (std::string_view(m.kind) != "agency" && std::string_view(m.kind) != "government") continue;
                    if (const std::string* j = jurisdiction_of(m.name)) name = *j;
                }
        }
        // an offer's price or premium: the company making the offer ("Corvane agreed to buy
        // Helix ... The offer is worth $38 a share")
        if (name.empty() && lx.bidder_metrics.count(metric.key))
            if (const Mention* b = bidder_before(toks[std::min(anchor, toks.size() - 1)].begin)) name = b->name;
        // else the company last named before the figure in its paragraph (the speaker of
        // "Sun Hung Kai said profit fell" included), else the story's company
        // ... a company speaking in the sentence before the figure that is only referred to ("The
        // carmaker, which sold 4.1 million vehicles last year, said": the company the sources
        // stage resolved, not one named last in the sentence before) ...
        if (name.empty() && anchor < toks.size())
            for (size_t i : sv.mentions) {
                const Mention& m = ms[i];
                if (m.type != Type::source || m.name.empty() || std::string_view(m.kind) != "company" ||
                    m.span.begin >= toks[anchor].begin)
                    continue;
                const size_t lo = sv.token_at(m.span.begin);
                size_t hi = lo;
                while (hi < anchor && hi < lo + 6 && toks[hi].is_word() && !(toks[hi].bits & lx.kVerbWord)) ++hi;
                if (is_anaphor(lo, hi)) name = m.name;
                break;
            }
        if (name.empty()) {
            const Mention* c = last_company_before(toks[std::min(anchor, toks.size() - 1)].begin);
            // ("Its operating profit was ..." opening a sentence: the company the sentence before
            // opened with, not one named later inside it)
            // (not past a company the sentence itself names: "Its rival Gol said its fuel bill was")
            if (c && !toks.empty() && (toks[0].low == "its" || toks[0].low == "it") && c->span.begin < S.begin)
                if (const Mention* o = previous_opener(toks[0].begin); o && !in_passing(*o)) c = o;
            if (c && t.paragraph_index(c->span.begin) == S_para) name = c->name;
            // the company an earlier claim of the paragraph was about ("The Osaka-based maker
            // ... posted operating profit of ¥712 billion. Net profit rose 14%")
            else if (last_subject_para == S_para && last_subject.size() == 1 &&
                     org_kinds.count(last_subject.front()) && org_kinds.at(last_subject.front()) == "company")
                name = last_subject.front();
            else name = doc_company;
        }
        // a story with no company at all: its economy's ("shipments to the United States
        // fell 2.3%" in a trade release), the one the sentence or paragraph names first
        // ("China's fiscal revenue fell ..., while spending rose 3.1%")
        if (name.empty()) name = named_area(anchor);
        if (name.empty()) name = doc_country;
    }
    if (!name.empty()) {
        s.names = {name};
        s.description.clear();
        s.fallback = true;
    } else if (garbage) {
        s.description.clear();
    }
}

// "Macquarie had forecast underlying net profit of A$2.0 billion" in a miner's results story: a
// bank or broker (the financial gazetteer) heading the sentence with a forecast verb forecasts the
// story company's metric, not its own (it is the source); not with "its"/"their" before the figure.
void Assembly::broker_forecast(Subject& s, const MetricHit& metric, size_t anchor) {
    if (s.names.size() != 1 || doc_company.empty() || doc_company == s.names.front() ||
        metric.key.empty() || lx.scope_of(metric.key) != "company" || anchor >= toks.size())
        return;
    // the forecast verb: the sentence's holder's, or a source cued by one ("Macquarie had forecast")
    size_t from = SIZE_MAX;
    if (forecast_holder && forecast_holder->name == s.names.front() && forecast_verb > 0 && forecast_verb < anchor)
        from = forecast_verb;
    bool financial = false;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        financial |= m.type == Type::org && m.name == s.names.front() && m.rule == "entities.financial";
        const std::string_view cue = m.cue;
        if (from == SIZE_MAX && m.type == Type::source && m.name == s.names.front() && m.span.end <= toks[anchor].begin &&
            (cue == "forecast" || cue == "expected" || cue == "estimated" || cue == "projected"))
            from = sv.token_at(m.span.end);
    }
    // (session 25) or "he"/"she"/"they" for the broker's analysts heading the sentence with the verb
    // ("She expects EBITDA of €398 mln" after "Analyst X of Y Securities raised her target", "They
    // forecast underlying profit of ..." after "Analysts at Y said"): the company named last, not
    // named in the sentence, is the analysts' employer
    if (!financial && toks.size() > 2 && toks[0].begin >= S.begin && lx.forecast_verbs.count(toks[1]) &&
        (toks[0].low == "he" || toks[0].low == "she" || toks[0].low == "they")) {
        bool named_here = false;
        for (size_t i : sv.mentions) named_here |= is_entity(ms[i]) && ms[i].name == s.names.front();
        // (a word of words.tsv's `staff` class, "analysts", "economists"; with `singular`, its
        // singular too: a role says "analyst")
        auto names_staff = [&](std::string_view text, bool singular) {
            std::string w;
            for (size_t k = 0; k <= text.size(); ++k) {
                if (k < text.size() && std::isalpha(static_cast<unsigned char>(text[k]))) {
                    w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
                    continue;
                }
                if (!w.empty() && (lx.staff_nouns.count(w) || (singular && lx.staff_nouns.count(w + "s")))) return true;
                w.clear();
            }
            return false;
        };
        bool analysts = false;
        if (toks[0].low == "they") {
            const size_t si = t.sentence_index(S.begin);
            if (si > 0 && si < t.sentences().size()) {
                const text::Span prev = t.sentences()[si - 1];
                const std::string_view p(a.data() + prev.begin, prev.end - prev.begin);
                analysts = p.find(s.names.front()) != std::string_view::npos && names_staff(p, false);
            }
        } else if (const Mention* p = person_before(S.begin)) {
            // (its role, or the title before the name: "Analyst Eleni Markou of ...")
            const std::string_view role = !p->role.empty() ? std::string_view(p->role)
                                          : std::string_view(a).substr(p->span.begin - std::min<uint32_t>(p->span.begin, 12),
                                                                       std::min<uint32_t>(p->span.begin, 12));
            analysts = p->affiliation == s.names.front() && names_staff(role, true);
        }
        if (!named_here && analysts) from = std::min<size_t>(from, 2), financial = true;
    }
    if (!financial || from == SIZE_MAX) return;
    for (size_t k = from; k < anchor; ++k)
        if (toks[k].low == "its" || toks[k].low == "their" || (sv.tok_mention[k] != SIZE_MAX && is_entity(ms[sv.tok_mention[k]])))
            return;
    s.names = {doc_company};
    s.fallback = true;
}

// "Cargo surveyor Baltic Surveys had estimated October shipments at 1.2 million tonnes",
// "Cobalt prices fell 40%, according to Rivermark Research, which expects an average of $21,000 a
// tonne in 2027": a research firm, broker or surveyor that forecasts a market's or an economy's
// figure is its source, not its holder. The holder is the one the sentence's earlier claim had
// (the cobalt), else the one the metric's scope implies (the economy). Not the story's company
// forecasting its own figures, nor a public body (its area is found elsewhere), nor a figure
// the forecaster owns ("its", "their" before it).
void Assembly::forecaster_holder(Subject& s, const MetricHit& metric, size_t anchor) {
    if (s.names.size() != 1 || s.combined || metric.key.empty() || anchor >= toks.size()) return;
    const std::string_view scope = lx.scope_of(metric.key);
    if (scope != "economy" && scope != "quote" && scope != "company") return;
    // (a company's figure: only one the sentence gave a holder before, never the story's company's)
    const bool earlier = held_subject_sentence == S.begin && held_subject.names != s.names;
    if (scope == "company" && (!earlier || s.names.front() == doc_company)) return;
    auto forecast = [&](size_t k) {
        const std::string_view w = toks[k].low;
        return lx.forecast_verbs.count(toks[k]) || w == "estimated" || w == "forecast" || w == "projected" ||
               w == "expected" || w == "predicted";
    };
    const Mention* org = nullptr;
    size_t verb = SIZE_MAX;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        if (m.type != Type::org || m.name != s.names.front() || m.span.end > toks[anchor].begin) continue;
        const std::string_view kind = m.kind;
        if (!(kind.empty() || kind == "company" || kind == "think_tank")) return;
        // (its verb of forecasting: right after it, past "had"/"has"/"now", or after ", which")
        size_t k = sv.token_at(m.span.end);
        if (k + 1 < anchor && toks[k].low == "," && toks[k + 1].low == "which") k += 2;
        while (k < anchor && (toks[k].low == "had" || toks[k].low == "has" || toks[k].low == "now" || toks[k].low == "also"))
            ++k;
        if (k < anchor && forecast(k)) org = &m, verb = k;
    }
    if (!org) return;
    for (size_t k = verb + 1; k < anchor; ++k)
        if (toks[k].low == "its" || toks[k].low == "their" || (sv.tok_mention[k] != SIZE_MAX && is_entity(ms[sv.tok_mention[k]])))
            return;
    s.authority = s.names.front();
    s.names.clear();
    // (the holder the sentence's earlier claim had, the market or economy the forecast is about)
    if (earlier) {
        s.names = held_subject.names;
        s.description = held_subject.description;
        s.fallback = true;
    }
}

// "The IMF's board approved the release of $1.1 billion to Pakistan", "IMF clears $700 million for
// Ghana", "bringing total disbursements under the arrangement to $3.2 billion": money an
// international lender pays out is a loan, the borrower's (corpus/CLAIMS.md: an IMF loan is the
// country's): the country after "to"/"for" right after the figure (or its loan noun), else the
// one country the sentence names.
void Assembly::lent_to(const Mention& v, MetricHit& metric, Subject& s, size_t anchor) {
    if (v.type != Type::money || anchor >= toks.size()) return;
    bool lender = false;
    if (s.names.size() == 1)
        for (size_t i : sv.mentions)
            lender |= ms[i].type == Type::org && ms[i].name == s.names.front() && std::string_view(ms[i].kind) == "international";
    if (!(metric.key == "loans" && (lender || s.names.empty())) && !(metric.key.empty() && lender)) return;
    size_t k = sv.token_at(v.span.end);
    if (k < toks.size() && (toks[k].low == "loan" || toks[k].low == "loans" || toks[k].low == "disbursement"))
        ++k;
    std::string to;
    if (k + 1 < toks.size() && (toks[k].low == "to" || toks[k].low == "for")) {
        size_t c = k + 1;
        if (toks[c].low == "the" && c + 1 < toks.size()) ++c;
        if (sv.tok_mention[c] != SIZE_MAX) {
            const Mention& m = ms[sv.tok_mention[c]];
            if (m.type == Type::place && std::string_view(m.kind) == "country") to = m.name;
        }
    }
    if (to.empty() && metric.key == "loans" && lender)
        for (size_t i : sv.mentions) {
            const Mention& m = ms[i];
            if (m.type != Type::place || std::string_view(m.kind) != "country" || m.name == to) continue;
            if (!to.empty()) return;  // (two countries: no telling)
            to = m.name;
        }
    if (to.empty()) return;
    s = Subject{};
    s.names = {to};
    if (metric.key.empty()) metric.key = "loans";
}

// "She has a buy rating on the stock and a target price of €11.20", "They lowered their price
// target on the stock": an analyst's target with no holder named is for the story company's shares.
// (No metric scope: a scope would make the company's release its source, not the analyst.)
void Assembly::stock_target(Subject& s, const MetricHit& metric) {
    if (doc_company.empty() || !lx.view_metrics.count(metric.key)) return;
    // (session 26, diag26) nor is it the analyst's: "said Jane Roe, ..., who kept her target price
    // of $3.05 on the stock" (a person), "They raised their target price" after the note's
    // "the results" (a description): the story company's shares still
    bool analyst = s.names.empty() && !s.description.empty();
    if (!s.names.empty()) {
        analyst = true;
        for (const std::string& n : s.names) {
            bool person = false;
            for (const Mention& m : ms)
                if (m.type == Type::person && m.name == n) {
                    person = true;
                    break;
                }
            analyst = analyst && person;
        }
    }
    if (analyst) s = Subject{};
    if (!s.names.empty() || !s.description.empty()) return;
    s.names = {doc_company};
    s.fallback = true;
}

// "The government has budgeted a fiscal deficit of 4.4% of GDP", "Net tax revenue totalled Rs 3.19
// lakh crore" in a story that names the central government as an entity ("the Centre" → Government
// of India): a fiscal figure (`fiscal` metrics) whose holder came out as the economy is that
// government's (corpus/CLAIMS.md, Public finance); with no such entity it stays the economy's.
// (only the government itself, "Government of X" or "X Government", not a ministry)
void Assembly::fiscal_government(Subject& s, const MetricHit& metric) {
    if (s.names.size() != 1 || s.combined || metric.key.empty() || !lx.fiscal_metrics.count(metric.key)) return;
    for (const Mention& m : ms) {
        if (m.type != Type::org || std::string_view(m.kind) != "government" || m.name == s.names.front()) continue;
        const std::string_view n = m.name;
        const bool itself = n.rfind("Government of ", 0) == 0 || (n.size() > 11 && n.substr(n.size() - 11) == " Government");
        if (!itself) continue;
        if (const std::string* area = area_of(m); area && *area == s.names.front()) {
            s.names.front() = m.name;
            return;
        }
    }
}

// "The board said its targets for the season were: / - output of 650,000 tonnes;": a list item
// whose holder is only implied (or not found) is the organisation whose list it is, the source
// of its introduction (not a medium's or a person's list: those name no holder).
void Assembly::list_item_holder(Subject& s) {
    if (!(s.fallback || (s.names.empty() && s.description.empty())) || s.named_instrument) return;
    const Mention* src = list_intro_source();
    if (!src || src->name.empty()) return;
    const std::string_view kind = src->kind;
    if (kind != "company" && kind != "agency" && kind != "government" && kind != "central_bank" && kind != "other")
        return;
    s.names = {src->name};
    s.description.clear();
    s.fallback = true;
}

void Assembly::continue_subject(Subject& s) {
    if (!s.names.empty() || !s.description.empty()) return;
    // "Foreign funds bought a net $2 billion of shares. They have bought $31 billion this year":
    // a sentence opening with "They" continues the group the paragraph's last claim described
    // (a plural, as "they" agrees with: not "The dividend is a letdown. They cut their target")
    const std::string& d = last_claim_subject.description;
    if (const size_t k = sv.token_at(S.begin); k < toks.size() && toks[k].low == "they" &&
        last_claim_para == S_para && !last_claim_subject.fallback &&
        last_claim_subject.names.empty() && d.size() > 2 && d.back() == 's' && d[d.size() - 2] != '\'' &&
        d[d.size() - 2] != 's') {
        s.description = last_claim_subject.description;
        s.fallback = true;
        return;
    }
    if (last_subject_para == S_para && !last_subject.empty()) {
        s.names = last_subject;
        s.fallback = true;
    }
}

// "The metal has gained 30%", "the industrial metal", "The index closed": a traded instrument
// referred back to ("the", `anaphor_modifier` words, an `instrument_anaphor` head, then the
// verb) is the last one quoted with the same metric, in this paragraph or the one before.
void Assembly::instrument_referent(Subject& s, const std::string& key, size_t anchor) {
    if (!lx.traded_metrics.count(key)) return;
    const size_t cs = clause_start_tok(anchor);
    // (session 26, diag26) "The kwacha firmed 0.8% to 26.85 per dollar. It has gained 4% this year":
    // a bare "It" opening the sentence after an instrument's quote in the same paragraph is that
    // instrument, not the company named last
    if (cs + 1 < anchor && toks[cs].low == "it" && first_verb(cs, anchor) == cs + 1 && S.begin == toks[cs].begin) {
        auto it = last_traded.find(key);
        if (it != last_traded.end() && it->second.para == S_para) {
            s = Subject{};
            s.names = it->second.names;
            s.description = it->second.description;
            s.named_instrument = true;
            return;
        }
    }
    if (!s.names.empty()) return;
    size_t hi = first_verb(cs, anchor);
    while (hi > cs + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;
    if (hi < cs + 2 || hi > anchor || toks[cs].low != "the" || !lx.instrument_anaphors.count(toks[hi - 1].low)) return;
    for (size_t k = cs + 1; k + 1 < hi; ++k)
        if (!lx.anaphor_modifiers.count(toks[k].low)) return;
    auto it = last_traded.find(key);
    if (it == last_traded.end() || it->second.para + 1 < S_para) return;
    s = Subject{};
    s.names = it->second.names;
    s.description = it->second.description;
    s.named_instrument = true;
}

void Assembly::note_traded(const Subject& s, const std::string& key) {
    if (s.fallback || !lx.traded_metrics.count(key) || (s.names.empty() && s.description.empty())) return;
    last_traded[key] = {s.names, s.description, S_para};
}

// Does the phrase end on a word no noun phrase ends with ("at", "than", "the", "of")?
// (lower-cased in a buffer on the stack: kOpenEnds holds no word longer than it)
static bool ends_open(std::string_view phrase) {
    size_t b = phrase.size();
    while (b > 0 && phrase[b - 1] != ' ') --b;
    const std::string_view last = phrase.substr(b);
    char low[16];
    if (last.size() > sizeof low) return false;
    for (size_t i = 0; i < last.size(); ++i) low[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(last[i])));
    return kOpenEnds.count(std::string_view(low, last.size())) > 0;
}

void Assembly::set_subject(const Subject& s, Claim& j, double& conf) {
    subject_fallback = s.fallback;
    last_claim_subject = s;
    last_claim_para = S_para;
    if (!s.names.empty() || !s.description.empty()) held_subject = s, held_subject_sentence = S.begin;
    if (!s.fallback)
        for (const auto& n : s.names) subject_paragraph[n] = S_para;
    if (!s.names.empty() && !s.fallback) {
        last_subject = s.names;
        last_subject_para = S_para;
        last_subject_sentence = S.begin;
    }
    j.subject = s.names;
    j.authority = s.authority;
    // (a description cut where no noun phrase ends loses its open end: "benchmark palm oil contract
    // for" is the contract; "wider than the" names nothing)
    // (a view of s.description, cut from the end: no copy unless it becomes the subject)
    std::string_view description = s.description;
    while (ends_open(description)) {
        size_t b = description.size();
        while (b > 0 && description[b - 1] != ' ') --b;
        description = description.substr(0, b > 0 ? b - 1 : 0);
    }
    if (s.names.empty() && description.find(' ') != std::string_view::npos) {
        j.subject.emplace_back(description);
        j.subject_is_description = true;
    } else if (s.names.empty() && !description.empty() && description.size() == s.description.size()) {
        j.subject.emplace_back(description);  // (uncut)
        j.subject_is_description = true;
    }
    j.combined = s.combined;
    if (!s.names.empty() && !s.fallback)
        conf += 0.15;
    else if (s.names.empty() && s.description.empty())
        conf -= 0.2;
}

}  // namespace claimex::claims
