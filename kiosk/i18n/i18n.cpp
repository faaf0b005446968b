#include "kiosk/i18n/i18n.h"

#include <fstream>
#include <sstream>

#include <unicode/fmtable.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <nlohmann/json.hpp>

#include "kiosk/base/log.h"

namespace kiosk {

std::optional<Language> parse_language(std::string_view code, bool allow_pseudo) {
  if (code == "en") return Language::En;
  if (code == "es") return Language::Es;
  if (allow_pseudo && code == "qps") return Language::Pseudo;
  return std::nullopt;
}

std::optional<Catalog> parse_catalog(std::string_view json, std::string* error) {
  const auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    if (error != nullptr) *error = R"(not a JSON object of "key": "message" pairs)";
    return std::nullopt;
  }
  Catalog catalog;
  for (const auto& [key, value] : doc.items()) {
    if (!value.is_string()) {
      if (error != nullptr) *error = "the value of \"" + key + "\" is not a string";
      return std::nullopt;
    }
    catalog.emplace(key, value.get<std::string>());
  }
  return catalog;
}

std::optional<Catalog> load_catalog(const std::filesystem::path& file, std::string* error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (error != nullptr) *error = "cannot read " + file.string();
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string why;
  auto catalog = parse_catalog(text.str(), &why);
  if (!catalog && error != nullptr) *error = file.string() + ": " + why;
  return catalog;
}

std::optional<std::set<std::string>> message_arguments(std::string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
  icu::MessagePattern parsed(text, &parse_error, status);
  if (U_FAILURE(status) != 0) return std::nullopt;
  std::set<std::string> names;
  for (int32_t i = 0; i < parsed.countParts(); ++i) {
    const icu::MessagePattern::Part& part = parsed.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
      std::string name;
      parsed.getSubstring(part).toUTF8String(name);
      names.insert(name);
    }
  }
  return names;
}

namespace {

// Accents and stretches the literal text of a pattern, leaving ICU syntax alone.
std::string pseudo_text(std::string_view english) {
  static const std::map<char, std::string> kAccents = {
      {'a', "á"}, {'e', "é"}, {'i', "í"}, {'o', "ö"}, {'u', "ü"}, {'n', "ñ"}, {'c', "ç"},
      {'A', "Á"}, {'E', "É"}, {'I', "Í"}, {'O', "Ö"}, {'U', "Ü"}, {'N', "Ñ"}, {'C', "Ç"}};
  std::string out = "[";
  int depth = 0;        // inside { } the text is ICU syntax, except inside nested message bodies
  bool quoted = false;  // ICU apostrophe quoting
  int letters = 0;
  for (const char c : english) {
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == '{') {
      ++depth;
      out += c;
      continue;
    }
    if (!quoted && c == '}') {
      --depth;
      out += c;
      continue;
    }
    // Depth 0 is literal text; in plural/select bodies ({count, plural, one {…}}) the text at
    // even depth is literal too.
    const bool literal = depth % 2 == 0;
    if (literal && !quoted) {
      auto accent = kAccents.find(c);
      if (accent != kAccents.end()) {
        out += accent->second;
        if (++letters % 3 == 0) out += accent->second;  // about a third longer
        continue;
      }
    }
    out += c;
  }
  out += "]";
  return out;
}

icu::Formattable to_formattable(const MessageArg& arg) {
  if (const auto* i = std::get_if<std::int64_t>(&arg.value)) return {*i};
  if (const auto* d = std::get_if<double>(&arg.value)) return {*d};
  if (const auto* t = std::get_if<std::chrono::system_clock::time_point>(&arg.value)) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t->time_since_epoch());
    return {static_cast<UDate>(ms.count()), icu::Formattable::kIsDate};
  }
  const auto& s = std::get<std::string>(arg.value);
  return {icu::UnicodeString::fromUTF8(s)};
}

int slot(Language lang) {
  return static_cast<int>(lang);
}

}  // namespace

