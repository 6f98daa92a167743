"""Files: load/dump by kind, JSON and its schema, the Excel layer and the xlsx internals.

What lives here: ``files`` (load, dump, atomic writes), ``json`` and ``schema``, ``excel``
(the report workbook, the summary workbook, the template) and ``xlsx`` (the safe archive and
sheet reader, the formula evaluator, the streaming writer).

May import: :mod:`govdisclosure._format`, :mod:`govdisclosure._model`,
:mod:`govdisclosure._validation` (the summary workbook lists findings),
:mod:`govdisclosure.zh`, :mod:`govdisclosure.errors`; ``files`` names the readers and writers
of :mod:`govdisclosure._parse` and :mod:`govdisclosure._render` through the file-kind table.
"""
