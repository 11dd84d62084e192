// Statement claims: attributed sentences with no figure claim (quotes, "X said that ...",
// a holder's belief, a council's view), their content span and speaker.
// Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>

namespace claimex::claims {

// A sentence with no source mention and no quote: a holder's belief or a holder phrase's view
// (its own source), or nothing.
void Assembly::unattributed_statement() {
    // "Orvane expects the regulator to ...", "It also expects ...": a holder heading the
    // sentence with a `belief` verb (words.tsv) states a view of its own; the holder (an
    // organisation or person, "it" the last company) is the source; the whole sentence is
    // the content. Not a question.
    if (toks.size() < 6 || toks.back().low == "?") return;
    // "Most members agreed that ...", "The committee judged that ...", "A few participants
    // noted that ...": a short holder phrase, a `speech`/`view` verb and "that" — the
    // content is the that-clause, the source what governs the sentence (the paragraph's
    // speaker, the release: the minutes).
    if (has_that) {
        size_t v = 1;
        while (v < toks.size() && v <= 7 && toks[v].is_word() && sv.tok_mention[v] == SIZE_MAX &&
               !(lx.speech_verbs.count(toks[v]) || lx.view_verbs.count(toks[v])))
            ++v;
        if (v <= 7 && v + 3 < toks.size() && toks[v + 1].low == "that" &&
            (lx.speech_verbs.count(toks[v]) || lx.view_verbs.count(toks[v]))) {
            uint32_t c0 = toks[v + 2].begin, c1 = toks.back().low == "." ? toks.back().begin : S.end;
            while (c1 > c0 && (a[c1 - 1] == ' ' || a[c1 - 1] == '\n' || a[c1 - 1] == '.')) --c1;
            Claim j;
            double conf = 0.5;
            j.statement = text::Span{c0, c1};
            j.sources = claim_sources(conf, std::string(), j, c0);
            if (j.sources.empty()) {
                // "Some members observed that ...": a central bank's council speaks for the
                // bank last named (`council` words of words.tsv)
                bool council = false;
                for (size_t k = 0; k < v; ++k) council |= lx.council_nouns.count(toks[k]) > 0;
                auto it = std::lower_bound(central_banks.begin(), central_banks.end(), S.begin, by_begin);
                if (council && it != central_banks.begin())
                    j.sources.push_back(Source{static_cast<uint32_t>(*std::prev(it) - ms.data()), kNoMention, true});
            }
            if (j.sources.empty()) return;
            Subject subj;
            set_subject(subj, j, conf);
            KeyHash key = key_hash("statement");
            key.add(ms[j.sources[0].mention].name).sep().add(lower(std::string_view(a.data() + c0, c1 - c0)));
            finish(std::move(j), "statement", key, conf);
            return;
        }
    }
    if (!holder_first) return;
    // the belief verb within the first words, after nothing but the holder (and "also")
    size_t v = 1;
    while (v < toks.size() && v <= 8 && !lx.belief_verbs.count(toks[v]) && toks[v].is_word() &&
           !(toks[v].bits & lx.kVerbWord))
        ++v;
    if (v > 8 || v >= toks.size() || !lx.belief_verbs.count(toks[v])) return;
    size_t hi = v;
    while (hi > 1 && trailing_adverbs.count(toks[hi - 1])) --hi;
    const Mention* holder = opening_holder(hi);
    if (!holder && hi >= 2 && sv.tok_mention[hi - 1] != SIZE_MAX && ms[sv.tok_mention[hi - 1]].type == Type::person) {
        // "Nomura Securities strategist Yujiro Goto expects ...": the person right before
        // the verb, after their organisation and role (words only)
        const Mention& m = ms[sv.tok_mention[hi - 1]];
        bool words_only = true;
        for (size_t k = 0; k < sv.token_at(m.span.begin); ++k) words_only &= toks[k].is_word() || toks[k].low == "'";
        if (words_only) holder = &m;
    }
    if (!holder) return;
    holder_statement(toks[0].begin, holder, 0.5 + 0.10);  // (the holder is in the sentence itself)
}

// A statement of `holder` from byte c0 to the sentence's end (its full stop left out), with
// no subject: for attributions that are no source mention.
void Assembly::holder_statement(uint32_t c0, const Mention* holder, double conf) {
    uint32_t c1 = toks.back().low == "." ? toks.back().begin : S.end;
    while (c1 > c0 && (a[c1 - 1] == ' ' || a[c1 - 1] == '\n' || a[c1 - 1] == '.')) --c1;
    Claim j;
    Subject subj;
    set_subject(subj, j, conf);
    j.statement = text::Span{c0, c1};
    j.sources.push_back(Source{static_cast<uint32_t>(holder - ms.data())});
    KeyHash key = key_hash("statement");
    key.add(holder->name).sep().add(lower(std::string_view(a.data() + c0, c1 - c0)));
    finish(std::move(j), "statement", key, conf);
}

// After a figure claim: ", with governor Andrew Bailey saying the path would be gradual" — the
// absolute clause's source (a participle cue) states what follows it, when that has no figure
// of its own (a figure there is the figure claims' business).
void Assembly::with_clause_statement() {
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        if (m.type != Type::source || m.name.empty() || !m.participle) continue;
        size_t first = sv.token_at(m.span.begin);
        // "with" right before the holder, or before its role (a few words)
        bool with = false;
        for (size_t k = first, n = 0; k > 1 && n < 4 && !with; --k, ++n)
            with = toks[k - 1].low == "with" && toks[k - 2].low == ",";
        if (!with) continue;
        for (size_t j : sv.mentions)
            if (ms[j].span.begin >= m.span.end && (ms[j].type == Type::money || ms[j].type == Type::percent ||
                                                   ms[j].type == Type::quantity || ms[j].type == Type::source))
                return;
        emit_statement(m.span.end, S.end, &m, &m, S.begin, S.end, nullptr);
        return;
    }
}

// After a figure claim: '"The door to easing is still open," said Priya Raman, ..., who expects
// the rate to fall to 5.25%' — a quote that opens the sentence and holds no figure asserts
// something besides the figure the attribution's relative clause states: a statement of the
// speaker named right after it (corpus/CLAIMS.md: a quote whose only content is a figure makes
// no statement; one that asserts something else does).
void Assembly::quote_beside_figure_statement() {
    if (inside_quote || !quote_len(a, S.begin)) return;
    const uint32_t q_open = S.begin + quote_len(a, S.begin);
    uint32_t q_close = 0;
    for (uint32_t k = q_open; k < S.end; ++k)
        if ((a[k] == '"' || static_cast<unsigned char>(a[k]) == 0xE2) && quote_len(a, k)) {
            q_close = k;
            break;
        }
    if (!q_close) return;
    const Mention* src = nullptr;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        if (m.span.begin < q_close &&
            (m.type == Type::money || m.type == Type::percent || m.type == Type::quantity || m.type == Type::source))
            return;  // a figure in the quote: the figure claim says it
        if (!src && m.type == Type::source && !m.name.empty() && m.span.begin >= q_close) src = &m;
    }
    // the attribution right after the closing quote (", said X", ", X told reporters")
    if (!src || sv.token_at(src->span.begin) > sv.token_at(q_close) + 3) return;
    emit_statement(q_open, q_close, src, src, q_open, q_close, nullptr);
}

// The sentence's first source mention that names someone, or null.
const Mention* Assembly::first_named_source() const {
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::source && !ms[i].name.empty()) return &ms[i];
    return nullptr;
}

// After a figure claim: "A spokeswoman for the airports authority said Oslo Airport would stay
// open during any strike and expected 29 million travellers this year" — reported speech whose
// first conjunct holds no figure asserts something besides the figure the second states: a
// statement of that first conjunct (corpus/CLAIMS.md: a quote whose only content is a figure
// makes no statement; one that asserts something else does).
// "The bank cut its rate to 4.25%, but Governor X said on Thursday that policymakers were in no
// hurry": the later clause's that-clause is the speaker's statement (no figure in it).
void Assembly::later_that_clause_statement() {
    uint32_t first_fig = S.end;
    for (size_t i : sv.mentions)
        if (is_value(ms[i]) || is_factor(ms[i])) first_fig = std::min(first_fig, ms[i].span.begin);
    if (first_fig == S.end) return;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        size_t c0 = 0;
        if (m.type != Type::source || m.name.empty() || !later_that_clause(m, first_fig, &c0) || c0 >= toks.size()) continue;
        for (size_t j : sv.mentions)
            if (ms[j].span.begin >= toks[c0].begin && (is_value(ms[j]) || is_factor(ms[j]))) return;
        uint32_t ce = S.end;
        while (ce > toks[c0].begin && (std::isspace(static_cast<unsigned char>(a[ce - 1])) || a[ce - 1] == '.')) --ce;
        emit_statement(toks[c0].begin, ce, &m, &m, S.begin, S.end, nullptr);
        return;
    }
}

