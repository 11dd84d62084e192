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

TEST_CASE("append_json appends after what the string holds, whatever room it has") {
    // The writer grows the string ahead and cuts it back: what was there stays, what it writes
    // is the same from an empty string, a short one, one with spare capacity, and a string reused
    // for record after record (the extract loop's); a bad UTF-8 string written right where the
    // room runs out takes nlohmann's replacement all the same.
    using Json = nlohmann::ordered_json;
    Extractor ex(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    document::Document d;
    d.id = "room";
    d.text = "Halvorsen Foods said on Tuesday its revenue rose 12% to $4.2 billion in 2025, according to "
             "Reuters. \"We will invest \u20ac300 million\", chief executive Mara Lind told reporters.";
    Record r = ex.extract(d, "2026-03-03");
    const std::string want = to_json(r, true).dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string reused;
    for (size_t prefix : {0, 1, 15, 16, 17, 100, 4095}) {
        for (size_t spare : {0, 1, 64, 1 << 16}) {
            std::string out(prefix, 'x');
            out.reserve(prefix + spare);
            append_json(out, r, true);
            CHECK(out == std::string(prefix, 'x') + want);
        }
        reused.clear();
        append_json(reused, r, true);
        CHECK(reused == want);
    }
    const std::string bad = std::string(40, 'a') + "\xC3( " + std::string(40, 'b');
    for (size_t prefix = 0; prefix < 40; ++prefix) {
        std::string out(prefix, 'x');
        out.shrink_to_fit();
        append_json_string(out, bad);
        CHECK(out == std::string(prefix, 'x') + Json(bad).dump(-1, ' ', false, Json::error_handler_t::replace));
    }
}

namespace {
// The fields read_jsonl_document promises, read the slow way; false when
// nlohmann rejects the line or a field has another type.
bool slow_read(const std::string& line, document::Document& d) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
        return false;
    }
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) return false;
    for (auto [key, field] : {std::pair{"text", &d.text}, {"id", &d.id}, {"url", &d.url}, {"title", &d.title},
                              {"published", &d.published}, {"publisher", &d.publisher}}) {
        if (!j.contains(key) || j[key].is_null()) continue;
        if (!j[key].is_string()) return false;
        *field = j[key].get<std::string>();
    }
    return true;
}
}  // namespace

TEST_CASE("read_jsonl_document reads what nlohmann reads and rejects what it rejects") {
    std::vector<std::string> lines = {
        R"({"text":"a"})",
        R"(  {"id":"x","text":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","url":null}  )",
        R"({"text":"a","text":"b","id":"1","id":null})",
        R"({"text":"a","extra":[1,-2.5,0,{"k":[true,false,null]},"s"],"n":{}})",
        R"({"text":"a","e":1e5})",          // exponent: left to nlohmann
        R"({"text":"a","id":7})",           // a number id: left to the CLI's reading
        R"({"text":null})", R"({"text":5})", R"({})", R"([])", R"("text")", "",
        R"({"text":"a",})", R"({"text":"a"} x)", R"({"text":"a" "id":"b"})", R"({'text':'a'})",
        R"({"text":"\ud800"})", R"({"text":"\udc00x"})", R"({"text":"\x"})", R"({"text":"\u12"})",
        "{\"text\":\"tab\there\"}", "{\"text\":\"nul\x01\"}", "{\"text\":\"bad \xC3( utf8\"}",
        "{\"text\":\"\xED\xA0\x80 surrogate\"}", "{\"text\":\"overlong \xC0\xAF\"}", "\xEF\xBB\xBF{\"text\":\"bom\"}",
        R"({"text":"a","n":01})", R"({"text":"a","n":-})", R"({"text":"a","n":1.})", R"({"text":"a","n":.5})",
        R"({"text":"a","n":tru})", R"({"text":"a","n":[1,]})", R"({"text":"a","n":{"k"}})", "{\"text\":\"a\"}\r",
    };
    std::ifstream in(std::string(CLAIMEX_SOURCE_DIR) + "/corpus/articles.jsonl");
    std::vector<std::string> corpus;
    for (std::string line; std::getline(in, line);) corpus.push_back(line);
    REQUIRE(corpus.size() > 10);
    for (const auto& c : corpus) {
        document::Document d;
        CHECK(read_jsonl_document(c, d));  // the common shape takes the fast way
        lines.push_back(c);
    }
    // Mutations of corpus lines: a byte dropped, changed or inserted near
    // the syntax (a deterministic generator, so failures repeat).
    uint64_t seed = 42;
    auto rnd = [&](size_t n) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<size_t>((seed >> 33) % n);
    };
    const std::string alphabet = "{}[]:,\"\\ ue0-.9\x01\xC3\x80\xE2";
    for (int i = 0; i < 3000; ++i) {
        std::string s = corpus[rnd(corpus.size())];
        size_t at = rnd(2) ? rnd(std::min<size_t>(s.size(), 120)) : s.size() - 1 - rnd(std::min<size_t>(s.size(), 60));
        switch (rnd(3)) {
            case 0: s.erase(at, 1); break;
            case 1: s[at] = alphabet[rnd(alphabet.size())]; break;
            default: s.insert(at, 1, alphabet[rnd(alphabet.size())]);
        }
        lines.push_back(s);
    }
    size_t fast = 0;
    for (const auto& line : lines) {
        document::Document a, b;
        bool ok_fast = read_jsonl_document(line, a);
        bool ok_slow = slow_read(line, b);
        INFO(line.substr(0, 200));
        if (ok_fast) {
            ++fast;
            REQUIRE(ok_slow);
            CHECK(a.text == b.text);
            CHECK(a.id == b.id);
            CHECK(a.url == b.url);
            CHECK(a.title == b.title);
            CHECK(a.published == b.published);
            CHECK(a.publisher == b.publisher);
        }
    }
    CHECK(fast > corpus.size());
}

