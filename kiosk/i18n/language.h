// The languages the kiosk speaks. Pseudo is a test-only language generated from English that
// stretches and accents every message, to find truncated layouts and hard-coded strings.
#pragma once

#include <optional>
#include <string_view>

namespace kiosk {

enum class Language { En, Es, Pseudo };

constexpr std::string_view language_code(Language lang) {
  switch (lang) {
    case Language::En:
      return "en";
    case Language::Es:
      return "es";
    case Language::Pseudo:
      return "qps";
  }
  return "en";
}

// ICU locale used for plurals, numbers and dates.
constexpr const char* icu_locale(Language lang) {
  return lang == Language::Es ? "es_US" : "en_US";
}

// "en", "es" (and "qps" when allow_pseudo) to a Language.
std::optional<Language> parse_language(std::string_view code, bool allow_pseudo = false);

}  // namespace kiosk
