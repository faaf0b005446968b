#include "kiosk/cli/cli.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/base/paths.h"
#include "kiosk/config/config.h"
#include "kiosk/config/secrets.h"
#include "kiosk/search/facets.h"
#include "kiosk/signup/form.h"

namespace kiosk {
namespace {

std::optional<std::pair<int, int>> parse_size(const std::string& text) {
  const auto x = text.find('x');
  if (x == std::string::npos) return std::nullopt;
  int w = 0;
  int h = 0;
  const char* begin = text.data();
  const char* mid = begin + x;
  const char* end = begin + text.size();
  if (std::from_chars(begin, mid, w).ptr != mid) return std::nullopt;
  if (std::from_chars(mid + 1, end, h).ptr != end) return std::nullopt;
  if (w < 320 || h < 240 || w > 16384 || h > 16384) return std::nullopt;
  return std::pair{w, h};
}

// "industry=health|technology|…  no_degree=true  min_pay=USD_PER_HOUR": every filter a
// listing kind takes, from the tables behind its chips (kiosk/search/facets.h).
std::string filter_help(ListingKind kind) {
  std::string out;
  std::string line;
  for (const FilterGroup& g : filter_groups(kind)) {
    std::string item = std::string(g.key) + "=";
    if (g.label == ChipLabel::Amount) {
      item += "USD_PER_HOUR";
    } else if (g.label == ChipLabel::Days) {
      item += "N";
    } else {
      for (std::size_t i = 0; i < g.values.size(); ++i) {
        item += (i == 0 ? "" : "|") + std::string(g.values[i].value);
      }
    }
    if (g.key == "type") item += "|contract";  // no chip offers it; the command line takes it
    if (!line.empty() && line.size() + 2 + item.size() > 80) {
      out += "                  " + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : "  ") + item;
  }
  if (!line.empty()) out += "                  " + line + "\n";
  return out;
}

// What keygen and the outbox commands take besides --json (nothing when the usage is right).
std::optional<std::string> check_signup_usage(const Options& options) {
  using Command = Options::Command;
  const Command c = options.command;
  const bool ui_options = options.windowed || options.script || options.screenshot_dir;
  if (c == Command::Keygen && (ui_options || options.data_dir || options.config)) {
    return "keygen takes only --out DIR, --signing and --json";
  }
  const bool outbox = c == Command::OutboxList || c == Command::OutboxExport ||
                      c == Command::OutboxOpen || c == Command::OutboxSend;
  if (outbox && ui_options) return "outbox takes --data-dir, --json and its arguments";
  if (options.secret_key && c != Command::OutboxOpen && c != Command::SignConfig) {
    return "--secret-key goes with outbox open and sign-config";
  }
  if (c == Command::OutboxExport && options.files.size() != 1) {
    return "outbox export needs one directory to write the envelopes to";
  }
  if (c == Command::OutboxOpen) {
    if (!options.secret_key) return "outbox open needs --secret-key FILE (the intake.key)";
    if (options.files.empty()) return "outbox open needs the envelope files to open";
  }
  return std::nullopt;
}

}  // namespace

std::string usage_text() {
  return "Usage: workforce-kiosk [OPTIONS]            run the kiosk\n"
         "       workforce-kiosk check-config [--config FILE] [--json]\n"
         "       workforce-kiosk sync [--config FILE] [--data-dir DIR] [--json]\n"
         "       workforce-kiosk search [--config FILE] [--data-dir DIR] [--kind KIND] [--lang "
         "en|es]\n"
         "                              [--filter KEY=VALUE]... [--sort "
         "relevance|newest|pay|soonest]\n"
         "                              [--limit N] [--exact] [--json] QUERY\n"
         "         --exact: the words typed only (no occupations added in either language)\n"
         "         kinds: jobs programs events services faq\n"
         "         filters for jobs:\n" +
         filter_help(ListingKind::Job) + "         filters for programs:\n" +
         filter_help(ListingKind::Program) +
         "                  max_cost=USD  occupation=SOC[,SOC]... (29-1141; jobs and programs)\n"
         "       workforce-kiosk match [--data-dir DIR] --skills A,B,C [--education LEVEL]\n"
         "                             [--lang en|es] [--json]\n"
         "         jobs and training that fit these skills (keys or names in English or\n"
         "         Spanish), with the reasons; LEVEL: none high_school some_college associate\n"
         "         bachelor graduate\n"
         "       workforce-kiosk speak [--lang en|es] --out FILE.wav [--json] [--] TEXT\n"
         "         speaks TEXT with espeak-ng (English: en-us, Spanish: es-419) into a WAV file\n"
         "       workforce-kiosk keygen --out DIR [--json]\n"
         "         writes the intake team's key pair: DIR/intake.pub (for [signup] public_key)\n"
         "         and DIR/intake.key (the secret key, mode 0600: keep it off the kiosk)\n"
         "       workforce-kiosk keygen --signing --out DIR [--json]\n"
         "         writes the fleet's signing pair: DIR/signing.pub (for [fleet]\n"
         "         config_public_key) and DIR/signing.key (mode 0600: keep it off the kiosks)\n"
         "       workforce-kiosk sign-config --secret-key signing.key [--json] FILE\n"
         "         checks FILE and writes FILE.signed, a remote configuration kiosks accept\n"
         "       workforce-kiosk check-config --config FILE.signed --signed-by signing.pub\n"
         "         exit 0 only when the signature holds and the file is valid and not expired\n"
         "       workforce-kiosk outbox list [--data-dir DIR] [--json]\n"
         "       workforce-kiosk outbox export [--data-dir DIR] [--json] EXPORT_DIR\n"
         "         copies each waiting sign-up, still sealed, to EXPORT_DIR/<id>.sealed\n"
         "       workforce-kiosk outbox open --secret-key FILE ENVELOPE...\n"
         "         opens exported envelopes with intake.key; prints the sign-ups as a JSON array\n"
         "       workforce-kiosk outbox send [--config FILE] [--data-dir DIR] [--json]\n"
         "         sends every waiting sign-up to [signup] endpoint now; exit 1 while some remain\n"
         "       workforce-kiosk provision --id ID --location NAME [--lang en|es]\n"
         "         [--intake-keys DIR] [--config FILE] [--out FILE] < PIN\n"
         "         writes a site's kiosk.toml from the default one (--config: another to start\n"
         "         from), the staff PIN's hash from standard input, checked; stdout without --out\n"
         "       workforce-kiosk pin-hash [--json] < PIN\n"
         "         reads a staff PIN (4 to 8 digits) on standard input and prints its argon2id\n"
         "         hash for [staff] pin_hash\n"
         "       workforce-kiosk stats [--config FILE] [--data-dir DIR] [--json|--csv]\n"
         "         anonymous usage figures: today, the last 7 and 30 days (--csv: per day)\n"
         "       workforce-kiosk self-test [--config FILE] [--data-dir DIR] [--json]\n"
         "         checks display, fonts, catalogs, databases, disk, feeds, intake, clock,\n"
         "         voices and watchdog, one line each; exit 1 when one failed\n"
         "\n"
         "Options:\n"
         "  --config FILE         site configuration (default: /etc/workforce-kiosk/kiosk.toml,\n"
         "                        else the bundled config/kiosk.toml)\n"
         "  --data-dir DIR        cache, outbox and counters (created if missing)\n"
         "  --lang en|es          start in this language instead of the configured one\n"
         "  --windowed WxH        a window instead of full screen, for development\n"
         "  --script FILE         run an automation scenario, exit 0 if every expectation held\n"
         "  --screenshot-dir DIR  where the scenario's `shot` PNGs go\n"
         "  --out FILE|DIR        where speak writes its WAV file; where keygen writes the keys\n"
         "  --secret-key FILE     intake.key (outbox open) or signing.key (sign-config)\n"
         "  --json                machine-readable output (subcommands)\n"
         "  --csv                 stats: one line per day, for a spreadsheet\n"
         "  --help, --version\n";
}

ParsedOptions parse_options(const std::vector<std::string>& args) {
  ParsedOptions parsed;
  Options options;
  const auto fail = [&](std::string why) {
    parsed.error = std::move(why);
    return parsed;
  };
  std::size_t i = 0;
  if (!args.empty() && !args[0].starts_with("-")) {
    if (args[0] == "check-config") {
      options.command = Options::Command::CheckConfig;
    } else if (args[0] == "sync") {
      options.command = Options::Command::Sync;
    } else if (args[0] == "search") {
      options.command = Options::Command::Search;
    } else if (args[0] == "match") {
      options.command = Options::Command::Match;
    } else if (args[0] == "speak") {
      options.command = Options::Command::Speak;
    } else if (args[0] == "keygen") {
      options.command = Options::Command::Keygen;
    } else if (args[0] == "pin-hash") {
      options.command = Options::Command::PinHash;
    } else if (args[0] == "provision") {
      options.command = Options::Command::Provision;
    } else if (args[0] == "outbox") {
      const std::string what = args.size() > 1 ? args[1] : "";
      if (what == "list") {
        options.command = Options::Command::OutboxList;
      } else if (what == "export") {
        options.command = Options::Command::OutboxExport;
      } else if (what == "open") {
        options.command = Options::Command::OutboxOpen;
      } else if (what == "send") {
        options.command = Options::Command::OutboxSend;
      } else {
        return fail("outbox takes list, export, open or send (see --help)");
      }
      ++i;
    } else if (args[0] == "stats") {
      options.command = Options::Command::Stats;
    } else if (args[0] == "sign-config") {
      options.command = Options::Command::SignConfig;
    } else if (args[0] == "self-test") {
      options.command = Options::Command::SelfTest;
    } else if (args[0] == "help") {
      options.command = Options::Command::Help;
    } else {
      return fail("unknown command '" + args[0] + "' (see --help)");
    }
    ++i;
  }
  bool bad_speak_lang = false;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options.command == Options::Command::Speak && arg == "--") {
      // Everything after -- is text, even "-5 degrees".
      for (++i; i < args.size(); ++i) {
        if (!options.text.empty()) options.text += ' ';
        options.text += args[i];
      }
      break;
    }
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      options.command = Options::Command::Help;
    } else if (arg == "--version") {
      options.command = Options::Command::Version;
    } else if (arg == "--json") {
      options.json = true;
    } else if (arg == "--csv" && options.command == Options::Command::Stats) {
      options.csv = true;
    } else if (arg == "--signing" && options.command == Options::Command::Keygen) {
      options.signing = true;
    } else if (arg == "--signed-by" && options.command == Options::Command::CheckConfig) {
      auto v = value();
      if (!v || v->empty()) return fail("--signed-by needs the signing.pub file");
      options.signed_by = *v;
    } else if (arg == "--exact") {
      options.exact = true;
    } else if (arg == "--config") {
      auto v = value();
      if (!v) return fail("--config needs a file");
      options.config = *v;
    } else if (arg == "--data-dir") {
      auto v = value();
      if (!v) return fail("--data-dir needs a directory");
      options.data_dir = *v;
    } else if (arg == "--lang") {
      auto v = value();
      auto lang = v ? parse_language(*v, /*allow_pseudo=*/true) : std::nullopt;
      if (!lang) return fail("--lang takes en or es");
      bad_speak_lang = bad_speak_lang || *lang == Language::Pseudo;
      options.language = lang;
    } else if (arg == "--windowed") {
      auto v = value();
      auto size = v ? parse_size(*v) : std::nullopt;
      if (!size) return fail("--windowed takes a size like 1920x1080 (320x240 at least)");
      options.windowed = size;
    } else if (arg == "--script") {
      auto v = value();
      if (!v) return fail("--script needs a scenario file");
      options.script = *v;
    } else if (arg == "--screenshot-dir") {
      auto v = value();
      if (!v) return fail("--screenshot-dir needs a directory");
      options.screenshot_dir = *v;
    } else if (arg == "--kind") {
      auto v = value();
      if (!v) return fail("--kind needs jobs, programs, events, services or faq");
      options.kind = *v;
    } else if (arg == "--filter") {
      auto v = value();
      if (!v || v->find('=') == std::string::npos) return fail("--filter takes KEY=VALUE");
      options.filters.push_back(*v);
    } else if (arg == "--sort") {
      auto v = value();
      if (!v || (*v != "relevance" && *v != "newest" && *v != "pay" && *v != "soonest")) {
        return fail("--sort takes relevance, newest, pay or soonest");
      }
      options.sort = *v;
    } else if (arg == "--limit") {
      const std::string text = value().value_or("");
      const char* end = text.data() + text.size();
      int n = 0;
      if (text.empty() || std::from_chars(text.data(), end, n).ptr != end || n < 1 || n > 500) {
        return fail("--limit takes a number from 1 to 500");
      }
      options.limit = n;
    } else if (arg == "--skills" && options.command == Options::Command::Match) {
      auto v = value();
      if (!v) return fail("--skills takes skills separated by commas");
      std::string part;
      for (const char c : *v + ",") {
        if (c != ',') {
          part += c;
          continue;
        }
        const auto first = part.find_first_not_of(' ');
        if (first != std::string::npos) {
          options.skills.push_back(part.substr(first, part.find_last_not_of(' ') - first + 1));
        }
        part.clear();
      }
    } else if (arg == "--education" && options.command == Options::Command::Match) {
      auto v = value();
      const auto known = [&](const std::string& key) {
        return std::any_of(kEducationLevels.begin(), kEducationLevels.end(),
                           [&](const Choice& c) { return c.key == key; });
      };
      if (!v || !known(*v)) {
        return fail(
            "--education takes none, high_school, some_college, associate, bachelor or graduate");
      }
      options.education = *v;
    } else if (arg == "--out") {
      auto v = value();
      if (!v || v->empty()) return fail("--out needs a file");
      options.out = *v;
    } else if (arg == "--id" && options.command == Options::Command::Provision) {
      auto v = value();
      if (!v || v->empty()) return fail("--id needs the kiosk's id, like mdc-main-01");
      options.kiosk_id = *v;
    } else if (arg == "--location" && options.command == Options::Command::Provision) {
      auto v = value();
      if (!v || v->empty()) return fail("--location needs the place's name");
      options.location = *v;
    } else if (arg == "--intake-keys" && options.command == Options::Command::Provision) {
      auto v = value();
      if (!v || v->empty()) return fail("--intake-keys needs a directory");
      options.intake_keys = *v;
    } else if (arg == "--secret-key") {
      auto v = value();
      if (!v || v->empty()) return fail("--secret-key needs the intake.key file");
      options.secret_key = *v;
    } else if ((options.command == Options::Command::OutboxExport ||
                options.command == Options::Command::OutboxOpen ||
                options.command == Options::Command::SignConfig) &&
               !arg.starts_with("-")) {
      options.files.emplace_back(arg);
    } else if (options.command == Options::Command::Speak && !arg.starts_with("-")) {
      if (!options.text.empty()) options.text += ' ';
      options.text += arg;
    } else if (options.command == Options::Command::Search && !arg.starts_with("--")) {
      if (!options.query.empty()) options.query += ' ';
      options.query += arg;
    } else {
      return fail("unknown option '" + arg + "' (see --help)");
    }
  }
  const bool search_only =
      options.kind || !options.filters.empty() || options.sort || options.limit || options.exact;
  if (search_only && options.command != Options::Command::Search) {
    return fail("--kind, --filter, --sort, --limit and --exact go with the search command");
  }
  if (options.command == Options::Command::Match && options.skills.empty()) {
    return fail("match needs --skills (keys or names, separated by commas)");
  }
  if (options.command == Options::Command::CheckConfig &&
      (options.script || options.windowed || options.screenshot_dir)) {
    return fail("check-config takes only --config, --signed-by and --json");
  }
  if (options.command == Options::Command::SignConfig &&
      (!options.secret_key || options.files.size() != 1 || options.windowed || options.script ||
       options.screenshot_dir || options.data_dir || options.config || options.language)) {
    return fail("sign-config takes --secret-key signing.key, one FILE and --json");
  }
  if (options.command == Options::Command::Speak) {
    if (bad_speak_lang) return fail("--lang takes en or es");
    if (options.windowed || options.script || options.screenshot_dir || options.data_dir) {
      return fail("speak takes only --lang, --out, --json and the text");
    }
    if (!options.out) return fail("speak needs --out FILE.wav");
    if (options.text.find_first_not_of(" \t\n") == std::string::npos) {
      return fail("speak needs the text to say");
    }
  } else if (options.command == Options::Command::Keygen) {
    if (!options.out) return fail("keygen needs --out DIR");
  } else if (options.command == Options::Command::Provision) {
    if (!options.kiosk_id || !options.location) {
      return fail("provision needs --id ID and --location NAME");
    }
    if (options.windowed || options.script || options.screenshot_dir || options.data_dir) {
      return fail("provision takes --id, --location, --lang, --intake-keys, --config, --out");
    }
  } else if (options.out) {
    return fail("--out goes with the speak, keygen and provision commands");
  }
  if (auto error = check_signup_usage(options)) return fail(*error);
  if (options.command == Options::Command::PinHash &&
      (options.windowed || options.script || options.screenshot_dir || options.data_dir ||
       options.config || options.language)) {
    return fail("pin-hash takes only --json (and the PIN on standard input)");
  }
  if (options.command == Options::Command::Stats) {
    if (options.json && options.csv) return fail("stats takes --json or --csv, not both");
    if (options.windowed || options.script || options.screenshot_dir || options.language) {
      return fail("stats takes only --data-dir, --config, --json and --csv");
    }
  }
  if (options.command == Options::Command::SelfTest &&
      (options.windowed || options.script || options.screenshot_dir || options.language ||
       options.csv)) {
    return fail("self-test takes only --config, --data-dir and --json");
  }
  parsed.options = std::move(options);
  return parsed;
}

