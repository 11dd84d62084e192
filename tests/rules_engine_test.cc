// The rule engine's fast path (RuleSet::match_all: start conditions read
// from each pattern, anchored tests, Latin-1 twins for ASCII text) against
// the straightforward one (match_all_reference: every rule the RE2::Set lets
// through searches the whole paragraph). They must return the very same raw
// mentions — rule, type, span, captures, gazetteer entry, in the same order —
// over the corpus articles, over random texts spliced from the rule examples
// (fixed seed), and over a set of synthetic rules that use the RE2 syntax the
// start-condition reader has to get right (assertions, flags, classes,
// Unicode, quantifiers), on random texts made from their pieces.
#include "extractor/rules/internal.h"
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace claimex;
namespace fs = std::filesystem;

namespace {

const std::string kSource = CLAIMEX_SOURCE_DIR;

std::string describe(const rules::RawMention& m, const std::string& a) {
    std::string s = fmt::format("{} {} [{},{}) \"{}\"", m.rule ? m.rule->id : "?", m.type, m.span.begin, m.span.end,
                                a.substr(m.span.begin, m.span.size()));
    for (const auto& c : m.captures) s += fmt::format(" {}=[{},{})", c.name, c.span.begin, c.span.end);
    if (m.entry) s += " entry=" + m.entry->name;
    return s;
}

// Both paths over one text; on a difference, says where.
void check_same(const rules::RuleSet& rs, const text::Text& t, const std::string& label) {
    auto fast = rs.match_all(t);
    auto ref = rs.match_all_reference(t);
    const std::string& a = t.analysis();
    std::string fs, rfs;
    for (const auto& m : fast) fs += describe(m, a) + "\n";
    for (const auto& m : ref) rfs += describe(m, a) + "\n";
    if (fs != rfs) {
        INFO(label << "\ntext: " << a << "\nfast:\n" << fs << "reference:\n" << rfs);
        CHECK(fs == rfs);
    }
    // Pointers too (the text form names the rule by id only).
    REQUIRE(fast.size() == ref.size());
    for (size_t i = 0; i < fast.size(); ++i) {
        CHECK(fast[i].rule == ref[i].rule);
        CHECK(fast[i].entry == ref[i].entry);
        CHECK(fast[i].type.data() == ref[i].type.data());
    }
}

const text::Segmenter& segmenter() {
    static text::Segmenter seg = text::Segmenter::load(kSource + "/rules/text");
    return seg;
}

const rules::RuleSet& project_rules() {
    static rules::RuleSet rs = rules::RuleSet::load(kSource + "/rules");
    return rs;
}

// Random texts spliced from `pieces`: whole pieces, cut pieces, separators,
// non-ASCII characters, changed case, several paragraphs.
std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces) {
    static const std::vector<std::string> seps = {" ", " ", " ", ", ", ". ", "; ", "\n", " (", ") ", " - ", "  ",
                                                  "\"", "'", " $", "%", "-", ":", "/"};
    static const std::vector<std::string> odd = {"é", "€", "£", "’", "—", "\u00a0", "Ü", "ß", "\u2009", "中",
                                                 "K", "ſ", "İ", "¥", "\u200b"};
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    std::string out;
    size_t parts = 1 + pick(8);
    for (size_t k = 0; k < parts; ++k) {
        std::string p = pieces[pick(pieces.size())];
        switch (pick(6)) {
            case 0:  // a cut piece (at a byte that starts a code point)
                if (!p.empty()) {
                    size_t b = pick(p.size()), e = b + pick(p.size() - b + 1);
                    while (b < p.size() && (static_cast<unsigned char>(p[b]) & 0xc0) == 0x80) ++b;
                    while (e < p.size() && (static_cast<unsigned char>(p[e]) & 0xc0) == 0x80) ++e;
                    p = p.substr(b, e > b ? e - b : 0);
                }
                break;
            case 1:  // changed case
                for (char& c : p)
                    if (std::isalpha(static_cast<unsigned char>(c)) && pick(3) == 0)
                        c = static_cast<char>(std::isupper(static_cast<unsigned char>(c)) ? std::tolower(c) : std::toupper(c));
                break;
            case 2:  // a non-ASCII character inside
                if (!p.empty()) {
                    size_t at = pick(p.size());
                    while (at < p.size() && (static_cast<unsigned char>(p[at]) & 0xc0) == 0x80) ++at;
                    p.insert(at, odd[pick(odd.size())]);
                }
                break;
            default:
                break;
        }
        out += p;
        out += seps[pick(seps.size())];
    }
    return out;
}

}  // namespace

