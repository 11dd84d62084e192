// The periods of claims: the date that governs a figure (in its clause, the report period a
// paragraph or the article set, the story's trading day), the dates of baselines, and the
// paragraph dates and story day the document sets before its sentences are read.
// Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>
#include <cmath>

namespace claimex::claims {

// The lower-case word right before / after a byte (text only: for any sentence).
std::string Assembly::word_near(uint32_t byte, bool after) {
    std::string w;
    if (after) {
        size_t e = byte;
        while (e < a.size() && a[e] == ' ') ++e;
        while (e < a.size() && std::isalnum(static_cast<unsigned char>(a[e])))
            w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(a[e++]))));
    } else {
        size_t b = byte;
        while (b > 0 && a[b - 1] == ' ') --b;
        size_t e = b;
        while (b > 0 && std::isalnum(static_cast<unsigned char>(a[b - 1]))) --b;
        for (size_t k = b; k < e; ++k) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(a[k]))));
    }
    return w;
}

// A futures contract month ("for December delivery", "November futures", "crude futures
// for November", "the January contract") names what is traded, not when a price was set.
// (read from the text alone, and asked for the same date by its sentence's paragraph test and
// every claim's period search: answered once per mention)
bool Assembly::contract_month(size_t i) {
    return date_test(i, 3, [&] { return contract_month_raw(i); });
}

bool Assembly::contract_month_raw(size_t i) {
    const std::string& x = ms[i].timex;
    if (x.size() != 7 || x[4] != '-') return false;
    if (lx.contract_words.count(word_near(ms[i].span.end, true))) return true;
    std::string before = word_near(ms[i].span.begin, false);
    if (lx.contract_words.count(before)) return true;
    if (before != "for") return false;
    uint32_t b = ms[i].span.begin;
    while (b > 0 && a[b - 1] == ' ') --b;
    return lx.contract_words.count(word_near(b - std::min<uint32_t>(b, 3), false)) > 0;
}

// A date that can stand for the paragraph's later figures: a month, quarter or half, not
// bounding a span ("since March"), not a contract month, not in a plan or forecast ("will
// ... in the third quarter").
bool Assembly::paragraph_date(size_t i, const text::Span& S) {
    const std::string& x = ms[i].timex;
    if (x.empty() || x[0] == 'P') return false;  // (a window such as "the quarter ended June 29" does not govern)
    {
        bool fiscal = x.rfind("FY", 0) == 0;
        size_t dash = x.find('-');
        if (dash == std::string::npos || (!fiscal && x.size() > 7) || x.find('W') != std::string::npos) return false;
        if (!fiscal && x.size() == 7 && !std::isdigit(static_cast<unsigned char>(x[dash + 1])) &&
            x[dash + 1] != 'Q' && x[dash + 1] != 'H')
            return false;  // seasons
    }
    if (lx.period_bound_words.count(word_near(ms[i].span.begin, false)) || contract_month(i)) return false;
    for (const Token& k : date_tokens(i))
        if (lx.baseline_period_words.count(k.low)) return false;
    // (nor the date of a comparison's figure: "edged up to 4.4% from 4.3% in October. Hourly
    // earnings rose 0.3%" — October is the baseline's month, not one the paragraph reports; the
    // dates normaliser decides it, rules/dates compared_*.txt)
    if (ms[i].compared) return false;
    // no plan or forecast word before it in the sentence
    // (letters tested and lower-cased inline, ASCII as the C locale's isalpha, a word on the
    // stack unless it is very long; the sentence's words are tested once for all its dates, up
    // to its first modal word: a date after that word's end follows one, and else only a word
    // the date's start cuts short is left to test)
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto modal = [&](uint32_t b, uint32_t e) {
        char w[32];
        bool m;
        if (e - b <= sizeof w) {
            for (uint32_t k = b; k < e; ++k) w[k - b] = a[k] <= 'Z' ? static_cast<char>(a[k] + 32) : a[k];
            m = lx.modal_words.count(std::string_view(w, e - b)) > 0 || lx.plan_nouns.count(std::string_view(w, e - b)) > 0;
        } else {
            const std::string l = lower(std::string_view(a).substr(b, e - b));
            m = lx.modal_words.count(l) > 0 || lx.plan_nouns.count(l) > 0;
        }
        // (a plan noun too: "kept its guidance for the 2027 financial year" names the plan's year)
        // ("fell more than expected in February", "rose as expected in May": measured against
        // expectations, not a plan — the month is the report's)
        return m && !expectation_compared(b);
    };
    const uint32_t limit = ms[i].span.begin;
    if (modal_span.begin != S.begin || modal_span.end != S.end) {
        modal_span = S;
        modal_pos = S.begin;
        first_modal_end = UINT32_MAX;
    }
    // (whole words before the limit, from where the last question stopped)
    if (first_modal_end == UINT32_MAX) {
        uint32_t b = modal_pos;
        while (b < limit) {
            while (b < limit && !alpha(a[b])) ++b;
            if (b >= limit) break;
            uint32_t e = b;
            while (e < S.end && alpha(a[e])) ++e;
            if (e > limit) break;  // cut short by the date: tested below, for this date only
            if (modal(b, e)) {
                first_modal_end = e;
                break;
            }
            b = e;
        }
        modal_pos = std::max(modal_pos, b);
    }
    if (first_modal_end <= limit) return false;
    if (limit > S.begin && limit < S.end && alpha(a[limit - 1]) && alpha(a[limit])) {
        uint32_t b = limit;
        while (b > S.begin && alpha(a[b - 1])) --b;
        if (modal(b, limit)) return false;
    }
    return true;
}

void Assembly::find_story_day() {
    // The story's trading day (corpus/CLAIMS.md, Periods): the first day its opening names — a
    // headline's "on Tuesday", else a day in the first two paragraphs of running text ("Oil fell
    // 2% on Tuesday", "the Bank of England ... on Thursday"), not a dateline or the publication
    // line, not bounding a span ("since Monday"), not an earlier day ("last Friday", "the
    // previous session"), not a weekend — else the first market move's own day (set as claims
    // come). It governs the later market moves that name no date or window of their own.
    {
        // (letters as the C locale's isalpha: ASCII, tested inline, not a libc call a byte)
        auto words_in = [&](uint32_t b, uint32_t e) {
            auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
            size_t n = 0;
            bool prev = false;
            for (uint32_t k = b; k < e; ++k) {
                const bool cur = alpha(a[k]);
                n += cur && !prev;
                prev = cur;
            }
            return n;
        };
        // running text: a line of a dozen words or more that ends a sentence (not a headline,
        // a byline or a publication line such as "March 11, 2025 · 4:52 PM GMT · 4 min read")
        auto running = [&](uint32_t b, uint32_t e) {
            while (e > b && std::isspace(static_cast<unsigned char>(a[e - 1]))) --e;
            if (e == b) return false;
            char c = a[e - 1];
            bool ends = c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' ||
                        (e >= b + 3 && static_cast<unsigned char>(a[e - 3]) == 0xE2 && static_cast<unsigned char>(a[e - 2]) == 0x80 &&
                         (static_cast<unsigned char>(c) == 0x9D || static_cast<unsigned char>(c) == 0x99));
            return ends && words_in(b, e) >= 12;
        };
        // "LONDON, Oct 17 - ...", "SEOUL, July 5 (Yonhap) --": the dateline at a line's start
        auto dateline = [&](size_t i, uint32_t line) {
            uint32_t b = ms[i].span.begin, e = ms[i].span.end;
            if (words_in(line, b) > 6) return false;
            while (b > line && a[b - 1] == ' ') --b;
            if (b == line || a[b - 1] != ',') return false;
            return dateline_tail(a, e, static_cast<uint32_t>(a.size()));
        };
        auto opening_day = [&](size_t i, uint32_t line, bool headline) {
            if (ms[i].type != Type::date || !is_day(ms[i].timex) || is_weekend(ms[i].timex)) return false;
            if (ms[i].from != ms[i].to) return false;  // a span of days ("the July 30-31 meeting")
            std::string before = word_near(ms[i].span.begin, false);
            if (headline && before != "on") return false;
            if (before == "last" || lx.period_bound_words.count(before) || dateline(i, line)) return false;
            // another event's day ("..., after dropping 2.7% on Monday"): "after" earlier in its clause
            for (uint32_t b = ms[i].span.begin, n = 0; b > line && n < 12; ++n) {
                while (b > line && !std::isalpha(static_cast<unsigned char>(a[b - 1])) && a[b - 1] != ',' && a[b - 1] != ';') --b;
                if (b == line || a[b - 1] == ',' || a[b - 1] == ';') break;
                std::string w = word_near(b, false);
                if (w == "after" || w == "following") return false;
                b -= static_cast<uint32_t>(w.size());
            }
            for (const Token& k : date_tokens(i))
                if (lx.baseline_period_words.count(k.low) || k.low == "last") return false;
            return true;
        };
        const auto& paras = t.paragraphs();
        size_t body = 0, mi = 0;
        for (size_t p = 0; p < paras.size() && body < 2 && !story_day; ++p)
            for (uint32_t lb = paras[p].begin; lb < paras[p].end && !story_day;) {
                uint32_t le = std::min<uint32_t>(paras[p].end, static_cast<uint32_t>(std::min(a.find('\n', lb), a.size())));
                const bool run = p > 0 && running(lb, le);
                while (mi < ms.size() && ms[mi].span.begin < lb) ++mi;
                if (p == 0 || run)
                    for (size_t i = mi; i < ms.size() && ms[i].span.begin < le; ++i)
                        if (opening_day(i, lb, p == 0)) {
                            story_day = i;
                            break;
                        }
                body += run;
                lb = le + 1;
            }
    }
}

