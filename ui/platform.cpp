#include "ui/platform.h"

#include <pthread.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include <SDL.h>
#include <SDL_opengl.h>
#include <SDL_syswm.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include "kiosk/access/jack_watch.h"
#include "kiosk/access/keypad.h"
#include "kiosk/base/log.h"
#include "kiosk/base/scrub.h"
#include "ui/input.h"

namespace ui {
namespace {

// A synthetic touch device id for automation, distinct from any real one.
constexpr SDL_TouchID kAutomationTouch = 0x4B494F53;  // "KIOS"

struct SdlLibrary {
  bool ok = false;
  SdlLibrary() {
    // SDL's freed memory (queued audio of speech among it) is zeroed like the rest of the heap.
    SDL_SetMemoryFunctions([](std::size_t n) { return std::malloc(n); },
                           [](std::size_t n, std::size_t size) { return std::calloc(n, size); },
                           kiosk::scrub::realloc_block, kiosk::scrub::free_block);
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");  // our own signal thread handles them
    SDL_SetHint(SDL_HINT_MOUSE_AUTO_CAPTURE, "0");  // capture breaks touch (imgui #8150)
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");  // a mouse is not a finger
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    // Kiosk mode grabs the keyboard, so Alt+Tab, Super and the like reach the kiosk (which
    // ignores them) rather than a window manager.
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    ok = SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0;
  }
  ~SdlLibrary() { SDL_Quit(); }
  SdlLibrary(const SdlLibrary&) = delete;
  SdlLibrary& operator=(const SdlLibrary&) = delete;
};

struct WindowDeleter {
  void operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<SDL_Window, WindowDeleter>;
struct RendererDeleter {
  void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};
using RendererPtr = std::unique_ptr<SDL_Renderer, RendererDeleter>;
struct TextureDeleter {
  void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};
using TexturePtr = std::unique_ptr<SDL_Texture, TextureDeleter>;

// The font atlas for SDL's software renderer, which blends from 32-bit pixels, written straight
// into the texture's own pixels (no second copy): fill(y, row) writes row y's `w` pixels.
template <typename Fill>
TexturePtr atlas_texture(SDL_Renderer* renderer, int w, int h, Fill fill) {
  TexturePtr texture(
      SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, w, h));
  void* out = nullptr;
  int pitch = 0;
  if (!texture || SDL_LockTexture(texture.get(), nullptr, &out, &pitch) != 0) return nullptr;
  for (int y = 0; y < h; ++y) {
    fill(y, reinterpret_cast<Uint32*>(static_cast<unsigned char*>(out) +
                                      static_cast<std::ptrdiff_t>(y) * pitch));
  }
  SDL_UnlockTexture(texture.get());
  SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
  SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeNearest);
  return texture;
}

// The glyphs' coverage as white with that alpha: the picture the GL path gets from its swizzle.
TexturePtr white_glyphs(SDL_Renderer* renderer, const unsigned char* alpha, int w, int h) {
  return atlas_texture(renderer, w, h, [&](int y, Uint32* row) {
    const unsigned char* src = alpha + static_cast<std::ptrdiff_t>(y) * w;
    for (int x = 0; x < w; ++x) row[x] = (Uint32{src[x]} << 24) | 0x00FFFFFFu;
  });
}

// The same atlas for another renderer (a texture belongs to the renderer that made it).
TexturePtr copy_atlas(SDL_Texture* from, SDL_Renderer* renderer) {
  int w = 0;
  int h = 0;
  void* pixels = nullptr;
  int pitch = 0;
  if (SDL_QueryTexture(from, nullptr, nullptr, &w, &h) != 0 ||
      SDL_LockTexture(from, nullptr, &pixels, &pitch) != 0) {
    return nullptr;
  }
  TexturePtr copy = atlas_texture(renderer, w, h, [&](int y, Uint32* row) {
    std::memcpy(row, static_cast<unsigned char*>(pixels) + static_cast<std::ptrdiff_t>(y) * pitch,
                static_cast<std::size_t>(w) * 4);
  });
  SDL_UnlockTexture(from);
  return copy;
}

// The damaged rectangle on whole pixels, covering every pixel it touches.
SDL_Rect damage_rect(const Damage& d) {
  const int x0 = static_cast<int>(std::floor(d.min.x));
  const int y0 = static_cast<int>(std::floor(d.min.y));
  const int x1 = static_cast<int>(std::ceil(d.max.x));
  const int y1 = static_cast<int>(std::ceil(d.max.y));
  return SDL_Rect{x0, y0, x1 - x0, y1 - y0};
}

// An axis-aligned rectangle drawn as two triangles, as ImGui emits for every glyph and every
// square-cornered fill: (a, b, c) and (a, c, d), a top-left, c bottom-right, one colour.
struct Quad {
  const ImDrawVert* a;
  const ImDrawVert* c;
  bool solid;  // the atlas's white pixel everywhere: a plain fill
};

bool as_quad(const ImDrawVert* v, const ImDrawIdx* i, Quad* q) {
  if (i[3] != i[0] || i[4] != i[2]) return false;
  const ImDrawVert& a = v[i[0]];
  const ImDrawVert& b = v[i[1]];
  const ImDrawVert& c = v[i[2]];
  const ImDrawVert& d = v[i[5]];
  if (a.pos.y != b.pos.y || b.pos.x != c.pos.x || c.pos.y != d.pos.y || d.pos.x != a.pos.x ||
      a.pos.x >= c.pos.x || a.pos.y >= c.pos.y) {
    return false;
  }
  if (a.col != b.col || a.col != c.col || a.col != d.col) return false;
  const bool solid = a.uv.x == c.uv.x && a.uv.y == c.uv.y && b.uv.x == a.uv.x && b.uv.y == a.uv.y &&
                     d.uv.x == a.uv.x && d.uv.y == a.uv.y;
  const bool mapped = a.uv.y == b.uv.y && b.uv.x == c.uv.x && c.uv.y == d.uv.y &&
                      d.uv.x == a.uv.x && a.uv.x < c.uv.x && a.uv.y < c.uv.y;
  if (!solid && !mapped) return false;
  *q = Quad{&a, &c, solid};
  return true;
}

// A pixel is drawn when its centre is inside, as GL rasterises.
int pixel_edge(float x) {
  return static_cast<int>(std::ceil(x - 0.5f));
}

// A plain convex fill drawn as a fan of triangles that share their first corner, as ImGui
// fills every rounded rectangle: (c, p1, p2), (c, p2, p3), ... The corners are c, p1, p2, ...
// Returns how many indices the fan takes (0: none here).
unsigned as_fan(const ImDrawVert* v, const ImDrawIdx* i, unsigned left,
                std::vector<ImVec2>* corners) {
  constexpr unsigned kFewest = 3;  // fewer triangles are cheap for SDL as they are
  unsigned n = 3;
  while (n + 3 <= left && i[n] == i[0] && i[n + 1] == i[n - 1]) n += 3;
  if (n / 3 < kFewest) return 0;
  const ImDrawVert& c = v[i[0]];
  for (unsigned k = 0; k < n; ++k) {
    const ImDrawVert& p = v[i[k]];
    if (p.col != c.col || p.uv.x != c.uv.x || p.uv.y != c.uv.y) return 0;
  }
  corners->clear();
  corners->push_back(c.pos);
  corners->push_back(v[i[1]].pos);
  for (unsigned k = 2; k < n; k += 3) corners->push_back(v[i[k]].pos);
  return n;
}

// A convex polygon a row at a time: each row of pixels whose centres are inside is one fill.
void fill_convex(SDL_Renderer* r, const std::vector<ImVec2>& corners, std::vector<SDL_Rect>* rows) {
  float top = corners[0].y;
  float bottom = corners[0].y;
  for (const ImVec2& p : corners) {
    top = std::min(top, p.y);
    bottom = std::max(bottom, p.y);
  }
  rows->clear();
  for (int y = pixel_edge(top); y < pixel_edge(bottom); ++y) {
    const float centre = static_cast<float>(y) + 0.5f;
    float left = FLT_MAX;
    float right = -FLT_MAX;
    for (std::size_t k = 0; k < corners.size(); ++k) {
      const ImVec2& p = corners[k];
      const ImVec2& q = corners[(k + 1) % corners.size()];
      if (p.y == q.y || (centre - p.y) * (centre - q.y) > 0) continue;
      const float x = p.x + (centre - p.y) * (q.x - p.x) / (q.y - p.y);
      left = std::min(left, x);
      right = std::max(right, x);
    }
    if (left >= right) continue;
    const int x0 = pixel_edge(left);
    const int x1 = pixel_edge(right);
    if (x1 > x0) rows->push_back(SDL_Rect{x0, y, x1 - x0, 1});
  }
  if (!rows->empty()) SDL_RenderFillRects(r, rows->data(), static_cast<int>(rows->size()));
}

// Triangles of plain colour (a colour per corner, the atlas's white pixel for texture: ImGui's
// anti-aliased edges and strokes) drawn straight into the window's pixels. SDL's software
// renderer spends about a microsecond on a triangle whatever its size, and a screen has some
// ten thousand of them. A pixel is drawn when its centre is inside, ties going to top and left
// edges (as GL does, so that triangles sharing an edge never both draw a pixel of it), and its
// colour is the corners' blended by distance, then laid over the pixel by its alpha.
class PlainTriangles {
 public:
  explicit PlainTriangles(SDL_Surface* surface) : surface_(surface) {
    if (surface == nullptr || SDL_MUSTLOCK(surface) || surface->format->BytesPerPixel != 4) return;
    const Uint32 f = surface->format->format;
    if (f == SDL_PIXELFORMAT_ARGB8888 || f == SDL_PIXELFORMAT_RGB888) {
      red_shift_ = 16;
      blue_shift_ = 0;
    } else if (f == SDL_PIXELFORMAT_ABGR8888 || f == SDL_PIXELFORMAT_BGR888) {
      red_shift_ = 0;
      blue_shift_ = 16;
    } else {
      return;
    }
    usable_ = true;
  }
  bool usable() const { return usable_; }

