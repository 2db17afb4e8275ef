"""What other people call a track, when the review then says otherwise.

"People keep calling it romantic. It isn't, really", "Everyone says it's a sad song; I
hear something hopeful", "The press sheet calls it haunting. It's really just pretty",
"Your presenter called it bleak. I'd call it something else", "A colleague finds it
soothing, but to me it is unsettling", "My brother says it is a sad song, but I don't
agree", 'The authors call "Market" melancholic. I cannot hear this': the words someone
else used are theirs, and the reviewer's answer is what the track is.  Only when an answer
follows in the rest of the sentence or at the start of the next: "Most classes call it
spooky." or "the test audience said it was the creepiest thing in the cut" report a
view the review lets stand, so those words still count.  (A quoted word after "calls"
is always someone else's: ``tagger._reported``.)
"""
from __future__ import annotations

import re

#: someone else calling or saying the track is something: "people keep calling it", "the
#: critics are calling it", "everyone says it's", "Ella said it sounds like", "everyone
#: calls Last Night Here sad" (a title in capitals), "the chef insists it is"; not the
#: reviewer ("I'd call it")
_REPORT = re.compile(
    r"\b(?:calls?|called|calling|dubs?|dubbed|says|said|say|finds?|found|insists?|insisted|"
    r"claims?|claimed|thinks?|thought|reckons|reckoned)\s+"
    r"(?:it|this(?:\s+one)?|that(?:\s+one)?|them|"
    r"[\"\u201c][^\"\u201c\u201d]{1,60}[\"\u201d]|"
    r"(?-i:[A-Z][\w'\u2019]*)(?:\s+(?:(?-i:[A-Z0-9][\w'\u2019]*)|a|an|the|of|at|in|on|to)"
    r"(?=\s+(?-i:[A-Z0-9]))){0,4}(?:\s+(?-i:[A-Z0-9][\w'\u2019]*))?)"
    r"(?:\s+(?:is|was|sounds|sounded|feels|felt)|['\u2019]s)?\s+"
    r"(?P<words>(?:(?!\b(?:but|though|although|yet|whereas|which|while)\b)"
    r"[^.;:!?,\u2014\u2013()\"\u201c\u201d]){1,60})", re.IGNORECASE)
#: words between the one who calls and the verb: "people keep calling it"
_BETWEEN = frozenset("keep keeps kept are is were was have has had all always often still "
                     "will would just also even".split())
#: the reviewer, or a hedge of the reviewer's ("you could call it sad"): not reported
_OWN = frozenset("i we i'd we'd i\u2019d we\u2019d could might can may".split())
#: a hedge is the reviewer's only with the reviewer or the reader as its subject: "you
#: might call it sad", but "Your husband may think it's a love song" is his view
_HEDGES = frozenset("could might can may".split())
_HEDGERS = frozenset("i we you one".split())


def _someone_else(text: str, start: int) -> bool:
    """The verb at ``start`` has a subject other than the reviewer ("people keep",
    "the critics are", "some of you"), not "I'd", "we", "you could"."""
    before = text[max(0, start - 60):start].lower().split()
    while before and before[-1] in _BETWEEN:
        before.pop()
    if len(before) > 1 and before[-1] in _HEDGES and before[-2] not in _HEDGERS:
        return True  # "Critics may call it tense": theirs, hedged
    return bool(before) and before[-1] not in _OWN


#: the reviewer's answer: a denial ("It isn't", "it's not boring to me"), a correction
#: ("It's really just pretty", "more mysterious than beautiful"), or the reviewer's own
#: hearing ("I hear something hopeful", "I'd call it something else", "to my ear"), a
#: bare disagreement ("We don't: it's curious") or a correction ("It is about nerves,
#: not love", "It's a lullaby, not a love song")
_ANSWER = re.compile(
    r"\b(?:it\s+(?:isn['\u2019]t|is\s+not|wasn['\u2019]t|was\s+not)|"
    r"(?:i|we)\s+(?:don['\u2019]t|do\s+not)(?=\s*[:;,.!\u2014\u2013])|"
    r"it(?:['\u2019]s|\s+is|\s+was)\s+(?:about\s+|a\s+|an\s+)?[\w-]+(?:\s+[\w-]+)?,?\s+not\b|"
    r"it['\u2019]s\s+(?:not|really|actually|just|more)\b|"
    r"it\s+(?:is|was)\s+(?:really|actually|just|more)\b|"
    r"(?:i|we)\s+(?:just\s+|only\s+|really\s+)?(?:hear|heard|find|found)\b|"
    r"(?:i|we)\s+don['\u2019]t\s+hear\b|"
    r"(?:i|we)\s+(?:don['\u2019]t|do\s+not)\s+agree\b|(?:i|we)\s+disagree\b|"
    r"(?:i|we)\s+(?:can['\u2019]t|cannot|can\s+not|couldn['\u2019]t)\s+hear\s+"
    r"(?:this|that|it)\b|"
    r"(?:i|we)(?:['\u2019]d|\s+would)\s+(?:call|say)\b|"
    r"to\s+(?:my|our)\s+ears?\b|not\s+\w+\s+at\s+all\b|nothing\s+\w+\s+about\s+it\b|"
    r"\bbut\s+(?:to|for)\s+(?:me|us)\b)",
    re.IGNORECASE)
