// Excel's dates: a date is a number (days since the workbook's epoch) shown through a date number
// format. The reader (xlsx_reader.cpp) keeps each cell style's number format from xl/styles.xml
// and turns a number in a date format into ISO text, so a date-formatted 出生日期 reads as
// "1977-04-12" and not as its serial number 28227. Internal to lib/io (the .xls reader gets dates
// from libfreexl as text already).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tongxin::io::xlsx {

// Whether a number format shows a date or a time. Built-in formats by id (ECMA-376 §18.8.30:
// 14–22 and 45–47, plus the East Asian built-ins 27–36 and 50–58 that Chinese Excel and WPS
// use, e.g. 31 = yyyy"年"m"月"d"日"); a custom format by its code: a y, m, d, h or s outside
// quoted text, [brackets] and backslash escapes ("yyyy/m/d", "yyyy\"年\"m\"月\"", "[$-F800]dddd").
bool is_date_format_id(long id);
bool is_date_format_code(std::string_view code);

// The cell styles of a workbook: for each xf of <cellXfs> (a cell's s attribute), whether its
// number format is a date or time.
struct DateStyles {
  std::vector<bool> date_xf;
  bool date1904 = false;  // <workbookPr date1904="1">: serials count from 1904-01-01

  bool is_date(long xf) const {
    return xf >= 0 && static_cast<size_t>(xf) < date_xf.size() && date_xf[static_cast<size_t>(xf)];
  }
};

class Package;

// The cell styles of `styles_part` ("" when the workbook has none: every cell is General).
// Throws as Package::parse does.
DateStyles read_date_styles(const Package& package, const std::string& styles_part, bool date1904);

// The ISO text of serial `value` (as stored: "28227", "45966.5") in the 1900 system (where
// Excel counts the nonexistent 1900-02-29 as day 60, kept so the text names a date that fails
// validation) or the 1904 one: "1977-04-12", with " HH:MM:SS" when it has a time of day, or
// "HH:MM:SS" alone for a time below one day. Empty when `value` is not a number, negative or
// past 9999-12-31 (the caller then keeps the stored text).
std::string serial_to_text(std::string_view value, bool date1904);

}  // namespace tongxin::io::xlsx
