// The command line contract (DESIGN.md): no subcommand runs the kiosk UI; subcommands print
// text (or JSON with --json) and exit 0 on success, 1 on an explained failure, 2 on bad usage.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/language.h"

namespace kiosk {

struct Options {
  enum class Command { Run, CheckConfig, Help, Version };
  Command command = Command::Run;
  std::optional<std::filesystem::path> config;
  std::optional<std::filesystem::path> data_dir;
  std::optional<Language> language;
  std::optional<std::pair<int, int>> windowed;  // width, height
  std::optional<std::string> script;
  std::optional<std::filesystem::path> screenshot_dir;
  bool json = false;
};

struct ParsedOptions {
  std::optional<Options> options;
  std::string error;  // one line, for stderr, when options is empty
};

ParsedOptions parse_options(const std::vector<std::string>& args);  // args without argv[0]

std::string usage_text();

// `workforce-kiosk check-config`: validates the file and prints the verdict. Returns the exit code.
int run_check_config(const Options& options);

}  // namespace kiosk
