#include "kiosk/faq/words.h"

#include <algorithm>
#include <array>

namespace kiosk::faq {
namespace {

// [SECTION] Synonyms: what residents call the same thing, in either language. Keep phrases
// short and specific: a word here pulls every answer holding any of its partners.
constexpr std::array kSynonyms = {
    Synonyms{
        "internship|intern|work experience|sprint internship|sprinternship",
        "pasantía|pasante|práctica profesional|prácticas profesionales|experiencia de trabajo"},
    Synonyms{"apprenticeship|apprentice", "aprendizaje|aprendiz|programa de aprendiz"},
    Synonyms{"pre-apprenticeship|preapprenticeship|pre apprenticeship",
             "preaprendizaje|pre-aprendizaje|pre aprendizaje"},
    Synonyms{"degree|college degree|diploma|bachelor|university degree",
             "título|titulo universitario|diploma|licenciatura|carrera universitaria"},
    Synonyms{
        "no degree|without degree|without a degree|without a college degree|"
        "no college degree|do not have a degree|don't have a degree|no diploma|no degree needed|"
        "not ask for a degree|not ask for a college degree|not need a degree|"
        "not need a college degree",
        "sin título|sin titulo universitario|sin diploma|sin carrera|sin licenciatura|"
        "no tengo título|sin estudios universitarios|no piden título|no pide título|"
        "no necesita título|no hace falta título"},
    Synonyms{"part-time|part time|parttime|few hours|half time",
             "medio tiempo|tiempo parcial|medio turno|pocas horas"},
    Synonyms{"full-time|full time", "tiempo completo|jornada completa"},
    Synonyms{"get into|join|enroll|sign up for|start a|get started",
             "entrar a|entro a|inscribirme en|apuntarme|empezar un|empezar una"},
    Synonyms{"ojt|on-the-job training|on the job training|training on the job|learn on the job",
             "ojt|capacitación en el trabajo|entrenamiento en el trabajo|aprender trabajando"},
    Synonyms{"résumé|resume|cv|curriculum", "currículum|curriculum|hoja de vida|cv|currículo"},
    Synonyms{"job|work|employment|position|opening", "empleo|trabajo|puesto|chamba|vacante"},
    Synonyms{"training|class|course|classes|upskilling|upskill|learn new skills",
             "capacitación|entrenamiento|curso|clase|clases|formación"},
    Synonyms{"skill|skills", "destreza|habilidad|habilidades|destrezas"},
    Synonyms{"career|careers|career path|pathway", "carrera|carreras|trayectoria"},
    Synonyms{"employer|business|company|hire workers|hiring manager",
             "empleador|empresa|negocio|contratar personal|patrón|patron"},
    Synonyms{"post a job|post jobs|job posting|list a job",
             "publicar empleo|publicar un empleo|publicar vacante|anunciar empleo"},
    Synonyms{"account|profile|sign up|register|signup",
             "cuenta|perfil|registrarme|inscribirme|registro"},
    Synonyms{"password|log in|login|sign in", "contraseña|clave|iniciar sesión|entrar a mi cuenta"},
    Synonyms{"alert|alerts|notification|notifications", "alerta|alertas|aviso|avisos|notificación"},
    Synonyms{"interview", "entrevista"},
    Synonyms{"child care|childcare|daycare|day care|babysitting",
             "cuidado de niños|guardería|guarderia|niñera"},
    Synonyms{"bus|transportation|bus fare|gas card|ride|transit",
             "autobús|bus|guagua|transporte|pasaje|tarjeta de gasolina"},
    Synonyms{"computer|laptop|internet|wifi|hotspot",
             "computadora|laptop|internet|wifi|ordenador|computador"},
    Synonyms{"event|hiring fair|job fair|career fair|workshop",
             "evento|feria de empleo|feria de trabajo|feria de carreras|taller"},
    Synonyms{"pay|paid|wage|wages|salary|money|earn", "pago|pagan|sueldo|salario|dinero|ganar"},
    Synonyms{"free|no cost|at no cost", "gratis|gratuito|sin costo"},
    Synonyms{"partner|partners|partnership|sponsor", "aliado|aliados|socio|alianza|patrocinar"},
    Synonyms{"volunteer|get involved|mentor", "voluntario|voluntaria|involucrarme|mentor|mentora"},
    Synonyms{"diversity|inclusion|equity|underrepresented|discrimination",
             "diversidad|inclusión|equidad|discriminación|subrepresentados"},
    Synonyms{"disability|disabilities|disabled", "discapacidad|discapacidades"},
    Synonyms{"veteran|veterans|military", "veterano|veteranos|militar"},
    Synonyms{"woman|women", "mujer|mujeres"},
    Synonyms{"spanish|english|language|bilingual", "español|inglés|idioma|bilingüe"},
    Synonyms{"kiosk|screen|this machine|touch screen", "quiosco|kiosco|pantalla|esta máquina"},
    Synonyms{"private|privacy|my information|my data|personal information",
             "privado|privacidad|mi información|mis datos|información personal"},
    Synonyms{"print|printer|paper", "imprimir|impresora|papel"},
    Synonyms{"staff|person|librarian|someone|human",
             "personal de la biblioteca|bibliotecario|bibliotecaria|alguien|una persona"},
    Synonyms{"wioa|workforce innovation", "wioa"},
    Synonyms{"taa|trade adjustment|job moved overseas|lost my job|laid off",
             "taa|asistencia por ajuste comercial|perdí mi trabajo|me despidieron|despido"},
    Synonyms{"from home|remote|work from home|telework|online job",
             "desde casa|remoto|trabajar desde casa|teletrabajo|a distancia"},
    Synonyms{"health care|healthcare|medical|nurse|hospital",
             "salud|cuidado de la salud|médico|enfermera|enfermero|hospital"},
    Synonyms{"technology|tech|software|information technology", "tecnología|informática|software"},
    Synonyms{"construction|skilled trades|trade|trades|electrician|plumber",
             "construcción|oficios|oficio|electricista|plomero"},
    Synonyms{"hospitality|tourism|hotel|restaurant", "hotelería|turismo|hotel|restaurante"},
    Synonyms{"clean energy|solar|renewable energy|green jobs",
             "energía limpia|solar|energía renovable|empleos verdes"},
    Synonyms{"scholarship|financial aid|pay for training|tuition",
             "beca|ayuda financiera|pagar la capacitación|matrícula"},
    Synonyms{"wraparound services|support services|help with barriers",
             "servicios de apoyo|servicios integrales|ayuda con obstáculos"},
};

// [SECTION] Stop words: sorted, folded (no accents), so a binary search finds them.
constexpr std::array<std::string_view, 86> kStopEn = {
    "a",    "about", "after", "all",     "am",     "an",   "and",    "any",   "are",   "as",
    "at",   "be",    "been",  "but",     "by",     "can",  "could",  "do",    "does",  "doing",
    "for",  "from",  "get",   "getting", "go",     "has",  "have",   "he",    "her",   "here",
    "him",  "his",   "how",   "i",       "if",     "im",   "in",     "into",  "is",    "it",
    "its",  "just",  "may",   "me",      "more",   "my",   "need",   "no",    "not",   "now",
    "of",   "on",    "or",    "our",     "please", "she",  "should", "so",    "some",  "than",
    "that", "the",   "their", "them",    "there",  "they", "this",   "to",    "too",   "up",
    "us",   "want",  "was",   "we",      "were",   "what", "when",   "where", "which", "who",
    "why",  "will",  "with",  "without", "would",  "you",
};
constexpr std::array<std::string_view, 88> kStopEs = {
    "a",     "al",     "algo",     "algun",   "alguna", "alguno", "busco", "como",    "con",
    "cual",  "cuando", "cuanto",   "de",      "del",    "donde",  "el",    "ella",    "ellos",
    "en",    "entre",  "era",      "es",      "esa",    "ese",    "eso",   "esta",    "estan",
    "este",  "esto",   "estoy",    "fue",     "ha",     "hacer",  "hago",  "hay",     "he",
    "la",    "las",    "le",       "les",     "lo",     "los",    "mas",   "me",      "mi",
    "mis",   "muy",    "necesito", "ni",      "no",     "nos",    "o",     "para",    "pero",
    "poder", "por",    "porque",   "puede",   "puedo",  "que",    "quien", "quiero",  "se",
    "si",    "sin",    "sobre",    "son",     "soy",    "su",     "sus",   "tambien", "tener",
    "tengo", "tiene",  "toda",     "todo",    "todos",  "tu",     "tus",   "un",      "una",
    "uno",   "unos",   "usted",    "ustedes", "y",      "ya",     "yo",
};

static_assert(std::is_sorted(kStopEn.begin(), kStopEn.end()));
static_assert(std::is_sorted(kStopEs.begin(), kStopEs.end()));

bool sorted_contains(std::span<const std::string_view> words, std::string_view w) {
  return std::binary_search(words.begin(), words.end(), w);
}

}  // namespace

std::span<const Synonyms> synonym_table() {
  return kSynonyms;
}

bool is_stop_word_en(std::string_view folded) {
  return sorted_contains(kStopEn, folded);
}
bool is_stop_word_es(std::string_view folded) {
  return sorted_contains(kStopEs, folded);
}

}  // namespace kiosk::faq
