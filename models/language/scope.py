"""Scope: which words of a sentence belong to which of the titles it names.

Titles listed together ("'A', 'B' and 'C'") form one group that shares whatever the
sentence says about it.  Between two groups, the words just before a title, from
its determiner on ("the driving 'Meteor'") or from the noun a "such as" hangs on
("quirkier pieces such as 'D'"), belong to that title; the rest of the gap (after
the previous title: "'A' gives way to") belongs to the previous group.  Words before
the first group belong to it, words after the last group to the last group.

Headings are in :mod:`headings`, sentences about the album as a whole in
:mod:`album_subject`.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from .contrasted_possessions import possession_end
from .material_of import takes_material_from
from .text import QUOTE_CHARS, tokens
from .mentions import Mention

JOINERS = re.compile(r"^[\s,/&()\[\]?!." + re.escape(QUOTE_CHARS) +
                     r"]*(?:(?:and|or|plus|as well as|&)[\s" + re.escape(QUOTE_CHARS) +
                     r"(]*)?$", re.IGNORECASE)
DETERMINERS = frozenset("the a an its his her their this that these those".split())
EXAMPLE_CUES = re.compile(r"\b(such as|like|including|include|includes|namely)\W*$",
                          re.IGNORECASE)
BOUNDARY = re.compile(r"[,;:\u2013\u2014]|\s-{1,2}\s")
CLAUSE_OPENER = re.compile(r"^\W*(and|while|whereas|but|then|or|yet|before|after)\b",
                           re.IGNORECASE)
#: a word that ends the noun phrase before a title: what precedes it belongs elsewhere
CLAUSE_LINKS = frozenset("before after until till while whereas when then".split())
NP_REACH = 6  # words from a determiner to the title it introduces
#: "and" and at most three modifiers before a title; not a verb or a determiner
PREMODIFIED = re.compile(r"^,?\s*(and|or|but|plus)\s+(?P<words>(?:[a-z][\w'-]*,?\s+){0,2}"
                         r"[a-z][\w'-]*)$", re.IGNORECASE)
NOT_MODIFIERS = frozenset("is are was were be been has have had it its this that these those "
                          "the a an then so also more less sounds feels gets becomes "
                          "equally just as similarly likewise too even".split())
#: after a comma, a noun phrase placed in the next title: "..., the majestic horns in 'B'",
#: or, without an article, a short one in a list of them: "..., bleak desolation in 'B'"
LOCATED_IN = re.compile(r"^\s*((the|a|an)\s+(?P<words>(?:[\w'-]+,?\s+){1,6})|"
                        r"(?P<bare>(?:[\w'-]+\s+){1,3}))(in|on)$", re.IGNORECASE)
#: words that make a clause of that noun phrase ("the kind of calm you won't find on 'B'",
#: "a chorale whose melody returns in 'B'"): it stays the previous title's
NOT_PLACED = frozenset("i you we they he she it that which whose who where what kind sort "
                       "type not never nowhere rarely hardly is are was were be".split())
#: words handing over to the next title: what follows them is about it
HANDS_ON = re.compile(r"\b(followed by|gives? way to|giving way to|makes? way for|"
                      r"segues? into|leads? into|transitions? into)\s", re.IGNORECASE)
#: what lies between those words and the title: nothing, or a noun phrase in it ("the
#: brighter piano, guitars and strings of"); not a coda of the track before ("a mournful
#: coda, before")
HANDED_TO = re.compile(r"^$|^(?!.*,\s*(and|but|while|whereas|before|then|though|although|"
                       r"yet)\b)((?:[\w'-]+,?\s+){0,11}(of|in|on|from)|"
                       r"(?:[\w'-]+,?\s+){0,2}[\w'-]+)$", re.IGNORECASE)
#: a determiner and a list of adjectives right before a title: "the joyous, bouncy 'B'"
ADJECTIVE_LIST = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)\s+[\w'-]+"
                            r"(?:,\s*[\w'-]+){1,3}[\s" + re.escape(QUOTE_CHARS) + r"]*$",
                            re.IGNORECASE)
#: "'A' and 'B' do this wonderfully", "'A' is one such cue": the tracks take on the
#: sentence before
DOES_THIS = re.compile(r"\b(do|does|did|doing) (this|that|so)\b|\b(exemplif\w+|epitomi[sz]\w+)\b|"
                       r"\b(is|are) (a |the )?(good |prime |perfect |best |clear )?examples?\b|"
                       r"\b(is|are) (one |two |three |all )?such (cues?|tracks?|songs?|pieces?|"
                       r"moments?|numbers?|tunes?)\b(?!\s+(?:that|as)\b)|\bcase in point\b",
                       re.IGNORECASE)

#: words that make the title after them part of a phrase, not a subject: "After the
#: bleak 'A', 'B' is a relief" lists nothing
PREPOSITION = re.compile(r"\b(after|before|following|besides|beside|unlike|compared to|"
                         r"compared with|next to|as opposed to)\b[^,;:]*$", re.IGNORECASE)
#: the title after these is only what another is compared against or stands in for:
#: "'A', unlike the desolate 'B', is bright" says "bright" of A, and the sentences after
#: "'A' now plays instead of 'B'." go on about A
#: a likeness denied: "'A' has nothing in common with 'B'", "'A' doesn't sound like 'B'
#: at all", "'A' isn't anything like 'B'", "'A' is no 'B'": the sentence is about A
DENIED_LIKENESS = (r"\b(have|has|had|having|share|shares|shared)\s+(nothing|little|not much)"
                   r"\s+(at all\s+)?(in common\s+)?with\b|\bnothing to do with\b|"
                   r"(\bnot|\bnever|n['\u2019]t)\s+((really|quite|even|actually|remotely|much)"
                   r"\s+)?(sound|sounds|sounded|feel|feels|felt|seem|seems|seemed|resemble|"
                   r"resembles|resembled)\s+((anything|remotely|much|at all)\s+)?(like\b)?|"
                   r"\b(is|are|was|were)(n['\u2019]t| not)\s+(anything|remotely|much|at all)"
                   r"\s+like\b|\b(is|was|['\u2019]s)\s+no(?=[\s" + re.escape(QUOTE_CHARS) +
                   r"]*$)")
CONTRASTED = re.compile(r"(\b(unlike|nothing like|not like|different from|in contrast to|"
                        r"far from|(a |worlds? )?world away from|miles (away )?from|none of|"
                        r"opposite of|compared to|compared with|as opposed to|than|"
                        r"instead of|in place of|"
                        r"as \w+ as)\b|" + DENIED_LIKENESS + r")[^,;:]*$",
                        re.IGNORECASE)
#: a title the sentence's subject is built from or likened to, named right after the
#: words that say so: "'A' is basically 'B' with drums, way more upbeat", "'A' - slow
#: piano version of 'B', sad" (what follows 'B' is about 'A'); not "'A' takes a while
#: before 'B' explodes", "I like 'B'"
DERIVED_FROM = re.compile(
    r"(\b(is|was|'s|sounds|feels) (basically|essentially|just|simply|little more than|"
    r"(much |very much |a lot )?like)|\b(similar to|reminiscent of|recalls|echoes|reprises|"
    r"remind(s|ed)? (me|us|one|you|her|him|them) of|(calls|brings) to mind|brings|"
    r"revisits|reworks|borrows from|brings back)|(\b(a|an|the) |([\u2013\u2014:]|\s-)\s*"
    r"((a|an|the) )?)([\w-]+ ){0,2}(reworking|reprise|variation|version|rework|remix|"
    r"reimagining|rearrangement) of|\b(takes( up)?|reuses|reused|reusing|"
    r"recycles|lifts|borrows) (the|its|that) ([\w'\u2019]+ ){0,3}?(melody|theme|motif|tune|"
    r"chords|riff|loop|figure|sample|hook|progression) (of|from))\W*$", re.IGNORECASE)
#: "'A' - it's 'B' taken apart in the echo chamber", "'A' is 'B' slowed down", "It's 'B'
#: heard from outside the walls", "It is 'B' in reverse", "It's 'B' after the argument": A
#: is B remade (or B later on), and what follows 'B' is about A
COPULA_LEAD = re.compile(r"^\W*((it|this|that)\s*)?(is|['\u2019]s|was)\W*$", re.IGNORECASE)
REMADE = re.compile(r"^[\"'\u201d\u2019]*\s+((taken|pulled|torn|broken|picked) apart|"
                    r"slowed|sped up|stripped (back|down)|turned inside out|played (backwards?|"
                    r"in reverse)|in reverse(?!\s+order)|backwards|upside down|in slow motion|"
                    r"chopped|cut up|dubbed|remixed|reversed|rearranged|"
                    r"at half[- ]speed|heard (from|through|across|under|over|in the distance)|"
                    r"muffled|after (the|a|an|its|his|her|their) \w+)\b", re.IGNORECASE)
#: words after a compared title that still describe it: "sadder than 'B', which is bright"
DESCRIBES_OBJECT = re.compile(r"^[\s,(\u2013\u2014-]*(which|who|whose|that|a|an|its|the)\b",
                              re.IGNORECASE)


def groups(text: str, mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Mentions joined only by commas, "and", "or", brackets and quotes, as groups; a bare
    comma does not join a title that follows a preposition to the next one."""
    out: list[list[Mention]] = []
    lead_from = 0
    for m in mentions:
        gap = text[out[-1][-1].end:m.start] if out else ""
        bare_comma = gap.strip(QUOTE_CHARS + " ") == ","
        if out and (JOINERS.match(gap) and not (
                bare_comma and PREPOSITION.search(text[lead_from:out[-1][0].start]))
                or _another_example(text[lead_from:out[-1][0].start], gap)):
            out[-1].append(m)
        else:
            lead_from = out[-1][-1].end if out else 0
            out.append([m])
    return out


