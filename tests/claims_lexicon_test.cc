// The claims stage's word machinery that its speed work replaced: the eight-bytes-at-a-time
// lower case, the tokenizer over a text lower-cased beforehand, and the open-addressing word
// table and the map over it, each held to the plain version it stands for.
#include "extractor/claims/lexicon.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

using namespace claimex;
using claims::Token;

namespace {
char plain_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Random text of words, punctuation, dashes and bytes of every value.
std::string random_text(std::mt19937& rng, size_t n) {
    static const std::vector<std::string> pieces = {"Revenue", " ", "ROSE", "3.5%", ",", "U.S.", "(", ")", "—", "--",
                                                    "said", ";", "Q3", "\n", "“", "”", "Ω", "$1.2bn", "x-", "'s"};
    std::string s;
    std::uniform_int_distribution<int> pick(0, static_cast<int>(pieces.size()));
    std::uniform_int_distribution<int> byte(0, 255);
    while (s.size() < n) {
        int p = pick(rng);
        if (p == static_cast<int>(pieces.size())) s.push_back(static_cast<char>(byte(rng)));
        else s += pieces[static_cast<size_t>(p)];
    }
    return s;
}
}  // namespace

TEST_CASE("lower_into lower-cases ASCII letters only, at any length and alignment") {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    for (size_t n = 0; n < 70; ++n) {
        std::string s;
        for (size_t i = 0; i < n; ++i) s.push_back(static_cast<char>(byte(rng)));
        std::string out;
        claims::lower_into(s, out);
        REQUIRE(out.size() == s.size());
        for (size_t i = 0; i < n; ++i) REQUIRE(out[i] == plain_lower(s[i]));
    }
    // every byte value in every lane
    for (int v = 0; v < 256; ++v)
        for (size_t lane = 0; lane < 8; ++lane) {
            std::string s(9, 'Q');
            s[lane] = static_cast<char>(v);
            std::string out;
            claims::lower_into(s, out);
            for (size_t i = 0; i < s.size(); ++i) REQUIRE(out[i] == plain_lower(s[i]));
        }
}

TEST_CASE("tokenize_lowered gives the tokens tokenize does") {
    std::mt19937 rng(11);
    for (int round = 0; round < 200; ++round) {
        const std::string text = random_text(rng, 10 + static_cast<size_t>(round));
        std::string low_written(text.size(), '\0'), low_whole;
        claims::lower_into(text, low_whole);
        std::uniform_int_distribution<uint32_t> at(0, static_cast<uint32_t>(text.size()));
        uint32_t b = at(rng), e = at(rng);
        if (b > e) std::swap(b, e);
        std::vector<Token> x, y;
        claims::tokenize(text, low_written, {b, e}, x);
        claims::tokenize_lowered(text, low_whole, {b, e}, y);
        REQUIRE(x.size() == y.size());
        for (size_t k = 0; k < x.size(); ++k) {
            REQUIRE(x[k].begin == y[k].begin);
            REQUIRE(x[k].end == y[k].end);
            REQUIRE(x[k].low == y[k].low);
            REQUIRE(x[k].hash == y[k].hash);
        }
    }
}

TEST_CASE("contains_that finds \" that \" where memmem does") {
    std::mt19937 rng(5);
    const std::vector<std::string> pieces = {" ", "that", "t", "hat", "That", "a", "\n", "th", " that"};
    std::uniform_int_distribution<int> pick(0, static_cast<int>(pieces.size()) - 1);
    for (int round = 0; round < 5000; ++round) {
        std::string s;
        const size_t n = static_cast<size_t>(round % 70);
        while (s.size() < n) s += pieces[static_cast<size_t>(pick(rng))];
        s.resize(n);
        const bool want = memmem(s.data(), s.size(), " that ", 6) != nullptr;
        REQUIRE(claims::contains_that(s) == want);
    }
    for (size_t n = 6; n < 60; ++n)
        for (size_t at = 0; at + 6 <= n; ++at) {
            std::string s(n, 'x');
            s.replace(at, 6, " that ");
            REQUIRE(claims::contains_that(s));
            s[at + 5] = 's';
            REQUIRE(claims::contains_that(s) == (memmem(s.data(), s.size(), " that ", 6) != nullptr));
        }
}

TEST_CASE("WordTable finds what was put in, and nothing else") {
    claims::WordTable<int> table;
    std::set<std::string> words;
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> len(0, 20), letter('a', 'z');
    for (int i = 0; i < 3000; ++i) {
        std::string w;
        for (int k = len(rng); k > 0; --k) w.push_back(static_cast<char>(letter(rng)));
        table[w] += 1;
        words.insert(w);
    }
    REQUIRE(table.size() == words.size());
    int total = 0;
    for (const auto& [w, n] : table) total += n;
    REQUIRE(total == 3000);
    for (const std::string& w : words) {
        REQUIRE(table.find(w) != nullptr);
        REQUIRE(table.find(w + "#") == nullptr);
    }
    REQUIRE(table.find("#") == nullptr);
    claims::WordSet set(0, {"about", "around", ""});
    CHECK(set.count("about"));
    CHECK(set.count(""));
    CHECK_FALSE(set.count("abou"));
    CHECK_FALSE(set.count("aboutt"));
}

TEST_CASE("StringMap answers find, count, at and operator[] as std::unordered_map does") {
    claims::StringMap<std::string> map;
    std::unordered_map<std::string, std::string> plain;
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> len(0, 24), letter('a', 'd');
    for (int i = 0; i < 2000; ++i) {
        std::string k, v;
        for (int n = len(rng); n > 0; --n) k.push_back(static_cast<char>(letter(rng)));
        v = std::to_string(i);
        if (i % 3) map[k] = v, plain[k] = v;
        else map[k] += v, plain[k] += v;
    }
    REQUIRE(map.size() == plain.size());
    for (const auto& [k, v] : plain) {
        const auto* it = map.find(k);
        REQUIRE(it != map.end());
        CHECK(it->first == k);
        CHECK(it->second == v);
        CHECK(map.at(k) == v);
        CHECK(map.count(k) == 1);
        CHECK(map.find(k + "x") == map.end());
    }
    CHECK_THROWS_AS(map.at("no such key, longer than any"), std::out_of_range);
    // keys that are views of text that outlives the map (a document's names): no copies
    const std::vector<std::string> names = {"Bank of England", "Alibaba", "", "Bank of England"};
    claims::StringMap<int, std::string_view> views;
    for (const std::string& n : names) ++views[n];
    CHECK(views.size() == 3);
    CHECK(views.at("Bank of England") == 2);
    CHECK(views.find("Bank of England")->first.data() == names[0].data());
    CHECK(views.count("") == 1);
    CHECK(views.count("Alibaba Group") == 0);
}
