#include "kiosk/speech/speech.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>

#include <unistd.h>

#include "ui/audio.h"

namespace kiosk {
namespace {

constexpr const char* kEnglish = "Find a job near you in Miami-Dade today.";
constexpr const char* kSpanish = "Encuentre un empleo cerca de usted en Miami-Dade hoy.";

double rms(const Pcm& pcm) {
  if (pcm.samples.empty()) return 0.0;
  double sum = 0.0;
  for (const std::int16_t s : pcm.samples) sum += static_cast<double>(s) * s;
  return std::sqrt(sum / static_cast<double>(pcm.samples.size()));
}

// espeak-ng (or its data) may be missing on a developer machine: skip, do not fail.
#define SKIP_WITHOUT_ESPEAK()                                       \
  do {                                                              \
    std::string why;                                                \
    if (!synthesize("ok", Language::En, &why)) GTEST_SKIP() << why; \
  } while (false)

void expect_plausible_speech(const Pcm& pcm) {
  EXPECT_GE(pcm.sample_rate, 8000);
  EXPECT_LE(pcm.sample_rate, 48000);
  EXPECT_GT(pcm.seconds(), 0.5);
  EXPECT_LT(pcm.seconds(), 10.0);
  EXPECT_GT(rms(pcm), 500.0);  // speech at full volume is ~3000; silence is 0
}

TEST(Speech, EnglishSentence) {
  SKIP_WITHOUT_ESPEAK();
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  const auto pcm = synthesize(kEnglish, Language::En, &error);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(pcm) << error;
  expect_plausible_speech(*pcm);
  EXPECT_EQ(voice_name(Language::En), "en-us");
  // Synthesis is far faster than speech; a slow machine under sanitizers still gets 2 s.
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST(Speech, SpanishSentence) {
  SKIP_WITHOUT_ESPEAK();
  std::string error;
  const auto pcm = synthesize(kSpanish, Language::Es, &error);
  ASSERT_TRUE(pcm) << error;
  expect_plausible_speech(*pcm);
  const std::string voice = voice_name(Language::Es);
  EXPECT_TRUE(voice == "es-419" || voice == "es") << voice;
}

TEST(Speech, PseudoSpeaksWithTheEnglishVoice) {
  SKIP_WITHOUT_ESPEAK();
  std::string error;
  const auto pcm = synthesize("[Fíñd á jöb]", Language::Pseudo, &error);
  ASSERT_TRUE(pcm) << error;
  EXPECT_GT(pcm->samples.size(), 0u);
  EXPECT_EQ(voice_name(Language::Pseudo), "en-us");
}

TEST(Speech, SpanishVoiceDiffersFromEnglish) {
  SKIP_WITHOUT_ESPEAK();
  std::string error;
  const auto en = synthesize(kSpanish, Language::En, &error);
  const auto es = synthesize(kSpanish, Language::Es, &error);
  ASSERT_TRUE(en && es) << error;
  EXPECT_NE(en->samples, es->samples);
  // Beyond espeak-ng's run-to-run jitter (a few samples): "nineteen ninety-eight" is much
  // shorter than "mil novecientos noventa y ocho".
  const auto en_year = synthesize("1998", Language::En, &error);
  const auto es_year = synthesize("1998", Language::Es, &error);
  ASSERT_TRUE(en_year && es_year) << error;
  EXPECT_GT(es_year->seconds(), 1.15 * en_year->seconds())
      << "en " << en_year->seconds() << " s, es " << es_year->seconds() << " s";
}

TEST(Speech, EmptyTextIsEmptySpeech) {
  std::string error;
  const auto pcm = synthesize("", Language::En, &error);
  ASSERT_TRUE(pcm);
  EXPECT_TRUE(pcm->samples.empty());
  EXPECT_EQ(pcm->seconds(), 0.0);
}

TEST(Speech, RateAndVolumeAreClamped) {
  SKIP_WITHOUT_ESPEAK();
  std::string error;
  const auto slow = synthesize(kEnglish, Language::En, &error, /*rate=*/1);       // as 80
  const auto fast = synthesize(kEnglish, Language::En, &error, /*rate=*/100000);  // as 450
  ASSERT_TRUE(slow && fast) << error;
  EXPECT_GT(slow->seconds(), 2.5 * fast->seconds());
  const auto silent = synthesize(kEnglish, Language::En, &error, 150, /*volume=*/-20);
  const auto loud = synthesize(kEnglish, Language::En, &error, 150, /*volume=*/500);
  ASSERT_TRUE(silent && loud) << error;
  EXPECT_LT(rms(*silent), 50.0);
  EXPECT_GT(rms(*loud), 500.0);
  EXPECT_LT(rms(*loud), 12000.0);  // 100, not 500: espeak-ng would clip at 200
}

TEST(Speech, MarkupIsReadNotInterpreted) {
  SKIP_WITHOUT_ESPEAK();
  std::string error;
  // With SSML on, <break time="5s"/> would add 5 s of silence.
  const auto pcm = synthesize("Hello <break time=\"5s\"/> there", Language::En, &error);
  ASSERT_TRUE(pcm) << error;
  EXPECT_GT(rms(*pcm), 500.0);
}

// -----------------------------------------------------------------------------------------------

std::uint32_t u32(const std::string& b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

std::uint16_t u16(const std::string& b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    static_cast<unsigned char>(b[at + 1]) << 8);
}

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("speech_test_" + std::to_string(::getpid()) + "_" + name);
}

TEST(Wav, RoundTrip) {
  Pcm pcm;
  pcm.sample_rate = 22050;
  pcm.samples = {0, 1, -1, 32767, -32768, 1234, -4321};
  const auto file = temp_file("round_trip.wav");
  std::string error;
  ASSERT_TRUE(write_wav(file, pcm, &error)) << error;
  std::ifstream in(file, std::ios::binary);
  const std::string b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(file);
  ASSERT_EQ(b.size(), 44 + 2 * pcm.samples.size());
  EXPECT_EQ(b.substr(0, 4), "RIFF");
  EXPECT_EQ(u32(b, 4), b.size() - 8);
  EXPECT_EQ(b.substr(8, 4), "WAVE");
  EXPECT_EQ(b.substr(12, 4), "fmt ");
  EXPECT_EQ(u32(b, 16), 16u);
  EXPECT_EQ(u16(b, 20), 1);  // PCM
  EXPECT_EQ(u16(b, 22), 1);  // mono
  EXPECT_EQ(u32(b, 24), 22050u);
  EXPECT_EQ(u32(b, 28), 44100u);
  EXPECT_EQ(u16(b, 32), 2);
  EXPECT_EQ(u16(b, 34), 16);
  EXPECT_EQ(b.substr(36, 4), "data");
  EXPECT_EQ(u32(b, 40), 2 * pcm.samples.size());
  for (std::size_t i = 0; i < pcm.samples.size(); ++i) {
    EXPECT_EQ(static_cast<std::int16_t>(u16(b, 44 + 2 * i)), pcm.samples[i]) << i;
  }
}

TEST(Wav, EmptySpeechIsAHeaderOnly) {
  const auto file = temp_file("empty.wav");
  std::string error;
  ASSERT_TRUE(write_wav(file, Pcm{}, &error)) << error;
  EXPECT_EQ(std::filesystem::file_size(file), 44u);
  std::filesystem::remove(file);
}

TEST(Wav, UnwritableFileIsExplained) {
  std::string error;
  const std::filesystem::path file = "/nonexistent-dir/speech.wav";
  EXPECT_FALSE(write_wav(file, Pcm{22050, {1, 2, 3}}, &error));
  EXPECT_NE(error.find("cannot write /nonexistent-dir/speech.wav"), std::string::npos) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos);
}

// -----------------------------------------------------------------------------------------------

class FakeSink final : public AudioSink {
 public:
  struct Event {
    enum Kind { Play, Stop, Volume } kind;
    std::size_t samples = 0;  // Play
    int volume = 0;           // Volume
  };

