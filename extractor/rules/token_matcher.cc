// token_matcher — see token_matcher.h and rules/README.md, "A token matcher
// (session 12 prototype)".
#include "extractor/rules/token_matcher.h"

#ifdef CLAIMEX_RULE_PROFILE
#include <x86intrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

namespace claimex::rules::tokens {

namespace {

// Byte kinds for the tokeniser: 0 RE2 \s, 1 ASCII letter, 2 ASCII digit,
// 3 other ASCII, 4 a UTF-8 lead or continuation byte.
struct ByteKinds {
    uint8_t k[256];
    constexpr ByteKinds() : k() {
        for (int c = 0; c < 256; ++c) {
            uint8_t v = 3;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') v = 0;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) v = 1;
            else if (c >= '0' && c <= '9') v = 2;
            else if (c >= 0x80) v = 4;
            k[c] = v;
        }
    }
};
constexpr ByteKinds kKinds;

inline bool is_w(unsigned char c) { return kKinds.k[c] == 1 || kKinds.k[c] == 2 || c == '_'; }

uint64_t punct_bits_of(uint32_t cp) {
    switch (cp) {
    case '_': return UNDERSCORE | WORDCHAR;
    case '.': return DOT | WORDCHAR;
    case ',': return COMMA;
    case '-': return HYPHEN | SIGN | DASH;
    case '+': return SIGN;
    case 0x2212: return SIGN;             // −
    case 0x2013: case 0x2014: return DASH;  // – —
    case '%': return PCTSIGN;
    case 0x00A0: case 0x2009: case 0x202F: return GROUPSP;
    case 0x017F: case 0x212A: return ODD;  // ſ, Kelvin sign
    default: return 0;
    }
}

uint64_t punct_bits(uint32_t cp) {
    const bool sc = cp < 0x80 ? cp == '$' : u_charType(static_cast<UChar32>(cp)) == U_CURRENCY_SYMBOL;
    const uint64_t z = 0, x = cp == ':' || cp == '#' || cp == '/' || cp == '.' || cp == ',' || cp == '-' || cp == '_' || sc
                           ? PREX
                           : z;
    return x | (sc ? CURSIGN : z) | (cp >= kXFirst && cp <= kXLast ? XLETTER : z) | punct_bits_of(cp);
}

inline uint64_t hash_bytes(const char* p, uint32_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (uint32_t k = 0; k < n; ++k) h = (h ^ static_cast<unsigned char>(p[k])) * 0x100000001B3ull;
    h ^= h >> 29;
    return h | 1;  // never 0 (empty slot)
}

inline bool is_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
inline bool is_space(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

std::string lower(std::string w) {
    for (char& c : w)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return w;
}

}  // namespace

// ---- classes ----

struct TokenClasses::Regular {
    std::unique_ptr<RE2> re;
    bool letters = false;
    Bits bit = 0;
};

TokenClasses::Instance::Instance() {
    static std::atomic<uint64_t> n{1};
    v = n++;
}

TokenClasses::TokenClasses() {
    static std::atomic<uint64_t> serials{1};
    serial_ = serials++;
    for (uint32_t c = 0; c < 128; ++c) ascii_[c] = punct_bits(c);
}
TokenClasses::~TokenClasses() = default;
TokenClasses::TokenClasses(const TokenClasses&) = default;

Bits TokenClasses::alloc() {
    if (next_bit_ == 64) next_bit_ = 128;
    if (next_bit_ >= kBits) throw std::length_error("token_matcher: more than " + std::to_string(kBits) + " predicate bits");
    return Bits::bit(next_bit_++);
}

void TokenClasses::begin_trial() {
    if (journal_.on) throw std::logic_error("token_matcher: a trial inside a trial");
    journal_ = Journal{};
    journal_.on = true;
    journal_.next_bit = next_bit_;
    journal_.regular = regular_.size();
}

void TokenClasses::commit() { journal_ = Journal{}; }

void TokenClasses::rollback() {
    Journal& j = journal_;
    if (!j.on) return;
    const bool changed = next_bit_ != j.next_bit || !j.ids.empty();
    for (const std::string& k : j.classes) classes_.erase(k);
    for (const std::string& k : j.ids) ids_.erase(k);
    auto undo = [](auto& m, auto& log) {  // (newest first: a key's oldest value is restored last)
        for (auto it = log.rbegin(); it != log.rend(); ++it) {
            if (it->second) m[it->first] = *it->second;
            else m.erase(it->first);
        }
    };
    undo(fold_, j.fold);
    undo(exact_, j.exact);
    undo(cps_, j.cps);
    for (auto it = j.ascii.rbegin(); it != j.ascii.rend(); ++it) ascii_[it->first] = it->second;
    regular_.resize(j.regular);
    next_bit_ = j.next_bit;
    journal_ = Journal{};
    if (changed) flush();
}

void TokenClasses::note(std::unordered_map<std::string, Bits>& m,
                        std::vector<std::pair<std::string, std::optional<Bits>>>& log, const std::string& k) {
    if (!journal_.on) return;
    auto it = m.find(k);
    log.push_back({k, it == m.end() ? std::nullopt : std::optional<Bits>(it->second)});
}

Bits TokenClasses::class_bit(const std::string& key, bool* fresh) {
    auto [it, f] = classes_.try_emplace(key, 0);
    if (f) {
        if (journal_.on) journal_.classes.push_back(key);
        try {
            it->second = alloc();
        } catch (...) {
            classes_.erase(it);
            if (journal_.on) journal_.classes.pop_back();
            throw;
        }
        flush();
    }
    if (fresh) *fresh = f;
    return it->second;
}

void TokenClasses::flush() {
    std::fill(std::begin(ascii_kind_), std::end(ascii_kind_), 0u);
    cp_kinds_.clear();
    if (used_ == 0) return;
    std::fill(slots_.begin(), slots_.end(), Slot{});
    arena_.clear();
    used_ = 0;
}

Bits TokenClasses::words(const std::vector<std::string>& ws0, bool fold) {
    std::vector<std::string> ws = ws0;
    if (fold)
        for (std::string& w : ws) w = lower(w);
    std::sort(ws.begin(), ws.end());
    ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
    std::string key = fold ? "w:i:" : "w:s:";
    for (const std::string& w : ws) key += w + "|";
    bool fresh = false;
    const Bits b = class_bit(key, &fresh);
    if (fresh)
        for (const std::string& w : ws) {
            note(fold ? fold_ : exact_, fold ? journal_.fold : journal_.exact, w);
            (fold ? fold_ : exact_)[w] |= b;
        }
    return b;
}

uint32_t TokenClasses::word_id(const std::string& w, bool fold) {
    auto [it, fresh] = ids_.try_emplace((fold ? "i:" : "s:") + (fold ? lower(w) : w), 0);
    if (fresh) {
        it->second = static_cast<uint32_t>(ids_.size());
        if (journal_.on) journal_.ids.push_back(it->first);
        flush();
    }
    return it->second;
}

Bits TokenClasses::word(std::string_view w) { return words({std::string(w)}, true); }

Bits TokenClasses::add_to_class(std::string_view cls, std::string_view w) {
    const Bits b = class_bit("c:" + std::string(cls));
    note(fold_, journal_.fold, lower(std::string(w)));
    fold_[lower(std::string(w))] |= b;
    return b;
}

Bits TokenClasses::regular(const std::string& re, bool letters) {
    bool fresh = false;
    const Bits b = class_bit(std::string(letters ? "r:l:" : "r:d:") + re, &fresh);
    if (fresh) {
        auto r = std::make_shared<Regular>();
        RE2::Options o;
        o.set_log_errors(false);
        r->re = std::make_unique<RE2>(re, o);
        if (!r->re->ok()) throw std::logic_error("token_matcher: a predicate RE2 does not take: " + re);
        r->letters = letters;
        r->bit = b;
        regular_.push_back(std::move(r));
    }
    return b;
}

Bits TokenClasses::chars(const std::vector<uint32_t>& cps0) {
    std::vector<uint32_t> cps = cps0;
    std::sort(cps.begin(), cps.end());
    cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
    std::string key = "c:";
    for (uint32_t c : cps) key += std::to_string(c) + ",";
    bool fresh = false;
    const Bits b = class_bit(key, &fresh);
    if (fresh)
        for (uint32_t c : cps) {
            if (journal_.on) {
                if (c < 128) journal_.ascii.push_back({c, ascii_[c]});
                else if (auto it = cps_.find(c); it != cps_.end()) journal_.cps.push_back({c, it->second});
                else journal_.cps.push_back({c, std::nullopt});
            }
            (c < 128 ? ascii_[c] : cps_[c]) |= b;
        }
    return b;
}

Bits TokenClasses::code_point(uint32_t cp) const {
    if (cp < 128) return ascii_[cp] | OTHER | hash_bit(cp_id(cp));
    Bits b = punct_bits(cp) | OTHER | hash_bit(cp_id(cp));
    if (!cps_.empty())
        if (auto it = cps_.find(cp); it != cps_.end()) b |= it->second;
    return b;
}

uint32_t TokenClasses::kind_of(const Kind& k) {
    auto [it, fresh] = kind_ids_.try_emplace(k, static_cast<uint32_t>(kinds_.size()));
    if (fresh) kinds_.push_back(k);
    return it->second;
}

void TokenClasses::code_point(uint32_t cp, Token& t) {
    t.id = t.lid = cp_id(cp);
    uint32_t& k = cp < 128 ? ascii_kind_[cp] : cp_kinds_[cp];
    if (!k) k = kind_of({code_point(cp), t.id, t.lid});
    t.kind = k;
    t.bits = kinds_[k].bits;
}

Bits TokenClasses::run_bits(const char* p, uint32_t n, uint32_t& id, uint32_t& lid) {
    id = lid = 0;
    const std::string_view t(p, n);
    Bits bits;
    const bool letters = is_letter(static_cast<unsigned char>(p[0]));
    if (letters) {
        bits = ALPHA | WORDCHAR | LOWER | PREX;
        std::string low(p, n);
        for (char& c : low)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32), bits &= ~Bits(LOWER);
        if (auto it = fold_.find(low); it != fold_.end()) bits |= it->second;
        if (!exact_.empty())
            if (auto it = exact_.find(std::string(t)); it != exact_.end()) bits |= it->second;
        if (auto it = ids_.find("s:" + std::string(t)); it != ids_.end()) id = it->second, bits |= hash_bit(id);
        if (auto it = ids_.find("i:" + low); it != ids_.end()) lid = it->second, bits |= hash_bit(lid);
    } else {
        const uint64_t z = 0;
        bits = DIGIT | WORDCHAR | PREX | (n == 1 ? D1 : z) | (n <= 2 ? D1_2 : z) | (n <= 3 ? D1_3 : z) |
               (n == 2 ? D2 : z) | (n == 3 ? D3 : z) | (n == 4 ? D4 : z);
        if (n == 4 && ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'))) bits |= YEAR;
    }
    for (const auto& r : regular_)
        if (r->letters == letters && RE2::FullMatch(re2::StringPiece(p, n), *r->re)) bits |= r->bit;
    return bits;
}

void TokenClasses::classify(const char* p, uint32_t n, const char* end, Token& t) {
    // A short token (most): its bytes as two words, hashed with two multiplies, compared inline.
    uint64_t k0 = 0, k1 = 0, h;
    const bool small = n <= 16;
    if (small) {
        if (p + 16 <= end) {
            std::memcpy(&k0, p, 8);
            std::memcpy(&k1, p + 8, 8);
            if (n < 8) k0 &= (1ull << (8 * n)) - 1, k1 = 0;
            else if (n < 16) k1 &= (1ull << (8 * (n - 8))) - 1;
        } else {
            char buf[16] = {};
            std::memcpy(buf, p, n);
            std::memcpy(&k0, buf, 8);
            std::memcpy(&k1, buf + 8, 8);
        }
        h = (k0 * 0x9E3779B97F4A7C15ull) ^ (k1 * 0xC2B2AE3D27D4EB4Full) ^ n;
        h ^= h >> 31;
        h |= 1;
    } else {
        h = hash_bytes(p, n);
    }
    if (slots_.empty()) slots_.resize(1 << 12);
    size_t mask = slots_.size() - 1;
    for (size_t k = (h >> 7) & mask;; k = (k + 1) & mask) {
        const Slot& s = slots_[k];
        if (s.hash == 0) break;
        if (s.hash != h || s.len != n) continue;
        if (small ? (s.k0 == k0 && s.k1 == k1) : std::memcmp(arena_.data() + s.off, p, n) == 0) {
            t.bits = s.bits, t.id = s.id, t.lid = s.lid, t.kind = s.kind;
            return;
        }
    }
    // A new string: classify it once and keep it.
    uint32_t id, lid;
    const Bits bits = run_bits(p, n, id, lid);
    const uint32_t kind = kind_of({bits, id, lid});
    if ((used_ + 1) * 2 > slots_.size()) {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        mask = slots_.size() - 1;
        for (const Slot& s : old)
            if (s.hash) {
                size_t k = (s.hash >> 7) & mask;
                while (slots_[k].hash) k = (k + 1) & mask;
                slots_[k] = s;
            }
    }
    size_t k = (h >> 7) & mask;
    while (slots_[k].hash) k = (k + 1) & mask;
    slots_[k] = {h, k0, k1, static_cast<uint32_t>(arena_.size()), n, id, lid, kind, bits};
    if (!small) arena_.append(p, n);
    ++used_;
    t.bits = bits, t.id = id, t.lid = lid, t.kind = kind;
}

// ---- the index ----

void TokenIndex::index(const std::string& a, text::Span pr) {
    text = &a;
    para = pr;
    toks.clear();
    toks.reserve(pr.size() / 2 + 1);
    any = 0;
    const char* s = a.data();
    for (uint32_t i = pr.begin; i < pr.end;) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const uint8_t kind = kKinds.k[c];
        if (kind == 0) {
            ++i;
            continue;
        }
        Token t;
        t.b = i;
        if (kind == 1 || kind == 2) {
            do ++i;
            while (i < pr.end && kKinds.k[static_cast<unsigned char>(s[i])] == kind);
            cls_.classify(s + t.b, i - t.b, s + a.size(), t);
        } else if (kind == 3) {
            cls_.code_point(c, t);
            ++i;
        } else {
            int32_t k = static_cast<int32_t>(i);
            UChar32 cp;
            U8_NEXT(s, k, static_cast<int32_t>(pr.end), cp);
            i = static_cast<uint32_t>(k);
            if (cp >= 0) cls_.code_point(static_cast<uint32_t>(cp), t);
        }
        t.e = i;
        // Context bits: \b and {PRE} at the token's start, \b at the previous one's end.
        constexpr uint64_t W = ALPHA | DIGIT | UNDERSCORE;
        const bool glued = !toks.empty() && toks.back().e == t.b;
        const bool left_w = glued && (toks.back().bits & W);
        if (left_w != ((t.bits & W) != 0)) t.bits |= WB_BEFORE;
        if (t.b > pr.begin && (!glued || !(toks.back().bits & PREX))) t.bits |= PRE_OK;
        if (!toks.empty() && ((toks.back().bits & W) != 0) != (glued && (t.bits & W))) toks.back().bits |= WB_AFTER;
        any |= t.bits;
        toks.push_back(t);
    }
    if (!toks.empty() && (toks.back().bits & (ALPHA | DIGIT | UNDERSCORE))) toks.back().bits |= WB_AFTER;
    if (!toks.empty()) any |= toks.back().bits;
}

// ---- programs ----

enum Op : uint8_t { TOK, GAP, SPLIT, JMP, SAVE_B, SAVE_E, WB, BOL, EOL, PRE, PEEK, CHR, MATCH };

// CHR's test: one code point, right after the last token, in a class (or not: neg) — the
// rules' one-character look-aheads at a match's end, `(?:[^\w]|$)`, `[,.;](?:\D|$)`,
// `\b(?:[^-]|$)`, `\.(?:\s|$)`: the match takes that character (its end is after it).
struct CharTest {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    bool neg = false, sc = false;  // [^...]; \p{Sc} in the class
    bool letters = false, digits = false;  // whether it takes some ASCII letter / digit
    bool has(uint32_t cp) const {
        bool in = sc && u_charType(static_cast<UChar32>(cp)) == U_CURRENCY_SYMBOL;
        for (auto [lo, hi] : ranges) in = in || (cp >= lo && cp <= hi);
        return in != neg;
    }
};

// A TOK whose token is a concatenation of parts, some of them captures (`[MK](?P<cur>{CUR_CODE})`,
// "MUSD"): the sub-pattern with the captures as groups, matched on the token's text (anchored at
// both ends, leftmost-first as the regex reads it) when the TOK takes a token.
struct Join {
    std::unique_ptr<RE2> re;
    std::vector<int> caps;  // group g + 1 is the program's capture caps[g]
};

struct Inst {
    Op op = MATCH;
    bool sp = false;        // GAP: spaces only (a literal ' ')
    bool poss = false;      // SPLIT of a star of glued tokens: when x's TOK takes the next token, no y
                            // (translate() sets it only where y's path could not take that token)
    uint8_t kinds = 0;      // TOK: the runs it can take: 1 letters, 2 digits
    uint8_t anylen = 0;     // TOK: ... of those, the kinds it takes at any length (\d+, [\w.]+)
    uint32_t x = 0, y = 0;  // SPLIT: preferred, other; JMP: x; SAVE: slot
    Bits none = 0;          // TOK: and no bit of none (a negated class's characters)
    Bits all = 0, any = 0;  // TOK: bits & all == all, and (any == 0 or bits & any);
                            // SPLIT, PEEK: any != 0: the next token must have one of these bits
                            // to take x (SPLIT: else y, nothing pushed; PEEK: else fail)
    uint32_t gmin = 0, gmax = 0;  // GAP: bytes of white space this adds to the gap before the next token
    Bits any2 = 0;  // SPLIT, PEEK: != 0: the token after the next must have one of these bits too
    uint32_t id = 0;  // TOK: its pattern node (copies of one node, as in a{2} or a+, share it)
    uint32_t word = 0;  // TOK: != 0: the token's id (wfold: its lower-case id) must be this
    bool wfold = false;
    uint32_t join = 0;  // TOK: != 0: captures inside the token (TokenProgram::joins[join - 1])
    // all, any and any2 as the VM tests them (sparse()): most masks lie in one word of the
    // bits, so a test reads that word alone.
    struct Test {
        int8_t k = -2;  // >= 0: the mask is m in word k; -1: in several words (test the Bits); -2: empty
        uint64_t m = 0;
    };
    Test t_all, t_any, t_any2, t_none;
};

namespace {

Inst::Test sparse(const Bits& b) {
    Inst::Test t;
    for (int k = 0; k < kWords; ++k)
        if (b.w[k]) {
            if (t.k != -2) return {-1, 0};
            t = {static_cast<int8_t>(k), b.w[k]};
        }
    return t;
}
// Whether bits hold every bit of the mask (an empty one: yes).
inline bool has_all(const Bits& bits, const Inst::Test& t, const Bits& m) {
    return t.k >= 0 ? (bits.w[t.k] & t.m) == t.m : t.k == -2 || bits.all_of(m);
}
// Whether bits hold some bit of a non-empty mask.
inline bool has_any(const Bits& bits, const Inst::Test& t, const Bits& m) {
    return t.k >= 0 ? (bits.w[t.k] & t.m) != 0 : bits.any_of(m);
}

}  // namespace

TokenProgram::TokenProgram() = default;
TokenProgram::~TokenProgram() = default;
TokenProgram::TokenProgram(TokenProgram&&) noexcept = default;
TokenProgram& TokenProgram::operator=(TokenProgram&&) noexcept = default;

namespace {

// Pattern trees, compiled to Inst (a backtracking program: SPLIT tries x first).
struct Node;
using N = std::shared_ptr<const Node>;
struct Node {
    enum K { Tok, Gap, Seq, Alt, Opt, Star, Cap, Wb, Bol, Eol, Pre, Chr } k;
    Bits all = 0, any = 0, none = 0;
    bool lazy = false;  // Opt, Star: fewer first
    bool poss = false;  // Star of one TOK: possessive where it is safe (translate())
    uint32_t gmin = 0, gmax = 0;
    bool sp = false;
    int cap = -1;
    std::vector<N> kids;
    uint8_t kinds = 0, anylen = 0;
    uint32_t id = 0;
    uint32_t word = 0;
    bool wfold = false;
    std::shared_ptr<const CharTest> chr;  // Chr
    std::shared_ptr<const Join> join;     // Tok: captures inside the token
};
constexpr uint32_t kInf = 1u << 30;

uint32_t next_node_id() {
    static std::atomic<uint32_t> n{1};
    return n++;
}
N mk(Node n) {
    n.id = next_node_id();
    return std::make_shared<const Node>(std::move(n));
}
N tok(Bits all, Bits any, uint8_t kinds, uint8_t anylen) {
    Node n{Node::Tok};
    n.all = all, n.any = any, n.kinds = kinds, n.anylen = anylen;
    return mk(std::move(n));
}
N word_tok(uint32_t word, bool wfold, uint8_t kinds) {
    Node n{Node::Tok};
    n.any = TokenClasses::hash_bit(word), n.word = word, n.wfold = wfold, n.kinds = kinds;
    return mk(std::move(n));
}
N gap(uint32_t lo, uint32_t hi, bool sp = false) {
    Node n{Node::Gap};
    n.gmin = lo, n.gmax = hi, n.sp = sp;
    return mk(std::move(n));
}
N kids_node(Node::K k, std::vector<N> v) {
    Node n{k};
    n.kids = std::move(v);
    return mk(std::move(n));
}
N seq(std::vector<N> v) { return kids_node(Node::Seq, std::move(v)); }
N alt(std::vector<N> v) { return kids_node(Node::Alt, std::move(v)); }
N opt(N x, bool lazy = false) {
    Node n{Node::Opt};
    n.kids = {std::move(x)}, n.lazy = lazy;
    return mk(std::move(n));
}
N star(N x, bool lazy = false) {
    Node n{Node::Star};
    n.kids = {std::move(x)}, n.lazy = lazy;
    return mk(std::move(n));
}
N capture(int slot, N x) {
    Node n{Node::Cap};
    n.cap = slot;
    n.kids = {std::move(x)};
    return mk(std::move(n));
}
N zero(Node::K k) { return mk(Node{k}); }
N chr(CharTest t) {
    Node n{Node::Chr};
    n.chr = std::make_shared<const CharTest>(std::move(t));
    return mk(std::move(n));
}
N pre() { return alt({zero(Node::Bol), zero(Node::Pre)}); }  // {PRE}: (?:^|[^\w.,:#/\-\p{Sc}])

struct Builder {
    TokenProgram& p;
    std::vector<Bits> alt_guards;  // each alternation's first-token bits (candidates for needs)
    uint32_t emit(Inst in) {
        p.code.push_back(in);
        return static_cast<uint32_t>(p.code.size() - 1);
    }
    uint32_t here() const { return static_cast<uint32_t>(p.code.size()); }
    // The bits one of which the first token a node consumes has, and whether it can consume none.
    static std::pair<Bits, bool> first(const N& n) {
        switch (n->k) {
        case Node::Tok: return {n->any ? n->any : (n->all & ~Bits(LOWER)), false};
        case Node::Seq: {
            Bits m = 0;
            for (const N& k : n->kids) {
                auto [km, nl] = first(k);
                m |= km;
                if (!nl) return {m, false};
            }
            return {m, true};
        }
        case Node::Alt: {
            Bits m = 0;
            bool nl = false;
            for (const N& k : n->kids) {
                auto [km, knl] = first(k);
                m |= km, nl = nl || knl;
            }
            return {m, nl};
        }
        case Node::Opt:
        case Node::Star: return {first(n->kids[0]).first, true};
        case Node::Cap: return first(n->kids[0]);
        default: return {0, true};
        }
    }
    // A guard for a branch: the bits its first token needs, or 0 (none: it can consume nothing).
    static Bits guard(const N& n) {
        auto [m, nl] = first(n);
        return nl ? 0 : m;
    }
    void compile(const N& n) {
        switch (n->k) {
        case Node::Tok: {
            Inst in{TOK};
            in.all = n->all, in.any = n->any, in.none = n->none, in.kinds = n->kinds, in.anylen = n->anylen, in.id = n->id;
            in.word = n->word, in.wfold = n->wfold;
            if (n->join) p.joins.push_back(n->join), in.join = static_cast<uint32_t>(p.joins.size());
            emit(in);
            break;
        }
        case Node::Gap: {
            Inst in{GAP};
            in.sp = n->sp, in.gmin = n->gmin, in.gmax = n->gmax;
            emit(in);
            break;
        }
        case Node::Seq:
            for (const N& k : n->kids) compile(k);
            break;
        case Node::Alt: {
            if (auto [m, nl] = first(n); !nl) alt_guards.push_back(m);
            std::vector<uint32_t> jumps;
            for (size_t k = 0; k + 1 < n->kids.size(); ++k) {
                Inst sp{SPLIT};
                sp.any = guard(n->kids[k]);
                const uint32_t s = emit(sp);
                p.code[s].x = here();
                compile(n->kids[k]);
                jumps.push_back(emit({JMP}));
                p.code[s].y = here();
            }
            if (Bits g = guard(n->kids.back())) {
                Inst pk{PEEK};
                pk.any = g;
                emit(pk);
            }
            compile(n->kids.back());
            for (uint32_t j : jumps) p.code[j].x = here();
            break;
        }
        case Node::Opt:
            if (n->lazy) {  // SPLIT x: past it (no guard), y: into it
                const uint32_t s = emit({SPLIT});
                p.code[s].y = here();
                compile(n->kids[0]);
                p.code[s].x = here();
                break;
            }
            {
            Inst sp{SPLIT};
            sp.any = guard(n->kids[0]);
            const uint32_t s = emit(sp);
            p.code[s].x = here();
            compile(n->kids[0]);
            p.code[s].y = here();
            break;
            }
        case Node::Star: {
            Inst sp{SPLIT};
            if (!n->lazy) {
                sp.any = guard(n->kids[0]);
                sp.poss = n->poss;
            }
            const uint32_t s = emit(sp);
            const uint32_t body = here();
            compile(n->kids[0]);
            Inst j{JMP};
            j.x = s;
            emit(j);
            // (greedy tries the body first; lazy what follows first)
            p.code[s].x = n->lazy ? here() : body;
            p.code[s].y = n->lazy ? body : here();
            break;
        }
        case Node::Cap: {
            Inst b{SAVE_B};
            b.x = static_cast<uint32_t>(2 * n->cap);
            emit(b);
            compile(n->kids[0]);
            Inst e{SAVE_E};
            e.x = static_cast<uint32_t>(2 * n->cap + 1);
            emit(e);
            break;
        }
        case Node::Wb: emit({WB}); break;
        case Node::Bol: emit({BOL}); break;
        case Node::Eol: emit({EOL}); break;
        case Node::Pre: emit({PRE}); break;
        case Node::Chr: {
            Inst c{CHR};
            c.x = static_cast<uint32_t>(p.chars.size());
            p.chars.push_back(*n->chr);
            emit(c);
            break;
        }
        }
    }
};

Bits guard_bits(const Inst& in) { return in.any ? in.any : (in.all & ~Bits(LOWER)); }

// What a visit of walk() says at a TOK or MATCH: stop this path, go on past the TOK, or stop
// the whole walk.
enum class Walk { stop, next, done };

// One traversal of a program's graph from `from`, each instruction once: visit(pc, in) says
// whether to follow the instruction's edges (next: past a TOK or MATCH to pc + 1, a SPLIT's
// two branches, a JMP's target), not to (stop), or to end the traversal (done).
template <class Visit>
void traverse(const TokenProgram& p, uint32_t from, Visit visit) {
    // A thread's buffers, shared by every traversal (none runs inside another's visit): an
    // instruction is seen when its mark is this traversal's epoch, so nothing is cleared.
    thread_local std::vector<uint32_t> seen, todo;
    thread_local uint32_t epoch = 0;
    if (++epoch == 0) std::fill(seen.begin(), seen.end(), 0u), epoch = 1;
    if (seen.size() < p.code.size()) seen.resize(p.code.size(), 0);
    todo.clear();
    todo.push_back(from);
    while (!todo.empty()) {
        const uint32_t pc = todo.back();
        todo.pop_back();
        if (pc >= p.code.size() || seen[pc] == epoch) continue;
        seen[pc] = epoch;
        const Inst& in = p.code[pc];
        const Walk w = visit(pc, in);
        if (w == Walk::done) return;
        if (w == Walk::stop) continue;
        switch (in.op) {
        case SPLIT: todo.push_back(in.x), todo.push_back(in.y); break;
        case JMP: todo.push_back(in.x); break;
        default: todo.push_back(pc + 1);
        }
    }
}

// Visits once each TOK and MATCH reachable from `from` through SPLITs, JMPs and the zero-width
// instructions (the program analyses below differ only in what they do there).
template <class Visit>
void walk(const TokenProgram& p, uint32_t from, Visit visit) {
    traverse(p, from, [&](uint32_t pc, const Inst& in) {
        return in.op == TOK || in.op == MATCH ? visit(pc, in) : Walk::next;
    });
}

// Every instruction reachable from `from` without consuming a token (TOK and MATCH are
// visited, not passed); visit(pc) returns false to not go past pc.
template <class Visit>
void reach(const TokenProgram& p, uint32_t from, Visit visit) {
    traverse(p, from, [&](uint32_t pc, const Inst& in) {
        if (!visit(pc)) return Walk::stop;
        return in.op == TOK || in.op == MATCH ? Walk::stop : Walk::next;
    });
}

// The first tokens a program can consume: a token without one of these bits starts no match.
Bits start_bits(const TokenProgram& p) {
    Bits out = 0;
    walk(p, 0, [&](uint32_t, const Inst& in) {
        if (in.op == MATCH) {
            out = ~Bits(0);
            return Walk::done;
        }
        out |= guard_bits(in);
        return Walk::stop;
    });
    return out;
}

// The TOKs reachable from pc without consuming a token (and whether MATCH is).
void firsts(const TokenProgram& p, uint32_t from, std::vector<uint32_t>& toks, bool& match) {
    walk(p, from, [&](uint32_t pc, const Inst& in) {
        if (in.op == MATCH) match = true;
        else toks.push_back(pc);
        return Walk::stop;
    });
}

// Two-token guards: a SPLIT's preferred branch (a PEEK's continuation) is entered only when
// the next token can be its first and the one after can be its second (through the rest of
// the program: a necessary condition, as every path from there consumes them).
// (What follows each TOK t — the guards of the TOKs reachable from t + 1, and whether MATCH
// is — is found once per TOK, not once per SPLIT that reaches it: the walks were 0.15 G
// instructions of loading.)
void second_guards(TokenProgram& p) {
    struct After {
        bool done = false, match = false;
        Bits guards = 0;
    };
    std::vector<After> after(p.code.size());
    std::vector<uint32_t> f1, f2;
    for (uint32_t pc = 0; pc < p.code.size(); ++pc) {
        Inst& in = p.code[pc];
        if (!(in.op == SPLIT || in.op == PEEK) || !in.any) continue;
        f1.clear();
        bool m = false;
        firsts(p, in.op == SPLIT ? in.x : pc + 1, f1, m);
        if (m) continue;
        Bits any2 = 0;
        for (uint32_t t : f1) {
            After& a = after[t];
            if (!a.done) {
                f2.clear();
                firsts(p, t + 1, f2, a.match);
                for (uint32_t u : f2) a.guards |= guard_bits(p.code[u]);
                a.done = true;
            }
            m = m || a.match;
            any2 |= a.guards;
        }
        if (m) continue;
        in.any2 = any2;
    }
}

// Every token a match consumes matches one TOK: it has one of these bits.
Bits path_bits(const TokenProgram& p) {
    Bits out = 0;
    for (const Inst& in : p.code)
        if (in.op == TOK) out |= guard_bits(in);
    return out;
}

// By instruction (and one past the end): whether MATCH can be reached from it without
// consuming a token (through SPLITs, JMPs and the zero-width instructions, as walk() goes).
// One fixpoint for the whole program instead of a walk from each TOK: it only grows, so
// passes repeat until one changes nothing (a loop's back jump takes one more).
std::vector<char> reaches_match(const TokenProgram& p) {
    const uint32_t n = static_cast<uint32_t>(p.code.size());
    std::vector<char> r(n + 1, 0);
    auto at = [&](uint32_t pc) { return pc < n ? r[pc] : char(0); };
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t pc = n; pc-- > 0;) {
            if (r[pc]) continue;
            const Inst& in = p.code[pc];
            char v = 0;
            switch (in.op) {
            case MATCH: v = 1; break;
            case TOK: break;
            case SPLIT: v = at(in.x) || at(in.y); break;
            case JMP: v = at(in.x); break;
            default: v = at(pc + 1);
            }
            if (v) r[pc] = 1, changed = true;
        }
    }
    return r;
}

