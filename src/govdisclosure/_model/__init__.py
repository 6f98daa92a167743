"""The typed report model: one module per report section, the meta data, the report.

What lives here: frozen attrs classes for each section (``overview``, ``proactive``,
``applications``, ``review_litigation``, ``problems``, ``other_matters``), ``meta``,
``report`` (:class:`~govdisclosure.AnnualReport` with cell paths and totals), the official
table grids (``tables``) and the report's own display in terminals and notebooks
(``display``).

May import: :mod:`govdisclosure._format`, :mod:`govdisclosure.errors`.
"""
