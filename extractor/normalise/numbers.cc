// STUB: replaced by the numbers normaliser.
#include "extractor/normalise/internal.h"

namespace claimex::normalise {

struct NumbersNormaliser::Impl {};

NumbersNormaliser::NumbersNormaliser(const rules::RuleSet&) : impl_(std::make_unique<Impl>()) {}
NumbersNormaliser::~NumbersNormaliser() = default;

bool NumbersNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const { return false; }

}  // namespace claimex::normalise
