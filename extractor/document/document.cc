// document.cc — what a payload is (sniff) and payload → Document
// (parse_html, to_document). The work itself is in charset.cc, dom.cc,
// extract.cc, metadata.cc and feed.cc.
#include "extractor/document/internal.h"

#include <fmt/format.h>

namespace claimex::document {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string media_type(std::string_view content_type) {
    std::string t = lower(content_type.substr(0, content_type.find(';')));
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(0, 1);
    return t;
}

// Magic numbers of the binary formats a crawler meets; "" if none.
std::string binary_type(std::string_view b) {
    auto starts = [&](std::string_view m, size_t at = 0) { return b.size() >= at + m.size() && b.substr(at, m.size()) == m; };
    if (starts("%PDF-")) return "application/pdf";
    if (starts("\x89PNG")) return "image/png";
    if (starts("GIF8")) return "image/gif";
    if (starts("\xFF\xD8\xFF")) return "image/jpeg";
    if (starts("RIFF") && starts("WEBP", 8)) return "image/webp";
    if (starts("RIFF") && starts("AVI ", 8)) return "video/x-msvideo";
    if (starts("RIFF") && starts("WAVE", 8)) return "audio/wav";
    if (starts("ftyp", 4)) return "video/mp4";
    if (starts("\x1A\x45\xDF\xA3")) return "video/webm";
    if (starts("OggS")) return "audio/ogg";
    if (starts("ID3") || starts("\xFF\xFB")) return "audio/mpeg";
    if (starts(std::string_view("PK\x03\x04", 4))) return "application/zip";
    if (starts("\x1F\x8B")) return "application/gzip";
    if (starts("wOFF") || starts("wOF2")) return "font/woff";
    if (starts(std::string_view("\x00\x00\x01\x00", 4))) return "image/x-icon";
    if (starts("\xD0\xCF\x11\xE0")) return "application/msword";
    // NUL bytes early on: binary, unless it is UTF-16 text (BOM).
    if (!starts("\xFF\xFE") && !starts("\xFE\xFF") && b.substr(0, 1024).find('\0') != std::string_view::npos)
        return "application/octet-stream";
    return "";
}

// The first element name of XML/HTML bytes, lower case ("" if none).
std::string first_element(std::string_view b) {
    size_t i = 0;
    if (b.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    for (int guard = 0; guard < 64 && i < b.size() && i < 8192; ++guard) {
        size_t lt = b.find('<', i);
        if (lt == std::string_view::npos || lt > 8192) return "";
        if (b.substr(lt, 4) == "<!--") {
            size_t e = b.find("-->", lt);
            if (e == std::string_view::npos) return "";
            i = e + 3;
            continue;
        }
        if (b.substr(lt, 2) == "<?" || b.substr(lt, 2) == "<!") {
            size_t e = b.find('>', lt);
            if (e == std::string_view::npos) return "";
            std::string decl = lower(b.substr(lt, std::min<size_t>(e - lt, 20)));
            if (decl.rfind("<!doctype html", 0) == 0) return "html";
            i = e + 1;
            continue;
        }
        size_t e = lt + 1;
        while (e < b.size() && !std::isspace(static_cast<unsigned char>(b[e])) && b[e] != '>' && b[e] != '/') ++e;
        return lower(b.substr(lt + 1, e - lt - 1));
    }
    return "";
}

bool feed_root(const std::string& root) {
    std::string_view r = root;
    if (size_t c = r.rfind(':'); c != std::string_view::npos) r = r.substr(c + 1);
    return r == "rss" || r == "feed" || r == "rdf" || r == "urlset" || r == "sitemapindex";
}

bool html_root(const std::string& root) {
    static const char* tags[] = {"html", "head", "body", "div", "p", "meta", "title", "article", "script", "link", "table", "h1"};
    for (const char* t : tags)
        if (root == t) return true;
    return false;
}

std::string extension(std::string_view url) {
    std::string_view path = url.substr(0, url.find_first_of("?#"));
    size_t slash = path.rfind('/');
    size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
    return lower(path.substr(dot + 1));
}

// What a payload is, and for unsupported ones which type it was.
Kind classify(const Payload& p, std::string* what) {
    std::string mt = media_type(p.content_type);
    std::string magic = binary_type(p.body);
    auto unsupported = [&](std::string t) {
        if (what) *what = std::move(t);
        return Kind::unsupported;
    };
    if (!mt.empty()) {
        if (mt.rfind("image/", 0) == 0 || mt.rfind("video/", 0) == 0 || mt.rfind("audio/", 0) == 0 || mt.rfind("font/", 0) == 0 ||
            mt == "application/pdf" || mt == "application/zip" || mt == "application/gzip" || mt == "application/msword" ||
            mt == "application/json" || mt == "application/javascript" || mt == "text/css" || mt == "text/javascript" ||
            mt.rfind("application/vnd.", 0) == 0 || mt == "application/x-shockwave-flash" || mt == "application/wasm")
            return unsupported(mt);
    }
    if (!magic.empty()) return unsupported(magic);
    std::string root = first_element(p.body);
    if (mt == "text/html" || mt == "application/xhtml+xml")
        return feed_root(root) ? Kind::feed : Kind::html;  // feeds served as text/html happen
    if (mt == "application/rss+xml" || mt == "application/atom+xml" || mt == "application/rdf+xml") return Kind::feed;
    bool xml_type = mt == "application/xml" || mt == "text/xml" || (mt.size() > 4 && mt.substr(mt.size() - 4) == "+xml");
    if (xml_type) {
        if (html_root(root)) return Kind::html;
        if (feed_root(root) || root.empty()) return Kind::feed;
        return unsupported(fmt::format("XML ({}, root <{}>)", mt, root));
    }
    // text/plain, octet-stream, unknown or none: the bytes decide, then the
    // file extension.
    if (feed_root(root)) return Kind::feed;
    if (html_root(root) || (!root.empty() && mt.empty() && (extension(p.url) == "html" || extension(p.url) == "htm")))
        return Kind::html;
    std::string ext = extension(p.url);
    if (mt.empty() || mt == "application/octet-stream") {
        if (ext == "html" || ext == "htm" || ext == "xhtml") return Kind::html;
        if (ext == "pdf" || ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "gif" || ext == "mp4" || ext == "mp3" ||
            ext == "zip" || ext == "docx" || ext == "xlsx")
            return unsupported(fmt::format(".{} file", ext));
    }
    if (!mt.empty() && mt != "text/plain" && mt.rfind("text/", 0) != 0 && mt != "application/octet-stream")
        return unsupported(mt);
    return Kind::text;
}

Document base_document(const Payload& p) {
    Document d;
    d.url = p.url;
    d.final_url = p.final_url.empty() ? p.url : p.final_url;
    d.status = p.status;
    d.fetched_at = p.fetched_at;
    d.content_type = p.content_type;
    d.source_name = p.url;
    return d;
}

}  // namespace

Kind sniff(const Payload& p) { return classify(p, nullptr); }

Document parse_html(const Payload& p) {
    using namespace detail;
    Document d = base_document(p);
    std::string html = to_utf8(p.body, p.content_type, &d.charset);
    pugi::xml_document dom;
    html_to_dom(html, dom);
    Metadata m = extract_metadata(dom, d.final_url);
    Extraction ex = extract_main_text(dom, m.title_variants);
    complete_metadata(m, dom, ex);
    d.text = std::move(ex.text);
    // A page that renders its text with JavaScript may still carry it in
    // JSON-LD.
    if (d.text.size() < 200 && m.article_body.size() > d.text.size() + 200) d.text = m.article_body;
    d.title = std::move(m.title);
    d.published = std::move(m.published);
    d.modified = std::move(m.modified);
    d.publisher = std::move(m.publisher);
    d.authors = std::move(m.authors);
    d.lang = std::move(m.lang);
    d.canonical_url = std::move(m.canonical_url);
    return d;
}

Document to_document(const Payload& p) {
    if (p.status >= 400) throw DocumentError(fmt::format("HTTP status {}", p.status));
    std::string what;
    switch (classify(p, &what)) {
        case Kind::html:
            return parse_html(p);
        case Kind::feed: {
            std::string root = first_element(p.body);
            throw DocumentError(fmt::format("is a feed (<{}>), not an article: expand it into its items", root));
        }
        case Kind::unsupported:
            throw DocumentError(fmt::format("skipped: {} is not an article", what));
        case Kind::text:
            break;
    }
    Document d = base_document(p);
    d.text = to_utf8(p.body, p.content_type, &d.charset);
    return d;
}

}  // namespace claimex::document