int run_check_config(const Options& options) {
  if (options.signed_by) return run_check_signed_config(options);
  const std::filesystem::path file = options.config.value_or(paths::default_config());
  ConfigResult result = load_config(file);
  // The feeds' credentials: the secrets file's mode and owner, and every name it must hold.
  if (result.config) {
    for (auto& problem : check_secrets(*result.config, kiosk_user())) {
      result.errors.push_back({file.string(), 0, 0, std::move(problem)});
    }
  }
  if (options.json) {
    nlohmann::json out;
    out["file"] = file.string();
    out["ok"] = result.errors.empty();
    out["errors"] = nlohmann::json::array();
    for (const auto& e : result.errors) {
      out["errors"].push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
    }
    if (result.config) out["max_feed_mb"] = result.config->feeds.max_feed_mb;
    std::cout << out.dump() << '\n';
  } else if (result.errors.empty()) {
    std::cout << file.string() << ": OK\n";
    if (!result.config->feeds.secrets_file.empty()) {
      std::cout << "  [feeds] secrets_file = " << result.config->feeds.secrets_file.string()
                << " (private to the kiosk's user; every secret the feeds name is in it)\n";
    }
    std::cout << "  [feeds] max_feed_mb = " << result.config->feeds.max_feed_mb
              << " (a larger feed is refused and its old listings stay)\n";
  } else {
    for (const auto& e : result.errors) std::cerr << e.to_string() << '\n';
  }
  return result.errors.empty() ? 0 : 1;
}

}  // namespace kiosk
