// Claim assembly (session 12, lead): guards on what a description subject can be.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a phrase starting with a preposition or ending with 'that' is no description subject") {
    const std::string text =
        "Norvik Steel said on Tuesday that 1,400 jobs were at risk at its plant.\n\n"
        "Halden Foods told staff in March that 600 jobs would go at its bakeries.\n";
    auto cs = claims_of(text, "2026-11-30");
    for (const char* f : {"1,400 jobs", "600 jobs"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        const std::string s = first_subject(*c);
        for (const char* p : {"on ", "in ", "at "}) CHECK(s.rfind(p, 0) != 0);
        CHECK(s.find(" that") == std::string::npos);
    }
}

TEST_CASE("an amount before 'more/higher than' a date sizes the figure's change from its own past") {
    const std::string text =
        "Public sector net borrowing was C$17.4 billion last month, C$2.1 billion more than a year earlier, "
        "the statistics office said.\n\n"
        "Exports reached $48.2 billion in October, $3.5 billion higher than in September.\n\n"
        "The gross margin was 41.2% in the quarter, 60 basis points lower than in the first quarter.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* b = claim_at(cs, text, "C$2.1 billion");
    REQUIRE(b);
    INFO(b->dump());
    CHECK((*b)["kind"] == "change");
    CHECK((*b)["change"]["direction"] == "up");
    CHECK((*b)["value"]["text"] == "C$17.4 billion");
    CHECK(period(*b) == "2026-10");
    const Json* e = claim_at(cs, text, "$3.5 billion");
    REQUIRE(e);
    INFO(e->dump());
    CHECK((*e)["kind"] == "change");
    CHECK((*e)["value"]["text"] == "$48.2 billion");
    CHECK(period(*e) == "2026-10");  // the month compared with is September, not the figure's
    const Json* m = claim_at(cs, text, "60 basis points");
    REQUIRE(m);
    INFO(m->dump());
    CHECK((*m)["kind"] == "change");
    CHECK((*m)["change"]["direction"] == "down");
    CHECK(period(*m) != "2026-Q1");
}

TEST_CASE("an amount more than something that is no date is a difference, not a change") {
    const std::string text = "The project cost $2 billion, $300 million more than planned.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* c = claim_at(cs, text, "$300 million");
    CHECK((c == nullptr || (*c)["kind"] != "change"));
}

TEST_CASE("an unnamed 'according to' takes no company's word from before it") {
    const std::string text =
        "Codelco now expects to produce 1.3 million tonnes of copper in 2026, the company said in a statement.\n\n"
        "According to customs data, China imported 480,000 tonnes of unwrought copper in October, up 12% from "
        "September.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* c = claim_at(cs, text, "12%");
    REQUIRE(c);
    INFO(c->dump());
    for (const Json& s : (*c)["sources"]) CHECK(s["name"] != "Codelco");
}

TEST_CASE("an unnamed 'according to' may still quote a statistics office's release") {
    const std::string text =
        "Inflation eased to 2.6% in October, the Office for National Statistics said on Wednesday.\n\n"
        "Payrolled employees fell by 41,000 in October, according to early estimates.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* c = claim_at(cs, text, "41,000");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE((*c)["sources"].size() == 1);
    CHECK((*c)["sources"][0]["name"] == "Office for National Statistics");
}
