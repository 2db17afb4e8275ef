"""Parts of request bodies: seeds with weights, the moods object and a playlist's arc."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BeforeValidator,
    Field,
    GetJsonSchemaHandler,
    PrivateAttr,
    create_model,
    model_validator,
)
from pydantic_core import core_schema

from models.language import MOODS

from .types import MAX_SEED_CHARS, NOT_TEXT, NULL_IS_DEFAULT, Body, fail, number, text

#: one of feelalike's 16 moods.
MoodName = Literal[MOODS]  # type: ignore[valid-type]
#: a seed's weight: above 0, at most 10; ``null`` or absent means 1.
Weight = Annotated[number(0, 10, above_low=True), NULL_IS_DEFAULT]
#: a mood's weight in a ``moods`` object.
MoodWeight = number(0, 1)
#: a seed's track id or title.
SeedText = text(MAX_SEED_CHARS)


class SeedRef(Body):
    """A seed track with its weight: ``{"seed": "id or title", "weight": 2}``."""

    seed: SeedText = Field(
        validation_alias=AliasChoices("seed", "id"),
        description="A track id, an external id (spotify:track:ID, isrc:ISRC, mbid:UUID, "
                    "deezer:DIGITS, path:FILE, ext:NAME:VALUE) or a title ('Title - "
                    "Artist' or 'Title by Artist' narrows). 'id' is accepted in its place.",
        examples=["Loneliness #3"])
    weight: Weight = Field(1.0, description="How much this seed counts, relative to the "
                                            "others: above 0, at most 10.",
                           examples=[0.5])

    #: how the seed's text was sent: "seed", "id" or "" (a bare string)
    _key: str = PrivateAttr("seed")

    @model_validator(mode="wrap")
    @classmethod
    def _remember_key(cls, data: Any, handler: Any) -> Any:
        ref = handler(data)
        if isinstance(data, dict) and "seed" not in data and "id" in data:
            ref._key = "id"
        return ref

    def pair(self) -> tuple[str, float]:
        return self.seed, self.weight

    def path(self, at: str) -> str:
        """The JSON path of the seed's text, when this seed is at ``at`` (``seeds[1]``)."""
        return f"{at}.{self._key}" if self._key else at


def _seed_item(value: Any) -> Any:
    """A bare string is a seed of weight 1; an object is a :class:`SeedRef`."""
    if isinstance(value, str):
        if not value.strip():
            raise fail("must not be empty")
        if len(value) > MAX_SEED_CHARS:
            raise fail(f"must be at most {MAX_SEED_CHARS} characters, got {len(value)}")
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            raise fail(NOT_TEXT)
        ref = SeedRef.model_validate({"seed": value})
        ref._key = ""
        return ref
    if isinstance(value, dict):
        return value
    raise fail('must be a track id or title, or {"seed": ..., "weight": ...}')


class _OrSeedText:
    """Annotation: the JSON schema of a seed is a string or a :class:`SeedRef` object."""

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> dict[str, Any]:
        bare = {"type": "string", "minLength": 1, "maxLength": MAX_SEED_CHARS,
                "pattern": r"\S", "description": "A track id, external id or title "
                                                   "(weight 1)."}
        return {"anyOf": [bare, handler(schema)]}


#: ``"id or title"`` or ``{"seed": "id or title", "weight": w}``.
SeedItem = Annotated[SeedRef, BeforeValidator(_seed_item), _OrSeedText()]


class _MoodsBase(Body):
    """Target moods: ``{mood: weight}``; at least one weight above 0 when any is given."""

    @model_validator(mode="after")
    def _some_weight(self) -> _MoodsBase:
        given = [w for w in self.weights().values()]
        if given and not any(given):
            raise fail("at least one weight must be above 0")
        return self

    def weights(self) -> dict[str, float]:
        """The moods given, in feelalike's mood order (``null`` counts as not given)."""
        return {m: w for m in MOODS if (w := getattr(self, m)) is not None}


Moods = create_model(  # type: ignore[call-overload]
    "Moods", __base__=_MoodsBase, __module__=__name__,
    __doc__="Target moods: {mood: weight in [0, 1]}, over feelalike's 16 moods.",
    **{m: (MoodWeight | None, Field(None, description=f"How much '{m}' is wanted (0-1).",
                                    examples=[0.8]))
       for m in MOODS})


class Arc(Body):
    """A playlist's mood arc: valence/arousal move from one mood's position to another's."""

    from_: MoodName = Field(alias="from", description="The mood the playlist starts in.",
                            examples=["lonely"])
    to: MoodName = Field(description="The mood the playlist ends in.", examples=["hopeful"])

    def ends(self) -> tuple[str, str]:
        return self.from_, self.to
