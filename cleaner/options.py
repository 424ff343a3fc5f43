"""The frozen options object, and the one function that builds it from loose input."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cleaner import thresholds
from cleaner.errors import InvalidOptions
from cleaner.trace import Reason

NORMALIZATIONS = ("NFC", "NFKC", "NFD", "NFKD")

# Line categories a caller may keep even when they are recognised as boilerplate.
LINE_CATEGORIES = frozenset(
    {
        Reason.SOCIAL,
        Reason.NAVIGATION,
        Reason.COOKIE,
        Reason.SUBSCRIBE,
        Reason.ADVERTISEMENT,
        Reason.RELATED,
        Reason.COMMENTS,
        Reason.FOOTER,
        Reason.CREDIT,
        Reason.FORM_CONTROL,
        Reason.SHORT_CHROME,
        Reason.OUTSIDE_ARTICLE,
        Reason.DUPLICATE,
        Reason.EMPTY,
    }
)


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Everything that can be switched or tuned. Derive variants with ``dataclasses.replace``.

    Stages
      fix_mojibake: repair mojibake (ftfy underneath, plus single-byte charsets ftfy misses).
      recover_lossy: restore letters replaced by ``?`` or U+FFFD in a lossy 8-bit round trip.
      remove_boilerplate: drop page chrome (menus, share prompts, footers ...). When False no
        line is removed at all, duplicates included.
      remove_duplicates: drop repeated lines (only when ``remove_boilerplate`` is on).

    Tuning
      min_recovery_confidence: a recovered word is written only at or above this (0..1).
      boilerplate_threshold: a line whose boilerplate score reaches this is dropped (0..1).
      keep_categories: line reason codes to keep even when recognised (e.g. ``{"credit"}``).
      drop_phrases: extra phrases; a line that contains one is dropped (``user_phrase``).
      keep_phrases: phrases; a line that contains one is always kept.
      languages: language hints (ISO 639-1) for recovery and detection; empty = infer.

    Conservative ftfy switches (all off: such text is not damaged, only styled)
      uncurl_quotes, fix_character_width, fix_latin_ligatures, fix_line_breaks,
      unescape_html: the ftfy fixers of the same name.
      normalization: ``None`` (default, text kept as given) or NFC/NFKC/NFD/NFKD.

    Report
      explain: record every change in the result's steps (False skips building the trace).
    """

    fix_mojibake: bool = True
    recover_lossy: bool = True
    remove_boilerplate: bool = True
    remove_duplicates: bool = True
    min_recovery_confidence: float = thresholds.MIN_RECOVERY_CONFIDENCE
    boilerplate_threshold: float = thresholds.BOILERPLATE_THRESHOLD
    keep_categories: frozenset[str] = field(default_factory=frozenset)
    drop_phrases: tuple[str, ...] = ()
    keep_phrases: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    uncurl_quotes: bool = False
    fix_character_width: bool = False
    fix_latin_ligatures: bool = False
    fix_line_breaks: bool = False
    unescape_html: bool = False
    normalization: str | None = None
    explain: bool = True

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            kind = _FIELD_KINDS[f.name]
            if kind is bool and not isinstance(value, bool):
                raise InvalidOptions(f"option {f.name!r} must be true or false", f.name)
            if kind is float:
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise InvalidOptions(f"option {f.name!r} must be a number", f.name)
                if not 0.0 <= float(value) <= 1.0:
                    raise InvalidOptions(f"option {f.name!r} must be between 0 and 1", f.name)
        for name in ("drop_phrases", "keep_phrases", "languages"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
                raise InvalidOptions(f"option {name!r} must be a list of non-empty strings", name)
        if not isinstance(self.keep_categories, frozenset):
            raise InvalidOptions(
                "option 'keep_categories' must be a set of strings", "keep_categories"
            )
        unknown = sorted(str(c) for c in self.keep_categories if c not in LINE_CATEGORIES)
        if unknown:
            raise InvalidOptions(
                f"option 'keep_categories' has unknown categories {unknown}; "
                f"known: {sorted(str(c) for c in LINE_CATEGORIES)}",
                "keep_categories",
            )
        if self.normalization is not None and self.normalization not in NORMALIZATIONS:
            raise InvalidOptions(
                f"option 'normalization' must be one of {list(NORMALIZATIONS)} or null",
                "normalization",
            )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


def _kind(annotation: str) -> type:
    return {
        "bool": bool,
        "float": float,
        "frozenset[str]": frozenset,
        "tuple[str, ...]": tuple,
        "str | None": str,
    }[annotation]


_FIELD_KINDS: dict[str, type] = {
    f.name: _kind(str(f.type)) for f in dataclasses.fields(CleanOptions)
}
OPTION_NAMES = tuple(_FIELD_KINDS)
DEFAULT_OPTIONS = CleanOptions()

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _coerce(name: str, value: Any) -> Any:
    """Turn loose values (query strings, JSON) into the field's type, or raise."""
    kind = _FIELD_KINDS[name]
    if kind is bool:
        if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        return value
    if kind is float:
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                raise InvalidOptions(f"option {name!r} must be a number", name) from None
        return value
    if kind in (tuple, frozenset):
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list | tuple | set | frozenset) or not all(
            isinstance(v, str) for v in value
        ):
            raise InvalidOptions(f"option {name!r} must be a list of strings", name)
        return kind(value)
    if kind is str:
        if value in ("", "none", "null"):
            return None
        return value
    return value  # pragma: no cover - every kind is handled above


def options_from_mapping(
    mapping: Mapping[str, Any], base: CleanOptions = DEFAULT_OPTIONS
) -> CleanOptions:
    """Build options from loose key/values (JSON bodies, query strings, CLI flags).

    Unknown names and ill-typed values raise :class:`InvalidOptions` naming the option.

    >>> options_from_mapping({"remove_boilerplate": "false"}).remove_boilerplate
    False
    >>> options_from_mapping({"colour": 1})
    Traceback (most recent call last):
    ...
    cleaner.errors.InvalidOptions: unknown option 'colour'
    """
    if not isinstance(mapping, Mapping):
        raise InvalidOptions("options must be an object of name/value pairs")
    changes: dict[str, Any] = {}
    for name, value in mapping.items():
        if name not in _FIELD_KINDS:
            raise InvalidOptions(f"unknown option {name!r}", str(name))
        changes[name] = _coerce(name, value)
    if not changes:
        return base
    return dataclasses.replace(base, **changes)


__all__ = ["DEFAULT_OPTIONS", "OPTION_NAMES", "CleanOptions", "options_from_mapping"]
