// The on-screen keyboard: layouts and typing (kiosk/keyboard.h) without a screen, then the drawn
// keyboard (ui/keyboard.h) in a headless ImGui context at the kiosk's real screen sizes.
#include "kiosk/input/keyboard.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <imgui.h>

#include "kiosk/config/config.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/input/registry.h"
#include "kiosk/session/navigation.h"
#include "kiosk/sync/status.h"
#include "ui/fonts.h"
#include "ui/keyboard.h"
#include "ui/metrics.h"
#include "ui/text_input.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace kiosk {
namespace {

using Page = KeyboardState::Page;
using Result = KeyboardState::Result;

constexpr Language kLanguages[] = {Language::En, Language::Es, Language::Pseudo};
constexpr KeyboardMode kModes[] = {KeyboardMode::Text, KeyboardMode::Email, KeyboardMode::Numeric};
constexpr Page kPages[] = {Page::Letters, Page::Symbols, Page::Accents};

const Key* find_key(const std::vector<KeyRow>& rows, std::string_view id) {
  for (const auto& row : rows) {
    for (const auto& k : row) {
      if (k.id == id) return &k;
    }
  }
  return nullptr;
}

bool on_page(Language lang, KeyboardMode mode, Page page, std::string_view id) {
  return find_key(keyboard_rows(lang, mode, page), id) != nullptr;
}

// The pages one tap of a page key on the letters page leads to.
std::vector<Page> pages_one_switch_away(Language lang, KeyboardMode mode) {
  std::vector<Page> pages = {Page::Letters};
  const auto& letters = keyboard_rows(lang, mode, Page::Letters);
  if (find_key(letters, "symbols") != nullptr) pages.push_back(Page::Symbols);
  if (find_key(letters, "accent") != nullptr) pages.push_back(Page::Accents);
  return pages;
}

bool reachable(Language lang, KeyboardMode mode, std::string_view id) {
  return std::ranges::any_of(pages_one_switch_away(lang, mode),
                             [&](Page page) { return on_page(lang, mode, page, id); });
}

// Presses the key with that id on the state's current page; fails the test when it is not there.
Result press(KeyboardState& state, std::string_view id, std::string& text,
             std::size_t max_bytes = 200) {
  const Key* key = find_key(state.rows(), id);
  EXPECT_NE(key, nullptr) << "no key " << id << " on this page";
  return key == nullptr ? Result::None : state.press(*key, text, max_bytes);
}

// [SECTION] Layouts

TEST(KeyboardLayout, SpanishHasEnyeRightOfL) {
  for (const KeyboardMode mode : {KeyboardMode::Text, KeyboardMode::Email}) {
    const auto& rows = keyboard_rows(Language::Es, mode, Page::Letters);
    bool found = false;
    for (const auto& row : rows) {
      for (std::size_t i = 0; i + 1 < row.size(); ++i) {
        if (row[i].id == "l") {
          EXPECT_EQ(row[i + 1].id, "ñ");
          found = true;
        }
      }
    }
    EXPECT_TRUE(found);
  }
}

TEST(KeyboardLayout, EnyeReachableInEveryLanguage) {
  for (const Language lang : kLanguages) {
    EXPECT_TRUE(reachable(lang, KeyboardMode::Text, "ñ")) << language_code(lang);
  }
  EXPECT_TRUE(on_page(Language::Es, KeyboardMode::Text, Page::Letters, "ñ"));
  EXPECT_TRUE(on_page(Language::En, KeyboardMode::Text, Page::Accents, "ñ"));
  // A long press on n offers it in English; Spanish has its own key instead.
  const Key* n = find_key(keyboard_rows(Language::En, KeyboardMode::Text, Page::Letters), "n");
  ASSERT_NE(n, nullptr);
  EXPECT_NE(std::find(n->variants.begin(), n->variants.end(), "ñ"), n->variants.end());
}

TEST(KeyboardLayout, AccentedVowelsWithinOnePageSwitch) {
  for (const Language lang : kLanguages) {
    for (const char* letter : {"á", "é", "í", "ó", "ú", "ü", "ñ"}) {
      EXPECT_TRUE(reachable(lang, KeyboardMode::Text, letter))
          << letter << " in " << language_code(lang);
      // ...and the one-tap way the runner uses: the accent key, then the letter.
      EXPECT_TRUE(on_page(lang, KeyboardMode::Text, Page::Accents, letter)) << letter;
    }
    EXPECT_TRUE(on_page(lang, KeyboardMode::Text, Page::Letters, "accent"));
  }
}

TEST(KeyboardLayout, LongPressOffersTheSpanishVowels) {
  const auto& rows = keyboard_rows(Language::Es, KeyboardMode::Text, Page::Letters);
  const std::map<std::string, std::string> first = {
      {"a", "á"}, {"e", "é"}, {"i", "í"}, {"o", "ó"}, {"u", "ú"}};
  for (const auto& [base, variant] : first) {
    const Key* k = find_key(rows, base);
    ASSERT_NE(k, nullptr);
    ASSERT_FALSE(k->variants.empty());
    EXPECT_EQ(k->variants.front(), variant);
  }
  const Key* u = find_key(rows, "u");
  EXPECT_NE(std::find(u->variants.begin(), u->variants.end(), "ü"), u->variants.end());
}

TEST(KeyboardLayout, SymbolsPageHasCommonPunctuation) {
  for (const Language lang : kLanguages) {
    for (const char* mark : {"@", ".", ",", "-", "'", "\"", "?", "!", "¿", "¡",
                             "/", "&", "(", ")", "#", "$",  "%", "+", ":", ";"}) {
      EXPECT_TRUE(on_page(lang, KeyboardMode::Text, Page::Symbols, mark))
          << mark << " in " << language_code(lang);
    }
    for (char d = '0'; d <= '9'; ++d) {
      EXPECT_TRUE(on_page(lang, KeyboardMode::Text, Page::Symbols, std::string(1, d)));
      EXPECT_TRUE(on_page(lang, KeyboardMode::Text, Page::Letters, std::string(1, d)));
    }
  }
}

TEST(KeyboardLayout, KeyIdsAreUniqueWithinEveryPage) {
  for (const Language lang : kLanguages) {
    for (const KeyboardMode mode : kModes) {
      for (const Page page : kPages) {
        std::set<std::string> ids;
        for (const auto& row : keyboard_rows(lang, mode, page)) {
          for (const auto& k : row) {
            EXPECT_FALSE(k.id.empty());
            EXPECT_TRUE(ids.insert(k.id).second) << "duplicate " << k.id;
            // A long-press variant must not be a visible key of the same page either.
            for (const auto& v : k.variants)
              EXPECT_EQ(find_key(keyboard_rows(lang, mode, page), v), nullptr) << v;
          }
        }
      }
    }
  }
}

TEST(KeyboardLayout, SharedKeysKeepTheirIdsAcrossLanguages) {
  for (const KeyboardMode mode : {KeyboardMode::Text, KeyboardMode::Email}) {
    for (const Page page : kPages) {
      for (const auto& row : keyboard_rows(Language::En, mode, page)) {
        for (const auto& k : row) {
          if (k.id == "'") continue;  // English's apostrophe sits where Spanish has ñ
          EXPECT_TRUE(on_page(Language::Es, mode, page, k.id)) << k.id;
        }
      }
    }
  }
  for (const char* id :
       {"a", "z", "shift", "backspace", "enter", "space", "symbols", "accent", "hide", "1", "0"}) {
    EXPECT_TRUE(on_page(Language::En, KeyboardMode::Text, Page::Letters, id)) << id;
    EXPECT_TRUE(on_page(Language::Es, KeyboardMode::Text, Page::Letters, id)) << id;
  }
}

TEST(KeyboardLayout, PseudoTypesLikeEnglish) {
  for (const KeyboardMode mode : kModes) {
    for (const Page page : kPages) {
      EXPECT_EQ(&keyboard_rows(Language::Pseudo, mode, page),
                &keyboard_rows(Language::En, mode, page));
    }
  }
}

TEST(KeyboardLayout, NoRowWiderThanElevenKeys) {
  for (const Language lang : kLanguages) {
    for (const KeyboardMode mode : kModes) {
      for (const Page page : kPages) {
        const auto& rows = keyboard_rows(lang, mode, page);
        EXPECT_FALSE(rows.empty());
        for (const auto& row : rows) {
          float units = 0;
          for (const auto& k : row) {
            EXPECT_GE(k.width, 1.0f) << k.id;  // nothing narrower than a letter key
            units += k.width;
          }
          EXPECT_LE(units, 11.0f);
        }
      }
    }
  }
}

TEST(KeyboardLayout, EveryPageCanEraseSubmitAndHide) {
  for (const Language lang : kLanguages) {
    for (const KeyboardMode mode : kModes) {
      for (const Page page : kPages) {
        for (const char* id : {"backspace", "enter", "hide"}) {
          EXPECT_TRUE(on_page(lang, mode, page, id)) << id;
        }
      }
    }
  }
}

TEST(KeyboardLayout, EmailHasAtDomainsAndDigits) {
  for (const Language lang : kLanguages) {
    for (const char* id : {"@", ".", "-", "_", ".com", ".net", ".org", "gmail.com", "hotmail.com",
                           "yahoo.com", "outlook.com", "1", "0", "a", "shift"}) {
      EXPECT_TRUE(on_page(lang, KeyboardMode::Email, Page::Letters, id)) << id;
    }
  }
  const Key* gmail =
      find_key(keyboard_rows(Language::En, KeyboardMode::Email, Page::Letters), "gmail.com");
  ASSERT_NE(gmail, nullptr);
  EXPECT_EQ(gmail->insert, "gmail.com");
}

TEST(KeyboardLayout, NumericIsAKeypad) {
  std::set<std::string> ids;
  for (const auto& row : keyboard_rows(Language::En, KeyboardMode::Numeric, Page::Letters)) {
    for (const auto& k : row) ids.insert(k.id);
  }
  for (char d = '0'; d <= '9'; ++d) EXPECT_TRUE(ids.count(std::string(1, d))) << d;
  EXPECT_EQ(ids.size(), 13u);  // the digits, backspace, enter, hide: nothing else
}

// [SECTION] Typing

TEST(KeyboardState, TypesLettersAndSpace) {
  KeyboardState s(Language::Es, KeyboardMode::Text);
  std::string text;
  EXPECT_EQ(press(s, "h", text), Result::Edited);
  press(s, "o", text);
  press(s, "space", text);
  press(s, "ñ", text);
  EXPECT_EQ(text, "ho ñ");
}

TEST(KeyboardState, ShiftCapitalizesOneLetterIncludingAccents) {
  KeyboardState s(Language::Es, KeyboardMode::Text);
  std::string text;
  press(s, "shift", text);
  EXPECT_TRUE(s.shifted());
  EXPECT_FALSE(s.caps_lock());
  EXPECT_EQ(s.label(*find_key(s.rows(), "ñ")), "Ñ");
  press(s, "ñ", text);
  EXPECT_FALSE(s.shifted());
  press(s, "a", text);
  EXPECT_EQ(text, "Ña");

  // The runner's way to type É: shift, then the accent page, then é.
  text.clear();
  press(s, "shift", text);
  press(s, "accent", text);
  EXPECT_EQ(s.page(), Page::Accents);
  EXPECT_TRUE(s.shifted());
  EXPECT_EQ(s.label(*find_key(s.rows(), "é")), "É");
  press(s, "é", text);
  EXPECT_EQ(text, "É");
  EXPECT_EQ(s.page(), Page::Letters);  // one-shot
  EXPECT_FALSE(s.shifted());
}

TEST(KeyboardState, ShiftAppliesToLongPressVariants) {
  KeyboardState s(Language::En, KeyboardMode::Text);
  std::string text;
  press(s, "shift", text);
  EXPECT_EQ(s.insert_variant("ú", text), Result::Edited);
  EXPECT_EQ(s.insert_variant("ú", text), Result::Edited);
  EXPECT_EQ(text, "Úú");
}

TEST(KeyboardState, ShiftTwiceIsCapsLockAndAThirdTimeLetsGo) {
  KeyboardState s(Language::En, KeyboardMode::Text);
  std::string text;
  press(s, "shift", text);
  press(s, "shift", text);
  EXPECT_TRUE(s.caps_lock());
  for (const char* id : {"m", "i", "a", "m", "i"}) press(s, id, text);
  EXPECT_TRUE(s.caps_lock());
  press(s, "accent", text);
  press(s, "ü", text);
  EXPECT_EQ(text, "MIAMIÜ");
  EXPECT_TRUE(s.caps_lock());
  press(s, "shift", text);
  EXPECT_FALSE(s.shifted());
  press(s, "a", text);
  EXPECT_EQ(text, "MIAMIÜa");
}

TEST(KeyboardState, PageKeysToggle) {
  KeyboardState s(Language::En, KeyboardMode::Text);
  std::string text;
  const Key* symbols = find_key(s.rows(), "symbols");
  ASSERT_NE(symbols, nullptr);
  EXPECT_EQ(s.label(*symbols), "?123");
  EXPECT_EQ(press(s, "symbols", text), Result::None);
  EXPECT_EQ(s.page(), Page::Symbols);
  EXPECT_EQ(s.label(*find_key(s.rows(), "symbols")), "ABC");
  press(s, "¿", text);
  EXPECT_EQ(s.page(), Page::Symbols);  // symbols stay for the next one
  press(s, "symbols", text);
  EXPECT_EQ(s.page(), Page::Letters);
  press(s, "accent", text);
  press(s, "accent", text);
  EXPECT_EQ(s.page(), Page::Letters);
  EXPECT_EQ(text, "¿");
}

TEST(KeyboardState, EnterAndHideReportThemselves) {
  KeyboardState s(Language::En, KeyboardMode::Text);
  std::string text = "x";
  EXPECT_EQ(press(s, "enter", text), Result::Enter);
  press(s, "shift", text);
  press(s, "symbols", text);
  EXPECT_EQ(press(s, "hide", text), Result::Hide);  // the next field opens on plain letters
  EXPECT_EQ(s.page(), Page::Letters);
  EXPECT_FALSE(s.shifted());
  EXPECT_EQ(text, "x");
}

TEST(KeyboardState, SetKeepsThePageUnlessTheModeChanges) {
  KeyboardState s(Language::En, KeyboardMode::Text);
  std::string text;
  press(s, "symbols", text);
  s.set(Language::En, KeyboardMode::Text);
  EXPECT_EQ(s.page(), Page::Symbols);
  s.set(Language::Es, KeyboardMode::Text);  // the language toggle keeps what you were doing
  EXPECT_EQ(s.page(), Page::Symbols);
  s.set(Language::Es, KeyboardMode::Email);
  EXPECT_EQ(s.page(), Page::Letters);
  EXPECT_EQ(s.mode(), KeyboardMode::Email);
}

TEST(KeyboardState, BackspaceRemovesWholeCharacters) {
  KeyboardState s(Language::Es, KeyboardMode::Text);
  std::string text = "año€";
  EXPECT_EQ(press(s, "backspace", text), Result::Edited);
  EXPECT_EQ(text, "año");
  press(s, "backspace", text);
  EXPECT_EQ(text, "añ");
  press(s, "backspace", text);
  EXPECT_EQ(text, "a");
  press(s, "backspace", text);
  EXPECT_EQ(text, "");
  EXPECT_EQ(press(s, "backspace", text), Result::None);
}

TEST(KeyboardState, MaxBytesIsRespected) {
  KeyboardState s(Language::Es, KeyboardMode::Text);
  std::string text = "abcd";
  EXPECT_EQ(press(s, "e", text, 5), Result::Edited);
  EXPECT_EQ(press(s, "f", text, 5), Result::None);
  EXPECT_EQ(press(s, "space", text, 5), Result::None);
  EXPECT_EQ(text, "abcde");
  text = "abcd";  // room for one byte: a two-byte ñ is refused whole, never split
  EXPECT_EQ(press(s, "ñ", text, 5), Result::None);
  EXPECT_EQ(s.insert_variant("é", text, 5), Result::None);
  EXPECT_EQ(text, "abcd");
  press(s, "shift", text);
  EXPECT_EQ(press(s, "ñ", text, 5), Result::None);
  EXPECT_TRUE(s.shifted());  // a refused letter does not use up the shift

  KeyboardState email(Language::En, KeyboardMode::Email);
  text = "ana@";
  EXPECT_EQ(press(email, "gmail.com", text, 12), Result::None);
  EXPECT_EQ(press(email, "gmail.com", text, 13), Result::Edited);
  EXPECT_EQ(text, "ana@gmail.com");
}

TEST(KeyboardState, DomainKeysAreNotCapitalized) {
  KeyboardState s(Language::En, KeyboardMode::Email);
  std::string text;
  press(s, "shift", text);
  press(s, ".com", text);
  EXPECT_EQ(text, ".com");
  EXPECT_FALSE(s.shifted());
}

TEST(KeyboardState, NumericTypesDigits) {
  KeyboardState s(Language::Es, KeyboardMode::Numeric);
  std::string text;
  for (const char* id : {"3", "0", "5"}) press(s, id, text);
  press(s, "backspace", text);
  EXPECT_EQ(text, "30");
}

// [SECTION] Text helpers

TEST(KeyboardText, UpperLetter) {
  EXPECT_EQ(upper_letter("a"), "A");
  EXPECT_EQ(upper_letter("z"), "Z");
  EXPECT_EQ(upper_letter("A"), "A");
  EXPECT_EQ(upper_letter("1"), "1");
  EXPECT_EQ(upper_letter("@"), "@");
  const std::map<std::string, std::string> pairs = {
      {"á", "Á"}, {"é", "É"}, {"í", "Í"}, {"ó", "Ó"}, {"ú", "Ú"}, {"ü", "Ü"}, {"ñ", "Ñ"},
      {"à", "À"}, {"è", "È"}, {"ì", "Ì"}, {"ò", "Ò"}, {"ù", "Ù"}, {"ç", "Ç"}, {"ã", "Ã"},
      {"õ", "Õ"}, {"â", "Â"}, {"ê", "Ê"}, {"ô", "Ô"}, {"ï", "Ï"}, {"ø", "Ø"}, {"þ", "Þ"},
      {"ÿ", "Ÿ"}, {"ā", "Ā"}, {"ł", "Ł"}, {"ž", "Ž"}, {"ő", "Ő"}, {"ı", "I"},
  };
  for (const auto& [lower, upper] : pairs) {
    EXPECT_EQ(upper_letter(lower), upper) << lower;
    EXPECT_EQ(upper_letter(upper), upper) << upper;  // capitals stay
  }
  EXPECT_EQ(upper_letter("÷"), "÷");  // in the Latin-1 letter block, not a letter
  EXPECT_EQ(upper_letter("ß"), "ß");
  EXPECT_EQ(upper_letter("¿"), "¿");
  EXPECT_EQ(upper_letter("€"), "€");
  EXPECT_EQ(upper_letter("gmail.com"), "gmail.com");  // one letter only
  EXPECT_EQ(upper_letter(""), "");
}

TEST(KeyboardText, EraseLastCharacterIsUtf8Aware) {
  std::string s = "aé€😀";
  erase_last_character(s);
  EXPECT_EQ(s, "aé€");
  erase_last_character(s);
  EXPECT_EQ(s, "aé");
  erase_last_character(s);
  EXPECT_EQ(s, "a");
  erase_last_character(s);
  EXPECT_EQ(s, "");
  erase_last_character(s);  // nothing to erase: no harm
  EXPECT_EQ(s, "");
}

TEST(KeyboardText, EraseLastCharacterNeverLeavesAPartialSequence) {
  std::string truncated = "a\xE2\x82";  // € cut short
  erase_last_character(truncated);
  EXPECT_EQ(truncated, "a");
  std::string lone_lead = "b\xC3";
  erase_last_character(lone_lead);
  EXPECT_EQ(lone_lead, "b");
  std::string stray = "\xC3\xA9\x80";  // é and a stray continuation byte
  erase_last_character(stray);
  EXPECT_EQ(stray, "é");
  std::string only_stray = "\x80\x80";
  erase_last_character(only_stray);
  erase_last_character(only_stray);
  EXPECT_EQ(only_stray, "");
}

}  // namespace
}  // namespace kiosk

