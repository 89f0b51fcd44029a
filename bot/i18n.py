"""Texts from Fluent files in bot/locales/<lang>/*.ftl, with HTML-escaped arguments."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax.ast import Resource

from models.users import DeletedName
from services.listing import Listing

LOCALES_DIR = Path(__file__).parent / "locales"
_PLACEABLE = re.compile(r"\{\s*\$([a-zA-Z0-9_-]+)")
_LONG_VALUE = 1000  # characters; longer argument values bypass Fluent's placeable limit
_REFERENCE = re.compile(r"\{\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*\}")
# .ftl files already parsed in this process, by path and text: parsing all locales takes
# about half a second, and the bot, its scheduler and every app a test starts load the same
# files. A parsed file is only read (a bundle compiles its own copies of the messages).
_PARSED: dict[tuple[Path, str], tuple[Resource, dict[str, str]]] = {}


@dataclass(frozen=True)
class Raw:
    """A value that is already safe HTML and must not be escaped again."""

    html: str


# Where a locale lacks a key, the text comes from the next locale in its chain, then from the
# default: Traditional Chinese readers get Simplified Chinese rather than English.
FALLBACKS: dict[str, str] = {"zh-Hant": "zh-Hans"}
# the order /lang lists the locales in (the default first; unlisted locales last, by name)
ORDER = ("zh-Hans", "zh-Hant", "en")
# Telegram's language_code for Chinese: a script subtag decides; without one, the region does
# (Taiwan, Hong Kong and Macao write Traditional, everyone else Simplified)
_HANT_REGIONS = frozenset({"tw", "hk", "mo"})


def pick_language(code: str | None, *, available: Iterable[str], default: str) -> str:
    """Map a Telegram language_code (or our own stored choice) to a locale we have.

    zh-hant, zh-tw, zh-hk and zh-mo are Traditional Chinese; zh, zh-cn, zh-hans and zh-sg
    (any other zh) Simplified; where we lack the one, the other Chinese is nearer than English.
    """
    langs = list(available)
    if not code:
        return default
    if code in langs:
        return code
    tag = code.strip().lower().replace("_", "-")
    by_lower = {lang.lower(): lang for lang in langs}
    if tag in by_lower:
        return by_lower[tag]
    parts = tag.split("-")
    base = parts[0]
    if base == "zh":
        subtags = set(parts[1:])
        hant = "hant" in subtags or ("hans" not in subtags and bool(subtags & _HANT_REGIONS))
        for lang in ("zh-Hant", "zh-Hans") if hant else ("zh-Hans", "zh-Hant"):
            if lang in langs:
                return lang
    for lang in langs:
        if lang.lower().split("-")[0] == base:
            return lang
    return default


class Translator:
    """All locales, loaded once at start-up."""

    def __init__(self, locales_dir: Path = LOCALES_DIR, *, default: str = "zh-Hans") -> None:
        self.default = default
        self.bundles: dict[str, FluentBundle] = {}
        self.sources: dict[str, dict[str, str]] = {}
        # a locale is a folder of .ftl files (not __pycache__, left by the zh-Hant generator)
        lang_dirs = sorted(p for p in locales_dir.iterdir() if p.is_dir() and any(p.glob("*.ftl")))
        for lang_dir in lang_dirs:
            bundle = FluentBundle([lang_dir.name], use_isolating=False)
            messages: dict[str, str] = {}
            for ftl in sorted(lang_dir.glob("*.ftl")):
                resource, sources = _parse(ftl)
                bundle.add_resource(resource)
                messages.update(sources)
            self.bundles[lang_dir.name] = bundle
            self.sources[lang_dir.name] = messages
        if default not in self.bundles:
            raise ValueError(f"no locale directory for the default language {default}")
        # texts without arguments, by (lang, key): the bundles do not change once loaded, so
        # such a text is the same every time (button labels, most prompts: many per update)
        self._plain: dict[tuple[str, str], str] = {}

    @property
    def languages(self) -> list[str]:
        """Locales we have, default first, then in ORDER."""
        rest = sorted(
            (lang for lang in self.bundles if lang != self.default),
            key=lambda lang: (ORDER.index(lang) if lang in ORDER else len(ORDER), lang),
        )
        return [self.default, *rest]

    def chain(self, lang: str) -> list[str]:
        """The locales a text in lang is looked up in, in turn: lang, its fallback, the default."""
        out: list[str] = []
        step: str | None = lang
        while step is not None and step not in out:
            if step in self.bundles:
                out.append(step)
            step = FALLBACKS.get(step)
        if self.default not in out:
            out.append(self.default)
        return out

    def get(self, lang: str, key: str, /, **args: Any) -> str:
        """The text for key in lang (else in its fallbacks, see chain), with escaped arguments."""
        if not args:
            plain = self._plain.get((lang, key))
            if plain is None:
                plain = self._plain[(lang, key)] = self._format(lang, key, args)
            return plain
        return self._format(lang, key, args)

    def _format(self, lang: str, key: str, args: dict[str, Any]) -> str:
        found = [name for name in self.chain(lang) if self.bundles[name].has_message(key)]
        if not found:
            raise KeyError(f"missing text key {key!r}")
        bundle = self.bundles[found[0]]
        message = bundle.get_message(key)
        if message.value is None:
            raise KeyError(f"text key {key!r} has no value")
        # a list, or the name of someone who deleted their data: written out in this language
        words = {
            name: value.read_in(lambda k: self.get(lang, k))
            if isinstance(value, (Listing, DeletedName))
            else value
            for name, value in args.items()
        }
        safe = {name: _safe(value) for name, value in words.items()}
        # fluent.runtime refuses placeables longer than 2,500 characters; a long value (a
        # resident's whole request, meeting minutes) goes in through a marker instead.
        long_values: dict[str, str] = {}
        for name, value in safe.items():
            if isinstance(value, str) and len(value) > _LONG_VALUE:
                marker = f"\x00{len(long_values)}\x00"
                long_values[marker] = value
                safe[name] = marker
        text, errors = bundle.format_pattern(message.value, safe)
        if errors:
            raise ValueError(f"text {key!r} in {lang}: {errors[0]}")
        result = str(text)
        for marker, value in long_values.items():
            result = result.replace(marker, value)
        return result

    def has(self, key: str) -> bool:
        """True if the default locale has the key."""
        return self.bundles[self.default].has_message(key)

    def all_values(self, key: str) -> frozenset[str]:
        """The key's text in every locale: how reply-keyboard labels are recognised."""
        return frozenset(self.get(lang, key) for lang in self.bundles)

    def bind(self, lang: str) -> Text:
        """A callable that renders keys in one language."""
        return Text(self, lang if lang in self.bundles else self.default)

    def placeholders(self, lang: str) -> dict[str, set[str]]:
        """For each key of a locale, the variables it needs, including those of texts it uses."""
        sources = self.sources[lang]
        own = {key: set(_PLACEABLE.findall(source)) for key, source in sources.items()}
        uses = {
            key: {ref for ref in _REFERENCE.findall(source) if ref in sources and ref != key}
            for key, source in sources.items()
        }

        def needed(key: str, seen: frozenset[str]) -> set[str]:
            names = set(own[key])
            for ref in uses[key] - seen:
                names |= needed(ref, seen | {key})
            return names

        return {key: needed(key, frozenset({key})) for key in sources}


