// Start conditions of a pattern: which bytes a match can begin with, given
// the byte before it, and which bytes can come second. The matcher uses them
// to try a rule only where one of its matches can start (see rules.cc).
//
// This reads RE2 syntax (the subset RE2 accepts, after macro expansion) and
// over-approximates: whatever it is unsure of widens the sets, and anything
// it cannot read makes the rule opaque (`ok == false`), so such a rule is
// matched the plain way. It never has to be exact, only never too narrow.
#include "extractor/rules/internal.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace claimex::rules {

namespace {

using Bytes = std::bitset<256>;

constexpr size_t kPrefix = kStartPrefix;  // bytes of prefix kept
constexpr size_t kPrefixCap = 512;        // strings kept per sub-pattern

// Context classes: the byte before a position (BOT: none, start of text;
// W: an ASCII word byte; N: any other byte) and the byte at it (W, N, EOT).
enum { kBot = 0, kW = 1, kN = 2 };
enum { kNextW = 0, kNextN = 1, kEot = 2 };

inline bool word_byte(unsigned c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// What a sub-pattern can do at its start. `empty` is the set of
// (before, after) context pairs in which it can match the empty string:
// bit before*3 + after.
// The first kPrefix bytes of the matches, as strings of byte sets:
// `whole` holds entire matches shorter than kPrefix, `cut` the beginnings
// of longer ones (kPrefix bytes, or fewer where the set grew too big and was
// cut shorter). Empty-width assertions are ignored here (they only narrow).
using Cls = std::array<uint64_t, 4>;
using Str = std::vector<Cls>;
struct Pref {
    std::vector<Str> whole, cut;
};

Cls cls_of(const Bytes& b) {
    Cls c{};
    for (unsigned i = 0; i < 256; ++i)
        if (b.test(i)) c[i / 64] |= uint64_t{1} << (i % 64);
    return c;
}

void tidy(std::vector<Str>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Keeps a prefix set small: first shorter strings, at last one string per
// length with the byte sets of all strings joined (always a superset).
void shrink(Pref& p) {
    tidy(p.whole);
    tidy(p.cut);
    size_t len = kPrefix;
    while (p.whole.size() + p.cut.size() > kPrefixCap && len > 1) {
        --len;
        std::vector<Str> whole;
        for (auto& w : p.whole) {
            if (w.size() <= len) {
                whole.push_back(std::move(w));
            } else {
                w.resize(len);
                p.cut.push_back(std::move(w));
            }
        }
        p.whole = std::move(whole);
        for (auto& c : p.cut)
            if (c.size() > len) c.resize(len);
        tidy(p.whole);
        tidy(p.cut);
    }
    if (p.whole.size() + p.cut.size() > kPrefixCap) {
        auto join = [](const std::vector<Str>& v) {
            std::map<size_t, Str> by_len;
            for (const auto& x : v) {
                Str& j = by_len[x.size()];
                if (j.empty()) j.assign(x.size(), Cls{});
                for (size_t i = 0; i < x.size(); ++i)
                    for (int k = 0; k < 4; ++k) j[i][k] |= x[i][k];
            }
            std::vector<Str> out;
            for (auto& [l, x] : by_len) out.push_back(std::move(x));
            return out;
        };
        p.whole = join(p.whole);
        p.cut = join(p.cut);
    }
}

Pref pref_concat(const Pref& a, const Pref& b) {
    Pref r;
    r.cut = a.cut;
    for (const auto& x : a.whole) {
        for (const auto& y : b.whole) {
            Str s = x;
            s.insert(s.end(), y.begin(), y.end());
            if (s.size() >= kPrefix) {
                s.resize(kPrefix);
                r.cut.push_back(std::move(s));
            } else {
                r.whole.push_back(std::move(s));
            }
        }
        for (const auto& y : b.cut) {
            Str s = x;
            s.insert(s.end(), y.begin(), y.end());
            if (s.size() > kPrefix) s.resize(kPrefix);
            r.cut.push_back(std::move(s));
        }
    }
    shrink(r);
    return r;
}

Pref pref_alternate(const Pref& a, const Pref& b) {
    Pref r = a;
    r.whole.insert(r.whole.end(), b.whole.begin(), b.whole.end());
    r.cut.insert(r.cut.end(), b.cut.begin(), b.cut.end());
    shrink(r);
    return r;
}

Pref pref_empty() {
    Pref p;
    p.whole.push_back({});
    return p;
}

struct Info {
    Bytes first[3];   // first byte of a non-empty match, by class of the byte before
    Bytes second;     // second byte of a match of two or more bytes
    bool one = false; // can match exactly one byte
    uint16_t empty = 0;
    Pref pref;
};

constexpr uint16_t kAllEmpty = 0x1ff;

uint16_t empty_if(bool (*pred)(int before, int after)) {
    uint16_t m = 0;
    for (int b = 0; b < 3; ++b)
        for (int a = 0; a < 3; ++a)
            if (pred(b, a)) m |= uint16_t(1u << (b * 3 + a));
    return m;
}

Bytes continuation() {
    Bytes s;
    for (unsigned c = 0x80; c < 0xc0; ++c) s.set(c);
    return s;
}

Bytes lead_bytes() {
    Bytes s;
    for (unsigned c = 0xc2; c < 0xf5; ++c) s.set(c);
    return s;
}

// A set of characters: the ASCII ones exactly, the others by UTF-8 lead byte.
struct CharSet {
    std::bitset<128> ascii;
    Bytes leads;
    void add(uint32_t c) {
        if (c < 0x80) {
            ascii.set(c);
        } else {
            leads.set(lead_of(c));
        }
    }
    void add_range(uint32_t lo, uint32_t hi) {
        if (lo > hi) return;
        for (uint32_t c = lo; c <= hi && c < 0x80; ++c) ascii.set(c);
        if (hi >= 0x80) {
            uint32_t l = std::max<uint32_t>(lo, 0x80);
            for (unsigned b = lead_of(l); b <= lead_of(hi); ++b) leads.set(b);
        }
    }
    void add_all_nonascii() { leads |= lead_bytes(); }
    void merge(const CharSet& o) {
        ascii |= o.ascii;
        leads |= o.leads;
    }
    void negate() {
        ascii.flip();
        leads = lead_bytes();  // the complement of anything has some non-ASCII chars: all leads
    }
    // Case-insensitive: ASCII letters both ways; k and s also fold to the
    // Kelvin sign and long s, and any non-ASCII letter may fold to others
    // (or to 'k'/'s').
    void fold() {
        for (unsigned c = 'a'; c <= 'z'; ++c)
            if (ascii.test(c) || ascii.test(c - 32)) ascii.set(c), ascii.set(c - 32);
        if (ascii.test('k') || ascii.test('s')) add_all_nonascii();
        if (leads.any()) {
            add_all_nonascii();
            for (char c : std::string("kKsS")) ascii.set(static_cast<unsigned char>(c));
        }
    }
    static unsigned lead_of(uint32_t c) {
        if (c < 0x800) return 0xc0 | (c >> 6);
        if (c < 0x10000) return 0xe0 | (c >> 12);
        return 0xf0 | (c >> 18);
    }
};

Info char_info(const CharSet& cs) {
    Info in;
    // Whole characters: one ASCII byte, or a lead byte and its continuations.
    Bytes ascii;
    for (unsigned c = 0; c < 128; ++c)
        if (cs.ascii.test(c)) ascii.set(c);
    if (ascii.any()) in.pref.whole.push_back({cls_of(ascii)});
    Cls cont = cls_of(continuation());
    for (auto [lo, hi, n] : {std::tuple{0xc2u, 0xdfu, 2}, std::tuple{0xe0u, 0xefu, 3}, std::tuple{0xf0u, 0xf4u, 4}}) {
        Bytes lead;
        for (unsigned b = lo; b <= hi; ++b)
            if (cs.leads.test(b)) lead.set(b);
        if (lead.none()) continue;
        Str s{cls_of(lead)};
        s.resize(static_cast<size_t>(n), cont);
        if (s.size() >= kPrefix) {
            s.resize(kPrefix);
            in.pref.cut.push_back(std::move(s));
        } else {
            in.pref.whole.push_back(std::move(s));
        }
    }
    Bytes f;
    for (unsigned c = 0; c < 128; ++c)
        if (cs.ascii.test(c)) f.set(c);
    f |= cs.leads;
    for (auto& x : in.first) x = f;
    if (cs.leads.any()) in.second = continuation();
    in.one = cs.ascii.any();
    return in;
}

Info concat(const Info& a, const Info& b) {
    Info r;
    Bytes b_any = b.first[0] | b.first[1] | b.first[2];
    for (int ctx = 0; ctx < 3; ++ctx) {
        r.first[ctx] = a.first[ctx];
        bool to_w = a.empty & (1u << (ctx * 3 + kNextW));
        bool to_n = a.empty & (1u << (ctx * 3 + kNextN));
        if (to_w || to_n)
            for (unsigned c = 0; c < 256; ++c)
                if (b.first[ctx].test(c) && (word_byte(c) ? to_w : to_n)) r.first[ctx].set(c);
    }
    r.second = a.second;
    if (a.one) r.second |= b_any;
    if (a.empty) r.second |= b.second;
    r.one = (a.one && b.empty) || (a.empty && b.one);
    r.empty = a.empty & b.empty;
    r.pref = pref_concat(a.pref, b.pref);
    return r;
}

Info alternate(const Info& a, const Info& b) {
    Info r;
    for (int i = 0; i < 3; ++i) r.first[i] = a.first[i] | b.first[i];
    r.second = a.second | b.second;
    r.one = a.one || b.one;
    r.empty = a.empty | b.empty;
    r.pref = pref_alternate(a.pref, b.pref);
    return r;
}

Info repeat(const Info& x, int min, int max) {
    if (max == 0) {
        Info e;
        e.empty = kAllEmpty;
        e.pref = pref_empty();
        return e;
    }
    Info r = x;
    if (max != 1 && x.one) r.second |= x.first[0] | x.first[1] | x.first[2];
    if (min == 0) r.empty = kAllEmpty;
    // Prefixes of x{min,max}: past kPrefix + 1 copies nothing new shows in
    // the first kPrefix bytes (a copy that matches empty adds nothing).
    int lim = static_cast<int>(kPrefix) + 1;
    int lo = std::min(min, lim), hi = max < 0 || max > lim ? lim : max;
    Pref acc = pref_empty(), out;
    for (int i = 1; i <= hi; ++i) {
        acc = pref_concat(acc, x.pref);
        if (i >= lo) out = pref_alternate(out, acc);
    }
    if (lo == 0) out = pref_alternate(out, pref_empty());
    r.pref = std::move(out);
    return r;
}

// ICU tells which ASCII characters a \p{NAME} class holds; the rest of the
// class is taken as every non-ASCII character.
std::optional<CharSet> unicode_class(const std::string& name) {
    CharSet cs;
    cs.add_all_nonascii();
    if (name == "Any") {
        cs.ascii.set();
        return cs;
    }
    int32_t cat_mask = -1;
    static const std::pair<const char*, int32_t> kCats[] = {
        {"L", U_GC_L_MASK},   {"Lu", U_GC_LU_MASK}, {"Ll", U_GC_LL_MASK}, {"Lt", U_GC_LT_MASK},
        {"Lm", U_GC_LM_MASK}, {"Lo", U_GC_LO_MASK}, {"M", U_GC_M_MASK},   {"Mn", U_GC_MN_MASK},
        {"Mc", U_GC_MC_MASK}, {"Me", U_GC_ME_MASK}, {"N", U_GC_N_MASK},   {"Nd", U_GC_ND_MASK},
        {"Nl", U_GC_NL_MASK}, {"No", U_GC_NO_MASK}, {"P", U_GC_P_MASK},   {"Pc", U_GC_PC_MASK},
        {"Pd", U_GC_PD_MASK}, {"Ps", U_GC_PS_MASK}, {"Pe", U_GC_PE_MASK}, {"Pi", U_GC_PI_MASK},
        {"Pf", U_GC_PF_MASK}, {"Po", U_GC_PO_MASK}, {"S", U_GC_S_MASK},   {"Sm", U_GC_SM_MASK},
        {"Sc", U_GC_SC_MASK}, {"Sk", U_GC_SK_MASK}, {"So", U_GC_SO_MASK}, {"Z", U_GC_Z_MASK},
        {"Zs", U_GC_ZS_MASK}, {"Zl", U_GC_ZL_MASK}, {"Zp", U_GC_ZP_MASK}, {"C", U_GC_C_MASK},
        {"Cc", U_GC_CC_MASK}, {"Cf", U_GC_CF_MASK}, {"Co", U_GC_CO_MASK}, {"Cs", U_GC_CS_MASK},
    };
    for (const auto& [n, m] : kCats)
        if (name == n) cat_mask = m;
    if (cat_mask != -1) {
        for (UChar32 c = 0; c < 128; ++c)
            if (U_GET_GC_MASK(c) & cat_mask) cs.ascii.set(c);
        return cs;
    }
    UScriptCode code[4];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = uscript_getCode(name.c_str(), code, 4, &st);
    if (U_SUCCESS(st) && n == 1) {
        for (UChar32 c = 0; c < 128; ++c) {
            UErrorCode s2 = U_ZERO_ERROR;
            if (uscript_getScript(c, &s2) == code[0] && U_SUCCESS(s2)) cs.ascii.set(c);
        }
        return cs;
    }
    cs.ascii.set();  // unknown to us: every character
    return cs;
}

// RE2's [[:name:]] classes (ASCII only).
std::optional<CharSet> posix_class(const std::string& name) {
    CharSet cs;
    auto range = [&](unsigned lo, unsigned hi) { cs.add_range(lo, hi); };
    if (name == "alnum") range('0', '9'), range('A', 'Z'), range('a', 'z');
    else if (name == "alpha") range('A', 'Z'), range('a', 'z');
    else if (name == "ascii") range(0, 0x7f);
    else if (name == "blank") cs.add('\t'), cs.add(' ');
    else if (name == "cntrl") range(0, 0x1f), cs.add(0x7f);
    else if (name == "digit") range('0', '9');
    else if (name == "graph") range(0x21, 0x7e);
    else if (name == "lower") range('a', 'z');
    else if (name == "print") range(0x20, 0x7e);
    else if (name == "punct") range(0x21, 0x2f), range(0x3a, 0x40), range(0x5b, 0x60), range(0x7b, 0x7e);
    else if (name == "space") range('\t', '\r'), cs.add(' ');
    else if (name == "upper") range('A', 'Z');
    else if (name == "word") range('0', '9'), range('A', 'Z'), range('a', 'z'), cs.add('_');
    else if (name == "xdigit") range('0', '9'), range('A', 'F'), range('a', 'f');
    else return std::nullopt;
    return cs;
}

struct Flags {
    bool i = false, m = false, s = false;
};

class Parser {
public:
    explicit Parser(std::string_view p) : p_(p) {}

    std::optional<Info> run() {
        Flags f;
        auto r = alt(f);
        if (!r || i_ != p_.size()) return std::nullopt;
        return r;
    }

private:
    std::string_view p_;
    size_t i_ = 0;

    bool eof() const { return i_ >= p_.size(); }
    char peek() const { return p_[i_]; }

    // One UTF-8 code point of the pattern.
    std::optional<uint32_t> utf8() {
        unsigned char c = static_cast<unsigned char>(p_[i_]);
        int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        if (i_ + n > p_.size()) return std::nullopt;
        uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1f : n == 3 ? c & 0x0f : c & 0x07;
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(p_[i_ + k]) & 0x3f);
        i_ += n;
        return cp;
    }

    std::optional<Info> alt(Flags& f) {
        auto r = concat_seq(f);
        if (!r) return std::nullopt;
        while (!eof() && peek() == '|') {
            ++i_;
            auto b = concat_seq(f);
            if (!b) return std::nullopt;
            r = alternate(*r, *b);
        }
        return r;
    }

    std::optional<Info> concat_seq(Flags& f) {
        Info r;
        r.empty = kAllEmpty;
        r.pref = pref_empty();
        while (!eof() && peek() != '|' && peek() != ')') {
            auto a = atom(f);
            if (!a) return std::nullopt;
            if (a->skip) continue;  // a flag group: (?i)
            Info x = a->info;
            for (;;) {
                auto q = quantifier();
                if (!q) return std::nullopt;
                if (q->first < 0) break;
                x = repeat(x, q->first, q->second);
            }
            r = concat(r, x);
        }
        return r;
    }

    // {min, max}; max -1: unbounded; min -1: no quantifier here; nullopt: error.
    std::optional<std::pair<int, int>> quantifier() {
        if (eof()) return std::pair{-1, 0};
        char c = peek();
        std::pair<int, int> q{-1, 0};
        if (c == '*') q = {0, -1}, ++i_;
        else if (c == '+') q = {1, -1}, ++i_;
        else if (c == '?') q = {0, 1}, ++i_;
        else if (c == '{') {
            size_t j = i_ + 1;
            auto num = [&](int& out) {
                size_t s = j;
                long v = 0;
                while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j]))) v = v * 10 + (p_[j++] - '0');
                out = static_cast<int>(std::min(v, 100000L));
                return j > s;
            };
            int lo = 0, hi = 0;
            if (!num(lo)) return std::pair{-1, 0};  // a literal '{'
            if (j < p_.size() && p_[j] == '}') {
                hi = lo;
            } else if (j < p_.size() && p_[j] == ',') {
                ++j;
                if (j < p_.size() && p_[j] == '}') hi = -1;
                else if (!num(hi)) return std::pair{-1, 0};
            } else {
                return std::pair{-1, 0};
            }
            if (j >= p_.size() || p_[j] != '}') return std::pair{-1, 0};
            i_ = j + 1;
            q = {lo, hi};
        } else {
            return q;
        }
        if (!eof() && peek() == '?') ++i_;  // non-greedy: same sets
        return q;
    }

    struct Atom {
        Info info;
        bool skip = false;
    };

    static Atom of(Info in) { return Atom{in, false}; }
    static Atom of(const CharSet& cs) { return Atom{char_info(cs), false}; }

    static Info empty_with(uint16_t e) {
        Info in;
        in.empty = e;
        in.pref = pref_empty();
        return in;
    }

    std::optional<Atom> atom(Flags& f) {
        char c = peek();
        if (c == '(') return group(f);
        if (c == '[') {
            ++i_;
            auto cs = char_class(f);
            if (!cs) return std::nullopt;
            return of(*cs);
        }
        if (c == '.') {
            ++i_;
            CharSet cs;
            cs.add_range(0, 0x7f);
            if (!f.s) cs.ascii.reset('\n');
            cs.add_all_nonascii();
            return of(cs);
        }
        if (c == '^') {
            ++i_;
            if (f.m) return of(empty_with(empty_if([](int b, int) { return b == kBot || b == kN; })));
            return of(empty_with(empty_if([](int b, int) { return b == kBot; })));
        }
        if (c == '$') {
            ++i_;
            if (f.m) return of(empty_with(empty_if([](int, int a) { return a == kEot || a == kNextN; })));
            return of(empty_with(empty_if([](int, int a) { return a == kEot; })));
        }
        if (c == '\\') return escape(f);
        if (c == '*' || c == '+' || c == '?') return std::nullopt;
        auto cp = utf8();
        if (!cp) return std::nullopt;
        return of(literal(*cp, f));
    }

    static CharSet literal(uint32_t cp, const Flags& f) {
        CharSet cs;
        cs.add(cp);
        if (f.i) cs.fold();
        return cs;
    }

    std::optional<Atom> group(Flags& f) {
        ++i_;  // '('
        Flags inner = f;
        if (!eof() && peek() == '?') {
            ++i_;
            if (!eof() && (peek() == 'P' || peek() == '<')) {  // (?P<name>...) / (?<name>...)
                if (peek() == 'P') ++i_;
                if (eof() || peek() != '<') return std::nullopt;
                size_t close = p_.find('>', i_);
                if (close == std::string_view::npos) return std::nullopt;
                i_ = close + 1;
            } else {
                bool neg = false, any = false;
                for (;;) {
                    if (eof()) return std::nullopt;
                    char c = peek();
                    ++i_;
                    if (c == '-') {
                        if (neg) return std::nullopt;
                        neg = true;
                    } else if (c == 'i' || c == 'm' || c == 's' || c == 'U') {
                        any = true;
                        if (c == 'i') inner.i = !neg;
                        if (c == 'm') inner.m = !neg;
                        if (c == 's') inner.s = !neg;
                    } else if (c == ')') {  // (?flags): the rest of the group
                        if (!any && !neg) return std::nullopt;
                        f = inner;
                        Atom a;
                        a.skip = true;
                        return a;
                    } else if (c == ':') {
                        break;
                    } else {
                        return std::nullopt;
                    }
                }
            }
        }
        auto r = alt(inner);
        if (!r || eof() || peek() != ')') return std::nullopt;
        ++i_;
        return of(*r);
    }

    // A Perl class escape (\d \s \w and negations) as a set, or nullopt.
    static std::optional<CharSet> perl_class(char c) {
        CharSet cs;
        char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (l == 'd') cs.add_range('0', '9');
        else if (l == 's') cs.add('\t'), cs.add('\n'), cs.add('\f'), cs.add('\r'), cs.add(' ');
        else if (l == 'w') cs.add_range('0', '9'), cs.add_range('A', 'Z'), cs.add_range('a', 'z'), cs.add('_');
        else return std::nullopt;
        if (std::isupper(static_cast<unsigned char>(c))) cs.negate();
        return cs;
    }

    // \p{Name}, \pL, \P..., \p{^Name}: i_ is just past 'p'/'P'.
    std::optional<CharSet> prop_class(bool negated) {
        if (eof()) return std::nullopt;
        std::string name;
        if (peek() == '{') {
            size_t close = p_.find('}', i_);
            if (close == std::string_view::npos) return std::nullopt;
            name = std::string(p_.substr(i_ + 1, close - i_ - 1));
            i_ = close + 1;
        } else {
            name = std::string(1, peek());
            ++i_;
        }
        if (!name.empty() && name[0] == '^') {
            negated = !negated;
            name.erase(0, 1);
        }
        auto cs = unicode_class(name);
        if (!cs) return std::nullopt;
        if (negated) cs->negate();
        return cs;
    }

    // A single character escape (\n, \x41, \x{2019}, \., ...) → code point.
    std::optional<uint32_t> char_escape() {
        if (eof()) return std::nullopt;
        char c = peek();
        ++i_;
        switch (c) {
            case 'a': return 7;
            case 'f': return 12;
            case 't': return 9;
            case 'n': return 10;
            case 'r': return 13;
            case 'v': return 11;
            case 'x': {
                if (eof()) return std::nullopt;
                std::string hex;
                if (peek() == '{') {
                    size_t close = p_.find('}', i_);
                    if (close == std::string_view::npos) return std::nullopt;
                    hex = std::string(p_.substr(i_ + 1, close - i_ - 1));
                    i_ = close + 1;
                } else {
                    if (i_ + 2 > p_.size()) return std::nullopt;
                    hex = std::string(p_.substr(i_, 2));
                    i_ += 2;
                }
                if (hex.empty() || hex.size() > 8) return std::nullopt;
                uint32_t v = 0;
                for (char h : hex) {
                    if (!std::isxdigit(static_cast<unsigned char>(h))) return std::nullopt;
                    v = v * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
                }
                return v;
            }
            default:
                // Escaped punctuation stands for itself; letters and digits
                // we do not know (octal, back references) are not read.
                if (static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) return static_cast<unsigned char>(c);
                return std::nullopt;
        }
    }

    std::optional<Atom> escape(const Flags& f) {
        ++i_;  // '\\'
        if (eof()) return std::nullopt;
        char c = peek();
        if (c == 'b' || c == 'B') {
            ++i_;
            uint16_t wb = empty_if([](int b, int a) { return (b == kW) != (a == kNextW); });
            return of(empty_with(c == 'b' ? wb : uint16_t(kAllEmpty & ~wb)));
        }
        if (c == 'A') {
            ++i_;
            return of(empty_with(empty_if([](int b, int) { return b == kBot; })));
        }
        if (c == 'z') {
            ++i_;
            return of(empty_with(empty_if([](int, int a) { return a == kEot; })));
        }
        if (c == 'C') {  // any byte, even inside a code point
            ++i_;
            Info in;
            for (auto& x : in.first) x.set();
            in.one = true;
            Bytes all;
            all.set();
            in.pref.whole.push_back({cls_of(all)});
            return of(in);
        }
        if (c == 'Q') {  // literal text up to \E
            ++i_;
            size_t end = p_.find("\\E", i_);
            std::string_view lit = p_.substr(i_, end == std::string_view::npos ? std::string_view::npos : end - i_);
            i_ = end == std::string_view::npos ? p_.size() : end + 2;
            Info r;
            r.empty = kAllEmpty;
            r.pref = pref_empty();
            Parser sub(lit);
            while (!sub.eof()) {
                auto cp = sub.utf8();
                if (!cp) return std::nullopt;
                r = concat(r, char_info(literal(*cp, f)));
            }
            return of(r);
        }
        if (auto pc = perl_class(c)) {
            ++i_;
            if (f.i) pc->fold();
            return of(*pc);
        }
        if (c == 'p' || c == 'P') {
            ++i_;
            auto cs = prop_class(c == 'P');
            if (!cs) return std::nullopt;
            if (f.i) cs->fold();
            return of(*cs);
        }
        auto cp = char_escape();
        if (!cp) return std::nullopt;
        return of(literal(*cp, f));
    }

    // After '['.
    std::optional<CharSet> char_class(const Flags& f) {
        CharSet cs;
        bool negated = false;
        if (!eof() && peek() == '^') {
            negated = true;
            ++i_;
        }
        bool first = true;
        for (;;) {
            if (eof()) return std::nullopt;
            char c = peek();
            if (c == ']' && !first) {
                ++i_;
                break;
            }
            first = false;
            if (c == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
                size_t close = p_.find(":]", i_ + 2);
                if (close == std::string_view::npos) return std::nullopt;
                std::string name(p_.substr(i_ + 2, close - i_ - 2));
                bool neg = !name.empty() && name[0] == '^';
                if (neg) name.erase(0, 1);
                auto pc = posix_class(name);
                if (!pc) return std::nullopt;
                if (neg) pc->negate();
                cs.merge(*pc);
                i_ = close + 2;
                continue;
            }
            uint32_t lo;
            if (c == '\\') {
                ++i_;
                if (eof()) return std::nullopt;
                char e = peek();
                if (auto pc = perl_class(e)) {
                    ++i_;
                    cs.merge(*pc);
                    continue;
                }
                if (e == 'p' || e == 'P') {
                    ++i_;
                    auto pc = prop_class(e == 'P');
                    if (!pc) return std::nullopt;
                    cs.merge(*pc);
                    continue;
                }
                auto cp = char_escape();
                if (!cp) return std::nullopt;
                lo = *cp;
            } else {
                auto cp = utf8();
                if (!cp) return std::nullopt;
                lo = *cp;
            }
            uint32_t hi = lo;
            if (i_ + 1 < p_.size() && peek() == '-' && p_[i_ + 1] != ']') {
                ++i_;
                if (peek() == '\\') {
                    ++i_;
                    auto cp = char_escape();
                    if (!cp) return std::nullopt;
                    hi = *cp;
                } else {
                    auto cp = utf8();
                    if (!cp) return std::nullopt;
                    hi = *cp;
                }
            }
            cs.add_range(lo, hi);
        }
        if (f.i) cs.fold();
        if (negated) cs.negate();
        return cs;
    }
};

}  // namespace

StartInfo analyse_start(std::string_view pattern) {
    StartInfo out;
    auto info = Parser(pattern).run();
    if (!info || info->empty) return out;  // unread, or can match the empty string
    out.ok = true;
    for (int i = 0; i < 3; ++i) out.first[i] = info->first[i];
    out.second = info->second;
    out.one = info->one;
    auto to_bytes = [](const Str& s) {
        std::vector<Bytes> v;
        for (const Cls& c : s) {
            Bytes b;
            for (unsigned i = 0; i < 256; ++i)
                if (c[i / 64] >> (i % 64) & 1) b.set(i);
            v.push_back(b);
        }
        return v;
    };
    for (const auto& s : info->pref.whole) out.prefixes.push_back(to_bytes(s));
    for (const auto& s : info->pref.cut) out.prefixes.push_back(to_bytes(s));
    out.whole_count = info->pref.whole.size();
    return out;
}

}  // namespace claimex::rules
