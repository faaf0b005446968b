// The command line contract (DESIGN.md): no subcommand runs the kiosk UI; subcommands print
// text (or JSON with --json) and exit 0 on success, 1 on an explained failure, 2 on bad usage.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/fleet/self_test.h"
#include "kiosk/i18n/language.h"

namespace kiosk {

struct Options {
  enum class Command {
    Run,
    CheckConfig,
    Sync,
    Search,
    Match,
    Speak,
    Keygen,
    OutboxList,
    OutboxExport,
    OutboxOpen,
    OutboxSend,
    PinHash,
    Provision,
    Stats,
    SignConfig,
    SelfTest,
    Help,
    Version
  };
  Command command = Command::Run;
  std::optional<std::filesystem::path> config;
  std::optional<std::filesystem::path> data_dir;
  std::optional<Language> language;
  std::optional<std::pair<int, int>> windowed;  // width, height
  std::optional<std::string> script;
  std::optional<std::filesystem::path> screenshot_dir;
  bool json = false;
  bool csv = false;  // stats: one row per day
  // search
  std::optional<std::string> kind;
  std::vector<std::string> filters;  // KEY=VALUE
  std::optional<std::string> sort;
  std::optional<int> limit;
  bool exact = false;  // the typed words only: no occupations added from the vocabulary
  std::string query;
  // match
  std::vector<std::string> skills;  // as given: keys or labels, either language
  std::optional<std::string> education;
  // speak
  std::optional<std::filesystem::path> out;  // the WAV file
  std::string text;                          // what to say
  // keygen --out DIR; outbox export DIR; outbox open --secret-key FILE ENVELOPE...
  std::optional<std::filesystem::path> secret_key;
  std::vector<std::filesystem::path> files;        // export: the one directory; open: the envelopes
  bool signing = false;                            // keygen --signing: the fleet's ed25519 pair
  std::optional<std::filesystem::path> signed_by;  // check-config --signed-by signing.pub
  // provision --id ID --location NAME [--intake-keys DIR]
  std::optional<std::string> kiosk_id;
  std::optional<std::string> location;
  std::optional<std::filesystem::path> intake_keys;
};

struct ParsedOptions {
  std::optional<Options> options;
  std::string error;  // one line, for stderr, when options is empty
};

ParsedOptions parse_options(const std::vector<std::string>& args);  // args without argv[0]

std::string usage_text();

// `workforce-kiosk check-config`: validates the file and prints the verdict. Returns the exit code.
int run_check_config(const Options& options);
// `workforce-kiosk sync`: fetches every configured feed once. 0 when all succeeded or were
// unchanged.
int run_sync(const Options& options);
// `workforce-kiosk search`: queries the cache. 0 with results or none, 1 on an error.
int run_search(const Options& options);
// `search --kind faq`: the FAQ ranked in memory as the Questions screen ranks it.
int run_faq_search(const Options& options);
// `workforce-kiosk match --skills a,b,c`: jobs and training that fit (kiosk/match/matcher.h),
// with their reasons. 2 for a skill or an education level it does not know.
int run_match(const Options& options);
// `workforce-kiosk speak`: synthesizes the text into a WAV file. No display, no configuration.
int run_speak(const Options& options);
// `workforce-kiosk keygen --out DIR`: the intake team's key pair (kiosk/signup/sealing.h).
int run_keygen(const Options& options);
// `workforce-kiosk outbox list|export|open`: the sealed sign-ups waiting in the data directory,
// never their contents (only `open`, with the intake team's secret key, reads them).
int run_outbox_list(const Options& options);
int run_outbox_export(const Options& options);
int run_outbox_open(const Options& options);
// `workforce-kiosk outbox send`: one delivery pass over everything pending, backoff or not. 0 when
// the outbox is empty afterwards; 1 with the count and the reason when envelopes remain.
int run_outbox_send(const Options& options);
// `workforce-kiosk pin-hash`: one line of `in` (4 to 8 digits) becomes the argon2id hash for
// [staff] pin_hash; `--json` prints {"pin_hash":"…"}. 2 (one line on stderr) for anything else.
// The PIN is never echoed, printed or logged, and is wiped once hashed.
int run_pin_hash(const Options& options, std::istream& in);
// `workforce-kiosk provision --id ID --location NAME [--lang en|es] [--intake-keys DIR] [--out
// FILE]`: a site's kiosk.toml from the default one, its comments kept, with the id, the place,
// the language, the staff PIN's hash (a line of digits on `in`; none typed: no staff entry) and
// the intake team's public key (DIR/intake.pub, made there first when missing); checked before it
// is written (atomically, keeping an existing file's owner and mode). 0, 1 (refused), 2 (usage).
int run_provision(const Options& options, std::istream& in);
// `workforce-kiosk stats [--json|--csv]`: the anonymous usage figures (kiosk/stats/usage.h):
// today, the last 7 and 30 days; --csv one row per day for the last 30 days.
int run_stats(const Options& options);
// `workforce-kiosk keygen --signing --out DIR`: DIR/signing.pub and DIR/signing.key (0600), the
// ed25519 pair remote configurations are signed with (kiosk/fleet/signed_config.h).
int run_signing_keygen(const Options& options);
// `workforce-kiosk sign-config --secret-key signing.key FILE`: checks FILE, writes FILE.signed.
int run_sign_config(const Options& options);
// `check-config --config FILE.signed --signed-by signing.pub`: 0 only when the signature holds,
// the file passes check-config and it has not expired.
int run_check_signed_config(const Options& options);
// `workforce-kiosk self-test [--json]`: one line per check (kiosk/fleet/self_test.h), exit 1 when
// any failed. `ui_checks` are the display's and the fonts' (ui/display_check.h: the core never
// opens a window), run first.
int run_self_test(const Options& options,
                  const std::function<std::vector<fleet::CheckResult>()>& ui_checks);

}  // namespace kiosk
