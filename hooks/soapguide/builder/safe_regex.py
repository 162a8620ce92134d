"""The part of regular-expression syntax that means the same in Python's ``re`` and in browsers'
``RegExp``, for the tone check's patterns (data/builder.yml).

The build checks each pattern against this subset, so a pattern that passes compiles in both and
finds the same text in both (Python with ``re.IGNORECASE | re.ASCII``, JavaScript with the ``i``
flag and no ``u``): ASCII literals, ``\\b \\B \\d \\D \\w \\W \\s \\S``, escaped metacharacters,
classes such as ``[a-z]``, groups, non-capturing groups, lookahead, ``|``, and the quantifiers
``? * + {n} {n,} {n,m}`` (each optionally lazy). Left out, because the two engines differ or one
lacks it: ``.``, ``^``, ``$``, lookbehind, named groups, inline flags, back-references, ``{,m}``,
Unicode escapes and set operations inside classes. A quantified group that itself holds an
unbounded quantifier (``(a+)+``) is refused too: it can take exponential time on some inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LENGTH = 400
FLAGS = re.IGNORECASE | re.ASCII
# Letters, digits, space and the punctuation that is literal in both engines.
_LITERAL = re.compile(r"[A-Za-z0-9 '\",;:!&%@=<>~#_/`-]")
_CLASS_ESCAPES = set("dDwWsS")
_ESCAPES = _CLASS_ESCAPES | set("bB")
_ESCAPED_LITERALS = set(".^$()[]{}*+?|\\/-")
_QUANTIFIER = re.compile(r"\{(\d{1,3})(,(\d{1,3})?)?\}")
_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RegexProblem:
    position: int  # 0-based index into the pattern
    message: str
    fix: str


def normalise(text: str) -> str:
    """Text as the tone check reads it (the same in builder.js): curly quotes as straight ones,
    any run of white space as one space."""
    return _SPACE.sub(" ", text.translate(_CURLY)).strip()


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, FLAGS)


def problems(pattern: str) -> list[RegexProblem]:
    """What keeps ``pattern`` out of the common subset (at most one problem: the first)."""
    if len(pattern) > MAX_LENGTH:
        return [
            RegexProblem(
                MAX_LENGTH, f"the pattern is longer than {MAX_LENGTH} characters", _SPLIT_FIX
            )
        ]
    try:
        _Parser(pattern).parse()
    except _Refused as refused:
        return [refused.problem]
    try:
        compile_pattern(pattern)
    except re.error as error:  # the subset check should make this unreachable
        return [RegexProblem(error.pos or 0, f"Python cannot compile it: {error.msg}", _SPLIT_FIX)]
    return []


_SPLIT_FIX = "split it into two tone checks, or simplify it"


class _Refused(Exception):
    def __init__(self, position: int, message: str, fix: str):
        super().__init__(message)
        self.problem = RegexProblem(position, message, fix)


class _Parser:
    """A recursive-descent reader of the subset. Each ``_sequence`` returns whether what it
    read holds an unbounded quantifier, to refuse nested ones."""

    def __init__(self, pattern: str):
        self.text = pattern
        self.at = 0

    def parse(self) -> None:
        self._alternatives(top=True)
        if self.at < len(self.text):  # only a ')' without its '(' stops the top level early
            raise _Refused(self.at, "a ')' without its '('", "remove it, or write \\) for itself")

    def _peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def _alternatives(self, top: bool = False) -> bool:
        unbounded = self._sequence()
        while self._peek() == "|":
            self.at += 1
            unbounded |= self._sequence()
        if not top and self._peek() != ")":
            raise _Refused(self.at, "a '(' without its ')'", "close the group with ')'")
        return unbounded

    def _sequence(self) -> bool:
        unbounded = False
        while self._peek() not in ("", "|", ")"):
            start = self.at
            holds_unbounded, quantifiable = self._atom()
            quantifier = self._quantifier()
            if quantifier is None:
                unbounded |= holds_unbounded
                continue
            if not quantifiable:
                raise _Refused(
                    self.at - 1,
                    f"'{self.text[start : self.at]}' cannot be repeated",
                    "remove the repeat, or write the character after a backslash",
                )
            if holds_unbounded and quantifier:
                raise _Refused(
                    start,
                    "a repeated group holds a repeat that has no upper bound, which can take "
                    "a very long time on some texts",
                    "give the inner repeat an upper bound, like {1,20}, or rewrite the group",
                )
            unbounded |= quantifier or holds_unbounded
        return unbounded

    def _quantifier(self) -> bool | None:
        """None: no quantifier here; otherwise whether it is unbounded."""
        char = self._peek()
        if char in ("*", "+", "?"):
            self.at += 1
            unbounded = char != "?"
        elif char == "{":
            match = _QUANTIFIER.match(self.text, self.at)
            if not match:
                raise _Refused(
                    self.at,
                    "a '{' that is not a repeat like {2}, {2,} or {2,5}",
                    "write \\{ for the character itself",
                )
            low, comma, high = match.group(1), match.group(2), match.group(3)
            if high is not None and int(high) < int(low):
                raise _Refused(self.at, f"'{match.group(0)}' repeats fewer times than it must", "")
            self.at = match.end()
            unbounded = bool(comma) and high is None
        else:
            return None
        if self._peek() == "?":  # lazy
            self.at += 1
        if self._peek() in ("*", "+", "?", "{"):
            raise _Refused(self.at, "two repeats in a row", "keep one of them")
        return unbounded

    def _atom(self) -> tuple[bool, bool]:
        """Read one atom; return (holds an unbounded quantifier, may be quantified)."""
        char = self._peek()
        if char == "(":
            return self._group()
        if char == "[":
            self._class()
            return False, True
        if char == "\\":
            letter = self._escape(in_class=False)
            return False, letter not in ("b", "B")
        if char in ("*", "+", "?", "{"):
            raise _Refused(
                self.at,
                f"'{char}' repeats nothing",
                f"put it after what it repeats, or write \\{char} for the character itself",
            )
        if char == "}":
            raise _Refused(self.at, "a '}' without its '{'", "write \\} for the character itself")
        if char == "]":
            raise _Refused(self.at, "a ']' without its '['", "write \\] for the character itself")
        if char in (".", "^", "$"):
            raise _Refused(
                self.at,
                f"'{char}' means different things in Python and in browsers",
                {
                    ".": "use \\S (any character but a space) or a class like [a-z]",
                    "^": "leave it out: the check looks anywhere in the text",
                    "$": "leave it out: the check looks anywhere in the text",
                }[char]
                + f", or write \\{char} for the character itself",
            )
        if not _LITERAL.fullmatch(char):
            raise _Refused(
                self.at,
                f"the character {char!r} is not allowed in a pattern",
                "use letters, digits, spaces and plain punctuation; curly quotes are read as "
                "straight ones, so write ' and \"",
            )
        self.at += 1
        return False, True

    def _group(self) -> tuple[bool, bool]:
        start = self.at
        self.at += 1
        quantifiable = True
        if self._peek() == "?":
            kind = self.text[self.at : self.at + 2]
            if kind in ("?:",):
                self.at += 2
            elif kind in ("?=", "?!"):
                self.at += 2
                quantifiable = False
            else:
                raise _Refused(
                    start,
                    f"'({kind}' is not in the syntax both Python and browsers share",
                    "use (…), (?:…), (?=…) or (?!…)",
                )
        if self._peek() == ")":
            raise _Refused(start, "an empty group '()'", "remove it, or put something inside")
        unbounded = self._alternatives()
        self.at += 1  # the ')'
        return unbounded, quantifiable

    def _escape(self, in_class: bool) -> str:
        start = self.at
        letter = self.text[self.at + 1 : self.at + 2]
        allowed = _CLASS_ESCAPES if in_class else _ESCAPES
        if letter in allowed or letter in _ESCAPED_LITERALS:
            self.at += 2
            return letter
        if not letter:
            raise _Refused(start, "the pattern ends with a lone '\\'", "remove it, or write \\\\")
        if letter.isdigit():
            fix = "back-references are not supported; repeat the words instead"
        elif letter in ("b", "B"):
            fix = "\\b means a word boundary only outside [ ]; remove it from the class"
        else:
            fix = "use \\b, \\d, \\w or \\s (or \\D, \\W, \\S), or leave the backslash out"
        raise _Refused(
            start, f"'\\{letter}' is not in the syntax both Python and browsers share", fix
        )

    def _class(self) -> None:
        start = self.at
        self.at += 1
        if self._peek() == "^":
            self.at += 1
        if self._peek() == "]":
            raise _Refused(start, "an empty class '[]'", "put the characters to match inside")
        previous: str | None = None  # None: at the start; "": after an escape or a range
        while self._peek() != "]":
            char = self._peek()
            if not char:
                raise _Refused(start, "a '[' without its ']'", "close the class with ']'")
            if char == "\\":
                letter = self._escape(in_class=True)
                previous = "" if letter in _CLASS_ESCAPES else letter
                continue
            if char == "[":
                raise _Refused(self.at, "a '[' inside a class", "write \\[ for the character")
            if char in "-&~|" and self.text[self.at + 1 : self.at + 2] == char:
                raise _Refused(
                    self.at,
                    f"'{char}{char}' inside a class",
                    "Python reads it as a set operation: write the character once",
                )
            if not _LITERAL.fullmatch(char) and char not in ".^$(){}*+?":
                raise _Refused(
                    self.at,
                    f"the character {char!r} is not allowed in a pattern",
                    "use letters, digits and plain punctuation",
                )
            if char == "-" and previous is not None and self.text[self.at + 1 : self.at + 2] != "]":
                if not previous:
                    raise _Refused(
                        self.at,
                        "a '-' that is neither a range like a-z nor first or last in the class",
                        "write \\- for a hyphen",
                    )
                self.at += 1
                end = self._peek()
                if end in ("\\", "]", ""):
                    raise _Refused(self.at, "a range without a plain last character", _SPLIT_FIX)
                if end < previous:
                    raise _Refused(
                        self.at - 2, f"the range '{previous}-{end}' runs backwards", "swap its ends"
                    )
                self.at += 1
                previous = ""
                continue
            previous = char
            self.at += 1
        self.at += 1
