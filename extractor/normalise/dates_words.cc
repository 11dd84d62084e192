// Word helpers for the dates normaliser (see dates_words.h).
#include "extractor/normalise/dates_words.h"

#include <algorithm>

namespace claimex::normalise::dates {

namespace {

inline bool word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c >= 0x80;
}

// The word ending right before `at` (only spaces/tabs between), or empty.
std::string_view word_ending_before(const std::string& a, uint32_t floor, uint32_t at) {
    uint32_t e = at;
    while (e > floor && (a[e - 1] == ' ' || a[e - 1] == '\t')) --e;
    uint32_t b = e;
    while (b > floor && word_byte(static_cast<unsigned char>(a[b - 1]))) --b;
    return std::string_view(a).substr(b, e - b);
}

std::string_view word_starting_after(const std::string& a, uint32_t at, uint32_t ceil) {
    uint32_t b = at;
    while (b < ceil && (a[b] == ' ' || a[b] == '\t')) ++b;
    uint32_t e = b;
    while (e < ceil && word_byte(static_cast<unsigned char>(a[e]))) ++e;
    return std::string_view(a).substr(b, e - b);
}

}  // namespace

Key::Key(std::string_view s) {
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = len_ > 0;
            continue;
        }
        if (space) {
            if (len_ + 1 >= sizeof buf_) { len_ = 0; return; }
            buf_[len_++] = ' ';
            space = false;
        }
        if (len_ + 1 >= sizeof buf_) { len_ = 0; return; }
        buf_[len_++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (len_ > 1 && buf_[len_ - 1] == '.') --len_;
}

