// The rules on tokens (rules/README.md, "A token matcher") against the regex
// engine: RuleSet::match_all with the token path (CLAIMEX_TOKENS=on) and
// without (=off, the default: every rule on RE2::Set + PCRE2) must give the same
// matches — rule, span, context, every capture — for every rule. Texts:
// every rule example, the dev corpus, the held-out corpus (compared only:
// its text is never printed), random texts spliced from the examples, own
// cases, and, when CLAIMEX_TOKEN_INPUT names a JSONL file
// (tools/bench_input.py), that. The token side runs without the rules'
// prefilters (CLAIMEX_TOKEN_PREFILTERS=off), so that a prefilter that misses
// a match of its pattern shows here as a difference (the regex side reads it).
// tests/token_prefilter_test.cc: the token path with them.
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"
#include "tests/rules_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>

using namespace claimex;

namespace {

const std::string kSource = CLAIMEX_SOURCE_DIR;
using rules_support::segmenter;

// The rule set loaded with and without the token path (CLAIMEX_TOKENS=all: every family tried,
// a superset of the default's rules on tokens, with the same programs: the word-shaped families
// are tried after the others).
struct Pair {
    rules::RuleSet on, off;
    static rules::RuleSet load(bool tokens) {
        const char* was = std::getenv("CLAIMEX_TOKENS");
        const std::string keep = was ? was : "";
        setenv("CLAIMEX_TOKENS", tokens ? "all" : "off", 1);  // (all: the word-shaped families tried too)
        setenv("CLAIMEX_TOKEN_PREFILTERS", "off", 1);
        rules::RuleSet rs = rules::RuleSet::load(kSource + "/rules");
        if (was) setenv("CLAIMEX_TOKENS", keep.c_str(), 1);
        else unsetenv("CLAIMEX_TOKENS");
        unsetenv("CLAIMEX_TOKEN_PREFILTERS");
        return rs;
    }
    Pair() : on(load(true)), off(load(false)) {}
};
const Pair& pair() {
    static Pair p;
    return p;
}

std::string describe(const rules::RawMention& m, const std::string& a, bool show) {
    std::string s = fmt::format("{} [{},{}) ctx [{},{})", m.rule->id, m.span.begin, m.span.end, m.context.begin,
                                m.context.end);
    if (show) s += " \"" + a.substr(m.span.begin, m.span.size()) + "\"";
    for (const auto& c : m.captures) s += fmt::format(" {}=[{},{})", c.name, c.span.begin, c.span.end);
    return s;
}

struct Checker {
    const Pair& p = pair();
    size_t texts = 0, matches = 0, on_tokens = 0;
    std::set<std::string> converted;
    Checker() {
        for (const auto& [r, why] : p.on.token_report())
            if (why.empty()) converted.insert(r->id);
    }
    // Both over the texts (one batch, as extract hands them); the differences as text.
    std::string check(const std::vector<text::Text>& ts, bool show) {
        std::vector<const text::Text*> ptrs;
        for (const auto& t : ts) ptrs.push_back(&t);
        auto a = p.on.match_all(ptrs), b = p.off.match_all(ptrs);
        std::string diff;
        for (size_t k = 0; k < ts.size(); ++k) {
            std::vector<std::string> got, want;
            for (const auto& m : a[k]) got.push_back(describe(m, ts[k].analysis(), show));
            for (const auto& m : b[k]) {
                want.push_back(describe(m, ts[k].analysis(), show));
                on_tokens += converted.count(m.rule->id);
            }
            ++texts;
            matches += want.size();
            if (got == want) continue;  // (the same order too: the engine's)
            std::vector<std::string> sg = got, sw = want;
            std::sort(sg.begin(), sg.end());
            std::sort(sw.begin(), sw.end());
            for (const auto& w : sw)
                if (!std::binary_search(sg.begin(), sg.end(), w)) diff += "  engine only: " + w + "\n";
            for (const auto& g : sg)
                if (!std::binary_search(sw.begin(), sw.end(), g)) diff += "  tokens only: " + g + "\n";
            if (sg == sw) diff += "  (the same matches in another order)\n";
        }
        return diff;
    }
    std::string check(const std::string& s, bool show) {
        std::vector<text::Text> ts;
        ts.push_back(text::Text::prepare(s, segmenter()));
        return check(ts, show);
    }
    void jsonl(const std::string& path, bool show) {
        std::ifstream in(path);
        REQUIRE(in);
        std::string line, all;
        std::vector<text::Text> batch;
        int n = 0, first = 1;
        auto flush = [&] {
            if (batch.empty()) return;
            const std::string d = check(batch, show);
            if (!d.empty()) all += fmt::format("{} lines {}-{}{}:\n{}", path, first, n, show ? "" : " (text not shown)", d);
            batch.clear();
            first = n + 1;
        };
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            auto j = nlohmann::json::parse(line);
            batch.push_back(text::Text::prepare(j.at("text").get<std::string>(), segmenter()));
            ++n;
            if (batch.size() == 64) flush();
        }
        flush();
        INFO(all);
        CHECK(all.empty());
    }
};