  void draw(const ImDrawVert& a, const ImDrawVert& b0, const ImDrawVert& c0, const SDL_Rect& clip) {
    const float area = edge(a.pos, b0.pos, c0.pos);
    if (area == 0) return;
    const ImDrawVert& b = area > 0 ? b0 : c0;  // corners in the order that makes area positive
    const ImDrawVert& c = area > 0 ? c0 : b0;
    const float inverse = 1.0f / std::fabs(area);
    const int x0 = std::max(clip.x, pixel_edge(std::min({a.pos.x, b.pos.x, c.pos.x})));
    const int x1 = std::min(clip.x + clip.w, pixel_edge(std::max({a.pos.x, b.pos.x, c.pos.x})));
    const int y0 = std::max(clip.y, pixel_edge(std::min({a.pos.y, b.pos.y, c.pos.y})));
    const int y1 = std::min(clip.y + clip.h, pixel_edge(std::max({a.pos.y, b.pos.y, c.pos.y})));
    if (x1 <= x0 || y1 <= y0) return;
    // Each corner's weight at a point is the edge function of the edge opposite it.
    const Edge wa(b.pos, c.pos);
    const Edge wb(c.pos, a.pos);
    const Edge wc(a.pos, b.pos);
    const Colour ca(a.col);
    const Colour cb(b.col);
    const Colour cc(c.col);
    auto* pixels = static_cast<unsigned char*>(surface_->pixels);
    for (int y = y0; y < y1; ++y) {
      const ImVec2 p(static_cast<float>(x0) + 0.5f, static_cast<float>(y) + 0.5f);
      float ea = wa.at(p);
      float eb = wb.at(p);
      float ec = wc.at(p);
      // Where on this row all three edges can hold (a pixel of slack each way for rounding;
      // the test below decides): only those pixels are visited.
      float from = 0;
      auto to = static_cast<float>(x1 - x0);
      for (const auto& [e, dx] :
           {std::pair{ea, wa.dx}, std::pair{eb, wb.dx}, std::pair{ec, wc.dx}}) {
        if (dx > 0) from = std::max(from, -e / dx - 1);
        if (dx < 0) to = std::min(to, e / -dx + 1);
        if (dx == 0 && e < 0) to = -1;
      }
      if (to < from) continue;
      const int skip = static_cast<int>(from);
      const int end = x0 + std::min(x1 - x0, static_cast<int>(to) + 1);
      ea += wa.dx * static_cast<float>(skip);
      eb += wb.dx * static_cast<float>(skip);
      ec += wc.dx * static_cast<float>(skip);
      auto* row =
          reinterpret_cast<Uint32*>(pixels + static_cast<std::ptrdiff_t>(y) * surface_->pitch);
      for (int x = x0 + skip; x < end; ++x, ea += wa.dx, eb += wb.dx, ec += wc.dx) {
        if (!wa.inside(ea) || !wb.inside(eb) || !wc.inside(ec)) continue;
        const float ka = ea * inverse;
        const float kb = eb * inverse;
        const float kc = ec * inverse;
        const float alpha = ka * ca.a + kb * cb.a + kc * cc.a;
        if (alpha < 0.5f) continue;
        const Uint32 under = row[x];
        const float over = alpha * (1.0f / 255.0f);
        const float keep = 1.0f - over;
        const auto mix = [&](float sa, float sb, float sc, int shift) {
          const float source = ka * sa + kb * sb + kc * sc;
          const auto below = static_cast<float>((under >> shift) & 0xFFu);
          // Never negative: truncating after adding a half rounds.
          // NOLINTNEXTLINE(bugprone-incorrect-roundings)
          return static_cast<Uint32>(source * over + below * keep + 0.5f) << shift;
        };
        row[x] = (under & 0xFF000000u) | mix(ca.r, cb.r, cc.r, red_shift_) |
                 mix(ca.g, cb.g, cc.g, 8) | mix(ca.b, cb.b, cc.b, blue_shift_);
      }
    }
  }

