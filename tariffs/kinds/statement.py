"""Statements: the speaker of a verb of saying, and the quotation that is their words."""
from __future__ import annotations

from .. import modality
from ..clauses import ATTRIBUTION, COMPLEMENT, QUOTE, Clause, is_verb
from ..clauses import words as grammar
from ..events import Candidate, Trigger, pattern_file
from ..mentions import Mention, Reading
from ..officials import INSTITUTION, PERSON, UNNAMED, directory
from ..quotes import Quote
from ..slots import ADVERBS, candidate, coordinated_verb, hits_in, word_list

# A quotation of this many words or fewer may be a label ("the 'reciprocal' tariffs") rather than speech.
LABEL_WORDS = 3


def statements(reading: Reading, trigger: Trigger) -> list[Candidate]:
    """One statement per speaker of a verb of saying; none when the words deny or only suppose the speech."""
    mood = modality.read(reading, trigger.clause, trigger.first, trigger.last)
    if mood.negated or mood.conditional or mood.future or mood.proposed or _attributed(reading, trigger) \
            or _aside(reading, trigger) or _embedded_habit(reading, trigger, mood):
        return []
    if trigger.spec.get("needs") == "speaker_opens" and not _speaker_opens(reading, trigger):
        return []
    speakers = _speakers(reading, trigger)
    if not speakers:
        return []
    quote = _quote(reading, trigger)
    background = mood.perfect or mood.background
    new_occasion = bool(hits_in(reading, "statement:new_occasion"))
    found = []
    for mention, name in speakers:
        fields = {"speaker": name, "speaker_kind": mention.kind, "quote": quote, "background": background,
                  "new_occasion": new_occasion, "told_at": _told_at(reading, trigger)}
        found.append(candidate(reading, trigger, fields, mood))
    return found


def _told_at(reading: Reading, trigger: Trigger) -> str | None:
    """"said at the signing", "told reporters after the talks": the type of the earlier event the speech was at."""
    table = pattern_file("statement").get("told_at", {})
    tokens = reading.tokens
    for i in trigger.clause.own():
        if tokens[i].key in ("at", "during", "after", "following") and i + 2 < len(tokens) and tokens[i + 1].key == "the":
            for size in (2, 1):
                noun = " ".join(t.key for t in tokens[i + 2:i + 2 + size])
                if noun in table:
                    return table[noun]
    return None


def _aside(reading: Reading, trigger: Trigger) -> bool:
    """"to, say, 12.5 per cent": "say" between commas supposes a figure; nobody speaks."""
    tokens = reading.tokens
    return tokens[trigger.first].key == "say" and 0 < trigger.first < len(tokens) - 1 \
        and tokens[trigger.first - 1].text == "," and tokens[trigger.first + 1].text == ","


def _embedded_habit(reading: Reading, trigger: Trigger, mood) -> bool:
    """"what Trump says he wants", "a treatment Tokyo says runs counter to the deal": a present "says" inside
    another clause or a noun phrase tells a standing view, no occasion."""
    if mood.tense != "present":
        return False
    if trigger.clause.kind in ("relative", "complement", "subordinate"):
        return True
    speaker = _subject(reading, trigger.clause, trigger.first)
    before = reading.tokens[speaker[0].first - 1] if speaker and speaker[0].first > 0 else None
    return before is not None and before.is_word and before.key not in ("and", "but", "also", "now", "still") \
        and not before.capitalized


def _speaker_opens(reading: Reading, trigger: Trigger) -> bool:
    """A weak verb of saying needs its speaker right before it in a clause of its own ("Trump announced ...")."""
    if trigger.clause.kind not in ("main", "coordinate", "attribution", "complement", "subordinate"):
        return False
    before = _subject(reading, trigger.clause, trigger.first)
    if not before:
        return False
    between = [i for i in range(before[-1].last, trigger.first) if trigger.clause.owns(i)]  # past a relative clause
    close = len(between) <= 4 or _appositive_before(reading, trigger.clause, trigger.first - 1) == before[-1].last - 1
    if not close:
        return False
    opening = before[0].first - 1
    while opening >= trigger.clause.first and reading.tokens[opening].key in ("the", "a", "an"):
        opening -= 1  # "The Nikkei newspaper reported"
    return opening < trigger.clause.first or reading.tokens[opening].text in ",;:" or \
        reading.tokens[opening].key in ("and", "but", "then", "also", "when", "after", "as", "while") or \
        opening in _date_tokens(reading)


