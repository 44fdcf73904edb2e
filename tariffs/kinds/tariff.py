"""Tariff rates: a percentage a tariff word governs, on which goods, against whom, at which step.

A percentage is a rate only when a tariff noun holds it ("a 25% levy",
"tariffs of 24 percent", "taxed at 50%"), or a verb of paying stands before
it in a sentence about tariffs ("cars face 27.5%"), and no word of markets,
growth, jobs or polls claims it. A threshold ("less than 15%"), a comparison
("like the EU's 15%") or a supposition ("to, say, 40 per cent") is no rate.
"""
from __future__ import annotations

from .. import modality
from ..clauses import PARTICIPLE, RELATIVE, Clause, is_verb
from ..events import Candidate, Trigger, trigger_specs
from ..mentions import Reading
from ..modality import Modality
from ..officials import is_person
from ..slots import candidate, hits_in, subject_of

# How far around a rate its own words reach.
NOUN_AFTER = 5
NOUN_BEFORE = 16
OTHER_REACH = 5
PAYING = frozenset({"face", "faces", "faced", "facing", "pay", "pays", "paid", "carry", "carries", "carried", "at",
                    "stand", "stands", "stood", "stay", "stays", "remain", "remains", "setting", "set", "sets",
                    "assigned", "imposing", "imposed", "slapping", "levying", "of", "reach", "reaches", "hit"})
# Verbs that may stand between a tariff noun and its rate ("tariffs ... could reach 250%", "will be lowered to 12.5%").
RATE_VERBS = frozenset({"raised", "raise", "raising", "cut", "lowered", "lower", "lowering", "set", "setting", "doubled",
                        "double", "reduced", "reduce", "lift", "lifted", "lifting", "taxed", "bring", "brought", "brings",
                        "push", "pushing", "increase", "increased", "hike", "hiked", "be", "is", "was", "been", "stood",
                        "stand", "stands", "capped", "cap", "fall", "falls", "fell", "reach", "reaches", "reached", "hit",
                        "rise", "rises", "rose", "climb", "climbs", "top", "tops", "go", "goes", "jump", "jumps", "return",
                        "returns", "apply", "applies", "remain", "remains", "stay", "stays", "will", "would", "could",
                        "jumped", "climbed", "soared", "dropped", "tripled", "halved", "slashed", "eased", "imported"})
# Verbs that make a percentage a duty by themselves ("would be charged 25%", "taxed 15%").
DUTY_VERBS = frozenset({"charged", "charge", "charges", "levied", "levy", "levies", "taxed", "tax", "slapped"})
STATUS_ORDER = ("paused", "ended", "threatened", "agreed", "proposed", "announced")


def tariffs(reading: Reading) -> list[Candidate]:
    """One candidate per rate and sector the sentence tells."""
    found: list[Candidate] = []
    for k, (first, last) in enumerate(reading.rate_tokens):
        if first in reading.quoted or reading.rates[k].value <= 0 or reading.rates[k].value > 300:
            continue
        clause = reading.clause_of(first)
        noun = _tariff_noun(reading, k, clause) or _listed_with(reading, k, found)
        if noun is None or _not_a_rate(reading, k, clause, noun):
            continue
        made = _rate(reading, k, clause, noun)
        if _alternative_to_last(reading, k, noun, found):
            for cand in made:  # "30% or 35%": the second rate is told in the first one's words
                cand.fields["status"], cand.modality = found[-1].fields["status"], found[-1].modality
        if _borrows_goods(reading, k, clause, made, found):
            for cand in made:
                cand.fields["sector"] = found[-1].fields["sector"]  # a rate without goods of its own: the sentence's
        found.extend(made)
    return found


def _alternative_to_last(reading: Reading, k: int, noun: int, found: list[Candidate]) -> bool:
    """A rate listed as an alternative to the rate found just before it, whose word it shares."""
    if noun != reading.rate_tokens[k][0] or not found:
        return False
    return found[-1].position == reading.rate_tokens[k - 1][0] and _alternative(reading, k)


def _borrows_goods(reading: Reading, k: int, clause: Clause, made: list[Candidate], found: list[Candidate]) -> bool:
    """A rate that names no goods, not even all goods, in the stretch of the rate before it takes that rate's goods."""
    if not made or not found or made[0].fields["sector"] != "all":
        return False
    return not _all_goods(reading, k, clause) and _same_stretch(reading, found[-1].clause, clause)


