// [SECTION] Handles: every cairo, pango and fontconfig object in a unique_ptr
// [SECTION] Text: any bytes made into one tidy line of valid UTF-8
// [SECTION] Fonts: the kiosk's Noto fonts, layouts in them
// [SECTION] The flow: items made of rows, placed down to the box of codes, cut with "…"
// [SECTION] The page geometry: US Letter, margins, the box of codes
// [SECTION] The codes: QR images with their label and caption
// [SECTION] The page
//
// Pango lays out and shapes every paragraph (Spanish, Vietnamese, Arabic names, …) in a private
// fontconfig set holding only the Noto folders, so a page always prints in the kiosk's own
// fonts; cairo writes the PDF with the fonts subset and embedded, and the QR codes as images
// of one pixel per module, drawn without smoothing.
#include "kiosk/print/printout.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>

#include "kiosk/base/log.h"
#include "kiosk/base/qr.h"
#include "kiosk/base/utf8.h"

namespace kiosk {

namespace {

// [SECTION] Handles -------------------------------------------------------------------------------

template <auto Free>
struct Freer {
  template <class T>
  void operator()(T* handle) const noexcept {
    Free(handle);
  }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, Freer<cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, Freer<cairo_destroy>>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, Freer<cairo_font_options_destroy>>;
using FcConfigPtr = std::unique_ptr<FcConfig, Freer<FcConfigDestroy>>;
// A font map and the fonts it made hold each other: shut it down first, or neither goes away.
inline void free_font_map(PangoFontMap* map) noexcept {
  if (PANGO_IS_FC_FONT_MAP(map) != 0) pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(map));
  g_object_unref(map);
}
using FontMapPtr = std::unique_ptr<PangoFontMap, Freer<free_font_map>>;
using ContextPtr = std::unique_ptr<PangoContext, Freer<g_object_unref>>;
using LayoutPtr = std::unique_ptr<PangoLayout, Freer<g_object_unref>>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, Freer<pango_layout_iter_free>>;
using FontPtr = std::unique_ptr<PangoFontDescription, Freer<pango_font_description_free>>;

// [SECTION] Text ----------------------------------------------------------------------------------

// NFC ("e" + U+0301 → "é"), so that a decomposed accent prints and reads back as one letter.
std::string composed(const std::string& text) {
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) != 0 || nfc == nullptr) return text;
  const icu::UnicodeString out = nfc->normalize(in, status);
  if (U_FAILURE(status) != 0) return text;
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

// One line of text for paper: invalid UTF-8 as U+FFFD, control characters and line breaks as
// spaces (a line on paper has no tabs), runs of spaces as one, trimmed, composed, and at most
// about `max_bytes` (whole characters): more than that never fits on the page anyway.
std::string tidy(std::string_view text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 4);
  std::size_t at = 0;
  while (at < text.size() && out.size() < max_bytes) {
    const utf8::Decoded d = utf8::decode(text.substr(at));
    at += d.size;
    char32_t c = d.valid ? d.cp : utf8::kReplacement;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029) c = U' ';
    if (c == U' ' && (out.empty() || out.back() == ' ')) continue;
    utf8::append(out, c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  std::string result = composed(out);
  result.resize(utf8::cut(result, max_bytes + 4));
  return result;
}

// Caps on what is laid out: a page holds about 3,000 characters of body text.
constexpr std::size_t kMaxLineBytes = 400;  // header, footer, labels
constexpr std::size_t kMaxTitleBytes = 1000;
constexpr std::size_t kMaxFieldBytes = 6000;
constexpr std::size_t kMaxBodyBytes = 9000;
constexpr std::size_t kMaxItems = 90;
constexpr std::size_t kMaxCaptionBytes = 2000;

// [SECTION] Fonts ---------------------------------------------------------------------------------

// The family the kiosk draws its screens in (ui/fonts.cpp), from Debian's fonts-noto-core;
// other scripts fall back to the other Noto families in the same folders (and to Noto CJK from
// fonts-noto-cjk when it is installed).
constexpr const char* kFamily = "Noto Sans";
constexpr const char* kNotoRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
constexpr std::string_view kNotoConfig = R"(<?xml version="1.0"?>
<fontconfig>
  <dir>/usr/share/fonts/truetype/noto</dir>
  <dir>/usr/share/fonts/opentype/noto</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
</fontconfig>
)";