 private:
  // (q - p) x (r - p): positive when r is on the inner side of p -> q.
  static float edge(const ImVec2& p, const ImVec2& q, const ImVec2& r) {
    return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  }
  struct Edge {
    ImVec2 p, q;
    float dx;       // the change from one pixel to the next on a row
    bool top_left;  // a pixel centre exactly on it is drawn
    Edge(ImVec2 from, ImVec2 to)
        : p(from),
          q(to),
          dx(-(to.y - from.y)),
          top_left((to.y == from.y && to.x > from.x) || to.y < from.y) {}
    float at(const ImVec2& r) const { return edge(p, q, r); }
    bool inside(float e) const { return e > 0 || (e == 0 && top_left); }
  };
  struct Colour {
    float r, g, b, a;
    explicit Colour(ImU32 c)
        : r(static_cast<float>((c >> IM_COL32_R_SHIFT) & 0xFFu)),
          g(static_cast<float>((c >> IM_COL32_G_SHIFT) & 0xFFu)),
          b(static_cast<float>((c >> IM_COL32_B_SHIFT) & 0xFFu)),
          a(static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFFu)) {}
  };
  SDL_Surface* surface_;
  bool usable_ = false;
  int red_shift_ = 16;
  int blue_shift_ = 0;
};

// ImGui's draw lists through SDL's software renderer. Rectangles (nearly every glyph, and the
// plain fills) are blits and fills, which SDL does a row at a time; the rest (rounded corners,
// lines, icons) are triangles, which it does a pixel at a time. `clip` is the damaged
// rectangle, or the whole screen.
void render_with_sdl(SDL_Renderer* r, SDL_Surface* target, const ImDrawData* data,
                     const SDL_Rect& clip) {
  PlainTriangles plain(target);
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  std::vector<ImVec2> corners;
  std::vector<SDL_Rect> rows;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    const ImDrawVert* vertices = list->VtxBuffer.Data;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      // Narrowed in floats first: a clip rectangle can reach far outside the screen.
      const auto x0 = static_cast<int>(std::max(static_cast<float>(clip.x), cmd.ClipRect.x));
      const auto y0 = static_cast<int>(std::max(static_cast<float>(clip.y), cmd.ClipRect.y));
      const auto x1 =
          static_cast<int>(std::min(static_cast<float>(clip.x + clip.w), cmd.ClipRect.z));
      const auto y1 =
          static_cast<int>(std::min(static_cast<float>(clip.y + clip.h), cmd.ClipRect.w));
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      const SDL_Rect rect{x0, y0, x1 - x0, y1 - y0};
      SDL_RenderSetClipRect(r, &rect);
      auto* texture = static_cast<SDL_Texture*>(cmd.GetTexID());
      int tw = 1;
      int th = 1;
      if (texture != nullptr) SDL_QueryTexture(texture, nullptr, nullptr, &tw, &th);
      const ImDrawVert* v = vertices + cmd.VtxOffset;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      const auto to_sdl = [&](unsigned from, unsigned to) {
        if (to <= from) return;
        SDL_RenderGeometryRaw(r, texture, &v->pos.x, sizeof(ImDrawVert),
                              reinterpret_cast<const SDL_Color*>(&v->col), sizeof(ImDrawVert),
                              &v->uv.x, sizeof(ImDrawVert),
                              list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset), idx + from,
                              static_cast<int>(to - from), sizeof(ImDrawIdx));
      };
      // Plain triangles here, the others (textured: images) through SDL, in their order.
      const auto triangles = [&](unsigned from, unsigned to) {
        if (!plain.usable()) return to_sdl(from, to);
        unsigned run = from;  // the first of the triangles for SDL not drawn yet
        bool flushed = false;
        for (unsigned t = from; t + 3 <= to; t += 3) {
          const ImDrawVert& a = v[idx[t]];
          const ImDrawVert& b = v[idx[t + 1]];
          const ImDrawVert& c = v[idx[t + 2]];
          const bool solid = a.uv.x == white.x && a.uv.y == white.y && b.uv.x == white.x &&
                             b.uv.y == white.y && c.uv.x == white.x && c.uv.y == white.y;
          if (!solid) continue;
          to_sdl(run, t);
          if (!flushed || run != t) SDL_RenderFlush(r);  // what SDL queued goes first
          flushed = true;
          run = t + 3;
          plain.draw(a, b, c, rect);
        }
        to_sdl(run, to);
      };
      unsigned pending = 0;  // the first index not drawn yet
      unsigned i = 0;
      Quad q{};
      while (i + 3 <= cmd.ElemCount) {
        if (const unsigned fan = as_fan(v, idx + i, cmd.ElemCount - i, &corners); fan > 0) {
          triangles(pending, i);
          SDL_Color col;
          std::memcpy(&col, &v[idx[i]].col, sizeof col);
          i += fan;
          pending = i;
          if (col.a == 0) continue;
          SDL_SetRenderDrawBlendMode(r, col.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
          SDL_SetRenderDrawColor(r, col.r, col.g, col.b, col.a);
          fill_convex(r, corners, &rows);
          continue;
        }
        if (i + 6 > cmd.ElemCount || !as_quad(v, idx + i, &q)) {
          i += 3;
          continue;
        }
        triangles(pending, i);
        i += 6;
        pending = i;
        SDL_Color col;
        std::memcpy(&col, &q.a->col, sizeof col);
        if (col.a == 0) continue;
        const SDL_Rect to{pixel_edge(q.a->pos.x), pixel_edge(q.a->pos.y),
                          pixel_edge(q.c->pos.x) - pixel_edge(q.a->pos.x),
                          pixel_edge(q.c->pos.y) - pixel_edge(q.a->pos.y)};
        if (q.solid || texture == nullptr) {
          SDL_SetRenderDrawBlendMode(r, col.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
          SDL_SetRenderDrawColor(r, col.r, col.g, col.b, col.a);
          SDL_RenderFillRect(r, &to);
        } else {
          const SDL_Rect from{
              static_cast<int>(std::lround(q.a->uv.x * static_cast<float>(tw))),
              static_cast<int>(std::lround(q.a->uv.y * static_cast<float>(th))),
              static_cast<int>(std::lround((q.c->uv.x - q.a->uv.x) * static_cast<float>(tw))),
              static_cast<int>(std::lround((q.c->uv.y - q.a->uv.y) * static_cast<float>(th)))};
          SDL_SetTextureColorMod(texture, col.r, col.g, col.b);
          SDL_SetTextureAlphaMod(texture, col.a);
          SDL_RenderCopy(r, texture, &from, &to);
        }
      }
      triangles(pending, cmd.ElemCount);
      if (texture != nullptr) {
        SDL_SetTextureColorMod(texture, 255, 255, 255);
        SDL_SetTextureAlphaMod(texture, 255);
      }
    }
  }
  SDL_RenderSetClipRect(r, nullptr);
}

