"""The README's examples, produced by the real tool: every fenced block whose first line is `$ tariffs ...`
holds that command's output on the bundled sample, at 80 columns.

    python -m tests.readme_examples        # rewrite the README's examples from what the tool prints now

`tests/test_readme.py` fails when the README and the tool drift apart.
"""
from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE = re.compile(r"^```(?P<lang>\w*)\n\$ (?P<command>tariffs[^\n]*)\n(?P<output>.*?)^```$", re.MULTILINE | re.DOTALL)
COLUMNS = 80


def examples(text: str) -> list[re.Match]:
    """The README's examples: fenced blocks that open with `$ tariffs ...`."""
    return list(EXAMPLE.finditer(text))


def output_of(command: str) -> str:
    """What the command prints on the bundled sample, at 80 columns, without colour or pager."""
    from click.testing import CliRunner

    from tariffs.cli import cli

    arguments = shlex.split(command)[1:]
    result = CliRunner(env={"COLUMNS": str(COLUMNS), "NO_COLOR": "1", "TARIFFS_DATA": ""}).invoke(cli, arguments)
    if result.exit_code != 0:
        raise RuntimeError(f"`{command}` failed: {result.output}")
    return "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n"


def refreshed(text: str) -> str:
    """The README with every example's output replaced by what the tool prints now."""
    pieces, last = [], 0
    for example in examples(text):
        pieces += [text[last:example.start("output")], output_of(example["command"])]
        last = example.end("output")
    return "".join(pieces) + text[last:]


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        text = README.read_text(encoding="utf-8")
        new = refreshed(text)
        README.write_text(new, encoding="utf-8")
    changed = sum(a["output"] != b["output"] for a, b in zip(examples(text), examples(new), strict=True))
    print(f"{len(examples(new))} examples, {changed} rewritten", file=sys.stderr)


if __name__ == "__main__":
    main()
