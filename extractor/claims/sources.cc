// The sources of a claim: the attribution in its sentence, the holder whose forecast heads the
// sentence, what the paragraph or the lead passes on (inherited), an organisation's own
// release, and the sources that speak for no figure (unnamed analysts, polls, other companies).
// Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace claimex::claims {

// A company's release or statement does not speak for another company's figures (a rival's
// results, a target's customers): a company source other than the figure's single company
// subject, unless the subject is a part of it (a `unit`, or its name starts with the same word:
// "Kaveri EV" in a Kaveri Motors release).
bool Assembly::another_company(const Claim& claim, const Mention* src) {
    if (!src || claim.subject_is_description || claim.subject.size() != 1) return false;
    // (the kind of the organisation as first named: a source mention may mistake a news
    // agency for a company)
    auto sk = org_kinds.find(src->name);
    if (std::string_view(sk != org_kinds.end() ? sk->second : static_cast<const std::string&>(src->kind)) != "company") return false;
    const std::string& n = claim.subject.front();
    if (n == src->name || unit_companies.count(n)) return false;
    auto k = org_kinds.find(n);
    if (k == org_kinds.end() || k->second != "company") return false;
    auto first_word = [](std::string_view x) { return x.substr(0, x.find(' ')); };
    return first_word(n) != first_word(src->name);
}

// A holder heading the sentence with a verb of forecast ("The Treasury now forecasts an
// operating deficit of NZ$6.6 billion", "ECB staff now expect inflation to average 2.0%",
// "Kazemura ... assumes an exchange rate of 150 yen"): the source of the sentence's
// figures when the sentence names no other (its staff speak for it).
// A holder revising its own forecast heads the sentence the same way ("The IMF cut its
// forecast for China's growth to 4.2%", "The BoJ raised its projection").
bool Assembly::revises_forecast(size_t v) {
    // (or keeps it: "the IMF kept its estimate for global growth unchanged at 3.0%")
    static const WordList kKeep = {"kept",       "keeps",      "maintained", "maintains",
                                   "reiterated", "reiterates", "reaffirmed", "reaffirms"};
    if (v >= toks.size() || !((toks[v].bits & lx.kChangeWord) || kKeep.count(toks[v].low))) return false;
    for (size_t k = v + 1; k < toks.size() && k <= v + 2; ++k)
        // (an analyst's own: "He raised his pre-tax profit forecast for the year to £425m")
        if (toks[k].low == "its" || toks[k].low == "their" || toks[k].low == "his" || toks[k].low == "her")
            // (a few words between: "its full-year operating profit forecast")
            for (size_t j = k + 1; j < toks.size() && j <= k + 6 && (toks[j].is_word() || toks[j].low == "-"); ++j)
                if (kForecastNouns.count(toks[j])) return true;
    // a headline drops the possessive: "RBI holds rates, trims FY27 inflation forecast to 3.9%"
    for (size_t j = v + 1; j < toks.size() && j <= v + 3 && toks[j].is_word(); ++j) {
        if (kForecastNouns.count(toks[j])) return j > v + 1;
        if (sv.tok_mention[j] != SIZE_MAX && ms[sv.tok_mention[j]].type != Type::date) break;
    }
    return false;
}

// "ING economist Nicholas Mapa expects ...", "Nomura Securities strategist Yujiro Goto
// forecasts ...": the person right before the verb at token hi, after nothing but words
// (their organisation and role). Null when there is none.
const Mention* Assembly::titled_person_before(size_t hi, size_t from) {
    if (hi < from + 2 || sv.tok_mention[hi - 1] == SIZE_MAX) return nullptr;
    const Mention& m = ms[sv.tok_mention[hi - 1]];
    if (m.type != Type::person || m.span.begin < toks[from].begin) return nullptr;
    for (size_t k = from; k < sv.token_at(m.span.begin); ++k)
        if (!toks[k].is_word() && toks[k].low != "'") return nullptr;
    return &m;
}

void Assembly::find_forecast_holder() {
    forecast_holder = nullptr;
    forecast_verb = 0;
    // (the holder heads the sentence's own words, after a dateline: "JOHANNESBURG, March 12 -
    // Sasol cut its annual production forecast to ..."; or after a fronted phrase of where or
    // when: "In its latest World Economic Outlook, the IMF kept its estimate ...")
    size_t h0 = dateline_head();
    if (h0 < toks.size() && (toks[h0].low == "in" || toks[h0].low == "on" || toks[h0].low == "at"))
        for (size_t k = h0 + 1; k < toks.size() && k <= h0 + 10; ++k) {
            if (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type == Type::source) break;
            if (toks[k].low == ",") {
                h0 = k + 1;
                break;
            }
        }
    if (h0 + 1 < toks.size()) {
        size_t v = h0 + 1;
        while (v < toks.size() && v <= h0 + 8 && !lx.forecast_verbs.count(toks[v]) && !revises_forecast(v) &&
               (toks[v].is_word() || sv.possessive_at(v)) && !(toks[v].bits & lx.kVerbWord))
            ++v;
        if (v <= h0 + 8 && v < toks.size() && (lx.forecast_verbs.count(toks[v]) || revises_forecast(v))) {
            size_t hi = v;
            // (and the day of the act between holder and verb: "The IMF on Tuesday cut its forecast")
            for (bool moved = true; moved;) {
                moved = false;
                while (hi > h0 + 1 && (trailing_adverbs.count(toks[hi - 1]) || lx.staff_nouns.count(toks[hi - 1]))) --hi, moved = true;
                // ("The bank's staff now see inflation at 4.3%": the staff's organisation holds it —
                // session 24)
                if (hi >= h0 + 3 && hi < v && lx.staff_nouns.count(toks[hi]) && sv.possessive_at(hi - 2)) hi -= 2, moved = true;
                if (hi > h0 + 2 && sv.tok_mention[hi - 1] != SIZE_MAX && ms[sv.tok_mention[hi - 1]].type == Type::date) {
                    size_t d = sv.token_at(ms[sv.tok_mention[hi - 1]].span.begin);
                    if (d > h0 + 1 && d < hi && (toks[d - 1].low == "on" || toks[d - 1].low == "in")) hi = d - 1, moved = true;
                }
            }
            forecast_holder = opening_holder(hi, h0);
            if (!forecast_holder) forecast_holder = titled_person_before(hi, h0);
            forecast_verb = v;
        } else if (v <= h0 + 8 && v < toks.size() && (toks[v].bits & lx.kVerbWord)) {
            // a revision in a predicate that shares the holder ("The RBI kept its repo rate at
            // 5.5% on Thursday, and lowered its inflation projection to 3.9%"; a headline's "RBI
            // holds rates at 5.5%, trims FY27 inflation forecast"): the figures after it
            size_t hi = v;
            while (hi > h0 + 1 && trailing_adverbs.count(toks[hi - 1])) --hi;
            if (const Mention* h = opening_holder(hi, h0))
                for (size_t k = v + 1; k + 1 < toks.size(); ++k) {
                    if (toks[k].low == ";" || toks[k].low == "\"" || (sv.tok_mention[k] != SIZE_MAX && ms[sv.tok_mention[k]].type == Type::source))
                        break;
                    const bool joint = toks[k].low == "," || toks[k].low == "and";
                    size_t w = k + 1;
                    if (toks[k].low == "," && w < toks.size() && toks[w].low == "and") ++w;
                    if (joint && w < toks.size() && revises_forecast(w)) {
                        forecast_holder = h;
                        forecast_verb = w;
                        break;
                    }
                }
        }
        // The holder and an aside between commas before its verb ("The Bank of England, which
        // holds about £560bn of gilts, expects ...", "The IMF, in its outlook released on
        // Tuesday, cut its forecast ...").
        const size_t h = h0 < toks.size() && toks[h0].low == "the" ? h0 + 1 : h0;
        if (!forecast_holder && h < toks.size() && sv.tok_mention[h] != SIZE_MAX) {
            const Mention& m = ms[sv.tok_mention[h]];
            size_t e = sv.token_at(m.span.end);
            if ((m.type == Type::org || m.type == Type::person) && e < toks.size() && toks[e].low == ",") {
                size_t c = e + 1;
                while (c < toks.size() && c <= e + 25 && toks[c].low != "," && toks[c].low != ";") ++c;
                size_t w = c + 1;
                while (w < toks.size() && trailing_adverbs.count(toks[w])) ++w;
                if (c < toks.size() && toks[c].low == "," && w < toks.size() &&
                    (lx.forecast_verbs.count(toks[w]) || revises_forecast(w))) {
                    forecast_holder = &m;
                    forecast_verb = w;
                }
            }
        }
    }
}

