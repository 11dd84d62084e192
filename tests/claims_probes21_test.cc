// Session 21 (probes21): readings that new text of our own showed wrong — a release's growth
// expectation read as the economy's, a shop channel's sales after retail sales. Sentences of our
// own, in other words than the probes that showed them.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a bare 'growth' after a release's volume figure continues it") {
    const std::string text =
        "Slovak shops\n\n"
        "Slovak retail sales climbed 2.7% in September, the statistics office said. Economists had expected "
        "growth of 2.2%.\n";
    auto cs = claims_of(text, "2026-11-06");
    const Json* c = claim_at(cs, text, "2.2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "retail_sales");
}

TEST_CASE("an owned or forecast 'growth' after an export figure stays the economy's") {
    const std::string text =
        "Korean trade\n\n"
        "Exports dropped 1.9% in October, customs data showed. The central bank cut its forecast for Korea's "
        "growth to 1.3% from 1.5%. One economist lowered her 2027 growth forecast to 1.1%.\n";
    auto cs = claims_of(text, "2026-11-02");
    for (const char* a : {"1.3%", "1.1%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] != "exports");
    }
}

TEST_CASE("online sales after retail sales are the release's") {
    const std::string text =
        "Dutch shops\n\n"
        "Retail sales in the Netherlands rose 1.6% in August, the statistics bureau said. Online sales jumped 8.4% "
        "from a year earlier.\n";
    auto cs = claims_of(text, "2026-10-05");
    const Json* c = claim_at(cs, text, "8.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "retail_sales");
}

TEST_CASE("a company's own sales after retail sales keep their metric") {
    const std::string text =
        "Dutch shops\n\n"
        "Retail sales in the Netherlands rose 1.6% in August, the statistics bureau said. Bolwerk Mode's online "
        "sales rose 9%, and Kastanje's sales fell 2%.\n";
    auto cs = claims_of(text, "2026-10-05");
    for (const char* a : {"9%", "2%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "sales");
    }
}