// Pango's font map for the Noto folders, built from fontconfig's cache of them.
FontMapPtr noto_font_map() {
  std::error_code ec;
  if (std::filesystem::is_regular_file(kNotoRegular, ec)) {
    const FcConfigPtr config(FcConfigCreate());
    if (config &&
        FcConfigParseAndLoadFromMemory(config.get(),
                                       reinterpret_cast<const FcChar8*>(kNotoConfig.data()),
                                       FcFalse) == FcTrue &&
        FcConfigBuildFonts(config.get()) == FcTrue) {
      FontMapPtr map(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
      if (map && PANGO_IS_FC_FONT_MAP(map.get()) != 0) {
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map.get()), config.get());  // its own ref
        return map;
      }
    }
  }
  log::warn("printing: the Noto fonts are missing (install fonts-noto-core); using other fonts");
  return FontMapPtr(pango_cairo_font_map_new());
}

// One font map for the process, made on the first page. A map per page never went away:
// pango's and cairo's caches keep its fonts, and the fonts keep the map (about 4 KB a page).
// Pango font maps are not thread-safe, so pages are drawn one at a time. Never destroyed: a
// page may still be drawn on a worker thread while the process exits.
struct SharedFonts {
  std::mutex mutex;
  FontMapPtr map;
};

SharedFonts& shared_fonts() {
  static auto* fonts = new SharedFonts;  // NOLINT(cppcoreguidelines-owning-memory): see above
  return *fonts;
}

struct Style {
  double size = 11;  // points
  bool bold = false;
  double gray = 0;  // 0 black
};

constexpr Style kTitle{21, true, 0};
constexpr Style kSubtitle{13, false, 0.2};
constexpr Style kHeading{12.5, true, 0};
constexpr Style kBody{11, false, 0};
constexpr Style kBodyBold{11, true, 0};
constexpr Style kHeader{9, false, 0.35};
constexpr Style kFooter{8.5, false, 0.35};
constexpr Style kCodeLabel{12, true, 0};
constexpr Style kCaption{10.5, false, 0};

constexpr double to_pango(double points) {
  return points * PANGO_SCALE;
}
constexpr double from_pango(int units) {
  return static_cast<double>(units) / PANGO_SCALE;
}

// `text` wrapped at words to `width` points (long words, such as links, anywhere); -1: one line
// as long as the text.
LayoutPtr make_layout(PangoContext* context, const std::string& text, const Style& style,
                      double width) {
  LayoutPtr layout(pango_layout_new(context));
  const FontPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), kFamily);
  pango_font_description_set_weight(font.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font.get(), to_pango(style.size));
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  if (width > 0) pango_layout_set_width(layout.get(), static_cast<int>(to_pango(width)));
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

double layout_height(PangoLayout* layout) {
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  return from_pango(h);
}

double layout_width(PangoLayout* layout) {
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  return from_pango(w);
}