// [SECTION] The drawn keyboard, headless

namespace ui {
namespace {

using kiosk::KeyboardMode;
using Result = kiosk::KeyboardState::Result;

struct ScreenSize {
  int w, h;
};

class KeyboardUi : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImFont* font = io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    fonts_.body = fonts_.small = fonts_.label = fonts_.heading = fonts_.title = fonts_.body_bold =
        font;
    use_screen({1080, 1920});
  }
  void TearDown() override { ImGui::DestroyContext(context_); }

  void use_screen(ScreenSize s) {
    screen_ = s;
    metrics_ = metrics_for(s.w, s.h);
    apply_theme(palette(), metrics_.em_px);
  }

  // One frame with the pointer at `mouse`; the keyboard docked at the bottom of the screen.
  Result frame(ImVec2 mouse, bool down, float dt = 1.0f / 60) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(screen_.w), static_cast<float>(screen_.h));
    io.DeltaTime = dt;
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    registry_.begin_frame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("screen", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    // Every field, as ui/app.cpp does (-Werror=missing-field-initializers).
    Ui ui{.metrics = metrics_,
          .palette = palette(),
          .fonts = fonts_,
          .tr = tr_,
          .registry = registry_,
          .config = config_,
          .intents = intents_,
          .listings = listings_,
          .input = input_,
          .printer = nullptr,
          .now = 0,
          .clock_now = {},
          .delta_seconds = dt,
          .wants_animation_frame = false,
          .wake_at = std::nullopt,
          .busy = false,
          .keyboard_metrics = nullptr,
          .access = nullptr,
          .speech = nullptr};
    keyboard_height_ = keyboard_.height(ui, io.DisplaySize.x);
    keyboard_top_ = io.DisplaySize.y - keyboard_height_;
    const Result r = keyboard_.draw(ui, ImVec2(0, keyboard_top_),
                                    ImVec2(io.DisplaySize.x, keyboard_height_), mode_, text_);
    wants_frame_ = ui.wants_animation_frame;
    ImGui::End();
    ImGui::Render();
    registry_.end_frame();
    return r;
  }

  Result idle() { return frame(ImVec2(-1000, -1000), false); }

  ImVec2 centre_of(std::string_view id) {
    const kiosk::WidgetInfo* w = registry_.find(id);
    EXPECT_NE(w, nullptr) << "no visible " << id;
    if (w == nullptr) return {-1000, -1000};
    return {w->rect.centre_x(), w->rect.centre_y()};
  }

  // A tap as the input layer delivers it: hover, press on one frame, release on the next.
  Result tap(std::string_view id) {
    const ImVec2 at = centre_of(id);
    frame(at, false);
    frame(at, true);
    const Result r = frame(at, false);
    idle();  // the frame that shows the new page
    return r;
  }

  std::vector<kiosk::WidgetInfo> keys() const {
    std::vector<kiosk::WidgetInfo> out;
    for (const auto& w : registry_.widgets()) {
      if (w.id.starts_with("osk.key.")) out.push_back(w);
    }
    return out;
  }

  // Every key at least a touch target, inside the keyboard, apart from every other key.
  void expect_keys_usable(const std::string& where) {
    const auto all = keys();
    ASSERT_FALSE(all.empty()) << where;
    const float floor = std::max(48.0f * metrics_.scale, metrics_.px(em::kMinTouchTarget));
    std::set<std::string> ids;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const auto& a = all[i];
      EXPECT_TRUE(ids.insert(a.id).second) << where << ": two " << a.id;
      EXPECT_GE(a.rect.w, floor) << where << ": " << a.id;
      EXPECT_GE(a.rect.h, floor) << where << ": " << a.id;
      EXPECT_GE(a.rect.x, 0) << where << ": " << a.id;
      EXPECT_LE(a.rect.x + a.rect.w, static_cast<float>(screen_.w)) << where << ": " << a.id;
      EXPECT_GE(a.rect.y, keyboard_top_) << where << ": " << a.id;
      EXPECT_LE(a.rect.y + a.rect.h, keyboard_top_ + keyboard_height_) << where << ": " << a.id;
      for (std::size_t j = i + 1; j < all.size(); ++j) {
        const auto overlap = a.rect.intersect(all[j].rect);
        EXPECT_TRUE(overlap.empty()) << where << ": " << a.id << " overlaps " << all[j].id;
      }
    }
  }

  ImGuiContext* context_ = nullptr;
  Fonts fonts_;
  Metrics metrics_;
  kiosk::Translator tr_;
  kiosk::WidgetRegistry registry_;
  kiosk::Config config_;
  std::vector<kiosk::Intent> intents_;
  kiosk::ListingsStatus listings_;
  TextInput input_;  // unused: the keyboard under test is drawn directly
  OnScreenKeyboard keyboard_;
  ScreenSize screen_{1080, 1920};
  KeyboardMode mode_ = KeyboardMode::Text;
  std::string text_;
  float keyboard_height_ = 0;
  float keyboard_top_ = 0;
  bool wants_frame_ = false;
};

