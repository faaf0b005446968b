#include "ui/screens/end_visit.h"

namespace ui {

using namespace kiosk::literals;

void draw_end_question(Ui& ui) {
  if (ui.end_question == nullptr || !*ui.end_question) return;
  // Ending is the primary action (the resident tapped "I'm done"); staying is one tap away.
  switch (ask(ui, {"session.end", "session.end.title"_msg, "session.end.body"_msg,
                   "session.end.confirm"_msg, "session.end.cancel"_msg})) {
    case Answer::Yes:
      *ui.end_question = false;
      ui.intents.push_back(kiosk::Intent::end_session());
      break;
    case Answer::No:
      *ui.end_question = false;
      break;
    case Answer::None:
      break;
  }
}

}  // namespace ui