// The TOKs after which the program can reach MATCH without consuming: a match's last token has one of their bits.
Bits last_bits(const TokenProgram& p) {
    Bits out = 0;
    const std::vector<char> r = reaches_match(p);
    for (uint32_t t = 0; t < p.code.size(); ++t)
        if (p.code[t].op == TOK && r[t + 1]) out |= guard_bits(p.code[t]);
    return out;
}

// The TOKs that can take a match's first token (start) and its last one (last).
void tok_roles(const TokenProgram& p, std::vector<char>& start, std::vector<char>& last) {
    start.assign(p.code.size(), 0);
    last.assign(p.code.size(), 0);
    walk(p, 0, [&](uint32_t pc, const Inst& in) {
        if (in.op == TOK) start[pc] = 1;
        return Walk::stop;
    });
    const std::vector<char> r = reaches_match(p);
    for (uint32_t t = 0; t < p.code.size(); ++t)
        if (p.code[t].op == TOK && r[t + 1]) last[t] = 1;
}

// Whether MATCH can be reached with the TOKs whose guard lies within `off` taken out.
bool reachable_without(const TokenProgram& p, Bits off) {
    bool match = false;
    walk(p, 0, [&](uint32_t, const Inst& in) {
        if (in.op == MATCH) {
            match = true;
            return Walk::done;
        }
        return (guard_bits(in) & ~off) != 0 ? Walk::next : Walk::stop;
    });
    return match;
}

