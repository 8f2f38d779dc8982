"""The report's preamble, generated from the basic information (editable by the user afterwards).

The wording follows what published reports use (see the sample): who compiled it under which rules,
the six parts, the statistical period, where the electronic version is, and whom to ask. The format's
title, document number and parts come from the report's template.
"""

from __future__ import annotations

from typing import Any

from model.template.template import Template


def _part_names(template: Template) -> str:
    # "一、总体情况" → "总体情况"; the sample lists the six parts by name in one sentence.
    names = [s.heading.split("、", 1)[1] for s in template.sections]
    return "、".join(names).replace("行政复议、行政诉讼", "行政复议和行政诉讼")


def generate_preamble(meta: dict[str, Any], template: Template) -> str:
    """The preamble of a report with basic information `meta` in the format `template`."""
    agency = str(meta.get("agency") or "本机关")
    year = meta.get("year")
    year_text = str(year) if isinstance(year, int) else "____"
    paragraphs = [
        f"本报告由{agency}按照《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
        f"《{template.format_title}》（{template.format_doc}）要求编制。",
        f"本报告内容包括{_part_names(template)}等六部分内容。",
    ]
    period = f"本报告所列数据的统计期限自{year_text}年1月1日起至{year_text}年12月31日止。"
    website = str(meta.get("website") or "").strip()
    if website:
        period += f"本报告电子版可在{website}查阅或下载。"
    contact = []
    if meta.get("address"):
        contact.append(f"地址：{meta['address']}")
    if meta.get("phone"):
        contact.append(f"联系电话：{meta['phone']}")
    if contact:
        period += f"如对本报告有疑问，请与{agency}联系（{'，'.join(contact)}）。"
    paragraphs.append(period)
    return "\n".join(paragraphs)
