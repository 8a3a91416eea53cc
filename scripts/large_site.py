"""Generate a large municipality for the benchmark (never shipped; written to a folder you choose).

At scale 1: 2,000 directory entries over 40 towns, 300 events, 60 guide
steps, 3 plans of 40 actions and 50 extra content pages per language, on top
of the shipped pages. Scale 0.25 gives a quarter of the data, for checking
that the build time grows linearly.

    python scripts/large_site.py /tmp/large --scale 1
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

from velkommen.load.national import NATIONAL

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["association", "local-council", "welcome-ambassador", "language-cafe", "newcomer-network", "sports",
         "culture", "volunteering", "faith", "library", "family"]
WORDS_DA = "fællesskab forening møde by aften kaffe sprog frivillig musik sport familie børn natur bibliotek kirke".split()
WORDS_DE = "Gemeinschaft Verein Treffen Ort Abend Kaffee Sprache Ehrenamt Musik Sport Familie Kinder Natur".split()
WORDS_EN = "community club meeting town evening coffee language volunteer music sport family children nature".split()


def sentence(rng: random.Random, words: list[str], n: int = 14) -> str:
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def text(rng: random.Random, sentences: int = 2) -> dict:
    return {lang: " ".join(sentence(rng, words) for _ in range(sentences))
            for lang, words in (("da", WORDS_DA), ("de", WORDS_DE), ("en", WORDS_EN))}


def dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


def generate(target: Path, scale: float, seed: int = 7) -> None:
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for item in ("mkdocs.yml", "docs"):
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, target / item, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / item)
    if (ROOT / "node_modules").exists():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    (target / "src").symlink_to(ROOT / "src")  # mkdocs.yml inherits the package's base configuration
    data = target / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.rmtree(data / "directory")  # the shipped guide steps and plan stay: the pages link to them

    n_towns, n_entries, n_events = max(4, round(40 * scale)), round(2000 * scale), round(300 * scale)
    n_steps, n_plans, n_actions, n_pages = max(8, round(60 * scale)), 3, max(4, round(40 * scale)), round(50 * scale)
    towns = [{"id": f"town-{i:02d}", "name": {"da": f"Testby {i}", "de": f"Testort {i}", "en": f"Testby {i}"},
              "coordinates": {"lat": round(54.85 + rng.random() * 0.3, 4), "lon": round(9.05 + rng.random() * 0.5, 4)},
              "description": text(rng, 1), "source": f"https://www.example.dk/towns/{i}"} for i in range(n_towns)]
    dump(data / "directory" / "towns.yaml", {"towns": towns})
    target_groups = ["commuters", "students", "returning", "graduates", "young-families", "international"]
    for t_index, town in enumerate(towns):
        entries = []
        for i in range(t_index, n_entries, n_towns):
            entries.append({
                "id": f"entry-{i:04d}", "name": {"da": f"Forening {i}"}, "kind": rng.choice(KINDS), "town": town["id"],
                "description": text(rng, 2), "languages": rng.sample(["da", "de", "en", "pl", "uk"], 2),
                "target_groups": rng.sample(target_groups, 1), "audience": ["everyone"], "join": text(rng, 1),
                "contact": {"website": f"https://forening{i}.example.dk"},
                "coordinates": {"lat": round(54.85 + rng.random() * 0.3, 4), "lon": round(9.05 + rng.random() * 0.5, 4)},
                "source": f"https://forening{i}.example.dk/om", "confirmed": "2026-10-01"})
        if entries:
            dump(data / "directory" / "entries" / f"{town['id']}.yaml", {"entries": entries})
    events = []
    start = date(2026, 12, 1)
    for i in range(n_events):
        day = start + timedelta(days=i % 200)
        event = {"id": f"event-{i:03d}", "title": text(rng, 1), "description": text(rng, 2),
                 "start": f"{day} 18:00", "end": f"{day} 20:00",
                 "place": {"name": {"da": "Forsamlingshuset"}, "town": towns[i % n_towns]["id"]},
                 "languages": ["da", "en"], "organiser": f"entry-{i % max(n_entries, 1):04d}",
                 "source": "https://www.example.dk/arrangementer", "confirmed": "2026-11-01"}
        if i % 5 == 0:
            event["repeat"] = {"every": "month", "same_weekday": True, "until": "2027-12-31"}
        events.append(event)
    dump(data / "events" / "events.yaml", {"events": events})
    # The shipped site's situations come from the national layer (data/guide/national.yaml: use: true).
    situations = yaml.safe_load((NATIONAL / "guide" / "situations.yaml").read_text(encoding="utf-8"))["situations"]
    steps = []
    for i in range(n_steps):
        steps.append({"id": f"generated-step-{i:02d}", "title": text(rng, 1), "summary": text(rng, 3),
                      "situations": [s["id"] for s in rng.sample(situations, 3)] + [situations[i % len(situations)]["id"]],
                      "stage": rng.choice(["before-moving", "on-arrival", "first-weeks", "first-months", "when-needed"]),
                      "after": [f"generated-step-{i - 1:02d}"] if i % 4 else [],
                      "authority": {"name": text(rng, 1), "url": "https://lifeindenmark.borger.dk/"},
                      "bring": [text(rng, 1)], "source": "https://lifeindenmark.borger.dk/", "verified": "2026-11-01"})
    for s in steps:  # every step shares all situations so any prerequisite is meaningful
        s["situations"] = sorted({sit["id"] for sit in situations})
    dump(data / "guide" / "steps" / "generated.yaml", {"steps": steps})
    for p in range(n_plans):
        year = 2014 + 2 * p  # earlier plans: the shipped plan stays the latest, as its page's links expect
        actions = [{"id": f"action-{i:02d}", "title": text(rng, 1), "description": text(rng, 2),
                    "category": rng.choice(["concrete", "knowledge", "branding"]),
                    "phases": rng.sample(["attraction", "reception", "retention"], 2),
                    "target_groups": rng.sample(target_groups, 2),
                    "timing": {"quarters": [f"{year}-Q{1 + i % 4}", f"{year + 1}-Q{1 + (i + 1) % 4}"]},
                    "lead": {"da": "Teamet", "de": "Das Team", "en": "The team"}, "status": "ongoing"}
                   for i in range(n_actions)]
        dump(data / "plans" / f"plan-{p}.yaml", {
            "id": f"plan-{year}", "title": text(rng, 1), "municipality": "Testkommune",
            "period": {"from": f"{year}-01-01", "to": f"{year + 1}-12-31"},
            "source": {"title": {"da": "Testplan"}}, "actions": actions})
    nav_pages = []
    for i in range(n_pages):
        for lang, words in (("da", WORDS_DA), ("de", WORDS_DE), ("en", WORDS_EN)):
            body = "\n\n".join(f"## {sentence(rng, words, 4)}\n\n" + " ".join(sentence(rng, words) for _ in range(6))
                               for _ in range(5))
            page = target / "docs" / lang / "extra" / f"page-{i:02d}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {sentence(rng, words, 3)}\n\n{body}\n", encoding="utf-8")
        nav_pages.append(f"extra/page-{i:02d}.md")
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    if nav_pages:
        config = config.replace("\nnav:\n", "\nnav:\n  - Ekstra:\n" + "".join(f"      - {p}\n" for p in nav_pages), 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("target", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    generate(args.target, args.scale)
    print(f"Generated a municipality at scale {args.scale} in {args.target}")


if __name__ == "__main__":
    main()