TEST_F(KeyboardUi, EveryKeyIsATouchTargetAndNoneOverlap) {
  const ScreenSize sizes[] = {{1080, 1920}, {1920, 1080}, {1280, 800}, {800, 1280}, {1366, 768}};
  for (const ScreenSize size : sizes) {
    use_screen(size);
    for (const kiosk::Language lang : {kiosk::Language::En, kiosk::Language::Es}) {
      tr_.set_language(lang);
      for (const KeyboardMode mode :
           {KeyboardMode::Text, KeyboardMode::Email, KeyboardMode::Numeric}) {
        mode_ = mode;
        keyboard_.reset();
        idle();
        idle();
        const std::string where = std::to_string(size.w) + "x" + std::to_string(size.h) + " " +
                                  std::string(kiosk::language_code(lang)) + " mode " +
                                  std::to_string(static_cast<int>(mode));
        expect_keys_usable(where + " letters");
        if (mode == KeyboardMode::Numeric) continue;
        tap("osk.key.symbols");
        EXPECT_EQ(keyboard_.state().page(), kiosk::KeyboardState::Page::Symbols) << where;
        expect_keys_usable(where + " symbols");
        tap("osk.key.symbols");
        if (mode == KeyboardMode::Text) {
          tap("osk.key.accent");
          EXPECT_EQ(keyboard_.state().page(), kiosk::KeyboardState::Page::Accents) << where;
          expect_keys_usable(where + " accents");
        }
      }
    }
  }
  EXPECT_TRUE(text_.empty());  // page keys type nothing
}

