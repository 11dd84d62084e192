// Claim assembly: figures → roles (value, equivalent, baseline, change
// amount) → claims with subject, metric, period and sources. See claims.h
// for the overview and rules/claims/README.md for the heuristics and the
// meaning of confidence. This file is the entry: the lexicons, and the
// per-document and per-sentence driver; the steps are in the files assembly.h
// lists.
#include "extractor/claims/claims.h"
#include "extractor/claims/assembly.h"
#include "extractor/claims/lexicon.h"

#include <algorithm>
#include <cstring>

namespace claimex::claims {

Lexicons::Lexicons(const rules::RuleSet& r)
    : metrics(r, "CLAIM_METRICS"),
      change_verbs(r, "CLAIM_CHANGE_VERBS"),
      cues(r, "CLAIM_CUES"),
      verbs(Lexicon::from_list(r, "CLAIM_VERBS")),
      demonyms(r, "CLAIM_DEMONYMS") {
    auto load = [&](std::string_view name, StringMap<std::string>& into) {
        if (const auto* rows = r.table(name))
            for (const auto& row : *rows)
                if (row.size() >= 2 && !row[0].empty()) into[row[0]] = row[1];
    };
    load("CLAIM_METRIC_SCOPES", scopes);
    if (const auto* rows = r.table("CLAIM_METRIC_SCOPES"))
        for (const auto& row : *rows) {
            // third column: flags separated by commas ("market,traded")
            auto flag = [&](std::string_view f) {
                if (row.size() < 3) return false;
                std::string_view v = row[2];
                for (size_t b = 0; b <= v.size();) {
                    size_t e = std::min(v.find(',', b), v.size());
                    if (v.substr(b, e - b) == f) return true;
                    b = e + 1;
                }
                return false;
            };
            bool market = flag("market");
            if (market || (row.size() >= 2 && (row[1] == "instrument" || row[1] == "quote")))
                market_metrics.insert(row[0]);
            if (market) own_market_metrics.insert(row[0]);
            if (flag("traded")) traded_metrics.insert(row[0]);
            if (flag("event")) event_metrics.insert(row[0]);
            if (flag("act")) act_metrics.insert(row[0]);
            if (flag("results")) results_metrics.insert(row[0]);
            if (flag("of_holder")) of_holder_metrics.insert(row[0]);
            if (flag("bidder")) bidder_metrics.insert(row[0]);
            if (flag("held")) held_metrics.insert(row[0]);
            if (flag("view")) view_metrics.insert(row[0]);
            if (flag("lower_better")) lower_better_metrics.insert(row[0]);
            if (flag("standing")) standing_metrics.insert(row[0]);
            if (flag("fiscal")) fiscal_metrics.insert(row[0]);
        }
    load("CLAIM_UNIT_METRICS", unit_metrics);
    if (const auto* rows = r.table("CLAIM_METRIC_FORMS"))
        for (const auto& row : *rows)
            if (row.size() >= 3 && !row[0].empty()) metric_forms[row[0]].emplace_back(row[1], row[2]);
    if (const auto* rows = r.table("DATE_MONTHS"))
        for (const auto& row : *rows)
            if (row.size() >= 2 && !row[0].empty()) month_numbers[lower(row[0])] = std::atoi(row[1].c_str());
    if (const auto* rows = r.table("CLAIM_CURRENCIES"))
        for (const auto& row : *rows)
            if (row.size() >= 2 && !row[0].empty() && !row[1].empty()) currency_subjects[row[0]] = row[1];
    if (const auto* rows = r.table("CLAIM_JURISDICTIONS"))
        for (const auto& row : *rows)
            if (row.size() >= 2 && !row[0].empty()) {
                jurisdictions[lower(row[0])] = row[1];
                if (row.size() >= 3 && row[2] == "shared") shared_jurisdictions.insert(lower(row[0]));
                areas.insert(row[1]);
                // (the first central bank listed for an area: "Brazil's central bank" unnamed)
                if ((row[0].find("Bank") != std::string::npos || row[0].find("bank") != std::string::npos ||
                     row[0].find("Federal Reserve") != std::string::npos) &&
                    !central_bank_of.count(row[1])) {
                    central_bank_of[row[1]] = row[0];
                    central_bank_names.insert(row[0]);
                }
            }
    const std::pair<const char*, Words*> classes[] = {
        {"speech", &speech_verbs},         {"speech_aux", &speech_aux},
        {"comparison", &comparison_words}, {"comparison_bare", &comparison_bare},
        {"condition", &condition_words},   {"level_filler", &level_fillers},
        {"approx", &approx_words},         {"baseline_period", &baseline_period_words},
        {"period_bound", &period_bound_words}, {"modal", &modal_words},
        {"superlative", &superlatives}, {"release_kind", &release_kinds}, {"release_cue", &release_cues},
        {"company_noun", &company_nouns}, {"holder", &holder_nouns},
        {"passing", &passing_words}, {"partner", &partner_words},
        {"own_release_kind", &own_release_kinds}, {"actor_kind", &actor_kinds},
        {"announce", &announce_verbs}, {"contract", &contract_words},
        {"belief", &belief_verbs}, {"view", &view_verbs},
        {"attribution_tail", &attribution_tails}, {"continuation", &continuation_words},
        {"council", &council_nouns}, {"data_noun", &data_nouns}, {"average", &average_words},
        {"forecast", &forecast_verbs}, {"staff", &staff_nouns}, {"expecter", &expecter_nouns}, {"poll", &poll_verbs},
        {"unit", &unit_nouns}, {"measure", &measure_nouns}, {"saving", &saving_verbs}, {"name_verb", &name_verbs}};
    const std::pair<const char*, Words*> lists[] = {
        {"instrument_anaphor", &instrument_anaphors}, {"anaphor_modifier", &anaphor_modifiers},
        {"growth_continues", &growth_continues}, {"prices_continue", &prices_continue},
        {"shipments_continue", &shipments_continue}, {"sales_continue", &sales_continue},
        {"object_cue", &object_cues}, {"owner_suffix", &owner_suffixes}, {"rate_move", &rate_move_nouns}, {"odds_noun", &odds_nouns},
        {"attribution_participle", &attribution_participles}, {"denial", &denial_verbs},
        {"channel", &channel_nouns}, {"clause_opener", &clause_openers},
        {"said_object", &said_objects}, {"clause_verb", &clause_verbs}, {"figure_participle", &figure_participles}, {"threshold", &threshold_words},
        {"bound_head", &bound_heads}, {"ceiling_noun", &ceiling_nouns}, {"publish_noun", &publish_nouns},
        {"publish_verb", &publish_verbs}, {"per_unit", &per_unit_words}, {"baseline_filler", &baseline_fillers},
        {"particle_verb", &particle_verbs}, {"reference", &reference_words}, {"acquire", &acquire_verbs},
        {"instrument_name", &instrument_names}, {"local_body", &local_bodies}, {"place_country", &place_country_nouns}, {"place_city", &place_city_nouns}, {"place_region", &place_region_nouns}, {"place_bloc", &place_bloc_nouns}, {"agency_noun", &agency_nouns}, {"mark_noun", &mark_nouns}, {"goal_verb", &goal_verbs}, {"survey_respondent", &survey_respondents}, {"survey_verb", &survey_verbs}, {"at_risk_filler", &at_risk_fillers}, {"reach", &reach_words}, {"origin", &origin_words}, {"maturity", &maturity_words}, {"plan_noun", &plan_nouns}, {"pace", &pace_words}, {"outlay", &outlay_metrics}, {"per_share_stock", &per_share_stocks}, {"running_carrier", &running_carriers},
        {"act", &act_verbs}, {"counterpart", &counterpart_nouns}, {"action_verb", &action_verbs},
        {"result_verb", &result_verbs}, {"evaluative", &evaluative_words}, {"size_filler", &size_fillers}, {"goods_unit", &goods_units}, {"basis", &basis_words}, {"rate_continues", &rate_continues}, {"output_continues", &output_continues},
        {"result_continues", &result_continues}, {"result_period", &result_periods}, {"quote_currency", &quote_currencies}};
    if (const auto* rows = r.table("CLAIM_WORDS"))
        for (const auto& row : *rows)
            if (row.size() >= 2 && !row[0].empty()) {
                for (const auto& [name, set] : classes)
                    if (row[1] == name) set->insert(lower(row[0]));
                for (const auto& [name, set] : lists)
                    if (row[1] == name) set->insert(lower(row[0]));
            }
    // One lookup per token gives all its word classes (Token::bits).
    const WordSet* fixed[] = {&kLeadWords, &kPrepositions, &trailing_adverbs, &government_nouns,
                              &clause_conjunctions, &kDeterminers, &kQualifierSkip, &kVerbFillers,
                              &kMetricModifiers, &kNotHeads, &kClauseOpeners, &kForecastNouns, &kGrowthVerbs};
    for (const WordSet* w : fixed)
        for (const auto& [x, _] : w->words) word_bits[x] |= w->bit;
    static_assert(kFirstClassBit + sizeof(classes) / sizeof(classes[0]) <= 46, "word class bits overlap kMetricFirst");
    int b = kFirstClassBit;
    for (const auto& [name, set] : classes) {
        set->bit = uint64_t{1} << b++;
        for (const auto& [x, _] : set->words) word_bits[x] |= set->bit;
    }
    auto firsts = [&](const Lexicon& lx, uint64_t first, uint64_t single) {
        lx.each_first([&](const std::string& w, bool alone) {
            word_bits[w] |= first;
            if (alone) word_bits[w] |= single;
        });
    };
    firsts(metrics, kMetricFirst, 0);
    firsts(change_verbs, kChangeFirst, kChangeWord);
    firsts(cues, kCueFirst, 0);
    firsts(demonyms, kDemonymFirst, 0);
    firsts(verbs, 0, kVerbWord);
}

struct Assembler::Impl : Lexicons {
    using Lexicons::Lexicons;
};

Assembly::Assembly(const Lexicons& lexicons, const std::vector<Mention>& mentions, const text::Text& text,
                   const DocumentInfo& info)
    : lx(lexicons), ms(mentions), t(text), doc(info), a(text.analysis()), 
      baseline_dates(mentions.size(), -1), date_tests(mentions.size(), 0),
      date_tok_at(mentions.size(), {0, 0}) {
    // The scratch buffers of the thread's previous document (emptied, their capacity kept): a
    // document allocates only what grows past the last one's.
    scratch_swap();
    low_doc.clear();
    tok_scratch.clear();
    date_tok_all.clear();
    head_toks.clear();
    head_tok_ends.clear();
    mention_scratch.clear();
    tok_mention_scratch.clear();
    metric_memo.clear();
    metric_cands.clear();
    quote_marks.clear();
    for (auto& c : clause_memo) c.clear();
    // (the whole text lower-cased at once, a loop the compiler vectorises: the tokenizer
    // then only finds the words)
    lower_into(a, low_doc);
}

namespace {
// The per-document scratch of the thread's last Assembly, kept for the next one.
struct Scratch {
    std::string low_doc;
    std::vector<Token> toks, head_toks, date_tok_all;
    std::vector<uint32_t> head_tok_ends;
    std::vector<size_t> mentions, tok_mention, clause_memo[2];
    std::vector<std::pair<const Lexicon::Entry*, size_t>> metric_memo;
    std::vector<MetricCand> metric_cands;
    std::vector<uint32_t> quote_marks;
};
thread_local Scratch spare;
}  // namespace

void Assembly::scratch_swap() {
    low_doc.swap(spare.low_doc);
    tok_scratch.swap(spare.toks);
    head_toks.swap(spare.head_toks);
    date_tok_all.swap(spare.date_tok_all);
    head_tok_ends.swap(spare.head_tok_ends);
    mention_scratch.swap(spare.mentions);
    tok_mention_scratch.swap(spare.tok_mention);
    clause_memo[0].swap(spare.clause_memo[0]);
    clause_memo[1].swap(spare.clause_memo[1]);
    metric_memo.swap(spare.metric_memo);
    metric_cands.swap(spare.metric_cands);
    quote_marks.swap(spare.quote_marks);
}

Assembly::~Assembly() { scratch_swap(); }

std::vector<Claim> Assembly::run() {
    // (room for a claim per figure and per named source: no claims moved as the vector grows)
    {
        size_t n = 0;
        for (const Mention& m : ms) n += is_value(m) || is_factor(m) || (m.type == Type::source && !m.name.empty());
        out.reserve(n);
    }
    // what the whole story says, before its sentences are read
    index_organisations();
    find_doc_country();
    index_authorities();
    find_story_day();
    find_lead_date();
    find_forecast_window();
    for (sentence_no = 0; sentence_no < t.sentences().size(); ++sentence_no) {
        if (t.sentences()[sentence_no].begin < story_from || t.sentences()[sentence_no].begin >= story_to) continue;
        if (!read_sentence(t.sentences()[sentence_no])) continue;
        // (clause_start_tok's memo, sized for this sentence before any step asks it; filled
        // again below once the figures' roles are known)
        for (auto& c : clause_memo) c.assign(toks.size() + 1, SIZE_MAX);
        // ---- 1. figures and their roles
        find_change_events();
        figure_roles();
        from_to_changes();
        elided_changes();
        for (auto& c : clause_memo) c.assign(toks.size() + 1, SIZE_MAX);  // (clause_start_tok's memo)
        find_forecast_holder();
        if (forecast_holder && forecast_holder->type == Type::org) story_forecaster = forecast_holder;
        // nothing of the sentence used yet
        shared_base_period.reset();
        used_dates.clear();
        quote_speaker = nullptr;
        consumed.clear();
        made_numeric = false;
        // ---- 2. change claims, one per event
        change_claims();
        // ---- 3. amount claims: every remaining value figure
        amount_claims();
        // ---- 4. statement claims: attributed sentences with no figure claim
        // (nor "That compared with $4.2 billion a year earlier, the company said.": a baseline)
        if (gave_baseline) continue;
        // a figure sentence may still end in an absolute clause that states a view ("held
        // rates at 4%, with governor Andrew Bailey saying the path would be gradual")
        if (made_numeric) {
            with_clause_statement();
            quote_beside_figure_statement();
            conjunct_beside_figure_statement();
            if (out.back().kind != "statement") modal_act_beside_figure_statement();
            if (out.back().kind != "statement") later_that_clause_statement();
            // (one statement of the reported words: "said on Thursday that ..." may be the
            // later that-clause's already)
            if (out.back().kind != "statement") report_after_figures_statement();
            if (out.back().kind != "statement") later_conjunct_statement();
            saying_clause_statement();
            // (else the attribution's content, when it asserts something besides the figures)
            if (out.back().kind != "statement" || out.back().sentence.begin != S.begin) beside_figures_statement();
            continue;
        }
        statement_claims();
    }
    headline_periods();
    return std::move(out);
}

bool Assembly::read_sentence(const text::Span& span) {
    S = span;
    S_para = t.paragraph_index(S.begin);
    sv.span = span;
    mention_scratch.clear();
    while (next_mention < ms.size() && ms[next_mention].span.begin < S.begin) ++next_mention;
    for (size_t i = next_mention; i < ms.size() && ms[i].span.begin < S.end; ++i) sv.mentions.push_back(i);
    if (pending_date) {
        para_date = pending_date;
        para_date_para = pending_date_para;
        pending_date.reset();
    }
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::date && paragraph_date(i, S)) {
            // (an earlier period after the sentence's own is a comparison's: "grew 0.4% in the
            // third quarter, after shrinking 0.1% in the second quarter")
            if (pending_date && pending_date_para == S_para && ms[i].to.size() == 10 &&
                ms[*pending_date].from.size() == 10 && ms[i].to < ms[*pending_date].from)
                continue;
            pending_date = i;
            pending_date_para = S_para;
        }
    any_value = any_source = any_factor = false;
    for (size_t i : sv.mentions) {
        any_value |= is_value(ms[i]);
        any_factor |= is_factor(ms[i]);
        any_source |= ms[i].type == Type::source && !ms[i].name.empty();
    }
    // A sentence that opens with a quote may be a speaker's statement standing alone.
    inside_quote = S.begin < quote_open_until;
    quoted = quote_len(a, S.begin) > 0 || inside_quote;
    // A sentence that opens with a holder ("Orvane expects ...", "It also expects ...") may
    // state its belief (statements.cc).
    holder_first = a.compare(S.begin, 3, "It ") == 0 || a.compare(S.begin, 4, "The ") == 0;
    for (size_t i : sv.mentions)
        if (ms[i].type != Type::source) {
            holder_first |= ms[i].span.begin <= S.begin + 4 && (ms[i].type == Type::org || ms[i].type == Type::person);
            break;
        }
    // "Several members agreed that ...": a view stated by a holder the sources pass names
    // no one for (statements.cc).
    // (string_view::find stops at every space to compare, memmem's general search cost ~375
    // instructions a sentence: contains_that tests 16 starts at a time)
    has_that = contains_that(std::string_view(a.data() + S.begin, S.end - S.begin));
    if (!any_value && !any_source && !any_factor && !quoted && !holder_first && !has_that) return false;

