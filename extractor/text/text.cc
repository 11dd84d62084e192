// PLACEHOLDER text preparation: identity analysis form, newline paragraphs,
// naive sentences. Replaced by the ICU implementation.
#include "extractor/text/text.h"

#include <algorithm>

namespace claimex::text {

uint32_t count_codepoints(std::string_view s) {
    uint32_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

Text Text::prepare(std::string original) {
    Text t;
    t.original_ = std::move(original);
    t.analysis_ = t.original_;
    t.cp_of_.resize(t.analysis_.size() + 1);
    t.byte_of_.resize(t.analysis_.size() + 1);
    uint32_t cp = 0;
    for (size_t i = 0; i < t.analysis_.size(); ++i) {
        if ((static_cast<unsigned char>(t.analysis_[i]) & 0xC0) != 0x80 && i > 0) ++cp;
        t.cp_of_[i] = i == 0 ? 0 : cp;
        t.byte_of_[i] = static_cast<uint32_t>(i);
    }
    t.cp_count_ = count_codepoints(t.analysis_);
    t.cp_of_[t.analysis_.size()] = t.cp_count_;
    t.byte_of_[t.analysis_.size()] = static_cast<uint32_t>(t.analysis_.size());
    uint32_t start = 0;
    const std::string& a = t.analysis_;
    for (uint32_t i = 0; i <= a.size(); ++i) {
        if (i == a.size() || a[i] == '\n') {
            if (i > start) t.paragraphs_.push_back({start, i});
            start = i + 1;
        }
    }
    for (Span p : t.paragraphs_) {
        uint32_t s = p.begin;
        for (uint32_t i = p.begin; i < p.end; ++i) {
            if ((a[i] == '.' || a[i] == '?' || a[i] == '!') && (i + 1 == p.end || a[i + 1] == ' ')) {
                t.sentences_.push_back({s, i + 1});
                s = i + 1;
                while (s < p.end && a[s] == ' ') ++s;
            }
        }
        if (s < p.end) t.sentences_.push_back({s, p.end});
    }
    return t;
}

uint32_t Text::codepoint(uint32_t b) const { return cp_of_.at(b); }
uint32_t Text::original_byte(uint32_t b) const { return byte_of_.at(b); }
std::string_view Text::original_slice(Span s) const {
    uint32_t b = original_byte(s.begin), e = original_byte(s.end);
    return std::string_view(original_).substr(b, e - b);
}
uint32_t Text::codepoint_count() const { return cp_count_; }

static size_t index_in(const std::vector<Span>& v, uint32_t b) {
    auto it = std::upper_bound(v.begin(), v.end(), b, [](uint32_t x, Span s) { return x < s.begin; });
    return it == v.begin() ? 0 : static_cast<size_t>(it - v.begin() - 1);
}
size_t Text::sentence_index(uint32_t b) const { return index_in(sentences_, b); }
size_t Text::paragraph_index(uint32_t b) const { return index_in(paragraphs_, b); }

}  // namespace claimex::text
