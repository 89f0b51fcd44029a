"""Category catalogue: stable codes, names per language, default deadline and skills."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from services.skills import SKILLS

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_CATALOGUE_PATH = DATA_DIR / "catalogue.yaml"
REQUIRED_LANGUAGES = ("zh-Hans", "en")
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


class CatalogueError(ValueError):
    """A catalogue file that cannot be used, with a message saying where and why."""


@dataclass(frozen=True)
class Category:
    """One request category of a deployment's catalogue."""

    code: str
    names: dict[str, str]
    deadline_hours: int
    skills: tuple[str, ...]

    def name(self, language: str = "zh-Hans") -> str:
        """The category's name in a language, falling back to Simplified Chinese."""
        return self.names.get(language) or self.names["zh-Hans"]


def _category_from_dict(raw: Any, index: int, source: str) -> Category:
    where = f"{source}: category #{index + 1}"
    if not isinstance(raw, dict):
        raise CatalogueError(
            f"{where}: expected a mapping with code, names, deadline_hours, skills"
        )
    unknown = set(raw) - {"code", "names", "deadline_hours", "skills"}
    if unknown:
        raise CatalogueError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    code = raw.get("code")
    if not isinstance(code, str) or not _CODE_RE.match(code):
        raise CatalogueError(
            f"{where}: code {code!r} must be 2-40 characters of a-z, 0-9 and _, "
            "starting with a letter"
        )
    where = f"{source}: category {code!r}"
    names = raw.get("names")
    if not isinstance(names, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in names.items()
    ):
        raise CatalogueError(f"{where}: names must map language codes to non-empty texts")
    missing = [lang for lang in REQUIRED_LANGUAGES if lang not in names]
    if missing:
        raise CatalogueError(f"{where}: names lack language(s) {', '.join(missing)}")
    deadline = raw.get("deadline_hours")
    if isinstance(deadline, bool) or not isinstance(deadline, int) or not 1 <= deadline <= 24 * 90:
        raise CatalogueError(f"{where}: deadline_hours must be a whole number from 1 to 2160")
    skills = raw.get("skills", [])
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        raise CatalogueError(f"{where}: skills must be a list of skill codes")
    unknown_skills = [s for s in skills if s not in SKILLS]
    if unknown_skills:
        raise CatalogueError(
            f"{where}: unknown skill code(s) {', '.join(unknown_skills)}; "
            f"known: {', '.join(SKILLS)}"
        )
    return Category(
        code=code,
        names={k: v.strip() for k, v in names.items()},
        deadline_hours=deadline,
        skills=tuple(dict.fromkeys(skills)),
    )


def parse_catalogue(data: Any, *, source: str = "catalogue") -> list[Category]:
    """Validate a parsed catalogue document and return its categories in file order."""
    if isinstance(data, dict):
        data = data.get("categories")
    if not isinstance(data, list) or not data:
        raise CatalogueError(f"{source}: expected a non-empty list under 'categories'")
    categories = [_category_from_dict(raw, i, source) for i, raw in enumerate(data)]
    seen: set[str] = set()
    for category in categories:
        if category.code in seen:
            raise CatalogueError(f"{source}: category code {category.code!r} appears twice")
        seen.add(category.code)
    if "other" not in seen:
        raise CatalogueError(f"{source}: the catalogue must keep a catch-all category 'other'")
    return categories


def load_catalogue(path: Path | None = None) -> list[Category]:
    """The categories of a catalogue YAML file; the default catalogue when path is None."""
    path = path or DEFAULT_CATALOGUE_PATH
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read the catalogue ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: not valid YAML ({exc})") from exc
    return parse_catalogue(data, source=str(path))


def dump_catalogue(categories: list[Category], path: Path) -> None:
    """Write categories to a catalogue YAML file (after validating them)."""
    rows = [
        {
            "code": c.code,
            "names": dict(c.names),
            "deadline_hours": c.deadline_hours,
            "skills": list(c.skills),
        }
        for c in categories
    ]
    _validated(categories)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(
        yaml.safe_dump({"version": 1, "categories": rows}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    tmp.replace(path)


def category_by_code(categories: list[Category], code: str) -> Category:
    """The category with this code, or the catch-all 'other'."""
    for category in categories:
        if category.code == code:
            return category
    return next(c for c in categories if c.code == "other")


def with_category(categories: list[Category], category: Category) -> list[Category]:
    """The catalogue with a category added, or replaced where its code already is (validated)."""
    codes = [c.code for c in categories]
    if category.code in codes:
        result = [category if c.code == category.code else c for c in categories]
    else:
        other = codes.index("other") if "other" in codes else len(categories)
        result = [*categories[:other], category, *categories[other:]]
    return _validated(result)


def without_category(categories: list[Category], code: str) -> list[Category]:
    """The catalogue without a category ('other' stays: requests fall back to it)."""
    if code == "other":
        raise CatalogueError("the catch-all category 'other' cannot be removed")
    if code not in {c.code for c in categories}:
        raise CatalogueError(f"no category {code!r} in the catalogue")
    return _validated([c for c in categories if c.code != code])


def with_deadline(categories: list[Category], code: str, hours: int) -> list[Category]:
    """The catalogue with a category's default deadline changed."""
    current = category_by_code(categories, code)
    if current.code != code:
        raise CatalogueError(f"no category {code!r} in the catalogue")
    return with_category(
        categories,
        Category(code=code, names=current.names, deadline_hours=hours, skills=current.skills),
    )


def _validated(categories: list[Category]) -> list[Category]:
    rows = [
        {
            "code": c.code,
            "names": dict(c.names),
            "deadline_hours": c.deadline_hours,
            "skills": list(c.skills),
        }
        for c in categories
    ]
    return parse_catalogue(rows, source="catalogue")
