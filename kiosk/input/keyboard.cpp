#include "kiosk/input/keyboard.h"

#include <cstdint>
#include <initializer_list>
#include <utility>

#include "kiosk/base/utf8.h"

namespace kiosk {
namespace {

// [SECTION] UTF-8

// The code point of `s` when it is exactly one well-formed character, else -1.
std::int32_t single_code_point(std::string_view s) {
  if (s.empty()) return -1;
  const utf8::Decoded d = utf8::decode(s);
  return d.valid && d.size == s.size() ? static_cast<std::int32_t>(d.cp) : -1;
}

// Upper case within Basic Latin, Latin-1 and Latin Extended-A (the fonts' letter ranges).
std::int32_t upper_code_point(std::int32_t cp) {
  if (cp >= 'a' && cp <= 'z') return cp - 0x20;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 0x20;  // à..þ, not ÷
  if (cp == 0xFF) return 0x178;                                  // ÿ -> Ÿ
  if (cp == 0x131) return 'I';                                   // dotless ı
  if (cp == 0x17F) return 'S';                                   // long ſ
  // Latin Extended-A pairs capital/small: even/odd, except two runs where the capital is odd.
  const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  if (odd_capitals) return cp % 2 == 0 ? cp - 1 : cp;
  const bool paired =
      (cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
  if (paired) return cp % 2 == 1 ? cp - 1 : cp;
  return cp;
}

// [SECTION] Layouts

Key insert_key(std::string text, float width = 1.0f) {
  Key k;
  k.action = Key::Action::Insert;
  k.id = text;
  k.label = text;
  k.insert = std::move(text);
  k.width = width;
  return k;
}

Key function_key(Key::Action action, std::string id, float width, std::string label = {}) {
  Key k;
  k.action = action;
  k.id = std::move(id);
  k.label = std::move(label);
  k.width = width;
  return k;
}

KeyRow insert_row(std::initializer_list<const char*> texts) {
  KeyRow row;
  for (const char* t : texts) row.push_back(insert_key(t));
  return row;
}

// What a long press on a base letter offers. Spanish has its own ñ key, so `n` offers nothing
// there (two visible osk.key.ñ at once would confuse the runner and speech).
std::vector<std::string> variants_for(std::string_view letter, Language language) {
  if (letter == "a") return {"á", "à", "â", "ä", "ã"};
  if (letter == "e") return {"é", "è", "ê", "ë"};
  if (letter == "i") return {"í", "ì", "î", "ï"};
  if (letter == "o") return {"ó", "ò", "ô", "ö", "õ"};
  if (letter == "u") return {"ú", "ü", "ù", "û"};
  if (letter == "c") return {"ç"};
  if (letter == "n" && language != Language::Es) return {"ñ"};
  return {};
}

KeyRow letter_row(std::initializer_list<const char*> letters, Language language) {
  KeyRow row = insert_row(letters);
  for (Key& k : row) k.variants = variants_for(k.id, language);
  return row;
}

KeyRow digit_row() {
  return insert_row({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"});
}

Key backspace_key(float width) {
  return function_key(Key::Action::Backspace, "backspace", width);
}

// Every text page ends with the same row, so its keys never move when the page changes.
KeyRow text_bottom_row() {
  return {
      function_key(Key::Action::Symbols, "symbols", 1.5f, "?123"),
      function_key(Key::Action::Accent, "accent", 1.0f, "á é"),
      insert_key(","),
      function_key(Key::Action::Space, "space", 2.5f),
      insert_key("."),
      function_key(Key::Action::Enter, "enter", 2.0f),  // room for what it does: "Search"
      function_key(Key::Action::Hide, "hide", 1.5f),    // and "Hide keyboard" in two lines
  };
}

KeyRow email_bottom_row() {
  return {
      function_key(Key::Action::Symbols, "symbols", 1.5f, "?123"),
      insert_key("@", 1.5f),
      insert_key("_"),
      insert_key("-"),
      insert_key(".", 1.5f),
      function_key(Key::Action::Enter, "enter", 2.0f),
      function_key(Key::Action::Hide, "hide", 1.5f),
  };
}

KeyRow domain_row() {
  return {
      insert_key(".com"),
      insert_key(".net"),
      insert_key(".org"),
      insert_key("gmail.com", 1.75f),
      insert_key("hotmail.com", 1.75f),
      insert_key("yahoo.com", 1.75f),
      insert_key("outlook.com", 1.75f),
  };
}

std::vector<KeyRow> letter_rows(Language language, KeyboardMode mode) {
  const bool es = language == Language::Es;
  std::vector<KeyRow> rows;
  if (mode == KeyboardMode::Email) rows.push_back(domain_row());
  rows.push_back(digit_row());
  rows.push_back(letter_row({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}, language));
  KeyRow home = letter_row({"a", "s", "d", "f", "g", "h", "j", "k", "l"}, language);
  if (es) {
    home.push_back(insert_key("ñ"));  // where Spanish keyboards have it: right of l
  } else if (mode == KeyboardMode::Text) {
    home.push_back(insert_key("'"));  // O'Brien, don't
  }
  rows.push_back(std::move(home));
  KeyRow bottom_letters = letter_row({"z", "x", "c", "v", "b", "n", "m"}, language);
  bottom_letters.insert(bottom_letters.begin(), function_key(Key::Action::Shift, "shift", 1.5f));
  bottom_letters.push_back(backspace_key(1.5f));
  rows.push_back(std::move(bottom_letters));
  rows.push_back(mode == KeyboardMode::Email ? email_bottom_row() : text_bottom_row());
  return rows;
}

std::vector<KeyRow> text_symbol_rows(Language language) {
  std::vector<KeyRow> rows;
  rows.push_back(digit_row());
  rows.push_back(insert_row({"@", "#", "$", "%", "&", "-", "+", "(", ")", "/"}));
  // Spanish pairs each opening mark with its closing one; English leads with its own.
  rows.push_back(language == Language::Es
                     ? insert_row({"¿", "?", "¡", "!", "'", "\"", ":", ";", "_", "*"})
                     : insert_row({"?", "!", "'", "\"", ":", ";", "¿", "¡", "_", "*"}));
  KeyRow more = insert_row({"=", "€", "£", "°", "<", ">", "[", "]"});
  more.push_back(backspace_key(1.5f));
  rows.push_back(std::move(more));
  KeyRow bottom = text_bottom_row();
  bottom[0].label = "ABC";
  rows.push_back(std::move(bottom));
  return rows;
}

std::vector<KeyRow> email_symbol_rows() {
  std::vector<KeyRow> rows;
  rows.push_back(domain_row());
  rows.push_back(digit_row());
  // What an address's local part may hold besides letters, digits and . _ -
  rows.push_back(insert_row({"!", "#", "$", "%", "&", "'", "*", "+", "=", "/"}));
  rows.push_back(insert_row({"?", "^", "`", "{", "|", "}", "~", "(", ")"}));
  KeyRow more = insert_row({",", ":", ";", "<", ">", "[", "]", "\""});
  more.push_back(backspace_key(1.5f));
  rows.push_back(std::move(more));
  KeyRow bottom = email_bottom_row();
  bottom[0].label = "ABC";
  rows.push_back(std::move(bottom));
  return rows;
}

// Spanish first, then the marks of the neighbours' languages (Haitian Creole è ò à, French ç,
// Portuguese ã õ â ê ô).
std::vector<KeyRow> accent_rows() {
  std::vector<KeyRow> rows;
  rows.push_back(digit_row());
  rows.push_back(insert_row({"á", "é", "í", "ó", "ú", "ü", "ñ"}));
  rows.push_back(insert_row({"à", "è", "ì", "ò", "ù", "ç"}));
  KeyRow more = insert_row({"â", "ê", "ô", "ã", "õ", "ï"});
  more.insert(more.begin(), function_key(Key::Action::Shift, "shift", 1.5f));
  more.push_back(backspace_key(1.5f));
  rows.push_back(std::move(more));
  KeyRow bottom = text_bottom_row();
  bottom[1].label = "abc";  // the accent key takes you back
  rows.push_back(std::move(bottom));
  return rows;
}

// A phone-style keypad: big keys, nothing a number does not need.
std::vector<KeyRow> numeric_rows() {
  return {
      insert_row({"1", "2", "3"}),
      insert_row({"4", "5", "6"}),
      insert_row({"7", "8", "9"}),
      {function_key(Key::Action::Hide, "hide", 1.0f), insert_key("0"), backspace_key(1.0f)},
      {function_key(Key::Action::Enter, "enter", 3.0f)},
  };
}

// The staff PIN's keypad: the same big keys; 0 takes the hide key's place too.
std::vector<KeyRow> pin_rows() {
  std::vector<KeyRow> rows = numeric_rows();
  rows[3] = {insert_key("0"), backspace_key(1.0f)};
  rows[3][0].width = 2.0f;
  return rows;
}

struct Layout {
  std::vector<KeyRow> letters, symbols, accents;
};

struct Layouts {
  Layout en_text, es_text, en_email, es_email, numeric, pin;
};

Layout text_layout(Language language) {
  return {letter_rows(language, KeyboardMode::Text), text_symbol_rows(language), accent_rows()};
}

Layout email_layout(Language language) {
  // Email has no accent key; its accents page is the text one (reachable only by long press).
  return {letter_rows(language, KeyboardMode::Email), email_symbol_rows(), accent_rows()};
}

// Built once and never changed: constant tables, not state.
const Layouts& layouts() {
  static const Layouts kLayouts = {
      .en_text = text_layout(Language::En),
      .es_text = text_layout(Language::Es),
      .en_email = email_layout(Language::En),
      .es_email = email_layout(Language::Es),
      .numeric = {numeric_rows(), numeric_rows(), numeric_rows()},
      .pin = {pin_rows(), pin_rows(), pin_rows()},
  };
  return kLayouts;
}

}  // namespace

// [SECTION] Free functions

const std::vector<KeyRow>& keyboard_rows(Language language, KeyboardMode mode,
                                         KeyboardState::Page page) {
  const Layouts& all = layouts();
  const bool es = language == Language::Es;  // Pseudo types like English
  const Layout* layout = &all.numeric;
  if (mode == KeyboardMode::Text) layout = es ? &all.es_text : &all.en_text;
  if (mode == KeyboardMode::Email) layout = es ? &all.es_email : &all.en_email;
  if (mode == KeyboardMode::Pin) layout = &all.pin;
  switch (page) {
    case KeyboardState::Page::Letters:
      return layout->letters;
    case KeyboardState::Page::Symbols:
      return layout->symbols;
    case KeyboardState::Page::Accents:
      return layout->accents;
  }
  return layout->letters;
}

void erase_last_character(std::string& text) {
  if (text.empty()) return;
  const std::size_t start = utf8::last_char_start(text);
  const std::string_view last = std::string_view(text).substr(start);
  const utf8::Decoded d = utf8::decode(last);
  if (d.size == last.size()) {
    text.erase(start);  // a whole character, or a truncated one: either way all of it
  } else {
    text.pop_back();  // stray continuation bytes go one at a time
  }
}

std::string upper_letter(std::string_view letter) {
  const std::int32_t cp = single_code_point(letter);
  if (cp < 0) return std::string(letter);
  const std::int32_t upper = upper_code_point(cp);
  if (upper == cp) return std::string(letter);
  return utf8::encode(static_cast<char32_t>(upper));
}

// [SECTION] KeyboardState

KeyboardState::KeyboardState(Language language, KeyboardMode mode)
    : language_(language), mode_(mode) {}

void KeyboardState::set(Language language, KeyboardMode mode) {
  if (mode != mode_) {
    mode_ = mode;
    page_ = Page::Letters;  // another field: start over
    shift_ = Shift::Off;
  }
  language_ = language;  // every page exists in both languages: keep it
}

const std::vector<KeyRow>& KeyboardState::rows() const {
  return keyboard_rows(language_, mode_, page_);
}

std::string KeyboardState::label(const Key& key) const {
  switch (key.action) {
    case Key::Action::Insert:
      return shifted() ? upper_letter(key.label) : key.label;
    case Key::Action::Symbols:
      return page_ == Page::Symbols ? "ABC" : "?123";
    case Key::Action::Accent:
      return page_ == Page::Accents ? "abc" : "á é";
    default:
      return key.label;
  }
}

KeyboardState::Result KeyboardState::press(const Key& key, std::string& text,
                                           std::size_t max_bytes) {
  switch (key.action) {
    case Key::Action::Insert:
      return insert_variant(key.insert, text, max_bytes);
    case Key::Action::Space: {
      if (text.size() + 1 > max_bytes) return Result::None;
      text += ' ';
      if (page_ == Page::Accents) page_ = Page::Letters;
      return Result::Edited;
    }
    case Key::Action::Backspace:
      if (text.empty()) return Result::None;
      erase_last_character(text);
      return Result::Edited;
    case Key::Action::Enter:
      return Result::Enter;
    case Key::Action::Shift:
      // Once for the next letter, twice for caps lock, a third time to let go.
      shift_ = shift_ == Shift::Off    ? Shift::Once
               : shift_ == Shift::Once ? Shift::Locked
                                       : Shift::Off;
      return Result::None;
    case Key::Action::Symbols:
      page_ = page_ == Page::Symbols ? Page::Letters : Page::Symbols;
      return Result::None;
    case Key::Action::Accent:
      page_ = page_ == Page::Accents ? Page::Letters : Page::Accents;
      return Result::None;
    case Key::Action::Letters:
      page_ = Page::Letters;
      return Result::None;
    case Key::Action::Hide:
      reset();  // the next field opens on letters
      return Result::Hide;
  }
  return Result::None;
}

KeyboardState::Result KeyboardState::insert_variant(std::string_view variant, std::string& text,
                                                    std::size_t max_bytes) {
  const std::string typed = shifted() ? upper_letter(variant) : std::string(variant);
  if (typed.empty() || text.size() > max_bytes || typed.size() > max_bytes - text.size()) {
    return Result::None;  // refused: the field is full
  }
  text += typed;
  if (shift_ == Shift::Once) shift_ = Shift::Off;
  if (page_ == Page::Accents) page_ = Page::Letters;  // one-shot
  return Result::Edited;
}

void KeyboardState::reset() {
  page_ = Page::Letters;
  shift_ = Shift::Off;
}

}  // namespace kiosk
