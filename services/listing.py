"""A list as a text's placeable, written the way each reader's language lists things."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from models.users import DeletedName


class Listing(str):
    """Items of a list as one placeable. As a plain string the items are joined the Chinese
    way ('甲、乙'); rendered for someone (`read_in`: services.consult_common.localize,
    services.order_notices.render) they are joined by their language's list-sep ('A, B')."""

    items: tuple[str, ...]

    def __new__(cls, items: Iterable[str]) -> Listing:
        kept = tuple(items)
        made = super().__new__(cls, "、".join(kept))
        made.items = kept
        return made

    def read_in(self, text: Callable[[str], str]) -> str:
        """The items joined by `text("list-sep")`, a text of the reader's language (a name of
        someone who deleted their data in that language too)."""
        return text("list-sep").join(
            i.read_in(text) if isinstance(i, DeletedName) else i for i in self.items
        )