TEST_F(KeyboardUi, KeysAreComfortablyBigAt1080p) {
  for (const ScreenSize size : {ScreenSize{1080, 1920}, ScreenSize{1920, 1080}}) {
    use_screen(size);
    idle();
    const kiosk::WidgetInfo* a = registry_.find("osk.key.a");
    ASSERT_NE(a, nullptr);
    EXPECT_GE(a->rect.w, 90.0f);  // ten across a portrait screen, still finger-sized
    EXPECT_GE(a->rect.h, 76.0f);
    EXPECT_LE(a->rect.w, 120.0f);  // a landscape screen does not stretch them
    const kiosk::WidgetInfo* space = registry_.find("osk.key.space");
    ASSERT_NE(space, nullptr);
    EXPECT_GT(space->rect.w, 2.5f * a->rect.w);
  }
}

TEST_F(KeyboardUi, HeightIsTheSameForEveryMode) {
  idle();
  const float text_height = keyboard_height_;
  EXPECT_FLOAT_EQ(text_height,
                  metrics_.px(2 * em::kKeyboardPadding + 5 * em::kKeyHeight + 4 * em::kKeyGap));
  mode_ = KeyboardMode::Email;
  idle();
  EXPECT_FLOAT_EQ(keyboard_height_, text_height);
  mode_ = KeyboardMode::Numeric;
  idle();
  EXPECT_FLOAT_EQ(keyboard_height_, text_height);
}

