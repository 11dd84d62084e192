// Session 25 (subjects25): subjects and metrics of amount claims, families the diagnostic batches
// showed. Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("an exchange rate quoted in another currency is the quoted currency's, symbol or word") {
    const std::string text =
        "The plan assumes an exchange rate of ¥152 to the dollar for the year.\n\n"
        "The Kenyan shilling ended at 129.40 shillings per dollar on Monday, the Central Bank of Kenya said.\n\n"
        "Ghana's budget assumes an exchange rate of 15.2 cedis to the dollar.\n";
    auto cs = claims_of(text, "2026-11-20");
    const std::pair<const char*, const char*> want[] = {
        {"¥152", "yen"}, {"129.40 shillings", "Kenyan shilling"}, {"15.2 cedis", "cedi"}};
    for (const auto& [anchor, subject] : want) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "exchange_rate");
        CHECK(first_subject(*c) == subject);
    }
}

TEST_CASE("a price per unit quoted in a currency keeps its metric and makes no currency the subject") {
    const std::string text = "Copper traded at ¥1,310 per kilogram in Osaka on Monday.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const Json& c : cs) {
        INFO(c.dump());
        if (!c["subject"].empty()) CHECK(first_subject(c) != "yen");
    }
}
