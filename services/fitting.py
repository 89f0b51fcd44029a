"""Cards that always fit one Telegram message, however long what people typed into them is.

A card is drawn with each typed text (a request's description, a reason, a note, an answer, a
comment) put in as a token (`LongTexts.__call__`); `fit` then puts the texts back, shortening
the longest ones just enough, each with a marker saying how long it is whole, so that the card
stays within Telegram's limit (4,096 UTF-16 code units as shown, CAPTION_LIMIT for a caption).
`whole` puts them back uncut: the card a 📄 全文 button sends, split into messages at line ends
(`delivery.split_html`). Nothing typed is ever lost: the database keeps it whole, and the
whole card shows all of it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from services.delivery import TEXT_LIMIT, split_html, utf16_len, visible_text

# private-use characters around a text's index: no HTML escaping or Fluent formatting touches them
_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


@dataclass(frozen=True)
class Fitted:
    """A card's HTML and whether any typed text in it was shortened (then a 📄 全文 is due)."""

    text: str
    cut: bool


class LongTexts:
    """The typed texts of one card, put in as tokens while it is drawn."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text: str) -> str:
        """A token standing for `text` in the card (pass it as a text's argument)."""
        self.texts.append(text)
        return f"{_OPEN}{len(self.texts) - 1}{_CLOSE}"

    def whole(self, card: str) -> str:
        """The card with every typed text whole (HTML-escaped, as a text's argument is)."""
        return _TOKEN.sub(lambda m: html.escape(self.texts[int(m.group(1))], quote=False), card)

    def fit(self, card: str, *, marker: Callable[[int], str], limit: int = TEXT_LIMIT) -> Fitted:
        """The card within `limit` as Telegram counts it: the longest typed texts cut (at a
        line's end where one is near) down to one common length, each followed by
        `marker(its whole length in characters)` (HTML)."""
        whole = self.whole(card)
        if utf16_len(visible_text(whole)) <= limit:
            return Fitted(whole, cut=False)
        used = [int(i) for i in _TOKEN.findall(card)]
        fixed = utf16_len(visible_text(_TOKEN.sub("", card)))
        sizes = {i: utf16_len(self.texts[i]) for i in set(used)}
        marks = {i: utf16_len(visible_text(marker(len(self.texts[i])))) for i in sizes}

        def size_at(cap: int) -> int:
            return fixed + sum(sizes[i] if sizes[i] <= cap else cap + marks[i] for i in used)

        # the largest common length the longest texts are cut to that lets the card fit
        low, high = 0, max(sizes.values(), default=0)
        while low < high:
            mid = (low + high + 1) // 2
            if size_at(mid) <= limit:
                low = mid
            else:
                high = mid - 1
        cap = low

        def put(match: re.Match[str]) -> str:
            index = int(match.group(1))
            text = self.texts[index]
            if sizes[index] <= cap:
                return html.escape(text, quote=False)
            return html.escape(_head(text, cap), quote=False) + marker(len(text))

        fitted = _TOKEN.sub(put, card)
        if utf16_len(visible_text(fitted)) > limit:  # the card's own lines alone are too long
            fitted = split_html(fitted, limit=limit)[0]
        return Fitted(fitted, cut=True)


def cut_marker(marker: Callable[[int], str]) -> re.Pattern[str]:
    """A pattern finding `marker(N)` (HTML, as `fit` puts it after a text it cut) in a card."""
    before, _, after = marker(918273645).partition("918273645")
    return re.compile(f"{re.escape(before)}\\d+{re.escape(after)}")


def make_room(card: str, *, cut: re.Pattern[str], units: int) -> str | None:
    """A card `fit` cut, `units` UTF-16 code units shorter as shown, for a line to go below it
    in the same message: the text before its last marker (`cut`, see `cut_marker`) that is long
    enough is cut further (the marker, whose count is of the whole text, stays). None when no
    typed text was cut, or none has as much to spare."""
    for match in reversed(list(cut.finditer(card))):
        start = card.rfind(">", 0, match.start()) + 1  # a typed text has no tag in it
        head = html.unescape(card[start : match.start()])
        size = utf16_len(head)
        if size <= units:
            continue
        kept = html.escape(_head(head, size - units), quote=False)
        return card[:start] + kept + card[match.start() :]
    return None


def _head(text: str, units: int) -> str:
    """The start of `text` at most `units` UTF-16 code units long, ending at a line's end when
    one is in its last fifth; trailing spaces dropped."""
    out, size = [], 0
    for ch in text:
        width = 2 if ord(ch) > 0xFFFF else 1
        if size + width > units:
            break
        out.append(ch)
        size += width
    head = "".join(out)
    if len(head) < len(text):
        newline = head.rfind("\n")
        if newline >= 0 and newline >= len(head) * 4 // 5:
            head = head[:newline]
    return head.rstrip()
