// The on-screen keyboard's layouts and behaviour, without drawing: which keys each page holds,
// what a press does to the text being typed, and the stable ids (`osk.key.<id>`) the scenarios
// and speech use. The drawing lives in ui/keyboard.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/language.h"

namespace kiosk {

// Chosen by the field being typed into. Pin: the numeric keypad for the staff PIN, without the
// hide key (the keypad is the screen's whole purpose), whose digits are spoken as "digit".
enum class KeyboardMode { Text, Email, Numeric, Pin };

struct Key {
  enum class Action {
    Insert,     // inserts `insert` (a letter, "gmail.com", ".com", …)
    Backspace,  // deletes one character (UTF-8 aware); held, it repeats
    Enter,
    Space,
    Shift,    // the next letter is a capital (twice: caps lock)
    Symbols,  // to the symbols page and back
    Accent,   // to the accented letters (one-shot: back to letters after one)
    Letters,  // back to the letters page
    Hide,     // close the keyboard
  };
  Action action = Action::Insert;
  std::string id;      // registry id suffix: "a", "ñ", "á", "backspace", "gmail.com"
  std::string label;   // what the key shows (lower case; upper when shifted)
  std::string insert;  // for Insert
  float width = 1.0f;  // in key units (a letter key is 1)
  std::vector<std::string> variants;  // long-press alternatives ("a": á à ä)
};

using KeyRow = std::vector<Key>;

class KeyboardState {
 public:
  enum class Page { Letters, Symbols, Accents };

  KeyboardState() = default;
  KeyboardState(Language language, KeyboardMode mode);

  void set(Language language, KeyboardMode mode);  // keeps the page when nothing changed
  Language language() const { return language_; }
  KeyboardMode mode() const { return mode_; }
  Page page() const { return page_; }
  bool shifted() const { return shift_ != Shift::Off; }
  bool caps_lock() const { return shift_ == Shift::Locked; }

  // The rows of the current page.
  const std::vector<KeyRow>& rows() const;
  // What a key shows now (capitals when shifted).
  std::string label(const Key& key) const;

  enum class Result { None, Edited, Enter, Hide };
  // Applies a press of `key` to `text` (at most max_bytes long; longer input is refused).
  Result press(const Key& key, std::string& text, std::size_t max_bytes = 200);
  // A long-press variant chosen from `key.variants`.
  Result insert_variant(std::string_view variant, std::string& text, std::size_t max_bytes = 200);

  void reset();  // letters page, no shift

 private:
  enum class Shift { Off, Once, Locked };
  Language language_ = Language::En;
  KeyboardMode mode_ = KeyboardMode::Text;
  Page page_ = Page::Letters;
  Shift shift_ = Shift::Off;
};

// The rows of one page of one layout (exposed for tests and for the runner).
const std::vector<KeyRow>& keyboard_rows(Language language, KeyboardMode mode,
                                         KeyboardState::Page page);

// Removes the last UTF-8 character of text.
void erase_last_character(std::string& text);

// Upper case of one UTF-8 letter (ASCII, Latin-1 accented letters and ñ); others unchanged.
std::string upper_letter(std::string_view letter);

}  // namespace kiosk
