"""Fixtures of the file tests."""

from __future__ import annotations

import pytest

import govdisclosure as gd


@pytest.fixture
def sample() -> gd.AnnualReport:
    """The bundled 2023 report."""
    return gd.examples.load("qijiang-psb-2023")
