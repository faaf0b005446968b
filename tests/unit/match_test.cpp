// "What can you do?": the matcher on the bundled sample data set, with expectations a person can
// check by reading the postings (assets/sample/jobs.jsonld, programs.jsonld), the skills table,
// and `workforce-kiosk match` as a technician types it.
#include "kiosk/match/matcher.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "feed_test_support.h"
#include "kiosk/base/paths.h"
#include "kiosk/cli/cli.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/match/skills.h"
#include "kiosk/store/word_forms.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
constexpr std::int64_t kNow = 1795219200;  // 2026-11-21: every sample job posted, most open

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class Matching : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("kiosk-match-test-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    store_ = new Store(*dir_, Store::Mode::Writer);
    const fs::path sample = fs::path(KIOSK_SOURCE_DIR) / "assets" / "sample";
    for (const char* kind : {"jobs", "programs"}) {
      const std::string file = std::string(kind) + ".jsonld";
      FeedState state;
      state.url = "file:assets/sample/" + file;
      state.kind = kind;
      ParsedFeed feed = testing::parse_ok(feeds::parse_jsonld, read(sample / file), state.url);
      // The command line matches at today's date: expiry is not what these tests are about.
      for (auto& j : feed.jobs) j.valid_through.reset();
      for (auto& p : feed.programs) p.valid_through.reset();
      store_->replace_feed(state, feed, kNow);
    }
    tr_ = new Translator();
    ASSERT_FALSE(tr_->load(fs::path(KIOSK_SOURCE_DIR) / "locales").has_value());
  }
  static void TearDownTestSuite() {
    delete tr_;
    delete store_;
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
  }

  static std::vector<MatchResult> match(MatchProfile profile) {
    return match_listings(*store_, profile, kNow);
  }
  static const MatchResult* find(const std::vector<MatchResult>& results, std::string_view id) {
    const auto it = std::find_if(results.begin(), results.end(),
                                 [&](const MatchResult& r) { return r.id == id; });
    return it == results.end() ? nullptr : &*it;
  }
  static std::string say(const MatchNote& note, Language language = Language::En) {
    tr_->set_language(language);
    return describe(*tr_, note);
  }

  static fs::path* dir_;
  static Store* store_;
  static Translator* tr_;
};
fs::path* Matching::dir_ = nullptr;
Store* Matching::store_ = nullptr;
Translator* Matching::tr_ = nullptr;

// The barista at Panadería El Palmito asks for customer service, a cash register and Spanish:
// all three taps, so it is the best fit, and the first reason says so.
TEST_F(Matching, ThreeSkillsShownRankFirstWithTheirReason) {
  const auto results = match({.skills = {"customer_service", "cash_handling", "spanish"}});
  ASSERT_FALSE(results.empty());
  const MatchResult& first = results.front();
  EXPECT_EQ(first.kind, ListingKind::Job);
  EXPECT_DOUBLE_EQ(first.score, 1.0);
  ASSERT_FALSE(first.reasons.empty());
  EXPECT_EQ(first.reasons[0].kind, MatchNote::Kind::Skills);
  EXPECT_EQ(first.reasons[0].skills,
            (std::vector<std::string>{"customer_service", "cash_handling", "spanish"}));
  EXPECT_EQ(say(first.reasons[0]),
            "Matches 3 of your skills: Customer service, Cash register, Spanish");
  EXPECT_EQ(say(first.reasons[0], Language::Es),
            "Usa 3 de sus habilidades: Servicio al cliente, Caja registradora, Español");
  // The cashiers' postings show all three too; the bilingual patient access job two of the
  // three: ranked lower.
  ASSERT_NE(find(results, "job-0166"), nullptr);
  EXPECT_DOUBLE_EQ(find(results, "job-0166")->score, 1.0);
  const MatchResult* care = find(results, "job-0017");
  ASSERT_NE(care, nullptr);
  EXPECT_LT(care->score, first.score);
}