// An amount that unnamed analysts or economists expected ("above the $84.5 billion analysts
// had expected", "the 5.0% median estimate of economists", "Analysts on average had
// expected $5.2 billion") is neither the release's nor the sentence's speaker's figure:
// the group stands next to it, with nothing but speech verbs and their helpers between
// (no comma, no other verb: "$3bn, beating analysts' estimates" is the company's).
bool Assembly::group_expectation(const Claim& claim) {
    // (a change too when it names only its move: "Economists had forecast a 0.3% gain")
    uint32_t fig = claim.value;
    if (claim.change) {
        if (claim.value != kNoMention || claim.change->percent == kNoMention) return false;
        fig = claim.change->percent;
    }
    if (fig == kNoMention) return false;
    const text::Span v = ms[fig].span;
    size_t b = 0, e = 0;
    while (b < toks.size() && toks[b].begin < v.begin) ++b;
    e = b;
    while (e < toks.size() && toks[e].begin < v.end) ++e;
    auto plain = [&](size_t lo, size_t hi) {
        for (size_t k = lo; k < hi; ++k)
            if (toks[k].low == "," || toks[k].low == ";" ||
                (((toks[k].bits & lx.kVerbWord) || (toks[k].bits & lx.kChangeWord)) && !lx.speech_verbs.count(toks[k]) &&
                 !lx.speech_aux.count(toks[k]) && !lx.average_words.count(toks[k])))
                return false;
        return true;
    };
    auto group = [&](size_t k) {
        if (!lx.expecter_nouns.count(toks[k])) return false;
        if (k + 1 < toks.size() && lx.poll_verbs.count(toks[k + 1])) return false;  // "polled by the company"
        // ("economists in a Reuters poll": a named poller right after the group)
        if (k + 1 < toks.size()) {
            const uint32_t lo = toks[k + 1].begin, hi = toks[std::min(k + 4, toks.size() - 1)].end;
            for (size_t i : sv.mentions)
                if (ms[i].type == Type::source && !std::string_view(ms[i].kind).empty() && ms[i].span.begin >= lo &&
                    ms[i].span.begin < hi && (sv.slice(ms[i].span.begin, ms[i].span.end).find("poll") != std::string_view::npos ||
                                              sv.slice(ms[i].span.begin, ms[i].span.end).find("survey") != std::string_view::npos))
                    return false;
        }
        for (size_t i : sv.mentions)
            if (ms[i].type == Type::source && ms[i].span.begin <= toks[k].begin && toks[k].begin < ms[i].span.end &&
                !(ms[i].kind.empty() && lower(ms[i].name) == toks[k].low))
                return false;  // "Analysts at Goldman Sachs estimate": a named source (not "Economists had forecast")
        // ("Goldman Sachs analysts expect": the named organisation's own staff)
        if (k > 0 && sv.tok_mention[k - 1] != SIZE_MAX) {
            const Mention& o = ms[sv.tok_mention[k - 1]];
            if (o.type == Type::org && !o.name.empty() && sv.token_at(o.span.end) == k) return false;
        }
        return true;
    };
    const size_t window = 6;
    // ("the 2.2% increase analysts had forecast": the change noun the figure sizes is no verb)
    const size_t e0 = e < toks.size() && (toks[e].bits & lx.kChangeWord) && b > 0 && kDeterminers.count(toks[b - 1]) ? e + 1 : e;
    for (size_t k = e; k < toks.size() && k <= e + window; ++k)
        if (group(k) && plain(e0, k)) return true;
    for (size_t k = b; k-- > 0 && k + window >= b;)
        if (group(k) && plain(k + 1, b)) return true;
    return false;
}

// A poll ("the ¥765 billion average estimate of 21 analysts polled by LSEG", "Analysts
// polled by LSEG had expected Rs 1,980 crore") attributes the figure next to it, not the
// sentence's other figures ("X forecast ¥820 billion ..., beating the ¥765 billion ...").
bool Assembly::poll_elsewhere(const Mention& src, const Claim& claim, uint32_t at) {
    const size_t sb = sv.token_at(src.span.begin), se = sv.token_at(src.span.end);
    bool poll = false;
    for (size_t k = sb; k < se && k < toks.size(); ++k) poll |= lx.poll_verbs.count(toks[k]) > 0;
    const text::Span v = claim.value != kNoMention ? ms[claim.value].span : text::Span{at, at + 1};
    // "added 118,000 jobs, fewer than the 160,000 economists had forecast, the Labor Department
    // said": a forecaster after a comparison with the figure holds the expectation, not the
    // figure, when the sentence names who released it
    bool released = false;
    for (size_t i : sv.mentions)
        released |= &ms[i] != &src && ms[i].type == Type::source && !ms[i].name.empty() &&
                    !lx.forecast_verbs.count(ms[i].cue);
    if (!poll && released && v.end <= src.span.begin && lx.forecast_verbs.count(src.cue)) {
        for (size_t k = sv.token_at(v.end); k < sb && k < toks.size(); ++k)
            if (toks[k].low == "than" || toks[k].low == "versus" || toks[k].low == "against" ||
                (toks[k].low == "compared" && k + 1 < sb))
                return true;
    }
    if (!poll) return false;
    size_t lo, hi;
    if (v.end <= src.span.begin) {
        lo = sv.token_at(v.end);
        hi = sb;
        // "Analysts had expected full-year operating profit of ¥1.12 trillion, according to an LSEG
        // poll of 18 analysts": an expectation the clause states before the figure, with no other
        // figure before the poll's "according to", is the poll's (session 11, src11)
        if (src.cue == "according to") {
            bool other = false, expected = false;
            for (size_t i : sv.mentions)
                other |= is_value(ms[i]) && ms[i].span.begin >= v.end && ms[i].span.end <= src.span.begin;
            for (size_t k = clause_start_tok(sv.token_at(v.begin)); k < toks.size() && toks[k].begin < v.begin; ++k)
                expected |= lx.expecter_nouns.count(toks[k]) || toks[k].low == "expected" || toks[k].low == "estimated" ||
                            toks[k].low == "forecast" || toks[k].low == "consensus";
            if (!other && expected) return false;
        }
    } else if (v.begin >= src.span.end) {
        lo = se;
        hi = sv.token_at(v.begin);
    } else {
        return false;
    }
    if (hi > lo + 8) return true;
    for (size_t k = lo; k < hi; ++k)
        if (toks[k].low == "," || toks[k].low == ";") return true;
    return false;
}

// "above the £15.1bn forecast by the Office for Budget Responsibility", "the 4.5% rise
// forecast by economists in a Reuters poll": whoever a participle after the figure names
// with "by" holds it (the poll's organiser for a poll); `group` when that is an unnamed
// group of analysts or economists (no source). Null when the figure names no one.
const Mention* Assembly::figure_agent(const Claim& claim, bool& group) {
    group = false;
    uint32_t fig = claim.value;
    if (claim.change && claim.change->percent != kNoMention &&
        (fig == kNoMention || ms[claim.change->percent].span.begin < ms[fig].span.begin))
        fig = claim.change->percent;
    if (fig == kNoMention) return nullptr;
    size_t k = sv.token_at(ms[fig].span.end);
    for (size_t n = 0; n < 2 && k < toks.size() && toks[k].is_word() && !lx.forecast_verbs.count(toks[k]) &&
                       !(toks[k].bits & lx.kVerbWord) && sv.tok_mention[k] == SIZE_MAX;
         ++n)
        ++k;  // ("the 4.5% rise forecast by")
    if (k + 2 >= toks.size()) return nullptr;
    std::string_view p = toks[k].low;
    if (!(lx.forecast_verbs.count(toks[k]) || p == "expected" || p == "estimated" || p == "projected" ||
          p == "predicted" || p == "pencilled" || p == "penciled") ||
        toks[k + 1].low != "by")
        return nullptr;
    k += 2;
    while (k < toks.size() && kDeterminers.count(toks[k])) ++k;
    auto mention_at = [&](size_t j) -> const Mention* {
        if (j >= toks.size() || sv.tok_mention[j] == SIZE_MAX) return nullptr;
        const Mention& m = ms[sv.tok_mention[j]];
        return m.type == Type::org || m.type == Type::person ? &m : nullptr;
    };
    if (const Mention* m = mention_at(k)) return m;
    if (k < toks.size() && lx.expecter_nouns.count(toks[k])) {
        // "economists polled by FnGuide": the sentence's source mention names the poller
        if (k + 1 < toks.size() && lx.poll_verbs.count(toks[k + 1])) return nullptr;
        // "economists in a Reuters poll"
        for (size_t j = k + 1; j < toks.size() && j <= k + 5; ++j) {
            if (toks[j].low == "," || toks[j].low == ";") break;
            if (const Mention* m = mention_at(j)) return m;
            // ("analysts in a poll compiled by the bank": the source mention names the poller —
            // session 22)
            for (size_t i : sv.mentions)
                if (ms[i].type == Type::source && !ms[i].name.empty() && ms[i].span.begin == toks[j].begin)
                    return nullptr;
        }
        group = true;
    }
    return nullptr;
}

