// Sentence boundaries (UAX #29) by a short reading of each line, with ICU's
// iterator for the lines the reading leaves open. See breaks.h.
#include "extractor/text/breaks.h"
#include "extractor/text/text.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <memory>
#include <string>

namespace claimex::text {

namespace {

// The Sentence_Break classes the short reading tells apart; kOpen is every
// class it leaves to ICU (Extend, Format, Sep other than CR and LF).
enum Sb : uint8_t { kOther, kSp, kClose, kATerm, kSTerm, kSContinue, kUpper, kLower, kNumeric, kOLetter, kNewline, kOpen };

Sb class_of(UChar32 c) {
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
        case U_SB_OTHER: return kOther;
        case U_SB_SP: return kSp;
        case U_SB_CLOSE: return kClose;
        case U_SB_ATERM: return kATerm;
        case U_SB_STERM: return kSTerm;
        case U_SB_SCONTINUE: return kSContinue;
        case U_SB_UPPER: return kUpper;
        case U_SB_LOWER: return kLower;
        case U_SB_NUMERIC: return kNumeric;
        case U_SB_OLETTER: return kOLetter;
        case U_SB_CR:
        case U_SB_LF: return kNewline;
        default: return kOpen;
    }
}

// ICU's classes of the ASCII characters, read once.
const std::array<Sb, 128>& ascii_classes() {
    static const std::array<Sb, 128> table = [] {
        std::array<Sb, 128> t{};
        for (int c = 0; c < 128; ++c) t[static_cast<size_t>(c)] = class_of(c);
        return t;
    }();
    return table;
}

// The bytes the reading of a line stops at: terminators, what it leaves to
// ICU, and every byte of a non-ASCII character (the rest are skipped).
const std::array<bool, 256>& stop_bytes() {
    static const std::array<bool, 256> table = [] {
        std::array<bool, 256> t{};
        const std::array<Sb, 128>& cls = ascii_classes();
        for (int c = 0; c < 256; ++c) {
            Sb k = c < 128 ? cls[static_cast<size_t>(c)] : kOpen;
            t[static_cast<size_t>(c)] = k == kATerm || k == kSTerm || k == kOpen || k == kNewline;
        }
        return t;
    }();
    return table;
}

// One sentence BreakIterator per thread, created once: creating one costs far
// more than preparing a short document. Plain "en" rules: ICU's own
// suppression list (en@ss=standard) matches abbreviations as suffixes of
// longer words and holds entries such as "O." and "Joe.", so it merges
// "... filed for an IPO. The shares rose." into one sentence; the Segmenter
// decides on whole words instead.

icu::BreakIterator& sentence_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> bi = [] {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> p(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), st));
        if (U_FAILURE(st) || !p) throw TextError(std::string("ICU sentence iterator: ") + u_errorName(st));
        return p;
    }();
    return *bi;
}

// ICU's boundaries in s[b, e), shifted by b, those before `limit` only.
void icu_breaks(std::string_view s, uint32_t b, uint32_t e, uint32_t limit, std::vector<uint32_t>& out) {
    // ICU iterates UTF-16 fastest (UTF-8 goes through small converted
    // chunks): one UTF-16 copy, with the UTF-8 offset of each unit. The
    // buffers are reused by the thread (released after a huge text).
    thread_local std::vector<UChar> u16;
    thread_local std::vector<uint32_t> byte_of;  // UTF-16 unit → UTF-8 offset
    const uint32_t n = e - b;
    u16.resize(n);  // never more units than bytes
    byte_of.resize(n + 1);
    size_t units = 0;
    {
        const char* a = s.data() + b;
        UChar* w = u16.data();
        uint32_t* at = byte_of.data();
        for (uint32_t i = 0; i < n;) {
            auto byte = static_cast<unsigned char>(a[i]);
            if (byte < 0x80) {
                w[units] = byte;
                at[units++] = i++;
                continue;
            }
            uint32_t from = i;
            UChar32 c;
            U8_NEXT_UNSAFE(a, i, c);  // the text was validated
            if (c <= 0xFFFF) {
                w[units] = static_cast<UChar>(c);
                at[units++] = from;
            } else {
                w[units] = U16_LEAD(c);
                at[units++] = from;
                w[units] = U16_TRAIL(c);
                at[units++] = from;
            }
        }
        at[units] = n;
    }
    icu::BreakIterator& bi = sentence_iterator();
    UErrorCode st = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUChars(&ut, u16.data(), static_cast<int64_t>(units), &st);
    bi.setText(&ut, st);
    if (U_FAILURE(st)) {
        utext_close(&ut);
        throw TextError(std::string("ICU sentence iterator: ") + u_errorName(st));
    }
    for (int32_t p = bi.next(); p != icu::BreakIterator::DONE; p = bi.next()) {
        uint32_t brk = b + (static_cast<size_t>(p) < units ? byte_of[static_cast<size_t>(p)] : n);
        if (brk >= limit) break;
        out.push_back(brk);
    }
    utext_close(&ut);
    // Leave no pointer into this text behind in the thread's iterator.
    UText empty = UTEXT_INITIALIZER;
    utext_openUTF8(&empty, "", 0, &st);
    bi.setText(&empty, st);
    utext_close(&empty);
    if (u16.capacity() > (1u << 20)) {
        u16 = {};
        byte_of = {};
    }
}

