// Helpers for whole-pipeline claim tests: the extractor over the source
// tree's rules, a text's claims as their output objects, and the claim found
// at a figure. (Header-only; each test file gets its own copy.)
#pragma once

#include "extractor/claimex.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace claims_support {

using Json = nlohmann::ordered_json;

inline const claimex::Extractor& extractor() {
    static claimex::Extractor ex(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    return ex;
}

inline std::vector<Json> claims_of(const std::string& text, const std::string& published) {
    claimex::document::Document d;
    d.id = "t";
    d.text = text;
    claimex::Record r = extractor().extract(d, published);
    std::vector<Json> out;
    for (const auto& c : r.claims) out.push_back(claimex::claim_json(c, r));
    return out;
}

// The claim whose value, change percent or change amount starts where
// `anchor` first does (after `before`, when given). ASCII texts: byte
// offsets are code points.
inline const Json* claim_at(const std::vector<Json>& cs, const std::string& text, const std::string& anchor,
                            const std::string& before = "") {
    size_t at = text.find(before + anchor);
    REQUIRE(at != std::string::npos);
    at += before.size();
    auto starts_at = [&](const Json& x) { return x.is_object() && x.contains("start") && x["start"].get<size_t>() == at; };
    for (const Json& c : cs) {
        if (c.contains("value") && starts_at(c["value"])) return &c;
        if (c.contains("change") && c["change"].is_object())
            for (const char* f : {"percent", "amount"})
                if (c["change"].contains(f) && starts_at(c["change"][f])) return &c;
    }
    return nullptr;
}

// The statement claim whose text starts with `start`, or null.
inline const Json* statement_at(const std::vector<Json>& cs, const std::string& start) {
    for (const Json& c : cs)
        if (c["kind"] == "statement" && c["statement"]["text"].get<std::string>().rfind(start, 0) == 0) return &c;
    return nullptr;
}

inline std::string period(const Json& c) {
    return c["period"].is_null() ? std::string() : c["period"]["value"].get<std::string>();
}
inline bool inherited(const Json& c) { return !c["period"].is_null() && c["period"].value("inherited", false); }
inline std::string first_subject(const Json& c) {
    return c["subject"].empty() ? std::string() : c["subject"][0].get<std::string>();
}
inline std::string first_source(const Json& c) {
    return c["sources"].empty() ? std::string() : c["sources"][0]["name"].get<std::string>();
}

}  // namespace claims_support
