"""Mojibake repair: ftfy underneath, configured conservatively. The only module importing ftfy."""

from __future__ import annotations

import ftfy

from cleaner.options import CleanOptions
from cleaner.trace import Reason, Stage, Step


def repair_text(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Repair mojibake in ``text``; returns the text and the repair steps.

    >>> repair_text("CafÃ©", CleanOptions())[0]
    'Café'
    """
    config = ftfy.TextFixerConfig(
        unescape_html=options.unescape_html,
        uncurl_quotes=options.uncurl_quotes,
        fix_character_width=options.fix_character_width,
        fix_latin_ligatures=options.fix_latin_ligatures,
        fix_line_breaks=options.fix_line_breaks,
        normalization=options.normalization,
        remove_terminal_escapes=False,
        fix_surrogates=False,
        remove_control_chars=False,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        explain=False,
    )
    fixed = ftfy.fix_text(text, config)
    if fixed == text:
        return text, []
    return fixed, [Step(Stage.REPAIR, "repair", Reason.MOJIBAKE, detail="ftfy", before=text, after=fixed)]
