"""The one exception hierarchy of cleaner.

Every error the library raises on purpose derives from :class:`CleanerError`, so callers
(the HTTP service, the CLI, batch jobs) can catch one class and report it.
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error cleaner raises on purpose."""

    code = "cleaner_error"


class InvalidOptions(CleanerError, ValueError):
    """An option has an unknown name, a wrong type or a value out of range.

    ``option`` names the offending option so adapters can point at it.
    """

    code = "invalid_options"

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class InvalidInput(CleanerError, TypeError):
    """The input is neither ``str`` nor ``bytes``."""

    code = "invalid_input"


class UndecodableInput(CleanerError, ValueError):
    """Bytes cannot be decoded as asked (for example a declared charset that is not a text
    encoding, such as ``rot13`` or ``base64``)."""

    code = "undecodable_input"


class InputTooLarge(CleanerError, ValueError):
    """The input is larger than a configured limit."""

    code = "input_too_large"
