// Every screen of the kiosk, registered in one place (register_screens() in screens.cpp, one
// line each) with its stable name, its home tile and its chrome. The app and the home screen
// iterate the registry; nobody else keeps a list of screens (ImHex's ContentRegistry::Views).
#pragma once

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/screens/screen.h"

namespace kiosk {
namespace staff {
class StaffDesk;
}
class ListingsReader;
class SignupService;
class Visit;
}  // namespace kiosk

namespace ui {

struct StaffLink;

// What screens are built with: the visit's state and the services that answer them.
struct ScreenServices {
  kiosk::Visit& visit;
  kiosk::ListingsReader& reader;
  kiosk::SignupService& signup;
  kiosk::staff::StaffDesk& staff;
  StaffLink& staff_link;  // the panel's view of the app (ui/screens/staff_panel_screen.h)
};

class ScreenRegistry {
 public:
  // Registers a screen; its name must be new (a programmer error otherwise).
  template <class S, class... Args>
  S& add(Args&&... args) {
    auto screen = std::make_unique<S>(std::forward<Args>(args)...);
    S& ref = *screen;
    insert(std::move(screen));
    return ref;
  }

  Screen* find(std::string_view name) const;
  // The screen a route names; home when no screen has that name (logged: a programmer error).
  Screen& at(std::string_view name) const;
  // The screens with a home tile, in their tiles' order.
  std::vector<const Screen*> tiles() const;
  const std::vector<std::unique_ptr<Screen>>& all() const { return screens_; }

 private:
  void insert(std::unique_ptr<Screen> screen);

  std::vector<std::unique_ptr<Screen>> screens_;
};

// The one place screens are registered (ui/screens/screens.cpp).
void register_screens(ScreenRegistry& registry, ScreenServices& services);

}  // namespace ui