void Assembly::conjunct_beside_figure_statement() {
    const Mention* src = first_named_source();
    // the speech verb ends the source span and the content follows it: "X said A and B"
    if (!src || src->cue != "said" || inside_quote) return;
    const size_t c0 = sv.token_at(src->span.end);
    if (c0 >= toks.size() || !toks[c0].is_word() || toks[c0].low == "that" || clause_before(sv.token_at(src->span.begin)))
        return;
    auto figure = [&](size_t k) {
        const size_t m = sv.tok_mention[k];
        return m != SIZE_MAX && (ms[m].type == Type::money || ms[m].type == Type::percent || ms[m].type == Type::quantity);
    };
    // a cue verb the source's span leaves out ("Analysts at Vontobel called the price ...") is
    // the first conjunct's verb
    bool verb = c0 > 0 && !(toks[c0 - 1].bits & lx.kVerbWord) && toks[c0].is_word() && sv.tok_mention[c0] == SIZE_MAX;
    for (size_t k = c0; k + 1 < toks.size(); ++k) {
        if (toks[k].low == "\"" && k > c0) {
            // a quoted phrase inside the reported words ('said the return was "better than
            // feared" and raised its target'): part of the conjunct, when it closes in it
            size_t close = k + 1;
            while (close < toks.size() && toks[close].low != "\"" && !figure(close)) ++close;
            if (close >= toks.size() || toks[close].low != "\"") return;
            k = close;
            continue;
        }
        if (figure(k) || toks[k].low == "," || toks[k].low == ";" || toks[k].low == "\"") return;
        if (k > c0 && toks[k].low == "and" && verb && (toks[k + 1].bits & (lx.kVerbWord | lx.kChangeWord)) &&
            sv.tok_mention[k + 1] == SIZE_MAX) {
            bool later = false;
            for (size_t j = k + 1; j < toks.size() && !later; ++j) later = figure(j);
            if (later && k - c0 >= 4) emit_statement(toks[c0].begin, toks[k - 1].end, src, src, S.begin, S.end, nullptr);
            return;
        }
        verb |= (toks[k].bits & lx.kVerbWord) && sv.tok_mention[k] == SIZE_MAX;
    }
}

// After a figure claim: "She said Harrow would keep Alpenmed's research site in Basel and its
// 1,450 employees there", "Reinhart said the caucus would not accept any draw above $500
// million": reported speech whose verb after "would"/"will" is an act, not a metric's move or
// level, asserts that act besides the figure inside it (corpus/CLAIMS.md: a quote whose only
// content is a figure makes no statement; one that asserts something else does). The whole
// reported clause is the statement.
void Assembly::modal_act_beside_figure_statement() {
    const Mention* src = first_named_source();
    if (!src || src->cue != "said" || inside_quote || quoted) return;
    size_t c0 = sv.token_at(src->span.end);
    if (c0 < toks.size() && toks[c0].low == "that") ++c0;
    if (c0 >= toks.size() || !toks[c0].is_word() || clause_before(sv.token_at(src->span.begin))) return;
    // the reported clause's subject, a few plain words, then the modal
    size_t m = c0;
    while (m < toks.size() && m < c0 + 6 && (toks[m].is_word() || toks[m].low == "'s") &&
           toks[m].low != "would" && toks[m].low != "will" &&
           (sv.tok_mention[m] == SIZE_MAX || is_entity(ms[sv.tok_mention[m]])))
        ++m;
    if (m == c0 || m >= toks.size() || (toks[m].low != "would" && toks[m].low != "will")) return;
    size_t v = m + 1;
    if (v < toks.size() && toks[v].low == "not") ++v;
    if (v + 2 >= toks.size() || !toks[v].is_word() || sv.tok_mention[v] != SIZE_MAX) return;
    // (an act: no change word, no metric word, no verb of the figure's level or result: "would
    // be $5bn", "would push the burden to 38.2%", words.tsv result_verb)
    size_t n = 0;
    if ((toks[v].bits & lx.kChangeWord) || metric_phrase(v, &n) || lx.result_verbs.count(toks[v].low)) return;
    // the figure comes after the act's verb, with a few words of the act before it
    size_t f = v + 1;
    while (f < toks.size() && !(sv.tok_mention[f] != SIZE_MAX && is_value(ms[sv.tok_mention[f]]))) ++f;
    if (f >= toks.size() || f - v < 3) return;
    // (a level the act sets or reaches: "would hold the export levy at 10%", "doubling the team
    // to about 400": the figure's claim says it)
    for (size_t g = f; g < toks.size(); ++g)
        if (sv.tok_mention[g] != SIZE_MAX && is_value(ms[sv.tok_mention[g]])) {
            for (size_t p = g; p > 0 && p + 4 > g; --p) {
                if (toks[p - 1].low == "at" || toks[p - 1].low == "to") return;
                if (!kQualifierSkip.count(toks[p - 1]) && !lx.approx_words.count(toks[p - 1])) break;
            }
            g = sv.token_after(ms[sv.tok_mention[g]].span.end) - 1;
        }
    emit_statement(toks[c0].begin, S.end, src, src, S.begin, S.end, nullptr);
}

// The words of a reported clause from token c0 to the sentence's end: how many, and whether one
// after the first is a verb. A short quoted phrase inside it counts as its words ('said it would
// weigh further reductions "with caution" as ...'); a quote that opens the clause, or one that
// does not close within a few words, gives nullopt, as does (with no_figures) a figure in it.
std::optional<std::pair<size_t, bool>> Assembly::clause_words(size_t c0, bool no_figures) const {
    size_t words = 0;
    bool verb = false;
    for (size_t k = c0; k < toks.size() && toks[k].begin < S.end; ++k) {
        const size_t m = sv.tok_mention[k];
        if (no_figures && ((m != SIZE_MAX && (ms[m].type == Type::money || ms[m].type == Type::percent ||
                                              ms[m].type == Type::quantity)) ||
                           (m == SIZE_MAX && std::isdigit(static_cast<unsigned char>(toks[k].low[0])))))
            return std::nullopt;
        if (toks[k].low == "\"") {
            size_t close = k + 1;
            while (close < toks.size() && toks[close].low != "\"") ++close;
            if (k == c0 || close >= toks.size() || close - k > 8) return std::nullopt;
            for (size_t q = k + 1; q < close; ++q) words += toks[q].is_word();
            k = close;
            continue;
        }
        words += toks[k].is_word();
        verb |= (toks[k].bits & (lx.kVerbWord | lx.kChangeWord)) && m == SIZE_MAX && k > c0;
    }
    return std::pair{words, verb};
}

// After figure claims whose figures all stand before the speech verb (in the speaker's own
// phrase: "The company, which employs 31,500 people in 214 stores, said it had no plans to
// close shops"; or an earlier clause: "... cut its rate to 6.75% on Thursday, and said it would
// weigh further reductions"): the reported clause after the verb holds no figure, so it asserts
// something of its own, a statement. Not an attribution's tail ("said in a statement to the
// exchange", "said on Tuesday"): the content must open with a word that starts a clause and
// hold a verb.
void Assembly::report_after_figures_statement() {
    if (inside_quote || quoted) return;
    const Mention* src = first_named_source();
    // (not "with the company saying ...": with_clause_statement's, which judges those)
    if (!src || src->participle || (src->cue != "said" && src->cue != "told")) return;
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        // (a figure inside the source's own span, "Tarvo, which serves 2 million homes, said",
        // is the holder's phrase, not the reported clause)
        if ((m.type == Type::money || m.type == Type::percent || m.type == Type::quantity) &&
            m.span.end > src->span.end)
            return;  // a figure in the reported clause: its claim says it
        if (m.type == Type::source && &m != src) return;  // another voice in the sentence
    }
    size_t c0 = sv.token_at(src->span.end);
    if (c0 >= toks.size() || !toks[c0].is_word()) return;
    // "said in a statement that ...", "said on Tuesday that ...": the tail's words, then the
    // reported clause after its "that" (a tail with no "that" holds no content)
    if (lx.attribution_tails.count(toks[c0])) {
        size_t k = c0 + 1;
        while (k < toks.size() && k <= c0 + 8 && toks[k].low != "that" && toks[k].is_word() &&
               (!(toks[k].bits & lx.kVerbWord) || sv.tok_mention[k] != SIZE_MAX || lx.channel_nouns.count(toks[k].low)))
            ++k;
        if (k >= toks.size() || toks[k].low != "that") return;
        c0 = k;
    }
    if (toks[c0].low == "that") ++c0;
    // (a quote that opens the content is quote_beside_figure_statement's)
    const auto cw = clause_words(c0, false);
    if (!cw) return;
    const auto [words, verb] = *cw;
    // (a headline or standfirst is terse: "...; Moody's says outlook remains negative")
    const size_t least = t.paragraphs().empty() || S_para > 1 ? 4 : 3;
    if (words < least || !verb || c0 >= toks.size()) return;
    emit_statement(toks[c0].begin, S.end, src, src, S.begin, S.end, nullptr);
}

