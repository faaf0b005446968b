#include "ui/fonts.h"

#include <array>
#include <cmath>
#include <filesystem>

#include <imgui.h>

#include "kiosk/base/log.h"
#include "ui/metrics.h"

namespace ui {
namespace {

struct Family {
  const char* name;
  const char* regular;
  const char* bold;
};

constexpr std::array<Family, 2> kFamilies = {{
    {"Noto Sans", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"},
    {"DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
}};

bool usable(const Family& f) {
  std::error_code ec;
  return std::filesystem::is_regular_file(f.regular, ec) &&
         std::filesystem::is_regular_file(f.bold, ec);
}

}  // namespace

std::string find_font_family() {
  for (const auto& f : kFamilies) {
    if (usable(f)) return f.name;
  }
  return {};
}

const unsigned short* glyph_ranges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (á é í ó ú ü ñ ¿ ¡)
      0x0100, 0x017F,  // Latin Extended-A
      0x2010, 0x2027,  // dashes, curly quotes, bullet, ellipsis
      0x20AC, 0x20AC,  // euro sign
      0,
  };
  return kRanges;
}

bool build_fonts(Fonts& fonts, float em_px) {
  const Family* family = nullptr;
  for (const auto& f : kFamilies) {
    if (usable(f)) {
      family = &f;
      break;
    }
    kiosk::log::warn(std::string("font ") + f.name + " not found (" + f.regular +
                     "); trying the next one");
  }
  if (family == nullptr) {
    kiosk::log::error("no usable font: install fonts-noto-core (or fonts-dejavu-core)");
    return false;
  }

  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  ImFontConfig config;
  config.OversampleH = 1;  // large sizes look the same; the atlas stays small
  config.OversampleV = 1;
  config.PixelSnapH = true;
  const auto add = [&](const char* file, float ems) {
    return atlas->AddFontFromFileTTF(file, std::round(ems * em_px), &config, glyph_ranges());
  };
  fonts.body = add(family->regular, em::kBodyText);
  fonts.small = add(family->regular, em::kSmallText);
  fonts.body_bold = add(family->bold, em::kBodyText);
  fonts.label = add(family->bold, em::kLabelText);
  fonts.heading = add(family->bold, em::kHeadingText);
  fonts.title = add(family->bold, em::kTitleText);
  fonts.family = family->name;
  if (fonts.body == nullptr || fonts.small == nullptr || fonts.body_bold == nullptr ||
      fonts.label == nullptr || fonts.heading == nullptr || fonts.title == nullptr ||
      !atlas->Build()) {
    kiosk::log::error(std::string("cannot load the ") + family->name + " font files");
    return false;
  }
  ImGui::GetIO().FontDefault = fonts.body;
  return true;
}

}  // namespace ui
