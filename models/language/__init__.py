"""Reading moods from words: text normal form, titles, the mood vocabulary and
lexicon, the tagger, review attribution, tags and mood profiles."""
from .affirmed import Affirmed, affirmed_moods, spare_affirmed
from .moods import (LEADING_SHARE, SHOWN_MINIMUM, MoodAccumulator, MoodProfile, finish,
                    labelled, mood_affinity)
from .morphology import activity_forms, bases, stem
from .reviews import (
                      ALBUM_WEIGHT,
                      Comparison,
                      Passage,
                      Reading,
                      Review,
                      ReviewLinker,
                      is_about_music,
)
from .sentences import sentences, with_turn_labels
from .tagger import MoodHit, hits_vector, tag_text
from .tags import TagReader, tag_moods
from .text import NORMAL_FORM, normalise, tempo_words, tokens
from .mentions import find_mentions
from .reactions import settle_shivers
from .resemblance import album_strings, resembling
from .seed_readings import MAX_CUTS, part_form, seed_readings, spelled_ranges
from .titles import TitleIndex, variants
from .versions import base_title, is_version_note, source_of, sourceless_base
from .vocabulary import LEXICON_PATH, MOOD_INDEX, MOODS, Entry, Lexicon, load_lexicon

__all__ = [
    "LEADING_SHARE",
    "SHOWN_MINIMUM",
    "labelled",
    "ALBUM_WEIGHT",
    "Comparison",
    "Entry",
    "LEXICON_PATH",
    "Lexicon",
    "MoodHit",
    "MAX_CUTS",
    "MOODS",
    "NORMAL_FORM",
    "MOOD_INDEX",
    "MoodAccumulator",
    "MoodProfile",
    "Passage",
    "Reading",
    "Review",
    "ReviewLinker",
    "TagReader",
    "activity_forms",
    "Affirmed",
    "affirmed_moods",
    "TitleIndex",
    "base_title",
    "bases",
    "find_mentions",
    "finish",
    "hits_vector",
    "is_about_music",
    "is_version_note",
    "load_lexicon",
    "mood_affinity",
    "normalise",
    "album_strings",
    "resembling",
    "part_form",
    "spelled_ranges",
    "seed_readings",
    "settle_shivers",
    "sentences",
    "spare_affirmed",
    "source_of",
    "sourceless_base",
    "stem",
    "tag_moods",
    "tag_text",
    "tempo_words",
    "tokens",
    "variants",
    "with_turn_labels",
]