// The CNA postings ask for an active CNA certification. Someone who can give patient care but
// has no CNA sees the jobs with that gap, and what closes it here: the CNA course (prog-0037,
// its name) and the health careers pre-apprenticeship (prog-0016, which leads to nursing
// assistant work, SOC 31-1131).
TEST_F(Matching, ACnaJobWithoutTheCnaShowsTheGapAndTheProgramsThatCloseIt) {
  const auto results = match({.skills = {"patient_care"}});
  const MatchResult* cna = find(results, "job-0001");
  ASSERT_NE(cna, nullptr);
  ASSERT_EQ(cna->gaps.size(), 1u);
  EXPECT_EQ(cna->gaps[0].kind, MatchNote::Kind::NeedsCredential);
  EXPECT_EQ(cna->gaps[0].skills, std::vector<std::string>{"cna_certificate"});
  EXPECT_EQ(cna->gaps[0].count, 2);
  EXPECT_EQ(say(cna->gaps[0]), "Needs: CNA certificate — 2 programs on this kiosk");
  EXPECT_EQ(say(cna->gaps[0], Language::Es),
            "Pide: Certificado de CNA — 2 programas en este quiosco");
  // The gap costs: the same job ranks below one that asks for nothing missing.
  const MatchResult* aide = find(results, "job-0027");  // Personal Care Aide, no certificate
  ASSERT_NE(aide, nullptr);
  EXPECT_LT(cna->score, aide->score);
  // With the certificate tapped, the gap is gone.
  const auto certified = match({.skills = {"patient_care", "cna_certificate"}});
  const MatchResult* again = find(certified, "job-0001");
  ASSERT_NE(again, nullptr);
  EXPECT_TRUE(again->gaps.empty());
  EXPECT_GT(again->score, cna->score);
  // The CNA course is offered, saying what it gets you.
  const MatchResult* course = find(results, "prog-0037");
  ASSERT_NE(course, nullptr);
  EXPECT_TRUE(std::any_of(course->reasons.begin(), course->reasons.end(),
                          [](const MatchNote& n) { return n.kind == MatchNote::Kind::Gives; }));
}

// The bilingual patient access job asks for a high school diploma or GED: someone who did not
// finish high school sees it as a gap; someone who did does not.
TEST_F(Matching, SchoolingAboveWhatWasFinishedIsAGap) {
  const auto without =
      match({.skills = {"customer_service", "bilingual", "phone_calls"}, .education = "none"});
  const MatchResult* job = find(without, "job-0017");
  ASSERT_NE(job, nullptr);
  ASSERT_FALSE(job->gaps.empty());
  EXPECT_EQ(job->gaps.back().kind, MatchNote::Kind::NeedsEducation);
  EXPECT_EQ(job->gaps.back().education, "high_school");
  EXPECT_EQ(say(job->gaps.back()).rfind("Asks for: High school diploma or GED", 0), 0u);
  const auto with = match(
      {.skills = {"customer_service", "bilingual", "phone_calls"}, .education = "high_school"});
  const MatchResult* same = find(with, "job-0017");
  ASSERT_NE(same, nullptr);
  EXPECT_TRUE(same->gaps.empty());
}

TEST_F(Matching, FieldsHoursAndPaidTrainingGiveTheirReasons) {
  const auto results = match({.skills = {"cooking"},
                              .industries = {"hospitality"},
                              .hours = HoursWanted::FullTime,
                              .paid_training = true});
  const MatchResult* cook = find(results, "job-0081");  // Line Cook, full-time, hospitality
  ASSERT_NE(cook, nullptr);
  std::vector<std::string> said;
  for (const auto& n : cook->reasons) said.push_back(say(n));
  EXPECT_NE(std::find(said.begin(), said.end(), "In a field you chose: Hospitality and tourism"),
            said.end());
  EXPECT_NE(std::find(said.begin(), said.end(), "Full-time, as you asked"), said.end());
  const MatchResult* apprenticeship = find(results, "prog-0008");  // Culinary Apprenticeship
  ASSERT_NE(apprenticeship, nullptr);
  EXPECT_TRUE(
      std::any_of(apprenticeship->reasons.begin(), apprenticeship->reasons.end(),
                  [](const MatchNote& n) { return n.kind == MatchNote::Kind::PaidTraining; }));
  EXPECT_EQ(say(MatchNote{.kind = MatchNote::Kind::PaidTraining}), "You get paid while you learn");
}

TEST_F(Matching, TheSameTapsGiveTheSameAnswers) {
  const MatchProfile profile{.skills = {"spanish", "customer_service", "driving"},
                             .industries = {"health"}};
  const auto a = match(profile);
  const auto b = match(profile);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].score, b[i].score);
    EXPECT_EQ(a[i].reasons, b[i].reasons);
    EXPECT_EQ(a[i].gaps, b[i].gaps);
  }
  // Ranked by score, then jobs before programs, then id; every score in [0, 1].
  for (std::size_t i = 0; i + 1 < a.size(); ++i) {
    EXPECT_GE(a[i].score, a[i + 1].score);
    if (a[i].score == a[i + 1].score && a[i].kind == a[i + 1].kind) {
      EXPECT_LT(a[i].id, a[i + 1].id);
    }
  }
  for (const auto& r : a) {
    EXPECT_GE(r.score, 0.0);
    EXPECT_LE(r.score, 1.0);
  }
  // Jobs and training side by side.
  EXPECT_TRUE(std::any_of(a.begin(), a.end(), [](auto& r) { return r.kind == ListingKind::Job; }));
  EXPECT_TRUE(
      std::any_of(a.begin(), a.end(), [](auto& r) { return r.kind == ListingKind::Program; }));
}

