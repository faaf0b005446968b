#include "kiosk/speech/spoken_log.h"

#include <gtest/gtest.h>

#include "kiosk/speech/speech.h"

namespace kiosk {
namespace {

TEST(SpokenLog, KeepsTextLanguageAndOrder) {
  SpokenLog log;
  EXPECT_EQ(log.last_sequence(), 0u);
  const auto first = log.record("Find a job.", Language::En);
  const auto second = log.record("Buscar empleo.", Language::Es);
  EXPECT_EQ(second, first + 1);
  const auto all = log.since(0);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, "Find a job.");
  EXPECT_EQ(all[0].language, Language::En);
  EXPECT_EQ(all[1].text, "Buscar empleo.");
  EXPECT_EQ(all[1].language, Language::Es);
  ASSERT_EQ(log.since(first).size(), 1u);
  EXPECT_EQ(log.since(first)[0].sequence, second);
  EXPECT_TRUE(log.since(second).empty());
}

TEST(SpokenLog, MatchesSubstringsSinceAStep) {
  SpokenLog log;
  const auto mark = log.record("Read aloud is on.", Language::En);
  log.record("Find a job. Jobs near you", Language::En);
  EXPECT_TRUE(log.said_since(0, "aloud"));
  EXPECT_FALSE(log.said_since(mark, "aloud"));
  EXPECT_TRUE(log.said_since(mark, "Jobs near"));
  EXPECT_FALSE(log.said_since(mark, "jobs near"));  // case matters, as in `expect`
}

TEST(SpokenLog, KeepsOnlyTheLastUtterances) {
  SpokenLog log;
  for (std::size_t i = 1; i <= SpokenLog::kCapacity + 5; ++i) {
    log.record("utterance " + std::to_string(i), Language::En);
  }
  EXPECT_EQ(log.size(), SpokenLog::kCapacity);
  const auto all = log.since(0);
  EXPECT_EQ(all.front().sequence, 6u);
  EXPECT_EQ(all.front().text, "utterance 6");
  EXPECT_EQ(all.back().sequence, SpokenLog::kCapacity + 5);
}

TEST(SpokenLog, WipeForgetsTextsButNotTheCount) {
  SpokenLog log;
  log.record("Line cook", Language::En);
  const auto last = log.record("Cocinero", Language::Es);
  log.wipe();
  EXPECT_EQ(log.size(), 0u);
  EXPECT_FALSE(log.said_since(0, "Cocinero"));
  EXPECT_EQ(log.last_sequence(), last);  // a runner's mark stays meaningful
  EXPECT_EQ(log.record("Hello", Language::En), last + 1);
}

class SilentSink final : public AudioSink {
 public:
  void play(const Pcm& /*pcm*/) override {}
  void stop() override {}
  void set_volume(int /*percent*/) override {}
};

// Every say() is recorded when it is asked for, before synthesis (which may be missing here),
// and the session end's forget() wipes the record.
TEST(SpokenLog, SpeechServiceRecordsAndForgets) {
  SilentSink sink;
  SpeechService speech(sink);
  const auto mark = spoken_log().last_sequence();
  speech.say("Part-time, filter, selected", Language::En);
  speech.say("Tiempo parcial", Language::Es);
  speech.repeat();
  const auto said = spoken_log().since(mark);
  ASSERT_EQ(said.size(), 3u);
  EXPECT_EQ(said[0].text, "Part-time, filter, selected");
  EXPECT_EQ(said[1].language, Language::Es);
  EXPECT_EQ(said[2].text, "Tiempo parcial");
  speech.forget();
  speech.wait_idle();
  EXPECT_TRUE(spoken_log().since(0).empty());
}

}  // namespace
}  // namespace kiosk