void Assembly::find_lead_date() {
    // The lead's month, quarter or half ("UK house prices rose for a fourth month in October,
    // according to Nationwide"): the article's report period when no figure has set one yet,
    // though the lead states no figure itself (as paragraph_date does within a paragraph).
    for (const text::Span& S : t.sentences()) {
        if (t.paragraph_index(S.begin) < lead_paragraph) continue;
        if (t.paragraph_index(S.begin) > lead_paragraph || lead_date) break;
        for (size_t i = 0; i < ms.size() && !lead_date; ++i)
            if (ms[i].type == Type::date && ms[i].span.begin >= S.begin && ms[i].span.end <= S.end && paragraph_date(i, S))
                lead_date = i;
    }
    // (only a lead that relays a release: "..., according to Nationwide", "the ONS said")
    if (!(lead_source && t.paragraph_index(lead_source->span.begin) == lead_paragraph &&
          lx.release_kinds.count(lead_source->kind) && lx.release_cues.count(lead_source->cue)))
        lead_date.reset();
}

// The window a guidance story is about, named in its headline or lead with a forecast word:
// "raised its forecast for the year ending March 2027", "profit outlook for fiscal 2027",
// "cuts full-year outlook", "its 2027 sales guidance". A company's later forecast figures
// that name no date of their own ("now expects operating profit of 84 billion yen") are for
// it, as a results story's figures are for its quarter.
void Assembly::find_forecast_window() {
    auto forecast_word = [&](const std::string& w) {
        return kForecastNouns.count(w) || w == "guidance" || w == "target" || w == "targets" || w == "goal";
    };
    // the word before `b` and where it starts
    auto back = [&](uint32_t& b) {
        while (b > 0 && a[b - 1] == ' ') --b;
        std::string w = word_near(b, false);
        b -= static_cast<uint32_t>(std::min<size_t>(w.size(), b));
        return w;
    };
    for (size_t i = 0; i < ms.size(); ++i) {
        if (t.paragraph_index(ms[i].span.begin) > lead_paragraph) break;
        const std::string& x = ms[i].timex;
        if (ms[i].type != Type::date || x.empty() || is_day(x) || x.find('W') != std::string::npos) continue;
        if (x[0] == 'P' && ms[i].to.size() != 10) continue;  // (a bare duration: "five years")
        if (lx.period_bound_words.count(word_near(ms[i].span.begin, false)) || contract_month(i)) continue;
        bool hit = false;
        // "forecast for the year ending March 2027", "outlook for its fiscal year"
        // (words of the period's kind between: "guidance for calendar 2026", "for its fiscal 2027")
        uint32_t b = ms[i].span.begin;
        std::string w0 = back(b);
        for (int n = 0; n < 2 && (w0 == "calendar" || w0 == "fiscal" || w0 == "financial" || w0 == "its" || w0 == "the"); ++n)
            w0 = back(b);
        if (w0 == "for")
            for (int n = 0; n < 4 && b > 0 && !hit; ++n) {
                std::string w = back(b);
                if (w.empty()) break;
                hit = forecast_word(w);
            }
        // "full-year forecast", "2027 profit guidance": a forecast word within three after
        uint32_t e = ms[i].span.end;
        for (int n = 0; n < 3 && !hit; ++n) {
            while (e < a.size() && (a[e] == ' ' || a[e] == '-')) ++e;
            std::string w = word_near(e, true);
            if (w.empty()) break;
            hit = forecast_word(w);
            e += static_cast<uint32_t>(w.size());
        }
        // (the headline's "full-year" is shorthand for the lead's "the fiscal year ending March
        // 2025": a window below the headline wins)
        if (hit) {
            forecast_window = i;
            if (t.paragraph_index(ms[i].span.begin) > 0) return;
        }
    }
}

// A date that names the period of a comparison ("a year earlier", "the same
// period last year") is a baseline's period, never the claim's own.
// (asked for every date at every period search: worked out once per date)
// A date that opens its sentence before a comma ("A year earlier, ...", "Two years ago, ...").
static bool fronted_date(const std::string& a, const Mention& m) {
    uint32_t b = m.span.begin, e = m.span.end;
    while (b > 0 && a[b - 1] == ' ') --b;
    if (b > 0 && a[b - 1] != '.' && a[b - 1] != '\n') return false;
    return e < a.size() && a[e] == ',';
}

bool Assembly::baseline_date(size_t i) {
    if (baseline_dates[i] < 0) {
        const std::span<const Token> date_toks = date_tokens(i);
        baseline_dates[i] = 0;
        for (size_t j = 0; j < date_toks.size(); ++j)
            // ("earlier this month", "earlier in the year": when, not a comparison's date)
            if (lx.baseline_period_words.count(date_toks[j]) &&
                !(j == 0 && date_toks[j].low == "earlier" && j + 1 < date_toks.size() &&
                  (date_toks[j + 1].low == "this" || date_toks[j + 1].low == "in")))
                baseline_dates[i] = 1;
        // "A year earlier, volume was 2.3 million": a comparison's date fronting its sentence
        // dates the sentence's own figures
        if (baseline_dates[i] && fronted_date(a, ms[i])) baseline_dates[i] = 0;
        // "climbed 0.1% from September to £266,064": a "from" date before the new level is
        // the comparison's (month on month), not the figure's period
        if (!baseline_dates[i] && ms[i].span.begin >= S.begin && ms[i].span.end <= S.end) {
            size_t k = sv.token_at(ms[i].span.begin), e = sv.token_at(ms[i].span.end);
            // "$3.5 billion higher than in September": the date a comparison is with
            size_t t = k;
            if (t > 0 && (toks[t - 1].low == "in" || toks[t - 1].low == "at" || toks[t - 1].low == "on")) --t;
            if (t > 1 && toks[t - 1].low == "than" &&
                ((toks[t - 2].bits & lx.kChangeWord) || comparison_change_word(t - 2)))
                baseline_dates[i] = 1;
            // "down 22% from the same months of 2025", "the same period in 2024": a year after "the
            // same ... of/in" (the dates rules leave the phrase out of the year's mention)
            if (k >= 3 && (toks[k - 1].low == "of" || toks[k - 1].low == "in") &&
                (toks[k - 3].low == "same" || (k >= 4 && toks[k - 4].low == "same")))
                baseline_dates[i] = 1;
            // "rose 0.9% in September from August": a "from" date right after the figure's own
            // date is the month compared with
            if (k > 1 && toks[k - 1].low == "from" && sv.tok_mention[k - 2] != SIZE_MAX &&
                ms[sv.tok_mention[k - 2]].type == Type::date && !ms[sv.tok_mention[k - 2]].compared)
                baseline_dates[i] = 1;
            if (k > 0 && toks[k - 1].low == "from" && e + 1 < toks.size() && toks[e].low == "to" &&
                sv.tok_mention[e + 1] != SIZE_MAX && is_value(ms[sv.tok_mention[e + 1]]))
                baseline_dates[i] = 1;
            // "Average hourly earnings increased 0.3% from October": a "from" date right after a
            // move's percentage is the month compared with
            // (not a date still to come: "will raise council tax by 4.99% from April" starts then)
            if (k > 1 && toks[k - 1].low == "from" && sv.tok_mention[k - 2] != SIZE_MAX &&
                ms[sv.tok_mention[k - 2]].type == Type::percent &&
                !(doc.published.size() == 10 && ms[i].from.size() == 10 && ms[i].from > doc.published))
                baseline_dates[i] = 1;
            // "down 14% on last season", "up 3% on the previous quarter": a period (not a day:
            // "fell 2% on Monday" is when) after "on" right after a move's percentage is the one
            // compared with
            if (k > 1 && toks[k - 1].low == "on" && sv.tok_mention[k - 2] != SIZE_MAX &&
                ms[sv.tok_mention[k - 2]].type == Type::percent && !ms[i].from.empty() && ms[i].from != ms[i].to &&
                !(doc.published.size() == 10 && ms[i].from.size() == 10 && ms[i].from > doc.published))
                baseline_dates[i] = 1;
            // "Compared with October last year, sales were up 3.1%", "versus the third quarter of
            // 2025": the comparison's date, fronted or not (a date after a change word's "than" is
            // one too, above: "pay is still 9% lower than in 2019" is a change whose period the
            // sentence does not give)
            size_t p = k;
            if (p > 0 && (toks[p - 1].low == "versus" || toks[p - 1].low == "vs" ||
                          ((toks[p - 1].low == "with" || toks[p - 1].low == "to") && p > 1 &&
                           (toks[p - 2].low == "compared" || toks[p - 2].low == "comparing" || toks[p - 2].low == "compares"))))
                baseline_dates[i] = 1;
            // "almost double the level of 2021", "more than double the total for all of 2025",
            // "twice the 870 it sold in October last year": a date inside what a factor compares
            // the figure with (no punctuation between) is that comparison's, not the figure's
            // period (not a verb's object: "will double the fleet by 2028" — session 24)
            for (size_t j = k, steps = 0; j > 1 && steps < 14; --j, ++steps) {
                const std::string_view w = toks[j - 1].low;
                if (toks[j - 1].begin < S.begin) break;
                // (a number's own comma goes on: "the 1,400 it moved")
                const bool in_number = toks[j - 1].low == "," && j < toks.size() && toks[j - 1].begin == toks[j - 2].end &&
                                       toks[j].begin == toks[j - 1].end;
                if (!toks[j - 1].is_word() && !in_number) break;
                if (w != "the" && w != "its" && w != "their") continue;
                static const StringSet factors = {"double", "triple", "twice", "half", "quadruple", "times"};
                static const StringSet verb_use = {"to", "will", "would", "could", "can", "may", "might", "should",
                                                   "must", "shall", "not", "plans", "aims"};
                const std::string_view f = toks[j - 2].low;
                if (factors.count(f) && !(j > 2 && verb_use.count(toks[j - 3].low))) {
                    baseline_dates[i] = 1;
                    break;
                }
            }
            // "about 2% more than last year", "12% less than this year": a date right after a
            // percentage's comparison word and "than" is what the figure is compared with
            if (p > 2 && toks[p - 1].low == "than" && lx.comparison_words.count(toks[p - 2].low) &&
                sv.tok_mention[p - 3] != SIZE_MAX && ms[sv.tok_mention[p - 3]].type == Type::percent)
                baseline_dates[i] = 1;
        }
    }
    return baseline_dates[i] > 0;
}