// The longest start of `text` that fits in `width` on one line with "…" after it, backed off to
// a whole word when one ends in the second half. (Pango's own ellipsis only hides glyphs: the
// PDF's text would still hold all of it.)
std::string with_ellipsis(PangoContext* context, std::string_view text, const Style& style,
                          double width) {
  static constexpr std::string_view kEllipsis = "\u2026";
  text = text.substr(0, utf8::cut(text, 4000));  // far more than a line holds
  std::vector<std::size_t> ends;                 // where each character ends
  for (std::size_t at = 0; at < text.size();) {
    at += utf8::decode(text.substr(at)).size;
    ends.push_back(at);
  }
  const auto fits = [&](std::size_t chars) {
    const std::string candidate =
        std::string(text.substr(0, chars == 0 ? 0 : ends[chars - 1])) + std::string(kEllipsis);
    const LayoutPtr one = make_layout(context, candidate, style, -1);
    return layout_width(one.get()) <= width;
  };
  std::size_t lo = 0;  // fits (or nothing does)
  std::size_t hi = ends.size() + 1;
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    (fits(mid) ? lo : hi) = mid;
  }
  std::string head(text.substr(0, lo == 0 ? 0 : ends[lo - 1]));
  if (head.size() < text.size() && text[head.size()] != ' ') {
    const std::size_t space = head.rfind(' ');
    if (space != std::string::npos && space * 2 >= head.size()) head.resize(space);
  }
  while (!head.empty() && head.back() == ' ') head.pop_back();
  return head + std::string(kEllipsis);
}

// `text` in at most `max_lines` lines of `width`; when it needs more, the last one ends in "…".
LayoutPtr fitted(PangoContext* context, const std::string& text, const Style& style, double width,
                 int max_lines) {
  LayoutPtr layout = make_layout(context, text, style, width);
  if (max_lines < 1 || pango_layout_get_line_count(layout.get()) <= max_lines) return layout;
  const PangoLayoutLine* last = pango_layout_get_line_readonly(layout.get(), max_lines - 1);
  const auto start = static_cast<std::size_t>(last->start_index);
  const std::string cut =
      text.substr(0, start) +
      with_ellipsis(context, std::string_view(text).substr(start), style, width);
  return make_layout(context, cut, style, width);
}

// How many lines of `style` fit in `height`.
int lines_in(PangoContext* context, const Style& style, double height) {
  const LayoutPtr probe = make_layout(context, "Ag", style, -1);
  return static_cast<int>(height / std::max(1.0, layout_height(probe.get())));
}

// One line of a layout, in points from the layout's top-left corner.
struct Line {
  PangoLayoutLine* line = nullptr;  // owned by the layout
  double x = 0;                     // where the line starts (right-to-left lines are aligned)
  double top = 0;
  double height = 0;
  double baseline = 0;
  int start = 0;  // bytes of the layout's text
  int length = 0;
};

std::vector<Line> lines_of(PangoLayout* layout) {
  std::vector<Line> lines;
  const LayoutIterPtr iter(pango_layout_get_iter(layout));
  do {
    PangoRectangle logical{};
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
    lines.push_back({line, from_pango(logical.x), from_pango(logical.y), from_pango(logical.height),
                     from_pango(pango_layout_iter_get_baseline(iter.get())), line->start_index,
                     line->length});
  } while (pango_layout_iter_next_line(iter.get()) != 0);
  return lines;
}

void set_gray(cairo_t* cr, double gray) {
  cairo_set_source_rgb(cr, gray, gray, gray);
}

// The first line of `layout` with its baseline at (x, baseline).
void draw_first_line(cairo_t* cr, PangoLayout* layout, const Style& style, double x,
                     double baseline) {
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
  if (line == nullptr) return;
  set_gray(cr, style.gray);
  cairo_move_to(cr, x, baseline);
  pango_cairo_show_layout_line(cr, line);
}

// [SECTION] The flow ------------------------------------------------------------------------------
//
// An item is a paragraph, a heading, a bullet or a fact: one or two columns (a fact's label and
// value) laid out side by side and drawn row by row, so the page can end after any row.

struct Column {
  std::string text;
  Style style;
  double x = 0;  // from the left margin
  double width = 0;
  LayoutPtr layout;
  std::vector<Line> lines;
};

struct Item {
  std::vector<Column> columns;
  double gap = 0;  // above its first row
  bool heading = false;
  bool bullet = false;

