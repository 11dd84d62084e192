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

// "down from 1.64 billion a year earlier", "net debt of 8.3 billion": money whose rule left
// the currency to the sentence (set: currency=elided) takes that of the sentence's last money
// figure before it; with none, it is no money.
static void take_elided_currencies(std::vector<Mention>& ms, const text::Text& text) {
    bool any = false;
    for (const Mention& m : ms) any |= m.type == Type::money && m.currency == "elided";
    if (!any) return;
    std::vector<Mention> kept;
    kept.reserve(ms.size());
    for (Mention& m : ms) {
        if (m.type == Type::money && m.currency == "elided") {
            const text::Span sent = text.sentences().empty() ? text::Span{0, m.span.begin}
                                                             : text.sentences()[text.sentence_index(m.span.begin)];
            const Mention* prev = nullptr;
            for (const Mention& k : kept)
                if (k.type == Type::money && k.span.begin >= sent.begin && k.span.end <= m.span.begin) prev = &k;
            if (!prev) continue;
            m.currency = prev->currency;
        }
        kept.push_back(std::move(m));
    }
    ms = std::move(kept);
}

Normaliser::Normaliser(const rules::RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
Normaliser::~Normaliser() = default;
Normaliser::Normaliser(Normaliser&&) noexcept = default;

std::vector<Mention> Normaliser::normalise(const std::vector<rules::RawMention>& raw,
                                           const text::Text& text,
                                           const Context& context) const {
    std::vector<Mention> out;
    out.reserve(raw.size() + kMentionSlack(raw.size()));
    NumbersNormaliser::CurrencyMemo currency_memo;
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
            case Type::quantity: keep = impl_->numbers.normalise(r, text, m, currency_memo); break;
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
    take_elided_currencies(out, text);
    impl_->dates.resolve_document(out, text, context);
    impl_->entities.resolve_document(out, text);
    impl_->sources.resolve_document(out, text);
    return out;
}

}  // namespace claimex::normalise
