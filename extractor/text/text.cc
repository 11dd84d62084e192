// Text preparation: UTF-8 validation, the analysis form (NFC + typographic
// folding) with its offset maps, paragraphs, and sentences (ICU plus the
// Segmenter's abbreviation list). See text.h for the contract.
#include "extractor/text/text.h"
#include "extractor/text/breaks.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace claimex::text {

namespace {

// The built-in lists: the same entries as rules/text/ ships (a test checks).
constexpr std::string_view kAbbreviations = R"(
Dr. Mr. Mrs. Ms. Prof. Gov. Sen. Rep. Gen. Lt. Col. Capt. Cmdr. Sgt. Maj. Adm. Pvt. Supt. Rev. Hon.
Mt. Ft.
approx. Approx. est. Est. vs. e.g. i.e. cf.
U.S. final
U.K. final
U.N. final
E.U. final
St. final
Ave. final
Inc. final
Corp. final
Co. final
Ltd. final
Bros. final
Dept. final
Jr. final
Sr. final
Ph.D. final
etc. final
Jan. final
Feb. final
Mar. final
Apr. final
Jun. final
Jul. final
Aug. final
Sept. final
Sep. final
Oct. final
Nov. final
Dec. final
a.m. final
p.m. final
No. number
no. number
Nos. number
Vol. number
)";

constexpr std::string_view kStarters = R"(
A According After Also Although An And As At Because Before Both But By
Despite During Each Earlier For From He Her His However I If In It Its Last
Later Meanwhile Moreover My Next Now On Our She Since So Some That The Their
Then There These They This Those Though Today We What When Where Which While
Who Why With Yesterday Yet You
)";

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_newline(unsigned char c) { return c == '\n' || c == '\r'; }

// ---- validation ----------------------------------------------------------

constexpr uint64_t kHigh = 0x8080808080808080ULL;
constexpr uint64_t kOnes = 0x0101010101010101ULL;

uint64_t load8(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    return x;
}

[[noreturn]] void invalid(size_t at, const char* why) {
    throw TextError("invalid UTF-8 at byte " + std::to_string(at) + " (" + why + ")");
}

// Checks that s is well-formed UTF-8 (no overlongs, surrogates or code
// points past U+10FFFF) without NUL bytes. Returns whether it is all ASCII.
bool validate(std::string_view s) {
    const char* d = s.data();
    size_t n = s.size(), i = 0;
    bool ascii = true;
    while (i < n) {
        // Eight ASCII bytes at a time, none of them NUL.
        if (i + 8 <= n) {
            uint64_t x = load8(d + i);
            if (((x | ((x - kOnes) & ~x)) & kHigh) == 0) {
                i += 8;
                continue;
            }
        }
        unsigned char c = static_cast<unsigned char>(d[i]);
        if (c < 0x80) {
            if (c == 0) throw TextError("binary content: NUL byte at offset " + std::to_string(i));
            ++i;
            continue;
        }
        ascii = false;
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else if (c >= 0x80 && c <= 0xBF) {
            invalid(i, "unexpected continuation byte");
        } else if (c == 0xC0 || c == 0xC1) {
            invalid(i, "overlong encoding");
        } else {
            invalid(i, "byte that never appears in UTF-8");
        }
        for (size_t k = 1; k < len; ++k) {
            if (i + k >= n) invalid(i, "truncated sequence at end of text");
            unsigned char cc = static_cast<unsigned char>(d[i + k]);
            if ((cc & 0xC0) != 0x80) invalid(i, "truncated sequence");
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min) invalid(i, "overlong encoding");
        if (cp >= 0xD800 && cp <= 0xDFFF) invalid(i, "surrogate code point");
        if (cp > 0x10FFFF) invalid(i, "code point above U+10FFFF");
        i += len;
    }
    return ascii;
}

// ---- folding -------------------------------------------------------------

// The replacement of a code point in the analysis form: nullptr to keep it,
// "" to remove it.
const char* fold(UChar32 c) {
    switch (c) {
        case 0x00A0: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
        case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
        case 0x200A: case 0x202F: case 0x205F: case 0x3000:
            return " ";
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
        case 0x02BC:
            return "'";
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
            return "\"";
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
        case 0x2212:
            return "-";
        case 0x0085: case 0x2028: case 0x2029:
            return "\n";
        case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
            return "";
        default:
            return nullptr;
    }
}

