// Which URLs the kiosk may reach, checked the same way by the configuration and by the fetcher.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// http://HOST[:port]/… with HOST 127.x.y.z, localhost or [::1]: this machine, for tests.
bool loopback_url(const std::string& url);

// The local file a file: URL names (absolute file:///…, or file:relative/path inside the
// resource directory). Empty, with *why set, when the URL is not an acceptable file URL.
std::filesystem::path file_url_path(const std::string& url, std::string* why);

// True for URLs the kiosk may fetch: https://, file:, and http:// to 127.0.0.0/8, localhost or
// [::1]. Otherwise *why says what is wrong.
bool allowed_feed_url(const std::string& url, std::string* why);

struct Authority {
  std::string scheme;  // http, https
  std::string host;    // lower case; [v6] keeps its brackets
  std::string port;    // empty: the scheme's
};
// The scheme, host and port of an http(s) URL; nullopt for anything else.
std::optional<Authority> http_authority(std::string_view url);

// The host (http, https) or file name (file:) of a feed URL: how logs, the staff panel and the
// self-test name a feed. Never a path, query or user name, where keys and tokens may sit.
std::string feed_source(std::string_view url);
// How a resident or staff member reads a feed's name: the service's own name for the job
// sources a technician sets up by API (USAJOBS, CareerOneStop, Greenhouse, Lever, Ashby), else
// the host without "www." (or a file's name).
std::string feed_display_name(std::string_view url);
// How a log line names a feed: its host and path (or a file's name), never its query, user
// name or fragment, at most 120 characters. Secrets written {secret:NAME} show as written.
std::string feed_log_name(std::string_view url);

}  // namespace kiosk