#: how far the answer is looked for: the rest of the sentence and the next one's opening
_SENTENCE_END = re.compile(r"[.!?]+[\"\u201d']?\s+")
_NEXT_OPENING = 40


def _answered(text: str, end: int) -> bool:
    """The review answers what was reported before ``end``: in the rest of its sentence
    or in the first words of the next."""
    stop = _SENTENCE_END.search(text, end)
    rest = text[end:stop.start() if stop else len(text)]
    following = text[stop.end():stop.end() + _NEXT_OPENING] if stop else ""
    return bool(_ANSWER.search(rest) or _ANSWER.match(following.lstrip()) or
                _ANSWER.search(following.split(",")[0][:_NEXT_OPENING]))


#: right before the verb: the review objects to the word itself ("Can we stop calling
#: 'Dust Devils' tense?", "quit calling it sad"; not "I'll never stop calling it sad")
_STOP = re.compile(r"(?<!never )(?<!not )(?<!n't )(?<!n\u2019t )\b(stop|quit)\s+$",
                   re.IGNORECASE)


def without_answered_reports(text: str) -> str:
    """``text`` with the words someone else called a track blanked by spaces (offsets
    stay) where the review answers them: "People keep calling it romantic. It isn't",
    or objects to them: "Can we stop calling it tense?"."""
    spans = [m.span("words") for m in _REPORT.finditer(text)
             if _someone_else(text, m.start()) and (_answered(text, m.end()) or
                                                    _STOP.search(text, 0, m.start()))]
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


#: someone else's claim or an open question before a likeness: "The claimant says that
#: 'A' was recycled in 'B'", "Tom insists 'A' copies 'B'", "People keep asking whether it
#: reuses the 'B' pulse", "I wonder if 'A' borrows from 'B'"; not a listener's hearing
#: passed on ("She says it reminds her of 'B'") nor "as the composer says, 'A' reprises 'B'"
_CLAIMED = re.compile(r"\b(?:(?:says|said|thinks|believes|reckons)\s+that|claims?|claimed|"
                      r"claiming|insists?|insisted|argues?|argued|arguing|alleges?|alleged|"
                      r"maintains|maintained|contends|contended)\s+(?=[\w\"'\u201c\u2018])",
                      re.IGNORECASE)
_OPEN_QUESTION = re.compile(r"\bwhether\b|\b(?:ask|asks|asked|asking|wonder|wonders|wondered|"
                            r"wondering)\s+if\b", re.IGNORECASE)
#: a new clause after the claim: "Critics say it is dull, but 'A' recalls 'B'"
_NEW_CLAUSE = re.compile(r"[;:\u2014\u2013]|,\s*(?:but|and|yet|though|although|while|"
                         r"whereas|so)\b", re.IGNORECASE)


def hearsay(lead: str) -> bool:
    """Is a likeness whose sentence opens with ``lead`` someone else's claim or an open
    question, which the review does not assert?"""
    for pattern in (_OPEN_QUESTION, _CLAIMED):
        for match in pattern.finditer(lead):
            if _NEW_CLAUSE.search(lead, match.end()):
                continue
            if pattern is _OPEN_QUESTION or _someone_else(lead, match.start()):
                return True
    return False


#: a quoted label someone else says the music is ('He says it's "dreamy"'; not a view
#: the mood word is only part of: 'she says it's "too scary to write to" but she's a
#: coward'), or a quoted word it is described as, whatever stands between ('disputes the
#: supervisor's description of it as "melancholy"', 'shall not be described in
#: promotional materials as "dreamy"')
REPORTED_AS = re.compile(r"(?<!\bi\s)(?<!\bwe\s)(?<!['\u2019]d\s)"
                         r"(\b(says|said|thinks|thought|reckons|reckoned|insists|insisted)\s+"
                         r"(it|this|that)(['\u2019]s|\s+is|\s+was)\s+[\"\u201c]|"
                         r"\b(describ(e|es|ed|ing)|descriptions?)\b[^.;:!?\"\u201c]{0,60}\bas"
                         r"\s+[\"\u201c][^\"\u201d]{0,60})$", re.IGNORECASE)
#: the reviewer grants the label in the rest of its sentence: 'says it's "exciting" which,
#: fine, it's that too'
_GRANTED = re.compile(r"\b(?:fine|fair enough|true|granted|that\s+too|agree|agreed|right)\b",
                      re.IGNORECASE)


def reported_label(text: str, start: int) -> bool:
    """The quoted mood word at ``start`` is a label someone else gives the music, which
    the rest of its sentence does not grant."""
    if not REPORTED_AS.search(text[max(0, start - 100):start]):
        return False
    stop = _SENTENCE_END.search(text, start)
    return not _GRANTED.search(text[start:stop.start() if stop else len(text)])