  std::size_t rows() const {
    std::size_t n = 0;
    for (const Column& c : columns) n = std::max(n, c.lines.size());
    return n;
  }
  double row_height(std::size_t row) const {
    double h = 0;
    for (const Column& c : columns) {
      if (row < c.lines.size()) h = std::max(h, c.lines[row].height);
    }
    return h;
  }
};

class Flow {
 public:
  Flow(PangoContext* context, double width) : context_(context), width_(width) {}

  bool full() const { return bytes_ >= kMaxBodyBytes || items_.size() >= kMaxItems; }

  void text(const std::string& text, const Style& style, double gap, bool heading = false) {
    if (text.empty() || full()) return;
    Item item;
    item.gap = items_.empty() ? 0 : gap;
    item.heading = heading;
    item.columns.push_back(column(text, style, 0, width_));
    add(std::move(item), text.size());
  }

  void bullet(const std::string& text) {
    if (text.empty() || full()) return;
    Item item;
    item.gap = items_.empty() ? 0 : 3;
    item.bullet = true;
    item.columns.push_back(column(text, kBody, kBulletIndent, width_ - kBulletIndent));
    add(std::move(item), text.size());
  }

  // Labels in bold in a column as wide as the widest (at most a third of the page), values
  // beside them.
  void facts(const std::vector<std::pair<std::string, std::string>>& facts) {
    double label_w = 0;
    for (const auto& [label, value] : facts) {
      if (label.empty()) continue;
      const LayoutPtr natural = make_layout(context_, label, kBodyBold, -1);
      label_w = std::max(label_w, layout_width(natural.get()));
    }
    label_w = std::min(label_w, width_ * 0.35);
    const double value_x = label_w > 0 ? label_w + 8 : 0;
    bool first = true;
    for (const auto& [label, value] : facts) {
      if (full()) return;
      Item item;
      item.gap = items_.empty() ? 0 : first ? 12 : 3;
      if (!label.empty()) item.columns.push_back(column(label, kBodyBold, 0, label_w));
      item.columns.push_back(column(value, kBody, value_x, width_ - value_x));
      add(std::move(item), label.size() + value.size());
      first = false;
    }
  }

  // Draws the rows that fit between `top` and `limit` at `left`; when some do not, the last
  // drawn line ends in "…" (and a heading is never left last, without its text).
  void draw(cairo_t* cr, double left, double top, double limit) {
    struct Placed {
      std::size_t item;
      std::size_t row;
      double top;
    };
    std::vector<Placed> placed;
    bool cut = false;
    double y = top;
    for (std::size_t i = 0; i < items_.size() && !cut; ++i) {
      for (std::size_t r = 0; r < items_[i].rows(); ++r) {
        const double row_top = y + (r == 0 ? items_[i].gap : 0);
        const double h = items_[i].row_height(r);
        if (row_top + h > limit) {
          cut = true;
          break;
        }
        placed.push_back({i, r, row_top});
        y = row_top + h;
      }
    }
    if (cut) {
      while (!placed.empty() && items_[placed.back().item].heading) {
        const std::size_t heading = placed.back().item;
        while (!placed.empty() && placed.back().item == heading) placed.pop_back();
      }
    }
    for (std::size_t p = 0; p < placed.size(); ++p) {
      const Item& item = items_[placed[p].item];
      const std::size_t row = placed[p].row;
      const double row_top = placed[p].top;
      const bool ends = cut && p + 1 == placed.size();
      if (item.bullet && row == 0 && !item.columns.empty() && !item.columns[0].lines.empty()) {
        const Line& first = item.columns[0].lines[0];
        const double size = kBody.size;
        set_gray(cr, 0);
        cairo_new_path(cr);
        cairo_arc(cr, left + size * 0.35, row_top + first.baseline - first.top - size * 0.31,
                  size * 0.15, 0, 2 * G_PI);
        cairo_fill(cr);
      }
      // The column cut with "…": the last that has a line in this row.
      const Column* ellipsized = nullptr;
      if (ends) {
        for (const Column& c : item.columns) {
          if (row < c.lines.size()) ellipsized = &c;
        }
      }
      for (const Column& c : item.columns) {
        if (row >= c.lines.size()) continue;
        const Line& line = c.lines[row];
        const double baseline = row_top + (line.baseline - line.top);
        if (&c == ellipsized) {
          // As much of the rest as fits on this line (a long word that wrapped whole included).
          const std::string text = with_ellipsis(
              context_, std::string_view(c.text).substr(static_cast<std::size_t>(line.start)),
              c.style, c.width);
          const LayoutPtr one = make_layout(context_, text, c.style, -1);
          draw_first_line(cr, one.get(), c.style, left + c.x + line.x, baseline);
          continue;
        }
        set_gray(cr, c.style.gray);
        cairo_move_to(cr, left + c.x + line.x, baseline);
        pango_cairo_show_layout_line(cr, line.line);
      }
    }
  }