    sv.toks.clear();
    if (sentence_no < head_tok_ends.size()) {
        // (tokenized and classified already, by find_doc_country)
        const uint32_t b = sentence_no ? head_tok_ends[sentence_no - 1] : 0;
        sv.toks.insert(sv.toks.end(), head_toks.begin() + b, head_toks.begin() + head_tok_ends[sentence_no]);
    } else {
        tokenize_lowered(a, low_doc, S, sv.toks);
        lx.classify(sv.toks);
    }
    sv.tok_mention.assign(sv.toks.size(), SIZE_MAX);
    metric_memo.assign(sv.toks.size(), {nullptr, SIZE_MAX});
    // (mentions come in order of their begins, as tokens do: the first token of each is found
    // by walking on from the last one's, not by a binary search per mention)
    size_t first = 0;
    uint32_t last_begin = 0;
    for (size_t i : sv.mentions) {
        if (ms[i].type == Type::source) continue;
        // the tokens inside the mention: from the first that begins in it (begins increase)
        if (ms[i].span.begin < last_begin) first = 0;  // (out of order: walk from the start)
        last_begin = ms[i].span.begin;
        while (first < sv.toks.size() && sv.toks[first].begin < ms[i].span.begin) ++first;
        for (size_t k = first; k < sv.toks.size() && sv.toks[k].begin < ms[i].span.end; ++k)
            if (sv.toks[k].end <= ms[i].span.end &&
                (sv.tok_mention[k] == SIZE_MAX || !is_value(ms[sv.tok_mention[k]])))
                sv.tok_mention[k] = i;
    }
    return true;
}

