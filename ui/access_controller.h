// What a resident sets for themselves during a visit: language, text size, contrast and
// read-aloud with its volume. Handles those intents, speaks what a first tap selected or where
// the resident arrived, and puts everything back to the defaults at the end of a session. The
// app keeps the loop and the wiring; this keeps the resident's settings.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/i18n/i18n.h"
#include "kiosk/input/registry.h"
#include "kiosk/session/access.h"
#include "kiosk/session/navigation.h"
#include "kiosk/speech/speech.h"
#include "ui/widgets.h"

namespace ui {

class Screen;

class AccessController {
 public:
  struct Hooks {
    std::function<void()> text_size_changed;  // fonts, style and every layout follow a new em
    std::function<void()> look_changed;       // contrast: the theme again, the whole picture
  };

  AccessController(kiosk::Translator& tr, kiosk::Language default_language, Hooks hooks);
  ~AccessController();
  AccessController(const AccessController&) = delete;
  AccessController& operator=(const AccessController&) = delete;

  // Speech voices into the platform's audio (or WAV files for tests, KIOSK_SPEECH_DIR).
  void start_speech();

  // Applies the intent when it is one of the resident's settings; false for any other intent.
  bool handle(const kiosk::Intent& intent);
  // The resident arrived somewhere new: with read-aloud on, say so after the next frame.
  void arrived();
  // After a frame: say what a first tap selected, or where the resident arrived.
  void speak_after_frame(const Screen& screen, const kiosk::WidgetRegistry& registry);
  // The end of a session: language, text size, contrast and speech back to the defaults, and
  // what the voices last read forgotten.
  void reset();

  // Speech mode (ui/speech_mode.h) speaks through the same voices. While it is on, it says
  // where the resident arrived itself (read-aloud's announcement would say it twice).
  void set_speech_mode(bool on) { speech_mode_ = on; }
  void say(std::string text);  // now, in the current language, interrupting
  void stop_speaking();
  void step_volume(int steps);  // ± kVolumeStep percentage points, within [kMinVolume, 100]
  void step_rate(int steps);    // ± kRateStep words per minute
  static constexpr int kVolumeStep = 15;
  static constexpr int kMinVolume = 25;
  static constexpr int kRateStep = 30;

  const kiosk::AccessSettings& settings() const { return access_; }
  SpeechFocus& speech_focus() { return speech_focus_; }

 private:
  void set(const kiosk::AccessSettings& next);

  kiosk::Translator& tr_;
  kiosk::Language default_language_;
  Hooks hooks_;
  kiosk::AccessSettings access_;
  SpeechFocus speech_focus_;
  bool announce_screen_ = false;
  bool speech_mode_ = false;
  std::unique_ptr<kiosk::AudioSink> audio_;
  std::unique_ptr<kiosk::SpeechService> speech_;  // after the sink: stopped before it
};

}  // namespace ui
