"""Bodies of ``POST /v1/recommendations`` and ``POST /v1/playlists``.

Both take the query fields of :class:`QueryFields` (seeds, moods, targets, filters,
shaping); :class:`RecommendBody` adds ``limit``, :class:`PlaylistBody` the playlist's
``seed``, ``length`` or ``minutes``, ``arc``, ``min_artist_gap``, ``tempo_tolerance``
and ``title``.
Cross-field rules (min <= max, "ask for something", at most five seeds in all) raise
errors at an exact field, like every other rule.
"""
from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import Field, model_validator

from .attributes import AttributeFields, attribute_ranges, first_inverted_range
from .parts import Arc, Moods, SeedItem
from .types import (
    MAX_ID_CHARS,
    MAX_INCLUDE_IDS,
    MAX_LIST,
    MAX_SEEDS,
    MAX_TEXT,
    MAX_TITLE,
    NULL_IS_DEFAULT,
    Item,
    fail,
    integer,
    number,
    quote,
    text,
)

_LIST: dict[str, Any] = {"default_factory": list, "max_length": MAX_LIST}
MoodAxis = number(-1, 1)
FreeText = text(MAX_TEXT)
Title = text(MAX_TITLE)
AnyId = text(MAX_ID_CHARS)
_ANY_ID = ("a feelalike track id, or an external id: spotify:track:ID (or an "
           "open.spotify.com link), isrc:ISRC, mbid:UUID, deezer:DIGITS, path:FILE or "
           "ext:NAME:VALUE")
ArtistCap = integer(1, 100)
RandomSeed = integer(0, 2**32 - 1)
Diversity = Annotated[number(0, 1), NULL_IS_DEFAULT]
Temperature = Annotated[number(0, 5), NULL_IS_DEFAULT]
Limit = Annotated[integer(1, 100), NULL_IS_DEFAULT]
Length = Annotated[integer(1, 100), NULL_IS_DEFAULT]
MAX_MINUTES = 600
Minutes = number(1, MAX_MINUTES)
ArtistGap = Annotated[integer(0, 20), NULL_IS_DEFAULT]
TempoTolerance = Annotated[number(0.01, 0.5), NULL_IS_DEFAULT]


