/* xlsx_floor OUT.xlsx < rows.tsv — the floor of an XLSX export with libxlsxwriter: writes the
 * tab-separated lines of stdin (the first one in bold) as one sheet in constant_memory mode, every
 * non-empty field as a string, nothing else (no checks, no formula guard, no column widths).
 * bench_export.sh runs it on the same rows as `roster list --format xlsx` to show what part of
 * that export's time is libxlsxwriter's own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: xlsx_floor OUT.xlsx < rows.tsv\n");
    return 2;
  }
  lxw_workbook_options options = {0};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(argv[1], &options);
  if (book == NULL) {
    return 1;
  }
  lxw_worksheet* sheet = workbook_add_worksheet(book, NULL);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  char* line = NULL;
  size_t capacity = 0;
  ssize_t length = 0;
  lxw_row_t row = 0;
  while ((length = getline(&line, &capacity, stdin)) > 0) {
    if (line[length - 1] == '\n') {
      line[--length] = '\0';
    }
    if (length > 0 && line[length - 1] == '\r') {
      line[--length] = '\0';
    }
    lxw_col_t col = 0;
    for (char* field = line; field != NULL; ++col) {
      char* tab = strchr(field, '\t');
      if (tab != NULL) {
        *tab = '\0';
      }
      if (*field != '\0' &&
          worksheet_write_string(sheet, row, col, field, row == 0 ? bold : NULL) != LXW_NO_ERROR) {
        return 1;
      }
      field = tab != NULL ? tab + 1 : NULL;
    }
    ++row;
  }
  free(line);
  worksheet_freeze_panes(sheet, 1, 0);
  return workbook_close(book) == LXW_NO_ERROR ? 0 : 1;
}