TEST_F(KeyboardUi, TypesWhatTheRunnerTaps) {
  tr_.set_language(kiosk::Language::Es);
  idle();
  // "Ñandú É" as the scenario runner types it.
  EXPECT_EQ(tap("osk.key.shift"), Result::None);
  EXPECT_EQ(registry_.find("osk.key.ñ")->text, "Ñ");  // the label speech reads
  EXPECT_EQ(tap("osk.key.ñ"), Result::Edited);
  for (const char* id : {"osk.key.a", "osk.key.n", "osk.key.d"}) tap(id);
  EXPECT_EQ(registry_.find("osk.key.á"), nullptr);
  tap("osk.key.accent");
  tap("osk.key.ú");
  EXPECT_NE(registry_.find("osk.key.a"), nullptr);  // back on letters after one accent
  tap("osk.key.space");
  tap("osk.key.shift");
  tap("osk.key.accent");
  tap("osk.key.é");
  EXPECT_EQ(text_, "Ñandú É");
  tap("osk.key.backspace");
  EXPECT_EQ(text_, "Ñandú ");
  EXPECT_EQ(tap("osk.key.enter"), Result::Enter);
  EXPECT_EQ(tap("osk.key.hide"), Result::Hide);
  EXPECT_EQ(text_, "Ñandú ");
}

