// The rule engine's filtered path (RuleSet::match_all: the RE2::Set picks the
// rules that run on a paragraph) against the plain one (match_all_reference:
// every pattern rule searches every paragraph). Any change to how rules are
// picked or run must keep them equal — rule, type, span, context, captures,
// gazetteer entry; the filtered path runs rule by rule, the reference
// paragraph by paragraph, so the lists are compared in a sorted order (the
// order of match_all is not part of its contract) — over the corpus articles and over
// random texts spliced from the rule examples (fixed seed) with non-ASCII
// characters, changed case and several paragraphs.
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
#include <thread>

using namespace claimex;

namespace {

const std::string kSource = CLAIMEX_SOURCE_DIR;
using rules_support::project_rules;
using rules_support::segmenter;

std::string describe(const rules::RawMention& m, const std::string& a) {
    std::string s = fmt::format("{} {} [{},{}) ctx [{},{}) \"{}\"", m.rule ? m.rule->id : "?", m.type, m.span.begin,
                                m.span.end, m.context.begin, m.context.end, a.substr(m.span.begin, m.span.size()));
    for (const auto& c : m.captures) s += fmt::format(" {}=[{},{})", c.name, c.span.begin, c.span.end);
    if (m.entry) s += " entry=" + m.entry->name;
    return s;
}

// Both paths over one text: equal, or the first difference is shown.
void check_same(const rules::RuleSet& rs, const text::Text& t, const std::string& label) {
    auto fast = rs.match_all(t);
    auto ref = rs.match_all_reference(t);
    const std::string& a = t.analysis();
    auto key = [&](const std::vector<rules::RawMention>& ms) {
        std::vector<std::pair<std::string, std::pair<const void*, const void*>>> v;
        for (const auto& m : ms) v.push_back({describe(m, a), {m.rule, m.entry}});
        std::sort(v.begin(), v.end());
        return v;
    };
    auto f = key(fast), r = key(ref);
    std::string fs, rs_;
    for (const auto& x : f) fs += x.first + "\n";
    for (const auto& x : r) rs_ += x.first + "\n";
    INFO(label << "\ntext: " << a << "\nfiltered:\n" << fs << "reference:\n" << rs_);
    REQUIRE(fs == rs_);
    CHECK(f == r);  // the same rule and gazetteer entry objects too
}

// The separators and odd characters random texts are spliced with here.
const std::vector<std::string> kSeps = {" ", " ", " ", ", ", ". ", "; ", "\n", " (", ") ", " - ",
                                        "  ", "\"", "'", " $", "%", "-", ":", "/"};
const std::vector<std::string> kOdd = {"é", "€", "£", "’", "—", "\u00a0", "Ü", "ß", "\u2009",
                                        "中", "\u212a", "ſ", "İ", "¥", "\u200b"};

}  // namespace

TEST_CASE("rules engine: filtered path = reference over the corpus articles", "[rules]") {
    std::ifstream in(kSource + "/corpus/articles.jsonl");
    REQUIRE(in);
    const auto& rs = project_rules();
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        check_same(rs, text::Text::prepare(j.at("text").get<std::string>(), segmenter()),
                   "article " + j.value("id", std::to_string(n)));
        ++n;
    }
    CHECK(n > 0);
}

TEST_CASE("rules engine: filtered path = reference over random texts from the rule examples", "[rules]") {
    const auto& rs = project_rules();
    std::vector<std::string> pieces;
    for (const auto& e : rs.examples()) {
        pieces.push_back(e.input);
        for (const auto& x : e.expectations)
            if (x.text) pieces.push_back(*x.text);
    }
    REQUIRE(!pieces.empty());
    std::mt19937 rng(20240826);
    for (int i = 0; i < 800; ++i)
        check_same(rs, text::Text::prepare(rules_support::random_text(rng, pieces, kSeps, kOdd), segmenter()), fmt::format("random text {}", i));
}

TEST_CASE("rules engine: PCRE2 finds what RE2 finds where the two could read characters differently", "[rules]") {
    // The engine finds a flagged rule's matches with PCRE2; loaded with
    // CLAIMEX_PCRE2=off it does so with RE2. Both behind the same sets, over
    // random texts from the rule examples holding the characters whose class
    // or case the two could disagree on unless the patterns are translated
    // (\v is PCRE2's \s but not RE2's; a \r or \f in a paragraph; Kelvin
    // and Ohm signs, long s, capital sharp s, dotted and dotless i, micro
    // sign, titlecase digraph under (?i)). (The engine against the
    // reference, sets and all, is the tests above.)
    const auto& rs = project_rules();
    ::setenv("CLAIMEX_PCRE2", "off", 1);
    const rules::RuleSet re2_rs = rules::RuleSet::load(kSource + "/rules");
    ::unsetenv("CLAIMEX_PCRE2");
    std::vector<std::string> pieces;
    for (const auto& e : rs.examples()) pieces.push_back(e.input);
    static const std::vector<std::string> odd = {"\v", "\v", " \v", "\v ", "\f", "\r", "\t", "\u212a", "\u2126",
                                        "\u017f", "\u1e9e", "\u0130", "\u0131", "\u00b5", "\u01c5", "\u00df"};
    std::mt19937 rng(20261130);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    auto listed = [](const std::vector<rules::RawMention>& ms, const std::string& a) {
        std::vector<std::string> v;
        for (const auto& m : ms) v.push_back(describe(m, a));
        std::sort(v.begin(), v.end());
        std::string out;
        for (const auto& x : v) out += x + "\n";
        return out;
    };
    size_t found = 0;
    for (int i = 0; i < 1500; ++i) {
        std::string s = rules_support::random_text(rng, pieces, kSeps, kOdd);
        for (size_t k = 0, n = 1 + pick(6); k < n && !s.empty(); ++k) {
            size_t at = pick(s.size());
            while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xc0) == 0x80) ++at;
            if (pick(2) == 0 && at < s.size() && s[at] == ' ') s.erase(at, 1);  // replace a space
            s.insert(at, odd[pick(odd.size())]);
        }
        auto t = text::Text::prepare(s, segmenter());
        auto pcre = rs.match_all(t);
        INFO("odd random text " << i << ": " << t.analysis());
        REQUIRE(listed(pcre, t.analysis()) == listed(re2_rs.match_all(t), t.analysis()));
        found += pcre.size();
    }
    CHECK(found > 3000);
}

