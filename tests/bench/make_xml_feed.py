#!/usr/bin/env python3
"""A deterministic Indeed/ZipRecruiter-style XML job feed for the import benchmark.

    make_xml_feed.py OUT.xml [--mb 100] [--seed 20261207] [--paragraphs 24]

Writes <source><job>…</job>…</source> until the file holds about --mb megabytes: Miami-Dade
jobs across the kiosk's six industries, a fifth of them in Spanish, with the fields job boards
write (title, date in ISO 8601 or RFC 822, referencenumber, url, company, city, state,
postalcode, country, streetaddress, salary as free text, jobtype, category, remotetype,
expirationdate, education, experience) and HTML descriptions in CDATA (about 1 to 5 KB each; 3 to
--paragraphs paragraphs, 24 unless told: fewer make more, smaller jobs a megabyte). The same
arguments always give the same bytes (Python's own PRNG, seeded; no clock, no environment).
Standard library only.
"""
import argparse
import random
import sys

OCCUPATIONS = [
    # title (en), title (es), category, hourly?, low, high (dollars an hour or thousands a year)
    ("Registered Nurse", "Enfermera registrada", "Healthcare", True, 36, 52),
    ("Certified Nursing Assistant", "Asistente de enfermería certificado", "Healthcare", True, 16, 20),
    ("Medical Assistant", "Asistente médico", "Healthcare", True, 17, 22),
    ("Home Health Aide", "Auxiliar de salud en el hogar", "Healthcare", True, 15, 18),
    ("Pharmacy Technician", "Técnico de farmacia", "Healthcare", True, 17, 22),
    ("Phlebotomist", "Flebotomista", "Healthcare", True, 17, 22),
    ("Software Developer", "Desarrollador de software", "Information Technology", False, 85, 140),
    ("IT Support Specialist", "Especialista de soporte técnico", "Information Technology", True, 22, 32),
    ("Data Analyst", "Analista de datos", "Information Technology", False, 60, 95),
    ("Electrician", "Electricista", "Construction/Skilled Trade", True, 24, 38),
    ("Electrician Apprentice", "Aprendiz de electricista", "Construction/Skilled Trade", True, 16, 20),
    ("HVAC Technician", "Técnico de aire acondicionado", "Construction/Skilled Trade", True, 22, 34),
    ("Carpenter", "Carpintero", "Construction/Skilled Trade", True, 20, 30),
    ("Plumber", "Plomero", "Construction/Skilled Trade", True, 22, 36),
    ("Line Cook", "Cocinero de línea", "Restaurant - Food Service", True, 15, 19),
    ("Server", "Mesero", "Restaurant - Food Service", True, 10, 14),
    ("Hotel Front Desk Agent", "Recepcionista de hotel", "Hospitality", True, 15, 18),
    ("Housekeeper", "Camarera de hotel", "Hospitality", True, 15, 17),
    ("Solar Panel Installer", "Instalador de paneles solares", "Renewable Energy", True, 19, 28),
    ("Energy Auditor", "Auditor de energía", "Renewable Energy", False, 50, 70),
    ("Bookkeeper", "Tenedor de libros", "Accounting/Finance", True, 19, 26),
    ("Administrative Assistant", "Asistente administrativo", "Administrative", True, 16, 22),
    ("Customer Service Representative", "Representante de servicio al cliente", "Customer Service", True, 15, 19),
    ("Paralegal", "Asistente legal", "Legal", False, 48, 65),
    ("Warehouse Associate", "Asociado de almacén", "Warehouse", True, 16, 19),
    ("Cashier", "Cajero", "Retail", True, 15, 16),
]

EMPLOYERS = [
    "Bayfront Health Partners", "Coral Way Clinic", "Biscayne Software Group", "Hialeah Builders",
    "Doral Logistics", "Little Havana Kitchen", "Key Biscayne Resort", "Sunshine Solar Co.",
    "Brickell Accounting LLC", "Westchester Family Care", "Kendall Electric", "Miami Lakes HVAC",
    "Homestead Growers", "Opa-locka Freight", "Wynwood Digital", "Coconut Grove Legal Aid",
]

PLACES = [  # city, state as feeds write it, postal code
    ("Miami", "FL", "33130"), ("Hialeah", "Florida", "33012"), ("Doral", "FL", "33172"),
    ("Homestead", "FL", "33030"), ("Miami Beach", "FL", "33139"), ("Kendall", "florida", "33176"),
    ("Miami Gardens", "FL", "33056"), ("Coral Gables", "FL", "33134"), ("Aventura", "FL", "33180"),
    ("North Miami", "Florida", "33161"),
]

STREETS = ["NW 7th St", "SW 8th St", "Biscayne Blvd", "Flagler St", "Coral Way", "NW 36th St",
           "Collins Ave", "Bird Rd", "Kendall Dr", "Palm Ave"]

JOBTYPES = ["fulltime", "Full-time", "parttime", "Part-time", "Full-time, Part-time", "contract",
            "temporary", "internship", "Per diem"]
REMOTE = ["", "", "", "", "", "Fully remote", "Hybrid remote", "no"]
EDUCATION = ["High school diploma or GED", "No requirements", "Associate degree",
             "Bachelor's degree", "Certificate program"]
EXPERIENCE = ["Entry level", "1+ years", "2+ years", "6 months", "3-5 years", "No experience required"]

