#include "ui/metrics.h"

#include <algorithm>
#include <cmath>

namespace ui {

Metrics metrics_for(int width, int height, int text_step) {
  const float short_side = static_cast<float>(std::max(1, std::min(width, height)));
  const float scale = std::clamp(short_side / kDesignShortSidePx, kMinScale, kMaxScale);
  const float text = kTextScales[std::clamp(text_step, 0, 2)];
  // Whole pixels keep glyphs crisp in the font atlas.
  return {scale, std::round(kEmAtDesignPx * scale * text)};
}

}  // namespace ui
