#include "kiosk/access/letter_picker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "kiosk/input/keyboard.h"

namespace kiosk {
namespace {

using namespace literals;
using Kind = PickerAction::Kind;

class LetterPickerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto error = tr_.load(std::filesystem::path(KIOSK_SOURCE_DIR) / "locales");
    ASSERT_FALSE(error) << *error;
  }

  // Presses `key` n times and does what the app would do with the field; the last action.
  PickerAction press(KeypadKey key, int n = 1) {
    PickerAction action;
    for (int i = 0; i < n; ++i) {
      action = picker_.handle(key, field_);
      if (action.kind == Kind::Type) field_ += action.insert;
      if (action.kind == Kind::Delete) erase_last_character(field_);
    }
    return action;
  }

  // What each key in turn makes the picker say.
  std::vector<std::string> says(std::initializer_list<KeypadKey> keys) {
    std::vector<std::string> out;
    for (const KeypadKey key : keys) out.push_back(press(key).say);
    return out;
  }

  // Moves to the entry called `name` with next only (as a resident would), then types it.
  PickerAction pick(const std::string& name) {
    for (std::size_t i = 0; i < 200 && picker_.current_entry_text() != name; ++i) {
      press(KeypadKey::Next);
    }
    EXPECT_EQ(picker_.current_entry_text(), name);
    return press(KeypadKey::Activate);
  }

  Translator tr_;
  LetterPicker picker_{tr_};
  std::string field_;
};

TEST_F(LetterPickerTest, StartSaysTheGuideAndTheFirstEntry) {
  EXPECT_FALSE(picker_.active());
  const std::string said = picker_.start(KeyboardMode::Text);
  EXPECT_TRUE(picker_.active());
  EXPECT_TRUE(said.starts_with(tr_.text("speech.picker.start"_msg))) << said;
  EXPECT_TRUE(said.ends_with("Letters, a")) << said;
  EXPECT_EQ(picker_.current_entry_text(), "a");
  const std::string numbers = picker_.start(KeyboardMode::Pin);
  EXPECT_TRUE(numbers.starts_with("Typing numbers.")) << numbers;
  EXPECT_TRUE(numbers.ends_with("Numbers, 0")) << numbers;
}

TEST_F(LetterPickerTest, MovesOneEntryAndWrapsWithACue) {
  picker_.start(KeyboardMode::Text);
  using enum KeypadKey;
  EXPECT_EQ(says({Next, Next, Previous, Previous, Previous, Previous, Next, Next, Repeat}),
            (std::vector<std::string>{"b", "c", "b", "a", "End of the list: Done",
                                      "Read what I typed", "Done", "Start of the list: a", "a"}));
  EXPECT_EQ(press(KeypadKey::Repeat).kind, Kind::None);
}

TEST_F(LetterPickerTest, TextEntriesInOrder) {
  picker_.start(KeyboardMode::Text);
  const std::vector<std::string> e = picker_.entry_texts();
  ASSERT_EQ(e.size(), 26u + 7u + 5u + 10u + 4u);
  EXPECT_EQ(e[0], "a");
  EXPECT_EQ(e[25], "z");
  EXPECT_EQ(e[26], "a with accent");
  EXPECT_EQ(e[31], "u with two dots");
  EXPECT_EQ(e[32], "n with a tilde");  // English: ñ with the accented letters
  EXPECT_EQ(e[33], "space");
  EXPECT_EQ(e[34], "dot");
  EXPECT_EQ(e[38], "0");
  EXPECT_EQ(e[47], "9");
  const std::vector<std::string> actions(e.end() - 4, e.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"Delete the last letter", "Capital letter next",
                                               "Read what I typed", "Done"}));
}

TEST_F(LetterPickerTest, SpanishHasEnyeAfterN) {
  tr_.set_language(Language::Es);
  picker_.start(KeyboardMode::Text);
  const std::vector<std::string> e = picker_.entry_texts();
  ASSERT_EQ(e.size(), 27u + 6u + 5u + 10u + 4u);
  EXPECT_EQ(e[13], "n");
  EXPECT_EQ(e[14], "eñe");
  EXPECT_EQ(e[15], "o");
  EXPECT_EQ(std::count(e.begin(), e.end(), "eñe"), 1);
  EXPECT_EQ(e[27], "a con tilde");
  EXPECT_EQ(e[33], "espacio");
  EXPECT_EQ(e.back(), "Listo");
}

