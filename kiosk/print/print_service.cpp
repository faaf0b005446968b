#include "kiosk/print/print_service.h"

#include "kiosk/base/log.h"
#include "kiosk/print/printer.h"

namespace kiosk {

PrintService::PrintService(std::string queue, RunQueue& ui) : queue_(std::move(queue)), ui_(ui) {}

PrintService::~PrintService() {
  worker_.stop();
}

void PrintService::check() {
  if (!configured()) return;
  worker_.post(
      [this] {
        std::string error;
        const bool ok = printer_available(queue_, &error);
        if (!ok) log::warn("printer queue " + queue_ + " is not available: " + error);
        ui_.post([this, ok] { available_ = ok; });
      },
      "check");
}

void PrintService::print(Printout printout, std::function<void(bool ok)> done) {
  if (!configured()) {
    done(false);
    return;
  }
  worker_.post([this, printout = std::move(printout), done = std::move(done)]() mutable {
    PrintJob job;
    job.queue = queue_;
    job.title = "workforce-kiosk summary";  // never the resident's choices
    job.document = render_pdf(printout);
    job.mime_type = "application/pdf";
    std::string error;
    const auto id = print_document(job, &error);
    if (id) {
      log::info("printed a summary on " + queue_ + " (job " + std::to_string(*id) + ")");
    } else {
      log::error("printing on " + queue_ + " failed: " + error);
    }
    ui_.post([this, ok = id.has_value(), done = std::move(done)] {
      done(ok);
      if (!ok) check();
    });
  });
}

}  // namespace kiosk
