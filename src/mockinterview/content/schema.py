"""JSON Schemas generated from the models, shipped beside the bundled scenarios so
editors (yaml-language-server) validate scenario files as they are typed.

Regenerate after changing a model:  python -m mockinterview.content.schema --write
(a test fails while the shipped files are stale).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mockinterview import paths


def generate() -> dict[str, str]:
    from mockinterview.content.rubric import Rubric
    from mockinterview.content.scenario import Scenario

    out = {}
    for name, model, title in (
        ("scenario.schema.json", Scenario, "mockinterview scenario"),
        ("rubric.schema.json", Rubric, "mockinterview rubric"),
    ):
        schema = model.model_json_schema(by_alias=True)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title} | {
            k: v for k, v in schema.items() if k != "title"
        }
        out[name] = json.dumps(schema, indent=2, sort_keys=False) + "\n"
    return out


def write(folder: Path | None = None) -> list[Path]:
    folder = folder or paths.schema_dir()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate().items():
        target = folder / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":  # pragma: no cover - developer tool
    if "--write" in sys.argv:
        for p in write():
            print(f"wrote {p}")
    else:
        sys.stdout.write(generate()["scenario.schema.json"])
