"""Which words of a free-text request name tags of the catalog (genres, subgenres,
playlist names): the kinds of music it asks for ("angry metal", "lofi beats to study
to"), not the everyday words that stand in a playlist's name ("the sound of summer")."""
from __future__ import annotations

from ..language import load_lexicon, normalise, tag_text
from .table import TrackTable

#: longest tag a text is looked up for ("alternative r&b", "big room house")
MAX_TAG_WORDS = 3
#: a phrase whose tags fewer tracks carry is too rare to steer a list
MIN_TAGGED = 3
#: words of playlist names that name no kind of music on their own
PLAIN_WORDS = frozenset(
    "a an and the of for to in on at by with my your our me you i it its is are be "
    "this that these those some something anything all any more most very really "
    "music songs song tracks track hits hit mix playlist list best top new old good "
    "great favourite favorite feel feeling vibes vibe like just only one two three "
    "time day today night week weekend year beats tunes jams anthems classics essentials "
    "sounds radio mixtape collection session sessions edition version".split())
#: particles and prepositions, which name no kind of music either: "waking up" named the
#: playlist "Festival Music 2019 - Warm Up Music" and put festival EDM first
PARTICLES = frozenset(
    "up down out off over from into onto about after before around through".split())
#: kinds of music a single word names inside a longer tag ("metal" of "Progressive Rock
#: Metal", "jazz" of "Indie Jazz Poptimism"); any other single word names a tag only when
#: it is the whole tag ("rock", "trap"): everyday words stand in playlist names too, and
#: "late-night city drive" named "New Jack Swing - late 80's", "New Jack City" and
#: "Hip-Hop Drive" (bench/text_words.py)
MUSIC_KINDS = frozenset(
    "rock pop rap jazz metal soul funk house techno trance disco punk grunge blues indie "
    "folk country reggae ska salsa cumbia bachata merengue dancehall reggaeton dubstep "
    "drill grime emo goth gospel hardcore shoegaze synthwave synthpop darkwave chiptune "
    "ambient classical orchestral opera hiphop rnb crunk britpop bluegrass electro "
    "electronic electronica electropop edm afrobeats afrobeat trap dnb motown lofi "
    "lounge bossa samba tango flamenco kpop jpop americana rockabilly psychedelic "
    "breakbeat downtempo triphop sertanejo soca zouk kizomba polka bolero ranchera "
    "corrido mariachi hyperpop".split())
#: words before which a kind of music is no style but a verb or a thing ("House of the
#: Rising Sun", "Rock the Boat", "rock me"): ``stands_as_style``
NOT_BEFORE_STYLE = frozenset("of the a an my your our his her their its me you it him "
                             "them us".split())
#: words after which a kind of music is a thing ("clean the house", "my soul") ...
DETERMINERS = frozenset("the a an my your our his her their its".split())
#: ... unless one of these follows ("the rock classics", "my house playlist")
MUSIC_NOUNS = frozenset("music songs song tracks track hits mix playlist playlists beats "
                        "tunes jams anthems classics essentials sounds radio mixtape "
                        "collection".split())
#: set phrases in which a kind of music is no style ("a night of soul searching"): a
#: kind of music inside one is a thing, unless the whole phrase is a tag
IDIOMS = tuple(phrase.split() for phrase in (
    "soul searching", "heart and soul", "body and soul", "rock bottom", "rock solid",
    "pop quiz", "jazz hands", "all that jazz", "house arrest", "country mile",
    "metal detector"))
#: kinds of music a tag lists to be a mix of them, more than a fusion's two or three
#: ("neo soul modern jazz smooth hiphop"): ``_lists_kinds``
LISTED_KINDS = 4
#: a word before a tag that turns the text against it ("no rap", "without strings")
AGAINST = frozenset({"no", "not", "without", "except", "non", "nothing", "never"})


