"""The command line of main.py: with no arguments (or a FILE, or --sample) the wizard; the subcommands
of ../shared/spec/report-file.md work without a display for batch work. Heavy modules (Qt, openpyxl,
reportlab) are imported only by the path that needs them, so each path starts quickly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable

COMMANDS = ("check", "export", "new", "aggregate", "import", "audit")


class _Parser(argparse.ArgumentParser):
    """argparse with its fixed phrases in Chinese and usage errors exiting with status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数有误：{message}\n")


def _translate_argparse() -> None:
    import gettext

    table = {
        "usage: ": "用法：",
        "positional arguments": "参数",
        "options": "选项",
        "show this help message and exit": "显示本帮助并退出",
        "the following arguments are required: %s": "缺少参数：%s",
        "unrecognized arguments: %s": "无法识别的参数：%s",
        "invalid choice: %(value)r (choose from %(choices)s)": "无效的命令 %(value)r（可用：%(choices)s）",
        "expected one argument": "需要一个值",
    }
    argparse._ = lambda s: table.get(s, gettext.gettext(s))  # type: ignore[attr-defined]


_ANY_KIND = ("报告文件（.json）、本程序导出的或手工制作的 Excel 工作簿（.xlsx），或已发布的报告"
             "（.html、.txt、.md、.docx、有文字的 .pdf）")


def build_parser() -> argparse.ArgumentParser:
    from model.report.next_year import carry_over_sentence
    from model.template import CURRENT

    _translate_argparse()
    parser = _Parser(
        prog="main.py",
        description=f"政务公开年报助手：按《{CURRENT.format_title}》（{CURRENT.format_doc}）"
                    "编制、校验和导出政府信息公开工作年度报告。不带参数运行时打开填报向导。",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    check = sub.add_parser("check", help="校验报告文件，列出发现的问题",
                           description="对报告文件运行全部校验规则并列出发现的问题。"
                                       "退出状态：0 无错误；1 至少有一项错误；2 文件无法读取。")
    check.add_argument("file", metavar="FILE", help=_ANY_KIND)
    check.add_argument("--json", action="store_true", help="以 JSON 列表输出校验结果")
    check.add_argument("--prior", metavar="LASTYEAR_FILE", help="上一年度的报告文件，用于跨年度核对")
    export = sub.add_parser("export", help="导出 Excel 统计表、PDF 报告和/或 Word 文档",
                            description="把报告导出为 Excel 工作簿、可打印的 PDF 和/或可编辑的 Word 文档。"
                                        "报告存在错误时导出为标有“草稿”的版本。"
                                        "退出状态：0 已写出；2 无法读取或无法写出。")
    export.add_argument("file", metavar="FILE", help=_ANY_KIND)
    export.add_argument("--xlsx", metavar="OUT.xlsx", help="写出 Excel 工作簿到此路径")
    export.add_argument("--pdf", metavar="OUT.pdf", help="写出 PDF 到此路径")
    export.add_argument("--docx", metavar="OUT.docx", help="写出可编辑的 Word 文档（.docx）到此路径")
    export.add_argument("--blank", action="store_true", help="PDF 只输出空白统计表（导出空表，供打印后手工填写）")
    new = sub.add_parser("new", help="以上年度报告为基础新建本年度报告",
                         description="以上年度报告为基础新建下一年度的报告：复制基本信息，年度加 1，"
                                     f"{carry_over_sentence(CURRENT)}，其余均为未填写。"
                                     "退出状态：0 已写出；2 无法读取或无法写出。")
    new.add_argument("--from", dest="prior", metavar="LASTYEAR_FILE", required=True,
                     help="上一年度的报告（" + _ANY_KIND + "）")
    new.add_argument("out", metavar="OUT.json", help="新报告文件的保存路径")
    new.add_argument("--texts", action="store_true",
                     help="以上年度报告的文字部分为起点（未改动的部分会被“内容雷同”检查标出，请逐段更新）")
    new.add_argument("--force", action="store_true", help="OUT.json 已存在时覆盖它（默认不覆盖）")
    imp = sub.add_parser("import", help="读入已发布的年度报告（复制的文字、保存的网页、Word 文档或 PDF）",
                         description="把已发布的年度报告读成报告文件：从网页或 Word/WPS 复制的文字（.txt、.md）、"
                                     "保存的网页（.html）、Word 文档（.docx）或有文字的 PDF。统计表按行列标题逐格读取，"
                                     "印出的合计数原样保留以供核对，并列出未能放入报告的内容。"
                                     "退出状态：0 已写出；2 无法读取或无法写出。")
    imp.add_argument("published", metavar="PUBLISHED", help="已发布的报告（.txt、.md、.html、.docx 或 .pdf）")
    imp.add_argument("--out", metavar="REPORT.json", required=True, help="报告文件的保存路径")
    agg = sub.add_parser("aggregate", help="汇总多个单位的报告",
                         description="把多个单位的报告（报告文件 .json、本程序导出的工作簿、按官方格式手工制作的工作簿、"
                                     "已发布的报告）相加，得到本级人民政府的汇总报告；逐个校验，重复、年度不符和无法读取的"
                                     "文件不计入并说明原因。退出状态：0 已写出；2 无法写出或没有可汇总的报告。")
    agg.add_argument("files", metavar="FILE", nargs="+", help="各单位的报告文件，或存放它们的文件夹")
    agg.add_argument("--out", metavar="SUM.json", required=True, help="汇总报告文件的保存路径")
    agg.add_argument("--xlsx", metavar="OUT.xlsx", help="同时写出汇总工作簿（统计表、各单位情况、对比）")
    agg.add_argument("--pdf", metavar="OUT.pdf", help="同时写出汇总统计表的 PDF")
    agg.add_argument("--expected", metavar="UNITS.txt", help="应报单位名单（文本文件，每行一个单位名称）")
    agg.add_argument("--agency", metavar="名称", help="汇总机关（本级人民政府）的名称")
    agg.add_argument("--year", metavar="年度", type=int, help="汇总年度（默认为多数报告的年度）")
    agg.add_argument("--exclude-errors", action="store_true",
                     help="不计入统计表有错误的单位（列为未计入并说明原因）")
    _audit_parser(sub)
    return parser


def _audit_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="年报质量检查：逐一检查各单位已发布的年度报告",
                           description="读取各单位已发布的年度报告（文件或文件夹，含子文件夹；各种可读取的格式），"
                                       "逐一校验（有上年度报告的同时做跨年度核对），按问题多少排序写出检查结果。"
                                       "退出状态：0 已写出，没有报告有错误；1 已写出，至少一份报告有错误；2 无法写出。")
    audit.add_argument("inputs", metavar="INPUT", nargs="+", help="已发布的报告，或存放它们的文件夹")
    audit.add_argument("--out", metavar="RESULT.xlsx", required=True, help="检查结果工作簿的保存路径")
    audit.add_argument("--pdf", metavar="RESULT.pdf", help="同时写出通报式的检查情况 PDF")
    audit.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    audit.add_argument("--prior-dir", metavar="DIR", help="存放上一年度报告的文件夹，用于跨年度核对")
    audit.add_argument("--expected", metavar="UNITS.txt", help="应报单位名单（文本文件，每行一个单位名称）")