// What every match needs (a token with one of a set's bits), tried for each TOK's
// guard and each alternation's (kept: the sets without which MATCH is out of reach).
std::vector<Bits> needs(const TokenProgram& p, const std::vector<Bits>& alt_guards) {
    std::vector<Bits> cand = alt_guards, out;
    for (const Inst& in : p.code)
        if (in.op == TOK) cand.push_back(guard_bits(in));
    std::sort(cand.begin(), cand.end());
    cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
    for (Bits c : cand)
        if (c && !reachable_without(p, c)) out.push_back(c);
    // (session 24) For a program with no need but shapes (bits most tokens have: a letter or
    // digit run, a comma), a union: the TOKs that test a word, a word set or a predicate, as
    // few of them as still cut every path to MATCH. money.scaled_code's four pattern lines
    // each need a joined word ("MEUR", "SEKbn"), a different one each, so no single guard is
    // a need and its VM ran at every number (117k runs on 4 MB, no match); the four together
    // are one. (Only there: need bits are few, kMaxNeeds.)
    const Bits shape = Bits((uint64_t{1} << kFirstWordBit) - 1);
    if (std::any_of(out.begin(), out.end(), [&](const Bits& n) { return !n.any_of(shape); })) return out;
    std::vector<Bits> word;
    for (const Inst& in : p.code)
        if (in.op == TOK)
            if (const Bits g = guard_bits(in); g && !g.any_of(shape)) word.push_back(g);
    std::sort(word.begin(), word.end());
    word.erase(std::unique(word.begin(), word.end()), word.end());
    auto join = [&](const std::vector<char>& keep) {
        Bits u = 0;
        for (size_t k = 0; k < word.size(); ++k)
            if (keep[k]) u |= word[k];
        return u;
    };
    std::vector<char> keep(word.size(), 1);
    if (word.size() > 1 && !reachable_without(p, join(keep))) {
        for (size_t k = 0; k < word.size(); ++k) {  // each left out while the rest still cut
            keep[k] = 0;
            if (reachable_without(p, join(keep))) keep[k] = 1;
        }
        out.push_back(join(keep));
    }
    return out;
}

