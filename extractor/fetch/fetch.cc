// fetch: the Fetcher. A scheduler over libcurl's multi interface: jobs wait
// in per-host queues, start when the host has a free slot and its delay has
// passed, and come back here when a transfer ends to be finished, retried
// (after a backoff, in the `delayed` queue) or sent on to the next redirect
// hop. robots.txt is one more job per origin that the origin's other jobs
// wait for ("parked").
#include "extractor/fetch/internal.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <curl/curl.h>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace claimex::fetch {

using namespace internal;
using Clock = std::chrono::steady_clock;

namespace {

void init_curl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string robots_url_for(const UrlParts& u) {
    bool default_port = (u.scheme == "http" && u.port == "80") || (u.scheme == "https" && u.port == "443");
    return u.scheme + "://" + u.host + (default_port ? "" : ":" + u.port) + "/robots.txt";
}

bool starts_with_ci(const std::string& s, std::string_view prefix) {
    return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == prefix;
}

// One URL on its way: the Result it will become and where it is now.
struct Job {
    Result result;
    bool robots = false;       // the robots.txt fetch for robots_for
    std::string robots_for;    // origin whose robots.txt this is
    std::string local_path;    // for files
    std::string current;       // URL of the current hop
    UrlParts parts;
    std::string host;          // politeness key: the host name
    int hop_attempts = 0;      // attempts on the current hop
    bool conditional = false;  // If-None-Match / If-Modified-Since sent
    bool skip_cache = false;   // the cache entry vanished: fetch unconditionally
};

// One attempt in flight: the curl handle and what has come back so far.
struct Transfer {
    std::unique_ptr<Job> job;
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    char errbuf[CURL_ERROR_SIZE] = {};
    int status = 0;
    std::string content_type, etag, last_modified, retry_after;
    long long content_length = -1;
    std::string body;
    size_t limit = 0;
    bool keep_body = false;    // a 2xx: the body is wanted
    bool check_type = true;    // skip non-documents
    bool too_large = false;
    std::string skipped;       // why the body was not downloaded
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

size_t on_header(char* data, size_t size, size_t n, void* p) {
    auto* t = static_cast<Transfer*>(p);
    size_t len = size * n;
    std::string_view line = trim(std::string_view(data, len));
    if (line.substr(0, 5) == "HTTP/") {
        // A new response (after a 100 Continue, say): start afresh.
        t->status = 0;
        t->content_type.clear();
        t->etag.clear();
        t->last_modified.clear();
        t->retry_after.clear();
        t->content_length = -1;
        auto sp = line.find(' ');
        if (sp != std::string_view::npos) t->status = std::atoi(std::string(line.substr(sp + 1, 3)).c_str());
    } else if (line.empty()) {
        t->keep_body = t->status >= 200 && t->status < 300;
        if (t->keep_body && t->check_type && !is_document_type(t->content_type)) {
            t->skipped = fmt::format("skipped: {} is not HTML", media_type(t->content_type));
            return 0;  // abort: the body is not wanted
        }
        // Announced too large: stop before the body (decoded bodies are
        // checked again as they arrive, in on_body).
        if (t->keep_body && !t->job->robots && t->content_length > static_cast<long long>(t->limit)) {
            t->too_large = true;
            return 0;
        }
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
        std::string name = lower(trim(line.substr(0, colon)));
        std::string value(trim(line.substr(colon + 1)));
        if (name == "content-type")
            t->content_type = value;
        else if (name == "etag")
            t->etag = value;
        else if (name == "last-modified")
            t->last_modified = value;
        else if (name == "retry-after")
            t->retry_after = value;
        else if (name == "content-length")
            t->content_length = std::atoll(value.c_str());
    }
    return len;
}

size_t on_body(char* data, size_t size, size_t n, void* p) {
    auto* t = static_cast<Transfer*>(p);
    size_t len = size * n;
    if (!t->keep_body) return len;  // a redirect's or an error's body: not needed
    if (t->body.size() + len > t->limit) {
        t->too_large = true;
        if (t->job->robots) t->body.append(data, t->limit - t->body.size());  // parse what fits
        return 0;
    }
    t->body.append(data, len);
    return len;
}

bool retryable_status(int s) { return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504; }

bool retryable_curl(CURLcode rc) {
    switch (rc) {
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_COULDNT_CONNECT:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_SSL_CONNECT_ERROR:
            return true;
        default:
            return false;
    }
}

std::string http_error(int status) {
    std::string text = status_text(status);
    return text.empty() ? fmt::format("HTTP {}", status) : fmt::format("HTTP {} {}", status, text);
}

}  // namespace

std::string Options::effective_user_agent() const {
    if (!user_agent.empty()) return user_agent;
    std::string ua = fmt::format("claimex/{}", kVersion);
    if (!contact.empty()) {
        bool bare_address = contact.find('@') != std::string::npos && contact.find(':') == std::string::npos;
        ua += fmt::format(" (+{}{})", bare_address ? "mailto:" : "", contact);
    }
    return ua;
}

bool is_url(const std::string& s) {
    return starts_with_ci(s, "http://") || starts_with_ci(s, "https://") || starts_with_ci(s, "file://");
}

struct Fetcher::Impl {
    struct Host {
        std::deque<std::unique_ptr<Job>> waiting;
        int active = 0;
        Clock::time_point next_start{};
    };
    struct Origin {
        enum State { unknown, fetching, ready } state = unknown;
        Robots robots;
        // robots.txt could not be fetched because of the network (not a
        // status): the origin's pages fail with this kind, not as blocked.
        Error failure = Error::none;
        std::vector<std::unique_ptr<Job>> parked;  // waiting for robots.txt
    };

