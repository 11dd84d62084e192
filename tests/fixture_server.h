// Starts tests/fixture_server.py on 127.0.0.1 for one test (or the fetch
// benchmark) and stops it when the object goes away. The server also exits
// by itself when our end of its stdin closes, so a crashed test leaves no
// server behind.
//
//   FixtureServer srv;                       // throws when it cannot start
//   auto r = fetch_one(srv.url("/page/1"));
//   nlohmann::json log = srv.log();          // what the server saw
#pragma once

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <curl/curl.h>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

class FixtureServer {
public:
    // robots: "file" (tests/fixtures/http/robots.txt), "none" (404), "error" (503).
    explicit FixtureServer(const std::string& robots = "file", const std::string& script = default_script()) {
        int out[2], in[2];
        if (pipe(out) != 0 || pipe(in) != 0) throw std::runtime_error("fixture server: pipe failed");
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fixture server: fork failed");
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            close(in[0]);
            close(in[1]);
            close(out[0]);
            close(out[1]);
            execlp("python3", "python3", script.c_str(), "--port", "0", "--robots", robots.c_str(),
                   static_cast<char*>(nullptr));
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        stdin_ = in[1];
        fcntl(stdin_, F_SETFD, FD_CLOEXEC);
        // The first line is the port. Generous wait: a loaded machine may
        // take a while to start Python.
        std::string line;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (line.find('\n') == std::string::npos) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            pollfd p{out[0], POLLIN, 0};
            if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
            char buf[64];
            ssize_t n = read(out[0], buf, sizeof buf);
            if (n <= 0) break;
            line.append(buf, static_cast<size_t>(n));
        }
        close(out[0]);
        port_ = std::atoi(line.c_str());
        if (port_ <= 0) {
            stop();
            throw std::runtime_error("fixture server did not start (" + script + ")");
        }
    }

    ~FixtureServer() { stop(); }
    FixtureServer(const FixtureServer&) = delete;
    FixtureServer& operator=(const FixtureServer&) = delete;

    int port() const { return port_; }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string url(const std::string& path) const { return base() + path; }

    // A plain GET of a control path ("/_log", "/_stats", "/_bump/KEY").
    std::string get(const std::string& path) const {
        std::string body;
        CURL* c = curl_easy_init();
        curl_easy_setopt(c, CURLOPT_URL, url(path).c_str());
        curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
        curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* p) {
            static_cast<std::string*>(p)->append(d, s * n);
            return s * n;
        });
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
        CURLcode rc = curl_easy_perform(c);
        curl_easy_cleanup(c);
        if (rc != CURLE_OK) throw std::runtime_error("fixture server: GET " + path + " failed");
        return body;
    }

    // Every request the server saw (except control paths), in arrival order.
    nlohmann::json log() const { return nlohmann::json::parse(get("/_log")); }
    nlohmann::json stats() const { return nlohmann::json::parse(get("/_stats")); }

    // Requests whose path (without the query) is `path`.
    nlohmann::json requests_to(const std::string& path) const {
        nlohmann::json out = nlohmann::json::array();
        for (auto& e : log()) {
            std::string p = e["path"].get<std::string>();
            if (p.substr(0, p.find('?')) == path) out.push_back(e);
        }
        return out;
    }

    static std::string default_script() {
#ifdef CLAIMEX_SOURCE_DIR
        return std::string(CLAIMEX_SOURCE_DIR) + "/tests/fixture_server.py";
#else
        return "tests/fixture_server.py";
#endif
    }

private:
    void stop() {
        if (stdin_ >= 0) close(stdin_);
        stdin_ = -1;
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            int status = 0;
            while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
        }
        pid_ = -1;
    }

    pid_t pid_ = -1;
    int stdin_ = -1;
    int port_ = 0;
};
