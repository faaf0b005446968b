// signup_fill DATA_DIR PUBLIC_KEY_BASE64 N: seals N made-up sign-ups into DATA_DIR's outbox through
// SignupService::submit (as the wizard's Submit does) and prints each one's reference, one a line.
// For integration.delivery_chaos; exits 1 when a submit fails.
#include <ctime>
#include <iostream>
#include <string>

#include "kiosk/base/paths.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/signup/signup_service.h"
#include "tests/unit/signup_test_support.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: signup_fill DATA_DIR PUBLIC_KEY_BASE64 N\n";
    return 2;
  }
  kiosk::SignupSettings settings;
  settings.public_key = argv[2];
  settings.kiosk_id = "chaos-test";
  settings.location = "Test Library";
  if (auto why = kiosk::paths::ensure_private_dir(argv[1])) {
    std::cerr << "signup_fill: " << *why << "\n";
    return 1;
  }
  kiosk::RunQueue queue;
  kiosk::SignupService service(settings, argv[1], queue);
  if (!service.accepting()) {
    std::cerr << "signup_fill: the public key is not usable\n";
    return 1;
  }
  const int n = std::stoi(argv[3]);
  int done = 0;
  int failed = 0;
  for (int i = 0; i < n; ++i) {
    kiosk::SignupForm form = kiosk::testing::complete_signup_form();
    // Letters only in names: the number spelled with letters keeps each sign-up distinct.
    std::string tag;
    for (int k = i + 1; k > 0; k /= 26) tag += static_cast<char>('a' + k % 26);
    form.last_name += "-" + tag;
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    service.submit(form, "es", now, [&done, &failed](const kiosk::SubmitResult& result) {
      ++done;
      if (result.ok) {
        std::cout << result.reference << "\n";
      } else {
        ++failed;
        std::cerr << "signup_fill: " << result.error << "\n";
      }
    });
    form.wipe();
  }
  while (done < n) {
    if (queue.drain() == 0) {
      struct timespec pause {
        0, 5'000'000
      };
      nanosleep(&pause, nullptr);
    }
  }
  return failed == 0 ? 0 : 1;
}
