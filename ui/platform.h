// The platform behind a small door (Tracy's Backend.hpp): SDL2 window, the renderer (SDL's
// software renderer or an OpenGL 3 context), Dear ImGui lifecycle, input, present and
// screenshots. Nothing outside ui/app.cpp sees SDL or GL.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/access/keypad.h"
#include "ui/damage.h"

namespace ui {

struct PlatformOptions {
  std::optional<std::pair<int, int>> windowed;  // nullopt: full screen on the primary display
  std::string title = "Workforce Kiosk";
};

struct PumpResult {
  bool input = false;           // a touch, click or key arrived
  bool press = false;           // a finger, button or key went down (not only a pointer moving)
  bool resized = false;         // the drawable size changed
  bool woke = false;            // a background thread asked for attention
  bool quit_requested = false;  // window close, Ctrl+Q (windowed), or a termination signal
  bool signal = false;          // quit_requested came from SIGTERM/SIGINT/SIGHUP
  // Headphones were plugged in: an audio output device added after start-up, or the sound
  // card's headphone jack switching on (kiosk/access/jack_watch.h). Speech mode starts here.
  bool headphones = false;
  // The logical keys (kiosk/access/keypad.h) of the keypad keys pressed, in order.
  std::vector<kiosk::KeypadKey> keys;
};

// How the kiosk draws. On X11 (Xvfb, and the X servers of cheap machines) SDL's software
// renderer draws into the window's shared-memory pixels: no OpenGL, so neither Mesa nor LLVM is
// loaded (on llvmpipe about 0.15 s of start-up and 30 MB of memory), and only what changed is
// drawn and sent. Elsewhere (Wayland under cage) OpenGL 3, which SDL would need there to show a
// software surface anyway. `requested` is KIOSK_RENDERER: "software" or "opengl" choose (for
// comparisons), anything else leaves the choice to the video driver.
bool software_renderer_for(const char* video_driver, const char* requested);

class Platform {
 public:
  // Call first thing, before any worker thread exists. Blocks the termination signals in the
  // calling thread, so every thread started after it inherits the mask and only the platform's
  // signal thread receives them; and keeps SDL from starting a D-Bus session bus where there is
  // none (the environment is set while no other thread can read it).
  static void before_threads();

  static std::unique_ptr<Platform> create(const PlatformOptions& options, std::string* error);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  // Waits for events (nullopt: until one arrives, 0: not at all) and processes what came.
  PumpResult pump(std::optional<std::chrono::milliseconds> timeout);

  // Feeds ImGui the display size, delta time and at most one pointer transition; starts a frame.
  void new_frame(float delta_seconds);
  bool input_pending() const;  // queued pointer events wait for the next frames

  // Uploads the font atlas again after fonts were rebuilt (a new em size).
  void reload_font_texture();

  // Renders ImGui's draw data into the back buffer and shows it. With partial updates (the
  // software renderer, or software GL on X11 with GLX_MESA_copy_sub_buffer) only the damaged
  // rectangle is drawn and copied to the screen; the back buffer (the window's surface, for the
  // software renderer) always holds the whole current picture.
  void render(const Damage& damage);
  void present(const Damage& damage);
  bool partial_updates() const;
  // Writes the back buffer (after render(), before present()) as a PNG.
  bool write_png(const std::filesystem::path& file, std::string* error);

  // Synthetic touches for automation, through the same SDL event path a real finger takes.
  void push_touch_down(float x, float y);
  void push_touch_move(float x, float y);
  void push_touch_up(float x, float y);

  // Thread-safe: wakes pump() from another thread.
  void wake();

  // Automation, through the same SDL event path as the real devices: a key by SDL's name
  // ("Keypad 2"), pressed or released (false when SDL knows no such key); an audio output
  // device added, as plugging in USB headphones looks.
  bool push_key(const std::string& sdl_name, bool down);
  void push_audio_output_added();
  // Thread-safe: headphones went into the jack; the next pump() reports PumpResult::headphones.
  void post_headphones();
  // What pump() has seen so far: the last keypad key's logical name, keypad keys pressed, and
  // headphone plugs.
  std::string_view last_keypad_key() const;
  int keypad_presses() const;
  int headphones_plugged() const;

  int width() const;
  int height() const;
  bool fullscreen() const;

 private:
  struct Impl;
  explicit Platform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ui