    Options o;
    std::string ua;
    std::string noproxy;
    CURLM* multi = nullptr;
    std::optional<DiskCache> cache;
    std::deque<std::unique_ptr<Job>> local;
    std::unordered_map<std::string, Host> hosts;
    std::unordered_map<std::string, Origin> origins;
    std::multimap<Clock::time_point, std::unique_ptr<Job>> delayed;
    std::unordered_set<Transfer*> transfers;
    std::deque<Result> ready;
    size_t pending = 0;  // added, not yet returned by next()
    uint64_t next_id = 1;
    std::mt19937_64 rng{std::random_device{}()};

    explicit Impl(Options opt) : o(std::move(opt)) {
        init_curl();
        o.concurrency = std::max(1, o.concurrency);
        o.per_host = std::max(1, o.per_host);
        o.retries = std::max(0, o.retries);
        o.max_redirects = std::max(0, o.max_redirects);
        ua = o.effective_user_agent();
        // Loopback never goes through a proxy (the tests' server lives
        // there); the user's own no_proxy list still applies.
        const char* np = std::getenv("no_proxy");
        if (!np || !*np) np = std::getenv("NO_PROXY");
        noproxy = std::string(np && *np ? std::string(np) + "," : "") + "localhost,127.0.0.1,::1";
        if (!o.cache_dir.empty()) cache.emplace(o.cache_dir);
        multi = curl_multi_init();
        if (!multi) throw FetchError("cannot start libcurl");
        curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(o.concurrency * 2 + 8));
    }

    ~Impl() {
        for (Transfer* t : transfers) {
            curl_multi_remove_handle(multi, t->easy);
            curl_easy_cleanup(t->easy);
            curl_slist_free_all(t->headers);
            delete t;
        }
        curl_multi_cleanup(multi);
    }

    // ---- entering the queues ----

