"""The words that mark a comparison between tracks, and those that undo one.

Kept apart from :mod:`comparisons`, which reads them, so that the word lists can grow
without the reading growing with them.
"""
from __future__ import annotations

import re

EXPLICIT = re.compile(
    r"\b(similar|close|akin|kin|identical|related|sister) to\b|\b(sounds?|feels?|plays?|is|are|"
    r"was|were|'s) (a lot |much |very |just |a bit |rather |more |almost )?like\b|"
    r"\b(much|just|very much|not un)like\b|\b(is|was|'s) (basically|essentially)\b|"
    r"\blike\b(?=.{0,60}\b(but|only|yet)\b)|"
    r"\blike\b(?=.{0,60}\bthe same (tune|melody|theme|motif)\b)|"  # "like B ...: the same tune"
    r"\b(reminiscent|evocative|redolent) of\b|"
    r"\bremind(s|ed|ing)? (me|us|one|you|her|him|them) of\b|"
    r"\b(calls|brings) to mind\b|\b(recalls|recalling|echoes|echoing|mirrors|"
    r"mirroring|reprises?|reprising|revisits|revisiting|quotes|borrows from)\b|"
    r"\bpicks? up where\b|\b(reuses|reused|reusing|recycles|recycled|resembles|resembled|"
    r"resembling)\b|"
    r"\b(takes?|took|taking|borrows?|borrowed|borrowing|lifts?|lifted|repeats?|repeated|"
    r"repeating) (up )?(the|its) ([\w'\u2019-]+ ){0,3}?(melody|theme|motif|figure|riff|loop|"
    r"tune|opening|intro|bassline|bass line|hook|chorus)"
    r" (of|from)\b|\b(brings?|carries) back\b|"
    r"\b(brings?|bringing|carries|carrying)\b(?=[^,;.]{1,40}?\bback\b)|"
    r"\breturns? to\b|\bsecond only to\b|"
    r"(\b(is|was|'s) (a|an|the) |([\u2013\u2014:]|\s-)\s*((a|an|the) )?)([\w-]+ ){0,2}"
    r"(reworking|version|"
    r"rework|reimagining|rearrangement) of\b|"
    r"\b(most|least|second most|second) \w+ (track|piece|cue|song|moment)s? (after|besides|"
    r"apart from|since|next to)\b|\bcompanion (piece|track|cue) to\b|"
    r"\b(with|is|as) (a|an) (\w+ )?development of\b|\bin the (same )?vein (of|as)\b|"
    r"\bclosest (thing|match|relative|cousin|sibling|equivalent) to\b|"
    r"\b(a|an) (distant |close |near |long-lost )?(cousin|relation|relative) of\b|"
    r"\bscratch(es|ed)? the same itch as\b|"
    r"\b(could|would|might|can) (easily |almost |just about )?pass (for|as)\b|"
    r"\b(the )?same (\w+ )?(motif|theme|melody|idea|concept|mood|feel|feeling|atmosphere|"
    r"spirit|dna|figure|progression|ingredients|recipe|building blocks|bones|blueprint|"
    r"palette|sound|instruments|instrumentation|notes|harmonies|textures) as\b|"
    r"\bvariations? on\b|\b(shares?|sharing) (the same|a "
    r"similar|its|the) (\w+ )?(concept|idea|mood|feel|feeling|theme|atmosphere|motif|melody|"
    r"spirit|dna) (with|as)\b|"
    r"\b(every bit |just |equally |quite |almost |nearly )?(?<!twice )(?<!half )(?<!times )"
    r"(?<!near )(?<!starts )(?<!begins )(?<!opens )(?<!ends )"
    r"as (?!(well|soon|long|much|many|far|good|bad|often|little)\b)\w+ as\b",
    re.IGNORECASE)
ANAPHORIC = re.compile(
    r"\bin (much |very much )?(a|the) (similar|same) (vein|fashion|spirit|mould|mold|way)\b|"
    r"\b(the )?same (goes|holds|is true) for\b|\blikewise\b|\bsimilarly\b|"
    r"(?<!the )(?<!its )(?<!\ban )(?<!\ba )(?<!their )\bequally\b|"  # not "the equally loud drums"
    r"\bscratch(es|ed)? the same itch\b(?!\s+as\b)|"
    r"\bfollows suit\b|\bmore of the same\b|\balong the same lines\b|"
    r"\b(continues?|continuing|sustains?|sustaining) the (same )?(mood|feel|atmosphere)\b"
    r"(?!\s+(of|set|from|established|created|that|which)\b)|"
    r"^\W*(and )?so (too )?(is|was|does|did)\b(?![^?]*\?)|"
    r"\b(is|sounds|feels) (very |quite |much |remarkably )?(similar|much the same|alike)"
    r"\W*$", re.IGNORECASE)
MAIN_THEME = re.compile(r"\b(the|its|that) ([\w']+ ){0,2}?(main|central|principal|opening) "
                        r"(theme|motif|melody)\b", re.IGNORECASE)
#: "'A' contains elements of 'B'", the title right after (not "elements of surprise when 'B'")
ELEMENTS_OF = re.compile(r"\b(contains?|containing|borrows|carries|shares) (\w+ )?(elements|"
                         r"echoes|fragments|snippets|strains) of\s+(the\s+)?$", re.IGNORECASE)
#: "'A' is briefly reprised at the beginning of 'B'": B carries A
PASSIVE = re.compile(r"\b(is|was|are|were|gets|get|being) (\w+ )?(reprised|revisited|echoed|"
                     r"recalled|quoted|restated|reworked)\b([\s,]+[\w']+){0,4}?\s+(in|on|at|"
                     r"during|over|within|into)\b", re.IGNORECASE)
NEGATED = re.compile(r"\b(unlike|not like|nothing like|different from|contrast|rather than|"
                     r"instead of)\W*$|"
                     r"(n['\u2019]t|\bnot|\bnever|\bhardly|\bbarely|\bin no way)"
                     r"(\s+\w+){0,2}\s*$", re.IGNORECASE)
PAIRED = re.compile(r"^\W*(both|each|alike)\b", re.IGNORECASE)
#: only "such as" marks a deliberate pair of examples; "tracks like 'A' and 'B'" is
#: left alone (precision first: "like" is as often loose talk), and so is "Both 'A' and
#: 'B' are highlights" (both good, not alike)
EXAMPLES = re.compile(r"\bsuch as\W*$", re.IGNORECASE)
#: a sentence with any of these asserts no theme or borrowing (precision first)
DENIES = re.compile(r"n['\u2019]t\b|\b(not|no|never|nowhere|hardly|barely|lacks?|lacking|"
                    r"without|none|nothing|absent|missing|abandons?|drops?|instead|rather|"
                    r"unlike|apart|far from|opposite|contrast|compared|replaced|wish|if only)\b",
                    re.IGNORECASE)
#: "livelier than the main theme", "a variation of the main theme": the track is
#: measured against the theme, not where it is stated
MEASURED_AGAINST = re.compile(r"\b(than|like|unlike|as|to|from|of|with|on)\W*$", re.IGNORECASE)
#: a new clause: a marker before the first title does not speak for the titles after it
TURN = re.compile(r"[,;][\"'\u201d\u2019]?\s*(before|but|while|whereas|though|although)\b",
                  re.IGNORECASE)
