// Fuzz target: the headphone-jack event parser (bytes read from an evdev device), fed the input
// whole and again cut into pieces at the places its first bytes choose.
#include <linux/input.h>

#include <cstdint>

#include "kiosk/access/jack_watch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kiosk::JackEventParser whole;
  const int all = whole.feed(data, size);
  if (all < 0 || static_cast<std::size_t>(all) > size / sizeof(input_event)) __builtin_trap();
  kiosk::JackEventParser pieces;
  int sum = 0;
  std::size_t pos = 0;
  for (std::size_t i = 0; pos < size; ++i) {
    const std::size_t step = 1 + (i < size ? data[i] % 50 : 24);
    const std::size_t n = step < size - pos ? step : size - pos;
    sum += pieces.feed(data + pos, n);
    pos += n;
  }
  if (sum != all) __builtin_trap();  // cutting the reads never changes what was seen
  return 0;
}