WordTable WordTable::from_table(const std::vector<std::vector<std::string>>* rows) {
    WordTable t;
    if (!rows) return t;
    for (const auto& r : *rows)
        if (!r.empty() && !r[0].empty()) t.entries_.emplace_back(std::string(Key(r[0]).view()), r.size() > 1 ? r[1] : "");
    std::stable_sort(t.entries_.begin(), t.entries_.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    return t;
}

WordTable WordTable::from_list(const std::vector<std::string>* words) {
    WordTable t;
    if (!words) return t;
    for (const auto& w : *words) t.entries_.emplace_back(std::string(Key(w).view()), "");
    std::sort(t.entries_.begin(), t.entries_.end());
    return t;
}

const std::string* WordTable::find(std::string_view word) const {
    Key k(word);
    auto it = std::lower_bound(entries_.begin(), entries_.end(), k.view(),
                               [](const auto& e, std::string_view v) { return std::string_view(e.first) < v; });
    return it != entries_.end() && it->first == k.view() ? &it->second : nullptr;
}

std::optional<int> WordTable::number(std::string_view word) const {
    const std::string* v = find(word);
    if (!v || v->empty()) return std::nullopt;
    int n = 0;
    size_t i = 0;
    bool neg = (*v)[0] == '-' || (*v)[0] == '+';
    if (neg) i = 1;
    if (i == v->size()) return std::nullopt;
    for (; i < v->size(); ++i) {
        char c = (*v)[i];
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return (*v)[0] == '-' ? -n : n;
}

std::string_view Around::word_before() const {
    const auto& a = text.analysis();
    uint32_t floor = text.paragraphs().empty() ? 0 : text.paragraphs()[text.paragraph_index(span.begin)].begin;
    return word_ending_before(a, floor, span.begin);
}

std::string_view Around::word_before(std::string_view after_word) const {
    const auto& a = text.analysis();
    uint32_t floor = text.paragraphs().empty() ? 0 : text.paragraphs()[text.paragraph_index(span.begin)].begin;
    uint32_t at = static_cast<uint32_t>(after_word.data() - a.data());
    return word_ending_before(a, floor, at);
}

std::string_view Around::word_after() const {
    const auto& a = text.analysis();
    uint32_t ceil = text.paragraphs().empty() ? static_cast<uint32_t>(a.size())
                                               : text.paragraphs()[text.paragraph_index(span.begin)].end;
    return word_starting_after(a, span.end, ceil);
}

std::string_view Around::bytes_before(size_t n) const {
    size_t b = span.begin >= n ? span.begin - n : 0;
    return std::string_view(text.analysis()).substr(b, span.begin - b);
}

std::string_view Around::bytes_after(size_t n) const {
    return std::string_view(text.analysis()).substr(span.end, n);
}

bool Around::sentence_start() const {
    if (text.sentences().empty()) return true;
    const text::Span& s = text.sentences()[text.sentence_index(span.begin)];
    return s.begin >= span.begin;
}

Tense Around::tense(const Cues& cues) const {
    const WordTable& future = cues.future;
    const WordTable& past = cues.past;
    const auto& a = text.analysis();
    text::Span sent = text.sentences().empty() ? text::Span{0, static_cast<uint32_t>(a.size())}
                                               : text.sentences()[text.sentence_index(span.begin)];
    auto classify = [&](std::string_view w) {
        if (w.empty()) return Tense::none;
        if (future.contains(w)) return Tense::future;
        if (past.contains(w)) return Tense::past;
        if (w.size() >= 5 && (w.substr(w.size() - 2) == "ed")) return Tense::past;
        return Tense::none;
    };
    // Words before, nearest first; only when none of them is a cue, the
    // words after ("announced on 30 October will lift growth": the date
    // goes with the verb before it). The look back stops at a
    // quotation mark or semicolon, the look ahead at any clause punctuation:
    // in "... in the September quarter," Maestri told analysts' the verb
    // after the comma is about the saying, not the quarter.
    constexpr int kBefore = 20, kAfter = 8;
    auto stops_before = [](char c) { return c == '"' || c == ';'; };
    // A comma after an opening phrase ("On Monday, the bank will ...") leads
    // into the main clause, so it does not stop the look ahead there.
    int words_before = 0;
    for (uint32_t k = sent.begin; k < span.begin && words_before < 4; ++k)
        if (word_byte(static_cast<unsigned char>(a[k])) && (k == sent.begin || !word_byte(static_cast<unsigned char>(a[k - 1]))))
            ++words_before;
    bool opening = words_before <= 3;
    auto stops_after = [opening](char c) {
        return c == '"' || c == ';' || c == ':' || c == '(' || c == ')' || (c == ',' && !opening);
    };
    Tense before = Tense::none, after = Tense::none;
    uint32_t pos = span.begin;
    for (int i = 1; i <= kBefore && pos > sent.begin; ++i) {
        uint32_t e = pos;
        bool stop = false;
        while (e > sent.begin && !word_byte(static_cast<unsigned char>(a[e - 1]))) stop |= stops_before(a[--e]);
        if (stop) break;
        uint32_t b = e;
        while (b > sent.begin && word_byte(static_cast<unsigned char>(a[b - 1]))) --b;
        if (b == e) break;
        std::string_view w = std::string_view(a).substr(b, e - b);
        // "by December": a deadline, so the future.
        if (i == 1 && cues.future_adjacent.contains(w)) {
            before = Tense::future;
            break;
        }
        // "said on Friday" is past; "said a cut in July was unlikely" says
        // nothing about July: the reported clause starts after "said", so
        // the look back ends there without a cue.
        if (cues.speech.contains(w)) {
            if (i <= 2) before = Tense::past;
            break;
        }
        Tense t = classify(w);
        // "will be collected": a participle after "be" is not a past tense;
        // the auxiliary before it decides.
        if (t == Tense::past && cues.passive.contains(word_ending_before(a, sent.begin, b)))
            t = Tense::none;
        if (t != Tense::none) {
            before = t;
            break;
        }
        pos = b;
    }
    pos = span.end;
    // Only a date in the opening words of its sentence takes its tense from
    // the words after it ("In September, prices will rise"; "Prices in
    // September will rise"); elsewhere the verb after it is the main
    // clause's ("told MPs on Wednesday that the freeze would cost").
    for (int i = 1; i <= kAfter && pos < sent.end && before == Tense::none && opening; ++i) {
        uint32_t b = pos;
        bool stop = false;
        while (b < sent.end && !word_byte(static_cast<unsigned char>(a[b]))) stop |= stops_after(a[b++]);
        if (stop) break;
        uint32_t e = b;
        while (e < sent.end && word_byte(static_cast<unsigned char>(a[e]))) ++e;
        if (b == e) break;
        if (Tense t = classify(std::string_view(a).substr(b, e - b)); t != Tense::none) {
            after = t;
            break;
        }
        pos = e;
    }
    return before != Tense::none ? before : after;
}

}  // namespace claimex::normalise::dates
