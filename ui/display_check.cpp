#include "ui/display_check.h"

#include <cstdlib>
#include <memory>
#include <string>

#include <SDL.h>
#include <SDL_opengl.h>

#include "ui/fonts.h"
#include "ui/platform.h"

namespace ui {
namespace {

using kiosk::fleet::CheckResult;
using kiosk::fleet::CheckStatus;

struct SdlVideo {
  SdlVideo() : ok(SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) {}
  ~SdlVideo() {
    if (ok) SDL_QuitSubSystem(SDL_INIT_VIDEO);
  }
  SdlVideo(const SdlVideo&) = delete;
  SdlVideo& operator=(const SdlVideo&) = delete;
  bool ok;
};
struct WindowCloser {
  void operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
};
struct RendererCloser {
  void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};
struct ContextCloser {
  void operator()(void* c) const { SDL_GL_DeleteContext(c); }
};

std::string gl_string(GLenum name) {
  const auto* text = reinterpret_cast<const char*>(glGetString(name));
  return text != nullptr ? text : "?";
}

}  // namespace

CheckResult check_display() {
  // NOLINTBEGIN(concurrency-mt-unsafe): the self-test runs on one thread
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  // NOLINTEND(concurrency-mt-unsafe)
  if ((x11 == nullptr || *x11 == '\0') && (wayland == nullptr || *wayland == '\0')) {
    return {"display", CheckStatus::Skipped,
            "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"};
  }
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  const SdlVideo video;
  if (!video.ok) {
    return {"display", CheckStatus::Failed,
            std::string("cannot start SDL video: ") + SDL_GetError()};
  }
  // What the kiosk itself would draw with (ui/platform.h).
  const char* requested = std::getenv("KIOSK_RENDERER");  // NOLINT(concurrency-mt-unsafe)
  const std::string driver = SDL_GetCurrentVideoDriver();
  const bool software = software_renderer_for(driver.c_str(), requested);
  if (!software) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  }
  const std::unique_ptr<SDL_Window, WindowCloser> window(SDL_CreateWindow(
      "workforce-kiosk self-test", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 64, 64,
      (software ? 0 : SDL_WINDOW_OPENGL) | SDL_WINDOW_HIDDEN));
  if (!window) {
    return {"display", CheckStatus::Failed, std::string("cannot open a window: ") + SDL_GetError()};
  }
  SDL_DisplayMode mode;
  std::string size;
  if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
    size = std::to_string(mode.w) + "x" + std::to_string(mode.h) + ", ";
  }
  if (software) {
    if (driver == "x11") SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    const std::unique_ptr<SDL_Renderer, RendererCloser> renderer(
        SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!renderer) {
      return {"display", CheckStatus::Failed,
              std::string("cannot start the software renderer: ") + SDL_GetError()};
    }
    return {"display", CheckStatus::Ok, driver + ", " + size + "software renderer"};
  }
  const std::unique_ptr<void, ContextCloser> context(SDL_GL_CreateContext(window.get()));
  if (!context) {
    return {"display", CheckStatus::Failed,
            std::string("cannot create an OpenGL 3 context: ") + SDL_GetError()};
  }
  return {"display", CheckStatus::Ok,
          driver + ", " + size + "OpenGL " + gl_string(GL_VERSION) + ", renderer " +
              gl_string(GL_RENDERER)};
}

CheckResult check_fonts() {
  const std::string family = find_font_family();
  if (family == "Noto Sans") {
    return {"fonts", CheckStatus::Ok, "Noto Sans regular and bold found"};
  }
  if (!family.empty()) {
    return {"fonts", CheckStatus::Failed,
            "Noto Sans is missing (install fonts-noto-core); the kiosk falls back to " + family};
  }
  return {"fonts", CheckStatus::Failed,
          "no usable font: install fonts-noto-core (or fonts-dejavu-core)"};
}

std::vector<CheckResult> self_test_checks() {
  return {check_display(), check_fonts()};
}

}  // namespace ui