def _stdout_safe() -> None:
    """Never crash on a console that cannot show a character (e.g. GBK on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def cmd_check(args: argparse.Namespace) -> int:
    from model.checks.rules import Severity
    from model.checks.verdict import judge
    from model.reading.documents import read_document
    from model.report.storage import ReportFileError

    try:
        document = read_document(args.file)
        prior = read_document(args.prior).report if args.prior else None
    except ReportFileError as exc:
        print(f"无法读取报告：{exc}", file=sys.stderr)
        return 2
    report = document.report
    verdict, findings = judge(report, prior)
    findings = findings + document.findings()  # what the reader could not place: info or warning
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
        return 1 if verdict.draft else 0

    print(report.title)
    print(f"文件：{args.file}")
    counts = "，".join(f"{s.label} {sum(f.severity is s for f in findings)} 项" for s in Severity
                      if s is not Severity.TODO)
    print(f"校验结果：{counts}。")
    for f in findings:
        print()
        print(f"【{f.severity.label}】{f.rule} {f.message}")
        if f.cells and len(f.cells) <= 8:
            print("    涉及单元格：" + "，".join(f"{c}（{report.template.cells[c].name}）" for c in f.cells))
        elif f.cells:
            print(f"    涉及单元格：{', '.join(f.cells[:8])} 等 {len(f.cells)} 个")
        if f.location.quote:
            print(f"    原文：{f.location.quote}")
        if f.explanation:
            print(f"    说明：{f.explanation}")
    print()
    print(f"结论：{verdict.conclusion}")
    return 1 if verdict.draft else 0


def cmd_export(args: argparse.Namespace) -> int:
    import gc

    # A batch command that ends once its files are written: the cyclic collector would spend some 8% of
    # its time (mostly while the libraries are imported) on objects that all go when the process exits.
    gc.disable()
    try:
        from export.errors import ExportError
        from model.checks.verdict import judge
        from model.reading.documents import open_report
        from model.report.storage import ReportFileError

        if not args.xlsx and not args.pdf and not args.docx:
            print("请用 --xlsx、--pdf 和/或 --docx 指定要写出的文件。", file=sys.stderr)
            return 2
        try:
            report, notices = open_report(args.file)
        except ReportFileError as exc:
            print(f"无法读取报告：{exc}", file=sys.stderr)
            return 2
        for notice in notices:
            print(f"注意：{notice}", file=sys.stderr)

        def write_the_pdf(draft: bool) -> str:
            from export.pdf import missing_chars_message, write_pdf

            result = write_pdf(report, args.pdf, draft=draft, blank=args.blank)
            return missing_chars_message(result.missing_chars) if result.missing_chars else ""

        def pdf_in_child(receive: Callable[[], bool]) -> str:
            import export.pdf  # noqa: F401  (imported while the parent checks the report)

            return write_the_pdf(receive())

        from export import side_by_side

        # the PDF in a child process while this one checks the report and writes the workbook (each imports
        # only its own library); the child waits for the 草稿 verdict, decided here once
        pdf_job = side_by_side.start(pdf_in_child, inbox=True) if args.pdf and (args.xlsx or args.docx) else None
        verdict, findings = judge(report)  # the reading notices go to stderr above, not into the workbook
        draft = verdict.draft and not args.blank
        if pdf_job is not None:
            pdf_job.send(draft)
        if draft:
            print(f"报告有 {verdict.errors} 项错误，导出的文件标为“草稿”，不能作为正式报告报送。"
                  f"运行 python main.py check {args.file} 查看错误。", file=sys.stderr)
        failure: ExportError | None = None
        try:
            if args.xlsx:
                from export.xlsx import write_workbook

                write_workbook(report, args.xlsx, findings=findings, draft=draft)
                print(f"已写出 Excel 工作簿：{args.xlsx}")
        except ExportError as exc:
            failure = exc
        try:
            if pdf_job is not None or args.pdf and failure is None:  # a PDF already under way is waited for
                missing = pdf_job.result() if pdf_job is not None else write_the_pdf(draft)
                print(f"已写出 PDF：{args.pdf}")
                if missing:
                    print(f"注意：{missing}", file=sys.stderr)
            if args.docx and failure is None:
                from export.docx import write_docx

                write_docx(report, args.docx, draft=verdict.draft)  # the whole report: --blank is for the PDF
                print(f"已写出 Word 文档：{args.docx}")
        except ExportError as exc:
            failure = failure or exc
        if failure is not None:
            print(f"无法导出：{failure}", file=sys.stderr)
            return 2
        return 0

    finally:
        gc.enable()


def cmd_new(args: argparse.Namespace) -> int:
    from pathlib import Path

    from model.reading.documents import open_report
    from model.report.next_year import NextYearError, next_year_report, texts_note
    from model.report.storage import ReportFileError, save

    if Path(args.out).exists() and not args.force:
        print(f"无法新建：“{args.out}”已存在，未覆盖。要覆盖它，请加 --force。", file=sys.stderr)
        return 2
    try:
        prior, notices = open_report(args.prior)
        for notice in notices:
            print(f"注意：{notice}", file=sys.stderr)
        report = next_year_report(prior, texts=args.texts)
        save(report, args.out, backup=True)
    except (ReportFileError, NextYearError) as exc:
        print(f"无法新建：{exc}", file=sys.stderr)
        return 2
    print(f"已新建 {report.year} 年度报告：{args.out}（上年结转已按 {prior.year} 年度报告填写）")
    if args.texts:
        print(f"注意：{texts_note()}")
    return 0


def _expected_arg(path: str | None) -> tuple[bool, list[str] | None]:
    """--expected read for aggregate and audit: (False, None) after telling why it cannot be read."""
    from model.many_reports.inputs import read_expected
    from model.report.storage import ReportFileError

    try:
        return True, (read_expected(path) if path else None)
    except ReportFileError as exc:
        print(f"无法读取应报单位名单：{exc}", file=sys.stderr)
        return False, None


def _progress_line(verb: str) -> tuple[Callable[[int, int, str], None], Callable[[], None]]:
    """A progress line on a terminal's stderr (nothing when piped), and the call that ends it."""
    show = sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if show:
            print(f"\r{verb} {done}/{total}：{name[:40]:<40}", end="", file=sys.stderr, flush=True)

    def finish() -> None:
        if show:
            print(file=sys.stderr)

    return progress, finish


