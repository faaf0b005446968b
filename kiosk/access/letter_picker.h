// Typing without seeing: in speech mode a resident who cannot aim at the on-screen keyboard
// types with the keypad instead. The picker is a spoken list of entries (letters, accented
// letters, space, digits, signs, email endings, then what to do: delete, capital letter, read
// back, done); next / previous move one entry, next_group / previous_group jump to the first
// entry of a group, activate types the entry or does it. Pure logic, like SpeechNavigator: the
// app speaks what handle() returns and edits the field as asked.
//
// Entries by mode. Text: a..z (Spanish: ñ after n), á é í ó ú ü (English: and ñ), space and
// . , - ', 0..9, then Delete, Capital letter next, Read what I typed, Done. Email: a..z, 0..9,
// @ . _ - +, the keyboard's endings (.com … outlook.com), then Delete, Read back, Done.
// Numeric: 0..9, Delete, Read back, Done. Pin: the same, but typing, deleting and reading back
// never say a typed digit ("Typed a digit", "You typed 3 digits"); moving still says each digit.
//
// Groups: letters in four groups of about seven (a, h, o, v), accented letters, signs, endings,
// numbers, actions. The ends wrap, with a cue ("Start of the list: a"), never silently.
//
// Words come from the translator's catalogs (speech.picker.*) in its current language; when the
// language changes the entries follow it at the next key (the resident stays on the same entry).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/access/keypad.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/input/keyboard.h"

namespace kiosk {

// What the app does after a key. `say` (when not empty) is spoken now, replacing what is being
// said, in the translator's language.
struct PickerAction {
  enum class Kind {
    None,    // only `say` (moving, read back, help), or nothing at all: a key the app handles
    Type,    // insert `insert` at the end of the field
    Delete,  // delete the field's last character
    Enter,   // what the keyboard's Enter key does (search, the form's next question)
    Leave,   // hide the keyboard; the text stays. The picker is no longer active
  };
  Kind kind = Kind::None;
  std::string insert;  // Type: the UTF-8 text ("a", "Ñ", "@", ".com", " ")
  std::string say;     // read back holds the typed text: the caller wipes it once spoken
};

class LetterPicker {
 public:
  explicit LetterPicker(Translator& tr);

  // A text field took the focus: the entries for this mode and the translator's language, the
  // position on the first one. Returns the short guide and the first entry.
  std::string start(KeyboardMode mode);
  void reset();  // forget everything (the end of a session)
  bool active() const { return active_; }
  KeyboardMode mode() const { return mode_; }

  // A key while active. `typed` is the field's text now (read back, the echo after Delete).
  // Keys the picker does not use (home, stop, volume, language, …) return {}: the app's.
  // Enter and Leave end the picker (active() false); the next field calls start() again.
  PickerAction handle(KeypadKey key, std::string_view typed);

  // What the current entry is called ("b", "space", "a with accent", "Done").
  std::string current_entry_text();
  // The picker's guide (the help key).
  std::string guide();

  // The entries' spoken names in order (for tests and the docs).
  std::vector<std::string> entry_texts();
  // Where each group starts (indexes into the entries).
  std::vector<std::size_t> group_starts() const;

  // One entry.
  struct Entry {
    enum class Does { Type, Delete, Capital, ReadBack, Done };
    enum class Group { Letters, Accents, Signs, Endings, Numbers, Actions };
    Does does = Does::Type;
    Group group = Group::Letters;
    std::string insert;  // Type
    bool starts_group = false;
  };

 private:
  void build();            // the entries for mode_ and the translator's language
  void follow_language();  // rebuild after a change of language, on the same entry
  std::string name(const Entry& entry);
  std::string say_entry(std::size_t index, bool with_group);
  std::string spoken_text(std::string_view text);  // what a bit of typed text is called
  PickerAction activate(std::string_view typed);
  PickerAction move(std::size_t to, bool by_group, int wrapped);

  Translator& tr_;
  KeyboardMode mode_ = KeyboardMode::Text;
  Language language_ = Language::En;
  std::vector<Entry> entries_;
  std::size_t at_ = 0;
  bool active_ = false;
  bool capital_next_ = false;
};

}  // namespace kiosk
