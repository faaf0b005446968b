// [SECTION] espeak-ng synthesis: one process-wide engine behind a mutex
// [SECTION] WAV files
// [SECTION] SpeechService: a worker thread between the UI and the sink
#include "kiosk/speech/speech.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "kiosk/base/log.h"
#include "kiosk/base/wipe.h"
#include "kiosk/base/worker.h"
#include "kiosk/speech/spoken_log.h"

namespace kiosk {
namespace {

// -----------------------------------------------------------------------------------------------
// [SECTION] espeak-ng synthesis
// -----------------------------------------------------------------------------------------------

// espeak-ng keeps all of its state in globals and is not reentrant: every call into it, from
// initialisation to the end of a synthesis, happens with this mutex held.
std::mutex engine_mutex;

struct Engine {
  bool tried = false;      // initialisation runs once; a failure is remembered, not retried
  int sample_rate = 0;     // 0 until initialised
  std::string init_error;  // why espeak-ng is unusable, when it is
  std::vector<std::int16_t>* current = nullptr;  // the synthesis in progress collects here
  std::string es_voice = "es-419";               // "es" once es-419 turned out to be missing
};
Engine engine;  // NOLINT(cert-err58-cpp): empty strings; guarded by engine_mutex

constexpr int kBufferMs = 200;  // espeak-ng hands over audio in pieces of about this length

int collect_samples(short* wav, int count, espeak_EVENT* /*events*/) {
  // Runs inside espeak_Synth on the calling thread, so engine_mutex is held.
  if (wav != nullptr && count > 0 && engine.current != nullptr) {
    engine.current->insert(engine.current->end(), wav, wav + count);
  }
  return 0;  // continue
}

std::string status_message(espeak_ng_STATUS status) {
  std::array<char, 256> text{};
  espeak_ng_GetStatusCodeMessage(status, text.data(), text.size());
  return text.data();
}

// Called with engine_mutex held. The espeak_ng_* calls report failures as values, where
// espeak_Initialize without espeakINITIALIZE_DONT_EXIT would exit(1) on missing data.
bool ensure_engine(std::string* error) {
  if (!engine.tried) {
    engine.tried = true;
    espeak_ng_InitializePath(nullptr);  // ESPEAK_DATA_PATH, else the packaged espeak-ng-data
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (status == ENS_OK) {
      status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, kBufferMs, nullptr);
    }
    if (status != ENS_OK) {
      engine.init_error = "espeak-ng cannot start (" + status_message(status) + ")";
    } else {
      engine.sample_rate = espeak_ng_GetSampleRate();
      espeak_SetSynthCallback(collect_samples);
      if (engine.sample_rate <= 0) engine.init_error = "espeak-ng reported no sample rate";
    }
  }
  if (!engine.init_error.empty() && error != nullptr) *error = engine.init_error;
  return engine.init_error.empty();
}

// Called with engine_mutex held.
bool select_voice(Language language, std::string* voice, std::string* error) {
  if (language == Language::Es) {
    if (espeak_SetVoiceByName(engine.es_voice.c_str()) == EE_OK) {
      *voice = engine.es_voice;
      return true;
    }
    if (engine.es_voice != "es" && espeak_SetVoiceByName("es") == EE_OK) {
      log::warn("speech: the es-419 voice is missing, using es");
      engine.es_voice = "es";
      *voice = engine.es_voice;
      return true;
    }
    if (error != nullptr)
      *error = "the espeak-ng Spanish voice is missing (install espeak-ng-data)";
    return false;
  }
  if (espeak_SetVoiceByName("en-us") == EE_OK) {
    *voice = "en-us";
    return true;
  }
  if (error != nullptr) *error = "the espeak-ng en-us voice is missing (install espeak-ng-data)";
  return false;
}

}  // namespace

std::string voice_name(Language language) {
  if (language != Language::Es) return "en-us";
  std::lock_guard lock(engine_mutex);
  return engine.es_voice;
}

std::string speakable(std::string_view text, Language language) {
  const bool es = language == Language::Es;
  std::string out;
  out.reserve(text.size() + 16);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '$' && i + 1 < text.size() && digit(text[i + 1])) {
      // "$1,250.50": the whole amount, then the currency word, then the cents.
      std::size_t j = i + 1;
      while (j < text.size() &&
             (digit(text[j]) || (text[j] == ',' && j + 1 < text.size() && digit(text[j + 1])))) {
        ++j;
      }
      const std::string_view whole = text.substr(i + 1, j - i - 1);
      std::string_view cents;
      if (j + 2 < text.size() && text[j] == '.' && digit(text[j + 1]) && digit(text[j + 2])) {
        cents = text.substr(j + 1, 2);
        j += 3;
      }
      out += whole;
      const bool one = whole == "1";
      out += es ? (one ? " dólar" : " dólares") : (one ? " dollar" : " dollars");
      if (!cents.empty() && cents != "00") {
        out += es ? " con " : " ";
        out += cents;
      }
      i = j;
      continue;
    }
    if (text.substr(i).starts_with("\u00b7")) {  // the middle dot: a pause
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += ',';
      i += 2;
      continue;
    }
    if (text[i] == '/' && i > 0 && letter(text[i - 1])) {
      // A word's other ending ("Mesero/a", "Cajero/as"): one or two letters, then the word
      // ends. Not "slash"; web addresses and "9/10" are left alone.
      std::size_t n = 0;
      while (i + 1 + n < text.size() && letter(text[i + 1 + n])) ++n;
      if (n >= 1 && n <= 2) {
        out += es ? " o " : " or ";
        ++i;
        continue;
      }
    }
    out += text[i];
    ++i;
  }
  return out;
}