// A release about another economy than the claim's: its organisation speaks for another area
// (jurisdictions.tsv), or its sentence names areas, none of them the claim's.
bool Assembly::foreign_release(const Mention& r, const Claim& claim) {
    if (claim.subject.size() != 1 || claim.subject_is_description) return false;
    const std::string& subj = claim.subject.front();
    bool subj_area = lx.areas.count(subj) > 0;
    for (size_t i = 0; i < ms.size() && !subj_area; ++i)
        subj_area = ms[i].type == Type::place && ms[i].name == subj && area_of(ms[i]);
    if (!subj_area) return false;
    if (const std::string* j = jurisdiction_of(r.name)) return *j != subj;
    // (an international body speaks for each of the economies it assesses: "the Commission said
    // France's deficit would narrow ... Italy's deficit is expected at 3.3%")
    if (auto k = org_kinds.find(r.name); k != org_kinds.end() ? k->second == "international" : r.kind == "international")
        return false;
    const auto& sents = t.sentences();
    auto st = std::upper_bound(sents.begin(), sents.end(), r.span.begin,
                               [](uint32_t b, const text::Span& x) { return b < x.begin; });
    if (st == sents.begin()) return false;
    const text::Span RS = *std::prev(st);
    bool other = false;
    for (auto it = std::lower_bound(ms.begin(), ms.end(), RS.begin,
                                    [](const Mention& m, uint32_t b) { return m.span.begin < b; });
         it != ms.end() && it->span.begin < RS.end; ++it) {
        if (it->type != Type::place && it->type != Type::org) continue;
        const std::string* area = area_of(*it);
        if (!area) continue;
        if (*area == subj) return false;
        std::string w = word_near(it->span.begin, false);  // ("shipments to the United States": a partner)
        if (w == "the") {
            uint32_t b = it->span.begin;
            while (b > 0 && a[b - 1] == ' ') --b;
            w = word_near(b - std::min<uint32_t>(b, 3), false);
        }
        if (lx.partner_words.count(w)) continue;
        other = true;
    }
    return other;
}

// The sentence's "according to LSEG data" / "according to LSEG estimates": who compiled an
// expectation the sentence reports. Null when there is none.
const Mention* Assembly::consensus_compiler() {
    for (size_t i : sv.mentions) {
        const Mention& m = ms[i];
        // (a data firm or a medium compiles a consensus; a statistics office's data is the
        // release, not the economists' median: "above the 5.0% median estimate of economists,
        // according to data from the National Bureau of Statistics")
        if (m.type != Type::source || m.name.empty() || m.cue != "according to" ||
            (m.kind != "company" && m.kind != "media"))
            continue;
        std::string_view x = std::string_view(a).substr(m.span.begin, m.span.end - m.span.begin);
        for (std::string_view w : {" data", " estimates", " consensus", " poll", " survey", " compiled"})
            if (x.find(w) != std::string_view::npos) return &m;
    }
    return nullptr;
}

// A poll's source mention ("Economists polled by Reuters had forecast"), or a data firm's
// consensus of an expectation in its sentence ("Analysts on average had expected 3,290 crore
// rupees, according to LSEG data"): it speaks for that expectation only.
bool Assembly::poll_source(const Mention& m) {
    std::string_view x = std::string_view(a).substr(m.span.begin, m.span.end - m.span.begin);
    if (x.find("polled") != std::string_view::npos || x.find(" poll") != std::string_view::npos) return true;
    if (m.cue != "according to" || (m.kind != "company" && m.kind != "media") ||
        (x.find(" data") == std::string_view::npos && x.find(" estimates") == std::string_view::npos &&
         x.find(" consensus") == std::string_view::npos))
        return false;
    if (t.sentences().empty()) return false;
    const text::Span sent = t.sentences()[t.sentence_index(m.span.begin)];
    std::string_view before = std::string_view(a).substr(sent.begin, m.span.begin - sent.begin);
    for (std::string_view w : {"expected", "estimate", "forecast", "consensus", "analysts"})
        if (before.find(w) != std::string_view::npos) return true;
    return false;
}

// The source `src` cites ("Yonhap reported, citing data from the trade ministry"), named in
// its paragraph; null when it cites none there.
const Mention* Assembly::cited_in_paragraph(const Mention& src) const {
    if (src.cites.empty()) return nullptr;
    const size_t p = t.paragraph_index(src.span.begin);
    for (const Mention* m : named_sources)
        if (m->name == src.cites && t.paragraph_index(m->span.begin) == p) return m;
    return nullptr;
}

// "according to" in the sentence with no source mention over it: an attribution to no one
// claimex names ("according to customs data").
bool Assembly::unnamed_according_to() const {
    for (size_t k = 0; k + 1 < toks.size(); ++k)
        if (toks[k].low == "according" && toks[k + 1].low == "to") {
            bool named = false;
            for (size_t i : sv.mentions)
                named |= ms[i].type == Type::source && ms[i].span.begin <= toks[k].begin && toks[k].end <= ms[i].span.end;
            if (!named) return true;
        }
    return false;
}

// A ministry's, statistics office's or international body's kind: its releases are public data,
// not a company's word on its own figures.
bool Assembly::public_body(std::string_view kind) {
    return kind == "government" || kind == "agency" || kind == "international";
}

// A figure told as history ("The airline cut 2,000 jobs in 2020", "the state loan it received
// in 2019"): its own stated period ended before the year before the story's (the publication's
// year, else the first year the headline and lead name). No release or lead speaks for it: the
// reporter tells it as background (corpus/CLAIMS.md sources, step 5).
bool Assembly::history_figure(const Claim& claim) {
    if (!claim.period || claim.period.inherited) return false;
    auto year_of = [](std::string_view d) {
        if (d.size() < 4) return 0;
        int y = 0;
        for (size_t k = 0; k < 4; ++k) {
            if (d[k] < '0' || d[k] > '9') return 0;
            y = y * 10 + (d[k] - '0');
        }
        return y;
    };
    if (story_year < 0) {
        // (the publication's year; else the first date the headline and lead name, the story's
        // day as a rule: not their latest, a forecast's "by 2030")
        story_year = year_of(doc.published);
        for (const Mention& m : ms)
            if (!story_year && m.type == Type::date && t.paragraph_index(m.span.begin) <= lead_paragraph)
                story_year = year_of(m.to);
    }
    const Mention& d = ms[claim.period.mention];
    // (a change "since 2019" runs up to the story: no history)
    const std::string before = word_near(d.span.begin, false);
    if (before == "since" || before == "from") return false;
    const int y = year_of(d.to);
    return story_year && y && y < story_year - 1;
}

// Whether the paragraph P is an item of a list: it opens with a bullet ("-", "*", "•", a dash)
// or a number and "." / ")" ("1. ", "2) ").
bool Assembly::list_item(const text::Span& P) const {
    uint32_t k = P.begin;
    if (k >= P.end) return false;
    const unsigned char c = static_cast<unsigned char>(a[k]);
    auto space_at = [&](uint32_t j) { return j < P.end && (a[j] == ' ' || a[j] == '\t'); };
    if (c == '-' || c == '*') return space_at(k + 1);
    // (U+2022 bullet, U+2013 / U+2014 dashes, U+25AA / U+25CF small squares and circles)
    if (c == 0xE2 && k + 3 < P.end &&
        (a.compare(k, 3, "\xe2\x80\xa2") == 0 || a.compare(k, 3, "\xe2\x80\x93") == 0 ||
         a.compare(k, 3, "\xe2\x80\x94") == 0 || a.compare(k, 3, "\xe2\x96\xaa") == 0 ||
         a.compare(k, 3, "\xe2\x97\x8f") == 0))
        return space_at(k + 3);
    uint32_t d = k;
    while (d < P.end && d < k + 2 && std::isdigit(static_cast<unsigned char>(a[d]))) ++d;
    return d > k && d < P.end && (a[d] == '.' || a[d] == ')') && space_at(d + 1);
}