// Lead bytes of every folded code point: U+0085..U+00BB (C2), U+02BC (CA),
// U+1680 (E1), U+20xx (E2), U+3000 (E3), U+FEFF (EF).
bool fold_lead(unsigned char c) { return c == 0xC2 || c == 0xCA || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF; }

// Copies src into out with the foldings applied, recording every change.
void fold_into(std::string_view src, std::string& out, icu::Edits& edits) {
    out.reserve(src.size());
    size_t i = 0, run = 0, n = src.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(src[i]);
        if (c < 0x80 || !fold_lead(c)) {
            i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            continue;
        }
        int32_t at = static_cast<int32_t>(i);
        UChar32 cp;
        U8_NEXT_UNSAFE(src.data(), at, cp);
        const char* rep = fold(cp);
        if (!rep) {
            i = static_cast<size_t>(at);
            continue;
        }
        if (i > run) {
            out.append(src.data() + run, i - run);
            edits.addUnchanged(static_cast<int32_t>(i - run));
        }
        size_t rlen = std::strlen(rep);
        out.append(rep, rlen);
        edits.addReplace(at - static_cast<int32_t>(i), static_cast<int32_t>(rlen));
        i = run = static_cast<size_t>(at);
    }
    if (n > run) {
        out.append(src.data() + run, n - run);
        edits.addUnchanged(static_cast<int32_t>(n - run));
    }
}

bool needs_fold(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80 && fold_lead(c)) {
            int32_t at = static_cast<int32_t>(i);
            UChar32 cp;
            U8_NEXT_UNSAFE(s.data(), at, cp);
            if (fold(cp)) return true;
            i = static_cast<size_t>(at) - 1;
        }
    }
    return false;
}

const icu::Normalizer2& nfc() {
    static const icu::Normalizer2* n = [] {
        UErrorCode st = U_ZERO_ERROR;
        const icu::Normalizer2* p = icu::Normalizer2::getNFCInstance(st);
        if (U_FAILURE(st)) throw std::runtime_error(std::string("ICU NFC data: ") + u_errorName(st));
        return p;
    }();
    return *n;
}

std::string_view trim_comment(std::string_view line) {
    if (auto h = line.find('#'); h != std::string_view::npos) line = line.substr(0, h);
    while (!line.empty() && is_space(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    while (!line.empty() && is_space(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    return line;
}

// Calls f(word, line_number) for every white-space separated word of a list.
template <class F>
void for_each_line(std::string_view text, F f) {
    int number = 0;
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        ++number;
        line = trim_comment(line);
        if (!line.empty()) f(line, number);
    }
}

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_space(static_cast<unsigned char>(line[i]))) ++i;
        size_t b = i;
        while (i < line.size() && !is_space(static_cast<unsigned char>(line[i]))) ++i;
        if (i > b) out.push_back(line.substr(b, i - b));
    }
    return out;
}

