// The pipeline's two ways of writing a record (an ordered_json object, and
// JSON text appended to a string for the fast extract path) must give the
// same text, byte for byte.
#include "extractor/claimex.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <limits>

using namespace claimex;

TEST_CASE("append_json writes exactly what to_json().dump() writes") {
    Extractor ex(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    std::ifstream in(std::string(CLAIMEX_SOURCE_DIR) + "/corpus/articles.jsonl");
    std::string line;
    std::vector<std::string> texts;
    while (std::getline(in, line)) texts.push_back(nlohmann::json::parse(line)["text"]);
    // Odd characters the escaping must handle like nlohmann does.
    texts.push_back("Quote \"marks\", back\\slash, tab\there, bell\x07 and \x1f; €4.5 billion, 12.5%, 0.1 per cent.");
    texts.push_back("");
    REQUIRE(texts.size() > 10);
    size_t n = 0;
    for (const auto& t : texts) {
        for (bool with_text : {false, true})
            for (const char* published : {"2024-08-26", ""}) {
                document::Document d;
                d.text = t.empty() ? " " : t;
                d.id = "doc-" + std::to_string(n++);
                d.title = n % 2 ? "A \"title\"" : "";
                Record r = ex.extract(d, published);
                std::string fast;
                append_json(fast, r, with_text);
                CHECK(fast == to_json(r, with_text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
            }
    }
}

TEST_CASE("append_json_value writes any value as dump(-1, ' ', false, replace) does") {
    using Json = nlohmann::ordered_json;
    Json j = {{"a", 1}, {"b", -7}, {"c", 2.5}, {"d", 1e21}, {"e", 0.1}, {"f", 3.0}, {"g", nullptr},
              {"h", true}, {"i", false}, {"k", Json::array()}, {"l", Json::object()},
              {"m", {1, "x", {{"y", 1.25e-7}}}}, {"n", 18446744073709551615ULL},
              {"o", "tab\t, \"q\", back\\, \x01, é, 中"}, {"p", std::string("bad \xC3( and \xED\xA0\x80 ok")},
              {"q\"key", std::numeric_limits<double>::quiet_NaN()}};
    std::string out;
    append_json_value(out, j);
    CHECK(out == j.dump(-1, ' ', false, Json::error_handler_t::replace));
    for (const char* s : {"", "plain", "\xF4\x90\x80\x80", "\xF0\x9F\x98\x80 smile", "\xE0\x80\x80", "\xC0\xAF"}) {
        out.clear();
        append_json_string(out, s);
        CHECK(out == Json(s).dump(-1, ' ', false, Json::error_handler_t::replace));
    }
}