// A list's items under an introduction that names its source and ends with a colon ("The bank
// said its forecasts for next year were:", "According to the filing, the key figures were:"):
// every item is that source's, whatever its metric. Null when the figure's paragraph is no such
// item.
const Mention* Assembly::list_intro_source() const {
    const auto& ps = t.paragraphs();
    if (ps.empty()) return nullptr;
    size_t pi = S_para;
    if (!list_item(ps[pi])) return nullptr;
    // (back over the list's earlier items)
    for (size_t n = 0; pi > 0 && n < 40; ++n) {
        const text::Span Q = ps[--pi];
        if (list_item(Q)) continue;
        uint32_t e = Q.end;
        while (e > Q.begin && std::isspace(static_cast<unsigned char>(a[e - 1]))) --e;
        if (e == Q.begin || a[e - 1] != ':') return nullptr;
        const Mention* last = nullptr;
        for (auto it = std::lower_bound(named_sources.begin(), named_sources.end(), Q.begin, by_begin);
             it != named_sources.end() && (*it)->span.end <= Q.end; ++it)
            last = *it;
        return last;
    }
    return nullptr;
}

// The release that closes a later sentence of paragraph P ("..., the energy ministry said in a
// report."), when the sentences from the claim's on hold figures and no quote or other
// attribution; null when there is none. `fits` as the paragraph's sources.
template <class Fits>
const Mention* Assembly::trailing_release(const text::Span& P, bool country_figure, Fits&& fits) {
    const auto& sents = t.sentences();
    const size_t si = t.sentence_index(S.begin);
    for (size_t n = si + 1; n < sents.size() && n <= si + 3 && sents[n].end <= P.end; ++n) {
        const text::Span N = sents[n];
        for (uint32_t k = N.begin; k < N.end; ++k)
            if ((a[k] == '"' || static_cast<unsigned char>(a[k]) == 0xE2) && quote_len(a, k)) return nullptr;
        auto it = std::lower_bound(named_sources.begin(), named_sources.end(), N.begin, by_begin);
        if (it == named_sources.end() || (*it)->span.begin >= N.end) {
            // (a sentence between with a figure and no attribution: the chain goes on)
            bool figure = false;
            for (auto m = mentions_from(N.begin); m != ms.end() && m->span.begin < N.end && !figure; ++m)
                figure = m->type == Type::percent || m->type == Type::money || m->type == Type::quantity;
            if (!figure) return nullptr;
            continue;
        }
        const Mention* r = *it;
        if (std::next(it) != named_sources.end() && (*std::next(it))->span.begin < N.end) return nullptr;
        // (trailing: after a comma, past a figure of the sentence's own)
        uint32_t p = r->span.begin;
        while (p > N.begin && a[p - 1] == ' ') --p;
        if (p == N.begin || a[p - 1] != ',') return nullptr;
        bool figure = false;
        for (auto m = mentions_from(N.begin); m != ms.end() && m->span.begin < r->span.begin && !figure; ++m)
            figure = m->type == Type::percent || m->type == Type::money || m->type == Type::quantity;
        auto k = org_kinds.find(r->name);
        const std::string_view kind = k != org_kinds.end() ? std::string_view(k->second) : std::string_view(r->kind);
        if (!figure || kind.empty() || !lx.release_kinds.count(kind) || !lx.release_cues.count(r->cue) ||
            poll_source(*r) || (country_figure && !fits(r)))
            return nullptr;
        return r;
    }
    return nullptr;
}

