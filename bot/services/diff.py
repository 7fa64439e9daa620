"""A readable diff of two versions of an entry that never cuts Thai apart.

Lines are compared as lines; a changed line is compared word by word (pythainlp's tokeniser, which works on
Thai character clusters), and every boundary is moved to a grapheme-cluster boundary (``regex`` ``\\X``), so a
vowel or tone mark always stays with its consonant (``difflib.HtmlDiff`` compares and wraps code points: it cut
"ที่" into "ท" + "ี่"). Nothing is wrapped at a fixed width: the browser wraps between clusters by itself.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

import regex
from pythainlp.tokenize import word_tokenize

__all__ = ["Segment", "Row", "units", "diff_lines"]

_CLUSTER = regex.compile(r"\X")


@dataclass(frozen=True)
class Segment:
    """A piece of a line: unchanged (``same``), only in the old line (``del``) or only in the new (``ins``)."""

    text: str
    kind: Literal["same", "del", "ins"] = "same"


@dataclass
class Row:
    """One line of the diff. ``skip`` rows stand for ``count`` unchanged lines that are not shown."""

    kind: Literal["same", "added", "removed", "changed", "skip"]
    old: list[Segment] = field(default_factory=list)
    new: list[Segment] = field(default_factory=list)
    count: int = 0


def units(text: str) -> list[str]:
    """``text`` split into words and spaces, each a whole number of grapheme clusters; they join to ``text``."""
    if not text:
        return []
    boundaries = {m.start() for m in _CLUSTER.finditer(text)} | {len(text)}
    out: list[str] = []
    pos = 0
    for token in word_tokenize(text, keep_whitespace=True):
        if out and pos not in boundaries:
            out[-1] += token  # the tokeniser split inside a cluster: keep the cluster whole
        else:
            out.append(token)
        pos += len(token)
    assert "".join(out) == text
    return out


def _words(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    a, b = units(old), units(new)
    left: list[Segment] = []
    right: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(Segment("".join(a[i1:i2])))
            right.append(Segment("".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(Segment("".join(a[i1:i2]), "del"))
        if j2 > j1:
            right.append(Segment("".join(b[j1:j2]), "ins"))
    return left, right


def diff_lines(before: list[str], after: list[str], context: int = 1) -> list[Row]:
    """The rows that show how ``after`` differs from ``before``, with ``context`` unchanged lines around
    each change (the rest folded into ``skip`` rows)."""
    rows: list[Row] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            rows.extend(Row("same", [Segment(line)], [Segment(line)]) for line in before[i1:i2])
        elif op == "delete":
            rows.extend(Row("removed", old=[Segment(line, "del")]) for line in before[i1:i2])
        elif op == "insert":
            rows.extend(Row("added", new=[Segment(line, "ins")]) for line in after[j1:j2])
        else:
            old, new = before[i1:i2], after[j1:j2]
            for k in range(max(len(old), len(new))):
                if k < len(old) and k < len(new):
                    left, right = _words(old[k], new[k])
                    rows.append(Row("changed", left, right))
                elif k < len(old):
                    rows.append(Row("removed", old=[Segment(old[k], "del")]))
                else:
                    rows.append(Row("added", new=[Segment(new[k], "ins")]))
    return _fold(rows, context)


def _fold(rows: list[Row], context: int) -> list[Row]:
    near = [i for i, row in enumerate(rows) if row.kind != "same"]
    keep = {j for i in near for j in range(i - context, i + context + 1)}
    out: list[Row] = []
    for i, row in enumerate(rows):
        if row.kind != "same" or i in keep:
            out.append(row)
        elif out and out[-1].kind == "skip":
            out[-1].count += 1
        else:
            out.append(Row("skip", count=1))
    return out