TEST_F(KeyboardUi, CapsLockShowsOnTheShiftKey) {
  idle();
  tap("osk.key.shift");
  tap("osk.key.shift");
  EXPECT_TRUE(keyboard_.state().caps_lock());
  EXPECT_EQ(registry_.find("osk.key.q")->text, "Q");
  tap("osk.key.q");
  tap("osk.key.q");
  EXPECT_EQ(text_, "QQ");
}

TEST_F(KeyboardUi, EmailAndNumericKeysType) {
  mode_ = KeyboardMode::Email;
  idle();
  for (const char* id : {"osk.key.j", "osk.key.o", "osk.key.2", "osk.key.@", "osk.key.gmail.com"}) {
    tap(id);
  }
  EXPECT_EQ(text_, "jo2@gmail.com");
  mode_ = KeyboardMode::Numeric;
  text_.clear();
  idle();
  for (char d = '0'; d <= '9'; ++d) tap("osk.key." + std::string(1, d));
  EXPECT_EQ(text_, "0123456789");
}

TEST_F(KeyboardUi, HeldBackspaceRepeats) {
  text_ = "abcdefghijklmnopqrstuvwxyz";
  idle();
  const ImVec2 at = centre_of("osk.key.backspace");
  frame(at, false);
  frame(at, true);
  EXPECT_TRUE(wants_frame_);                           // frames keep coming while it is held
  for (int i = 0; i < 9; ++i) frame(at, true, 0.05f);  // 0.45 s: not yet
  EXPECT_EQ(text_.size(), 26u);
  for (int i = 0; i < 10; ++i) frame(at, true, 0.05f);  // to 0.95 s: about six repeats
  EXPECT_GE(text_.size(), 18u);
  EXPECT_LE(text_.size(), 21u);
  const std::size_t after_hold = text_.size();
  frame(at, false);  // lifting after repeats does not erase one more
  EXPECT_EQ(text_.size(), after_hold);
  tap("osk.key.backspace");  // a plain tap erases one
  EXPECT_EQ(text_.size(), after_hold - 1);
}

