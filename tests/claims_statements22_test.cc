// Session 22 (statements22): statements in sentences that also carry a figure. corpus/CLAIMS.md:
// a quote or reported sentence whose only content is a figure makes no statement; one that
// asserts something besides the figure is a statement too (statements.cc figure_free_part).
// Sentences of our own, several wordings each, with those that must stay figure claims only.
#include "tests/claims_support.h"

using namespace claims_support;

namespace {
// The statements of a one-paragraph story under a headline.
std::vector<Json> story(const std::string& body) { return claims_of("Market news\n\n" + body + "\n", "2026-11-20"); }
size_t statements(const std::vector<Json>& cs) {
    size_t n = 0;
    for (const Json& c : cs) n += c["kind"] == "statement";
    return n;
}
}  // namespace

TEST_CASE("a quote with a figure and a clause of its own with none is a statement, the whole quote") {
    for (const auto& [body, start] : std::vector<std::pair<std::string, std::string>>{
             {"\"We plan to spend about $4 billion on new mines next year, and we will not cut the dividend,\" finance "
              "chief Olga Brenner told analysts on a call.",
              "We plan to spend about $4 billion"},
             {"\"Margins held up well, but freight costs rose 12% in the quarter,\" said Tomas Reed, an analyst at "
              "Halden Securities.",
              "Margins held up well, but freight costs"},
             {"\"Wages are still rising well above our 3% target, and I am not convinced the job is finished,\" she "
              "told a conference in Denver, Governor Ruth Amsel said.",
              "Wages are still rising"}}) {
        auto cs = story(body);
        INFO(body);
        CHECK(statement_at(cs, start));
    }
}

TEST_CASE("a quote whose every part holds a figure makes no statement") {
    auto cs = story("\"Sales rose 6% and margins widened to 14%,\" chief executive Pia Lund said.");
    CHECK(statements(cs) == 0);
    cs = story("\"Orders climbed 9% to 4,100 units, and the backlog reached $2.3 billion,\" Pia Lund said.");
    CHECK(statements(cs) == 0);
}

TEST_CASE("reported words with no figure before what hands on to the figure are a statement") {
    for (const auto& [body, start] : std::vector<std::pair<std::string, std::string>>{
             {"Analyst Mara Quist said demand had been resilient, noting that inventories had fallen to about 12,000 "
              "units.",
              "demand had been resilient"},
             {"Economists at Tarrow Bank said in a note that the recovery in tourism had stalled, estimating growth in "
              "arrivals of about 3% next year.",
              "the recovery in tourism had stalled"},
             {"Analysts at Brenmoor said the offer looked \"generous but fair\" and pointed to the 34% premium.",
              "the offer looked \"generous but fair\""},
             {"Kellan Ortiz said the company would choose a site for its new plant by March, which could cost up to "
              "$2 billion.",
              "the company would choose a site for its new plant by March"}}) {
        auto cs = story(body);
        INFO(body);
        const Json* s = statement_at(cs, start);
        REQUIRE(s);
        // (the part with the figure is left to the figure's claim)
        CHECK((*s)["statement"]["text"].get<std::string>().find_first_of("0123456789") == std::string::npos);
    }
}

TEST_CASE("a figure in a parenthetical between the clause's subject and verb leaves a statement") {
    for (const auto& [body, start] : std::vector<std::pair<std::string, std::string>>{
             {"Governor Lena Brandt said corporate debt, at about 95% of GDP, remained the main risk to stability.",
              "corporate debt, at about 95% of GDP, remained"},
             {"Union leader Ilse Moen said fuel costs, which rose 22% in the spring, have wiped out the profits of "
              "small farms.",
              "fuel costs, which rose 22%"}}) {
        auto cs = story(body);
        INFO(body);
        CHECK(statement_at(cs, start));
    }
    // (not a condition: what would happen if ... is no fact)
    auto cs = story("The levy, which could raise about $900 million a year, would apply from July if parliament "
                    "approves it, an official said.");
    CHECK(statements(cs) == 0);
}

TEST_CASE("a later that-clause with no figure is the speaker's statement") {
    auto cs = story("Governor Ana Feld said inflation was still above the 2% target, but that weaker demand was "
                    "pulling prices down.");
    CHECK(statement_at(cs, "weaker demand was pulling prices down"));
}

TEST_CASE("figures the attribution holds leave its content a statement") {
    auto cs = story("Norrvik Paper AB, which employs about 6,200 people, said the new tariffs were unfair to exporters.");
    const Json* s = statement_at(cs, "the new tariffs were unfair to exporters");
    REQUIRE(s);
    CHECK(first_source(*s) == "Norrvik Paper");
}

TEST_CASE("figures reported with only their attribution make no statement") {
    for (const std::string body : {
             "Revenue rose 5% to $3 billion in the quarter, the company said in a filing on Monday.",
             "Revenue rose 5% to $3 billion, and operating profit climbed 8% to $410 million, Tollan Foods said.",
             "Home sales fell 4% to 81,000 units in October, the housing agency said, as mortgage rates stayed high.",
             "Analysts at Corvo Securities forecast one more cut in June, which would take the rate to 2%.",
             "Exports reached 2.1 million tonnes in October, the ministry said in its monthly report on Friday."}) {
        auto cs = story(body);
        INFO(body);
        CHECK(statements(cs) == 0);
    }
}

TEST_CASE("a central bank's board states what it said after its rate decision") {
    auto cs = claims_of("Swedish rates\n\nThe Riksbank met on Tuesday. The board cut the policy rate by 25 basis points "
                        "to 3.5 per cent and said it expected to lower it again in the spring.\n",
                        "2026-11-20");
    const Json* s = statement_at(cs, "it expected to lower it again");
    REQUIRE(s);
    CHECK(first_source(*s) == "Sveriges Riksbank");
}

TEST_CASE("a briefs page: a story's sentence makes no statement of another story's speakers") {
    const std::string text =
        "Company briefs\n\n"
        "OSLO, Nov 3 (Wire) - Fjordline Shipping said on Monday it would sell two of its older ferries.\n\n"
        "TORONTO - Canadian grocer Maple Creek Foods reported higher quarterly sales. The Ontario-based grocer now "
        "expects revenue of C$9.1 billion for 2026.\n";
    auto cs = claims_of(text, "2026-11-03");
    for (const Json& c : cs)
        if (c["kind"] == "statement") {
            INFO(c.dump());
            CHECK(c["statement"]["text"].get<std::string>().find("Ontario-based") == std::string::npos);
        }
}
