"""Checks: one engine over the declared sums and the rule catalogue.

May import: :mod:`govdisclosure._format`, :mod:`govdisclosure._model`,
:mod:`govdisclosure.zh`, :mod:`govdisclosure.errors`.
"""
