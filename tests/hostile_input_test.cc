// Hostile but valid input through the whole pipeline (found with the
// sanitizer builds and tools/fuzz_pipeline; see tools/FUZZ.md): text
// with no sentence end, one sentence said thousands of times, nothing but
// digits, capitals, brackets or quotes. Each must give a record whose
// mentions and claims lie inside the text; the first two were pathologically
// slow (a sentence of a megabyte; claim ids searched for a free "-n").
#include "extractor/claimex.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace claimex;

namespace {

const Extractor& extractor() {
    static const Extractor ex(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    return ex;
}

Record run(std::string text, const std::string& published = "2024-08-26") {
    document::Document d;
    d.text = std::move(text);
    d.id = "hostile";
    Record r = extractor().extract(d, published);
    const size_t n = r.text.analysis().size();
    for (const auto& m : r.mentions) {
        REQUIRE(m.span.begin <= m.span.end);
        REQUIRE(m.span.end <= n);
    }
    std::string line;
    append_json(line, r, true);
    REQUIRE(nlohmann::json::accept(line));
    return r;
}

std::string repeat(std::string_view s, size_t times) {
    std::string out;
    out.reserve(s.size() * times);
    for (size_t i = 0; i < times; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("a sentence longer than the limit is cut at spaces, every piece within it") {
    const auto cap = text::Text::kMaxSentenceBytes;
    // 40 KB and not one full stop.
    std::string s = repeat("revenue rose 5% to $3.2 billion in the first half ", 800);
    text::Text t = text::Text::prepare(s);
    const std::string& a = t.analysis();
    REQUIRE(t.sentences().size() > s.size() / cap);
    uint32_t last = 0;
    for (text::Span sp : t.sentences()) {
        CHECK(sp.size() <= cap);
        CHECK(sp.begin >= last);
        CHECK(a[sp.begin] != ' ');
        CHECK(a[sp.end - 1] != ' ');
        // cut between words, never inside one
        CHECK((sp.begin == 0 || a[sp.begin - 1] == ' '));
        CHECK((sp.end == a.size() || a[sp.end] == ' '));
        last = sp.end;
    }
    CHECK(t.sentences().back().end == a.size() - 1);  // the trailing space is trimmed
}

TEST_CASE("a sentence with no space at all is cut at code point boundaries") {
    std::string s = repeat("\xC3\xA9", 5000) + " 5%";  // 10 KB of 'é'
    text::Text t = text::Text::prepare(s);
    const std::string& a = t.analysis();
    REQUIRE(t.sentences().size() >= 5);
    for (text::Span sp : t.sentences()) {
        CHECK(sp.size() <= text::Text::kMaxSentenceBytes);
        CHECK((static_cast<unsigned char>(a[sp.begin]) & 0xC0) != 0x80);
        CHECK((sp.end == a.size() || (static_cast<unsigned char>(a[sp.end]) & 0xC0) != 0x80));
    }
    Record r = run(s);
    CHECK(r.mentions.size() == 1);  // the 5%
}

TEST_CASE("a megabyte with no sentence end is extracted like text with ends") {
    const std::string phrase = "Revenue rose 5% to $3.2 billion in the first half of 2024, said Apple chief Tim Cook, ";
    Record r = run(repeat(phrase, (1u << 20) / phrase.size()));
    CHECK(r.mentions.size() > 10000);
    CHECK(r.claims.size() > 1000);
    for (const auto& c : r.claims) CHECK(c.sentence.size() <= text::Text::kMaxSentenceBytes);
}

TEST_CASE("one sentence said 3,000 times: each copy's claim has its own id, numbered in order") {
    const std::string sentence = "Apple said on Tuesday that its revenue rose 5% to $3.2 billion in the first quarter. ";
    Record one = run(sentence);
    REQUIRE(one.claims.size() >= 1);
    const size_t per = one.claims.size();
    Record r = run(repeat(sentence, 3000));
    REQUIRE(r.claims.size() == per * 3000);
    std::set<std::string> ids;
    for (const auto& c : r.claims) ids.insert(c.id);
    CHECK(ids.size() == r.claims.size());
    // The k-th copy of a claim is "id-k" (the first keeps the bare id).
    CHECK(r.claims[0].id == one.claims[0].id);
    CHECK(r.claims[per].id == one.claims[0].id + "-2");
    CHECK(r.claims[per * 2999].id == one.claims[0].id + "-3000");
}

TEST_CASE("text made of digits, capitals, brackets, quotes or blank lines") {
    const std::string cases[] = {
        repeat("0123456789", 5000),
        repeat("4 81 2024 7.5 1,000 ", 1000),
        repeat("ABCDEFG HIJ KLMNOP QRS TUV WXYZ ", 1000),
        repeat("(", 20000) + "5%" + repeat(")", 20000),
        repeat("([{\"'", 5000) + "Revenue rose 5%." + repeat("'\"}])", 5000),
        repeat("\"He said 'the bank said \"revenue rose 5%\"' \" ", 500),
        repeat("\"", 10000),
        "\n\n \n\t\n" + repeat("\n", 5000) + "5%\n\n\n",
        repeat(".", 10000),
        repeat("U.S. Inc. Dr. No. Jan. ", 1000),
        repeat("$ % \xE2\x82\xAC \xC2\xA3 bn billion trillion ", 1000),
        std::string(20000, '9') + "% and $" + std::string(400, '9') + " trillion trillion",
        "1e308% $1e309 billion 1.7976931348623157e308 trillion",
    };
    for (const auto& s : cases)
        for (const char* published : {"2024-08-26", ""}) run(s, published);
}