class GlContext {
 public:
  explicit GlContext(SDL_Window* window) : context_(SDL_GL_CreateContext(window)) {}
  ~GlContext() {
    if (context_ != nullptr) SDL_GL_DeleteContext(context_);
  }
  GlContext(const GlContext&) = delete;
  GlContext& operator=(const GlContext&) = delete;
  explicit operator bool() const { return context_ != nullptr; }

 private:
  SDL_GLContext context_;
};

// The font atlas in GL: one byte a pixel (the glyphs' coverage), read as white with that alpha
// through the texture swizzle, exactly as ImGui's RGBA copy would be. In software GL a texture
// lives in the kiosk's own memory, so this is a quarter of it (3 MB instead of 12 at 1 em =
// 32 px), and the atlas's CPU copies are freed once it is uploaded.
class FontTexture {
 public:
  FontTexture() { glGenTextures(1, &name_); }
  ~FontTexture() { glDeleteTextures(1, &name_); }
  FontTexture(const FontTexture&) = delete;
  FontTexture& operator=(const FontTexture&) = delete;
  GLuint name() const { return name_; }

 private:
  GLuint name_ = 0;
};

class ImGuiContextGuard {
 public:
  ImGuiContextGuard() : context_(ImGui::CreateContext()) {}
  ~ImGuiContextGuard() { ImGui::DestroyContext(context_); }
  ImGuiContextGuard(const ImGuiContextGuard&) = delete;
  ImGuiContextGuard& operator=(const ImGuiContextGuard&) = delete;

 private:
  ImGuiContext* context_;
};

class ImGuiRenderer {
 public:
  ImGuiRenderer() : ok_(ImGui_ImplOpenGL3_Init("#version 130")) {
    // The shader and buffers now, so that the backend never makes its own (RGBA) font texture
    // at the first frame: the kiosk uploads the atlas itself (Platform::reload_font_texture).
    if (ok_) ok_ = ImGui_ImplOpenGL3_CreateDeviceObjects();
    if (ok_) ImGui_ImplOpenGL3_DestroyFontsTexture();
  }
  ~ImGuiRenderer() {
    if (ok_) ImGui_ImplOpenGL3_Shutdown();
  }
  ImGuiRenderer(const ImGuiRenderer&) = delete;
  ImGuiRenderer& operator=(const ImGuiRenderer&) = delete;
  explicit operator bool() const { return ok_; }

 private:
  bool ok_;
};

// Termination signals arrive on a thread of their own (sigwait), which turns them into an SDL
// event: the UI thread then ends the session and exits cleanly.
class SignalThread {
 public:
  explicit SignalThread(Uint32 event_type) {
    sigset_t set = signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    thread_ = std::thread([set, event_type] {
      for (;;) {
        int sig = 0;
        if (sigwait(&set, &sig) != 0) continue;
        if (sig == SIGUSR2) return;  // our own stop request
        SDL_Event e{};
        e.type = event_type;
        e.user.code = sig;
        SDL_PushEvent(&e);
      }
    });
  }
  ~SignalThread() {
    pthread_kill(thread_.native_handle(), SIGUSR2);
    thread_.join();
  }
  SignalThread(const SignalThread&) = delete;
  SignalThread& operator=(const SignalThread&) = delete;

  static sigset_t signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR2);
    return set;
  }

 private:
  std::thread thread_;
};

// Whether an X window manager runs: an EWMH one names its check window on the root window.
bool x11_window_manager(SDL_Window* window) {
  SDL_SysWMinfo wm;
  SDL_VERSION(&wm.version);
  if (SDL_GetWindowWMInfo(window, &wm) != SDL_TRUE || wm.subsystem != SDL_SYSWM_X11) return true;
  Display* display = wm.info.x11.display;
  const Atom check = XInternAtom(display, "_NET_SUPPORTING_WM_CHECK", True);
  if (check == None) return false;
  Atom type = None;
  int format = 0;
  unsigned long count = 0;
  unsigned long after = 0;
  unsigned char* data = nullptr;
  const int rc = XGetWindowProperty(display, DefaultRootWindow(display), check, 0, 1, False,
                                    XA_WINDOW, &type, &format, &count, &after, &data);
  const bool present = rc == Success && data != nullptr && count == 1;
  if (data != nullptr) XFree(data);
  return present;
}

