"""The API's field names in a command's own words: ``--valence``, not ``target_valence``.

``recommend`` and ``playlist`` build the API's typed request from their options
(:mod:`.asking`), so its refusals and warnings name the request's fields ("moods.sad:
must be at most 1"), which a command-line user never typed. Each field is named here
by the parameter of the running command that fills it, read off the command itself
(each option's destination is the field it fills):

* an option or argument named as the field: ``target_valence`` is ``--valence``,
  ``seed`` and ``seeds[1]`` are ``SEED`` (an argument that takes many names each one);
* an ATTR=VALUE option whose name begins the field: ``min_energy`` is ``--min energy``;
* the keys below it are said after it: ``moods.sad`` is ``--mood sad``;
* an item of an option given more than once is counted: ``seeds[1].weight`` is
  ``--weight (the 2nd)``.

A field no parameter fills keeps its name; the HTTP API's messages are not touched.
"""
from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from copy import copy
from typing import Any, Callable, Iterator

import click

from models.errors import FeelalikeError

from .asking import ATTRIBUTE_OPTIONS

#: a message's leading field path ("moods.sad: ...", "seeds[1].weight: ...")
_LEADING = re.compile(r"^([a-z_][\w]*(?:\[\d+\]|\.[^\s.:\[\]]+)*): ")
#: a field named within a sentence ("... greater than max_energy"); quoted text (a value
#: the user gave) is skipped
_WITHIN = re.compile(r"\"(?:[^\"\\]|\\.)*\"|(?<!\w)'[^']*'(?!\w)|\b([a-z]+(?:_[a-z]+)+)\b")
_PARTS = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def typed_name(path: str, ctx: click.Context) -> str | None:
    """What the user typed for the API field ``path`` in the command of ``ctx``, or None
    when no parameter of it fills the field."""
    found, index, keys = None, None, []
    for number, key in _PARTS.findall(path):
        if number:
            index = int(number)
        elif (named := _parameter(key, ctx.command)) is not None:
            found, keys = named, []
        elif found is not None:
            keys.append(key)
    if found is None:
        return None
    param, words = found
    given = ctx.params.get(param.name or "")
    if index is not None and isinstance(given, tuple) and len(given) > 1:
        words += f" (the {_ordinal(index + 1)})"
    return " ".join([words, *keys])


def _parameter(key: str, command: click.Command) -> tuple[click.Parameter, str] | None:
    """The parameter of ``command`` that fills the field ``key`` and how it is typed."""
    for param in command.params:
        if isinstance(param, click.Argument) and key in (param.name, _one_of(param)):
            return param, re.sub(r"[\[\].]", "", param.metavar or (param.name or "").upper())
        if isinstance(param, click.Option) and key == param.name:
            return param, param.opts[0]
    for param in command.params:
        if param.name in ATTRIBUTE_OPTIONS and key.startswith(f"{param.name}_"):
            return param, f"{param.opts[0]} {key[len(param.name) + 1:]}"
    return None


def _one_of(argument: click.Argument) -> str | None:
    """The field naming one value of an argument that takes many ("seed" of "seeds")."""
    name = argument.name or ""
    return name[:-1] if argument.nargs == -1 and name.endswith("s") else None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def in_typed_words(text: str, ctx: click.Context | None = None) -> str:
    """``text`` (a message or a warning) with the fields it names said as typed."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is None:
        return text
    head = _LEADING.match(text)
    start = 0
    if head and (name := typed_name(head.group(1), ctx)) is not None:
        text, start = f"{name}: {text[head.end():]}", len(name) + 2
    return text[:start] + _WITHIN.sub(lambda m: _within(m, ctx), text[start:])


def _within(match: re.Match[str], ctx: click.Context) -> str:
    if match.group(1) is None:
        return match.group()
    return typed_name(match.group(1), ctx) or match.group()


@contextmanager
def typed_words() -> Iterator[None]:
    """Within the block, an error names what the running command's user typed."""
    ctx = click.get_current_context()
    try:
        yield
    except FeelalikeError as exc:
        worded = in_typed_words(exc.message, ctx)
        if worded == exc.message:
            raise
        said = copy(exc)
        said.message, said.args = worded, (worded,)
        raise said from None


def in_typed_words_throughout(command: Callable[..., Any]) -> Callable[..., Any]:
    """``command``'s callback with its errors in :func:`typed_words`."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        with typed_words():
            return command(*args, **kwargs)
    return run