    uint64_t add(std::string url) {
        auto job = std::make_unique<Job>();
        job->result.id = next_id++;
        job->result.url = url;
        ++pending;
        uint64_t id = job->result.id;
        if (starts_with_ci(url, "http://") || starts_with_ci(url, "https://")) {
            job->current = url;
            if (!parse_http_url(url, job->parts))
                fail(std::move(job), Error::invalid, "not a valid URL");
            else
                admit(std::move(job));
        } else if (starts_with_ci(url, "file://")) {
            if (!file_url_to_path(url, job->local_path))
                fail(std::move(job), Error::invalid, "not a local file URL (file:///path)");
            else
                local.push_back(std::move(job));
        } else if (auto p = url.find("://"); p != std::string::npos && p > 0 &&
                   url.find_first_of("/\\.") > p) {
            fail(std::move(job), Error::invalid, fmt::format("unsupported URL scheme \"{}\"", url.substr(0, p)));
        } else {
            job->local_path = url;
            local.push_back(std::move(job));
        }
        return id;
    }

    // A job for job->current (parsed into job->parts): past robots.txt and
    // into its host's queue.
    void admit(std::unique_ptr<Job> job) {
        job->host = job->parts.host;
        if (!job->robots && !o.ignore_robots) {
            std::string origin = origin_of(job->parts);
            Origin& org = origins[origin];
            if (org.state == Origin::unknown) {
                org.state = Origin::fetching;
                auto r = std::make_unique<Job>();
                r->robots = true;
                r->robots_for = origin;
                r->current = robots_url_for(job->parts);
                r->result.url = r->current;
                parse_http_url(r->current, r->parts);
                r->host = r->parts.host;
                hosts[r->host].waiting.push_front(std::move(r));
            }
            if (org.state == Origin::fetching) {
                org.parked.push_back(std::move(job));
                return;
            }
            auto v = org.robots.check(job->parts.path_query);
            if (!v.allowed) {
                if (org.failure != Error::none)
                    fail(std::move(job), org.failure, v.why);
                else
                    fail(std::move(job), Error::robots, fmt::format("blocked by robots.txt ({})", v.why));
                return;
            }
        }
        hosts[job->host].waiting.push_back(std::move(job));
    }

    // ---- leaving ----

    void finish(std::unique_ptr<Job> job) {
        if (job->robots) {
            robots_done(*job);
            return;
        }
        auto& r = job->result;
        r.payload.url = r.url;
        if (r.payload.final_url.empty()) r.payload.final_url = job->current.empty() ? r.url : job->current;
        if (r.payload.fetched_at.empty()) r.payload.fetched_at = iso_utc(std::time(nullptr));
        ready.push_back(std::move(r));
    }

    void fail(std::unique_ptr<Job> job, Error kind, std::string message) {
        job->result.error_kind = kind;
        job->result.error = std::move(message);
        job->result.payload.body.clear();
        finish(std::move(job));
    }

    void robots_done(Job& j) {
        Origin& org = origins[j.robots_for];
        const Result& r = j.result;
        if (r.ok() && r.payload.status >= 200 && r.payload.status < 300)
            org.robots = Robots::parse(r.payload.body, kRobotsToken);
        else if ((r.error_kind == Error::http && r.payload.status >= 400 && r.payload.status < 500) ||
                 r.error_kind == Error::redirect || r.error_kind == Error::skipped)
            org.robots = Robots::allow_all();  // no usable robots.txt: nothing is disallowed
        else if (r.error_kind == Error::http)
            org.robots = Robots::block_all(fmt::format("unavailable: {}", r.error));
        else {
            org.robots = Robots::block_all(fmt::format("cannot fetch robots.txt: {}", r.error));
            org.failure = r.error_kind;
        }
        org.state = Origin::ready;
        auto parked = std::move(org.parked);
        org.parked.clear();
        for (auto& p : parked) admit(std::move(p));
    }