// Thread-safe (SDL_PushEvent is): one of our registered events, for pump() to see.
void push_user_event(Uint32 type) {
  SDL_Event e{};
  e.type = type;
  SDL_PushEvent(&e);
}

}  // namespace

bool software_renderer_for(const char* video_driver, const char* requested) {
  const std::string_view want = requested != nullptr ? requested : "";
  if (want == "software") return true;
  if (want == "opengl") return false;
  return video_driver != nullptr && std::string_view(video_driver) == "x11";
}

void Platform::before_threads() {
  const sigset_t set = SignalThread::signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // No session bus here (a kiosk session under cage has none): libdbus would otherwise start
  // one for SDL's screensaver and input-method checks (`dbus-launch --autolaunch`), a process
  // left running, and some 60 ms before the first picture. An address that cannot connect
  // makes those checks fail at once. A bus that is there is used as before.
  // NOLINTNEXTLINE(concurrency-mt-unsafe): no other thread exists yet
  ::setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/workforce-kiosk-no-session-bus", 0);
  // On X11, SDL opens an input method, and libX11's parses the locale's whole compose table
  // (thousands of dead-key sequences, read a character at a time: some 25 ms before the first
  // picture). Nobody composes characters here: residents type on the kiosk's own keyboard, and a
  // physical keypad sends keys. An empty table instead, unless one is set.
  // NOLINTNEXTLINE(concurrency-mt-unsafe): no other thread exists yet
  ::setenv("XCOMPOSEFILE", "/dev/null", 0);
}

struct Platform::Impl {
  SdlLibrary sdl;
  // Three registered user events: wake_event, wake_event + 1 (signal), wake_event + 2
  // (headphones into the jack).
  Uint32 wake_event = 0;
  std::unique_ptr<SignalThread> signal_thread;
  std::unique_ptr<kiosk::JackWatch> jack_watch;  // its thread posts wake_event + 2
  bool started = false;  // the first pump() is over: the audio devices of start-up were seen
  std::string_view last_keypad_key;
  int keypad_presses = 0;
  int headphones_plugged = 0;
  WindowPtr window;
  std::unique_ptr<GlContext> gl;
  std::unique_ptr<ImGuiContextGuard> imgui;
  std::unique_ptr<ImGuiRenderer> renderer;
  std::unique_ptr<FontTexture> font_texture;  // before `renderer` goes, with the context alive
  bool software = false;     // SDL's software renderer into the window's pixels, not OpenGL
  bool full_redraw = false;  // KIOSK_FULL_REDRAW=1: no partial updates (for comparisons)
  RendererPtr sdl_renderer;
  TexturePtr font_surface;        // the software renderer's atlas, before the renderer goes
  SDL_Surface* target = nullptr;  // the window's surface it draws into (SDL owns it)
  bool fullscreen = false;
  int width = 0, height = 0;
  PointerQueue pointer_queue;
  PointerState pointer;
  // GLX_MESA_copy_sub_buffer, used in software GL only: copies a rectangle of the back buffer
  // to the window, leaving the back buffer as it is (the next frame redraws only what changed).
  using CopySubBuffer = void (*)(Display*, ::Window, int, int, int, int);
  CopySubBuffer copy_sub_buffer = nullptr;
  Display* x_display = nullptr;
  ::Window x_window = 0;

  void update_size() {
    if (software) {
      if (!attach_software_renderer()) {
        kiosk::log::error(std::string("cannot draw into the resized window: ") + SDL_GetError());
      }
    } else {
      SDL_GL_GetDrawableSize(window.get(), &width, &height);
    }
  }

  // SDL's software renderer drawing into the window's surface, made again whenever the window's
  // size changes (the old surface is then gone). A renderer made for a surface, not for the
  // window: SDL's renderer for a window would watch the touch events and clamp them to its
  // viewport. The font atlas moves to the new renderer (its textures are its own).
  bool attach_software_renderer() {
    SDL_Surface* surface = SDL_GetWindowSurface(window.get());
    if (surface == nullptr) return false;
    if (sdl_renderer && surface == target && surface->w == width && surface->h == height) {
      return true;  // the same surface (SDL reports a resize twice)
    }
    RendererPtr next(SDL_CreateSoftwareRenderer(surface));
    if (!next) return false;
    if (font_surface) {
      TexturePtr moved = copy_atlas(font_surface.get(), next.get());
      if (!moved) return false;
      font_surface = std::move(moved);  // the old texture goes while its renderer is alive
      ImGui::GetIO().Fonts->SetTexID(font_surface.get());
    }
    sdl_renderer = std::move(next);
    target = surface;
    width = surface->w;
    height = surface->h;
    return true;
  }

  void push_finger(Uint32 type, float x, float y) const {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = kAutomationTouch;
    e.tfinger.fingerId = 0;
    e.tfinger.x = width > 0 ? x / static_cast<float>(width) : 0;
    e.tfinger.y = height > 0 ? y / static_cast<float>(height) : 0;
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    e.tfinger.windowID = SDL_GetWindowID(window.get());
    SDL_PushEvent(&e);
  }

  void headphones_in(PumpResult& out, const char* how) {
    out.headphones = true;
    ++headphones_plugged;
    kiosk::log::info(std::string("headphones plugged in: ") + how);
  }

