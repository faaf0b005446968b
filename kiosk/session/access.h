// What a resident chose to make the kiosk easier to use; back to the defaults at the end of
// every session.
#pragma once

namespace kiosk {

struct AccessSettings {
  int text_step = 0;           // 0, 1, 2: normal, large, largest (access.text_size)
  bool high_contrast = false;  // access.contrast
  bool speech = false;         // access.speech
  int volume = 80;             // percent, for speech

  bool operator==(const AccessSettings&) const = default;
};

}  // namespace kiosk