const std::vector<std::string> kSeps = {" ", " ", " ", ", ", ". ", "; ", "\n", " (", ") ", " - ", "  ", "\"", "'",
                                        " $", "%", "-", ":", "/", "\t", "5", " 12", ".", "1,200", "−", "+", "–",
                                        "_", "#", " to ", " and ", "pc", "bp ", "bn", " in ", "Q", "H1 ", "2024",
                                        " of ", "€", "£", "m", " million ", " the "};
const std::vector<std::string> kOdd = {"é", "€", "£", "’", "—", "\u00a0", "Ü", "ß", "\u2009", "中",
                                       "\u212a", "ſ", "İ", "¥", "\u200b", "\u202f", "\v"};

}  // namespace

TEST_CASE("rules on tokens: most families convert") {
    Checker c;
    size_t money = 0, date = 0, percent = 0;
    for (const std::string& id : c.converted) {
        money += id.starts_with("money.");
        date += id.starts_with("dates.");
        percent += id.starts_with("percent.");
    }
    CHECK(percent >= 6);  // (every percent rule: session 18 added percent.range_guidance)
    CHECK(date >= 40);
    CHECK(money >= 5);
}

TEST_CASE("rules on tokens find the engine's matches in every rule example") {
    Checker c;
    std::string all;
    for (const auto& e : c.p.on.examples()) {
        const std::string d = c.check(e.input, true);
        if (!d.empty()) all += e.where.str() + ": " + e.input + "\n" + d;
    }
    INFO(all);
    CHECK(all.empty());
    CHECK(c.on_tokens > 1000);
}

TEST_CASE("rules on tokens find the engine's matches in the dev corpus") {
    Checker c;
    c.jsonl(kSource + "/corpus/articles.jsonl", true);
    CHECK(c.on_tokens > 1000);
}

TEST_CASE("rules on tokens find the engine's matches in the held-out corpus (compared, not shown)") {
    Checker c;
    c.jsonl(kSource + "/corpus/heldout/articles.jsonl", false);
}

TEST_CASE("rules on tokens find the engine's matches in CLAIMEX_TOKEN_INPUT") {
    const char* path = std::getenv("CLAIMEX_TOKEN_INPUT");
    if (!path || !*path) return;  // (tools/bench_input.py 4 FILE --mode varied)
    Checker c;
    c.jsonl(path, true);
    WARN(fmt::format("{} texts, {} matches, {} by rules on tokens", c.texts, c.matches, c.on_tokens));
}

TEST_CASE("rules on tokens: own cases") {
    Checker c;
    const char* texts[] = {
        "In Q3 2024, H1 2023 and fiscal 2025 sales rose; FY24 and 2Q24 too, since March 3, 2021.",
        "The deal was worth $5bn, US$7 billion, €3.2m and £40 million; Rs 500 crore and ¥1,200.",
        "It cost 5 dollars, 20 euros, 3 cents, 4p and 12.5 pence on 1/2/2024 and 2024-01-02.",
        "Last year, this month, next quarter, two years ago, the past decade, in the 1990s and mid-2024.",
        "ſome Kelvin \u212a and 5% and 2024 and March: the engine's paragraph.",
        "2024x 2024_ x2024 20245 1999 1,999 12:30 13:21:05 5%6% −5%",
        "between 5 and 6 per cent, from $5bn to $6bn, $5-6 million, 3 to 4 years.",
    };
    std::string all;
    for (const char* s : texts) {
        const std::string d = c.check(s, true);
        if (!d.empty()) all += std::string(s) + "\n" + d;
    }
    INFO(all);
    CHECK(all.empty());
}

