#include "kiosk/signup/signup_service.h"

#include <mutex>
#include <utility>
#include <vector>

#include "kiosk/base/log.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/base/worker.h"
#include "kiosk/signup/envelope.h"
#include "kiosk/signup/sealing.h"
#include "kiosk/signup/uploader.h"

namespace kiosk {

struct SignupService::Impl {
  Impl(std::filesystem::path dir, RunQueue& queue) : data_dir(std::move(dir)), ui(queue) {}

  // Worker thread only: the outbox's connection belongs to it. nullptr when it cannot open.
  Outbox* outbox() {
    if (!box) {
      try {
        box = std::make_unique<Outbox>(data_dir);
      } catch (const std::exception& e) {
        log::error(std::string("sign-up outbox: ") + e.what());
      }
    }
    return box.get();
  }

  void refresh_counts() {
    Outbox* o = outbox();
    if (o == nullptr) return;
    try {
      const OutboxCounts now = o->counts();
      const std::lock_guard lock(mutex);
      counts = now;
    } catch (const std::exception& e) {
      log::error(std::string("sign-up outbox: ") + e.what());
    }
  }

  void answer(std::function<void(SubmitResult)> done, SubmitResult result) {
    ui.post([done = std::move(done), result = std::move(result)] {
      if (done) done(result);
    });
  }

  // Staff's "send now" requests waiting for their pass: the UploadLoop's number, the answer.
  void answer_sends(const SendSummary& summary, std::uint64_t served) {
    std::vector<std::function<void(SendReport)>> answered;
    {
      const std::lock_guard lock(sends_mutex);
      auto it = sends.begin();
      while (it != sends.end()) {
        if (it->first <= served) {
          answered.push_back(std::move(it->second));
          it = sends.erase(it);
        } else {
          ++it;
        }
      }
    }
    const SendReport report{summary.delivered, summary.remaining, !summary.network_failed};
    for (auto& done : answered) {
      ui.post([done = std::move(done), report] { done(report); });
    }
  }

  std::filesystem::path data_dir;
  RunQueue& ui;
  std::mutex sends_mutex;  // guards sends; held while a request gets its number
  std::vector<std::pair<std::uint64_t, std::function<void(SendReport)>>> sends;
  std::optional<PublicKey> key;
  std::unique_ptr<Outbox> box;
  mutable std::mutex mutex;  // guards counts
  OutboxCounts counts;
  std::unique_ptr<UploadLoop> uploader;  // with an endpoint; stopped before the worker drains
  Worker worker;                         // last: joined before the members its tasks use go away
};

SignupService::SignupService(SignupSettings settings, std::filesystem::path data_dir,
                             RunQueue& ui_queue)
    : settings_(std::move(settings)), impl_(std::make_unique<Impl>(std::move(data_dir), ui_queue)) {
  if (sodium_ready()) impl_->key = parse_public_key(settings_.public_key);
  if (!settings_.endpoint.empty()) {
    impl_->uploader =
        std::make_unique<UploadLoop>(impl_->data_dir, UploadSettings{settings_.endpoint});
    impl_->uploader->on_pass(
        [impl = impl_.get()](const SendSummary& summary, std::uint64_t served) {
          impl->answer_sends(summary, served);
          impl->worker.post([impl] { impl->refresh_counts(); }, "counts");
        });
  }
  impl_->worker.post([impl = impl_.get()] { impl->refresh_counts(); });
}

SignupService::~SignupService() {
  if (impl_->uploader) impl_->uploader->stop();  // an upload in flight is cancelled; its row stays
  // Every sign-up the resident was told about is stored before the kiosk goes: storing takes
  // milliseconds, and the worker runs nothing else.
  impl_->worker.drain();
}

bool SignupService::accepting() const {
  return impl_->key.has_value();
}

std::string activate_link(std::string_view activate_url, std::string_view reference) {
  std::string link(activate_url);
  static constexpr std::string_view kSlot = "{reference}";
  for (auto at = link.find(kSlot); at != std::string::npos;
       at = link.find(kSlot, at + reference.size())) {
    link.replace(at, kSlot.size(), reference);
  }
  return link;
}

std::string SignupService::activate_link(const std::string& reference) const {
  return kiosk::activate_link(settings_.activate_url, reference);
}

void SignupService::submit(const SignupForm& form, const std::string& session_language,
                           std::int64_t now, std::function<void(SubmitResult)> done) {
  if (!accepting()) {
    impl_->answer(std::move(done), {false, {}, "no usable [signup] public_key is configured"});
    return;
  }
  if (first_step_with_problem(form)) {
    impl_->answer(std::move(done), {false, {}, "the sign-up form is not complete"});
    return;
  }
  // Made here, before the first store: a retry of this envelope can never become a second one.
  EnvelopeMeta meta{make_reference(),   make_idempotency_key(), settings_.kiosk_id,
                    settings_.location, session_language,       now};
  std::vector<unsigned char> sealed;
  {
    const SecretBytes plaintext = envelope_json(form, meta);
    sealed = seal(plaintext.view(), *impl_->key);
  }  // the plaintext is wiped here, on the thread that built it
  if (sealed.empty()) {
    impl_->answer(std::move(done), {false, {}, "libsodium could not seal the sign-up"});
    return;
  }
  impl_->worker.post([impl = impl_.get(), id = std::move(meta.idempotency_key),
                      reference = std::move(meta.reference), sealed = std::move(sealed), now,
                      done = std::move(done)]() mutable {
    SubmitResult result;
    result.reference = reference;
    Outbox* box = impl->outbox();
    if (box == nullptr) {
      result.error = "the sign-up outbox cannot be opened";
    } else {
      try {
        box->add(id, sealed, now);
        result.ok = true;
        if (impl->uploader) impl->uploader->wake();
      } catch (const std::exception& e) {
        result.error = std::string("the sign-up could not be stored: ") + e.what();
      }
    }
    if (!result.ok) {
      log::error("sign-up " + reference + ": " + result.error);
      result.reference.clear();  // nothing was kept: no reference to give the resident
    }
    impl->refresh_counts();
    impl->answer(std::move(done), std::move(result));
  });
}

void SignupService::start() {
  if (impl_->uploader) impl_->uploader->start();
  impl_->worker.post([impl = impl_.get()] { impl->refresh_counts(); });
}

void SignupService::send_now(std::function<void(SendReport)> done) {
  if (impl_->uploader) {
    {
      const std::lock_guard lock(impl_->sends_mutex);  // numbered and kept before it can be served
      const std::uint64_t ticket = impl_->uploader->send_now();
      if (done) impl_->sends.emplace_back(ticket, std::move(done));
    }
    impl_->worker.post([impl = impl_.get()] { impl->refresh_counts(); });
    return;
  }
  impl_->worker.post([impl = impl_.get(), done = std::move(done)]() mutable {
    impl->refresh_counts();
    if (!done) return;
    SendReport report{0, 0, false};
    {
      const std::lock_guard lock(impl->mutex);
      report.left = impl->counts.pending;
    }
    impl->ui.post([done = std::move(done), report] { done(report); });
  });
}

OutboxCounts SignupService::counts() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->counts;
}

}  // namespace kiosk
