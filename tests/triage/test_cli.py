"""`linli triage` on small files: JSON lines and CSV out, train, try and switch on a model."""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from bot.cli_triage import add_parsers


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Parse argv as `linli` would and run the command."""
    parser = argparse.ArgumentParser(prog="linli")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path, jieba_cache: Path) -> Path:
    """A data directory whose jieba cache is already built."""
    (tmp_path / "data" / "cache").mkdir(parents=True)
    for cached in jieba_cache.glob("*.cache"):
        shutil.copy(cached, tmp_path / "data" / "cache" / cached.name)
    return tmp_path / "data"


def test_lines_in_json_out(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.txt"
    src.write_text("厨房水管爆了，水流了一地\n\n楼上半夜太吵了\n低保怎么申请\n", encoding="utf-8")
    code, out, _ = run(["triage", str(src), "--data-dir", str(data_dir)], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["category"] for r in rows] == ["water_electric", "noise_dispute", "social_policy"]
    assert [r["urgent"] for r in rows] == [True, False, False]
    for r in rows:
        assert list(r)[:5] == ["category", "confidence", "candidates", "urgent", "keywords"]
        assert r["candidates"][0] == [r["category"], r["confidence"]]


def test_csv_in_csv_out(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "intake.csv"
    src.write_text(
        'no,text,channel\n1,"电梯坏了,老人下不了楼",电话\n2,闻到煤气味,来访\n3,,电话\n',
        encoding="utf-8",
    )
    code, out, _ = run(
        ["triage", str(src), "--format", "csv", "--data-dir", str(data_dir)], capsys
    )
    assert code == 0
    assert out.startswith("\ufeff")  # so that Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [r["no"] for r in rows] == ["1", "2"]
    assert rows[0]["channel"] == "电话"
    assert rows[0]["category"] == "facilities"
    assert rows[0]["category_name"].startswith("公共设施")
    assert rows[1]["category"] == "heating_gas" and rows[1]["urgent"] == "yes"
    assert rows[1]["urgent_reasons"] == "gas"


def test_stdin(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = io.TextIOWrapper(io.BytesIO("路灯不亮\n".encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    code, out, _ = run(["triage", "-", "--data-dir", str(data_dir)], capsys)
    assert code == 0
    assert json.loads(out)["category"] == "facilities"


def test_train_try_and_use(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    examples = tmp_path / "ex.csv"
    lines = ["label,text"]
    lines += [f"roads,路面有坑{i}号路" for i in range(4)]
    lines += [f"other,谢谢你们第{i}次" for i in range(4)]
    examples.write_text("\n".join(lines) + "\n", encoding="utf-8")
    trial = tmp_path / "trial"
    code, out, _ = run(
        [
            "triage",
            "train",
            "--examples",
            str(examples),
            "--model",
            str(trial),
            "--data-dir",
            str(data_dir),
        ],
        capsys,
    )
    assert code == 0 and "trained 2 categories on 8 examples" in out
    # straight into the active model only with a catalogue that knows the labels
    code, _, err = run(
        ["triage", "train", "--examples", str(examples), "--data-dir", str(data_dir)], capsys
    )
    assert code == 1 and "labels not in the catalogue: roads" in err
    src = tmp_path / "in.txt"
    src.write_text("门口路面有个坑\n", encoding="utf-8")
    code, out, _ = run(
        ["triage", str(src), "--model", str(trial), "--data-dir", str(data_dir)], capsys
    )
    # the default catalogue does not know 'roads': trying it is refused with a clear message
    assert code == 1
    catalogue = data_dir / "triage" / "catalogue.yaml"
    catalogue.parent.mkdir(parents=True, exist_ok=True)
    catalogue.write_text(
        "categories:\n"
        "- {code: roads, names: {zh-Hans: 道路, en: Roads}, deadline_hours: 48}\n"
        "- {code: other, names: {zh-Hans: 其他, en: Other}, deadline_hours: 72}\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        ["triage", str(src), "--model", str(trial), "--data-dir", str(data_dir)], capsys
    )
    assert code == 0 and json.loads(out)["category"] == "roads"
    code, out, _ = run(["triage", "use", str(trial), "--data-dir", str(data_dir)], capsys)
    assert code == 0
    # later retrainings start from the examples of the model in use
    kept = data_dir / "triage" / "examples.csv"
    assert kept.read_text(encoding="utf-8") == examples.read_text(encoding="utf-8")
    code, out, _ = run(["triage", str(src), "--data-dir", str(data_dir)], capsys)
    assert json.loads(out)["category"] == "roads"


def test_catalogue_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories:\n- {code: x}\n", encoding="utf-8")
    code, _, err = run(["triage", "catalogue", "--check", str(bad)], capsys)
    assert code == 1 and "bad.yaml" in err
    code, out, _ = run(["triage", "catalogue", "--data-dir", str(tmp_path)], capsys)
    assert code == 0 and out.startswith("water_electric\t水电维修")


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["triage", str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and "no such file" in err
    code, _, err = run(["triage", "a.txt", "b.txt"], capsys)
    assert code == 2


def test_train_reads_staff_corrections_from_the_database(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from models import Community
    from models.db import create_engine, make_sessionmaker
    from models.migrate import upgrade
    from models.orders import CategoryCorrection, Request

    url = f"sqlite+aiosqlite:///{tmp_path / 'linli.sqlite3'}"

    async def prepare() -> None:
        engine = create_engine(url)
        await upgrade(engine)
        async with make_sessionmaker(engine)() as session:
            community = Community(name="阳光社区")
            session.add(community)
            await session.flush()
            assert community.id is not None
            for i in range(3):
                req = Request(community_id=community.id, filed_by=1, text=f"井盖丢了{i}")
                session.add(req)
                await session.flush()
                assert req.id is not None
                session.add(
                    CategoryCorrection(
                        request_id=req.id,
                        from_category="other",
                        to_category="roads",
                        text=req.text,
                        by=1,
                    )
                )
            await session.commit()
        await engine.dispose()

    asyncio.run(prepare())
    (data_dir / "triage").mkdir()
    (data_dir / "triage" / "catalogue.yaml").write_text(
        "categories:\n"
        "- {code: roads, names: {zh-Hans: 道路, en: Roads}, deadline_hours: 48}\n"
        "- {code: other, names: {zh-Hans: 其他, en: Other}, deadline_hours: 72}\n",
        encoding="utf-8",
    )
    rows = ["label,text"] + [f"roads,路面有坑{i}" for i in range(3)]
    rows += [f"other,谢谢你们{i}" for i in range(3)]
    (data_dir / "triage" / "examples.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, _ = run(
        ["triage", "train", "--data-dir", str(data_dir), "--database-url", url], capsys
    )
    assert code == 0
    assert "staff corrections: 3 (3 from the database)" in out
    assert "roads: 6" in out
    # without a database file nothing is created and training still works
    missing = tmp_path / "none.sqlite3"
    code, out, _ = run(
        [
            "triage",
            "train",
            "--data-dir",
            str(data_dir),
            "--database-url",
            f"sqlite+aiosqlite:///{missing}",
        ],
        capsys,
    )
    assert code == 0 and "no database file" in out
    assert not missing.exists()


def test_gbk_csv_and_xlsx_from_excel(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    gbk = tmp_path / "phone.csv"
    gbk.write_bytes("编号,text\n1,楼道灯不亮\n2,低保怎么申请\n".encode("gb18030"))
    code, out, _ = run(["triage", str(gbk), "--data-dir", str(data_dir)], capsys)
    assert code == 0
    assert [json.loads(line)["category"] for line in out.splitlines()] == [
        "facilities",
        "social_policy",
    ]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", "Text", "来源"])
    sheet.append([7, "厨房水管爆了，水流了一地", "电话"])
    sheet.append([8, None, "来访"])
    xlsx = tmp_path / "intake.xlsx"
    book.save(xlsx)
    code, out, _ = run(
        ["triage", str(xlsx), "--format", "csv", "--data-dir", str(data_dir)], capsys
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len(rows) == 1
    assert rows[0]["编号"] == "7" and rows[0]["来源"] == "电话"
    assert rows[0]["category"] == "water_electric" and rows[0]["urgent"] == "yes"


def test_csv_without_text_column(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,漏水\n", encoding="utf-8")
    code, _, err = run(["triage", str(bad), "--data-dir", str(data_dir)], capsys)
    assert code == 2 and "`text` column" in err
