#include "ui/audio.h"

#include <cstdio>

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/base/log.h"

namespace ui {
namespace {

// Linear interpolation: speech is band-limited well below either rate, so this is enough.
std::vector<std::int16_t> resample(const std::vector<std::int16_t>& in, int from, int to) {
  if (in.empty() || from == to) return in;
  const auto out_size =
      static_cast<std::size_t>(std::lround(static_cast<double>(in.size()) * to / from));
  std::vector<std::int16_t> out(out_size);
  const double step = static_cast<double>(from) / to;
  for (std::size_t i = 0; i < out_size; ++i) {
    const double pos = static_cast<double>(i) * step;
    const auto left = std::min(static_cast<std::size_t>(pos), in.size() - 1);
    const auto right = std::min(left + 1, in.size() - 1);
    const double frac = pos - static_cast<double>(left);
    out[i] = static_cast<std::int16_t>(in[left] + (in[right] - in[left]) * frac);
  }
  return out;
}

}  // namespace

struct SdlAudioSink::Impl {
  std::mutex mutex;  // play() and stop() come from the speech worker and the UI thread
  bool subsystem = false;
  SDL_AudioDeviceID device = 0;
  int freq = 0;
  int volume = 80;
};

SdlAudioSink::SdlAudioSink() : impl_(std::make_unique<Impl>()) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    kiosk::log::warn(std::string("audio: no audio driver, speech stays silent: ") + SDL_GetError());
    return;
  }
  impl_->subsystem = true;
  SDL_AudioSpec want{};
  want.freq = 22050;  // espeak-ng's rate: no conversion in the common case
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 1024;
  want.callback = nullptr;  // queued audio: SDL_QueueAudio from any thread
  SDL_AudioSpec have{};
  // allowed_changes 0: SDL converts from `want` to whatever the hardware takes, so queued data
  // is always 22050 Hz S16 mono.
  impl_->device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (impl_->device == 0) {
    kiosk::log::warn(std::string("audio: no output device, speech stays silent: ") +
                     SDL_GetError());
    return;
  }
  impl_->freq = have.freq;
  SDL_PauseAudioDevice(impl_->device, 0);
  kiosk::log::info(std::string("audio: ") + SDL_GetCurrentAudioDriver() + " output at " +
                   std::to_string(have.freq) + " Hz");
}

SdlAudioSink::~SdlAudioSink() {
  if (impl_->device != 0) SDL_CloseAudioDevice(impl_->device);
  if (impl_->subsystem) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudioSink::play(const kiosk::Pcm& pcm) {
  std::lock_guard lock(impl_->mutex);
  if (impl_->device == 0 || pcm.sample_rate <= 0) return;
  std::vector<std::int16_t> samples = resample(pcm.samples, pcm.sample_rate, impl_->freq);
  if (impl_->volume != 100) {
    for (auto& s : samples) s = static_cast<std::int16_t>(s * impl_->volume / 100);
  }
  SDL_ClearQueuedAudio(impl_->device);
  if (samples.empty()) return;
  if (SDL_QueueAudio(impl_->device, samples.data(),
                     static_cast<Uint32>(samples.size() * sizeof(std::int16_t))) != 0) {
    kiosk::log::warn(std::string("audio: cannot queue speech: ") + SDL_GetError());
  }
}

void SdlAudioSink::stop() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->device != 0) SDL_ClearQueuedAudio(impl_->device);
}

void SdlAudioSink::forget() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->device == 0) return;
  SDL_ClearQueuedAudio(impl_->device);
  // SDL keeps two 8 KB packets after a clear; a second of 16-bit mono is several times that.
  const std::vector<std::int16_t> silence(static_cast<std::size_t>(impl_->freq), 0);
  if (SDL_QueueAudio(impl_->device, silence.data(),
                     static_cast<Uint32>(silence.size() * sizeof(std::int16_t))) != 0) {
    kiosk::log::warn(std::string("audio: cannot queue silence: ") + SDL_GetError());
  }
}

void SdlAudioSink::set_volume(int percent) {
  std::lock_guard lock(impl_->mutex);
  impl_->volume = std::clamp(percent, 0, 100);
}

bool SdlAudioSink::open() const {
  return impl_->device != 0;
}

void WavDirSink::play(const kiosk::Pcm& pcm) {
  char name[16];
  std::snprintf(name, sizeof name, "%03d.wav", ++count_);
  std::string error;
  if (!kiosk::write_wav(dir_ / name, pcm, &error)) kiosk::log::warn(error);
}

}  // namespace ui
