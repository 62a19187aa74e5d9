"""The site root's sitemap, made from the language sitemaps of a built site (publish/sitemaps.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.pipeline import BuildFailed
from build_tools.publish.sitemaps import root_sitemap, write_root_sitemap


def _language_sitemap(site: Path, lang: str, addresses: list[str]) -> None:
    (site / lang).mkdir(parents=True, exist_ok=True)
    lines = "".join(f"\n<url><loc>{address}</loc></url>" for address in addresses)
    (site / lang / "sitemap.xml").write_text(f'<?xml version="1.0"?>\n<urlset>{lines}\n</urlset>\n', encoding="utf-8")


def alternates_by_address(sitemap: str) -> dict[str, dict[str, str]]:
    """Each <loc> of a sitemap -> its alternates, hreflang code -> address (test_seo.py reads the real one)."""
    return {re.search(r"<loc>(.*?)</loc>", entry).group(1): dict(re.findall(r'hreflang="([\w-]+)" href="([^"]+)"', entry))
            for entry in re.findall(r"<url>(.*?)</url>", sitemap)}


def test_each_page_names_the_twins_that_exist_and_the_chooser_is_the_default(tmp_path: Path) -> None:
    root = "https://example.org/learn/"
    _language_sitemap(tmp_path, "en", [f"{root}en/", f"{root}en/about/", f"{root}en/only-english/"])
    _language_sitemap(tmp_path, "fr", [f"{root}fr/", f"{root}fr/about/"])
    address, sitemap = root_sitemap(tmp_path)
    assert address == root
    assert alternates_by_address(sitemap) == {
        root: {"en": f"{root}en/", "fr": f"{root}fr/", "x-default": root},
        f"{root}en/": {"en": f"{root}en/", "fr": f"{root}fr/", "x-default": root},
        f"{root}en/about/": {"en": f"{root}en/about/", "fr": f"{root}fr/about/"},
        f"{root}en/only-english/": {"en": f"{root}en/only-english/"},
        f"{root}fr/": {"en": f"{root}en/", "fr": f"{root}fr/", "x-default": root},
        f"{root}fr/about/": {"en": f"{root}en/about/", "fr": f"{root}fr/about/"},
    }
    write_root_sitemap(tmp_path)
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == sitemap
    assert (tmp_path / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {root}sitemap.xml"


def test_addresses_are_escaped_once(tmp_path: Path) -> None:
    root = "https://example.org/a&amp;b/"  # as the language sitemap writes an ampersand
    _language_sitemap(tmp_path, "en", [f"{root}en/"])
    _language_sitemap(tmp_path, "fr", [f"{root}fr/"])
    address, sitemap = root_sitemap(tmp_path)
    assert address == "https://example.org/a&b/"
    assert "a&amp;b" in sitemap and "&amp;amp;" not in sitemap


@pytest.mark.parametrize("en, fr, says", [
    (["https://a.org/en/"], ["https://b.org/fr/"], "build every part with the same SITE_URL"),
    (["https://a.org/en/", "https://a.org/other/"], ["https://a.org/fr/"], "site_url"),
    (["https://a.org/"], ["https://a.org/fr/"], "en home page"),
])
def test_sitemaps_that_do_not_agree_stop_the_build_with_what_to_do(tmp_path: Path, en, fr, says) -> None:
    _language_sitemap(tmp_path, "en", en)
    _language_sitemap(tmp_path, "fr", fr)
    with pytest.raises(BuildFailed) as failure:
        root_sitemap(tmp_path)
    assert says in failure.value.report()