bool upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// "F.", "J.K.", "D.C.": single capital letters each followed by a period.
bool initials(std::string_view t) {
    if (t.size() < 2 || t.size() % 2) return false;
    for (size_t i = 0; i < t.size(); i += 2)
        if (!upper_ascii(t[i]) || t[i + 1] != '.') return false;
    return true;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw TextError(p.string() + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

// ---- Segmenter -------------------------------------------------------------

Segmenter::Segmenter() : Segmenter(kAbbreviations, kStarters, "built-in abbreviations") {}

Segmenter::Segmenter(std::string_view abbreviations, std::string_view starters, std::string_view name) {
    std::string where(name);
    for_each_line(abbreviations, [&](std::string_view line, int number) {
        auto w = words(line);
        // The built-in list packs several title abbreviations on a line.
        bool all_abbrevs = std::all_of(w.begin(), w.end(), [](std::string_view x) { return x.back() == '.'; });
        if (all_abbrevs) {
            for (auto x : w) abbrevs_[std::string(x)] = Kind::title;
            return;
        }
        auto bad = [&](const std::string& why) {
            throw TextError(where + ":" + std::to_string(number) + ": " + why);
        };
        if (w.size() != 2) bad("expected ABBREVIATION [title|final|number], got \"" + std::string(line) + "\"");
        if (w[0].back() != '.') bad("an abbreviation ends with '.': \"" + std::string(w[0]) + "\"");
        Kind k;
        if (w[1] == "title")
            k = Kind::title;
        else if (w[1] == "final")
            k = Kind::final;
        else if (w[1] == "number")
            k = Kind::number;
        else
            bad("unknown kind \"" + std::string(w[1]) + "\" (title, final or number)");
        abbrevs_[std::string(w[0])] = k;
    });
    for_each_line(starters, [&](std::string_view line, int) {
        for (auto x : words(line)) starters_.insert(std::string(x));
    });
}

Segmenter Segmenter::load(const std::filesystem::path& dir) {
    std::error_code ec;
    auto abbr = dir / "abbreviations.txt", st = dir / "sentence_starters.txt";
    bool has_abbr = std::filesystem::exists(abbr, ec), has_st = std::filesystem::exists(st, ec);
    if (!has_abbr && !has_st) return builtin();
    std::string a = has_abbr ? read_file(abbr) : std::string(kAbbreviations);
    std::string s = has_st ? read_file(st) : std::string(kStarters);
    return Segmenter(a, s, has_abbr ? abbr.string() : "built-in abbreviations");
}

const Segmenter& Segmenter::builtin() {
    static const Segmenter s;
    return s;
}

bool Segmenter::suppress(std::string_view token, std::string_view next) const {
    // Strip opening punctuation from the token: "(U.S." → "U.S.".
    while (!token.empty() && (token.front() == '(' || token.front() == '[' || token.front() == '"' ||
                              token.front() == '\''))
        token.remove_prefix(1);
    if (token.size() < 2 || token.back() != '.') return false;
    Kind k;
    if (auto it = abbrevs_.find(token); it != abbrevs_.end())
        k = it->second;
    else if (initials(token))
        k = Kind::final;
    else
        return false;
    switch (k) {
        case Kind::title:
            return true;
        case Kind::number:
            return !next.empty() && next.front() >= '0' && next.front() <= '9';
        case Kind::final: {
            // The first word of what follows, without opening quotes; a word
            // followed by '.' is an initial ("J. A. Smith"), not a starter.
            size_t i = 0;
            while (i < next.size() && (next[i] == '"' || next[i] == '\'' || next[i] == '(')) ++i;
            size_t b = i;
            while (i < next.size() && ((next[i] >= 'A' && next[i] <= 'Z') || (next[i] >= 'a' && next[i] <= 'z'))) ++i;
            if (i == b || (i < next.size() && next[i] == '.')) return true;
            return !starters_.contains(next.substr(b, i - b));
        }
    }
    return false;
}

// ---- Text ----------------------------------------------------------------

uint32_t count_codepoints(std::string_view s) {
    // Code points = bytes - continuation bytes (10xxxxxx), eight at a time.
    size_t n = s.size(), i = 0, cont = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x = load8(s.data() + i);
        // One bit per byte (bit 7): a multiply sums the eight bytes into the
        // top one (std::popcount is a library call without -mpopcnt).
        uint64_t marks = (x & ~(x << 1) & kHigh) >> 7;
        cont += static_cast<size_t>((marks * 0x0101010101010101ULL) >> 56);
    }
    for (; i < n; ++i) cont += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
    return static_cast<uint32_t>(n - cont);
}

Text Text::prepare(std::string original) { return prepare(std::move(original), Segmenter::builtin()); }

Text Text::prepare(std::string original, const Segmenter& segmenter) {
    if (original.size() >= 0xFFFFFFFFu) throw TextError("text is larger than 4 GiB");
    Text t;
    t.original_ = std::move(original);
    const std::string& o = t.original_;
    t.ascii_ = validate(o);
    if (t.ascii_) {
        t.cp_count_ = static_cast<uint32_t>(o.size());
    } else {
        // Code point offsets of the original, one checkpoint per 64 bytes
        // (every mention's start and end are looked up: short counts).
        t.cp_blocks_.reserve(o.size() / kCpBlock + 1);
        uint32_t cps = 0;
        for (size_t b = 0; b < o.size(); b += kCpBlock) {
            t.cp_blocks_.push_back(cps);
            cps += count_codepoints(std::string_view(o).substr(b, kCpBlock));
        }
        t.cp_count_ = cps;

        UErrorCode st = U_ZERO_ERROR;
        bool normal = nfc().isNormalizedUTF8(o, st);
        if (U_FAILURE(st)) throw TextError(std::string("ICU normalisation failed: ") + u_errorName(st));
        if (!normal || needs_fold(o)) {
            icu::Edits edits;
            if (normal) {
                fold_into(o, t.analysis_, edits);
            } else {
                std::string n;
                icu::Edits nfc_edits, fold_edits;
                icu::StringByteSink<std::string> sink(&n, static_cast<int32_t>(o.size()));
                nfc().normalizeUTF8(0, o, sink, &nfc_edits, st);
                fold_into(n, t.analysis_, fold_edits);
                if (U_SUCCESS(st)) edits.mergeAndAppend(nfc_edits, fold_edits, st);
            }
            if (U_FAILURE(st)) throw TextError(std::string("ICU normalisation failed: ") + u_errorName(st));
            if (t.analysis_.size() >= 0xFFFFFFFFu) throw TextError("text is larger than 4 GiB");
            t.same_ = false;
            auto it = edits.getFineChangesIterator();
            while (it.next(st)) {
                auto a = static_cast<uint32_t>(it.destinationIndex());
                auto b = static_cast<uint32_t>(it.sourceIndex());
                t.changes_.push_back({a, a + static_cast<uint32_t>(it.newLength()), b,
                                      b + static_cast<uint32_t>(it.oldLength())});
            }
        }
    }
    t.segment(segmenter);
    return t;
}

void Text::segment(const Segmenter& segmenter) {
    const std::string& a = analysis();
    const uint32_t n = static_cast<uint32_t>(a.size());

    // Paragraphs: trimmed non-empty lines.
    for (uint32_t i = 0; i < n;) {
        uint32_t e = i;
        while (e < n && !is_newline(static_cast<unsigned char>(a[e]))) {
            const void* p = std::memchr(a.data() + e, '\n', n - e);
            uint32_t lf = p ? static_cast<uint32_t>(static_cast<const char*>(p) - a.data()) : n;
            const void* q = std::memchr(a.data() + e, '\r', lf - e);
            e = q ? static_cast<uint32_t>(static_cast<const char*>(q) - a.data()) : lf;
        }
        uint32_t b = i, f = e;
        while (b < f && is_space(static_cast<unsigned char>(a[b]))) ++b;
        while (f > b && is_space(static_cast<unsigned char>(a[f - 1]))) --f;
        if (f > b) paragraphs_.push_back({b, f});
        i = e + 1;
    }
    if (paragraphs_.empty()) return;

    // Sentences: the boundaries of ICU's rules (breaks.h: it breaks after
    // every newline, so no sentence spans two paragraphs), then the
    // Segmenter drops breaks after abbreviations.
    thread_local std::vector<uint32_t> breaks;  // reused by the thread
    sentence_breaks(a, breaks);
    // A trimmed sentence; one longer than kMaxSentenceBytes (a table or a
    // list with no end of sentence in sight) is cut into pieces at the last
    // space before the limit (at a code point boundary when there is none),
    // so that the per-sentence work of the later stages stays bounded.
    auto push_sentence = [&](uint32_t b, uint32_t e) {
        while (e - b > kMaxSentenceBytes) {
            uint32_t cut = b + kMaxSentenceBytes;
            while (cut > b && !is_space(static_cast<unsigned char>(a[cut]))) --cut;
            if (cut == b) {
                cut = b + kMaxSentenceBytes;
                while ((static_cast<unsigned char>(a[cut]) & 0xC0) == 0x80) --cut;
            }
            uint32_t f = cut;
            while (f > b && is_space(static_cast<unsigned char>(a[f - 1]))) --f;
            sentences_.push_back({b, f});
            b = cut;
            while (b < e && is_space(static_cast<unsigned char>(a[b]))) ++b;
        }
        if (e > b) sentences_.push_back({b, e});
    };
    auto emit = [&](uint32_t b, uint32_t e) {
        while (b < e && is_space(static_cast<unsigned char>(a[b]))) ++b;
        while (e > b && is_space(static_cast<unsigned char>(a[e - 1]))) --e;
        if (e == b) return;
        // A newline inside (never expected from ICU) still ends the sentence.
        auto newline_in = [&](uint32_t from) {
            const void* lf = std::memchr(a.data() + from, '\n', e - from);
            uint32_t x = lf ? static_cast<uint32_t>(static_cast<const char*>(lf) - a.data()) : e;
            const void* cr = std::memchr(a.data() + from, '\r', x - from);
            return cr ? static_cast<uint32_t>(static_cast<const char*>(cr) - a.data()) : x;
        };
        for (uint32_t i = newline_in(b); i < e; i = newline_in(b)) {
            uint32_t f = i;
            while (f > b && is_space(static_cast<unsigned char>(a[f - 1]))) --f;
            if (f > b) push_sentence(b, f);
            b = i + 1;
            while (b < e && is_space(static_cast<unsigned char>(a[b]))) ++b;
        }
        if (e > b) push_sentence(b, e);
    };
    uint32_t start = 0;
    for (uint32_t brk : breaks) {
        if (brk >= n) break;
        // The word before the break, back over the white space ICU leaves
        // on the sentence; a newline there is a paragraph end: keep it.
        uint32_t q = brk;
        bool newline = false;
        while (q > start && is_space(static_cast<unsigned char>(a[q - 1]))) newline |= is_newline(a[--q]);
        if (!newline && q > start && a[q - 1] == '.') {
            uint32_t w = q;
            while (w > start && !is_space(static_cast<unsigned char>(a[w - 1]))) --w;
            std::string_view next(a.data() + brk, std::min<uint32_t>(n - brk, 64));
            if (segmenter.suppress(std::string_view(a.data() + w, q - w), next)) continue;
        }
        emit(start, brk);
        start = brk;
    }
    emit(start, n);
    if (breaks.capacity() > (1u << 16)) breaks = {};
}

uint32_t Text::original_byte(uint32_t b) const {
    const std::string& a = analysis();
    if (b > a.size()) throw std::out_of_range("analysis offset " + std::to_string(b) + " past the end of the text");
    // Inside a multi-byte code point: its start.
    while (b > 0 && b < a.size() && (static_cast<unsigned char>(a[b]) & 0xC0) == 0x80) --b;
    if (same_) return b;
    // The last change that starts at or before b; empty changes (removals)
    // sort before a change that starts at the same place.
    auto it = std::upper_bound(changes_.begin(), changes_.end(), b,
                               [](uint32_t x, const Change& c) { return x < c.a_begin; });
    if (it == changes_.begin()) return b;
    const Change& c = *--it;
    if (b < c.a_end || (b == c.a_begin && c.a_end > c.a_begin)) return c.o_begin;
    return c.o_end + (b - c.a_end);
}

uint32_t Text::codepoint_of_original(uint32_t o) const {
    if (ascii_) return o;
    if (o >= original_.size()) return cp_count_;
    uint32_t k = o / kCpBlock;
    return cp_blocks_[k] + count_codepoints(std::string_view(original_).substr(size_t(k) * kCpBlock, o - k * kCpBlock));
}

uint32_t Text::codepoint(uint32_t b) const { return codepoint_of_original(original_byte(b)); }

std::string_view Text::original_slice(Span s) const {
    uint32_t b = original_byte(s.begin), e = original_byte(s.end);
    if (e < b) e = b;
    return std::string_view(original_).substr(b, e - b);
}

Text::Located Text::locate(Span s) const {
    uint32_t b = original_byte(s.begin), e = original_byte(s.end);
    if (e < b) e = b;
    return {std::string_view(original_).substr(b, e - b), codepoint_of_original(b)};
}

// The last span that begins at or before b (0 when none does). (A binary search by halving,
// each step a conditional move, not a branch: the claims stage asks it for scattered offsets,
// and std::upper_bound's branches were mispredicted half the time.)
static size_t index_in(const std::vector<Span>& v, uint32_t b) {
    if (v.empty()) return 0;
    const Span* base = v.data();
    for (size_t n = v.size(); n > 1;) {
        const size_t half = n / 2;
        base = base[half].begin <= b ? base + half : base;
        n -= half;
    }
    return static_cast<size_t>(base - v.data());
}
size_t Text::sentence_index(uint32_t b) const { return index_in(sentences_, b); }
size_t Text::paragraph_index(uint32_t b) const { return index_in(paragraphs_, b); }

}  // namespace claimex::text
