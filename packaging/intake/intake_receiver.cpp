// workforce-intake: the reference intake receiver (packaging/intake/receiver.h, README "Sign-ups
// without a back end").
#include <string>
#include <vector>

#include "packaging/intake/receiver.h"

int main(int argc, char** argv) {
  return kiosk::intake::intake_main(std::vector<std::string>(argv + 1, argv + argc));
}
