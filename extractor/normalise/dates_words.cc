// Word helpers for the dates normaliser (see dates_words.h).
#include "extractor/normalise/dates_words.h"

#include <algorithm>
#include <cctype>

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

// A past auxiliary before the cue word that starts at b, right before it
// or with up to two plain words between ("had forecast", "had on average
// forecast", "had previously expected"): the future seen from the past.
// A word that tells a tense itself, or punctuation, ends the look back.
bool past_aux_before(const std::string& a, uint32_t floor, uint32_t b, const Cues& cues) {
    for (int k = 0; k < 3; ++k) {
        std::string_view w = word_ending_before(a, floor, b);
        if (w.empty()) return false;
        uint16_t what = cues.of(w);
        if (what & Cues::past_aux) return true;
        if (what & (Cues::future | Cues::past | Cues::speech | Cues::passive | Cues::future_adjacent)) return false;
        b = static_cast<uint32_t>(w.data() - a.data());
    }
    return false;
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

namespace {
std::optional<int> to_int(std::string_view v) {
    bool neg = !v.empty() && v[0] == '-';
    if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
    if (v.empty()) return std::nullopt;
    int n = 0;
    for (char c : v) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return neg ? -n : n;
}
}  // namespace

void WordTable::add(std::string_view word, std::string value) {
    Key k(word);
    if (k.view().empty() || entries_.contains(k.view())) return;
    auto n = to_int(value);
    entries_.emplace(k.view(), Entry{std::move(value), n});
}

WordTable WordTable::from_table(const std::vector<std::vector<std::string>>* rows) {
    WordTable t;
    if (!rows) return t;
    for (const auto& r : *rows)
        if (!r.empty()) t.add(r[0], r.size() > 1 ? r[1] : "");
    return t;
}

WordTable WordTable::from_list(const std::vector<std::string>* words) {
    WordTable t;
    if (!words) return t;
    for (const auto& w : *words) t.add(w, "");
    return t;
}

const std::string* WordTable::find(std::string_view word) const {
    Key k(word);
    const Entry* e = entries_.find(k.view());
    return e ? &e->value : nullptr;
}

std::optional<int> WordTable::number(std::string_view word) const {
    Key k(word);
    const Entry* e = entries_.find(k.view());
    return e ? e->number : std::nullopt;
}

void Cues::add(const std::vector<std::string>* words, uint16_t what) {
    if (!words) return;
    for (const auto& w : *words) {
        Key k(w);
        if (!k.view().empty()) words_[k.view()] |= what;
    }
}

uint16_t Cues::of(std::string_view word) const {
    Key k(word);
    const uint16_t* what = words_.find(k.view());
    return what ? *what : 0;
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

text::Span Around::sentence() const {
    if (text.sentences().empty()) return {0, static_cast<uint32_t>(text.analysis().size())};
    return text.sentences()[text.sentence_index(span.begin)];
}

Tense Around::tense(const Cues& cues) const {
    const auto& a = text.analysis();
    text::Span sent = sentence();
    auto ed_guess = [](std::string_view w) { return w.size() >= 5 && w.substr(w.size() - 2) == "ed"; };
    // Words before, nearest first; only when none of them is a cue, the
    // words after ("announced on 30 October will lift growth": the date
    // goes with the verb before it). The look back stops at a quotation
    // mark or semicolon.
    constexpr int kBefore = 20, kAfter = 8, kDeadlineReach = 6;
    bool deadline = false;  // the date follows "by"
    // "lowered its fourth-quarter profit forecast", "cuts fourth-quarter outlook": a date that
    // modifies a forecast noun (noun_cues.txt), with one word of what is forecast between, or two
    // of noun_cue_before.txt ("profit", "sales"), is the forecast's, so ahead whatever verb stands
    // before it (session 19, probes19: "lowered" made the quarter last year's)
    {
        uint32_t at = span.end;
        int plain = 0;  // words between that are no noun_cue_before word
        for (int k = 0; k < 3; ++k) {
            if (at < sent.end && !(a[at] == ' ' || a[at] == '\t')) break;  // (a comma, a hyphen: no modifier)
            const std::string_view w = word_starting_after(a, at, sent.end);
            if (w.empty()) break;
            const uint16_t what = cues.of(w);
            if (what & Cues::noun_cue) return Tense::future;
            if (w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her" ||
                w == "our" || w == "this" || w == "that" || !std::islower(static_cast<unsigned char>(w[0])) ||
                (what & ~Cues::noun_before) || ed_guess(w))
                break;
            if (!(what & Cues::noun_before) && ++plain + k > 1) break;
            at = static_cast<uint32_t>(w.data() - a.data() + w.size());
        }
        // (and "cut its forecast for the fourth quarter": the noun, then "for" the date)
        const std::string_view w1 = word_ending_before(a, sent.begin, span.begin);
        if (w1 == "for") {
            const std::string_view w2 = word_ending_before(a, sent.begin, static_cast<uint32_t>(w1.data() - a.data()));
            if (cues.of(w2) & Cues::noun_cue) return Tense::future;
        }
    }
    for (int i = 1, pos = static_cast<int>(span.begin); i <= kBefore && pos > static_cast<int>(sent.begin); ++i) {
        uint32_t e = static_cast<uint32_t>(pos);
        bool stop = false;
        while (e > sent.begin && !word_byte(static_cast<unsigned char>(a[e - 1]))) {
            --e;
            stop |= a[e] == '"' || a[e] == ';';
        }
        if (stop) break;
        uint32_t b = e;
        while (b > sent.begin && word_byte(static_cast<unsigned char>(a[b - 1]))) --b;
        if (b == e) break;
        std::string_view w = std::string_view(a).substr(b, e - b);
        // (a cue inside a hyphenated compound is an adjective, no verb: "a bigger-than-expected
        // jump", "long-awaited")
        uint16_t what = b > sent.begin && a[b - 1] == '-' ? 0 : cues.of(w);
        if (i == 1 && (w == "since" || w == "Since")) return Tense::begun;
        // "by December": a deadline, so the future — unless a past verb stands close before it
        // ("arrivals reached 412,000 tonnes by Sunday", "had fallen to 2% by March": what stood
        // by that day); any other cue, or none near, leaves the deadline.
        if (i == 1 && (what & Cues::future_adjacent)) {
            deadline = true;
            pos = static_cast<int>(b);
            continue;
        }
        if (deadline && i > kDeadlineReach) return Tense::future;
        // "said on Friday" is past; "said a cut in July was unlikely" says
        // nothing about July: the reported clause starts after "said".
        if (what & Cues::speech) {
            if (i <= 2) return Tense::past;
            break;
        }
        // "raised its annual profit forecast on Tuesday": a cue used as a noun says no tense.
        if ((what & Cues::noun_cue) && (cues.of(word_ending_before(a, sent.begin, b)) & Cues::noun_before)) {
            pos = static_cast<int>(b);
            continue;
        }
        // "raised its planned dividend for 2026 ... after posting third-quarter profit": a participle
        // after a possessive is an adjective, no verb, and says no tense (session 12, diag12)
        if ((what & Cues::future) && ed_guess(w)) {
            const std::string_view before = word_ending_before(a, sent.begin, b);
            if (before == "its" || before == "their" || before == "his" || before == "her" || before == "our" ||
                before == "Its" || before == "Their" || before == "His" || before == "Her" || before == "Our") {
                pos = static_cast<int>(b);
                continue;
            }
        }
        if (what & Cues::future) {
            // "The record was set on Wednesday", "had planned": the future seen from the past
            // is past (a weekday then is the last one). Not before an infinitive: "warned that
            // the economy was likely to stagnate in the first quarter" is reported speech of
            // what lies ahead.
            if (past_aux_before(a, sent.begin, b, cues) && word_starting_after(a, e, sent.end) != "to")
                return Tense::past;
            // "retreating from the record $3,707.40 set on Wednesday": "set" as a participle after
            // a noun, then "on" (not "set to", "set for", "is set"), says when something was set
            // "wider than the A$35.1 billion it projected in May": an "-ed" cue after a subject
            // pronoun is a finite past verb (not "is projected", "results expected in May")
            // (only right before the date's preposition: "It projected growth of 6.5% in the July-
            // September quarter" projects the quarter)
            // (not a date right after the verb, its object's modifier: "it expected fourth-quarter
            // revenue of $28.5 billion" expects the quarter)
            // (so is an estimating verb without its "-s" after "it", "he" or "she": "the 5% to 6%
            // it forecast in July" — the present would be "forecasts")
            if (i == 2) {
                const std::string_view before = word_ending_before(a, sent.begin, b);
                const bool singular = before == "it" || before == "he" || before == "she" || before == "It" ||
                                      before == "He" || before == "She";
                const bool plural = before == "they" || before == "we" || before == "They" || before == "We";
                if ((singular || plural) && w.size() > 4 && w.substr(w.size() - 2) == "ed") return Tense::past;
                if (singular && (what & Cues::estimate) && w.back() != 's') return Tense::past;
            }
            // "lower than the 3.7% forecast in June": a cue that is also a noun (noun_cues.txt) right
            // after its figure, then the date, says when the forecast was made
            // (so is a verb of estimating right after a figure, its scale word or its digits: "narrower
            // than the A$1.6 billion projected in December" in a June budget is the December past —
            // session 13)
            if (i == 2 && (what & (Cues::noun_cue | Cues::estimate))) {
                uint32_t q = b;
                while (q > sent.begin && a[q - 1] == ' ') --q;
                if (q > sent.begin && (a[q - 1] == '%' || std::isdigit(static_cast<unsigned char>(a[q - 1]))))
                    return Tense::past;
                if ((what & Cues::estimate) && (cues.of(word_ending_before(a, sent.begin, b)) & Cues::figure_end))
                    return Tense::past;
            }
            if (w == "set" && word_starting_after(a, e, sent.end) == "on") {
                const std::string_view before = word_ending_before(a, sent.begin, b);
                if (!(cues.of(before) & (Cues::future | Cues::passive)) && before != "is" && before != "are")
                    return Tense::past;
            }
            return Tense::future;
        }
        if ((what & Cues::past) || (!what && ed_guess(w))) {
            // "will be collected": a participle after "be" is not a past
            // tense; the auxiliary before it decides.
            if (!(cues.of(word_ending_before(a, sent.begin, b)) & Cues::passive)) return Tense::past;
        }
        pos = static_cast<int>(b);
    }
    if (deadline) return Tense::future;
    // Only a date in the opening words of its sentence takes its tense from
    // the words after it ("In September, prices will rise"; "Prices in
    // September will rise"); elsewhere the verb after it is the main
    // clause's ("told MPs on Wednesday that the freeze would cost"). A comma
    // after such an opening leads into the main clause; elsewhere clause
    // punctuation ends the look ahead.
    int words_before = 0;
    for (uint32_t k = sent.begin; k < span.begin && words_before < 4; ++k)
        if (word_byte(static_cast<unsigned char>(a[k])) && (k == sent.begin || !word_byte(static_cast<unsigned char>(a[k - 1]))))
            ++words_before;
    if (words_before > 3) return Tense::none;
    for (int i = 1, pos = static_cast<int>(span.end); i <= kAfter && pos < static_cast<int>(sent.end); ++i) {
        uint32_t b = static_cast<uint32_t>(pos);
        bool stop = false;
        while (b < sent.end && !word_byte(static_cast<unsigned char>(a[b]))) {
            char c = a[b++];
            stop |= c == '"' || c == ';' || c == ':' || c == '(' || c == ')';
        }
        if (stop) break;
        uint32_t e = b;
        while (e < sent.end && word_byte(static_cast<unsigned char>(a[e]))) ++e;
        if (b == e) break;
        std::string_view w = std::string_view(a).substr(b, e - b);
        uint16_t what = cues.of(w);
        if (what & Cues::future) return Tense::future;
        if ((what & (Cues::past | Cues::speech)) || (!what && ed_guess(w))) return Tense::past;
        pos = static_cast<int>(e);
    }
    return Tense::none;
}

}  // namespace claimex::normalise::dates
