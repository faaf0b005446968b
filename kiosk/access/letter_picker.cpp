#include "kiosk/access/letter_picker.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "kiosk/base/utf8.h"
#include "kiosk/base/wipe.h"

namespace kiosk {

using namespace literals;

namespace {

using Entry = LetterPicker::Entry;
using Does = Entry::Does;
using Group = Entry::Group;

// Signs said as words: espeak-ng reads a lone mark unclearly, or not at all.
struct SignName {
  std::string_view sign;
  MsgKey name;
};
constexpr std::array kSignNames{
    SignName{" ", "speech.picker.space"_msg},      SignName{".", "speech.picker.dot"_msg},
    SignName{",", "speech.picker.comma"_msg},      SignName{"-", "speech.picker.dash"_msg},
    SignName{"'", "speech.picker.apostrophe"_msg}, SignName{"@", "speech.picker.at_sign"_msg},
    SignName{"_", "speech.picker.underscore"_msg}, SignName{"+", "speech.picker.plus"_msg},
    SignName{"ñ", "speech.picker.enye"_msg},       SignName{"ü", "speech.picker.u_two_dots"_msg},
};

// The letters with an acute accent and the plain letter each is said with.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kAcute{{
    {"á", "a"},
    {"é", "e"},
    {"í", "i"},
    {"ó", "o"},
    {"ú", "u"},
}};

bool is_letter_group(Group g) {
  return g == Group::Letters || g == Group::Accents;
}

// Indexed by Group, in its order.
constexpr std::array kGroupNames{
    "speech.picker.group.letters"_msg, "speech.picker.group.accents"_msg,
    "speech.picker.group.signs"_msg,   "speech.picker.group.endings"_msg,
    "speech.picker.group.numbers"_msg, "speech.picker.group.actions"_msg,
};
static_assert(kGroupNames.size() == static_cast<std::size_t>(Group::Actions) + 1);

void add(std::vector<Entry>& entries, Group group, std::string insert, Does does = Does::Type) {
  Entry e;
  e.does = does;
  e.group = group;
  e.insert = std::move(insert);
  e.starts_group = entries.empty() || entries.back().group != group;
  entries.push_back(std::move(e));
}

void add_letters(std::vector<Entry>& entries, bool with_enye) {
  const std::size_t first = entries.size();
  for (char c = 'a'; c <= 'z'; ++c) {
    add(entries, Group::Letters, std::string(1, c));
    if (c == 'n' && with_enye) add(entries, Group::Letters, "ñ");
  }
  // Groups of about seven, so the resident can jump near any letter: a, h, o, v.
  for (std::size_t i = first; i < entries.size(); ++i) {
    const std::string& l = entries[i].insert;
    if (l == "a" || l == "h" || l == "o" || l == "v") entries[i].starts_group = true;
  }
}

void add_digits(std::vector<Entry>& entries) {
  for (char c = '0'; c <= '9'; ++c) add(entries, Group::Numbers, std::string(1, c));
}

// The email page's endings (.com, gmail.com, …): its first row, the keys that insert more than
// one character. One list for the keyboard and the picker.
void add_endings(std::vector<Entry>& entries, Language language) {
  const auto& rows = keyboard_rows(language, KeyboardMode::Email, KeyboardState::Page::Letters);
  if (rows.empty()) return;
  for (const Key& k : rows.front()) {
    if (k.action == Key::Action::Insert && utf8::length(k.insert) > 1) {
      add(entries, Group::Endings, k.insert);
    }
  }
}

}  // namespace

LetterPicker::LetterPicker(Translator& tr) : tr_(tr) {}

