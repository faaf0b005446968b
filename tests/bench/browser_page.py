#!/usr/bin/env python3
"""The browser side of `packaging/dev.sh bench --compare-browser`: a static HTML page of the
kiosk's first screen of job results, made from the same cache.

Usage: browser_page.py RESULTS.json OUT.html

RESULTS.json is `workforce-kiosk search --json --sort newest --limit N ""` over the benchmark's
cache: the newest jobs, which is what Find a job shows before anything is typed. The page lays them
out as the kiosk does (a header, the search box, the filter chips, one card a job) at the same
sizes, and a few lines of script filter the cards as each key is typed, the cheapest search a web
page can do. No fonts, images or scripts are fetched: everything is in the one file.
"""
import html
import json
import sys

FILTERS = ["Full-time", "Part-time", "Temporary", "Health care", "Construction", "Hospitality",
           "No degree needed", "Remote", "Posted this week", "$20 an hour or more"]

UNIT = {"HOUR": "an hour", "YEAR": "a year", "MONTH": "a month", "WEEK": "a week", "DAY": "a day"}


def pay_text(pay):
    if not pay:
        return ""
    low, high = pay.get("min"), pay.get("max")
    unit = UNIT.get(str(pay.get("unit", "")).upper(), "")
    if low and high and low != high:
        return f"${low:,.2f}–${high:,.2f} {unit}".replace(".00", "")
    value = low or high
    return f"${value:,.2f} {unit}".replace(".00", "")


def card(job):
    place = " · ".join(x for x in (job.get("employer", ""), job.get("city", "")) if x)
    facts = ", ".join(x for x in (pay_text(job.get("pay")), ", ".join(job.get("types", []))) if x)
    posted = job.get("posted", "")
    return (f'<li class="card" data-text="{html.escape((job["title"] + " " + job.get("employer", "")).lower())}">'
            f'<h2>{html.escape(job["title"])}</h2><p>{html.escape(place)}</p>'
            f'<p class="facts">{html.escape(facts)}</p><p class="posted">Posted {html.escape(posted)}</p></li>')


def main():
    results = json.load(open(sys.argv[1], encoding="utf-8"))
    jobs = results["results"] if isinstance(results, dict) else results
    chips = "".join(f'<button class="chip">{html.escape(f)}</button>' for f in FILTERS)
    cards = "".join(card(j) for j in jobs)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Find a job</title>
<style>
html, body {{ margin: 0; height: 100%; background: #f4f1ea; color: #1d2b36;
  font-family: "Noto Sans", sans-serif; font-size: 22px; caret-color: transparent; }}
header {{ height: 96px; display: flex; align-items: center; justify-content: space-between;
  padding: 0 32px; background: #1d4e89; color: white; }}
header h1 {{ font-size: 40px; margin: 0; }}
header button {{ font-size: 26px; padding: 12px 28px; border-radius: 12px; border: 0; }}
main {{ display: flex; height: calc(100% - 96px); }}
aside {{ width: 420px; padding: 24px 32px; overflow-y: auto; }}
.chip {{ display: block; width: 100%; margin: 0 0 14px; padding: 16px; font-size: 24px;
  border: 2px solid #1d4e89; border-radius: 32px; background: white; text-align: left; }}
section {{ flex: 1; display: flex; flex-direction: column; padding: 24px 32px 0 0; min-width: 0; }}
input {{ font-size: 30px; padding: 16px 20px; border: 3px solid #1d4e89; border-radius: 12px; }}
#count {{ font-size: 26px; margin: 16px 0; }}
ul {{ list-style: none; margin: 0; padding: 0 0 32px; overflow-y: auto; flex: 1; }}
.card {{ border: 2px solid #8a9bab; border-radius: 16px; padding: 18px 24px; margin-bottom: 16px; }}
.card h2 {{ font-size: 30px; margin: 0 0 6px; }}
.card p {{ margin: 4px 0; }}
.facts {{ font-weight: bold; }}
.posted {{ color: #4a5b6b; }}
</style></head>
<body><header><h1>Find a job</h1><div><button>Español</button> <button>Home</button></div></header>
<main><aside>{chips}</aside>
<section><input id="q" placeholder="Search jobs" autocomplete="off"><div id="count">{len(jobs)} jobs</div>
<ul id="list">{cards}</ul></section></main>
<script>
const q = document.getElementById('q');
const cards = Array.from(document.querySelectorAll('.card'));
const count = document.getElementById('count');
q.addEventListener('input', () => {{
  const words = q.value.toLowerCase().split(/\\s+/).filter(w => w);
  let shown = 0;
  for (const c of cards) {{
    const ok = words.every(w => c.dataset.text.includes(w));
    c.style.display = ok ? '' : 'none';
    if (ok) shown++;
  }}
  count.textContent = shown + ' jobs';
}});
</script></body></html>
"""
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(page)


if __name__ == "__main__":
    main()
