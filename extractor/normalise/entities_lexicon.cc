// Word shapes and the entity lexicon shared by the entities and sources
// normalisers (see entities_lexicon.h).
#include "extractor/normalise/entities_lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace claimex::normalise::names {

namespace {

// Calls f(code point, byte offset) for each code point of s; stops when f
// returns false.
template <class F>
void each_cp(std::string_view s, F f) {
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0) c = 0xFFFD;
        if (!f(static_cast<uint32_t>(c), at)) return;
    }
}

bool is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }

const std::vector<std::string> kEmpty;

const std::vector<std::string>& list_or_empty(const rules::RuleSet& r, std::string_view name) {
    const auto* l = r.list(name);
    return l ? *l : kEmpty;
}

}  // namespace

uint32_t first_cp(std::string_view w) {
    uint32_t out = 0;
    each_cp(w, [&](uint32_t c, int32_t) {
        out = c;
        return false;
    });
    return out;
}

// (An ASCII first byte without ICU: its only upper/lower-case letters are
// A-Z and a-z.)
bool capitalised(std::string_view w) {
    if (w.empty()) return false;
    auto c = static_cast<unsigned char>(w[0]);
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(static_cast<UChar32>(first_cp(w)));
}
bool lowercase_start(std::string_view w) {
    if (w.empty()) return false;
    auto c = static_cast<unsigned char>(w[0]);
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return u_islower(static_cast<UChar32>(first_cp(w)));
}

bool person_word(std::string_view w) {
    if (!capitalised(w)) return false;
    // An initial: "J."; initials: "T.V."
    if (w.size() == 2 && w[1] == '.') return true;
    if (w.size() == 4 || w.size() == 6) {
        bool initials = true;
        for (size_t i = 0; i < w.size(); i += 2) initials = initials && w[i] >= 'A' && w[i] <= 'Z' && w[i + 1] == '.';
        if (initials) return true;
    }
    bool lower_seen = false, ok = true, first = true;
    uint32_t prev = 0;
    each_cp(w, [&](uint32_t c, int32_t) {
        if (first) {
            first = false;
        } else if (u_islower(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0) {
            lower_seen = true;
        } else if (u_isupper(static_cast<UChar32>(c))) {
            // "McDonald", "O'Brien", "Jae-Yong": a capital only after a
            // lower-case letter, an apostrophe or a hyphen.
            if (!(u_islower(static_cast<UChar32>(prev)) || is_apostrophe(prev) || prev == '-')) ok = false;
        } else if (c == '-' || is_apostrophe(c)) {
            if (is_apostrophe(prev) || prev == '-') ok = false;
        } else {
            ok = false;
        }
        prev = c;
        return ok;
    });
    return ok && lower_seen && prev != '-' && !is_apostrophe(prev);
}

bool acronym_shape(std::string_view w) {
    if (w.size() < 2 || w.size() > 10 || !capitalised(w)) return false;
    int upper = 0, other = 0;
    for (unsigned char c : w) {
        if (c >= 'A' && c <= 'Z') ++upper;
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&' || c == '-') ++other;
        else return false;
    }
    return upper >= 2 && upper > other;
}

bool is_place_kind(std::string_view kind) { return kind == "country" || kind == "city" || kind == "region"; }

std::vector<text::Span> words(const std::string& a, text::Span span) {
    std::vector<text::Span> out;
    uint32_t i = span.begin;
    while (i < span.end) {
        while (i < span.end && (a[i] == ' ' || a[i] == '\t' || a[i] == '\n' || a[i] == '\r')) ++i;
        uint32_t b = i;
        while (i < span.end && a[i] != ' ' && a[i] != '\t' && a[i] != '\n' && a[i] != '\r') ++i;
        if (i > b) out.push_back({b, i});
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace {
// squeeze(s) would return s itself (checked conservatively: no other white
// space, no U+2019 lead byte, no space at either end or twice).
bool squeezed(std::string_view s) {
    if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) return false;
    char prev = 0;
    for (char c : s) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '\xE2' || (c == ' ' && prev == ' ')) return false;
        prev = c;
    }
    return true;
}
}  // namespace

