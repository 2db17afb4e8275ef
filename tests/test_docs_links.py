"""The README's and docs/'s relative links point at files that exist, and their
``#anchors`` at headings those files have (GitHub's heading ids).

Found by a read-through: three links to ``scaling.md#redis-layout-and-cluster`` led
nowhere once the heading gained "(issue 13, part 4)"."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .fixtures import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _slug(heading: str) -> str:
    """GitHub's id for a heading: lower case, markup and punctuation dropped, spaces
    to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.S | re.M)
    seen: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text, flags=re.M):
        slug = _slug(heading)
        anchors.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return anchors | set(re.findall(r'<a (?:name|id)="([^"]+)"', text))


def _links():
    for page in PAGES:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if not re.match(r"[a-z][a-z0-9+.-]*:", target):  # not http:, mailto: ...
                yield pytest.param(page, target, id=f"{page.name}->{target}")


def test_the_pages_have_links():
    assert len(list(_links())) > 20


@pytest.mark.parametrize("page,target", list(_links()))
def test_a_relative_link_reaches_its_file_and_heading(page, target):
    path, _, anchor = target.partition("#")
    file = (page.parent / path).resolve() if path else page
    assert file.exists(), f"{page.name}: {target}: no file {file}"
    if anchor and file.suffix == ".md":
        assert anchor in _anchors(file), f"{page.name}: {target}: no heading #{anchor}"
