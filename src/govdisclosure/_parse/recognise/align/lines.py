"""Cell alignment of one line: the observations, the solutions and the line search.

The package docstring (:mod:`govdisclosure._parse.recognise.align`) explains the lossy forms
and how a line is solved. May import: :mod:`govdisclosure._format` and the standard library
(and attrs).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple, Protocol, TypeGuard

import attrs

from govdisclosure._format.vocabulary import figure_doubt

__all__ = [
    "LIMIT",
    "MAX_CELL_DIGITS",
    "Candidate",
    "CellSolution",
    "Digits",
    "Exact",
    "Line",
    "Observation",
    "Runs",
    "Solutions",
    "Sum",
    "Tokens",
    "Value",
    "check_arguments",
    "expand_runs",
    "fill_missing",
    "join_split",
    "solve_line",
    "split_digits",
]

#: How many candidates a line keeps; beyond this it only says "more".
LIMIT = 32
#: The longest number a cell may hold (below 10⁹: aggregated reports reach 10⁷).
MAX_CELL_DIGITS = 9

_ASCII_DIGITS = frozenset("0123456789")
#: The most cells the search looks up by their sum instead of walking through them.
_SEGMENT = 3
#: The most states one line's search may visit before it gives up (a guard for junk:
#: real rows take a few hundred at most).
_STATE_BUDGET = 5_000
#: The most cells one line may have (the search recurses once per cell).
_MAX_WIDTH = 256
_POWERS: tuple[int, ...] = tuple(10**n for n in range(64))
_NO_CAP = _POWERS[-1]

Value = int | None
Candidate = tuple[Value, ...]
#: The sums of a line, each as ``((cell, weight), …)`` with ``Σ weight × value = 0``.
_Sums = tuple[tuple[tuple[int, int], ...], ...]


# ---------------------------------------------------------------------------
# Observations and sums


class Exact(NamedTuple):
    """A line whose cells the text separates: each value, or ``None`` for a blank cell.

    Exact values are facts of the text: they are returned as they are, even when they break
    a sum (that is the validator's finding, not a reason to doubt the text).
    """

    values: tuple[Value, ...]


class Digits(NamedTuple):
    """A line whose cells ran together with no separator: ``"713000074"``.

    Every cell is written, as a non-negative integer without leading zeros; with
    ``blanks``, a cell may also be blank and leave no digit (the table shows that its
    blank cells left no trace), which the sums weigh like any other reading.
    """

    text: str
    blanks: bool = False


class Runs(NamedTuple):
    """A line read by a crawler that dropped every text node equal to the one before it.

    ``values`` are the surviving numbers; each stands for one or more equal adjacent cells.
    ``previous`` is the number the crawler saw just before the line, when the node before
    it was a number rather than a label: the line's first cells are dropped too when they
    equal it.
    """

    values: tuple[int, ...]
    previous: int | None = None


class Tokens(NamedTuple):
    """A line of loose number tokens whose count need not match the cells.

    More tokens than cells: a number was broken across lines, and adjacent tokens are
    joined. Fewer: some cells were blank and left out (which ones is unknown). As many:
    one token per cell, taken as :class:`Exact`.

    ``joined``: the text shows that numbers were broken into pieces (a token with a
    leading zero), so whatever the count, adjacent tokens may be one number.
    ``blanks``: the text shows that blank cells left no token, so whatever the count, any
    cell may be blank. With either, the count alone settles nothing: the readings are
    weighed under the sums.
    """

    tokens: tuple[str, ...]
    joined: bool = False
    blanks: bool = False


#: What the text shows for one line.
Observation = Exact | Digits | Runs | Tokens


class Sum(NamedTuple):
    """A sum inside a line: cell ``total`` = Σ cells ``parts`` − Σ cells ``minus``.

    Indices count the line's cells from 0.

    >>> Sum.row(7)
    Sum(total=6, parts=(0, 1, 2, 3, 4, 5), minus=())
    """

    total: int
    parts: tuple[int, ...]
    minus: tuple[int, ...] = ()

    @classmethod
    def row(cls, width: int, start: int = 0) -> Sum:
        """The last of ``width`` cells from ``start`` is the total of the ones before it."""
        return cls(start + width - 1, tuple(range(start, start + width - 1)))

    def coefficients(self) -> dict[int, int]:
        """The sum as ``{cell: weight}`` with ``Σ weight × value = 0``."""
        terms = dict.fromkeys(self.parts, 1)
        terms.update((i, -1) for i in self.minus)
        terms[self.total] = -1
        return terms


class Line(NamedTuple):
    """A run of cells in reading order (their paths) and what the text shows for them."""

    paths: tuple[str, ...]
    observation: Observation


# ---------------------------------------------------------------------------
# Results


@attrs.frozen(kw_only=True)
class CellSolution:
    """One cell's outcome.

    Attributes:
        value: the value, or ``None`` (blank, or not determined: see ``resolved``).
        resolved: ``True`` when ``value`` is the only one consistent with the text and the
            sums (``None`` then means the cell is blank in every reading).
        candidates: for an unresolved cell, the values it took in the readings that
            remained (possibly not all of them: see :attr:`Solutions.complete`).
    """

    value: Value
    resolved: bool
    candidates: tuple[Value, ...] = ()


def _value_key(value: Value) -> tuple[bool, int]:
    return (value is not None, value or 0)


def _candidate_key(candidate: Candidate) -> tuple[tuple[bool, int], ...]:
    return tuple(_value_key(v) for v in candidate)


@attrs.frozen(kw_only=True)
class Solutions:
    """The readings of one line that fit its text and its sums.

    >>> s = split_digits("8855698", 3)
    >>> s.count, s.unique
    (2, None)
    >>> (88, 55, 698) in s.candidates
    True

    Attributes:
        width: the number of cells.
        candidates: the readings found, sorted, at most ``limit`` of them.
        complete: ``True`` when ``candidates`` holds every reading.
        note: why there is none, when the text was rejected or nothing fits.
    """

    width: int
    candidates: tuple[Candidate, ...]
    complete: bool
    note: str = ""

    @property
    def count(self) -> int:
        """0, 1, or 2 meaning "two or more"."""
        return min(len(self.candidates), 2) if self.complete else 2

    @property
    def unique(self) -> Candidate | None:
        """The reading, when there is exactly one; else ``None``."""
        return self.candidates[0] if self.complete and len(self.candidates) == 1 else None

    @property
    def examples(self) -> tuple[Candidate, ...]:
        """A few readings, for a warning message."""
        return self.candidates[:3]

    @property
    def cells(self) -> tuple[CellSolution, ...]:
        """Each cell's outcome: resolved where every reading agrees on it."""
        if self.complete and len(self.candidates) == 1:
            return tuple(CellSolution(value=v, resolved=True) for v in self.candidates[0])
        out = []
        for i in range(self.width):
            seen = sorted({c[i] for c in self.candidates}, key=_value_key)
            if self.complete and len(seen) == 1:
                out.append(CellSolution(value=seen[0], resolved=True))
            else:
                out.append(CellSolution(value=None, resolved=False, candidates=tuple(seen)))
        return tuple(out)


def _none(width: int, note: str) -> Solutions:
    return Solutions(width=width, candidates=(), complete=True, note=note)


# ---------------------------------------------------------------------------
# Where the next cell's value comes from


class _Engine(Protocol):
    reverse: bool
    blanks: bool

    def start(self) -> int: ...

    def done(self, cursor: int) -> bool: ...

    def options(self, cursor: int, left: int) -> list[tuple[Value, int]]: ...

    def span(self, cursor: int, cells: int, cap: int) -> tuple[int, int] | None: ...

    def may_blank(self, cursor: int, cells: int) -> bool: ...


class _Groups:
    """Cells as groups of adjacent atoms of a digit string, cut only at ``cuts``.

    Run-together digits cut between any two digits; loose tokens cut only between tokens.
    A group of ``lo``–``hi`` atoms (0 atoms: a blank cell) makes a cell.
    """

    def __init__(  # noqa: PLR0917 - an internal constructor with one caller per mode
        self, text: str, cuts: Sequence[int], lo: int, hi: int, digits: int, reverse: bool
    ) -> None:
        self.text = text
        self.cuts = tuple(cuts)
        self.atoms = len(self.cuts) - 1
        self.lo, self.hi, self.digits, self.reverse = lo, hi, digits, reverse
        self.blanks = lo == 0
        self._options: dict[tuple[int, int], list[tuple[Value, int]]] = {}
        self._spans: dict[tuple[int, int, int], tuple[int, int] | None] = {}

    def start(self) -> int:
        return self.atoms if self.reverse else 0

    def done(self, cursor: int) -> bool:
        return cursor == (0 if self.reverse else self.atoms)

    def may_blank(self, cursor: int, cells: int) -> bool:
        """Whether some of the remaining ``cells`` may be blank.

        Without joins, only when fewer atoms than cells remain; with joins (a cell may
        take several atoms, others none), whenever a cell remains.
        """
        if not self.blanks or cells <= 0:
            return False
        return self.hi > 1 or (cursor if self.reverse else self.atoms - cursor) < cells

    def span(self, cursor: int, cells: int, cap: int) -> tuple[int, int] | None:
        """The least and greatest sum the remaining ``cells`` can make; ``None``: none.

        A blank cell counts 0 here, though it stands for an unknown count: a caller
        must widen the greatest sum when :meth:`may_blank`.

        Each cell is held below ``cap``'s number of digits (a relaxation of ``≤ cap``
        that keeps the table of spans small).
        """
        return self._span(cursor, cells, min(len(str(cap)), self.digits))

    def _span(self, cursor: int, cells: int, digits: int) -> tuple[int, int] | None:
        key = (cursor, cells, digits)
        if key in self._spans:
            return self._spans[key]
        found: tuple[int, int] | None = None
        if cells == 0:
            found = (0, 0) if self.done(cursor) else None
        else:
            below = _POWERS[digits]
            for value, nxt in self.options(cursor, cells - 1):
                v = value or 0
                rest = self._span(nxt, cells - 1, digits) if v < below else None
                if rest is not None:
                    low, high = (v + rest[0], v + rest[1])
                    found = (min(found[0], low), max(found[1], high)) if found else (low, high)
        self._spans[key] = found
        return found

    def options(self, cursor: int, left: int) -> list[tuple[Value, int]]:
        key = (cursor, left)
        cached = self._options.get(key)
        if cached is not None:
            return cached
        out: list[tuple[Value, int]] = []
        for size in range(self.lo, self.hi + 1):
            nxt = cursor - size if self.reverse else cursor + size
            rest = nxt if self.reverse else self.atoms - nxt
            if rest < self.lo * left or rest < 0:
                break
            if rest > self.hi * left:
                continue
            if size == 0:
                out.append((None, nxt))
                continue
            if self.reverse:
                piece = self.text[self.cuts[nxt] : self.cuts[cursor]]
            else:
                piece = self.text[self.cuts[cursor] : self.cuts[nxt]]
            if len(piece) > self.digits:
                break
            if len(piece) > 1 and piece[0] == "0":
                if self.reverse:
                    continue
                break  # every longer group starts with the same zero
            out.append((int(piece), nxt))
        self._options[key] = out
        return out


class _Runs:
    """Cells as runs of equal values: each surviving number covers one or more cells.

    With ``lead``, ``values[0]`` is the number before the line, whose run may cover no cell.
    """

    reverse = False
    blanks = False

    def __init__(self, values: tuple[int, ...], lead: bool) -> None:
        self.values = values
        self.lead = lead
        self.last = len(values) - 1

    def start(self) -> int:
        return 0 if self.lead else -1

    def done(self, cursor: int) -> bool:
        return cursor == self.last

    def may_blank(self, cursor: int, cells: int) -> bool:
        """Runs never leave a cell blank."""
        return False

    def span(self, cursor: int, cells: int, cap: int) -> tuple[int, int] | None:
        """The least and greatest sum the remaining ``cells`` (each ≤ ``cap``) can make."""
        later = self.values[cursor + 1 :]
        extra = cells - len(later)
        if extra < 0 or any(v > cap for v in later):
            return None
        base = sum(later)
        if not extra:
            return base, base
        # the extra cells continue the current run or lengthen a later one
        open_runs = [v for v in self.values[max(cursor, 0) :] if v <= cap]
        if not open_runs:
            return None
        return base + extra * min(open_runs), base + extra * max(open_runs)

    def options(self, cursor: int, left: int) -> list[tuple[Value, int]]:
        return [
            (self.values[nxt], nxt)
            for nxt in (cursor, cursor + 1)
            if 0 <= nxt <= self.last and self.last - nxt <= left
        ]


# ---------------------------------------------------------------------------
# The line search


def _reverse(width: int, constraints: _Sums) -> bool:
    """Solve right to left when the totals (weight −1) stand after their parts."""
    score = 0.0
    for terms in constraints:
        plus = [i for i, w in terms if w > 0]
        minus = [i for i, w in terms if w < 0]
        if plus and minus:
            score += sum(minus) / len(minus) - sum(plus) / len(plus)
    return score > 0 and width > 1


class _Step(NamedTuple):
    """How assigning the cell of one step moves one sum of the line."""

    sum: int
    weight: int
    closes: bool
    plus_left: int  # cells of weight +1 still to come
    minus_left: int  # cells of weight -1 still to come


@functools.lru_cache(maxsize=256)
def _steps(width: int, reverse: bool, constraints: _Sums) -> tuple[tuple[_Step, ...], ...]:
    """For each step of the search (a cell, in search order), the sums it moves."""
    order = range(width - 1, -1, -1) if reverse else range(width)
    step_of = {cell: t for t, cell in enumerate(order)}
    steps: list[list[_Step]] = [[] for _ in order]
    for j, terms in enumerate(constraints):
        weights = dict(terms)
        at = sorted(step_of[i] for i in weights)
        for i, weight in terms:
            t = step_of[i]
            later = [weights[order[u]] for u in at if u > t]
            plus = sum(1 for w in later if w > 0)
            steps[t].append(_Step(j, weight, t == at[-1], plus, len(later) - plus))
    return tuple(tuple(s) for s in steps)


def _advance(  # noqa: PLR0917 - the search's state, passed on for speed
    steps: Sequence[_Step],
    state: tuple[int, ...],
    value: Value,
    engine: _Engine,
    cursor: int,
    left: int,
) -> tuple[int, ...] | None:
    """The running sums after one cell takes ``value``; ``None`` if a sum can't balance.

    ``state`` holds, per sum, its running weighted total and two flags for blank cells in
    it (1: a blank of weight +1, 2: of weight −1), which leave it free in that direction.
    The ``left`` cells after this one, read from ``cursor``, must be able to balance every
    open sum: their least and greatest total bound what the sum may still need.
    """
    s = list(state)
    span: tuple[int, int] | None = None
    # a blank still to come stands for any count: it frees the sums it is in
    blank = engine.may_blank(cursor, left)
    for step in steps:
        j = 2 * step.sum
        if value is None:
            s[j + 1] |= 1 if step.weight > 0 else 2
        else:
            s[j] += step.weight * value
        acc, free = s[j], s[j + 1]
        if step.closes:
            if not (acc == 0 or (acc < 0 and free & 1) or (acc > 0 and free & 2)):
                return None
            s[j] = s[j + 1] = 0
            continue
        plus, minus = step.plus_left, step.minus_left
        # the remaining cells of the sum must add up to -acc: Σ plus − Σ minus = −acc
        if not free and plus == left and not minus:
            # every remaining cell is a part of this sum, so none exceeds what it needs
            bounds = engine.span(cursor, left, -acc) if acc <= 0 else None
            if bounds is None or -acc < bounds[0] or (-acc > bounds[1] and not blank):
                return None
            continue
        if span is None:
            span = engine.span(cursor, left, _NO_CAP)
            if span is None:
                return None
        low, high = span
        most = (high if plus else 0) - (low if minus == left else 0)
        least = (low if plus == left else 0) - (high if minus else 0)
        up = free & 1 or (blank and plus)
        down = free & 2 or (blank and minus)
        if (-acc > most and not up) or (-acc < least and not down):
            return None
    return tuple(s)


@functools.lru_cache(maxsize=256)
def _segments(width: int, reverse: bool, constraints: _Sums) -> tuple[tuple[int, int], ...]:
    """For each step, a sum whose remaining cells are exactly the next few, all weight +1.

    ``(sum, cells)``, or ``(-1, 0)`` where there is none. From such a step the next cells
    need only add up to what the sum still needs: a table of their sums answers at once,
    and the search walks on from where they end (this halves the depth of a row's search).
    """
    order = list(range(width - 1, -1, -1)) if reverse else list(range(width))
    owner: dict[int, list[int]] = {}
    for j, terms in enumerate(constraints):
        for i, _ in terms:
            owner.setdefault(i, []).append(j)
    out = []
    for t in range(width):
        found = (-1, 0)
        if len(owner.get(order[t], ())) == 1:
            j = owner[order[t]][0]
            weights = dict(constraints[j])
            rest = [u for u in range(t, width) if order[u] in weights]
            if rest == list(range(t, t + len(rest))) and all(
                weights[order[u]] == 1 and len(owner[order[u]]) == 1 for u in rest
            ):
                found = (j, len(rest))
        out.append(found)
    return tuple(out)


class _TooLargeError(Exception):
    """The search of one line went past its budget of states."""


def _search(
    width: int,
    engine: _Engine,
    constraints: _Sums,
    pins: Mapping[int, Collection[int]],
    limit: int,
) -> Solutions:
    """Every reading (up to ``limit + 1``) the engine can make that satisfies the sums."""
    order = range(width - 1, -1, -1) if engine.reverse else range(width)
    steps = _steps(width, engine.reverse, constraints)
    pinned = [pins.get(cell) for cell in order]
    segments = [
        (j, m)
        if j >= 0 and m <= _SEGMENT and not engine.blanks and not any(pinned[t : t + m])
        else (-1, 0)
        for t, (j, m) in enumerate(_segments(width, engine.reverse, constraints))
    ]
    cap = limit + 1
    memo: dict[tuple[int, int, tuple[int, ...]], list[Candidate]] = {}
    segment_memo: dict[tuple[int, int, int], dict[int, list[tuple[Candidate, int]]]] = {}

    def segment(cursor: int, cells: int, after: int) -> dict[int, list[tuple[Candidate, int]]]:
        """The readings of the next ``cells`` cells (``after`` more follow), by their sum."""
        key = (cursor, cells, after)
        found = segment_memo.get(key)
        if found is not None:
            return found
        out: dict[int, list[tuple[Candidate, int]]] = {}
        if cells == 0:
            out[0] = [((), cursor)]
        else:
            for value, nxt in engine.options(cursor, cells - 1 + after):
                v = value or 0
                for total, rests in segment(nxt, cells - 1, after).items():
                    out.setdefault(v + total, []).extend(((value, *r), n) for r, n in rests)
        segment_memo[key] = out
        return out

    def walk(t: int, cursor: int, state: tuple[int, ...]) -> list[Candidate]:
        if t == width:
            return [()] if engine.done(cursor) else []
        key = (t, cursor, state)
        found = memo.get(key)
        if found is not None:
            return found
        if len(memo) > _STATE_BUDGET:
            raise _TooLargeError
        out: list[Candidate] = []
        j, m = segments[t]
        if j >= 0 and not state[2 * j + 1]:
            closed = (*state[: 2 * j], 0, 0, *state[2 * j + 2 :])
            for values, nxt in segment(cursor, m, width - t - m).get(-state[2 * j], ()):
                out.extend((*values, *rest) for rest in walk(t + m, nxt, closed)[: cap - len(out)])
                if len(out) >= cap:
                    break
            memo[key] = out
            return out
        pin = pinned[t]
        for value, nxt in engine.options(cursor, width - t - 1):
            if pin is not None and value is not None and value not in pin:
                continue
            after = (
                _advance(steps[t], state, value, engine, nxt, width - t - 1) if steps[t] else state
            )
            if after is None:
                continue
            out.extend((value, *rest) for rest in walk(t + 1, nxt, after)[: cap - len(out)])
            if len(out) >= cap:
                break
        memo[key] = out
        return out

    try:
        found = walk(0, engine.start(), (0,) * (2 * len(constraints)))
    except _TooLargeError:
        note = f"gave up after {_STATE_BUDGET} states: too many ways to read the text"
        return Solutions(width=width, candidates=(), complete=False, note=note)
    readings = [tuple(reversed(c)) for c in found] if engine.reverse else found
    return _solutions(width, readings, len(readings) <= limit, limit)


def _solutions(width: int, readings: list[Candidate], complete: bool, limit: int) -> Solutions:
    kept = sorted(readings, key=_candidate_key)[:limit]
    note = "" if kept else "no reading of the text satisfies the sums"
    return Solutions(width=width, candidates=tuple(kept), complete=complete, note=note)


def _digit_string(raw: str) -> str | None:
    if figure_doubt(raw) is not None:  # ² and ① are no digits, though NFKC makes them ones
        return None
    text = unicodedata.normalize("NFKC", raw).strip()
    return text if text and set(text) <= _ASCII_DIGITS else None


def check_arguments(width: int, limit: int) -> None:
    if type(width) is not int or width < 1:
        raise ValueError(f"width must be a positive int, got {width!r}")
    if type(limit) is not int or limit < 2:
        raise ValueError(f"limit must be an int of at least 2, got {limit!r}")


def _constraints(width: int, sums: Sequence[Sum]) -> _Sums:
    out = []
    for s in sums:
        terms = s.coefficients()
        if any(type(i) is not int or not 0 <= i < width for i in terms):
            raise ValueError(f"{s!r} names a cell outside a line of {width}")
        out.append(tuple(sorted(terms.items())))
    return tuple(out)


def _fits(reading: Candidate, constraints: _Sums, pins: Mapping[int, Collection[int]]) -> bool:
    """Whether a reading with no blank cell satisfies the sums and the pins."""
    if any(reading[i] not in allowed for i, allowed in pins.items()):
        return False
    return all(sum(w * (reading[i] or 0) for i, w in terms) == 0 for terms in constraints)


def solve_line(
    observation: Observation,
    width: int,
    *,
    sums: Sequence[Sum] = (),
    pins: Mapping[int, Collection[int]] | None = None,
    max_cell_digits: int = MAX_CELL_DIGITS,
    limit: int = LIMIT,
) -> Solutions:
    """Return the readings of one line that fit its text and its sums.

    Args:
        observation: what the text shows (:class:`Exact`, :class:`Digits`, :class:`Runs`
            or :class:`Tokens`).
        width: the number of cells of the line.
        sums: the sums among the line's cells (:func:`line_sums` derives them from the
            format's declarations).
        pins: for some cells, the only values they may take (the table pass narrows a line
            with them).
        max_cell_digits: the longest number a cell may hold.
        limit: how many readings to keep; beyond that the result says "more".

    Returns:
        The :class:`Solutions`: junk text (letters, a negative number, a digit string
        longer than ``width × max_cell_digits``) gives none, with a note.

    Raises:
        ValueError: ``width`` or ``limit`` is not a positive int (``limit`` ≥ 2), or a sum
            names a cell outside the line.

    >>> solve_line(Runs((1, 0, 1)), 7, sums=[Sum.row(7)]).unique
    (1, 0, 0, 0, 0, 0, 1)
    >>> solve_line(Exact((3, None, 3)), 3).unique
    (3, None, 3)
    """
    check_arguments(width, limit)
    constraints = _constraints(width, sums)
    pins = pins or {}
    if width > _MAX_WIDTH:
        return _none(width, f"{width} cells are more than a line may have ({_MAX_WIDTH})")
    if isinstance(observation, Exact):
        return _exact(observation.values, width)
    if isinstance(observation, Digits):
        return _digits(
            observation.text,
            width,
            constraints,
            pins,
            max_cell_digits,
            limit,
            blanks=observation.blanks,
        )
    if isinstance(observation, Runs):
        return _runs(observation, width, constraints, pins, limit)
    return _tokens(
        observation.tokens,
        width,
        constraints,
        pins,
        max_cell_digits,
        limit,
        joined=observation.joined,
        blanks=observation.blanks,
    )


def _is_count(value: object) -> TypeGuard[int]:
    return type(value) is int and value >= 0


def _exact(values: Sequence[object], width: int) -> Solutions:
    if len(values) != width:
        return _none(width, f"{len(values)} values for {width} cells")
    reading = tuple(v if _is_count(v) else None for v in values)
    if any(v is not None and r is None for v, r in zip(values, reading, strict=True)):
        return _none(width, "a value is not a non-negative int")
    return Solutions(width=width, candidates=(reading,), complete=True)


def _digits(  # noqa: PLR0917 - the dispatcher's arguments, passed on
    raw: object,
    width: int,
    constraints: _Sums,
    pins: Mapping[int, Collection[int]],
    digits: int,
    limit: int,
    *,
    blanks: bool = False,
) -> Solutions:
    text = _digit_string(raw) if isinstance(raw, str) else None
    if text is None:
        return _none(width, "not a run of digits")
    if len(text) > width * digits:
        return _none(width, f"{len(text)} digits exceed {width} cells of {digits} digits")
    if blanks:
        engine = _Groups(
            text, range(len(text) + 1), 0, digits, digits, _reverse(width, constraints)
        )
        return _search(width, engine, constraints, pins, limit)
    if len(text) < width:
        return _none(width, f"{len(text)} digits for {width} cells")
    if len(text) == width:  # one digit a cell: the only split
        reading = tuple(map(int, text))
        return _solutions(
            width, [reading] if _fits(reading, constraints, pins) else [], True, limit
        )
    engine = _Groups(text, range(len(text) + 1), 1, digits, digits, _reverse(width, constraints))
    return _search(width, engine, constraints, pins, limit)


def _runs(
    observation: Runs,
    width: int,
    constraints: _Sums,
    pins: Mapping[int, Collection[int]],
    limit: int,
) -> Solutions:
    values = tuple(observation.values) if isinstance(observation.values, Sequence) else (-1,)
    previous = observation.previous
    if previous is not None and not _is_count(previous):
        return _none(width, "the previous value is not a non-negative int")
    if not all(_is_count(v) for v in values) or not (values or previous is not None):
        return _none(width, "the runs are not non-negative ints")
    lead = previous is not None
    seq = (previous, *values) if previous is not None else values
    merged: list[int] = []
    for v in seq:
        if not merged or merged[-1] != v:
            merged.append(v)
    if len(merged) - lead > width:
        return _none(width, f"{len(merged) - lead} runs for {width} cells")
    if not lead and len(merged) in {1, width}:  # one run a cell, or one run for all
        reading = tuple(merged) if len(merged) == width else (merged[0],) * width
        return _solutions(
            width, [reading] if _fits(reading, constraints, pins) else [], True, limit
        )
    engine = _Runs(tuple(merged), lead)
    return _search(width, engine, constraints, pins, limit)


def _tokens(  # noqa: PLR0917 - the dispatcher's arguments, passed on
    raw: object,
    width: int,
    constraints: _Sums,
    pins: Mapping[int, Collection[int]],
    digits: int,
    limit: int,
    *,
    joined: bool = False,
    blanks: bool = False,
) -> Solutions:
    items = tuple(raw) if isinstance(raw, Sequence) and not isinstance(raw, str) else None
    texts = [_digit_string(t) if isinstance(t, str) else None for t in items or ()]
    if items is None or not all(texts):
        return _none(width, "the tokens are not digit strings")
    tokens = [t for t in texts if t is not None]
    if not joined and any(len(t) > 1 and t[0] == "0" for t in tokens):
        return _none(width, "a token has a leading zero")
    if sum(map(len, tokens)) > width * digits or len(tokens) > width * digits:
        return _none(width, f"{len(tokens)} tokens exceed {width} cells of {digits} digits")
    if len(tokens) == width and not (joined or blanks):
        return _exact([int(t) for t in tokens], width)
    cuts = [0]
    for t in tokens:
        cuts.append(cuts[-1] + len(t))
    joins = joined or len(tokens) > width
    lo = 0 if blanks or len(tokens) < width else 1
    hi = len(tokens) - (width - 1) * lo if joins else 1
    if hi < max(lo, 1):
        return _none(width, f"{len(tokens)} tokens for {width} cells")
    engine = _Groups("".join(tokens), cuts, lo, hi, digits, _reverse(width, constraints))
    return _search(width, engine, constraints, pins, limit)


# ---------------------------------------------------------------------------
# The named forms


def split_digits(
    text: str,
    width: int,
    *,
    sums: Sequence[Sum] = (),
    max_cell_digits: int = MAX_CELL_DIGITS,
    limit: int = LIMIT,
) -> Solutions:
    """Split run-together digits into ``width`` cells under the sums.

    Args:
        text: the digits of the line, nothing else (``"713000074"``).
        width: the number of cells.
        sums: the sums among the cells (:meth:`Sum.row` for a row whose last cell is 总计).
        max_cell_digits: the longest number a cell may hold; longer text is rejected.
        limit: how many readings to keep.

    Returns:
        The :class:`Solutions`.

    >>> split_digits("713000074", 7, sums=[Sum.row(7)]).unique
    (71, 3, 0, 0, 0, 0, 74)
    >>> split_digits("000", 3).unique
    (0, 0, 0)
    >>> split_digits("8855698", 3).count  # no sum binds table 2: ambiguous
    2
    >>> split_digits("110000011", 7, sums=[Sum.row(7)]).candidates
    ((1, 10, 0, 0, 0, 0, 11), (11, 0, 0, 0, 0, 0, 11))
    >>> split_digits("9" * 2000, 7).note
    '2000 digits exceed 7 cells of 9 digits'
    """
    return solve_line(Digits(text), width, sums=sums, max_cell_digits=max_cell_digits, limit=limit)


def expand_runs(
    values: Sequence[int],
    width: int,
    *,
    sums: Sequence[Sum] = (),
    previous: int | None = None,
    limit: int = LIMIT,
) -> Solutions:
    """Expand the numbers a collapsing crawler kept back into ``width`` cells.

    Args:
        values: the surviving numbers in order (equal neighbours are merged first).
        width: the number of cells.
        sums: the sums among the cells.
        previous: the number printed just before the line, if the node before it was a
            number (no label in between): cells equal to it may have been dropped too.
        limit: how many readings to keep.

    Returns:
        The :class:`Solutions`.

    >>> expand_runs([0], 7, sums=[Sum.row(7)]).unique
    (0, 0, 0, 0, 0, 0, 0)
    >>> expand_runs([1, 0, 1], 7, sums=[Sum.row(7)]).unique
    (1, 0, 0, 0, 0, 0, 1)
    >>> expand_runs([1, 0, 1], 3).unique
    (1, 0, 1)
    >>> for reading in expand_runs([0, 1, 0, 2], 7, sums=[Sum.row(7)]).candidates:
    ...     print(reading)
    (0, 0, 0, 1, 1, 0, 2)
    (0, 0, 1, 1, 0, 0, 2)
    (0, 1, 1, 0, 0, 0, 2)
    >>> expand_runs([2], 3, previous=2).unique
    (2, 2, 2)
    """
    return solve_line(Runs(tuple(values), previous), width, sums=sums, limit=limit)


def join_split(
    tokens: Sequence[str],
    width: int,
    *,
    sums: Sequence[Sum] = (),
    max_cell_digits: int = MAX_CELL_DIGITS,
    limit: int = LIMIT,
) -> Solutions:
    """Join adjacent tokens of a line that has more tokens than cells.

    A number broken across lines (``"1"``, ``"60"`` for 160) is put back together; which
    tokens belong together is accepted only when the sums leave one way.

    Args:
        tokens: the digit strings in order.
        width: the number of cells.
        sums: the sums among the cells.
        max_cell_digits: the longest number a cell may hold.
        limit: how many readings to keep.

    Returns:
        The :class:`Solutions`.

    >>> join_split(["1", "60", "0", "0", "0", "0", "0", "160"], 7, sums=[Sum.row(7)]).unique
    (160, 0, 0, 0, 0, 0, 160)
    >>> join_split(["1", "2", "3"], 2).count
    2
    """
    return solve_line(
        Tokens(tuple(tokens)), width, sums=sums, max_cell_digits=max_cell_digits, limit=limit
    )


def fill_missing(
    tokens: Sequence[str],
    width: int,
    *,
    sums: Sequence[Sum] = (),
    max_cell_digits: int = MAX_CELL_DIGITS,
    limit: int = LIMIT,
) -> Solutions:
    """Place the tokens of a line that has fewer tokens than cells; the rest are blank.

    The blank cells get ``None``, never a computed value. A placement is consistent when
    some non-negative filling of its blanks satisfies every sum; it is accepted only when
    it is the only one.

    Args:
        tokens: the digit strings in order.
        width: the number of cells.
        sums: the sums among the cells.
        max_cell_digits: the longest number a cell may hold.
        limit: how many readings to keep.

    Returns:
        The :class:`Solutions`; a resolved ``None`` cell is blank in every placement.

    >>> fill_missing(["5", "3", "0", "0", "0", "2"], 7, sums=[Sum.row(7)]).unique
    (5, 3, 0, 0, 0, 2, None)
    >>> fill_missing(["3", "3"], 7, sums=[Sum.row(7)]).count
    2
    """
    return solve_line(
        Tokens(tuple(tokens)), width, sums=sums, max_cell_digits=max_cell_digits, limit=limit
    )