Catalog make_pseudo_catalog(const Catalog& english) {
  Catalog pseudo;
  for (const auto& [key, pattern] : english) pseudo.emplace(key, pseudo_text(pattern));
  return pseudo;
}

struct Translator::Compiled {
  std::unique_ptr<icu::MessageFormat> format;  // null when the pattern did not compile
};

Translator::Translator() = default;
Translator::~Translator() = default;

std::optional<std::string> Translator::load(const std::filesystem::path& dir) {
  std::string error;
  auto en = load_catalog(dir / "en.json", &error);
  if (!en) return error;
  auto es = load_catalog(dir / "es.json", &error);
  if (!es) return error;
  set_catalogs(std::move(*en), std::move(*es));
  return std::nullopt;
}

void Translator::set_catalogs(Catalog english, Catalog spanish) {
  en_ = std::move(english);
  es_ = std::move(spanish);
  pseudo_ = make_pseudo_catalog(en_);
  for (auto& cache : text_cache_) cache.clear();
  forget_compiled();
}

void Translator::forget_compiled() {
  for (auto& cache : compiled_) cache.clear();
}

const Catalog& Translator::catalog(Language lang) const {
  switch (lang) {
    case Language::Es:
      return es_;
    case Language::Pseudo:
      return pseudo_;
    case Language::En:
      break;
  }
  return en_;
}

bool Translator::has(Language lang, std::string_view key) const {
  return catalog(lang).find(key) != catalog(lang).end();
}

void Translator::note_miss(std::string_view key) {
  const std::string tag = std::string(language_code(language_)) + ":" + std::string(key);
  if (logged_misses_.insert(tag).second) {
    log::warn("missing message '" + std::string(key) + "' in " +
              std::string(language_code(language_)) + ", using the fallback");
  }
}

const std::string* Translator::pattern(std::string_view key) {
  const Catalog& active = catalog(language_);
  if (auto it = active.find(key); it != active.end() && !it->second.empty()) return &it->second;
  note_miss(key);
  if (auto it = en_.find(key); it != en_.end() && !it->second.empty()) return &it->second;
  return nullptr;
}

const std::string& Translator::text_in(Language lang, MsgKey message) {
  const Language active = language_;
  language_ = lang;
  const std::string& out = text(message);
  language_ = active;
  return out;
}

const std::string& Translator::text(MsgKey message) {
  auto& cache = text_cache_[slot(language_)];
  if (auto it = cache.find(std::string(message.key)); it != cache.end()) return it->second;
  return cache.emplace(std::string(message.key), format(message, {})).first->second;
}

std::string Translator::format(MsgKey message, const std::vector<MessageArg>& args) {
  const std::string_view key = message.key;
  const std::string* source = pattern(key);
  if (source == nullptr) return std::string(key);

  auto& compiled = compiled_[slot(language_)][std::string(key)];
  if (!compiled) {
    compiled = std::make_unique<Compiled>();
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    compiled->format = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(*source),
                                                            icu::Locale(icu_locale(language_)),
                                                            parse_error, status);
    if (U_FAILURE(status) != 0) {
      log::error("message '" + std::string(key) + "' is not valid ICU MessageFormat (" +
                 u_errorName(status) + ")");
      compiled->format.reset();
    }
  }
  if (!compiled->format) return std::string(key);

  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& arg : args) {
    names.push_back(icu::UnicodeString::fromUTF8(arg.name));
    values.push_back(to_formattable(arg));
  }
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  compiled->format->format(names.data(), values.data(), static_cast<int32_t>(args.size()), out,
                           status);
  if (U_FAILURE(status) != 0) {
    log::error("message '" + std::string(key) + "' could not be formatted (" + u_errorName(status) +
               ")");
    return std::string(key);
  }
  // ICU puts narrow and thin spaces in times and numbers ("12:44\u202Fa.\u00A0m."); the kiosk's
  // fonts carry Latin-1, so use the no-break space they have.
  out.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x202F)),
                     icu::UnicodeString(static_cast<UChar>(0x00A0)));
  out.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2009)), icu::UnicodeString(" "));
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace kiosk
