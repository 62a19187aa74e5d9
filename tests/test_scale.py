"""What keeps the checker and the renderer linear as the curriculum grows: the lookups and the
prerequisite graph. (Speed itself is shown by `make bench`, never by a timed test.)"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from build_tools.checks.references import _cyclic_components, prerequisites_valid
from build_tools.sources.model import Curriculum
from build_tools.sources.problems import Problems


def _module(module_id: str, prerequisites: list[str], track: str = "t", order: int = 1):
    model = SimpleNamespace(id=module_id, prerequisites=prerequisites, track=track, order=order)
    source = SimpleNamespace(at=lambda loc, prefer_key=False: (3, 5))
    return SimpleNamespace(id=module_id, model=model, yaml_path=Path(f"/r/{module_id}.yml"), source=source)


def _graph(edges: dict[str, list[str]]):
    return {name: _module(name, prerequisites) for name, prerequisites in edges.items()}


def test_a_long_chain_without_cycle_has_no_cyclic_component() -> None:
    # deeper than Python's recursion limit: the search must not recurse
    chain = {f"m{i}": [f"m{i + 1}"] if i < 4999 else [] for i in range(5000)}
    assert _cyclic_components(_graph(chain)) == []


def test_cycles_self_loops_and_bystanders_are_told_apart() -> None:
    graph = _graph({"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": [], "e": ["e"], "f": ["g"], "g": ["f"],
                    "h": ["a", "missing"]})
    assert sorted(map(sorted, _cyclic_components(graph))) == [["a", "b", "c"], ["e"], ["f", "g"]]


def test_the_rule_reports_each_cycle_once_at_its_first_module() -> None:
    modules = list(_graph({"a": ["b"], "b": ["a"], "c": ["d"], "d": ["c"], "x": ["a"]}).values())
    problems = Problems(Path("/r"))
    prerequisites_valid(SimpleNamespace(modules=modules, unloaded_modules=[]), problems, None)
    messages = sorted((p.path, p.message) for p in problems.items if p.rule == "prerequisite-cycle")
    assert messages == [("a.yml", "prerequisites go round in a circle (a -> b -> a): remove one of them"),
                        ("c.yml", "prerequisites go round in a circle (c -> d -> c): remove one of them")]


def test_module_lookups_keep_the_first_of_two_ids_and_track_order() -> None:
    first, second = _module("same", [], order=2), _module("same", [], order=1)
    other = _module("other", [], track="u")
    early = _module("early", [], order=1)
    curriculum = Curriculum(root=Path("/r"), tracks=[], glossary={}, modules=[first, second, other, early])
    assert curriculum.module("same") is first and curriculum.module("nowhere") is None
    assert [m.id for m in curriculum.track_modules("t")] == ["early", "same", "same"]
    assert [m.id for m in curriculum.track_modules("u")] == ["other"] and curriculum.track_modules("v") == []


def test_the_glossary_setting_gives_the_html_of_appended_definitions() -> None:
    import markdown

    glossary = {"Crawler": "A program that fetches pages.", "SEO": "Search engine optimisation.",
                "robots.txt": "A file that asks crawlers to stay out."}
    text = "# Title\n\nA Crawler reads robots.txt; SEO matters.\n\n| term | use |\n|---|---|\n| SEO | often |\n"
    appended = text + "\n" + "\n".join(f"*[{term}]: {definition}" for term, definition in glossary.items()) + "\n"
    before = markdown.markdown(appended, extensions=["abbr", "tables"])
    after = markdown.markdown(text, extensions=["abbr", "tables"], extension_configs={"abbr": {"glossary": glossary}})
    assert after == before and after.count("<abbr title=") == 4


def test_social_layers_are_let_go_once_every_card_that_asked_for_them_is_composed() -> None:
    from concurrent.futures import Future

    from build_tools.publish.mkdocs_glue import LayerFutures

    layers = LayerFutures()

    def ask(digest: str) -> None:  # what the social plugin does for each layer of a card
        sentinel = Future()
        if sentinel == layers.setdefault(digest, sentinel):
            layers[digest] = Future()

    for card in ("one", "two"):
        ask("background")
        ask(f"title-{card}")
    layers["title-one"], layers["background"]  # card one composed
    assert set(layers) == {"background", "title-two"}  # card two still needs the background
    layers["title-two"], layers["background"]  # card two composed
    assert dict(layers) == {}
    ask("background")  # a later card renders it again
    assert set(layers) == {"background"}


def test_the_check_leaves_the_cycle_collector_as_it_found_it(curriculum_root: Path) -> None:
    """It pauses the collector while it loads (millions of live objects, nothing to collect)."""
    import gc

    from build_tools.pipeline import check_curriculum

    assert gc.isenabled()
    check_curriculum(curriculum_root)
    assert gc.isenabled()
    gc.disable()
    try:
        check_curriculum(curriculum_root)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_mkdocs_runs_without_the_model_or_the_pages_texts_in_memory(curriculum_root: Path, monkeypatch) -> None:
    """They are on disk by then; at 1,000 modules they weigh more than a gigabyte."""
    import gc

    from build_tools.publish import site
    from build_tools.render import SiteTree
    from build_tools.sources.model import Curriculum

    def models() -> int:
        return sum(isinstance(thing, (Curriculum, SiteTree)) for thing in gc.get_objects())

    alive, already = [], models()  # a worker that collected the browser tests holds the real curriculum

    def count(root, lang, nav, site_dir) -> None:  # stands for MkDocs: what is still in memory?
        alive.append(models() - already)
        (site_dir / "index.html").parent.mkdir(parents=True, exist_ok=True)
        (site_dir / "index.html").write_text("a page")

    monkeypatch.setattr(site, "build_language", count)
    monkeypatch.setattr(site, "offline_language", lambda root, lang, nav: (curriculum_root, False))
    monkeypatch.setattr(site, "offline_zip", lambda *args: None)
    monkeypatch.setattr(site, "write_root_sitemap", lambda folder: None)  # it reads what MkDocs writes
    site.build_site(curriculum_root)
    assert alive == [0, 0]


def test_the_head_tags_go_in_one_pass_over_long_blank_runs(no_hang) -> None:
    """At 1,000 modules Material's pages hold runs of 16,000 blank characters; a pattern that
    backtracks over each run takes 0.4 s a page there, and this page would never end."""
    from build_tools.publish.mkdocs_glue import without_home_alternates

    blank = " \n" * 500_000
    page = (f'<head><link rel="alternate" href="../en/" hreflang="en">{blank}<link rel="canonical" href="x">'
            f'<link rel="alternate" href="../fr/" hreflang="fr"></head>')
    assert without_home_alternates(page) == f'<head>{blank}<link rel="canonical" href="x"></head>'


def test_code_spans_and_links_are_blanked_in_one_copy_of_the_text(no_hang) -> None:
    """Each code span, link and tag used to copy the rest of the text once: a text with 100,000 of
    each would take hours. Whatever is blanked, offsets stay those of the text as written."""
    from build_tools.sources.markdown_scan import scan

    text = "`<b>` [a](x.md) <i> " * 100_000 + "\n[last](end.md)"
    found = scan(text)
    assert len(found.references) == 100_001
    assert found.references[-1].url == "end.md" and found.references[-1].line == 2
    assert len(found.markup) == 100_000 and {item.text for item in found.markup} == {"<i>"}  # not the code's <b>
    assert found.markup[-1].col == len(text.split("\n")[0]) - 3


def test_a_fence_is_matched_with_its_closing_line_in_one_pass(no_hang) -> None:
    """Whether a fence is closed used to be asked of every later line, once per fence."""
    from build_tools.sources.markdown_scan import heading_ids, scan

    fenced = "```\n<b>\n```\n" * 200_000
    assert scan(fenced + "<i>\n").markup[0].line == 600_001  # only the tag after the fences
    assert heading_ids("# Top\n```\n# code\n```\n") == frozenset({"top"})
    assert heading_ids("# Top\n```\n# text\n") == frozenset({"top", "text"})  # an unclosed fence is no fence


def test_texts_finds_every_text_a_full_walk_of_the_model_finds(repo: Path) -> None:
    """`texts` walks only the fields whose type names a model: it must still find every text."""
    from pydantic import BaseModel

    from build_tools.pipeline import check_curriculum
    from build_tools.sources.markdown_sources import texts
    from build_tools.sources.model import Source, Text

    def every_field(value, loc=()):
        if isinstance(value, (Text, Source)):
            yield loc, value
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from every_field(getattr(value, name), loc + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from every_field(item, loc + (index,))

    curriculum, _ = check_curriculum(repo)
    for module in curriculum.modules:
        assert texts(module.model, also=(Source,)) == list(every_field(module.model))
        assert len(texts(module.model)) == sum(isinstance(text, Text) for _, text in every_field(module.model)) > 50


def test_a_notebook_shown_by_several_lessons_is_read_once(curriculum_root: Path, monkeypatch) -> None:
    from fixture import add_notebook_lesson

    from build_tools.sources import loader

    add_notebook_lesson(curriculum_root)
    add_notebook_lesson(curriculum_root)  # the same notebook, a second time
    reads = []
    read = loader.load_notebook
    monkeypatch.setattr(loader, "load_notebook", lambda path, problems: reads.append(path) or read(path, problems))
    curriculum = loader.load_curriculum(curriculum_root, Problems(curriculum_root))
    shown = [lesson for module in curriculum.modules for lesson in module.lessons if lesson.notebook]
    assert len(shown) == 2 and shown[0].notebook is shown[1].notebook
    assert reads == [shown[0].notebook.path]
