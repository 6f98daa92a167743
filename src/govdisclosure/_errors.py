"""The exception hierarchy of govdisclosure.

Every error the library raises on bad input derives from :class:`GovDisclosureError`.
Where the cause is a bad value the subclass also derives from :class:`ValueError`, so
callers that already catch ``ValueError`` keep working (python-stdnum's habit).
"""

from __future__ import annotations

__all__ = [
    "GovDisclosureError",
    "InvalidReportError",
    "ReportDataError",
    "UnknownExampleError",
    "UnknownPathError",
    "UnsupportedFormatError",
]


class GovDisclosureError(Exception):
    """The root of every error raised by govdisclosure."""

    default_message = "govdisclosure could not complete the operation"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        """The human-readable message, the same as ``str(error)``."""
        return str(self.args[0])


class InvalidReportError(GovDisclosureError, ValueError):
    """A report object was built from values that do not fit the format."""

    default_message = "the report does not fit the national format"


class ReportDataError(GovDisclosureError, ValueError):
    """Serialized report data (JSON, a dict) is malformed.

    Attributes:
        problems: the problems found, each as ``"$.json.path: what is wrong"`` (the first
            200; the message gives the full count).
    """

    default_message = "the report data is malformed"

    def __init__(self, message: str | None = None, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class UnknownPathError(GovDisclosureError, LookupError):
    """A cell path that the format does not define.

    Attributes:
        path: the path asked for.
        suggestion: the nearest valid path, or ``None``.
    """

    default_message = "unknown cell path"

    def __init__(self, path: str, suggestion: str | None = None, detail: str = "") -> None:
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        super().__init__(f"unknown cell path {path!r}{detail}{hint}")
        self.path = path
        self.suggestion = suggestion


class UnsupportedFormatError(GovDisclosureError, ValueError):
    """A file suffix or document kind that the library cannot read or write."""

    default_message = "unsupported file format"


class UnknownExampleError(GovDisclosureError, LookupError):
    """A bundled sample report that does not exist."""

    default_message = "no such example"