// Whether the program's token reading is the regex's: "" or what could differ.
// A letter or digit run of the text is one token, so a regex match that starts,
// ends or splits such a run between two pattern parts has no token match; the
// checks make sure no match of the pattern does (each run is bounded by white
// space, \b, {PRE}, ^/$ or a token of another kind), and that white space is
// never at a match's or a capture's edge (the VM puts those on token edges).
std::string check(const TokenProgram& p) {
    std::string why;
    // A match consumes a token, does not start with white space, and starts at tokens the same way.
    bool pre = false, plain = false, lead_gap = false, empty = false;
    reach(p, 0, [&](uint32_t pc) {
        const Op op = p.code[pc].op;
        empty = empty || op == MATCH;
        lead_gap = lead_gap || op == GAP;
        if (op == PRE) pre = true;
        return true;
    });
    if (empty) return "can match the empty string";
    if (lead_gap) return "can start with white space";
    size_t pres = 0, reached = 0;
    for (const Inst& in : p.code) pres += in.op == PRE;
    reach(p, 0, [&](uint32_t pc) {
        const Op op = p.code[pc].op;
        reached += op == PRE;
        if (op == TOK) plain = true;
        return op != PRE && op != BOL;
    });
    if (pre && plain) return "mixes starts with and without {PRE}";
    if (pre) {
        size_t all_pre = 0;
        reach(p, 0, [&](uint32_t pc) {
            all_pre += p.code[pc].op == PRE;
            return true;
        });
        if (all_pre != pres) return "a one-character look-behind after a token";
    } else if (pres) {
        return "a one-character look-behind after a token";
    }
    // A run at a match's start: \b, ^ or {PRE} before it.
    reach(p, 0, [&](uint32_t pc) {
        const Inst& in = p.code[pc];
        if (in.op == TOK && in.kinds && why.empty()) why = "can start inside a letter or digit run (no \\b before)";
        return in.op != WB && in.op != PRE && in.op != BOL;
    });
    if (!why.empty()) return why;
    // A one-character look-ahead ends the match: only jumps, the match's own end and MATCH after it.
    for (uint32_t c = 0; c < p.code.size() && why.empty(); ++c)
        if (p.code[c].op == CHR)
            reach(p, c + 1, [&](uint32_t pc) {
                const Inst& in = p.code[pc];
                if (!(in.op == JMP || in.op == MATCH || (in.op == SAVE_E && in.x == 1)))
                    why = "a one-character look-ahead not at the match's end";
                return why.empty();
            });
    if (!why.empty()) return why;
    std::vector<uint32_t> ends;  // (a GAP's capture ends)
    struct After {  // what a walk after a run meets before white space or \b (below), in order
        struct Event {
            uint8_t what;  // 0: a TOK that takes a run of its kinds; 1: MATCH; 2: a look-ahead that could continue it
            uint32_t id;
            uint8_t shared;  // (a TOK: its id and the kinds shared)
        };
        std::vector<Event> events;
    };
    std::unordered_map<uint64_t, After> after;
    for (uint32_t g = 0; g < p.code.size() && why.empty(); ++g) {
        const Inst& gi = p.code[g];
        if (gi.op == GAP) {
            reach(p, g + 1, [&](uint32_t pc) {
                const Inst& in = p.code[pc];
                if (in.op == MATCH || in.op == EOL) why = "white space at the end of a match";
                else if (in.op == CHR) why = "white space before a one-character look-ahead";
                else if (in.op == GAP && (gi.sp || in.sp)) why = "a literal space next to other white space";
                else if (in.op == SAVE_E) ends.push_back(pc);
                return why.empty();
            });
            // A capture that ends in white space: the VM puts its end when the next token comes
            // (the gap's bytes it can take, greedy). Only steps that read no position may lie
            // between: no other capture's end, \b, ^, $ or look-ahead.
            for (uint32_t e : ends)
                if (why.empty()) reach(p, e + 1, [&](uint32_t q) {
                    const Op o = p.code[q].op;
                    if (!(o == GAP || o == JMP || o == SPLIT || o == PEEK || o == SAVE_B || o == TOK))
                        why = "a capture ends with white space, and more than white space follows it before a token";
                    return why.empty();
                });
            ends.clear();
        } else if (gi.op == SAVE_B) {
            reach(p, g + 1, [&](uint32_t pc) {
                const Inst& in = p.code[pc];
                if (in.op == GAP) why = "a capture starts with white space";
                else if (in.op == SAVE_E && in.x == gi.x + 1) why = "a capture can be empty";
                return why.empty();
            });
        } else if (gi.op == TOK && gi.kinds) {
            // What follows the run: each path's next token must not continue it. What a walk
            // from g + 1 meets (with no white space or \b passed) depends on where it starts
            // and the run's kinds only, so it is found once per (start, kinds): the TOKs of a
            // long alternation all jump to the same place (0.1 G instructions of loading).
            uint32_t from = g + 1;
            while (from < p.code.size() && p.code[from].op == JMP) from = p.code[from].x;
            const uint64_t key = static_cast<uint64_t>(from) << 8 | gi.kinds;
            auto [it, fresh] = after.try_emplace(key);
            After& a = it->second;
            if (fresh) {
                // (seen: this walk's marks, as traverse keeps them)
                thread_local std::vector<uint32_t> seen;
                thread_local std::vector<std::pair<uint32_t, int>> todo;  // state: 1 white space passed, 2 \b passed
                thread_local uint32_t epoch = 0;
                if (++epoch == 0) std::fill(seen.begin(), seen.end(), 0u), epoch = 1;
                if (seen.size() < p.code.size() * 4) seen.resize(p.code.size() * 4, 0);
                todo.clear();
                todo.push_back({from, 0});
                while (!todo.empty()) {
                    auto [pc, st] = todo.back();
                    todo.pop_back();
                    if (pc >= p.code.size() || seen[pc * 4 + st] == epoch) continue;
                    seen[pc * 4 + st] = epoch;
                    const Inst& in = p.code[pc];
                    switch (in.op) {
                    case TOK: {
                        const uint8_t shared = in.kinds & gi.kinds;
                        if (st == 0 && shared) a.events.push_back({0, in.id, shared});
                        break;
                    }
                    case MATCH:
                        if (st == 0) a.events.push_back({1, 0, 0});
                        break;
                    case CHR: {  // the character after the run: it must not continue the run
                        const CharTest& ct = p.chars[in.x];
                        if (st == 0 && (((gi.kinds & 1) && ct.letters) || ((gi.kinds & 2) && ct.digits)))
                            a.events.push_back({2, 0, 0});
                        break;
                    }
                    case GAP: todo.push_back({pc + 1, st | (in.gmin > 0 ? 1 : 0)}); break;
                    case WB:
                    case EOL: todo.push_back({pc + 1, st | 2}); break;
                    case SPLIT: todo.push_back({in.x, st}), todo.push_back({in.y, st}); break;
                    case JMP: todo.push_back({in.x, st}); break;
                    default: todo.push_back({pc + 1, st});
                    }
                }
            }
            for (const After::Event& ev : a.events) {  // (in the walk's order: the first reason met)
                if (ev.what == 0 && !(ev.id == gi.id && (gi.anylen & ev.shared) == ev.shared))
                    why = "a letter or digit run could be split between two parts of the pattern";
                else if (ev.what == 1 && (gi.kinds & ~gi.anylen))
                    why = "can end inside a letter or digit run (no \\b after)";
                else if (ev.what == 2)
                    why = "a letter or digit run could be split by a one-character look-ahead";
                if (!why.empty()) break;
            }
        }
    }
    return why;
}

}  // namespace

// ---- the VM ----

bool TokenVM::run(const TokenProgram& prog, const TokenIndex& ix, size_t start, uint32_t resume,
                  std::vector<uint32_t>& slots) {
    const Token* toks = ix.toks.data();
    const uint32_t n = static_cast<uint32_t>(ix.toks.size());
    const char* s = ix.text->data();
    const uint32_t pb = ix.para.begin, pe = ix.para.end;
    auto wb = [&](uint32_t x) {  // RE2's \b at byte x of the paragraph (ASCII \w)
        const bool l = x > pb && is_w(static_cast<unsigned char>(s[x - 1]));
        const bool r = x < pe && is_w(static_cast<unsigned char>(s[x]));
        return l != r;
    };
    ++runs;
    slots.assign(2 * prog.names.size(), UINT32_MAX);
    // The stack by hand: a vector's push_back was an out-of-line call per push (52 M of the
    // VM's 536 M instructions on 4 MB of news). top: the entries in use; grown by doubling.
    size_t top = 0;
    auto push = [&](const Entry& x) __attribute__((always_inline)) {
        if (top == stack_.size()) stack_.resize(top ? 2 * top : 64);
        stack_[top++] = x;
    };
    push({0, static_cast<uint32_t>(start), 0, 0, false});
    const Inst* code = prog.code.data();
    uint32_t chr_end = 0;  // a CHR's end (only jumps and MATCH follow it)
    // A capture whose end waits for the next token (it ends in white space): its slot, and the gap
    // it took inside, dmin..dmax bytes; dslot = UINT32_MAX: none. Restored on backtracking as the
    // slots are (an entry of the stack).
    uint32_t dslot = UINT32_MAX, dmin = 0, dmax = 0;
    while (top != 0) {
        const Entry e = stack_[--top];
        if (e.pc == UINT32_MAX) {
            slots[e.gmin] = e.gmax;
            continue;
        }
        if (e.pc == UINT32_MAX - 1) {
            dslot = e.i, dmin = e.gmin, dmax = e.gmax;
            continue;
        }
        uint32_t pc = e.pc, i = e.i, gmin = e.gmin, gmax = e.gmax;
        bool sp = e.sp;
        for (;;) {
            const Inst& in = code[pc];
#ifdef CLAIMEX_RULE_PROFILE
            ++steps;
#endif
            switch (in.op) {
            case TOK: {
                if (i >= n) goto fail;
                const Token& t = toks[i];
                if (!has_all(t.bits, in.t_all, in.all) || (in.t_any.k != -2 && !has_any(t.bits, in.t_any, in.any))) goto fail;
                if (in.word && (in.wfold ? t.lid : t.id) != in.word) goto fail;
                if (in.t_none.k != -2 && has_any(t.bits, in.t_none, in.none)) goto fail;
                if (i > start) {
                    const uint32_t g = t.b - toks[i - 1].e;
                    if (g < gmin || g > gmax) goto fail;
                    if (sp)
                        for (uint32_t k = toks[i - 1].e; k < t.b; ++k)
                            if (s[k] != ' ') goto fail;
                    if (dslot != UINT32_MAX) {
                        // A capture that ends in white space (check(): greedy, at most one per gap): it
                        // takes as much of the gap as it can, leaving what the parts after it need.
                        push({UINT32_MAX - 1, dslot, dmin, dmax, false});
                        slots[dslot] = toks[i - 1].e + std::min(dmax, g - (gmin - dmin));
                        dslot = UINT32_MAX;
                    }
                }
                if (in.join) {  // captures inside the token: where the regex puts them
                    const Join& jn = *prog.joins[in.join - 1];
                    constexpr int kMaxGroups = 8;
                    re2::StringPiece sub[kMaxGroups];
                    const int ng = static_cast<int>(jn.caps.size()) + 1;
                    if (!jn.re->Match(re2::StringPiece(s + t.b, t.e - t.b), 0, t.e - t.b, RE2::ANCHOR_BOTH, sub, ng))
                        goto fail;
                    for (int g = 1; g < ng; ++g) {
                        if (!sub[g].data()) continue;
                        const uint32_t k = 2 * static_cast<uint32_t>(jn.caps[static_cast<size_t>(g - 1)]);
                        push({UINT32_MAX, 0, k, slots[k], false});
                        push({UINT32_MAX, 0, k + 1, slots[k + 1], false});
                        slots[k] = static_cast<uint32_t>(sub[g].data() - s);
                        slots[k + 1] = slots[k] + static_cast<uint32_t>(sub[g].size());
                    }
                }
                gmin = gmax = 0;
                sp = false;
                ++i, ++pc;
                break;
            }
            case GAP:
                gmin += in.gmin;
                gmax = std::min(kInf, gmax + in.gmax);
                sp = sp || in.sp;
                ++pc;
                break;
            case SPLIT:
                if (in.poss) {  // a glued token the run's TOK takes: taken, no way back (translate())
                    const Inst& t = code[in.x];
                    pc = i > start && i < n && toks[i].b == toks[i - 1].e && has_all(toks[i].bits, t.t_all, t.all) &&
                                 (t.t_any.k == -2 || has_any(toks[i].bits, t.t_any, t.any)) &&
                                 !(t.t_none.k != -2 && has_any(toks[i].bits, t.t_none, t.none))
                             ? in.x
                             : in.y;
                    break;
                }
                if (in.t_any.k != -2 && (!(i < n && has_any(toks[i].bits, in.t_any, in.any)) ||
                                         (in.t_any2.k != -2 && !(i + 1 < n && has_any(toks[i + 1].bits, in.t_any2, in.any2))))) {
                    pc = in.y;  // the preferred branch cannot start here
                    break;
                }
                push({in.y, i, gmin, gmax, sp});
                pc = in.x;
                break;
            case PEEK:
                if (!(i < n && has_any(toks[i].bits, in.t_any, in.any)) ||
                    (in.t_any2.k != -2 && !(i + 1 < n && has_any(toks[i + 1].bits, in.t_any2, in.any2))))
                    goto fail;
                ++pc;
                break;
            case JMP: pc = in.x; break;
            case SAVE_B:
                push({UINT32_MAX, 0, in.x, slots[in.x], false});
                slots[in.x] = i < n ? toks[i].b : pe;
                ++pc;
                break;
            case SAVE_E:
                push({UINT32_MAX, 0, in.x, slots[in.x], false});
                slots[in.x] = i > start ? toks[i - 1].e : (i < n ? toks[i].b : pe);
                if (gmax != 0) {  // white space before it: the next TOK says
                    push({UINT32_MAX - 1, dslot, dmin, dmax, false});
                    dslot = in.x, dmin = gmin, dmax = gmax;
                }
                ++pc;
                break;
            case WB:  // \b right after the last token, or (white space passed, or none taken yet) before the next
                if (i > start && gmax == 0 ? !(toks[i - 1].bits & WB_AFTER)
                                           : (i < n ? !(toks[i].bits & WB_BEFORE) : !wb(pe)))
                    goto fail;
                ++pc;
                break;
            case EOL:  // $: the last token ends the paragraph
                if (gmax != 0 || (i > start ? toks[i - 1].e : (i < n ? toks[i].b : pe)) != pe) goto fail;
                ++pc;
                break;
            case BOL:  // ^: the match starts the paragraph, and the search does
                if (i != start || i >= n || toks[i].b != pb || resume != pb) goto fail;
                push({UINT32_MAX, 0, 0, slots[0], false});
                slots[0] = pb;
                ++pc;
                break;
            case PRE: {  // one code point before the token, at or after resume, not [\w.,:#/\-\p{Sc}]
                if (i != start || i >= n || !(toks[i].bits & PRE_OK)) goto fail;
                // (white space before it, or a glued token of one code point: PRE_OK says no PREX)
                const uint32_t q = i > 0 && toks[i - 1].e == toks[i].b ? toks[i - 1].b : toks[i].b - 1;
                if (q < resume) goto fail;
                push({UINT32_MAX, 0, 0, slots[0], false});
                slots[0] = q;
                ++pc;
                break;
            }
            case CHR: {  // one code point right after the last token (check: no white space pending)
                if (i == start || gmax != 0) goto fail;
                const uint32_t x = toks[i - 1].e;
                if (x >= pe) goto fail;
                int32_t k = static_cast<int32_t>(x);
                UChar32 cp;
                U8_NEXT(s, k, static_cast<int32_t>(pe), cp);
                if (cp < 0 || !prog.chars[in.x].has(static_cast<uint32_t>(cp))) goto fail;
                chr_end = static_cast<uint32_t>(k);
                ++pc;
                break;
            }
            case MATCH:
                ++matches;
                slots[1] = chr_end ? chr_end : toks[i - 1].e;
                return true;
            }
        }
    fail:;
    }
    return false;
}

