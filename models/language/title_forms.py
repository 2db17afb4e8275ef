"""The forms a review may write a track's title in, beyond its variants: the part after
a numbered heading's colon ("Boss 1: The Iron Warden" as "The Iron Warden"), and the
title without its leading article ("Ferryman's Toll" for "The Ferryman's Toll"), which
counts only where written as a name (every word that is no stopword capitalised), so
"another day in the life" or "next song, same story" name no track; and a sequel number
in the other numerals ("Sentinel 2" for "Sentinel II", "Part III" or "Pt. Three" for
"Part 3")."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

from .text import Token, normalise
from .titles import STOPWORDS, variants
from .versions import is_version_note

#: "Boss 1: The Iron Warden": reviews name the part after the colon
_AFTER_COLON = re.compile(r"^[^:]{1,40}:\s+(\S.*)$")
#: "Gaspard de la nuit, M. 55: I. Ondine", "Symphony No. 9 ...: II. Largo": a movement,
#: which reviews call by its name ("Ondine", "the Largo")
_MOVEMENT = re.compile(r"^.+:\s+(?:[IVXLC]+|\d+)\.\s+(\S.*)$")
_ARTICLES = frozenset({"the", "a", "an"})
#: "Chi mi frena in tal momento (Sextet)", "Il dolce suono (Mad Scene)": a subtitle in
#: title case after the title, which reviews call the track by ("the Sextet")
_SUBTITLE = re.compile(r"\(((?:[A-Z][\w'\u2019-]*)(?:\s+[A-Z][\w'\u2019-]*){0,3})\)\s*$")
#: a subtitle that says what kind of track it is, not its name: "(Theme)", "(Outro)"
_KIND_NOTES = frozenset("theme intro outro interlude skit reprise instrumental demo live "
                        "remix version mix edit acoustic remastered bonus".split())
#: '"Souvenirs" is a collection of ...', '"Salt Roads" is her third album', '"Salt
#: Roads" opens with "Lantern"': the work; not '... is the album's title track', '...
#: is a standout cut on the record', '... is the album version of the theme', '... is
#: the score at its most heroic', '... is a soundtrack staple' (the kind of work ends
#: its phrase), '... opens with a piano figure'
_TRACK_NOUNS = (r"track|cue|piece|song|theme|tune|number|title|cut|single|highlight|"
                r"standout|favou?rite|moment|version|opener|closer|ballad|mix|edit|take")
_A_KIND_OF_WORK = re.compile(
    r"^[\"\u201d'\u2019]?,?\s+(?:is|was|remains)\s+(?:a|an|the|her|his|their|its|my)\s+"
    r"(?:(?!(?:of|on|in|from|at|to|for|with|by|since|" + _TRACK_NOUNS + r")\b)"
    r"[\w'-]+,?\s+){0,4}"
    r"(?:collection|album|record|ep|lp|compilation|release|debut|follow-up|soundtrack|score)"
    r"(?![\w'\u2019-])(?!,?\s+(?:at|to|in|" + _TRACK_NOUNS + r")\b)"
    r"(?=\s*$|\s*[,.;:!?)\u2013\u2014]|\s+(?:of|that|which|by|from|with|and|but|where|"
    r"whose|for)\b)|"
    r"^[\"\u201d'\u2019]?\s+(?:begins|opens|starts|kicks off|closes|ends)\s+with\s+"
    r"[\"\u201c'\u2018]", re.IGNORECASE)


def _roman(number: int) -> str:
    tens, units = divmod(number, 10)
    return "x" * tens + ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][units]


#: 2-39 in each way of writing them; "I" and "one" are left alone (a pronoun or a
#: common word far more often than a number) and so are the one-letter numerals
#: ("Malcolm X", "Part V" are rarer than the confusion)
_ROMAN = {str(n): roman for n in range(2, 40) if len(roman := _roman(n)) > 1}
_WORDS = dict(zip(map(str, range(2, 21)), "two three four five six seven eight nine ten "
                  "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
                  "nineteen twenty".split()))
_ARABIC = {written: arabic for table in (_ROMAN, _WORDS) for arabic, written in table.items()}
#: "Pt. 2", "Part II", "Part Two": one part however it is written
_PART = {"pt": "part", "part": "pt"}


def numerals_swapped(form: str) -> tuple[str, ...]:
    """A normalised form with its numbers written the other ways ("sentinel ii" ->
    "sentinel 2", "sentinel two") and "part" for "pt" and back, or () when it has no
    number or is nothing but numbers ("II" as "2" would be every "2" of a text)."""
    words = form.split()
    arabic = [_ARABIC.get(word, word) for word in words]
    numbered = [word.isdigit() and word in _ROMAN for word in arabic]
    if not any(numbered) or all(numbered):
        return ()
    out = []
    for table in ({}, _ROMAN, _WORDS):
        numbers = [table.get(word, word) if is_number else word
                   for word, is_number in zip(arabic, numbered)]
        out += [" ".join(numbers), " ".join(_PART.get(word, word) for word in numbers)]
    return tuple(f for f in dict.fromkeys(out) if f != form)


@lru_cache(maxsize=100_000)
def without_article(title: str) -> str:
    """The title's full normalised form without a leading article, if two words or more
    remain; else ""."""
    forms = variants(title)
    first, _, rest = (forms or ("",))[0].partition(" ")  # "?" has no name to write
    return rest if first in _ARTICLES and len(rest.split()) >= 2 else ""


@lru_cache(maxsize=100_000)
def article_added(form: str) -> str:
    """A quoted name with articles the title lacks ("the mandala" for "Mandala", "under
    the stars" for "Under Stars"): the name without them, or "".  An article that ends
    the name stays ("plan a", "side a"), and one inside it only goes when two words
    remain ("the a team" is no "Team")."""
    words = form.split()
    rest = words[1:] if len(words) > 1 and words[0] in _ARTICLES else words
    kept = [w for i, w in enumerate(rest) if w not in _ARTICLES or i == len(rest) - 1]
    if len(kept) < len(rest) and len(kept) < 2:
        return ""
    return " ".join(kept) if len(kept) < len(words) else ""


@lru_cache(maxsize=100_000)
def named_as(title: str) -> tuple[str, ...]:
    """The title's variants, then the part after a heading's colon (and a movement's
    name without its number, and without the tempo after it), the title without its
    article, a subtitle in brackets ("Sextet" of "Chi mi frena (Sextet)") and the
    variants with their numbers swapped (when they differ)."""
    after, forms = _AFTER_COLON.match(title), variants(title)
    movement, subtitle = _MOVEMENT.match(title), _SUBTITLE.search(title)
    if subtitle and (is_version_note(subtitle.group(1)) or
                     set(subtitle.group(1).lower().split()) & _KIND_NOTES):
        subtitle = None
    extra = [normalise(after.group(1)) if after else "", without_article(title),
             normalise(subtitle.group(1)) if subtitle else "",
             *(variants(movement.group(1)) if movement else ()),
             *(variants(movement.group(1).split(": ")[0]) if movement else ()),  # "Intermezzo"
             *(swapped for form in forms for swapped in numerals_swapped(form))]
    return forms + tuple(e for e in dict.fromkeys(extra) if e and e not in forms)


def written_as_a_name(text: str, toks: Sequence[Token], words: Sequence[str]) -> bool:
    """Every word of the span that is no stopword starts with a capital (or is no
    letter): "Ferryman's Toll", not "day in the life"."""
    return all(text[tok.start:tok.start + 1].isupper() or not text[tok.start].isalpha()
               for tok, word in zip(toks, words) if word not in STOPWORDS)


def names_the_work(text: str, end: int) -> bool:
    """After a quoted title that is also the work's name, the sentence says it is a
    kind of work ("is a collection of", "is her debut album"): the work, not the title
    track."""
    return bool(_A_KIND_OF_WORK.match(text[end:end + 120]))


#: "the (brooding) title track": a mention from "title" on, the adjectives are about it;
#: a sentence may open with it without an article ("Title track is the big one.")
TITLE_TRACK = re.compile(r"(?:\b(the|its|their|his|her|(the )?(album|record)['\u2019]s)"
                         r"((?: [a-z][\w-]*,?){0,2}) |^[\s*_\"'\u201c\u2018]*)"
                         r"(?P<name>title[- ](track|theme|cue|song|tune))\b", re.IGNORECASE)
#: a sentence about another of the artist's works: its title track is not this album's
OTHER_WORK = re.compile(r"\b(previous|last|earlier|prior|debut|former|next|other|\d{4})\s+"
                        r"(album|record|ep|lp|release|effort|outing|work|debut)\b|"
                        r"\b(their|his|her|the band['\u2019]s) (debut|last|previous)\b",
                        re.IGNORECASE)
#: before a quoted name: it names another work ("the Doors' 'The End'", "the film 'The
#: Lighthouse'"), so an added article does not make it a title of this album
_ANOTHER_WORKS = re.compile(r"(['\u2019]s?|\b(film|movie|album|record|song|band|show|series|"
                            r"book|novel|game|ep|lp|by))\s*[\"\u201c\u2018']?$", re.IGNORECASE)


def article_added_ok(text: str, start: int) -> bool:
    """A quoted name read without its article may be a title here: nothing before it
    says it is another work's."""
    return not _ANOTHER_WORKS.search(text[max(0, start - 30):start])


#: a sentence saying a track is what its title says: its title's words describe it
_TRUE_TO_TITLE = re.compile(
    r"(?<!whatever )(?<!despite )(?<!contrary to )\b(lives? up to|living up to|true to|"
    r"takes? (its|the) (title|name) (\w+ )?(seriously|literally)|as (its|the) (title|name) "
    r"(suggests|implies|promises|says)|(aptly|fittingly|appropriately) (titled|named))"
    r"(?! (the|a|an|his|her|their|our) )", re.IGNORECASE)
_WHOSE_TITLE = re.compile(r"\b(its|the) (title|name)\b", re.IGNORECASE)


def true_to_its_title(sentence: str, mentions: Sequence[Any]) -> bool:
    """"'Mysterious Caverns' takes its title quite seriously", "lives up to its name",
    "aptly titled": the one track named is what its title says, so the title's words
    are read as words about it (elsewhere a title's words name it and say nothing)."""
    cue = _TRUE_TO_TITLE.search(sentence)
    return len(mentions) == 1 and cue is not None and (
        cue.group(0).lower().startswith(("aptly", "fittingly", "appropriately"))
        or bool(_WHOSE_TITLE.search(sentence, cue.start())))
