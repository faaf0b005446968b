#include "kiosk/config/config.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

#include <toml++/toml.h>

#include "kiosk/base/base64.h"
#include "kiosk/base/iso_time.h"
#include "kiosk/base/url.h"
#include "kiosk/config/secrets.h"
#include "kiosk/i18n/time_zone.h"

namespace kiosk {
namespace {

class Checker {
 public:
  explicit Checker(std::string file) : file_(std::move(file)) {}

  void fail(const toml::source_region& where, std::string message) {
    errors_.push_back({file_, static_cast<int>(where.begin.line),
                       static_cast<int>(where.begin.column), std::move(message)});
  }
  void fail_at_top(std::string message) { errors_.push_back({file_, 0, 0, std::move(message)}); }

  std::vector<ConfigError> take() {
    std::stable_sort(errors_.begin(), errors_.end(), [](const auto& a, const auto& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return std::move(errors_);
  }

 private:
  std::string file_;
  std::vector<ConfigError> errors_;
};

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "a whole number";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "true or false";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    default:
      return "a date or time";
  }
}

struct Key {
  std::string_view name;
  std::function<void(const toml::node&, const std::string& where)> read;
};

// Reads the keys of one [section], refusing keys it does not know.
void read_section(Checker& check, const toml::table& root, std::string_view section,
                  const std::vector<Key>& keys) {
  const toml::node* node = root.get(section);
  if (node == nullptr) return;  // every key has a default
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    check.fail(node->source(), "[" + std::string(section) + "] must be a table");
    return;
  }
  for (const auto& [name, value] : *table) {
    const std::string_view key = name.str();
    const std::string where = "[" + std::string(section) + "] " + std::string(key);
    const auto known =
        std::find_if(keys.begin(), keys.end(), [key](const Key& k) { return k.name == key; });
    if (known == keys.end()) {
      std::string expected;
      for (const auto& k : keys) {
        if (!expected.empty()) expected += ", ";
        expected += k.name;
      }
      std::string message = where;
      message += ": unknown key (this section takes: ";
      message += expected;
      message += ")";
      check.fail(name.source(), std::move(message));
      continue;
    }
    known->read(value, where);
  }
}

std::function<void(const toml::node&, const std::string&)> string_key(
    Checker& check, std::string& out, std::size_t max_len,
    const std::function<std::optional<std::string>(const std::string&)>& validate = {}) {
  return [&check, &out, max_len, validate](const toml::node& node, const std::string& where) {
    const auto* s = node.as_string();
    if (s == nullptr) {
      check.fail(node.source(),
                 where + ": expected a string in quotes, got " + std::string(type_name(node)));
      return;
    }
    const std::string& v = s->get();
    if (v.size() > max_len) {
      check.fail(node.source(), where + ": too long (" + std::to_string(v.size()) +
                                    " bytes, at most " + std::to_string(max_len) + ")");
      return;
    }
    if (validate) {
      if (auto problem = validate(v)) {
        check.fail(node.source(), where + ": " + *problem);
        return;
      }
    }
    out = v;
  };
}

std::function<void(const toml::node&, const std::string&)> int_key(Checker& check, int& out,
                                                                   int min, int max) {
  return [&check, &out, min, max](const toml::node& node, const std::string& where) {
    const auto* i = node.as_integer();
    const std::string range = std::to_string(min) + " to " + std::to_string(max);
    if (i == nullptr) {
      check.fail(node.source(), where + ": expected a whole number from " + range + ", got " +
                                    std::string(type_name(node)));
      return;
    }
    if (i->get() < min || i->get() > max) {
      check.fail(node.source(), where + ": expected a whole number from " + range + ", got " +
                                    std::to_string(i->get()));
      return;
    }
    out = static_cast<int>(i->get());
  };
}

// A list in [ ] of at most `max` strings, each a `noun` (shown as `example`): `take` gets each
// string and returns why it is refused, or keeps it; what it keeps replaces the default.
struct StringList {
  std::string_view noun;     // "URL"
  std::string_view example;  // "[\"https://…\"]"
  std::size_t max = 0;
  std::string_view too_many;  // "at most 50 feeds per kind"
};
template <typename T>
std::function<void(const toml::node&, const std::string&)> string_list_key(
    Checker& check, std::vector<T>& out, StringList list,
    std::function<std::optional<std::string>(const std::string&, std::vector<T>&)> take) {
  return [&check, &out, list, take = std::move(take)](const toml::node& node,
                                                      const std::string& where) {
    const auto* array = node.as_array();
    if (array == nullptr) {
      check.fail(node.source(), where + ": expected a list of " + std::string(list.noun) +
                                    "s in [ ], like " + std::string(list.example));
      return;
    }
    if (array->size() > list.max) {
      check.fail(node.source(), where + ": " + std::string(list.too_many));
      return;
    }
    std::vector<T> kept;
    for (const auto& element : *array) {
      const auto* s = element.as_string();
      if (s == nullptr) {
        check.fail(element.source(), where + ": expected a " + std::string(list.noun) +
                                         " in quotes, got " + std::string(type_name(element)));
        continue;
      }
      if (auto why = take(s->get(), kept)) check.fail(element.source(), where + ": " + *why);
    }
    out = std::move(kept);
  };
}

bool has_control_chars(const std::string& s);

// A feed's URL: its shape once each {secret:NAME} stands for a plain word.
std::optional<std::string> feed_url_problem(const std::string& url) {
  auto names = url_secret_names(url);
  if (auto* why = std::get_if<std::string>(&names)) return *why + " (\"" + url + "\")";
  std::string why;
  if (!allowed_feed_url(url_with_stand_ins(url, "secret"), &why)) {
    return why + " (\"" + url + "\")";
  }
  return std::nullopt;
}

// A header's name: an HTTP token the kiosk may set (not one curl manages itself).
std::optional<std::string> header_name_problem(std::string_view name) {
  static constexpr std::string_view kTokenChars = "!#$%&'*+-.^_`|~";
  const bool token =
      !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
               kTokenChars.find(c) != std::string_view::npos;
      });
  if (!token) return "\"" + std::string(name) + "\" is not a header name";
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string_view managed :
       {"host", "content-length", "transfer-encoding", "connection", "accept-encoding",
        "if-none-match", "if-modified-since"}) {
    if (lower == managed) return std::string(name) + " is set by the kiosk itself";
  }
  return std::nullopt;
}

