"""Many reports: aggregate, compare, indicators, records and frames, the batch step.

May import every layer below it: :mod:`govdisclosure._format`, :mod:`govdisclosure._model`,
:mod:`govdisclosure._validation`, :mod:`govdisclosure._io`, :mod:`govdisclosure._parse`,
:mod:`govdisclosure._render`.
"""