// After figure claims inside reported speech: "The ministry said it aims to raise revenue to
// Rs 9 trillion, up from Rs 8 trillion, and will widen the tax net to small shops" — a last
// conjunct set off by ", and" that opens with a verb (or "that" and a clause) and holds no money
// or percentage (nor a count that made a claim) asserts something besides the figures before it: a statement of the speaker,
// from that verb (the clause) on.
void Assembly::later_conjunct_statement() {
    if (inside_quote || quoted) return;
    const Mention* src = first_named_source();
    if (!src || src->participle || (src->cue != "said" && src->cue != "told")) return;
    const size_t c0 = sv.token_at(src->span.end);
    if (c0 >= toks.size() || clause_before(sv.token_at(src->span.begin))) return;
    auto money_or_percent = [&](size_t k) {
        const size_t m = sv.tok_mention[k];
        return m != SIZE_MAX && (ms[m].type == Type::money || ms[m].type == Type::percent);
    };
    bool figure = false;
    size_t and_at = SIZE_MAX;
    for (size_t k = c0; k + 2 < toks.size() && toks[k].begin < S.end; ++k) {
        if (toks[k].low == "\"" || (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type == Type::source)) return;
        if (money_or_percent(k)) {
            if (and_at != SIZE_MAX) return;  // a figure in the last conjunct: its claim says it
            figure = true;
        }
        if (figure && toks[k].low == "," && toks[k + 1].low == "and" && sv.tok_mention[k + 2] == SIZE_MAX) {
            if ((toks[k + 2].bits & lx.kVerbWord) && !(toks[k + 2].bits & lx.kChangeWord)) and_at = k + 2;
            // (", and that it would ...": a second reported clause, from its subject on)
            else if (toks[k + 2].low == "that" && k + 3 < toks.size() && toks[k + 3].is_word()) and_at = k + 3;
        }
    }
    if (and_at == SIZE_MAX) return;
    // (a count that made a claim of its own: "and that it planned to cut 600 jobs")
    for (const Claim& c : out) {
        if (c.sentence.begin != S.begin) continue;
        for (uint32_t f : {c.value, c.change ? c.change->amount : kNoMention, c.change ? c.change->percent : kNoMention})
            if (f != kNoMention && ms[f].span.begin >= toks[and_at].begin) return;
    }
    const auto cw = clause_words(and_at, false);
    if (!cw || cw->first < 4) return;
    uint32_t ce = S.end;
    while (ce > toks[and_at].begin && (std::isspace(static_cast<unsigned char>(a[ce - 1])) || a[ce - 1] == '.')) --ce;
    emit_statement(toks[and_at].begin, ce, src, src, S.begin, S.end, nullptr);
}

// A paragraph that opens a quote and never closes it: news carries a quote over several
// paragraphs so, with a quote mark opening each and one closing the last.
bool Assembly::quote_runs_past(text::Span S) const {
    if (t.paragraphs().empty()) return false;
    text::Span P = t.paragraphs()[t.paragraph_index(S.begin)];
    uint32_t open = quote_len(a, P.begin);
    if (!open) return false;
    for (uint32_t k = std::max(S.end, P.begin + open); k < P.end; ++k)
        if ((a[k] == '"' || static_cast<unsigned char>(a[k]) == 0xE2) && quote_len(a, k)) return false;
    return true;
}

// The speaker of such a quote: the one named in the next paragraph when it opens with the
// quote's next part ('"We are ready," he said.'), else the last named in the paragraph before
// ('"We are seeing ...," Duval told reporters.').
const Mention* Assembly::paragraph_quote_speaker(text::Span P) const {
    const auto& paras = t.paragraphs();
    if (paras.empty() || !quote_runs_past(text::Span{P.begin, P.begin})) return nullptr;
    size_t pi = t.paragraph_index(P.begin);
    if (pi + 1 < paras.size() && quote_len(a, paras[pi + 1].begin)) {
        auto it = std::lower_bound(named_sources.begin(), named_sources.end(), paras[pi + 1].begin, by_begin);
        if (it != named_sources.end() && (*it)->span.begin < paras[pi + 1].end) return *it;
    }
    if (pi > 0) {
        auto it = std::lower_bound(named_sources.begin(), named_sources.end(), paras[pi - 1].begin, by_begin);
        const Mention* last = nullptr;
        for (; it != named_sources.end() && (*it)->span.begin < paras[pi - 1].end; ++it) last = *it;
        return last;
    }
    return nullptr;
}

// Whether the words before token `end` hold a clause (a verb outside any mention, or a
// quote): "Western Australia's Mines Minister, Tessa Carrick, said ..." opens with the
// speaker's role, no content.
bool Assembly::clause_before(size_t end) const {
    for (size_t k = 0; k < end && k < toks.size(); ++k)
        if (((toks[k].bits & lx.kVerbWord) && sv.tok_mention[k] == SIZE_MAX) || toks[k].low == "\"") return true;
    return false;
}

// Whether a comma a few words before token `first` sets off a description of the holder named
// there ("..., its chief executive Dana Fell said in an interview with ..."): up to four words
// between, no verb outside a mention, nothing but words and a possessive's marks. (Asked for a
// speaker with a role: "..., flash figures from Eurostat showed" is a release, not a holder.)
bool Assembly::holder_described_before(size_t first) const {
    for (size_t k = first, n = 0; k > 0 && n <= 4; --k, ++n) {
        const Token& w = toks[k - 1];
        if (w.low == ",") return n > 0;
        if (w.low == "'" || w.low == "\xE2\x80\x99") continue;
        if (!w.is_word() || ((w.bits & lx.kVerbWord) && sv.tok_mention[k - 1] == SIZE_MAX)) return false;
    }
    return false;
}

// Whether what follows token `from` is only the speaker's role set off by a comma ("Growth is
// slowing, said Mohamed El-Erian, chief economic adviser at Allianz."): a comma, then words
// with no verb outside a mention to the sentence's end.
bool Assembly::role_after(size_t from) const {
    if (from >= toks.size() || toks[from].low != ",") return false;
    for (size_t k = from + 1; k < toks.size(); ++k)
        if (((toks[k].bits & lx.kVerbWord) && sv.tok_mention[k] == SIZE_MAX) || toks[k].low == "," ||
            toks[k].low == "\"" || toks[k].low == ";" || toks[k].low == ":")
            return false;
    return true;
}

