"""Keep the review links between tracks (``related``: "B is like A", stored in each of
the two tracks' documents with the other's id and title) in step with an update.

A build writes each link in both documents, with the other track's title as it is
then; an update that renames a track or takes one out changes one document, and the
other kept the old title, or a link to a track no longer in the model.  As the links
are stored both ways, the changed track's own document names every document to fix:
reading them costs an update a round trip or two, and a served track none.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from .model_store import ModelStore

Doc = dict[str, Any]


def retitled_links(store: ModelStore, base: str, changed: Mapping[int, Doc],
                   titles: Mapping[str, str]) -> dict[int, Doc]:
    """``changed`` (row -> new document of ``base``'s tracks) and the documents of the
    tracks linked to a track of ``titles`` (id -> new title), their links to it under
    its new title; a build gives a link the linked track's title as it is then."""

    def retitle(link: Doc) -> Doc | None:
        title = titles.get(link.get("id", ""))
        return link if title is None else {**link, "title": title}

    renamed = [doc for doc in changed.values() if doc["id"] in titles]
    return _relinked(store, base, changed, renamed, retitle)


def unlinked(store: ModelStore, base: str, changed: Mapping[int, Doc], gone: list[Doc],
             ) -> dict[int, Doc]:
    """``changed`` (new row -> document: every track a removal moves) and the documents
    of the tracks linked to a ``gone`` one (those not in ``changed`` keep their rows),
    without links to the gone tracks: a build of the tracks left has none."""
    ids = {doc["id"] for doc in gone}
    return _relinked(store, base, changed, gone,
                     lambda link: None if link.get("id") in ids else link, ids)


def _relinked(store: ModelStore, base: str, changed: Mapping[int, Doc], linked: list[Doc],
              fix: Callable[[Doc], Doc | None],
              skip: frozenset[str] | set[str] = frozenset()) -> dict[int, Doc]:
    """``changed`` and the documents of ``base`` linked to a track of ``linked`` (none
    of ``skip``), each link passed through ``fix`` (None drops it)."""
    out = {row: _fixed(doc, fix) for row, doc in changed.items()}
    wanted = sorted(_partner_ids(linked) - skip - {doc["id"] for doc in changed.values()})
    if not wanted:
        return out
    rows = [row for row in store.rows_of(base, wanted, [])[0] if row is not None]
    out.update((row, _fixed(doc, fix))
               for row, doc in zip(rows, store.tracks(base, rows)))
    return out


def _partner_ids(docs: list[Doc]) -> set[str]:
    return {link["id"] for doc in docs for link in doc.get("related") or () if "id" in link}


def _fixed(doc: Doc, fix: Callable[[Doc], Doc | None]) -> Doc:
    if not doc.get("related"):
        return doc
    links = [fixed for link in doc["related"] if (fixed := fix(link)) is not None]
    return {**doc, "related": links}
