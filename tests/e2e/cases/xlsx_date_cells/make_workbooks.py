#!/usr/bin/python3
"""Writes the workbooks of the xlsx_date_cells case with openpyxl (python3-openpyxl): date cells
as offices have them (issue #11 item 1).

roster.xlsx: 出生日期 as Excel date cells in the default format (numFmtId 14) and in a custom
Chinese format, 登记日期 as a date-time; roster1904.xlsx the same in the 1904 date system (old Mac
Excel); activities.xlsx: 日期 as date cells and date-times.
"""
import datetime
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HEADER = ["姓名", "身份证号", "社区", "统战类别", "出生日期", "登记日期"]
ROWS = [
    ["张三", "110105197712310029", "chengguan-dongjie", "民主党派成员",
     datetime.date(1977, 12, 31), datetime.datetime(2011, 11, 5, 14, 30)],
    ["李四", "440524197704120011", "chengguan-nanjie", "归侨侨眷",
     datetime.date(1977, 4, 12), datetime.date(2011, 11, 6)],
]


def roster(path, epoch=None):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    ws["E2"].number_format = "mm-dd-yy"  # built-in format 14, as Excel writes dates
    ws["E3"].number_format = 'yyyy"年"m"月"d"日"'
    ws["F2"].number_format = "yyyy/m/d h:mm"
    wb.save(path)


def activities(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "社区", "类型", "标题"])
    ws.append([datetime.date(2011, 11, 5), "chengguan-dongjie", "会议", "动员会"])
    ws.append([datetime.datetime(2011, 11, 8, 9, 0), "chengguan-dongjie", "会议", "座谈会"])
    ws["A3"].number_format = "yyyy-mm-dd hh:mm"
    wb.save(path)


roster(sys.argv[1] + "/roster.xlsx")
roster(sys.argv[1] + "/roster1904.xlsx", CALENDAR_MAC_1904)
activities(sys.argv[1] + "/activities.xlsx")
