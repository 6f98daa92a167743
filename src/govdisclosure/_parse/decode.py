"""Bytes to text, in the encodings Chinese government sites really use.

Order of trust: a byte-order mark; then UTF-8, strictly (valid multi-byte UTF-8 is
practically never meaningful GBK); then the charset an HTML page declares in its first
bytes (``<meta charset>`` or ``http-equiv``); then GB18030 (a superset of GBK and GB2312).
A page whose declared charset does not fit its bytes is decoded by the first that fits,
with a note saying so.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# GB2312 and GBK pages routinely hold characters only GB18030 defines; read them all as it.
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
_SNIFF_BYTES = 4096


def _declared(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str | None]:
    r"""Decode a document's bytes.

    Args:
        data: the bytes as read from a file or the network.

    Returns:
        The text (without a byte-order mark), and a note when the bytes did not decode
        cleanly in the declared or any expected encoding (``None`` when all was well).

    >>> decode("年度报告".encode("gbk"))
    ('年度报告', None)
    >>> decode(b'\xef\xbb\xbf<meta charset="gbk">ok')
    ('<meta charset="gbk">ok', None)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace"), None
    declared = _declared(data)
    # Valid UTF-8 with non-ASCII bytes is all but never meaningful GBK: it wins over a
    # declaration (sites re-encode pages and keep the old meta tag).
    for encoding in dict.fromkeys(("utf-8", declared or "utf-8", "gb18030")):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        note = None
        if declared is not None and encoding != declared and not data.isascii():
            note = f"the page declares charset {declared} but is encoded in {encoding}"
        return text, note
    return (
        data.decode("utf-8", "replace"),
        "the bytes are neither UTF-8 nor GB18030; undecodable bytes were replaced by U+FFFD",
    )
