"""A bad file or argument given to `linli` gets one line saying what is wrong, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

DEMO_ORG = Path(__file__).parents[2] / "bot" / "demo" / "org.yaml"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("LINLI_DATABASE_URL", url)
    return url


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        (
            "org.yaml",
            "communities:\n  - name: 阳光社区\n    grids: [oops\n",
            "org.yaml: not valid YAML (expected ',' or ']', but got '<stream end>' at line 4,",
        ),
        ("org.yaml", "a: b: c\n", "not valid YAML (mapping values are not allowed here at line 1"),
        ("org.yaml", b"communities: \xff\n", "org.yaml: not UTF-8 text"),
        (
            "org.csv",
            "community,grid,building,households\n阳光社区,第一网格,1号楼,inf\n",
            "org.csv row 2: households 'inf' is not a number",
        ),
        (
            "org.csv",
            "community,grid,building,households\n阳光社区,第一网格,1号楼,1e999\n",
            "org.csv row 2: households '1e999' is not a number",
        ),
    ],
)
def test_a_bad_org_file_gets_one_line(
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str | bytes,
    said: str,
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert main(["org", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert said in err
    assert err.count("\n") == 1, err


def test_an_org_file_that_is_a_folder(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "org.yaml"
    folder.mkdir()
    assert main(["org", "import", str(folder)]) == 1
    assert capsys.readouterr().err == f"error: {folder}: not a file\n"


@pytest.mark.parametrize(
    ("start", "end"), [("2026-01-01", "9999-12-31"), ("0001-01-01", "2026-12-31")]
)
def test_export_dates_out_of_range(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], start: str, end: str
) -> None:
    out = tmp_path / "ledger.xlsx"
    assert main(["export", "--from", start, "--to", end, "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        "linli export: a date is out of range (give years 2 to 9998)\n"
    )
    assert not out.exists()


def test_export_into_a_folder_or_nowhere(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    days = ["--from", "2026-12-01", "--to", "2026-12-05"]
    assert main(["export", *days, "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"linli export: --out {tmp_path}: is a directory; give a file name\n"
    )
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", *days, "--out", str(blocker / "ledger.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"linli export: --out {blocker / 'ledger.xlsx'}: cannot be written (")
    assert err.count("\n") == 1


@pytest.mark.parametrize("given", ["-5", "0", "99999999999999999999", "abc"])
def test_grant_refuses_what_is_no_persons_id(
    db: str, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["grant", "staff", given, "--community", "阳光社区"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"argument telegram_id: '{given}' is not a person's Telegram id" in err
    assert "Traceback" not in err


def test_a_reader_that_leaves_early_gets_no_traceback(db: str) -> None:
    """`linli org show | head -1`: the pipe closes before the tree is written."""
    assert main(["org", "import", str(DEMO_ORG)]) == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "org", "show"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).parents[2],
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert "Traceback" not in err, err


@pytest.mark.parametrize(
    "command",
    [["migrate"], ["org", "import", str(DEMO_ORG)], ["org", "show"]],
)
def test_a_database_sqlite_cannot_open_gets_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    """--database-url naming a folder (a path mistyped): said in one line, no traceback."""
    monkeypatch.setenv("LINLI_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err == f"linli: LINLI_DATABASE_URL: {tmp_path} is a folder, not a database file\n"


@pytest.mark.postgres
@pytest.mark.parametrize("command", [["migrate"], ["org", "show"]])
def test_a_postgres_database_that_does_not_exist_gets_one_line(
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    missing = pg_url.rsplit("/", 1)[0] + "/linli_no_such_database"
    monkeypatch.setenv("LINLI_DATABASE_URL", missing)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err == (
        "linli: LINLI_DATABASE_URL: cannot use the database "
        '(database "linli_no_such_database" does not exist)\n'
    ), err


def test_export_into_a_folder_that_does_not_exist(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--out some/new/dir/file.xlsx`: exit 2 (a bad argument, as a folder given for --out or
    one that cannot be written) saying the folder is missing, and nothing is made.
    Before, the folders were made without a word, and left behind empty when the export then
    failed (an unknown --community)."""
    days = ["--from", "2026-12-01", "--to", "2026-12-05"]
    out = tmp_path / "some" / "new" / "dir" / "file.xlsx"
    assert main(["export", *days, "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"linli export: --out {out}: the folder {out.parent} does not exist; "
        f"create it first (mkdir -p {out.parent}) or give another path\n"
    )
    assert not (tmp_path / "some").exists()
    assert main(["export", *days, "--out", str(out), "--community", "没有"]) == 2
    assert not (tmp_path / "some").exists()
    out.parent.mkdir(parents=True)
    assert main(["export", *days, "--out", str(out)]) == 0
    assert out.exists()
