"""Prints what a spreadsheet program sees of a workbook tongxin wrote, read by openpyxl
(python3-openpyxl), a reader independent of tongxin's: each sheet's name, frozen pane, column
widths, the first rows with each cell's type (s text, n number) and boldness, and its size."""
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
rows_shown = int(sys.argv[2]) if len(sys.argv) > 2 else 3
for sheet in book.worksheets:
    widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width
              for c in range(1, sheet.max_column + 1)]
    print(f"sheet {sheet.title!r}: {sheet.max_row} rows x {sheet.max_column} columns, "
          f"frozen at {sheet.freeze_panes}, widths {widths}")
    for row in sheet.iter_rows(min_row=1, max_row=rows_shown):
        cells = [f"{c.value}:{c.data_type}{'/bold' if c.font.b else ''}"
                 for c in row if c.value is not None]
        print("  " + " | ".join(cells))
