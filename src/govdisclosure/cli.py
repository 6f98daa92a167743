"""The command line: ``govdisclosure`` (also ``python -m govdisclosure``).

Exit status: 0 on success, 2 for bad usage or input that cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from govdisclosure._errors import GovDisclosureError
from govdisclosure._report import AnnualReport
from govdisclosure._version import __version__

__all__ = ["main"]

EXIT_OK = 0
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="政府信息公开工作年度报告工具: read, check and convert annual reports.",
    )
    parser.add_argument("--version", action="version", version=f"govdisclosure {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    show = commands.add_parser(
        "show",
        help="print a report's agency, year, format and tables",
        description="Print a report's agency, year, format and its three tables.",
    )
    source = show.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="a report file (.json)")
    source.add_argument("--example", metavar="NAME", help="a bundled sample report")
    return parser


def _load(file: str | None, example: str | None) -> AnnualReport:
    if example is not None:
        from govdisclosure import examples

        return examples.load(example)
    from govdisclosure._io import load

    assert file is not None  # argparse requires one of the two
    return load(file)


def _show(report: AnnualReport) -> str:
    from govdisclosure._display import render_tables

    meta = report.meta
    lines = [
        meta.display_title,
        f"单位 agency:   {meta.agency}",
        f"年度 year:     {meta.year}",
        f"格式 format:   {meta.format_version.value}（{meta.format_version.document_number}）",
    ]
    if meta.agency_level is not None:
        lines.append(f"层级 level:    {meta.agency_level.value}")
    if meta.published_on is not None:
        lines.append(f"发布 published: {meta.published_on.isoformat()}")
    return "\n".join([*lines, "", render_tables(report)])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        report = _load(args.file, args.example)
    except GovDisclosureError as exc:
        print(f"govdisclosure: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(_show(report))
    return EXIT_OK