  void handle(const SDL_Event& e, PumpResult& out) {
    const auto fx = [&](float nx) { return nx * static_cast<float>(width); };
    const auto fy = [&](float ny) { return ny * static_cast<float>(height); };
    switch (e.type) {
      case SDL_QUIT:
        out.quit_requested = true;
        break;
      case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            e.window.event == SDL_WINDOWEVENT_RESIZED) {
          update_size();
          out.resized = true;
        } else if (e.window.event == SDL_WINDOWEVENT_EXPOSED) {
          out.resized = true;  // needs a redraw
        } else if (e.window.event == SDL_WINDOWEVENT_CLOSE) {
          out.quit_requested = true;
        }
        break;
      case SDL_FINGERDOWN:
        pointer_queue.push({PointerEvent::Kind::Move, fx(e.tfinger.x), fy(e.tfinger.y)});
        pointer_queue.push({PointerEvent::Kind::Down, fx(e.tfinger.x), fy(e.tfinger.y)});
        out.input = true;
        out.press = true;
        break;
      case SDL_FINGERMOTION:
        pointer_queue.push({PointerEvent::Kind::Move, fx(e.tfinger.x), fy(e.tfinger.y)});
        out.input = true;
        break;
      case SDL_FINGERUP:
        pointer_queue.push({PointerEvent::Kind::Up, fx(e.tfinger.x), fy(e.tfinger.y)});
        pointer_queue.push({PointerEvent::Kind::Leave, 0, 0});  // a lifted finger hovers nothing
        out.input = true;
        break;
      case SDL_MOUSEMOTION:
        if (e.motion.which == SDL_TOUCH_MOUSEID) break;  // the finger events carry it already
        pointer_queue.push({PointerEvent::Kind::Move, static_cast<float>(e.motion.x),
                            static_cast<float>(e.motion.y)});
        out.input = true;
        break;
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP:
        if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
        pointer_queue.push(
            {e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::Down : PointerEvent::Kind::Up,
             static_cast<float>(e.button.x), static_cast<float>(e.button.y)});
        out.input = true;
        out.press = out.press || e.type == SDL_MOUSEBUTTONDOWN;
        break;
      case SDL_MOUSEWHEEL:
        ImGui::GetIO().MouseWheel += static_cast<float>(e.wheel.y);
        out.input = true;
        break;
      case SDL_AUDIODEVICEADDED:
        // SDL reports every device present when audio opens at start-up; only later ones are
        // something plugged in. A capture device (a microphone) is not headphones.
        if (started && e.adevice.iscapture == 0) headphones_in(out, "an audio output appeared");
        break;
      case SDL_KEYDOWN: {
        out.input = true;
        out.press = true;
        if (const auto key = kiosk::key_for_physical(SDL_GetKeyName(e.key.keysym.sym))) {
          if (out.keys.size() < 64) out.keys.push_back(*key);  // a stuck key cannot flood a frame
          last_keypad_key = kiosk::key_name(*key);
          ++keypad_presses;
          kiosk::log::debug("keypad: " + std::string(last_keypad_key));
        }
        const bool ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
        const bool alt = (e.key.keysym.mod & KMOD_ALT) != 0;
        Shortcut shortcut = Shortcut::Other;
        if (ctrl && e.key.keysym.sym == SDLK_q) shortcut = Shortcut::CtrlQ;
        if (ctrl && e.key.keysym.sym == SDLK_w) shortcut = Shortcut::CtrlW;
        if (alt && e.key.keysym.sym == SDLK_F4) shortcut = Shortcut::AltF4;
        if (e.key.keysym.sym == SDLK_ESCAPE) shortcut = Shortcut::Escape;
        if (e.key.keysym.sym == SDLK_F11) shortcut = Shortcut::F11;
        if ((e.key.keysym.mod & KMOD_GUI) != 0) shortcut = Shortcut::Super;
        if (shortcut_quits(shortcut, fullscreen)) out.quit_requested = true;
        break;
      }
      default:
        if (e.type == wake_event) {
          out.woke = true;
        } else if (e.type == wake_event + 2) {
          headphones_in(out, "the headphone jack switched on");
        } else if (e.type == wake_event + 1) {
          out.quit_requested = true;
          out.signal = true;
          kiosk::log::info("received signal " + std::to_string(e.user.code) + ", stopping");
        }
        break;
    }
  }
};

