#!/usr/bin/python3
"""Writes roster_two_sheets.xlsx, the "workbook from another producer" fixture of test_xlsx.cpp.

Run with Debian's python3 (python3-openpyxl), from this folder:
    /usr/bin/python3 make_xlsx_fixture.py [OUT]

openpyxl (3.0.9) writes the workbook: two sheets named 名册 and 其他, a number-typed 18-digit ID
as Excel leaves it after a user typed it, a date, a boolean, a styled-but-empty row 3, an unused
column C, absolute relationship targets, and strings as inline strings. A patch step then makes it
look like what Excel and WPS write, which openpyxl cannot: sheet 名册's strings move to
xl/sharedStrings.xml (sheet 其他 keeps inline strings), and placeholder cells of row 5 become a
rich-text shared string with a phonetic guide, an inline string of two runs, a formula with a
cached string result, an error value, and a shared string with Excel's _x000D_ escape.
Timestamps are fixed, so the output is the same on every run.
"""
import datetime
import io
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Font

FIXED = datetime.datetime(2026, 1, 1, 0, 0, 0)


def build():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名册"
    ws.append(["姓名", "身份证号", None, "电话", "出生日期", "人数", "备注"])
    # Excel keeps 15 significant digits of a typed 18-digit number: 440524188001010014 is stored
    # as 4.4052418800101E+17.
    ws.append(["王小明", 440524188001010000.0, None, "13800138000",
               datetime.datetime(1980, 1, 1), 3, "  前后空格 "])
    ws["A3"].font = Font(bold=True)  # a styled cell with no value: row 3 is empty
    ws.append(["李四", "44052419800101001X", None, 13912345678, None, 2.5, True])
    for ref in ("A5", "B5", "D5", "F5", "G5"):
        ws[ref] = 0  # placeholders, replaced by patch()
    other = wb.create_sheet("其他")
    other.append(["其他表", 1])
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


SST_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
INLINE_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t( xml:space="preserve")?>(.*?)</t></is></c>')
EXTRA_ITEMS = [
    # rich text runs, one with xml:space, and a phonetic guide that is not part of the text
    '<si><r><rPr><b/></rPr><t>赵</t></r><r><t xml:space="preserve">六 </t></r>'
    '<rPh sb="0" eb="1"><t>ZHAO</t></rPh><phoneticPr fontId="1"/></si>',
    # Excel's escape for a carriage return
    '<si><t>甲_x000D_乙</t></si>',
]


def to_shared_strings(sheet):
    """Moves the sheet's inline strings to a shared-string table, as Excel and WPS store them."""
    items = []

    def share(match):
        items.append(f'<si><t{match.group(2) or ""}>{match.group(3)}</t></si>')
        return f'<c r="{match.group(1)}" t="s"><v>{len(items) - 1}</v></c>'

    sheet = INLINE_CELL.sub(share, sheet)
    items += EXTRA_ITEMS
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           f'count="{len(items)}" uniqueCount="{len(items)}">' + "".join(items) + "</sst>")
    return sheet, sst, len(items) - len(EXTRA_ITEMS)


def patch_row5(sheet, first_extra):
    cells = {
        "A5": f'<c r="A5" t="s"><v>{first_extra}</v></c>',
        "B5": '<c r="B5" t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r></is></c>',
        "D5": '<c r="D5" t="str"><f>"公式"&amp;"结果"</f><v>公式结果</v></c>',
        "F5": '<c r="F5" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
        "G5": f'<c r="G5" t="s"><v>{first_extra + 1}</v></c>',
    }
    for ref, cell in cells.items():
        sheet, n = re.subn(rf'<c r="{ref}"[^>]*>.*?</c>', cell, sheet)
        assert n == 1, ref
    return sheet


def patch(data):
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: src.read(name).decode("utf-8") for name in src.namelist()}
    sheet, sst, first_extra = to_shared_strings(parts["xl/worksheets/sheet1.xml"])
    parts["xl/worksheets/sheet1.xml"] = patch_row5(sheet, first_extra)
    parts["xl/sharedStrings.xml"] = sst
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        f'<Relationship Type="{SST_TYPE}" Target="sharedStrings.xml" Id="rId9"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_CONTENT}"/></Types>')
    names = src.namelist()
    names.insert(names.index("xl/workbook.xml"), "xl/sharedStrings.xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, parts[name].encode("utf-8"))
    return out.getvalue()


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "roster_two_sheets.xlsx"
    data = patch(build())
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