// A claim made: its id (a hash of the document id, kind and key fields; the n-th claim with the
// same id gets "id-n"), kind, sentence and rounded confidence.
void Assembly::finish(Claim&& j, std::string_view kind, const KeyHash& key, double conf) {
    char hex[19] = {'c', '-'};
    for (int k = 0; k < 16; ++k) hex[2 + k] = "0123456789abcdef"[(key.h >> (60 - 4 * k)) & 15];
    std::string id(hex, 18);
    int n = ++id_uses[key.h];  // (the id is the hash's hex: counted by the hash, no string key)
    j.id = n == 1 ? std::move(id) : fmt::format("{}-{}", id, n);
    if (!j.metric.empty()) last_claim_metric = j.metric;
    j.kind = kind;
    j.sentence = S;
    j.confidence = std::round(std::clamp(conf, 0.05, 0.99) * 100) / 100;
    out.push_back(std::move(j));
}

namespace {

// A headline's metric is shorthand for the one its lead states: "Reliance Q1 profit falls 5%" ←
// "net profit fell 5%", "Samsung Q2 profit jumps 15-fold" ← "operating profit jumped 15-fold". A
// headline figure takes the metric of the first paragraphs' claim of the same subject and figure
// whose metric words end with its own ("net profit" ends with "profit"). (Its id keeps the
// headline's words, as every run gives it.)
void headline_metrics(std::vector<Claim>& cs, const std::vector<Mention>& ms, const text::Text& t) {
    auto same_figure = [&](const Claim& h, const Claim& c) {
        auto val = [&](uint32_t m) { return m == kNoMention ? std::optional<double>() : ms[m].value; };
        if (h.kind == "amount") return h.value != kNoMention && val(h.value) == val(c.value);
        if (!h.change || !c.change || h.change->direction != c.change->direction) return false;
        // (the same new level: "profit rises 9% to Rs 3,412 crore" over the lead's 9.2% rise to it)
        if (h.value != kNoMention && val(h.value) && val(h.value) == val(c.value)) return true;
        if (h.change->percent != kNoMention) return val(h.change->percent) == val(c.change->percent);
        if (h.change->factor) return h.change->factor == c.change->factor;
        return h.value != kNoMention && val(h.value) == val(c.value);
    };
    auto ends_with_words = [](const std::string& longer, const std::string& shorter) {
        if (shorter.empty() || longer.size() <= shorter.size() + 1) return false;
        const size_t at = longer.size() - shorter.size();
        if (longer[at - 1] != ' ') return false;
        for (size_t i = 0; i < shorter.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(longer[at + i])) !=
                std::tolower(static_cast<unsigned char>(shorter[i])))
                return false;
        return true;
    };
    for (size_t i = 0; i < cs.size(); ++i) {
        Claim& h = cs[i];
        if (t.paragraphs().empty() || t.paragraph_index(h.sentence.begin) != 0 || h.metric.empty() ||
            (h.kind != "amount" && h.kind != "change"))
            continue;
        for (size_t j = i + 1; j < cs.size(); ++j) {
            const Claim& c = cs[j];
            if (t.paragraph_index(c.sentence.begin) > 3) break;
            if (c.kind != h.kind || c.subject != h.subject || c.metric == h.metric || !same_figure(h, c)) continue;
            if (ends_with_words(c.metric_text, h.metric_text)) {
                h.metric = c.metric;
                h.metric_text = c.metric_text;
            }
            break;
        }
    }
}