// ---- the translator ----

namespace {

// A parsed pattern (the subset translate() reads).
struct R;
using RP = std::shared_ptr<R>;
struct R {
    enum K { Lit, Cls, Bol, Eol, Wb, Grp, Cap, Rep, Seq, Alt } k;
    uint32_t cp = 0;
    bool fold = false;  // Lit, Cls: under (?i)
    std::vector<std::pair<uint32_t, uint32_t>> ranges;  // Cls
    bool neg = false, sc = false;                       // Cls: [^...], \p{Sc}
    int slot = 0;                                       // Cap
    int min = 0, max = 0;                               // Rep (max -1: no bound)
    bool lazy = false;                                  // Rep: fewer first (`*?`, `{0,6}?`)
    std::vector<RP> kids;
};

struct Unsupported {
    std::string why;
};
[[noreturn]] void unsupported(std::string why) { throw Unsupported{std::move(why)}; }

RP node(R::K k) {
    auto r = std::make_shared<R>();
    r->k = k;
    return r;
}

bool has_case(uint32_t cp) {
    return u_tolower(static_cast<UChar32>(cp)) != static_cast<UChar32>(cp) ||
           u_toupper(static_cast<UChar32>(cp)) != static_cast<UChar32>(cp) ||
           u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT) != static_cast<UChar32>(cp);
}

struct Parser {
    const std::string& s;
    size_t i = 0;
    std::vector<std::string> names{""};  // capture 0: the whole match
    std::vector<char> spans{0};
    bool xclip = false;  // a class lost code points in U+00C0-U+04FF

    bool more() const { return i < s.size(); }
    uint32_t cp() {  // the next code point
        int32_t k = static_cast<int32_t>(i);
        UChar32 c;
        U8_NEXT(s.data(), k, static_cast<int32_t>(s.size()), c);
        if (c < 0) unsupported("bad UTF-8");
        i = static_cast<size_t>(k);
        return static_cast<uint32_t>(c);
    }
    RP parse() {
        bool fold = false;
        RP r = alt(fold);
        if (more()) unsupported("unbalanced ')'");
        return r;
    }
    RP alt(bool& fold) {
        std::vector<RP> br{seq(fold)};
        while (more() && s[i] == '|') ++i, br.push_back(seq(fold));
        if (br.size() == 1) return br[0];
        RP a = node(R::Alt);
        a->kids = std::move(br);
        return a;
    }
    RP seq(bool& fold) {
        RP q = node(R::Seq);
        while (more() && s[i] != '|' && s[i] != ')') {
            RP a = atom(fold);
            if (!a) continue;
            for (;;) {  // quantifiers
                if (!more()) break;
                int lo, hi;
                const char c = s[i];
                if (c == '?') lo = 0, hi = 1, ++i;
                else if (c == '*') lo = 0, hi = -1, ++i;
                else if (c == '+') lo = 1, hi = -1, ++i;
                else if (c == '{' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
                    size_t j = i + 1;
                    lo = 0;
                    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) lo = lo * 10 + (s[j++] - '0');
                    hi = lo;
                    if (j < s.size() && s[j] == ',') {
                        ++j;
                        if (j < s.size() && s[j] == '}') hi = -1;
                        else {
                            hi = 0;
                            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) hi = hi * 10 + (s[j++] - '0');
                        }
                    }
                    if (j >= s.size() || s[j] != '}') unsupported("a '{' it cannot read");
                    i = j + 1;
                } else break;
                bool lazy = false;
                if (more() && s[i] == '?') lazy = true, ++i;
                // `(?:[...])*` (a macro's class under a repeat) is `[...]*`: the group's one part.
                while (a->k == R::Grp) {
                    const RP& g = a->kids[0];
                    if (g->k == R::Seq && g->kids.size() == 1) a = g->kids[0];
                    else if (g->k == R::Cls || g->k == R::Lit) a = g;
                    else break;
                }
                RP r = node(R::Rep);
                r->min = lo, r->max = hi, r->lazy = lazy;
                r->kids = {a};
                a = r;
            }
            q->kids.push_back(a);
        }
        return q;
    }
    uint32_t hex() {  // after \x
        if (more() && s[i] == '{') {
            size_t e = s.find('}', i);
            if (e == std::string::npos) unsupported("\\x{");
            uint32_t v = static_cast<uint32_t>(std::stoul(s.substr(i + 1, e - i - 1), nullptr, 16));
            i = e + 1;
            return v;
        }
        if (i + 2 > s.size()) unsupported("\\x");
        uint32_t v = static_cast<uint32_t>(std::stoul(s.substr(i, 2), nullptr, 16));
        i += 2;
        return v;
    }
    RP lit(uint32_t c, bool fold) {
        RP r = node(R::Lit);
        r->cp = c, r->fold = fold;
        return r;
    }
    static void add_class(RP& r, char e) {
        switch (e) {
        case 'd': r->ranges.push_back({'0', '9'}); break;
        case 's':
            for (uint32_t c : {'\t', '\n', '\f', '\r', ' '}) r->ranges.push_back({c, c});
            break;
        case 'w':
            r->ranges.push_back({'0', '9'}), r->ranges.push_back({'A', 'Z'}), r->ranges.push_back({'a', 'z'});
            r->ranges.push_back({'_', '_'});
            break;
        }
    }
    uint32_t escaped_cp() {  // after '\\', a character escape
        const char e = s[i];
        if (e == 'x') return ++i, hex();
        if (e == 'n') return ++i, '\n';
        if (e == 't') return ++i, '\t';
        if (e == 'r') return ++i, '\r';
        if (e == 'f') return ++i, '\f';
        if (e == 'v') return ++i, 0x0B;
        if (std::isalnum(static_cast<unsigned char>(e))) unsupported(std::string("the escape \\") + e);
        return cp();
    }
    RP klass(bool fold) {
        RP r = node(R::Cls);
        r->fold = fold;
        if (more() && s[i] == '^') r->neg = true, ++i;
        bool first = true;
        while (more() && (s[i] != ']' || first)) {
            first = false;
            uint32_t lo;
            if (s[i] == '\\') {
                ++i;
                if (!more()) unsupported("class");
                const char e = s[i];
                if (e == 'd' || e == 's' || e == 'w') {
                    add_class(r, e), ++i;
                    continue;
                }
                if (e == 'p' && s.compare(i, 5, "p{Sc}") == 0) {
                    r->sc = true, i += 5;
                    continue;
                }
                lo = escaped_cp();
            } else if (s[i] == '[') {
                unsupported("a named class");
            } else {
                lo = cp();
            }
            uint32_t hi = lo;
            if (i + 1 < s.size() && s[i] == '-' && s[i + 1] != ']') {
                ++i;
                if (s[i] == '\\') ++i, hi = escaped_cp();
                else hi = cp();
            }
            r->ranges.push_back({lo, hi});
        }
        if (!more()) unsupported("unclosed class");
        ++i;
        // Code points in U+00C0-U+04FF out (`{UP}`'s À-Ö, Greek, Cyrillic): on a paragraph without
        // any (no XLETTER token) the class matches what it did; a paragraph with one runs the rule
        // on the regex engine (TokenProgram::xletters).
        std::vector<std::pair<uint32_t, uint32_t>> kept;
        for (auto [lo, hi] : r->ranges) {
            if (hi < kXFirst || lo > kXLast) {
                kept.push_back({lo, hi});
                continue;
            }
            xclip = true;
            if (lo < kXFirst) kept.push_back({lo, kXFirst - 1});
            if (hi > kXLast) kept.push_back({kXLast + 1, hi});
        }
        r->ranges = std::move(kept);
        if (r->ranges.empty() && !r->neg && !r->sc) unsupported("a class of code points in U+00C0-U+04FF only");
        if (fold)  // (?i): each letter's other case (ASCII; a non-ASCII letter with case is refused later)
            for (size_t k = 0, n = r->ranges.size(); k < n; ++k)
                for (uint32_t c = r->ranges[k].first; c <= r->ranges[k].second && c < 128; ++c)
                    if (is_letter(c)) r->ranges.push_back({c ^ 0x20, c ^ 0x20});
        return r;
    }
    RP atom(bool& fold) {
        const char c = s[i];
        if (c == '(') {
            ++i;
            if (s.compare(i, 2, "?:") == 0) {
                i += 2;
                bool f = fold;
                RP g = node(R::Grp);
                g->kids = {alt(f)};
                expect_close();
                return g;
            }
            if (s.compare(i, 3, "?P<") == 0) {
                const size_t e = s.find('>', i);
                std::string name = s.substr(i + 3, e - i - 3);
                i = e + 1;
                if (auto u = name.find("__"); u != std::string::npos) name.resize(u);
                RP g = node(R::Cap);
                g->slot = static_cast<int>(names.size());
                names.push_back(name);
                spans.push_back(name == "span");
                bool f = fold;
                g->kids = {alt(f)};
                expect_close();
                return g;
            }
            if (s.compare(i, 3, "?i)") == 0) {
                i += 3;
                fold = true;
                return nullptr;
            }
            if (s.compare(i, 3, "?i:") == 0) {
                i += 3;
                bool f = true;
                RP g = node(R::Grp);
                g->kids = {alt(f)};
                expect_close();
                return g;
            }
            if (more() && s[i] == '?') unsupported("a look-around or flag group");
            bool f = fold;  // an unnamed capturing group: no capture to report
            RP g = node(R::Grp);
            g->kids = {alt(f)};
            expect_close();
            return g;
        }
        if (c == '[') return ++i, klass(fold);
        if (c == '^') return ++i, node(R::Bol);
        if (c == '$') return ++i, node(R::Eol);
        if (c == '.') unsupported("'.'");
        if (c == '\\') {
            ++i;
            if (!more()) unsupported("a trailing '\\'");
            const char e = s[i];
            if (e == 'b') return ++i, node(R::Wb);
            if (e == 'D') {  // [^0-9]
                RP r = node(R::Cls);
                r->fold = fold, r->neg = true;
                add_class(r, 'd');
                ++i;
                return r;
            }
            if (e == 'd' || e == 's' || e == 'w') {
                RP r = node(R::Cls);
                r->fold = fold;
                add_class(r, e);
                ++i;
                return r;
            }
            return lit(escaped_cp(), fold);
        }
        return lit(cp(), fold);
    }
    void expect_close() {
        if (!more() || s[i] != ')') unsupported("unclosed group");
        ++i;
    }
};

// The smallest length a parsed part matches.
size_t min_len(const RP& r) {
    switch (r->k) {
    case R::Lit:
    case R::Cls: return 1;
    case R::Grp:
    case R::Cap: return min_len(r->kids[0]);
    case R::Rep: return static_cast<size_t>(r->min) * min_len(r->kids[0]);
    case R::Seq: {
        size_t n = 0;
        for (const RP& k : r->kids) n += min_len(k);
        return n;
    }
    case R::Alt: {
        size_t n = SIZE_MAX;
        for (const RP& k : r->kids) n = std::min(n, min_len(k));
        return n;
    }
    default: return 0;
    }
}

enum Kind { NONE = 0, LETTERS = 1, DIGITS = 2, EITHER = 3 };

bool class_within(const RP& r, bool (*in)(uint32_t)) {
    if (r->neg || r->sc || r->ranges.empty()) return false;
    for (auto [lo, hi] : r->ranges)
        if (!in(lo) || !in(hi) || (lo < 'A' && hi > '9') || (lo <= 'Z' && hi >= 'a')) return false;
    return true;
}

// Whether a part matches only letter strings, only digit strings (a token's worth:
// parts in a row of one kind make one token), or anything else.
int pure(const RP& r) {
    switch (r->k) {
    case R::Lit: return is_letter(r->cp) ? LETTERS : is_digit(r->cp) ? DIGITS : NONE;
    case R::Cls: return class_within(r, is_letter) ? LETTERS : class_within(r, is_digit) ? DIGITS : NONE;
    case R::Rep:
    case R::Grp: return pure(r->kids[0]);
    case R::Seq:
    case R::Alt: {
        int k = EITHER;
        for (const RP& x : r->kids) {
            const int p = pure(x);
            if (p == NONE) return NONE;
            if (p != EITHER) {
                if (k != EITHER && k != p) return NONE;
                k = p;
            }
        }
        return k;
    }
    default: return NONE;
    }
}

