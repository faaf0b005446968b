// Which URLs the kiosk may reach, checked the same way by the configuration and by the fetcher.
#pragma once

#include <filesystem>
#include <string>

namespace kiosk {

// http://HOST[:port]/… with HOST 127.x.y.z, localhost or [::1]: this machine, for tests.
bool loopback_url(const std::string& url);

// The local file a file: URL names (absolute file:///…, or file:relative/path inside the
// resource directory). Empty, with *why set, when the URL is not an acceptable file URL.
std::filesystem::path file_url_path(const std::string& url, std::string* why);

// True for URLs the kiosk may fetch: https://, file:, and http:// to 127.0.0.0/8, localhost or
// [::1]. Otherwise *why says what is wrong.
bool allowed_feed_url(const std::string& url, std::string* why);

}  // namespace kiosk
