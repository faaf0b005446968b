#include "kiosk/input/scenario.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "kiosk/access/keypad.h"

namespace kiosk {
namespace {

struct VerbSpec {
  std::string_view name;
  ScenarioStep::Verb verb;
  int args;
};

constexpr std::array<VerbSpec, 18> kVerbs = {{
    {"tap", ScenarioStep::Verb::Tap, 1},
    {"type", ScenarioStep::Verb::Type, 1},
    {"key", ScenarioStep::Verb::Key, 1},
    {"drag", ScenarioStep::Verb::Drag, 3},
    {"wait", ScenarioStep::Verb::Wait, 1},
    {"advance", ScenarioStep::Verb::Advance, 1},
    {"expect", ScenarioStep::Verb::Expect, 1},
    {"expect-not", ScenarioStep::Verb::ExpectNot, 1},
    {"expect-id", ScenarioStep::Verb::ExpectId, 1},
    {"expect-not-id", ScenarioStep::Verb::ExpectNotId, 1},
    {"lang", ScenarioStep::Verb::Lang, 1},
    {"shot", ScenarioStep::Verb::Shot, 1},
    {"hold", ScenarioStep::Verb::Hold, 2},
    {"expect-said", ScenarioStep::Verb::ExpectSaid, 1},
    {"press", ScenarioStep::Verb::Press, 1},
    {"headphones", ScenarioStep::Verb::Headphones, 0},
    {"monkey", ScenarioStep::Verb::Monkey, 2},
    {"expect-all-screens", ScenarioStep::Verb::ExpectAllScreens, 0},
}};

std::string keypad_key_list() {
  std::string out;
  for (const KeypadKey k : all_keypad_keys()) {
    if (!out.empty()) out += ' ';
    out += key_name(k);
  }
  return out;
}

std::optional<double> to_number(const std::string& s) {
  double value = 0;
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool valid_shot_name(const std::string& s) {
  if (s.empty() || s.size() > 100 || s.front() == '.') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

}  // namespace

std::string_view verb_name(ScenarioStep::Verb verb) {
  for (const auto& spec : kVerbs) {
    if (spec.verb == verb) return spec.name;
  }
  return "?";
}

int verb_arguments(ScenarioStep::Verb verb) {
  for (const auto& spec : kVerbs) {
    if (spec.verb == verb) return spec.args;
  }
  return 0;
}

std::optional<std::vector<std::string>> split_scenario_line(std::string_view line,
                                                            std::string* error) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '#') break;
    std::string word;
    if (c == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        const char d = line[i++];
        if (d == '\\' && i < line.size() && (line[i] == '"' || line[i] == '\\')) {
          word += line[i++];
        } else if (d == '"') {
          closed = true;
          break;
        } else {
          word += d;
        }
      }
      if (!closed) {
        if (error != nullptr) *error = "unterminated double quote";
        return std::nullopt;
      }
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
        word += line[i++];
      }
    }
    words.push_back(std::move(word));
  }
  return words;
}

ScenarioParseResult parse_scenario(std::string_view text, std::string_view name) {
  ScenarioParseResult result;
  Scenario scenario;
  scenario.name = name;
  int line_no = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    const auto fail = [&](const std::string& why) {
      result.error = std::string(name) + ":" + std::to_string(line_no) + ": " + why;
      return result;
    };

    std::string split_error;
    auto words = split_scenario_line(line, &split_error);
    if (!words) return fail(split_error);
    if (words->empty()) continue;

    const std::string& verb = words->front();
    const auto* spec = [&]() -> const VerbSpec* {
      for (const auto& s : kVerbs) {
        if (s.name == verb) return &s;
      }
      return nullptr;
    }();
    if (spec == nullptr) return fail("unknown action '" + verb + "'");
    const int given = static_cast<int>(words->size()) - 1;
    if (given != spec->args) {
      return fail("'" + verb + "' takes " + std::to_string(spec->args) + " argument" +
                  (spec->args == 1 ? "" : "s") + ", got " + std::to_string(given));
    }

    ScenarioStep step;
    step.verb = spec->verb;
    step.line = line_no;
    if (spec->args > 0) step.arg = (*words)[1];
    switch (step.verb) {
      case ScenarioStep::Verb::Wait:
      case ScenarioStep::Verb::Advance: {
        const auto n = to_number(step.arg);
        const double max = step.verb == ScenarioStep::Verb::Wait ? 600000 : 86400 * 365;
        if (!n || *n < 0 || *n > max) {
          return fail("'" + verb + "' needs a number from 0 to " +
                      std::to_string(static_cast<long>(max)) + ", got '" + step.arg + "'");
        }
        step.number = *n;
        break;
      }
      case ScenarioStep::Verb::Drag: {
        const auto dx = to_number((*words)[2]);
        const auto dy = to_number((*words)[3]);
        if (!dx || !dy || std::abs(*dx) > 100000 || std::abs(*dy) > 100000) {
          return fail("'drag' needs an id and two pixel offsets, like: drag jobs.list 0 -400");
        }
        step.dx = static_cast<float>(*dx);
        step.dy = static_cast<float>(*dy);
        break;
      }
      case ScenarioStep::Verb::Hold: {
        // The kiosk clock moves on while the finger stays down: a minute is longer than any hold.
        const auto seconds = to_number((*words)[2]);
        if (step.arg.empty() || !seconds || *seconds <= 0 || *seconds > 60) {
          return fail(
              "'hold' needs an id and the seconds to keep the finger down (more than 0, "
              "at most 60), like: hold header.name 5");
        }
        step.number = *seconds;
        break;
      }
      case ScenarioStep::Verb::Lang:
        if (step.arg != "en" && step.arg != "es") return fail("'lang' takes en or es");
        break;
      case ScenarioStep::Verb::Press:
        if (!key_from_name(step.arg)) {
          return fail("'press' takes a keypad key, one of: " + keypad_key_list() + "; got '" +
                      step.arg + "'");
        }
        break;
      case ScenarioStep::Verb::Headphones:
      case ScenarioStep::Verb::ExpectAllScreens:
        break;
      case ScenarioStep::Verb::Monkey: {
        // A whole accelerated day is a few thousand actions; a million is a mistake.
        const auto actions = to_number(step.arg);
        std::uint64_t seed = 0;
        const std::string& seed_word = (*words)[2];
        const auto* seed_end = seed_word.data() + seed_word.size();
        const auto [ptr, ec] = std::from_chars(seed_word.data(), seed_end, seed);
        if (!actions || *actions < 1 || *actions > 1000000 || *actions != std::floor(*actions) ||
            ec != std::errc() || ptr != seed_end || seed_word.empty()) {
          return fail(
              "'monkey' needs how many actions (1 to 1000000) and a seed (a whole number), "
              "like: monkey 500 42");
        }
        step.number = *actions;
        step.seed = seed;
        break;
      }
      case ScenarioStep::Verb::Shot:
        if (!valid_shot_name(step.arg)) {
          return fail("'shot' takes a file name of letters, digits, '-', '_' and '.'");
        }
        break;
      default:
        if (step.arg.empty()) return fail("'" + verb + "' needs a non-empty argument");
        break;
    }
    scenario.steps.push_back(std::move(step));
    if (end == text.size()) break;
  }
  result.scenario = std::move(scenario);
  return result;
}

ScenarioParseResult load_scenario(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ScenarioParseResult result;
    result.error = file + ": cannot read the scenario file";
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_scenario(text.str(), file);
}

}  // namespace kiosk