// "the highest since November 2020", "the first loss in more than three decades": the date
// a record is measured against, not the figure's period.
// Also "the largest increase in a single budget since 1993", "its biggest contract since
// it was founded in 1998": a superlative further back, with "since" between.
// A day is measured against only after "since": "its highest close on Tuesday" is the
// day the record was set, the move's own day.
bool Assembly::record_reference(size_t i) {
    size_t k = sv.token_at(ms[i].span.begin);
    // "surpassing its previous closing peak of 8,474.7 set in May", "the high reached on
    // Monday": when an earlier mark was set, not the figure's period (a participle of setting
    // after a bare number or a mark noun; after a figure mention the date is that figure's, a
    // baseline's: "down from a peak of 4% reached in mid-2023")
    if (k >= 3 && (toks[k - 1].low == "in" || toks[k - 1].low == "on")) {
        static const WordList set_verbs = {"set", "reached", "recorded", "touched", "hit", "struck"};
        static const WordList marks = {"peak", "high", "low", "record", "level", "mark", "trough"};
        const Token& before = toks[k - 3];
        const bool number = !before.low.empty() && std::isdigit(static_cast<unsigned char>(before.low.back()));
        if (set_verbs.count(toks[k - 2].low) && sv.tok_mention[k - 3] == SIZE_MAX && (number || marks.count(before.low)))
            return true;
    }
    // "down 24% from their September 2021 peak", "near its 2022 high": a date right before a mark
    // noun says when that mark was set, after a possessive or an article
    {
        static const WordList marks = {"peak", "peaks", "high", "highs", "low", "lows", "trough", "record"};
        const size_t e = sv.token_after(ms[i].span.end);
        if (e < toks.size() && marks.count(toks[e].low) && k > 0 &&
            (kDeterminers.count(toks[k - 1]) || toks[k - 1].low == "'s" || toks[k - 1].low == "s"))
            return true;
    }
    bool since = false;
    const bool day = is_day(ms[i].timex);
    for (size_t j = k, n = 0; j-- > 0 && n < 14; ++n) {
        // (a figure counts as one word, its commas none: "surpassing the Rs 65,816 crore sold
        // in March 2020"; unsigned wrap-around undone by the loop's ++n)
        if (j > 0 && sv.tok_mention[j] != SIZE_MAX && sv.tok_mention[j - 1] == sv.tok_mention[j]) {
            --n;
            continue;
        }
        if (toks[j].low == "," || toks[j].low == ";") break;
        // (a figure between a superlative and the date, no "since" after it: the superlative
        // ranks a name, the date is the figure's — "Europe's largest economy shrank 0.1% in the
        // third quarter", "rose to its highest level of 5.2% in March")
        if (!since && sv.tok_mention[j] != SIZE_MAX && is_value(ms[sv.tok_mention[j]])) break;
        std::string_view w = toks[j].low;  // ("second-highest": the superlative after the dash)
        if (size_t dash = w.rfind('-'); dash != std::string_view::npos) w = w.substr(dash + 1);
        // ("the first seven months" of a fiscal year: the date's own word, no record)
        const bool own = j + 1 == k && toks[j].low == "first";
        // (the token's class bit answers for the whole word; the string only for a part after a dash)
        if (!own && (lx.superlatives.count(toks[j]) || (w.size() != toks[j].low.size() && lx.superlatives.count(w))) &&
            ((n < 6 && !day) || since))
            return true;
        since |= toks[j].low == "since";
    }
    return false;
}

// "a 27% premium to Helix's closing price on Tuesday": the day of the price a premium or a
// discount is measured against (after "to", no comma between), not the figure's period.
bool Assembly::reference_price_date(size_t i) {
    const size_t k = sv.token_at(ms[i].span.begin);
    for (size_t j = k, n = 0; j-- > 1 && n < 10; ++n) {
        if (toks[j].low == "," || toks[j].low == ";") break;
        if (toks[j].low != "to") continue;
        if (lx.reference_words.count(toks[j - 1].low)) return true;
        // ("a premium of 28% to Veldhoven's closing price on Friday": the figure and "of" between)
        if (const size_t f = sv.tok_mention[j - 1]; f != SIZE_MAX && is_value(ms[f])) {
            size_t b = j - 1;
            while (b > 0 && sv.tok_mention[b - 1] == f) --b;
            if (b >= 2 && toks[b - 1].low == "of" && lx.reference_words.count(toks[b - 2].low)) return true;
        }
    }
    return false;
}

// "would invest about Rs 20,000 crore over the next three years, as the utility reported a
// 12% rise in profit": a date right after another value figure of the sentence (a preposition
// or two between) in a plan's clause (a modal word) is the plan's window. A change looking
// back for a date must not take it: the dates before `before` so placed, not after one of
// the change's `own` figures, are marked used (the caller unmarks the returned ones after
// its search). (A window after a figure stated as fact is shared: "held at 4.4% in the three
// months to January, ..., while pay growth slowed to 5.9%".)
std::vector<size_t> Assembly::reserve_figure_dates(uint32_t before, const std::vector<size_t>& own) {
    std::vector<size_t> reserved;
    for (size_t i : sv.mentions) {
        if (ms[i].type != Type::date || ms[i].span.end > before || used_dates.count(i)) continue;
        size_t k = sv.token_at(ms[i].span.begin);
        for (int n = 0; n < 2 && k > 0 && sv.tok_mention[k - 1] == SIZE_MAX; ++n) {
            const std::string_view w = toks[k - 1].low;
            if (w != "over" && w != "in" && w != "for" && w != "during" && w != "through" && w != "across") break;
            --k;
        }
        if (k == 0 || k == sv.token_at(ms[i].span.begin) || sv.tok_mention[k - 1] == SIZE_MAX) continue;
        const size_t f = sv.tok_mention[k - 1];
        if (!is_value(ms[f]) || std::find(own.begin(), own.end(), f) != own.end()) continue;
        bool plan = false;
        for (size_t j = clause_start_tok(k - 1); j < k; ++j) plan |= lx.modal_words.count(toks[j]) > 0;
        if (plan) {
            used_dates.insert(i);
            reserved.push_back(i);
        }
    }
    return reserved;
}

// A day (or week) on which something was said or published ("the statistics office said
// on Friday", "data released on Monday", "said in a filing on Friday") dates the
// announcement, not the figure; nor does a dateline ("PERTH, March 6 (Wire) —").
bool Assembly::announcement_date(size_t i) {
    const std::string& x = ms[i].timex;
    size_t k = sv.token_at(ms[i].span.begin);
    // "which will report full-year results in February", "results due on Thursday": when the
    // report comes out, whatever the date's grain
    // ("Earnings in the third quarter rose": no verb of publishing before the noun, the period)
    if (k >= 2 && k < toks.size() && (toks[k - 1].low == "in" || toks[k - 1].low == "on")) {
        size_t n = k - 2;
        bool due = n > 0 && toks[n].low == "due";
        if (due) --n;
        if (lx.publish_nouns.count(toks[n].low)) {
            for (size_t j = n, w = 0; !due && j-- > 0 && w < 4; ++w) due = lx.publish_verbs.count(toks[j].low) > 0;
            if (due) return true;
        }
    }
    bool day = x.size() >= 10 && std::isdigit(static_cast<unsigned char>(x[0])) && x[4] == '-' && x[7] == '-';
    // ("the commission said this month", "reported earlier this month": the current month told
    // relative to today is when something was said, as a day is, after a verb of saying or
    // publishing right before it; not an act's, "approved a $1.2 billion loan this month", nor
    // "in October", a period)
    if (!day && x.size() == 7 && x[4] == '-' && std::isdigit(static_cast<unsigned char>(x[5]))) {
        const std::span<const Token> dt = date_tokens(i);
        if (!dt.empty() && k > 0 && (dt[0].low == "this" || (dt[0].low == "earlier" && dt.size() > 1 && dt[1].low == "this"))) {
            std::string_view v = toks[k - 1].low;
            return lx.announce_verbs.count(toks[k - 1]) && v != "approved" && v != "unveiled" && v != "presented";
        }
    }
    // (an ISO week "2025-W50", not a window of weeks "the six weeks to December 13", P6W)
    if (!day && (x.find('W') == std::string::npos || x[0] == 'P')) return false;
    // "Earlier this week, Kestrel reported a 9% rise in quarterly profit", "On Monday, the agency
    // said ...": a day or week fronting the sentence dates its verb of announcing (a few words on,
    // no figure before it)
    if (fronted_date(a, ms[i]))
        for (size_t j = sv.token_after(ms[i].span.end) + 1, n = 0; j < toks.size() && n < 8; ++j, ++n) {
            if (sv.tok_mention[j] != SIZE_MAX && is_value(ms[sv.tok_mention[j]])) break;
            if (lx.announce_verbs.count(toks[j])) return true;
        }
    // (over the figure the verb announced: "reported a third-quarter operating profit of 1.12
    // billion crowns on Tuesday"; not past another verb: "reported a loss and its shares fell 5%
    // on Tuesday" dates the fall)
    for (size_t j = k, n = 0; j-- > 0 && n < 16; ++n) {
        if (toks[j].low == "," || toks[j].low == ";" || toks[j].low == "that") break;
        if (lx.announce_verbs.count(toks[j])) return true;
        if (n >= 10 && (toks[j].bits & (lx.kVerbWord | lx.kChangeWord))) break;
    }
    // "The ministry on Friday said", "Data on Tuesday showed": the verb right after
    size_t e = sv.token_after(ms[i].span.end);
    if (e < toks.size() && lx.announce_verbs.count(toks[e])) return true;
    // "The IMF on Tuesday cut its growth forecast": the day a forecast was revised, between its
    // holder and the verb, dates the revision, not the forecast
    if (forecast_holder && forecast_verb > k && ms[i].span.begin > forecast_holder->span.begin && e == forecast_verb)
        return true;
    // a dateline: "CITY, DATE (Agency) —", "CITY, DATE -" or "CITY, DATE:" at the start of the
    // sentence ("MUMBAI, Nov 24: SkyVista Airlines has raised Rs 4,500 crore ...")
    return k <= 4 && k > 0 && toks[k - 1].low == "," &&
           (dateline_tail(a, ms[i].span.end, S.end) || (ms[i].span.end < S.end && a[ms[i].span.end] == ':'));
}