TEST_F(Matching, NothingTappedMatchesNothing) {
  EXPECT_TRUE(match({}).empty());
  EXPECT_TRUE(match({.education = "bachelor"}).empty());
}

TEST_F(Matching, SkillsAreNamedByKeyLabelOrWordInEitherLanguage) {
  ASSERT_NE(skill_named("cash_handling", *tr_), nullptr);
  EXPECT_EQ(skill_named("Caja registradora", *tr_)->key, "cash_handling");
  EXPECT_EQ(skill_named("CASH REGISTER", *tr_)->key, "cash_handling");
  EXPECT_EQ(skill_named("electricidad", *tr_)->key, "electrical");
  EXPECT_EQ(skill_named("Español", *tr_)->key, "spanish");
  EXPECT_EQ(skill_named("espanol", *tr_)->key, "spanish");
  EXPECT_EQ(skill_named("cajero", *tr_)->key, "cash_handling");
  EXPECT_EQ(skill_named("juggling", *tr_), nullptr);
  EXPECT_EQ(skill_named("", *tr_), nullptr);
}

// The sign-up's "Find a skill" box: a skill is found by its words in either language.
TEST_F(Matching, FindASkillByAnyOfItsWords) {
  const auto found = [](std::string_view key, std::string_view typed) {
    std::vector<std::string> words;
    for (const auto& w : split_words(typed)) words.push_back(fold_word(w));
    return skill_found_by(*find_skill(key), "", words);
  };
  EXPECT_TRUE(found("cooking", "cocina"));
  EXPECT_TRUE(found("cash_handling", "cajer"));
  EXPECT_TRUE(found("forklift", "montacargas"));
  EXPECT_TRUE(found("electrical", "electricista"));
  EXPECT_FALSE(found("electrical", "plomero"));
}

TEST(Skills, EveryEntryHasWordsAGroupAndWellFormedCodes) {
  for (const Skill& s : skills()) {
    EXPECT_FALSE(skill_phrases(s.words).empty()) << s.key;
    EXPECT_EQ(std::string(s.label.key), "skill." + std::string(s.key));
    for (const auto soc : skill_phrases(s.socs)) {
      EXPECT_EQ(occupations::soc_code(soc), soc) << s.key;
    }
  }
  for (const SkillGroupRow& g : kSkillGroups) {
    EXPECT_TRUE(std::any_of(skills().begin(), skills().end(), [&](const Skill& s) {
      return s.group == g.group;
    })) << g.key;
  }
}

// `workforce-kiosk match`, as a technician types it.
class MatchCli : public Matching {
 protected:
  int run(std::vector<std::string> args, std::string& out) {
    args.insert(args.begin(), {"match", "--data-dir", dir_->string()});
    const auto p = parse_options(args);
    if (!p.options) {
      err_ = p.error;
      return 2;  // what main() answers for bad usage
    }
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    const int rc = run_match(*p.options);
    out = ::testing::internal::GetCapturedStdout();
    err_ = ::testing::internal::GetCapturedStderr();
    return rc;
  }
  std::string err_;
};

TEST_F(MatchCli, JsonInSpanishWithLabelsInEitherLanguage) {
  std::string out;
  ASSERT_EQ(
      run({"--skills", "servicio al cliente, Cash register,spanish", "--lang", "es", "--json"},
          out),
      0)
      << err_;
  const auto j = nlohmann::json::parse(out);
  ASSERT_TRUE(j["results"].is_array());
  ASSERT_FALSE(j["results"].empty());
  const auto& first = j["results"][0];
  for (const char* key : {"id", "kind", "title", "score", "reasons", "gaps"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  EXPECT_EQ(first["kind"], "jobs");
  EXPECT_EQ(first["reasons"][0],
            "Usa 3 de sus habilidades: Servicio al cliente, Caja registradora, Español");
}

TEST_F(MatchCli, AnUnknownSkillIsBadUsageNamingIt) {
  std::string out;
  EXPECT_EQ(run({"--skills", "cooking,juggling"}, out), 2);
  EXPECT_NE(err_.find("juggling"), std::string::npos);
  EXPECT_EQ(err_.find('\n'), err_.size() - 1);  // one line
  EXPECT_EQ(run({"--skills", "cooking", "--education", "phd"}, out), 2);
  EXPECT_EQ(run({}, out), 2);  // no --skills
}

TEST_F(MatchCli, TextListsTheReasonsAndGaps) {
  std::string out;
  ASSERT_EQ(run({"--skills", "patient_care", "--education", "high_school"}, out), 0) << err_;
  EXPECT_NE(out.find("Needs: CNA certificate — 2 programs on this kiosk"), std::string::npos)
      << out;
}

}  // namespace
}  // namespace kiosk