def labelled(reading: Reading) -> list[Candidate]:
    """"ISHIBA (voice of interpreter): \u201c...\u201d", "Agriculture Minister Koizumi, answering on Monday: We
    will ...": a transcript line is a statement of the person its label names, made at the occasion the
    transcript is of (the story's day), quoted when the line quotes."""
    clauses = reading.clauses
    if not any(c.marker == ":" and c.kind == "coordinate" for c in clauses):
        return []
    label = clauses[0]
    named = [m for m in reading.people if label.owns(m.first) and m.how in ("name", "role")]
    words = [i for i in label.own() if reading.tokens[i].is_word]
    if len(named) != 1 or len(words) > LABEL_WORDS or not named[0].names:
        return []
    trigger = Trigger("statement", "label", named[0].first, named[0].last, label, {"name": "label"})
    quote = max(reading.quotes, key=lambda q: q.words).text if reading.quotes else None
    fields = {"speaker": named[0].names[0], "speaker_kind": named[0].kind, "quote": quote, "background": False,
              "new_occasion": False}
    from ..modality import Modality
    found = candidate(reading, trigger, fields, Modality(tense="past"))
    found.anaphora = True  # a turn of the transcript: the occasion the story is telling
    return [found]


LABEL_WORDS = 8  # "Agriculture Minister Shinjiro Koizumi, answering on Monday": longer is a sentence, not a label


def _attributed(reading: Reading, trigger: Trigger) -> bool:
    """A verb of saying inside words a closing attribution gives to someone else ("Bessent stressed ...,
    the Treasury said in a statement") reports that source's account: the attribution is the statement."""
    return trigger.clause.kind != ATTRIBUTION and any(
        c.kind == ATTRIBUTION and c.parent == trigger.clause.index and c.marker == "" and c.first > trigger.last
        for c in reading.clauses)


def _speakers(reading: Reading, trigger: Trigger) -> list[tuple[Mention, str | None]]:
    """Who speaks: the subject before the verb, else the one named right after it (", said Akazawa")."""
    clause = trigger.clause
    after = _after(reading, clause, trigger.last) if trigger.name == "say" else []
    before = _subject(reading, clause, trigger.first) or after or _shared(reading, clause) or \
        _coordinated(reading, clause, trigger.first) or _named_before(reading, clause)
    found = []
    for mention in before:
        if mention.kind == UNNAMED:
            found.append((mention, None))
        for name in mention.names:
            if name in directory().people or name in directory().institutions or mention.how == "unknown":
                found.append((mention, name))
    return list({(m.first, n): (m, n) for m, n in found}.values())


def _appositive_before(reading: Reading, clause: Clause, i: int) -> int | None:
    """The token before an aside after a name (", the LDP president,", ", still in Washington,") when `i` is
    the comma closing it: no verb and no other named person stand in it."""
    tokens = reading.tokens
    if tokens[i].text != "," or i < 2:
        return None
    own = [j for j in range(i - 1, clause.first - 1, -1) if clause.owns(j)][:12]  # past a relative clause
    for j in own:
        if is_verb(tokens[j]):
            return None
        if tokens[j].text == ",":
            return _named_before_aside(reading, clause, j, i)
    return None


def _named_before_aside(reading: Reading, clause: Clause, opening: int, closing: int) -> int | None:
    """The last token of the name right before the aside between the commas `opening` and `closing`; None
    when no name ends there or another named person stands in the aside."""
    tokens = reading.tokens
    k = opening - 1
    while k > clause.first and (not clause.owns(k) or tokens[k].text == ","):
        k -= 1  # past a relative clause between the name and the aside
    named = any(m.last - 1 == k for m in reading.people if m.names)
    other = any(opening < m.first < closing and m.names and m.kind == PERSON and m.how != "pronoun" for m in reading.people)
    return k if named and not other else None


def _subject(reading: Reading, clause: Clause, first: int) -> list[Mention]:
    """The names before the verb back to the nearest other verb, joined by "and"."""
    found: list[Mention] = []
    i = first - 1
    while i >= clause.first:
        mention = next((m for m in reading.people if m.first <= i < m.last), None)
        aside = _appositive_before(reading, clause, i)
        if aside is not None:
            i = aside  # "Ishiba, the LDP president, indicated": the title between commas names no other speaker
            continue
        if mention is not None and clause.owns(i):
            if not _joins_subject(reading, mention, found):
                break
            found.insert(0, mention)
            i = mention.first - 1
            continue
        if _ends_subject(reading, clause, i):
            break
        i -= 1
    return found


def _joins_subject(reading: Reading, mention: Mention, found: list[Mention]) -> bool:
    """A name joins the subject when it is joined by "and" to the names after it and no preposition takes it."""
    if found and not _joined(reading, mention, found[0]):
        return False
    # "the letter to Prime Minister Ishiba announces": Ishiba is no speaker
    return not (mention.first > 0 and reading.tokens[mention.first - 1].key in PREPOSITIONS)


def _ends_subject(reading: Reading, clause: Clause, i: int) -> bool:
    """A verb of the clause, or a word of it that may not stand between a speaker and the verb, ends the subject."""
    if not clause.owns(i):
        return False
    token = reading.tokens[i]
    if is_verb(token) and token.key not in ADVERBS:
        return True
    return token.is_word and token.key not in BETWEEN and i not in _date_tokens(reading)


