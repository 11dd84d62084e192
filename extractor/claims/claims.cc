// Claim assembly (issue 3). Until then, no claims.
#include "extractor/claims/claims.h"

namespace claimex::claims {

std::vector<Claim> assemble(const std::vector<normalise::Mention>&, const text::Text&,
                            const DocumentInfo&) {
    return {};
}

}  // namespace claimex::claims
