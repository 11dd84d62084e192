// The short reading of sentence boundaries (extractor/text/breaks.h) against
// ICU's iterator over the whole text: the same boundaries, on hand-picked
// cases, on strings made of the characters the rules turn on (a fixed seed),
// and on every dev corpus article.
#include "extractor/text/breaks.h"
#include "extractor/text/text.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace claimex;

namespace {

std::vector<uint32_t> fast(std::string_view s) {
    std::vector<uint32_t> v;
    text::sentence_breaks(s, v);
    return v;
}

std::vector<uint32_t> icu(std::string_view s) {
    std::vector<uint32_t> v;
    text::sentence_breaks(s, v, true);
    return v;
}

}  // namespace

TEST_CASE("sentence breaks: the short reading gives ICU's boundaries") {
    const char* cases[] = {
        "",
        "One sentence.",
        "Revenue rose 3.5 percent. Profit fell.",
        "He moved to the U.S. Last year he left.",
        "the U.S. Treasury said",
        "\"It rose,\" he said. \"Then it fell.\" She agreed.",
        "Is it? Yes! No... maybe. e.g. this one. etc. and so on.",
        "Prices (in U.S. dollars.) Rose. (Then fell.) the end",
        "No. 5 ranked. No. 5 Ranked. p.m. He left at 5 p.m. on Monday.",
        "Line one.\nLine two.\r\nLine three.\rLine four",
        "Ends with spaces.   \n  Next.  ",
        "Co., the firm. Inc.; and. A.B. C.d. 5.A. x.Y",
        "Caf\xC3\xA9. \xC3\x89mile went. Zo\xC3\xAB. ok. \xE3\x80\x82 end\xE3\x80\x82Next",
        "Quote.\xE2\x80\x9D Next \xE2\x80\x9CThing.\xE2\x80\x9D next",
        "Soft\xC2\xAD hyphen. A. \xE2\x80\xA6 B. (see p. 5.) x",
        "? ! . .. ?? !?. ) ( \" '",
        "Wait.\t\tTabs.\vVT.\fFF. end",
    };
    for (const char* c : cases) {
        INFO(c);
        CHECK(fast(c) == icu(c));
    }
}

TEST_CASE("sentence breaks: random strings of the characters the rules turn on") {
    const std::vector<std::string> pieces = {
        ".",  "?",  "!",  " ",  "  ", "\"", "'",  ")",  "(",  "[",  ",",  ";",  ":",  "-",  "U",  "S",  "He",
        "he", "a",  "5",  "12", "\n", "\r\n", "\r", "\t", "\xC3\xA9", "\xC3\x89", "\xE2\x80\x9D", "\xE2\x80\x9C",
        "\xE3\x80\x82", "\xE2\x80\xA6", "\xC2\xAD", "\xCC\x81", "\xE2\x80\x8B", "\xC2\xA0", "$", "%", "\xE2\x82\xAC"};
    std::mt19937 rng(20261130);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), len(1, 24);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (size_t k = len(rng); k > 0; --k) s += pieces[pick(rng)];
        INFO(s);
        REQUIRE(fast(s) == icu(s));
    }
}

TEST_CASE("sentence breaks: every dev corpus article") {
    std::ifstream in(std::string(CLAIMEX_SOURCE_DIR) + "/corpus/articles.jsonl");
    REQUIRE(in);
    size_t n = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        text::Text t = text::Text::prepare(j.at("text").get<std::string>());
        INFO(j.value("id", ""));
        CHECK(fast(t.analysis()) == icu(t.analysis()));
        CHECK(fast(t.original()) == icu(t.original()));
        ++n;
    }
    CHECK(n > 50);
}