def _alternative(reading: Reading, k: int) -> bool:
    """"30% or 35%", "25% and 40%": rates told side by side, not one changing into the other ("from 27.5% to 15%")."""
    between = [t.key for t in reading.tokens[reading.rate_tokens[k - 1][1]:reading.rate_tokens[k][0]]]
    return between != ["to"] and between != ["-"]


def _listed_with(reading: Reading, k: int, found: list[Candidate]) -> int | None:
    """"30 percent or 35 percent", "from 10% to 41%": a rate joined to the rate before it shares its noun."""
    if k == 0 or not found or found[-1].position != reading.rate_tokens[k - 1][0]:
        return None
    between = [t.key for t in reading.tokens[reading.rate_tokens[k - 1][1]:reading.rate_tokens[k][0]]]
    return reading.rate_tokens[k][0] if between in (["or"], ["to"], ["and"], ["-"], [","], ["or", "even"]) else None


def _same_stretch(reading: Reading, earlier: int, clause: Clause) -> bool:
    """A rate in the clause of the rate before it, or in an aside or dash-joined part of that clause."""
    return clause.index == earlier or (clause.parent == earlier and clause.marker in ("—", "–", "-", ",", "(", ":", "which"))


def _all_goods(reading: Reading, k: int, clause: Clause) -> bool:
    first, _last = reading.rate_tokens[k]
    return any(abs(h.first - first) <= 6 for h in hits_in(reading, "tariff:all_goods", clause))


def _rate(reading: Reading, k: int, clause: Clause, noun: int) -> list[Candidate]:
    first, last = reading.rate_tokens[k]
    trigger = Trigger("tariff", "rate", first, last, clause, trigger_specs("tariff")["rate"])
    mood = modality.read(reading, clause, first, last, noun=True)  # a rate takes its tense from the verb it goes with
    if mood.conditional or mood.negated and not _status_word(reading, k, clause):
        return []
    ranged = _in_range(reading, k, clause)
    status = _status_word(reading, k, clause) or _status_of(mood)
    fields = {"rate": reading.rates[k].value, "status": status, "target": "*" if ranged else _target(reading, k, clause),
              "previous_rate": _previous(reading, k), "measure": None, "people": _setters(reading, k, clause)}
    heads = frozenset(range(first, last)) | _rate_heads(reading, k, clause, noun)
    found = []
    for sector in _sectors(reading, k, clause):
        row = {**fields, "sector": sector, "measure": _measure(reading, k, clause, sector)}
        found.append(candidate(reading, trigger, row, mood, heads=heads))
    return found


# ---------------------------------------------------------------- is it a tariff rate?


def _tariff_noun(reading: Reading, k: int, clause: Clause) -> int | None:
    """The tariff word that holds the rate: right after it, before it through "of/at/to", or a verb of paying
    before it in a sentence about tariffs. Its token index, or None."""
    held = _holding_noun(reading, k, clause)
    if held is not None:
        return held
    first, _ = reading.rate_tokens[k]
    if _paid(reading, k, clause):
        return first
    named = _rate_noun(reading, k, clause)
    if named is not None:
        return named
    return _rate_of(reading, first, clause) or _changed_to(reading, first, clause)


def _holding_noun(reading: Reading, k: int, clause: Clause) -> int | None:
    """A tariff noun right after the rate ("a 25% levy"), else the nearest one before it ("tariffs of 24 percent"),
    with nothing breaking the two apart; a noun that heads a compound is no tariff noun of its own."""
    first, last = reading.rate_tokens[k]
    compounds = {h.first for h in hits_in(reading, "tariff:compound_heads", clause)}
    nouns = [h for h in hits_in(reading, "tariff:tariff_nouns", clause) if h.last not in compounds]
    for hit in nouns:
        if last <= hit.first <= last + NOUN_AFTER and not _break_between(reading, last, hit.first, k):
            return hit.first
    for hit in sorted(nouns, key=lambda h: -h.first):
        if first - NOUN_BEFORE <= hit.last <= first and not _break_between(reading, hit.last, first, k, before=True):
            return hit.first
    return None


