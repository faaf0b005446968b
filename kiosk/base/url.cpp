#include "kiosk/base/url.h"

#include "kiosk/base/paths.h"

namespace kiosk {

bool loopback_url(const std::string& url) {
  if (!url.starts_with("http://")) return false;
  const std::string rest = url.substr(7);
  std::string host = rest.substr(0, rest.find_first_of("/?#"));
  if (host.find('@') != std::string::npos) return false;  // no credentials tricks
  if (host.starts_with("[::1]")) return true;
  host = host.substr(0, host.find(':'));
  if (host == "localhost") return true;
  if (!host.starts_with("127.")) return false;
  int dots = 0;
  for (const char c : host) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return dots == 3;
}

std::filesystem::path file_url_path(const std::string& url, std::string* why) {
  if (url.starts_with("file://")) {
    std::filesystem::path path = url.substr(7);
    if (path.empty() || !path.is_absolute()) {
      if (why != nullptr) *why = "a file:// URL needs an absolute path (or use file:relative/path)";
      return {};
    }
    return path;
  }
  if (!url.starts_with("file:")) {
    if (why != nullptr) *why = "not a file: URL";
    return {};
  }
  const std::string relative = url.substr(5);
  if (relative.empty() || relative.find("..") != std::string::npos || relative.front() == '/') {
    if (why != nullptr) *why = "a file: path may not leave the kiosk's resource directory";
    return {};
  }
  return paths::resource_dir() / relative;
}

bool allowed_feed_url(const std::string& url, std::string* why) {
  const auto fail = [why](const char* reason) {
    if (why != nullptr) *why = reason;
    return false;
  };
  if (url.size() > 2048) return fail("the URL is too long");
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
      return fail("the URL contains spaces or control characters");
  }
  if (url.starts_with("https://") && url.size() > 8) return true;
  if (url.starts_with("file:") && url.size() > 5) return true;
  if (url.starts_with("http://")) {
    if (loopback_url(url)) return true;
    return fail(
        "plain http:// is allowed only to this machine (127.0.0.1, localhost); use https://");
  }
  return fail("expected an https://, file:// or file: URL");
}

}  // namespace kiosk
