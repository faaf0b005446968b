#!/usr/bin/env python3
"""Make the kiosk's bilingual occupation vocabulary (assets/vocabulary/occupations.json).

    make_vocabulary.py --onet DIR --esco DIR --glossary FILE --out FILE

DIR for --onet holds O*NET 29.2's tab-separated text files ("Occupation Data.txt", "Alternate
Titles.txt", "Sample of Reported Titles.txt", "Job Zones.txt"); DIR for --esco holds ESCO's
occupations_en-us.csv and occupations_es.csv; FILE for --glossary is tools/vocabulary/glossary.tsv.
Python 3 standard library only. The same inputs make the same bytes (sorted, no timestamps).

How the sources are joined (there is no ESCO–O*NET crosswalk to use):
  * ESCO Spanish joins ESCO English by conceptUri.
  * ESCO English preferred labels (and alternative labels, when the export has them) join
    O*NET-SOC occupations through titles: both sides are normalised (lower case, accents folded,
    parentheses dropped, every word singular) and compared with O*NET's titles, reported titles,
    alternate titles and short titles. A join is kept only when the ESCO concept's ISCO major
    group is consistent with the SOC major group of the O*NET code (ISCO_TO_SOC below); among
    the candidates the closest kind of title wins, then the stronger ISCO ↔ SOC pairing. A
    concept still tied between more than three codes, or joined to none, is left out.
  * The glossary adds everyday words (Miami Spanish and English) and plain display names.
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata

FORMAT = 1
MAX_SEARCH = 3          # phrases a language in `search`
MAX_SEARCH_WORDS = 3
MAX_SEARCH_SHARE = 3    # occupations a `search` phrase may be in
MAX_TITLES = 30         # phrases a language in `titles`
MAX_TITLE_WORDS = 5
MAX_TITLE_SHARE = 3     # a `titles` phrase naming more occupations is ambiguous (unless glossary)
CODE_RE = re.compile(r"^\d\d-\d{4}\.\d\d$")
LANGS = ("en", "es")

SOURCES = [
    {"name": "O*NET 29.2 Database",
     "licence": "CC BY 4.0",
     "credit": "This product includes information from the O*NET 29.2 Database by the U.S. "
               "Department of Labor, Employment and Training Administration (USDOL/ETA). Used "
               "under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Workforce Kiosk "
               "has modified all or some of this information: titles were lower-cased, made "
               "singular, shortened and joined to ESCO's Spanish labels and to the kiosk's "
               "glossary. USDOL/ETA has not approved, endorsed, or tested these modifications."},
    {"name": "ESCO (European Skills, Competences, Qualifications and Occupations)",
     "licence": "© European Union, reused under Commission Decision 2011/833/EU",
     "credit": "Contains occupation labels from the ESCO classification of the European "
               "Commission (© European Union). Workforce Kiosk modified them: English and "
               "Spanish labels were joined to O*NET-SOC occupations through their titles and "
               "ISCO groups, split into masculine and feminine forms, and filtered. The European "
               "Commission is not responsible for these changes or for this product."},
    {"name": "Workforce Kiosk glossary",
     "licence": "written for Workforce Kiosk; free to reuse",
     "credit": "Everyday Miami-Dade job words in Spanish and English and plain display names, "
               "written for Workforce Kiosk (tools/vocabulary/glossary.tsv)."},
]

# ISCO-08 major group (first digit of ESCO's iscoGroup) → SOC 2018 major groups it may join,
# with a strength: 2 = the usual home of those jobs, 1 = plausible (e.g. ISCO 6 gardeners are
# SOC 37 groundskeepers). A pair not listed is rejected.
ISCO_TO_SOC = {
    "0": {"55": 2, "33": 1},
    "1": {"11": 2, "13": 1, "41": 1, "43": 1},
    "2": {"13": 2, "15": 2, "17": 2, "19": 2, "21": 2, "23": 2, "25": 2, "27": 2, "29": 2,
          "11": 1, "41": 1, "53": 1},
    "3": {"13": 2, "15": 2, "17": 2, "19": 2, "23": 2, "27": 2, "29": 2, "41": 2, "43": 2,
          "21": 1, "25": 1, "31": 1, "33": 1, "35": 1, "39": 1, "45": 1, "47": 1, "49": 1,
          "51": 1, "53": 1, "11": 1},
    "4": {"43": 2, "41": 1, "13": 1, "53": 1, "39": 1},
    "5": {"35": 2, "39": 2, "41": 2, "33": 2, "31": 2, "37": 1, "25": 1, "43": 1, "53": 1,
          "29": 1},
    "6": {"45": 2, "37": 1, "11": 1},
    "7": {"47": 2, "49": 2, "51": 2, "27": 1, "35": 1, "45": 1, "53": 1},
    "8": {"51": 2, "53": 2, "47": 1, "49": 1, "45": 1},
    "9": {"37": 2, "35": 2, "53": 2, "47": 2, "45": 2, "41": 1, "39": 1, "51": 1, "43": 1},
}

# Joins that the titles and ISCO groups allow but that mean another job (ESCO label, code).
REJECT = {
    ("escort", "39-7011.00"),   # ESCO's paid companion (ISCO 5169), not a tour escort
}

# Words too common in titles to show that two titles name the same job.
GENERIC = {"operator", "worker", "machine", "setter", "tender", "technician", "specialist",
           "assistant", "helper", "clerk", "and", "of", "the", "in", "for", "or", "equipment",
           "manager", "supervisor", "agent", "officer", "installer", "repairer", "attendant"}

# Title kinds, closest first (the rank of a join). A join through the label's last words only
# ('general veterinarian' → 'veterinarian') ranks RANK_TAIL + the kind of title it met.
RANK_TITLE, RANK_REPORTED, RANK_ALTERNATE, RANK_SHORT, RANK_TAIL = 0, 1, 2, 3, 4

# Words ending in "s" that are not plurals (or stay plural in a job title).
NOT_PLURAL = {
    "sales", "goods", "products", "services", "systems", "operations", "materials", "arts",
    "sciences", "affairs", "relations", "works", "electronics", "mathematics", "physics",
    "athletics", "logistics", "statistics", "economics", "news", "glass", "gas", "bus", "chassis",
    "series", "species", "analysis", "diagnosis", "prosthetics", "orthotics", "aesthetics",
    "genetics", "graphics", "robotics", "mechatronics", "optics", "acoustics", "linguistics",
    "politics", "ethics", "biostatistics", "informatics", "geographics", "forensics", "wellness",
    "business", "fitness", "nurses'", "dynamics", "textiles", "lens", "canvas", "plus", "status",
    "campus", "census", "process", "express", "access", "address", "press", "gross", "boss",
    "this", "various", "gambling", "does", "is", "has", "was", "as", "us", "its",
}


def fold(text):
    """Lower case without accents: the kiosk compares phrases this way."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


