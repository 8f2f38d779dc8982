"""The main window: pages, navigation, findings panel, text pages, files, fonts and translation."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QListView, QMessageBox, QPlainTextEdit, QWidget
from support import SAMPLE

from model.report.storage import load
from model.template import CURRENT as T


def rules(window):
    model = window.findChild(QListView, "findings").model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def test_every_page_renders(make_window):
    window = make_window(SAMPLE)
    window.show()
    titles = [window.wizard.page(i).title() for i in window.wizard.pageIds()]
    assert titles == ["基本信息", *[s.heading for s in T.sections], "校验与导出"]
    for page_id in window.wizard.pageIds():
        window.wizard.go_to(page_id)
        assert window.wizard.currentId() == page_id
        QApplication.processEvents()
        image = window.grab().toImage()
        assert not image.isNull() and image.width() > 800


def test_section_list_goes_anywhere(make_window):
    window = make_window(SAMPLE)
    ids = window.wizard.pageIds()
    for row in (5, 2, 7, 0, 3):
        window.sections.setCurrentRow(row)
        assert window.wizard.currentId() == ids[row]
    # the wizard's own buttons still work after jumping
    window.wizard.go_to(ids[3])
    window.wizard.next()
    assert window.wizard.currentId() == ids[4]
    assert window.sections.currentRow() == 4


def test_last_page_offers_save_not_next(make_window):
    window = make_window(SAMPLE)
    window.wizard.go_to(window.wizard.pageIds()[-1])
    assert window.wizard.currentPage().isFinalPage()


def test_qt_dialogs_are_in_chinese(make_window):
    make_window()
    assert QCoreApplication.translate("QWizard", "&Next") != "&Next"
    assert "下一步" in QCoreApplication.translate("QWizard", "&Next")


def test_chinese_font_is_registered_when_the_system_has_none(make_window, monkeypatch):
    from ui import fonts

    app = QApplication.instance()
    original = app.font()
    monkeypatch.setattr(fonts, "system_has_chinese_font", lambda: False)
    try:
        family = fonts.ensure_chinese_font(app)
        assert family == "WenQuanYi Micro Hei"
        assert QFontMetrics(app.font()).inFontUcs4(ord("政"))
    finally:
        app.setFont(original)


def test_findings_double_click_goes_to_the_cell(make_window):
    window = make_window(SAMPLE)
    window.wizard.go_to(window.wizard.pageIds()[0])
    t3 = window.wizard.table_pages["t3"]
    t3.model.setData(t3.model.index_of("t3.carried_out.legal"), "1", Qt.ItemDataRole.EditRole)
    assert "T3-1" in rules(window)
    view = window.findChild(QListView, "findings")
    row = rules(window).index("T3-1")
    view.doubleClicked.emit(view.model().index(row, 0))
    assert window.wizard.currentPage() is t3
    assert t3.view.currentIndex().data(Qt.ItemDataRole.UserRole) == "t3.new.legal"


def test_empty_section_finding_goes_to_its_page(make_window, qtbot):
    window = make_window(SAMPLE)
    window.wizard.section_pages["s5"].editor.setPlainText("")
    qtbot.waitUntil(lambda: window.doc.texts_checked)  # texts are checked once typing pauses
    assert "G1" in rules(window)
    finding = next(f for f in window.findings.model.findings if f.rule == "G1")
    window.go_to_finding(finding)
    assert window.wizard.currentPage() is window.wizard.section_pages["s5"]


def test_confirm_finding_takes_an_explanation(make_window, tmp_path):
    window = make_window(SAMPLE)
    prior = load(SAMPLE)
    prior.values["t3.carried_out.natural"] = 1  # last year said one application was carried over
    prior_path = tmp_path / "上年 报告.json"
    from model.report.storage import save

    save(prior, prior_path)
    assert window.last_year.load_prior(prior_path)
    assert "T3-5" in rules(window)
    panel = window.findings
    row = rules(window).index("T3-5")
    panel.view.setCurrentIndex(panel.model.index(row))
    assert panel.explain.isEnabled()
    panel.explain.setPlainText("上年结转的 1 件申请人已于年初撤回，故本年未计入。")  # saved as typed, no button
    assert window.doc.report.explanations == {"T3-5@t3.carried_in.natural": "上年结转的 1 件申请人已于年初撤回，故本年未计入。"}
    finding = next(f for f in window.doc.findings if f.rule == "T3-5")
    assert finding.explanation.startswith("上年结转")
    assert "已说明" in panel.model.index(rules(window).index("T3-5")).data()
    assert window.doc.modified
    # an error finding takes no explanation
    t3 = window.wizard.table_pages["t3"]
    t3.model.setData(t3.model.index_of("t3.new.other"), "3", Qt.ItemDataRole.EditRole)
    panel.view.setCurrentIndex(panel.model.index(rules(window).index("T3-1")))
    assert not panel.explain.isEnabled()
    # back on the confirm finding, the explanation is still there (issue 8: never lost)
    panel.view.setCurrentIndex(panel.model.index(rules(window).index("T3-5")))
    assert panel.explain.toPlainText().startswith("上年结转的 1 件")


def test_text_pages_guidance_checklist_and_g1(make_window):
    window = make_window()
    page = window.wizard.section_pages["s1"]
    assert page.findChild(QPlainTextEdit, "text-s1") is page.editor
    assert "G1" in rules(window)
    checks = page.checklist
    shown = [i for i in range(checks.count()) if not checks.item(i).isHidden()]
    assert len(shown) == 5  # a department: the five areas; a government also sees 考核、评议、追究
    assert [checks.item(i).checkState() for i in shown] == [Qt.CheckState.Unchecked] * 5
    page.editor.setPlainText("（一）主动公开\n本年主动公开政府信息 120 条。\n（五）监督保障\n开展培训 2 次。")
    states = [checks.item(i).checkState() == Qt.CheckState.Checked for i in shown]
    assert states == [True, False, False, False, True]
    window.doc.set_meta("agency_kind", "government")
    shown = [i for i in range(checks.count()) if not checks.item(i).isHidden()]
    assert [checks.item(i).text() for i in shown][5:] == ["监督保障：工作考核", "监督保障：社会评议", "监督保障：责任追究"]
    page.editor.setPlainText(page.editor.toPlainText() + "\n落实社会评议和责任追究制度。")
    assert [checks.item(i).checkState() == Qt.CheckState.Checked for i in shown][5:] == [False, True, True]
    assert window.doc.report.sections["s1"].startswith("（一）主动公开")
    finding_texts = [f.message for f in window.doc.findings if f.rule == "G1"]
    assert all("总体情况" not in m for m in finding_texts)


def test_s6_headings_can_be_inserted(make_window):
    window = make_window()
    page = window.wizard.section_pages["s6"]
    page.editor.setPlainText("（一）政府信息公开申请收费情况\n本机关未收取信息处理费。")
    page._insert_s6_items()
    text = window.doc.report.sections["s6"]
    for heading in T.s6_items:
        assert text.count(heading) == 1
    assert text.startswith("（一）政府信息公开申请收费情况\n本机关未收取信息处理费。")


def test_preamble_follows_the_basic_information_until_edited(make_window):
    window = make_window()
    info = window.wizard.info_page
    info.widgets["agency"].setText("某某县人民政府办公室")
    assert "本报告由某某县人民政府办公室按照" in window.doc.report.sections["preamble"]
    info.widgets["year"].setValue(2023)
    assert "自2023年1月1日起至2023年12月31日止" in info.preamble.toPlainText()
    info.preamble.setPlainText("自行撰写的前言。")
    info.widgets["phone"].setText("0537-1234567")
    assert window.doc.report.sections["preamble"] == "自行撰写的前言。"
    window.doc.regenerate_preamble()
    assert "0537-1234567" in window.doc.report.sections["preamble"]


def test_basic_information_is_stored(make_window):
    window = make_window()
    info = window.wizard.info_page
    info.widgets["agency"].setText("  金乡县行政审批服务局 ")
    kind = info.widgets["agency_kind"]
    kind.setCurrentIndex(kind.findData("government"))
    info.widgets["published_on"].setText("2023年1月20日")
    meta = window.doc.report.meta
    assert meta["agency"] == "金乡县行政审批服务局"
    assert meta["agency_kind"] == "government"
    assert meta["published_on"] == "2023-01-20"
    info.widgets["published_on"].setText("2023-02-30")
    assert "年-月-日" in info.date_message.text()
    assert meta["published_on"] == "2023-01-20"
    assert window.wizard.info_page.isComplete()
    info.widgets["agency"].setText("")
    assert not window.wizard.info_page.isComplete()  # 机关名称 is mandatory


def test_review_page_says_whether_ready(make_window):
    window = make_window(SAMPLE)
    review = window.wizard.review_page
    assert "可以报送" in review.status.text()
    t3 = window.wizard.table_pages["t3"]
    t3.model.setData(t3.model.index_of("t3.new.natural"), "3", Qt.ItemDataRole.EditRole)
    assert "尚不能报送" in review.status.text()
    # the review list is the same clickable list, as at hand-in
    listing = review.details.view.model()
    rows = [listing.index(r) for r in range(listing.rowCount())]
    # the 勾稽关系 error, and the text's "收到 2 条申请" now differs from the table (G6)
    assert sorted(i.data(Qt.ItemDataRole.UserRole) for i in rows) == ["G6", "T3-1"]
    rows = [i for i in rows if i.data(Qt.ItemDataRole.UserRole) == "T3-1"]
    assert "T3-1" not in rows[0].data()  # no rule code in the text
    review.details.view.doubleClicked.emit(rows[0])
    assert window.wizard.currentPage() is t3


def test_title_shows_file_and_modified_mark(make_window, tmp_path):
    window = make_window(SAMPLE)
    assert window.windowTitle().startswith("jinxiang-xzsp-2022.json[*]")
    assert not window.isWindowModified()
    t2 = window.wizard.table_pages["t2"]
    t2.model.setData(t2.model.index_of("t2.penalty.decisions"), "7", Qt.ItemDataRole.EditRole)
    assert window.isWindowModified()
    target = tmp_path / "新 目录" / "年报 2022.json"
    target.parent.mkdir()
    assert window.save_to(target)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("年报 2022.json[*]")
    assert load(target).values["t2.penalty.decisions"] == 7
    from ui import appdata

    assert appdata.recent_files()[0] == str(target.resolve())
    assert [a.text() for a in window.recent_menu.actions()][0] == str(target.resolve())


def test_a_bad_file_leaves_the_work_alone(make_window, tmp_path):
    window = make_window(SAMPLE)
    t2 = window.wizard.table_pages["t2"]
    t2.model.setData(t2.model.index_of("t2.penalty.decisions"), "7", Qt.ItemDataRole.EditRole)
    bad = tmp_path / "坏 文件.json"
    bad.write_text('{"format": "gov-info-disclosure-annual-report", "version": 1, "values": {"t3.new.natural": -1', "utf-8")
    assert window.load_file(bad) is False
    assert "无法打开" in window.status_label.text() and "截断" in window.status_label.text()
    assert window.doc.report.values["t2.penalty.decisions"] == 7
    assert window.doc.path == SAMPLE


def test_build_window_with_a_bad_path_shows_a_new_report(make_window, tmp_path):
    bad = tmp_path / "other.json"
    bad.write_text(json.dumps({"format": "something-else"}), "utf-8")
    window = make_window(bad)
    assert window.doc.path is None
    assert "不是政府信息公开工作年度报告文件" in window.status_label.text()


def test_failed_save_keeps_the_work(make_window, tmp_path):
    window = make_window(SAMPLE)
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    assert window.save_to(blocker / "report.json") is False
    assert "保存失败" in window.status_label.text()
    assert window.doc.path == SAMPLE


@pytest.mark.parametrize(("answer", "closes", "saved"), [
    (QMessageBox.StandardButton.Cancel, False, False),
    (QMessageBox.StandardButton.Discard, True, False),
    (QMessageBox.StandardButton.Save, True, True),
])
def test_closing_with_unsaved_changes_asks(make_window, monkeypatch, tmp_path, answer, closes, saved):
    path = tmp_path / "年报.json"
    path.write_bytes(SAMPLE.read_bytes())
    window = make_window(path)
    window.show()
    t2 = window.wizard.table_pages["t2"]
    t2.model.setData(t2.model.index_of("t2.penalty.decisions"), "9", Qt.ItemDataRole.EditRole)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or answer)
    assert window.close() is closes
    assert asked == ["保存修改"]
    assert (load(path).values["t2.penalty.decisions"] == 9) is saved


def test_findings_jump_by_their_location(make_window):
    """Issue 7: a finding carries where it points (a meta field, a text section and span); the window
    goes there instead of searching the message for a heading."""
    from model.checks.location import Location, text_location
    from model.checks.rules import Finding, Severity

    window = make_window(SAMPLE)
    window.show()
    text = window.doc.report.text("s1")
    start = text.index("2022")
    finding = Finding("G3", Severity.ERROR, (), "年度不一致", location=text_location("s1", text, start, start + 4))
    window.go_to_finding(finding)
    page = window.wizard.section_pages["s1"]
    assert window.wizard.currentPage() is page
    assert page.editor.textCursor().selectedText() == "2022"
    window.go_to_finding(Finding("G1", Severity.ERROR, (), "尚未填写机关名称。",
                                 location=Location(field="agency")))
    assert window.wizard.currentPage() is window.wizard.info_page
    QApplication.processEvents()
    assert QApplication.focusWidget() is window.wizard.info_page.findChild(QWidget, "meta-agency")


def test_text_figure_finding_is_highlighted_and_jumps_to_its_sentence(make_window, qtbot):
    """Issue 9: G6 quotes the sentence; the text page highlights it and the finding selects it."""
    window = make_window(SAMPLE)
    page = window.wizard.section_pages["s1"]
    text = page.editor.toPlainText().replace("我局收到 2 条政府信息公开申请", "我局收到 3 条政府信息公开申请")
    page.editor.setPlainText(text)
    qtbot.waitUntil(lambda: window.doc.texts_checked)  # texts are checked once typing pauses
    (finding,) = [f for f in window.doc.findings if f.rule == "G6"]
    assert finding.location.section == "s1" and "收到 3 条" in finding.location.quote
    marks = page.editor.extraSelections()
    assert len(marks) == 1 and "3" in marks[0].cursor.selectedText()
    panel = window.findings
    row = [f.rule for f in panel.model.findings].index("G6")
    assert panel.model.index(row).data(Qt.ItemDataRole.UserRole + 1) == "confirm"
    assert "G6" not in panel.model.index(row).data()
    panel.view.doubleClicked.emit(panel.model.index(row))
    assert window.wizard.currentPage() is page
    start, end = finding.location.span
    assert page.editor.textCursor().selectedText() == text[start:end]


def test_open_asks_once_about_unsaved_changes(make_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    window.doc.set_meta("agency", "某局")
    asked = []

    def question(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SAMPLE), ""))
    window.files.open_dialog()
    assert asked == ["保存修改"]
    assert window.doc.path == SAMPLE


def test_a_published_page_opened_is_never_the_save_target(make_window, tmp_path):
    """Opening a saved page reads it; saving must not write JSON over the page."""
    page = tmp_path / "年报 网页.html"
    page.write_text(
        "<html><body><h1>某县财政局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本局依法公开。</p>"
        "</body></html>", "utf-8")
    window = make_window(SAMPLE)
    assert window.load_file(page)
    assert window.doc.path is None and window.doc.modified
    assert "某县财政局" in window.doc.report.meta.get("agency", "")