TEST_F(LetterPickerTest, GroupsJumpAndSayTheirName) {
  picker_.start(KeyboardMode::Text);
  using enum KeypadKey;
  EXPECT_EQ(
      says({NextGroup, NextGroup, NextGroup, NextGroup, NextGroup, NextGroup, NextGroup, NextGroup,
            PreviousGroup}),
      (std::vector<std::string>{"Letters, h", "Letters, o", "Letters, v",
                                "Letters with accents, a with accent", "Signs, space", "Numbers, 0",
                                "Choices, Delete the last letter", "Start of the list: Letters, a",
                                "End of the list: Choices, Delete the last letter"}));
  press(KeypadKey::Next);  // Capital letter next
  // Inside a group, previous_group goes to the group's start first.
  EXPECT_EQ(press(KeypadKey::PreviousGroup).say, "Choices, Delete the last letter");
  EXPECT_EQ(press(KeypadKey::PreviousGroup).say, "Numbers, 0");
  EXPECT_EQ(picker_.group_starts().size(), 8u);
}

TEST_F(LetterPickerTest, TypesANameWithEnyeAnAccentAndCapitals) {
  tr_.set_language(Language::Es);
  picker_.start(KeyboardMode::Text);
  EXPECT_EQ(pick("Mayúscula en la próxima letra").say, "La próxima letra será mayúscula.");
  press(KeypadKey::NextGroup);  // around to the letters
  const PickerAction capital = pick("n");
  EXPECT_EQ(capital.kind, Kind::Type);
  EXPECT_EQ(capital.insert, "N");
  EXPECT_EQ(capital.say, "Escribió n mayúscula.");
  EXPECT_EQ(pick("u").say, "Escribió u.");  // only one letter is a capital
  EXPECT_EQ(pick("eñe").say, "Escribió eñe.");
  EXPECT_EQ(pick("e").insert, "e");
  EXPECT_EQ(pick("z").insert, "z");
  press(KeypadKey::NextGroup);
  EXPECT_EQ(pick("espacio").say, "Escribió espacio.");
  press(KeypadKey::NextGroup, 3);  // Opciones, then around to the letters
  pick("Mayúscula en la próxima letra");
  press(KeypadKey::NextGroup);
  EXPECT_EQ(pick("r").insert, "R");
  press(KeypadKey::PreviousGroup, 3);  // the start of a..g and h..ñ: back to a
  EXPECT_EQ(pick("a").insert, "a");
  press(KeypadKey::NextGroup, 4);  // letras con tilde
  EXPECT_EQ(pick("u con diéresis").insert, "ü");
  EXPECT_EQ(field_, "Nuñez Raü");
  // That ü was a mistake: delete it, then type ú.
  const PickerAction deleted = pick("Borrar la última letra");
  EXPECT_EQ(deleted.kind, Kind::Delete);
  EXPECT_EQ(deleted.say, "Borró u con diéresis.");
  press(KeypadKey::NextGroup, 5);  // around to the accented letters
  EXPECT_EQ(pick("u con tilde").say, "Escribió u con tilde.");
  EXPECT_EQ(field_, "Nuñez Raú");
  const PickerAction read = pick("Leer lo que escribí");
  EXPECT_EQ(read.kind, Kind::None);
  EXPECT_EQ(read.say, "Usted escribió: Nuñez Raú");
  const PickerAction done = pick("Listo");
  EXPECT_EQ(done.kind, Kind::Enter);
  EXPECT_FALSE(picker_.active());
}

TEST_F(LetterPickerTest, CapitalsOfAccentedLettersAndEnyeAreNamed) {
  picker_.start(KeyboardMode::Text);
  pick("Capital letter next");
  EXPECT_EQ(pick("n with a tilde").say, "Typed capital n with a tilde.");
  pick("Capital letter next");
  EXPECT_EQ(pick("Capital letter next").say, "No capital letter.");
  EXPECT_EQ(pick("a with accent").insert, "á");
  pick("Capital letter next");
  pick("space");  // not a letter: the capital waits for one
  EXPECT_EQ(pick("e with accent").insert, "É");
  EXPECT_EQ(field_, "Ñá É");
  EXPECT_EQ(pick("Delete the last letter").say, "Deleted capital e with accent.");
  EXPECT_EQ(pick("Delete the last letter").say, "Deleted space.");
  EXPECT_EQ(field_, "Ñá");
}

