// Session 25 (subjects25): subjects and metrics of amount claims, families the diagnostic batches
// showed. Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

namespace {
// claim_at for texts with non-ASCII characters ("¥", "€"): the anchor's byte offset as code points.
const Json* claim_at_cp(const std::vector<Json>& cs, const std::string& text, const std::string& anchor) {
    const size_t at = text.find(anchor);
    REQUIRE(at != std::string::npos);
    size_t cp = 0;
    for (size_t i = 0; i < at; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
    for (const Json& c : cs)
        if (c.contains("value") && c["value"].is_object() && c["value"].contains("start") &&
            c["value"]["start"].get<size_t>() == cp)
            return &c;
    return nullptr;
}
}  // namespace

TEST_CASE("an exchange rate quoted in another currency is the quoted currency's, symbol or word") {
    const std::string text =
        "The plan assumes an exchange rate of ¥152 to the dollar for the year.\n\n"
        "The Kenyan shilling ended at 129.40 shillings per dollar on Monday, the Central Bank of Kenya said.\n\n"
        "Ghana's budget assumes an exchange rate of 15.2 cedis to the dollar.\n";
    auto cs = claims_of(text, "2026-11-20");
    const std::pair<const char*, const char*> want[] = {
        {"¥152", "yen"}, {"129.40 shillings", "Kenyan shilling"}, {"15.2 cedis", "cedi"}};
    for (const auto& [anchor, subject] : want) {
        const Json* c = claim_at_cp(cs, text, anchor);
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

TEST_CASE("a bare profit or loss after a result's line in the paragraph is that line") {
    const std::string text =
        "Marlowe Foods said net profit rose 8% to $412 million in the quarter. That was above the profit "
        "of $398 million expected by analysts polled by LSEG.\n\n"
        "Tessaro Steel's operating loss widened to €96 million. Analysts had forecast a loss of €80 million.\n\n"
        "Brigham Tools made a record profit of $55 million.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* p = claim_at_cp(cs, text, "$398 million");
    REQUIRE(p);
    INFO(p->dump());
    CHECK((*p)["metric"] == "net_profit");
    const Json* l = claim_at_cp(cs, text, "€80 million");
    REQUIRE(l);
    INFO(l->dump());
    CHECK((*l)["metric"] == "operating_loss");
    // (no result's line before it: a plain profit stays)
    const Json* b = claim_at_cp(cs, text, "$55 million");
    REQUIRE(b);
    INFO(b->dump());
    CHECK((*b)["metric"] == "profit");
}
