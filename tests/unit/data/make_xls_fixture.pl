#!/usr/bin/perl
# Writes roster.xls, the old-Excel fixture of test_xls.cpp and of the e2e case roster_import_xls
# (issue #11 item 3). Run with Debian's perl (libspreadsheet-writeexcel-perl), from this folder:
#     perl make_xls_fixture.pl [OUT_FOLDER]
#
# Spreadsheet::WriteExcel writes Excel 97–2003 (BIFF8), the format WPS also saves as .xls. The
# workbook is laid out as offices keep their 台账: a first sheet of instructions (填表说明), then the
# register (台账) under a title row, with ID numbers kept as text, birth dates as date cells in a
# Chinese date format (yyyy"年"m"月"d"日") and phones as numbers; a sheet whose ID number Excel
# turned into a number (身份证为数字); and an activity log (活动) with a date-time cell. The output
# is the same on every run (WriteExcel writes no timestamps).
use strict;
use warnings;
use utf8;
use Spreadsheet::WriteExcel;

my $dir = shift // '.';
my $book = Spreadsheet::WriteExcel->new("$dir/roster.xls") or die "cannot write roster.xls: $!";
my $date = $book->add_format(num_format => 'yyyy"年"m"月"d"日"');
my $date_time = $book->add_format(num_format => 'yyyy-mm-dd hh:mm');

my $notes = $book->add_worksheet('填表说明');
$notes->write_string(0, 0, '填表说明');
$notes->write_string(1, 0, '1. 姓名、社区、统战类别必填；出生日期按日期格式填写。');

my @header = ('序号', '姓名', '身份证号', '社区', '统战类别', '出生日期', '手机');
sub register {
  my ($sheet, $id_as_number, @rows) = @_;
  $sheet->write_string(0, 0, '西津社区统一战线工作对象台账（2024年）');
  $sheet->write_string(1, $_, $header[$_]) for 0 .. $#header;
  for my $i (0 .. $#rows) {
    my @r = @{$rows[$i]};
    $sheet->write_number($i + 2, 0, $r[0]);
    $sheet->write_string($i + 2, 1, $r[1]);
    $id_as_number ? $sheet->write_number($i + 2, 2, $r[2]) : $sheet->write_string($i + 2, 2, $r[2]);
    $sheet->write_string($i + 2, $_, $r[$_]) for 3 .. 4;
    $sheet->write_number($i + 2, 5, $r[5], $date);  # Excel's serial day number
    $sheet->write_number($i + 2, 6, $r[6]);
  }
}
register($book->add_worksheet('台账'), 0,
  [1, '王五', '110105197712310029', 'chengguan-dongjie', '民主党派成员', 28490, 13800138000],
  [2, '赵六', '440524197704120011', 'chengguan-nanjie', '归侨侨眷', 28227, 13900139000]);
register($book->add_worksheet('身份证为数字'), 1,
  [1, '孙七', '440524197704120011', 'chengguan-nanjie', '归侨侨眷', 28227, 13900139000]);

my $log = $book->add_worksheet('活动');
my @log_header = ('日期', '社区', '类型', '标题', '参会人员');
$log->write_string(0, $_, $log_header[$_]) for 0 .. $#log_header;
$log->write_number(1, 0, 45356.375, $date_time);  # 2024-03-05 09:00
$log->write_string(1, $_, ('', 'chengguan-dongjie', '会议', '季度联席会')[$_]) for 1 .. 3;
$log->write_number(1, 4, 12);
$book->close() or die "cannot write roster.xls: $!";