TEST_F(LetterPickerTest, DeleteAndReadBackOnAnEmptyField) {
  picker_.start(KeyboardMode::Text);
  const PickerAction del = pick("Delete the last letter");
  EXPECT_EQ(del.kind, Kind::None);
  EXPECT_EQ(del.say, "There is nothing to delete.");
  EXPECT_EQ(pick("Read what I typed").say, "Nothing typed yet.");
}

TEST_F(LetterPickerTest, EmailHasItsSignsAndEndings) {
  picker_.start(KeyboardMode::Email);
  const std::vector<std::string> e = picker_.entry_texts();
  EXPECT_EQ(std::count(e.begin(), e.end(), "Capital letter next"), 0);
  EXPECT_EQ(std::count(e.begin(), e.end(), "a with accent"), 0);
  pick("a");
  pick("n");
  pick("a");
  const PickerAction at = pick("at sign");
  EXPECT_EQ(at.insert, "@");
  EXPECT_EQ(at.say, "Typed at sign.");
  press(KeypadKey::NextGroup);
  EXPECT_EQ(picker_.current_entry_text(), "dot com");  // the endings follow the signs
  const PickerAction gmail = pick("gmail dot com");
  EXPECT_EQ(gmail.insert, "gmail.com");
  EXPECT_EQ(gmail.say, "Typed gmail dot com.");
  EXPECT_EQ(field_, "ana@gmail.com");
  EXPECT_EQ(pick("Delete the last letter").say, "Deleted m.");
  for (const char* name : {"dot", "underscore", "dash", "plus sign", "dot net", "dot org",
                           "hotmail dot com", "yahoo dot com", "outlook dot com", "7"}) {
    EXPECT_EQ(std::count(e.begin(), e.end(), name), 1) << name;
  }
  tr_.set_language(Language::Es);
  EXPECT_EQ(picker_.current_entry_text(), "Borrar la última letra");
  EXPECT_EQ(press(KeypadKey::PreviousGroup).say, "Números, 0");
  EXPECT_EQ(press(KeypadKey::PreviousGroup).say, "Finales de correo, punto com");
  EXPECT_EQ(press(KeypadKey::PreviousGroup).say, "Signos, arroba");
}

TEST_F(LetterPickerTest, EveryEndingOfTheKeyboardIsAnEntry) {
  picker_.start(KeyboardMode::Email);
  const std::vector<std::string> e = picker_.entry_texts();
  int endings = 0;
  for (const Key& k :
       keyboard_rows(Language::En, KeyboardMode::Email, KeyboardState::Page::Letters).front()) {
    if (k.insert.size() < 2) continue;
    ++endings;
    const std::string name = k.insert.front() == '.'
                                 ? "dot " + k.insert.substr(1)
                                 : k.insert.substr(0, k.insert.find('.')) + " dot " +
                                       k.insert.substr(k.insert.find('.') + 1);
    EXPECT_EQ(std::count(e.begin(), e.end(), name), 1) << k.insert;
  }
  EXPECT_GE(endings, 2);
}

TEST_F(LetterPickerTest, NumericIsDigitsAndThreeActions) {
  picker_.start(KeyboardMode::Numeric);
  const std::vector<std::string> e = picker_.entry_texts();
  EXPECT_EQ(e, (std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
                                         "Delete the last number", "Read what I typed", "Done"}));
  EXPECT_EQ(pick("3").say, "Typed 3.");
  EXPECT_EQ(pick("3").say, "Typed 3.");
  EXPECT_EQ(pick("1").say, "Typed 1.");
  EXPECT_EQ(pick("Read what I typed").say, "You typed: 331");
}

TEST_F(LetterPickerTest, PinNeverSaysATypedDigit) {
  picker_.start(KeyboardMode::Pin);
  EXPECT_EQ(press(KeypadKey::Next).say, "1");  // moving says the digits: the resident must pick
  std::vector<std::string> said;
  for (const char* digit : {"5", "0", "7", "2"}) said.push_back(pick(digit).say);
  EXPECT_EQ(field_, "5072");
  said.push_back(pick("Read what I typed").say);
  said.push_back(pick("Delete the last number").say);
  said.push_back(pick("Read what I typed").say);
  EXPECT_EQ(field_, "507");
  EXPECT_EQ(said[0], "Typed a digit.");
  EXPECT_EQ(said[4], "You typed 4 digits.");
  EXPECT_EQ(said[5], "Deleted a digit.");
  EXPECT_EQ(said[6], "You typed 3 digits.");
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(said[i].find_first_of("0123456789"), std::string::npos) << said[i];
  }
  EXPECT_EQ(said[5].find_first_of("0123456789"), std::string::npos);
}