// The sources a claim whose sentence names none inherits: the paragraph's governing
// attribution, the release that speaks for its figures, the lead's reporter.
void Assembly::inherited_sources(const std::string& metric, const Claim& claim, std::vector<const Mention*>& here, uint32_t at) {
    // An actor's own act told as background inherits no one's attribution ("Ottawa last month
    // unveiled a C$850 million youth employment program", "The United Arab Emirates agreed to
    // invest $35 billion", "Belmont offered €41 a share"; corpus/CLAIMS.md step 5): a named
    // organisation, place or person heading the sentence, then (past adverbials and auxiliaries
    // aside) a verb of acting.
    {
        // (after a dateline: "CAIRO, March 12 - Egypt's central bank raised ...")
        const size_t h0 = dateline_head();
        size_t k = h0 < toks.size() && toks[h0].low == "the" ? h0 + 1 : h0;
        // (or a government named by reference: "The federal government set aside C$6 billion")
        size_t head_end = SIZE_MAX;
        if (k == h0 + 1)
            for (size_t hi = h0 + 2; hi < toks.size() && hi <= h0 + 4 && head_end == SIZE_MAX; ++hi)
                if (government_nouns.count(toks[hi - 1].low) && is_anaphor(h0, hi)) head_end = hi;
        if (head_end != SIZE_MAX ||
            (k < toks.size() && sv.tok_mention[k] != SIZE_MAX)) {
            const Mention* hm = head_end == SIZE_MAX ? &ms[sv.tok_mention[k]] : nullptr;
            if (!hm || ((hm->type == Type::org || hm->type == Type::place || hm->type == Type::person) && !hm->name.empty() &&
                        hm->span.begin == toks[k].begin)) {
                size_t v = hm ? sv.token_at(hm->span.end) : head_end;
                for (size_t n = 0; v < toks.size() && n < 4; ++n) {
                    const bool date = sv.tok_mention[v] != SIZE_MAX && ms[sv.tok_mention[v]].type == Type::date;
                    if (date) {
                        v = sv.token_at(ms[sv.tok_mention[v]].span.end);
                        continue;
                    }
                    if (trailing_adverbs.count(toks[v]) || toks[v].low == "has" || toks[v].low == "have" ||
                        toks[v].low == "had" || toks[v].low == "also")
                        ++v;
                    else
                        break;
                }
                // (not a forecast it keeps or revises: "Toyota kept its forecast for operating profit")
                bool forecast = revises_forecast(v);
                for (size_t j = v + 1; j < toks.size() && j <= v + 3 && !forecast; ++j) forecast = kForecastNouns.count(toks[j]) > 0;
                if (v < toks.size() && lx.act_verbs.count(toks[v].low) && !forecast) return;
            }
        }
    }
    // (an item of a list under "X said:" is X's)
    if (const Mention* l = list_intro_source()) {
        here.push_back(l);
        if (const Mention* c = cited_in_paragraph(*l)) here.push_back(c);
        return;
    }
    size_t pi = S_para;
    text::Span P = t.paragraphs().empty() ? S : t.paragraphs()[pi];
    const bool history = history_figure(claim);
    // The paragraph's governing attribution: a named organisation or person (kind known)
    // before a bare group ("representatives of ..."), the nearest first; with what it cites.
    // (a company's own results do not release an economy's figures: "BMW reported a 61%
    // fall in profit. ... Industrial production fell 2.5% in August" is the statistics
    // office's, the last release that can speak for the economy; nor does the company's word
    // in the paragraph)
    bool company_figure = lx.scope_of(metric) == "company";
    for (const auto& n : claim.subject) {
        auto sk = org_kinds.find(n);
        company_figure |= sk != org_kinds.end() && sk->second == "company";
    }
    auto fits = [&](const Mention* m) {
        auto mk = org_kinds.find(m->name);
        std::string_view k = mk != org_kinds.end() ? std::string_view(mk->second) : std::string_view(m->kind);
        // (a company that releases market data — a lender's house price index, a
        // property data firm — and is never a subject itself speaks for the market)
        return company_figure || k != "company" || !subject_paragraph.count(m->name);
    };
    // (in the paragraph, only for a figure plainly about a country: a subject the
    // sentence misses — "The company, which is 65% owned by ..., expects" — is often the
    // company speaking)
    bool country_figure = !company_figure && !claim.subject.empty() && !claim.subject_is_description;
    for (const auto& n : claim.subject) {
        bool country = false;
        for (size_t i : sv.mentions) country |= ms[i].type == Type::place && ms[i].name == n && ms[i].kind == "country";
        country_figure &= country;
    }
    const Mention* best = nullptr;
    uint32_t best_dist = UINT32_MAX;
    const bool in_quote = quote_open_at(at);
    // ("Separately, Saudi Aramco sold ...": a sentence that turns to another story takes
    // no attribution of the sentences before it)
    size_t shift_n = 0;
    const Lexicon::Entry* shift = lex(lx.cues, lx.kCueFirst, 0, &shift_n);
    const bool topic_shift = shift && shift->value == "topic_shift";
    for (auto it = std::lower_bound(named_sources.begin(), named_sources.end(), P.begin, by_begin);
         it != named_sources.end() && (*it)->span.begin < P.end; ++it) {
        if ((*it)->span.end > P.end || (*it)->span.begin > S.begin) continue;
        if (topic_shift && (*it)->span.begin < S.begin) continue;
        // (a poll's expectation covers its own sentence only: "Economists polled by Reuters had
        // forecast a drop of 1.5%. Orders from abroad fell 5.8%" are the release's figures)
        if ((*it)->span.begin < S.begin && poll_source(**it)) continue;
        if (country_figure && !fits(*it)) continue;
        // (nor a commentator: a person speaking for a company — "said ING economist Carsten
        // Brzeski" — gives views, not a country's statistics; "Core inflation held at 2.9%"
        // after the quote is the release's)
        if (!company_figure && lx.scope_of(metric) == "economy" && (*it)->type == Type::source && !in_quote &&
            std::string_view((*it)->kind).empty() &&
            !(*it)->affiliation.empty()) {
            auto ak = org_kinds.find((*it)->affiliation);
            if (ak != org_kinds.end() && ak->second == "company") continue;
        }
        // (a figure told as history is the reporter's; a source another in the paragraph cites
        // comes with its citer, not alone: "Yonhap reported, citing data from the trade ministry")
        if (history) continue;
        if (std::any_of(named_sources.begin(), named_sources.end(), [&](const Mention* o) {
                return o != *it && o->cites == (*it)->name && o->span.begin >= P.begin && o->span.end <= P.end;
            }))
            continue;
        uint32_t d = (*it)->span.begin > S.begin ? (*it)->span.begin - S.begin : S.begin - (*it)->span.begin;
        if ((*it)->kind.empty()) d += 1u << 20;
        if (d < best_dist) {
            best_dist = d;
            best = *it;
        }
    }
    // With none before it, a next sentence that comments on the figure ("It was the highest on
    // record", "That compared with ...") and closes with an attribution carries it back:
    // "Household debt rose to 1,900 trillion won. It was the highest on record, the Bank of
    // Korea said." (Not any later attribution of the paragraph: background before a statement
    // is no part of it.)
    if (!best && !history) {
        const auto& sents = t.sentences();
        const size_t si = t.sentence_index(S.begin);
        if (si + 1 < sents.size() && sents[si + 1].end <= P.end) {
            const text::Span N = sents[si + 1];
            uint32_t e = N.begin;
            while (e < N.end && std::isalpha(static_cast<unsigned char>(a[e]))) ++e;
            const std::string_view w(a.data() + N.begin, e - N.begin);
            if (w == "It" || w == "That" || w == "This") {
                auto it = std::lower_bound(named_sources.begin(), named_sources.end(), N.begin, by_begin);
                if (it != named_sources.end() && (*it)->span.end <= N.end) {
                    uint32_t p = (*it)->span.begin;
                    while (p > N.begin && a[p - 1] == ' ') --p;
                    if (p > N.begin && a[p - 1] == ',' && !poll_source(**it) && (!country_figure || fits(*it))) best = *it;
                }
            }
        }
    }
    // With none before it either, a later sentence of the paragraph that states figures of its
    // own and closes with an organisation's release ("Mining output in Peru rose 2.5% in
    // September. Zinc production jumped 11%, the energy ministry said in a report.") speaks for
    // the sentences of figures before it: a wire paragraph puts the attribution once, at its
    // end. (Only an organisation's release, over no quote: a person's quote after background
    // is no part of it.)
    if (!best && !history && !in_quote && !lx.market_metrics.count(metric)) {
        best = trailing_release(P, country_figure, fits);
        // (an economy's figures and a public body's release, or the subject's own: a company's
        // or a trade body's later word does not reach back over a figure of someone else's)
        if (best && std::find(claim.subject.begin(), claim.subject.end(), best->name) == claim.subject.end()) {
            auto k = org_kinds.find(best->name);
            const std::string_view bk = k != org_kinds.end() ? std::string_view(k->second) : std::string_view(best->kind);
            if (company_figure || !country_figure || !(public_body(bk) || bk == "central_bank")) best = nullptr;
        }
    }
    // The company (or statistics office, regulator) the figure is about, when it
    // releases figures of its own somewhere in the article ("Karri said in a
    // statement"): it is the source of its own figures, the headline's and the lead's
    // too, unless the paragraph's speaker speaks for it ("Chief executive Tim Cook
    // said"). A central bank acting on its own ("The Bank of Canada cut its key rate")
    // speaks through no one else's release or statement: no source unless the
    // sentence gives one.
    const Mention* own = nullptr;
    const std::string* actor = nullptr;  // a central bank the figure is about
    if (!claim.subject_is_description && claim.subject.size() == 1 && !metric.empty() &&
        !lx.market_metrics.count(metric) && !lx.view_metrics.count(metric)) {
        const std::string& n = claim.authority.empty() ? claim.subject.front() : claim.authority;
        auto k = org_kinds.find(n);
        if (k != org_kinds.end() && lx.own_release_kinds.count(k->second)) {
            auto r = releases_of.find(n);
            if (r != releases_of.end()) {
                auto it = std::lower_bound(r->second.begin(), r->second.end(), S.begin, by_begin);
                own = it != r->second.begin() ? *std::prev(it) : r->second.front();
            }
        }
        if (k != org_kinds.end() && lx.actor_kinds.count(k->second)) actor = &n;
        // (a central bank the text names only by its place: "Brazil's central bank held ...")
        if (k == org_kinds.end() && lx.central_bank_names.count(n)) actor = &n;
    }
    auto speaks_for = [&](const Mention* src, const std::string& org) {
        return src->name == org || src->affiliation == org;
    };
    // (a speaker of another economy's figures earlier in the paragraph does not speak for this one)
    if (best && foreign_release(*best, claim)) best = nullptr;
    // (a market move or share price is the market's, not the last speaker's: "'This is a
    // painful step,' Shah said. Brightwave shares closed down 4.2%." — corpus/CLAIMS.md
    // step 5; a person's or a company's word is a view or its own news. A data provider the
    // paragraph quotes — "according to LSEG data", "figures from Moneyfacts showed" — and a
    // statistics body's release still govern its prices.)
    if (best && lx.market_metrics.count(metric)) {
        std::string_view k = best->kind, cue = best->cue;
        bool data = cue == "according to" || cue == "showed";
        // (nor a government's or a newspaper's word on something else: "..., the Pentagon
        // said. Harbor's shares rose 4.6%"; "Bloomberg reported ... Arvana has a market value
        // of about $23 billion"; a statistics body's release still governs its prices)
        if (k.empty() || ((k == "company" || k == "government" || k == "media") && !data)) best = nullptr;
        // (a provider's data governs the paragraph's later prices only when its own sentence
        // quotes prices too: "..., according to LSEG calculations" of rate-cut odds says nothing
        // of the gilt yields and sterling in the next sentence)
        if (best && data && !S.contains(best->span)) {
            bool prices = false;
            for (const Claim& c : out)
                if (c.sentence.contains(best->span) && lx.market_metrics.count(c.metric)) prices = true;
            if (!prices) best = nullptr;
        }
    }
    if (own && !history && (!best || !speaks_for(best, own->name))) best = own;
    if (another_company(claim, best) && !lx.view_metrics.count(metric)) best = nullptr;
    if (best) {
        here.push_back(best);
        if (!best->cites.empty())
            for (auto* m : named_sources)
                if (m->name == best->cites && t.paragraph_index(m->span.begin) == pi) here.push_back(m);
    }
    // A release governs the report's figures that follow it ("Statistics Canada said on
    // Friday", "figures from the ONS showed", "the company said in a statement"): the last
    // release before the sentence, else (a headline, a lead) the article's first one.
    bool from_release = false;
    // (a price of goods dated by a month or a quarter — "food prices climbed 2.2%" in November's
    // inflation release — is the statistics release's, as its other components are: not a
    // market quote of the day, nor a company's share price)
    bool release_price = false;
    if (lx.market_metrics.count(metric) && !lx.own_market_metrics.count(metric) && claim.period) {
        const std::string& pv = ms[claim.period.mention].timex;
        release_price = pv.size() == 7 && pv[4] == '-' && pv[0] >= '1' && pv[0] <= '2';
    }
    if (here.empty() && !topic_shift && !history && !metric.empty() && !lx.scope_of(metric).empty() &&
        (!lx.market_metrics.count(metric) || release_price)) {
        auto it = std::lower_bound(releases.begin(), releases.end(), S.begin, by_begin);
        const Mention* r = nullptr;
        // (nor a data firm's consensus of an earlier expectation: it speaks for that only)
        while (it != releases.begin() && (!fits(*std::prev(it)) || poll_source(**std::prev(it)))) --it;
        if (it != releases.begin()) r = *std::prev(it);
        else if (!releases.empty() && t.paragraph_index(releases.front()->span.begin) <= lead_paragraphs &&
                 fits(releases.front()) && !poll_source(*releases.front()))
            r = releases.front();
        // (a ministry's, statistics office's or international body's release does not speak for a company's results;
        // a company may release an economy's data: a lender's house price index)
        if (r && lx.scope_of(metric) == "company" && !claim.subject_is_description && claim.subject.size() == 1 &&
            org_kinds.count(claim.subject.front()) && org_kinds.at(claim.subject.front()) == "company") {
            auto k = org_kinds.find(r->name);
            const std::string_view rk = k != org_kinds.end() ? std::string_view(k->second) : std::string_view(r->kind);
            if (public_body(rk)) r = nullptr;  // (the European Commission's)
            // (nor does a relay of such a body's data: "Yonhap reported, citing data from the
            // trade ministry" does not speak for Samsung's workforce)
            if (r)
                if (const Mention* c = cited_in_paragraph(*r); c && public_body(c->kind)) r = nullptr;
        }
        if (r && release_price) {
            auto k = org_kinds.find(r->name);
            const std::string_view rk = k != org_kinds.end() ? std::string_view(k->second) : std::string_view(r->kind);
            if (rk != "agency" && rk != "government") r = nullptr;
        }
        // (not another economy's release in a round-up: China's finance ministry does not
        // speak for "Mexico's reserves"; nor another company's: a rival's results)
        if (r && !foreign_release(*r, claim) && !another_company(claim, r)) {
            here.push_back(r);
            // (with what it cites, as the sentence's own attribution has it: "Yonhap reported,
            // citing data from the trade ministry" governs the release's later figures as a chain)
            if (const Mention* c = cited_in_paragraph(*r)) here.push_back(c);
        }
        from_release = !here.empty();
    }
    // Figures of another organisation than the company speaking: a company that spoke of
    // its own figures in the paragraph ("Kaito raised ¥120 billion, the company said.
    // Separately, China's finance ministry sold ...") passes nothing to a named subject it
    // does not speak for. (A release's later figures of a unit stay the parent's: "Jio
    // Platforms posted ..." in Reliance's results story.)
    if (!here.empty() && !own && !claim.subject_is_description && !claim.subject.empty() && !subject_fallback) {
        const Mention* src = here.front();
        auto k = org_kinds.find(src->name);
        auto sp = subject_paragraph.find(src->name);
        bool company = k != org_kinds.end() && k->second == "company";
        bool other = true;
        for (const auto& n : claim.subject) other &= n != src->name && n != src->affiliation;
        // (an analyst's view of another company is its own word on it: "They lowered their price target")
        if (company && other && !from_release && sp != subject_paragraph.end() && sp->second == pi &&
            !lx.view_metrics.count(metric))
            here.clear();
        // (nor does a company's release that is not about itself — a data provider's fund
        // flows — cover another company's figures: an IPO's price a paragraph later)
        bool subject_company = true;
        for (const auto& n : claim.subject) {
            auto sk = org_kinds.find(n);
            subject_company &= sk != org_kinds.end() && sk->second == "company";
        }
        if (company && other && from_release && subject_company && sp == subject_paragraph.end()) here.clear();
    }
    // A headline or sub-headline figure restates the lead's: it inherits the lead's
    // attribution, whatever its kind ("China's economy hits 5% growth goal" ← "official
    // data showed"; "... seeks 6 billion kronor lifeline" ← "people familiar with the
    // matter said"). Only an attribution in the lead itself: a lead that names none
    // ("Chancellor Rachel Reeves announced ...") passes none to its headline. Not a
    // market move ("shares slump 9pc").
    if (here.empty() && !history && lead_source && pi < lead_paragraph && !lx.market_metrics.count(metric) &&
        t.paragraph_index(lead_source->span.begin) == lead_paragraph) {
        here.push_back(lead_source);
        // (with what the lead's source cites: "the Nikkei reported, citing people familiar
        // with the matter")
        if (!lead_source->cites.empty())
            for (auto* m : named_sources)
                if (m->name == lead_source->cites && t.paragraph_index(m->span.begin) == lead_paragraph)
                    here.push_back(m);
    }
    // An organisation acting on its own ("The Bank of Canada cut its key rate", "Bank
    // Indonesia held ...") does not speak through someone else's release or statement.
    // Nor through its own statement elsewhere, for its own act on its policy rate (metric_scopes
    // flag `act`: "Banxico cuts rate to 6.75%" with "the bank said in its statement" below;
    // corpus/CLAIMS.md step 5, an actor's own act); its forecasts and data stay its release's.
    if (actor && !here.empty() && (!speaks_for(here.front(), *actor) || lx.act_metrics.count(metric))) here.clear();
    // The lead governs the article only when the article re-reports someone else's
    // reporting ("..., the Financial Times reported").
    if (here.empty() && !history && lead_source && std::string_view(lead_source->kind) == "media" && !lx.market_metrics.count(metric) &&
        (std::string_view(lead_source->cue) == "reported" || std::string_view(lead_source->cue) == "according to")) {
        // (with what it cites: "Yonhap reported, citing data from the trade ministry"; a relay of
        // a public body's data does not speak for a company's own figures: Samsung's workforce)
        const Mention* cited = cited_in_paragraph(*lead_source);
        const bool public_data = cited && public_body(cited->kind);
        bool company_own = lx.scope_of(metric) == "company" && !claim.subject_is_description && !claim.subject.empty();
        for (const auto& n : claim.subject) {
            auto sk = org_kinds.find(n);
            company_own &= sk != org_kinds.end() && sk->second == "company";
        }
        if (!(public_data && company_own)) {
            here.push_back(lead_source);
            if (cited) here.push_back(cited);
        }
    }
}