// A pure part as RE2 syntax (the key of its predicate).
std::string print(const RP& r) {
    auto ch = [](uint32_t c) {
        std::string o;
        if (!is_letter(c) && !is_digit(c)) o += '\\';
        o += static_cast<char>(c);
        return o;
    };
    switch (r->k) {
    case R::Lit: return r->fold && is_letter(r->cp) ? "(?i:" + ch(r->cp) + ")" : ch(r->cp);
    case R::Cls: {
        if (r->ranges.size() == 1 && r->ranges[0] == std::pair<uint32_t, uint32_t>{'0', '9'}) return "\\d";
        std::string o = "[";
        for (auto [lo, hi] : r->ranges) o += lo == hi ? ch(lo) : ch(lo) + "-" + ch(hi);
        o += "]";
        return r->fold ? "(?i:" + o + ")" : o;
    }
    case R::Grp: return "(?:" + print(r->kids[0]) + ")";
    case R::Rep: {
        const RP& k = r->kids[0];
        std::string a = print(k);
        if (k->k == R::Seq || k->k == R::Alt) a = "(?:" + a + ")";
        if (r->min == 0 && r->max == 1) return a + "?";
        if (r->min == 0 && r->max < 0) return a + "*";
        if (r->min == 1 && r->max < 0) return a + "+";
        if (r->max < 0) return a + "{" + std::to_string(r->min) + ",}";
        if (r->min == r->max) return a + "{" + std::to_string(r->min) + "}";
        return a + "{" + std::to_string(r->min) + "," + std::to_string(r->max) + "}";
    }
    case R::Seq: {
        std::string o;
        for (const RP& k : r->kids) o += k->k == R::Alt ? "(?:" + print(k) + ")" : print(k);
        return o;
    }
    case R::Alt: {
        std::string o;
        for (size_t k = 0; k < r->kids.size(); ++k) o += (k ? "|" : "") + print(r->kids[k]);
        return o;
    }
    default: unsupported("print");
    }
}

// The strings a pure letter part matches, if few (and whether any letter is read in any case,
// and any as written).
bool enumerate(const RP& r, std::vector<std::string>& out, bool& folded, bool& exact) {
    constexpr size_t kMax = 20000;
    switch (r->k) {
    case R::Lit:
        (r->fold ? folded : exact) = true;
        out = {std::string(1, static_cast<char>(r->cp))};
        return true;
    case R::Cls:
        (r->fold ? folded : exact) = true;
        out.clear();
        for (auto [lo, hi] : r->ranges)
            for (uint32_t c = lo; c <= hi; ++c) out.push_back(std::string(1, static_cast<char>(c)));
        return true;
    case R::Grp: return enumerate(r->kids[0], out, folded, exact);
    case R::Alt: {
        out.clear();
        for (const RP& k : r->kids) {
            std::vector<std::string> v;
            if (!enumerate(k, v, folded, exact)) return false;
            out.insert(out.end(), v.begin(), v.end());
            if (out.size() > kMax) return false;
        }
        return true;
    }
    case R::Seq: {
        std::vector<std::string> acc{""};
        for (const RP& k : r->kids) {
            std::vector<std::string> v, next;
            if (!enumerate(k, v, folded, exact)) return false;
            for (const std::string& a : acc)
                for (const std::string& b : v) next.push_back(a + b);
            acc = std::move(next);
            if (acc.size() > kMax) return false;
        }
        out = std::move(acc);
        return true;
    }
    case R::Rep: {
        if (r->max < 0 || r->max > 8) return false;
        std::vector<std::string> v, cur{""}, all;
        if (!enumerate(r->kids[0], v, folded, exact)) return false;
        for (int c = 0; c <= r->max; ++c) {
            if (c >= r->min) all.insert(all.end(), cur.begin(), cur.end());
            if (c == r->max) break;
            std::vector<std::string> next;
            for (const std::string& a : cur)
                for (const std::string& b : v) next.push_back(a + b);
            cur = std::move(next);
            if (cur.size() > kMax) return false;
        }
        out = std::move(all);
        return true;
    }
    default: return false;
    }
}

bool any_fold(const RP& r) {
    if (r->fold) return true;
    for (const RP& k : r->kids)
        if (any_fold(k)) return true;
    return false;
}

struct Converter {
    TokenClasses& cls;
    bool fold = false;  // some letter is read in any case

    // A run of pure parts of one kind: one token whose whole text they match.
    N fragment(const std::vector<RP>& parts, int kind) {
        RP q = node(R::Seq);
        q->kids = parts;
        const bool nullable = min_len(q) == 0;
        const std::string re = print(q);
        N t;
        if (kind == DIGITS) {
            static const std::vector<std::pair<std::string, uint64_t>> fixed = {
                {"\\d+", DIGIT}, {"\\d*", DIGIT}, {"\\d{1,3}", D1_3}, {"\\d{1,2}", D1_2}, {"\\d{2}", D2}, {"\\d\\d", D2},
                {"\\d{3}", D3}, {"\\d\\d\\d", D3}, {"\\d", D1}, {"\\d{4}", D4}, {"\\d\\d\\d\\d", D4},
                {"(?:19|20)\\d\\d", YEAR}, {"(?:19|20)\\d{2}", YEAR}};
            uint64_t bit = 0;
            for (const auto& [k, b] : fixed)
                if (k == re) bit = b;
            const uint8_t any = re == "\\d+" || re == "\\d*" ? DIGITS : 0;
            t = tok(bit ? Bits(bit) : cls.regular(re, false), 0, DIGITS, any);
        } else {
            // The strings a fragment matches, by its printed form (which says every letter's case
            // reading): the same lists recur in many rules (a thread's, kept for the process).
            struct Words {
                bool ok = false, folded = false, exact = false;
                std::vector<std::string> ws;  // (without "", in lower case when folded, sorted, unique)
            };
            thread_local std::unordered_map<std::string, Words> words_of;
            auto [it, fresh] = words_of.try_emplace(re);
            Words& w = it->second;
            if (fresh) {
                w.ok = enumerate(q, w.ws, w.folded, w.exact);
                if (w.ok) {
                    w.ws.erase(std::remove(w.ws.begin(), w.ws.end(), std::string()), w.ws.end());
                    if (w.folded)
                        for (std::string& x : w.ws) x = lower(x);
                    std::sort(w.ws.begin(), w.ws.end());
                    w.ws.erase(std::unique(w.ws.begin(), w.ws.end()), w.ws.end());
                }
            }
            const std::vector<std::string>& ws = w.ws;
            const bool folded = w.folded, exact = w.exact;
            if (w.ok) {
                if (folded && exact) unsupported("a word read partly in any case");
                fold = fold || folded;
                t = ws.size() == 1 ? word_tok(cls.word_id(ws[0], folded), folded, LETTERS)
                                   : tok(cls.words(ws, folded), 0, LETTERS, 0);
            } else {
                fold = fold || any_fold(q);
                const bool all_letters = re == "[A-Za-z]+" || re == "[A-Za-z]*" || re == "[a-zA-Z]+";
                t = all_letters ? tok(ALPHA, 0, LETTERS, LETTERS) : tok(cls.regular(re, true), 0, LETTERS, 0);
                if (all_letters) fold = true;
            }
        }
        return nullable ? opt(t) : t;
    }

    // A greedy star of a class holding every ASCII letter (and all digits or none, no white space):
    // conv() makes it glued tokens of whole runs.
    bool glued_star(const RP& r) {
        if (r->k != R::Rep || r->min != 0 || r->max >= 0 || r->lazy) return false;
        const RP& x = r->kids[0];
        if (x->k != R::Cls || x->neg || x->sc) return false;
        Parts p = split(x);
        return p.letters.size() == 52 && (p.digits.empty() || p.digits.size() == 10) && p.space.empty();
    }

    // A capture of a letter part that takes a letter at least.
    static bool cap_letters(const RP& x) {
        return x->k == R::Cap && pure(x->kids[0]) == LETTERS && min_len(x->kids[0]) > 0;
    }
    // Letter parts in a row, some captures: one TOK whose token their concatenation matches (its
    // word set, as a fragment), and a Join to place the captures inside it.
    N joined(const std::vector<RP>& parts) {
        auto jn = std::make_shared<Join>();
        std::vector<RP> inner;
        std::string re;
        for (const RP& x : parts) {
            if (x->k == R::Cap) {
                inner.push_back(x->kids[0]);
                re += "(" + print(x->kids[0]) + ")";
                jn->caps.push_back(x->slot);
            } else {
                inner.push_back(x);
                re += "(?:" + print(x) + ")";
            }
        }
        if (jn->caps.size() >= 8) unsupported("too many captures inside a token");
        N t = fragment(inner, LETTERS);
        if (t->k != Node::Tok) unsupported("a joined word that can be empty");
        RE2::Options o;
        o.set_log_errors(false);
        jn->re = std::make_unique<RE2>(re, o);
        if (!jn->re->ok() || jn->re->NumberOfCapturingGroups() != static_cast<int>(jn->caps.size()))
            unsupported("a joined word's captures");
        Node n = *t;
        n.join = std::move(jn);
        return mk(std::move(n));
    }

    N seq_of(const std::vector<RP>& kids) {
        std::vector<N> v;
        for (size_t i = 0; i < kids.size();) {
            const int k = pure(kids[i]);
            if (k == LETTERS || cap_letters(kids[i])) {
                // Letter parts in a row, some of them captures: one token (a joined word).
                size_t j = i;
                int caps = 0, parts = 0;
                for (; j < kids.size(); ++j) {
                    const int kj = pure(kids[j]);
                    if (cap_letters(kids[j])) ++caps, ++parts;
                    else if (kj == LETTERS) ++parts;
                    else if (kj != EITHER) break;
                }
                if (caps && parts >= 2) {
                    v.push_back(joined(std::vector<RP>(kids.begin() + static_cast<std::ptrdiff_t>(i),
                                                       kids.begin() + static_cast<std::ptrdiff_t>(j))));
                    i = j;
                    continue;
                }
            }
            if (k == LETTERS || k == DIGITS) {
                size_t j = i + 1;
                while (j < kids.size() && (pure(kids[j]) == k || pure(kids[j]) == EITHER)) ++j;
                if (k == LETTERS && j == i + 1 && min_len(kids[i]) > 0 && j < kids.size() && glued_star(kids[j])) {
                    // `[A-Z][\w&'’.-]*`, `(?:[A-Z]|i[A-Z])[\w.]*`: a letter part, then glued runs of a
                    // class holding every letter — `[\w&'’.-]+` whose first token is a letter run
                    // that starts with the part (the regex may end the part anywhere in it). The
                    // run's first TOK is the star's (the same node id: check() reads it as one
                    // repeat), testing the whole letter run.
                    N st = conv(kids[j]);
                    if (st->k != Node::Star || st->kids[0]->k != Node::Tok) unsupported("?");
                    Node f = *st->kids[0];
                    f.all = cls.regular("(?:" + print(kids[i]) + ")[A-Za-z]*", true), f.any = 0, f.none = 0;
                    f.kinds = LETTERS, f.anylen = LETTERS;
                    fold = fold || any_fold(kids[i]);
                    v.push_back(std::make_shared<const Node>(std::move(f)));
                    v.push_back(st);
                    i = j + 1;
                    continue;
                }
                v.push_back(fragment(std::vector<RP>(kids.begin() + static_cast<std::ptrdiff_t>(i),
                                                     kids.begin() + static_cast<std::ptrdiff_t>(j)),
                                     k));
                i = j;
                continue;
            }
            if (k != EITHER) v.push_back(conv(kids[i]));
            ++i;
        }
        return seq(std::move(v));
    }