PREPOSITIONS = frozenset({"to", "with", "for", "of", "from", "by", "at", "against", "toward", "towards", "between",
                          "among", "about", "than"})
# Words that may stand between a speaker and the verb ("Akazawa also told", "Hayashi on Friday said").
BETWEEN = frozenset({"and", "also", "then", "later", "again", "both", "had", "has", "have", "once", "repeatedly",
                     "reportedly", "previously", "separately", "earlier", "first", "further", "on", "in",
                     "at", "late", "early", "this", "last", "that", "morning", "evening", "afternoon", "night",
                     "subsequently", "himself", "herself", "personally", "publicly", "privately", "jointly", "too",
                     "who", "which", "'s", "local", "time", "afterward", "afterwards", "however", "meanwhile"})


def _date_tokens(reading: Reading) -> frozenset[int]:
    return frozenset(i for first, last in reading.timex_tokens for i in range(first, last))


def _shared(reading: Reading, clause: Clause) -> list[Mention]:
    """A verb joined to an earlier one ("Akazawa, 64, told reporters", "... and said") shares its subject."""
    if clause.kind not in ("coordinate", "participle") or clause.parent is None:
        return []
    parent = reading.clauses[clause.parent]
    verbs = [i for i in parent.own() if is_verb(reading.tokens[i])]
    return _subject(reading, parent, verbs[0] if verbs else parent.last) or _shared(reading, parent)


def _named_before(reading: Reading, clause: Clause) -> list[Mention]:
    """'"...," Takanori Azuma, the company's head of finance, told a briefing': the person the clause before
    a closing verb of saying names."""
    if clause.kind != ATTRIBUTION or clause.parent is None:
        return []
    parent = reading.clauses[clause.parent]
    named = [m for m in reading.people if parent.owns(m.first) and m.names and m.kind == PERSON and m.how != "pronoun"]
    return named[:1]


def _coordinated(reading: Reading, clause: Clause, first: int) -> list[Mention]:
    """"Bessent described the call as constructive and said ...": the subject of the verb before "and"."""
    earlier = coordinated_verb(reading, clause, first)
    return _subject(reading, clause, earlier) if earlier is not None else []


def _joined(reading: Reading, left: Mention, right: Mention) -> bool:
    between = [t.key for t in reading.tokens[left.last:right.first]]
    return between in (["and"], [",", "and"], [","], ["as", "well", "as"], [",", "as", "well", "as"])


def _after(reading: Reading, clause: Clause, last: int) -> list[Mention]:
    """", said Akazawa", ", said the ministry": a name standing right after the verb."""
    for mention in reading.people:
        if clause.owns(mention.first) and last <= mention.first <= last + 1:
            return [mention]
    return []


def _quote(reading: Reading, trigger: Trigger) -> str | None:
    """The longest quotation in the statement's reach that is speech, not a label."""
    scope = _scope(reading, trigger)
    quotes = [q for q in reading.quotes if any(c.first <= _token_at(reading, q.start) < c.last for c in scope)]
    spoken = [q for q in quotes if not _label(reading, q)]
    if not spoken:
        return None
    return max(spoken, key=lambda q: q.words).text


def _scope(reading: Reading, trigger: Trigger) -> list[Clause]:
    """The clauses a speaker's words may stand in: the verb's own clause and what hangs from it; with a
    closing attribution (", he said."), the clause it closes too."""
    clause = trigger.clause
    scope = [clause] + [c for c in reading.clauses if c.parent == clause.index and c.kind in (QUOTE, COMPLEMENT)]
    if clause.kind == ATTRIBUTION or _quote_first(reading, clause):
        parent = reading.clauses[clause.parent] if clause.parent is not None else reading.clauses[0]
        scope += [parent] + [c for c in reading.clauses if c.parent == parent.index and c.kind == QUOTE]
    return scope


def _quote_first(reading: Reading, clause: Clause) -> bool:
    """A sentence that opens with the quotation ("\u201c...,\u201d he said")."""
    return bool(reading.quotes) and reading.quotes[0].start < 3


def _token_at(reading: Reading, position: int) -> int:
    return next((t.i for t in reading.tokens if t.start >= position), len(reading.tokens))


def _label(reading: Reading, quote: Quote) -> bool:
    """A short quotation inside a noun phrase: after "so-called" or an article, or before the noun it names."""
    if quote.words > LABEL_WORDS:
        return False
    text = reading.text
    before = text[max(0, quote.start - 20):quote.start].lower().split()
    after = text[quote.end:quote.end + 15].lstrip()
    labelled = bool(before) and before[-1] in word_list("statement", "label_before")
    following = after.split()[0].lower().strip(",.;:") if after else ""
    noun_follows = bool(following) and after[0].isalpha() and following not in grammar().function_words \
        and following not in grammar().pronouns and following not in ("said", "says", "told", "he", "she")
    return labelled or noun_follows


__all__ = ["INSTITUTION", "PERSON", "statements"]
