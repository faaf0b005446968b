#include "kiosk/feeds/ctdl.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/model/occupations.h"

namespace kiosk::feeds {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxItems = 100000;  // top-level resources of one document
constexpr std::size_t kMaxValues = 50;     // values read from one property
constexpr std::size_t kMaxWarnings = 20;
constexpr std::size_t kMaxPrerequisiteBytes = 1000;
constexpr int kMaxDepth = 8;
constexpr int kMaxWeeks = 520;  // ten years: anything longer is a data-entry error

// ---- terms and properties ----------------------------------------------------------------------

// "ceterms:LearningProgram", "https://purl.org/ctdl/terms/LearningProgram" → "LearningProgram";
// also the concept of a targetNode: "deliveryType:OnlineOnly" → "OnlineOnly".
std::string_view term(std::string_view s) {
  const std::size_t cut = s.find_last_of(":/#");
  return cut == std::string_view::npos ? s : s.substr(cut + 1);
}

// A CTDL property, "ceterms:name"; documents compacted without the prefix say "name".
const json* prop(const json& node, std::string_view name) {
  if (!node.is_object()) return nullptr;
  if (const json* v = json_field(node, "ceterms:" + std::string(name))) return v;
  return json_field(node, name);
}

// The elements of a value that may be one thing or an array of things, at most kMaxValues.
std::vector<const json*> each(const json* v) {
  std::vector<const json*> out;
  if (v == nullptr) return out;
  if (!v->is_array()) {
    out.push_back(v);
    return out;
  }
  for (const auto& e : *v) {
    if (out.size() >= kMaxValues) break;
    if (!e.is_null()) out.push_back(&e);
  }
  return out;
}

std::string plain_string(const json* v) {
  if (v == nullptr) return {};
  if (v->is_array() && !v->empty()) return to_text(v->front());
  return to_text(*v);
}

std::vector<std::string> types_of(const json& node) {
  std::vector<std::string> out;
  for (const json* t : each(json_field(node, "@type"))) {
    if (t->is_string()) out.emplace_back(term(t->get_ref<const std::string&>()));
  }
  return out;
}

enum class Kind { Program, Credential, Organization, Part, Other };

// Nodes that only describe a part of another resource (a graph holds them as blank nodes).
bool part_type(std::string_view t) {
  static constexpr std::string_view kParts[] = {"Place",
                                                "ConditionProfile",
                                                "CostProfile",
                                                "DurationProfile",
                                                "CredentialAlignmentObject",
                                                "ContactPoint",
                                                "FinancialAssistanceProfile",
                                                "IdentifierValue",
                                                "ValueProfile",
                                                "ProcessProfile",
                                                "ScheduledOffering",
                                                "AggregateDataProfile",
                                                "JurisdictionProfile"};
  return std::ranges::any_of(kParts, [&](std::string_view part) { return t == part; });
}

bool credential_type(std::string_view t) {
  for (const std::string_view suffix : {"Credential", "Degree", "Certificate", "Certification",
                                        "Diploma", "Badge", "License", "Doctorate"}) {
    if (t.ends_with(suffix)) return true;
  }
  return t == "GeneralEducationDevelopment";
}

Kind kind_of(const std::vector<std::string>& types) {
  for (const auto& t : types) {
    if (t == "LearningProgram" || t == "Course" || t == "LearningOpportunityProfile" ||
        t == "LearningOpportunity") {
      return Kind::Program;
    }
  }
  for (const auto& t : types) {
    if (credential_type(t) && t != "QACredentialOrganization") return Kind::Credential;
  }
  for (const auto& t : types) {
    if (t.ends_with("Organization")) return Kind::Organization;
    if (part_type(t)) return Kind::Part;
  }
  return Kind::Other;
}

// ---- language-tagged text ----------------------------------------------------------------------

// The strings of a value by language: a language map ({"en-US": "…", "es": ["…"]}), a string,
// {"@value": …, "@language": …}, or an array of these.
struct Tagged {
  std::vector<std::string> en, es, other;
};

void collect(const json& v, std::string_view lang, bool spanish, Tagged& out, int depth) {
  if (depth > 4) return;
  if (v.is_string() || v.is_number()) {
    const std::string l = lower(lang);
    auto& bucket = l.starts_with("en")   ? out.en
                   : l.starts_with("es") ? out.es
                   : l.empty()           ? (spanish ? out.es : out.en)
                                         : out.other;
    if (bucket.size() < kMaxValues) bucket.push_back(to_text(v));
  } else if (v.is_array()) {
    std::size_t n = 0;
    for (const auto& e : v) {
      if (++n > kMaxValues) break;
      collect(e, lang, spanish, out, depth + 1);
    }
  } else if (v.is_object()) {
    if (const json* value = json_field(v, "@value")) {
      const json* tag = json_field(v, "@language");
      collect(*value, tag != nullptr && tag->is_string() ? tag->get<std::string>() : lang, spanish,
              out, depth + 1);
      return;
    }
    std::size_t n = 0;
    for (const auto& [key, value] : v.items()) {
      if (++n > kMaxValues) break;
      if (!key.starts_with("@")) collect(value, key, spanish, out, depth + 1);
    }
  }
}

Tagged tagged(const json* v, bool spanish) {
  Tagged out;
  if (v != nullptr) collect(*v, {}, spanish, out, 0);
  return out;
}

std::string first_line(const std::vector<std::string>& values) {
  for (const auto& v : values) {
    if (std::string t = one_line(v); !t.empty()) return t;
  }
  return {};
}

// One line in each language; text in another language only when there is nothing else.
LocalText local_text(const json* v, bool spanish) {
  const Tagged t = tagged(v, spanish);
  LocalText out{first_line(t.en), first_line(t.es)};
  if (out.empty()) (spanish ? out.es : out.en) = first_line(t.other);
  return out;
}

// Any one line, English first: names of organizations and occupations.
std::string any_text(const json* v) {
  const LocalText t = local_text(v, false);
  return t.en.empty() ? t.es : t.en;
}

RichText blocks_of(const std::vector<std::string>& values) {
  std::string text;
  for (const auto& v : values) {
    if (trim(v).empty()) continue;
    if (!text.empty()) text += "\n\n";
    text += v;
    if (text.size() > kMaxDescriptionBytes) break;
  }
  return description_blocks(text);
}

LocalRichText rich_text(const json* v, bool spanish) {
  const Tagged t = tagged(v, spanish);
  LocalRichText out{blocks_of(t.en), blocks_of(t.es)};
  if (out.en.empty() && out.es.empty()) (spanish ? out.es : out.en) = blocks_of(t.other);
  return out;
}

// ---- alignments: CredentialAlignmentObject -----------------------------------------------------

struct Alignment {
  std::string framework;  // URL or name of the framework, lower case
  std::string code;       // codedNotation
  std::string node;       // targetNode: a concept ("deliveryType:OnlineOnly") or a URL
  std::string name;       // targetNodeName
};

std::vector<Alignment> alignments(const json* v) {
  std::vector<Alignment> out;
  for (const json* a : each(v)) {
    Alignment al;
    if (a->is_string()) {
      al.node = a->get<std::string>();  // a bare concept: "deliveryType:InPerson"
    } else if (a->is_object()) {
      al.framework = lower(
          trim(plain_string(prop(*a, "framework")) + " " + any_text(prop(*a, "frameworkName"))));
      al.code = one_line(plain_string(prop(*a, "codedNotation")));
      al.node = one_line(plain_string(prop(*a, "targetNode")));
      al.name = any_text(prop(*a, "targetNodeName"));
    }
    out.push_back(std::move(al));
  }
  return out;
}

// The concept of an alignment, lower case and squashed: "deliveryType:BlendedDelivery" →
// "blendeddelivery"; its name when it has no concept.
std::string concept_of(const Alignment& a) {
  std::string out;
  for (const char c : std::string(term(a.node)) + " " + a.name) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

void add_unique(std::vector<std::string>& into, std::string code) {
  if (!code.empty() && into.size() < kMaxValues &&
      std::find(into.begin(), into.end(), code) == into.end()) {
    into.push_back(std::move(code));
  }
}

// CIP codes of instructionalProgramType: the CIP framework's codedNotation, or a dotted code
// where the framework is not named.
std::vector<std::string> cip_codes_of(const json* v) {
  std::vector<std::string> out;
  for (const auto& a : alignments(v)) {
    const bool cip_framework = contains(a.framework, "cip") || contains(a.framework, "nces") ||
                               contains(a.framework, "instructional program");
    std::string code = a.code;
    if (code.empty() && cip_framework) code = a.name.substr(0, a.name.find(' '));
    if (!cip_framework && (!a.framework.empty() || code.find('.') == std::string::npos)) continue;
    add_unique(out, occupations::cip_code(code));
  }
  return out;
}

// SOC/O*NET-SOC codes of occupationType: its codedNotation or the code that ends its targetNode
// (https://www.onetonline.org/link/summary/15-1251.00).
std::vector<std::string> occupation_codes_of(const std::vector<Alignment>& found) {
  std::vector<std::string> out;
  for (const auto& a : found) {
    std::string code = occupations::onet_code(a.code);
    if (code.empty()) code = occupations::onet_code(term(a.node));
    add_unique(out, std::move(code));
  }
  return out;
}

// ---- the document ------------------------------------------------------------------------------

struct Document {
  std::vector<const json*> items;                               // every resource, in order
  std::unordered_map<std::string, const json*> by_id;           // @id → resource
  std::unordered_map<std::string, std::string> credential_for;  // program @id → credential name
};

void gather(const json& node, int depth, Document& doc) {
  if (depth > kMaxDepth || doc.items.size() >= kMaxItems) return;
  if (node.is_array()) {
    for (const auto& e : node) gather(e, depth + 1, doc);
    return;
  }
  if (!node.is_object()) return;
  if (const json* graph = json_field(node, "@graph")) gather(*graph, depth + 1, doc);
  if (const json* decoded = json_field(node, "decoded_resource")) {  // a registry envelope
    gather(*decoded, depth + 1, doc);
  }
  if (const json* data = json_field(node, "data"); data != nullptr && data->is_array()) {
    gather(*data, depth + 1, doc);  // a registry search result
  }
  if (!node.contains("@type")) return;
  doc.items.push_back(&node);
  const std::string id = plain_string(json_field(node, "@id"));
  if (!id.empty()) doc.by_id.emplace(id, &node);
}

// The id a reference names: "https://…", "_:blank", or {"@id": …}.
std::string ref_id(const json& ref) {
  if (ref.is_string()) return ref.get<std::string>();
  return plain_string(json_field(ref, "@id"));
}

// The name of what a reference points at: an embedded object's name, or the named resource's.
std::string ref_name(const Document& doc, const json& ref) {
  if (ref.is_object()) {
    if (std::string name = any_text(prop(ref, "name")); !name.empty()) return name;
  }
  const auto it = doc.by_id.find(ref_id(ref));
  return it == doc.by_id.end() ? std::string() : any_text(prop(*it->second, "name"));
}

// Credentials that require a program ("requires" → targetLearningOpportunity) name what
// completing it earns.
void link_credentials(Document& doc) {
  for (const json* item : doc.items) {
    if (kind_of(types_of(*item)) != Kind::Credential) continue;
    const std::string name = any_text(prop(*item, "name"));
    if (name.empty()) continue;
    for (const json* condition : each(prop(*item, "requires"))) {
      for (const json* target : each(prop(*condition, "targetLearningOpportunity"))) {
        const std::string id = ref_id(*target);
        if (!id.empty()) doc.credential_for.emplace(id, name);
      }
    }
  }
}

// ---- fields ------------------------------------------------------------------------------------

std::string language_of(const json& item) {
  std::vector<std::string> codes;
  for (const json* v : each(prop(item, "inLanguage"))) {
    std::string code = lower(one_line(to_text(*v))).substr(0, 2);
    const bool letters = code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) {
                           return c >= 'a' && c <= 'z';
                         });
    if (letters && std::find(codes.begin(), codes.end(), code) == codes.end()) {
      codes.push_back(std::move(code));
    }
  }
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::string provider_of(const Document& doc, const json& item) {
  for (const char* key : {"offeredBy", "ownedBy"}) {
    for (const json* ref : each(prop(item, key))) {
      if (std::string name = ref_name(doc, *ref); !name.empty()) return name;
    }
  }
  return {};
}

// ISO 8601 durations of estimatedDuration's DurationProfiles: the exact one, else the longest.
std::optional<int> duration_of(const json& item) {
  for (const json* profile : each(prop(item, "estimatedDuration"))) {
    for (const char* key : {"exactDuration", "maximumDuration", "minimumDuration"}) {
      if (const auto weeks = duration_weeks(one_line(plain_string(prop(*profile, key))))) {
        return std::min(*weeks, kMaxWeeks);
      }
    }
  }
  return std::nullopt;
}

bool us_dollars(std::string_view currency) {
  const std::string c = lower(trim(currency));
  return c.empty() || c == "usd" || c == "$" || c == "us$" ||
         (contains(c, "dollar") && (contains(c, "us") || contains(c, "united states")));
}

// estimatedCost's CostProfiles: an aggregate cost when one is given, else the sum of the
// profiles (tuition, fees, books, … each a profile). Costs in other currencies are left out.
std::optional<double> cost_of(const json& item) {
  std::optional<double> aggregate;
  double sum = 0;
  bool any = false;
  for (const json* profile : each(prop(item, "estimatedCost"))) {
    if (!us_dollars(plain_string(prop(*profile, "currency")))) continue;
    const json* price_value = prop(*profile, "price");
    const std::optional<double> price =
        price_value == nullptr ? std::nullopt : to_number(*price_value);
    if (!price || *price < 0) continue;
    bool is_aggregate = false;
    for (const auto& a : alignments(prop(*profile, "directCostType"))) {
      is_aggregate = is_aggregate || contains(concept_of(a), "aggregate");
    }
    if (is_aggregate && !aggregate) aggregate = *price;
    if (!is_aggregate) {
      sum += *price;
      any = true;
    }
  }
  if (aggregate) return aggregate;
  if (any && std::isfinite(sum)) return sum;
  return std::nullopt;
}

ProgramFormat format_of(const json& item) {
  bool online = false;
  bool in_person = false;
  bool blended = false;
  for (const auto& a : alignments(prop(item, "deliveryType"))) {
    const std::string c = concept_of(a);
    blended = blended || contains(c, "blended") || contains(c, "hybrid");
    online = online || contains(c, "online");
    in_person = in_person || contains(c, "inperson") || contains(c, "variablesite");
  }
  if (blended || (online && in_person)) return ProgramFormat::Hybrid;
  if (online) return ProgramFormat::Online;
  if (in_person) return ProgramFormat::InPerson;
  return ProgramFormat::Unknown;
}

// What a credential of this type is called, in both languages.
LocalText credential_label(const std::vector<std::string>& types) {
  static constexpr struct {
    std::string_view suffix, en, es;
  } kLabels[] = {
      {"ApprenticeshipCertificate", "Apprenticeship certificate", "Certificado de aprendizaje"},
      {"JourneymanCertificate", "Journeyworker certificate", "Certificado de oficial"},
      {"PreApprenticeshipCertificate", "Pre-apprenticeship certificate",
       "Certificado de preaprendizaje"},
      {"AssociateDegree", "Associate degree", "T\u00EDtulo de asociado"},
      {"BachelorDegree", "Bachelor's degree", "Licenciatura"},
      {"MasterDegree", "Master's degree", "Maestr\u00EDa"},
      {"Doctorate", "Doctoral degree", "Doctorado"},
      {"DoctoralDegree", "Doctoral degree", "Doctorado"},
      {"Degree", "Degree", "T\u00EDtulo"},
      {"Certification", "Certification", "Certificaci\u00F3n"},
      {"License", "License", "Licencia"},
      {"Diploma", "Diploma", "Diploma"},
      {"GeneralEducationDevelopment", "High school equivalency (GED)",
       "Equivalencia de la escuela secundaria (GED)"},
      {"Badge", "Digital badge", "Insignia digital"},
      {"Certificate", "Certificate", "Certificado"},
  };
  for (const auto& t : types) {
    for (const auto& label : kLabels) {
      if (t.ends_with(label.suffix)) return {std::string(label.en), std::string(label.es)};
    }
  }
  return {};
}

ProgramType type_of(const std::vector<std::string>& types, const LocalText& name,
                    const json& item) {
  for (const auto& t : types) {
    if (t.starts_with("PreApprenticeship")) return ProgramType::PreApprenticeship;
    if (t.starts_with("Apprenticeship") || t.starts_with("Journeyman")) {
      return ProgramType::Apprenticeship;
    }
  }
  const ProgramType by_name = program_type(name.en.empty() ? name.es : name.en);
  if (by_name == ProgramType::Apprenticeship || by_name == ProgramType::PreApprenticeship) {
    return by_name;
  }
  bool work_based = false;
  for (const auto& a : alignments(prop(item, "learningMethodType"))) {
    const std::string c = concept_of(a);
    if (contains(c, "preapprentice")) return ProgramType::PreApprenticeship;
    if (contains(c, "apprentice")) return ProgramType::Apprenticeship;
    work_based = work_based || contains(c, "workbased") || contains(c, "onthejob");
  }
  return work_based ? ProgramType::Ojt : ProgramType::Classroom;
}

// entryCondition (and, for programs, requires) ConditionProfiles: their descriptions and
// conditions, as one line.
LocalText prerequisites_of(const json& item, Kind kind, bool spanish) {
  LocalText out;
  const auto append = [](std::string& into, const std::string& line) {
    if (line.empty() || into.size() >= kMaxPrerequisiteBytes || contains(into, line)) return;
    into += (into.empty() ? "" : "; ") + line;
  };
  std::vector<const json*> conditions = each(prop(item, "entryCondition"));
  if (kind == Kind::Program) {
    for (const json* c : each(prop(item, "requires"))) conditions.push_back(c);
  }
  for (const json* condition : conditions) {
    for (const char* key : {"description", "condition"}) {
      const Tagged t = tagged(prop(*condition, key), spanish);
      for (const auto& s : t.en) append(out.en, one_line(s));
      for (const auto& s : t.es) append(out.es, one_line(s));
    }
  }
  if (out.en.size() > kMaxPrerequisiteBytes) out.en = out.en.substr(0, kMaxPrerequisiteBytes);
  if (out.es.size() > kMaxPrerequisiteBytes) out.es = out.es.substr(0, kMaxPrerequisiteBytes);
  out.en = clean_text(out.en);  // a cut may have split a character: clean_text drops the pieces
  out.es = clean_text(out.es);
  return out;
}

Place place_of(const Document& doc, const json& ref) {
  const json* node = &ref;
  if (!ref.is_object()) {
    const auto it = doc.by_id.find(ref_id(ref));
    if (it == doc.by_id.end()) return {};
    node = it->second;
  }
  Place place;
  place.name = any_text(prop(*node, "name"));
  place.street = any_text(prop(*node, "streetAddress"));
  place.city = any_text(prop(*node, "addressLocality"));
  place.region = any_text(prop(*node, "addressRegion"));
  place.postal_code = any_text(prop(*node, "postalCode"));
  const std::string country = any_text(prop(*node, "addressCountry"));
  place.country = country.empty() ? std::string() : country_code(country);
  return place;
}

std::vector<Place> places_of(const Document& doc, const json& item) {
  std::vector<Place> out;
  for (const json* ref : each(prop(item, "availableAt"))) {
    Place p = place_of(doc, *ref);
    if (!p.name.empty() || !p.street.empty() || !p.city.empty()) out.push_back(std::move(p));
  }
  return out;
}

std::string url_of(const json& item) {
  for (const char* key : {"subjectWebpage", "availableOnlineAt"}) {
    for (const json* v : each(prop(item, key))) {
      if (std::string url = web_url(one_line(to_text(*v))); !url.empty()) return url;
    }
  }
  return {};
}

bool mentions_wioa(const json& item) {
  for (const json* profile : each(prop(item, "financialAssistance"))) {
    for (const auto& a : alignments(prop(*profile, "financialAssistanceType"))) {
      if (contains(concept_of(a), "wioa")) return true;
    }
    if (contains(lower(any_text(prop(*profile, "name"))), "wioa")) return true;
  }
  return false;
}

// Ceased, suspended or withdrawn programs and credentials are published to say so.
std::string inactive_status_of(const json& item) {
  for (const char* key : {"lifeCycleStatusType", "credentialStatusType"}) {
    for (const auto& a : alignments(prop(item, key))) {
      const std::string c = concept_of(a);
      for (const std::string_view word :
           {"ceased", "suspended", "deprecated", "terminated", "withdrawn", "probationary"}) {
        if (contains(c, word)) return std::string(word);
      }
    }
  }
  return {};
}

Industry industry_of(const Program& p, const json& item,
                     const std::vector<Alignment>& occupation_types) {
  std::string industry_names;
  for (const auto& a : alignments(prop(item, "industryType"))) industry_names += a.name + " ";
  const std::string first_code =
      p.occupation_codes.empty() ? std::string() : p.occupation_codes.front();
  Industry found = industry(industry_names, first_code);
  const auto vague = [](Industry i) { return i == Industry::Unknown || i == Industry::Other; };
  for (const auto& cip : p.cip_codes) {
    if (!vague(found)) break;
    found = industry_from_cip(cip);
  }
  if (vague(found)) {
    std::string names = p.name.en + " " + p.name.es;
    for (const auto& a : occupation_types) names += " " + a.name;
    found = industry(names, "");  // Other when nothing in them says more
  }
  return found;
}

Program program_of(const Document& doc, const json& item, Kind kind,
                   const std::vector<std::string>& types, const std::string& source) {
  Program p;
  p.source = source;
  p.language = language_of(item);
  const bool spanish = p.language == "es";
  p.id = one_line(plain_string(prop(item, "ctid")));
  const std::string at_id = one_line(plain_string(json_field(item, "@id")));
  if (p.id.empty() && !at_id.starts_with("_:")) p.id = at_id;
  p.name = local_text(prop(item, "name"), spanish);
  p.description = rich_text(prop(item, "description"), spanish);
  p.provider = provider_of(doc, item);
  if (p.id.empty()) p.id = p.provider + "/" + (p.name.en.empty() ? p.name.es : p.name.en);

  if (kind == Kind::Credential) {
    p.credential = credential_label(types);
  } else if (const auto it = doc.credential_for.find(at_id); it != doc.credential_for.end()) {
    p.credential.en = it->second;
  } else {
    for (const char* key : {"isRequiredFor", "isPreparationFor"}) {
      for (const json* condition : each(prop(item, key))) {
        for (const json* target : each(prop(*condition, "targetCredential"))) {
          if (p.credential.empty()) p.credential.en = ref_name(doc, *target);
        }
      }
    }
  }
  p.prerequisites = prerequisites_of(item, kind, spanish);
  p.duration_weeks = duration_of(item);
  p.cost = cost_of(item);
  p.format = format_of(item);
  p.cip_codes = cip_codes_of(prop(item, "instructionalProgramType"));
  const std::vector<Alignment> occupation_types = alignments(prop(item, "occupationType"));
  p.occupation_codes = occupation_codes_of(occupation_types);
  if (!p.occupation_codes.empty()) p.occupation_code = p.occupation_codes.front();
  p.industry = industry_of(p, item, occupation_types);
  p.type = type_of(types, p.name, item);
  p.paid_while_learning = p.type == ProgramType::Apprenticeship;  // registered ones pay by law
  p.wioa_eligible = mentions_wioa(item);
  p.locations = places_of(doc, item);
  p.url = url_of(item);
  p.valid_through = parse_date(one_line(plain_string(prop(item, "expirationDate"))));
  return p;
}

ParseResult convert(const json& root, const std::string& source) {
  Document doc;
  gather(root, 0, doc);
  link_credentials(doc);
  ParsedFeed feed;
  std::size_t unnamed = 0;
  std::size_t inactive = 0;
  std::size_t other = 0;
  std::size_t dropped_warnings = 0;
  const auto warn = [&](std::string text) {
    if (feed.warnings.size() < kMaxWarnings) {
      feed.warnings.push_back(std::move(text));
    } else {
      ++dropped_warnings;
    }
  };
  std::size_t n = 0;
  for (const json* item : doc.items) {
    ++n;
    const std::vector<std::string> types = types_of(*item);
    const Kind kind = kind_of(types);
    if (kind == Kind::Organization || kind == Kind::Part) continue;  // read through programs
    if (kind == Kind::Other) {
      ++other;
      continue;
    }
    const std::string what = types.empty() ? std::string("resource") : types.front().substr(0, 60);
    try {
      Program p = program_of(doc, *item, kind, types, source);
      if (p.name.empty()) {
        ++unnamed;
        warn(what + " #" + std::to_string(n) + " skipped: it has no name");
        continue;
      }
      if (const std::string status = inactive_status_of(*item); !status.empty()) {
        ++inactive;
        std::string why = what;
        why += " \"";
        why += p.name.in(false).substr(0, 80);
        why += "\" skipped: it is ";
        why += status;
        warn(why);
        continue;
      }
      feed.programs.push_back(std::move(p));
    } catch (const json::exception&) {
      warn(what + " #" + std::to_string(n) + " skipped: a value of an unexpected type");
    }
  }
  if (other > 0) {
    warn(std::to_string(other) + " resources of other CTDL types were ignored");
  }
  if (dropped_warnings > 0) {
    feed.warnings.push_back("and " + std::to_string(dropped_warnings) + " more warnings");
  }
  if (!feed.programs.empty()) return feed;
  if (unnamed + inactive > 0) {
    return ParseError{"none of its " + std::to_string(unnamed + inactive) +
                      " CTDL programs and credentials had a name and an active status"};
  }
  return ParseError{
      "no learning programs, courses or credentials in the CTDL (only organizations or other "
      "types)"};
}

}  // namespace

bool looks_like_ctdl(std::string_view head) {
  return contains(head, "\"ceterms:") || contains(head, "credreg.net/ctdl") ||
         contains(head, "purl.org/ctdl");
}

ParseResult parse_ctdl(std::string_view body, const std::string& source_url) {
  const json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return ParseError{"not valid JSON (or not valid UTF-8)"};
  if (!doc.is_object() && !doc.is_array()) return ParseError{"CTDL must be an object or an array"};
  try {
    return convert(doc, source_url);
  } catch (const std::exception& e) {  // json::exception outside one resource, or bad_alloc
    return ParseError{std::string("unexpected CTDL structure: ") + e.what()};
  }
}

}  // namespace kiosk::feeds
