#include "kiosk/match/skills.h"

#include <algorithm>

#include "kiosk/store/word_forms.h"

namespace kiosk {

const std::vector<Skill>& skills() {
  using G = SkillGroup;
  // Everyday skills of the jobs and training a Miami-Dade resident is offered, then the
  // licences and certificates postings ask for, then languages. The first forty keys are the
  // sign-up's since it began: they stay, whatever their place. Phrases are whole words; the last
  // word of a phrase also matches its plural ("cashier" finds "cashiers").
  static const std::vector<Skill> table = {
      // Working with people
      {"customer_service", "skill.customer_service"_msg, G::People,
       "customer service|customer care|guest service|servicio al cliente|atencion al cliente",
       "43-4051"},
      {"cash_handling", "skill.cash_handling"_msg, G::People,
       "cash register|cash handling|cashier|pos|point of sale|caja registradora|cajero|cajera|"
       "manejo de efectivo",
       "41-2011|43-3071"},
      {"sales", "skill.sales"_msg, G::People, "sales|retail|salesperson|ventas|vendedor|vendedora",
       "41-2031|41-1011"},
      {"phone_calls", "skill.phone_calls"_msg, G::People,
       "answer phones|answering phones|phone calls|phone etiquette|call center|contestar "
       "telefonos|llamadas|centro de llamadas",
       "43-4171"},
      {"teamwork", "skill.teamwork"_msg, G::People, "teamwork|team player|trabajo en equipo"},
      {"problem_solving", "skill.problem_solving"_msg, G::People,
       "problem solving|solve problems|troubleshooting|resolver problemas|resolucion de "
       "problemas"},
      {"teaching", "skill.teaching"_msg, G::People,
       "teaching|tutoring|tutor|teacher|instructor|ensenar|ensenanza|maestro|maestra|tutoria",
       "25-9042|25-3041"},
      // Office and computers
      {"computer_basics", "skill.computer_basics"_msg, G::Office,
       "computer|computer skills|email|computadora|computacion|correo electronico", "43-9061"},
      {"office_software", "skill.office_software"_msg, G::Office,
       "microsoft office|microsoft word|excel|spreadsheets|hojas de calculo", "43-6014"},
      {"data_entry", "skill.data_entry"_msg, G::Office,
       "data entry|typing|entrada de datos|ingreso de datos|digitacion", "43-9021"},
      {"bookkeeping", "skill.bookkeeping"_msg, G::Office,
       "bookkeeping|accounting|quickbooks|payroll|accounts payable|contabilidad|nomina|"
       "teneduria de libros",
       "43-3031|43-3051"},
      {"social_media", "skill.social_media"_msg, G::Office,
       "social media|marketing|instagram|facebook|redes sociales|mercadeo", "13-1161"},
      {"it_support", "skill.it_support"_msg, G::Office,
       "help desk|it support|technical support|tech support|desktop support|soporte tecnico|"
       "mesa de ayuda",
       "15-1232"},
      {"coding", "skill.coding"_msg, G::Office,
       "coding|programming|software|python|javascript|sql|programacion|programador|"
       "programadora",
       "15-1252|15-1254"},
      {"graphic_design", "skill.graphic_design"_msg, G::Office,
       "graphic design|adobe|photoshop|canva|diseno grafico", "27-1024"},
      // Health and care
      {"patient_care", "skill.patient_care"_msg, G::Health,
       "patient care|vital signs|personal care|cuidado del paciente|cuidado de pacientes|signos "
       "vitales|cuidado personal",
       "31-1131|31-1121|31-1122|29-2061"},
      {"cpr_first_aid", "skill.cpr_first_aid"_msg, G::Health,
       "cpr|first aid|bls|basic life support|rcp|primeros auxilios"},
      {"child_care", "skill.child_care"_msg, G::Health,
       "child care|childcare|daycare|nanny|cuidado de ninos|guarderia|ninera", "39-9011"},
      {"elder_care", "skill.elder_care"_msg, G::Health,
       "elder care|older adults|seniors|companionship|cuidado de personas mayores|adultos "
       "mayores|personas mayores|compania",
       "31-1122|31-1121"},
      {"medical_records", "skill.medical_records"_msg, G::Health,
       "medical records|medical billing|health records|insurance verification|expedientes "
       "medicos|facturacion medica|registros medicos",
       "29-2072|43-6013"},
      // Food, hotels and cleaning
      {"cooking", "skill.cooking"_msg, G::Food,
       "cooking|cook|line cook|kitchen|prep cook|cocina|cocinar|cocinero|cocinera",
       "35-2014|35-2021"},
      {"food_safety", "skill.food_safety"_msg, G::Food,
       "food safety|food handling|higiene de alimentos|seguridad alimentaria|inocuidad"},
      {"serving_food", "skill.serving_food"_msg, G::Food,
       "restaurant server|food server|banquet server|waiter|waitress|food service|busser|"
       "mesero|mesera|camarero|camarera|servir comida",
       "35-3031|35-3023"},
      {"front_desk", "skill.front_desk"_msg, G::Food,
       "front desk|reception|receptionist|check in|recepcion|recepcionista", "43-4081|43-4171"},
      {"housekeeping", "skill.housekeeping"_msg, G::Food,
       "housekeeping|housekeeper|room attendant|camarista|limpieza de habitaciones|ama de "
       "llaves",
       "37-2012"},
      {"cleaning", "skill.cleaning"_msg, G::Food,
       "cleaning|janitor|janitorial|custodian|limpieza|conserje|custodio", "37-2011|37-2012"},
      // Building and trades
      {"carpentry", "skill.carpentry"_msg, G::Building,
       "carpentry|carpenter|framing|carpinteria|carpintero", "47-2031"},
      {"electrical", "skill.electrical"_msg, G::Building,
       "electrical|electrician|wiring|electricidad|electricista|cableado", "47-2111"},
      {"plumbing", "skill.plumbing"_msg, G::Building,
       "plumbing|plumber|pipefitting|plomeria|plomero|fontanero", "47-2152"},
      {"hvac", "skill.hvac"_msg, G::Building,
       "hvac|air conditioning|refrigeration|aire acondicionado|refrigeracion", "49-9021"},
      {"welding", "skill.welding"_msg, G::Building, "welding|welder|soldadura|soldador|soldadora",
       "51-4121"},
      {"painting", "skill.painting"_msg, G::Building, "painting|painter|pintura|pintor|pintora",
       "47-2141"},
      {"power_tools", "skill.power_tools"_msg, G::Building,
       "power tools|hand tools|herramientas electricas|herramientas de mano", "47-2061"},
      {"landscaping", "skill.landscaping"_msg, G::Building,
       "landscaping|lawn care|gardening|groundskeeping|jardineria|jardinero|jardinera", "37-3011"},
      {"solar_install", "skill.solar_install"_msg, G::Building,
       "solar|solar panels|photovoltaic|pv|paneles solares|fotovoltaico", "47-2231"},
      // Driving, warehouse and security
      {"driving", "skill.driving"_msg, G::Driving,
       "driving|driver|delivery driver|deliveries|chofer|conductor|manejar|repartidor",
       "53-3032|53-3033|53-3058"},
      {"forklift", "skill.forklift"_msg, G::Driving, "forklift|pallet jack|montacargas", "53-7051"},
      {"warehouse", "skill.warehouse"_msg, G::Driving,
       "warehouse|shipping and receiving|inventory|stocking|picking and packing|almacen|"
       "bodega|inventario",
       "53-7062|53-7065"},
      {"lifting", "skill.lifting"_msg, G::Driving,
       "lift up to|lifting|heavy lifting|moving boxes|levantar hasta|levantar cajas|cargar",
       "53-7062"},
      {"security", "skill.security"_msg, G::Driving,
       "security guard|security officer|guard|guardia de seguridad|vigilante", "33-9032"},
      // Licences and certificates (a posting that asks for one the resident lacks shows a gap)
      {"cna_certificate", "skill.cna_certificate"_msg, G::Credentials,
       "cna|certified nursing assistant|nursing assistant certification|asistente de "
       "enfermeria certificado|certificacion de cna",
       "31-1131"},
      {"home_health_aide", "skill.home_health_aide"_msg, G::Credentials,
       "home health aide|hha|home health aide training|auxiliar de salud en el hogar|asistente "
       "de salud en el hogar",
       "31-1121"},
      {"drivers_license", "skill.drivers_license"_msg, G::Credentials,
       "driver s license|drivers license|driver license|driving license|licencia de conducir|"
       "licencia de manejo|licencia de manejar"},
      {"cdl", "skill.cdl"_msg, G::Credentials,
       "cdl|commercial driver|commercial driver s license|licencia comercial", "53-3032"},
      {"forklift_certified", "skill.forklift_certified"_msg, G::Credentials,
       "forklift certification|forklift certified|forklift license|forklift certificate|"
       "certificacion de montacargas|certificado de montacargas|licencia de montacargas"},
      {"food_handler", "skill.food_handler"_msg, G::Credentials,
       "food handler|food handler card|food handlers|servsafe|food protection|manipulador de "
       "alimentos|manipuladores de alimentos|manipulacion de alimentos"},
      {"security_license", "skill.security_license"_msg, G::Credentials,
       "class d|security license|security guard license|licencia clase d|licencia de guardia|"
       "licencia de seguridad",
       "33-9032"},
      {"osha10", "skill.osha10"_msg, G::Credentials, "osha|osha 10|osha 30"},
      {"epa608", "skill.epa608"_msg, G::Credentials,
       "epa 608|epa|epa certification|certificacion epa", "49-9021"},
      {"it_certification", "skill.it_certification"_msg, G::Credentials,
       "comptia|ccna|it certification|certificacion de ti|certificacion en ti"},
      // Languages
      {"bilingual", "skill.bilingual"_msg, G::Languages,
       "bilingual|english and spanish|bilingue|ingles y espanol"},
      {"english", "skill.english"_msg, G::Languages, "english|ingles"},
      {"spanish", "skill.spanish"_msg, G::Languages, "spanish|espanol|bilingual|bilingue"},
      {"haitian_creole", "skill.haitian_creole"_msg, G::Languages,
       "haitian creole|creole|kreyol|criollo haitiano|criollo"},
  };
  return table;
}

const Skill* find_skill(std::string_view key) {
  for (const Skill& s : skills()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::vector<std::string_view> skill_phrases(std::string_view words) {
  std::vector<std::string_view> out;
  while (!words.empty()) {
    const auto bar = words.find('|');
    const std::string_view phrase = words.substr(0, bar);
    if (!phrase.empty()) out.push_back(phrase);
    if (bar == std::string_view::npos) break;
    words.remove_prefix(bar + 1);
  }
  return out;
}

namespace {

// The words of a text, folded ("Caja registradora" → caja, registradora).
std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& w : split_words(text, 16)) {
    if (std::string f = fold_word(w); !f.empty()) out.push_back(std::move(f));
  }
  return out;
}

std::string folded_text(std::string_view text) {
  std::string out;
  for (const auto& w : folded_words(text)) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

const Skill* skill_named(std::string_view name, Translator& tr) {
  const std::string wanted = folded_text(name);
  if (wanted.empty()) return nullptr;
  if (const Skill* s = find_skill(name)) return s;
  for (const Skill& s : skills()) {
    if (folded_text(s.key) == wanted) return &s;  // "cash handling" for cash_handling
  }
  for (const Skill& s : skills()) {
    for (const Language lang : {Language::En, Language::Es}) {
      if (folded_text(tr.text_in(lang, s.label)) == wanted) return &s;
    }
  }
  for (const Skill& s : skills()) {
    for (const auto phrase : skill_phrases(s.words)) {
      if (folded_text(phrase) == wanted) return &s;
    }
  }
  return nullptr;
}

bool skill_found_by(const Skill& skill, std::string_view label,
                    const std::vector<std::string>& typed_words) {
  if (typed_words.empty()) return true;
  std::vector<std::string> words = folded_words(label);
  for (const auto phrase : skill_phrases(skill.words)) {
    for (auto& w : folded_words(phrase)) words.push_back(std::move(w));
  }
  return std::all_of(typed_words.begin(), typed_words.end(), [&](const std::string& typed) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return w.starts_with(typed); });
  });
}

}  // namespace kiosk
