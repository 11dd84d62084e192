// fetch: robots.txt (RFC 9309). Parsing picks the group(s) for our product
// token, else "*"; matching is longest pattern wins, Allow wins a tie.
#include "extractor/fetch/internal.h"

#include <cctype>

namespace claimex::fetch::internal {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Paths and patterns are compared as octets with percent-escapes in upper
// case and everything outside printable ASCII percent-encoded, so "%7e" in
// one and "%7E" in the other, or a raw UTF-8 "é" and "%C3%A9", agree.
std::string normalise_path(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += '%';
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 1])));
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 2])));
            i += 2;
        } else if (c <= 0x20 || c >= 0x7f) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// The product token at the start of a User-agent value ("claimex/1.0" →
// "claimex"), lowercase.
std::string agent_token(std::string_view v) {
    size_t n = 0;
    while (n < v.size() && (std::isalpha(static_cast<unsigned char>(v[n])) || v[n] == '_' || v[n] == '-')) ++n;
    if (n == 0 && !v.empty() && v[0] == '*') return "*";
    return lower(v.substr(0, n));
}

}  // namespace

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
    // A pattern matches a prefix of the path unless it ends in '$', so
    // without '$' it behaves as if it ended in '*'. Classic wildcard match:
    // on a mismatch, let the last '*' swallow one more character.
    bool anchored = !pattern.empty() && pattern.back() == '$';
    if (anchored) pattern.remove_suffix(1);
    size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
    while (s < path.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = s;
        } else if (p < pattern.size() && pattern[p] == path[s]) {
            ++p;
            ++s;
        } else if (p == pattern.size() && !anchored) {
            return true;  // the whole pattern matched a prefix
        } else if (star != std::string_view::npos) {
            p = star + 1;
            s = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

Robots Robots::allow_all() { return Robots{}; }

Robots Robots::block_all(std::string reason) {
    Robots r;
    r.block_reason_ = std::move(reason);
    return r;
}

Robots Robots::parse(std::string_view body, std::string_view token) {
    std::string want = lower(token);
    std::vector<Rule> mine, star;
    bool in_agents = false;        // reading the User-agent lines of a group
    bool group_mine = false, group_star = false;
    bool named = false;            // some group names our token
    if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    size_t pos = 0;
    while (pos < body.size()) {
        size_t end = body.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = body.substr(pos, end - pos);
        pos = end + 1;
        if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string key = lower(trim(line.substr(0, colon)));
        std::string_view value = trim(line.substr(colon + 1));
        if (key == "user-agent" || key == "useragent" || key == "user agent") {
            if (!in_agents) {
                group_mine = group_star = false;
                in_agents = true;
            }
            std::string t = agent_token(value);
            if (t == "*")
                group_star = true;
            else if (!t.empty() && t == want)
                group_mine = named = true;
        } else if (key == "allow" || key == "disallow") {
            in_agents = false;
            if (value.empty()) continue;  // "Disallow:" with nothing allows all: no rule
            Rule r{key == "allow", normalise_path(value), std::string(key == "allow" ? "Allow: " : "Disallow: ") +
                                                               std::string(value)};
            if (group_mine) mine.push_back(r);
            if (group_star) star.push_back(r);
        } else {
            // sitemap, crawl-delay, host, ...: not group members' rules, and
            // they do not end the User-agent lines of a group either.
        }
    }
    // A group naming us replaces "*" even when it has no rules.
    Robots out;
    out.rules_ = named ? std::move(mine) : std::move(star);
    return out;
}

Robots::Verdict Robots::check(std::string_view path_query) const {
    if (!block_reason_.empty()) return {false, block_reason_};
    std::string path = normalise_path(path_query.empty() ? std::string_view("/") : path_query);
    if (path == "/robots.txt") return {};
    const Rule* best = nullptr;
    for (const auto& r : rules_) {
        if (!robots_pattern_matches(r.pattern, path)) continue;
        if (!best || r.pattern.size() > best->pattern.size() ||
            (r.pattern.size() == best->pattern.size() && r.allow && !best->allow))
            best = &r;
    }
    if (!best || best->allow) return {true, best ? best->original : ""};
    return {false, best->original};
}

}  // namespace claimex::fetch::internal
