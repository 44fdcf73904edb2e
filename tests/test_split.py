"""Sentences are cut where reporters end them, not inside quotations or after abbreviations."""
from __future__ import annotations

from tariffs.split import MAX_SENTENCE, split, split_paragraph


def test_a_quotation_over_two_sentences_stays_with_its_speaker():
    text = '"We made progress. More work remains," he said. The talks end Friday.'
    assert split_paragraph(text) == ['"We made progress. More work remains," he said.', "The talks end Friday."]


def test_abbreviations_do_not_end_a_sentence():
    assert split_paragraph("U.S. Commerce Secretary Lutnick met him on Aug. 7 in Washington. They agreed.") == [
        "U.S. Commerce Secretary Lutnick met him on Aug. 7 in Washington.", "They agreed."]


def test_text_that_never_ends_is_cut_into_bounded_pieces():
    pieces = split("x", ("5% " * 5000,))
    assert len(pieces) > 1 and all(len(p.text) <= MAX_SENTENCE for p in pieces)