// "Ocado, founded in 2000, employs about 19,000 people": the date a holder was founded, set up or
// listed (words.tsv `origin`) dates its origin, never a figure.
bool Assembly::origin_date(size_t i) {
    size_t k = sv.token_at(ms[i].span.begin);
    if (k > 0 && (toks[k - 1].low == "in" || toks[k - 1].low == "on")) --k;
    return k > 0 && lx.origin_words.count(toks[k - 1].low) > 0;
}

// "Bonds maturing in 2046 were priced to yield 3.98%", "the yield on the sovereign bond due 2034
// fell": a year right after a maturity word (words.tsv `maturity`, or after it and "in") names
// which bond it is, never a figure's period (the sale's or the trading day's period governs).
bool Assembly::maturity_date(size_t i) {
    const std::string& x = ms[i].timex;
    if (x.size() != 4 || !std::isdigit(static_cast<unsigned char>(x[0]))) return false;
    size_t k = sv.token_at(ms[i].span.begin);
    if (k > 0 && toks[k - 1].low == "in") --k;
    return k > 0 && lx.maturity_words.count(toks[k - 1].low) > 0;
}

// "The Swiss National Bank, which cut rates in June, holds reserves of about 730 billion francs":
// a date inside a relative clause between commas that tells a past act of the holder (a change
// verb, no figure of its own) and closes before `after` dates that act, not the main clause's figure;
// so does a date inside an apposition (", a ... ,") before the figure.
bool Assembly::past_act_aside(size_t i, uint32_t after) {
    const size_t k = sv.token_at(ms[i].span.begin);
    size_t open = k;
    while (open > 0 && k - open < 20 && toks[open - 1].low != "," && toks[open - 1].low != ";") --open;
    if (open == 0 || toks[open - 1].low != ",") return false;
    // ("core orders, a volatile series seen as a guide to spending in the coming six to nine
    // months, rose 7.2%": an apposition's date describes the holder, no figure's period)
    const bool apposition = toks[open].low == "a" || toks[open].low == "an";
    if (!apposition && toks[open].low != "which" && toks[open].low != "who") return false;
    bool act = apposition;
    for (size_t j = open + 1; j < k; ++j) {
        if (sv.tok_mention[j] != SIZE_MAX && ms[sv.tok_mention[j]].type != Type::date &&
            ms[sv.tok_mention[j]].type != Type::org && ms[sv.tok_mention[j]].type != Type::place)
            return false;
        act |= (toks[j].bits & lx.kChangeWord) != 0;
    }
    if (!act) return false;
    const size_t stop = sv.token_at(after);
    for (size_t j = sv.token_after(ms[i].span.end); j < toks.size() && j < stop; ++j) {
        if (toks[j].low == ",") return true;
        if (sv.tok_mention[j] != SIZE_MAX && ms[sv.tok_mention[j]].type != Type::date) return false;
    }
    return false;
}

std::optional<size_t> Assembly::find_period(uint32_t after, uint32_t limit, IndexSet& used, bool for_baseline,
                                            bool announced, bool share_day, uint32_t floor) {
    // nearest date after `after` before `limit`, else nearest before `after` in the sentence
    std::optional<size_t> best;
    // A day after "by" closes a running total's window that the sentence names ("arrivals so far
    // this season reached 412,000 tonnes by Sunday", "sales to date reached 9,000 cars by
    // Friday"): the window is the period, the day only where it stood.
    auto closes_window = [&](size_t i) {
        if (!is_day(ms[i].timex)) return false;
        const size_t k = sv.token_at(ms[i].span.begin);
        if (k == 0 || k >= toks.size() || toks[k - 1].low != "by") return false;
        for (size_t j : sv.mentions) {
            if (j == i || ms[j].type != Type::date || is_day(ms[j].timex)) continue;
            const size_t w = sv.token_at(ms[j].span.begin), e = sv.token_after(ms[j].span.end);
            if ((w >= 2 && toks[w - 2].low == "so" && toks[w - 1].low == "far") ||
                (e + 1 < toks.size() && toks[e].low == "to" && toks[e + 1].low == "date"))
                return true;
        }
        return false;
    };
    auto fits = [&](size_t i) {
        return ms[i].type == Type::date && (for_baseline || !baseline_date(i)) && !closes_window(i) &&
               !date_test(i, 0, [&] { return record_reference(i); }) &&
               !date_test(i, 1, [&] { return reference_price_date(i); }) &&
               (announced || !date_test(i, 2, [&] { return announcement_date(i); })) &&
               !contract_month(i) && !origin_date(i) && !maturity_date(i) &&
               !(ms[i].span.end <= after && past_act_aside(i, after));
    };
    auto usable = [&](size_t i) { return !used.count(i) && fits(i); };
    for (size_t i : sv.mentions)
        if (usable(i) && ms[i].span.begin >= after && ms[i].span.begin < limit) {
            best = i;
            break;
        }
    // (a baseline's own date follows it, "from 2.8% in May", or names a comparison before it:
    // the claim's date before it is not the earlier figure's, "kept the rate at 5.5% on Thursday
    // and lowered its projection for 2026-27 to 3.9% from 4.2%")
    if (!best)
        for (size_t i : sv.mentions)
            if (usable(i) && ms[i].span.end <= after && ms[i].span.begin >= floor && (!for_baseline || baseline_date(i)))
                best = i;
    // A day dates every move of the sentence before it ("Nikkei slipped 0.6% on Tuesday,
    // while the Hang Seng rose 0.4%"; "... after touching a high of $2,696 earlier in
    // the session"): a day already taken still serves a later claim.
    if (!best && share_day)
        for (size_t i : sv.mentions)
            if (used.count(i) && is_day(ms[i].timex) && ms[i].span.end <= after && fits(i) &&
                sv.token_at(after) <= sv.token_at(ms[i].span.begin) + 16)  // a nearby clause's day
                best = i;
    // A participle clause of result ("rose 0.9% in September, leaving prices down 24% from their
    // peak", "cut it by 300 basis points in September, bringing total easing this year to ...")
    // states where the main clause's move left things: its figure takes that clause's date.
    if (!best && !for_baseline) {
        static const WordList result_participles = {"leaving", "bringing", "taking", "outpacing", "lagging"};
        const size_t at = sv.token_at(after);
        for (size_t i : sv.mentions) {
            if (!used.count(i) || ms[i].type != Type::date || ms[i].span.end > after || !fits(i)) continue;
            const size_t d = sv.token_after(ms[i].span.end);
            if (at > d + 16) continue;
            for (size_t j = d; j + 1 < at; ++j) {
                if (toks[j].low == ";" || (sv.tok_mention[j] != SIZE_MAX && is_value(ms[sv.tok_mention[j]]))) break;
                if (toks[j].low == "," && result_participles.count(toks[j + 1].low)) {
                    best = i;
                    break;
                }
            }
        }
    }
    // A period fronting the sentence before a comma dates all its figures ("For the first ten
    // months, exports were up 5.8% and the surplus totalled $802 billion"), taken or not.
    if (!best && !for_baseline)
        for (size_t i : sv.mentions) {
            if (ms[i].type != Type::date || ms[i].span.begin < S.begin) continue;
            const size_t k = sv.token_at(ms[i].span.begin), e = sv.token_after(ms[i].span.end);
            const std::string_view p0 = toks.empty() ? std::string_view() : std::string_view(toks[0].low);
            const bool prep = p0 == "in" || p0 == "for" || p0 == "during" || p0 == "over" || p0 == "across";
            if ((k == 0 || (prep && k <= 4)) && e < toks.size() && toks[e].low == "," && ms[i].span.end <= after && used.count(i) && fits(i) &&
                !is_day(ms[i].timex))
                best = i;
            break;  // (the sentence's first date only)
        }
    if (best) used.insert(*best);
    return best;
}

