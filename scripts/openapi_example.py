"""Rewrite the 200 example of POST /v1/quotes in openapi.yaml as the service's real answer to the `batch` example.

usage: .venv/bin/python scripts/openapi_example.py     (after a change to the response; needs the test extra)

The example is the in-process app's answer (real model, in-process cache) to the request example named
`batch`; only the lines of that one example are replaced, so the rest of the file keeps its layout.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC = REPO_ROOT / "openapi.yaml"
MARKER = "              # An answer to the `batch` request example above"
INDENT = " " * 16


def main() -> int:
    from service.app import create_app

    text = SPEC.read_text(encoding="utf-8")
    spec = yaml.safe_load(text)
    operation = spec["paths"]["/v1/quotes"]["post"]
    request = operation["requestBody"]["content"]["application/json"]["examples"]["batch"]["value"]
    response = create_app().test_client().post("/v1/quotes", json=request)
    if response.status_code != 200:
        print(f"the batch example was answered {response.status_code}: {response.get_data(as_text=True)}")
        return 1
    lines = text.splitlines(keepends=True)
    marker = next(i for i, line in enumerate(lines) if line.startswith(MARKER))
    start = next(i for i in range(marker, len(lines)) if lines[i].strip() == "example:") + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith(INDENT))
    dumped = yaml.safe_dump(response.get_json(), allow_unicode=True, sort_keys=False, width=110)
    block = [INDENT + line + "\n" for line in dumped.splitlines()]
    SPEC.write_text("".join(lines[:start] + block + lines[end:]), encoding="utf-8")
    print(f"openapi.yaml: the 200 example is {len(block)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