class QueryFields(AttributeFields):  # type: ignore[misc, valid-type]
    """What to recommend: the fields shared by recommendations and playlists."""

    seeds: list[SeedItem] = Field(
        default_factory=list, max_length=MAX_SEEDS,
        description=f"Up to {MAX_SEEDS} tracks to find more like: each a track id or title, "
                    "or {\"seed\": id or title, \"weight\": above 0 to 10}.",
        examples=[["Loneliness #3", {"seed": "Someone You Loved", "weight": 0.5}]])
    negative_seeds: list[SeedItem] = Field(
        default_factory=list, max_length=MAX_SEEDS,
        description=f"Up to {MAX_SEEDS} tracks to find less like (same forms as seeds); "
                    "without seeds, beside moods, text or targets, the distance from them "
                    "counts half as much as the strongest of those at weight 1.",
        examples=[["Dance Monkey"]])
    moods: Moods = Field(  # type: ignore[valid-type]
        default_factory=Moods,
        description="Target moods: {mood: weight 0-1} over the 16 moods; at least one "
                    "weight above 0.",
        examples=[{"lonely": 0.8, "hopeful": 0.3}])
    target_valence: MoodAxis | None = Field(
        None, description="Target valence, -1 (negative) to 1 (positive).", examples=[-0.3])
    target_arousal: MoodAxis | None = Field(
        None, description="Target arousal, -1 (calm) to 1 (excited).", examples=[0.2])
    text: FreeText | None = Field(
        None, description=f"A free-text mood query (at most {MAX_TEXT} characters), read "
                          "for moods and valence/arousal; explicit fields win. Words naming "
                          "the catalog's tags (\"sad rock\") prefer their tracks among "
                          "those that fit the moods.",
        examples=["late-night city drive"])
    include_tags: list[Item] = Field(
        **_LIST, description="Only tracks with any of these genres, subgenres or playlist "
                             "names (case-insensitive).", examples=[["indie pop"]])
    exclude_tags: list[Item] = Field(
        **_LIST, description="No tracks with any of these genres, subgenres or playlist "
                             "names (case-insensitive).", examples=[["rap"]])
    exclude_artists: list[Item] = Field(
        **_LIST, description="No tracks by these artists (case-insensitive).",
        examples=[["Ed Sheeran"]])
    exclude_ids: list[AnyId] = Field(
        **_LIST, description=f"No tracks with these ids: each {_ANY_ID}; ids of no track "
                             "are ignored.",
        examples=[["4uLU6hMCjMI75M1A2tKUQC", "isrc:GBUM71900187"]])
    include_ids: list[AnyId] = Field(
        default_factory=list, max_length=MAX_INCLUDE_IDS,
        description=f"Only tracks with these ids (a library as an allowlist; at most "
                    f"{MAX_INCLUDE_IDS}): each {_ANY_ID}. Ids of no track are ignored and "
                    "counted in include_ids_unknown; when none is known the answer is "
                    "empty. A track with nothing to place it by (placed: false) is never "
                    "returned, with a warning. Empty or absent: no restriction.",
        examples=[["spotify:track:4uLU6hMCjMI75M1A2tKUQC", "isrc:GBUM71900187",
                   "3AJwUDP919kvQ9QcozQPxg"]])
    max_per_artist: ArtistCap | None = Field(
        None, description="At most this many tracks crediting one artist (1-100), main "
                          "artist or guest ('B feat. A' counts for A); a track crediting "
                          "several is left out when any of them is at the cap. Tracks "
                          "with no artist are never capped.", examples=[1])
    dedupe: bool = Field(True, description="One version per song (remix, live, remaster "
                                           "count as the same song).", examples=[True])
    diversity: Diversity | None = Field(
        None, description="Maximal marginal relevance, 0 (pure relevance) to 1. Not "
                          "given: a list asked for by moods or targets alone (no seeds, "
                          "no text) is spread over kinds of music among the tracks that "
                          "fit about as well (a mood alone would list one genre); "
                          "others take 0.",
        examples=[0.3])
    temperature: Temperature = Field(
        0.0, description="Variety, 0 (none) to 5: results are drawn by rank, rank r with "
                         "weight exp(-(r-1) / (10 * temperature)); 1 keeps about half of "
                         "the top 10.",
        examples=[0.5])
    random_seed: RandomSeed | None = Field(
        None, description="Seed of the sampling (0 to 2^32-1); the response echoes the "
                          "one used so a list can be reproduced.", examples=[42])

    # -- normalised values for the engine ---------------------------------------------
    def seed_list(self) -> list[tuple[str, float]]:
        """``[(id or title, weight)]``, stripped, weight 1 when not given."""
        return [s.pair() for s in self.seeds]

    def negative_seed_list(self) -> list[tuple[str, float]]:
        return [s.pair() for s in self.negative_seeds]

    def seed_paths(self) -> list[str]:
        """The JSON path of each seed's text, in the order of :meth:`seed_list`."""
        return [s.path(f"seeds[{i}]") for i, s in enumerate(self.seeds)]

    def negative_seed_paths(self) -> list[str]:
        return [s.path(f"negative_seeds[{i}]") for i, s in enumerate(self.negative_seeds)]

    def mood_weights(self) -> dict[str, float]:
        """``{mood: weight}`` of the moods given (in feelalike's mood order)."""
        return self.moods.weights()

    def ranges(self) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        """``(minimums, maximums, targets)`` by attribute; the year is ``"year"``."""
        return attribute_ranges(self)

    def asks_for_something(self) -> bool:
        """Seeds, moods, text, valence/arousal or a target attribute given (text may
        still turn out to name no mood: the engine decides after reading it)."""
        return bool(self.seeds or self.mood_weights() or self.text or self.ranges()[2]
                    or self.target_valence is not None or self.target_arousal is not None)

    @model_validator(mode="after")
    def _cross_checks(self) -> Any:
        inverted = first_inverted_range(self)
        if inverted:
            low, high = (quote(getattr(self, p + inverted)) for p in ("min_", "max_"))
            raise fail(f"must not be greater than max_{inverted} ({low} > {high})",
                       at=f"min_{inverted}")
        self._check_wants()
        return self

    def _check_wants(self) -> None:
        """Subclasses: raise when the request asks for nothing."""


#: how deep recommendation pages go (offset + limit): within the best candidates the
#: ranking shapes (``models.ranking.shaping.POOL``)
MAX_RESULTS = 500
MAX_OFFSET = MAX_RESULTS - 1
OFFSET_HELP = (f"How many of the best results to skip (0-{MAX_OFFSET}): the next page "
               "starts at the answer's next_offset; a longer list begins as a shorter one "
               "does, so pages join up.")
Offset = Annotated[integer(0, MAX_OFFSET), NULL_IS_DEFAULT]


