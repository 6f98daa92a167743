"""xlsx internals: the archive checks, the sheet reader, formulas, the streaming writer.

``archive`` checks an untrusted file and parses XML safely, ``reader`` reads its sheets and
cells, ``formula`` evaluates the simple formulas saved without a value, ``stream`` writes
plain data workbooks fast.

Knows nothing of reports. May import: :mod:`govdisclosure.errors`, the standard library and
:mod:`defusedxml`.
"""
