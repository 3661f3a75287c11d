#!/usr/bin/python3
"""Writes the workbooks of the import_header_detection case with openpyxl (python3-openpyxl), as
offices keep their 台账 (issue #11 item 2): a first sheet of instructions, then the register under
a merged title row; and an activity log whose header sits under a title and a blank row.
"""
import datetime
import sys

import openpyxl

TITLE = "西津社区统一战线工作对象台账（2024年）"


def roster(path):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes.append(["填表说明"])
    notes.append(["1. 姓名、社区、统战类别必填；出生日期按 2024-01-31 填写。"])
    notes.append(["2. 本表由社区统战工作站每季度更新一次。"])
    ws = wb.create_sheet("台账")
    ws.append([TITLE])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "姓名", "身份证号", "社区", "统战类别", "出生日期"])
    ws.append([1, "张三", "110105197712310029", "chengguan-dongjie", "民主党派成员",
               datetime.date(1977, 12, 31)])
    ws.append([2, "李四", "440524197704120011", "chengguan-nanjie", "归侨侨眷",
               datetime.date(1977, 4, 12)])
    wb.save(path)


def activities(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "活动记录"
    ws.append(["2024年统战活动登记表"])
    ws.append([])
    ws.append(["日期", "社区", "类型", "标题"])
    ws.append([datetime.date(2024, 3, 5), "chengguan-dongjie", "会议", "季度联席会"])
    wb.save(path)


roster(sys.argv[1] + "/roster.xlsx")
activities(sys.argv[1] + "/activities.xlsx")
