// Fuzz target: the careers file (assets/careers/careers.json), which a technician may replace.
// Nothing may crash; the loader either gives a catalog that keeps every bound it promises
// (kiosk/careers/careers.h) or one sentence saying what is wrong, never both, never neither.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kiosk/base/utf8.h"
#include "kiosk/careers/careers.h"

namespace {

using namespace kiosk::careers;

void check(const Text& t) {
  for (const std::string* s : {&t.en, &t.es}) {
    if (s->empty() || s->size() > kMaxTextBytes || !kiosk::utf8::valid(*s)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Loaded loaded = parse(text);
  if (loaded.catalog.has_value() == !loaded.error.empty()) std::abort();
  if (!loaded.catalog) return 0;
  const Catalog& c = *loaded.catalog;
  check(c.credit);
  if (c.industries.empty() || c.industries.size() > kMaxIndustries) std::abort();
  for (const IndustryCareers& industry : c.industries) {
    for (const Text* t : {&industry.name, &industry.summary, &industry.growth, &industry.skills,
                          &industry.bilingual, &industry.hard_to_enter}) {
      check(*t);
    }
    if (industry.careers.empty() || industry.careers.size() > kMaxCareers) std::abort();
    for (const Career& career : industry.careers) {
      if (career.code.size() != 10) std::abort();
      for (const Text* t : {&career.title, &career.work, &career.entry, &career.match_words}) {
        check(*t);
      }
      if (career.skills.empty() || career.skills.size() > kMaxSkills) std::abort();
      for (const Text& skill : career.skills) check(skill);
      if (career.pathway.size() < kMinSteps || career.pathway.size() > kMaxSteps) std::abort();
      for (const Step& step : career.pathway) {
        check(step.role);
        check(step.how);
      }
      // What the screen asks the cache for: the career's code first, then its steps'.
      const auto q = programs_query(career, industry.industry, kiosk::Language::Es, 0);
      if (q.query.occupations.empty() || q.query.occupations.front() != career.code) std::abort();
    }
  }
  return 0;
}