def _write_failed(exc: Exception) -> int:
    """An ExportError (imported lazily with the writers) told on stderr, exit code 2; any other error
    is not ours to hide and goes on."""
    from export.errors import ExportError

    if not isinstance(exc, ExportError):
        raise exc
    print(f"无法写出：{exc}", file=sys.stderr)
    return 2


def cmd_aggregate(args: argparse.Namespace) -> int:
    from model.many_reports.aggregate import aggregate
    from model.report.storage import ReportFileError, save

    ok, expected = _expected_arg(args.expected)
    if not ok:
        return 2
    progress, finish = _progress_line("正在读取")
    result = aggregate(args.files, agency=args.agency or "", year=args.year, expected=expected,
                       exclude_errors=args.exclude_errors, progress=lambda i, n, path: progress(i, n, path.name))
    finish()
    counted, refused = result.counted, result.refused
    print(f"共 {len(result.members)} 个文件，计入 {len(counted)} 个单位，未计入 {len(refused)} 个。")
    for m in refused:
        print(f"未计入：{m.path.name}：{m.problem}")
    for m in counted:
        if m.errors:
            print(f"注意：{m.agency}（{m.path.name}）的报告有 {m.errors} 项错误，已计入，请督促其更正。")
    for f in result.table_findings():
        if f.rule != "A1":  # A1 comes with the other findings of the sum below
            print(f"【{f.severity.label}】汇总表：{f.message}")
    for f in result.findings():
        print(f"【{f.severity.label}】{f.message}")
    if not counted:
        print("没有可以汇总的报告，未写出文件。", file=sys.stderr)
        return 2
    if not args.agency:
        print("提示：未指定汇总机关名称（--agency），请在程序中打开汇总结果后填写。", file=sys.stderr)
    try:
        save(result.report, args.out, backup=True)
        year = result.report.year
        print(f"已写出汇总报告：{args.out}（{f'{year} 年度' if year else '年度不详'}）")
        if args.xlsx:
            from export.aggregate_xlsx import write_aggregation_workbook

            write_aggregation_workbook(result, args.xlsx, draft=result.draft)  # 草稿 as its PDF
            print(f"已写出汇总工作簿：{args.xlsx}")
        if args.pdf:
            from export.pdf import write_pdf

            write_pdf(result.report, args.pdf, draft=result.draft, tables_only=True, note=result.excluded_note())
            print(f"已写出汇总统计表 PDF：{args.pdf}")
    except ReportFileError as exc:
        print(f"无法写出：{exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - ExportError, imported lazily with the writers
        return _write_failed(exc)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from model.reading.documents import read_document
    from model.reading.notices import LABEL_RULE, WARNING
    from model.report.storage import ReportFileError, save

    try:
        document = read_document(args.published)  # any readable kind, through the one registry
        save(document.report, args.out, backup=True)
    except ReportFileError as exc:
        print(f"无法导入：{exc}", file=sys.stderr)
        return 2
    report = document.report
    print(f"已导入：{report.meta.get('title') or report.title}")
    print(f"已写出报告文件：{args.out}（统计表已读入 {len(report.values)} 个单元格）")
    unplaced = [n for n in document.notices if n.rule != LABEL_RULE and n.severity == WARNING]
    if unplaced:
        print(f"未能放入报告的内容（{len(unplaced)} 项）：")
        for notice in unplaced:
            print(f"  {notice.message}")
    for notice in document.notices:
        if notice.rule == LABEL_RULE:
            print(f"标签与格式不符：{notice.rule} {notice.message}")
    for notice in document.notices:
        if notice.rule != LABEL_RULE and notice.severity != WARNING:
            print(f"注意：{notice.message}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from model.many_reports.audit import run_audit

    ok, expected = _expected_arg(args.expected)
    if not ok:
        return 2
    progress, finish = _progress_line("正在检查")
    result = run_audit(args.inputs, prior_dir=args.prior_dir, expected=expected, progress=progress)
    finish()
    try:
        from export.audit_xlsx import write_audit_workbook

        write_audit_workbook(result, args.out)
        if args.pdf:
            from export.audit_pdf import write_audit_pdf

            write_audit_pdf(result, args.pdf)
    except Exception as exc:  # noqa: BLE001 - ExportError, imported lazily with the writers
        return _write_failed(exc)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        from model.many_reports.audit import summary_lines

        for line in summary_lines(result):
            print(line)
        print(f"已写出检查结果：{args.out}" + (f"，{args.pdf}" if args.pdf else ""))
    return 1 if result.has_errors else 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _stdout_safe()
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        args = build_parser().parse_args(argv)
        command = {"check": cmd_check, "export": cmd_export, "new": cmd_new,
                   "aggregate": cmd_aggregate, "import": cmd_import, "audit": cmd_audit}[args.command]
        try:
            return command(args)
        except BrokenPipeError:  # `main.py aggregate … | head`: the reader left; the work itself is done
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
            return 0
    import gc

    # Start-up makes some 50 000 objects that the cyclic collector tracks (Qt's enums, the format's
    # dataclasses), of which a collection at the first page frees about 1 000: until then the collector
    # would only walk them again and again. ui.app.run turns it back on once the first page is shown.
    gc.disable()
    from ui.app import run  # the wizard; Qt is imported only on this path

    return run(argv)