void Assembly::statement_claims() {
    // A sentence that introduces a list ("For the quarter, the company reported:" then "- Net
    // sales of ..."): what it says is in the items, which make their own claims.
    {
        uint32_t e = S.end;
        while (e > S.begin && std::isspace(static_cast<unsigned char>(a[e - 1]))) --e;
        const auto& ps = t.paragraphs();
        const size_t pi = ps.empty() ? 0 : S_para;
        if (e > S.begin && a[e - 1] == ':' && pi + 1 < ps.size() && ps[pi].end <= e + 2 && list_item(ps[pi + 1])) return;
    }
    if (!any_source && !quoted) {
        const size_t before = out.size();
        unattributed_statement();
        if (out.size() == before) saying_clause_statement();  // "Ofcom fined Telvex, saying ..."
        return;
    }
    // A quote: its text runs from the opening quote mark to the closing one (or the
    // sentence's end when the quote goes on into the next sentence).
    uint32_t q_open = inside_quote ? S.begin : S.begin + quote_len(a, S.begin), q_close = S.end;
    for (uint32_t k = q_open; k < S.end; ++k)
        if ((a[k] == '"' || static_cast<unsigned char>(a[k]) == 0xE2) && quote_len(a, k)) {
            q_close = k;
            break;
        }
    // The attribution: the sentence's first named source, past one the quote itself speaks of
    // ('"The market is pricing a cut whatever the Fed says," said Paula Reyes': Reyes)
    const Mention* src = nullptr;
    const bool closed_quote = (quoted || inside_quote) && q_close < S.end;
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::source && !ms[i].name.empty()) {
            if (closed_quote && ms[i].span.begin >= q_open && ms[i].span.end <= q_close) {
                if (!src) src = &ms[i];
                continue;
            }
            if (src && closed_quote && src->span.end <= q_close) src = nullptr;
            if (!src) src = &ms[i];
            break;
        }
    quote_speaker = nullptr;
    if (!src && inside_quote) quote_speaker = run_speaker;
    if (!src && !quote_speaker) {
        // "We are not pre-committing ..." after '"...," Lagarde told reporters.': the speaker
        // of the paragraph so far; a quote that goes on into the next sentence ('"Customers
        // are no longer experimenting. They are signing ...," Raman told Reuters'): its speaker.
        text::Span P = t.paragraphs().empty() ? S : t.paragraphs()[S_para];
        for (auto it = std::lower_bound(named_sources.begin(), named_sources.end(), P.begin, by_begin);
             it != named_sources.end() && (*it)->span.begin < S.begin; ++it)
            quote_speaker = *it;
        if (!quote_speaker && q_close == S.end) {
            auto it = std::lower_bound(named_sources.begin(), named_sources.end(), S.end, by_begin);
            if (it != named_sources.end() && (*it)->span.begin < P.end) quote_speaker = *it;
        }
        if (!quote_speaker && q_close == S.end) quote_speaker = paragraph_quote_speaker(P);
        if (!quote_speaker) return;
    }
    const Mention* speaker = src ? src : quote_speaker;
    if (quote_speaker && !inside_quote && q_close == S.end && quote_runs_past(S)) {
        // the rest of a paragraph whose quote goes on into the next one: the same speaker's
        quote_open_until = t.paragraphs()[S_para].end;
        run_speaker = speaker;
    } else if (quoted && q_close == S.end && !(src && src->span.begin > q_open)) {
        // a quote that runs on into the next sentences ('"This bonanza provides ... flexibility.
        // It could either ...," said Aditi Rao'): one statement per sentence (one fact, one
        // claim), all the speaker's
        text::Span P = t.paragraphs().empty() ? S : t.paragraphs()[S_para];
        for (uint32_t k = S.end; k < P.end; ++k)
            if ((a[k] == '"' || static_cast<unsigned char>(a[k]) == 0xE2) && quote_len(a, k)) {
                quote_open_until = k;
                run_speaker = speaker;
                break;
            }
    }
    // Content: the quote when the attribution follows it ('"...," X said in a statement.');
    // after the attribution when it leads ("According to X, a role at Y (Z), content"),
    // before it when it trails ("content, X said."), after the cue otherwise ("X said content").
    uint32_t cb = S.begin, ce = S.end;
    size_t src_first = src ? sv.token_at(src->span.begin) : 0, src_last = src ? sv.token_at(src->span.end) : 0;
    bool leads = src && (src_first <= clause_start_tok(src_first) + 1 || src_first <= 1);
    // "Redstone trades cheaply against its rivals, according to Priya Natarajan, an airline analyst
    // at Coldwater Securities.": "according to X" after a comma, with only the holder's role after
    // it to the sentence's end, trails its content; the role is no content (session 19, probes19)
    const bool trailing_according = src && src->cue == "according to" && src_first > 3 &&
                                    toks[src_first - 1].low == "," && src_last < toks.size() && role_after(src_last);
    if (trailing_according) leads = false;
    if (!src || (quoted && q_close < src->span.begin)) {
        cb = q_open;
        ce = q_close;
    } else if (trailing_according) {
        ce = toks[src_first - 1].begin;
    } else if (src->span.begin - S.begin < 3 || leads) {
        // skip to the comma that ends the attribution (and an apposition after it)
        // (not past a clause: "Volkswagen said the tariffs were the wrong approach, while ...")
        size_t k = src_last;
        int depth = 0;
        size_t comma = SIZE_MAX;
        for (; k < toks.size(); ++k) {
            if (toks[k].low == "(") ++depth;
            if (toks[k].low == ")") --depth;
            if (depth == 0 && (toks[k].bits & lx.kVerbWord) && sv.tok_mention[k] == SIZE_MAX) break;
            if (depth == 0 && toks[k].low == ",") {
                comma = k;
                // an apposition: ", a senior economist at X (Y)," → go on to its closing comma
                // (or a citation: ", citing weaker volumes, said")
                if (k + 1 < toks.size() && (toks[k + 1].low == "a" || toks[k + 1].low == "an" ||
                                            toks[k + 1].low == "the" || toks[k + 1].low == "which" ||
                                            toks[k + 1].low == "who" || toks[k + 1].low == "citing")) {
                    // (not a clause: "In the view of the board, the risks ... are balanced, the minutes said")
                    size_t k2 = k + 1;
                    int d2 = 0;
                    bool clause = false;
                    for (; k2 < toks.size(); ++k2) {
                        if (toks[k2].low == "(") ++d2;
                        if (toks[k2].low == ")") --d2;
                        if (d2 == 0 && toks[k2].low == ",") break;
                        clause |= (toks[k2].bits & lx.kVerbWord) && toks[k + 1].low == "the";
                    }
                    if (k2 < toks.size() && !clause) comma = k2;
                }
                break;
            }
        }
        // "X said on Monday that ...": a cue verb ends the attribution; only "according to X"
        // (and a comma right after the source) runs on to a comma
        if (src_last < toks.size() && toks[src_last].low != "," && src->cue != "according to") comma = SIZE_MAX;
        if (comma != SIZE_MAX && comma + 1 < toks.size()) {
            // "X, citing Y, said the cut was deeper": the cue after the set-off words is no content
            size_t c = comma + 1;
            if (c + 1 < toks.size() && lx.speech_verbs.count(toks[c])) ++c;
            cb = toks[c].begin;
        } else cb = src->span.end;
    } else if (src->span.end + 2 >= S.end || src_last + 2 >= toks.size() ||
               // '"...," said X, an analyst at Y.'; "..., the Nikkei reported earlier this week."
               // Not when content follows the source: "The opposition's spokesperson, Rosa
               // Halden, rejected the plan as ..." (what may follow a trailing attribution:
               // `attribution_tail` words of words.tsv, punctuation, or a few words).
               // (", the people said": a "the" the source's span leaves out)
               (src_first > 2 && (toks[src_first - 1].low == "," || toks[src_first - 1].low == "\"" ||
                                  (toks[src_first - 1].low == "the" && toks[src_first - 2].low == ",") ||
                                  (!src->role.empty() && holder_described_before(src_first))) &&
                (src_first * 3 > toks.size() || role_after(src_last)) && clause_before(src_first) &&
                ((!toks[src_last].is_word() && toks[src_last].low != ":" && toks[src_last].low != "\"") ||
                 lx.attribution_tails.count(toks[src_last])))) {
        ce = src->span.begin;
        // "..., legal experts said", "..., Commission spokesman Eric Mamer said": words between
        // the content's last comma and the holder describe the holder (a few words, no verb)
        // "..., Kestrel's general counsel, Dana Wright, said": the speaker's role set off by
        // commas before the name (the role the person mention carries)
        size_t h = sv.token_at(ce);
        bool set_off = false;
        if (h > 1 && toks[h - 1].low == "," && !src->role.empty()) {
            size_t c = h - 1;
            while (c > 0 && c + 8 > h && toks[c - 1].low != ",") --c;
            if (c > 0 && toks[c - 1].low == "," &&
                lower(sv.slice(toks[c].begin, toks[h - 1].begin)).find(lower(src->role)) != std::string::npos) {
                ce = toks[c - 1].begin;
                set_off = true;
            }
        }
        for (size_t k = h, n = 0; !set_off && k > 0 && n <= 4; --k, ++n) {
            const Token& w = toks[k - 1];
            if (w.low == ",") {
                if (n > 0) ce = w.begin;
                break;
            }
            if (!w.is_word() || ((w.bits & lx.kVerbWord) && sv.tok_mention[k - 1] == SIZE_MAX)) break;
        }
    } else {
        cb = src->span.end;
    }
    // a second attribution trailing the content ("In the view of the board, ..., the minutes said")
    for (size_t i : sv.mentions)
        if (&ms[i] != src && ms[i].type == Type::source && ms[i].span.begin > cb && ms[i].span.begin < ce &&
            ms[i].span.end + 2 >= ce && ms[i].span.begin >= 2) {
            if (a[ms[i].span.begin - 2] == ',') {
                ce = ms[i].span.begin;
                continue;
            }
            // "..., state broadcaster CCTV reported": a few words describing the holder after the comma
            size_t h = sv.token_at(ms[i].span.begin);
            for (size_t k = h, n = 0; k > 0 && n <= 3 && toks[k - 1].begin > cb; --k, ++n) {
                const Token& w = toks[k - 1];
                if (w.low == ",") {
                    if (n > 0) ce = w.begin;
                    break;
                }
                if (!w.is_word() || sv.tok_mention[k - 1] != SIZE_MAX || (w.bits & (lx.kVerbWord | lx.kChangeWord))) break;
            }
        }
    // A second statement in the sentence: a clause of its own with its own attribution
    // ("Volkswagen said ..., while BMW's chief warned they would ...", "... pipeline, as
    // analysts predicted the US drugmaker would ...") or the same speaker going on (",
    // adding that ..."; `continuation` words of words.tsv). The first content ends there.
    uint32_t split_at = 0, second_from = 0;
    const Mention* second = nullptr;
    for (size_t k = sv.token_at(cb) + 1; k + 2 < toks.size(); ++k) {
        if (toks[k].low != "," && toks[k].low != ";") continue;
        // ", but denied that ...": the speaker's second that-clause, in contrast to the first
        // (a `speech`, `view` or `denial` verb between "but" and "that"; ", and cautioned that"
        // goes on with the same statement, as the corpus reads it)
        if (k + 3 < toks.size() && toks[k + 1].low == "but" &&
            toks[k + 3].low == "that" && sv.tok_mention[k + 2] == SIZE_MAX &&
            (lx.speech_verbs.count(toks[k + 2]) || lx.view_verbs.count(toks[k + 2]) || lx.denial_verbs.count(toks[k + 2].low))) {
            split_at = std::min(ce, toks[k].begin);
            second_from = toks[k + 3].end;
            second = speaker;
            break;
        }
        // (", but said higher defence spending could support growth": "said" with no "that",
        // a clause of its own after it)
        if (k + 4 < toks.size() && toks[k + 1].low == "but" && sv.tok_mention[k + 2] == SIZE_MAX &&
            lx.speech_verbs.count(toks[k + 2]) && !lx.speech_aux.count(toks[k + 2]) && toks[k + 3].is_word() &&
            toks[k + 3].end < ce) {
            split_at = std::min(ce, toks[k].begin);
            second_from = toks[k + 2].end;
            second = speaker;
            break;
        }
        if (lx.continuation_words.count(toks[k + 1])) {
            // after the quote and its attribution ('"...," X told Reuters, adding that ...'):
            // the first content keeps its end
            split_at = std::min(ce, toks[k].begin);
            second_from = toks[k + 1].end;
            second = speaker;
            break;
        }
        // ", with chief executive Maria Olsen telling analysts that ...": an absolute clause
        // whose source speaks in a participle is a clause of its own too
        bool with = toks[k + 1].low == "with";
        if (toks[k].begin >= ce || !(with || clause_conjunctions.count(toks[k + 1]))) continue;
        for (size_t i : sv.mentions)
            if (&ms[i] != src && ms[i].type == Type::source && !ms[i].name.empty() &&
                sv.token_at(ms[i].span.begin) >= k + 2 && sv.token_at(ms[i].span.begin) <= k + 8 &&
                ms[i].span.begin < ce && (!with || ms[i].participle)) {
                split_at = toks[k].begin;
                second_from = ms[i].span.end;
                second = &ms[i];
                break;
            }
        if (second) break;
    }
    if (second) ce = split_at;
    emit_statement(cb, ce, speaker, src, q_open, q_close, second);
    if (second) emit_statement(second_from, S.end, second, src, q_open, q_close, second);
}

