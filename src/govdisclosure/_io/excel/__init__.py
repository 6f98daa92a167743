"""The Excel layer: the report workbook, the summary workbook and the fill-in template.

May import: :mod:`govdisclosure._io.xlsx` and the layers below :mod:`govdisclosure._io`.
"""
