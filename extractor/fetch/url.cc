// fetch: URL parts, content types, and the wording of sizes, times and HTTP
// statuses in messages.
#include "extractor/fetch/internal.h"

#include <cctype>
#include <cmath>
#include <curl/curl.h>
#include <fmt/format.h>

namespace claimex::fetch::internal {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool parse_http_url(const std::string& url, UrlParts& out) {
    CURLU* u = curl_url();
    if (!u) return false;
    bool ok = false;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
        char *scheme = nullptr, *host = nullptr, *port = nullptr, *path = nullptr, *query = nullptr;
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
        curl_url_get(u, CURLUPART_HOST, &host, 0);
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
        curl_url_get(u, CURLUPART_PATH, &path, 0);
        curl_url_get(u, CURLUPART_QUERY, &query, 0);
        if (scheme && host && *host) {
            out.scheme = lower(scheme);
            if (out.scheme == "http" || out.scheme == "https") {
                out.host = lower(host);
                out.port = port ? port : (out.scheme == "https" ? "443" : "80");
                out.path_query = path && *path ? path : "/";
                if (query) out.path_query += std::string("?") + query;
                ok = true;
            }
        }
        for (char* p : {scheme, host, port, path, query}) curl_free(p);
    }
    curl_url_cleanup(u);
    return ok;
}

std::string origin_of(const UrlParts& u) { return u.scheme + "://" + u.host + ":" + u.port; }

std::string media_type(std::string_view ct) {
    auto semi = ct.find(';');
    std::string_view t = ct.substr(0, semi);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
    return lower(t);
}

bool is_document_type(std::string_view content_type) {
    std::string t = media_type(content_type);
    if (t.empty()) return true;
    // Servers label unknown bytes this way, HTML included: let the document
    // stage look at the bytes.
    if (t == "application/octet-stream" || t == "binary/octet-stream") return true;
    if (t.rfind("text/", 0) == 0) return true;
    if (t.rfind("image/", 0) == 0) return false;  // image/svg+xml is XML but not a document
    if (t == "application/xhtml+xml" || t == "application/xml") return true;
    if (t.size() > 4 && t.compare(t.size() - 4, 4, "+xml") == 0) return true;  // rss, atom, rdf
    return false;
}

std::string guess_content_type(const std::filesystem::path& path) {
    std::string ext = lower(path.extension().string());
    if (ext == ".html" || ext == ".htm" || ext == ".shtml") return "text/html";
    if (ext == ".xhtml") return "application/xhtml+xml";
    if (ext == ".xml") return "application/xml";
    if (ext == ".rss") return "application/rss+xml";
    if (ext == ".atom") return "application/atom+xml";
    if (ext == ".rdf") return "application/rdf+xml";
    if (ext == ".txt" || ext == ".text" || ext == ".md") return "text/plain";
    if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") return "application/json";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".gif") return "image/gif";
    if (ext == ".webp") return "image/webp";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".mp4" || ext == ".m4v") return "video/mp4";
    if (ext == ".webm") return "video/webm";
    if (ext == ".mp3") return "audio/mpeg";
    if (ext == ".ogg") return "audio/ogg";
    if (ext == ".wav") return "audio/wav";
    if (ext == ".zip") return "application/zip";
    if (ext == ".gz" || ext == ".tgz") return "application/gzip";
    return "";
}

std::string status_text(int status) {
    switch (status) {
        case 200: return "OK";
        case 203: return "Non-Authoritative Information";
        case 204: return "No Content";
        case 206: return "Partial Content";
        case 301: return "Moved Permanently";
        case 302: return "Found";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 307: return "Temporary Redirect";
        case 308: return "Permanent Redirect";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 402: return "Payment Required";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 406: return "Not Acceptable";
        case 407: return "Proxy Authentication Required";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 410: return "Gone";
        case 411: return "Length Required";
        case 412: return "Precondition Failed";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 416: return "Range Not Satisfiable";
        case 418: return "I'm a teapot";
        case 421: return "Misdirected Request";
        case 422: return "Unprocessable Content";
        case 425: return "Too Early";
        case 426: return "Upgrade Required";
        case 428: return "Precondition Required";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 451: return "Unavailable For Legal Reasons";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        case 505: return "HTTP Version Not Supported";
        case 507: return "Insufficient Storage";
        case 508: return "Loop Detected";
        case 511: return "Network Authentication Required";
        default: return "";
    }
}

std::string format_bytes(size_t n) {
    constexpr size_t KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024;
    auto unit = [&](size_t size, const char* name) {
        if (n % size == 0) return fmt::format("{} {}", n / size, name);
        return fmt::format("{:.1f} {}", static_cast<double>(n) / size, name);
    };
    if (n >= GiB) return unit(GiB, "GiB");
    if (n >= MiB) return unit(MiB, "MiB");
    if (n >= KiB) return unit(KiB, "KiB");
    return fmt::format("{} bytes", n);
}

std::string format_seconds(double s) {
    if (std::fabs(s - std::round(s)) < 1e-9) return fmt::format("{} s", static_cast<long long>(std::round(s)));
    return fmt::format("{:g} s", s);
}

std::string iso_utc(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

double parse_retry_after(std::string_view v, std::time_t now) {
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
    if (v.empty()) return -1;
    bool digits = true;
    for (char c : v) digits = digits && c >= '0' && c <= '9';
    if (digits) return v.size() > 9 ? 1e9 : std::stod(std::string(v));
    // An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); a date in the past
    // means "now".
    std::time_t t = curl_getdate(std::string(v).c_str(), nullptr);
    if (t == -1) return -1;
    return t > now ? static_cast<double>(t - now) : 0.0;
}

}  // namespace claimex::fetch::internal
