// Every size the UI uses, in em. Designed at 1920x1080 where 1 em = 32 px; the em follows the
// shorter side of the display, so a 1080x1920 portrait kiosk gets the same sizes and a 1280x800
// screen scales down. Think twice before adding a size anywhere else (KOReader's size.lua rule).
#pragma once

namespace ui {

namespace em {
// Text
inline constexpr float kBodyText = 1.0f;     // 32 px at 1080p: paragraphs, button labels
inline constexpr float kSmallText = 0.875f;  // 28 px: secondary lines (location, hints)
inline constexpr float kLabelText = 1.25f;   // 40 px bold: tile titles, big buttons
inline constexpr float kHeadingText = 1.5f;  // 48 px bold: section headings
inline constexpr float kTitleText = 2.0f;    // 64 px bold: screen titles

// Touch targets and chrome
inline constexpr float kMinTouchTarget = 1.5f;  // 48 px: the floor for anything tappable
inline constexpr float kButtonHeight = 2.75f;   // 88 px: ordinary buttons
inline constexpr float kHeaderHeight = 3.75f;   // top bar: kiosk name, location, language
inline constexpr float kNavBarHeight = 4.25f;   // bottom bar: Back, Home
inline constexpr float kNavButtonWidth = 8.0f;
inline constexpr float kLangButtonWidth = 8.5f;
inline constexpr float kHeaderNameMin = 10.0f;  // the kiosk's name keeps this much of the header
inline constexpr float kTileWidth = 15.0f;
inline constexpr float kTileHeight = 9.5f;
inline constexpr float kMinTileWidth = 12.0f;  // narrower tiles break their words too often
inline constexpr float kIconSize = 2.5f;
inline constexpr float kSmallIconSize = 1.25f;

// Spacing and shapes
inline constexpr float kScreenPadding = 2.0f;  // left/right margin of every screen
inline constexpr float kGap = 1.0f;            // between tiles and buttons
inline constexpr float kParagraphGap = 0.75f;
inline constexpr float kSectionGap = 1.5f;
inline constexpr float kInnerPadding = 1.0f;  // inside tiles and buttons
inline constexpr float kCornerRadius = 0.4f;
inline constexpr float kBorderWidth = 0.1f;
inline constexpr float kBulletIndent = 1.25f;
inline constexpr float kBulletRadius = 0.18f;
inline constexpr float kMaxTextWidth = 40.0f;  // long lines are hard to read: cap the measure
inline constexpr float kScrollIndicatorWidth = 0.3f;
inline constexpr float kDragThreshold = 0.5f;  // a touch that moves further is a drag, not a tap

// On-screen keyboard (ui/keyboard.cpp). At 1080p: keys 80 px tall, 8 px apart; a 1080-wide
// portrait screen gets ten ~98 px keys across, a 1920-wide one is capped at 36 em (~108 px keys).
inline constexpr float kKeyHeight = 2.5f;          // a key on a five-row page
inline constexpr float kKeyGap = 0.25f;            // between keys and rows
inline constexpr float kKeyboardPadding = 0.5f;    // around the keys, every side
inline constexpr float kKeyboardMaxWidth = 36.0f;  // the keys of a wide screen stay in reach
inline constexpr float kKeypadMaxWidth = 18.0f;    // the numeric keypad: three big columns
inline constexpr float kKeyCornerRadius = 0.25f;
inline constexpr float kKeyLabelPadding = 0.25f;  // a label shrinks rather than touch the edge
inline constexpr float kKeyIconSize = 1.125f;     // shift, backspace, return, hide

// Find a job
inline constexpr float kChipHeight = 2.0f;  // 64 px filter chips
inline constexpr float kChipPadding = 0.75f;
inline constexpr float kFieldHeight = 2.5f;       // the search box
inline constexpr float kFilterPaneWidth = 15.0f;  // landscape: filters beside the results
inline constexpr float kTwoPaneMinWidth = 50.0f;  // narrower screens fold the filters away
inline constexpr float kCardPadding = 0.9f;
inline constexpr float kQrSide = 12.0f;          // 384 px at 1080p: easy for any phone camera
inline constexpr float kSidePanelWidth = 16.0f;  // job detail: QR and actions beside the text
}  // namespace em

inline constexpr float kDesignShortSidePx = 1080.0f;
inline constexpr float kEmAtDesignPx = 32.0f;
inline constexpr float kMinScale = 0.5f;
inline constexpr float kMaxScale = 3.0f;

struct Metrics {
  float scale = 1.0f;  // 1.0 at the 1080-pixel design size
  float em_px = kEmAtDesignPx;

  float px(float ems) const { return ems * em_px; }
};

// The three text sizes a resident can choose (access.text_size): everything measured in em
// grows with them, except the on-screen keyboard, which is big enough already.
inline constexpr float kTextScales[] = {1.0f, 1.2f, 1.4f};

// Metrics for a display of width x height pixels, at a text size step (0, 1, 2).
Metrics metrics_for(int width, int height, int text_step = 0);

}  // namespace ui
