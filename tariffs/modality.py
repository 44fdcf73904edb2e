"""Modality layer: did the event happen, is it to happen, might it, or not at all?

One reading per trigger, from the trigger's own clause: the tense and aspect
of its verb (or of the verb its noun goes with), negation, modal and planning
words, conditions and questions, background speech ("has said"), and the
mood a governing verb lends to the clause it governs ("Tokyo hopes the round
will ..."). Every event type turns this reading into its status with the same
function; the cue words are data in `lexicon/modality.toml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import lexicon
from .clauses import COMPLEMENT, PARTICIPLE, RELATIVE, SUBORDINATE, Clause, is_verb
from .clauses import words as grammar
from .mentions import Reading
from .tokens import Token

PAST, PRESENT, FUTURE = "past", "present", "future"

IRREGULAR_PAST = frozenset({
    "met", "held", "spoke", "said", "told", "sat", "saw", "took", "came", "went", "left", "made", "gave", "ran", "began",
    "brought", "sent", "kept", "rose", "fell", "struck", "thought", "felt", "found", "got", "won", "lost", "paid", "wrote",
    "flew", "led", "spent", "sought", "bought", "sold", "grew", "drew", "fought", "became", "knew", "had", "did", "was",
    "were", "stood", "inked", "clinched", "agreed", "reached", "announced", "signed", "talked", "called"})
PARTICIPLES = frozenset({"spoken", "written", "taken", "given", "seen", "gone", "begun", "risen", "fallen", "known", "shown",
                         "flown", "been", "done", "held", "met", "made", "said", "told", "struck", "signed", "reached"})
BASE_AFTER = frozenset({"will", "'ll", "shall", "would", "could", "can", "may", "might", "should", "must", "to", "did", "do",
                        "does", "didn't", "doesn't", "don't", "n't"})


@dataclass(frozen=True, slots=True)
class Modality:
    """What the words around a trigger say of its reality."""

    tense: str | None = None      # past | present | future | None (no finite verb)
    perfect: bool = False         # has/have/had + participle
    pluperfect: bool = False      # had + participle
    future: bool = False          # will, is to, is expected to, plans to ...
    proposed: bool = False        # could, may, wants to, is considering ...
    negated: bool = False         # not, never, failed to ...
    cancelled: bool = False       # fell through, called off, never took place ...
    conditional: bool = False     # if, unless, whether, say, ...
    background: bool = False      # has said, previously, has long ...
    denied: bool = False          # in words a verb of doubt or denial governs ("doubted a deal could be reached")

    @property
    def real(self) -> bool:
        """Told as having happened."""
        return not (self.future or self.proposed or self.negated or self.cancelled or self.conditional)


@cache
def _cue_lists() -> dict[str, frozenset[str]]:
    data = lexicon.load("modality")
    return {k: frozenset(v) for k, v in data["governing"].items()}


def read(reading: Reading, clause: Clause, first: int, last: int, noun: bool = False) -> Modality:
    """The modality of a trigger at tokens [first, last) in `clause`.

    Cues count from the verb group the trigger stands in: after the last other verb before it, so that
    "would resolve ... comments made after a meeting on Thursday" leaves the meeting real.
    """
    before = _cues(reading, clause, _group_start(reading, clause, first), first)
    after = _cues(reading, clause, last, clause.last)
    tense, perfect, pluperfect = _trigger_tense(reading, clause, first, last, noun)
    governed = _governed(reading, clause) or _controlled(reading, clause, first)
    conditional = "conditional" in before or _conditional_clause(clause)
    negated = "negation" in before and _negation_binds(reading, clause, first)
    return Modality(
        tense=FUTURE if "future" in before and tense != PAST else tense,
        perfect=perfect, pluperfect=pluperfect,
        future="future" in before or governed == "future",
        proposed="proposed" in before or governed == "proposed",
        negated=negated,
        cancelled="cancelled" in before or "cancelled" in after,
        conditional=conditional or governed == "conditional" or "conditional" in after,
        background="background" in before or (pluperfect and "background" not in before),
        denied=governed == "negation",
    )


def _trigger_tense(reading: Reading, clause: Clause, first: int, last: int,
                   noun: bool) -> tuple[str | None, bool, bool]:
    """Tense, perfect and pluperfect of the trigger; a participle clause with no tense of its own takes the
    tense of the clause it hangs from."""
    tense, perfect, pluperfect = _tense(reading, clause, first, last, noun)
    if tense is None and clause.kind == PARTICIPLE and clause.parent is not None:
        tense = _clause_tense(reading, reading.clauses[clause.parent])  # "Speaking on Monday, he said": past
    return tense, perfect, pluperfect


def _conditional_clause(clause: Clause) -> bool:
    """A clause opened by "if", "unless", "whether" or "once" tells of what may happen, not what did."""
    return clause.kind in (SUBORDINATE, RELATIVE) and clause.marker in ("if", "unless", "whether", "once")


def _group_start(reading: Reading, clause: Clause, first: int) -> int:
    """Where the trigger's verb group begins: after the nearest verb before it that is neither an auxiliary
    nor part of a cue ("is expected to", "wants to", "agreed to")."""
    cue_tokens = reading.cue_tokens
    aux = grammar().auxiliaries | BASE_AFTER
    for i in range(first - 1, clause.first - 1, -1):
        token = reading.tokens[i]
        if clause.owns(i) and is_verb(token) and token.key not in aux and i not in cue_tokens \
                and not _attributive(reading, i):
            return i + 1
    return clause.first


def _attributive(reading: Reading, i: int) -> bool:
    """A participle standing as an adjective after an article ("called off a planned trip", "the scheduled
    talks"): no verb of its own, so the cues before it still bear on the noun."""
    return i > 0 and reading.tokens[i - 1].key in ATTRIBUTIVE_BEFORE and reading.tokens[i].key.endswith("ed")


ATTRIBUTIVE_BEFORE = frozenset({"a", "an", "the", "his", "her", "their", "its", "this", "that"})


def _cues(reading: Reading, clause: Clause, start: int, end: int) -> set[str]:
    """The kinds of modality cue standing in the clause's own tokens between two positions."""
    found = set()
    for hit in reading.cue_hits:
        if start <= hit.first < end and clause.owns(hit.first) and not (hit.first > 0 and reading.tokens[hit.first].capitalized):
            found.add(hit.value)
    return found


def object_denied(reading: Reading, first: int, last: int) -> bool:
    """"wrapped up on Saturday with no accord": a negation word right before the noun a verb trigger needs."""
    near = frozenset(lexicon.load("modality")["near"]["negation"])
    return any(reading.tokens[i].key in near for i in range(max(first + 1, last - 4), last - 1))


@cache
def _near_negation() -> frozenset[str]:
    return frozenset(lexicon.load("modality")["near"]["negation"])


def _negation_binds(reading: Reading, clause: Clause, first: int) -> bool:
    """A negation word counts when it stands close before the trigger, not in a far part of a long clause;
    a determiner ("no", "without") only right before it."""
    near = _near_negation()
    for hit in reading.hits_of("cue:negation"):
        if not clause.owns(hit.first) or hit.first >= first:
            continue
        words = " ".join(t.key for t in reading.tokens[hit.first:hit.last])
        if first - hit.last <= (1 if words in near else 6):
            return True
    return False


def _governed(reading: Reading, clause: Clause) -> str | None:
    """The mood a verb lends to the clause it governs: hope → proposed, expect/plan/agree → future, if → conditional."""
    if clause.parent is None or clause.kind not in (COMPLEMENT, SUBORDINATE):
        return None
    if clause.kind == SUBORDINATE:
        return "conditional" if clause.marker in _cue_lists()["conditional"] else None
    tokens = reading.tokens
    window = [t.key for t in tokens[max(0, clause.first - 5):clause.first]]
    for mood in ("negation", "proposed", "future", "conditional"):
        if any(w in _cue_lists()[mood] for w in window):
            return mood
    return None


def _controlled(reading: Reading, clause: Clause, first: int) -> str | None:
    """"wants Akazawa to meet Lutnick": the mood a verb lends the infinitive its object is the subject of."""
    tokens = reading.tokens
    if first < 3 or tokens[first - 1].key != "to":
        return None
    control = lexicon.load("modality")["control"]
    for i in range(first - 2, max(clause.first, first - 7) - 1, -1):
        if is_verb(tokens[i]) or tokens[i].text in ",;":
            return next((mood for mood, verbs in control.items() if tokens[i].key in verbs), None)
    return None


# ---------------------------------------------------------------- tense


def verb_form(token: Token) -> str:
    """past | participle | ing | present | base, by the word's shape."""
    key = token.key
    if key in PARTICIPLES and key not in IRREGULAR_PAST:
        return "participle"
    if key in IRREGULAR_PAST or (key.endswith("ed") and len(key) > 3):
        return "past"
    if key.endswith("ing") and len(key) > 4:
        return "ing"
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return "present"
    return "base"


def _tense(reading: Reading, clause: Clause, first: int, last: int, noun: bool) -> tuple[str | None, bool, bool]:
    """Tense, perfect and pluperfect of the trigger's verb; for a noun, of the verb it goes with."""
    tokens = reading.tokens
    head = first if not noun else _verb_of_noun(reading, clause, first, last)
    if head is None:
        return None, False, False
    auxiliaries = _auxiliaries(tokens, clause, head)
    if "had" in auxiliaries or "'d" in auxiliaries:
        return PAST, True, True
    if auxiliaries & {"has", "have", "'ve"}:
        return PAST, True, False
    if auxiliaries & {"will", "'ll", "shall"}:
        return FUTURE, False, False
    if auxiliaries & {"did", "was", "were", "didn't", "wasn't", "weren't"}:
        return PAST, False, False
    if auxiliaries & {"is", "are", "am", "'s", "does", "do"}:
        return PRESENT, False, False
    if auxiliaries & BASE_AFTER:
        return None, False, False
    form = verb_form(tokens[head])
    if form == "ing" and not noun and (lead := _leading_verb(tokens, clause, head)) is not None:
        return _tense(reading, clause, lead, lead + 1, False)  # "ended up spending": the leading verb's tense
    if form == "base" and noun:
        return None, False, False  # "a deal to name ministers" may hang from no finite verb
    # a bare verb with no "to" or modal before it is a plural present ("Ishiba and Trump agree by phone")
    return {"past": PAST, "participle": PAST, "present": PRESENT, "base": PRESENT}.get(form), False, False


def _leading_verb(tokens: list[Token], clause: Clause, head: int) -> int | None:
    """The finite verb an -ing verb continues ("ended up spending", "kept meeting"), right before it."""
    i = head - 1
    while i >= clause.first and tokens[i].key in ("up", "on", "off", "out"):
        i -= 1
    if i >= clause.first and i < head and clause.owns(i) and is_verb(tokens[i]) and verb_form(tokens[i]) in ("past", "present"):
        return i
    return None


def _clause_tense(reading: Reading, clause: Clause) -> str | None:
    """The tense of a clause's first verb that is no gerund."""
    for i in clause.own():
        token = reading.tokens[i]
        if is_verb(token) and verb_form(token) != "ing":
            return _tense(reading, clause, i, i + 1, False)[0]
    return None


def _auxiliaries(tokens: list[Token], clause: Clause, head: int) -> set[str]:
    """The auxiliary words before a verb, up to four words back within its clause."""
    found: set[str] = set()
    aux = grammar().auxiliaries | BASE_AFTER
    for i in range(head - 1, max(clause.first, head - 5) - 1, -1):
        if not clause.owns(i) or tokens[i].text in ",;":
            break
        if tokens[i].key in aux:
            found.add(tokens[i].key)
        elif is_verb(tokens[i]) and tokens[i].key not in aux:
            break
    return found


def _verb_of_noun(reading: Reading, clause: Clause, first: int, last: int) -> int | None:
    """The verb a noun trigger goes with: the first verb after it (its subject), else the last before it (its object)."""
    tokens = reading.tokens
    aux = grammar().auxiliaries | BASE_AFTER
    for i in range(last, min(clause.last, last + 6)):
        if clause.owns(i) and is_verb(tokens[i]) and tokens[i].key not in aux:
            return i
        if tokens[i].text in ",;":
            break
    for i in range(first - 1, clause.first - 1, -1):
        if clause.owns(i) and is_verb(tokens[i]) and tokens[i].key not in aux:
            return i
    return None