TEST_CASE("rules engine: fast path = reference over the corpus articles", "[rules]") {
    std::ifstream in(kSource + "/corpus/articles.jsonl");
    REQUIRE(in);
    const auto& rs = project_rules();
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        auto t = text::Text::prepare(j.at("text").get<std::string>(), segmenter());
        check_same(rs, t, "article " + j.value("id", std::to_string(n)));
        ++n;
    }
    CHECK(n > 0);
}

TEST_CASE("rules engine: fast path = reference over random texts from the rule examples", "[rules]") {
    const auto& rs = project_rules();
    std::vector<std::string> pieces;
    for (const auto& e : rs.examples()) pieces.push_back(e.input);
    for (const auto& e : rs.examples())
        for (const auto& x : e.expectations)
            if (x.text) pieces.push_back(*x.text);
    REQUIRE(!pieces.empty());
    std::mt19937 rng(20240826);
    for (int i = 0; i < 1500; ++i) {
        std::string s = random_text(rng, pieces);
        check_same(rs, text::Text::prepare(s, segmenter()), "random text " + std::to_string(i));
    }
}

namespace {

// Synthetic rules: RE2 syntax that the start-condition reader must read
// right (or give up on), each with the pieces that make it match.
struct Synthetic {
    const char* pattern;
    std::vector<const char*> pieces;
};

const std::vector<Synthetic> kSynthetic = {
    {R"(\b(?P<n>\d+(?:\.\d+)?)\s*(?i:kg|tonnes?)\b)", {"5 kg", "12.5Tonnes", "3 TONNE", "x5kg"}},
    {R"((?:^|[^\w.,:#/\-\p{Sc}])(?P<span>(?P<sign>[-−+])?(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s?%))", {"-5%", " +3 %", "1,234%", "−2%", ".5%"}},
    {R"((?i)\bthe\s+(?P<w>first|second)\s+half\b)", {"the first half", "THE Second HALF", "tHe  first half"}},
    {R"(\B%\B)", {"a%b", "%%", " % "}},
    {R"(\bQ(?P<q>[1-4])\b|\b(?P<q__b>[1-4])Q\b)", {"Q3", "2Q", "Q5", "xQ1"}},
    {R"((?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})\s+(?:said|told))", {"Eddie Wu said", "Élodie Brun told", "Reuters said"}},
    {R"([$€£¥](?P<num>\d+)(?:bn|m)?)", {"$5bn", "€7m", "£3", "¥100"}},
    {R"(\x{2019}s\b|'s\b)", {"Alibaba’s", "Tencent's", "’s"}},
    {R"(^(?P<lead>[A-Z]{2,})\b)", {"LONDON", "NEW YORK", "AB"}},
    {R"(\d+$)", {"in 2024", "5"}},
    {R"((?m)^\s*-\s+\w+)", {"- item", " - thing"}},
    {R"(\Q$5+\E\s?bn)", {"$5+bn", "$5+ bn"}},
    {R"([[:upper:]][[:digit:]]{2,3})", {"A12", "B123", "C1"}},
    {R"((?s:.)\d\d)", {"x12", " 34", "é56"}},
    {R"((?:a|b)*?c)", {"abac", "c", "bbc"}},
    {R"(x?y{0,2}z)", {"xyyz", "z", "yz", "xz"}},
    {R"([^\s\d]{3}\d)", {"abc1", "é€£2", "ab 3"}},
    {R"((?i)stra(?:ss|ß)e)", {"Strasse", "STRAßE", "straſſe"}},
    {R"((?i)k\d)", {"k1", "K2", "\u212a3"}},
    {R"(\pN+\s*\p{Sc})", {"5 $", "12€", "٣٤ £"}},
    {R"((?:)\b(?:fiscal|FY)\s?(?P<y>\d{2,4}))", {"fiscal 2025", "FY25", "FY 2024"}},
    {R"(\w+@\w+\.com)", {"a@b.com", "x_y@z9.com"}},
    {R"((?i:ü)ber\b)", {"über", "Über", "ÜBER"}},
    {R"([\x{2010}-\x{2015}]\d)", {"—5", "–3", "-2"}},
    {R"(\b\d+\s*(?:-|to)\s*\d+\b)", {"5-7", "10 to 20", "3 -4"}},
    {R"(\A(?:Dr|Mr)\.?\s)", {"Dr. ", "Mr ", "Dr "}},
    {R"(\b(?:one|two|three)(?:[- ](?:hundred|thousand))?\b)", {"two hundred", "three-thousand", "one"}},
    {R"((?U)a+b)", {"aab", "ab"}},
    {R"(\b)", {"a b"}},  // matches only the empty string: opaque, yields nothing
    {R"(a{2}|b{3,}|c{1,2}?)", {"aa", "bbbb", "cc"}},
};

}  // namespace

