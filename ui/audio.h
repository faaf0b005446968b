// The SDL audio device speech plays on. Opened once; play() replaces what is queued.
#pragma once

#include <filesystem>
#include <memory>

#include "kiosk/speech/speech.h"

namespace ui {

class SdlAudioSink final : public kiosk::AudioSink {
 public:
  // Opens the default output device (SDL's dummy driver in tests). Never throws: without a
  // device, play() does nothing and the kiosk says so once in the log.
  SdlAudioSink();
  ~SdlAudioSink() override;
  SdlAudioSink(const SdlAudioSink&) = delete;
  SdlAudioSink& operator=(const SdlAudioSink&) = delete;

  void play(const kiosk::Pcm& pcm) override;
  void stop() override;
  void set_volume(int percent) override;
  // Plays a second of silence through the queue: the packets SDL keeps for reuse, and its
  // conversion buffers, hold zeros instead of the last words spoken.
  void forget() override;
  bool open() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes each utterance to DIR/001.wav, DIR/002.wav, … instead of playing it: the e2e tests
// check what was said, and when, without a sound card (KIOSK_SPEECH_DIR).
class WavDirSink final : public kiosk::AudioSink {
 public:
  explicit WavDirSink(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void play(const kiosk::Pcm& pcm) override;
  void stop() override {}
  void set_volume(int /*percent*/) override {}

 private:
  std::filesystem::path dir_;
  int count_ = 0;
};

}  // namespace ui
