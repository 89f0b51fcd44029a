"""The `linli` command line: org import/show, grant/revoke, migrate."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main

DEMO_ORG = Path(__file__).parents[2] / "bot" / "demo" / "org.yaml"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("LINLI_DATABASE_URL", url)
    return url


def test_org_import_show_grant_revoke(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["org", "import", str(DEMO_ORG)]) == 0
    assert "2 communities" in capsys.readouterr().out
    assert main(["org", "import", str(DEMO_ORG)]) == 0
    assert "0 communities, 0 grids, 0 buildings added" in capsys.readouterr().out
    assert main(["org", "show"]) == 0
    tree = capsys.readouterr().out
    assert "阳光社区" in tree and "└─ 6号楼  (68 households)" in tree
    # communities and grids by both their names, where an English one is set
    assert "阳光社区 / Sunshine Community  (id " in tree, tree
    assert "├─ 第一网格 / Grid 1  (id " in tree and "└─ 第二网格 / Grid 2  (id " in tree, tree
    assert main(["grant", "staff", "777", "--community", "阳光社区", "--grid", "第一网格"]) == 0
    assert "roles now resident,staff" in capsys.readouterr().out
    assert main(["grant", "staff", "777", "--community", "没有这个社区"]) == 1
    assert 'There is no community called "没有这个社区"' in capsys.readouterr().err
    assert main(["revoke", "staff", "777"]) == 0
    assert "roles now resident" in capsys.readouterr().out


def test_bad_org_file_is_reported(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "org.csv"
    bad.write_text("社区,网格,楼栋,户数\n阳光社区,第一网格,1号楼,很多\n", encoding="utf-8")
    assert main(["org", "import", str(bad)]) == 1
    assert "org.csv row 2: households '很多' is not a number" in capsys.readouterr().err


def test_migrate_reports_revisions(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "--revision", "0001"]) == 0
    assert "empty → 0001" in capsys.readouterr().out
    assert main(["migrate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("database schema: 0001 → ")


def test_revoke_admin_refuses_an_id_the_settings_name(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An admin named by LINLI_ADMIN_IDS stays one whatever is stored: the revoke says so and
    changes nothing, instead of printing 'roles now resident' for someone still an admin."""
    monkeypatch.setenv("LINLI_ADMIN_IDS", "888")
    assert main(["grant", "admin", "888"]) == 0
    capsys.readouterr()
    assert main(["revoke", "admin", "888"]) == 1
    assert "888 is an admin because LINLI_ADMIN_IDS names them" in capsys.readouterr().err
    assert main(["grant", "admin", "889"]) == 0
    assert main(["revoke", "admin", "889"]) == 0
    assert "889: roles now resident" in capsys.readouterr().out


def test_revoke_of_a_role_someone_does_not_have_is_refused(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped id or community: the revoke says there is nothing to take away and exits 1,
    rather than 'roles now …' with exit 0 and the bot telling a resident who never was staff
    that their staff rights were revoked."""
    assert main(["org", "import", str(DEMO_ORG)]) == 0
    assert main(["grant", "staff", "777", "--community", "阳光社区"]) == 0
    capsys.readouterr()
    assert main(["revoke", "staff", "777", "--community", "和谐社区"]) == 1
    out = capsys.readouterr()
    assert '777 is not staff of "和谐社区": there is nothing to revoke' in out.err
    assert out.out == "" and "Traceback" not in out.err
    assert main(["revoke", "admin", "777"]) == 1
    assert "777 is not an admin: there is nothing to revoke" in capsys.readouterr().err
    assert main(["revoke", "staff", "777"]) == 0
    assert "777: roles now resident" in capsys.readouterr().out
    assert main(["revoke", "staff", "777"]) == 1  # twice: the second finds nothing
    assert "777 is not staff: there is nothing to revoke" in capsys.readouterr().err


def test_grant_reads_english_names_as_export_does(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`linli grant staff … --community "Sunshine Community" --grid "grid 2"` finds 阳光社区 ·
    第二网格 by their English names, as `linli export --community` already did; before, it said
    there was no community called "Sunshine Community"."""
    from sqlmodel import create_engine, select

    from models import Grid, StaffScope

    assert main(["org", "import", str(DEMO_ORG)]) == 0
    capsys.readouterr()
    args = ["grant", "staff", "777", "--community", "Sunshine Community", "--grid", "grid 2"]
    assert main(args) == 0, capsys.readouterr().err
    assert "777: roles now resident,staff" in capsys.readouterr().out
    engine = create_engine(db.replace("+aiosqlite", ""))
    with engine.connect() as conn:
        [(grid_name,)] = conn.execute(
            select(Grid.name).join(StaffScope, StaffScope.grid_id == Grid.id)  # type: ignore[arg-type]
        ).all()
    assert grid_name == "第二网格"
    assert main(["grant", "staff", "777", "--community", "Moonlight"]) == 1
    assert 'There is no community called "Moonlight"' in capsys.readouterr().err


def test_grant_typed_loosely_names_the_place_as_stored(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A community or grid typed loosely (spaces, letter case, full-width letters, 阳光 for
    阳光社区) is found, and the CLI and the audit trail name it as stored ('阳光社区 · 第二网格'),
    not as typed. Before, ' 阳光社区' and 'sunshine  community' were 'no community called …'."""
    from sqlmodel import create_engine, select

    from models import AuditEvent

    assert main(["org", "import", str(DEMO_ORG)]) == 0
    capsys.readouterr()
    for community, grid in [
        (" 阳光社区 ", "第二网格 "),
        ("sunshine  COMMUNITY", "ｇｒｉｄ　２"),
        ("阳光", "Grid2"),
    ]:
        args = ["grant", "staff", "777", "--community", community, "--grid", grid]
        assert main(args) == 0, capsys.readouterr().err
        out = capsys.readouterr().out
        assert "777: staff of 阳光社区 · 第二网格\n" in out, out
    assert main(["grant", "staff", "778", "--community", "Harmony community"]) == 0
    assert "778: staff of 和谐社区\n" in capsys.readouterr().out
    engine = create_engine(db.replace("+aiosqlite", ""))
    with engine.connect() as conn:
        details = conn.execute(
            select(AuditEvent.detail).where(AuditEvent.action == "grant_staff")  # type: ignore[arg-type]
        ).all()
    assert {d for (d,) in details} == {"阳光社区 · 第二网格", "和谐社区"}