def _paid(reading: Reading, k: int, clause: Clause) -> bool:
    """A verb of paying right before the rate in a sentence about tariffs ("cars face 27.5%"), or a verb that
    makes a figure a duty by itself ("taxed 15%")."""
    first, last = reading.rate_tokens[k]
    before = [t.key for t in reading.tokens[max(clause.first, first - 3):first]]
    tariff_words = hits_in(reading, "tariff:tariff_nouns") + [h for h in hits_in(reading, "tariff:rate_nouns", clause)
                                                              if last <= h.first <= last + NOUN_AFTER]
    paying = any(w in PAYING for w in before) and bool(tariff_words)
    return paying or any(w in DUTY_VERBS for w in before)


def _rate_noun(reading: Reading, k: int, clause: Clause) -> int | None:
    """A rate noun right after the rate that names a duty."""
    _, last = reading.rate_tokens[k]
    rate_noun = next((h for h in hits_in(reading, "tariff:rate_nouns", clause) if last <= h.first <= last + NOUN_AFTER), None)
    if rate_noun is not None and (hits_in(reading, "tariff:tariff_nouns") or rate_noun.first == last):
        return rate_noun.first  # "a 15% rate" on its own, "a rate of 15%" beside a word for tariffs
    return None


def _changed_to(reading: Reading, first: int, clause: Clause) -> int | None:
    """"a promised cut to 15%": a noun of a change in a duty holds the rate it changes to."""
    tokens = reading.tokens
    if first < 2 or tokens[first - 1].key != "to":
        return None
    return next((h.first for h in hits_in(reading, "tariff:change_nouns", clause) if h.last == first - 1), None)


def _rate_of(reading: Reading, first: int, clause: Clause) -> int | None:
    """"floated a rate of 30% or 35%": a rate noun holding the figure through "of" names a duty on its own
    (a jobless or interest rate is ruled out by the words that say a figure is something else)."""
    tokens = reading.tokens
    if first < 2 or tokens[first - 1].key != "of":
        return None
    return next((h.first for h in hits_in(reading, "tariff:rate_nouns", clause) if h.last == first - 1), None)


def _break_between(reading: Reading, start: int, end: int, k: int, before: bool = False) -> bool:
    """Whether a verb, a clause mark or another rate stands between a rate and its noun."""
    for i in range(start, end):
        token = reading.tokens[i]
        if token.text in ";:" or token.text == "," and not before:
            return True
        if any(a <= i < b for n, (a, b) in enumerate(reading.rate_tokens) if n != k):
            return True
        if is_verb(token) and not before and token.key not in ("additional", "imposed"):
            return True
        if before and is_verb(token) and token.key not in RATE_VERBS:
            return True
    return False


def _not_a_rate(reading: Reading, k: int, clause: Clause, noun: int) -> bool:
    """A threshold, a comparison, a supposition, or a figure a word of markets or growth claims ("shares fell
    4%"; but "the duty on cars rose to 27.5%" is the duty's move)."""
    first, last = reading.rate_tokens[k]
    near = lambda category, lo, hi: any(lo <= h.first < hi for h in hits_in(reading, category, clause))
    after = any(last <= h.first < last + 2 and reading.tokens[h.first].key == "or" for h in hits_in(reading, "tariff:threshold", clause))
    if near("tariff:threshold", first - 3, first) or after:  # "less than 15%", "15% or more"; not "15% under the deal"
        return True
    if near("tariff:comparison", first - 4, first) or near("tariff:hypothetical", clause.first, clause.last):
        return True
    listed = noun == first  # "from 27.5% to 15%": the second rate moves with the first one's word
    if near("tariff:movement", first - OTHER_REACH, first) and not noun < first and not listed:
        return True
    return near("tariff:other", first - OTHER_REACH, last + 2) and not _held_tightly(reading, k, clause)


def _held_tightly(reading: Reading, k: int, clause: Clause) -> bool:
    """A tariff noun right after the rate ("a 25% levy", "25% additional tariff") outweighs a market word nearby."""
    _first, last = reading.rate_tokens[k]
    return any(last <= h.first <= last + 1 for h in hits_in(reading, "tariff:tariff_nouns", clause))


# ---------------------------------------------------------------- what it covers, whom it hits


