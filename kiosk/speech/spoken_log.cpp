#include "kiosk/speech/spoken_log.h"

#include <algorithm>

#include "kiosk/base/wipe.h"

namespace kiosk {

SpokenLog::~SpokenLog() {
  wipe();
}

std::uint64_t SpokenLog::record(const std::string& text, Language language) {
  std::lock_guard lock(mutex_);
  while (entries_.size() >= kCapacity) {
    kiosk::wipe(entries_.front().text);
    entries_.pop_front();
  }
  entries_.push_back(Utterance{++last_, text, language});
  return last_;
}

std::vector<Utterance> SpokenLog::since(std::uint64_t after) const {
  std::lock_guard lock(mutex_);
  std::vector<Utterance> out;
  for (const auto& u : entries_) {
    if (u.sequence > after) out.push_back(u);
  }
  return out;
}

std::uint64_t SpokenLog::last_sequence() const {
  std::lock_guard lock(mutex_);
  return last_;
}

bool SpokenLog::said_since(std::uint64_t after, const std::string& text) const {
  std::lock_guard lock(mutex_);
  return std::ranges::any_of(entries_, [&](const Utterance& u) {
    return u.sequence > after && u.text.find(text) != std::string::npos;
  });
}

std::size_t SpokenLog::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void SpokenLog::wipe() {
  std::lock_guard lock(mutex_);
  for (auto& u : entries_) kiosk::wipe(u.text);
  entries_.clear();
}

SpokenLog& spoken_log() {
  static SpokenLog log;  // NOLINT: one per process, thread-safe inside
  return log;
}

}  // namespace kiosk
