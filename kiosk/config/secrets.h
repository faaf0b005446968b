// Feed credentials kept out of kiosk.toml. A feed's header value written "secret:NAME", or a
// part of its URL written "{secret:NAME}", refers to NAME = "…" in [feeds] secrets_file: a TOML
// file of name = "value" lines, mode 0600, owned by the kiosk's user. kiosk.toml can then be
// shared, signed and shown to staff without them. Values are filled in only for the request
// itself (resolve_feed) and wiped when it is done; no log line, error or `sync --json` prints
// one: they name the feed by its URL as written.
#pragma once

#include <sys/types.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/config/config.h"

namespace kiosk {

// "secret:NAME" → NAME; nullopt for any other value.
std::optional<std::string_view> secret_reference(std::string_view value);
// A secret's name: letters, digits, '_', '-' and '.', 1 to 64 of them.
bool valid_secret_name(std::string_view name);
// The names a URL refers to as {secret:NAME}, in order; why not, when a brace is misused.
std::variant<std::vector<std::string>, std::string> url_secret_names(std::string_view url);
// The URL with every {secret:NAME} replaced by `stand_in` (for checking its shape).
std::string url_with_stand_ins(std::string_view url, std::string_view stand_in);
// Every secret a feed refers to (URL and headers).
std::vector<std::string> secret_names(const FeedSource& feed);

// A header that carries a credential (Authorization, Proxy-Authorization, Cookie, a name ending
// in "-Key", "-Token" or "-Secret", Api-Key, Apikey): it must be written "secret:NAME".
bool credential_header(std::string_view name);

// The values of a secrets file, wiped when dropped.
class Secrets {
 public:
  Secrets() = default;
  ~Secrets();
  Secrets(Secrets&&) noexcept = default;
  Secrets& operator=(Secrets&& other) noexcept;
  Secrets(const Secrets&) = delete;
  Secrets& operator=(const Secrets&) = delete;

  // Reads `file`, checking it first (secrets_file_problem). Why not, in one sentence naming
  // the file and never a value.
  static std::variant<Secrets, std::string> load(const std::filesystem::path& file,
                                                 uid_t owner = ::geteuid());
  // From TOML text (tests, and load after its checks).
  static std::variant<Secrets, std::string> parse(std::string_view text,
                                                  const std::string& file_name);

  const std::string* find(std::string_view name) const;
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// Why `file` may not hold secrets, or nullopt: it must be a regular file, not a link, that
// only its owner can read or write (mode 0600 or 0400), owned by `owner`.
std::optional<std::string> secrets_file_problem(const std::filesystem::path& file, uid_t owner);

// The user the kiosk runs as, for check-config: this process's user, or, when run by root, the
// workforce-kiosk system user when it exists.
uid_t kiosk_user();

// A feed as it is requested: secrets filled in. Wiped when dropped.
struct ResolvedFeed {
  std::string url;
  std::vector<FeedHeader> headers;

  ResolvedFeed() = default;
  ~ResolvedFeed();
  ResolvedFeed(ResolvedFeed&&) noexcept = default;
  ResolvedFeed& operator=(ResolvedFeed&&) noexcept = default;
  ResolvedFeed(const ResolvedFeed&) = delete;
  ResolvedFeed& operator=(const ResolvedFeed&) = delete;
};

// Fills in the feed's secrets (URL parts percent-encoded); why not, naming the secret that is
// missing (never a value). `secrets` may be null when the configuration has no secrets file.
std::variant<ResolvedFeed, std::string> resolve_feed(const FeedSource& feed,
                                                     const Secrets* secrets);

// check-config's look at the secrets: the file's mode and owner, and every reference having a
// value. One message each, in file order of the feeds.
std::vector<std::string> check_secrets(const Config& config, uid_t owner);

}  // namespace kiosk