// The starts of the document's quote marks, found once (a cache: the text does not change
// while the document is assembled).
const std::vector<uint32_t>& Assembly::marks() const {
    if (!quote_marks_made) {
        quote_marks_made = true;
        // (memchr for the two lead bytes, '"' and the curly marks' E2, taken in turn by
        // position: a byte loop over the whole text cost more than the scans it replaces)
        const char* const base = a.data();
        const char* const end = base + a.size();
        auto next = [&](const char* p, char lead) {
            const void* q = p < end ? std::memchr(p, lead, static_cast<size_t>(end - p)) : nullptr;
            return q ? static_cast<const char*>(q) : end;
        };
        const char* s = next(base, '"');
        const char* c = next(base, '\xE2');
        while (s < end || c < end) {
            if (s < c) {
                quote_marks.push_back(static_cast<uint32_t>(s - base));
                s = next(s + 1, '"');
            } else {
                if (quote_len(a, static_cast<uint32_t>(c - base))) quote_marks.push_back(static_cast<uint32_t>(c - base));
                c = next(c + 1, '\xE2');
            }
        }
    }
    return quote_marks;
}

// Whether byte `at` stands inside a quote: the quote marks before it in its paragraph leave
// one open.
bool Assembly::quote_open_at(uint32_t at) const {
    if (t.paragraphs().empty()) return false;
    const text::Span P = t.paragraphs()[t.paragraph_index(at)];
    if (at <= P.begin) return false;
    const auto& q = marks();
    const auto b = std::lower_bound(q.begin(), q.end(), P.begin), e = std::lower_bound(b, q.end(), at);
    return (e - b) % 2 != 0;
}

// A figure inside a quote whose attribution follows the quote's close in a later sentence
// ('"Orders were up 30% in the quarter. We have never had a backlog this big," Berg said.')
// is the speaker's, not the paragraph's earlier source's nor the company's release: the
// quote marks before the figure in its paragraph leave a quote open, and the first named
// source after the close, in the close's sentence, is its speaker.
const Mention* Assembly::figure_quote_speaker(uint32_t at) const {
    if (t.paragraphs().empty() || !quote_open_at(at)) return nullptr;
    const text::Span P = t.paragraphs()[S_para];
    const auto& q = marks();
    uint32_t close = P.end;
    if (auto c = std::lower_bound(q.begin(), q.end(), at); c != q.end() && *c < P.end) close = *c;
    // (a quote that closes in the figure's own sentence has its attribution there, if any)
    if (close >= S.end && close < P.end) {
        auto it = std::lower_bound(named_sources.begin(), named_sources.end(), close, by_begin);
        bool after = it != named_sources.end() && (*it)->span.begin < P.end;
        for (uint32_t k = close + 1; after && k < (*it)->span.begin; ++k)
            after = !(a[k] == '.' || a[k] == '!' || a[k] == '?' || a[k] == '"' || a[k] == ';');
        if (after) return *it;
    }
    // A quote standing alone after its speaker's sentence ('"Inflation is proving sticky," said
    // Carsten Brzeski. "Core inflation at 2.9% is too high."'): the paragraph's speaker before it
    // (as its statements take), when the quote opens the figure's sentence or an earlier one.
    // (the last mark before `at` in the paragraph)
    const auto o = std::lower_bound(q.begin(), q.end(), at);
    if (at <= P.begin || o == q.begin() || *(o - 1) < P.begin) return nullptr;
    const uint32_t open = *(o - 1);
    if (open >= S.begin) {
        for (uint32_t k = S.begin; k < open; ++k)
            if (!std::isspace(static_cast<unsigned char>(a[k]))) return nullptr;
    }
    const Mention* last = nullptr;
    for (auto it = std::lower_bound(named_sources.begin(), named_sources.end(), P.begin, by_begin);
         it != named_sources.end() && (*it)->span.end <= open; ++it)
        last = *it;
    return last;
}

