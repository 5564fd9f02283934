"""Rewrite the 200 examples of POST /v1/quotes in openapi.yaml as the service's real answers to request examples.

usage: .venv/bin/python scripts/openapi_example.py     (after a change to the response; needs the test extra)

Each response example is the in-process app's answer (real model, in-process cache) to the request
example of the same name (ANSWERED); only the lines of the 200 `examples` block are replaced, so the rest of
the file keeps its layout.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC = REPO_ROOT / "openapi.yaml"
MARKER = "              # Answers to the request examples of the same names above"
INDENT = " " * 16
ANSWERED = {
    "batch": "The answer to the `batch` request: quotes, speakers and a variant group across two articles",
    "reported": "The answer to the `reported` request: reported speech as a quote of kind `indirect`",
}


def main() -> int:
    from service.app import create_app

    text = SPEC.read_text(encoding="utf-8")
    spec = yaml.safe_load(text)
    operation = spec["paths"]["/v1/quotes"]["post"]
    requests = operation["requestBody"]["content"]["application/json"]["examples"]
    app = create_app().test_client()
    block: list[str] = []
    for name, summary in ANSWERED.items():
        response = app.post("/v1/quotes", json=requests[name]["value"])
        if response.status_code != 200:
            print(f"the {name} example was answered {response.status_code}: {response.get_data(as_text=True)}")
            return 1
        dumped = yaml.safe_dump(response.get_json(), allow_unicode=True, sort_keys=False, width=110)
        block += [f"{INDENT}{name}:\n", f"{INDENT}  summary: '{summary}'\n", f"{INDENT}  value:\n"]
        block += [INDENT + "    " + line + "\n" for line in dumped.splitlines()]
    lines = text.splitlines(keepends=True)
    marker = next(i for i, line in enumerate(lines) if line.startswith(MARKER))
    start = next(i for i in range(marker, len(lines)) if lines[i].strip().startswith("examples:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(INDENT))
    lines[start] = INDENT[:-2] + "examples:\n"
    start += 1
    SPEC.write_text("".join(lines[:start] + block + lines[end:]), encoding="utf-8")
    print(f"openapi.yaml: the 200 examples are {len(block)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
