"""The `curriculum` command: check, site, serve, new."""
from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, TypeVar

import click

from . import LANGUAGES
from .pipeline import BuildFailed, check_curriculum

T = TypeVar("T")
_ending = SimpleNamespace(at_once=False)  # set by a command whose process may end without tidying up


def run() -> None:
    """The installed `curriculum` command. After a check, whose report is written, the process
    ends at once: freeing one by one the millions of objects it read took 0.3 s at 1,000 modules.
    Other commands end as usual (their temporary folders are removed on the way out)."""
    _ending.at_once = False
    try:
        main()
    except SystemExit as ended:
        if not _ending.at_once:
            raise
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(ended.code if isinstance(ended.code, int) else 0 if ended.code is None else 1)


def _root() -> Path:
    """The repository: the nearest folder above the current one that holds modules/ and mkdocs.yml."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "modules").is_dir():
            return folder
    return here


@click.group()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The repository folder (default: found from the current folder).")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Check and build the reverse-mentoring curriculum."""
    ctx.obj = (root or _root()).resolve()


@main.command()
@click.pass_obj
def check(root: Path) -> None:
    """Check every module; list all problems as path:line:col: rule-id: message."""
    started = time.perf_counter()
    curriculum, problems = check_curriculum(root)
    for problem in problems.sorted():
        click.echo(problem.format())
    errors, warnings = len(problems.errors), len(problems.warnings)
    click.echo(f"{len(curriculum.modules)} modules checked in {time.perf_counter() - started:.2f} s: "
               f"{errors} error(s), {warnings} warning(s)", err=True)
    # the command ends here: spare Python a last pass of its cycle collector over all it loaded
    # (more than half a second at 1,000 modules), and `run` spares it freeing every object
    gc.freeze()
    _ending.at_once = True
    sys.exit(1 if errors else 0)


@main.command()
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site (default: site/).")
@click.option("--lang", "languages", multiple=True, type=click.Choice(LANGUAGES),
              help="Build only this language (repeat for several); join the parts with `curriculum assemble`.")
@click.pass_obj
def site(root: Path, output: Path | None, languages: tuple[str, ...]) -> None:
    """Build the deployable site: site/en/, site/fr/ and a language chooser at the root."""
    from .publish.site import build_site

    try:
        result = build_site(root, output, languages or LANGUAGES)
    except BuildFailed as failure:
        click.echo(failure.report(), err=True)
        sys.exit(1)
    for lang, pages in result.untranslated.items():
        click.echo(f"not translated into {lang} yet ({len(pages)} page(s)): {', '.join(pages)}")
    made = ", ".join(f"{count} {what}" for what, count in result.regenerated.items())
    click.echo(f"site written to {result.site} in {result.seconds:.1f} s (made again, not from cache: {made})")


@main.command()
@click.argument("parts", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the whole site (default: site/).")
@click.pass_obj
def assemble(root: Path, parts: tuple[Path, ...], output: Path | None) -> None:
    """Join sites built one language at a time (`site --lang en --output PART`) into one site."""
    from .publish.site import assemble_site

    try:
        site_dir = assemble_site(root, list(parts), output or root / "site")
    except BuildFailed as failure:
        click.echo(failure.report(), err=True)
        sys.exit(1)
    click.echo(f"site assembled in {site_dir} from {len(parts)} part(s)")


@main.command()
@click.option("--port", default=8000, show_default=True, help="The port to serve on.")
@click.option("--lang", "languages", multiple=True, type=click.Choice(LANGUAGES),
              help="Preview only this language (repeat for several; default: all).")
@click.pass_obj
def serve(root: Path, port: int, languages: tuple[str, ...]) -> None:
    """Preview the site on 127.0.0.1, rebuilding only what a saved change touches.

    The preview has no social cards and no offline edition: `curriculum site` builds those."""
    from .publish.serve import serve as serve_site

    serve_site(root, port=port, languages=languages or LANGUAGES)


@main.command()
@click.argument("track")
@click.argument("module_id")
@click.pass_obj
def new(root: Path, track: str, module_id: str) -> None:
    """Create modules/TRACK/MODULE_ID/ with a draft module, a lesson and a mentor guide."""
    from .scaffold import new_module

    folder = _scaffold("new", lambda: new_module(root, track, module_id))
    click.echo(f"created {folder.relative_to(root)}/: edit module.yml, the lesson and the mentor guide, "
               "then run `curriculum check`")


@main.command()
@click.pass_obj
def report(root: Path) -> None:
    """The editorial status of each module: languages, objectives, quiz balance, review, mentor guide."""
    from datetime import date

    from .editorial import editorial_status, report_table

    curriculum, problems = check_curriculum(root)
    click.echo(report_table(editorial_status(curriculum), date.today()))
    if problems.errors:
        click.echo(f"{len(problems.errors)} error(s) kept some files out of this report: run `curriculum check`",
                   err=True)


@main.command()
@click.pass_obj
def schemas(root: Path) -> None:
    """Write the JSON Schemas of the YAML files to schemas/, from the typed model."""
    from .schemas import SCHEMA_DIR, write_schemas

    written = write_schemas(root)
    click.echo(f"{len(written)} schema(s) rewritten in {SCHEMA_DIR}/" if written else f"{SCHEMA_DIR}/ is up to date")


@main.command("new-lesson")
@click.argument("module_id")
@click.argument("slug")
@click.pass_obj
def new_lesson(root: Path, module_id: str, slug: str) -> None:
    """Add a lesson to a module: SLUG.md, SLUG.fr.md and its line in module.yml."""
    from .scaffold import new_lesson as add_lesson

    files = _scaffold("new-lesson", lambda: add_lesson(root, module_id, slug))
    click.echo(f"created {', '.join(str(f.relative_to(root)) for f in files)} and listed the lesson last in "
               f"{files[0].parent.relative_to(root)}/module.yml: write it, then run `curriculum check`")


def _scaffold(command: str, make: Callable[[], T]) -> T:
    """What `make` returns, or its refusal said in one line and exit status 1."""
    from .scaffold import ScaffoldError

    try:
        return make()
    except ScaffoldError as error:
        click.echo(f"curriculum {command}: {error}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    run()
