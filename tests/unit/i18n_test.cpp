#include "kiosk/i18n/i18n.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace kiosk::literals;
namespace fs = std::filesystem;

const fs::path kLocales = fs::path(KIOSK_SOURCE_DIR) / "locales";

Catalog load(const std::string& name) {
  std::string error;
  auto catalog = load_catalog(kLocales / name, &error);
  EXPECT_TRUE(catalog) << error;
  return catalog.value_or(Catalog{});
}

// Every "key"_msg literal in kiosk/ and ui/.
std::set<std::string> keys_used_in_code() {
  std::set<std::string> keys;
  const std::regex literal(R"re("([^"\\]+)"_msg)re");
  for (const char* dir : {"kiosk", "ui"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(KIOSK_SOURCE_DIR) / dir)) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".h") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      const std::string s = text.str();
      for (std::sregex_iterator it(s.begin(), s.end(), literal), end; it != end; ++it) {
        keys.insert((*it)[1]);
      }
    }
  }
  return keys;
}

TEST(Catalogs, EveryKeyUsedInCodeExistsInBothLanguages) {
  const Catalog en = load("en.json");
  const Catalog es = load("es.json");
  const auto used = keys_used_in_code();
  ASSERT_GT(used.size(), 10u) << "the scan found too few keys: is the _msg convention in use?";
  for (const auto& key : used) {
    EXPECT_TRUE(en.count(key)) << "used in code, missing from en.json: " << key;
    EXPECT_TRUE(es.count(key)) << "used in code, missing from es.json: " << key;
  }
}

TEST(Catalogs, BothLanguagesHaveTheSameKeysAndNoneIsEmpty) {
  const Catalog en = load("en.json");
  const Catalog es = load("es.json");
  for (const auto& [key, text] : en) {
    EXPECT_TRUE(es.count(key)) << "in en.json only: " << key;
    EXPECT_FALSE(text.empty()) << "empty in en.json: " << key;
  }
  for (const auto& [key, text] : es) {
    EXPECT_TRUE(en.count(key)) << "in es.json only: " << key;
    EXPECT_FALSE(text.empty()) << "empty in es.json: " << key;
  }
}

TEST(Catalogs, EveryKeyIsUsedOrDocumented) {
  const Catalog en = load("en.json");
  const Catalog notes = load("qqq.json");
  for (const auto& [key, text] : en) {
    EXPECT_TRUE(notes.count(key)) << "no translator note in qqq.json for " << key;
  }
  for (const auto& [key, text] : notes) {
    EXPECT_TRUE(en.count(key)) << "qqq.json documents a key no catalog has: " << key;
  }
}

TEST(Catalogs, PlaceholdersMatchAndPatternsAreValid) {
  const Catalog en = load("en.json");
  const Catalog es = load("es.json");
  for (const auto& [key, text] : en) {
    const auto en_args = message_arguments(text);
    ASSERT_TRUE(en_args) << "not valid ICU MessageFormat in en.json: " << key;
    const auto it = es.find(key);
    if (it == es.end()) continue;
    const auto es_args = message_arguments(it->second);
    ASSERT_TRUE(es_args) << "not valid ICU MessageFormat in es.json: " << key;
    EXPECT_EQ(*en_args, *es_args) << "placeholders differ for " << key;
  }
}

TEST(Catalogs, KeysAreFlatDottedLowercase) {
  const std::regex shape("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
  for (const auto& [key, text] : load("en.json")) {
    EXPECT_TRUE(std::regex_match(key, shape)) << key;
  }
}

TEST(MessageArguments, FindsNamesInPluralsAndSelects) {
  const auto args = message_arguments(
      "{count, plural, one {# job at {place}} other {# jobs at {place}}} {who, select, a {x} other "
      "{y}}");
  ASSERT_TRUE(args);
  EXPECT_EQ(*args, (std::set<std::string>{"count", "place", "who"}));
  EXPECT_FALSE(message_arguments("{unclosed"));
}

TEST(Translator, PluralsNumbersAndFallbackPerLanguage) {
  Translator tr;
  tr.set_catalogs({{"jobs.count", "{count, plural, one {# job} other {# jobs}}"},
                   {"pay.hour", "{amount, number, :: currency/USD} an hour"},
                   {"only.english", "Only in English"},
                   {"posted", "{n, plural, =0 {today} one {yesterday} other {# days ago}}"}},
                  {{"jobs.count", "{count, plural, one {# empleo} other {# empleos}}"},
                   {"pay.hour", "{amount, number, :: currency/USD} por hora"},
                   {"posted", "{n, plural, =0 {hoy} one {ayer} other {hace # días}}"}});
  EXPECT_EQ(tr.format("jobs.count"_msg, {{"count", std::int64_t{1}}}), "1 job");
  EXPECT_EQ(tr.format("jobs.count"_msg, {{"count", std::int64_t{1200}}}), "1,200 jobs");
  EXPECT_EQ(tr.format("pay.hour"_msg, {{"amount", 18.5}}), "$18.50 an hour");
  tr.set_language(Language::Es);
  EXPECT_EQ(tr.format("jobs.count"_msg, {{"count", std::int64_t{12}}}), "12 empleos");
  EXPECT_EQ(tr.format("jobs.count"_msg, {{"count", std::int64_t{1}}}), "1 empleo");
  EXPECT_EQ(tr.format("posted"_msg, {{"n", std::int64_t{3}}}), "hace 3 días");
  EXPECT_EQ(tr.format("pay.hour"_msg, {{"amount", 18.5}}), "$18.50 por hora");  // es-US uses $
  // Spanish falls back to English, then to the key itself.
  EXPECT_EQ(tr.text("only.english"_msg), "Only in English");
  EXPECT_EQ(tr.text("no.such.key"_msg), "no.such.key");
}

TEST(Translator, DatesFollowTheLanguage) {
  Translator tr;
  tr.set_catalogs({{"event.when", "{when, date, ::MMMMd}"}},
                  {{"event.when", "{when, date, ::MMMMd}"}});
  // 2026-03-05 18:00 UTC: the same day in Miami and everywhere in the Americas.
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(1772733600));
  EXPECT_EQ(tr.format("event.when"_msg, {{"when", when}}), "March 5");
  tr.set_language(Language::Es);
  EXPECT_EQ(tr.format("event.when"_msg, {{"when", when}}), "5 de marzo");
}