TEST_CASE("rules engine: fast path = reference on synthetic rules", "[rules]") {
    fs::path dir = fs::temp_directory_path() / fmt::format("claimex-rules-engine-{}", ::getpid());
    fs::create_directories(dir);
    {
        std::ofstream f(dir / "synthetic.rules");
        for (size_t i = 0; i < kSynthetic.size(); ++i) {
            f << "rule syn.r" << i << "\n  type: quantity\n  pattern: " << kSynthetic[i].pattern << "\n";
            f << "  example: " << kSynthetic[i].pieces[0] << "\n    => quantity\n\n";
        }
    }
    auto rs = rules::RuleSet::load(dir);
    fs::remove_all(dir);
    for (const auto& p : rs.problems()) INFO(p.where.str() << ": " << p.message);
    REQUIRE(rs.rules().size() == kSynthetic.size());
    for (const auto& r : rs.rules()) REQUIRE(!r->pattern.empty());  // every pattern compiled
    std::vector<std::string> pieces = {"the", "said", "5", "Q", "%", "$", "kg", "and", "2024", "Fed"};
    for (const auto& s : kSynthetic)
        for (const char* p : s.pieces) pieces.push_back(p);
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) {
        std::string s = random_text(rng, pieces);
        check_same(rs, text::Text::prepare(s), "random text " + std::to_string(i));
    }
}

TEST_CASE("rules engine: start conditions admit every match start", "[rules]") {
    // Straight from the definition: wherever RE2 finds a match starting at q
    // (anchored there), the start condition read from the pattern holds at q.
    std::vector<std::string> pieces;
    for (const auto& s : kSynthetic)
        for (const char* p : s.pieces) pieces.push_back(p);
    std::mt19937 rng(11);
    int checked = 0;
    for (const auto& s : kSynthetic) {
        RE2 re(s.pattern, RE2::Quiet);
        REQUIRE(re.ok());
        rules::StartInfo st = rules::analyse_start(s.pattern);
        if (!st.ok) continue;  // opaque: matched the plain way
        for (int i = 0; i < 300; ++i) {
            std::string text = random_text(rng, pieces);
            re2::StringPiece t(text);
            for (size_t q = 0; q <= text.size(); ++q) {
                re2::StringPiece m;
                if (!re.Match(t, q, text.size(), RE2::ANCHOR_START, &m, 1)) continue;
                INFO(s.pattern << " at " << q << " in \"" << text << "\"");
                REQUIRE(!m.empty());  // a readable pattern never matches empty
                auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
                bool word_before = q > 0 && ((byte(q - 1) < 0x80 && std::isalnum(byte(q - 1))) || byte(q - 1) == '_');
                int ctx = q == 0 ? 0 : word_before ? 1 : 2;
                CHECK(st.first[ctx].test(byte(q)));
                CHECK((st.one || (q + 1 < text.size() && st.second.test(byte(q + 1)))));
                bool prefixed = false;
                for (size_t k = 0; k < st.prefixes.size() && !prefixed; ++k) {
                    const auto& pre = st.prefixes[k];
                    bool whole = k < st.whole_count;
                    if (whole ? m.size() != pre.size() : m.size() < pre.size()) continue;
                    bool all = true;
                    for (size_t i = 0; i < pre.size() && all; ++i) all = pre[i].test(byte(q + i));
                    prefixed = all;
                }
                CHECK(prefixed);
                ++checked;
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("rules engine: start conditions of simple patterns", "[rules]") {
    auto st = rules::analyse_start(R"(\b\d+%)");
    REQUIRE(st.ok);
    CHECK(st.first[0].test('5'));
    CHECK(st.first[2].test('5'));
    CHECK_FALSE(st.first[1].test('5'));  // \b: not after a word byte
    CHECK_FALSE(st.first[2].test('a'));
    CHECK(st.second.test('%'));
    CHECK(st.second.test('7'));
    CHECK_FALSE(st.second.test('a'));
    CHECK_FALSE(st.one);

    st = rules::analyse_start(R"((?i)k)");
    REQUIRE(st.ok);
    CHECK(st.first[1].test('k'));
    CHECK(st.first[1].test('K'));
    CHECK(st.first[1].test(0xe2));  // the Kelvin sign folds to k
    CHECK(st.one);

    CHECK_FALSE(rules::analyse_start(R"(a*)").ok);       // matches the empty string
    CHECK_FALSE(rules::analyse_start(R"(\1)").ok);       // not read: opaque
    CHECK_FALSE(rules::analyse_start(R"((?P<x>a)").ok);  // unbalanced
    CHECK(rules::analyse_start(R"(^a|b$)").ok);
}