TEST_CASE("rules on tokens find the engine's matches in random texts from the rule examples") {
    Checker c;
    std::vector<std::string> pieces;
    for (const auto& e : c.p.on.examples()) {
        const int copies = c.converted.count(e.rule_id) ? 4 : 1;
        for (int k = 0; k < copies; ++k) {
            pieces.push_back(e.input);
            for (const auto& x : e.expectations)
                if (x.text) pieces.push_back(*x.text);
        }
    }
    std::mt19937 rng(20261213);
    std::string all;
    for (int i = 0; i < 3000 && all.size() < 4000; ++i) {
        const std::string s = rules_support::random_text(rng, pieces, kSeps, kOdd);
        const std::string d = c.check(s, true);
        if (!d.empty()) all += fmt::format("random text {}: {}\n{}", i, s, d);
    }
    INFO(all);
    CHECK(all.empty());
    WARN(fmt::format("{} texts, {} matches, {} by rules on tokens", c.texts, c.matches, c.on_tokens));
}

namespace {
// Own sentences for one translator feature: each compared on and off, and the rules named
// must now run on tokens.
void feature(const std::vector<std::string>& texts, const std::vector<std::string>& rules) {
    Checker c;
    std::string all;
    for (const std::string& s : texts) {
        const std::string d = c.check(s, true);
        if (!d.empty()) all += s + "\n" + d;
    }
    INFO(all);
    CHECK(all.empty());
    for (const std::string& r : rules) {
        INFO(r);
        CHECK(c.converted.count(r));
    }
}
}  // namespace

TEST_CASE("rules on tokens: white-space-or-character repeats (`[\\s-]?`, `[\\s/-]+`)") {
    feature({"It paid $5-billion, then $6 billion, £7 -billion and € 8- bn; US$ 9 -  million.",
             "Rs 40-crore, USD 12 - million, USD-12m, EUR 3 million and USD\t4-bn were spent.",
             "Sales rose 3-fold, 4 fold, 5fold and five-fold; 6 -fold and 7  fold did not.",
             "$5-", "$5 -", "USD 7-\nbillion", "$1,200-billion-trillion and $3 bn-mn."},
            {"money.symbol", "money.word_before"});
}

TEST_CASE("rules on tokens: one-character look-aheads at a match's end (`(?:[^\\w]|$)`, `\\D`, `\\s`)") {
    feature({"It costs 20 cents, 5p. 12.5p and 7c; a 300p-share and 40p.\nThen 99p.", "It costs 5p.",
             "It costs 5p", "R200.50, N300.25. R12.50x and N4.00", "He paid 50 dollars;x, 5 euros.5 and 6 yen",
             "The firm employs 300.\nIt employs 400,5 and 500; and employs 600", "a workforce of 5,000,3 and of 6,000.x",
             "Jobs rose to 7,000.", "jobs fell from 2,000;", "a 30-strong team, a 40-year-old, 50-page-long",
             "growth could double; it might triple- or quadruple", "5%. 6kr, 7 zł. 8 kr", "10 €, 11 $x 12$",
             "It costs 5p\v and 6p.\v, 7p.\u00a0and 8c\u2009; a workforce of 5,000,\u0663 and of 6,000;\u00e9",
             "jobs fell from 2,000,\xe2\x80\x94 and 3,000.\xc5\xbf", "R200.50\u017f N300.25.\t"},
            {"quantity.workforce_of", "quantity.elided_unit", "quantity.elided_baseline", "quantity.count_adjectival",
             "quantity.bare_factor"});
}

TEST_CASE("rules on tokens: runs of a negated class (`[^\\s,.;:%\\p{Sc}]+`) and lazy repeats") {
    feature({"Shipments of the new phones, the firm said, rose after 3,000 units; units in Q3 x-ray été rose 4 million.",
             "Output of cars at the plant £5 and more than 7,000 jobs; cars at the big plant fell 20% vs. 6,000.",
             "Deliveries of trucks to the US fell, compared with 4,500 in 2023, and jets rose to 900.",
             "The yen at 150.5 per dollar; the euro, it said, traded at 1.08 to the dollar and at 1,2 a euro.",
             "The number of new homes built in the city rose to 12,000 in May; the number of cars $ 5 rose by 30."},
            {"quantity.elided_comparison", "quantity.elided_target"});
}