EN_PARAGRAPHS = [
    "Join a team that serves families across Miami-Dade County every day of the year.",
    "You will work with patients, customers and coworkers who speak English and Spanish.",
    "We offer paid training, health insurance after 60 days, and a clear path to promotion.",
    "Shifts include mornings, evenings and some weekends; schedules are posted two weeks ahead.",
    "You will follow safety rules, keep accurate records, and help keep the workplace clean.",
    "Our company has served South Florida since 1998 and hires from the neighborhoods it serves.",
    "Reliable transportation is helpful; the site is near a Metrobus stop and free parking is available.",
    "We are an equal opportunity employer and welcome applicants of every background.",
]
ES_PARAGRAPHS = [
    "Únase a un equipo que sirve a las familias del condado de Miami-Dade todos los días.",
    "Trabajará con pacientes, clientes y compañeros que hablan inglés y español.",
    "Ofrecemos entrenamiento pagado, seguro médico después de 60 días y oportunidades de ascenso.",
    "Los turnos incluyen mañanas, tardes y algunos fines de semana.",
    "Seguirá las reglas de seguridad y mantendrá registros exactos.",
    "Nuestra empresa sirve al sur de la Florida desde 1998.",
]
EN_DUTIES = ["Greet and help customers", "Keep records up to date", "Follow safety procedures",
             "Work as part of a team", "Use a computer and a phone", "Lift up to 25 pounds",
             "Train new coworkers", "Report problems to a supervisor"]
ES_DUTIES = ["Atender a los clientes", "Mantener los registros al día", "Seguir las normas de seguridad",
             "Trabajar en equipo", "Usar computadora y teléfono", "Levantar hasta 25 libras"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def description(rng, spanish, title, employer, paragraphs_max):
    paragraphs = ES_PARAGRAPHS if spanish else EN_PARAGRAPHS
    duties = ES_DUTIES if spanish else EN_DUTIES
    parts = [f"<h2>{'Sobre el puesto' if spanish else 'About the job'}</h2>",
             f"<p><strong>{employer}</strong> {'busca' if spanish else 'is hiring a'} {title}.</p>"]
    for _ in range(rng.randint(3, paragraphs_max)):
        parts.append(f"<p>{rng.choice(paragraphs)} {rng.choice(paragraphs)}</p>")
        if rng.random() < 0.3:
            items = "".join(f"<li>{d}</li>" for d in rng.sample(duties, 4))
            parts.append(f"<ul>{items}</ul>")
    parts.append("<p>Apply today &amp; start soon!</p>" if not spanish else
                 "<p>¡Aplique hoy &amp; empiece pronto!</p>")
    return "".join(parts)


def salary(rng, hourly, low, high):
    if hourly:
        lo = rng.randint(low, high)
        hi = lo + rng.randint(1, 4)
        return rng.choice([f"${lo} - ${hi} per hour", f"${lo}.50/hr", f"Up to ${hi} an hour",
                           f"${lo} - ${hi} hourly", ""])
    lo = rng.randint(low, high) * 1000
    return rng.choice([f"${lo:,}/year", f"${lo // 1000}K - ${lo // 1000 + 10}K a year",
                       f"${lo:,} - ${lo + 15000:,} annually", "Competitive salary"])


def date_text(rng, day):
    hh, mm, ss = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    year, month, mday = 2026, 1 + day // 28, 1 + day % 28
    if rng.random() < 0.5:
        return f"{year}-{month:02d}-{mday:02d}T{hh:02d}:{mm:02d}:{ss:02d}"
    weekday = DAYS[(day * 3) % 7]
    return f"{weekday}, {mday:02d} {MONTHS[month - 1]} {year} {hh:02d}:{mm:02d}:{ss:02d} EST"


def job(rng, n, paragraphs_max):
    title_en, title_es, category, hourly, low, high = rng.choice(OCCUPATIONS)
    spanish = rng.random() < 0.2
    title = title_es if spanish else title_en
    employer = rng.choice(EMPLOYERS)
    city, state, postal = rng.choice(PLACES)
    day = rng.randint(0, 300)
    fields = [
        ("title", title),
        ("date", date_text(rng, day)),
        ("referencenumber", f"BENCH-{n:07d}"),
        ("url", f"https://jobs.example.org/apply/{n}?source=feed&lang={'es' if spanish else 'en'}"),
        ("company", employer),
        ("city", city),
        ("state", state),
        ("country", "US"),
        ("postalcode", postal),
        ("streetaddress", f"{rng.randint(100, 19999)} {rng.choice(STREETS)}"),
        ("description", description(rng, spanish, title, employer, paragraphs_max)),
        ("salary", salary(rng, hourly, low, high)),
        ("education", rng.choice(EDUCATION)),
        ("jobtype", rng.choice(JOBTYPES)),
        ("category", category),
        ("experience", rng.choice(EXPERIENCE)),
        ("remotetype", rng.choice(REMOTE)),
        ("expirationdate", f"2027-{1 + day % 12:02d}-{1 + day % 28:02d}"),
    ]
    if spanish:
        fields.append(("language", "es"))
    return "<job>\n" + "".join(f"<{name}><![CDATA[{value}]]></{name}>\n"
                               for name, value in fields) + "</job>\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--paragraphs", type=int, default=24)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    target = int(args.mb * 1024 * 1024)
    size = 0
    count = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n<source>\n'
                "<publisher>Benchmark Board</publisher>\n"
                "<publisherurl>https://jobs.example.org</publisherurl>\n"
                "<lastBuildDate>Mon, 07 Dec 2026 08:00:00 GMT</lastBuildDate>\n")
        out.write(head)
        size += len(head.encode())
        while size < target:
            text = job(rng, count, max(3, args.paragraphs))
            out.write(text)
            size += len(text.encode())
            count += 1
        out.write("</source>\n")
    print(f"{count} jobs, {size // (1024 * 1024)} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