    // A class's parts: letters, digits, white space, other code points.
    struct Parts {
        std::vector<uint32_t> letters, digits, space, other;
    };
    Parts split(const RP& r) {
        Parts p;
        for (auto [lo, hi] : r->ranges) {
            if (hi - lo > 512) unsupported("a wide class");
            for (uint32_t c = lo; c <= hi; ++c)
                (is_letter(c) ? p.letters : is_digit(c) ? p.digits : is_space(c) ? p.space : p.other).push_back(c);
        }
        for (auto* v : {&p.letters, &p.digits, &p.space, &p.other}) {
            std::sort(v->begin(), v->end());
            v->erase(std::unique(v->begin(), v->end()), v->end());
        }
        if (r->fold)
            for (uint32_t c : p.other)
                if (has_case(c)) unsupported("a non-ASCII letter in any case");
        return p;
    }
    // White space as a gap: ' ' alone (spaces only) or all of \s.
    static bool space_only(const std::vector<uint32_t>& sp) { return sp.size() == 1 && sp[0] == ' '; }
    static void check_space(const std::vector<uint32_t>& sp) {
        if (!(space_only(sp) || sp.size() == 5)) unsupported("a white-space class other than ' ' or \\s");
    }
    bool is_space_part(const RP& r) {
        if (r->k == R::Lit) return is_space(r->cp);
        if (r->k != R::Cls || r->neg || r->sc) return false;
        for (auto [lo, hi] : r->ranges)
            for (uint32_t c = lo; c <= hi; ++c)
                if (!is_space(c)) return false;
        return true;
    }
    std::vector<uint32_t> spaces(const RP& r) {
        if (r->k == R::Lit) return {r->cp};
        return split(r).space;
    }
    // {PRE}: (?:^|[^\w.,:#/\-\p{Sc}])
    static bool is_pre(const RP& r) {
        if (r->k != R::Alt || r->kids.size() != 2) return false;
        auto one = [](const RP& x) { return x->k == R::Seq && x->kids.size() == 1 ? x->kids[0] : x; };
        const RP a = one(r->kids[0]), b = one(r->kids[1]);
        if (a->k != R::Bol || b->k != R::Cls || !b->neg || !b->sc) return false;
        std::vector<char> in(128, 0);
        for (auto [lo, hi] : b->ranges)
            for (uint32_t c = lo; c <= hi; ++c) {
                if (c >= 128) return false;
                in[c] = 1;
            }
        for (uint32_t c = 0; c < 128; ++c) {
            const bool want = is_letter(c) || is_digit(c) || c == '_' || c == '.' || c == ',' || c == ':' || c == '#' ||
                              c == '/' || c == '-';
            if (want != (in[c] != 0)) return false;
        }
        return true;
    }

    // A one-character class as CHR (rules/README.md: the look-aheads at a match's end; check()
    // refuses one anywhere else).
    N look_ahead(const RP& r) {
        CharTest t;
        if (r->k == R::Lit) t.ranges = {{r->cp, r->cp}};
        else t.ranges = r->ranges, t.neg = r->neg, t.sc = r->sc;
        if (r->fold)
            for (auto [lo, hi] : t.ranges)
                if (hi >= 128) unsupported("a non-ASCII class in any case");
        fold = fold || r->fold;  // ('ſ' and the Kelvin sign: the engine's paragraph)
        for (uint32_t c = 0; c < 128; ++c) {
            if (is_letter(c)) t.letters = t.letters || t.has(c);
            if (is_digit(c)) t.digits = t.digits || t.has(c);
        }
        return chr(std::move(t));
    }

    // `[^\s,.;:%\p{Sc}]+`: a run of non-white-space characters but some — glued tokens, each a
    // letter run, a digit run or a code point not in the class. The class must hold all of \s
    // (a token never holds white space) and no ASCII letter or digit (runs are taken whole).
    N negated_run(const RP& r) {
        const RP& x = r->kids[0];
        if (r->max >= 0 || r->min > 1) unsupported("a counted repeat of a negated class");
        std::vector<uint32_t> out;  // the class's code points: what the run cannot hold
        for (auto [lo, hi] : x->ranges) {
            if (hi - lo > 512) unsupported("a wide negated class");
            for (uint32_t c = lo; c <= hi; ++c) {
                if (is_letter(c) || is_digit(c)) unsupported("a negated class of letters or digits under a repeat");
                if (!is_space(c)) out.push_back(c);
            }
        }
        for (uint32_t c : {'\t', '\n', '\f', '\r', ' '}) {
            bool in = false;
            for (auto [lo, hi] : x->ranges) in = in || (c >= lo && c <= hi);
            if (!in) unsupported("a negated class under a repeat that takes white space");
        }
        if (x->fold)
            for (uint32_t c : out)
                if (has_case(c)) unsupported("a non-ASCII letter in any case");
        fold = true;  // (its letter runs: 'ſ' and the Kelvin sign are the engine's paragraphs)
        Node n{Node::Tok};
        n.any = ALPHA | DIGIT | OTHER, n.kinds = LETTERS | DIGITS, n.anylen = LETTERS | DIGITS;
        if (!out.empty()) n.none |= cls.chars(out);
        if (x->sc) n.none |= CURSIGN;
        N t = mk(std::move(n));
        N st = star(t, r->lazy);
        if (!r->lazy && r->min == 1) {  // (the loop after a first token: its tokens are glued)
            Node q = *st;
            q.poss = true;
            st = mk(std::move(q));
        }
        return r->min == 0 ? st : seq({t, st});
    }

    N conv(const RP& r) {
        const int k = pure(r);
        if (k == LETTERS || k == DIGITS) return fragment({r}, k);
        switch (r->k) {
        case R::Lit: {
            if (is_space(r->cp)) return gap(1, 1, r->cp == ' ');
            if (r->fold && has_case(r->cp)) unsupported("a non-ASCII letter in any case");
            return word_tok(TokenClasses::cp_id(r->cp), false, 0);
        }
        case R::Cls: {
            if (r->neg) return look_ahead(r);
            if (r->sc) unsupported("\\p{Sc}");
            Parts p = split(r);
            if (!p.letters.empty() || !p.digits.empty()) unsupported("a class of letters or digits and other characters: " + print(r));
            std::vector<N> alts;
            if (p.other.size() == 1) alts.push_back(word_tok(TokenClasses::cp_id(p.other[0]), false, 0));
            else if (!p.other.empty()) alts.push_back(tok(cls.chars(p.other), 0, 0, 0));
            if (!p.space.empty()) {
                check_space(p.space);
                alts.push_back(gap(1, 1, space_only(p.space)));
            }
            return alts.size() == 1 ? alts[0] : alt(std::move(alts));
        }
        case R::Rep: {
            const RP& x = r->kids[0];
            if (x->k == R::Cls && x->neg) return negated_run(r);
            const uint32_t hi = r->max < 0 ? kInf : static_cast<uint32_t>(r->max);
            if (is_space_part(x)) {
                if (r->lazy) unsupported("a lazy repeat of white space");  // (a gap is a range: greedy captures)
                std::vector<uint32_t> sp = spaces(x);
                check_space(sp);
                return gap(static_cast<uint32_t>(r->min), hi, space_only(sp));
            }
            if (x->k == R::Cls && !x->neg && !x->sc && r->max < 0) {
                // [\w.]+ and the like: glued tokens of whole runs (all letters, all digits) and characters.
                Parts p = split(x);
                if ((p.letters.empty() || p.letters.size() == 52) && (p.digits.empty() || p.digits.size() == 10) &&
                    p.space.empty()) {
                    Bits any = 0;
                    uint8_t kinds = 0;
                    if (!p.letters.empty()) any |= ALPHA, kinds |= LETTERS, fold = true;
                    if (!p.digits.empty()) any |= DIGIT, kinds |= DIGITS;
                    if (!p.other.empty()) any |= cls.chars(p.other);
                    N t = tok(0, any, kinds, kinds);
                    if (r->min == 0) return star(t, r->lazy);
                    std::vector<N> v(static_cast<size_t>(r->min), t);
                    v.push_back(star(t, r->lazy));
                    return seq(std::move(v));
                }
            }
            if (x->k == R::Cls && !x->neg && !x->sc && r->max < 0 && (r->min == 0 || r->min == 1)) {
                // [\s/-]+ and the like (white space and characters): gaps and tokens in turn —
                // G (T G)*, where G is white space of any length and T a character's token; with
                // {1,} at least one of them: a token, or white space alone. Greedy as the regex:
                // more tokens first (a longer reading), each G then fixed by the next token.
                Parts p = split(x);
                if (p.letters.empty() && p.digits.empty() && !p.space.empty() && !p.other.empty()) {
                    if (r->lazy) unsupported("a lazy repeat of white space and characters");
                    check_space(p.space);
                    const bool sp = space_only(p.space);
                    N t = p.other.size() == 1 ? word_tok(TokenClasses::cp_id(p.other[0]), false, 0)
                                              : tok(cls.chars(p.other), 0, 0, 0);
                    N with_tok = seq({gap(0, kInf, sp), t, star(seq({gap(0, kInf, sp), t})), gap(0, kInf, sp)});
                    return alt({with_tok, gap(r->min == 0 ? 0 : 1, kInf, sp)});  // (no token: white space alone)
                }
            }
            if (min_len(x) == 0) unsupported("a repeat of a part that can be empty");
            if (r->min > 12 || (r->max > 12)) unsupported("a long counted repeat");
            N body = conv(x);
            // A body that can take no token (`[\s-]?`: a '-' token or white space) is fine in a
            // counted repeat — its copies are finite and their gaps add up — not under a star.
            if (Builder::first(body).second && r->max < 0) unsupported("a repeat of a part that can take no token");
            if (Builder::first(body).second && r->lazy) unsupported("a lazy repeat of a part that can take no token");
            std::vector<N> v(static_cast<size_t>(r->min), body);
            if (r->max < 0) v.push_back(star(body, r->lazy));
            else {
                N tail;
                for (int k2 = r->max - r->min; k2 > 0; --k2) tail = opt(tail ? seq({body, tail}) : body, r->lazy);
                if (tail) v.push_back(tail);
            }
            return v.size() == 1 ? v[0] : seq(std::move(v));
        }
        case R::Grp: return conv(r->kids[0]);
        case R::Cap: return capture(r->slot, conv(r->kids[0]));
        case R::Alt: {
            if (is_pre(r)) return pre();
            // `(?:\s|$)`: beside a `$`, a white-space character is a one-character look-ahead.
            auto one = [](const RP& x) { return x->k == R::Seq && x->kids.size() == 1 ? x->kids[0] : x; };
            bool eol = false;
            for (const RP& x : r->kids) eol = eol || one(x)->k == R::Eol;
            std::vector<N> v;
            for (const RP& x : r->kids) {
                const RP y = one(x);
                if (eol && (y->k == R::Lit || y->k == R::Cls) && !y->neg && is_space_part(y)) v.push_back(look_ahead(y));
                else v.push_back(conv(x));
            }
            return alt(std::move(v));
        }
        case R::Seq: return seq_of(r->kids);
        case R::Wb: return zero(Node::Wb);
        case R::Bol: return zero(Node::Bol);
        case R::Eol: return zero(Node::Eol);
        }
        unsupported("?");
    }
};

// A star of glued tokens (a negated class's run) is possessive where what follows it cannot
// start at a glued token the run takes: on each path from its exit, white space (a gap of at
// least one byte), `$`, MATCH, or a token the run does not take — then stopping the run
// early never leads to a match, and the VM need not keep that way back.
void possessive(TokenProgram& p, TokenClasses& cls) {
    for (Inst& sp : p.code) {
        if (sp.op != SPLIT || !sp.poss) continue;
        const Inst& run = p.code[sp.x];
        bool safe = run.op == TOK && !run.word && run.none;
        if (safe)
            traverse(p, sp.y, [&](uint32_t, const Inst& in) {
                switch (in.op) {
                case GAP:
                    if (in.gmin >= 1) return Walk::stop;
                    return Walk::next;
                case EOL:
                case MATCH: return Walk::stop;
                case TOK: {
                    bool out;  // the run does not take what this TOK takes
                    if (in.word && !in.wfold && (in.word & 0x80000000u))
                        out = cls.code_point(in.word & 0x7FFFFFFFu).any_of(run.none);
                    else
                        out = !in.word && in.any && !(in.any & ~run.none);
                    if (out) return Walk::stop;
                    safe = false;
                    return Walk::done;
                }
                case CHR:
                case BOL:
                case PRE:
                    safe = false;
                    return Walk::done;
                default: return Walk::next;
                }
            });
        sp.poss = safe;
    }
}

}  // namespace

std::optional<TokenProgram> translate(const std::string& pattern, TokenClasses& cls, std::string* why) {
    try {
        Parser ps{pattern};
        RP tree = ps.parse();
        Converter cv{cls};
        N n = cv.conv(tree);
        TokenProgram p;
        p.names = ps.names;
        p.is_span = ps.spans;
        for (char c : p.is_span) p.has_span = p.has_span || c;
        p.fold = cv.fold;
        p.xletters = ps.xclip;
        Builder b{p, {}};
        b.compile(capture(0, n));
        b.emit({MATCH});
        if (std::string w = check(p); !w.empty()) unsupported(w);
        possessive(p, cls);
        second_guards(p);
        for (Inst& in : p.code)
            in.t_all = sparse(in.all), in.t_any = sparse(in.any), in.t_any2 = sparse(in.any2), in.t_none = sparse(in.none);
        p.start = start_bits(p);
        p.path = path_bits(p);
        p.last = last_bits(p);
        p.needs = needs(p, b.alt_guards);
        return p;
    } catch (const Unsupported& u) {
        if (why) *why = u.why;
    } catch (const std::length_error& e) {
        if (why) *why = e.what();
    }
    return std::nullopt;
}

// ---- the converted rules ----

