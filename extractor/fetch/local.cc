// fetch: file:// URLs and local paths, read directly under the same size
// limit and document-type check as HTTP.
#include "extractor/fetch/internal.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fmt/format.h>

namespace claimex::fetch::internal {

namespace fs = std::filesystem;

namespace {
int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

bool file_url_to_path(const std::string& url, std::string& path) {
    if (url.size() < 7 || lower(url.substr(0, 7)) != "file://") return false;
    std::string rest = url.substr(7);
    // file:///abs/path or file://localhost/abs/path; other hosts are not local.
    if (!rest.empty() && rest[0] != '/') {
        auto slash = rest.find('/');
        std::string host = lower(rest.substr(0, slash));
        if (host != "localhost") return false;
        rest = slash == std::string::npos ? "/" : rest.substr(slash);
    }
    if (auto q = rest.find_first_of("?#"); q != std::string::npos) rest.resize(q);
    path.clear();
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '%' && i + 2 < rest.size() && hexval(rest[i + 1]) >= 0 && hexval(rest[i + 2]) >= 0) {
            path += static_cast<char>(hexval(rest[i + 1]) * 16 + hexval(rest[i + 2]));
            i += 2;
        } else {
            path += rest[i];
        }
    }
    return !path.empty();
}

void fetch_local(const std::string& path, const Options& o, Result& r) {
    r.attempts = 1;
    r.payload.url = r.url;
    r.payload.final_url = r.url;
    r.payload.status = 0;
    r.payload.content_type = guess_content_type(path);
    r.payload.fetched_at = iso_utc(std::time(nullptr));
    auto fail = [&](Error kind, std::string msg) {
        r.error_kind = kind;
        r.error = std::move(msg);
    };
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        fail(Error::file, "cannot open: No such file or directory");
        return;
    }
    if (fs::is_directory(st)) {
        fail(Error::file, "is a directory (give the files in it)");
        return;
    }
    if (o.documents_only && !is_document_type(r.payload.content_type)) {
        fail(Error::skipped, fmt::format("skipped: {} is not HTML", media_type(r.payload.content_type)));
        return;
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        fail(Error::file, fmt::format("cannot open: {}", std::strerror(errno)));
        return;
    }
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        if (r.payload.body.size() + n > o.max_bytes) {
            std::fclose(f);
            r.payload.body.clear();
            r.payload.body.shrink_to_fit();
            fail(Error::too_large, fmt::format("file larger than {} limit", format_bytes(o.max_bytes)));
            return;
        }
        r.payload.body.append(buf, n);
    }
    bool err = std::ferror(f);
    int saved = errno;
    std::fclose(f);
    if (err) fail(Error::file, fmt::format("cannot read: {}", std::strerror(saved)));
}

}  // namespace claimex::fetch::internal
