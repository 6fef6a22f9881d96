"""Atomic writes give files the mode a plain write would (issue 14, finding 7)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockinterview.files import atomic_write


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_mode(tmp_path: Path, umask: None) -> None:
    atomic_write(tmp_path / "a.txt", "one")
    assert mode(tmp_path / "a.txt") == 0o644
    os.umask(0o077)
    atomic_write(tmp_path / "b.txt", "two")
    assert mode(tmp_path / "b.txt") == 0o600


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    path = tmp_path / "report.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    os.umask(0o077)
    atomic_write(path, "new")
    assert mode(path) == 0o644 and path.read_text(encoding="utf-8") == "new"
    path.chmod(0o600)
    os.umask(0o022)
    atomic_write(path, "newer")
    assert mode(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temp file left


def test_export_honours_the_umask(invoke, tmp_path: Path, umask: None) -> None:
    out = tmp_path / "all.jsonl"
    assert invoke("export", "-o", str(out)).exit_code == 0
    assert mode(out) == 0o644