// Whether a passive verb of forecasting comes before the figure at byte `at` in its sentence
// ("is expected to expand 1.1%", "are projected to ease", "was forecast at 2%", "is seen growing").
bool Assembly::passive_forecast(uint32_t at) const {
    const size_t f = sv.token_at(at);
    for (size_t k = 0; k + 1 < f && k + 1 < toks.size(); ++k) {
        const std::string_view w = toks[k].low;
        if (w != "is" && w != "are" && w != "was" && w != "were" && w != "be") continue;
        const std::string_view v = toks[k + 1].low;
        if (v == "expected" || v == "projected" || v == "forecast" || v == "seen" || v == "predicted") return true;
    }
    return false;
}

// "Inflation will average 3%, the central bank said, while the finance ministry projects
// 3.5%": a later clause (", while/whereas/but/and") that opens with a named organisation or
// person and its forecast verb holds the figures after that verb; the sentence's other
// attribution speaks for the first clause only.
const Mention* Assembly::clause_forecast_holder(uint32_t at) {
    const size_t f = sv.token_at(at);
    size_t k = SIZE_MAX;
    for (size_t j = 0; j + 1 < f && j + 1 < toks.size(); ++j)
        if (toks[j].low == "," && (toks[j + 1].low == "while" || toks[j + 1].low == "whereas" ||
                                   toks[j + 1].low == "but" || toks[j + 1].low == "and"))
            k = j + 2;
    if (k == SIZE_MAX || k >= f) return nullptr;
    if (toks[k].low == "the") ++k;
    if (k >= f || sv.tok_mention[k] == SIZE_MAX) return nullptr;
    const Mention* m = &ms[sv.tok_mention[k]];
    if (m->span.begin != toks[k].begin) return nullptr;
    // (a holder the entity rules saw, or the source mention that starts with it)
    if (m->type == Type::source) {
        if (m->name.empty()) return nullptr;
    } else if (m->type != Type::org && m->type != Type::person) {
        return nullptr;
    }
    size_t v = sv.token_at(m->span.end);
    if (m->type == Type::source) {
        // (the source mention's own cue is the verb: "the finance ministry projects")
        return std::string_view(m->cue) == "forecast" && m->span.end <= at ? m : nullptr;
    }
    while (v < f && (trailing_adverbs.count(toks[v]) || lx.staff_nouns.count(toks[v]))) ++v;
    if (v >= f || !(lx.forecast_verbs.count(toks[v]) || revises_forecast(v))) return nullptr;
    // (nothing of the clause's own between the verb and the figure but its object: no other
    // verb or attribution)
    for (size_t j = v + 1; j < f; ++j)
        if (toks[j].low == "," || toks[j].low == ";" ||
            (sv.tok_mention[j] != SIZE_MAX && ms[sv.tok_mention[j]].type == Type::source))
            return nullptr;
    return m;
}

// Whether source m opens a later clause (", but" / ", while" / ", whereas" between the figure
// at byte `at` and it) and reports a that-clause of its own ("..., but Governor X said on Thursday
// that policymakers were in no hurry"). Sets the clause's first token in `content` when asked.
bool Assembly::later_that_clause(const Mention& m, uint32_t at, size_t* content) const {
    if (m.span.begin <= at) return false;
    const size_t sb = sv.token_at(m.span.begin);
    bool conj = false;
    for (size_t k = sv.token_at(at); k + 1 < sb && k + 1 < toks.size(); ++k)
        if (toks[k].low == "," && (toks[k + 1].low == "but" || toks[k + 1].low == "while" || toks[k + 1].low == "whereas"))
            conj = true;
    if (!conj) return false;
    size_t v = sv.token_at(m.span.end);
    // (the day of the saying between: "said on Thursday that")
    if (v < toks.size() && (toks[v].low == "on" || toks[v].low == "in" || toks[v].low == "last") && v + 1 < toks.size() &&
        sv.tok_mention[v + 1] != SIZE_MAX && ms[sv.tok_mention[v + 1]].type == Type::date)
        v = sv.token_at(ms[sv.tok_mention[v + 1]].span.end);
    if (v >= toks.size() || toks[v].low != "that") return false;
    if (content) *content = v + 1;
    return true;
}