def text_tags(text: str, table: TrackTable) -> dict[str, list[str]]:
    """The words of ``text`` that name tags of ``table``, each with the tags it names,
    longest first where they overlap.  Left out: a phrase after "no", "not", "without"
    ...; a single word that is a mood word (moods are read as moods: "sad" is no call
    for the "sad trap" playlist) unless it is a kind of music too ("lofi", "funk",
    "trance": read as a mood as well, by ``read_text_target``), a single word inside a
    longer tag unless it is a kind of music (``MUSIC_KINDS``: "city" names "city pop"
    only as "city pop"), a number, or a word that names no kind of music alone ("songs",
    "night"), or a phrase of such words only ("in the", "songs for"); a kind of music
    the text does not use as the style ("clean the house", "rock the party": see
    ``stands_as_style``) unless the phrase is a whole tag; a phrase fewer than
    MIN_TAGGED tracks carry."""
    words = normalise(text).split()
    things = {i for i, word in enumerate(words)
              if word in MUSIC_KINDS and not stands_as_style(words, i)}
    found: dict[str, list[str]] = {}
    i = 0
    while i < len(words):
        for n in range(min(MAX_TAG_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            tags = _tags_named(phrase, table, as_style=things.isdisjoint(range(i, i + n)))
            if tags:
                if not (i and words[i - 1] in AGAINST):
                    found.setdefault(phrase, tags)
                i += n
                break
        else:
            i += 1
    return found


def stands_as_style(words: list[str], i: int) -> bool:
    """Whether the kind of music ``words[i]`` stands as the style there, in a text or a
    tag: not before "of" or an object ("House of the Rising Sun", "Rock the Boat",
    "rock me", "soul of the city"), nor in a set phrase ("soul searching"), nor after an
    article or a possessive unless a word like "music" follows ("clean the house", "my
    soul"; "the rock classics" is rock)."""
    after = words[i + 1] if i + 1 < len(words) else ""
    if after in NOT_BEFORE_STYLE or _in_idiom(words, i):
        return False
    return not (i and words[i - 1] in DETERMINERS and after not in MUSIC_NOUNS)


def _in_idiom(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is inside one of the ``IDIOMS`` there."""
    return any(words[j:j + len(idiom)] == idiom for idiom in IDIOMS if words[i] in idiom
               for j in range(max(0, i - len(idiom) + 1), i + 1))


def _plain(word: str) -> bool:
    """A word that names no kind of music, alone or beside others like it ("in the")."""
    return word in PLAIN_WORDS or word in PARTICLES or word in AGAINST or word.isdigit()


def _tags_named(phrase: str, table: TrackTable, as_style: bool = True) -> list[str]:
    """The tags ``phrase`` names in any of its spellings ("lofi": "lo fi beats"); with
    ``as_style`` False (a kind of music in it is not used as the style) only a tag that
    is the whole phrase, if it is more than a word."""
    named = {tag: form for form in _spellings(phrase) for tag in table.tags_naming(form)}
    if not named or all(_plain(word) for word in phrase.split()):  # most phrases stop here
        return []
    whole = [tag for tag, form in named.items() if tag == form]
    if not as_style:
        return _steering(whole if " " in phrase else [], table)
    if " " not in phrase and phrase not in MUSIC_KINDS:
        if tag_text(phrase, load_lexicon()):
            return []
        return _steering(whole, table)  # an everyday word: its own tag only
    if _one_everyday_word(phrase.split()):  # "the sound of": only a tag of those words
        return _steering(whole, table)
    tags = [tag for tag, form in named.items() if tag == form or _as_style_in(form.split(), tag)]
    return _steering([tag for tag in tags if not _lists_kinds(tag)], table) or \
        _steering(tags, table)


def _lists_kinds(tag: str) -> bool:
    """Whether ``tag`` lists LISTED_KINDS kinds of music or more ("House Electro
    Progressive Disco Lofi Synthwave"): a mix, which a kind names only when it names no
    tag of its own (its tracks put disco first for "chill lofi", before "Lofi Hip Hop")."""
    return len(MUSIC_KINDS.intersection(tag.split())) >= LISTED_KINDS


def _one_everyday_word(words: list[str]) -> bool:
    """Whether ``words`` hold one word only beside plain words ("the", "of"; particles
    count: "warm up" is a phrase), and no kind of music: "the sound of summer" named
    "The Sound of Post Teen Pop", "a taste of the sun" "A Taste of the Mainstream"."""
    content = [w for w in words if not (w in PLAIN_WORDS or w in AGAINST or w.isdigit())]
    return len(content) == 1 and content[0] not in MUSIC_KINDS


def _spellings(phrase: str) -> list[str]:
    """``phrase`` and the other spellings of it a tag may use: a word split in two
    ("lofi" for the playlist "Lo-Fi Beats", "synthpop"), two words joined ("hip hop" for
    "smooth hiphop"); each part at least two letters, none a plain word."""
    words = phrase.split()
    if len(words) == 2 and not any(_plain(word) for word in words):
        return [phrase, "".join(words)]  # not "a long" for "along", "old school"
    if len(words) == 1 and phrase.isalpha():
        parts = ((phrase[:k], phrase[k:]) for k in range(2, len(phrase) - 1))
        return [phrase, *(f"{a} {b}" for a, b in parts if not (_plain(a) or _plain(b)))]
    return [phrase]


def _steering(tags: list[str], table: TrackTable) -> list[str]:
    """``tags``, or none when fewer than MIN_TAGGED tracks carry them."""
    return tags if tags and int(table.rows_with_tags(set(tags)).sum()) >= MIN_TAGGED else []


def _as_style_in(phrase: list[str], tag: str) -> bool:
    """Whether ``tag`` holds ``phrase`` with each kind of music of it standing as the
    style ("deep house", "house music"; not "house of the rising sun")."""
    kinds = [k for k, word in enumerate(phrase) if word in MUSIC_KINDS]
    if not kinds:
        return True
    words, n = tag.split(), len(phrase)
    return any(words[j:j + n] == phrase and all(stands_as_style(words, j + k) for k in kinds)
               for j in range(len(words) - n + 1))
