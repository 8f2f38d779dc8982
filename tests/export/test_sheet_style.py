"""The printable sheets of 年报质量检查 and 汇总 share one page set-up (export/sheet_style.py)."""

from openpyxl import Workbook

from export import aggregate_xlsx, audit_xlsx
from export.sheet_style import print_landscape


def test_print_landscape_sets_the_page() -> None:
    ws = Workbook().active
    print_landscape(ws, freeze="B2", header="标题")
    assert (ws.freeze_panes, ws.print_title_rows) == ("B2", "$1:$1")
    assert (ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == ("landscape", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddHeader.center.text == "标题"
    assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"
    plain = Workbook().active
    print_landscape(plain, freeze="A2")
    assert not plain.oddHeader.center.text


def test_both_workbooks_use_the_one_style() -> None:
    assert audit_xlsx.print_landscape is aggregate_xlsx.print_landscape is print_landscape
    assert audit_xlsx.BODY is aggregate_xlsx.BODY
