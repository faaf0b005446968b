// Every screen of the kiosk, one line each: its stable name, its home tile, its chrome. Adding a
// journey is its spec or screen file, a line here and its catalog keys (README: "Adding a
// screen"). The home screen's tiles follow this list's `order`, not its line order.
#include "kiosk/session/visit.h"
#include "ui/screens/attract_screen.h"
#include "ui/screens/careers_screen.h"
#include "ui/screens/explainer_screen.h"
#include "ui/screens/faq_screen.h"
#include "ui/screens/help_screen.h"
#include "ui/screens/home_screen.h"
#include "ui/screens/listing_browser_screen.h"
#include "ui/screens/listing_detail_screen.h"
#include "ui/screens/match_screen.h"
#include "ui/screens/my_list_screen.h"
#include "ui/screens/out_of_service_screen.h"
#include "ui/screens/screen_registry.h"
#include "ui/screens/signup_screen.h"
#include "ui/screens/staff_notice_screen.h"
#include "ui/screens/staff_panel_screen.h"
#include "ui/screens/staff_pin_screen.h"

namespace ui {

using namespace kiosk::literals;

void register_screens(ScreenRegistry& r, ScreenServices& s) {
  const ListingSpec& jobs = jobs_spec();
  const ListingSpec& programs = programs_spec();
  const ListingSpec& services = services_spec();
  const ListingSpec& events = events_spec();
  // clang-format off
  r.add<HomeScreen>(ScreenInfo{.name = "home", .speech_intro = "speech.intro.home"_msg, .back_home = false});
  r.add<ListingBrowserScreen>(ScreenInfo{.name = "jobs.search", .speech_intro = "speech.intro.jobs_search"_msg, .tile = HomeTile{"home.jobs", "home.jobs.title"_msg, "home.jobs.subtitle"_msg, Icon::Briefcase, 10}}, jobs, s.visit, s.reader);
  r.add<ListingDetailScreen>(ScreenInfo{.name = "jobs.detail", .speech_intro = jobs.words.detail_intro, .announces_heading = true}, jobs, s.visit, s.reader);
  r.add<ListingBrowserScreen>(ScreenInfo{.name = "programs.search", .speech_intro = "speech.intro.programs_search"_msg, .tile = HomeTile{"home.programs", "home.programs.title"_msg, "home.programs.subtitle"_msg, Icon::Search, 20}}, programs, s.visit, s.reader);
  r.add<ListingDetailScreen>(ScreenInfo{.name = "programs.detail", .speech_intro = programs.words.detail_intro, .announces_heading = true}, programs, s.visit, s.reader);
  r.add<ExplainerScreen>(ScreenInfo{.name = "programs.explain", .speech_intro = "speech.intro.programs_explain"_msg, .announces_heading = true});
  r.add<ListingBrowserScreen>(ScreenInfo{.name = "services.search", .speech_intro = "speech.intro.services_search"_msg, .tile = HomeTile{"home.services", "home.services.title"_msg, "home.services.subtitle"_msg, Icon::Heart, 50}}, services, s.visit, s.reader);
  r.add<ListingDetailScreen>(ScreenInfo{.name = "services.detail", .speech_intro = services.words.detail_intro, .announces_heading = true}, services, s.visit, s.reader);
  r.add<ListingBrowserScreen>(ScreenInfo{.name = "events.search", .speech_intro = "speech.intro.events_search"_msg, .tile = HomeTile{"home.events", "home.events.title"_msg, "home.events.subtitle"_msg, Icon::Calendar, 60}}, events, s.visit, s.reader);
  r.add<ListingDetailScreen>(ScreenInfo{.name = "events.detail", .speech_intro = events.words.detail_intro, .announces_heading = true}, events, s.visit, s.reader);
  r.add<SignupScreen>(ScreenInfo{.name = "signup", .speech_intro = "speech.intro.signup"_msg, .tile = HomeTile{"home.signup", "home.signup.title"_msg, "home.signup.subtitle"_msg, Icon::Person, 30}, .own_back = true}, s.visit.signup, s.signup);
  r.add<MyListScreen>(ScreenInfo{.name = "mylist", .speech_intro = "speech.intro.mylist"_msg}, s.visit.saved);
  r.add<MatchScreen>(ScreenInfo{.name = "match", .speech_intro = "speech.intro.match"_msg, .tile = HomeTile{"home.match", "home.match.title"_msg, "home.match.subtitle"_msg, Icon::Check, 45}}, s.reader);
  r.add<CareersScreen>(ScreenInfo{.name = "careers", .speech_intro = "speech.intro.careers"_msg, .tile = HomeTile{"home.careers", "home.careers.title"_msg, "home.careers.subtitle"_msg, Icon::List, 40}, .announces_heading = true}, s.reader);
  r.add<FaqScreen>(ScreenInfo{.name = "faq", .speech_intro = "speech.intro.faq"_msg, .tile = HomeTile{"home.faq", "home.faq.title"_msg, "home.faq.subtitle"_msg, Icon::Chat, 70}}, s.visit, s.reader);
  r.add<HelpScreen>(ScreenInfo{.name = "help", .speech_intro = "speech.intro.help"_msg, .tile = HomeTile{"home.help", "home.help.title"_msg, "home.help.subtitle"_msg, Icon::Help, 100}});
  r.add<AttractScreen>(ScreenInfo{.name = "attract", .speech_intro = "speech.intro.attract"_msg, .back_home = false, .nav_bar = false, .language_toggle = false});
  // Staff's screens: no home tile; reached by holding the kiosk's name (kiosk/staff/).
  r.add<StaffPinScreen>(ScreenInfo{.name = "staff.pin", .speech_intro = "speech.intro.staff_pin"_msg});
  r.add<StaffPanelScreen>(ScreenInfo{.name = "staff.panel", .speech_intro = "speech.intro.staff_panel"_msg, .back_home = false, .nav_bar = false}, s.reader, s.signup, s.staff_link);
  r.add<StaffNoticeScreen>(ScreenInfo{.name = "staff.notice", .speech_intro = "speech.intro.staff_notice"_msg, .back_home = false, .nav_bar = false});
  r.add<OutOfServiceScreen>(ScreenInfo{.name = "out_of_service", .speech_intro = "speech.intro.out_of_service"_msg, .back_home = false, .nav_bar = false, .language_toggle = false});
  // clang-format on
}

}  // namespace ui