// Feeds of one kind: each a URL in quotes, or an inline table { url = "…", format = "…",
// headers = { … }, max_pages = N }.
std::function<void(const toml::node&, const std::string&)> feed_list_key(
    Checker& check, std::vector<FeedSource>& out) {
  return [&check, &out](const toml::node& node, const std::string& where) {
    const auto* array = node.as_array();
    if (array == nullptr) {
      check.fail(node.source(), where + R"(: expected a list of feeds in [ ], like ["https://…"])");
      return;
    }
    if (array->size() > 50) {
      check.fail(node.source(), where + ": at most 50 feeds per kind");
      return;
    }
    std::vector<FeedSource> kept;
    for (const auto& element : *array) {
      if (const auto* s = element.as_string()) {
        if (auto why = feed_url_problem(s->get())) {
          check.fail(element.source(), where + ": " + *why);
        } else {
          kept.emplace_back(s->get());
        }
        continue;
      }
      const auto* table = element.as_table();
      if (table == nullptr) {
        check.fail(element.source(), where +
                                         ": expected a URL in quotes or { url = \"…\", … }, got " +
                                         std::string(type_name(element)));
        continue;
      }
      FeedSource feed;
      bool ok = true;
      const auto fail = [&](const toml::node& at, const std::string& message) {
        check.fail(at.source(), where + ": " + message);
        ok = false;
      };
      for (const auto& [name, value] : *table) {
        const std::string_view key = name.str();
        if (key == "url") {
          const auto* url = value.as_string();
          if (url == nullptr) {
            fail(value, "url: expected a URL in quotes");
          } else if (auto why = feed_url_problem(url->get())) {
            fail(value, "url: " + *why);
          } else {
            feed.url = url->get();
          }
        } else if (key == "format") {
          const auto* format = value.as_string();
          const auto known =
              format != nullptr && std::find(std::begin(kFeedFormats), std::end(kFeedFormats),
                                             format->get()) != std::end(kFeedFormats);
          if (!known) {
            std::string formats;
            for (const auto f : kFeedFormats)
              formats += (formats.empty() ? "" : ", ") + std::string(f);
            fail(value, "format: expected one of " + formats);
          } else {
            feed.format = format->get();
          }
        } else if (key == "max_pages") {
          const auto* pages = value.as_integer();
          if (pages == nullptr || pages->get() < 1 || pages->get() > 100) {
            fail(value, "max_pages: expected a whole number from 1 to 100");
          } else {
            feed.max_pages = static_cast<int>(pages->get());
          }
        } else if (key == "headers") {
          const auto* headers = value.as_table();
          if (headers == nullptr || headers->size() > 16) {
            fail(
                value,
                R"(headers: expected at most 16 headers in { }, like { "User-Agent" = "kiosk@center.example" })");
            continue;
          }
          for (const auto& [header, header_value] : *headers) {
            const std::string header_name(header.str());
            const auto* v = header_value.as_string();
            if (auto why = header_name_problem(header_name)) {
              fail(header_value, "headers: " + *why);
            } else if (v == nullptr || v->get().empty() || v->get().size() > 1024 ||
                       has_control_chars(v->get())) {
              fail(header_value,
                   "headers: " + header_name +
                       " needs a value in quotes, 1 to 1,024 characters, on one line");
            } else if (auto secret = secret_reference(v->get())) {
              if (!valid_secret_name(*secret)) {
                fail(header_value,
                     "headers: " + header_name +
                         ": write \"secret:NAME\", NAME of letters, digits, '_', '-' or '.'");
              } else {
                feed.headers.push_back({header_name, v->get()});
              }
            } else if (credential_header(header_name)) {
              // Never the value itself in an error: it is a key.
              fail(header_value,
                   "headers: " + header_name +
                       " holds a credential written into kiosk.toml; put it in the "
                       "secrets file ([feeds] secrets_file) and write \"secret:NAME\" here");
            } else {
              feed.headers.push_back({header_name, v->get()});
            }
          }
        } else {
          check.fail(name.source(), where + ": unknown key '" + std::string(key) +
                                        "' in a feed (it takes: url, format, headers, max_pages)");
          ok = false;
        }
      }
      if (feed.url.empty() && ok) fail(element, "a feed in { } needs url = \"…\"");
      if (ok) kept.push_back(std::move(feed));
    }
    out = std::move(kept);
  };
}

bool has_control_chars(const std::string& s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::function<void(const toml::node&, const std::string&)> folder_list_key(
    Checker& check, std::vector<std::filesystem::path>& out) {
  using Folders = std::vector<std::filesystem::path>;
  return string_list_key<std::filesystem::path>(
      check, out, {"folder", "[\"/media\"]", 8, "at most 8 folders"},
      [](const std::string& v, Folders& folders) -> std::optional<std::string> {
        const bool controls = has_control_chars(v);
        std::filesystem::path folder = std::filesystem::path(v).lexically_normal();
        if (folder.filename().empty()) folder = folder.parent_path();  // "/mnt/usb/"
        if (v.size() > 256 || controls || !v.starts_with('/') || folder == folder.root_path()) {
          return R"(expected an absolute folder other than / (like "/media"), got ")" +
                 (controls ? std::string("text with control characters") : v) + "\"";
        }
        folders.push_back(std::move(folder));
        return std::nullopt;
      });
}

// The shape of what crypto_pwhash_str writes for argon2id (kiosk/staff/pin.h):
// $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>, salt and hash in unpadded base64.
// libsodium checks the rest when a PIN is tried.
bool argon2id_shaped(const std::string& v) {
  static const std::regex shape(
      R"(\$argon2id\$v=19\$m=[1-9][0-9]{0,9},t=[1-9][0-9]{0,9},p=[1-9][0-9]{0,2})"
      R"(\$[A-Za-z0-9+/]{11,64}\$[A-Za-z0-9+/]{16,128})");
  return std::regex_match(v, shape);
}

std::optional<std::string> argon2id_hash(const std::string& v) {
  if (v.empty() || argon2id_shaped(v)) return std::nullopt;
  if (has_control_chars(v)) return "must not contain control characters or line breaks";
  const bool pin =
      !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  return std::string("expected the PIN's argon2id hash (\"$argon2id$v=19$…\") that ") +
         "`workforce-kiosk pin-hash` prints, got " +
         (pin ? std::string("digits: put the hash here, never the PIN itself") : "\"" + v + "\"");
}

// The shape of a public key (X25519 for sign-ups, ed25519 for remote files): 32 bytes, 44
// characters of padded base64. Empty is allowed (the feature is off).
std::optional<std::string> key_shape(const std::string& v, std::string_view what,
                                     std::string_view command, std::string_view file) {
  if (v.empty()) return std::nullopt;
  constexpr std::size_t kKeyBytes = 32;
  const auto bytes = from_base64(v);
  if (v.size() == base64_length(kKeyBytes) && bytes && bytes->size() == kKeyBytes) {
    return std::nullopt;
  }
  return "expected " + std::string(what) +
         ": the 44 characters of padded base64 (32 bytes) that `workforce-kiosk " +
         std::string(command) + "` writes into " + std::string(file) + ", got \"" +
         (has_control_chars(v) ? std::string("text with control characters") : v) + "\"";
}

// [fleet] config_version: a whole number from 0, 64-bit (a date like 2026120701 fits).
std::function<void(const toml::node&, const std::string&)> version_key(Checker& check,
                                                                       std::int64_t& out) {
  return [&check, &out](const toml::node& node, const std::string& where) {
    const auto* i = node.as_integer();
    if (i == nullptr || i->get() < 0) {
      check.fail(node.source(),
                 where + ": expected a whole number from 0 (the version of this " +
                     "file; a remote file must be newer), got " +
                     (i == nullptr ? std::string(type_name(node)) : std::to_string(i->get())));
      return;
    }
    out = i->get();
  };
}

// [fleet] config_expires: RFC 3339 with its offset, in quotes or as a TOML offset date-time.
std::function<void(const toml::node&, const std::string&)> expiry_key(Checker& check,
                                                                      FleetSection& fleet) {
  return [&check, &fleet](const toml::node& node, const std::string& where) {
    const std::string expected = where +
                                 ": expected an RFC 3339 date and time with its offset, like "
                                 "\"2027-01-31T00:00:00Z\" (or \"\" for never), got ";
    if (const auto* dt = node.as_date_time()) {
      const toml::date_time& v = dt->get();
      if (!v.offset) {
        check.fail(node.source(), expected + "a date and time without an offset");
        return;
      }
      fleet.config_expires_unix = unix_from_civil(v.date.year, v.date.month, v.date.day,
                                                  v.time.hour, v.time.minute, v.time.second) -
                                  std::int64_t{v.offset->minutes} * 60;
      fleet.config_expires = iso_utc(*fleet.config_expires_unix);
      return;
    }
    const auto* s = node.as_string();
    if (s == nullptr) {
      check.fail(node.source(), expected + std::string(type_name(node)));
      return;
    }
    if (s->get().empty()) return;
    const auto when = s->get().size() <= 64 ? parse_rfc3339(s->get()) : std::nullopt;
    if (!when) {
      check.fail(node.source(),
                 expected + "\"" +
                     (has_control_chars(s->get()) ? std::string("text with control characters")
                                                  : s->get()) +
                     "\"");
      return;
    }
    fleet.config_expires = s->get();
    fleet.config_expires_unix = when;
  };
}

// [fleet] metrics_file: node_exporter's textfile collector reads *.prom files of one folder.
std::optional<std::string> metrics_path(const std::string& v) {
  if (v.empty()) return std::nullopt;
  const std::filesystem::path file(v);
  if (has_control_chars(v) || !file.is_absolute() || !v.ends_with(".prom") ||
      file.filename() == ".prom" || file.lexically_normal() != file) {
    return R"(expected an absolute path to a file ending in .prom (like "/var/lib/prometheus/node-exporter/workforce_kiosk.prom"), got ")" +
           (has_control_chars(v) ? std::string("text with control characters") : v) + "\"";
  }
  return std::nullopt;
}

}  // namespace