  void play(const Pcm& pcm) override { add({Event::Play, pcm.samples.size(), 0}); }
  void stop() override { add({Event::Stop, 0, 0}); }
  void set_volume(int percent) override { add({Event::Volume, 0, percent}); }

  std::vector<Event> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }
  std::vector<std::size_t> plays() const {
    std::vector<std::size_t> out;
    for (const auto& e : events()) {
      if (e.kind == Event::Play) out.push_back(e.samples);
    }
    return out;
  }
  void clear() {
    std::lock_guard lock(mutex_);
    events_.clear();
  }

 private:
  void add(Event e) {
    std::lock_guard lock(mutex_);
    events_.push_back(e);
  }
  mutable std::mutex mutex_;
  std::vector<Event> events_;
};

constexpr const char* kShort = "One.";
constexpr const char* kLong =
    "Apprenticeships in health care and construction start in March across Miami-Dade.";

TEST(SpeechService, NewerSpeechReplacesOlder) {
  SKIP_WITHOUT_ESPEAK();
  FakeSink sink;
  SpeechService speech(sink);
  speech.say(kShort, Language::En);
  speech.say(kLong, Language::En);
  speech.wait_idle();
  const auto events = sink.events();
  const auto plays = sink.plays();
  ASSERT_FALSE(plays.empty());
  EXPECT_LE(plays.size(), 2u);
  EXPECT_GT(static_cast<double>(plays.back()) / 22050.0, 2.0);  // the long sentence, not "One."
  // The last event is the long sentence's play, and a stop came before it.
  ASSERT_EQ(events.back().kind, FakeSink::Event::Play);
  bool stopped_before = false;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    stopped_before = stopped_before || events[i].kind == FakeSink::Event::Stop;
  }
  EXPECT_TRUE(stopped_before);
  // Only the last say() may have been played after the last stop: "One." never follows it.
  std::size_t last_stop = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].kind == FakeSink::Event::Stop) last_stop = i;
  }
  EXPECT_EQ(events.size() - last_stop, 2u);
}