Platform::Platform(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Platform::~Platform() = default;

std::unique_ptr<Platform> Platform::create(const PlatformOptions& options, std::string* error) {
  auto impl = std::make_unique<Impl>();
  const auto fail = [&](const std::string& why) -> std::unique_ptr<Platform> {
    if (error != nullptr) *error = why + ": " + SDL_GetError();
    return nullptr;
  };
  if (!impl->sdl.ok) return fail("cannot start SDL video");
  impl->wake_event = SDL_RegisterEvents(3);
  if (impl->wake_event == static_cast<Uint32>(-1)) return fail("cannot register SDL events");
  impl->signal_thread = std::make_unique<SignalThread>(impl->wake_event + 1);
  std::string jack_error;
  impl->jack_watch = kiosk::JackWatch::start(
      [event = impl->wake_event + 2] { push_user_event(event); }, &jack_error);
  if (impl->jack_watch) {
    kiosk::log::info("headphone jack: watching " + std::to_string(impl->jack_watch->devices()) +
                     " input device(s)");
  } else {
    kiosk::log::debug("headphone jack: " + jack_error);
  }

  // NOLINTBEGIN(concurrency-mt-unsafe): the environment is read before any thread writes it
  const char* renderer_env = std::getenv("KIOSK_RENDERER");
  const char* full_redraw_env = std::getenv("KIOSK_FULL_REDRAW");
  // NOLINTEND(concurrency-mt-unsafe)
  const bool x11 = std::string_view(SDL_GetCurrentVideoDriver()) == "x11";
  impl->software = software_renderer_for(SDL_GetCurrentVideoDriver(), renderer_env);
  impl->full_redraw = full_redraw_env != nullptr && std::string(full_redraw_env) == "1";
  if (!impl->software) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  }

  Uint32 flags = (impl->software ? 0 : SDL_WINDOW_OPENGL) | SDL_WINDOW_ALLOW_HIGHDPI;
  int w = 1920;
  int h = 1080;
  if (options.windowed) {
    w = options.windowed->first;
    h = options.windowed->second;
  } else {
    // On X11 the window is made borderless over the whole screen, and full screen is asked
    // for only where a window manager runs: without one (Xvfb, a bare X server) nothing answers
    // the request, and SDL waits 100 ms for an answer before the first picture.
    flags |= SDL_WINDOW_BORDERLESS | (x11 ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_DisplayMode mode;
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
      w = mode.w;
      h = mode.h;
    }
  }
  impl->fullscreen = !options.windowed.has_value();
  impl->window.reset(SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED_DISPLAY(0),
                                      SDL_WINDOWPOS_CENTERED_DISPLAY(0), w, h, flags));
  if (!impl->window) return fail("cannot create the window");
  if (impl->fullscreen && x11 && x11_window_manager(impl->window.get())) {
    SDL_SetWindowFullscreen(impl->window.get(), SDL_WINDOW_FULLSCREEN_DESKTOP);
  }
  if (impl->fullscreen) SDL_SetWindowKeyboardGrab(impl->window.get(), SDL_TRUE);
  if (impl->software) {
    // The window's own pixels (X11 shared memory), not a GL texture in front of them: without
    // this SDL would load OpenGL to show the surface.
    if (x11) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (!impl->attach_software_renderer()) return fail("cannot create the software renderer");
  } else {
    impl->gl = std::make_unique<GlContext>(impl->window.get());
    if (!*impl->gl) return fail("cannot create an OpenGL 3 context");
    if (SDL_GL_SetSwapInterval(1) != 0) {
      kiosk::log::debug("vsync unavailable; frames are drawn only when something changes anyway");
    }
  }
  if (impl->fullscreen) SDL_ShowCursor(SDL_DISABLE);  // a touch kiosk shows no mouse pointer

  impl->imgui = std::make_unique<ImGuiContextGuard>();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing about the session is written to disk
  // No clipboard: nothing a resident sees or types can be pasted into another program.
  io.SetClipboardTextFn = [](void*, const char*) {};
  io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  if (impl->software) {
    io.BackendRendererName = "workforce-kiosk software";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    kiosk::log::info(
        std::string("display ") + std::to_string(impl->width) + "x" + std::to_string(impl->height) +
        (impl->fullscreen ? " full screen" : " windowed") + ", software renderer (" +
        SDL_GetCurrentVideoDriver() + ")" + (impl->full_redraw ? ", every frame drawn whole" : ""));
    return std::unique_ptr<Platform>(new Platform(std::move(impl)));
  }
  impl->renderer = std::make_unique<ImGuiRenderer>();
  if (!*impl->renderer) return fail("cannot initialise the OpenGL renderer");
  impl->update_size();
  const std::string renderer_name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  kiosk::log::info(
      std::string("display ") + std::to_string(impl->width) + "x" + std::to_string(impl->height) +
      (impl->fullscreen ? " full screen" : " windowed") + ", OpenGL " +
      reinterpret_cast<const char*>(glGetString(GL_VERSION)) + " (" + renderer_name + ")");
  // Partial updates where every pixel costs CPU time: Mesa's software rasterisers on X11.
  // KIOSK_FULL_REDRAW=1 turns them off (for comparisons).
  const bool software = renderer_name.find("llvmpipe") != std::string::npos ||
                        renderer_name.find("softpipe") != std::string::npos;
  SDL_SysWMinfo wm;
  SDL_VERSION(&wm.version);
  if (software && !impl->full_redraw && SDL_GetWindowWMInfo(impl->window.get(), &wm) == SDL_TRUE &&
      wm.subsystem == SDL_SYSWM_X11) {
    // glXGetProcAddress hands out a pointer for any name: ask the extension string first.
    using QueryExtensions = const char* (*)(Display*, int);
    const auto query =
        reinterpret_cast<QueryExtensions>(SDL_GL_GetProcAddress("glXQueryExtensionsString"));
    const char* extensions =
        query != nullptr ? query(wm.info.x11.display, DefaultScreen(wm.info.x11.display)) : nullptr;
    if (extensions != nullptr &&
        std::string(extensions).find("GLX_MESA_copy_sub_buffer") != std::string::npos) {
      impl->copy_sub_buffer =
          reinterpret_cast<Impl::CopySubBuffer>(SDL_GL_GetProcAddress("glXCopySubBufferMESA"));
      impl->x_display = wm.info.x11.display;
      impl->x_window = wm.info.x11.window;
    }
  }
  if (impl->copy_sub_buffer != nullptr) {
    kiosk::log::info("software GL: only what changed is drawn and copied to the screen");
  }
  return std::unique_ptr<Platform>(new Platform(std::move(impl)));
}

PumpResult Platform::pump(std::optional<std::chrono::milliseconds> timeout) {
  PumpResult out;
  SDL_Event e;
  bool got = false;
  if (!timeout) {
    got = SDL_WaitEvent(&e) == 1;
  } else if (timeout->count() > 0) {
    got = SDL_WaitEventTimeout(&e, static_cast<int>(timeout->count())) == 1;
  }
  if (got) impl_->handle(e, out);
  while (SDL_PollEvent(&e) == 1) impl_->handle(e, out);
  impl_->started = true;
  return out;
}

void Platform::new_frame(float delta_seconds) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(impl_->width), static_cast<float>(impl_->height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = delta_seconds;
  impl_->pointer_queue.apply(impl_->pointer);
  io.MousePos = impl_->pointer.present ? ImVec2(impl_->pointer.x, impl_->pointer.y)
                                       : ImVec2(-FLT_MAX, -FLT_MAX);
  io.MouseDown[0] = impl_->pointer.down;
  if (!impl_->software) ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
}

void Platform::reload_font_texture() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
  if (impl_->software) {
    impl_->font_surface.reset();
    impl_->font_surface = white_glyphs(impl_->sdl_renderer.get(), pixels, w, h);
    if (!impl_->font_surface) kiosk::log::error(std::string("no font texture: ") + SDL_GetError());
    atlas->SetTexID(impl_->font_surface.get());
    atlas->ClearTexData();
    atlas->ClearInputData();
    return;
  }
  impl_->font_texture.reset();
  impl_->font_texture = std::make_unique<FontTexture>();
  glBindTexture(GL_TEXTURE_2D, impl_->font_texture->name());
  // Glyphs are baked at the size they are drawn and placed on whole pixels: nearest sampling
  // gives the same picture, and llvmpipe samples it far faster than bilinear (measured: about
  // a third of the rasterising time of a screen of text).
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  const GLint white_with_alpha[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, white_with_alpha);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  glBindTexture(GL_TEXTURE_2D, 0);
  atlas->SetTexID(
      reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(impl_->font_texture->name())));
  // The glyphs live in the texture now, and their sizes and places in the fonts: the pixels
  // and the font files (read once per size, 3 MB at 1 em = 32 px) can go. A new text size
  // builds the atlas again from the files (ui/fonts.cpp).
  atlas->ClearTexData();
  atlas->ClearInputData();
  kiosk::log::debug("font atlas " + std::to_string(w) + "x" + std::to_string(h));
}

