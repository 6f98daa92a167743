"""Chinese numbers, money and dates as government documents write them (中文数字、金额与日期).

Writers (``to_chinese_numeral``, ``rmb_upper``, ``format_date``, ...) follow GB/T 15835-2011,
GB/T 9704-2012, the People's Bank 《支付结算办法》 and the Ministry of Finance
《会计基础工作规范》; readers (``parse_chinese_numeral``, ``parse_amount``,
``parse_chinese_date``, ``parse_date``, ``parse_percent``) accept what published reports
contain and raise :class:`ChineseNumberError` naming the offending character and its position
for anything else. See ``docs/zh.md`` for the conventions and their sources.

>>> to_chinese_numeral(100001000)
'一亿零一千'
>>> parse_chinese_numeral("一亿零一千")
100001000
"""

from __future__ import annotations

from govdisclosure.errors import ChineseNumberError
from govdisclosure.zh.dates import (
    format_date,
    format_date_range,
    format_year,
    parse_chinese_date,
    parse_date,
    publication_deadline,
    report_period,
    statistics_period_sentence,
)
from govdisclosure.zh.formatting import (
    article_ref,
    format_count,
    format_doc_number,
    format_percent,
    format_wan,
    heading_marker,
    parse_percent,
)
from govdisclosure.zh.money import parse_amount, rmb_upper
from govdisclosure.zh.numerals import (
    parse_chinese_numeral,
    to_chinese_digits,
    to_chinese_numeral,
    to_ordinal,
)

__all__ = [
    "ChineseNumberError",
    "article_ref",
    "format_count",
    "format_date",
    "format_date_range",
    "format_doc_number",
    "format_percent",
    "format_wan",
    "format_year",
    "heading_marker",
    "parse_amount",
    "parse_chinese_date",
    "parse_chinese_numeral",
    "parse_date",
    "parse_percent",
    "publication_deadline",
    "report_period",
    "rmb_upper",
    "statistics_period_sentence",
    "to_chinese_digits",
    "to_chinese_numeral",
    "to_ordinal",
]
