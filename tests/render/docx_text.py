#!/usr/bin/python3
"""Prints what Word would show of a .docx, read with python-docx (Debian python3-docx).

Usage: docx_text.py FILE.docx

One line per paragraph, "[style] text" (list items with their list's number), and each
table as "| cell | cell |" rows, in document order. Golden end-to-end cases compare this text,
so a .docx that python-docx cannot open, or that lost a heading or a figure, fails.
"""

import sys

import docx
import docx.table
import docx.text.paragraph
from docx.oxml.ns import qn


def paragraph_line(paragraph):
    style = paragraph.style.name if paragraph.style is not None else "?"
    number = paragraph._p.find(".//" + qn("w:numId"))
    list_id = f" list {number.get(qn('w:val'))}" if number is not None else ""
    text = "".join(("**" + run.text + "**") if run.bold else run.text for run in paragraph.runs)
    return f"[{style}{list_id}] {text}"


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    document = docx.Document(sys.argv[1])
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = docx.text.paragraph.Paragraph(child, document)
            if paragraph.text or paragraph.runs:
                print(paragraph_line(paragraph))
        elif child.tag == qn("w:tbl"):
            table = docx.table.Table(child, document)
            for row in table.rows:
                print("| " + " | ".join(cell.text for cell in row.cells) + " |")
    print(f"title: {document.core_properties.title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