IRREGULAR = {"midwives": "midwife", "wives": "wife", "knives": "knife", "shelves": "shelf",
             "people": "person", "children": "child", "women": "woman", "men": "man"}


def singular_word(word):
    """English singular of one lower-case word (rules good enough for job titles)."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or word in NOT_PLURAL or not word.endswith("s"):
        if word.endswith("men") and len(word) > 4 and word not in ("specimen", "abdomen"):
            return word[:-3] + "man"
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ous")):
        return word
    return word[:-1]


def drop_parentheses(text):
    """'CEO (Chief Executive Officer)' → 'Chief Executive Officer' (an abbreviation spelled out);
    'Server (Restaurant)' → 'Server'."""
    m = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*(.*?)\s*", text)
    if m:
        before, inside, after = m.groups()
        outside = re.sub(r"\s+", " ", f"{before} {after}").strip()
        acronyms = re.findall(r"\b[A-Z]{2,}\b", outside)
        if acronyms and len(inside.split()) >= 2 and not re.search(r"\b[A-Z]{2,}\b", inside):
            # 'Staff RN (Staff Registered Nurse)': the inside spells the whole title out…
            rest = [w.lower() for w in outside.split() if w not in acronyms]
            if all(w in inside.lower().split() for w in rest):
                return inside.strip()
            # …or just the abbreviation: 'ER RN (Registered Nurse)' → 'ER Registered Nurse'.
            if len(acronyms) == 1:
                return outside.replace(acronyms[0], inside.strip(), 1)
        return outside
    return re.sub(r"\s*\([^()]*\)\s*", " ", text).strip()


def key(text):
    """The join key of a title: folded, no parentheses or punctuation, every word singular."""
    text = fold(drop_parentheses(text)).replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(singular_word(w) for w in words)


def clean_phrase(text):
    """A title as a phrase people type: parentheses dropped, lower case, single spaces."""
    text = drop_parentheses(text).replace("&", "and")
    text = re.sub(r"\s+", " ", text).strip(" ,;.-")
    return text.lower()


def is_acronym(word):
    return len(word) >= 2 and word.isupper() and word.isalpha()


def singular_title(title):
    """O*NET's plural title as a short singular name: 'Cooks, Fast Food' → 'fast food cook',
    'Janitors and Cleaners, Except Maids…' → 'janitor and cleaner'."""
    chunks = [c.strip() for c in re.split(r",|--", title) if c.strip()]
    for i, chunk in enumerate(chunks):     # 'Except Advertising, Insurance, …' to the end
        if i and chunk.lower().startswith(("except ", "including ")):
            chunks = chunks[:i]
            break
    out, after_of = [], False
    for chunk in chunks:
        words = chunk.split()
        for i, w in enumerate(words):
            if w.lower() == "of":       # 'Supervisors of Retail Sales Workers': the head is before
                after_of = True
            last = i == len(words) - 1 or words[i + 1].lower() == "of"
            before_conj = i + 1 < len(words) and words[i + 1].lower() in ("and", "or")
            lower = w if is_acronym(w) else w.lower()
            if (last or before_conj) and not is_acronym(w) and not after_of:
                lower = singular_word(lower)
            words[i] = lower
        out.append(" ".join(words))
    if len(out) == 2 and len(out[1].split()) <= 3 and out[1] != "all other":
        return f"{out[1]} {out[0]}"
    return ", ".join(out)


def spanish_forms(label):
    """ESCO's 'cajero/cajera' → ['cajero', 'cajera']; a label whose '/' is not a pair of forms
    of the same length ('impresión/encuadernación' inside a phrase) gives [] for alternatives."""
    label = re.sub(r"\s+", " ", label).strip()
    if "/" not in label:
        return [label] if label else []
    parts = [p.strip() for p in label.split("/") if p.strip()]
    counts = {len(p.split()) for p in parts}
    if len(parts) >= 2 and len(counts) == 1 and min(counts) >= 1:
        forms = []
        for p in parts:
            if p not in forms:
                forms.append(p)
        if len(forms) == 1 or min(counts) > 1 or all(len(p) > 3 for p in parts):
            return forms
    return []


def slash_name(forms):
    """['cajero', 'cajera'] → 'cajero/a'; ['director técnico', 'directora técnica'] →
    'director/a técnico/a'; forms that differ in more than the ending → the first form."""
    if len(forms) != 2:
        return forms[0]
    male, female = forms[0].split(), forms[1].split()
    if len(male) != len(female):
        return forms[0]
    out = []
    for m, f in zip(male, female):
        if m == f:
            out.append(m)
            continue
        prefix = os.path.commonprefix([m, f])
        m_end, f_end = m[len(prefix):], f[len(prefix):]
        if f_end == "a" and m_end in ("", "o", "e") and prefix:
            out.append(f"{m}/a")
        else:
            return forms[0]
    return " ".join(out)


# ---------------------------------------------------------------------------------------------
# Reading the inputs

def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    return [dict(zip(header, r)) for r in body if r]


def read_onet(folder):
    occupations = {}
    for row in read_tsv(os.path.join(folder, "Occupation Data.txt")):
        occupations[row["O*NET-SOC Code"]] = {"title": row["Title"], "alternate": [],
                                               "short": [], "reported": [], "zone": 0}
    for row in read_tsv(os.path.join(folder, "Alternate Titles.txt")):
        occ = occupations.get(row["O*NET-SOC Code"])
        if occ is None:
            continue
        occ["alternate"].append((row["Alternate Title"], row.get("Source(s)", "").split(",")))
        short = row.get("Short Title", "n/a")
        if short and short != "n/a":
            occ["short"].append(short)
    for row in read_tsv(os.path.join(folder, "Sample of Reported Titles.txt")):
        occ = occupations.get(row["O*NET-SOC Code"])
        if occ is not None:
            occ["reported"].append((row["Reported Job Title"],
                                    row.get("Shown in My Next Move", "N") == "Y"))
    zones_path = os.path.join(folder, "Job Zones.txt")
    if os.path.isfile(zones_path):
        for row in read_tsv(zones_path):
            occ = occupations.get(row["O*NET-SOC Code"])
            if occ is not None and row["Job Zone"].isdigit():
                occ["zone"] = int(row["Job Zone"])
    return occupations


def read_esco(folder):
    """{conceptUri: {"isco": "5131", "en": [labels], "es_pref": label, "es_alt": [labels]}}."""
    def rows(name):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    def alts(row):
        return [a.strip() for a in (row.get("altLabels") or "").split("\n") if a.strip()]

    concepts = {}
    for row in rows("occupations_en-us.csv"):
        labels = [row["preferredLabel"].strip()] + alts(row)
        concepts[row["conceptUri"]] = {"isco": row["iscoGroup"].strip(), "en": labels,
                                       "es_pref": "", "es_alt": []}
    for row in rows("occupations_es.csv"):
        concept = concepts.get(row["conceptUri"])
        if concept is not None:
            concept["es_pref"] = row["preferredLabel"].strip()
            concept["es_alt"] = alts(row)
    return concepts


def read_glossary(path, known_codes=None):
    """[(kind, lang, text, [codes], line)]; raises ValueError naming the line when it is bad."""
    entries = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            where = f"{path}:{number}"
            if len(cols) != 4:
                raise ValueError(f"{where}: expected 4 tab-separated columns, got {len(cols)}")
            kind, lang, text, codes = cols
            codes = [c.strip() for c in codes.split(",") if c.strip()]
            if kind not in ("term", "title", "name") or lang not in LANGS or not text.strip() \
                    or not codes:
                raise ValueError(f"{where}: bad line {line!r}")
            if kind != "name" and len(text.split()) > MAX_TITLE_WORDS:
                raise ValueError(f"{where}: {text!r} has more than {MAX_TITLE_WORDS} words")
            if kind == "name" and len(codes) != 1:
                raise ValueError(f"{where}: a name is for one code")
            for code in codes:
                if not CODE_RE.match(code):
                    raise ValueError(f"{where}: malformed code {code!r}")
                if known_codes is not None and code not in known_codes:
                    raise ValueError(f"{where}: {code} is not an O*NET 29.2 occupation")
            entries.append((kind, lang, text.strip(), codes, number))
    return entries


# ---------------------------------------------------------------------------------------------
# Joining ESCO to O*NET

def onet_keys(occupations):
    """{key: {code: best rank}} over O*NET titles of every kind."""
    keys = {}

    def add(text, code, rank):
        k = key(text)
        if k:
            best = keys.setdefault(k, {})
            best[code] = min(best.get(code, rank), rank)

    for code, occ in occupations.items():
        add(occ["title"], code, RANK_TITLE)
        add(singular_title(occ["title"]), code, RANK_TITLE)   # 'Cooks, Fast Food' → 'fast food cook'
        for title, _ in occ["reported"]:
            add(title, code, RANK_REPORTED)
        for title, _ in occ["alternate"]:
            add(title, code, RANK_ALTERNATE)
        for title in occ["short"]:
            add(title, code, RANK_SHORT)
    return keys


def compatible(isco_group, code):
    """ISCO ↔ SOC strength (0: reject)."""
    return ISCO_TO_SOC.get(isco_group[:1], {}).get(code[:2], 0)


# Words that only grade a job: 'general veterinarian' is a veterinarian.
GRADES = {"general", "specialised", "specialized", "specialist", "official", "senior", "junior",
          "qualified", "certified", "licensed", "professional", "experienced", "trainee"}


def tail_keys(label):
    """Shorter keys of an ESCO label, longest first, of two words at least ('fossil-fuel power
    plant operator' → 'fuel power plant operator', 'power plant operator', 'plant operator'),
    or of one when the words before it only grade the job ('general veterinarian')."""
    words = key(label).split()
    tails = [" ".join(words[i:]) for i in range(1, len(words) - 1)]
    if len(words) >= 2 and all(w in GRADES for w in words[:-1]):
        tails.append(words[-1])
    return tails


def join_concept(concept, keys):
    """[(code, rank, strength)] for one ESCO concept: its best title matches that pass the
    ISCO ↔ SOC table; [] when none do or when more than three codes stay tied. A label that
    meets no title whole may meet an O*NET title with its last words (tail_keys): one join in
    two through a reported title's tail, or through any one-word tail, was wrong when sampled
    ('fortune teller' → Tellers), so those are not tried."""
    candidates = {}

    def consider(code, rank, alt):
        strength = compatible(concept["isco"], code)
        if strength:
            score = (rank + (0 if alt == 0 else 0.5), -strength)
            if code not in candidates or score < candidates[code]:
                candidates[code] = score

    forms = [(i, p.strip()) for i, label in enumerate(concept["en"])
             for p in label.split("/") if p.strip()]
    forms = [(i, f) for i, f in forms if not any((f.lower(), code) in REJECT
                                                   for code in keys.get(key(f), {}))]
    for i, form in forms:
        for code, rank in keys.get(key(form), {}).items():
            consider(code, rank, i)
    for i, form in forms if not candidates else []:
        for tail in tail_keys(form):
            for code, rank in keys.get(tail, {}).items():
                if rank == RANK_TITLE:
                    consider(code, RANK_TAIL + rank, i)
            if candidates:
                break
    if not candidates:
        return []
    best = min(candidates.values())
    tied = sorted(code for code, score in candidates.items() if score == best)
    if len(tied) > 3:
        return []
    return [(code, best[0], -best[1]) for code in tied]


# ---------------------------------------------------------------------------------------------
# Building the vocabulary

def words(text):
    return len(text.split())


def build(onet_dir, esco_dir, glossary_path):
    occupations = read_onet(onet_dir)
    concepts = read_esco(esco_dir)
    glossary = read_glossary(glossary_path, set(occupations))
    keys = onet_keys(occupations)

    # code → [(rank, codes the concept joined, -strength, label length, uri)], best first
    joins = {code: [] for code in occupations}
    joined = 0
    for uri in sorted(concepts):
        concept = concepts[uri]
        links = join_concept(concept, keys)
        if links:
            joined += 1
        for code, rank, strength in links:
            joins[code].append((rank, len(links), -strength, len(concept["en"][0]), uri))
    for code in joins:
        joins[code].sort()

    # A term names all its codes (titles), but a search adds it for its first code only: the
    # kiosk looks "enfermera" up and finds both nurses, then adds each one's own words; were
    # "enfermera" a search word of practical nurses too, "licensed practical nurse" would
    # find every registered nurse. A `title` line names its codes and is never added (a word
    # whose meaning in Miami differs from Spain's, such as "camarero").
    g_terms = {code: {"en": [], "es": []} for code in occupations}
    g_search = {code: {"en": [], "es": []} for code in occupations}
    g_names = {}
    glossary_phrases = {"en": set(), "es": set()}
    for kind, lang, text, codes, _ in glossary:
        if kind == "name":
            g_names[(codes[0], lang)] = text
            continue
        glossary_phrases[lang].add(fold(text))
        for code in codes:
            if fold(text) not in map(fold, g_terms[code][lang]):
                g_terms[code][lang].append(text.lower())
        if kind == "term" and fold(text) not in map(fold, g_search[codes[0]][lang]):
            g_search[codes[0]][lang].append(text.lower())
    glossary_share = {}
    search_share = {}
    for kind, lang, text, codes, _ in glossary:
        if kind != "name":
            glossary_share.setdefault((lang, fold(text)), set()).update(codes)
        if kind == "term":
            search_share.setdefault((lang, fold(text)), set()).add(codes[0])

    # Candidate phrases per code, in order of preference.
    search_cand, title_cand, names = {}, {}, {}
    for code, occ in occupations.items():
        title_name = singular_title(occ["title"])
        es_forms, es_alts, es_search, strong, named = [], [], [], [], []
        title_words = set(key(occ["title"]).split())
        for rank, shared, minus_strength, length, uri in joins[code]:
            concept = concepts[uri]
            # Strong enough to name the occupation and to widen its searches: a join through
            # its title, a reported title or the title's last words, or through an alternate
            # title when the label shares a telling word with the title ('flexographic press
            # operator' → Printing Press Operators, not 'CNC machine operator' → Packaging…).
            label_words = set(key(concept["en"][0].split("/")[0]).split()) - GENERIC
            overlap = len(label_words & title_words)
            if rank < RANK_ALTERNATE or rank >= RANK_TAIL or overlap:
                strong.append(uri)
                # The Spanish name: the label closest to the title in words, then the usual
                # home of the job (ISCO ↔ SOC), then the closest kind of title.
                if rank == RANK_TITLE or overlap:
                    named.append((-overlap, minus_strength, rank, shared, length, uri))
            for form in spanish_forms(concept["es_pref"]):
                es_forms.append(form.lower())
                if uri in strong:
                    es_search.append(form.lower())
            for alt in concept["es_alt"]:
                es_alts.extend(f.lower() for f in spanish_forms(alt))
        best_es = None
        # ESCO's name for a catch-all code ('Production Workers, All Other') would name one
        # of its many jobs: those keep the English name unless the glossary gives one.
        if named and "all other" not in occ["title"].lower():
            forms = spanish_forms(concepts[min(named)[-1]]["es_pref"])
            if forms:
                best_es = slash_name([f.lower() for f in forms])
        names[code] = {
            "en": g_names.get((code, "en"), title_name),
            "es": g_names.get((code, "es"), best_es or g_names.get((code, "en"), title_name)),
        }

        reported_shown = sorted((clean_phrase(t) for t, shown in occ["reported"] if shown
                                 and not re.search(r"\b[A-Z]{2,}\b", drop_parentheses(t))),
                                key=lambda p: (words(p), len(p), p))
        plain_title = title_name.lower() if "," not in title_name else ""
        search_cand[code] = {
            "en": [(t, True) for t in g_search[code]["en"]]
                  + [(p, False) for p in [plain_title] + reported_shown if p],
            "es": [(t, True) for t in g_search[code]["es"]] + [(f, False) for f in es_search],
        }
        # English titles in groups, the likeliest words first and short ones first in a group:
        # reported titles (what workers call their job), ESCO's labels, alternate titles seen in
        # job postings (source 02), other alternate titles of several words, then the rest
        # (old one-word titles such as 'icer') and O*NET's short titles (abbreviations).
        groups = [[] for _ in range(5)]
        # O*NET's own title first: a resident may type it as written.
        groups[0] = [plain_title] + [clean_phrase(t) for t, _ in occ["reported"]]
        for *_, uri in joins[code]:
            groups[1] += [clean_phrase(label) for label in concepts[uri]["en"]]
        for title, sources in occ["alternate"]:
            phrase = clean_phrase(title)
            if "02" in sources:
                groups[2].append(phrase)
            elif words(phrase) > 1 and not re.search(r"\b[A-Z]{2,}\b", title):
                groups[3].append(phrase)
            else:
                groups[4].append(phrase)
        groups[4] += [t.lower() for t in occ["short"]]
        en_titles, placed = [], set()
        for group in groups:
            for t in sorted(set(group), key=lambda p: (words(p), len(p), p)):
                if t and "," not in t and "/" not in t and t not in placed:
                    en_titles.append(t)
                    placed.add(t)
        es_titles = sorted({t for t in es_forms + es_alts if t and "," not in t},
                           key=lambda p: (words(p), len(p), p))
        title_cand[code] = {
            "en": [(t, True) for t in g_terms[code]["en"]] + [(t, False) for t in en_titles],
            "es": [(t, True) for t in g_terms[code]["es"]] + [(t, False) for t in es_titles],
        }

    # How many occupations each phrase names (over all candidates).
    share = {}
    for code in occupations:
        for lang in LANGS:
            for text, _ in search_cand[code][lang] + title_cand[code][lang]:
                share.setdefault((lang, fold(text)), set()).add(code)

    out = []
    for code in sorted(occupations):
        entry = {"code": code, "name": names[code], "zone": occupations[code]["zone"],
                 "search": {}, "titles": {}}
        for lang in LANGS:
            chosen, seen = [], set()
            for text, from_glossary in search_cand[code][lang]:
                f = fold(text)
                if f in seen or words(text) > MAX_SEARCH_WORDS or len(chosen) >= MAX_SEARCH:
                    continue
                if from_glossary:
                    if len(search_share[(lang, f)]) > MAX_SEARCH_SHARE:
                        continue
                elif (lang, f) in glossary_share or len(share[(lang, f)]) > MAX_SEARCH_SHARE:
                    continue
                chosen.append(text)
                seen.add(f)
            titles = []
            for text, from_glossary in title_cand[code][lang]:
                f = fold(text)
                if f in seen or words(text) > MAX_TITLE_WORDS or len(titles) >= MAX_TITLES:
                    continue
                if not from_glossary and len(share[(lang, f)]) > MAX_TITLE_SHARE:
                    continue
                if not from_glossary and (lang, f) in glossary_share \
                        and code not in glossary_share[(lang, f)]:
                    continue
                titles.append(text)
                seen.add(f)
            entry["search"][lang] = chosen
            entry["titles"][lang] = titles
        out.append(entry)

    stats = {"occupations": len(out), "concepts": len(concepts), "joined": joined,
             "left_out": len(concepts) - joined,
             "codes_with_spanish": sum(1 for c in occupations if joins[c] or g_terms[c]["es"])}
    return {"format": FORMAT, "sources": SOURCES, "occupations": out}, stats


def dumps(vocabulary):
    """The file's text: one occupation a line, so that diffs stay readable."""
    def one(value):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    lines = ["{", f'  "format": {vocabulary["format"]},', '  "sources": [']
    lines += [f"    {one(s)}{',' if i + 1 < len(vocabulary['sources']) else ''}"
              for i, s in enumerate(vocabulary["sources"])]
    lines += ["  ],", '  "occupations": [']
    occupations = vocabulary["occupations"]
    lines += [f"    {one(o)}{',' if i + 1 < len(occupations) else ''}"
              for i, o in enumerate(occupations)]
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onet", required=True, help="folder of O*NET 29.2 text files")
    parser.add_argument("--esco", required=True, help="folder of ESCO occupations CSV files")
    parser.add_argument("--glossary", required=True, help="tools/vocabulary/glossary.tsv")
    parser.add_argument("--out", required=True, help="the JSON file to write")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        vocabulary, stats = build(args.onet, args.esco, args.glossary)
    except (OSError, ValueError, KeyError) as e:
        print(f"make_vocabulary: {e}", file=sys.stderr)
        return 1
    text = dumps(vocabulary)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    if not args.quiet:
        phrases = {lang: sum(len(o["search"][lang]) + len(o["titles"][lang])
                             for o in vocabulary["occupations"]) for lang in LANGS}
        print(f"{args.out}: {len(text.encode('utf-8'))} bytes, {stats['occupations']} occupations, "
              f"phrases en {phrases['en']} es {phrases['es']}; ESCO concepts {stats['concepts']}: "
              f"{stats['joined']} joined, {stats['left_out']} left out; "
              f"{stats['codes_with_spanish']} occupations have Spanish words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
