// The pipeline's two ways of writing a record (an ordered_json object, and
// JSON text appended to a string for the fast extract path) must give the
// same text, byte for byte.
#include "extractor/claimex.h"

#include <catch2/catch.hpp>
#include <fstream>

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