std::optional<Pcm> synthesize(const std::string& text, Language language, std::string* error,
                              int rate, int volume) {
  if (text.empty()) return Pcm{};
  std::string spoken = speakable(text, language);
  const WipeOnExit wipe_spoken(spoken);
  std::lock_guard lock(engine_mutex);
  if (!ensure_engine(error)) return std::nullopt;
  std::string voice;
  if (!select_voice(language, &voice, error)) return std::nullopt;
  espeak_SetParameter(espeakRATE, std::clamp(rate, 80, 450), 0);
  espeak_SetParameter(espeakVOLUME, std::clamp(volume, 0, 100), 0);

  Pcm pcm;
  pcm.sample_rate = engine.sample_rate;
  engine.current = &pcm.samples;
  // No espeakSSML flag: text from the screen is read literally, markup and all.
  const espeak_ERROR result = espeak_Synth(spoken.c_str(), spoken.size() + 1, 0, POS_CHARACTER, 0,
                                           espeakCHARS_UTF8, nullptr, nullptr);
  const espeak_ERROR synced = result == EE_OK ? espeak_Synchronize() : result;
  engine.current = nullptr;
  if (synced != EE_OK) {
    if (error != nullptr)
      *error = "espeak-ng could not synthesize the text with the " + voice + " voice";
    return std::nullopt;
  }
  return pcm;
}

void forget_spoken_text() {
  std::lock_guard lock(engine_mutex);
  if (!engine.tried || !engine.init_error.empty()) return;
  // Clauses end at punctuation or at espeak-ng's length limits; one long run of a one-letter
  // word fills each buffer to its end, several times over.
  std::string filler;
  for (int i = 0; i < 4096; ++i) filler += "a ";
  for (const Language language : {Language::En, Language::Es}) {
    std::string voice;
    std::string ignored;
    if (!select_voice(language, &voice, &ignored)) continue;
    const void* cursor = filler.c_str();
    while (cursor != nullptr) espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, 0);
  }
}

// -----------------------------------------------------------------------------------------------
// [SECTION] WAV files
// -----------------------------------------------------------------------------------------------

namespace {

void put_u16(std::vector<unsigned char>& out, std::uint16_t v) {
  out.push_back(static_cast<unsigned char>(v & 0xff));
  out.push_back(static_cast<unsigned char>(v >> 8));
}

void put_u32(std::vector<unsigned char>& out, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<unsigned char>(v >> shift));
}