// A baseline's comparison date that the normaliser could only count from the publication date
// ("Producer prices rose 27% year on year, down from 29.5% a month earlier" in a story of
// October's data, published in November) counts from the claim's own period instead, when the
// claim has one and the two grains fit: a year back from any period, a month, quarter or week
// back from a period of that grain.
void baseline_periods_from_claim(std::vector<Claim>& cs, const std::vector<Mention>& ms) {
    for (Claim& c : cs) {
        if (!c.baseline || !c.baseline->period || !c.period || c.period.value) continue;
        const Mention& b = ms[c.baseline->period.mention];
        const Mention& p = ms[c.period.mention];
        if (!b.shift_unit || p.shift_unit || &b == &p || p.timex.empty()) continue;
        // (a whole fiscal year is a year; a fiscal quarter or half moves by no calendar unit here)
        char g = normalise::date_grain(p.timex);
        if (g == 'F') g = p.timex.size() == 6 ? 'Y' : 0;
        // (a window with its dates, "the quarter ended Nov. 1", a year back)
        if (g == 'P' && (p.from.empty() || p.to.empty() || b.shift_unit != 'Y')) continue;
        if (!g || std::string_view("DWMQHYP").find(g) == std::string_view::npos) continue;
        if (b.shift_unit != 'Y' && b.shift_unit != g) continue;
        if (auto v = normalise::shift_date({p.timex, p.from, p.to}, b.shift_unit, b.shift_n);
            v && v->timex != b.timex)
            c.baseline->period.value = std::move(*v);
    }
}

