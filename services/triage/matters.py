"""What a request is about, in words that residents' paraphrases share: the object (电梯,
楼道灯, 下水道), the fault (坏, 漏, 堵) and the place, from the reviewed list in
data/matters.txt; and the building numbers it names. Used to tell whether two requests are
the same matter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

MATTERS_PATH = Path(__file__).resolve().parent / "data" / "matters.txt"
KINDS = ("object", "fault", "place")
# "…" in a surface: up to three characters that are not a break between clauses
_GAP = r"[^\s,.!?;:，。！？、；：]{0,3}"
_LINE_RE = re.compile(r"(object|fault|place)\s+([^\s<:]+)(?:\s*<\s*([^\s:]+))?\s*:\s*(.+)")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_CN_DIGITS |= {"九": 9, "十": 10}
_NUMBER = r"(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*"
_BUILDING_RE = re.compile(_NUMBER + "(?:号楼|号院|栋|幢)")
_UNIT_RE = re.compile(_NUMBER + "(?:单元)")


@dataclass(frozen=True)
class Matter:
    """The canonical objects, faults and places a text names, what is left of it once they
    are taken out, and the building and unit numbers it names."""

    objects: frozenset[str]
    broader: dict[str, str]  # object -> the broader object it is a kind of (楼道灯 -> 灯)
    faults: frozenset[str]
    places: frozenset[str]
    rest: str
    buildings: frozenset[int]
    units: frozenset[int]

    @cached_property
    def kinds(self) -> frozenset[str]:
        """Its objects and the broader objects they are kinds of (worked out once: a matter
        is compared with up to 200 others on every filing)."""
        return self.objects | frozenset(self.broader.values())

    def meets(self, other: Matter) -> bool:
        """Whether the two name a common object: the same one, or one the other's is a kind
        of (灯 and 楼道灯; not 楼道灯 and 路灯)."""
        return bool(self.objects & other.kinds or self.kinds & other.objects)

    def beyond(self, other: Matter) -> frozenset[str]:
        """Its objects that other names in no way."""
        return frozenset(
            o
            for o in self.objects
            if o not in other.kinds and self.broader.get(o) not in other.objects
        )


@dataclass(frozen=True)
class _Surface:
    text: str
    pattern: re.Pattern[str] | None  # for a surface with a gap
    meanings: tuple[tuple[str, str], ...]  # (kind, canonical)


class MatterLexicon:
    """The surfaces of data/matters.txt by their first character, longest surface first."""

    def __init__(
        self, terms: list[tuple[str, str, str]], broader: dict[str, str] | None = None
    ) -> None:
        """terms: (kind, canonical, surface) in file order; broader: object -> the broader
        object it is a kind of."""
        self._broader = dict(broader or {})
        by_surface: dict[str, list[tuple[str, str]]] = {}
        for kind, canonical, surface in terms:
            meanings = by_surface.setdefault(surface, [])
            if (kind, canonical) not in meanings:
                meanings.append((kind, canonical))
        # a scan tries only the surfaces that start with the character it is at (a few), not
        # one pattern of them all: that was some 3 ms a text
        self._by_first: dict[str, list[_Surface]] = {}
        for surface in sorted(by_surface, key=lambda s: -len(s.replace("…", ""))):
            written = surface.replace("_", " ")  # not_working: two English words
            pattern = None
            if "…" in written:
                pattern = re.compile(_GAP.join(map(re.escape, written.split("…"))))
            self._by_first.setdefault(written[0], []).append(
                _Surface(written, pattern, tuple(by_surface[surface]))
            )

    @classmethod
    def load(cls, path: Path | None = None) -> MatterLexicon:
        """Read data/matters.txt (or `path`); a line that is not `kind canonical: surfaces`
        raises ValueError naming it."""
        path = path or MATTERS_PATH
        terms: list[tuple[str, str, str]] = []
        broader: dict[str, str] = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            match = _LINE_RE.fullmatch(line)
            if match is None:
                raise ValueError(f"{path}:{number}: not 'kind canonical: surfaces': {line}")
            kind, canonical, parent, surfaces = match.groups()
            if parent is not None:
                if kind != "object":
                    raise ValueError(f"{path}:{number}: only an object is a kind of another")
                broader[canonical] = parent
            terms += [(kind, canonical, surface) for surface in surfaces.split()]
        return cls(terms, broader)

    def surfaces(self, kind: str) -> frozenset[str]:
        """The plain surfaces (without a gap) that name something of `kind` (fault: 不亮, 坏了)."""
        return frozenset(
            surface.text
            for surfaces in self._by_first.values()
            for surface in surfaces
            if surface.pattern is None and any(k == kind for k, _ in surface.meanings)
        )

    def read(self, text: str) -> Matter:
        """The matter of a normalised text."""
        found: dict[str, set[str]] = {kind: set() for kind in KINDS}
        rest: list[str] = []
        start = at = 0
        while at < len(text):
            hit = self._match(text, at)
            if hit is None:
                at += 1
                continue
            end, meanings = hit
            for kind, canonical in meanings:
                found[kind].add(canonical)
            rest += [text[start:at], " "]
            start = at = end
        rest.append(text[start:])
        return Matter(
            objects=frozenset(found["object"]),
            broader={o: self._broader[o] for o in found["object"] if o in self._broader},
            faults=frozenset(found["fault"]),
            places=frozenset(found["place"]),
            rest="".join(rest),
            buildings=frozenset(_number(m.group(1)) for m in _BUILDING_RE.finditer(text)),
            units=frozenset(_number(m.group(1)) for m in _UNIT_RE.finditer(text)),
        )

    def _match(self, text: str, at: int) -> tuple[int, tuple[tuple[str, str], ...]] | None:
        """Where the longest surface starting at `at` ends, and what it means."""
        for surface in self._by_first.get(text[at], ()):
            if surface.pattern is None:
                if text.startswith(surface.text, at):
                    return at + len(surface.text), surface.meanings
            elif match := surface.pattern.match(text, at):
                return match.end(), surface.meanings
        return None


def _number(written: str) -> int:
    """3 -> 3, 三 -> 3, 十二 -> 12, 二十 -> 20 (small building numbers only)."""
    if written.isdigit():
        return int(written)
    if "十" not in written:
        return sum(_CN_DIGITS[ch] for ch in written)
    tens, _, ones = written.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
