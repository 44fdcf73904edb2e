"""Accuracy on the shared corpora, scored by the shared scorer; skipped where ../shared is absent."""
from __future__ import annotations

import importlib.util
import json

import pytest

from tariffs.pipeline import build_timeline

from .conftest import SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="no ../shared evaluation kit")

# What the extractor must hold on the shared corpora (issue: seeds 0.95, dev 0.90, each type 0.85).
FLOORS = {"seeds": 0.95, "dev": 0.90}
TYPE_FLOOR = 0.85
MAX_DUPLICATES = 2


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_corpus_scores_above_its_floor(corpus):
    timeline, _ = build_timeline(SHARED / "corpus" / corpus)
    gold = json.loads((SHARED / "gold" / f"{corpus}.json").read_text(encoding="utf-8"))
    report = _scorer().score(gold, json.loads(timeline.to_json()))
    assert report["overall"]["junk_events"] == 0
    right, total = report["published"]
    assert right == total
    assert report["overall"]["f1"] >= FLOORS[corpus]
    assert report["overall"]["duplicates"] <= MAX_DUPLICATES
    for kind, figures in report["types"].items():
        assert figures["f1"] >= TYPE_FLOOR, kind