// A results window ending at a month's end: "the year to June", "the six months to September",
// "the nine months ended December 31" (a duration with its end named, as Australian, British
// and Japanese results state their period), "the first nine months of 2026" (session 20), ended
// by the publication date; not a window back
// from today ("the past 12 months").
bool Assembly::reporting_window(size_t i) {
    const Mention& m = ms[i];
    if (m.from.size() != 10 || m.to.size() != 10) return false;
    // the end is the last day of its month (the next day is the 1st)
    int y = std::atoi(m.to.c_str()), mo = std::atoi(m.to.c_str() + 5), d = std::atoi(m.to.c_str() + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12) return false;
    int last = days[mo - 1] + (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    // (or a retailer's trading weeks: "the nine weeks to March 1", any day)
    const bool weeks = !m.timex.empty() && m.timex.back() == 'W';
    if (d != last && !weeks) return false;
    // (a window still to end is a forecast's: "for the year to March 2027")
    if (doc.published.size() == 10 && m.to > doc.published) return false;
    // (or a year-to-date window, "the first nine months of 2026": it starts on the year's first day)
    const bool year_to_date = m.from.compare(4, 6, "-01-01") == 0;
    // (or a range of months that names the window's first and last: "the January-September
    // period", "in April-September", "Jan-Sept." — session 26; the words of the mention's text,
    // as a hyphen joins them into one token)
    const int first_month = std::atoi(m.from.c_str() + 5);
    bool opens = false;
    for (uint32_t b = m.span.begin; b < m.span.end;) {
        if (!std::isalpha(static_cast<unsigned char>(a[b]))) {
            ++b;
            continue;
        }
        uint32_t e = b;
        while (e < m.span.end && std::isalpha(static_cast<unsigned char>(a[e]))) ++e;
        std::string_view w(low_doc.data() + b, e - b);
        b = e;
        const auto* named = lx.month_numbers.find(w);  // (rules/dates/months.tsv)
        if (!named) continue;
        const int month = named->second;
        if (opens && month == mo && month != first_month) return true;
        opens = opens || month == first_month;
    }
    for (const Token& k : date_tokens(i))
        if (k.low == "to" || k.low == "ended" || k.low == "ending" || k.low == "through" ||
            (k.low == "first" && year_to_date))
            return true;
    return false;
}

// A report period: a calendar or fiscal year, half, quarter or month (not a day,
// a week, a duration, nor the start or end of a span: "since 2022", "by 2027").
// A quarter or half, calendar or fiscal ("2026-Q3", "FY2027-H1"): the grain of a results window.
static bool results_grain(const std::string& x) {
    return x.size() >= 7 && (x[x.size() - 2] == 'Q' || x[x.size() - 2] == 'H') && x[x.size() - 3] == '-';
}

bool Assembly::report_period(size_t i) {
    const std::string& x = ms[i].timex;
    if (!x.empty() && x[0] == 'P' && reporting_window(i) && !baseline_date(i)) return true;
    if (x.empty() || x[0] == 'P' || x.find('W') != std::string::npos || baseline_date(i)) return false;
    size_t dashes = std::count(x.begin(), x.end(), '-');
    bool fiscal = x.rfind("FY", 0) == 0;
    if (!fiscal && !(x.size() >= 4 && std::isdigit(static_cast<unsigned char>(x[0])))) return false;
    if (!fiscal && dashes >= 2) return false;
    size_t k = sv.token_at(ms[i].span.begin);
    if (k > 0 && k < toks.size() && lx.period_bound_words.count(toks[k - 1])) return false;
    return true;
}

// A market move or quote of the trading day (the story's day governs it), not a move over a
// window ("has fallen 13% since the election", "has gained 18%"), an average ("averaged
// $85 a barrel"), a forecast or assumption ("could fall to $60", "assuming 145 yen to the
// dollar"), nor a price in economic data ("Food inflation was negative as rice prices fell").
bool Assembly::trading_day_move(size_t anchor) {
    const size_t cs = clause_start_tok(anchor);
    size_t ce = anchor;
    for (; ce < toks.size(); ++ce)
        if (toks[ce].low == ";" ||
            (toks[ce].low == "," && ce + 1 < toks.size() &&
             (toks[ce + 1].low == "while" || toks[ce + 1].low == "whereas" || toks[ce + 1].low == "but" ||
              toks[ce + 1].low == "and")))
            break;
    // (a window after the move: up to the next move of the clause, "lost 1.6% and has
    // fallen 13% since its record close")
    for (size_t k = anchor + 1; k < ce; ++k)
        if (toks[k].bits & lx.kChangeWord) {
            ce = k;
            break;
        }
    const bool amount = sv.tok_mention[anchor] != SIZE_MAX;
    // (a modal of an earlier comma clause is not the move's: "Sunvale said it would cut
    // 2,000 jobs, sending its shares down 7.4%")
    size_t modal_lo = cs;
    for (size_t k = cs; k < anchor && k < toks.size(); ++k)
        if (toks[k].low == ",") modal_lo = k + 1;
    for (size_t k = cs; k < ce && k < toks.size(); ++k) {
        if (k >= modal_lo && k <= anchor && lx.modal_words.count(toks[k])) return false;
        // "averaged about $85", "an average of 34 euros" (not "the Nikkei average rose")
        if (amount && k < anchor && anchor - k <= 4 && lx.average_words.count(toks[k])) return false;
        if (toks[k].low == "since") {
            bool record = false;
            for (size_t j = k, n = 0; j-- > cs && n < 6; ++n) record |= lx.superlatives.count(toks[j]) > 0;
            if (!record) return false;
        }
        if (k < anchor && anchor - k <= 3 && (toks[k].low == "has" || toks[k].low == "have")) return false;
    }
    // economic data named before it in the sentence: the price is one of the data's
    for (size_t k = 0; k < anchor; ++k) {
        size_t n = 0;
        if (const Lexicon::Entry* e = metric_phrase(k, &n); e && lx.scope_of(e->value) == "economy") {
            // (not a metric a company has too: "cut 2,000 jobs, sending its shares down 7.4%")
            bool company_form = false;
            if (auto f = lx.metric_forms.find(e->value); f != lx.metric_forms.end())
                for (const auto& [when, key] : f->second) company_form |= when == "company";
            if (!company_form) return false;
        }
    }
    return true;
}

// Is token k in a relative clause between commas (", which will report ..., ") that closes
// before the anchor and states a plan (a modal word)? With `any_act`, any act the clause tells
// with no figure of its own will do: a market move is dated by its own clause, not by what its
// holder does ("Rival Pennard Homes, which reports next week, fell 3.4%" — session 13).
bool Assembly::planned_in_relative(size_t k, size_t anchor, bool any_act) {
    size_t open = k;
    while (open > 0 && toks[open - 1].low != "," && toks[open - 1].low != ";") --open;
    if (open == 0 || open >= toks.size() || (toks[open].low != "which" && toks[open].low != "who")) return false;
    bool modal = false;
    for (size_t j = open; j < anchor && j < toks.size(); ++j) {
        if (toks[j].low == "," || toks[j].low == ";") return (modal || any_act) && toks[j].low == ",";
        modal |= lx.modal_words.count(toks[j]) > 0;
        if (sv.tok_mention[j] != SIZE_MAX && is_value(ms[sv.tok_mention[j]])) any_act = false;
    }
    return false;
}

// The claim's period: from its clause and sentence, else the governing report period
// (marked inherited). Never the publication date.
Period Assembly::claim_period(uint32_t after, uint32_t limit, IndexSet& used, const std::string& metric,
                              size_t anchor, bool described) {
    // (the day something was said or released is never the figure's period)
    // (a company's results are for a reporting period: a nearby day dates the market's
    // reaction, "rose 4% on Tuesday after it reported a 20% rise in profit", not them)
    // A standing level (flag `standing`: an inflation target) is no figure of a period: "above the
    // central bank's 2% target for more than four years", "inflation eased to 1.4% in May, within
    // the bank's 0-2% target range" date the inflation, not the target.
    if (lx.standing_metrics.count(metric)) return Period{};
    const bool traded = lx.traded_metrics.count(metric) > 0;
    // (a market move does not take a date of an earlier ";" clause that no claim took:
    // "Supplier lowers 2024 sales target; shares fall 6.8%")
    uint32_t floor = 0;
    if (traded)
        for (size_t k = 0; k < anchor && k < toks.size(); ++k)
            if (toks[k].low == ";") floor = toks[k].end;
    auto next_period = [&] { return find_period(after, limit, used, false, false, lx.scope_of(metric) != "company", floor); };
    auto per = next_period();
    // (nor a period that names another figure's: "after third-quarter sales beat estimates,
    // sending its shares up 3.2%": the quarter is the sales', which keep it free; for a figure
    // not traded, a period that modifies another metric of the sentence: "will cut 1,100 jobs
    // ... after first-quarter operating profit fell 31%": the quarter is the profit's)
    if (per && (traded || !metric.empty()) && !is_day(ms[*per].timex)) {
        size_t k = sv.token_after(ms[*per].span.end);
        size_t mn = 0;
        const Lexicon::Entry* e = k < toks.size() ? metric_phrase(k, &mn) : nullptr;
        if (e && (traded || (e->value != metric && e->extra.empty() && ms[*per].span.end < S.end))) {
            const size_t other = *per;
            per = next_period();
            used.erase(other);
        }
    }
    // (nor a day for a reporting period's result: "posted a net profit of 412 million euros on
    // Wednesday" is when it was reported)
    // (the day stays taken: it dates the report, not a later plan of the sentence, "and said it
    // would buy back up to ¥200 billion"; a market move may still share it)
    if (per && !traded && is_day(ms[*per].timex) && lx.results_metrics.count(metric)) per = next_period();
    // (nor, after the figure, the period of a target it is set against: "₹8.6 lakh crore, or 55%
    // of the full-year target" is the nine months')
    if (per && ms[*per].span.begin >= after) {
        size_t k = sv.token_after(ms[*per].span.end);
        // (or before it: "or 52% of the budgeted target for the full year", a figure before the
        // noun and none after the date in its clause; not "cut its forecast for 2025 to 1.7%")
        size_t d = sv.token_at(ms[*per].span.begin);
        bool before = false;
        if (d >= 2 && (toks[d - 1].low == "for" || toks[d - 1].low == "of"))
            for (size_t j = d - 1, n = 0; j-- > 0 && n < 3 && !before && sv.tok_mention[j] == SIZE_MAX; ++n)
                if (toks[j].low == "target" || toks[j].low == "goal" || kForecastNouns.count(toks[j])) {
                    for (size_t f = j, m = 0; f-- > 0 && m < 4 && !before; ++m)
                        before = sv.tok_mention[f] != SIZE_MAX && is_value(ms[sv.tok_mention[f]]);
                    for (size_t f = k; before && f < toks.size() && toks[f].low != "," && toks[f].low != ";"; ++f)
                        if (sv.tok_mention[f] != SIZE_MAX && is_value(ms[sv.tok_mention[f]])) before = false;
                    break;
                }
        // (a target's date right after a figure; not a forecast the sentence revises, "cut its
        // 2026 forecast to 190,000 tonnes": no figure before the date, session 20)
        bool figure_before = false;
        for (size_t j = d, n = 0; j-- > 0 && n < 6 && toks[j].low != ";" && !figure_before; ++n)
            figure_before = sv.tok_mention[j] != SIZE_MAX && is_value(ms[sv.tok_mention[j]]);
        if (before || (figure_before && k < toks.size() &&
                       (toks[k].low == "target" || toks[k].low == "goal" || kForecastNouns.count(toks[k])))) {
            const size_t other = *per;
            per = next_period();
            used.erase(other);
        }
    }
    // (nor a date of a plan told in a relative clause before the figure: "Samsung, which will
    // report fourth-quarter results on Thursday, lost 2.3%"; "Burberry, which reported
    // first-half results in November, said revenue fell 21%" keeps its half)
    if (per && anchor < toks.size() && ms[*per].span.end <= toks[anchor].begin) {
        std::vector<size_t> skipped;
        // (a day already taken can come back from find_period, which shares a sentence's day
        // among its moves: skipped once, it ends the search — "Reeves, who will speak on Nov 26,
        // will raise £20 billion" looped here until memory ran out)
        while (per && ms[*per].span.end <= toks[anchor].begin && planned_in_relative(sv.token_at(ms[*per].span.begin), anchor, traded) &&
               std::find(skipped.begin(), skipped.end(), *per) == skipped.end()) {
            skipped.push_back(*per);
            per = next_period();
        }
        if (per && std::find(skipped.begin(), skipped.end(), *per) != skipped.end()) per.reset();
        for (size_t d : skipped) used.erase(d);
    }
    // (nor a date inside a relative clause that follows the claim's figures: "cut the cash
    // reserve ratio by 50 basis points to 3.5%, which it said would release ₹1.2 lakh crore by
    // November": November is the liquidity's)
    if (per && anchor < toks.size() && ms[*per].span.begin > toks[anchor].begin) {
        for (size_t k = std::max(anchor, sv.token_at(after)) + 1; k + 1 < toks.size() && toks[k].begin < ms[*per].span.begin; ++k)
            if (toks[k].low == "," && (toks[k + 1].low == "which" || toks[k + 1].low == "who")) {
                used.erase(*per);
                per.reset();
                break;
            }
    }
    // (nor a date of a plan told in a later ", and said it would ..." clause: "opened 14 stores in
    // the quarter, bringing its total to 612, and said it would open 40 more in 2027" — session 20)
    if (per && anchor < toks.size() && ms[*per].span.begin > toks[anchor].begin) {
        const size_t d = sv.token_at(ms[*per].span.begin);
        for (size_t k = std::max(anchor + 1, sv.token_at(after)); k + 2 < d; ++k)
            if (toks[k].low == "," && toks[k + 1].low == "and" &&
                (lx.speech_verbs.count(toks[k + 2]) || lx.modal_words.count(toks[k + 2]))) {
                bool modal = false;
                for (size_t j = k + 2; j < d && !modal; ++j) modal = lx.modal_words.count(toks[j]) > 0;
                if (!modal) continue;
                used.erase(*per);
                per.reset();
                break;
            }
    }
    // (nor, in a headline, a date of a later clause after a comma: headlines join their clauses
    // with commas, "Central bank holds rates at 4.00%, signals cut possible in March" — March is
    // the cut's; a lower-case word opens the clause, no name or figure)
    if (per && S_para == 0 && S_para < lead_paragraph && anchor < toks.size() && ms[*per].span.begin > toks[anchor].begin) {
        const size_t d = sv.token_at(ms[*per].span.begin);
        for (size_t k = anchor + 1; k + 1 < d; ++k)
            if (toks[k].low == "," && sv.tok_mention[k + 1] == SIZE_MAX && toks[k + 1].is_word() &&
                std::islower(static_cast<unsigned char>(a[toks[k + 1].begin]))) {
                used.erase(*per);
                per.reset();
                break;
            }
    }
    if (!per && !lx.event_metrics.count(metric)) per = shared_window(after, anchor);
    size_t para = S_para;
    if (para == lead_paragraph) lead_has_figure = true;
    // Only a report's own figures set the report period (not a market move "so far this year").
    // (nor the value of an act, a deal's or an offer's: dated by its own sentence only)
    const bool inherits = !metric.empty() && !lx.scope_of(metric).empty() && !lx.market_metrics.count(metric) &&
                          !lx.event_metrics.count(metric);
    // the first market move with a day of its own sets the story's day when the opening named none
    if (per && traded && !story_day && is_day(ms[*per].timex) && !is_weekend(ms[*per].timex)) story_day = *per;
    // (a bond sale's own day: its later figures share it, below)
    // (as a view: a size test before any byte, not a std::string::compare call per literal — session 25)
    const std::string_view mk = metric;
    const bool sale_figure = mk == "bond_issuance" || mk == "auction_proceeds" || mk == "orders" ||
                             mk == "demand" || mk == "bid_to_cover";
    if (per && (mk == "bond_issuance" || mk == "auction_proceeds") && is_day(ms[*per].timex)) {
        sale_day = *per;
        sale_day_para = para;
    }
    if (per) {
        // (an earlier period stated after the paragraph's is a comparison's: "grew 0.4% in the
        // three months to September, after shrinking 0.1% in the second quarter. Real GDP was
        // 1.3% higher than a year earlier" is the third quarter's)
        const bool earlier = para_period && para_period_para == para && ms[*per].to.size() == 10 &&
                             ms[*para_period].to.size() == 10 && ms[*per].to < ms[*para_period].from;
        if (inherits && report_period(*per) && !earlier) {
            para_period_plan = plan_clause(anchor) ? S.begin + 1 : 0;
            para_period = *per;
            para_period_para = para;
            // The headline's period is shorthand ("Q1", "H1") for the lead's ("the
            // April-June quarter"): the first period stated below the headline wins.
            // (the article's: its headline's or lead's — the next paragraph's when the lead
            // states no figure — not a later one's)
            if ((!doc_period || (doc_period_headline && para > 0)) &&
                (para <= lead_paragraph || (para == lead_paragraph + 1 && !lead_has_figure))) {
                // (a sub-headline's that replaced the headline's is shorthand too: "Revenue for
                // January-October tops ..." under a headline of the month gives way to the lead's
                // month — session 26)
                doc_period_headline = (!doc_period && para == 0) || (doc_period_headline && para < lead_paragraph);
                doc_period = *per;
            }
            // (a results quarter or half named lower down, when the opening named none: a
            // company's own figure, no plan)
            if (!doc_period && !late_period && para > lead_paragraph && results_grain(ms[*per].timex) &&
                lx.scope_of(metric) == "company" && !plan_clause(anchor)) {
                late_period = *per;
                late_period_para = para;
            }
        }
        return Period{static_cast<uint32_t>(*per)};
    }
    // ("Food prices fell 0.3% in the month": a price in data for a month, not a trading day's)
    if (traded)
        if (auto q = period_referred(anchor, after, std::string())) return Period{static_cast<uint32_t>(*q), true};
    if (traded && story_day && trading_day_move(anchor))
        return Period{static_cast<uint32_t>(*story_day), true};
    // A bond sale's figures told after it ("as orders reached more than $11 billion", "The sale
    // was split between $1.25 billion of five-year notes and ...", "Bids totalled 6.1 billion
    // euros") are the sale's, on its day: in its paragraph and the next two, no plan.
    if (sale_figure && sale_day && para >= sale_day_para && para <= sale_day_para + 2 && !plan_clause(anchor)) {
        bool modal = false;
        for (size_t k = clause_start_tok(anchor); k < anchor && k < toks.size(); ++k) modal |= lx.modal_words.count(toks[k]) > 0;
        if (!modal) return Period{static_cast<uint32_t>(*sale_day), true};
    }
    // "Customer deposits grew 9.2% over the same period": a period referred back to, in this
    // paragraph or an earlier one, is the last reporting window or results quarter named before the
    // sentence ("in the first nine months of the year", "in January-August") — not a
    // comparison's ("from the same period last year" is a baseline: a date or "last"/"earlier"
    // after it) — session 24
    if (anchor < toks.size())
        for (size_t k = clause_start_tok(anchor); k + 2 < toks.size() && toks[k].begin < S.end; ++k) {
            if (toks[k].low != "same" || toks[k + 1].low != "period" || k == 0 || toks[k - 1].low != "the") continue;
            const std::string_view before = k >= 2 ? std::string_view(toks[k - 2].low) : std::string_view();
            if (before != "over" && before != "in" && before != "during" && before != "for") break;
            const size_t n = k + 2;
            if (n < toks.size() && toks[n].begin < S.end &&
                (toks[n].low == "last" || toks[n].low == "a" || toks[n].low == "of" || toks[n].low == "in" ||
                 toks[n].low == "earlier" || toks[n].low == "the" || toks[n].low == "previous"))
                break;
            std::optional<size_t> last;
            for (size_t i = 0; i < ms.size() && ms[i].span.begin < S.begin; ++i)
                // (a window, "January-August", or a results quarter or half: not a year or month
                // something happened in, "began in 2022", "raised ... in August")
                if (ms[i].type == Type::date && !ms[i].timex.empty() && !ms[i].from.empty() && !ms[i].to.empty() &&
                    (ms[i].timex[0] == 'P' || results_grain(std::string(ms[i].timex))) && !baseline_date(i))
                    last = i;
            if (last) return Period{static_cast<uint32_t>(*last), true};
            break;
        }
    // Only a report's own figures inherit: a metric with an implied holder, not a market price.
    if (!inherits) return Period{};
    // A holding stated in the present ("it has 310 billion euros under management", "The group
    // has about 154,000 employees", "has a loan book worth ..."): a stock held now, not a figure
    // of the report period.
    if (anchor < toks.size() && sv.tok_mention[anchor] != SIZE_MAX && is_value(ms[sv.tok_mention[anchor]]))
        for (size_t k = anchor, n = 0; k-- > 0 && n < 6; ++n) {
            if (toks[k].low == "has" || toks[k].low == "have" || toks[k].low == "holds" || toks[k].low == "hold" ||
                toks[k].low == "owes" || toks[k].low == "owe" ||
                toks[k].low == "employs" || toks[k].low == "employ" || toks[k].low == "operates" ||
                toks[k].low == "operate")
                return Period{};  // ("The state's rainy-day fund ... holds $24 billion", "employs 31,500 people",
                                  // "operates 612 stores", "It owes suppliers about 62 billion yuan")
            if (!toks[k].is_word() || sv.tok_mention[k] != SIZE_MAX || (toks[k].bits & lx.kVerbWord) ||
                (toks[k].bits & lx.kChangeWord))
                break;
        }
    std::optional<size_t> inh = para_period_para == para ? para_period : std::nullopt;
    // (a plan's period governs the plan's later figures, not what a later sentence reports: "would
    // hire 12,000 graduates in FY26. Headcount fell by 1,140 to 231,560" is the report's)
    if (inh && para_period_plan && para_period_plan != S.begin + 1 && !plan_clause(anchor)) inh.reset();
    if (para_date && para_date_para == para && (!inh || *para_date > *inh)) inh = para_date;
    // (an item of a list takes the period its introduction names: "For the quarter ended Nov. 1,
    // the company reported:" then "- Net sales of $2.8 billion, up 3%")
    if (!inh) inh = list_intro_period(para);
    if (!inh) {
        // A plan or forecast ("will rise", "could reach") is not a figure of the report.
        // (but "Analysts polled by LSEG had expected ¥4.6 trillion": what was expected of the
        // period now reported)
        // (a forecast after the opening named its window takes that window: "raised its forecast
        // for the year ending March 2027 ... now expects operating profit of 84 billion yen")
        // (nor "Economists polled by Reuters had forecast sales would rise 0.3%": what was
        // forecast for the period now reported, "had" and a verb of forecasting before the modal)
        bool had_forecast = false;
        for (size_t k = clause_start_tok(anchor); k < toks.size() && k < anchor + 8; ++k) {
            if (toks[k].low == "had" && k + 1 < toks.size() &&
                (lx.forecast_verbs.count(toks[k + 1]) || toks[k + 1].low == "expected" || toks[k + 1].low == "predicted" ||
                 toks[k + 1].low == "estimated" || toks[k + 1].low == "projected"))
                had_forecast = true;
            if (lx.modal_words.count(toks[k]) && !(k > 0 && toks[k - 1].low == "had") && !had_forecast &&
                !expectation_compared(toks[k].begin))
                return forecast_period(anchor);
        }
        if (Period fp = forecast_period(anchor)) return fp;
        inh = doc_period;
        // (the lead's month, for the figures of the next paragraphs, which restate its release)
        if (!inh && para > lead_paragraph) inh = lead_date;
        if (!inh && late_period && para > late_period_para && lx.scope_of(metric) == "company" && !described)
            inh = late_period;
    }
    // "Net sales in the quarter rose 3.2%", "Quarterly operating profit climbed 6%", "were £8.4
    // billion in the month": the sentence says its period is a quarter or a month; a year
    // inherited from a forecast ("expects sales to grow 4% this year, after its third-quarter
    // results beat estimates"), or none, gives way to the last one named before it
    // (and governs the paragraph's later figures: "Adjusted earnings were 87 cents a share")
    if (auto q = period_referred(anchor, after, inh ? static_cast<const std::string&>(ms[*inh].timex) : std::string())) {
        inh = q;
        para_period = q;
        para_period_plan = 0;
        para_period_para = para;
    }
    if (!inh) return list_item_period(metric);
    return Period{static_cast<uint32_t>(*inh), true};
}

// A window (a duration: "the first eight months", "the ten-month period") that dated an earlier
// figure of the sentence dates the figures of its later coordinated clauses that name no date of
// their own: "Profits at X rose 6.3% in the first eight months, and those of Y climbed 2.1%, while
// Z's fell 4%" — as a month or quarter already does (a report period governs the paragraph). Not
// across a plan ("... and will hire 300 people": a modal in the figure's clause), a relative clause
// or a ";" or a second reported clause ("..., and that it had agreed to buy X for €1.1bn"), and
// only a coordinator (while, whereas, and, but) between the window and the figure; nor for the
// value of an act (a deal's, dated by its own words only).
std::optional<size_t> Assembly::shared_window(uint32_t after, size_t anchor) {
    if (anchor >= toks.size() || plan_clause(anchor)) return std::nullopt;
    std::optional<size_t> win;
    for (size_t i : sv.mentions) {
        if (ms[i].type != Type::date || ms[i].span.end > after || baseline_date(i)) continue;
        win.reset();  // (the last date before the figure only; a baseline's "a year earlier" aside)
        if (ms[i].timex.empty() || ms[i].timex[0] != 'P' || is_day(ms[i].timex)) continue;
        win = i;
    }
    if (!win) return std::nullopt;
    bool coordinated = false;
    for (size_t k = sv.token_after(ms[*win].span.end); k < anchor && k < toks.size(); ++k) {
        const std::string_view w = toks[k].low;
        if (w == ";" || w == "which" || w == "who" || w == "that") return std::nullopt;
        if (w == "while" || w == "whereas" || w == "and" || w == "but") coordinated = true;
    }
    if (!coordinated) return std::nullopt;
    return win;
}

// Whether the modal word starting at byte b follows "than" or "as" ("more than expected", "as
// expected", "than had been expected"): an outcome measured against expectations, no plan.
bool Assembly::expectation_compared(uint32_t b) const {
    auto word_back = [&](uint32_t& e) {
        while (e > 0 && a[e - 1] == ' ') --e;
        uint32_t s = e;
        while (s > 0 && std::isalpha(static_cast<unsigned char>(a[s - 1]))) --s;
        std::string w = lower(std::string_view(a).substr(s, e - s));
        e = s;
        return w;
    };
    uint32_t e = b;
    for (int n = 0; n < 3; ++n) {
        const std::string w = word_back(e);
        if (w == "than" || w == "as") return true;
        if (w != "had" && w != "been" && w != "was" && w != "were" && w != "originally" && w != "initially")
            return false;
    }
    return false;
}

// Whether the figure at token `anchor` is a plan or forecast: a modal word ("would", "will")
// in its clause before it, or a verb of intent before "to" ("are meant to provide", "is
// expected to raise", "plans to hire").
bool Assembly::plan_clause(size_t anchor) {
    for (size_t k = clause_start_tok(anchor); k < anchor && k < toks.size(); ++k) {
        if (lx.modal_words.count(toks[k]) && !expectation_compared(toks[k].begin)) return true;
        // (a guidance or outlook the figure is: "kept its shipments guidance for the 2027 financial
        // year at 84 to 88 Mt" — its year is the plan's, not the report's: session 18)
        if (lx.plan_nouns.count(toks[k].low)) return true;
        const std::string_view w = toks[k].low;
        if (k + 1 < toks.size() && toks[k + 1].low == "to" &&
            (w == "expected" || w == "meant" || w == "set" || w == "due" || w == "planned" || w == "plans" ||
             w == "plan" || w == "aims" || w == "intends" || w == "projected" || w == "forecast"))
            return true;
    }
    return false;
}

// The period the introduction of a list names, for an item of that list (the last date of the
// introduction's paragraph that is a period: not a day or a week, a duration only as a resolved
// window: "For the quarter ended Nov. 1, the retailer reported:"), else none.
std::optional<size_t> Assembly::list_intro_period(size_t para) const {
    const size_t at = list_intro(para);
    if (at == para) return std::nullopt;
    const text::Span I = t.paragraphs()[at];
    std::optional<size_t> found;
    for (auto it = mentions_from(I.begin); it != ms.end() && it->span.begin < I.end; ++it) {
        const Mention& d = *it;
        const size_t i = static_cast<size_t>(it - ms.begin());
        if (d.type != Type::date || d.span.begin < I.begin || d.timex.empty() || is_day(d.timex) || d.to.empty())
            continue;
        if (d.timex[0] == 'P' ? d.from.empty() : d.timex.find('W') != std::string::npos) continue;
        found = i;
    }
    return found;
}

// "will invest £40bn over the five years to March 2031 ... The plan includes: - £14.5bn for new
// lines": a list item with no date of its own is a part of the whole its list introduces, for
// the same window: the period of the last claim of its metric before it (none when that claim
// had none, or the sentence is no list item).
Period Assembly::list_item_period(const std::string& metric) {
    const size_t para = S_para;
    if (metric.empty() || list_intro(para) == para) return Period{};
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
        if (it->kind == "statement" || it->metric != metric) continue;
        if (!it->period) return Period{};
        return Period{it->period.mention, true, it->period.value};
    }
    return Period{};
}