// A headline figure that inherited the lead's attribution when the lead is another company
// speaking (a briefs page: "Hoshida profit rises 12%; Daehan wins $1.4 billion ship order")
// takes the sources of the body's restatement instead: "Daehan Shipbuilding said it had won a
// 1.9 trillion won ($1.4 billion) order" (the body claim of the same subject whose value or
// equivalent is the figure), else none.
void headline_sources(std::vector<Claim>& cs, const std::vector<Mention>& ms, const text::Text& t) {
    auto val = [&](uint32_t m) { return m == kNoMention ? std::optional<double>() : ms[m].value; };
    // The body claim of the same subject whose value or equivalent is the headline's figure.
    auto restates = [&](const Claim& h, const Claim& c) {
        if (t.paragraph_index(c.sentence.begin) == 0 || c.kind != "amount" || c.subject != h.subject) return false;
        bool same = val(c.value) == val(h.value) && ms[c.value].currency == ms[h.value].currency;
        for (uint32_t e : c.equivalents) same |= val(e) == val(h.value) && ms[e].currency == ms[h.value].currency;
        return same;
    };
    for (size_t i = 0; i < cs.size(); ++i) {
        Claim& h = cs[i];
        if (t.paragraphs().empty() || t.paragraph_index(h.sentence.begin) != 0 || h.kind != "amount" ||
            h.value == kNoMention || h.subject.empty() || h.subject_is_description || h.sources.empty() ||
            !h.sources.front().inherited || h.sources.front().mention == kNoMention)
            continue;
        const auto r = std::find_if(cs.begin() + static_cast<std::ptrdiff_t>(i) + 1, cs.end(),
                                    [&](const Claim& c) { return restates(h, c); });
        auto take_restatement_sources = [&] {
            h.sources = r->sources;
            for (Source& s : h.sources) s.inherited = true;
        };
        // "China Vanke seeks 5 billion yuan loan extension" over "... a 5 billion yuan ($690
        // million) loan ..., two people familiar with the matter said": the lead's restatement's
        // own attribution, not the company's release later in the story (nor someone quoting
        // the figure further down)
        if (r != cs.end() && t.paragraph_index(r->sentence.begin) <= 2 && !r->sources.empty() &&
            !r->sources.front().inherited) {
            take_restatement_sources();
            continue;
        }
        const Mention& lead = ms[h.sources.front().mention];
        if (lead.kind != "company" || std::find(h.subject.begin(), h.subject.end(), lead.name) != h.subject.end())
            continue;
        // (not when the headline's clause names the speaker: "Drummond Foods agrees €6.2bn
        // takeover of ... Veldhoven" is Drummond's word whoever holds the figure)
        const std::string_view a = t.analysis();
        const uint32_t at = ms[h.value].span.begin;
        size_t cb = a.rfind(';', at), ce = a.find(';', at);
        cb = cb == std::string_view::npos || cb < h.sentence.begin ? h.sentence.begin : cb;
        ce = std::min<size_t>(ce, h.sentence.end);
        if (std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
                return m.type == Type::org && m.name == lead.name && m.span.begin >= cb && m.span.end <= ce;
            }))
            continue;
        h.sources.clear();
        if (r != cs.end()) take_restatement_sources();
    }
}

}  // namespace