bool Platform::input_pending() const {
  return !impl_->pointer_queue.empty();
}

bool Platform::partial_updates() const {
  return (impl_->software && !impl_->full_redraw) || impl_->copy_sub_buffer != nullptr;
}

void Platform::render(const Damage& damage) {
  ImDrawData* data = ImGui::GetDrawData();
  if (impl_->software) {
    // The backdrop first (a plain fill, as the GL path's clear), then the draw lists, clipped to
    // the damage; the rest of the window's surface is last frame's picture.
    SDL_Renderer* r = impl_->sdl_renderer.get();
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    const auto channel = [](float v) {
      return static_cast<Uint8>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
    };
    SDL_SetRenderDrawColor(r, channel(bg.x), channel(bg.y), channel(bg.z), 255);
    SDL_Rect all{0, 0, impl_->width, impl_->height};
    if (partial_updates() && !damage.full) all = damage_rect(damage);
    SDL_RenderFillRect(r, &all);
    render_with_sdl(r, impl_->target, data, all);
    SDL_RenderFlush(r);
    return;
  }
  glViewport(0, 0, impl_->width, impl_->height);
  // The backdrop is the clear colour: the screen's window draws no background of its own, as a
  // full-screen rectangle costs llvmpipe several milliseconds a frame and glClear almost none.
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  if (partial_updates() && !damage.full) {
    // Only the damaged rectangle: cleared, and every command clipped to it (the backend skips
    // commands whose clip rectangle becomes empty). The rest of the back buffer is last frame's.
    const ImVec4 d(damage.min.x, damage.min.y, damage.max.x, damage.max.y);
    for (int i = 0; i < data->CmdListsCount; ++i) {
      for (ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer) {
        cmd.ClipRect = ImVec4(std::max(cmd.ClipRect.x, d.x), std::max(cmd.ClipRect.y, d.y),
                              std::min(cmd.ClipRect.z, d.z), std::min(cmd.ClipRect.w, d.w));
      }
    }
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(d.x), static_cast<GLint>(static_cast<float>(impl_->height) - d.w),
              static_cast<GLsizei>(d.z - d.x), static_cast<GLsizei>(d.w - d.y));
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
  } else {
    glClear(GL_COLOR_BUFFER_BIT);
  }
  ImGui_ImplOpenGL3_RenderDrawData(data);
}

void Platform::present(const Damage& damage) {
  if (impl_->software) {
    if (partial_updates() && !damage.full) {
      const SDL_Rect r = damage_rect(damage);
      SDL_UpdateWindowSurfaceRects(impl_->window.get(), &r, 1);
    } else {
      SDL_UpdateWindowSurface(impl_->window.get());
    }
    return;
  }
  if (!partial_updates()) {
    SDL_GL_SwapWindow(impl_->window.get());
    return;
  }
  // The back buffer stays the master copy: never swapped, only copied out (GL's origin is the
  // bottom-left corner).
  const int x = static_cast<int>(damage.min.x);
  const int w = static_cast<int>(damage.max.x - damage.min.x);
  const int h = static_cast<int>(damage.max.y - damage.min.y);
  const int y = impl_->height - static_cast<int>(damage.max.y);
  impl_->copy_sub_buffer(impl_->x_display, impl_->x_window, x, y, w, h);
}

bool Platform::write_png(const std::filesystem::path& file, std::string* error) {
  const int w = impl_->width;
  const int h = impl_->height;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  if (impl_->software) {
    SDL_RenderReadPixels(impl_->sdl_renderer.get(), nullptr, SDL_PIXELFORMAT_ABGR8888,
                         pixels.data(), w * 4);
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    stbi_flip_vertically_on_write(0);
    if (stbi_write_png(file.c_str(), w, h, 4, pixels.data(), w * 4) == 0) {
      if (error != nullptr) *error = "cannot write " + file.string();
      return false;
    }
    return true;
  }
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque
  stbi_flip_vertically_on_write(1);
  if (stbi_write_png(file.c_str(), w, h, 4, pixels.data(), w * 4) == 0) {
    if (error != nullptr) *error = "cannot write " + file.string();
    return false;
  }
  return true;
}

void Platform::push_touch_down(float x, float y) {
  impl_->push_finger(SDL_FINGERDOWN, x, y);
}
void Platform::push_touch_move(float x, float y) {
  impl_->push_finger(SDL_FINGERMOTION, x, y);
}
void Platform::push_touch_up(float x, float y) {
  impl_->push_finger(SDL_FINGERUP, x, y);
}

void Platform::wake() {
  push_user_event(impl_->wake_event);
}

bool Platform::push_key(const std::string& sdl_name, bool down) {
  const SDL_Keycode key = SDL_GetKeyFromName(sdl_name.c_str());
  if (key == SDLK_UNKNOWN) return false;
  SDL_Event e{};
  e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
  e.key.windowID = SDL_GetWindowID(impl_->window.get());
  e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.sym = key;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
  return SDL_PushEvent(&e) == 1;
}

void Platform::push_audio_output_added() {
  SDL_Event e{};
  e.type = SDL_AUDIODEVICEADDED;
  e.adevice.iscapture = 0;
  e.adevice.which = static_cast<Uint32>(std::max(0, SDL_GetNumAudioDevices(0)));
  SDL_PushEvent(&e);
}

void Platform::post_headphones() {
  push_user_event(impl_->wake_event + 2);
}

std::string_view Platform::last_keypad_key() const {
  return impl_->last_keypad_key;
}

int Platform::keypad_presses() const {
  return impl_->keypad_presses;
}

int Platform::headphones_plugged() const {
  return impl_->headphones_plugged;
}

int Platform::width() const {
  return impl_->width;
}
int Platform::height() const {
  return impl_->height;
}
bool Platform::fullscreen() const {
  return impl_->fullscreen;
}

}  // namespace ui