std::vector<Source> Assembly::claim_sources(double& conf, const std::string& metric, const Claim& claim,
                                            uint32_t at) {
    std::vector<Source> arr;
    if (group_expectation(claim)) {
        // ... unless the sentence says whose compilation the expectation is ("Analysts had
        // expected Rs 3,050 crore, according to LSEG data": the data provider polled them)
        if (const Mention* c = consensus_compiler()) arr.push_back(Source{static_cast<uint32_t>(c - ms.data())});
        else conf -= 0.1;
        return arr;
    }
    {
        bool group = false;
        const Mention* agent = figure_agent(claim, group);
        if (group) {
            conf -= 0.1;
            return arr;
        }
        if (agent) {
            // (the source mention naming it, when there is one: its cue and role)
            const Mention* src = agent;
            for (size_t i : sv.mentions)
                if (ms[i].type == Type::source && ms[i].name == agent->name && ms[i].span.begin <= agent->span.begin &&
                    agent->span.end <= ms[i].span.end)
                    src = &ms[i];
            arr.push_back(Source{static_cast<uint32_t>(src - ms.data())});
            conf += 0.1;
            return arr;
        }
    }
    // (scratch kept from claim to claim: claim_sources is never re-entered)
    std::vector<const Mention*>& here = sources_here;
    here.clear();
    // (not a headline's view in a clause of its own: "Plan taps $1.1 billion of rainy-day fund;
    // Moody's says outlook remains negative")
    for (size_t i : sv.mentions)
        if (ms[i].type == Type::source && !ms[i].name.empty() && !poll_elsewhere(ms[i], claim, at) &&
            (claim.statement || !headline_view(ms[i])))
            here.push_back(&ms[i]);
    // "The company expects revenue of $1.42 billion ..., compared with analysts' average estimate
    // of $1.39 billion, according to LSEG data": the data firm compiled the estimate after the
    // figure, not the company's own forecast before it.
    if (const Mention* c = consensus_compiler(); c && c->span.begin > at) {
        bool estimate_between = false;
        for (size_t k = sv.token_at(at); k < toks.size() && toks[k].begin < c->span.begin && !estimate_between; ++k)
            estimate_between = lx.expecter_nouns.count(toks[k]) || kForecastNouns.count(toks[k]) ||
                               toks[k].low == "consensus";
        if (estimate_between) here.erase(std::remove(here.begin(), here.end(), c), here.end());
    }
    // "Shell's profit of $6.3 billion beat the $5.9 billion average of analyst estimates compiled
    // by the company", "delivered 384,000 vehicles, short of the 390,000 forecast by analysts in
    // a FactSet poll": a poll or consensus after the figure, with another figure (its own
    // estimate) between them, speaks for that estimate only.
    if (!here.empty()) {
        auto poll_after = [&](const Mention* m) {
            if (m->span.begin <= at) return false;
            const size_t sb = sv.token_at(m->span.begin), se = sv.token_at(m->span.end);
            // (or unnamed forecasters: "up 1.4%, short of the 2.2% increase analysts had forecast")
            bool poll = std::string_view(m->kind).empty() && lx.expecter_nouns.count(lower(m->name));
            for (size_t k = sb; k < se && k < toks.size() && !poll; ++k)
                poll = lx.poll_verbs.count(toks[k]) || toks[k].low == "compiled" || toks[k].low == "consensus";
            if (!poll) return false;
            // (not the claim's own figures after a change word: "occupancy rose 5% in the summer,
            // according to figures compiled by X" has no estimate of X's between)
            auto own = [&](size_t i) {
                const uint32_t k = static_cast<uint32_t>(i);
                return k == claim.value || (claim.change && (k == claim.change->amount || k == claim.change->percent)) ||
                       std::find(claim.equivalents.begin(), claim.equivalents.end(), k) != claim.equivalents.end() ||
                       (claim.baseline && k == claim.baseline->value);
            };
            for (size_t i : sv.mentions) {
                const Mention& f = ms[i];
                if ((f.type == Type::money || f.type == Type::percent || f.type == Type::quantity) &&
                    f.span.begin > at && f.span.end <= m->span.begin && !own(i))
                    return true;
            }
            return false;
        };
        here.erase(std::remove_if(here.begin(), here.end(), poll_after), here.end());
    }
    // "UniCredit posted a 28% jump in net profit, while French rival BNP Paribas reported a 4%
    // drop": a company reporting its own figures in a contrasting clause does not speak for
    // another company's figures in the clause before.
    if (!here.empty() && !claim.subject.empty() && !claim.subject_is_description) {
        const size_t mine = clause_of(at);
        bool companies = true;
        for (const auto& n : claim.subject) {
            auto k = org_kinds.find(n);
            companies &= k != org_kinds.end() && k->second == "company";
        }
        if (companies)
            here.erase(std::remove_if(here.begin(), here.end(),
                                      [&](const Mention* m) {
                                          return clause_of(m->span.begin) != mine && std::string_view(m->kind) == "company" &&
                                                 std::find(claim.subject.begin(), claim.subject.end(), m->name) ==
                                                     claim.subject.end();
                                      }),
                       here.end());
    }
    // "The bank cut its rate to 4.25%, but Governor X said on Thursday that ...": a later clause
    // whose speaker reports a that-clause of their own does not attribute the figures before it.
    if (!here.empty())
        here.erase(std::remove_if(here.begin(), here.end(), [&](const Mention* m) { return later_that_clause(*m, at); }),
                   here.end());
    // Several attributions in one sentence, each in a clause of its own: a claim takes those
    // of its own clause (with what they cite), when its clause has one.
    if (here.size() > 1) {
        size_t c = clause_of(at);
        std::vector<const Mention*> mine;
        for (const Mention* m : here)
            if (clause_of(m->span.begin) == c) mine.push_back(m);
        if (!mine.empty() && mine.size() < here.size()) {
            for (const Mention* m : here)
                if (std::find(mine.begin(), mine.end(), m) == mine.end())
                    for (const Mention* o : mine)
                        if (!o->cites.empty() && o->cites == m->name) mine.push_back(m);
            here = std::move(mine);
        }
    }
    if (const Mention* h = clause_forecast_holder(at)) {
        const size_t c = clause_of(at);
        if (std::none_of(here.begin(), here.end(), [&](const Mention* m) { return clause_of(m->span.begin) == c; }))
            here.assign(1, h);
    }
    // A poll the figure belongs to ("the ¥765 billion average estimate of 21 analysts polled by
    // LSEG") is its only source: the company forecasting beside it in the sentence ("Hoshino
    // forecast ¥820 billion, beating ...") holds the other figure.
    if (here.size() > 1) {
        std::vector<const Mention*> polls;
        for (const Mention* m : here) {
            const size_t sb = sv.token_at(m->span.begin), se = sv.token_at(m->span.end);
            bool poll = false;
            for (size_t k = sb; k < se && k < toks.size(); ++k) poll |= lx.poll_verbs.count(toks[k]) > 0;
            if (poll) polls.push_back(m);
        }
        if (!polls.empty()) here = std::move(polls);
    }
    if (here.empty() && forecast_holder && at >= toks[forecast_verb].begin) here.push_back(forecast_holder);
    bool inherited = false;
    // A forecast told in the passive ("The euro area is expected to expand 1.1%", "Inflation is
    // projected to ease to 3.6%") after an organisation revised or stated its forecasts ("The IMF
    // cut its forecast for ...") is that organisation's, when no one else has spoken since.
    if (here.empty() && story_forecaster && story_forecaster->span.end <= S.begin && passive_forecast(at)) {
        bool spoken = false;
        for (auto it = std::lower_bound(named_sources.begin(), named_sources.end(), story_forecaster->span.end, by_begin);
             it != named_sources.end() && (*it)->span.begin < S.begin && !spoken; ++it)
            spoken = (*it)->name != story_forecaster->name;
        if (!spoken) {
            here.push_back(story_forecaster);
            inherited = true;
        }
    }
    if (here.empty())
        if (const Mention* q = figure_quote_speaker(at)) {
            here.push_back(q);
            inherited = true;
        }
    if (here.empty() && quote_speaker) {
        here.push_back(quote_speaker);
        inherited = true;
    }
    if (here.empty()) {
        inherited_sources(metric, claim, here, at);
        // "According to customs data, China imported ...": a sentence that says whose its figures
        // are, to no one named, is no company's or person's word from before it; a public body's
        // release may still be what it quotes ("according to early estimates" in the ONS's).
        if (!here.empty() && unnamed_according_to()) {
            auto k = org_kinds.find(here.front()->name);
            const std::string_view hk = k != org_kinds.end() ? std::string_view(k->second) : std::string_view(here.front()->kind);
            if (!(public_body(hk) || hk == "central_bank")) here.clear();
        }
        inherited = !here.empty();
    }
    // "According to X, ..., the publication notes": the trailing attribution relays the
    // leading one, so it comes first in the chain.
    if (here.size() > 1 && std::string_view(here.front()->cue) == "according to" &&
        here.front()->cites.empty() && here.back()->cites.empty() && sv.token_at(here.front()->span.begin) == 0) {
        bool trailing = true;
        for (uint32_t b = here.back()->span.end; b < S.end && trailing; ++b)
            trailing = !std::isalnum(static_cast<unsigned char>(a[b]));
        if (trailing) std::rotate(here.begin(), here.end() - 1, here.end());
    }
    // A company does not report its own share price or market value: "Sunvale said it
    // would cut 2,000 jobs, sending its shares down 7.4%" is the market's move. (It does
    // report a price it sets: "Acme said it would raise prices by 4%", "Ofgem said its price
    // cap would drop to £1,720".)
    // Nor another company's word in the sentence: "HSBC slipped 0.8% and Kwun Lok tumbled 11% after
    // it said it would miss a coupon" (a data provider's "according to" or "showed" still counts).
    // (a speaker after the move, in a clause of its own)
    uint32_t fig_at = claim.value != kNoMention ? ms[claim.value].span.begin : UINT32_MAX;
    if (claim.change && claim.change->percent != kNoMention) fig_at = std::min(fig_at, ms[claim.change->percent].span.begin);
    if (lx.own_market_metrics.count(metric) && claim.subject.size() == 1)
        here.erase(std::remove_if(here.begin(), here.end(),
                                  [&](const Mention* m) {
                                      const std::string_view cue = m->cue;
                                      return m->name == claim.subject.front() ||
                                             (std::string_view(m->kind) == "company" && m->span.begin > fig_at &&
                                              cue != "according to" && cue != "showed");
                                  }),
                   here.end());
    // Order: citing sources first, each followed by what it cites.
    std::vector<const Mention*>& ordered = sources_ordered;
    ordered.clear();
    for (const Mention* m : here) {
        bool cited_by_other = false;
        for (const Mention* o : here)
            if (o != m && !o->cites.empty() && o->cites == m->name) cited_by_other = true;
        if (cited_by_other) continue;
        ordered.push_back(m);
        if (!m->cites.empty())
            for (const Mention* o : here)
                if (o != m && o->name == m->cites) ordered.push_back(o);
    }
    // (one name once: "Xpeng reported ..., the company said in its earnings release" is
    // one source, not two)
    std::vector<std::string_view>& seen = sources_seen;  // (a few names: no tree of copies)
    seen.clear();
    for (const Mention* m : ordered) {
        if (std::find(seen.begin(), seen.end(), std::string_view(m->name)) != seen.end()) continue;
        seen.push_back(m->name);
        Source s{index_of(m), kNoMention, inherited};
        for (const Mention* o : here)
            if (o != m && !o->cites.empty() && o->cites == m->name) s.cited_by = index_of(o);
        arr.push_back(s);
    }
    if (arr.empty())
        conf -= 0.1;
    else if (inherited)
        conf -= 0.05;
    else
        conf += 0.1;
    return arr;
}

}  // namespace claimex::claims
