// The kiosk UI: owns the platform, the screens and the event-driven loop. main() calls this
// after the command line and the configuration have been checked.
#pragma once

#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"

namespace ui {

// Runs until the kiosk is stopped (or the scenario ends). Returns the process exit code.
int run_kiosk(const kiosk::Options& options, const kiosk::Config& config);

}  // namespace ui
