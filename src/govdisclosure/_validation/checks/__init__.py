"""The checks of the rule catalogue, one module per family of rules.

Each check is a function ``check(rule, ctx)`` that reads the report through the shared
:class:`~govdisclosure._validation.context.Context` and yields the rule's findings.

May import: the validation modules below the catalogue (``locations``, ``result``,
``context``, ``rule``), :mod:`govdisclosure._format`, :mod:`govdisclosure._model`,
:mod:`govdisclosure.zh` and :mod:`govdisclosure.errors`.
"""
