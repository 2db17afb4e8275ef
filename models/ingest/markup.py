"""Reviews saved from a web page: HTML turned into the plain text the reader expects.

Read as text, a page is one long "sentence" (tags, no line breaks between paragraphs)
and every mood word in it goes to whichever title came first.  Block elements become
paragraph breaks, ``<br>`` a line break, entities are decoded, scripts and styles
dropped.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

#: a page: block elements give its paragraphs, and its own line breaks mean nothing
_LOOKS_LIKE_HTML = re.compile(r"<(p|br|div|h[1-6]|li|ul|ol|blockquote|article|section|html|"
                              r"body|table|td)\b[^>]*>", re.IGNORECASE)
#: inline tags in a plain text (its line breaks are the writer's): just dropped
_INLINE_TAG = re.compile(r"</?(span|a|em|strong|i|b|u|s|small|mark|cite|q|sup|sub)\b[^>]*>",
                         re.IGNORECASE)
BLOCKS = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 blockquote article section header "
                   "footer tr table pre figure figcaption dd dt".split())
HIDDEN = frozenset({"script", "style", "noscript", "template"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def plain_text(text: str) -> str:
    """``text`` itself, or, when it is HTML, its text with paragraphs kept (a plain text
    with a few inline tags keeps its own lines)."""
    if not _LOOKS_LIKE_HTML.search(text):
        stripped = _INLINE_TAG.sub("", text)
        return html.unescape(stripped) if stripped != text else text
    parser = _Text()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.parts)
    lines = [line.strip() for line in joined.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