TEST_F(KeyboardUi, LongPressOffersVariantsAndSlidingTypesOne) {
  idle();
  const ImVec2 e = centre_of("osk.key.e");
  frame(e, false);
  frame(e, true);
  EXPECT_TRUE(wants_frame_);
  for (int i = 0; i < 12; ++i) frame(e, true, 0.05f);
  frame(e, true);
  const kiosk::WidgetInfo* variant = registry_.find("osk.key.é");
  ASSERT_NE(variant, nullptr);
  EXPECT_LT(variant->rect.y, registry_.find("osk.key.e")->rect.y);  // above the key
  EXPECT_EQ(registry_.find("osk.key.3"), nullptr);  // covered by the popup: not tappable
  expect_keys_usable("popup");
  const ImVec2 target(variant->rect.centre_x(), variant->rect.centre_y());
  frame(target, true);
  frame(target, false);
  idle();
  EXPECT_EQ(text_, "é");
  EXPECT_EQ(registry_.find("osk.key.é"), nullptr);  // the popup closed

  // Held and lifted on the key itself: the popup stays for a tap, and the e is not typed.
  frame(e, false);
  frame(e, true);
  for (int i = 0; i < 12; ++i) frame(e, true, 0.05f);
  frame(e, false);
  idle();
  EXPECT_EQ(text_, "é");
  ASSERT_NE(registry_.find("osk.key.è"), nullptr);
  tap("osk.key.è");
  EXPECT_EQ(text_, "éè");
  EXPECT_EQ(registry_.find("osk.key.è"), nullptr);

  // A tap elsewhere closes the popup and types as usual.
  frame(e, false);
  frame(e, true);
  for (int i = 0; i < 12; ++i) frame(e, true, 0.05f);
  frame(e, false);
  idle();
  ASSERT_NE(registry_.find("osk.key.ê"), nullptr);
  tap("osk.key.m");
  EXPECT_EQ(registry_.find("osk.key.ê"), nullptr);
  EXPECT_EQ(text_, "éèm");
}

TEST_F(KeyboardUi, QuickTapsDoNotOpenThePopup) {
  idle();
  for (int i = 0; i < 3; ++i) tap("osk.key.a");
  EXPECT_EQ(text_, "aaa");
  EXPECT_EQ(registry_.find("osk.key.á"), nullptr);
}

TEST_F(KeyboardUi, SlidingOffAKeyDoesNotType) {
  idle();
  const ImVec2 q = centre_of("osk.key.q");
  const ImVec2 p = centre_of("osk.key.p");
  frame(q, false);
  frame(q, true);
  frame(p, true);
  frame(p, false);
  EXPECT_EQ(text_, "");
}

}  // namespace
}  // namespace ui
