// Speech for residents who cannot read the screen: espeak-ng (English and Spanish voices)
// turns text into 16-bit mono PCM off the UI thread; an AudioSink (SDL audio in the UI) plays
// it. Speaking again interrupts what is being said. Nothing spoken is logged.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/language.h"

namespace kiosk {

struct Pcm {
  int sample_rate = 22050;
  std::vector<std::int16_t> samples;  // mono

  double seconds() const {
    return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
  }
};

// Synthesizes text in the language's voice. Blocking; thread-safe (one synthesis at a time in
// the process: espeak-ng is not reentrant). nullopt with *error when espeak-ng or the voice is
// missing. rate: words per minute (80..450); volume 0..100.
std::optional<Pcm> synthesize(const std::string& text, Language language, std::string* error,
                              int rate = 150, int volume = 100);

// The text as espeak-ng should read it, where the screen's way of writing would be misread:
// "$17 to $19.50" is said "17 dollars to 19 dollars 50" (espeak-ng says "dollar seventeen"), in
// Spanish "17 dólares"; the middle dot between an employer and a place is a pause, not "punto";
// "Mesero/a" is "Mesero o a" ("o" in Spanish and English alike, not "slash"). synthesize()
// applies it; the spoken record keeps the words as shown.
std::string speakable(std::string_view text, Language language);

// The espeak-ng voice synthesize() uses for the language: "en-us" (English and Pseudo), "es-419",
// or "es" once a synthesis found the Latin American voice missing.
std::string voice_name(Language language);

// Overwrites what espeak-ng keeps of the texts it read: its clause, word and phoneme buffers are
// static and reused without being cleared, so the last words spoken (a resident's search, read
// back) would stay in memory. A long neutral text goes through translation (no audio) in both
// voices. Does nothing when no synthesis ever ran.
void forget_spoken_text();

// A RIFF/WAVE file of the samples (PCM 16-bit mono).
bool write_wav(const std::filesystem::path& file, const Pcm& pcm, std::string* error);

// Where synthesized speech goes: the UI's SDL audio device, or a test's buffer.
class AudioSink {
 public:
  virtual ~AudioSink() = default;
  virtual void play(const Pcm& pcm) = 0;     // replaces whatever is playing
  virtual void stop() = 0;                   // silence now
  virtual void set_volume(int percent) = 0;  // 0..100
  // Silence, and overwrite whatever audio buffers the sink keeps for reuse (the end of a session).
  virtual void forget() { stop(); }
};

// Speaks on a worker thread: say() replaces anything queued and interrupts what is playing.
class SpeechService {
 public:
  explicit SpeechService(AudioSink& sink);
  ~SpeechService();
  SpeechService(const SpeechService&) = delete;
  SpeechService& operator=(const SpeechService&) = delete;

  void say(std::string text, Language language);
  void stop();    // silence, and forget anything queued
  void repeat();  // says the last text again
  // stop() and the sink's forget(), and on the worker forget_spoken_text(): the end of a session.
  void forget();
  void set_volume(int percent);
  int volume() const;
  // Words per minute for what is said from now on (clamped to kMinRate..kMaxRate).
  static constexpr int kDefaultRate = 150;
  static constexpr int kMinRate = 90;
  static constexpr int kMaxRate = 300;
  void set_rate(int words_per_minute);
  int rate() const;
  void wait_idle();  // tests: until the queued speech was synthesized and handed to the sink

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk
