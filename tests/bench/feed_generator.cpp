#include "tests/bench/feed_generator.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <fstream>
#include <string_view>

namespace kiosk::bench {
namespace {

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (splitmix64: same output on every platform and standard library).

struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform-enough integer in [0, n).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }
  bool percent(std::uint32_t p) { return below(100) < p; }
};

std::uint64_t job_seed(std::uint32_t seed, std::size_t n) {
  Rng r{(static_cast<std::uint64_t>(seed) << 32) ^ static_cast<std::uint64_t>(n) ^
        0xD1B54A32D192ED03ull};
  r.next();
  return r.next();
}

template <typename T, std::size_t N>
const T& pick(Rng& r, const std::array<T, N>& a) {
  return a[r.below(static_cast<std::uint32_t>(N))];
}

// ---------------------------------------------------------------------------------------------
// Data tables.

constexpr std::array<const char*, 6> kIndustries = {
    "Health care and social assistance", "Technology",   "Construction and skilled trades",
    "Hospitality and tourism",           "Clean energy", "Professional services",
};
enum Industry { kHealth, kTech, kTrades, kHospitality, kEnergy, kProfessional };
enum Education { kNone, kHighSchool, kBachelor };
constexpr std::array<const char*, 3> kEducation = {"no requirements", "high school",
                                                   "bachelor degree"};

struct Occupation {
  const char* en;
  const char* es;
  Industry industry;
  bool hourly;
  int lo;  // dollars per hour, or thousands of dollars per year
  int hi;
  Education education;
};

// Miami-area pay ranges (2026, Florida minimum wage $15/h; tipped roles lower base).
constexpr std::array<Occupation, 150> kOccupations = {{
    // Health care and social assistance
    {"Registered Nurse", "Enfermera registrada", kHealth, true, 36, 52, kBachelor},
    {"Licensed Practical Nurse", "Enfermera práctica licenciada", kHealth, true, 25, 32,
     kHighSchool},
    {"Certified Nursing Assistant", "Asistente de enfermería certificado", kHealth, true, 16, 20,
     kHighSchool},
    {"Medical Assistant", "Asistente médico", kHealth, true, 17, 22, kHighSchool},
    {"Home Health Aide", "Auxiliar de salud en el hogar", kHealth, true, 15, 18, kNone},
    {"Pharmacy Technician", "Técnico de farmacia", kHealth, true, 17, 22, kHighSchool},
    {"Phlebotomist", "Flebotomista", kHealth, true, 17, 22, kHighSchool},
    {"Dental Assistant", "Asistente dental", kHealth, true, 18, 24, kHighSchool},
    {"Dental Hygienist", "Higienista dental", kHealth, true, 35, 45, kHighSchool},
    {"Physical Therapist Assistant", "Asistente de fisioterapia", kHealth, true, 28, 36,
     kHighSchool},
    {"Respiratory Therapist", "Terapeuta respiratorio", kHealth, true, 32, 42, kHighSchool},
    {"Radiologic Technologist", "Tecnólogo radiológico", kHealth, true, 30, 40, kHighSchool},
    {"Surgical Technologist", "Técnico quirúrgico", kHealth, true, 24, 32, kHighSchool},
    {"Medical Billing Specialist", "Especialista en facturación médica", kHealth, true, 18, 24,
     kHighSchool},
    {"Patient Care Technician", "Técnico de atención al paciente", kHealth, true, 16, 21,
     kHighSchool},
    {"Emergency Medical Technician", "Técnico de emergencias médicas", kHealth, true, 16, 22,
     kHighSchool},
    {"Paramedic", "Paramédico", kHealth, true, 22, 30, kHighSchool},
    {"Social Worker", "Trabajador social", kHealth, false, 48, 65, kBachelor},
    {"Case Manager", "Administrador de casos", kHealth, false, 45, 60, kBachelor},
    {"Community Health Worker", "Trabajador de salud comunitaria", kHealth, true, 17, 22,
     kHighSchool},
    {"Behavioral Health Technician", "Técnico de salud conductual", kHealth, true, 16, 21,
     kHighSchool},
    {"Child Care Worker", "Cuidador infantil", kHealth, true, 15, 17, kHighSchool},
    {"Nurse Practitioner", "Enfermera practicante", kHealth, false, 105, 135, kBachelor},
    {"Medical Receptionist", "Recepcionista médica", kHealth, true, 16, 20, kHighSchool},
    {"Occupational Therapist", "Terapeuta ocupacional", kHealth, false, 80, 100, kBachelor},
    // Technology
    {"Software Developer", "Desarrollador de software", kTech, false, 85, 140, kBachelor},
    {"Web Developer", "Desarrollador web", kTech, false, 65, 105, kBachelor},
    {"IT Support Specialist", "Especialista en soporte de TI", kTech, true, 20, 28, kHighSchool},
    {"Help Desk Technician", "Técnico de mesa de ayuda", kTech, true, 18, 24, kHighSchool},
    {"Network Administrator", "Administrador de redes", kTech, false, 70, 100, kBachelor},
    {"Systems Administrator", "Administrador de sistemas", kTech, false, 72, 105, kBachelor},
    {"Cybersecurity Analyst", "Analista de ciberseguridad", kTech, false, 85, 125, kBachelor},
    {"Data Analyst", "Analista de datos", kTech, false, 60, 90, kBachelor},
    {"Data Engineer", "Ingeniero de datos", kTech, false, 100, 145, kBachelor},
    {"Database Administrator", "Administrador de bases de datos", kTech, false, 80, 115, kBachelor},
    {"QA Tester", "Analista de pruebas de software", kTech, true, 22, 35, kHighSchool},
    {"UX Designer", "Diseñador UX", kTech, false, 75, 115, kBachelor},
    {"Cloud Engineer", "Ingeniero de la nube", kTech, false, 110, 155, kBachelor},
    {"DevOps Engineer", "Ingeniero DevOps", kTech, false, 105, 150, kBachelor},
    {"Computer Repair Technician", "Técnico de reparación de computadoras", kTech, true, 16, 22,
     kNone},
    {"Product Manager", "Gerente de producto", kTech, false, 100, 145, kBachelor},
    {"Mobile App Developer", "Desarrollador de aplicaciones móviles", kTech, false, 85, 135,
     kBachelor},
    {"Technical Writer", "Redactor técnico", kTech, false, 60, 85, kBachelor},
    {"Field Service Technician", "Técnico de servicio de campo", kTech, true, 20, 28, kHighSchool},
    {"Telecommunications Technician", "Técnico de telecomunicaciones", kTech, true, 21, 29,
     kHighSchool},
    {"Machine Learning Engineer", "Ingeniero de aprendizaje automático", kTech, false, 120, 170,
     kBachelor},
    {"IT Project Coordinator", "Coordinador de proyectos de TI", kTech, false, 55, 75, kBachelor},
    {"Data Entry Clerk", "Operador de captura de datos", kTech, true, 15, 18, kHighSchool},
    {"Cybersecurity Intern", "Pasante de ciberseguridad", kTech, true, 16, 20, kHighSchool},
    {"Front-End Developer", "Desarrollador front-end", kTech, false, 80, 125, kBachelor},
    // Construction and skilled trades
    {"Electrician", "Electricista", kTrades, true, 22, 34, kHighSchool},
    {"Apprentice Electrician", "Aprendiz de electricista", kTrades, true, 16, 19, kHighSchool},
    {"Plumber", "Plomero", kTrades, true, 22, 33, kHighSchool},
    {"HVAC Technician", "Técnico de aire acondicionado (HVAC)", kTrades, true, 20, 32, kHighSchool},
    {"Carpenter", "Carpintero", kTrades, true, 19, 28, kNone},
    {"Welder", "Soldador", kTrades, true, 19, 28, kNone},
    {"Construction Laborer", "Obrero de construcción", kTrades, true, 16, 20, kNone},
    {"Heavy Equipment Operator", "Operador de equipo pesado", kTrades, true, 21, 30, kHighSchool},
    {"Roofer", "Techador", kTrades, true, 17, 25, kNone},
    {"Painter", "Pintor", kTrades, true, 16, 23, kNone},
    {"Drywall Installer", "Instalador de paneles de yeso", kTrades, true, 17, 24, kNone},
    {"Concrete Finisher", "Acabador de concreto", kTrades, true, 17, 24, kNone},
    {"Maintenance Technician", "Técnico de mantenimiento", kTrades, true, 18, 26, kHighSchool},
    {"Construction Project Manager", "Gerente de proyectos de construcción", kTrades, false, 85,
     125, kBachelor},
    {"Site Superintendent", "Superintendente de obra", kTrades, false, 80, 115, kHighSchool},
    {"Pipefitter", "Instalador de tuberías", kTrades, true, 22, 32, kHighSchool},
    {"Mason", "Albañil", kTrades, true, 18, 27, kNone},
    {"Tile Setter", "Instalador de azulejos", kTrades, true, 18, 26, kNone},
    {"Glazier", "Vidriero", kTrades, true, 18, 26, kNone},
    {"Ironworker", "Herrero de construcción", kTrades, true, 21, 30, kHighSchool},
    {"Elevator Mechanic", "Mecánico de elevadores", kTrades, true, 35, 48, kHighSchool},
    {"Crane Operator", "Operador de grúa", kTrades, true, 26, 38, kHighSchool},
    {"Construction Estimator", "Estimador de costos de construcción", kTrades, false, 65, 90,
     kBachelor},
    {"Landscaper", "Jardinero paisajista", kTrades, true, 15, 19, kNone},
    {"Locksmith", "Cerrajero", kTrades, true, 17, 24, kNone},
    // Hospitality and tourism
    {"Line Cook", "Cocinero de línea", kHospitality, true, 16, 21, kNone},
    {"Prep Cook", "Ayudante de cocina", kHospitality, true, 15, 18, kNone},
    {"Sous Chef", "Subchef", kHospitality, false, 50, 65, kHighSchool},
    {"Executive Chef", "Chef ejecutivo", kHospitality, false, 70, 95, kHighSchool},
    {"Dishwasher", "Lavaplatos", kHospitality, true, 15, 17, kNone},
    {"Server", "Mesero", kHospitality, true, 12, 16, kNone},
    {"Bartender", "Cantinero", kHospitality, true, 12, 16, kNone},
    {"Barista", "Barista", kHospitality, true, 15, 17, kNone},
    {"Host", "Anfitrión de restaurante", kHospitality, true, 15, 17, kNone},
    {"Housekeeper", "Camarera de piso", kHospitality, true, 15, 18, kNone},
    {"Front Desk Agent", "Recepcionista de hotel", kHospitality, true, 16, 20, kHighSchool},
    {"Concierge", "Conserje", kHospitality, true, 17, 23, kHighSchool},
    {"Bellhop", "Botones", kHospitality, true, 15, 17, kNone},
    {"Hotel Night Auditor", "Auditor nocturno de hotel", kHospitality, true, 17, 21, kHighSchool},
    {"Banquet Server", "Mesero de banquetes", kHospitality, true, 15, 18, kNone},
    {"Event Coordinator", "Coordinador de eventos", kHospitality, false, 48, 62, kBachelor},
    {"Food Service Manager", "Gerente de servicio de alimentos", kHospitality, false, 52, 70,
     kHighSchool},
    {"Hotel General Manager", "Gerente general de hotel", kHospitality, false, 90, 130, kBachelor},
    {"Tour Guide", "Guía turístico", kHospitality, true, 15, 20, kHighSchool},
    {"Cruise Ship Steward", "Camarero de crucero", kHospitality, true, 15, 18, kNone},
    {"Valet Attendant", "Valet de estacionamiento", kHospitality, true, 15, 17, kNone},
    {"Pastry Cook", "Pastelero", kHospitality, true, 16, 21, kNone},
    {"Restaurant Manager", "Gerente de restaurante", kHospitality, false, 55, 75, kHighSchool},
    {"Room Service Attendant", "Asistente de servicio a la habitación", kHospitality, true, 15, 18,
     kNone},
    {"Guest Services Supervisor", "Supervisor de servicios al huésped", kHospitality, false, 42, 55,
     kHighSchool},
    // Clean energy
    {"Solar Panel Installer", "Instalador de paneles solares", kEnergy, true, 18, 26, kHighSchool},
    {"Solar PV Technician", "Técnico fotovoltaico", kEnergy, true, 21, 30, kHighSchool},
    {"Wind Turbine Technician", "Técnico de turbinas eólicas", kEnergy, true, 24, 33, kHighSchool},
    {"Energy Auditor", "Auditor energético", kEnergy, false, 52, 72, kHighSchool},
    {"EV Charging Technician", "Técnico de estaciones de carga para vehículos eléctricos", kEnergy,
     true, 22, 32, kHighSchool},
    {"Battery Storage Technician", "Técnico de almacenamiento de baterías", kEnergy, true, 24, 34,
     kHighSchool},
    {"Electrical Engineer", "Ingeniero eléctrico", kEnergy, false, 85, 125, kBachelor},
    {"Sustainability Coordinator", "Coordinador de sostenibilidad", kEnergy, false, 52, 70,
     kBachelor},
    {"Energy Efficiency Specialist", "Especialista en eficiencia energética", kEnergy, false, 58,
     80, kBachelor},
    {"Weatherization Installer", "Instalador de climatización", kEnergy, true, 17, 23, kNone},
    {"Solar Sales Consultant", "Asesor de ventas solares", kEnergy, false, 45, 85, kHighSchool},
    {"Solar Project Manager", "Gerente de proyectos solares", kEnergy, false, 85, 120, kBachelor},
    {"Grid Modernization Engineer", "Ingeniero de modernización de la red eléctrica", kEnergy,
     false, 100, 140, kBachelor},
    {"Environmental Technician", "Técnico ambiental", kEnergy, true, 19, 26, kHighSchool},
    {"Energy Analyst", "Analista de energía", kEnergy, false, 65, 90, kBachelor},
    {"Building Performance Analyst", "Analista de desempeño energético de edificios", kEnergy,
     false, 60, 82, kBachelor},
    {"Solar Site Assessor", "Evaluador de sitios solares", kEnergy, true, 20, 28, kHighSchool},
    {"Electrical Lineworker", "Liniero eléctrico", kEnergy, true, 32, 48, kHighSchool},
    {"Geothermal Technician", "Técnico geotérmico", kEnergy, true, 22, 30, kHighSchool},
    {"Green Building Consultant", "Consultor de construcción sostenible", kEnergy, false, 70, 100,
     kBachelor},
    {"EV Fleet Coordinator", "Coordinador de flota de vehículos eléctricos", kEnergy, false, 50, 68,
     kHighSchool},
    {"Energy Storage Engineer", "Ingeniero de almacenamiento de energía", kEnergy, false, 95, 135,
     kBachelor},
    {"Solar Warehouse Associate", "Asociado de almacén solar", kEnergy, true, 16, 19, kNone},
    {"Climate Resilience Planner", "Planificador de resiliencia climática", kEnergy, false, 65, 90,
     kBachelor},
    {"Smart Home Installer", "Instalador de hogares inteligentes", kEnergy, true, 18, 24,
     kHighSchool},
    // Professional services
    {"Accountant", "Contador", kProfessional, false, 60, 85, kBachelor},
    {"Bookkeeper", "Auxiliar contable", kProfessional, true, 20, 27, kHighSchool},
    {"Paralegal", "Asistente legal (paralegal)", kProfessional, false, 48, 65, kHighSchool},
    {"Legal Secretary", "Secretaria legal", kProfessional, true, 19, 25, kHighSchool},
    {"Administrative Assistant", "Asistente administrativo", kProfessional, true, 17, 22,
     kHighSchool},
    {"Executive Assistant", "Asistente ejecutivo", kProfessional, false, 50, 68, kHighSchool},
    {"Receptionist", "Recepcionista", kProfessional, true, 15, 18, kHighSchool},
    {"Customer Service Representative", "Representante de servicio al cliente", kProfessional, true,
     15, 19, kHighSchool},
    {"Human Resources Specialist", "Especialista en recursos humanos", kProfessional, false, 52, 70,
     kBachelor},
    {"Recruiter", "Reclutador", kProfessional, false, 50, 72, kBachelor},
    {"Marketing Coordinator", "Coordinador de mercadeo", kProfessional, false, 45, 60, kBachelor},
    {"Financial Analyst", "Analista financiero", kProfessional, false, 68, 95, kBachelor},
    {"Tax Preparer", "Preparador de impuestos", kProfessional, true, 17, 28, kHighSchool},
    {"Insurance Agent", "Agente de seguros", kProfessional, false, 42, 75, kHighSchool},
    {"Office Manager", "Gerente de oficina", kProfessional, false, 52, 70, kHighSchool},
    {"Management Consultant", "Consultor de gestión", kProfessional, false, 85, 130, kBachelor},
    {"Interpreter", "Intérprete", kProfessional, true, 22, 35, kHighSchool},
    {"Translator", "Traductor", kProfessional, false, 48, 68, kBachelor},
    {"Graphic Designer", "Diseñador gráfico", kProfessional, false, 45, 65, kBachelor},
    {"Real Estate Assistant", "Asistente inmobiliario", kProfessional, true, 16, 21, kHighSchool},
    {"Payroll Specialist", "Especialista en nómina", kProfessional, false, 48, 64, kHighSchool},
    {"Loan Officer", "Oficial de préstamos", kProfessional, false, 55, 95, kHighSchool},
    {"Claims Adjuster", "Ajustador de reclamos", kProfessional, false, 55, 75, kHighSchool},
    {"Auditor", "Auditor", kProfessional, false, 65, 90, kBachelor},
    {"Project Coordinator", "Coordinador de proyectos", kProfessional, false, 50, 65, kBachelor},
}};

// Share of remote (TELECOMMUTE) postings per industry, in percent; ~10% overall.
constexpr std::array<std::uint32_t, 6> kRemotePercent = {3, 35, 0, 0, 5, 20};

constexpr std::array<const char*, 42> kEmployerStems = {
    "Biscayne",      "Brickell",   "Coral Reef", "Bayfront",      "Everglades",     "Palmetto",
    "Little Havana", "Wynwood",    "Sunrise",    "Tropical",      "Magic City",     "Key Lime",
    "Royal Palm",    "Atlantic",   "Seaside",    "Redland",       "Flagler",        "Overtown",
    "Allapattah",    "Calle Ocho", "Gold Coast", "Mangrove",      "Sunshine State", "Blue Lagoon",
    "Cypress",       "Pelican",    "Manatee",    "Coconut Grove", "Bay Harbor",     "South Dade",
    "Tamiami",       "Dolphin",    "Sawgrass",   "La Esperanza",  "Sol y Mar",      "Peña",
    "Castillo",      "Ibáñez",     "Fernández",  "Delgado",       "Morales",        "Okeechobee",
};

constexpr std::array<std::array<const char*, 8>, 6> kEmployerNouns = {{
    {"Health Partners", "Medical Group", "Family Clinic", "Home Care", "Community Health Center",
     "Rehabilitation Center", "Pediatrics", "Senior Living"},
    {"Tech Labs", "Software", "Data Systems", "Digital", "IT Solutions", "Cloud Services",
     "Networks", "Analytics"},
    {"Builders", "Electric", "Plumbing & Mechanical", "Roofing", "Construction Co.",
     "Air Conditioning", "Contractors", "Concrete & Masonry"},
    {"Hotel & Suites", "Grill", "Resort", "Café", "Catering", "Seafood Kitchen", "Beach Club",
     "Cruise Services"},
    {"Solar", "Energy Solutions", "Power Cooperative", "EV Charging", "Renewables",
     "Battery Systems", "Green Building", "Sun Power Partners"},
    {"Consulting", "Accounting LLC", "Law Group", "Staffing", "Insurance Agency", "Tax Services",
     "Financial Advisors", "Business Services"},
}};

constexpr std::size_t kEmployersPerIndustry = 84;  // 6 x 84 = 504 employers

struct City {
  const char* name;
  std::array<const char*, 6> zips;  // unused slots are nullptr
  int lat_micro;                    // degrees * 1e6
  int lon_micro;
};

constexpr std::array<City, 24> kCities = {{
    {"Miami", {"33125", "33130", "33131", "33135", "33142", "33145"}, 25761700, -80191800},
    {"Miami Beach", {"33139", "33140", "33141"}, 25790700, -80130000},
    {"Hialeah", {"33010", "33012", "33013", "33014", "33016"}, 25857600, -80278100},
    {"Miami Gardens", {"33054", "33055", "33056", "33169"}, 25942000, -80245600},
    {"Homestead", {"33030", "33031", "33032", "33033", "33035"}, 25468700, -80477600},
    {"Florida City", {"33034"}, 25447900, -80479200},
    {"Coral Gables", {"33134", "33146"}, 25721500, -80268400},
    {"Doral", {"33122", "33166", "33172", "33178"}, 25819500, -80355300},
    {"Kendall", {"33156", "33176", "33183", "33186"}, 25679300, -80317300},
    {"North Miami", {"33161", "33181"}, 25890100, -80186700},
    {"North Miami Beach", {"33160", "33162"}, 25933100, -80162500},
    {"Aventura", {"33180"}, 25956500, -80139200},
    {"Miami Lakes", {"33014", "33016"}, 25908700, -80308700},
    {"Cutler Bay", {"33157", "33189", "33190"}, 25580800, -80346800},
    {"Palmetto Bay", {"33157", "33158"}, 25621700, -80324500},
    {"Pinecrest", {"33156"}, 25667100, -80308100},
    {"South Miami", {"33143"}, 25707600, -80293400},
    {"Sweetwater", {"33174"}, 25763400, -80373100},
    {"Opa-locka", {"33054"}, 25902300, -80250300},
    {"Hialeah Gardens", {"33018"}, 25865100, -80324500},
    {"Key Biscayne", {"33149"}, 25693700, -80162600},
    {"Sunny Isles Beach", {"33160"}, 25942900, -80123400},
    {"Miami Springs", {"33166"}, 25822300, -80289500},
    {"West Miami", {"33144"}, 25758700, -80296200},
}};

constexpr std::array<const char*, 16> kNamedStreets = {
    "Biscayne Blvd", "Coral Way",  "W Flagler St",  "Collins Ave",
    "Bird Rd",       "Kendall Dr", "Okeechobee Rd", "S Dixie Hwy",
    "Palm Ave",      "W 49th St",  "NW 36th St",    "Krome Ave",
    "Calle Ocho",    "NE 2nd Ave", "Brickell Ave",  "Ponce de Leon Blvd",
};
constexpr std::array<const char*, 4> kQuadrants = {"NW", "NE", "SW", "SE"};
constexpr std::array<const char*, 5> kStreetTypes = {"St", "Ave", "Ct", "Ter", "Pl"};

// Skills per industry, English then Spanish.
constexpr std::array<std::array<const char*, 14>, 6> kSkillsEn = {{
    {"Patient care", "CPR/BLS certification", "Electronic health records", "Vital signs",
     "Medical terminology", "HIPAA compliance", "Bilingual English/Spanish", "Phlebotomy",
     "Infection control", "Medication administration", "Epic", "Care coordination", "Empathy",
     "Insurance verification"},
    {"JavaScript", "Python", "SQL", "C++", "Linux", "Networking", "Cloud computing (AWS/Azure)",
     "Cybersecurity", "Troubleshooting", "Git", "React", "Customer support", "Data analysis",
     "Agile/Scrum"},
    {"Blueprint reading", "OSHA 10", "Power tools", "Electrical wiring", "Welding (MIG/TIG)",
     "HVAC/R", "Carpentry", "Plumbing", "Forklift operation", "Heavy equipment",
     "Florida Building Code", "Safety compliance", "Preventive maintenance",
     "Measuring and layout"},
    {"Customer service", "Food safety (ServSafe)", "Cash handling", "Knife skills",
     "Point of sale (POS)", "Teamwork", "Bilingual English/Spanish", "Bartending", "Housekeeping",
     "Event planning", "Reservation systems", "Menu knowledge", "Upselling", "Time management"},
    {"Solar PV installation", "NABCEP certification", "Electrical wiring",
     "EV charger installation", "Battery storage systems", "Energy auditing", "Working at heights",
     "OSHA 30", "AutoCAD", "Load calculations", "Customer education", "Sustainability reporting",
     "Data analysis", "Hurricane-resistant mounting"},
    {"Microsoft Excel", "QuickBooks", "Bookkeeping", "Legal research", "Scheduling",
     "Customer service", "Bilingual English/Spanish", "Payroll", "Tax preparation",
     "Project management", "Written communication", "Salesforce", "Data entry",
     "Attention to detail"},
}};
constexpr std::array<std::array<const char*, 8>, 6> kSkillsEs = {{
    {"Atención al paciente", "Certificación RCP", "Expediente médico electrónico", "Signos vitales",
     "Terminología médica", "Bilingüe inglés/español", "Control de infecciones", "Empatía"},
    {"Programación", "Redes", "Soporte técnico", "Bases de datos SQL", "Ciberseguridad",
     "Computación en la nube", "Análisis de datos", "Bilingüe inglés/español"},
    {"Lectura de planos", "OSHA 10", "Herramientas eléctricas", "Instalación eléctrica",
     "Soldadura", "Plomería", "Carpintería", "Seguridad en la obra"},
    {"Servicio al cliente", "Manipulación de alimentos", "Manejo de efectivo", "Trabajo en equipo",
     "Bilingüe inglés/español", "Limpieza", "Cocina", "Atención a huéspedes"},
    {"Instalación fotovoltaica", "Instalación eléctrica", "Cargadores de vehículos eléctricos",
     "Trabajo en alturas", "Auditoría energética", "Baterías", "OSHA 30", "Atención al cliente"},
    {"Microsoft Excel", "Contabilidad", "QuickBooks", "Atención al cliente",
     "Bilingüe inglés/español", "Nómina", "Organización", "Redacción"},
}};

// Description fragments. {o} = employer, {t} = title, {c} = city.
constexpr std::array<const char*, 5> kIntroEn = {
    "{o} is hiring for the role of {t} in {c}.",
    "Join {o} as our next {t} and build your career in Miami-Dade County.",
    "{o} seeks a dependable professional for the {t} position at our {c} location.",
    "We are looking for an experienced {t} to join the {o} team in {c}.",
    "Now hiring: {t} at {o} ({c}).",
};
constexpr std::array<const char*, 4> kIntroEs = {
    "{o} está contratando para el puesto de {t} en {c}.",
    "Únase a {o} como {t} y desarrolle su carrera en el condado de Miami-Dade.",
    "{o} busca personal responsable para el puesto de {t} en nuestra sede de {c}.",
    "Vacante: {t} en {o} ({c}).",
};

constexpr std::array<std::array<const char*, 5>, 6> kDutiesEn = {{
    {"Provide compassionate, patient-centered care to a diverse community.",
     "Document patient information accurately in the electronic health record.",
     "Work closely with physicians, nurses and care coordinators on every shift.",
     "Follow infection-control and HIPAA privacy procedures at all times.",
     "Support patients and families who speak English, Spanish or Haitian Creole."},
    {"Build and maintain reliable systems used by thousands of customers.",
     "Troubleshoot hardware, software and network issues for local clients.",
     "Write clean, well-tested code and take part in code reviews.",
     "Translate business requirements into practical technical solutions.",
     "Keep systems secure by applying patches and monitoring alerts."},
    {"Read blueprints and work safely on residential and commercial job sites.",
     "Install, repair and inspect systems in line with the Florida Building Code.",
     "Operate hand and power tools and keep the work area clean and safe.",
     "Work outdoors in the South Florida heat, including some early mornings.",
     "Coordinate with foremen, inspectors and other trades to keep projects on schedule."},
    {"Deliver warm, friendly service to guests from around the world.",
     "Prepare and present food to our recipes and food-safety standards.",
     "Keep guest areas, kitchens and stations clean, stocked and organized.",
     "Work flexible shifts, including nights, weekends and holidays.",
     "Handle busy periods during the winter tourist season with a smile."},
    {"Install and service solar, storage and EV charging equipment across Miami-Dade.",
     "Perform site assessments and measure energy use in homes and businesses.",
     "Help local families and businesses lower their power bills and emissions.",
     "Follow OSHA, NEC and manufacturer safety requirements on every job.",
     "Prepare systems to withstand hurricane season and coastal conditions."},
    {"Support clients with accurate, timely and confidential work.",
     "Prepare reports, spreadsheets and correspondence for a busy office.",
     "Answer phones and emails and schedule meetings for the team.",
     "Keep records organized and meet deadlines during peak seasons.",
     "Communicate clearly with clients in English and Spanish."},
}};
constexpr std::array<std::array<const char*, 4>, 6> kDutiesEs = {{
    {"Brindar atención compasiva y centrada en el paciente a una comunidad diversa.",
     "Registrar la información del paciente en el expediente médico electrónico.",
     "Colaborar con médicos, enfermeras y coordinadores de atención en cada turno.",
     "Cumplir con los protocolos de control de infecciones y privacidad (HIPAA)."},
    {"Desarrollar y mantener sistemas confiables para miles de clientes.",
     "Resolver problemas de hardware, software y redes para clientes locales.",
     "Escribir código limpio y bien probado, y participar en revisiones de código.",
     "Mantener la seguridad de los sistemas aplicando parches y supervisando alertas."},
    {"Leer planos y trabajar de forma segura en obras residenciales y comerciales.",
     "Instalar, reparar e inspeccionar sistemas según el Código de Construcción de Florida.",
     "Utilizar herramientas manuales y eléctricas y mantener el área de trabajo limpia.",
     "Trabajar al aire libre en el calor del sur de Florida, incluso temprano en la mañana."},
    {"Brindar un servicio cálido y amable a huéspedes de todo el mundo.",
     "Preparar y presentar alimentos según nuestras recetas y normas de seguridad alimentaria.",
     "Mantener las áreas de huéspedes, cocinas y estaciones limpias y organizadas.",
     "Trabajar turnos flexibles, incluidos noches, fines de semana y días festivos."},
    {"Instalar y dar mantenimiento a equipos solares, baterías y cargadores eléctricos.",
     "Realizar evaluaciones de sitio y medir el consumo de energía en hogares y negocios.",
     "Ayudar a familias y negocios locales a reducir sus facturas de electricidad.",
     "Preparar los sistemas para la temporada de huracanes y las condiciones costeras."},
    {"Apoyar a los clientes con trabajo preciso, puntual y confidencial.",
     "Preparar informes, hojas de cálculo y correspondencia para una oficina muy activa.",
     "Atender llamadas y correos electrónicos y programar reuniones para el equipo.",
     "Mantener los registros organizados y cumplir con los plazos en temporada alta."},
}};

constexpr std::array<const char*, 13> kExtrasEn = {
    // benefits
    "We offer health, dental & vision insurance.",
    "Paid time off and paid holidays start after 90 days.",
    "Tuition assistance and paid training are available.",
    "Our team's motto is \"people first\" and we mean it.",
    "Free parking and easy access to Metrorail and Metrobus.",
    "401(k) with employer match.",
    "Weekly pay and direct deposit.",
    "Opportunities for advancement within 12 months.",
    // requirements
    "A valid Florida driver's license is required.",
    "Must pass a background check and drug screening.",
    "Bilingual English/Spanish is a plus.",
    "Reliable transportation and a flexible schedule are required.",
    "Previous experience is preferred but not required; we will train the right person.",
};
constexpr std::array<const char*, 10> kExtrasEs = {
    "Ofrecemos seguro médico, dental y de la vista.",
    "Vacaciones y días festivos pagados después de 90 días.",
    "Capacitación pagada y ayuda para estudios.",
    "Nuestro lema es \"las personas primero\" y lo cumplimos.",
    "Estacionamiento gratuito y fácil acceso a Metrorail y Metrobus.",
    "Pago semanal y depósito directo.",
    "Se requiere licencia de conducir válida de Florida.",
    "Debe aprobar una verificación de antecedentes y una prueba de drogas.",
    "Se valora ser bilingüe (inglés/español).",
    "No se requiere experiencia; ofrecemos capacitación.",
};
constexpr std::array<const char*, 3> kClosingEn = {
    "Apply today at the kiosk or online.",
    "Questions? Visit our office in {c}.",
    "We are an equal opportunity employer.",
};
constexpr std::array<const char*, 3> kClosingEs = {
    "Presente su solicitud hoy en el quiosco o en línea.",
    "¿Preguntas? Visite nuestra oficina en {c}.",
    "Somos un empleador que ofrece igualdad de oportunidades.",
};

// ---------------------------------------------------------------------------------------------
// Helpers.

const std::array<std::string, 6 * kEmployersPerIndustry>& employers() {
  static const auto names = [] {
    std::array<std::string, 6 * kEmployersPerIndustry> out;
    constexpr std::size_t kPairs = kEmployerStems.size() * 8;  // 336; 37 is coprime to it
    for (std::size_t i = 0; i < 6; ++i) {
      for (std::size_t k = 0; k < kEmployersPerIndustry; ++k) {
        const std::size_t p = (k * 37 + i * 11) % kPairs;
        out[i * kEmployersPerIndustry + k] =
            std::string(kEmployerStems[p % kEmployerStems.size()]) + " " +
            kEmployerNouns[i][p / kEmployerStems.size()];
      }
    }
    return out;
  }();
  return names;
}

void append_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the pending run of characters that need no escaping
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;  // UTF-8 passes through
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(u, sizeof(u));
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
}

void append_string(std::string& out, std::string_view s) {
  out += '"';
  append_escaped(out, s);
  out += '"';
}

template <typename Int>
void append_int(std::string& out, Int v) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof(buf), v);
  out.append(buf, res.ptr);
}

// value / 10^decimals with exactly `decimals` digits after the point.
void append_fixed(std::string& out, long long value, int decimals) {
  if (value < 0) {
    out += '-';
    value = -value;
  }
  long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  append_int(out, value / scale);
  if (decimals == 0) return;
  out += '.';
  std::string frac = std::to_string(value % scale);
  out.append(static_cast<std::size_t>(decimals) - frac.size(), '0');
  out += frac;
}

// Replaces {o}, {t} and {c} in a fragment.
void expand(std::string& out, const char* fragment, std::string_view org, std::string_view title,
            std::string_view city) {
  const std::string_view f(fragment);
  std::size_t pos = 0;
  for (std::size_t open = f.find('{'); open != std::string_view::npos; open = f.find('{', pos)) {
    out.append(f.data() + pos, open - pos);
    const char key = open + 2 < f.size() && f[open + 2] == '}' ? f[open + 1] : '\0';
    if (key == 'o') {
      out += org;
    } else if (key == 't') {
      out += title;
    } else if (key == 'c') {
      out += city;
    } else {
      out += '{';
      pos = open + 1;
      continue;
    }
    pos = open + 3;
  }
  out.append(f.data() + pos, f.size() - pos);
}

// Days since 1970-01-01 for a proleptic Gregorian date, and back (H. Hinnant's algorithms).
int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void append_date(std::string& out, int days) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const int doe = days - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  char buf[11];
  buf[0] = static_cast<char>('0' + y / 1000 % 10);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  buf[10] = '"';
  out += '"';
  out.append(buf, 11);
}

const char* ordinal_suffix(unsigned n) {
  if (n % 100 >= 11 && n % 100 <= 13) return "th";
  switch (n % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

void append_street(std::string& out, Rng& r) {
  out += "\"streetAddress\":\"";
  append_int(out, 100 + r.below(19900));
  out += ' ';
  if (r.percent(40)) {
    append_escaped(out, pick(r, kNamedStreets));
  } else {
    out += pick(r, kQuadrants);
    out += ' ';
    const unsigned n = 1 + r.below(200);
    append_int(out, n);
    out += ordinal_suffix(n);
    out += ' ';
    out += pick(r, kStreetTypes);
  }
  if (r.percent(25)) {
    out += ", Suite ";
    append_int(out, 100 + r.below(400));
  }
  out += '"';
}

void append_employment_type(std::string& out, Rng& r, const Occupation& occ) {
  out += "\"employmentType\":";
  if (std::strstr(occ.en, "Intern") != nullptr) {
    out += "\"INTERN\"";
    return;
  }
  const std::uint32_t roll = r.below(100);
  if (roll < 55) {
    out += "\"FULL_TIME\"";
  } else if (roll < 74) {
    out += "\"PART_TIME\"";
  } else if (roll < 82) {
    out += "\"TEMPORARY\"";
  } else if (roll < 89) {
    out += "\"CONTRACTOR\"";
  } else if (roll < 92) {
    out += "\"INTERN\"";
  } else if (roll < 97) {
    out += "[\"FULL_TIME\",\"PART_TIME\"]";
  } else {
    out += "[\"TEMPORARY\",\"CONTRACTOR\"]";
  }
}

void append_salary(std::string& out, Rng& r, const Occupation& occ) {
  out +=
      "\"baseSalary\":{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\",\"value\":{"
      "\"@type\":\"QuantitativeValue\",";
  const bool single = r.percent(25);
  if (occ.hourly) {
    const std::uint32_t span = static_cast<std::uint32_t>(occ.hi - occ.lo) * 100;  // cents
    const long long lo = (occ.lo * 100 + r.below(span / 2 + 1)) / 25 * 25;
    const long long hi = (lo + 100 + r.below(span / 2 + 1)) / 25 * 25;
    if (single) {
      out += "\"value\":";
      append_fixed(out, lo, 2);
    } else {
      out += "\"minValue\":";
      append_fixed(out, lo, 2);
      out += ",\"maxValue\":";
      append_fixed(out, hi, 2);
    }
    out += ",\"unitText\":\"HOUR\"}}";
  } else {
    const std::uint32_t span = static_cast<std::uint32_t>(occ.hi - occ.lo) * 1000;  // dollars
    const long long lo = (occ.lo * 1000LL + r.below(span / 2 + 1)) / 500 * 500;
    const long long hi = (lo + 2000 + r.below(span / 2 + 1)) / 500 * 500;
    if (single) {
      out += "\"value\":";
      append_int(out, lo);
    } else {
      out += "\"minValue\":";
      append_int(out, lo);
      out += ",\"maxValue\":";
      append_int(out, hi);
    }
    out += ",\"unitText\":\"YEAR\"}}";
  }
}

void append_location(std::string& out, Rng& r, const City& city) {
  std::size_t zips = 0;
  while (zips < city.zips.size() && city.zips[zips] != nullptr) ++zips;
  out += "\"jobLocation\":{\"@type\":\"Place\",\"address\":{\"@type\":\"PostalAddress\",";
  append_street(out, r);
  out += ",\"addressLocality\":";
  append_string(out, city.name);
  out += ",\"addressRegion\":\"FL\",\"postalCode\":\"";
  out += city.zips[r.below(static_cast<std::uint32_t>(zips))];
  out += "\",\"addressCountry\":\"US\"},\"geo\":{\"@type\":\"GeoCoordinates\",\"latitude\":";
  append_fixed(out, city.lat_micro + static_cast<int>(r.below(30001)) - 15000, 6);
  out += ",\"longitude\":";
  append_fixed(out, city.lon_micro + static_cast<int>(r.below(30001)) - 15000, 6);
  out += "}}";
}

void append_description(std::string& out, std::string& scratch, Rng& r, const Occupation& occ,
                        bool spanish, std::string_view org, std::string_view title,
                        std::string_view city) {
  const int total = 3 + static_cast<int>(r.below(4));  // 3..6 sentences
  const int duties = std::min(total - 1, 1 + static_cast<int>(r.below(2)));
  int extras = total - 1 - duties;
  const bool closing = extras > 0 && r.percent(50);
  if (closing) --extras;
  const bool html = r.percent(30);
  const bool paragraphs = !html && r.percent(30);

  scratch.clear();
  auto sentence = [&](const char* fragment) { expand(scratch, fragment, org, title, city); };
  if (html) scratch += "<p>";
  sentence(spanish ? pick(r, kIntroEs) : pick(r, kIntroEn));
  const std::uint32_t duty_count = spanish ? 4 : 5;
  const std::uint32_t duty_start = r.below(duty_count);
  for (int i = 0; i < duties; ++i) {
    const std::uint32_t k = (duty_start + static_cast<std::uint32_t>(i)) % duty_count;
    scratch += ' ';
    sentence(spanish ? kDutiesEs[occ.industry][k] : kDutiesEn[occ.industry][k]);
  }
  if (html) {
    scratch += "</p>";
  }
  if (extras > 0) {
    const std::uint32_t n = spanish ? kExtrasEs.size() : kExtrasEn.size();
    const std::uint32_t start = r.below(n);
    const std::uint32_t step = 1 + r.below(3);  // at most 4 picks stay distinct for n = 10 or 13
    if (html) scratch += "<ul>";
    if (paragraphs) scratch += "\n\n";
    for (int i = 0; i < extras; ++i) {
      const std::uint32_t k = (start + step * static_cast<std::uint32_t>(i)) % n;
      if (html) {
        scratch += "<li>";
      } else if (!paragraphs || i > 0) {
        scratch += ' ';
      }
      sentence(spanish ? kExtrasEs[k] : kExtrasEn[k]);
      if (html) scratch += "</li>";
    }
    if (html) scratch += "</ul>";
  }
  if (closing) {
    scratch += html ? "<p>" : " ";
    sentence(spanish ? pick(r, kClosingEs) : pick(r, kClosingEn));
    if (html) scratch += "</p>";
  }
  out += "\"description\":";
  append_string(out, scratch);
}

void append_job(std::string& out, std::string& scratch, std::size_t n, std::uint32_t seed) {
  Rng r{job_seed(seed, n)};
  const Occupation& occ = kOccupations[r.below(kOccupations.size())];
  const bool spanish = r.percent(20);
  const char* title = spanish ? occ.es : occ.en;
  const std::string& org =
      employers()[occ.industry * kEmployersPerIndustry + r.below(kEmployersPerIndustry)];
  const City& city = kCities[r.below(kCities.size())];
  const bool remote = r.percent(kRemotePercent[occ.industry]);

  out += "{\"@type\":\"JobPosting\",\"title\":";
  append_string(out, title);
  out += ',';
  append_description(out, scratch, r, occ, spanish, org, title, city.name);

  out += ",\"identifier\":{\"@type\":\"PropertyValue\",\"name\":\"bench\",\"value\":\"bench-";
  append_int(out, n);
  out += "\"},\"url\":\"https://example.org/bench/";
  append_int(out, n);
  out += '"';

  static const int kLastDay = days_from_civil(2026, 11, 20);
  static const int kJan2027 = days_from_civil(2027, 1, 1);
  const int posted = kLastDay - static_cast<int>(r.below(90));
  out += ",\"datePosted\":";
  append_date(out, posted);
  out += ",\"validThrough\":";
  append_date(out, r.percent(85) ? kJan2027 + static_cast<int>(r.below(181))
                                 : posted + 14 + static_cast<int>(r.below(27)));
  out += ',';
  append_employment_type(out, r, occ);

  out += ",\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":";
  append_string(out, org);
  out += "},\"industry\":";
  append_string(out, kIndustries[occ.industry]);

  out += ",\"skills\":[";
  const std::uint32_t skill_count = 2 + r.below(4);  // 2..5
  const std::uint32_t pool = spanish ? 8 : 14;
  const std::uint32_t skill_start = r.below(pool);
  for (std::uint32_t i = 0; i < skill_count; ++i) {
    if (i) out += ',';
    const std::uint32_t k = (skill_start + i * 3) % pool;  // distinct for these pool sizes
    append_string(out, spanish ? kSkillsEs[occ.industry][k] : kSkillsEn[occ.industry][k]);
  }
  out += ']';

  Education education = occ.education;
  if (r.percent(15)) education = education == kBachelor ? kHighSchool : kNone;
  out +=
      ",\"educationRequirements\":{\"@type\":\"EducationalOccupationalCredential\","
      "\"credentialCategory\":\"";
  out += kEducation[education];
  out += "\"},";
  append_salary(out, r, occ);

  if (remote) {
    out +=
        ",\"jobLocationType\":\"TELECOMMUTE\",\"applicantLocationRequirements\":{"
        "\"@type\":\"State\",\"name\":\"Florida\"}";
    if (r.percent(50)) {  // hybrid: also has an office
      out += ',';
      append_location(out, r, city);
    }
  } else {
    out += ',';
    append_location(out, r, city);
  }
  out += '}';
}

}  // namespace

std::string generate_jobposting_feed(std::size_t count, std::uint32_t seed) {
  std::string out;
  out.reserve(256 + count * 1700);
  std::string scratch;
  scratch.reserve(2048);
  out += "{\"@context\":\"https://schema.org\",\"@graph\":[";
  for (std::size_t n = 0; n < count; ++n) {
    out += n ? ",\n" : "\n";
    append_job(out, scratch, n, seed);
  }
  out += "\n]}\n";
  return out;
}

std::vector<std::string> benchmark_queries() {
  return {
      // one word
      "nurse",
      "electrician",
      "plumber",
      "welder",
      "developer",
      "cook",
      "server",
      "bartender",
      "solar",
      "accountant",
      "paralegal",
      "technician",
      "assistant",
      "miami",
      "hialeah",
      // two or three words
      "medical assistant",
      "registered nurse",
      "line cook miami",
      "software developer",
      "solar panel installer",
      "hvac technician",
      "front desk agent",
      "data analyst",
      "customer service representative",
      "construction laborer hialeah",
      "home health aide",
      "part time",
      "maintenance technician doral",
      // short prefixes
      "n",
      "te",
      "ele",
      "enf",
      "so",
      "ca",
      "pl",
      "dev",
      "hos",
      "ma",
      // Spanish, with and without accents
      "enfermera",
      "técnico",
      "tecnico",
      "cocinero",
      "electricista",
      "plomero",
      "mesero",
      "asistente médico",
      "asistente medico",
      "soldador",
      "contador",
      "recepcionista",
      "técnico de mantenimiento",
      // all caps and mixed case
      "ENFERMERA",
      "NURSE",
      "ELECTRICIAN",
      "TÉCNICO",
      "HVAC",
      "Line Cook",
      "Medical Assistant",
      // nothing matches
      "astronaut",
      "zookeeper",
      "xqzvw",
      "quantum blacksmith",
      "submarine captain",
  };
}

bool write_benchmark_feed(const std::filesystem::path& file, std::size_t count) {
  if (const pid_t child = fork(); child == 0) {
    std::ofstream out(file, std::ios::binary);
    out << generate_jobposting_feed(count, 20261121);
    out.close();
    _exit(out ? 0 : 1);
  } else if (child > 0) {
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  return false;
}

}  // namespace kiosk::bench
