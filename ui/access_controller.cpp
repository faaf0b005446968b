#include "ui/access_controller.h"

#include <algorithm>
#include <cstdlib>

#include "kiosk/base/log.h"
#include "kiosk/base/wipe.h"
#include "ui/audio.h"
#include "ui/screens/screen.h"

namespace ui {

using namespace kiosk::literals;

AccessController::AccessController(kiosk::Translator& tr, kiosk::Language default_language,
                                   Hooks hooks)
    : tr_(tr), default_language_(default_language), hooks_(std::move(hooks)) {}

AccessController::~AccessController() = default;

void AccessController::start_speech() {
  // KIOSK_SPEECH_DIR (tests): what would be said is written as WAV files instead of played.
  // NOLINTNEXTLINE(concurrency-mt-unsafe): before any thread that could set the environment
  if (const char* dir = std::getenv("KIOSK_SPEECH_DIR"); dir != nullptr && *dir != 0) {
    audio_ = std::make_unique<WavDirSink>(dir);
  } else {
    audio_ = std::make_unique<SdlAudioSink>();
  }
  speech_ = std::make_unique<kiosk::SpeechService>(*audio_);
}

bool AccessController::handle(const kiosk::Intent& intent) {
  using Kind = kiosk::Intent::Kind;
  kiosk::AccessSettings next = access_;
  switch (intent.kind) {
    case Kind::SpeechRepeat:
      if (speech_) speech_->repeat();
      return true;
    case Kind::SpeechStop:
      if (speech_) speech_->stop();
      return true;
    case Kind::SpeechVolume:
      next.volume = next.volume >= 100 ? 40 : next.volume >= 70 ? 100 : 70;
      set(next);
      return true;
    case Kind::TextSize:
      next.text_step = (next.text_step + 1) % 3;
      set(next);
      return true;
    case Kind::Contrast:
      next.high_contrast = !next.high_contrast;
      set(next);
      return true;
    case Kind::Speech:
      next.speech = !next.speech;
      set(next);
      return true;
    case Kind::ToggleLanguage:
      // The same screen re-renders in place: nothing the resident entered is touched.
      tr_.set_language(tr_.language() == kiosk::Language::Es ? kiosk::Language::En
                                                             : kiosk::Language::Es);
      kiosk::log::info(std::string("language ") +
                       std::string(kiosk::language_code(tr_.language())));
      return true;
    case Kind::Open:
    case Kind::Replace:
    case Kind::Back:
    case Kind::Home:
    case Kind::StartSession:
    case Kind::EndSession:
    case Kind::MoreTime:
    case Kind::StaffEnter:
    case Kind::StaffLeave:
    case Kind::ExitKiosk:
      break;
  }
  return false;
}

void AccessController::set(const kiosk::AccessSettings& next) {
  if (next == access_) return;
  const bool size_changed = next.text_step != access_.text_step;
  const bool speech_changed = next.speech != access_.speech;
  access_ = next;
  speech_focus_.on = access_.speech;
  speech_focus_.selected.clear();
  if (speech_) {
    speech_->set_volume(access_.volume);
    if (speech_changed && access_.speech) {
      speech_->say(tr_.text("speech.on"_msg), tr_.language());
    } else if (speech_changed) {
      speech_->stop();
    }
  }
  if (size_changed) {
    hooks_.text_size_changed();
  } else {
    hooks_.look_changed();
  }
  kiosk::log::info("access: text size " + std::to_string(access_.text_step) + ", contrast " +
                   (access_.high_contrast ? "high" : "normal") + ", speech " +
                   (access_.speech ? "on" : "off"));
}

void AccessController::arrived() {
  speech_focus_.selected.clear();
  announce_screen_ = access_.speech;
}

void AccessController::speak_after_frame(const Screen& screen,
                                         const kiosk::WidgetRegistry& registry) {
  if (!access_.speech || !speech_) {
    kiosk::wipe(speech_focus_.to_say);
    announce_screen_ = false;
    return;
  }
  if (!speech_focus_.to_say.empty()) {
    speech_->say(speech_focus_.to_say, tr_.language());
    kiosk::wipe(speech_focus_.to_say);
  } else if (announce_screen_ && !speech_mode_) {
    // Where the resident arrived: the screen's title and purpose (and a listing's title).
    std::string said = tr_.text(screen.info().speech_intro);
    if (screen.info().announces_heading) {
      for (const auto& w : registry.widgets()) {
        if (w.role == kiosk::Role::Heading && !w.id.starts_with("header.")) {
          said += " " + w.text;
          break;
        }
      }
    }
    speech_->say(said, tr_.language());
  }
  announce_screen_ = false;
}

void AccessController::say(std::string text) {
  if (speech_ && !text.empty()) speech_->say(std::move(text), tr_.language());
}

void AccessController::stop_speaking() {
  if (speech_) speech_->stop();
}

void AccessController::step_volume(int steps) {
  kiosk::AccessSettings next = access_;
  next.volume = std::clamp(next.volume + steps * kVolumeStep, kMinVolume, 100);
  set(next);
}

void AccessController::step_rate(int steps) {
  if (speech_) speech_->set_rate(speech_->rate() + steps * kRateStep);
}

void AccessController::reset() {
  tr_.set_language(default_language_);
  set(kiosk::AccessSettings{});
  if (speech_) {
    // The volume resets for the next resident (ADA 707.8) even when a key changed it on the
    // service alone, which set() would not notice; forget() also wipes the spoken record.
    speech_->set_volume(access_.volume);
    speech_->set_rate(kiosk::SpeechService::kDefaultRate);
    speech_->forget();  // espeak-ng's own buffers still hold what it last read
  }
}

}  // namespace ui