 private:
  static constexpr double kBulletIndent = 15;

  Column column(const std::string& text, const Style& style, double x, double width) const {
    Column c;
    c.text = text;
    c.style = style;
    c.x = x;
    c.width = std::max(width, 1.0);
    c.layout = make_layout(context_, c.text, style, c.width);
    c.lines = lines_of(c.layout.get());
    return c;
  }

  void add(Item item, std::size_t bytes) {
    items_.push_back(std::move(item));
    bytes_ += bytes;
  }

  PangoContext* context_;
  double width_;
  std::vector<Item> items_;
  std::size_t bytes_ = 0;
};

// [SECTION] The page geometry ---------------------------------------------------------------------
//
// US Letter in points, from the top-left corner (cairo's own direction). Margins of 0.7 inch;
// each QR code is 1.9 inch square with its quiet zone.
constexpr double kPageW = 612;
constexpr double kPageH = 792;
constexpr double kMargin = 50;
constexpr double kLeft = kMargin;
constexpr double kTextW = kPageW - 2 * kMargin;
constexpr double kHeaderBaseline = kMargin + 7;
constexpr double kRuleY = kHeaderBaseline + 8;
constexpr double kFooterBaseline = kPageH - kMargin;
constexpr double kQrSide = 137;
constexpr double kBoxBottom = kFooterBaseline - 20;
constexpr double kBoxTop = kBoxBottom - kQrSide;
constexpr double kBoxGap = 18;   // between the last line of text and the box
constexpr double kTextPad = 16;  // inside the box, around the text beside a code

// [SECTION] The codes -----------------------------------------------------------------------------

struct CodeText {
  std::string label;
  std::string caption;
  std::optional<QrCode> qr;
};

// The code as an image of one pixel per module (quiet zone included), scaled up without
// smoothing: sharp on any printer, and a few hundred bytes in the PDF.
void draw_qr(cairo_t* cr, const QrCode& qr, const PageSquare& at) {
  const int total = qr.size() + 2 * QrCode::kQuietZone;
  const SurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, total, total));
  if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) return;
  cairo_surface_flush(image.get());
  unsigned char* data = cairo_image_surface_get_data(image.get());
  const int stride = cairo_image_surface_get_stride(image.get());
  for (int y = 0; y < total; ++y) {
    for (int x = 0; x < total; ++x) {
      const int mx = x - QrCode::kQuietZone;
      const int my = y - QrCode::kQuietZone;
      const bool dark = mx >= 0 && my >= 0 && mx < qr.size() && my < qr.size() && qr.dark(mx, my);
      const std::uint32_t pixel = dark ? 0x000000 : 0xFFFFFF;
      std::memcpy(data + static_cast<std::ptrdiff_t>(y) * stride + std::ptrdiff_t{4} * x, &pixel,
                  sizeof pixel);
    }
  }
  cairo_surface_mark_dirty(image.get());
  cairo_save(cr);
  cairo_translate(cr, at.x, at.y);
  cairo_scale(cr, at.side / total, at.side / total);
  cairo_set_source_surface(cr, image.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle(cr, 0, 0, total, total);
  cairo_fill(cr);
  cairo_restore(cr);
}

