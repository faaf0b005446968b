// One job, readable: what it is, what it pays, where, what it asks and how to apply; the apply
// link as a big QR code to continue on a phone; save, print, previous/next, more like this.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/qr.h"
#include "kiosk/search/job_search.h"
#include "kiosk/search/listings_reader.h"
#include "ui/screens/screen.h"

namespace ui {

class JobDetailScreen final : public Screen {
 public:
  JobDetailScreen(kiosk::JobSearch& search, kiosk::SavedList& saved, kiosk::ListingsReader& reader)
      : search_(search), saved_(saved), reader_(reader) {}

  kiosk::ScreenId id() const override { return kiosk::ScreenId::JobDetail; }
  kiosk::MsgKey speech_intro() const override {
    using namespace kiosk::literals;
    return "speech.intro.jobs_detail"_msg;
  }
  bool announces_heading() const override { return true; }
  void on_open() override;
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  enum class PrintState { Idle, Sending, Sent, Failed };

  void load(std::int64_t key);
  void forget(std::int64_t key);  // shows nothing, as for `key` before it is read
  float draw_step_row(Ui& ui, ImVec2 pos, float width);
  float draw_narrow_step_row(Ui& ui, ImVec2 pos, float width, const std::string& list_label);
  void draw_text_column(Ui& ui, float width);
  void draw_take_away(Ui& ui, ImVec2 pos, float width, float height, bool compact);
  void draw_similar(Ui& ui, float width);
  void open_key(Ui& ui, std::int64_t key, std::optional<std::size_t> index);

  kiosk::JobSearch& search_;
  kiosk::SavedList& saved_;
  kiosk::ListingsReader& reader_;

  std::int64_t loaded_key_ = 0;  // the job shown (or being fetched)
  bool loading_ = false;
  bool missing_ = false;  // the job left the cache (expired or removed by a sync)
  std::optional<kiosk::Job> job_;
  std::optional<kiosk::QrCode> qr_;
  std::vector<kiosk::SearchHit> similar_;
  kiosk::Language similar_language_ = kiosk::Language::En;
  PrintState print_state_ = PrintState::Idle;
  bool compact_ = false;  // narrow screens: the QR block sits inside the scrolling text
  std::uint64_t generation_ = 0;
  ScrollArea scroll_;
};

}  // namespace ui
