"""The `curriculum` command: check, site, serve, new."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from . import LANGUAGES
from .pipeline import BuildFailed, check_curriculum


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
        site_dir = assemble_site(list(parts), output or root / "site")
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
    from .scaffold import ScaffoldError, new_module

    try:
        folder = new_module(root, track, module_id)
    except ScaffoldError as error:
        click.echo(f"curriculum new: {error}", err=True)
        sys.exit(1)
    click.echo(f"created {folder.relative_to(root)}/: edit module.yml, the lesson and the mentor guide, "
               "then run `curriculum check`")


if __name__ == "__main__":
    main()
