"""`linli triage`: sort request texts from a file, train and switch models, check catalogues.

    linli triage [FILE|-] [--format json|csv] [--model DIR]
    linli triage train [--examples FILE] [--model DIR]
    linli triage use DIR
    linli triage catalogue [--check FILE]

Needs neither the bot token nor a database.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

ACTIONS = ("train", "use", "catalogue")
USAGE = """\
linli triage [FILE|-] [--format json|csv] [--model DIR]
       linli triage train [--examples FILE] [--model DIR]
       linli triage use DIR
       linli triage catalogue [--check FILE]"""
EPILOG = """\
Input: one request text per line, or a CSV (UTF-8 or GBK) or XLSX file with a `text` column
(other columns are kept in CSV output). Output: one JSON object per line, {"category",
"confidence", "candidates", "urgent", "keywords", ...}, or CSV with --format csv.

train: without --examples, retrains the shipped seed examples (or <data-dir>/triage/examples.csv)
plus the staff corrections of this deployment (from its database when there is one) into its
active model; with --examples FILE (CSV of label,text) trains a custom
catalogue. --model DIR writes the model there instead, to try it with `linli triage --model DIR`
before switching it on with `linli triage use DIR`."""


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir:
        return Path(args.data_dir)
    from bot.settings import SettingsError, load_settings

    try:
        return load_settings().data_dir
    except SettingsError:
        return Path("data")


class InputError(ValueError):
    """An input file that cannot be read as requests."""


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 as Excel writes CSV on Chinese Windows."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _read_xlsx(path: Path) -> Iterator[dict[str, str]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
        if "text" not in [h.lower() for h in header]:
            raise InputError(f"{path}: the first sheet needs a `text` column")
        for values in rows:
            row = {h: "" if v is None else str(v) for h, v in zip(header, values, strict=False)}
            row["text"] = next(row[h] for h in header if h.lower() == "text")
            if row["text"].strip():
                yield row
    finally:
        book.close()


def load_requests(source: str) -> Iterator[dict[str, str]]:
    """Request rows of a file (or '-' for standard input): text lines, CSV or XLSX."""
    if source.lower().endswith(".xlsx"):
        yield from _read_xlsx(Path(source))
        return
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    yield from read_requests(
        io.StringIO(_decode(data), newline=None), force_csv=source.lower().endswith(".csv")
    )


def read_requests(handle: TextIO, *, force_csv: bool = False) -> Iterator[dict[str, str]]:
    """Rows with a `text` key: from a CSV with a `text` column, else one text per line."""
    first = handle.readline()
    if not first:
        return
    header = next(csv.reader([first]), [])
    names = [h.strip().lower() for h in header]
    if force_csv and "text" not in names:
        raise InputError("a CSV file needs a header row with a `text` column")
    if "text" in names and (force_csv or len(names) > 1 or first.strip().lower() == "text"):
        reader = csv.reader(handle)
        for values in reader:
            row = {names[i]: v for i, v in enumerate(values) if i < len(names)}
            if row.get("text", "").strip():
                yield {header[i].strip(): v for i, v in enumerate(values) if i < len(header)} | {
                    "text": row["text"]
                }
        return
    for line in [first, *handle]:
        if line.strip():
            yield {"text": line.strip()}


def cmd_triage(args: argparse.Namespace) -> int:
    """Sort request texts: category, confidence, candidates, urgency and keywords per text."""
    targets: list[str] = args.targets
    if targets and targets[0] in ACTIONS:
        return {"train": _cmd_train, "use": _cmd_use, "catalogue": _cmd_catalogue}[targets[0]](
            args, targets[1:]
        )
    if len(targets) > 1:
        print("linli triage: give one input file (or - for standard input)", file=sys.stderr)
        return 2
    if args.examples or args.check:
        print(
            "linli triage: --examples belongs to `train`, --check to `catalogue`", file=sys.stderr
        )
        return 2
    from services.triage import CatalogueError, ModelError, category_by_code
    from services.triage.deployment import load_triage

    source = targets[0] if targets else "-"
    if source != "-" and not Path(source).is_file():
        print(f"linli triage: no such file: {source}", file=sys.stderr)
        return 2
    try:
        triage = load_triage(data_dir=_data_dir(args), model_dir=args.model)
    except (ModelError, CatalogueError) as exc:
        print(f"linli triage: {exc}", file=sys.stderr)
        return 1
    out = sys.stdout
    writer: Any = None
    try:
        for row in load_requests(source):
            result = triage.analyze(row["text"])
            if args.format == "json":
                record = {
                    "category": result.category,
                    "confidence": result.confidence,
                    "candidates": [[code, p] for code, p in result.candidates],
                    "urgent": result.urgent,
                    "keywords": result.keywords,
                    "unsure": result.unsure,
                    "urgent_reasons": result.urgent_reasons,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            name = (
                category_by_code(triage.catalogue, result.category).name("zh-Hans")
                if triage.catalogue
                else result.category
            )
            record = {
                **row,
                "category": result.category,
                "category_name": name,
                "confidence": f"{result.confidence:.3f}",
                "unsure": "yes" if result.unsure else "",
                "candidates": " ".join(f"{c}:{p:.2f}" for c, p in result.candidates),
                "urgent": "yes" if result.urgent else "",
                "urgent_reasons": " ".join(result.urgent_reasons),
                "keywords": " ".join(result.keywords),
            }
            if writer is None:
                # a byte-order mark, so that Excel shows the Chinese text of the saved file
                out.write("\ufeff")
                writer = csv.DictWriter(out, fieldnames=list(record), lineterminator="\n")
                writer.writeheader()
            writer.writerow(record)
    except (InputError, OSError) as exc:
        print(f"linli triage: {exc}", file=sys.stderr)
        return 2
    return 0


def _database_url(args: argparse.Namespace) -> str | None:
    if args.database_url:
        return str(args.database_url)
    from bot.settings import SettingsError, load_settings

    try:
        return load_settings().database_url
    except SettingsError:
        return None


def _stored_corrections(url: str | None) -> tuple[list[tuple[str, str]], str]:
    """Staff corrections kept in the database, if there is one to read; never creates one."""
    if not url:
        return [], "no database configured"
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path in ("", ":memory:") or not Path(path).is_file():
            return [], f"no database file {path}"
    import asyncio

    from sqlalchemy.exc import SQLAlchemyError

    from models.db import create_engine, make_sessionmaker
    from services.orders import triage_corrections

    async def read() -> list[tuple[str, str]]:
        engine = create_engine(url)
        try:
            async with make_sessionmaker(engine)() as session:
                return await triage_corrections(session)
        finally:
            await engine.dispose()

    try:
        rows = asyncio.run(read())
    except (SQLAlchemyError, OSError) as exc:
        return [], f"database not readable ({exc.__class__.__name__})"
    return rows, f"{len(rows)} from the database"


def _cmd_train(args: argparse.Namespace, rest: list[str]) -> int:
    from services.triage import TrainingError, read_corrections, read_examples_csv, train_model
    from services.triage.deployment import cache_dir, keep_examples, load_deployment_catalogue
    from services.triage.training import (
        active_model_dir,
        deployment_examples_path,
        seed_examples,
    )

    if rest:
        print(f"linli triage train: unexpected argument {rest[0]!r}", file=sys.stderr)
        return 2
    data_dir = _data_dir(args)
    try:
        if args.examples:
            examples = read_examples_csv(Path(args.examples))
            # straight into the active model: its categories must be the deployment's
            allowed = None if args.model else {c.code for c in load_deployment_catalogue(data_dir)}
        else:
            own = deployment_examples_path(data_dir)
            allowed = {c.code for c in load_deployment_catalogue(data_dir)}
            # examples of a category retired since (/category remove) no longer count
            base = [
                (lab, txt)
                for lab, txt in (read_examples_csv(own) if own.is_file() else seed_examples())
                if lab in allowed
            ]
            stored, note = _stored_corrections(_database_url(args))
            recorded = read_corrections(data_dir=data_dir)
            corrections = [(lab, txt) for lab, txt in [*recorded, *stored] if lab in allowed]
            print(
                f"base: {own if own.is_file() else 'shipped seed set'} ({len(base)} examples); "
                f"staff corrections: {len(corrections)} ({note})"
            )
            examples = [*base, *corrections]
        model_dir = Path(args.model) if args.model else active_model_dir(data_dir)
        report = train_model(
            examples, model_dir=model_dir, cache_dir=cache_dir(data_dir), allowed_labels=allowed
        )
        if args.examples:
            # kept beside the model, and by the deployment once the model is in use, so that
            # later retrainings start from these examples rather than the shipped seed set
            shutil.copyfile(args.examples, model_dir / "examples.csv")
            if not args.model:
                keep_examples(data_dir=data_dir, model_dir=model_dir)
    except (OSError, TrainingError, ValueError) as exc:
        print(f"linli triage train: {exc}", file=sys.stderr)
        return 1
    print(
        f"trained {len(report.labels)} categories on {report.examples} examples "
        f"({report.features} features, training accuracy {report.train_accuracy:.3f}, "
        f"{report.seconds:.1f} s) into {report.model_dir}"
    )
    for label, count in report.per_label.items():
        print(f"  {label}: {count}")
    if args.model:
        print(
            f"try it: linli triage --model {args.model} FILE; "
            f"switch it on: linli triage use {args.model}"
        )
    return 0


def _cmd_use(args: argparse.Namespace, rest: list[str]) -> int:
    from services.triage import ModelError
    from services.triage.deployment import activate_model

    if len(rest) != 1:
        print("linli triage use: give the model directory to switch on", file=sys.stderr)
        return 2
    try:
        target = activate_model(data_dir=_data_dir(args), model_dir=Path(rest[0]))
    except ModelError as exc:
        print(f"linli triage use: {exc}", file=sys.stderr)
        return 1
    print(f"model {rest[0]} is now active ({target}); a running bot loads it within a minute")
    return 0


def _cmd_catalogue(args: argparse.Namespace, rest: list[str]) -> int:
    from services.triage import CatalogueError, load_catalogue
    from services.triage.deployment import load_deployment_catalogue

    if rest:
        print(f"linli triage catalogue: unexpected argument {rest[0]!r}", file=sys.stderr)
        return 2
    try:
        if args.check:
            categories = load_catalogue(Path(args.check))
        else:
            categories = load_deployment_catalogue(_data_dir(args))
    except CatalogueError as exc:
        print(f"linli triage catalogue: {exc}", file=sys.stderr)
        return 1
    for c in categories:
        print(
            f"{c.code}\t{c.name('zh-Hans')}\t{c.name('en')}\t{c.deadline_hours} h\t"
            f"{','.join(c.skills)}"
        )
    return 0


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Register `linli triage` (sorting, train, use, catalogue)."""
    parser = subparsers.add_parser(
        "triage",
        help="sort request texts by category and urgency; train the classifier",
        usage=USAGE,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "targets",
        nargs="*",
        metavar="FILE|-|train|use DIR|catalogue",
        help="input file (default: standard input), or an action",
    )
    parser.add_argument("--format", choices=("json", "csv"), default="json", help="output format")
    parser.add_argument("--model", type=Path, help="model directory (to try, or to train into)")
    parser.add_argument("--examples", help="train: CSV of label,text for a custom catalogue")
    parser.add_argument("--check", help="catalogue: validate this catalogue file")
    parser.add_argument("--data-dir", help="the app's data directory (default: LINLI_DATA_DIR)")
    parser.add_argument(
        "--database-url",
        help="train: where staff corrections are kept (default: LINLI_DATABASE_URL)",
    )
    parser.set_defaults(func=cmd_triage)
