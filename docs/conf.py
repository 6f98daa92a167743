"""Sphinx configuration for the govdisclosure documentation."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import govdisclosure

project = "govdisclosure"
author = "The govdisclosure developers"
copyright = "2026, The govdisclosure developers"
version = release = govdisclosure.__version__
language = "zh_CN"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "gd_reference",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
# No intersphinx: CI builds offline, and a failed inventory fetch is a warning.

html_theme = "furo"
html_title = "govdisclosure"
html_static_path: list[str] = []
