"""Checks: one engine over the declared sums and the rule catalogue.

What lives here, lowest first: ``locations`` (how a message names a cell or a fact of the
report, in Chinese and English), ``result`` (Severity, Violation, NotAssessed, the Verdict,
ValidationResult and its text, JSON and HTML forms, and MarkedReport, the report with its
findings marked in its tables), ``context`` (the report under check, read once and shared
by the checks), ``rule`` (the Rule class), ``checks`` (one module per family of rules:
sums, cells, report, cross_year, text_figures), ``catalogue`` (every rule's words and
check, :func:`rules`) and ``engine`` (:func:`validate`). Each imports only those before it.

May import: :mod:`govdisclosure._format`, :mod:`govdisclosure._model`,
:mod:`govdisclosure.zh`, :mod:`govdisclosure.errors`.
"""