void Assembly::emit_statement(uint32_t cb, uint32_t ce, const Mention* who, const Mention* src, uint32_t q_open,
                              uint32_t q_close, const Mention* second) {
    // (a headline's second clause after ";" is another part of the story: "Lagarde says inflation
    // fight not over; markets trim cut bets")
    if (t.paragraph_index(cb) == 0)
        for (uint32_t k = cb; k < ce; ++k)
            if (a[k] == ';') {
                ce = k;
                break;
            }
    std::string content = trim(sv.slice(cb, ce));
    // strip "that" and quotes at the edges
    // 'X told analysts: "..."': the colon and the quote mark are not content
    while (!content.empty() && (content[0] == '"' || content[0] == '\'' || content[0] == ':' || content[0] == ' '))
        content.erase(0, 1);
    // a dateline before the content ("SYDNEY, Aug 26 (Wire) - ..."): not content
    // (its capitals tested first, and the dash looked for in the first 60 bytes only: a search of
    // the whole content stopped at every space, three times a statement — session 25)
    if (content.size() > 3 && std::isupper(static_cast<unsigned char>(content[0])) &&
        std::isupper(static_cast<unsigned char>(content[1])) && std::isupper(static_cast<unsigned char>(content[2]))) {
        // (a dash that starts within the first kDatelineWindow bytes: the window holds it whole)
        constexpr size_t kDatelineWindow = 60;
        for (std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
            size_t d = std::string_view(content).substr(0, kDatelineWindow - 1 + dash.size()).find(dash);
            if (d != std::string::npos) {
                content.erase(0, d + dash.size());
                break;
            }
        }
    }
    // "said on Monday that ...", "said at a press conference that ...": the content is the that-clause
    if (!content.empty()) {
        size_t t0 = sv.token_at(cb);
        while (t0 < toks.size() && !toks[t0].is_word()) ++t0;
        // "said in an interview with Bloomberg Television that": names inside the tail are
        // not content either; "warned Italy that", "assured investors that": the object of
        // a cue verb that takes one (`object_cue` words) comes before the that-clause
        // ("told German newspaper Handelsblatt that", "told reporters in Beijing that": the rest
        // of a told-object, whichever words the source span left out)
        bool object = t0 > 0 && toks[t0 - 1].end <= cb &&
                      (lx.object_cues.count(toks[t0 - 1].low) || (who && who->cue == "told" && who->span.end <= cb));
        if (t0 < toks.size() && (lx.attribution_tails.count(toks[t0]) || object)) {
            size_t channel = SIZE_MAX;  // "in a statement", "in a note to clients": the medium's noun
            for (size_t k = t0 + (object ? 0 : 1); k < toks.size() && k <= t0 + 10 && toks[k].begin < ce; ++k) {
                if (!toks[k].is_word() || sv.tok_mention[k] != SIZE_MAX) {
                    if (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type != Type::money &&
                        ms[sv.tok_mention[k]].type != Type::percent && ms[sv.tok_mention[k]].type != Type::quantity)
                        continue;
                    if (toks[k].low == "'" || toks[k].low == "-" || toks[k].low == ".") continue;
                    break;
                }
                // (a medium's noun inside the tail is no verb: "in a note", "in its report")
                if (channel == SIZE_MAX && k > t0 && sv.tok_mention[k] == SIZE_MAX && lx.channel_nouns.count(toks[k].low)) {
                    channel = k;
                    continue;
                }
                if (k > t0 && (toks[k].bits & lx.kVerbWord) && sv.tok_mention[k] == SIZE_MAX) {
                    // "said in a statement it would ...", "said in a note on Monday the fee rise
                    // would ...": no "that", the reported clause opens at its subject, the
                    // nearest clause opener (words.tsv clause_opener) after the medium's noun
                    if (channel != SIZE_MAX && !object)
                        for (size_t j = k; j > channel + 1; --j) {
                            const size_t o = j - 1;
                            if (!toks[o].is_word() || sv.tok_mention[o] != SIZE_MAX) break;
                            if (!lx.clause_openers.count(toks[o].low)) continue;
                            std::string rest = trim(sv.slice(toks[o].begin, ce));
                            if (rest.size() < content.size() &&
                                std::string_view(content).substr(content.size() - rest.size()) == rest)
                                content = rest;
                            break;
                        }
                    break;
                }
                if (toks[k].low == "that") {
                    if (content.rfind("that ", 0) == 0) break;  // the clause starts right away
                    size_t cut = content.find(" that ");
                    if (cut != std::string::npos) content.erase(0, cut + 6);
                    break;
                }
            }
        }
    }
    // "..., speaking at a press conference after the meeting": how the speaker spoke, not
    // content (`attribution_participle` words after a comma)
    for (size_t k = sv.token_at(cb) + 1; k + 1 < toks.size() && toks[k + 1].begin < ce; ++k)
        if (toks[k].low == "," && lx.attribution_participles.count(toks[k + 1].low)) {
            std::string tail = trim(sv.slice(toks[k].begin, ce));
            if (content.size() > tail.size() + 10 &&
                std::string_view(content).substr(content.size() - tail.size()) == tail)
                content.resize(content.size() - tail.size());
            break;
        }
    // "said last week the group remained ...", "said on Tuesday the bank would ...": the
    // date of the saying, not content
    if (!content.empty()) {
        size_t t0 = sv.token_at(cb);
        while (t0 < toks.size() && !toks[t0].is_word()) ++t0;
        if (t0 + 1 < toks.size() && lx.attribution_tails.count(toks[t0]) && sv.tok_mention[t0] == SIZE_MAX) ++t0;
        size_t m = t0 < toks.size() ? sv.tok_mention[t0] : SIZE_MAX;
        if (m != SIZE_MAX && ms[m].type == Type::date) {
            size_t after = sv.token_at(ms[m].span.end);
            std::string rest = after < toks.size() ? trim(sv.slice(toks[after].begin, ce)) : std::string();
            if (after < toks.size() && toks[after].is_word() && toks[after].low != "that" && rest.size() + 4 < content.size() &&
                content.size() >= rest.size() && std::string_view(content).substr(content.size() - rest.size()) == rest)
                content.erase(0, content.size() - rest.size());
        }
    }
    if (content.rfind("that ", 0) == 0) content.erase(0, 5);
    // "The board said its targets for the season were:": a colon closing the content
    // introduces what follows (a list, a quote); the introduction itself says nothing (the
    // items are claims of their own)
    if (!content.empty() && content.back() == ':') return;
    // a closing quote mark stays when it closes a quote inside the content ('called the
    // budget "a disaster for families"')
    while (!content.empty() && ((content.back() == '"' && std::count(content.begin(), content.end(), '"') % 2 == 1) ||
                                content.back() == '\'' || content.back() == ',' ||
                                content.back() == ' ' || content.back() == '.'))
        content.pop_back();
    // "..., a Sanofi spokesman said": the article before the holder is not content
    for (std::string_view det : {" a", " an", " the", " A", " An", " The"})
        if (content.size() > det.size() && std::string_view(content).substr(content.size() - det.size()) == det) {
            content.resize(content.size() - det.size());
            while (!content.empty() && (content.back() == ',' || content.back() == ' ')) content.pop_back();
            break;
        }
    // a short quote is a statement too ('"It's a disaster," he said'), and so is a that-clause
    // ("adding that prices had stabilised"); other content has four words
    bool that_clause = false;
    if (!content.empty()) {
        size_t c = sv.slice(cb, ce).find(content);
        size_t k = c == std::string::npos ? toks.size() : sv.token_at(cb + static_cast<uint32_t>(c));
        that_clause = k > 0 && k < toks.size() && toks[k - 1].low == "that";
    }
    // ("Growth is slowing, said Governor Michele Bullock": an inverted attribution after the
    // content states it, three words are a clause)
    const bool inverted = who && who->span.begin >= ce && sv.token_at(who->span.begin) < toks.size() &&
                          lx.speech_verbs.count(toks[sv.token_at(who->span.begin)]);
    // (a headline or standfirst is terse: "...; Moody's says outlook remains negative", three
    // words with a verb are a clause)
    bool terse = false;
    if (who && who->span.end <= cb && !t.paragraphs().empty() && t.paragraph_index(cb) <= 1)
        for (size_t k = sv.token_at(cb) + 1; k < toks.size() && toks[k].begin < ce && !terse; ++k)
            terse = (toks[k].bits & (lx.kVerbWord | lx.kChangeWord)) && sv.tok_mention[k] == SIZE_MAX;
    if (std::count(content.begin(), content.end(), ' ') <
        ((src && cb == q_open && q_close < S.end) || that_clause || inverted || terse ? 2 : 3))
        return;
    size_t off = sv.slice(cb, ce).find(content.substr(0, std::min<size_t>(content.size(), 12)));
    uint32_t c0 = off == std::string_view::npos ? cb : cb + static_cast<uint32_t>(off);
    uint32_t c1 = std::min<uint32_t>(c0 + static_cast<uint32_t>(content.size()), ce);
    // (a sentence with figure claims: only content that asserts something besides them)
    if (beside_figures) {
        if (!figure_free_part(c0, c1, quoted && c0 >= q_open && c1 <= q_close)) return;
        content = trim(sv.slice(c0, c1));
        while (!content.empty() && (content.back() == ',' || content.back() == ' ' || content.back() == '.'))
            content.pop_back();
        c1 = c0 + static_cast<uint32_t>(content.size());
    }
    // "The Business Times first reported the talks last month", "Equinor reports its
    // results next week": what is reported with no clause is an act, not a statement
    if (who && who->cue == "reported" && c0 >= who->span.end) {
        bool verb = false;
        for (size_t k = sv.token_at(c0); k < toks.size() && toks[k].begin < c1 && !verb; ++k)
            verb = (toks[k].bits & (lx.kVerbWord | lx.kChangeWord)) && sv.tok_mention[k] == SIZE_MAX;
        if (!verb) return;
    }
    // "Halvorsen has said little about the plan", "said nothing about timing": what the cue
    // takes is an object, not a clause ("he said nothing had been decided" is one: a verb
    // follows), and no statement
    if (who && c0 >= who->span.end) {
        size_t h = sv.token_at(c0);
        if (h < toks.size() && lx.said_objects.count(toks[h].low) &&
            (h + 1 >= toks.size() || toks[h + 1].begin >= c1 || !(toks[h + 1].bits & lx.kVerbWord)))
            return;
    }
    Claim j;
    double conf = 0.5;
    // The statement's subject: the entities at the head of its content.
    size_t ct0 = sv.token_at(c0), ct1 = sv.token_at(c1);
    // skip a leading attribution or adverbial inside the content ("According to analysts, ...")
    if (ct0 < ct1 && kLeadWords.count(toks[ct0])) {
        for (size_t k = ct0; k < ct1; ++k)
            if (toks[k].low == ",") {
                ct0 = k + 1;
                break;
            }
    }
    while (ct0 < ct1 && (toks[ct0].low == "\"" || toks[ct0].low == "'")) ++ct0;
    Subject subj;
    {
        size_t verb = first_verb(ct0, ct1);
        if (is_anaphor(ct0, verb)) {
            if (const Mention* c = referent(ct0, verb)) add_name(subj, c->name);
        } else if (verb > ct0) {
            for (auto* m : entities_in(ct0, verb, true)) add_name(subj, m->name);
            if (subj.names.empty() && verb - ct0 <= 12) {
                size_t d0 = ct0;
                while (d0 < verb && kDeterminers.count(toks[d0])) ++d0;
                bool plain = true;
                for (size_t k = d0; k < verb; ++k)
                    if (!toks[k].is_word() && toks[k].low != "'") plain = false;
                if (d0 < verb && plain) subj.description = trim(sv.slice(toks[d0].begin, toks[verb - 1].end));
            }
        }
    }
    set_subject(subj, j, conf);

    std::optional<size_t> per;
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::date && ms[i].span.begin >= c0 && ms[i].span.end <= c1) {
            per = i;
            break;
        }
    if (per) j.period = Period{static_cast<uint32_t>(*per)};
    j.statement = text::Span{c0, c1};
    j.sources = claim_sources(conf, std::string(), j, j.statement->begin);
    // (a source the content itself speaks of is no attribution of it: "whatever the Fed says"
    // inside Reyes's quote)
    if (j.sources.size() > 1) {
        std::vector<Source> outside;
        for (const Source& s : j.sources)
            if (!(ms[s.mention].span.begin >= c0 && ms[s.mention].span.end <= c1)) outside.push_back(s);
        if (!outside.empty() && outside.size() < j.sources.size()) {
            for (Source& s : outside)
                if (s.cited_by != kNoMention && ms[s.cited_by].span.begin >= c0 && ms[s.cited_by].span.end <= c1)
                    s.cited_by = kNoMention;
            j.sources = std::move(outside);
        }
    }
    if (second) {
        // two statements in one sentence: each keeps its own speaker (and what it cites)
        std::vector<Source> own;
        for (const Source& s : j.sources)
            if (ms[s.mention].name == who->name ||
                (s.cited_by != kNoMention && ms[s.cited_by].name == who->name))
                own.push_back(s);
        if (!own.empty()) j.sources = std::move(own);
    }
    KeyHash key = key_hash("statement");
    key.add(who->name).sep().add(lower(content));
    finish(std::move(j), "statement", key, conf);
}