class Text:
    """t("key", name=value) in one language."""

    def __init__(self, translator: Translator, lang: str) -> None:
        self.translator = translator
        self.lang = lang

    def __call__(self, key: str, /, **args: Any) -> str:
        return self.translator.get(self.lang, key, **args)

    def written(self, value: str) -> str:
        """A name (or a list) as this language writes it, where it goes into a text other than
        as an argument (an f-string, a button's label): the name of someone who deleted their
        data (models.users.DeletedName) in these words; any other string as it is."""
        if isinstance(value, (Listing, DeletedName)):
            return value.read_in(self)
        return value

    def join(self, items: Iterable[str]) -> str:
        """Items of a list as the language writes them in a sentence: 甲、乙 / A, B."""
        return self("list-sep").join(items)


def _safe(value: Any) -> Any:
    if isinstance(value, Raw):
        return value.html
    if isinstance(value, str):
        return html.escape(value, quote=False)
    return value


def _parse(ftl: Path) -> tuple[Resource, dict[str, str]]:
    """An .ftl file's messages and the source of each, parsed once per process per text."""
    text = ftl.read_text(encoding="utf-8")
    key = (ftl, text)
    parsed = _PARSED.get(key)
    if parsed is None:
        parsed = _PARSED[key] = (FluentResource(text), _message_sources(text))
    return parsed


def _message_sources(text: str) -> dict[str, str]:
    """Split an .ftl file into {key: source of the message} (keys start at column 0)."""
    out: dict[str, str] = {}
    key: str | None = None
    lines: list[str] = []
    for line in text.splitlines():
        match = re.match(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=", line)
        if match:
            if key:
                out[key] = "\n".join(lines)
            key, lines = match.group(1), [line]
        elif key and (line.startswith((" ", "\t")) or not line.strip()):
            lines.append(line)
        elif line.startswith("#"):
            continue
    if key:
        out[key] = "\n".join(lines)
    return out
