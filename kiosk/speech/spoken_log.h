// A record of what was handed to speech, for tests and the scenario runner (`expect-said`):
// each utterance's text, language and a sequence number, in memory only and bounded (the last
// kCapacity). Never logged, never written to disk, and wiped at the end of a session like
// everything else a resident did (SpeechService::forget()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/i18n/language.h"

namespace kiosk {

struct Utterance {
  std::uint64_t sequence = 0;  // 1, 2, 3… in the order said; never reused, even after a wipe
  std::string text;
  Language language = Language::En;
};

class SpokenLog {
 public:
  static constexpr std::size_t kCapacity = 200;

  SpokenLog() = default;
  ~SpokenLog();
  SpokenLog(const SpokenLog&) = delete;
  SpokenLog& operator=(const SpokenLog&) = delete;

  // Thread-safe. Returns the utterance's sequence number; the oldest is wiped beyond kCapacity.
  std::uint64_t record(const std::string& text, Language language);
  // The utterances kept with a sequence number above `after` (0: all), oldest first.
  std::vector<Utterance> since(std::uint64_t after) const;
  // The sequence number of the last utterance recorded (0 before any); survives wipe().
  std::uint64_t last_sequence() const;
  // Whether an utterance above `after` contains `text` (a substring, as `expect` matches).
  bool said_since(std::uint64_t after, const std::string& text) const;
  std::size_t size() const;
  // Overwrites every kept text and forgets them (the end of a session).
  void wipe();

 private:
  mutable std::mutex mutex_;
  std::deque<Utterance> entries_;
  std::uint64_t last_ = 0;
};

// The process's record, fed by every SpeechService::say().
SpokenLog& spoken_log();

}  // namespace kiosk
