"""Every heuristic number of cleaner, named after the way it points, with its source.

Stages import their numbers from here; :class:`cleaner.options.CleanOptions` takes its
defaults from here, so the library, the CLI and the HTTP service share one source of truth.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Input limits (library-level; the service and the CLI may set tighter ones)

# Bytes sampled from the head of a document when ranking legacy-charset candidates.
# charset-normalizer itself reads in chunks; 64 KiB keeps detection bounded on huge files.
DETECT_SAMPLE_BYTES = 64 * 1024

# ---------------------------------------------------------------------------------------
# Lossy recovery

# A recovered word is written back only when the chosen candidate's confidence reaches
# this. Guess, tuned on hand-made cases in tests/cases (a wrong letter is worse than a `?`).
MIN_RECOVERY_CONFIDENCE = 0.6

# ---------------------------------------------------------------------------------------
# Boilerplate removal

# Lines scored at or above this probability of being boilerplate are dropped.
# Guess, tuned on the seed document (losing article text is the worst failure).
BOILERPLATE_THRESHOLD = 0.5