TEST_CASE("an organisation found by its apposition is found again where it is named alone") {
    // Names in no gazetteer ("Norvia") are discovered once, by a pattern;
    // their later bare mentions come from the document's own short forms.
    Extractor ex(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    document::Document d;
    d.text = "Norvia, the Norwegian oil and gas producer, said output rose 5%.\n\nNorvia raised its forecast.\n";
    Record r = ex.extract(d, "2025-03-01");
    std::vector<uint32_t> starts;
    for (const auto& m : r.mentions)
        if (m.type == normalise::Type::org && m.name == "Norvia") starts.push_back(r.text.codepoint(m.span.begin));
    CHECK(starts == std::vector<uint32_t>{0, 66});
}

TEST_CASE("a batch of documents gives each one's own record; a bad one fails alone") {
    // Extractor::extract(docs) (what `claimex extract` runs) must give the
    // records extract(doc) gives one by one, in order, and a document that
    // fails (a bad date, bytes that are not UTF-8) must fail alone.
    Extractor ex(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    std::ifstream in(std::string(CLAIMEX_SOURCE_DIR) + "/corpus/articles.jsonl");
    std::string line;
    std::vector<document::Document> docs;
    while (std::getline(in, line) && docs.size() < 20) {
        auto j = nlohmann::json::parse(line);
        document::Document d;
        d.text = j["text"];
        d.id = j.value("id", "");
        docs.push_back(d);
        if (docs.size() == 5) {
            document::Document bad;
            bad.text = "Revenue rose 5% to $3bn.";
            bad.published = "yesterday";
            docs.push_back(bad);
        }
        if (docs.size() == 9) {
            document::Document bad;
            bad.text = "Profit fell \xff\xfe to $2bn.";
            docs.push_back(bad);
        }
    }
    auto batch = ex.extract(docs, "2024-08-26");
    REQUIRE(batch.size() == docs.size());
    size_t failed = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
        INFO("document " << i);
        std::string one;
        try {
            one = to_json(ex.extract(docs[i], "2024-08-26"), false).dump();
        } catch (const std::exception& e) {
            CHECK(!batch[i].record);
            CHECK(batch[i].error == e.what());
            ++failed;
            continue;
        }
        REQUIRE(batch[i].record);
        CHECK(to_json(*batch[i].record, false).dump() == one);
    }
    CHECK(failed == 2);
}

// Title as headline (pipeline.cc): a title the text does not repeat heads it for the stages,
// and nothing of it reaches the output. Sentences of our own.
namespace {
// text's code points [b, e) as UTF-8 (the output's offsets are code points of the text)
std::string cp_slice(const std::string& s, int64_t b, int64_t e) {
    std::string out;
    int64_t cp = -1;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) ++cp;
        if (cp >= b && cp < e) out += static_cast<char>(c);
    }
    return out;
}
int64_t cp_count(const std::string& s) {
    int64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
// Every offset of the record lies in the text and slices out what the record says it holds.
void check_offsets(const nlohmann::ordered_json& j, const std::string& text) {
    const int64_t n = cp_count(text);
    for (const auto& m : j["mentions"]) {
        INFO(m.dump());
        CHECK(cp_slice(text, m["start"], m["end"]) == m["text"].get<std::string>());
    }
    for (const auto& c : j["claims"]) {
        INFO(c.dump());
        CHECK(c["sentence"]["start"].get<int64_t>() >= 0);
        CHECK(c["sentence"]["end"].get<int64_t>() <= n);
        for (const char* k : {"value", "period"})
            if (c[k].is_object()) CHECK(cp_slice(text, c[k]["start"], c[k]["end"]) == c[k]["text"].get<std::string>());
        for (const auto& s : c["sources"]) {
            CHECK(s["start"].get<int64_t>() >= 0);
            CHECK(s["end"].get<int64_t>() <= n);
        }
    }
}
const Extractor& title_extractor() {
    static const Extractor ex(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    return ex;
}
document::Document titled(std::string id, std::string published, std::string title, std::string text) {
    document::Document d;
    d.id = std::move(id);
    d.published = std::move(published);
    d.title = std::move(title);
    d.text = std::move(text);
    return d;
}
}  // namespace

TEST_CASE("a title the text does not repeat is its headline: the story's company, no title output") {
    const Extractor& ex = title_extractor();
    // (a fetched page's body: the document stage dropped the headline, the title)
    const document::Document d = titled(
        "title-1", "2026-11-03", "Norland Pumps Inc quarterly profit jumps 20% as shale drillers spend",
        "The Houston-based maker of well-service equipment said on Tuesday that net profit rose 20% to "
        "$48 million in the third quarter, as drillers in the Permian basin ordered more pumps.\n\n"
        "Revenue climbed 11% to $612 million, the company said.");
    Record r = ex.extract(d);
    auto j = to_json(r, true);
    INFO(j.dump());
    check_offsets(j, d.text);
    CHECK(j["text"] == d.text);
    for (const auto& m : j["mentions"]) CHECK(m["text"] != "Norland Pumps Inc");  // (the title's)
    bool revenue = false;
    for (const auto& c : j["claims"]) {
        CHECK(c["subject"] == nlohmann::ordered_json::array({"Norland Pumps"}));
        revenue |= c["metric"] == "revenue";
    }
    CHECK(revenue);
    CHECK(j["claims"].size() == 2);  // (not the title's "jumps 20%")

    // The batch path gives the same record.
    std::vector<document::Document> docs{d};
    auto out = ex.extract(std::move(docs), "");
    REQUIRE(out[0].record);
    CHECK(to_json(*out[0].record, true) == j);
}

TEST_CASE("a title heading a text of other scripts: offsets stay the text's code points") {
    // (NFC and the typographic foldings change byte lengths in the title and in the text)
    const document::Document d = titled(
        "title-2", "2026-10-21", "Société Générale’s “core” profit — up 9% — says CEO Émile Roux",
        "Société Générale’s net income rose 9% to €1.52\u00a0billion in the third quarter, the bank said "
        "on Tuesday. “We gained share in retail,” chief executive Émile Roux told analysts.\n\n"
        "Its core capital ratio was 13.4%, according to the bank.");
    auto j = to_json(title_extractor().extract(d), false);
    INFO(j.dump());
    check_offsets(j, d.text);
    CHECK(!j["claims"].empty());
}

TEST_CASE("a title the text repeats changes nothing") {
    const Extractor& ex = title_extractor();
    document::Document d = titled("title-3", "2026-11-03", "",
                                  "Norland Pumps Inc quarterly profit jumps 20%\n\n"
                                  "Norland Pumps Inc said on Tuesday that net profit rose 20% to $48 million in the "
                                  "third quarter, as drillers in the Permian basin ordered more pumps.");
    auto without = to_json(ex.extract(d), true);
    d.title = "Norland Pumps Inc  quarterly profit JUMPS 20%";  // (spacing and case aside)
    auto with = to_json(ex.extract(d), true);
    with.erase("title");
    without.erase("title");
    CHECK(with == without);
}

TEST_CASE("a title the text repeats across white space of any kind changes nothing") {
    // (squashed(): runs of spaces, tabs and line breaks are one space, in the title and in the
    // text's first 2,000 bytes, leading and trailing ones dropped; ASCII case aside)
    const Extractor& ex = title_extractor();
    document::Document d = titled("title-4", "2026-11-03", "",
                                  "  Orvane Mills\t cuts\r\n2,000 jobs\n\n"
                                  "Orvane Mills said on Monday that it would cut 2,000 jobs at its plants in Ohio.");
    auto without = to_json(ex.extract(d), true);
    d.title = "\tORVANE mills cuts 2,000 JOBS \n";
    auto with = to_json(ex.extract(d), true);
    with.erase("title");
    without.erase("title");
    CHECK(with == without);
}
