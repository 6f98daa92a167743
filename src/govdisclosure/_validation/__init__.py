"""Checks: one engine over the declared sums and the rule catalogue.

What lives here, lowest first: ``result`` (Severity, Violation, NotAssessed, the Verdict,
ValidationResult and their text, JSON and HTML forms), ``context`` (the report under check,
read once and shared by the checks), ``locations`` (how a message names a cell, in Chinese
and English), ``rule`` (the Rule class), ``checks`` (one module per family of rules: sums,
cells, report, cross_year, text_figures), ``catalogue`` (every rule's words and check,
:func:`rules`) and ``engine`` (:func:`validate`). Each imports only those before it.

May import: :mod:`govdisclosure._format`, :mod:`govdisclosure._model`,
:mod:`govdisclosure.zh`, :mod:`govdisclosure.errors`.
"""