// After an act the sentence's subject did: "Ofgem also cut £2.1bn from the plan, saying some
// projects had not been justified" — the participle's subject is the sentence's, so the holder
// heading the sentence (an organisation or person, "the regulator" the last one named) states
// the clause after ", saying", when it holds no figure of its own (the figure claims' business)
// and the sentence names no source (whose cue the source passes read: "welcomed ..., saying").
void Assembly::saying_clause_statement() {
    if (inside_quote || quoted || toks.size() < 8) return;
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::source) return;
    size_t from = 0;  // past a dateline ("LONDON, Nov 30 — Ofcom fined ...": its dash is no token)
    // (or its tail after an abbreviation's full stop: "13 — Mexico's central bank ...")
    const bool caps = S.end > S.begin + 3 && std::isupper(static_cast<unsigned char>(a[S.begin + 1])) &&
                      std::isupper(static_cast<unsigned char>(a[S.begin + 2]));
    if (caps || (S.end > S.begin + 3 && std::isdigit(static_cast<unsigned char>(a[S.begin])))) {
        const std::string_view head(a.data() + S.begin, std::min<size_t>(caps ? 80 : 12, S.end - S.begin));
        for (std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
            size_t d = head.find(dash);
            if (d != std::string_view::npos) {
                from = sv.token_at(S.begin + static_cast<uint32_t>(d + dash.size()));
                break;
            }
        }
    }
    // the holder: the words before the sentence's first verb
    size_t v = from;
    while (v < toks.size() && v < from + 8 && (toks[v].is_word() || toks[v].low == "'" || toks[v].low == "'s") &&
           !((toks[v].bits & (lx.kVerbWord | lx.kChangeWord)) && sv.tok_mention[v] == SIZE_MAX))
        ++v;
    const Mention* holder = nullptr;
    if (v < toks.size() && v > from && toks[v].is_word() && v < from + 8) {
        size_t hi = v;
        while (hi > from + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;
        // ("The European Commission on Tuesday approved ...": a date between the holder and its verb)
        const size_t dated = hi;
        while (hi > from + 1 && sv.tok_mention[hi - 1] != SIZE_MAX && ms[sv.tok_mention[hi - 1]].type == Type::date) --hi;
        if (hi < dated && hi > from + 1 && (toks[hi - 1].low == "on" || toks[hi - 1].low == "in")) --hi;
        holder = opening_holder(hi, from);
    }
    if (!holder && from < toks.size() && sv.tok_mention[from] != SIZE_MAX) {
        // a name the verb list lacks a verb after ("Ofcom fined Telvex ..."): the name, then
        // a lower-case word
        const Mention& m = ms[sv.tok_mention[from]];
        const size_t e = sv.token_at(m.span.end);
        if ((m.type == Type::org || m.type == Type::person) && e < toks.size() && toks[e].is_word() &&
            std::islower(static_cast<unsigned char>(a[toks[e].begin])))
            holder = &m;
    }
    if (!holder && v < toks.size() && v >= from + 2 && v < from + 8 && toks[v - 2].low == "central" &&
        toks[v - 1].low == "bank") {
        // "Mexico's central bank lowered ...", "The central bank also said ...": the central
        // bank last named (or the next one, when the lead names it only later)
        auto it = std::lower_bound(central_banks.begin(), central_banks.end(), S.begin, by_begin);
        if (it != central_banks.begin()) holder = *std::prev(it);
        else if (it != central_banks.end()) holder = *it;
    }
    if (!holder && from + 2 < toks.size() && toks[from].low == "the" && lx.agency_nouns.count(toks[from + 1].low)) {
        // "The regulator also cut ...": the last agency named before the sentence
        for (size_t i = next_mention; i-- > 0;)
            if (ms[i].span.begin < S.begin && ms[i].type == Type::org && std::string_view(ms[i].kind) == "agency" &&
                !ms[i].name.empty()) {
                holder = &ms[i];
                break;
            }
    }
    if (!holder && from + 2 < toks.size() && toks[from].low == "the" && lx.council_nouns.count(toks[from + 1])) {
        // "The board lowered the policy rate ... and said ...": a central bank's council, when
        // the organisation named last before the sentence is a central bank (session 22)
        for (size_t i = next_mention; i-- > 0;)
            if (ms[i].span.begin < S.begin && ms[i].type == Type::org && !ms[i].name.empty()) {
                if (std::string_view(ms[i].kind) == "central_bank") holder = &ms[i];
                break;
            }
    }
    if (!holder) return;
    for (size_t k = from + 2; k + 4 < toks.size(); ++k) {
        // ", saying ...", "... and said ..." (the holder's second act: "lowered its rate to
        // 6.75% on Thursday, and said it would weigh further cuts")
        size_t c0 = 0;
        if (toks[k].low == "," && toks[k + 1].low == "saying") c0 = k + 2;
        else if (toks[k].low == "and" && (toks[k + 1].low == "said" || toks[k + 1].low == "says") &&
                 sv.tok_mention[k + 1] == SIZE_MAX)
            c0 = k + 2;
        else if (toks[k].low == "and" && toks[k + 2].low == "that" && sv.tok_mention[k + 1] == SIZE_MAX &&
                 (lx.speech_verbs.count(toks[k + 1]) || lx.view_verbs.count(toks[k + 1])))
            c0 = k + 2;  // ("... and signalled that it was in no hurry to cut")
        if (!c0) continue;
        // "and said in its monetary policy report that ...": the content is the that-clause
        if (c0 < toks.size() && lx.attribution_tails.count(toks[c0]))
            for (size_t q = c0 + 1; q < toks.size() && q <= c0 + 10; ++q) {
                if ((toks[q].bits & lx.kVerbWord) && sv.tok_mention[q] == SIZE_MAX) break;
                if (toks[q].low == "that") {
                    c0 = q;
                    break;
                }
            }
        if (c0 < toks.size() && toks[c0].low == "that") ++c0;
        if (c0 >= toks.size() || !toks[c0].is_word() || lx.said_objects.count(toks[c0].low)) return;
        // (a figure in the clause, "stabilised at about 16,400 per dollar", is its claim's)
        const auto cw = clause_words(c0, true);
        if (!cw) return;
        const auto [words, verb] = *cw;
        if (words < 4 || !verb) return;
        holder_statement(toks[c0].begin, holder, 0.5);
        return;
    }
}

