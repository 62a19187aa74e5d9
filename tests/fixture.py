"""A small, valid curriculum written into a folder, for tests that need one they can break."""
from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

WORDS = ("Search engines read pages, store them and rank them when someone types a query. "
         "A leader needs to know what each step means for the company and what to ask the team. ")
FR_WORDS = ("Les moteurs de recherche lisent les pages, les stockent et les classent quand quelqu'un "
            "tape une requête. Un dirigeant doit savoir ce que chaque étape signifie pour l'entreprise. ")


def lesson(title: str, sentences: str, count: int = 20) -> str:
    return f"# {title}\n\n## Section\n\n" + "\n\n".join(sentences * 2 for _ in range(count // 2)) + "\n"


GUIDE_EN = {"goal": "Goal", "demo": "Demo script", "plan-b": "Plan B", "questions-to-ask": "Questions to ask",
            "likely-questions": "Likely questions", "if-then": "If... then", "pitfalls": "Pitfalls",
            "challenge": "Follow-up challenge", "follow-up-message": "Follow-up message"}
GUIDE_FR = {"goal": "Objectif", "demo": "Démonstration", "plan-b": "Plan B", "questions-to-ask": "Questions à poser",
            "likely-questions": "Questions probables", "if-then": "Si… alors", "pitfalls": "Pièges",
            "challenge": "Défi", "follow-up-message": "Message de suivi"}


def mentor_guide(title: str, headings: dict[str, str]) -> str:
    """A mentor guide with every part the checker asks for, one line each."""
    return f"# {title}\n\n" + "".join(f"## {text} {{#{key}}}\n\n1. {text}.\n\n" for key, text in headings.items())


MODULE_YML = """\
id: alpha-basics
track: alpha
order: 1
status: published
last_reviewed: __REVIEWED__
level: beginner
title:
  en: Alpha basics
  fr: Les bases alpha
summary:
  en: What alpha is.
  fr: Ce qu'est alpha.
prerequisites: []
competences: ["1.1"]
objectives:
  - id: explain-alpha
    text:
      en: Explain alpha.
      fr: Expliquer alpha.
  - id: decide-alpha
    text:
      en: Decide on alpha.
      fr: Décider d'alpha.
lessons:
  - file: first.md
quiz:
  - id: q-one
    assesses: [explain-alpha]
    question:
      en: What is alpha?
      fr: Qu'est-ce qu'alpha ?
    answer: a
    options:
      - id: a
        text: {en: The first letter., fr: La première lettre.}
        explanation: {en: Alpha opens the Greek alphabet., fr: Alpha ouvre l'alphabet grec.}
      - id: b
        text: {en: The last letter., fr: La dernière lettre.}
        explanation: {en: Omega closes it., fr: Oméga le ferme.}
exercise:
  minutes: 10
  assesses: [decide-alpha]
  title:
    en: Try it
    fr: À vous
  instructions:
    en: |
      1. Do it.
    fr: |
      1. Faites-le.
takeaways:
  - {en: Alpha comes first., fr: Alpha vient en premier.}
brief:
  exercise:
    en: Try alpha on one page.
    fr: Essayez alpha sur une page.
  questions_for_session:
    - en: What surprised me?
      fr: Qu'est-ce qui m'a surpris ?
  questions_for_team:
    - en: Who owns alpha?
      fr: Qui s'occupe d'alpha ?
glossary: [crawler]
sources:
  - title: How Search works
    publisher: Google Search Central
    year: 2025
    url: https://developers.google.com/search/docs/fundamentals/how-search-works
mentor_guide:
  file: mentor-guide.md
  session_minutes: 60
  preparation:
    - {en: Bring a laptop., fr: Apportez un ordinateur.}
  agenda:
    - minutes: 20
      activity: {en: Check-in., fr: Tour de table.}
    - minutes: 40
      activity: {en: Demo., fr: Démonstration.}
"""

TRACKS_YML = """\
- id: alpha
  title: {en: Alpha track, fr: Parcours alpha}
  summary: {en: All about alpha., fr: Tout sur alpha.}
"""

GLOSSARY_YML = """\
crawler:
  term: {en: Crawler, fr: Robot d'exploration}
  definition:
    en: A program that fetches pages.
    fr: Un programme qui récupère des pages.
"""

MODULE = "modules/alpha/alpha-basics"


def write_fixture(root: Path, with_site_config: bool = True) -> Path:
    """Writes the valid fixture curriculum under root and returns root."""
    files = {
        "modules/tracks.yml": TRACKS_YML,
        "modules/glossary.yml": GLOSSARY_YML,
        f"{MODULE}/module.yml": MODULE_YML.replace("__REVIEWED__", (date.today() - timedelta(days=30)).isoformat()),
        f"{MODULE}/first.md": lesson("First lesson", WORDS, 20),
        f"{MODULE}/first.fr.md": lesson("Première leçon", FR_WORDS, 20),
        f"{MODULE}/mentor-guide.md": mentor_guide("Mentor guide: alpha", GUIDE_EN),
        f"{MODULE}/mentor-guide.fr.md": mentor_guide("Guide du mentor : alpha", GUIDE_FR),
        "docs/en/index.md": "# Welcome\n\nA curriculum.\n",
        "docs/fr/index.md": "# Bienvenue\n\nUn curriculum.\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "notebooks").mkdir(exist_ok=True)
    if with_site_config:
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "overrides", root / "overrides")
        shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    return root


def tiny_notebook(code: str = 'print("rows:", 3)', outputs: bool = False, **metadata) -> str:
    """A notebook lesson in both languages; with `outputs`, as if saved after running."""
    import nbformat

    title_en = nbformat.v4.new_markdown_cell("# Numbers lesson\n\nWe count the rows.")
    title_en.metadata["tags"] = ["en"]
    title_fr = nbformat.v4.new_markdown_cell("# Leçon chiffrée\n\nNous comptons les lignes.")
    title_fr.metadata["tags"] = ["fr"]
    parameters = nbformat.v4.new_code_cell('LANG = "en"')
    parameters.metadata["tags"] = ["parameters"]
    cell = nbformat.v4.new_code_cell(code)
    if outputs:
        cell.execution_count = 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="rows: 3\n")]
    notebook = nbformat.v4.new_notebook(cells=[title_en, title_fr, parameters, cell])
    notebook.metadata.update(metadata)
    return nbformat.writes(notebook)


def add_notebook_lesson(root: Path, name: str = "tiny", text: str | None = None) -> Path:
    """Writes notebooks/<name>.ipynb and adds it as the fixture module's second lesson."""
    path = root / "notebooks" / f"{name}.ipynb"
    path.write_text(text if text is not None else tiny_notebook(), encoding="utf-8")
    yml = root / MODULE / "module.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        "  - file: first.md\n", f"  - file: first.md\n  - notebook: {name}.ipynb\n", 1), encoding="utf-8")
    return path
