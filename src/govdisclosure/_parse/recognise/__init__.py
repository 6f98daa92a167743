"""The recogniser: any layout in, one report out, with warnings and sources.

May import: :mod:`govdisclosure._parse.layout`, :mod:`govdisclosure._parse.result`,
:mod:`govdisclosure._model`, :mod:`govdisclosure._format`, :mod:`govdisclosure.zh`; never a
reader.
"""
