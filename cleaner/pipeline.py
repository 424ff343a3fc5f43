"""The ordered stage list and the public entry points."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from typing import Any, Literal, cast

from cleaner import thresholds
from cleaner.boilerplate import remove_boilerplate
from cleaner.detect import detect_encoding
from cleaner.errors import InvalidInput, InvalidOptions
from cleaner.options import DEFAULT_OPTIONS, CleanOptions, options_from_mapping
from cleaner.recover import recover_text
from cleaner.recover_cjk import recover_cjk
from cleaner.recover_script import recover_scripts
from cleaner.repair import repair_text
from cleaner.trace import CleanResult, Decoding, Reason, Stage, Step, count_steps

StageFn = Callable[[str, CleanOptions], tuple[str, list[Step]]]

BYTES_ERROR_TEXT = (
    "clean_text() takes str; for bytes of any encoding call clean_bytes() or clean(), "
    "which detect the encoding and report it."
)


def normalize(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Unicode normalisation, only when an option asks for it.

    >>> normalize("e\\u0301", CleanOptions(normalization="NFC"))[0]
    'é'
    """
    if options.normalization is None:
        return text, []
    form = cast(Literal["NFC", "NFD", "NFKC", "NFKD"], options.normalization)
    fixed = unicodedata.normalize(form, text)
    if fixed == text:
        return text, []
    step = Step(
        Stage.NORMALIZE, "normalize", Reason.UNICODE_NORMALIZATION, detail=options.normalization
    )
    return fixed, [step]


# (stage, the option that switches it on, the function). Order matters: repair before
# recovery (mojibake hides lost letters), recovery before line removal (so duplicates
# compare repaired text), normalisation last.
StageSpec = tuple[Stage, str | None, StageFn]
TEXT_STAGES: tuple[StageSpec, ...] = (
    (Stage.REPAIR, "fix_mojibake", repair_text),
    (Stage.RECOVER, "recover_lossy", recover_text),
    (Stage.RECOVER, "recover_lossy", recover_scripts),
    (Stage.RECOVER, "recover_lossy", recover_cjk),
)
LINE_STAGES: tuple[StageSpec, ...] = (
    (Stage.BOILERPLATE, "remove_boilerplate", remove_boilerplate),
    (Stage.NORMALIZE, None, normalize),
)
STAGES = TEXT_STAGES + LINE_STAGES


def _run(specs: tuple[StageSpec, ...], text: str, options: CleanOptions, steps: list[Step]) -> str:
    for _stage, switch, fn in specs:
        if switch is not None and not getattr(options, switch):
            continue
        text, new_steps = fn(text, options)
        steps.extend(new_steps)
    return text


def _run_stages(text: str, options: CleanOptions, steps: list[Step]) -> str:
    """Run the text stages to a fixed point, then the line stages once.

    A repair can uncover another (a second mojibake layer, a lost letter behind it); running
    repair and recovery again while they still change something makes ``clean`` idempotent:
    cleaning clean output changes nothing. Most texts need one round; a round that changes
    nothing ends the loop, so clean text pays for one.
    """
    for _ in range(thresholds.MAX_REPAIR_ROUNDS):
        before = text
        text = _run(TEXT_STAGES, text, options, steps)
        if text == before:
            break
    return _run(LINE_STAGES, text, options, steps)


def _result(
    text: str,
    steps: list[Step],
    options: CleanOptions,
    decoding: Decoding | None,
    n: int,
    changed: bool,
) -> CleanResult:
    stats = count_steps(steps)
    stats["input_chars"] = n
    stats["output_chars"] = len(text)
    kept = tuple(steps) if options.explain else ()
    return CleanResult(
        text=text, steps=kept, stats=stats, decoding=decoding, input_chars=n, changed=changed
    )


def clean_text(text: str, options: CleanOptions = DEFAULT_OPTIONS) -> CleanResult:
    """Clean a ``str``: repair, recover, remove boilerplate.

    >>> clean_text("CafÃ© crÃ¨me").text
    'Café crème'
    """
    if isinstance(text, bytes | bytearray):
        raise InvalidInput(BYTES_ERROR_TEXT)
    if not isinstance(text, str):
        raise InvalidInput(f"expected str or bytes, got {type(text).__name__}")
    steps: list[Step] = []
    out = _run_stages(text, options, steps)
    return _result(out, steps, options, None, len(text), out != text)


def clean_bytes(
    data: bytes, options: CleanOptions = DEFAULT_OPTIONS, declared_encoding: str | None = None
) -> CleanResult:
    """Decode bytes of any encoding (reported in the result), then clean the text.

    >>> r = clean_bytes("Café".encode("cp1252"))
    >>> r.text, r.decoding is not None
    ('Café', True)
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise InvalidInput(f"clean_bytes() takes bytes, got {type(data).__name__}")
    decoded = detect_encoding(data, declared_encoding)
    steps: list[Step] = list(decoded.steps)
    out = _run_stages(decoded.text, options, steps)
    return _result(out, steps, options, decoded.decoding, len(decoded.text), out != decoded.text)


def resolve_options(
    options: CleanOptions | dict[str, Any] | None, overrides: dict[str, Any]
) -> CleanOptions:
    """One place that turns ``options``/keyword overrides into a :class:`CleanOptions`."""
    if options is None:
        base = DEFAULT_OPTIONS
    elif isinstance(options, CleanOptions):
        base = options
    elif isinstance(options, dict):
        base = options_from_mapping(options)
    else:
        raise InvalidOptions("options must be a CleanOptions, a dict or None")
    if not overrides:
        return base
    unknown = [k for k in overrides if k not in {f.name for f in dataclasses.fields(CleanOptions)}]
    if unknown:
        raise InvalidOptions(f"unknown option {unknown[0]!r}", unknown[0])
    return options_from_mapping(overrides, base)


def clean(
    data: str | bytes,
    options: CleanOptions | dict[str, Any] | None = None,
    *,
    declared_encoding: str | None = None,
    **overrides: Any,
) -> CleanResult:
    """Clean ``str`` or ``bytes``; keyword overrides are merged into ``options``.

    >>> clean("CafÃ©", remove_boilerplate=False).text
    'Café'
    """
    opts = resolve_options(options, overrides)
    if isinstance(data, bytes | bytearray | memoryview):
        return clean_bytes(bytes(data), opts, declared_encoding)
    if isinstance(data, str):
        return clean_text(data, opts)
    raise InvalidInput(f"clean() takes str or bytes, got {type(data).__name__}")