void LetterPicker::build() {
  language_ = tr_.language();
  const bool es = language_ == Language::Es;
  entries_.clear();
  switch (mode_) {
    case KeyboardMode::Text:
      add_letters(entries_, es);
      for (const auto& [accented, plain] : kAcute)
        add(entries_, Group::Accents, std::string(accented));
      add(entries_, Group::Accents, "ü");
      if (!es) add(entries_, Group::Accents, "ñ");
      for (const char* sign : {" ", ".", ",", "-", "'"}) add(entries_, Group::Signs, sign);
      add_digits(entries_);
      break;
    case KeyboardMode::Email:
      add_letters(entries_, false);  // addresses are plain letters in practice
      for (const char* sign : {"@", ".", "_", "-", "+"}) add(entries_, Group::Signs, sign);
      add_endings(entries_, language_);
      add_digits(entries_);
      break;
    case KeyboardMode::Numeric:
    case KeyboardMode::Pin:
      add_digits(entries_);
      break;
  }
  add(entries_, Group::Actions, {}, Does::Delete);
  if (mode_ == KeyboardMode::Text) add(entries_, Group::Actions, {}, Does::Capital);
  add(entries_, Group::Actions, {}, Does::ReadBack);
  add(entries_, Group::Actions, {}, Does::Done);
}

std::string LetterPicker::start(KeyboardMode mode) {
  mode_ = mode;
  build();
  at_ = 0;
  active_ = true;
  capital_next_ = false;
  const bool numbers = mode == KeyboardMode::Numeric || mode == KeyboardMode::Pin;
  std::string said =
      tr_.text(numbers ? "speech.picker.start_numbers"_msg : "speech.picker.start"_msg);
  said += ' ';
  said += say_entry(0, true);
  return said;
}

void LetterPicker::reset() {
  entries_.clear();
  at_ = 0;
  active_ = false;
  capital_next_ = false;
  mode_ = KeyboardMode::Text;
}

std::string LetterPicker::guide() {
  return tr_.text("speech.picker.guide"_msg);
}

std::string LetterPicker::spoken_text(std::string_view text) {
  for (const SignName& s : kSignNames) {
    if (text == s.sign) return tr_.text(s.name);
  }
  for (const auto& [accented, plain] : kAcute) {
    if (text == accented) {
      return tr_.format("speech.picker.accented"_msg, {{"letter", std::string(plain)}});
    }
  }
  // A capital: "capital B", "capital a with accent".
  const std::string lower_first = [&] {
    for (const Entry& e : entries_) {
      if (is_letter_group(e.group) && upper_letter(e.insert) == text && e.insert != text) {
        return e.insert;
      }
    }
    return std::string();
  }();
  if (!lower_first.empty()) {
    return tr_.format("speech.picker.capital"_msg, {{"letter", spoken_text(lower_first)}});
  }
  // An ending: "gmail dot com".
  const std::size_t dot = text.rfind('.');
  if (text.size() > 1 && dot != std::string_view::npos && dot + 1 < text.size()) {
    const std::string word(text.substr(dot + 1));
    if (dot == 0) return tr_.format("speech.picker.dot_word"_msg, {{"word", word}});
    return tr_.format("speech.picker.domain"_msg,
                      {{"name", std::string(text.substr(0, dot))}, {"word", word}});
  }
  return std::string(text);
}

std::string LetterPicker::name(const Entry& entry) {
  switch (entry.does) {
    case Does::Type:
      return spoken_text(entry.insert);
    case Does::Delete:
      return tr_.text(mode_ == KeyboardMode::Text || mode_ == KeyboardMode::Email
                          ? "speech.picker.delete"_msg
                          : "speech.picker.delete_digit"_msg);
    case Does::Capital:
      return tr_.text("speech.picker.capital_next"_msg);
    case Does::ReadBack:
      return tr_.text("speech.picker.read_back"_msg);
    case Does::Done:
      return tr_.text("speech.picker.done"_msg);
  }
  return {};
}

std::string LetterPicker::say_entry(std::size_t index, bool with_group) {
  const Entry& e = entries_[index];
  std::string said = name(e);
  if (with_group) said = tr_.text(kGroupNames[static_cast<std::size_t>(e.group)]) + ", " + said;
  return said;
}

void LetterPicker::follow_language() {
  if (tr_.language() != language_ && !entries_.empty()) {
    const Entry was = entries_[at_];
    build();
    const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) {
      return e.does == was.does && e.insert == was.insert;
    });
    at_ = it == entries_.end() ? 0 : static_cast<std::size_t>(it - entries_.begin());
  }
}

std::string LetterPicker::current_entry_text() {
  if (!active_) return {};
  follow_language();
  return say_entry(at_, false);
}

