// The FAQ ranking against the FAQ the kiosk ships (assets/sample/faq.jsonld, read by the real
// parser): each question a resident might type, with the entry that must come first.
#include "kiosk/faq/faq_index.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/store/store.h"
#include "temp_dir.h"

namespace kiosk::faq {
namespace {

struct Case {
  const char* typed;
  const char* first;  // the entry id that must rank first
};

// Typed as residents type: missing accents, misspellings, few words.
constexpr Case kEnglish[] = {
    {"internship without degree", "faq-10"},
    {"what is OJT", "faq-14"},
    {"how do I find a job", "faq-01"},
    {"part time work", "faq-02"},
    {"can I work from home", "faq-03"},
    {"which careers are growing", "faq-04"},
    {"how do I apply for a job", "faq-05"},
    {"learn new skills better pay", "faq-06"},
    {"what is wioa", "faq-07"},
    {"my job moved to another country", "faq-08"},
    {"what is an apprenticeship", "faq-09"},
    {"what is a pre-apprenticeship", "faq-11"},
    {"sprint internship", "faq-12"},
    {"paid work experience", "faq-13"},
    {"how do I get into on the job training", "faq-15"},
    {"help while I look for work", "faq-16"},
    {"help with my resume", "faq-17"},
    {"I don't have a computer at home", "faq-18"},
    {"do I need an account", "faq-19"},
    {"job alerts", "faq-20"},
    {"forgot my password", "faq-21"},
    {"I am an employer how do I post a job", "faq-23"},
    {"does the kiosk keep my information", "faq-24"},
    {"jobs without a college degree", "faq-27"},
    {"hiring fair", "faq-28"},
    {"do apprentices get paid", "faq-29"},
    {"internship for high school students", "faq-30"},
    {"free training", "faq-31"},
    {"classes at night", "faq-32"},
    {"classes in spanish", "faq-33"},
    {"what skills do employers want", "faq-34"},
    {"career pathway", "faq-35"},
    {"on the job training for employers wage reimbursement", "faq-37"},
    {"my company wants to start an apprenticeship program", "faq-38"},
    {"I am a veteran", "faq-40"},
    {"volunteer", "faq-41"},
    {"bus pass and gas card", "faq-43"},
    {"wraparound services", "faq-44"},
    {"make the text bigger", "faq-47"},
    {"take a job home on my phone", "faq-48"},
    {"what happens when I leave", "faq-49"},
    {"tech job without experience", "faq-50"},
    {"talk to a person", "faq-52"},
    {"aprenticeship", "faq-09"},
    {"forgot my pasword", "faq-21"},
    {"resumee interview help", "faq-17"},
};
constexpr Case kSpanish[] = {
    {"¿cómo encuentro una pasantía?", "faq-53"},
    {"trabajo medio tiempo", "faq-02"},
    {"que es ojt", "faq-14"},
    {"¿qué es un aprendizaje?", "faq-09"},
    {"¿cómo busco empleo?", "faq-01"},
    {"trabajo de medio tiempo", "faq-02"},
    {"trabajar desde casa", "faq-03"},
    {"carreras que estan creciendo", "faq-04"},
    {"como solicito un empleo", "faq-05"},
    {"que es wioa", "faq-07"},
    {"perdi mi trabajo porque se fue a otro pais", "faq-08"},
    {"que es un preaprendizaje", "faq-11"},
    {"experiencia de trabajo pagada", "faq-13"},
    {"como entro a una capacitacion en el trabajo", "faq-15"},
    {"ayuda mientras busco trabajo", "faq-16"},
    {"ayuda con mi curriculum", "faq-17"},
    {"no tengo computadora", "faq-18"},
    {"necesito una cuenta", "faq-19"},
    {"alertas de empleo", "faq-20"},
    {"olvide mi contraseña", "faq-21"},
    {"el quiosco guarda mi informacion", "faq-24"},
    {"cambiar el idioma", "faq-25"},
    {"empleos sin titulo universitario", "faq-27"},
    {"feria de empleo", "faq-28"},
    {"les pagan a los aprendices", "faq-29"},
    {"pasantia para estudiantes de secundaria", "faq-30"},
    {"capacitacion gratis", "faq-31"},
    {"clases de noche", "faq-32"},
    {"clases en español", "faq-33"},
    {"que destrezas buscan las empresas", "faq-34"},
    {"ruta de carrera", "faq-35"},
    {"ayuda para empresas", "faq-36"},
    {"soy veterano", "faq-40"},
    {"quiero ser voluntario", "faq-41"},
    {"ayuda para pagar el autobus y la guarderia", "faq-43"},
    {"letras mas grandes", "faq-47"},
    {"que pasa cuando me voy", "faq-49"},
    {"empleo de tecnologia sin experiencia", "faq-50"},
    {"hablar con una persona", "faq-52"},
    {"pasantia corta", "faq-12"},
    {"aprendisaje sin titulo", "faq-10"},
    {"olvide mi contrasena", "faq-21"},
    {"capasitacion gratis", "faq-31"},
};

ParsedFeed bundled_faq() {
  const auto file = std::filesystem::path(KIOSK_SOURCE_DIR) / "assets" / "sample" / "faq.jsonld";
  std::ifstream in(file, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  auto parsed = feeds::parse_jsonld(body.str(), "file:assets/sample/faq.jsonld");
  if (auto* error = std::get_if<ParseError>(&parsed)) {
    ADD_FAILURE() << error->reason;
    return {};
  }
  ParsedFeed feed = std::get<ParsedFeed>(std::move(parsed));
  feeds::SkippedRecords skipped;
  feeds::bound_records(feed, skipped);
  EXPECT_EQ(skipped.count(), 0);
  return feed;
}

const FaqIndex& bundled() {
  static const FaqIndex index(bundled_faq().faq);  // read once for the whole suite
  return index;
}

std::string first_id(const FaqIndex& index, std::string_view typed, bool typing = false) {
  const auto ranked = index.rank(typed, 5, typing);
  return ranked.empty() ? std::string("(nothing)") : index.entries()[ranked[0].entry].id;
}

// Every miss is reported with what came first instead, so a failure says which question broke.
template <std::size_t N>
void expect_all_first(const Case (&cases)[N]) {
  for (const auto& c : cases) EXPECT_EQ(first_id(bundled(), c.typed), c.first) << c.typed;
}

TEST(FaqRanking, ApprenticeshipOrInternshipWithoutADegreeInBothLanguages) {
  EXPECT_EQ(first_id(bundled(), "pasantia sin titulo"), "faq-10");
  EXPECT_EQ(first_id(bundled(), "apprenticeship no degree"), "faq-10");
  EXPECT_EQ(first_id(bundled(), "Pasantía sin título"), "faq-10");
  EXPECT_EQ(first_id(bundled(), "APPRENTICESHIP, NO DEGREE?"), "faq-10");
}

TEST(FaqRanking, EnglishQuestions) {
  static_assert(std::size(kEnglish) >= 20);
  expect_all_first(kEnglish);
}

TEST(FaqRanking, SpanishQuestions) {
  static_assert(std::size(kSpanish) >= 20);
  expect_all_first(kSpanish);
}

TEST(FaqRanking, EveryQuestionFindsItsOwnAnswerFirst) {
  // What a suggested question tapped on the screen relies on, in both languages.
  for (const auto& e : bundled().entries()) {
    EXPECT_EQ(first_id(bundled(), e.question.en), e.id) << e.question.en;
    EXPECT_EQ(first_id(bundled(), e.question.es), e.id) << e.question.es;
  }
}

TEST(FaqRanking, EitherLanguageFindsTheSameEntry) {
  // One entry holds both languages: what the screen shows follows the kiosk's language.
  EXPECT_EQ(first_id(bundled(), "trabajo medio tiempo"), first_id(bundled(), "part-time work"));
  EXPECT_EQ(first_id(bundled(), "que es ojt"), first_id(bundled(), "what is OJT"));
  EXPECT_EQ(first_id(bundled(), "curriculum"), first_id(bundled(), "résumé"));
  const auto ranked = bundled().rank("¿cómo encuentro una pasantía?", 3);
  ASSERT_FALSE(ranked.empty());
  EXPECT_FALSE(bundled().entries()[ranked[0].entry].question.en.empty());
}

TEST(FaqRanking, NothingFitsGivesNothing) {
  for (const char* typed :
       {"xyzzy", "football scores", "weather tomorrow", "", "   ", "¿?¡!", "the", "que es", "a"}) {
    EXPECT_TRUE(bundled().rank(typed, 5).empty()) << typed;
  }
}

TEST(FaqRanking, AWordStillBeingTypedCompletes) {
  EXPECT_EQ(first_id(bundled(), "what is an apprentic", true), "faq-09");
  EXPECT_EQ(first_id(bundled(), "que es un preapren", true), "faq-11");
  // Finished words are taken as they are.
  EXPECT_EQ(first_id(bundled(), "what is an apprenticeship ", true), "faq-09");
}

TEST(FaqRanking, BestFirstWithinTheLimitAndWeakAnswersLeftOut) {
  const auto ranked = bundled().rank("help", 3);
  ASSERT_FALSE(ranked.empty());
  EXPECT_LE(ranked.size(), 3u);
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    EXPECT_GE(ranked[i - 1].score, ranked[i].score);
    EXPECT_GE(ranked[i].score, ranked[0].score * 0.3);
  }
  EXPECT_TRUE(bundled().rank("help", 0).empty());
}

TEST(FaqRanking, HostileInput) {
  EXPECT_NO_THROW(bundled().rank(std::string(100000, 'a'), 5));
  EXPECT_NO_THROW(bundled().rank(std::string(5000, '\xff'), 5));
  std::string words;
  for (int i = 0; i < 2000; ++i) words += "pasantia ";
  EXPECT_EQ(first_id(bundled(), words), first_id(bundled(), "pasantia"));
  const FaqIndex empty({});
  EXPECT_TRUE(empty.rank("pasantia", 5).empty());
  EXPECT_TRUE(empty.suggested(5).empty());
  // An entry in one language only, an entry with nothing but a question.
  FaqEntry only_spanish;
  only_spanish.id = "x1";
  only_spanish.question.es = "¿Dónde está la guagua?";
  FaqEntry bare;
  bare.id = "x2";
  bare.question.en = "Where is the restroom?";
  const FaqIndex small({only_spanish, bare});
  EXPECT_EQ(first_id(small, "bus"), "x1");  // the synonym table joins bus and guagua
  EXPECT_EQ(first_id(small, "restroom"), "x2");
  EXPECT_EQ(first_id(small, "restrom"), "x2");
}

TEST(FaqRanking, SuggestedQuestionsCoverTopicsFirst) {
  const auto suggested = bundled().suggested(8);
  ASSERT_EQ(suggested.size(), 8u);
  std::set<std::string> topics;
  for (const auto i : suggested) topics.insert(bundled().entries()[i].topic);
  EXPECT_EQ(topics.size(), 8u);
  EXPECT_EQ(bundled().suggested(1000).size(), bundled().entries().size());
}

TEST(FaqData, CoversTheSeedsInBothLanguagesWithLinks) {
  const auto& entries = bundled().entries();
  EXPECT_GE(entries.size(), 50u);
  std::set<std::string> topics;
  const std::set<std::string> routes = {"jobs.search",   "programs.search", "services.search",
                                        "events.search", "careers",         "signup",
                                        "help"};
  int linked = 0;
  for (const auto& e : entries) {
    EXPECT_FALSE(e.question.en.empty()) << e.id;
    EXPECT_FALSE(e.question.es.empty()) << e.id;
    EXPECT_FALSE(e.answer.en.empty()) << e.id;
    EXPECT_FALSE(e.answer.es.empty()) << e.id;
    EXPECT_TRUE(e.sample) << e.id;
    topics.insert(e.topic);
    if (e.link.empty()) continue;
    ++linked;
    EXPECT_TRUE(routes.contains(e.link.route)) << e.id << " " << e.link.route;
    EXPECT_FALSE(e.link.label.en.empty()) << e.id;
    EXPECT_FALSE(e.link.label.es.empty()) << e.id;
  }
  EXPECT_GE(linked, 30);
  for (const char* topic :
       {"jobs", "training", "apprenticeship", "internship", "ojt", "support", "account", "partners",
        "kiosk", "careers", "employers", "inclusion", "involved", "events"}) {
    EXPECT_TRUE(topics.contains(topic)) << topic;
  }
  const auto& apprenticeship = entries[bundled().rank("what is an apprenticeship", 1)[0].entry];
  EXPECT_EQ(apprenticeship.link.route, "programs.search");
  EXPECT_EQ(apprenticeship.link.filter, "program_type=apprenticeship");
  EXPECT_EQ(apprenticeship.link.label.en, "See apprenticeships");
  EXPECT_EQ(apprenticeship.link.label.es, "Ver aprendizajes");
}

TEST(FaqData, PlainAnswerInTheLanguageAsked) {
  const auto& e = bundled().entries()[bundled().rank("what is an apprenticeship", 1)[0].entry];
  EXPECT_NE(plain_answer(e, false).find("apprenticeship"), std::string::npos);
  EXPECT_NE(plain_answer(e, true).find("aprendiz"), std::string::npos);
  FaqEntry english_only;
  english_only.answer.en = {TextBlock{TextBlock::Type::Bullets, {"one", "two"}}};
  EXPECT_EQ(plain_answer(english_only, true), "• one\n• two");
}

TEST(FaqData, EntriesComeBackFromTheCacheWithTheirLinks) {
  kiosk::testing::TempDir dir;
  {
    Store writer(dir.path(), Store::Mode::Writer);
    FeedState state;
    state.url = "file:assets/sample/faq.jsonld";
    state.kind = "faq";
    writer.replace_feed(state, bundled_faq(), 1'800'000'000);
  }
  Store reader(dir.path(), Store::Mode::Reader);
  const auto entries = reader.faq_entries();
  ASSERT_EQ(entries.size(), bundled().entries().size());
  const FaqIndex index(entries);
  EXPECT_EQ(first_id(index, "pasantia sin titulo"), "faq-10");
  const auto& e = index.entries()[index.rank("pasantia sin titulo", 1)[0].entry];
  EXPECT_EQ(e.link.route, "programs.search");
  EXPECT_EQ(e.link.filter, "no_degree=true");
}

}  // namespace
}  // namespace kiosk::faq
