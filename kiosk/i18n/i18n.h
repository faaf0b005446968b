// Message catalogs (locales/<lang>.json: flat dotted keys -> ICU MessageFormat patterns) and the
// translator the UI asks for every string a resident sees.
//
// Lookup falls back Spanish -> English -> the key itself, and logs each miss once.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "kiosk/base/msg_key.h"  // MsgKey and its _msg literal
#include "kiosk/i18n/language.h"

namespace kiosk {

using Catalog = std::map<std::string, std::string, std::less<>>;  // key -> ICU pattern

// Reads a catalog file. On failure returns nullopt and sets *error to one sentence.
std::optional<Catalog> load_catalog(const std::filesystem::path& file, std::string* error);
std::optional<Catalog> parse_catalog(std::string_view json, std::string* error);

// The named arguments a pattern uses ({count}, {name}, plural/select selectors). Nullopt when
// the pattern is not valid ICU MessageFormat.
std::optional<std::set<std::string>> message_arguments(std::string_view pattern);

// The pseudo-locale: every literal run of an English pattern accented and stretched by about a
// third, wrapped in [ ], with arguments and plural/select syntax left intact.
Catalog make_pseudo_catalog(const Catalog& english);

// One named argument for a message: a count, an amount, a text or a moment ({when, date} or
// {when, time} in the pattern, formatted for the active language).
struct MessageArg {
  std::string name;
  std::variant<std::int64_t, double, std::string, std::chrono::system_clock::time_point> value;
};

class Translator {
 public:
  Translator();
  ~Translator();
  Translator(const Translator&) = delete;
  Translator& operator=(const Translator&) = delete;

  // Loads en.json and es.json from `dir`. Returns an error sentence on failure.
  std::optional<std::string> load(const std::filesystem::path& dir);
  void set_catalogs(Catalog english, Catalog spanish);

  void set_language(Language lang) { language_ = lang; }
  Language language() const { return language_; }

  // A message without arguments. The reference stays valid until the catalogs change.
  const std::string& text(MsgKey message);
  // The same in a given language, whatever the active one (the bilingual attract screen).
  const std::string& text_in(Language lang, MsgKey message);
  // A message with named arguments, formatted by ICU for the active language.
  std::string format(MsgKey message, const std::vector<MessageArg>& args);
  // Drops the compiled messages (ICU's formats: those with a number or a date hold 10 to 90 KB
  // each); a message is compiled again when next formatted. The kiosk calls this at rest, so
  // that a day of sessions does not add up every message any resident ever saw (the soak).
  // text()'s references stay valid.
  void forget_compiled();

  bool has(Language lang, std::string_view key) const;
  const Catalog& catalog(Language lang) const;

 private:
  struct Compiled;
  const std::string* pattern(std::string_view key);  // after fallback; nullptr when missing
  void note_miss(std::string_view key);

  Language language_ = Language::En;
  Catalog en_, es_, pseudo_;
  std::unordered_map<std::string, std::string> text_cache_[3];  // per language, args-free texts
  std::unordered_map<std::string, std::unique_ptr<Compiled>> compiled_[3];
  std::set<std::string, std::less<>> logged_misses_;
};

}  // namespace kiosk