std::vector<std::string> LetterPicker::entry_texts() {
  std::vector<std::string> texts;
  texts.reserve(entries_.size());
  for (const Entry& e : entries_) texts.push_back(name(e));
  return texts;
}

std::vector<std::size_t> LetterPicker::group_starts() const {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].starts_group) starts.push_back(i);
  }
  return starts;
}

PickerAction LetterPicker::move(std::size_t to, bool by_group, int wrapped) {
  at_ = to;
  PickerAction action;
  action.say = say_entry(to, by_group);
  if (wrapped != 0) {
    action.say = tr_.format(wrapped > 0 ? "speech.picker.at_start"_msg : "speech.picker.at_end"_msg,
                            {{"entry", action.say}});
  }
  return action;
}

PickerAction LetterPicker::activate(std::string_view typed) {
  using Kind = PickerAction::Kind;
  const Entry& e = entries_[at_];
  const bool pin = mode_ == KeyboardMode::Pin;
  PickerAction action;
  const auto say = [&](MsgKey message) { action.say = tr_.text(message); };
  switch (e.does) {
    case Does::Type: {
      action.kind = Kind::Type;
      action.insert = e.insert;
      if (capital_next_ && is_letter_group(e.group)) {
        action.insert = upper_letter(e.insert);
        capital_next_ = false;
      }
      if (pin) {
        say("speech.picker.typed_digit"_msg);
      } else {
        action.say = tr_.format("speech.picker.typed"_msg, {{"what", spoken_text(action.insert)}});
      }
      break;
    }
    case Does::Delete: {
      if (typed.empty()) {
        say("speech.picker.nothing_to_delete"_msg);
        break;
      }
      action.kind = Kind::Delete;
      if (pin) {
        say("speech.picker.deleted_digit"_msg);
      } else {
        MessageArg what{"what", spoken_text(typed.substr(utf8::last_char_start(typed)))};
        action.say = tr_.format("speech.picker.deleted"_msg, {what});
        wipe(std::get<std::string>(what.value));
      }
      break;
    }
    case Does::Capital:
      capital_next_ = !capital_next_;
      say(capital_next_ ? "speech.picker.capital_on"_msg : "speech.picker.capital_off"_msg);
      break;
    case Does::ReadBack: {
      if (typed.empty()) {
        say("speech.picker.nothing_typed"_msg);
        break;
      }
      if (pin) {
        action.say = tr_.format("speech.picker.read_digits"_msg,
                                {{"count", static_cast<std::int64_t>(utf8::length(typed))}});
        break;
      }
      MessageArg text{"text", std::string(typed)};
      action.say = tr_.format("speech.picker.read"_msg, {text});
      wipe(std::get<std::string>(text.value));
      break;
    }
    case Does::Done:
      action.kind = Kind::Enter;
      active_ = false;
      break;
  }
  return action;
}

PickerAction LetterPicker::handle(KeypadKey key, std::string_view typed) {
  if (!active_ || entries_.empty()) return {};
  follow_language();
  const std::size_t last = entries_.size() - 1;
  const std::vector<std::size_t> starts = group_starts();
  switch (key) {
    case KeypadKey::Next:
      return at_ < last ? move(at_ + 1, false, 0) : move(0, false, +1);
    case KeypadKey::Previous:
      return at_ > 0 ? move(at_ - 1, false, 0) : move(last, false, -1);
    case KeypadKey::NextGroup: {
      for (const std::size_t s : starts) {
        if (s > at_) return move(s, true, 0);
      }
      return move(0, true, +1);
    }
    case KeypadKey::PreviousGroup: {
      for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        if (*it < at_) return move(*it, true, 0);
      }
      return move(starts.back(), true, -1);
    }
    case KeypadKey::Activate:
      return activate(typed);
    case KeypadKey::Back:
      active_ = false;
      capital_next_ = false;
      return PickerAction{PickerAction::Kind::Leave, {}, {}};
    case KeypadKey::Repeat:
      return PickerAction{PickerAction::Kind::None, {}, say_entry(at_, false)};
    case KeypadKey::Help:
      return PickerAction{PickerAction::Kind::None, {}, guide()};
    default:
      return {};
  }
}

}  // namespace kiosk
