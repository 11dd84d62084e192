// STUB: replaced by the entities normaliser.
#include "extractor/normalise/internal.h"

namespace claimex::normalise {

struct EntitiesNormaliser::Impl {};

EntitiesNormaliser::EntitiesNormaliser(const rules::RuleSet&) : impl_(std::make_unique<Impl>()) {}
EntitiesNormaliser::~EntitiesNormaliser() = default;

bool EntitiesNormaliser::normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const { return false; }

void EntitiesNormaliser::resolve_document(std::vector<Mention>&, const text::Text&) const {}

}  // namespace claimex::normalise
