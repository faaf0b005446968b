#include "kiosk/search/related.h"

#include <utility>

namespace kiosk {
namespace {

SearchQuery base_query(ListingKind kind, Language language, std::int64_t now, int limit) {
  SearchQuery q;
  q.kind = kind;
  q.language = language;
  q.now = now;
  q.limit = limit;
  return q;
}

// "Other" is where feeds put what the kiosk cannot place: it joins nothing.
bool known(Industry industry) {
  return industry != Industry::Unknown && industry != Industry::Other;
}

RelatedQuery related(ListingKind kind, std::vector<std::string> socs, Industry industry,
                     Language language, std::int64_t now, int limit) {
  RelatedQuery out;
  out.query = base_query(kind, language, now, limit);
  std::optional<SearchQuery> by_industry;
  if (known(industry)) {
    by_industry = out.query;
    by_industry->industry = industry;
  }
  if (!socs.empty()) {
    out.query.occupations = std::move(socs);
    out.by = RelatedBy::Occupation;
    out.fallback = std::move(by_industry);
  } else if (by_industry) {
    out.query = std::move(*by_industry);
    out.by = RelatedBy::Industry;
  }
  return out;
}

}  // namespace

RelatedQuery training_for(const Job& job, Language language, std::int64_t now, int limit) {
  std::vector<std::string> socs;
  if (std::string soc = occupations::soc_code(job.occupation_code); !soc.empty()) {
    socs.push_back(std::move(soc));
  }
  return related(ListingKind::Program, std::move(socs), job.industry, language, now, limit);
}

RelatedQuery jobs_for(const Program& program, Language language, std::int64_t now, int limit,
                      const occupations::Crosswalk& crosswalk) {
  return related(ListingKind::Job, occupations::program_socs(program, crosswalk), program.industry,
                 language, now, limit);
}

RelatedListings find_related(Store& store, const RelatedQuery& related) {
  RelatedListings out;
  if (related.by == RelatedBy::Nothing) return out;
  out.result = store.search(related.query);
  out.by = related.by;
  out.industry = related.query.industry;
  if (out.result.hits.empty() && related.fallback) {
    out.result = store.search(*related.fallback);
    out.by = RelatedBy::Industry;
    out.industry = related.fallback->industry;
  }
  return out;
}

}  // namespace kiosk
