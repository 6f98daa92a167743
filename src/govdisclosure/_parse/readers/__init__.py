"""One reader per input kind: bytes or text in, a neutral layout out.

May import: :mod:`govdisclosure._parse.layout`, :mod:`govdisclosure._parse.result`,
:mod:`govdisclosure._format`, :mod:`govdisclosure.errors`; never the recogniser.
"""