// ---- statements in sentences that also carry a figure (session 22, statements22)
//
// corpus/CLAIMS.md: a quote or reported sentence whose only content is a figure makes that
// figure's claim and no statement; one that asserts something besides the figure is a
// statement too. beside_figures_statement reads the sentence's attribution and content as
// statement_claims does for a sentence with no figure, then keeps the content only when
// figure_free_part finds such an assertion in it.

// A money, percentage or quantity mention's token, or a number no mention took ("rose to 65,600").
bool Assembly::figure_tok(size_t k) const {
    const size_t m = sv.tok_mention[k];
    if (m == SIZE_MAX) return std::isdigit(static_cast<unsigned char>(toks[k].low[0])) != 0;
    return ms[m].type == Type::money || ms[m].type == Type::percent || ms[m].type == Type::quantity;
}

// A verb outside any mention: the verb list's, a change verb, a cue, belief or view verb, or a
// clause_verb of words.tsv ("knows", "am", "pointed"); not a noun after a determiner ("one more
// cut", "a rise").
bool Assembly::clause_verb_tok(size_t k) const {
    if (sv.tok_mention[k] != SIZE_MAX || !toks[k].is_word()) return false;
    if (k > 0 && (kDeterminers.count(toks[k - 1]) || toks[k - 1].low == "more" || toks[k - 1].low == "further" ||
                  toks[k - 1].low == "another" || toks[k - 1].low == "one"))
        return false;
    return (toks[k].bits & (lx.kVerbWord | lx.kChangeWord)) || lx.speech_verbs.count(toks[k]) ||
           lx.belief_verbs.count(toks[k]) || lx.view_verbs.count(toks[k]) || lx.clause_verbs.count(toks[k].low) ||
           lx.modal_words.count(toks[k]);
}