TEST(SpeechService, RepeatSaysTheSameAgain) {
  SKIP_WITHOUT_ESPEAK();
  FakeSink sink;
  SpeechService speech(sink);
  speech.say(kSpanish, Language::Es);
  speech.wait_idle();
  speech.repeat();
  speech.wait_idle();
  const auto plays = sink.plays();
  ASSERT_EQ(plays.size(), 2u);
  // espeak-ng varies a few samples from one run to the next; the same speech is within 3 %.
  const double ratio = static_cast<double>(plays[1]) / static_cast<double>(plays[0]);
  EXPECT_NEAR(ratio, 1.0, 0.03);
}

TEST(SpeechService, StopSilencesAndForgets) {
  SKIP_WITHOUT_ESPEAK();
  FakeSink sink;
  SpeechService speech(sink);
  speech.say(kLong, Language::En);
  speech.stop();
  speech.wait_idle();
  // The worker may have played before stop() ran; nothing may play after it.
  const auto events = sink.events();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().kind, FakeSink::Event::Stop);
  const std::size_t plays = sink.plays().size();
  speech.repeat();  // the last text was forgotten: nothing to repeat
  speech.wait_idle();
  EXPECT_EQ(sink.plays().size(), plays);
  EXPECT_EQ(sink.events().size(), events.size());
}

TEST(SpeechService, VolumeGoesToTheSink) {
  FakeSink sink;
  SpeechService speech(sink);
  EXPECT_EQ(speech.volume(), 80);
  speech.set_volume(150);
  EXPECT_EQ(speech.volume(), 100);
  speech.set_volume(-5);
  EXPECT_EQ(speech.volume(), 0);
  speech.set_volume(35);
  std::vector<int> volumes;
  for (const auto& e : sink.events()) {
    if (e.kind == FakeSink::Event::Volume) volumes.push_back(e.volume);
  }
  EXPECT_EQ(volumes, (std::vector<int>{80, 100, 0, 35}));
}

TEST(SpeechService, EmptyTextPlaysNothing) {
  FakeSink sink;
  SpeechService speech(sink);
  speech.say("", Language::En);
  speech.wait_idle();
  EXPECT_TRUE(sink.plays().empty());
}

// The SDL sink on SDL's dummy driver (no sound card in CI).
TEST(SpeechSdlSink, PlaysAndStopsOnTheDummyDriver) {
  ::setenv("SDL_AUDIODRIVER", "dummy", /*overwrite=*/0);
  ui::SdlAudioSink sink;
  if (!sink.open()) GTEST_SKIP() << "no SDL audio device";
  sink.set_volume(50);
  Pcm pcm;
  pcm.sample_rate = 16000;  // not the device's rate: resampled
  pcm.samples.assign(16000, 1000);
  sink.play(pcm);
  sink.play(Pcm{22050, {}});
  sink.stop();
  sink.stop();
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// What espeak-ng is given, where the screen's way of writing is misread (checked with
// `espeak-ng -x`: "$12" is "dollar twelve", and in Spanish "·" is "punto", "/" is "barra").
TEST(Speakable, MoneyIsSaidAsAnAmountOfDollars) {
  EXPECT_EQ(speakable("$17 to $19 an hour", Language::En), "17 dollars to 19 dollars an hour");
  EXPECT_EQ(speakable("$16.50 por hora", Language::Es), "16 dólares con 50 por hora");
  EXPECT_EQ(speakable("$1,250.00 a year", Language::En), "1,250 dollars a year");
  EXPECT_EQ(speakable("$1 fee", Language::En), "1 dollar fee");
  EXPECT_EQ(speakable("cost: $", Language::En), "cost: $");
}

TEST(Speakable, TheMiddleDotIsAPauseAndAnEndingIsNotASlash) {
  EXPECT_EQ(speakable("Restaurante El Farolito \u00b7 Miami", Language::Es),
            "Restaurante El Farolito, Miami");
  EXPECT_EQ(speakable("Mesero/a. Cajero/as", Language::Es), "Mesero o a. Cajero o as");
  EXPECT_EQ(speakable("Mesero/a", Language::En), "Mesero or a");
  EXPECT_EQ(speakable("example.org/sample/jobs/job-0171", Language::En),
            "example.org/sample/jobs/job-0171");
  EXPECT_EQ(speakable("9/10 and 24/7", Language::En), "9/10 and 24/7");
}

}  // namespace
}  // namespace kiosk