    void retry_or_fail(std::unique_ptr<Job> job, Error kind, std::string message, double retry_after) {
        Job& j = *job;
        if (j.hop_attempts > o.retries) {
            if (j.hop_attempts > 1) message += fmt::format(" (gave up after {} attempts)", j.hop_attempts);
            fail(std::move(job), kind, std::move(message));
            return;
        }
        auto now = Clock::now();
        double wait = o.backoff * std::pow(2.0, j.hop_attempts - 1);
        wait *= std::uniform_real_distribution<double>(0.5, 1.5)(rng);
        if (retry_after >= 0) {
            if (retry_after > o.max_wait) {
                message += fmt::format(" (Retry-After {} is longer than the {} limit)", format_seconds(retry_after),
                                       format_seconds(o.max_wait));
                fail(std::move(job), kind, std::move(message));
                return;
            }
            wait = std::max(wait, retry_after);
            // The server asked the whole host to wait, not just this URL.
            Host& h = hosts[j.host];
            auto until = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(retry_after));
            h.next_start = std::max(h.next_start, until);
        }
        wait = std::min(wait, std::max(o.max_wait, 0.0));
        auto at = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait));
        delayed.emplace(at, std::move(job));
    }

    void redirect(std::unique_ptr<Job> job, const std::string& location) {
        Job& j = *job;
        if (static_cast<int>(j.result.redirects.size()) >= o.max_redirects) {
            fail(std::move(job), Error::redirect, fmt::format("too many redirects (more than {})", o.max_redirects));
            return;
        }
        std::vector<std::string> chain = j.result.redirects;
        chain.push_back(j.current);
        if (std::find(chain.begin(), chain.end(), location) != chain.end()) {
            std::string path;
            auto from = std::find(chain.begin(), chain.end(), location);
            for (auto it = from; it != chain.end(); ++it) path += *it + " → ";
            fail(std::move(job), Error::redirect, fmt::format("redirect loop ({}{})", path, location));
            return;
        }
        UrlParts parts;
        if (!parse_http_url(location, parts)) {
            fail(std::move(job), Error::redirect, fmt::format("redirect to an unsupported URL: {}", location));
            return;
        }
        j.result.redirects.push_back(j.current);
        j.current = location;
        j.parts = parts;
        j.hop_attempts = 0;
        j.conditional = false;
        j.skip_cache = false;
        admit(std::move(job));
    }

    // ---- running ----

    void start(Host& host, std::unique_ptr<Job> job, Clock::time_point now) {
        auto* t = new Transfer;
        t->job = std::move(job);
        Job& j = *t->job;
        t->limit = j.robots ? std::min<size_t>(o.max_bytes, 512u << 10) : o.max_bytes;
        t->check_type = o.documents_only && !j.robots;
        CURL* e = t->easy = curl_easy_init();
        curl_easy_setopt(e, CURLOPT_URL, j.current.c_str());
        curl_easy_setopt(e, CURLOPT_PRIVATE, t);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // hops go through admit()
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
        curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout * 1000));
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout * 1000));
        curl_easy_setopt(e, CURLOPT_USERAGENT, ua.c_str());
        curl_easy_setopt(e, CURLOPT_NOPROXY, noproxy.c_str());
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
        t->headers = curl_slist_append(t->headers, j.robots ? "Accept: text/plain,*/*;q=0.8"
                                                            : "Accept: text/html,application/xhtml+xml,"
                                                              "application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5");
        j.conditional = false;
        if (cache && !j.robots && !j.skip_cache) {
            if (auto entry = cache->head(j.current); entry && (!entry->etag.empty() || !entry->last_modified.empty())) {
                if (!entry->etag.empty())
                    t->headers = curl_slist_append(t->headers, ("If-None-Match: " + entry->etag).c_str());
                if (!entry->last_modified.empty())
                    t->headers =
                        curl_slist_append(t->headers, ("If-Modified-Since: " + entry->last_modified).c_str());
                j.conditional = true;
            }
        }
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
        ++j.hop_attempts;
        ++j.result.attempts;
        ++host.active;
        host.next_start = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.host_delay));
        transfers.insert(t);
        curl_multi_add_handle(multi, e);
    }

    // Moves due retries back to their hosts and starts what the limits
    // allow.
    void schedule(Clock::time_point now) {
        while (!delayed.empty() && delayed.begin()->first <= now) {
            auto job = std::move(delayed.begin()->second);
            delayed.erase(delayed.begin());
            std::string host = job->host;
            hosts[host].waiting.push_front(std::move(job));  // a retry goes before new work
        }
        // Hosts with nothing to do and no delay to keep are forgotten, so a
        // long run over many sites keeps no per-host state.
        for (auto it = hosts.begin(); it != hosts.end();) {
            if (it->second.waiting.empty() && it->second.active == 0 && it->second.next_start <= now)
                it = hosts.erase(it);
            else
                ++it;
        }
        // Round robin: one start per host per pass, so one big host does
        // not starve the others.
        bool progress = true;
        while (progress && static_cast<int>(transfers.size()) < o.concurrency) {
            progress = false;
            for (auto& [name, h] : hosts) {
                if (h.waiting.empty() || h.active >= o.per_host) continue;
                if (h.next_start > now) continue;
                auto job = std::move(h.waiting.front());
                h.waiting.pop_front();
                start(h, std::move(job), now);
                progress = true;
                if (static_cast<int>(transfers.size()) >= o.concurrency) break;
            }
        }
    }

    void drain() {
        int left = 0;
        while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
            if (m->msg != CURLMSG_DONE) continue;
            CURL* e = m->easy_handle;
            CURLcode rc = m->data.result;
            Transfer* t = nullptr;
            curl_easy_getinfo(e, CURLINFO_PRIVATE, reinterpret_cast<char**>(&t));
            curl_multi_remove_handle(multi, e);
            transfers.erase(t);
            if (auto h = hosts.find(t->job->host); h != hosts.end()) --h->second.active;
            complete(*t, rc);
            curl_easy_cleanup(e);
            curl_slist_free_all(t->headers);
            delete t;
        }
    }

    // One attempt has ended: finish the job, retry it or follow its redirect.
    void complete(Transfer& t, CURLcode rc) {
        std::unique_ptr<Job> job = std::move(t.job);
        Job& j = *job;
        document::Payload& pl = j.result.payload;
        pl.status = t.status;
        pl.content_type = t.content_type;
        pl.final_url = j.current;
        if (t.too_large) {
            if (j.robots && t.too_large) {  // a huge robots.txt: use its first 512 KiB
                pl.body = std::move(t.body);
                finish(std::move(job));
            } else {
                fail(std::move(job), Error::too_large, fmt::format("body larger than {} limit", format_bytes(t.limit)));
            }
            return;
        }
        if (!t.skipped.empty()) {
            fail(std::move(job), Error::skipped, t.skipped);
            return;
        }
        if (rc != CURLE_OK) {
            Error kind = Error::network;
            std::string msg;
            if (rc == CURLE_OPERATION_TIMEDOUT) {
                kind = Error::timeout;
                curl_off_t connect_us = 0;
                curl_easy_getinfo(t.easy, CURLINFO_CONNECT_TIME_T, &connect_us);
                if (connect_us == 0 && o.connect_timeout < o.timeout)
                    msg = fmt::format("connect timed out after {}", format_seconds(o.connect_timeout));
                else
                    msg = fmt::format("timed out after {}", format_seconds(o.timeout));
            } else {
                msg = t.errbuf[0] ? std::string(t.errbuf) : std::string(curl_easy_strerror(rc));
            }
            if (retryable_curl(rc))
                retry_or_fail(std::move(job), kind, std::move(msg), -1);
            else
                fail(std::move(job), kind, std::move(msg));
            return;
        }
        int s = t.status;
        if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
            char* loc = nullptr;
            curl_easy_getinfo(t.easy, CURLINFO_REDIRECT_URL, &loc);
            if (!loc || !*loc) {
                fail(std::move(job), Error::http, http_error(s) + " without a Location");
                return;
            }
            redirect(std::move(job), loc);
            return;
        }
        if (s == 304 && j.conditional) {
            if (auto entry = cache->load(j.current)) {
                pl.status = entry->status;
                pl.content_type = entry->content_type;
                pl.body = std::move(entry->body);
                j.result.from_cache = true;
                finish(std::move(job));
            } else {
                // The entry went away between the request and now: ask again
                // without conditions, straight away.
                j.skip_cache = true;
                --j.hop_attempts;
                hosts[j.host].waiting.push_front(std::move(job));
            }
            return;
        }
        if (s >= 200 && s < 300) {
            pl.body = std::move(t.body);
            pl.fetched_at = iso_utc(std::time(nullptr));
            if (cache && !j.robots && s == 200 && (!t.etag.empty() || !t.last_modified.empty())) {
                CacheEntry meta;
                meta.url = j.current;
                meta.status = s;
                meta.content_type = t.content_type;
                meta.etag = t.etag;
                meta.last_modified = t.last_modified;
                meta.fetched_at = pl.fetched_at;
                cache->store(meta, pl.body);
            }
            finish(std::move(job));
            return;
        }
        if (retryable_status(s)) {
            double ra = t.retry_after.empty() ? -1 : parse_retry_after(t.retry_after, std::time(nullptr));
            retry_or_fail(std::move(job), Error::http, http_error(s), ra);
            return;
        }
        fail(std::move(job), Error::http, s ? http_error(s) : std::string("no HTTP status in the response"));
    }

    bool next(Result& out) {
        for (;;) {
            if (!ready.empty()) {
                out = std::move(ready.front());
                ready.pop_front();
                --pending;
                return true;
            }
            if (!local.empty()) {
                auto job = std::move(local.front());
                local.pop_front();
                fetch_local(job->local_path, o, job->result);
                job->current = job->result.url;
                finish(std::move(job));
                continue;
            }
            if (pending == 0) return false;
            schedule(Clock::now());
            int running = 0;
            curl_multi_perform(multi, &running);
            drain();
            if (!ready.empty()) continue;
            if (transfers.empty() && delayed.empty() && !has_waiting()) {
                // Nothing in flight, nothing due: cannot happen unless a job
                // was lost; fail what is left rather than wait forever.
                fail_stranded();
                continue;
            }
            Clock::time_point wake = next_wake();
            long wait_ms = 1000;
            if (wake != Clock::time_point::max()) {
                auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now()).count() + 1;
                wait_ms = std::clamp<long>(static_cast<long>(ms), 0, 1000);
            }
            if (wait_ms > 0) curl_multi_poll(multi, nullptr, 0, static_cast<int>(wait_ms), nullptr);
        }
    }

    // When a retry falls due or a host's delay runs out (curl's own timers
    // are curl_multi_poll's business).
    Clock::time_point next_wake() const {
        Clock::time_point wake = delayed.empty() ? Clock::time_point::max() : delayed.begin()->first;
        if (static_cast<int>(transfers.size()) >= o.concurrency) return wake;
        for (const auto& [name, h] : hosts)
            if (!h.waiting.empty() && h.active < o.per_host) wake = std::min(wake, h.next_start);
        return wake;
    }

    bool has_waiting() const {
        for (const auto& [name, h] : hosts)
            if (!h.waiting.empty()) return true;
        return false;
    }

    void fail_stranded() {
        std::vector<std::unique_ptr<Job>> lost;
        for (auto& [name, org] : origins)
            for (auto& p : org.parked) lost.push_back(std::move(p));
        for (auto& [name, org] : origins) org.parked.clear();
        for (auto& j : lost) fail(std::move(j), Error::network, "internal error: the request was never started");
        if (lost.empty() && ready.empty()) pending = 0;
    }
};

Fetcher::Fetcher(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Fetcher::~Fetcher() = default;
uint64_t Fetcher::add(std::string url) { return impl_->add(std::move(url)); }
bool Fetcher::next(Result& out) { return impl_->next(out); }
size_t Fetcher::pending() const { return impl_->pending; }
const Options& Fetcher::options() const { return impl_->o; }

Result fetch_one(const std::string& url, const Options& options) {
    Fetcher f(options);
    f.add(url);
    Result r;
    if (!f.next(r)) {
        r.url = url;
        r.error_kind = Error::invalid;
        r.error = "nothing fetched";
    }
    return r;
}

}  // namespace claimex::fetch