std::string squeeze(std::string_view s) {
    // Most names come squeezed already: one copy, not a byte-by-byte build.
    if (squeezed(s)) return std::string(s);
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        // U+2019 (E2 80 99) → '
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            static_cast<unsigned char>(s[i + 2]) == 0x99) {
            out += '\'';
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

Lexicon::Lexicon(const rules::RuleSet& rules) {
    for (const rules::GazetteerEntry* e : rules.gazetteer_entries())
        for (const auto& a : e->aliases) {
            // First entry wins, except that a hand-written one beats one drawn
            // from ICU ("Hong Kong" the city over ICU's region).
            auto [held, fresh] = aliases_.emplace(squeeze(a), e);
            if (!fresh && (*held)->where.file.rfind("icu:", 0) == 0 && e->where.file.rfind("icu:", 0) != 0)
                *held = e;
        }
    alias_filter_.assign(kAliasBits / 64, 0);
    aliases_.each([&](std::string_view a, const rules::GazetteerEntry*) {
        alias_filter_[alias_bit(a) / 64] |= uint64_t{1} << (alias_bit(a) % 64);
    });
    auto fill = [&](FlatSet& set, std::string_view list, bool fold) {
        for (const auto& w : list_or_empty(rules, list)) set.insert(fold ? lower(w) : w);
    };
    fill(not_names_, "NOT_NAME", true);
    fill(non_person_, "NON_PERSON_WORD", true);
    for (const auto& t : list_or_empty(rules, "TITLE"))
        if (t.find(' ') == std::string::npos) titles_.insert(lower(t));
    fill(family_first_, "FAMILY_NAME_FIRST", true);
    fill(honorifics_, "HONORIFIC", true);
    fill(particles_, "NAME_PARTICLE", false);
    fill(given_, "GIVEN_NAME", true);
    fill(quantifiers_, "QUANTIFIER", true);
    fill(group_nouns_, "GROUP_NOUN", true);
    if (const auto* t = rules.table("AMBIGUOUS_ALIAS"))
        for (const auto& row : *t) {
            if (row.size() < 2) continue;
            auto& words = ambiguous_[row[0]];
            for (const auto& w : names::words(row[1], {0, static_cast<uint32_t>(row[1].size())}))
                words.insert(lower(row[1].substr(w.begin, w.size())));
        }
    if (const auto* t = rules.table("ORG_SUFFIX")) {
        for (const auto& row : *t) {
            if (row.empty() || row[0].empty()) continue;
            Suffix s;
            s.kind = row.size() > 1 ? row[1] : "";
            std::string flags = row.size() > 2 ? row[2] : "";
            s.legal = flags == "legal";
            s.group = flags == "legal" || flags == "group";
            s.industry = flags == "industry";
            s.prefix = flags == "prefix";
            s.lead = flags == "lead";
            s.legal = s.legal || s.prefix;
            s.group = s.group || s.prefix;
            suffixes_[row[0]] = s;
        }
    }
}

bool Lexicon::has(const FlatSet& set, std::string_view w) {
    char buf[64];
    if (w.size() > sizeof buf) return set.contains(lower(w));
    for (size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return set.contains(std::string_view(buf, w.size()));
}

bool Lexicon::honorific(std::string_view w) const {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return has(honorifics_, w);
}

uint32_t Lexicon::alias_bit(std::string_view s) {
    // FNV-1a, 32 bits, folded: any fair spread of short names will do.
    uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return (h ^ (h >> 14)) & (kAliasBits - 1);
}

const rules::GazetteerEntry* Lexicon::find_alias(std::string_view s) const {
    const uint32_t bit = alias_bit(s);
    if (!(alias_filter_[bit / 64] >> (bit % 64) & 1)) return nullptr;
    const auto* e = aliases_.find(s);
    return e ? *e : nullptr;
}

const rules::GazetteerEntry* Lexicon::alias(std::string_view s) const {
    if (squeezed(s)) return find_alias(s);
    return find_alias(squeeze(s));
}

const Suffix* Lexicon::suffix(std::string_view w) const {
    const Suffix* s = suffixes_.find(w);
    if (!s && !w.empty() && w.back() == '.') s = suffixes_.find(w.substr(0, w.size() - 1));
    return s;
}

// "PT Vale Indonesia Tbk", "PJSC MMC Norilsk Nickel": the legal form before
// the name (a "prefix" row of ORG_SUFFIX) is dropped like a suffix.
std::string Lexicon::strip_prefix(std::string_view name) const {
    std::string n(name);
    for (;;) {
        size_t sp = n.find(' ');
        if (sp == std::string::npos) break;
        const Suffix* s = suffix(std::string_view(n).substr(0, sp));
        if (!s || !s->prefix) break;
        n.erase(0, sp + 1);
    }
    return n;
}

const rules::GazetteerEntry* Lexicon::resolve(std::string_view name) const {
    // Views into the name (squeezed into `own` only when it is not already):
    // the words come off the ends, nothing is copied per try.
    std::string own;
    std::string_view n = name;
    if (!squeezed(n)) {
        own = squeeze(n);
        n = own;
    }
    for (;;) {  // as strip_prefix
        size_t sp = n.find(' ');
        if (sp == std::string_view::npos) break;
        const Suffix* s = suffix(n.substr(0, sp));
        if (!s || !s->prefix) break;
        n.remove_prefix(sp + 1);
    }
    for (int round = 0; round < 8 && !n.empty(); ++round) {
        if (auto* e = alias(n)) return e;
        while (!n.empty() && (n.back() == ',' || n.back() == '.')) {
            n.remove_suffix(1);
            if (auto* e = alias(n)) return e;
        }
        size_t sp = n.rfind(' ');
        if (sp == std::string_view::npos) break;
        const Suffix* s = suffix(n.substr(sp + 1));
        if (!s || !s->group) break;
        n = n.substr(0, sp);
        if (n.size() > 2 && n.substr(n.size() - 2) == " &") n.remove_suffix(2);  // "& Co"
        while (!n.empty() && n.back() == ',') n.remove_suffix(1);  // "Acme, Inc."
    }
    return nullptr;
}

std::string Lexicon::strip_legal(std::string_view name) const {
    std::string n = strip_prefix(squeeze(name));
    for (;;) {
        size_t sp = n.rfind(' ');
        if (sp == std::string::npos) break;
        const Suffix* s = suffix(std::string_view(n).substr(sp + 1));
        if (!s || !s->legal) break;
        n.resize(sp);
        if (n.size() > 2 && n.compare(n.size() - 2, 2, " &") == 0) n.resize(n.size() - 2);
        while (!n.empty() && n.back() == ',') n.pop_back();
    }
    return n;
}

}  // namespace claimex::normalise::names
