// STUB: replaced by the dates normaliser.
#include "extractor/normalise/internal.h"

namespace claimex::normalise {

struct DatesNormaliser::Impl {};

DatesNormaliser::DatesNormaliser(const rules::RuleSet&) : impl_(std::make_unique<Impl>()) {}
DatesNormaliser::~DatesNormaliser() = default;

bool DatesNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, const Context& context, Mention& out) const { return false; }

}  // namespace claimex::normalise
