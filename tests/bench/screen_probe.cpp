// Measures programs on an X display from outside, the same way for any program (the kiosk or a
// browser): it watches the root window's pixels and sends input through XTest. Used by
// tests/bench/browser_compare.sh (`packaging/dev.sh bench --compare-browser`).
//
//   screen_probe start SECONDS -- COMMAND [ARGS...]
//       Samples the screen, starts COMMAND (its output goes to /dev/null unless PROBE_LOG names a
//       file), watches for SECONDS, then prints `pid=N first_change_ms=A picture_ms=B` and exits,
//       leaving COMMAND running. picture_ms is when the screen first matched, to 99.5 % of the
//       samples, the picture it showed at the end: the first screen drawn whole, not a blank
//       window or a half-laid-out page.
//   screen_probe key KEYSYM [X,Y,W,H]
//   screen_probe click X Y [X,Y,W,H]
//       Sends one key (or a left click) and prints `changed_ms=A settled_ms=B`: when the region
//       (default the whole screen) first changed and when it last changed before staying still for
//       600 ms (at most 5 s).
//   screen_probe scroll SECONDS X Y wheel|drag
//       Scrolls at (X, Y) for SECONDS, with the wheel (a notch every 16 ms, 40 down then 40 up)
//       or with left-button drags (500 px in 300 ms, then a pause of 200 ms, alternating down
//       and up), and prints `updates=N` (how many times the sampled screen changed).
//   screen_probe shot FILE.png
//       The whole screen as a picture (to see what a run saw).
//   screen_probe match FILE.png
//       Compares the screen with a picture of the same size (the kiosk's own screenshot) and
//       prints `differing=N pixels=M`: what the X server shows against what the kiosk drew
//       (tests/e2e/screen_matches.sh).
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <fcntl.h>
#include <stb_image.h>
#include <stb_image_write.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Region {
  int x = 0, y = 0, w = 0, h = 0;
};

// A grid of sample points over a region: one XGetImage per sampled row (every 24 px), a point
// every 6 px along it.
class Sampler {
 public:
  Sampler(Display* d, Region r) : d_(d), r_(r) {
    Window root = DefaultRootWindow(d_);
    XWindowAttributes a{};
    XGetWindowAttributes(d_, root, &a);
    if (r_.w == 0) r_ = {0, 0, a.width, a.height};
  }

  std::vector<std::uint32_t> grab() const {
    std::vector<std::uint32_t> out;
    Window root = DefaultRootWindow(d_);
    for (int y = r_.y + 12; y < r_.y + r_.h; y += 24) {
      XImage* img =
          XGetImage(d_, root, r_.x, y, static_cast<unsigned>(r_.w), 1, AllPlanes, ZPixmap);
      if (img == nullptr) continue;
      for (int x = 3; x < r_.w; x += 6)
        out.push_back(static_cast<std::uint32_t>(XGetPixel(img, x, 0)));
      XDestroyImage(img);
    }
    return out;
  }

 private:
  Display* d_;
  Region r_;
};

double same_fraction(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(same) / static_cast<double>(a.size());
}

Region parse_region(const char* s) {
  Region r;
  if (s != nullptr && std::sscanf(s, "%d,%d,%d,%d", &r.x, &r.y, &r.w, &r.h) != 4) r = {};
  return r;
}

