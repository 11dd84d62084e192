// A central bank's own act on its policy rate (metric_scopes.tsv flag `act`) inherits no
// release, not even the bank's own statement elsewhere in the story; its forecasts do.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a central bank's rate cut inherits not even its own statement") {
    const std::string text =
        "Bank of Thailand cuts rate to 1.50%\n\n"
        "BANGKOK, Oct 8 - The Bank of Thailand lowered its policy rate by 25 basis points to 1.50% on Wednesday, "
        "its second cut this year, as exports slowed and household debt weighed on spending.\n\n"
        "The decision was unanimous, the central bank said in a statement. It now expects the economy to grow "
        "2.2% this year.\n";
    auto cs = claims_of(text, "2026-10-08");
    const Json* head = claim_at(cs, text, "1.50%");
    REQUIRE(head);
    INFO(head->dump());
    CHECK(head->at("sources").empty());
    const Json* lead = claim_at(cs, text, "1.50%", "points to ");
    REQUIRE(lead);
    INFO(lead->dump());
    CHECK(lead->at("sources").empty());
    const Json* growth = claim_at(cs, text, "2.2%");
    REQUIRE(growth);
    INFO(growth->dump());
    CHECK(first_source(*growth) == "Bank of Thailand");
}
