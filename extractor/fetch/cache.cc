// fetch: the conditional-GET cache. One file per URL:
//   line 1: "claimex-cache 1"
//   line 2: JSON {url, status, content_type, etag, last_modified, fetched_at, size}
//   then:   the body (size bytes, decoded)
// written to a temporary name and renamed, so readers see a whole entry or
// none. Anything unreadable, truncated or for another URL is a miss.
#include "extractor/fetch/internal.h"
#include "extractor/text/text.h"

#include <atomic>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace claimex::fetch::internal {

namespace fs = std::filesystem;

namespace {
constexpr const char* kMagic = "claimex-cache 1";

}  // namespace

DiskCache::DiskCache(fs::path dir) : dir_(std::move(dir)) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec || !fs::is_directory(dir_, ec))
        throw FetchError(fmt::format("cache folder {}: cannot create it: {}", dir_.string(),
                                     ec ? ec.message() : "not a folder"));
    if (access(dir_.c_str(), W_OK) != 0)
        throw FetchError(fmt::format("cache folder {}: not writable", dir_.string()));
}

fs::path DiskCache::path_for(const std::string& url) const {
    std::string h = fmt::format("{:016x}", text::fnv1a(url));
    return dir_ / h.substr(0, 2) / (h + ".entry");
}

std::optional<CacheEntry> DiskCache::read(const std::string& url, bool with_body) const {
    std::ifstream in(path_for(url), std::ios::binary);
    if (!in) return std::nullopt;
    std::string magic, meta;
    if (!std::getline(in, magic) || magic != kMagic || !std::getline(in, meta)) return std::nullopt;
    CacheEntry e;
    size_t size = 0;
    try {
        auto j = nlohmann::json::parse(meta);
        e.url = j.at("url").get<std::string>();
        e.status = j.at("status").get<int>();
        e.content_type = j.value("content_type", "");
        e.etag = j.value("etag", "");
        e.last_modified = j.value("last_modified", "");
        e.fetched_at = j.value("fetched_at", "");
        size = j.at("size").get<size_t>();
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (e.url != url) return std::nullopt;  // a hash collision
    if (with_body) {
        e.body.resize(size);
        if (size && !in.read(e.body.data(), static_cast<std::streamsize>(size))) return std::nullopt;
        if (in.peek() != std::char_traits<char>::eof()) return std::nullopt;  // not what we wrote
    }
    return e;
}

std::optional<CacheEntry> DiskCache::head(const std::string& url) const { return read(url, false); }
std::optional<CacheEntry> DiskCache::load(const std::string& url) const { return read(url, true); }

bool DiskCache::store(const CacheEntry& e, std::string_view body) const {
    static std::atomic<unsigned> counter{0};
    fs::path final_path = path_for(e.url);
    std::error_code ec;
    fs::create_directories(final_path.parent_path(), ec);
    if (ec) return false;
    fs::path tmp = final_path;
    tmp += fmt::format(".tmp.{}.{}", static_cast<long>(getpid()), counter++);
    nlohmann::json j = {{"url", e.url},
                        {"status", e.status},
                        {"content_type", e.content_type},
                        {"etag", e.etag},
                        {"last_modified", e.last_modified},
                        {"fetched_at", e.fetched_at},
                        {"size", body.size()}};
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out << kMagic << '\n'
            << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
        out.flush();
        if (!out) {
            fs::remove(tmp, ec);
            return false;
        }
    }
    fs::rename(tmp, final_path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace claimex::fetch::internal