#: "or the more exotic", "and the bouncy": a further example with its own modifiers
FURTHER_EXAMPLE = re.compile(r"^[\s,)" + re.escape(QUOTE_CHARS) + r"]*(and|or)\s+((the|a|an)\s+)?"
                             r"(?P<words>(?:[\w'-]+\s+)?[\w'-]+)[\s(" +
                             re.escape(QUOTE_CHARS) + r"]*$", re.IGNORECASE)


def _another_example(lead: str, gap: str) -> bool:
    """"themes that invite wonder, like the rollicking 'A' or the more exotic 'B'": B is
    a second example of what the words before "like" say, as A is."""
    further = FURTHER_EXAMPLE.match(gap)
    cue = re.sub(r"\b(the|a|an)\s+(?:[\w'-]+\s+){0,2}[\w'-]*$", "",  # "like the rollicking"
                 lead.rstrip(QUOTE_CHARS + " "), flags=re.IGNORECASE)
    return bool(further) and bool(EXAMPLE_CUES.search(cue)) and \
        not set(further["words"].lower().split()) & (NOT_MODIFIERS - {"more", "less"})


def _lead_start(text: str, lo: int, hi: int) -> int:
    """Where, in ``text[lo:hi]`` just before a title, the words about that title begin
    (``hi`` when none do)."""
    gap = text[lo:hi]
    if gap.rstrip(QUOTE_CHARS + " ").endswith("("):  # "delicate pieces ('A', 'B')"
        joined = re.match(r"^[\s)\]" + re.escape(QUOTE_CHARS) + r",]*((and|or|while)\b)?", gap)
        return lo + joined.end()
    listed = ADJECTIVE_LIST.search(gap)  # "the joyous, bouncy 'B'": a comma inside
    if listed:
        return lo + listed.start()
    cue = EXAMPLE_CUES.search(gap.rstrip(QUOTE_CHARS + " "))
    if cue:
        bounds = [b.end() for b in BOUNDARY.finditer(gap, 0, cue.start())]
        return lo + (bounds[-1] if bounds else 0)
    toks = tokens(gap)
    for k in range(len(toks) - 1, max(-1, len(toks) - 1 - NP_REACH), -1):
        between = gap[toks[k].end:toks[k + 1].start] if k + 1 < len(toks) else \
            gap[toks[k].end:]
        if BOUNDARY.search(between) or toks[k].text in CLAUSE_LINKS and \
                not gap[toks[k].end:toks[k].end + 1] == "-":  # not "the then-single 'B'"
            break  # "A with its haunting strings before 'B' rumbles": those strings are A's
        if toks[k].text in DETERMINERS:
            return lo + toks[k].start
    core = gap.strip(QUOTE_CHARS + " ")
    modified = PREMODIFIED.match(core)  # "'A' and nostalgic 'B'": the adjective is B's
    if modified and not set(modified["words"].lower().replace(",", " ").split()) & NOT_MODIFIERS:
        return lo + gap.index(core) + modified.start("words")
    handed_on = list(HANDS_ON.finditer(gap))  # "followed by the brighter strings of 'B'"
    rest = gap[handed_on[-1].end():].rstrip(QUOTE_CHARS + " ") if handed_on else ""
    handed = HANDED_TO.match(rest) if handed_on else None
    if handed and (handed.group(3) or not set(rest.lower().split()) & NOT_MODIFIERS):
        return lo + handed_on[-1].end()
    bounds = [b.end() for b in BOUNDARY.finditer(gap)]
    located = [b for b in bounds[-3:] if _placed_in(gap[b:].rstrip(QUOTE_CHARS + " "))]
    if located:  # "..., the majestic, bright horns in 'B'"
        return lo + located[0]  # the longest: "the majestic, bright horns", not "bright horns"
    if bounds and CLAUSE_OPENER.match(gap[bounds[-1]:]):
        return lo + bounds[-1]  # "..., while soulful 'B'": a new clause about the title
    return hi  # "'A', starting curiously and 'B'": the words still describe A