def _sectors(reading: Reading, k: int, clause: Clause) -> list[str]:
    """The goods named nearest the rate: after it ("25% on cars"), else before it in its clause (or the clause
    its own clause hangs from); every goods word of one run ("steel and aluminum"); else all goods."""
    scopes = [clause] + ([reading.clauses[clause.parent]] if clause.parent is not None else [])
    for scope in scopes:
        goods = _goods_in(reading, k, scope)
        if goods:
            return goods
    return ["all"]


def _goods_in(reading: Reading, k: int, scope: Clause) -> list[str]:
    """The goods one clause names for the rate: all goods when a word for them comes right after it before
    any goods word, else the run of goods after it, else the run before it; none when the clause names none."""
    first, last = reading.rate_tokens[k]
    hits = [h for h in hits_in(reading, "tariff:sectors", scope) if not _other_rate_between(reading, k, h.first)]
    everything = [h for h in hits_in(reading, "tariff:all_goods", scope) if 0 <= h.first - last <= 6]
    after = sorted((h for h in hits if 0 <= h.first - last <= 8), key=lambda h: h.first)
    if everything and (not after or everything[0].first < after[0].first):
        return ["all"]
    before = sorted((h for h in hits if h.last <= first), key=lambda h: -h.first)
    return _run(after) or _run(before)


def _run(hits: list) -> list[str]:
    """The sectors of adjacent goods words ("steel and aluminum"), starting from the nearest."""
    if not hits:
        return []
    run, edge = [hits[0].value], hits[0]
    for hit in hits[1:]:
        if abs(hit.first - edge.first) > 4:
            break
        run.append(hit.value)
        edge = hit
    return list(dict.fromkeys(run))


def _other_rate_between(reading: Reading, k: int, position: int) -> bool:
    """Another rate of the same clause between a rate and a word ("beef, which carries a 26.4% tariff, was
    charged 41.4%": the aside's rate stands in no way)."""
    first, _ = reading.rate_tokens[k]
    own = reading.clause_of(first)
    lo, hi = sorted((first, position))
    return any(lo < a < hi and not _aside(reading, a, own) for n, (a, _) in enumerate(reading.rate_tokens) if n != k)


def _aside(reading: Reading, at: int, own: Clause) -> bool:
    clause = reading.clause_of(at)
    return clause.index != own.index and clause.kind in (RELATIVE, PARTICIPLE, "parenthetical")


# How far from a rate the words for every partner may stand ("some trading partners could be hit with duties of up to 70%").
EVERYONE_REACH = 10


def _target(reading: Reading, k: int, clause: Clause) -> str:
    """The partners named nearest the rate with no other rate between: every partner ("all countries"), or a
    country; else Japan. "a 10% baseline for nearly all partners, 24% for Japan" gives each rate its own."""
    first, last = reading.rate_tokens[k]
    everyone = [h for h in hits_in(reading, "tariff:everyone", clause) if abs(h.first - first) <= EVERYONE_REACH]
    named = [h for h in hits_in(reading, "country", clause) + everyone if not _other_rate_between(reading, k, h.first)]
    if not named:
        return "JP"
    nearest = min(named, key=lambda h: min(abs(h.first - first), abs(h.first - last)))
    if nearest.category == "tariff:everyone":
        return "*"
    return str(nearest.value) if nearest.value != "US" else "JP"


def _in_range(reading: Reading, k: int, clause: Clause) -> bool:
    """"rates ranging from 10% to 41%": both ends of a range across partners."""
    first, _ = reading.rate_tokens[k]
    return any(first - 10 <= h.first < first for h in hits_in(reading, "tariff:range", clause))


def _previous(reading: Reading, k: int) -> float | None:
    """The rate this one replaced: "to 27.5% from 2.5%", "from 25% to 12.5%", "15%, up from 10%"."""
    rates, spans, tokens = reading.rates, reading.rate_tokens, reading.tokens
    if k + 1 < len(rates):
        between = [t.key for t in tokens[spans[k][1]:spans[k + 1][0]]]
        if between and between[-1] == "from" and len(between) <= 5 and not any(w in ("ranging", "range") for w in between):
            return rates[k + 1].value
    if k > 0:
        between = [t.key for t in tokens[spans[k - 1][1]:spans[k][0]]]
        opener = [t.key for t in tokens[max(0, spans[k - 1][0] - 2):spans[k - 1][0]]]
        if between == ["to"] and "from" in opener and not _in_range(reading, k, reading.clause_of(spans[k][0])):
            return rates[k - 1].value
    return None