Assembler::Assembler(const rules::RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
Assembler::~Assembler() = default;
Assembler::Assembler(Assembler&&) noexcept = default;

std::vector<Claim> Assembler::assemble(const std::vector<Mention>& mentions, const text::Text& text,
                                       const DocumentInfo& doc) const {
    const std::vector<uint32_t> starts = story_starts(text);
    if (starts.size() < 2) {
        std::vector<Claim> out = Assembly(*impl_, mentions, text, doc).run();
        headline_metrics(out, mentions, text);
        headline_sources(out, mentions, text);
        baseline_periods_from_claim(out, mentions);
        return out;
    }
    // A page of several stories ("MUMBAI, June 3 - ... FRANKFURT, June 3 - ..."): each story is
    // assembled on its own (the headline goes with the first), so no subject, period or source
    // crosses a dateline; mention indices are mapped back to the document's.
    std::vector<Claim> out;
    std::vector<Mention> part;
    std::vector<uint32_t> index;  // part's mention → the document's
    for (size_t s = 0; s < starts.size(); ++s) {
        const uint32_t begin = s == 0 ? 0 : starts[s], end = s + 1 < starts.size() ? starts[s + 1] : UINT32_MAX;
        part.clear();
        index.clear();
        for (size_t i = 0; i < mentions.size(); ++i)
            if (mentions[i].span.begin >= begin && mentions[i].span.begin < end) {
                part.push_back(mentions[i]);
                index.push_back(static_cast<uint32_t>(i));
            }
        if (part.empty()) continue;
        auto map = [&](uint32_t& m) {
            if (m != kNoMention) m = index[m];
        };
        Assembly story(*impl_, part, text, doc);
        story.story_from = begin;
        story.story_to = end;
        for (Claim& c : story.run()) {
            for_each_mention_index(c, map);
            out.push_back(std::move(c));
        }
    }
    // two identical claims of the page get -2, -3 in order, as within one story
    std::unordered_map<std::string, int> uses;
    for (Claim& c : out) {
        std::string base = c.id.substr(0, 18);
        int n = ++uses[base];
        c.id = n == 1 ? base : fmt::format("{}-{}", base, n);
    }
    headline_metrics(out, mentions, text);
    headline_sources(out, mentions, text);
    baseline_periods_from_claim(out, mentions);
    return out;
}

}  // namespace claimex::claims
