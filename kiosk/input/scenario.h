// The automation scenario language (DESIGN.md): one action per line, `#` starts a comment,
// arguments with spaces in double quotes. This file only parses; ui/automation runs it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct ScenarioStep {
  enum class Verb {
    Tap,
    Type,
    Key,
    Drag,
    Wait,
    Advance,
    Expect,
    ExpectNot,
    ExpectId,
    ExpectNotId,
    Lang,
    Shot,
    Hold,
    ExpectSaid,       // some utterance since the previous step contains arg
    Press,            // arg: a logical keypad key (kiosk/access/keypad.h)
    Headphones,       // no argument: an audio output device is plugged in
    Monkey,           // number: how many random actions; seed: their seed (kiosk/input/monkey.h)
    ExpectAllScreens  // no argument: every registered screen has been shown since the start
  };
  Verb verb = Verb::Tap;
  int line = 0;            // 1-based line in the file, for error messages
  std::string arg;         // id, text, key name, language, screenshot name or keypad key
  double number = 0;       // wait: milliseconds; advance, hold: seconds
  float dx = 0, dy = 0;    // drag
  std::uint64_t seed = 0;  // monkey
};

struct Scenario {
  std::string name;  // the file it came from
  std::vector<ScenarioStep> steps;
};

struct ScenarioParseResult {
  std::optional<Scenario> scenario;
  std::string error;  // "file:line: what is wrong" when scenario is empty
};

std::string_view verb_name(ScenarioStep::Verb verb);
int verb_arguments(ScenarioStep::Verb verb);  // how many words follow the verb on its line

ScenarioParseResult parse_scenario(std::string_view text, std::string_view name);
ScenarioParseResult load_scenario(const std::string& file);

// Splits a line into words; double quotes group, \" and \\ escape inside them, # outside quotes
// ends the line. Nullopt (and *error set) for an unterminated quote.
std::optional<std::vector<std::string>> split_scenario_line(std::string_view line,
                                                            std::string* error);

}  // namespace kiosk