// Whether tokens [k0, k1) make a clause with no figure: at least `least` words and a verb after
// its first word (a quoted phrase's words count: 'was "confident in our plan"').
bool Assembly::clause_part(size_t k0, size_t k1, size_t least) const {
    size_t words = 0;
    bool verb = false;
    for (size_t k = k0; k < k1 && k < toks.size(); ++k) {
        if (figure_tok(k)) return false;
        words += toks[k].is_word();
        verb |= k > k0 && clause_verb_tok(k);
    }
    return verb && words >= least;
}

// The content [c0, c1) of an attributed sentence with figure claims: true when it asserts
// something besides its figures (the span narrowed to that part where the rule says so).
//  - no figure in it: the figures are the attribution's ("X, which employs 5,000 people, said
//    ...", "..., said Y, who expects a 3% rise"), and the content is a clause of its own that
//    the cue opens ("said", "that"; not an attribution's tail, "said in a filing on Monday",
//    nor a clause after it, "..., X said, as output rose");
//  - a quote: a part of its own with a verb and no figure (", and we will not slow ...",
//    "... but some projects will have to wait") makes the whole quote a statement;
//  - reported words after the cue: a first part with no figure before what hands on to the
//    figure (", noting that", ", estimating", "and pointed to", ", and raised its target to",
//    ", which could cost up to"): that part; figures only inside a parenthetical between the
//    clause's subject and its verb ("household debt, at about 220% of income, remained ..."):
//    the whole clause; a later "that"-clause with no figure (", but that ...", ", adding that
//    ..."): that clause. Content before a trailing attribution is cut only at a relative
//    clause or a participle ("Ports were congested, which added 4% to costs, X said").
// Not a forecast's or a data release's cue ("Analysts at X forecast ...", "data showed"): what
// they state is the figure.
bool Assembly::figure_free_part(uint32_t& c0, uint32_t& c1, bool quote) const {
    const Mention* src = first_named_source();
    if (src && (src->cue == "forecast" || src->cue == "estimated" || src->cue == "showed")) return false;
    const size_t t0 = sv.token_at(c0);
    size_t t1 = t0;
    while (t1 < toks.size() && toks[t1].begin < c1) ++t1;
    if (t0 >= t1) return false;
    const bool trailing = !quote && src && c1 <= src->span.begin;
    bool figure = false;
    for (size_t k = t0; k < t1; ++k) figure |= figure_tok(k);
    if (!figure) {
        if (!clause_part(t0, t1, 3)) return false;
        if (quote || trailing || !src || c0 < src->span.end || t0 == 0) return true;
        // (after the source: opened by its cue verb or "that")
        const Token& p = toks[t0 - 1];
        return p.low == "that" || p.low == "\"" || p.low == ":" || lx.speech_verbs.count(p) ||
               lx.view_verbs.count(p) || (p.bits & lx.kVerbWord);
    }
    // the boundaries between parts at the top level (outside a quoted phrase and brackets)
    struct Cut {
        size_t at, next;  // the separator's first token, the part's first token after it
        bool that, relative;
    };
    std::vector<Cut> cuts;
    bool in_quote = false;
    int depth = 0;
    for (size_t k = t0; k + 1 < t1; ++k) {
        const auto& w = toks[k].low;
        if (w == "\"") in_quote = !in_quote;
        if (w == "(") ++depth;
        if (w == ")") --depth;
        if ((in_quote && !quote) || depth > 0 || k == t0) continue;
        const auto& n = toks[k + 1].low;
        const bool n_free = sv.tok_mention[k + 1] == SIZE_MAX;
        const bool that = k + 2 < t1 && toks[k + 2].low == "that";
        const size_t after = that ? k + 3 : k + 2;
        if (w == "," && (n == "which" || n == "who") && n_free) cuts.push_back({k, k + 1, false, true});
        else if (w == "," && n_free && (lx.figure_participles.count(n) || (that && lx.continuation_words.count(toks[k + 1]))))
            cuts.push_back({k, after, that, false});
        else if (trailing) continue;
        else if (quote && (w == ";" || (w == "," && (n == "and" || n == "but") && n_free)))
            cuts.push_back({k, w == ";" ? k + 1 : k + 2, false, false});
        else if (w == "," && (n == "and" || n == "but") && n_free && k + 2 < t1 &&
                 (that || (clause_verb_tok(k + 2) && !(toks[k + 2].bits & lx.kChangeWord))))
            cuts.push_back({k, after, that, false});
        else if ((w == "and" || w == "but") && sv.tok_mention[k] == SIZE_MAX && toks[k - 1].low != "," &&
                 (n == "that" || (clause_verb_tok(k + 1) && !(toks[k + 1].bits & lx.kChangeWord))))
            cuts.push_back({k, n == "that" ? k + 2 : k + 1, n == "that", false});
    }
    // the figures inside a parenthetical between the clause's subject and its verb: "household
    // debt, at about 220% of income, remained ...", "Comina, which employs 16,800 people, is ..."
    if (!quote) {
        size_t open = SIZE_MAX, close = SIZE_MAX;
        for (size_t k = t0 + 1; k < t1; ++k)
            if (toks[k].low == ",") {
                if (open == SIZE_MAX) open = k;
                else {
                    close = k;
                    break;
                }
            }
        if (close != SIZE_MAX) {
            bool subject_verb = false, inside = false, rest = false, verb_soon = false;
            for (size_t k = t0; k < open; ++k) subject_verb |= clause_verb_tok(k) || figure_tok(k) || toks[k].low == "\"";
            for (size_t k = open + 1; k < close; ++k) inside |= figure_tok(k);
            // (not a condition: "would apply from January if ...")
            for (size_t k = close + 1; k < t1; ++k) rest |= figure_tok(k) || lx.condition_words.count(toks[k]);
            for (size_t k = close + 1; k < t1 && k <= close + 3 && !verb_soon; ++k) verb_soon = clause_verb_tok(k);
            if (!subject_verb && inside && !rest && verb_soon && clause_part(close, t1, 3)) return true;
        }
    }
    if (cuts.empty()) return false;
    if (quote) {
        // a part of the quote with its own verb and no figure (not a relative clause's)
        for (size_t i = 0; i <= cuts.size(); ++i) {
            const size_t from = i ? cuts[i - 1].next : t0, to = i < cuts.size() ? cuts[i].at : t1;
            if (!(i && cuts[i - 1].relative) && clause_part(from, to, 3)) return true;
        }
        return false;
    }
    // the first part, when it is a clause with no figure and what follows hands on to figures
    if (clause_part(t0, cuts[0].at, 4)) {
        c1 = toks[cuts[0].at].begin;
        return true;
    }
    // a later "that"-clause with no figure: ", but that the weak yen was ...", ", adding that ..."
    for (size_t i = 0; i < cuts.size(); ++i) {
        if (!cuts[i].that) continue;
        const size_t to = i + 1 < cuts.size() ? cuts[i + 1].at : t1;
        if (clause_part(cuts[i].next, to, 4)) {
            c0 = toks[cuts[i].next].begin;
            c1 = toks[to - 1].end;
            return true;
        }
    }
    return false;
}

// After figure claims that made no statement: the sentence's attribution and content read as
// for a sentence with no figure (statement_claims), kept by figure_free_part. The quote state
// statement_claims keeps for the next sentences is left as the figure sentence found it.
void Assembly::beside_figures_statement() {
    if (!any_source && !quoted) return;
    const uint32_t open_until = quote_open_until;
    const Mention* speaker = run_speaker;
    beside_figures = true;
    statement_claims();
    beside_figures = false;
    quote_open_until = open_until;
    run_speaker = speaker;
}

}  // namespace claimex::claims