// The boundaries inside the line s[b, e) (e: its CR or LF, or the end of the
// text), by the rules SB6-SB11 at each run of terminators; false (and
// nothing added) when the line needs ICU.
bool read_line(std::string_view s, uint32_t b, uint32_t e, std::vector<uint32_t>& out) {
    const std::array<Sb, 128>& cls = ascii_classes();
    const size_t mark = out.size();
    auto open = [&] {
        out.resize(mark);
        return false;
    };
    // The class of the ASCII byte at p; kOpen for a non-ASCII one.
    auto at = [&](uint32_t p) {
        auto c = static_cast<unsigned char>(s[p]);
        return c < 0x80 ? cls[c] : kOpen;
    };
    const std::array<bool, 256>& stop = stop_bytes();
    uint32_t i = b;
    while (i < e) {
        auto c = static_cast<unsigned char>(s[i]);
        if (!stop[c]) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            // Letters, digits and symbols away from terminators decide nothing.
            UChar32 cp;
            uint32_t k = i;
            U8_NEXT_UNSAFE(s.data(), k, cp);
            Sb ck = class_of(cp);
            if (ck != kOther && ck != kUpper && ck != kLower && ck != kOLetter && ck != kNumeric) return open();
            i = k;
            continue;
        }
        Sb ck = cls[c];
        if (ck == kOpen || ck == kNewline) return open();
        if (ck != kATerm && ck != kSTerm) {
            ++i;
            continue;
        }
        // A run: SATerm+ Close* Sp* (SB8a, SB9, SB10: no boundary inside).
        const uint32_t t = i;
        uint32_t p = i;
        while (p < e && (at(p) == kATerm || at(p) == kSTerm)) ++p;
        const uint32_t terms_end = p;
        const bool last_aterm = at(terms_end - 1) == kATerm;
        while (p < e && at(p) == kClose) ++p;
        const uint32_t closes_end = p;
        while (p < e && at(p) == kSp) ++p;
        // At the end of the line the run goes with it (SB9, SB10; SB4/SB11
        // then break after the separator, which the caller adds).
        if (p == e) break;
        const Sb x = at(p);
        if (x == kOpen) return open();
        const bool bare = p == terms_end;  // nothing between the terminators and x
        bool keep = false;                 // no boundary before x
        if (x == kSContinue || x == kATerm || x == kSTerm) {
            keep = true;  // SB8a
        } else if (bare && last_aterm && x == kNumeric) {
            keep = true;  // SB6: "3.5"
        } else if (bare && last_aterm && x == kUpper && terms_end - t == 1 && t > b &&
                   (at(t - 1) == kUpper || at(t - 1) == kLower)) {
            keep = true;  // SB7: "U.S"
        } else if (t > b && at(t - 1) == kOpen && bare && last_aterm && x == kUpper && terms_end - t == 1) {
            return open();  // SB7 with a non-ASCII letter before: ICU's to say
        } else if (last_aterm) {
            // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
            uint32_t q = p;
            for (; q < e; ++q) {
                Sb y = at(q);
                if (y == kOpen) return open();
                if (y == kOLetter || y == kUpper || y == kLower || y == kATerm || y == kSTerm) break;
            }
            keep = q < e && at(q) == kLower;
        }
        (void)closes_end;
        if (!keep) out.push_back(p);  // SB11
        i = p;
    }
    return true;
}

}  // namespace

void sentence_breaks(std::string_view s, std::vector<uint32_t>& out, bool icu_only) {
    out.clear();
    const auto n = static_cast<uint32_t>(s.size());
    if (icu_only) {
        icu_breaks(s, 0, n, n, out);
        return;
    }
    // Line by line: a hard boundary follows every CR, LF and CR LF (SB3, SB4).
    for (uint32_t b = 0; b < n;) {
        uint32_t e = b;
        {
            const void* lf = std::memchr(s.data() + b, '\n', n - b);
            uint32_t x = lf ? static_cast<uint32_t>(static_cast<const char*>(lf) - s.data()) : n;
            const void* cr = std::memchr(s.data() + b, '\r', x - b);
            e = cr ? static_cast<uint32_t>(static_cast<const char*>(cr) - s.data()) : x;
        }
        uint32_t next = e;
        if (e < n) next = (s[e] == '\r' && e + 1 < n && s[e + 1] == '\n') ? e + 2 : e + 1;
        if (!read_line(s, b, e, out)) icu_breaks(s, b, next, n, out);
        else if (next < n) out.push_back(next);
        b = next;
    }
}

}  // namespace claimex::text
