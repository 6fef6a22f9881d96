"""Which files in a folder are content files: the one place that lists YAML files.

A folder's ``*.yaml`` / ``*.yml`` entries (not recursive) that are regular files,
symbolic links to regular files included, in name order. An entry with a YAML name
that is not a regular file (a named pipe, a device, a socket, a broken link or a link
loop) is *refused* with a message rather than opened: opening a named pipe would wait
forever for a writer. Folders named like ``x.yaml`` are passed over silently, as before.

Cheap to import (``os``, ``stat``, ``pathlib``): ``list`` runs it on every start.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from mockinterview.errors import Problem

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Listing:
    """The readable YAML files of a folder, and the entries refused (each a located problem)."""

    files: list[Path] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"  # pragma: no cover - no other kinds on POSIX


def not_regular(kind: str) -> str:
    """The message for a content path that is ``kind`` (from :func:`kind_of`)."""
    return f"is {kind}, not a regular file; only regular files are read"


def open_error(path: Path, exc: OSError) -> str:
    """Why ``path`` cannot be opened, in words (a missing file, a broken link, a link loop, ...)."""
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop (a link that leads back to itself)"
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return f"is a broken symbolic link (to {os.readlink(path)}, which does not exist)"
        return "no such file"
    return exc.strerror or str(exc)


def yaml_files(folder: Path) -> Listing:
    """The folder's YAML files in name order (see the module docstring); [] if no such folder."""
    listing = Listing()
    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return listing
    except NotADirectoryError:
        return listing
    except OSError as exc:
        listing.refused.append(Problem(str(folder), None, None, "", f"cannot list the folder: {open_error(folder, exc)}"))
        return listing
    for path in entries:
        if path.suffix not in YAML_SUFFIXES:
            continue
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            listing.refused.append(Problem(str(path), None, None, "", open_error(path, exc)))
            continue
        kind = kind_of(mode)
        if kind is None:
            listing.files.append(path)
        elif not stat.S_ISDIR(mode):
            listing.refused.append(Problem(str(path), None, None, "", not_regular(kind)))
    return listing
