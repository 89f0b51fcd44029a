"""Write bot/locales/zh-Hant/*.ftl from bot/locales/zh-Hans/*.ftl: OpenCC, then our fixes.

Run it after any change to the zh-Hans texts (OpenCC comes with `pip install -e .`):

    .venv/bin/python bot/locales/make_hant.py           # rewrite zh-Hant from zh-Hans
    .venv/bin/python bot/locales/make_hant.py --check   # exit 1 if zh-Hant is out of date

The zh-Hant files are generated: never edit them by hand. A wrong conversion is fixed in FIXES
below, so that the next run gives the same result.

Conversion: OpenCC "s2tw" — character by character to the standard forms of Taiwan's (Big5)
character set (為 not 爲, 裡 not 裏, 線 not 綫, 著 not 着, 眾 not 衆), which are also the forms
Hong Kong readers see on their screens every day, and no change of vocabulary. Plain "s2t"
gives OpenCC's own etymological forms (爲, 裏, 審覈) that look odd to readers in both places;
"s2twp" and "s2hk" would go further and put Taiwan's or Hong Kong's own words (軟體, 簡訊) in
place of the mainland ones, which suits neither the other place nor a mainland community.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Protocol

LOCALES = Path(__file__).resolve().parent
SOURCE = LOCALES / "zh-Hans"
TARGET = LOCALES / "zh-Hant"
CONFIG = "s2tw"

# (OpenCC's output, what it should be, why). Applied in order, to the whole converted file.
FIXES: tuple[tuple[str, str, str], ...] = (
    # 只 (only) is never the measure word 隻 here; OpenCC reads 最多只能 as 最多 + 隻
    ("隻能", "只能", "最多只能选 → 最多只能選"),
    # 签到 (check in) after 上 is read as 上签 (a good fortune slip, 上籤)
    ("籤到", "簽到", "在机器人上签到 → 在機器人上簽到"),
    # OpenCC writes 发布 both as 發佈 and as 發布, 公布 as 公佈: one form, the one the Taiwan
    # and Hong Kong governments both use
    ("發佈", "發布", "发布 → 發布 everywhere"),
    ("公佈", "公布", "公布 → 公布 everywhere"),
    # 尽快 comes out both as 儘快 and as 盡快: one form
    ("儘快", "盡快", "尽快 → 盡快 everywhere"),
    # 台账 (ledger) is written 台賬 in Traditional too; 臺賬 reads as a stage's account
    ("臺賬", "台賬", "台账 → 台賬"),
    # the language just chosen is Traditional Chinese, not Chinese in general
    ("語言已切換為中文。", "語言已切換為繁體中文。", "lang-set"),
)

HEADER = (
    "### Generated from zh-Hans/{name} by bot/locales/make_hant.py (OpenCC {config} and its\n"
    "### FIXES). Do not edit: change the zh-Hans text and run the script again.\n\n"
)


class Converter(Protocol):
    """What we use of opencc.OpenCC."""

    def convert(self, text: str) -> str: ...


def make_converter() -> Converter:
    """OpenCC with our configuration (opencc-python-reimplemented, a dev dependency)."""
    try:
        from opencc import OpenCC
    except ImportError:
        sys.exit("make_hant: OpenCC is missing; install the dev extra: pip install -e '.[dev]'")
    converter: Converter = OpenCC(CONFIG)
    return converter


def convert(text: str, converter: Converter, *, used: set[str] | None = None) -> str:
    """One zh-Hans file's text in Traditional Chinese; `used` collects the FIXES that applied."""
    out = converter.convert(text)
    for wrong, right, _why in FIXES:
        if wrong in out:
            out = out.replace(wrong, right)
            if used is not None:
                used.add(wrong)
    return out


def build(
    converter: Converter, *, source: Path = SOURCE, used: set[str] | None = None
) -> dict[str, str]:
    """{file name: zh-Hant text} for every zh-Hans .ftl file."""
    return {
        src.name: HEADER.format(name=src.name, config=CONFIG)
        + convert(src.read_text(encoding="utf-8"), converter, used=used)
        for src in sorted(source.glob("*.ftl"))
    }


def stale_files(expected: dict[str, str], *, target: Path = TARGET) -> list[str]:
    """zh-Hant files that differ from what the script would write, or should not be there."""
    present = {p.name for p in target.glob("*.ftl")} if target.is_dir() else set()
    out = sorted(present - set(expected))
    for name, text in expected.items():
        path = target / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the zh-Hant locale files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="only report files that are out of date"
    )
    parser.add_argument("--source", type=Path, default=SOURCE, help="the zh-Hans folder")
    parser.add_argument("--target", type=Path, default=TARGET, help="the zh-Hant folder")
    args = parser.parse_args(argv)
    used: set[str] = set()
    expected = build(make_converter(), source=args.source, used=used)
    stale = stale_files(expected, target=args.target)
    if args.check:
        for name in stale:
            print(f"zh-Hant/{name} is out of date: run bot/locales/make_hant.py", file=sys.stderr)
        return 1 if stale else 0
    args.target.mkdir(exist_ok=True)
    for name in stale:
        path = args.target / name
        if name in expected:
            path.write_text(expected[name], encoding="utf-8")
            print(f"wrote zh-Hant/{name}")
        else:
            path.unlink()
            print(f"removed zh-Hant/{name} (no zh-Hans/{name})")
    for wrong, right, _why in FIXES:
        if wrong not in used:
            print(f"note: fix {wrong!r} → {right!r} matched nothing (stale?)", file=sys.stderr)
    if not stale:
        print("zh-Hant is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