std::string ConfigError::to_string() const {
  std::ostringstream out;
  out << file;
  if (line > 0) out << ':' << line << ':' << column;
  out << ": " << message;
  return out.str();
}

ConfigResult parse_config(std::string_view text, std::string_view source_name) {
  ConfigResult result;
  Checker check{std::string(source_name)};
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    result.errors.push_back({std::string(source_name), static_cast<int>(where.line),
                             static_cast<int>(where.column),
                             "not valid TOML: " + std::string(e.description())});
    return result;
  }

  Config config;
  std::string language = "en";
  const auto no_controls = [](const std::string& v) -> std::optional<std::string> {
    if (has_control_chars(v)) return "must not contain control characters or line breaks";
    return std::nullopt;
  };
  const auto not_empty = [&](const std::string& v) -> std::optional<std::string> {
    if (v.empty()) return "must not be empty";
    return no_controls(v);
  };
  const auto kiosk_id = [](const std::string& v) -> std::optional<std::string> {
    const bool ok = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '-' || c == '_';
    });
    if (!ok) {
      return R"(expected letters, digits, '-' or '_' (like "mdpl-main-01"), got ")" + v + "\"";
    }
    return std::nullopt;
  };
  const auto time_zone = [](const std::string& v) -> std::optional<std::string> {
    if (!known_time_zone(v)) {
      return R"(expected a time zone like "America/New_York", got ")" + v + "\"";
    }
    return std::nullopt;
  };
  const auto lang_code = [](const std::string& v) -> std::optional<std::string> {
    if (!parse_language(v)) return R"(expected "en" or "es", got ")" + v + "\"";
    return std::nullopt;
  };

  static const std::vector<std::string_view> kSections = {"kiosk",  "session", "feeds", "printer",
                                                          "signup", "staff",   "fleet"};
  for (const auto& [name, value] : root) {
    if (std::find(kSections.begin(), kSections.end(), name.str()) == kSections.end()) {
      check.fail(name.source(),
                 "unknown section or key '" + std::string(name.str()) +
                     "' (expected [kiosk], [session], [feeds], [printer], [signup], [staff] or "
                     "[fleet])");
    }
  }

  read_section(check, root, "kiosk",
               {{"id", string_key(check, config.kiosk.id, 64, kiosk_id)},
                {"name", string_key(check, config.kiosk.name, 80, not_empty)},
                {"time_zone", string_key(check, config.kiosk.time_zone, 64, time_zone)},
                {"location", string_key(check, config.kiosk.location, 120, no_controls)},
                {"default_language", string_key(check, language, 8, lang_code)},
                {"help_desk_en", string_key(check, config.kiosk.help_desk_en, 300, no_controls)},
                {"help_desk_es", string_key(check, config.kiosk.help_desk_es, 300, no_controls)}});
  read_section(check, root, "session",
               {{"idle_timeout_s", int_key(check, config.session.idle_timeout_s, 30, 3600)},
                {"idle_warning_s", int_key(check, config.session.idle_warning_s, 20, 600)}});
  const auto absolute_file = [](const std::string& v) -> std::optional<std::string> {
    if (v.empty() || (v.starts_with('/') && !has_control_chars(v))) return std::nullopt;
    return R"(expected an absolute file name (like "/etc/workforce-kiosk/secrets.toml"), got ")" +
           v + "\"";
  };
  std::string secrets_file;
  read_section(check, root, "feeds",
               {{"jobs", feed_list_key(check, config.feeds.jobs)},
                {"programs", feed_list_key(check, config.feeds.programs)},
                {"events", feed_list_key(check, config.feeds.events)},
                {"services", feed_list_key(check, config.feeds.services)},
                {"faq", feed_list_key(check, config.feeds.faq)},
                {"refresh_minutes", int_key(check, config.feeds.refresh_minutes, 5, 1440)},
                {"max_feed_mb", int_key(check, config.feeds.max_feed_mb, 1, 1024)},
                {"secrets_file", string_key(check, secrets_file, 256, absolute_file)}});
  config.feeds.secrets_file = secrets_file;
  const auto queue_name = [](const std::string& v) -> std::optional<std::string> {
    const bool ok = std::all_of(v.begin(), v.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '-' || c == '_' || c == '.';
    });
    if (!ok) {
      return R"(expected a CUPS queue name: letters, digits, '-', '_' or '.' (like "front-desk"), got ")" +
             v + "\"";
    }
    return std::nullopt;
  };
  const auto public_key = [](const std::string& v) {
    return key_shape(v, "the intake team's public key", "keygen", "intake.pub");
  };
  // Sign-ups leave the kiosk only over TLS; plain http only to this machine, for tests.
  const auto signup_url = [](const std::string& v) -> std::optional<std::string> {
    if (v.empty()) return std::nullopt;
    if (has_control_chars(v) || v.find(' ') != std::string::npos) {
      return "must not contain spaces, control characters or line breaks";
    }
    if (v.starts_with("https://") && v.size() > 8) return std::nullopt;
    if (v.starts_with("http://") && loopback_url(v)) return std::nullopt;
    if (v.starts_with("http://")) {
      return "plain http:// is allowed only to this machine (127.0.0.1, localhost or [::1]); "
             "use https:// (got \"" +
             v + "\")";
    }
    return "expected an https:// URL, got \"" + v + "\"";
  };
  read_section(check, root, "printer",
               {{"queue", string_key(check, config.printer.queue, 127, queue_name)}});

  read_section(check, root, "signup",
               {{"public_key", string_key(check, config.signup.public_key, 64, public_key)},
                {"endpoint", string_key(check, config.signup.endpoint, 2048, signup_url)},
                {"activate_url", string_key(check, config.signup.activate_url, 512, signup_url)}});

  read_section(check, root, "staff",
               {{"pin_hash", string_key(check, config.staff.pin_hash, 256, argon2id_hash)},
                {"usb_roots", folder_list_key(check, config.staff.usb_roots)}});

  const auto signing_key = [](const std::string& v) {
    return key_shape(v, "the fleet's signing public key", "keygen --signing", "signing.pub");
  };
  std::string metrics_file;
  read_section(
      check, root, "fleet",
      {{"config_url", string_key(check, config.fleet.config_url, 2048, signup_url)},
       {"config_refresh_minutes", int_key(check, config.fleet.config_refresh_minutes, 5, 1440)},
       {"config_public_key", string_key(check, config.fleet.config_public_key, 64, signing_key)},
       {"config_version", version_key(check, config.fleet.config_version)},
       {"config_expires", expiry_key(check, config.fleet)},
       {"metrics_file", string_key(check, metrics_file, 256, metrics_path)}});
  config.fleet.metrics_file = metrics_file;
  if (!config.fleet.config_url.empty() && config.fleet.config_public_key.empty()) {
    const toml::node* url = root.at_path("fleet.config_url").node();
    check.fail(url != nullptr ? url->source() : toml::source_region{},
               "[fleet] config_url: needs [fleet] config_public_key, the key its files are "
               "signed with (`workforce-kiosk keygen --signing` writes it)");
  }

  config.kiosk.default_language = parse_language(language).value_or(Language::En);
  result.errors = check.take();
  if (result.errors.empty()) {
    config.source = source_name;
    result.config = std::move(config);
  }
  return result;
}

ConfigResult load_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ConfigResult result;
    result.errors.push_back({file.string(), 0, 0, "cannot read the configuration file"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > std::size_t{1024} * 1024) {
    ConfigResult result;
    result.errors.push_back({file.string(), 0, 0, "too large for a configuration file (> 1 MiB)"});
    return result;
  }
  return parse_config(text.str(), file.string());
}

}  // namespace kiosk