def _placed_in(text: str) -> bool:
    """", the majestic horns in" (before a title): a noun phrase placed in it."""
    match = LOCATED_IN.match(text)
    words = match and (match["words"] or match["bare"])
    return bool(words) and not set(re.findall(r"[\w']+", words.lower())) & NOT_PLACED


def segments(text: str, mentions: Sequence[Mention], subject: Any = None,
             ) -> list[tuple[int, int, Any]]:
    """(start, end, group) parts of one sentence, covering it, one per title group; a
    group only compared against ("unlike 'B'", "sadder than 'B'") keeps its own words,
    and what follows it goes back to the group before, unless it describes the group
    (", which is bright"); so does what follows a title the group before is built from
    or likened to ("'A' is basically 'B' with drums, upbeat").  ``subject``: the group
    the sentence is about when it names none (a review of one track): the words before
    the first title are its."""
    grouped: list[Any] = groups(text, mentions)
    cuts = [0]
    if subject is not None:
        cuts.append(_lead_start(text, 0, grouped[0][0].start))
        grouped.insert(0, subject)
    for before, after in zip(grouped[len(cuts) - 1:], grouped[len(cuts):]):
        cuts.append(_lead_start(text, before[-1].end, after[0].start))
    cuts.append(len(text))
    parts: list[tuple[int, int, Any]] = []
    for k, (a, b, group) in enumerate(zip(cuts, cuts[1:], grouped)):
        if group is subject:
            parts.append((a, b, group))
            continue
        own_end = title_end(text, group[-1].end)
        lead = text[grouped[k - 1][-1].end if k and grouped[k - 1] is not subject else 0:
                    group[0].start]
        contrasted = bool(k and CONTRASTED.search(lead))
        if contrasted:  # "none of B's loneliness", "nothing like B, which is bleak": B's own
            own_end = described_end(text, possession_end(text, own_end, b), b)
        if k and own_end < b and (contrasted or DERIVED_FROM.search(lead) or
                                  takes_material_from(lead) or
                                  remade(lead, text[own_end:b])) and \
                not DESCRIBES_OBJECT.match(text[own_end:b]):
            parts += [(a, own_end, group), (own_end, b, parts[-1][2])]
        else:
            parts.append((a, b, group))
    return [(a, b, g) for a, b, g in parts if b > a or g is not subject]


def described_end(text: str, end: int, stop: int) -> int:
    """Where the words describing a title only compared against end, from ``end`` (just
    past it) on: its clause (", which is bleak") reaches the next semicolon, past which
    the sentence goes back to its subject ("'A' is nothing like 'B', which is bleak; it is
    calm"), or the sentence's closing stop, which leaves the subject the sentence's last
    (an "It" after it is A); ``end`` itself when nothing describes it."""
    if not DESCRIBES_OBJECT.match(text[end:stop]):
        return end
    semicolon = text.find(";", end, stop)
    return semicolon if semicolon >= 0 else end + len(text[end:stop].rstrip(" .!?\n"))


def remade(lead: str, after: str) -> bool:
    """A title between ``lead`` and ``after`` is what the title before was made from:
    "'A' - it's 'B' taken apart", "'A' is 'B' slowed down"."""
    return bool(COPULA_LEAD.match(lead) and REMADE.match(after))


def title_end(text: str, end: int) -> int:
    """Past a title's closing quote."""
    while end < len(text) and text[end] in QUOTE_CHARS:
        end += 1
    return end
