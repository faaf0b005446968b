#include "kiosk/config/secrets.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include <toml++/toml.h>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/wipe.h"

namespace kiosk {
namespace {

constexpr std::string_view kPrefix = "secret:";
constexpr std::size_t kMaxSecrets = 64;
constexpr std::size_t kMaxValueBytes = 4096;
constexpr std::size_t kMaxFileBytes = std::size_t{64} * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_controls(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// RFC 3986 unreserved characters stay; everything else is %XX.
std::string percent_encode(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", u);
      out += hex;
    }
  }
  return out;
}

// The user's name, for a technician's chown; the number when it has none.
std::string user_name(uid_t uid) {
  passwd entry{};
  passwd* found = nullptr;
  std::array<char, 4096> buffer{};
  ::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found);
  return found != nullptr ? std::string(found->pw_name) : std::to_string(uid);
}

}  // namespace

std::optional<std::string_view> secret_reference(std::string_view value) {
  if (!value.starts_with(kPrefix)) return std::nullopt;
  return value.substr(kPrefix.size());
}

bool valid_secret_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
  });
}

std::variant<std::vector<std::string>, std::string> url_secret_names(std::string_view url) {
  std::vector<std::string> names;
  std::size_t at = 0;
  while (at < url.size()) {
    const std::size_t open = url.find_first_of("{}", at);
    if (open == std::string_view::npos) break;
    if (url[open] == '}') return std::string("a '}' without its '{' (write {secret:NAME})");
    const std::size_t close = url.find('}', open);
    if (close == std::string_view::npos) {
      return std::string("a '{' without its '}' (write {secret:NAME})");
    }
    const std::string_view inside = url.substr(open + 1, close - open - 1);
    const auto name = secret_reference(inside);
    if (!name || !valid_secret_name(*name)) {
      return "\"{" + std::string(inside) +
             "}\" is not a secret reference (write {secret:NAME}, NAME of letters, digits, "
             "'_', '-' or '.')";
    }
    names.emplace_back(*name);
    at = close + 1;
  }
  return names;
}

std::string url_with_stand_ins(std::string_view url, std::string_view stand_in) {
  std::string out;
  std::size_t at = 0;
  while (at < url.size()) {
    const std::size_t open = url.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : url.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(url.substr(at, open - at));
    out.append(stand_in);
    at = close + 1;
  }
  out.append(url.substr(std::min(at, url.size())));
  return out;
}

std::vector<std::string> secret_names(const FeedSource& feed) {
  std::vector<std::string> names;
  auto in_url = url_secret_names(feed.url);
  if (auto* found = std::get_if<std::vector<std::string>>(&in_url)) names = std::move(*found);
  for (const auto& header : feed.headers) {
    if (auto name = secret_reference(header.value)) names.emplace_back(*name);
  }
  return names;
}

bool credential_header(std::string_view name) {
  const std::string n = lower(name);
  return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "api-key" ||
         n == "apikey" || n.ends_with("-key") || n.ends_with("-token") || n.ends_with("-secret");
}

Secrets::~Secrets() {
  for (auto& [name, value] : values_) wipe(value);
}

Secrets& Secrets::operator=(Secrets&& other) noexcept {
  if (this != &other) {
    for (auto& [name, value] : values_) wipe(value);
    values_ = std::move(other.values_);
  }
  return *this;
}

std::variant<Secrets, std::string> Secrets::parse(std::string_view text,
                                                  const std::string& file_name) {
  toml::table parsed;
  try {
    parsed = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    // The parser's message may quote the line, and the line may hold a value: only where.
    return file_name + " is not valid TOML (line " + std::to_string(e.source().begin.line) + ")";
  }
  Secrets secrets;
  for (const auto& [key, node] : parsed) {
    const std::string name(key.str());
    const std::string at = file_name + " line " + std::to_string(key.source().begin.line);
    if (!valid_secret_name(name)) {
      return at + ": \"" + name + "\" is not a secret name (letters, digits, '_', '-' or '.')";
    }
    const auto* value = node.as_string();
    if (value == nullptr) return at + ": " + name + " must be a string in quotes";
    if (value->get().empty() || value->get().size() > kMaxValueBytes ||
        has_controls(value->get())) {
      return at + ": " + name +
             " must be 1 to 4,096 characters with no line breaks or control characters";
    }
    if (secrets.values_.size() >= kMaxSecrets) return file_name + " holds more than 64 secrets";
    secrets.values_.emplace_back(name, value->get());
  }
  // The parsed document's copies go with it; toml++ keeps no other.
  for (auto&& [key, node] : parsed) {
    if (auto* value = node.as_string()) wipe(value->get());
  }
  return secrets;
}

