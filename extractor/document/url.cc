// url.cc — RFC 3986 reference resolution and the canonical URL form used to
// drop duplicate feed items.
#include "extractor/document/internal.h"

#include <cctype>

namespace claimex::document::detail {

namespace {

struct Parts {
    std::string scheme;     // without ':'
    bool has_authority = false;
    std::string authority;  // without "//"
    std::string path;
    bool has_query = false;
    std::string query;      // without '?'
    bool has_fragment = false;
    std::string fragment;   // without '#'
};

// RFC 3986 appendix B, by hand.
Parts split(std::string_view u) {
    Parts p;
    size_t i = 0;
    size_t colon = u.find(':');
    if (colon != std::string_view::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(u[0]))) {
        bool ok = true;
        for (size_t k = 1; k < colon; ++k) {
            char c = u[k];
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) {
                ok = false;
                break;
            }
        }
        // A "/" "?" or "#" before the colon means it is not a scheme.
        if (ok) {
            p.scheme = std::string(u.substr(0, colon));
            i = colon + 1;
        }
    }
    if (u.substr(i, 2) == "//") {
        p.has_authority = true;
        size_t e = u.find_first_of("/?#", i + 2);
        if (e == std::string_view::npos) e = u.size();
        p.authority = std::string(u.substr(i + 2, e - i - 2));
        i = e;
    }
    size_t e = u.find_first_of("?#", i);
    if (e == std::string_view::npos) e = u.size();
    p.path = std::string(u.substr(i, e - i));
    i = e;
    if (i < u.size() && u[i] == '?') {
        p.has_query = true;
        e = u.find('#', i);
        if (e == std::string_view::npos) e = u.size();
        p.query = std::string(u.substr(i + 1, e - i - 1));
        i = e;
    }
    if (i < u.size() && u[i] == '#') {
        p.has_fragment = true;
        p.fragment = std::string(u.substr(i + 1));
    }
    return p;
}

// RFC 3986 5.2.4.
std::string remove_dot_segments(std::string_view in) {
    std::string input(in), output;
    while (!input.empty()) {
        if (input.rfind("../", 0) == 0)
            input.erase(0, 3);
        else if (input.rfind("./", 0) == 0)
            input.erase(0, 2);
        else if (input.rfind("/./", 0) == 0)
            input.replace(0, 3, "/");
        else if (input == "/.")
            input = "/";
        else if (input.rfind("/../", 0) == 0 || input == "/..") {
            input = input.size() == 3 ? "/" : input.substr(3);
            size_t last = output.rfind('/');
            output.erase(last == std::string::npos ? 0 : last);
        } else if (input == "." || input == "..")
            input.clear();
        else {
            size_t start = input[0] == '/' ? 1 : 0;
            size_t next = input.find('/', start);
            if (next == std::string::npos) next = input.size();
            output += input.substr(0, next);
            input.erase(0, next);
        }
    }
    return output;
}

std::string merge(const Parts& base, std::string_view ref_path) {
    // Built by appends: gcc 12 warns (-Wrestrict, a false positive) on "/" + std::string(...).
    std::string out;
    if (base.has_authority && base.path.empty()) {
        out.reserve(ref_path.size() + 1);
        out += '/';
    } else if (size_t last = base.path.rfind('/'); last != std::string::npos) {
        out.reserve(last + 1 + ref_path.size());
        out.append(base.path, 0, last + 1);
    }
    out += ref_path;
    return out;
}

std::string join(const Parts& p) {
    std::string out;
    if (!p.scheme.empty()) out += p.scheme + ":";
    if (p.has_authority) out += "//" + p.authority;
    out += p.path;
    if (p.has_query) out += "?" + p.query;
    if (p.has_fragment) out += "#" + p.fragment;
    return out;
}

std::string trim_url(std::string_view s) {
    // Feeds often wrap links in whitespace and newlines.
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    std::string out;
    for (char c : s.substr(b, e - b))
        if (c != '\n' && c != '\r' && c != '\t') out.push_back(c);
    return out;
}

}  // namespace

std::string resolve_url(std::string_view base_in, std::string_view ref_in) {
    std::string ref_s = trim_url(ref_in);
    std::string base_s = trim_url(base_in);
    Parts r = split(ref_s);
    Parts b = split(base_s);
    Parts t;
    if (!r.scheme.empty()) {
        t = r;
        t.path = remove_dot_segments(r.path);
    } else {
        if (r.has_authority) {
            t.has_authority = true;
            t.authority = r.authority;
            t.path = remove_dot_segments(r.path);
            t.has_query = r.has_query;
            t.query = r.query;
        } else {
            if (r.path.empty()) {
                t.path = b.path;
                t.has_query = r.has_query ? true : b.has_query;
                t.query = r.has_query ? r.query : b.query;
            } else {
                t.path = r.path[0] == '/' ? remove_dot_segments(r.path) : remove_dot_segments(merge(b, r.path));
                t.has_query = r.has_query;
                t.query = r.query;
            }
            t.has_authority = b.has_authority;
            t.authority = b.authority;
        }
        t.scheme = b.scheme;
    }
    t.has_fragment = r.has_fragment;
    t.fragment = r.fragment;
    return join(t);
}

std::string canonical_url(std::string_view url) {
    Parts p = split(trim_url(url));
    for (char& c : p.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Host is case-insensitive; userinfo is not (but is rare in feeds).
    size_t at = p.authority.rfind('@');
    size_t host_start = at == std::string::npos ? 0 : at + 1;
    for (size_t i = host_start; i < p.authority.size(); ++i)
        p.authority[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(p.authority[i])));
    // Default ports.
    auto strip_port = [&](const char* port) {
        std::string suffix = std::string(":") + port;
        if (p.authority.size() > suffix.size() && p.authority.compare(p.authority.size() - suffix.size(), suffix.size(), suffix) == 0)
            p.authority.erase(p.authority.size() - suffix.size());
    };
    if (p.scheme == "http") strip_port("80");
    if (p.scheme == "https") strip_port("443");
    if (!p.authority.empty() && p.authority.back() == ':') p.authority.pop_back();
    p.path = remove_dot_segments(p.path);
    while (p.path.size() > 1 && p.path.back() == '/') p.path.pop_back();
    if (p.path == "/") p.path.clear();
    p.has_fragment = false;
    p.fragment.clear();
    if (p.has_query) {
        // Tracking parameters say nothing about which article it is.
        std::string kept;
        size_t i = 0;
        while (i <= p.query.size()) {
            size_t e = p.query.find('&', i);
            if (e == std::string::npos) e = p.query.size();
            std::string_view param = std::string_view(p.query).substr(i, e - i);
            std::string key(param.substr(0, param.find('=')));
            for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            bool tracking = key.rfind("utm_", 0) == 0 || key == "fbclid" || key == "gclid" || key == "mc_cid" ||
                            key == "mc_eid" || key == "cmpid" || key == "ocid" || key == "_ga";
            if (!param.empty() && !tracking) {
                if (!kept.empty()) kept += '&';
                kept += param;
            }
            i = e + 1;
        }
        p.query = kept;
        p.has_query = !kept.empty();
    }
    return join(p);
}

}  // namespace claimex::document::detail
