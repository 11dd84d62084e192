// claims — claim records assembled from the mentions of one document.
//
// In:  the normalised mentions of a document and its text.
// Out: Claim values (kind amount | change | statement; subject, metric,
//      value, equivalents, period, baseline, change, sources, confidence),
//      serialised to the `claims` array of the output contract.
// (Filled in by the claims work: issue 3.)
#pragma once

#include "extractor/normalise/normalise.h"
#include "extractor/text/text.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace claimex::claims {

struct Claim {
    std::string id;
    nlohmann::ordered_json record;     // the claim as written to the output
};

struct DocumentInfo {
    std::string id;
    std::string published;
};

std::vector<Claim> assemble(const std::vector<normalise::Mention>& mentions,
                            const text::Text& text, const DocumentInfo& doc);

}  // namespace claimex::claims
