"""xlsx internals: the archive checks, the sheet reader, formulas, the streaming writer.

Knows nothing of reports. May import: :mod:`govdisclosure.errors` only.
"""
