// Fuzz target: the fleet's two small formats. DATA/run_state read back from any bytes gives
// counts that survive their own round trip; any bytes as a feed's source or the kiosk's id give
// a metrics text whose every line is a comment or one sample of ours, in valid UTF-8, with the
// label value read back unescaped to the sanitized input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kiosk/base/utf8.h"
#include "kiosk/fleet/metrics.h"
#include "kiosk/fleet/run_state.h"

namespace fleet = kiosk::fleet;

namespace {

std::string unescape(std::string_view escaped) {
  std::string out;
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] != '\\') {
      out += escaped[i];
      continue;
    }
    if (++i >= escaped.size()) std::abort();  // a lone backslash at the end
    switch (escaped[i]) {
      case '\\':
        out += '\\';
        break;
      case '"':
        out += '"';
        break;
      case 'n':
        out += '\n';
        break;
      default:
        std::abort();  // an escape the format does not have
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const fleet::RunState state = fleet::parse_run_state(text);
  if (state.starts < 0 || state.restarts < 0) std::abort();
  if (fleet::parse_run_state(fleet::format_run_state(state)) != state) std::abort();

  const std::string escaped = fleet::escape_label_value(text);
  if (!kiosk::utf8::valid(escaped) || escaped.find('\n') != std::string::npos) std::abort();
  if (unescape(escaped) != kiosk::utf8::sanitize(text)) std::abort();

  fleet::MetricsSnapshot snapshot;
  snapshot.kiosk_id = std::string(text);
  snapshot.feeds.push_back({.kind = "jobs",
                            .source = std::string(text),
                            .status = "failed",
                            .records = 1,
                            .last_sync = 1});
  snapshot.feeds.push_back({.kind = "jobs",
                            .source = std::string(text),
                            .status = "updated",
                            .records = 2,
                            .last_sync = 2});
  const std::string metrics = fleet::render_metrics(snapshot);
  if (!kiosk::utf8::valid(metrics) || metrics.empty() || metrics.back() != '\n') std::abort();
  std::size_t start = 0;
  while (start < metrics.size()) {
    const std::size_t end = metrics.find('\n', start);
    const std::string_view line(metrics.data() + start, end - start);
    if (!line.starts_with("# HELP workforce_kiosk_") &&
        !line.starts_with("# TYPE workforce_kiosk_") && !line.starts_with("workforce_kiosk_")) {
      std::abort();
    }
    start = end + 1;
  }
  return 0;
}