std::variant<Secrets, std::string> Secrets::load(const std::filesystem::path& file, uid_t owner) {
  if (auto problem = secrets_file_problem(file, owner)) return *problem;
  std::optional<std::string> text = read_small_file(file, kMaxFileBytes);
  if (!text || text->size() > kMaxFileBytes) {
    if (text) wipe(*text);
    return "cannot read the secrets file " + file.string() + " (or it is over 64 KB)";
  }
  auto result = parse(*text, file.string());
  wipe(*text);
  return result;
}

const std::string* Secrets::find(std::string_view name) const {
  for (const auto& [n, value] : values_) {
    if (n == name) return &value;
  }
  return nullptr;
}

std::optional<std::string> secrets_file_problem(const std::filesystem::path& file, uid_t owner) {
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0) {
    return "the secrets file " + file.string() + " does not exist or cannot be read";
  }
  if (S_ISLNK(st.st_mode) || !S_ISREG(st.st_mode)) {
    return "the secrets file " + file.string() + " must be a plain file, not a link";
  }
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
  if ((st.st_mode & 077) != 0) {
    return "the secrets file " + file.string() + " can be read by others (mode " + mode +
           "); make it 0600: chmod 600 " + file.string();
  }
  if (st.st_uid != owner) {
    const std::string user = user_name(owner);
    return "the secrets file " + file.string() + " must belong to the kiosk's user (" + user +
           "): chown " + user + " " + file.string();
  }
  return std::nullopt;
}

uid_t kiosk_user() {
  if (::geteuid() != 0) return ::geteuid();
  passwd entry{};
  passwd* found = nullptr;
  std::array<char, 4096> buffer{};
  ::getpwnam_r("workforce-kiosk", &entry, buffer.data(), buffer.size(), &found);
  return found != nullptr ? found->pw_uid : 0;
}

ResolvedFeed::~ResolvedFeed() {
  wipe(url);
  for (auto& header : headers) wipe(header.value);
}

std::variant<ResolvedFeed, std::string> resolve_feed(const FeedSource& feed,
                                                     const Secrets* secrets) {
  const auto value_of = [&](std::string_view name) -> const std::string* {
    return secrets != nullptr ? secrets->find(name) : nullptr;
  };
  const auto missing = [&](std::string_view name) {
    return secrets == nullptr
               ? "the feed refers to the secret \"" + std::string(name) +
                     "\", but no [feeds] secrets_file is set"
               : "the secret \"" + std::string(name) + "\" is not in the secrets file";
  };
  ResolvedFeed out;
  std::size_t at = 0;
  while (at < feed.url.size()) {
    const std::size_t open = feed.url.find('{', at);
    const std::size_t close =
        open == std::string::npos ? std::string::npos : feed.url.find('}', open);
    if (close == std::string::npos) break;
    out.url.append(feed.url, at, open - at);
    const auto name =
        secret_reference(std::string_view(feed.url).substr(open + 1, close - open - 1));
    const std::string* value = name ? value_of(*name) : nullptr;
    if (value == nullptr) return missing(name.value_or(""));
    std::string encoded = percent_encode(*value);
    out.url += encoded;
    wipe(encoded);
    at = close + 1;
  }
  if (at < feed.url.size()) out.url.append(feed.url, at);
  for (const auto& header : feed.headers) {
    FeedHeader resolved{header.name, header.value};
    if (auto name = secret_reference(header.value)) {
      const std::string* value = value_of(*name);
      if (value == nullptr) return missing(*name);
      resolved.value = *value;
    }
    out.headers.push_back(std::move(resolved));
  }
  return out;
}

std::vector<std::string> check_secrets(const Config& config, uid_t owner) {
  std::vector<std::string> problems;
  std::optional<Secrets> secrets;
  const auto& file = config.feeds.secrets_file;
  if (!file.empty()) {
    auto loaded = Secrets::load(file, owner);
    if (auto* why = std::get_if<std::string>(&loaded)) {
      problems.push_back(*why);
    } else {
      secrets.emplace(std::move(std::get<Secrets>(loaded)));
    }
  }
  const bool readable = secrets.has_value();
  for (const auto* list : {&config.feeds.jobs, &config.feeds.programs, &config.feeds.events,
                           &config.feeds.services, &config.feeds.faq}) {
    for (const auto& feed : *list) {
      for (const auto& name : secret_names(feed)) {
        if (file.empty()) {
          problems.push_back("[feeds] " + feed.url + " refers to the secret \"" + name +
                             "\", but no [feeds] secrets_file is set");
        } else if (readable && secrets->find(name) == nullptr) {
          problems.push_back("[feeds] " + feed.url + " refers to the secret \"" + name +
                             "\", which is not in " + file.string());
        }
      }
    }
  }
  return problems;
}

}  // namespace kiosk
