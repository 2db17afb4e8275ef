"""CSV and TSV rows with their real line numbers, robust to broken quoting.

A quote that is opened and never closed makes a CSV parser read every following line
into one field, until the next quote character or the end of the file: the good rows
after it vanish into a single malformed row reported at the wrong line.  Here a record
that runs over several lines and either has the wrong number of fields or carries
whole rows inside a quoted field is taken for such a quoting error: it is reported at
the line where it starts, that line alone is skipped, and reading resumes on the next
line, so the rows after it are kept.  After ``MAX_RESYNCS`` such errors the rest of
the file is reported as one problem naming how many lines it skips.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Collection, Iterator, Sequence

from .columns import ALIASES, AUDIO_FEATURES
from .text_files import read_text_file

# (line, the row as column -> value or the reason it is unusable, the file's columns)
Row = tuple[int, "dict[str, str] | str | None", list[str]]
WRONG_FIELDS = "malformed row (wrong number of fields)"
MAX_RESYNCS = 100
#: the longest field read (the csv module's default, 128 KiB, would make a long notes
#: cell look like a quoting error)
MAX_FIELD_CHARS = 16 * 1024 * 1024
SEMICOLON = "excel-semicolon"
csv.register_dialect(SEMICOLON, "excel", delimiter=";")
#: a number written with a decimal comma ("0,5", "-12,25")
_DECIMAL_COMMA = re.compile(r"^([+-]?\d+),(\d+)$")
NUMERIC_COLUMNS = frozenset(AUDIO_FEATURES + ALIASES["popularity"])


class _Lines:
    """The file's lines handed out one at a time, with the index of the next one."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.next = 0

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        if self.next >= len(self.lines):
            raise StopIteration
        self.next += 1
        return self.lines[self.next - 1]


def _parse_one(line: str, dialect: str) -> list[str]:
    try:
        return next(csv.reader([line], dialect=dialect), [])
    except csv.Error:
        return []


def _swallows_rows(fields: Sequence[str], width: int, dialect: str) -> bool:
    """Whether a field spanning lines holds a line that reads as a whole row. Only the
    lines between its first and last count: the last ends at the closing quote, so in
    a real multi-line value ("live\nin Paris, France, 1969") it is the value's own."""
    for field in fields:
        for piece in field.splitlines()[1:-1]:
            if width > 1 and len(_parse_one(piece, dialect)) == width:
                return True
    return False


def _quote_problem(first: int, last: int) -> str:
    return (f"unterminated or stray quote: the field opened on this line runs to line "
            f"{last}; line skipped, reading resumes at line {first + 1}")


def _read_lines(path: Path) -> list[str]:
    """The file's lines, decoded as ``text_files.decode_text`` does."""
    return io.StringIO(read_text_file(path), newline="").readlines()


def read_delimited(path: Path, numbers: Collection[str] = ()) -> Iterator[Row]:
    """Rows of a CSV (or, for ``.tsv``, tab-separated; a header separated by semicolons
    or tabs is read so) file with a header line.  ``numbers``: more columns that hold
    numbers (those a column mapping gives a numeric field: "tempo=BPM"), whose decimal
    commas are read in a semicolon file as those of the known columns are.

    Records are parsed strictly (a quoted field must end with a quote followed by a
    delimiter or the line's end); a single line the strict parser refuses is read again
    leniently (``a,"b" c,d`` is ``b c``), a refused record over several lines is a
    quoting error.
    """
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    lines = _Lines(_read_lines(path))
    dialect = _dialect(path, lines.lines)
    reader = csv.reader(lines, dialect=dialect, strict=True)
    columns: list[str] = []
    numeric: list[bool] = []  # per column: whether it holds numbers
    resyncs = 0
    while True:
        first = lines.next  # 0-based index of the record's first line
        restart = False
        try:
            fields = next(reader)
            broken = lines.next - first > 1 and (
                len(fields) != len(columns) or _swallows_rows(fields, len(columns), dialect))
        except StopIteration:
            return
        except csv.Error:
            restart, broken = True, lines.next - first > 1
            fields = [] if broken else _parse_one(lines.lines[first], dialect)
            if not broken and len(fields) != len(columns):
                fields, broken = [], True
        if broken:
            resyncs += 1
            if resyncs > MAX_RESYNCS:
                rest = len(lines.lines) - first
                yield first + 1, (f"more than {MAX_RESYNCS} quoting errors: the file is "
                                  f"broken from this line; its last {rest} lines are skipped"), \
                    columns
                return
            yield first + 1, _quote_problem(first + 1, max(lines.next, first + 1)), columns
        if restart or broken:
            lines.next = first + 1  # carry on after the record's first line
            reader = csv.reader(lines, dialect=dialect, strict=True)
        if broken or not fields:
            continue  # a quoting error (reported) or a blank line
        if not columns:
            columns, numeric = fields, _numeric(fields, numbers)
        elif len(fields) != len(columns):
            yield first + 1, WRONG_FIELDS, columns
        else:
            if dialect == SEMICOLON:  # a spreadsheet saved where "0,5" is a half
                fields = [_DECIMAL_COMMA.sub(r"\1.\2", f) if number else f
                          for f, number in zip(fields, numeric)]
            yield first + 1, dict(zip(columns, fields)), columns


def _numeric(columns: Sequence[str], numbers: Collection[str] = ()) -> list[bool]:
    """Which columns hold numbers (the audio features, popularity, ``numbers``): a
    title "7,11" stays as written."""
    named = NUMERIC_COLUMNS | {n.strip().lower() for n in numbers}
    return [c.strip().lower() in named for c in columns]


def _dialect(path: Path, lines: Sequence[str]) -> str:
    """Tabs for ``.tsv``; otherwise the separator the header line uses most of comma,
    semicolon (a spreadsheet saved in a locale with decimal commas) and tab (Excel's
    "Unicode text", saved as ``.txt``)."""
    if path.suffix.lower() == ".tsv":
        return "excel-tab"
    header = next((line for line in lines if line.strip()), "")
    counts = {"excel": header.count(","), SEMICOLON: header.count(";"),
              "excel-tab": header.count("\t")}
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] > counts["excel"] else "excel"