void rounded_box(cairo_t* cr, double x, double y, double w, double h) {
  constexpr double r = 6;
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path(cr);
  set_gray(cr, 0.6);
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
}

// The label and caption beside a code (or alone in its cell), in the middle of the box's
// height, cut with "…" where they do not fit.
void draw_code_text(cairo_t* cr, PangoContext* context, const CodeText& code, double x,
                    double width) {
  const double room = kQrSide - 2 * kTextPad;
  LayoutPtr label;
  double label_h = 0;
  if (!code.label.empty()) {
    label = fitted(context, code.label, kCodeLabel, width, 3);
    label_h = layout_height(label.get());
  }
  constexpr double kGap = 4;
  LayoutPtr caption;
  double caption_h = 0;
  const int caption_lines = lines_in(context, kCaption, room - label_h - (label ? kGap : 0));
  if (!code.caption.empty() && caption_lines > 0) {
    caption = fitted(context, code.caption, kCaption, width, caption_lines);
    caption_h = layout_height(caption.get());
  }
  const double total = label_h + (label && caption ? kGap : 0) + caption_h;
  double y = kBoxTop + kTextPad + std::max(0.0, (room - total) / 2);
  if (label) {
    set_gray(cr, kCodeLabel.gray);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, label.get());
    y += label_h + kGap;
  }
  if (caption) {
    set_gray(cr, kCaption.gray);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, caption.get());
  }
}

// The codes worth printing: those with something to encode or to say.
std::vector<CodeText> codes_of(const Printout& printout) {
  std::vector<CodeText> out;
  for (const Printout::Code& code : printout.codes) {
    if (out.size() == Printout::kMaxCodes) break;
    CodeText text{tidy(code.label, kMaxLineBytes), tidy(code.caption, kMaxCaptionBytes), {}};
    const bool has_data = code.data.find_first_not_of(" \t\r\n") != std::string::npos;
    if (has_data) text.qr = QrCode::encode(code.data);
    if (text.qr || !text.label.empty() || !text.caption.empty()) out.push_back(std::move(text));
  }
  return out;
}

// [SECTION] The page ------------------------------------------------------------------------------

