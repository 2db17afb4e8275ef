"""What every response model shares: the base class, the short form of a track and the
fields several answers document alike (see ``responses.py``)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

VERSION = Field(description="The model version that answered (a build timestamp and a "
                            "content hash).", examples=["20261125T204030Z-d62af65e"])
MOODS = Field(description="The track's top moods, best first (at most 3).",
              examples=[["lonely", "eerie", "sad"]])
EXTERNAL_IDS = Field(
    description="The track's ids in other systems, by kind: isrc, mbid (MusicBrainz "
                "recording), spotify, deezer, path (a file), ext:NAME; each also works as "
                "a seed written kind:value (spotify:track:ID for Spotify).",
    examples=[{"isrc": "GBUM71900187", "spotify": "7qEHsqek33rTcFNT9PFqLf"}])
TEXT_READ = Field(None, description="Present when text was given: what it was read as.")
SPELT = Field(None, description="Present when a seed's title was taken for a near spelling "
                                "(another song may be meant).", examples=[[
                  "seed: no title 'Fur Elise'; took the nearest spelling, 'For Elise'"]])
UNKNOWN_IDS = Field(
    None, ge=0, description="Present when include_ids was given: how many of its entries "
                            "name no track of this model (they were ignored).",
    examples=[3])


class Doc(BaseModel):
    """Base: documented fields; a client should ignore fields it does not know."""

    model_config = ConfigDict(extra="allow")


class TextRead(Doc):
    """What the request's text was read as."""

    moods: dict[str, float] = Field(description="Moods it asks for (strongest 1).",
                                    examples=[{"aggressive": 1.0, "energetic": 0.4}])
    tags: list[str] = Field(description="Words naming tags of the catalog: tracks with "
                                        "those tags rank first.", examples=[["metal"]])


class TrackRef(Doc):
    """The short form of a track in every response."""

    id: str = Field(description="The track id.", examples=["her-loneliness-3"])
    title: str = Field(description="The track's title.", examples=["Loneliness #3"])
    artist: str = Field(description="The artist (may be empty).", examples=["Arcade Fire"])
    album: str = Field(description="The album (may be empty).", examples=["Her"])