TEST_F(LetterPickerTest, BackLeavesAndKeepsTheText) {
  picker_.start(KeyboardMode::Text);
  pick("b");
  const PickerAction leave = press(KeypadKey::Back);
  EXPECT_EQ(leave.kind, Kind::Leave);
  EXPECT_FALSE(picker_.active());
  EXPECT_EQ(field_, "b");
  // Not active: every key is the app's.
  EXPECT_EQ(picker_.handle(KeypadKey::Next, field_).say, "");
  EXPECT_EQ(picker_.current_entry_text(), "");
}

TEST_F(LetterPickerTest, KeysThePickerDoesNotUseAreTheApps) {
  picker_.start(KeyboardMode::Text);
  for (const KeypadKey key :
       {KeypadKey::Home, KeypadKey::Stop, KeypadKey::VolumeUp, KeypadKey::VolumeDown,
        KeypadKey::Slower, KeypadKey::Faster, KeypadKey::Language, KeypadKey::ScreenOff}) {
    const PickerAction action = press(key);
    EXPECT_EQ(action.kind, Kind::None) << key_name(key);
    EXPECT_EQ(action.say, "") << key_name(key);
  }
  EXPECT_TRUE(picker_.active());
  EXPECT_EQ(picker_.current_entry_text(), "a");
  EXPECT_EQ(press(KeypadKey::Help).say, picker_.guide());
  EXPECT_TRUE(picker_.guide().starts_with("How to type.")) << picker_.guide();
}

TEST_F(LetterPickerTest, ALanguageChangeKeepsTheEntryAndChangesTheWords) {
  picker_.start(KeyboardMode::Text);
  pick("space");
  tr_.set_language(Language::Es);
  EXPECT_EQ(picker_.current_entry_text(), "espacio");
  EXPECT_EQ(press(KeypadKey::Next).say, "punto");
  tr_.set_language(Language::En);
  EXPECT_EQ(press(KeypadKey::Next).say, "comma");
}

TEST_F(LetterPickerTest, BothLanguagesNameEveryEntryAndTheWordsDiffer) {
  for (const KeyboardMode mode :
       {KeyboardMode::Text, KeyboardMode::Email, KeyboardMode::Numeric, KeyboardMode::Pin}) {
    tr_.set_language(Language::En);
    picker_.start(mode);
    const std::vector<std::string> en = picker_.entry_texts();
    tr_.set_language(Language::Es);
    picker_.start(mode);
    const std::vector<std::string> es = picker_.entry_texts();
    for (const std::string& name : en) {
      EXPECT_FALSE(name.empty());
      EXPECT_EQ(name.find("speech.picker"), std::string::npos) << name;  // a missing key
    }
    // Every name that is a word (not a letter or a digit) is said differently in Spanish.
    for (const std::string& name : en) {
      if (name.size() > 1) {
        EXPECT_EQ(std::count(es.begin(), es.end(), name), 0) << name;
      }
    }
    for (const std::string& name : es) {
      EXPECT_EQ(name.find("speech.picker"), std::string::npos) << name;
    }
  }
  // The guides too.
  tr_.set_language(Language::En);
  const std::string en_guide = picker_.guide();
  tr_.set_language(Language::Es);
  EXPECT_NE(picker_.guide(), en_guide);
  EXPECT_TRUE(picker_.start(KeyboardMode::Text).starts_with("Para escribir."));
}

TEST_F(LetterPickerTest, ResetForgetsEverything) {
  picker_.start(KeyboardMode::Text);
  pick("Capital letter next");
  picker_.reset();
  EXPECT_FALSE(picker_.active());
  EXPECT_TRUE(picker_.entry_texts().empty());
  picker_.start(KeyboardMode::Text);
  EXPECT_EQ(pick("k").insert, "k");  // the capital was forgotten
}

}  // namespace
}  // namespace kiosk
