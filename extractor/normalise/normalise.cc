// Dispatch of raw mentions to the per-family normalisers, then the
// document-level passes (entities before sources: sources name entities).
#include "extractor/normalise/normalise.h"
#include "extractor/normalise/internal.h"

#include <algorithm>
#include <array>

namespace claimex::normalise {

namespace {
constexpr std::array<const char*, 8> kTypeNames = {"money", "percent", "quantity", "date",
                                                   "org",   "person",  "place",    "source"};
}

const char* type_name(Type t) { return kTypeNames[static_cast<size_t>(t)]; }

std::optional<Type> type_from_name(std::string_view s) {
    // Per raw mention: the one name its first letter and length can be.
    if (s.empty()) return std::nullopt;
    size_t i = kTypeNames.size();
    switch (s[0]) {
        case 'm': i = 0; break;
        case 'p': i = s.size() == 7 ? 1 : s.size() == 6 ? 5 : 6; break;  // percent, person, place
        case 'q': i = 2; break;
        case 'd': i = 3; break;
        case 'o': i = 4; break;
        case 's': i = 7; break;
    }
    if (i < kTypeNames.size() && s == kTypeNames[i]) return static_cast<Type>(i);
    return std::nullopt;
}

struct Normaliser::Impl {
    explicit Impl(const rules::RuleSet& r) : numbers(r), dates(r), entities(r), sources(r) {}
    NumbersNormaliser numbers;
    DatesNormaliser dates;
    EntitiesNormaliser entities;
    SourcesNormaliser sources;
};

Normaliser::Normaliser(const rules::RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
Normaliser::~Normaliser() = default;
Normaliser::Normaliser(Normaliser&&) noexcept = default;

std::vector<Mention> Normaliser::normalise(const std::vector<rules::RawMention>& raw,
                                           const text::Text& text,
                                           const Context& context) const {
    std::vector<Mention> out;
    out.reserve(raw.size() + kMentionSlack(raw.size()));
    for (const rules::RawMention& r : raw) {
        auto type = type_from_name(r.type);
        if (!type) continue;
        // Built in place; taken back when it has no value.
        Mention& m = out.emplace_back();
        m.type = *type;
        m.span = r.span;
        if (r.rule) m.rule = r.rule->id;
        bool keep = false;
        switch (*type) {
            case Type::money:
            case Type::percent:
            case Type::quantity: keep = impl_->numbers.normalise(r, text, m); break;
            case Type::date: keep = impl_->dates.normalise(r, text, context, m); break;
            case Type::org:
            case Type::person:
            case Type::place: keep = impl_->entities.normalise(r, text, m); break;
            case Type::source: keep = impl_->sources.normalise(r, text, m); break;
        }
        if (!keep) out.pop_back();
    }
    // The raw mentions come sorted by span, and a normaliser seldom moves
    // one; when it did, sort indices (a Mention is big to move around).
    auto before = [](const Mention& a, const Mention& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
    };
    if (!std::is_sorted(out.begin(), out.end(), before)) {
        std::vector<uint32_t> order(out.size());
        for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return before(out[a], out[b]); });
        std::vector<Mention> sorted;
        sorted.reserve(out.size() + kMentionSlack(out.size()));
        for (uint32_t i : order) sorted.push_back(std::move(out[i]));
        out = std::move(sorted);
    }
    impl_->dates.resolve_document(out, text, context);
    impl_->entities.resolve_document(out, text);
    impl_->sources.resolve_document(out, text);
    return out;
}

}  // namespace claimex::normalise