TEST_CASE("rules on tokens: a capture that ends in white space (`(?P<cur2>{CUR_BEFORE})\\s?`)") {
    feature({"It could fetch between USD 5bn and EUR 6bn, between USD  7 and USD8, between $9 and $ 10 million.",
             "Talks valued it between Rs\t40 crore and Rs \n50 crore; between EUR 3 and  EUR  4 billion.",
             "Guidance went to between $9m and $10m, from USD 80m to EUR 85m previously; from Rs 5 to Rs6 before.",
             "between USD 5 and EUR", "from USD 1 to USD  2 before", "between EUR\u00a05 and EUR 6"},
            {"money.between", "money.range_previous"});
}

TEST_CASE("rules on tokens: a capital letter and glued runs (`[A-Z][\\w.]*`)") {
    feature({"It has a 300-strong Acme.io workforce, a 40 strong X1 team and a 25-strong iPhone staff.",
             "A 12-strong B2B.sales team, a 70-strong Q.A staff, a 9-strong A workforce and a 5-strong A_b staff.",
             "a 30-strong ABC123.x9 sales team", "a 30-strong Éclair team", "a 30-strong Z. workforce"},
            {"quantity.workforce_strong"});
}

TEST_CASE("rules on tokens: captures inside one token (`(?P<scale>[MK]|k|MN)(?P<cur>{CUR_CODE})`)") {
    feature({"The fund set aside MUSD 5, KEUR 12.5 and 3 MNOK; USDm 40, 7 GBPbn and NOKmn 8 followed.",
             "BNUSD 6, kUSD 2, MnEUR 3 and 4 KSEK came; MUSDx 5, mUSD 6, USDMn 7, 8 GBPk and 9KEUR too.",
             "It cost 12 MUSDm, EURbn9, KUSD\u00a04 and KEUR-5; MUSD", "USDBN 5 and 6 EURBN, 7 BNEUR."},
            {"money.scaled_code"});
}

TEST_CASE("rules on tokens: a letter part then glued runs (`(?:[A-Z]|i[A-Z])[\\w&'’.+]*`)") {
    Checker c;
    std::string all;
    for (const char* s : {"It sold 5 million iPhone 15 handsets and 300 Tesla Model-3 cars; 20 McKinsey&Co staff.",
                          "Shipments of 40,000 iPad.Pro units and 7 A380s jets; 2 ABC+ 12x units and 3 iX units."}) {
        const std::string d = c.check(s, true);
        if (!d.empty()) all += std::string(s) + "\n" + d;
    }
    INFO(all);
    CHECK(all.empty());
}

TEST_CASE("rules on tokens: letter classes beyond ASCII (`{UP}`, `{LO}`) and a macro's class under a repeat") {
    // A class's code points in U+00C0-U+04FF are out of its program; a paragraph holding one runs
    // the rule on the regex engine (the other paragraphs of the text stay on tokens).
    feature({"Exports rose, data from the statistics office showed on Monday; figures from the trade ministry show a fall.",
             "Prices rose 2%, said research firm Halvorsen Analytics. Orders fell, said the consultancy Brightline Data.",
             "Margins will shrink, say analysts at Brightwater Bank; costs rose, noted the data provider McAllister-Grey.",
             "Sterling fell as Wall Street rallied; Bitcoin rose, said the think tank Orwell Institute;",
             "Costs rose, said the consultancy Écoles Data; wages fell, said research firm Müller Analytics.",
             "Output fell, data from the Kraków-based company showed.\nOutput rose, said property firm Zoë Partners",
             "Sales rose, said the firm Ödegaard. Data from the economy ministry showed a gain, said analysts at Šimek.",
             "Wall  Street and Sterling\u00a0rose; said the bank Halden, said the agency ΑΒΓ Data, said the bank Ярослав."},
            {"sources.data_from_ref", "sources.verb_before_org", "entities.ignore_market_words"});
}
