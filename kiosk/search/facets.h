// The filter chips of each listing kind, grouped as the screens show them, generated from the
// tables in kiosk/model/enums.h: a chip's id is `<screen>.filter.<key>.<value>` and toggling it
// is `search --filter KEY=VALUE`.
#pragma once

#include <span>
#include <string_view>

#include "kiosk/base/msg_key.h"
#include "kiosk/model/model.h"

namespace kiosk {

// How a chip's label is made from its message.
enum class ChipLabel {
  Text,    // the message as it is
  Amount,  // the message with {amount}: the value in dollars ("$20 an hour or more")
  Days,    // the message with {days}: the value as a count ("Last 7 days")
};

struct FilterValue {
  std::string_view value;  // as `--filter KEY=VALUE` writes it
  MsgKey label;
};

struct FilterGroup {
  std::string_view key;  // the `--filter` key
  MsgKey heading;
  bool multi = false;  // several values at once (any of them matches); else one replaces another
  ChipLabel label = ChipLabel::Text;
  std::span<const FilterValue> values;
};

// The groups for a kind, in the order a screen shows them; empty for kinds without filters.
std::span<const FilterGroup> filter_groups(ListingKind kind);

// The group with this key among a kind's groups, or nullptr.
const FilterGroup* filter_group(ListingKind kind, std::string_view key);

}  // namespace kiosk