cairo_status_t append_to_string(void* closure, const unsigned char* data,
                                unsigned int length) noexcept {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

// Cairo marks every PDF page as a transparency group, even one that draws nothing
// transparent (like this one). CUPS's way to a PostScript printer (Ghostscript's ps2write, level
// 2) flattens such a page into a 300 dpi image: the text becomes pixels, blurred on paper and
// gone from the PDF that cups-pdf writes. The group is blanked out in place, with spaces of the
// same length, so the cross-reference offsets still hold. Only this exact text, which only cairo
// writes (no text of the page reaches the PDF uncompressed with line breaks), is touched.
void drop_page_groups(std::string& pdf) {
  static constexpr std::string_view kGroup =
      "/Group <<\n      /Type /Group\n      /S /Transparency\n      /I true\n"
      "      /CS /DeviceRGB\n   >>";
  for (std::size_t at = pdf.find(kGroup); at != std::string::npos;
       at = pdf.find(kGroup, at + kGroup.size())) {
    pdf.replace(at, kGroup.size(), kGroup.size(), ' ');
  }
}

// A single line across the page at `baseline`, cut with "…" when too long.
void one_line(cairo_t* cr, PangoContext* context, const std::string& text, const Style& style,
              double baseline) {
  if (text.empty()) return;
  const LayoutPtr layout = fitted(context, text, style, kTextW, 1);
  draw_first_line(cr, layout.get(), style, kLeft, baseline);
}

void draw_page(cairo_t* cr, PangoContext* context, const Printout& printout) {
  const std::string header = tidy(printout.header, kMaxLineBytes);
  one_line(cr, context, header, kHeader, kHeaderBaseline);
  if (!header.empty()) {
    set_gray(cr, 0.7);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, kLeft, kRuleY);
    cairo_line_to(cr, kLeft + kTextW, kRuleY);
    cairo_stroke(cr);
  }
  one_line(cr, context, tidy(printout.footer, kMaxLineBytes), kFooter, kFooterBaseline);

  Flow flow(context, kTextW);
  flow.text(tidy(printout.title, kMaxTitleBytes), kTitle, 0);
  flow.text(tidy(printout.subtitle, kMaxTitleBytes), kSubtitle, 3);
  std::vector<std::pair<std::string, std::string>> facts;
  for (const Printout::Fact& fact : printout.facts) {
    std::string value = tidy(fact.value, kMaxFieldBytes);
    if (value.empty()) continue;
    std::string label = tidy(fact.label, kMaxLineBytes);
    if (!label.empty() && !label.ends_with(':')) label += ':';
    facts.emplace_back(std::move(label), std::move(value));
  }
  flow.facts(facts);
  for (const Printout::Block& block : printout.blocks) {
    for (const std::string& line : block.lines) {
      if (flow.full()) break;
      const std::string text = tidy(line, kMaxFieldBytes);
      switch (block.type) {
        case Printout::Block::Type::Heading:
          flow.text(text, kHeading, 12, true);
          break;
        case Printout::Block::Type::Paragraph:
          flow.text(text, kBody, 5);
          break;
        case Printout::Block::Type::Bullets:
          flow.bullet(text);
          break;
      }
    }
  }

  const std::vector<CodeText> codes = codes_of(printout);
  const double top = header.empty() ? kMargin : kRuleY + 10;
  const double limit = codes.empty() ? kFooterBaseline - 20 : kBoxTop - kBoxGap;
  flow.draw(cr, kLeft, top, limit);

  if (codes.empty()) return;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const PageSquare square = code_square(i, codes.size());
    const double cell_w = kTextW / static_cast<double>(codes.size());
    if (codes[i].qr) {
      draw_qr(cr, *codes[i].qr, square);
      const double x = square.x + square.side + 6;
      draw_code_text(cr, context, codes[i], x, square.x + cell_w - kTextPad - x);
    } else {
      draw_code_text(cr, context, codes[i], square.x + kTextPad, cell_w - 2 * kTextPad);
    }
  }
  rounded_box(cr, kLeft, kBoxTop, kTextW, kQrSide);  // over the codes' white quiet zones
}

}  // namespace

PageSquare code_square(std::size_t index, std::size_t count) {
  count = std::clamp<std::size_t>(count, 1, Printout::kMaxCodes);
  const double cell_w = kTextW / static_cast<double>(count);
  return {kLeft + cell_w * static_cast<double>(std::min(index, count - 1)), kBoxTop, kQrSide};
}

std::string render_pdf(const Printout& printout) {
  std::string pdf;
  const SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &pdf, kPageW, kPageH));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
  const std::string title = tidy(printout.title, kMaxLineBytes);
  if (!title.empty()) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "workforce-kiosk");
  {
    SharedFonts& fonts = shared_fonts();
    const std::lock_guard<std::mutex> lock(fonts.mutex);
    if (!fonts.map) fonts.map = noto_font_map();
    if (!fonts.map) return {};
    const CairoPtr cr(cairo_create(surface.get()));
    const ContextPtr context(pango_font_map_create_context(fonts.map.get()));
    pango_cairo_update_context(cr.get(), context.get());
    pango_cairo_context_set_resolution(context.get(), 72);  // a point is a unit of the page
    // Metrics as designed, not snapped to a screen's pixels.
    const FontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context.get(), options.get());
    pango_context_set_round_glyph_positions(context.get(), FALSE);

    draw_page(cr.get(), context.get(), printout);
    cairo_show_page(cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) return {};
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
  drop_page_groups(pdf);
  return pdf;
}

}  // namespace kiosk
