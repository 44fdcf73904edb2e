"""The README shows what the tool prints: every `$ tariffs ...` example, run again, gives the same output.
After a change to what the tool prints, `python -m tests.readme_examples` rewrites them."""
from __future__ import annotations

import pytest

from .readme_examples import README, examples, output_of

EXAMPLES = examples(README.read_text(encoding="utf-8"))


def test_the_readme_has_examples_of_every_command():
    commands = {example["command"].split()[1] for example in EXAMPLES}
    assert {"timeline", "rates", "officials", "show"} <= commands


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["command"] for example in EXAMPLES])
def test_an_example_in_the_readme_is_what_the_tool_prints(example):
    assert output_of(example["command"]) == example["output"], "run: python -m tests.readme_examples"