bool TokenRules::add(const Rule& rule, const std::string& pattern, const std::string& veto, std::string* why) {
    if (rules_.size() >= kMaxTokenRules) {
        if (why) *why = "more than " + std::to_string(kMaxTokenRules) + " rules on tokens";
        return false;
    }
    std::optional<Translated> t = translate(pattern, veto, cls_, why);
    return t && add(rule, std::move(*t), why);
}

std::optional<TokenRules::Translated> TokenRules::translate(const std::string& pattern, const std::string& veto,
                                                           TokenClasses& cls, std::string* why) {
    std::optional<TokenProgram> p = tokens::translate(pattern, cls, why);
    if (!p) return std::nullopt;
    std::optional<TokenProgram> v;
    if (!veto.empty()) {
        v = tokens::translate(veto, cls, why);
        if (!v) {
            if (why) *why = "veto: " + *why;
            return std::nullopt;
        }
    }
    for (const Inst& in : p->code)
        if (in.op == TOK && ((in.all | in.any) & (PRE_OK | WB_BEFORE | WB_AFTER))) {
            if (why) *why = "a token test reads context bits";
            return std::nullopt;
        }
    return Translated{std::move(*p), std::move(v)};
}

bool TokenRules::add(const Rule& rule, Translated&& tr, std::string* why) {
    if (rules_.size() >= kMaxTokenRules) {
        if (why) *why = "more than " + std::to_string(kMaxTokenRules) + " rules on tokens";
        return false;
    }
    std::optional<TokenProgram> p = std::move(tr.prog);
    std::optional<TokenProgram> v = std::move(tr.veto);
    const size_t ri = rules_.size();
    std::vector<char> starts, lasts;
    tok_roles(*p, starts, lasts);
    for (uint32_t pc = 0; pc < p->code.size(); ++pc) {
        const Inst& in = p->code[pc];
        if (in.op != TOK) continue;
        TokTest* t = nullptr;
        if (in.word) {
            t = &word_tests_[static_cast<uint64_t>(in.word) << 1 | (in.wfold ? 1 : 0)];
        } else {
            for (TokTest& x : tests_)
                if (x.all == in.all && x.any == in.any && x.none == in.none) t = &x;
            if (!t) t = &tests_.emplace_back(), t->all = in.all, t->any = in.any, t->none = in.none;
        }
        t->path.set(ri);
        if (starts[pc]) t->start.set(ri);
        if (lasts[pc]) t->last.set(ri);
    }
    RuleProg r;
    r.rule = &rule;
    r.prog = std::move(*p);
    r.veto = std::move(v);
    // Its needs get need bits while there are (a need is a filter: one left out costs runs, not matches).
    for (const Bits& need : r.prog.needs) {
        if (needs_.size() >= kMaxNeeds) break;
        r.needs.set(needs_.size());
        needs_.push_back({static_cast<uint32_t>(rules_.size()), need});
    }
    fold_ = fold_ || r.prog.fold || (r.veto && r.veto->fold);
    if (r.prog.xletters || (r.veto && r.veto->xletters)) xrules_.set(ri);
    gate_ |= r.prog.last;
    rules_.push_back(std::move(r));
    static std::atomic<uint64_t> gens{1};
    gen_ = gens++;
    return true;
}

const TokenRules::Scratch::KindMasks& TokenRules::masks(Scratch& sc, const TokenClasses& cls, uint32_t kind) const {
    Scratch::KindMasks& k = sc.kinds[kind];
    if (k.done) return k;
    // Which TOKs can take a token of the kind: their tests read the token itself (its bits
    // without context bits, its word ids), so its kind says them.
    const TokenClasses::Kind& kd = cls.kind(kind);
    const Bits& b = kd.bits;
    auto add = [&](const TokTest& t) {
        k.start = k.start | t.start, k.path = k.path | t.path, k.last = k.last | t.last;
    };
    for (const TokTest& t : tests_)
        if (b.all_of(t.all) && (!t.any || b.any_of(t.any)) && !b.any_of(t.none)) add(t);
    if (kd.id)
        if (auto it = word_tests_.find(static_cast<uint64_t>(kd.id) << 1); it != word_tests_.end()) add(it->second);
    if (kd.lid)
        if (auto it = word_tests_.find(static_cast<uint64_t>(kd.lid) << 1 | 1); it != word_tests_.end()) add(it->second);
    for (size_t q = 0; q < needs_.size(); ++q) {
        if (b.any_of(needs_[q].second)) k.need.set(q);
        if (k.path.has(needs_[q].first)) k.need_path.set(q);
    }
    k.done = true;
    return k;
}

struct TokenRules::Prefilter {
    std::string pattern;
    std::once_flag once;
    std::unique_ptr<RE2> re;
    // Whether the prefilter matches somewhere in p (true when it does not compile).
    bool holds(re2::StringPiece p) {
        std::call_once(once, [this] {
            RE2::Options opt;
            opt.set_log_errors(false);
            opt.set_max_mem(64 << 20);  // (as the rules' sets)
            re = std::make_unique<RE2>(pattern, opt);
        });
        return !re->ok() || re->Match(p, 0, p.size(), RE2::UNANCHORED, nullptr, 0);
    }
};

void TokenRules::set_prefilter(size_t k, const std::string& pattern) {
    if (k >= rules_.size() || pattern.empty()) return;
    if (!rules_[k].prefilter) prefiltered_.push_back(static_cast<uint32_t>(k));
    rules_[k].prefilter = std::make_shared<Prefilter>();
    rules_[k].prefilter->pattern = pattern;
}

void TokenRules::match(const TokenIndex& ix, std::vector<RawMention>& out, Scratch& sc) const {
    if (!ix.any.any_of(gate_)) return;  // no token that can end a match
    const TokenClasses& cls = ix.classes();
    if (sc.gen != gen_ || sc.cls != cls.instance()) {
        sc.kinds.clear();
        sc.gen = gen_, sc.cls = cls.instance();
    }
    if (sc.kinds.size() < cls.kinds()) sc.kinds.resize(cls.kinds());
    const uint32_t n = static_cast<uint32_t>(ix.toks.size());
    const Token* toks = ix.toks.data();
    // One backward pass for all rules: every token of a match has its rule's path bits and
    // its last one its last bits, so rule r can match from token i only if ahead[i] holds r
    // (tokens i..j have r's path bits, and j its last bits); and only if for each of its
    // needs some token of that run has the need's bits (needs[i], in need order).
    sc.ahead.resize(n + 1);
    sc.needs.resize(n + 1);
    sc.ahead[n] = {}, sc.needs[n] = {};
    bool any = false;
    for (uint32_t i = n; i-- > 0;) {
        const Scratch::KindMasks& k = masks(sc, cls, toks[i].kind);
        sc.ahead[i] = k.path & (k.last | sc.ahead[i + 1]);
        sc.needs[i] = k.need_path & (k.need | sc.needs[i + 1]);
        any = any || bool(sc.ahead[i]);
    }
    if (!any) return;
    // One forward pass: at each token, the rules that can start there (its kind's start
    // rules that can match from it), each resuming after its own last match as the engine does.
    const size_t nr = rules_.size();
    std::fill(sc.resume, sc.resume + nr, ix.para.begin);
    sc.found.clear();
    sc.found_rule.clear();
    std::vector<uint32_t>& slots_ = sc.slots;
    // A paragraph holding an XLETTER token: the rules whose classes lost such code points are
    // the regex engine's (the caller's).
    const RuleMask allow = (ix.any & XLETTER) ? ~xrules_ : ~RuleMask{};
    for (uint32_t ri : prefiltered_) sc.prefiltered[ri] = 0;
    // (A bench build counts each run: RuleSet::RuleCost.)
    auto run_vm = [&](uint32_t ri, const TokenProgram& prog, size_t i, uint32_t resume) {
#ifdef CLAIMEX_RULE_PROFILE
        if (stats.size() < rules_.size()) stats.resize(rules_.size());
        Stat& st = stats[ri];
        const size_t s0 = sc.vm.steps;
        const uint64_t c0 = __rdtsc();
        const bool hit = sc.vm.run(prog, ix, i, resume, slots_);
        // (a run the scheduler cut into, far beyond any VM run's time, counts no cycles)
        if (const uint64_t c = __rdtsc() - c0; c < (uint64_t{1} << 21)) st.cycles += c;
        st.steps += sc.vm.steps - s0;
        ++st.runs;
        st.matches += hit;
        return hit;
#else
        return sc.vm.run(prog, ix, i, resume, slots_);
#endif
    };
    for (uint32_t i = 0; i < n; ++i) {
        const RuleMask c = sc.kinds[toks[i].kind].start & sc.ahead[i] & allow;
        for (int w = 0; w < kMaxTokenRules / 64; ++w)
            for (uint64_t bits = c.w[w]; bits; bits &= bits - 1) {
                const uint32_t ri = static_cast<uint32_t>(64 * w + __builtin_ctzll(bits));
                const RuleProg& r = rules_[ri];
                if (toks[i].b < sc.resume[ri] || !sc.needs[i].all_of(r.needs)) continue;
                if (r.prefilter) {  // tested once per paragraph, where the rule would first run
                    uint8_t& pf = sc.prefiltered[ri];
                    if (pf == 0)
                        pf = r.prefilter->holds(re2::StringPiece(ix.text->data() + ix.para.begin, ix.para.size())) ? 1 : 2;
                    if (pf == 2) continue;
                }
                if (!run_vm(ri, r.prog, i, sc.resume[ri])) continue;
                sc.resume[ri] = slots_[1];
                // As emit_match: the first `span` capture that took part is the span, the whole
                // match the context, the other captures in order; a rule with a `span` capture
                // whose match leaves it unset yields nothing.
                text::Span span{slots_[0], slots_[1]};
                bool has_span = false;
                for (size_t k = 1; k < r.prog.names.size(); ++k)
                    if (r.prog.is_span[k] && slots_[2 * k] != UINT32_MAX && !has_span) {
                        span = {slots_[2 * k], slots_[2 * k + 1]};
                        has_span = true;
                    }
                if (r.prog.has_span && (!has_span || span.empty())) continue;
                RawMention& m = sc.found.emplace_back();
                sc.found_rule.push_back(ri);
                m.rule = r.rule;
                m.type = r.rule->type;
                m.context = {slots_[0], slots_[1]};
                m.span = span;
                for (size_t k = 1; k < r.prog.names.size(); ++k) {
                    if (r.prog.names[k].empty() || r.prog.is_span[k] || slots_[2 * k] == UINT32_MAX) continue;
                    m.captures.push_back({r.prog.names[k], {slots_[2 * k], slots_[2 * k + 1]}});
                }
            }
    }
    if (sc.found.empty()) return;
    // Rule by rule (each in text order), a rule's matches that start inside one of its
    // veto's matches dropped.
    sc.order.resize(sc.found.size());
    for (uint32_t k = 0; k < sc.order.size(); ++k) sc.order[k] = k;
    std::stable_sort(sc.order.begin(), sc.order.end(),
                     [&](uint32_t x, uint32_t y) { return sc.found_rule[x] < sc.found_rule[y]; });
    for (size_t a = 0; a < sc.order.size();) {
        const uint32_t ri = sc.found_rule[sc.order[a]];
        size_t b = a + 1;
        while (b < sc.order.size() && sc.found_rule[sc.order[b]] == ri) ++b;
        const RuleProg& r = rules_[ri];
        if (r.veto) {
            // The veto's matches, leftmost-first and not overlapping, as apply_veto finds them.
            sc.vetoes.clear();
            uint32_t vres = ix.para.begin;
            for (size_t i = 0; i < n; ++i) {
                const Token& t = toks[i];
                if (t.b < vres || !t.bits.any_of(r.veto->start)) continue;
                if (!run_vm(ri, *r.veto, i, vres)) continue;
                sc.vetoes.push_back({slots_[0], slots_[1]});
                vres = slots_[1];
            }
        }
        for (size_t k = a; k < b; ++k) {
            RawMention& m = sc.found[sc.order[k]];
            bool vetoed = false;
            if (r.veto)
                for (const text::Span& sp : sc.vetoes) vetoed = vetoed || (m.span.begin >= sp.begin && m.span.begin < sp.end);
            if (!vetoed) out.push_back(std::move(m));
        }
        a = b;
    }
}

// ---- the percent family ----

PercentMatcher::PercentMatcher(const RuleSet& rs, TokenClasses& cls) : rules_(cls) {
    for (const auto& r : rs.rules()) {
        if (r->type != "percent" || r->pattern.empty()) continue;
        std::string why;
        if (!rules_.add(*r, r->pattern, r->veto, &why))
            throw std::logic_error("token_matcher: " + r->id + " does not translate: " + why);
    }
}

bool PercentMatcher::match(const TokenIndex& ix, std::vector<RawMention>& out) {
    if (ix.any & ODD) return false;  // (?i) would fold 'ſ' or 'K' to an ASCII letter: the engine's paragraph
    rules_.match(ix, out, scratch_);
    return true;
}

}  // namespace claimex::rules::tokens
