#include "kiosk/base/url.h"

#include <cctype>

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

std::optional<Authority> http_authority(std::string_view url) {
  Authority a;
  if (url.starts_with("https://")) {
    a.scheme = "https";
  } else if (url.starts_with("http://")) {
    a.scheme = "http";
  } else {
    return std::nullopt;
  }
  std::string_view rest = url.substr(a.scheme.size() + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  std::string_view host = rest;
  std::string_view port;
  if (rest.starts_with('[')) {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = rest.substr(0, close + 1);
    if (rest.size() > close + 1 && rest[close + 1] == ':') port = rest.substr(close + 2);
  } else if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host.empty()) return std::nullopt;
  a.host.reserve(host.size());
  for (const char c : host)
    a.host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  a.port = std::string(port);
  return a;
}

std::string feed_source(std::string_view url) {
  if (const auto a = http_authority(url)) return a->host;
  if (url.starts_with("file:")) {
    std::string_view path = url.substr(5);
    path = path.substr(0, path.find_first_of("?#"));
    const auto slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
  }
  return {};  // nothing the kiosk fetches; never shown whole
}

std::string feed_log_name(std::string_view url) {
  const auto a = http_authority(url);
  if (!a) return feed_source(url);
  std::string_view rest = url.substr(a->scheme.size() + 3);
  const auto slash = rest.find_first_of("/?#");
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  std::string out = a->host + std::string(path);
  constexpr std::size_t kMax = 120;
  if (out.size() > kMax) out = out.substr(0, kMax - 3) + "...";
  return out;
}

std::string feed_display_name(std::string_view url) {
  static constexpr std::pair<std::string_view, std::string_view> kServices[] = {
      {"data.usajobs.gov", "USAJOBS"},
      {"www.usajobs.gov", "USAJOBS"},
      {"api.careeronestop.org", "CareerOneStop"},
      {"boards-api.greenhouse.io", "Greenhouse"},
      {"boards.greenhouse.io", "Greenhouse"},
      {"api.lever.co", "Lever"},
      {"jobs.lever.co", "Lever"},
      {"api.ashbyhq.com", "Ashby"},
      {"jobs.ashbyhq.com", "Ashby"},
  };
  const auto a = http_authority(url);
  if (!a) return feed_source(url);
  for (const auto& [host, name] : kServices) {
    if (a->host == host) return std::string(name);
  }
  return a->host.starts_with("www.") ? a->host.substr(4) : a->host;
}

}  // namespace kiosk