int start(Display* d, double seconds, char** argv) {
  Sampler sampler(d, {});
  std::vector<std::uint32_t> before = sampler.grab();
  Clock::time_point t0 = Clock::now();
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    const char* log = std::getenv("PROBE_LOG");
    int fd = open(log != nullptr ? log : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    setpgid(0, 0);
    execvp(argv[0], argv);
    _exit(127);
  }
  std::vector<std::pair<double, std::vector<std::uint32_t>>> seen;
  while (ms_since(t0) < seconds * 1000) {
    double t = ms_since(t0);
    std::vector<std::uint32_t> now = sampler.grab();
    if (seen.empty() || seen.back().second != now) seen.emplace_back(t, std::move(now));
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  double first_change = -1;
  double picture = -1;
  for (const auto& [t, s] : seen) {
    if (first_change < 0 && same_fraction(s, before) < 0.99) first_change = t;
    if (picture < 0 && same_fraction(s, seen.back().second) >= 0.995) picture = t;
  }
  std::printf("pid=%d first_change_ms=%.0f picture_ms=%.0f\n", static_cast<int>(pid), first_change,
              picture);
  return 0;
}

// Polls the region after an input until it has been still for 600 ms (or 5 s passed).
void watch_after(const Sampler& sampler, std::vector<std::uint32_t> before, Clock::time_point t0) {
  double changed = -1;
  double last = -1;
  while (ms_since(t0) < 5000) {
    std::vector<std::uint32_t> now = sampler.grab();
    double t = ms_since(t0);
    if (now != before) {
      if (changed < 0) changed = t;
      last = t;
      before = std::move(now);
    } else if (changed >= 0 && t - last > 600) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::printf("changed_ms=%.1f settled_ms=%.1f\n", changed, last);
}

int key(Display* d, const char* keysym, Region r) {
  KeyCode code = XKeysymToKeycode(d, XStringToKeysym(keysym));
  if (code == 0) return 2;
  Sampler sampler(d, r);
  std::vector<std::uint32_t> before = sampler.grab();
  Clock::time_point t0 = Clock::now();
  XTestFakeKeyEvent(d, code, True, CurrentTime);
  XTestFakeKeyEvent(d, code, False, CurrentTime);
  XFlush(d);
  watch_after(sampler, std::move(before), t0);
  return 0;
}

int click(Display* d, int x, int y, Region r) {
  Sampler sampler(d, r);
  XTestFakeMotionEvent(d, -1, x, y, CurrentTime);
  XFlush(d);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::vector<std::uint32_t> before = sampler.grab();
  Clock::time_point t0 = Clock::now();
  XTestFakeButtonEvent(d, 1, True, CurrentTime);
  XFlush(d);
  // Held a little, as a finger is (and as ImGui needs at least a frame to see the press).
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  XTestFakeButtonEvent(d, 1, False, CurrentTime);
  XFlush(d);
  watch_after(sampler, std::move(before), t0);
  return 0;
}

int scroll(Display* d, double seconds, int x, int y, bool wheel) {
  Sampler sampler(d, {});
  std::vector<std::uint32_t> last = sampler.grab();
  int updates = 0;
  std::thread watcher;
  std::atomic<bool> done = false;
  Display* d2 = XOpenDisplay(nullptr);  // Xlib is not shared between threads here
  if (d2 == nullptr) return 1;
  Sampler sampler2(d2, {});
  watcher = std::thread([&] {
    while (!done) {
      std::vector<std::uint32_t> now = sampler2.grab();
      if (now != last) {
        ++updates;
        last = std::move(now);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  Clock::time_point t0 = Clock::now();
  XTestFakeMotionEvent(d, -1, x, y, CurrentTime);
  XFlush(d);
  int n = 0;
  while (ms_since(t0) < seconds * 1000) {
    bool down = (n / 40) % 2 == 0;
    if (wheel) {
      unsigned button = down ? 5 : 4;
      XTestFakeButtonEvent(d, button, True, CurrentTime);
      XTestFakeButtonEvent(d, button, False, CurrentTime);
      XFlush(d);
      std::this_thread::sleep_for(std::chrono::milliseconds(16));
      ++n;
    } else {
      int dy = down ? -500 : 500;
      XTestFakeMotionEvent(d, -1, x, y, CurrentTime);
      XTestFakeButtonEvent(d, 1, True, CurrentTime);
      XFlush(d);
      for (int i = 1; i <= 18; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(16));
        XTestFakeMotionEvent(d, -1, x, y + dy * i / 18, CurrentTime);
        XFlush(d);
      }
      XTestFakeButtonEvent(d, 1, False, CurrentTime);
      XFlush(d);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      n += 40;
    }
  }
  done = true;
  watcher.join();
  XCloseDisplay(d2);
  std::printf("updates=%d\n", updates);
  return 0;
}

// The whole screen as RGB bytes; false when it cannot be read.
bool screen_rgb(Display* d, int* width, int* height, std::vector<unsigned char>* rgb) {
  Window root = DefaultRootWindow(d);
  XWindowAttributes a{};
  XGetWindowAttributes(d, root, &a);
  XImage* img = XGetImage(d, root, 0, 0, static_cast<unsigned>(a.width),
                          static_cast<unsigned>(a.height), AllPlanes, ZPixmap);
  if (img == nullptr) return false;
  rgb->assign(static_cast<std::size_t>(a.width) * a.height * 3, 0);
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      const unsigned long p = XGetPixel(img, x, y);
      unsigned char* o = &(*rgb)[(static_cast<std::size_t>(y) * a.width + x) * 3];
      o[0] = static_cast<unsigned char>((p >> 16) & 0xff);
      o[1] = static_cast<unsigned char>((p >> 8) & 0xff);
      o[2] = static_cast<unsigned char>(p & 0xff);
    }
  }
  XDestroyImage(img);
  *width = a.width;
  *height = a.height;
  return true;
}

int shot(Display* d, const char* file) {
  int w = 0, h = 0;
  std::vector<unsigned char> rgb;
  if (!screen_rgb(d, &w, &h, &rgb)) return 1;
  return stbi_write_png(file, w, h, 3, rgb.data(), w * 3) != 0 ? 0 : 1;
}

int match(Display* d, const char* file) {
  int w = 0, h = 0;
  std::vector<unsigned char> rgb;
  if (!screen_rgb(d, &w, &h, &rgb)) return 1;
  int pw = 0, ph = 0, channels = 0;
  unsigned char* picture = stbi_load(file, &pw, &ph, &channels, 3);
  if (picture == nullptr) {
    std::fprintf(stderr, "screen_probe: cannot read %s\n", file);
    return 1;
  }
  long differing = -1;
  if (pw == w && ph == h) {
    differing = 0;
    for (std::size_t i = 0; i < rgb.size(); i += 3) {
      if (std::memcmp(&rgb[i], picture + i, 3) != 0) ++differing;
    }
  } else {
    std::fprintf(stderr, "screen_probe: the screen is %dx%d, the picture %dx%d\n", w, h, pw, ph);
  }
  stbi_image_free(picture);
  std::printf("differing=%ld pixels=%ld\n", differing, static_cast<long>(w) * h);
  return differing < 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: see the comment at the top of tests/bench/screen_probe.cpp\n");
    return 2;
  }
  Display* d = XOpenDisplay(nullptr);
  if (d == nullptr) {
    std::fprintf(stderr, "screen_probe: cannot open the display\n");
    return 1;
  }
  int event_base = 0, error_base = 0, major = 0, minor = 0;
  if (XTestQueryExtension(d, &event_base, &error_base, &major, &minor) == 0) {
    std::fprintf(stderr, "screen_probe: the display has no XTEST extension\n");
    return 1;
  }
  std::string cmd = argv[1];
  int rc = 2;
  if (cmd == "start" && argc >= 5 && std::strcmp(argv[3], "--") == 0) {
    rc = start(d, std::atof(argv[2]), argv + 4);
  } else if (cmd == "key" && argc >= 3) {
    rc = key(d, argv[2], parse_region(argc > 3 ? argv[3] : nullptr));
  } else if (cmd == "click" && argc >= 4) {
    rc = click(d, std::atoi(argv[2]), std::atoi(argv[3]),
               parse_region(argc > 4 ? argv[4] : nullptr));
  } else if (cmd == "scroll" && argc >= 6) {
    rc = scroll(d, std::atof(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]),
                std::strcmp(argv[5], "wheel") == 0);
  } else if (cmd == "shot" && argc >= 3) {
    rc = shot(d, argv[2]);
  } else if (cmd == "match" && argc >= 3) {
    rc = match(d, argv[2]);
  } else {
    std::fprintf(stderr, "screen_probe: unknown command or missing arguments\n");
  }
  XCloseDisplay(d);
  return rc;
}