class RecommendBody(QueryFields):
    """Body of ``POST /v1/recommendations``."""

    limit: Limit = Field(
        10, description="How many results (1-100).", examples=[10])
    offset: Offset = Field(0, description=OFFSET_HELP + " A list drawn with a temperature "
                           "pages with the random_seed its first page answered.",
                           examples=[0])

    #: names other routes give a field, for the error on an unknown one to name it
    SYNONYMS: ClassVar[dict[str, str]] = {"length": "limit", "count": "limit"}

    def _check_wants(self) -> None:
        if not self.asks_for_something():
            raise fail("give at least one of seeds, moods, text, target_valence, "
                       "target_arousal or a target_ attribute", at="seeds")

    @model_validator(mode="after")
    def _page_of_one_draw(self) -> Any:
        """A page past the first of a drawn list is cut from the same draw only with the
        first page's ``random_seed``: drawn anew it repeats and skips tracks."""
        if self.offset and self.temperature > 0 and self.random_seed is None:
            raise fail("a page past the first of a list drawn with a temperature needs "
                       "the random_seed the first page answered (drawn anew, it would "
                       "repeat tracks of the pages before and skip others)", at="random_seed")
        return self


PLAYLIST_WANTS = ("give a seed, seeds, moods, text, an arc, target_valence, target_arousal "
                  "or a target_ attribute")


class PlaylistBody(QueryFields):
    """Body of ``POST /v1/playlists``; ``seed`` comes first among the seeds."""

    seed: SeedItem | None = Field(
        None, description="The first seed: a track id or title, or {\"seed\", \"weight\"}; "
                          "placed before seeds (at most 5 seeds in all).",
        examples=["Loneliness #3"])
    length: Length = Field(
        20, description="How many tracks (1-100); not with minutes.", examples=[20])
    minutes: Minutes | None = Field(
        None, description=f"The playlist's length in time instead, in minutes (1-"
                          f"{MAX_MINUTES}, fractions allowed; not with length): it stops "
                          "when the time left is at most half its shortest track still "
                          "allowed, so it is over by less than its last track and under by "
                          "at most half a track; at most 100 tracks.",
        examples=[45])
    arc: Arc | None = Field(
        None, description="Mood arc: {\"from\": MOOD, \"to\": MOOD}; valence/arousal move "
                          "from the first mood's position to the second's.",
        examples=[{"from": "lonely", "to": "hopeful"}])
    min_artist_gap: ArtistGap = Field(
        3, description="No artist, main or guest (feat.), repeats within this many "
                        "positions (0-20).", examples=[3])
    tempo_tolerance: TempoTolerance = Field(
        0.08, description="Largest relative tempo jump between neighbours that costs "
                          "nothing (0.01-0.5; half/double time is the same pulse).",
        examples=[0.08])
    title: Title | None = Field(
        None, description=f"The playlist's title (at most {MAX_TITLE} characters); made "
                          "from the arc or the first seed when not given.",
        examples=["Night drive"])

    SYNONYMS: ClassVar[dict[str, str]] = {"limit": "length", "count": "length",
                                          "steps": "length"}

    def seed_list(self) -> list[tuple[str, float]]:
        """``seed`` (when given) followed by ``seeds``."""
        first = [self.seed.pair()] if self.seed is not None else []
        return first + super().seed_list()

    def seed_paths(self) -> list[str]:
        first = [self.seed.path("seed")] if self.seed is not None else []
        return first + super().seed_paths()

    def arc_ends(self) -> tuple[str, str] | None:
        return self.arc.ends() if self.arc is not None else None

    def target_ms(self) -> float | None:
        """The time asked for in ms (None: ``length`` counts the tracks)."""
        return self.minutes * 60_000.0 if self.minutes is not None else None

    @model_validator(mode="before")
    @classmethod
    def _length_or_minutes(cls, data: Any) -> Any:
        """Both sent (not null) is a 400: which one to honour is the client's to say."""
        if isinstance(data, dict) and data.get("length") is not None \
                and data.get("minutes") is not None:
            raise fail("give length (a track count) or minutes (a time), not both",
                       at="minutes")
        return data

    def _check_wants(self) -> None:
        if self.seed is not None and len(self.seeds) >= MAX_SEEDS:
            raise fail(f"at most {MAX_SEEDS} seeds, counting 'seed'", at="seeds")
        if not (self.seed is not None or self.arc is not None or self.asks_for_something()):
            raise fail(PLAYLIST_WANTS, at="seeds")