# ---------------------------------------------------------------- what step of its life


def _local(reading: Reading, k: int, clause: Clause) -> tuple[int, int]:
    """The rate's own stretch of its clause: back to the previous rate, on to the next."""
    first, last = reading.rate_tokens[k]
    lo = max([clause.first] + [b for n, (a, b) in enumerate(reading.rate_tokens) if n != k and b <= first])
    hi = min([clause.last] + [a for n, (a, b) in enumerate(reading.rate_tokens) if n != k and a >= last])
    return lo, hi


def _status_word(reading: Reading, k: int, clause: Clause) -> str | None:
    lo, hi = _local(reading, k, clause)
    present = {h.value for h in reading.hits_of("tariff:status") if lo <= h.first < hi and clause.owns(h.first)}
    return next((s for s in STATUS_ORDER if s in present), None)


def _status_of(mood: Modality) -> str:
    if mood.proposed:
        return "threatened"
    if mood.future:
        return "announced"
    return "in_effect"


# How many words from a rate a word naming its kind may stand.
MEASURE_REACH = 4


def _measure(reading: Reading, k: int, clause: Clause, sector: str) -> str | None:
    """The kind of rate the words right around it name ("a total of 27.5%", "a 10% baseline"); "25% on top of
    the standard 2.5%" makes neither rate a total."""
    lo, hi = _local(reading, k, clause)
    first, last = reading.rate_tokens[k]
    lo, hi = max(lo, first - MEASURE_REACH), min(hi, last + MEASURE_REACH)
    present = {h.value for h in reading.hits_of("tariff:measure") if lo <= h.first < hi}
    for measure in ("combined", "mfn"):
        if measure in present:
            return measure
    if sector != "all":
        return "sectoral"
    for measure in ("baseline", "country_specific"):
        if measure in present:
            return measure
    return None


def _setters(reading: Reading, k: int, clause: Clause) -> list[str]:
    """Who set, threatened or announced the rate: the people subject of the verb before it
    ("Trump on Tuesday threatened a 35% tariff")."""
    first, _ = reading.rate_tokens[k]
    verb = next((i for i in range(first - 1, clause.first - 1, -1) if clause.owns(i) and is_verb(reading.tokens[i])), None)
    if verb is None:
        return []
    return [p.name for p in subject_of(reading, clause, verb) if is_person(p.name)]


def _rate_heads(reading: Reading, k: int, clause: Clause, noun: int) -> frozenset[int]:
    """The words whose dates are the rate's: its noun, the verb that governs it, the verb its noun phrase is
    the subject of, and a relative clause right after it ("a 25% tariff on cars that took effect on April 3")."""
    first, last = reading.rate_tokens[k]
    heads = {noun}
    lo, hi = _local(reading, k, clause)
    for i in range(first - 1, lo - 1, -1):
        if clause.owns(i) and is_verb(reading.tokens[i]):
            heads.add(i)
            break
    for i in range(last, hi):
        if clause.owns(i) and is_verb(reading.tokens[i]):
            heads.add(i)
            break
    for other in reading.clauses:
        if other.parent == clause.index and other.kind == RELATIVE and last <= other.first <= last + 8:
            heads |= {i for i in other.own() if is_verb(reading.tokens[i])}
    heads |= _measure_told(reading, clause, first)
    # "the increase in April of the tariff on cars to 27.5 percent": the change the rate is the end of
    heads |= {h.first for h in hits_in(reading, "tariff:change_nouns", clause) if first - CHANGE_REACH <= h.first < first}
    return frozenset(heads)


def _measure_told(reading: Reading, clause: Clause, first: int) -> set[int]:
    """"Under the tariff plan Trump unveiled on April 2, Japan drew a rate of 24 percent": the verb of a clause
    that tells the measure a rate belongs to, right after its tariff word."""
    from ..modality import verb_form
    found = set()
    for hit in hits_in(reading, "tariff:tariff_nouns", clause):
        if hit.last > first:
            continue
        for i in range(hit.last, min(first, hit.last + 4)):
            token = reading.tokens[i]
            if is_verb(token) and verb_form(token) in ("past", "participle"):
                found.add(i)
                break
            if token.text in ",;":
                break
    return found


# How far before a rate the noun of the change that led to it may stand.
CHANGE_REACH = 14
