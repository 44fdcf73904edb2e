"""Accuracy on the shared corpora, scored by the shared scorer; skipped where ../shared is absent."""
from __future__ import annotations

import importlib.util
import json

import pytest

from tariffs.pipeline import build_timeline

from .conftest import SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="no ../shared evaluation kit")

# Floors this version must hold; raise them as the extractor improves.
FLOORS = {"seeds": 0.60, "dev": 0.70}


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
