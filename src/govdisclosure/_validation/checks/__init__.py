"""The checks of the rule catalogue, one module per family of rules.

Each check is a function ``check(rule, ctx)`` that reads the report through the shared
:class:`~govdisclosure._validation.context.Context` and yields the rule's findings.
"""
