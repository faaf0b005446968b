#include "kiosk/store/detail_codec.h"

#include <zlib.h>

#include <array>
#include <cstring>

namespace kiosk {
namespace {

// Format 1: zlib's stream (RFC 1950) of the record's JSON with kDictionary1 preset. A cached
// record names its format by its first byte, so this text never changes: another dictionary is
// another format byte, and unpack_detail() keeps reading both.
constexpr unsigned char kFormat1 = 0x01;

// What records repeat, as record_json.cpp writes them (keys in std::map's order, defaults left
// out). zlib reaches back into the dictionary like into text already seen; the nearer the end,
// the cheaper, so the fragments of the kinds that are most of a cache (jobs) come last.
constexpr std::string_view kDictionary1 =
    R"({"days":31,"opens":540,"closes":1020},"phone":"305-"provider":"Miami-Dade County",)"
    R"("eligibility":{"en":"Residents of Miami-Dade County","es":"Residentes del condado de Miami-Dade"},)"
    R"("hours":{"en":"Monday to Friday","es":"De lunes a viernes"},"opening_hours":[)"
    R"({"answer":{"en":[{"lines":["],"es":[{"lines":["],"link":{"filter":"","label":{"en":"See ",)"
    R"("es":"Ver "},"route":"jobs.search"},"question":{"en":"How do I ","es":"¿Cómo "},"topic":")"
    R"({"description":{"en":[{"lines":["],"end":1800000000,"free":false,"id":"event-","name":{"en":")"
    R"(","online":true,"organizer":"","place":{"city":"Miami","country":"US","name":"Library",)"
    R"("postal_code":"331","region":"FL","street":" NW "},"start":1800000000,"type":"hiring_fair",)"
    R"("career_fair","workshop","info_session","url":"https://www.)"
    R"({"cip_codes":["51.3801"],"cost":0,"credential":{"en":"Certificate","es":"Certificado"},)"
    R"("duration_weeks":12,"format":"in_person","online","hybrid","industry":"clean_energy",)"
    R"("occupation_codes":["47-2111.00"],"paid_while_learning":true,"prerequisites":{"en":"High)"
    R"( school diploma or GED","es":"Diploma de escuela secundaria o GED"},"schedule":{"en":)"
    R"("Evenings","es":"Noches"},"schedule_times":2,"start_date":1800000000,"type":"apprenticeship",)"
    R"("pre_apprenticeship","internship","ojt","classroom","wage":{"min":15,"unit":"hour"},)"
    R"("wioa_eligible":true,"taa_eligible":true,"language":"en,es","provider":"Miami Dade College",)"
    R"("Hialeah","Miami Beach","Doral","Homestead","Kendall","Miami Gardens","North Miami",)"
    R"("Coral Gables","Miami Lakes","Aventura","Sweetwater","Cutler Bay","Florida City",)"
    R"("industry":"professional","technology","construction","hospitality","health",)"
    R"({"apply_url":"https://","description":{"en":[{"lines":["],"type":"p"},{"lines":["],)"
    R"("type":"h"},{"lines":["],"type":"ul"}],"es":[{"lines":["],"type":"p"}]},"education":)"
    R"({"en":"High school diploma","es":"Diploma de escuela secundaria"},"employer":")"
    R"(","employment_types":1,"experience_months":12,"id":"","industry":"health","language":"es",)"
    R"("locations":[{"city":"Miami","country":"US","postal_code":"331","region":"FL","street":")"
    R"( NW "}],"no_degree":true,"occupation_code":"29-1141.00","occupation_series":"",)"
    R"("pay":{"max":20.5,"min":16.25,"unit":"hour"},"posted":1790000000,)"
    R"("pay":{"max":55000,"min":42000,"unit":"year"},"sample":true,"skills":[", ",)"
    R"("skills_es":["","source":"https://","title":{"en":"","es":""},)"
    R"("valid_through":1800000000,"workplace":"onsite","remote","hybrid"})";

const Bytef* dictionary_bytes() {
  return reinterpret_cast<const Bytef*>(kDictionary1.data());
}

// zlib's inflate side, owned (inflateEnd in the destructor).
class Inflater {
 public:
  Inflater() { ok_ = inflateInit(&z_) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&z_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  std::optional<std::string> run(std::string_view in) {
    if (!ok_) return std::nullopt;
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    std::string out;
    std::array<char, 16384> chunk{};
    for (;;) {
      z_.next_out = reinterpret_cast<Bytef*>(chunk.data());
      z_.avail_out = static_cast<uInt>(chunk.size());
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_NEED_DICT) {
        if (inflateSetDictionary(&z_, dictionary_bytes(), static_cast<uInt>(kDictionary1.size())) !=
            Z_OK) {
          return std::nullopt;  // another dictionary than format 1's
        }
        rc = inflate(&z_, Z_NO_FLUSH);
      }
      out.append(chunk.data(), chunk.size() - z_.avail_out);
      if (out.size() > kMaxDetailBytes) return std::nullopt;
      if (rc == Z_STREAM_END)
        return z_.avail_in == 0 ? std::optional(std::move(out)) : std::nullopt;
      if (rc != Z_OK) return std::nullopt;  // damaged, or cut short (Z_BUF_ERROR)
    }
  }

 private:
  z_stream z_{};
  bool ok_ = false;
};

}  // namespace

struct DetailPacker::Stream {
  z_stream z{};
  bool ok = false;
};

DetailPacker::DetailPacker() : stream_(std::make_unique<Stream>()) {
  // Level 6: 4 % smaller than level 1 for a fifth more time (100,000 jobs: 40.2 against
  // 41.8 MB, 2.7 against 2.3 s on the benchmarks' machine).
  stream_->ok = deflateInit(&stream_->z, 6) == Z_OK;
}

DetailPacker::~DetailPacker() {
  if (stream_->ok) deflateEnd(&stream_->z);
}

std::string DetailPacker::pack(std::string_view json) {
  z_stream& z = stream_->z;
  std::string out(1, static_cast<char>(kFormat1));
  if (!stream_->ok || deflateReset(&z) != Z_OK ||
      deflateSetDictionary(&z, dictionary_bytes(), static_cast<uInt>(kDictionary1.size())) !=
          Z_OK) {
    // Short of memory only: the JSON as it is, which unpack_detail() reads too.
    return std::string(json);
  }
  out.resize(1 + deflateBound(&z, static_cast<uLong>(json.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(json.data()));
  z.avail_in = static_cast<uInt>(json.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data() + 1);
  z.avail_out = static_cast<uInt>(out.size() - 1);
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) return std::string(json);
  out.resize(out.size() - z.avail_out);
  return out;
}

std::optional<std::string> unpack_detail(std::string_view stored) {
  if (stored.empty()) return std::nullopt;
  if (stored.front() == '{') return std::string(stored);  // JSON, as kept before version 7
  if (static_cast<unsigned char>(stored.front()) != kFormat1) return std::nullopt;
  Inflater inflater;
  return inflater.run(stored.substr(1));
}

}  // namespace kiosk
