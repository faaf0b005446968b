// Fuzz target: the URL checks and names of kiosk/base/url.h, which read every feed, sign-up and
// fleet URL a configuration (or a signed remote one) gives. Nothing may crash; a URL the fetcher
// may reach is short, has no space or control byte, and over plain http:// reaches only this
// machine; the names a log, the staff panel or the self-test show never hold a query, a fragment
// or a user name, where keys and tokens sit.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kiosk/base/url.h"

namespace {

[[noreturn]] void fail() {
  std::abort();
}

bool has_any(std::string_view s, std::string_view chars) {
  return s.find_first_of(chars) != std::string_view::npos;
}

// 127.d.d.d, localhost or [::1].
bool loopback_host(std::string_view host) {
  if (host == "localhost" || host == "[::1]") return true;
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string url(reinterpret_cast<const char*>(data), size);
  const auto authority = kiosk::http_authority(url);
  if (authority) {
    if (authority->scheme != "http" && authority->scheme != "https") fail();
    if (authority->host.empty() || has_any(authority->host, "@/?#")) fail();
    for (const char c : authority->host) {
      if (c >= 'A' && c <= 'Z') fail();  // lower case
    }
    if (has_any(authority->port, "/?#@")) fail();
  }

  std::string why;
  const bool allowed = kiosk::allowed_feed_url(url, &why);
  if (allowed == !why.empty()) fail();  // a reason exactly when refused
  if (allowed) {
    if (url.size() > 2048) fail();
    for (const char c : url) {
      if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) fail();
    }
    if (url.starts_with("http://")) {
      if (!kiosk::loopback_url(url) || !authority || !loopback_host(authority->host)) fail();
    } else if (!url.starts_with("https://") && !url.starts_with("file:")) {
      fail();
    }
  }
  if (kiosk::loopback_url(url) && (!authority || !loopback_host(authority->host))) fail();

  std::string file_why;
  const auto path = kiosk::file_url_path(url, &file_why);
  if (path.empty() == file_why.empty()) fail();
  if (!path.empty() && url.starts_with("file:") && !url.starts_with("file://") &&
      url.find("..") != std::string::npos) {
    fail();  // a relative file: URL stays in the resource directory
  }

  // The names shown: never a query, a fragment or (for web URLs) a user name.
  const std::string source = kiosk::feed_source(url);
  const std::string display = kiosk::feed_display_name(url);
  const std::string log_name = kiosk::feed_log_name(url);
  for (const std::string* name : {&source, &display, &log_name}) {
    if (has_any(*name, "?#")) fail();
  }
  if (authority) {
    if (has_any(source, "@/") || has_any(display, "@/")) fail();
    // "host/path": the user name and password before an '@' are not part of the host.
    if (!log_name.starts_with(authority->host.substr(0, 117))) fail();
    if (log_name.size() > 120) fail();
  } else if (url.starts_with("file:")) {
    if (has_any(source, "/")) fail();
  } else if (!source.empty() || !log_name.empty() || !display.empty()) {
    fail();  // nothing the kiosk fetches is ever named
  }
  return 0;
}
