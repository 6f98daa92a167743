"""Tests of the exception hierarchy."""

from __future__ import annotations

import pytest

import govdisclosure as gd
from govdisclosure import errors as _errors


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (gd.InvalidReportError, ValueError),
        (gd.ReportDataError, ValueError),
        (gd.UnsupportedFormatError, ValueError),
        (gd.UnknownPathError, LookupError),
        (_errors.UnknownExampleError, LookupError),
    ],
)
def test_every_error_derives_from_the_root_and_a_builtin(cls: type, builtin: type) -> None:
    """Each error is a GovDisclosureError and the fitting builtin."""
    assert issubclass(cls, gd.GovDisclosureError)
    assert issubclass(cls, builtin)


def test_default_messages() -> None:
    """Errors raised without a message still say something useful."""
    assert str(gd.GovDisclosureError()) == "govdisclosure could not complete the operation"
    assert gd.ReportDataError().message == "the report data is malformed"
    assert gd.ReportDataError().problems == ()
