"""The trace: what each stage changed, and why.

A :class:`Step` is one change (a repaired span, a recovered word, a dropped line). Stages
return their steps; the pipeline gathers them into a :class:`CleanResult` whose
``to_dict()`` is the JSON-ready report. Positions (``line``, ``start``, ``end``) refer to the
text *as the stage received it*: line numbers are 1-based, offsets are 0-based code points.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from operator import attrgetter
from typing import Any, cast


class Stage(StrEnum):
    """The pipeline stages, in the order they run."""

    DECODE = "decode"
    REPAIR = "repair"
    RECOVER = "recover"
    BOILERPLATE = "boilerplate"
    DEDUPE = "dedupe"
    NORMALIZE = "normalize"


class Reason(StrEnum):
    """Closed set of reason codes carried by every change.

    Repair and recovery codes say what was fixed; line codes say why a line was dropped.
    """

    # decoding
    BOM = "bom"
    DECLARED = "declared_charset"
    DETECTED = "detected_charset"
    MIXED_LINES = "mixed_line_encodings"
    BEST_EFFORT = "best_effort_decoding"
    # repair
    MOJIBAKE = "mojibake"
    C1_CONTROLS = "c1_controls"
    # a restyling an option asked for (quotes, width, ligatures, line breaks, entities)
    STYLE = "style"
    # recovery
    LOSSY_QMARK = "lossy_question_mark"
    LOSSY_REPLACEMENT = "lossy_replacement_character"
    # lines dropped
    SOCIAL = "social"
    NAVIGATION = "navigation"
    COOKIE = "cookie"
    SUBSCRIBE = "subscribe"
    ADVERTISEMENT = "advertisement"
    RELATED = "related"
    COMMENTS = "comments"
    FOOTER = "footer"
    CREDIT = "credit"
    FORM_CONTROL = "form_control"
    SHORT_CHROME = "short_chrome"
    OUTSIDE_ARTICLE = "outside_article"
    USER_PHRASE = "user_phrase"
    DUPLICATE = "duplicate"
    EMPTY = "empty"
    # normalisation
    WHITESPACE = "whitespace"
    UNICODE_NORMALIZATION = "unicode_normalization"


@dataclass(frozen=True, slots=True)
class Step:
    """One change made by one stage.

    ``action`` is a verb from a small set (``decode``, ``repair``, ``recover``,
    ``drop_line``, ``normalize``); ``reason`` is a :class:`Reason`; ``detail`` names the
    mechanism (an encoding, an ftfy fixer, a lexicon language). ``before``/``after`` hold
    the changed text (for a dropped line, ``before`` is the line and ``after`` is None).
    """

    stage: Stage
    action: str
    reason: Reason
    detail: str = ""
    line: int | None = None
    start: int | None = None
    end: int | None = None
    before: str | None = None
    after: str | None = None
    confidence: float | None = None

    @classmethod
    def dropped_line(
        cls,
        stage: Stage,
        reason: Reason,
        line: int,
        before: str,
        confidence: float,
        detail: str = "",
    ) -> Step:
        """The step of a dropped line: ``Step(stage, "drop_line", reason, detail, line,
        before=before, confidence=confidence)``, built three times faster (a stage drops
        hundreds of lines of a page; the frozen ``__init__`` sets each field by a call).

        >>> Step.dropped_line(Stage.DEDUPE, Reason.DUPLICATE, 3, "x", 0.9) == Step(
        ...     Stage.DEDUPE, "drop_line", Reason.DUPLICATE, line=3, before="x", confidence=0.9)
        True
        """
        step = _OpenStep(
            stage, "drop_line", reason, detail, line, None, None, before, None, confidence
        )
        # Same slots, same layout: the filled instance becomes a (frozen) Step.
        step.__class__ = cls  # type: ignore[assignment]
        return cast(Step, step)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "stage": str(self.stage),
            "action": self.action,
            "reason": str(self.reason),
        }
        for key in ("detail", "line", "start", "end", "before", "after", "confidence"):
            value = getattr(self, key)
            if value is not None and value != "":
                out[key] = round(value, 4) if isinstance(value, float) else value
        return out


class _OpenStep:
    """A :class:`Step` under construction: the same slots, set by plain assignment."""

    __slots__ = Step.__slots__

    def __init__(
        self,
        stage: Stage,
        action: str,
        reason: Reason,
        detail: str,
        line: int | None,
        start: int | None,
        end: int | None,
        before: str | None,
        after: str | None,
        confidence: float | None,
    ) -> None:
        self.stage = stage
        self.action = action
        self.reason = reason
        self.detail = detail
        self.line = line
        self.start = start
        self.end = end
        self.before = before
        self.after = after
        self.confidence = confidence


@dataclass(frozen=True, slots=True)
class Decoding:
    """How bytes became text: the chosen encoding, its confidence and the ranked candidates."""

    encoding: str
    confidence: float
    candidates: tuple[tuple[str, float], ...] = ()
    language: str | None = None
    declared: str | None = None
    declared_used: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "encoding": self.encoding,
            "confidence": round(self.confidence, 4),
            "language": self.language,
            "declared": self.declared,
            "declared_used": self.declared_used,
            "candidates": [
                {"encoding": enc, "score": round(score, 4)} for enc, score in self.candidates
            ],
        }


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The clean text and the report of how it was made."""

    text: str
    steps: tuple[Step, ...] = ()
    stats: Counter[str] = field(default_factory=Counter)
    decoding: Decoding | None = None
    input_chars: int = 0
    changed: bool = False

    @property
    def removed_lines(self) -> list[Step]:
        return [s for s in self.steps if s.action == "drop_line"]

    @property
    def repairs(self) -> list[Step]:
        return [s for s in self.steps if s.action != "drop_line"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "encoding": self.decoding.encoding if self.decoding else None,
            "confidence": round(self.decoding.confidence, 4) if self.decoding else None,
            "decoding": self.decoding.to_dict() if self.decoding else None,
            "changed": self.changed,
            "repairs": [s.to_dict() for s in self.repairs],
            "removed_lines": [s.to_dict() for s in self.removed_lines],
            "stats": dict(sorted(self.stats.items())),
        }


def count_steps(steps: list[Step] | tuple[Step, ...]) -> Counter[str]:
    """Counters keyed by stage and reason, e.g. ``boilerplate_social`` or ``repair_mojibake``.

    Steps are tallied by their (stage, reason) pair at C speed; a counter's name is built
    once per distinct pair, not once per step.

    >>> count_steps([Step(Stage.DEDUPE, "drop_line", Reason.DUPLICATE)])
    Counter({'dedupe_duplicate': 1})
    """
    counts: Counter[str] = Counter()
    for (stage, reason), n in Counter(map(_STAGE_AND_REASON, steps)).items():
        counts[f"{stage}_{reason}"] += n
    return counts


# A step's (stage, reason) pair, the key its counter is named after.
_STAGE_AND_REASON = attrgetter("stage", "reason")
