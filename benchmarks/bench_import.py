"""Speed of importing a published report (issues 10, 17): the sample text, a 300 KB saved page, a .docx,
the sample's PDF (our export) through the registry.

Run: .venv/bin/python benchmarks/bench_import.py
Targets: the sample under 0.3 s; a 300 KB saved web page under 1 s (medians).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _timing import ROOT, measure

sys.path.insert(0, str(ROOT / "tests" / "model"))

from import_corpus.corpus import PUBLISHED, build_docx, html_page  # noqa: E402

from model.reading import import_published, import_text  # noqa: E402

SAMPLE_TXT = ROOT / "tests" / "model" / "import_corpus" / "jinxiang-xzsp-2022.txt"
PAGE_BYTES = 300 * 1024


def portal_page(size: int) -> str:
    """The corpus page of the largest report, padded to `size` bytes the way portals are: scripts,
    styles, menus of links and a long list of other reports around the article."""
    page = html_page(PUBLISHED["renwu-2023"])
    menu = "".join(f'<li class="m{i}"><a href="/col/col{i}/index.html" target="_blank" title="栏目{i}">栏目{i}</a>'
                   f'<ul>{"".join(f"<li><a href=/art/{i}/{j}.html>政务信息 {i}-{j}</a></li>" for j in range(8))}</ul></li>'
                   for i in range(40))
    script = "<script>" + "var cfg = {a: 1, b: '一、总体情况'};\n" * 400 + "</script>"
    style = "<style>" + ".c{margin:0;padding:0;font-size:14px}\n" * 300 + "</style>"
    head, body = page.split("<body>", 1)
    padded = f"{head}{style}{script}<body><ul class='menu'>{menu}</ul>{body}"
    links = "".join(f'<li><a href="/nb/{i}.html">某某局{2000 + i % 24}年政府信息公开工作年度报告</a><span>2023-01-{i % 28 + 1:02d}</span></li>'
                    for i in range(2000))
    while len(padded.encode("utf-8")) < size:
        padded = padded.replace("</body>", f"<div class='more'><ul>{links}</ul></div></body>", 1)
    return padded[: padded.rindex("</html>") + 7]


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    page = folder / "保存的网页.html"
    page.write_bytes(portal_page(PAGE_BYTES).encode("utf-8"))
    docx = build_docx(PUBLISHED["renwu-2023"], folder / "报告.docx")
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    print(f"sample {SAMPLE_TXT.stat().st_size // 1024} KB, page {page.stat().st_size // 1024} KB, "
          f"docx {docx.stat().st_size // 1024} KB")
    assert import_published(page).report.values == PUBLISHED["renwu-2023"].report.values
    measure("import sample .txt (target < 300 ms)", lambda: import_published(SAMPLE_TXT), 200)
    measure("import_text sample (paste box)", lambda: import_text(text), 200)
    measure(f"import {page.stat().st_size // 1024} KB saved web page (target < 1000 ms)",
            lambda: import_published(page), 30, warmup=3)
    measure("import .docx (renwu-2023)", lambda: import_published(docx), 30, warmup=3)
    from export.pdf import write_pdf
    from model.reading.documents import read_document
    from model.report.storage import load

    pdf = folder / "样本.pdf"
    write_pdf(load(ROOT / "resources" / "samples" / "jinxiang-xzsp-2022.json"), pdf, draft=False)
    measure(f"read_document of the sample's PDF ({pdf.stat().st_size // 1024} KB, 8 pages)",
            lambda: read_document(pdf), 10, warmup=1)


if __name__ == "__main__":
    main()