// The quarter or month a sentence refers back to with "the quarter", "quarterly", "the month"
// (no date mention of its own): the article's period if it has that grain, else the last one
// named before the sentence that is no comparison's; none when what is inherited has that grain.
std::optional<size_t> Assembly::period_referred(size_t anchor, uint32_t after, const std::string& inherited) {
    char grain = 0;  // 'H', 'Q', 'M' or 'Y'
    // (words are counted from the token before byte `after` when it ends past the anchor, an
    // amount's figure end: "spent 612 million euros on its fibre network in the quarter"; a
    // change passes its verb's end, so its words count from the anchor)
    size_t last = anchor;
    if (after > 0 && anchor < toks.size() && after > toks[anchor].end) last = std::max(anchor, sv.token_at(after - 1));
    bool closed = false;
    for (size_t k = 0; k < toks.size() && k <= last + 10 && !grain; ++k) {
        closed |= k > last && (toks[k].low == "," || toks[k].low == ";");
        if (sv.tok_mention[k] != SIZE_MAX) continue;
        const bool the = k > 0 && (toks[k - 1].low == "the" || toks[k - 1].low == "that");
        // "sold 2.14 million vehicles in the half": a half, or a six-month window
        if (toks[k].low == "half" && the && !(k + 1 < toks.size() && toks[k + 1].low == "of")) grain = 'H';
        // "Fiscal 2025 was a record for Infosys. Revenue rose 6.1% in the year": a year (not a
        // window to a month, "the year to June", nor a comparison, "the year before")
        else if (toks[k].low == "year" && the && k >= 2 && (toks[k - 2].low == "in" || toks[k - 2].low == "for") &&
                 !(k + 1 < toks.size() && (toks[k + 1].low == "to" || toks[k + 1].low == "before" ||
                                            toks[k + 1].low == "earlier" || toks[k + 1].low == "ended" ||
                                            toks[k + 1].low == "ending" || toks[k + 1].low == "through" ||
                                            toks[k + 1].low == "'")))
            grain = 'Y';
        // (a quarter or month this far on, or past a comma or ";" after the figure, is another
        // clause's)
        else if (k > last + 8 || closed) {}
        else if (toks[k].low == "quarterly" || (toks[k].low == "quarter" && the)) grain = 'Q';
        else if (toks[k].low == "month" && the) grain = 'M';
    }
    auto of_grain = [&](const std::string& x) {
        if (grain == 'H') return x == "P6M" || (x.size() >= 7 && x[x.size() - 2] == 'H');
        if (grain == 'Y') {
            const size_t o = x.rfind("FY", 0) == 0 ? 2 : 0;
            return x.size() == o + 4 && std::all_of(x.begin() + o, x.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        }
        return grain == 'Q' ? x.size() >= 7 && x[x.size() - 2] == 'Q'
                            : x.size() == 7 && x[4] == '-' && std::isdigit(static_cast<unsigned char>(x[5]));
    };
    if (!grain || of_grain(inherited)) return std::nullopt;
    // (a half refers back to the results window the story reports, "the six months through
    // September", over a half named since for a forecast or an assumption; a year to "the year to
    // June")
    if (grain == 'H' || grain == 'Y')
        for (size_t i = ms.size(); i-- > 0;)
            if (ms[i].span.end <= S.begin && ms[i].type == Type::date &&
                (grain == 'H' ? ms[i].timex == "P6M" : (ms[i].timex == "P1Y" || ms[i].timex == "P12M")) &&
                reporting_window(i) && !baseline_date(i))
                return i;
    // (the article's own period first: "Debt interest payments were £8.4 billion in the month" in
    // an October release is October's, though September's revision was named since)
    if (doc_period && of_grain(ms[*doc_period].timex)) return doc_period;
    for (size_t i = ms.size(); i-- > 0;) {
        if (ms[i].span.end > S.begin || ms[i].type != Type::date) continue;
        if (of_grain(ms[i].timex) && !baseline_date(i) && !contract_month(i)) return i;
    }
    return std::nullopt;
}

// The opening's forecast window for a forecast figure stated in a later sentence (a verb of
// forecasting in its clause: "now expects", "are projected at"; not a plan's "will cut 340
// jobs", "would cost"), else none.
Period Assembly::forecast_period(size_t anchor) {
    if (!forecast_window || ms[*forecast_window].span.end > S.begin) return Period{};
    // (the nearest such word back from the figure: "is expected to save ... and will cost €180
    // million" is a plan's cost)
    const size_t cs = clause_start_tok(anchor);
    for (size_t k = std::min(anchor + 3, toks.size()); k-- > cs;) {
        if (lx.forecast_verbs.count(toks[k]) || toks[k].low == "projected" || toks[k].low == "expected" ||
            toks[k].low == "guided")
            return Period{static_cast<uint32_t>(*forecast_window), true};
        if (lx.modal_words.count(toks[k])) break;
    }
    return Period{};
}

// "Like-for-like sales up 4.6 per cent in festive quarter" over "like-for-like sales rose 4.6 per
// cent in the 13 weeks to 2 January": a headline or sub-headline restates a figure of the body,
// whose period the body states; a headline figure with no period of its own takes it (marked
// inherited) from the first later claim with the same figure (its value, or its change's
// percent or amount: same number, same currency or unit).
void Assembly::headline_periods() {
    auto same = [&](uint32_t x, uint32_t y) {
        if (x == kNoMention || y == kNoMention) return false;
        const Mention &p = ms[x], &q = ms[y];
        return p.type == q.type && p.value && q.value && *p.value == *q.value && p.currency == q.currency &&
               p.unit == q.unit;
    };
    // ("RevPAR rises 5%" over "rose 5.2% in the third quarter": a headline rounds the body's
    // percentage to a whole number; the same metric and direction only)
    auto rounded = [&](uint32_t x, uint32_t y) {
        if (x == kNoMention || y == kNoMention) return false;
        const Mention &p = ms[x], &q = ms[y];
        return p.type == Type::percent && q.type == Type::percent && p.value && q.value && *p.value == std::floor(*p.value) &&
               *p.value != *q.value && (std::floor(*q.value) == *p.value || std::round(*q.value) == *p.value);
    };
    // ("Saqr Air posts record Dh4.6bn profit" over "a record net profit of Dh4.6 billion for the
    // 2025-26 financial year": a headline's metric shortens the body's, "profit" for "net_profit")
    auto shortens = [](const std::string& h, const std::string& m) {
        return !h.empty() && m.size() > h.size() + 1 && m.compare(m.size() - h.size(), h.size(), h) == 0 &&
               m[m.size() - h.size() - 1] == '_';
    };
    for (Claim& c : out) {
        // (a change, or an amount the body restates with a longer form of its metric: a headline
        // amount is often background the body dates otherwise — session 23)
        if ((c.kind != "change" && c.kind != "amount") || c.period ||
            t.paragraph_index(c.sentence.begin) >= lead_paragraph)
            continue;
        for (const Claim& d : out) {
            if (&d == &c || d.kind == "statement" || !d.period || t.paragraph_index(d.sentence.begin) < lead_paragraph)
                continue;
            if (c.kind == "amount" && !shortens(c.metric, d.metric)) continue;
            bool match = same(c.value, d.value);
            if (c.change && d.change)
                match |= same(c.change->percent, d.change->percent) || same(c.change->amount, d.change->amount) ||
                          (!c.metric.empty() && c.metric == d.metric && c.change->direction == d.change->direction &&
                           rounded(c.change->percent, d.change->percent));
            if (!match) continue;
            c.period = d.period;
            c.period.inherited = true;
            // ("profit guidance raised to £410m-£430m": the headline shortens the body's
            // "guidance for pre-tax profit": the body's more specific metric)
            if (shortens(c.metric, d.metric)) c.metric = d.metric;
            break;
        }
    }
}

// Words that open a subordinate clause after a comma ("..., after sales rose 23%").
static const WordList kBaselineClauseEnds = {"after", "as", "before", "following", "when", "despite", "amid",
                                        "because", "helped", "thanks", "while", "whereas"};

std::optional<size_t> Assembly::baseline_period(uint32_t be, uint32_t limit) {
    // (a baseline's own date stays in its clause: "from $1.08 billion to $1.11 billion previously,
    // after third-quarter revenue rose 23%" — the quarter is the later clause's)
    for (size_t k = sv.token_at(be); k + 1 < toks.size() && toks[k].begin < limit; ++k)
        if (toks[k].low == "," && kBaselineClauseEnds.count(toks[k + 1].low)) {
            limit = toks[k].begin;
            break;
        }
    if (shared_base_period && ms[*shared_base_period].span.begin >= be && ms[*shared_base_period].span.begin < limit)
        return shared_base_period;
    auto bp = find_period(be, limit, used_dates, true, false);  // (not the day it was announced)
    if (bp) shared_base_period = bp;
    return bp;
}

}  // namespace claimex::claims