// At rest the kiosk drops its compiled messages (the soak's memory): what was formatted before
// is formatted the same after, and texts handed out stay where they were.
TEST(Translator, ForgettingCompiledMessagesChangesNoText) {
  Translator tr;
  tr.set_catalogs({{"event.when", "{when, date, ::MMMMd}"}, {"title", "Find a job"}},
                  {{"event.when", "{when, date, ::MMMMd}"}, {"title", "Buscar empleo"}});
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(1772733600));
  const std::string& title = tr.text("title"_msg);
  EXPECT_EQ(tr.format("event.when"_msg, {{"when", when}}), "March 5");
  tr.forget_compiled();
  EXPECT_EQ(tr.format("event.when"_msg, {{"when", when}}), "March 5");
  EXPECT_EQ(&tr.text("title"_msg), &title);
  EXPECT_EQ(title, "Find a job");
  tr.set_language(Language::Es);
  tr.forget_compiled();
  EXPECT_EQ(tr.format("event.when"_msg, {{"when", when}}), "5 de marzo");
}

TEST(Translator, TimesUseOnlySpacesTheFontsHave) {
  Translator tr;
  tr.set_catalogs({{"t", "{when, time, ::jmm}"}}, {{"t", "{when, time, ::jmm}"}});
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(1772733600));
  for (const Language lang : {Language::En, Language::Es}) {
    tr.set_language(lang);
    const std::string out = tr.format("t"_msg, {{"when", when}});
    EXPECT_EQ(out.find("\u202F"), std::string::npos) << out;
    EXPECT_EQ(out.find("\u2009"), std::string::npos) << out;
  }
}

TEST(Translator, BadPatternShowsTheKeyInsteadOfCrashing) {
  Translator tr;
  tr.set_catalogs({{"broken", "{count, plural, one {x}"}}, {});
  EXPECT_EQ(tr.text("broken"_msg), "broken");
}

TEST(Translator, LoadsTheProjectCatalogs) {
  Translator tr;
  ASSERT_FALSE(tr.load(kLocales));
  EXPECT_EQ(tr.text("nav.back"_msg), "Back");
  tr.set_language(Language::Es);
  EXPECT_EQ(tr.text("nav.back"_msg), "Atrás");
  EXPECT_EQ(tr.text("lang.toggle"_msg), "English");
}

TEST(ParseCatalog, RejectsWhatIsNotAFlatStringMap) {
  std::string error;
  EXPECT_FALSE(parse_catalog("[1,2]", &error));
  EXPECT_FALSE(parse_catalog("{\"a\": 1}", &error));
  EXPECT_NE(error.find("\"a\""), std::string::npos);
  EXPECT_FALSE(parse_catalog("{\"a\": \"\xff\"}", &error));  // invalid UTF-8
  EXPECT_TRUE(parse_catalog("{\"a.b\": \"x\"}", &error));
}

TEST(PseudoLocale, StretchesTextAndKeepsPlaceholders) {
  const Catalog en = load("en.json");
  const Catalog pseudo = make_pseudo_catalog(en);
  ASSERT_EQ(pseudo.size(), en.size());
  for (const auto& [key, text] : en) {
    const std::string& p = pseudo.at(key);
    EXPECT_EQ(p.front(), '[') << key;
    EXPECT_GT(p.size(), text.size()) << key;
    EXPECT_EQ(message_arguments(p), message_arguments(text)) << key;
  }
  Translator tr;
  tr.set_catalogs({{"n", "{count, plural, one {# item} other {# items}}"}}, {});
  tr.set_language(Language::Pseudo);
  const std::string out = tr.format("n"_msg, {{"count", std::int64_t{2}}});
  EXPECT_NE(out.find("2"), std::string::npos);
  EXPECT_NE(out.find("í"), std::string::npos) << out;
}

}  // namespace
}  // namespace kiosk