TEST_CASE("rules engine: every example input, whole", "[rules]") {
    const auto& rs = project_rules();
    for (const auto& e : rs.examples())
        check_same(rs, text::Text::prepare(e.input, segmenter()), e.where.str());
}

TEST_CASE("rules engine: the reference path finds what the examples expect", "[rules]") {
    // The reference path yields the mentions a plain sentence holds, so the
    // comparisons above are not of two empty lists.
    const auto& rs = project_rules();
    auto t = text::Text::prepare("Revenue rose 5% to $3.2bn in the third quarter, Acme Corp said on Monday.",
                                 segmenter());
    auto ref = rs.match_all_reference(t);
    auto has = [&](std::string_view type, std::string_view text) {
        for (const auto& m : ref)
            if (m.type == type && t.analysis().substr(m.span.begin, m.span.size()) == text) return true;
        return false;
    };
    CHECK(has("percent", "5%"));
    CHECK(has("money", "$3.2bn"));
    CHECK(has("date", "Monday"));
}

TEST_CASE("rules engine: a batch of texts gives each text's own mentions", "[rules]") {
    // match(texts) runs rule by rule over all the texts' paragraphs at once;
    // every text must still get exactly what match(text) gives it, with
    // nothing leaking between texts (neighbours that share paragraphs'
    // offsets, an empty text, one text twice).
    const auto& rs = project_rules();
    std::ifstream in(kSource + "/corpus/articles.jsonl");
    REQUIRE(in);
    std::vector<text::Text> texts;
    std::string line;
    while (std::getline(in, line) && texts.size() < 12)
        if (!line.empty())
            texts.push_back(text::Text::prepare(nlohmann::json::parse(line).at("text").get<std::string>(), segmenter()));
    texts.push_back(text::Text::prepare(" ", segmenter()));
    REQUIRE(texts.size() == 13);
    std::vector<const text::Text*> batch;
    for (const auto& t : texts) batch.push_back(&t);
    batch.push_back(&texts[0]);
    auto got = rs.match(batch);
    REQUIRE(got.size() == batch.size());
    size_t total = 0;
    for (size_t i = 0; i < batch.size(); ++i) {
        auto one = rs.match(*batch[i]);
        const std::string& a = batch[i]->analysis();
        std::string x, y;
        for (const auto& m : got[i]) x += describe(m, a) + "\n";
        for (const auto& m : one) y += describe(m, a) + "\n";
        INFO("text " << i);
        CHECK(x == y);
        total += one.size();
    }
    CHECK(total > 100);
}

TEST_CASE("rules engine: threads matching at once get what one thread gets", "[rules]") {
    // `claimex run` matches on several threads with one RuleSet: PCRE2's
    // match data and JIT stack are per thread, nothing else is written.
    const auto& rs = project_rules();
    std::ifstream in(kSource + "/corpus/articles.jsonl");
    REQUIRE(in);
    std::vector<text::Text> texts;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            texts.push_back(text::Text::prepare(nlohmann::json::parse(line).at("text").get<std::string>(), segmenter()));
    std::vector<std::string> want;
    for (const auto& t : texts) {
        std::string x;
        for (const auto& m : rs.match(t)) x += describe(m, t.analysis()) + "\n";
        want.push_back(x);
    }
    std::vector<std::vector<std::string>> got(4, std::vector<std::string>(texts.size()));
    std::vector<std::thread> threads;
    for (size_t k = 0; k < got.size(); ++k)
        threads.emplace_back([&, k] {
            for (size_t pass = 0; pass < 2; ++pass)
                for (size_t i = 0; i < texts.size(); ++i) {
                    size_t j = (i + k * 7) % texts.size();  // each thread in its own order
                    std::string x;
                    for (const auto& m : rs.match(texts[j])) x += describe(m, texts[j].analysis()) + "\n";
                    got[k][j] = x;
                }
        });
    for (auto& th : threads) th.join();
    for (size_t k = 0; k < got.size(); ++k)
        for (size_t i = 0; i < texts.size(); ++i) {
            INFO("thread " << k << " text " << i);
            CHECK(got[k][i] == want[i]);
        }
}

// PCRE2 runs every rule it takes to the end on news text: a fallback to RE2
// gives the same matches, so only this count shows one (a rule whose match
// data is too small falls back on every paragraph it runs on).
TEST_CASE("rules engine: PCRE2 never falls back to RE2 on the corpus articles", "[rules]") {
    const rules::RuleSet rs = rules::RuleSet::load(kSource + "/rules");
    std::ifstream in(kSource + "/corpus/articles.jsonl");
    REQUIRE(in);
    std::string line;
    size_t mentions = 0;
    while (std::getline(in, line))
        if (!line.empty())
            mentions += rs.match_all(text::Text::prepare(nlohmann::json::parse(line).at("text").get<std::string>(), segmenter())).size();
    CHECK(mentions > 0);
    CHECK(rs.pcre2_fallbacks() == 0);
}