void put_tag(std::vector<unsigned char>& out, const char (&tag)[5]) {
  out.insert(out.end(), tag, tag + 4);
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

bool write_wav(const std::filesystem::path& file, const Pcm& pcm, std::string* error) {
  const auto fail = [&](const std::string& why) {
    if (error != nullptr) *error = "cannot write " + file.string() + ": " + why;
    return false;
  };
  constexpr std::uint64_t kMaxData = 0xffffffffull - 36;  // RIFF sizes are 32-bit
  const std::uint64_t data_bytes = 2ull * pcm.samples.size();
  if (data_bytes > kMaxData) return fail("too much audio for a WAV file");
  if (pcm.sample_rate <= 0) return fail("the sample rate is not positive");
  const auto rate = static_cast<std::uint32_t>(pcm.sample_rate);

  // Little-endian whatever the host: the bytes are assembled one by one.
  std::vector<unsigned char> bytes;
  bytes.reserve(44 + data_bytes);
  put_tag(bytes, "RIFF");
  put_u32(bytes, static_cast<std::uint32_t>(36 + data_bytes));
  put_tag(bytes, "WAVE");
  put_tag(bytes, "fmt ");
  put_u32(bytes, 16);        // fmt chunk size
  put_u16(bytes, 1);         // PCM
  put_u16(bytes, 1);         // mono
  put_u32(bytes, rate);      // samples per second
  put_u32(bytes, rate * 2);  // bytes per second
  put_u16(bytes, 2);         // bytes per frame
  put_u16(bytes, 16);        // bits per sample
  put_tag(bytes, "data");
  put_u32(bytes, static_cast<std::uint32_t>(data_bytes));
  for (const std::int16_t s : pcm.samples) put_u16(bytes, static_cast<std::uint16_t>(s));

  std::unique_ptr<std::FILE, FileCloser> out(std::fopen(file.c_str(), "wb"));
  if (!out)
    return fail(std::strerror(errno));  // NOLINT(concurrency-mt-unsafe): glibc's is thread-safe
  if (std::fwrite(bytes.data(), 1, bytes.size(), out.get()) != bytes.size()) {
    const int saved = errno;
    out.reset();
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    return fail(std::strerror(saved));  // NOLINT(concurrency-mt-unsafe)
  }
  // fclose flushes: a full disk may only show here.
  if (std::fclose(out.release()) != 0) {
    const int saved = errno;
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    return fail(std::strerror(saved));  // NOLINT(concurrency-mt-unsafe)
  }
  return true;
}

// -----------------------------------------------------------------------------------------------
// [SECTION] SpeechService
// -----------------------------------------------------------------------------------------------

// Each say() and stop() starts a new generation. A synthesis reaches the sink only if no newer
// generation began meanwhile, and the check and the sink call happen under one mutex with
// say()'s interrupt, so stale speech can never follow newer speech or a stop.
struct SpeechService::Impl {
  struct Request {
    std::string text;
    Language language = Language::En;
    std::uint64_t generation = 0;
    int rate = SpeechService::kDefaultRate;
  };

  explicit Impl(AudioSink& s) : sink(s) {}

  void synthesize_pending() {
    Request request;
    {
      std::lock_guard lock(mutex);
      if (!pending) return;
      request = std::move(*pending);
      pending.reset();
    }
    std::string error;
    const auto pcm = synthesize(request.text, request.language, &error, request.rate);
    wipe(request.text);
    std::lock_guard lock(mutex);
    if (!pcm) {
      if (!failure_logged) log::warn("speech: " + error);  // the error never holds the text
      failure_logged = true;
      return;
    }
    if (request.generation == generation && !pcm->samples.empty()) sink.play(*pcm);
  }

  AudioSink& sink;
  mutable std::mutex mutex;  // guards everything below and serialises calls into the sink
  std::uint64_t generation = 0;
  std::optional<Request> pending;
  std::string last_text;
  Language last_language = Language::En;
  int volume = 80;
  int rate = SpeechService::kDefaultRate;
  bool failure_logged = false;
  Worker worker;  // last: stopped first in ~SpeechService, before the state above goes away
};

SpeechService::SpeechService(AudioSink& sink) : impl_(std::make_unique<Impl>(sink)) {
  std::lock_guard lock(impl_->mutex);
  impl_->sink.set_volume(impl_->volume);
}

SpeechService::~SpeechService() {
  impl_->worker.stop();
  std::lock_guard lock(impl_->mutex);
  impl_->sink.stop();
  wipe(impl_->last_text);
}

void SpeechService::say(std::string text, Language language) {
  spoken_log().record(text, language);
  {
    std::lock_guard lock(impl_->mutex);
    ++impl_->generation;
    impl_->sink.stop();  // interrupt now, not when the new speech is ready
    if (impl_->pending) wipe(impl_->pending->text);
    impl_->pending = Impl::Request{text, language, impl_->generation, impl_->rate};
    wipe(impl_->last_text);
    impl_->last_text = std::move(text);
    impl_->last_language = language;
  }
  // The tag makes this replace a queued, not yet started task: one synthesis per burst of taps.
  impl_->worker.post([impl = impl_.get()] { impl->synthesize_pending(); }, "speech");
}

void SpeechService::stop() {
  std::lock_guard lock(impl_->mutex);
  ++impl_->generation;
  if (impl_->pending) wipe(impl_->pending->text);
  impl_->pending.reset();
  wipe(impl_->last_text);
  impl_->sink.stop();
}

void SpeechService::forget() {
  stop();
  spoken_log().wipe();
  {
    std::lock_guard lock(impl_->mutex);
    impl_->sink.forget();
  }
  impl_->worker.post([] { forget_spoken_text(); });
}

void SpeechService::repeat() {
  std::string text;
  Language language = Language::En;
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->last_text.empty()) return;
    text = impl_->last_text;
    language = impl_->last_language;
  }
  say(std::move(text), language);
}

void SpeechService::set_volume(int percent) {
  std::lock_guard lock(impl_->mutex);
  impl_->volume = std::clamp(percent, 0, 100);
  impl_->sink.set_volume(impl_->volume);
}

int SpeechService::volume() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->volume;
}

void SpeechService::set_rate(int words_per_minute) {
  std::lock_guard lock(impl_->mutex);
  impl_->rate = std::clamp(words_per_minute, kMinRate, kMaxRate);
}

int SpeechService::rate() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->rate;
}

void SpeechService::wait_idle() {
  impl_->worker.drain();
}

}  // namespace kiosk
