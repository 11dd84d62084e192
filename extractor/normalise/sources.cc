// STUB: replaced by the sources normaliser.
#include "extractor/normalise/internal.h"

namespace claimex::normalise {

struct SourcesNormaliser::Impl {};

SourcesNormaliser::SourcesNormaliser(const rules::RuleSet&) : impl_(std::make_unique<Impl>()) {}
SourcesNormaliser::~SourcesNormaliser() = default;

bool SourcesNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const { return false; }

void SourcesNormaliser::resolve_document(std::vector<Mention>&, const text::Text&) const {}

}  // namespace claimex::normalise
