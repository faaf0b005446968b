#include "kiosk/signup/envelope.h"

#include <streambuf>

#include <nlohmann/json.hpp>

#include "kiosk/base/iso_time.h"
#include "kiosk/base/utf8.h"
#include "kiosk/base/wipe.h"

namespace kiosk {
namespace {

// In the order the schema documents them (schema_version first), for people reading `outbox open`.
using json = nlohmann::ordered_json;

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Text as the intake team gets it: trimmed, and always UTF-8 (nlohmann refuses anything else).
json text(std::string_view s) {
  s = trimmed(s);
  return utf8::valid(s) ? json(std::string(s)) : json(utf8::sanitize(s));
}

json text_list(const std::vector<std::string>& keys) {
  json out = json::array();
  for (const auto& k : keys) out.push_back(text(k));
  return out;
}

// Overwrites every string in the tree before it is freed.
void wipe_strings(json& j) {
  if (j.is_string()) {
    wipe(j.get_ref<std::string&>());
  } else if (j.is_structured()) {
    for (auto& child : j) wipe_strings(child);
  }
}

// A streambuf over a fixed buffer: the JSON text is written straight into secret memory, with
// no growing std::string leaving copies behind. Full: the stream fails and we try a larger one.
class FixedBuffer : public std::streambuf {
 public:
  FixedBuffer(unsigned char* data, std::size_t size) {
    char* begin = reinterpret_cast<char*>(data);
    setp(begin, begin + size);
  }
  std::size_t used() const { return static_cast<std::size_t>(pptr() - pbase()); }
};

SecretBytes dump_secret(const json& j) {
  for (std::size_t size = 4096;; size *= 2) {
    SecretBytes buffer(size);
    FixedBuffer out(buffer.data(), buffer.size());
    std::ostream stream(&out);
    stream << j;
    if (stream.good() && out.used() < buffer.size()) {
      SecretBytes exact(out.used());
      std::copy_n(buffer.data(), out.used(), exact.data());
      return exact;
    }
  }
}

json consent_json(const ConsentRecord& c) {
  json out = {{"id", c.id},
              {"version", c.version},
              {"language", std::string(language_code(c.language))},
              {"shown_at", iso_utc(c.shown_at)},
              {"accepted", c.accepted}};
  if (c.accepted && c.accepted_at > 0) out["accepted_at"] = iso_utc(c.accepted_at);
  return out;
}

}  // namespace

SecretBytes envelope_json(const SignupForm& form, const EnvelopeMeta& meta) {
  json person = {{"first_name", text(form.first_name)}, {"last_name", text(form.last_name)}};
  if (!trimmed(form.email).empty()) person["email"] = text(form.email);
  if (auto digits = phone_digits(form.phone)) {
    person["phone"] = *digits;
    wipe(*digits);
  }

  json self_id = json::object();
  const auto answered = [&](const char* key, const std::string& value) {
    if (!value.empty()) self_id[key] = text(value);
  };
  answered("gender", form.gender);
  answered("race_ethnicity", form.race_ethnicity);
  answered("veteran", form.veteran);
  answered("disability", form.disability);

  json consents = json::array();
  for (const auto& c : form.consents) consents.push_back(consent_json(c));

  json envelope = {
      {"schema_version", kSignupSchemaVersion},
      {"reference", meta.reference},
      {"idempotency_key", meta.idempotency_key},
      {"kiosk", {{"id", text(meta.kiosk_id)}, {"location", text(meta.location)}}},
      {"created", iso_utc(meta.created)},
      {"session_language", meta.session_language},
      {"person", std::move(person)},
      {"zip", text(form.zip)},
      {"preferred_language", text(form.preferred_language)},
      {"looking_for", text_list(form.looking_for)},
      {"industries", text_list(form.industries)},
      {"skills", text_list(form.skills)},
      {"education", text(form.education)},
      {"contact_methods", text_list(form.contact)},
      {"sms_consent", form.sms_consent},
      {"consents", std::move(consents)},
      {"self_identification", std::move(self_id)},
  };

  SecretBytes out = dump_secret(envelope);
  wipe_strings(envelope);
  return out;
}

std::optional<std::string> check_envelope_json(std::string_view plaintext) {
  const json j = json::parse(plaintext, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return "the envelope is not JSON";
  if (!j.is_object()) return "the envelope is not a JSON object";
  const auto version = j.find("schema_version");
  if (version == j.end() || !version->is_number_integer()) {
    return "the envelope has no schema_version";
  }
  const auto v = version->get<std::int64_t>();
  if (v < 1 || v > kSignupSchemaVersion) {
    return "the envelope's schema_version " + std::to_string(v) +
           " is not one this workforce-kiosk knows (1 to " + std::to_string(kSignupSchemaVersion) +
           ")";
  }
  // The fields every version-1 envelope has, with their JSON types.
  static constexpr std::pair<const char*, json::value_t> kRequired[] = {
      {"reference", json::value_t::string}, {"idempotency_key", json::value_t::string},
      {"kiosk", json::value_t::object},     {"created", json::value_t::string},
      {"person", json::value_t::object},    {"consents", json::value_t::array},
  };
  for (const auto& [key, type] : kRequired) {
    const auto field = j.find(key);
    if (field == j.end() || field->type() != type) {
      return std::string("the envelope's ") + key + " is missing or of the wrong type";
    }
  }
  const auto& person = j["person"];
  for (const char* key : {"first_name", "last_name"}) {
    const auto field = person.find(key);
    if (field == person.end() || !field->is_string()) {
      return std::string("the envelope's person.") + key + " is missing or of the wrong type";
    }
  }
  return std::nullopt;
}

}  // namespace kiosk
