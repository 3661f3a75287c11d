// The Markdown the summary templates write, read back as blocks for HTML and Word: headings,
// paragraphs, bullet and numbered lists, pipe tables and **bold**. Anything else is text.
#include <cctype>

#include "report/render.h"
#include "text/strings.h"

namespace tongxin::report {

namespace {

bool is_ascii_word_char(unsigned char c) { return c < 0x80 && std::isalnum(c) != 0; }

// Lines of one paragraph are joined with a space between Latin words and with nothing between
// Chinese characters, as a reader of Chinese text expects.
void join_line(std::string& into, std::string_view line) {
  if (!into.empty() && !line.empty() && is_ascii_word_char(into.back()) &&
      is_ascii_word_char(line.front())) {
    into += ' ';
  } else if (!into.empty() && !line.empty() && (into.back() == ',' || into.back() == '.')) {
    into += ' ';
  }
  into += line;
}

int heading_level(std::string_view line) {
  size_t level = 0;
  while (level < line.size() && line[level] == '#') {
    ++level;
  }
  return level >= 1 && level <= 6 && level < line.size() && line[level] == ' '
             ? static_cast<int>(level)
             : 0;
}

// The item text of a list line ("- x", "* x", "1. x", "2) x"), or nullopt.
std::optional<std::string_view> list_item(std::string_view line, bool& numbered) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    numbered = false;
    return line.substr(2);
  }
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])) != 0) {
    ++digits;
  }
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      line[digits + 1] == ' ') {
    numbered = true;
    return line.substr(digits + 2);
  }
  return std::nullopt;
}

std::vector<std::string> table_cells(std::string_view line) {
  line = text::trim_view(line);
  if (line.starts_with('|')) {
    line.remove_prefix(1);
  }
  if (line.ends_with('|') && !line.ends_with("\\|")) {
    line.remove_suffix(1);
  }
  std::vector<std::string> cells(1);
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cells.back() += '|';
      ++i;
    } else if (line[i] == '|') {
      cells.emplace_back();
    } else {
      cells.back() += line[i];
    }
  }
  for (std::string& cell : cells) {
    cell = text::trim(cell);
  }
  return cells;
}

bool is_separator_row(std::string_view line) {
  const std::vector<std::string> cells = table_cells(line);
  for (const std::string& cell : cells) {
    if (cell.empty() || cell.find_first_not_of(":-") != std::string::npos) {
      return false;
    }
  }
  return true;
}

Block table_block(const std::vector<std::string_view>& lines) {
  Block block;
  block.kind = Block::Kind::table;
  for (const std::string& label : table_cells(lines[0])) {
    block.table.columns.push_back({label, label});
  }
  const std::vector<std::string> aligns = table_cells(lines[1]);
  for (size_t i = 0; i < aligns.size() && i < block.table.columns.size(); ++i) {
    block.table.columns[i].right_align = aligns[i].ends_with(':');
  }
  for (size_t i = 2; i < lines.size(); ++i) {
    std::vector<std::string> cells = table_cells(lines[i]);
    cells.resize(block.table.columns.size());
    block.table.rows.push_back(std::move(cells));
  }
  return block;
}

class BlockReader {
 public:
  std::vector<Block> read(std::string_view markdown) {
    std::vector<std::string_view> lines;
    for (size_t start = 0; start <= markdown.size();) {
      const size_t end = std::min(markdown.find('\n', start), markdown.size());
      std::string_view line = markdown.substr(start, end - start);
      if (line.ends_with('\r')) {
        line.remove_suffix(1);
      }
      lines.push_back(line);
      start = end + 1;
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      i = take(lines, i);
    }
    flush();
    return std::move(m_blocks);
  }

 private:
  // Reads the block element at lines[i]; returns the index of its last line.
  size_t take(const std::vector<std::string_view>& lines, size_t i) {
    const std::string_view raw = lines[i];
    const std::string_view line = text::trim_view(raw);
    bool numbered = false;
    if (line.empty()) {
      flush();
    } else if (const int level = heading_level(line); level > 0) {
      flush();
      m_blocks.push_back(heading_block(level, text::trim(line.substr(level))));
    } else if (line.starts_with('|') && i + 1 < lines.size() && is_separator_row(lines[i + 1])) {
      flush();
      size_t last = i + 1;
      while (last + 1 < lines.size() && text::trim_view(lines[last + 1]).starts_with('|')) {
        ++last;
      }
      m_blocks.push_back(table_block(
          {lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(last) + 1}));
      return last;
    } else if (const auto item = list_item(line, numbered); item && raw.front() != ' ') {
      const Block::Kind kind = numbered ? Block::Kind::numbered : Block::Kind::bullets;
      if (m_current.kind != kind || m_current.items.empty()) {
        flush();
        m_current.kind = kind;
      }
      m_current.items.push_back(text::trim(*item));
    } else {
      if (m_current.items.empty()) {
        m_current.kind = Block::Kind::paragraph;
        m_current.items.emplace_back();
      }
      join_line(m_current.items.back(), line);  // a paragraph line, or a list item's next line
    }
    return i;
  }

  void flush() {
    if (!m_current.items.empty()) {
      m_blocks.push_back(std::move(m_current));
    }
    m_current = Block();
  }

  std::vector<Block> m_blocks;
  Block m_current;
};

}  // namespace

Block heading_block(int level, std::string text) {
  Block block;
  block.kind = Block::Kind::heading;
  block.level = level;
  block.items.push_back(std::move(text));
  return block;
}

std::vector<Block> parse_markdown(std::string_view markdown) {
  return BlockReader().read(markdown);
}

std::vector<Span> parse_spans(std::string_view text) {
  std::vector<Span> spans;
  bool bold = false;
  size_t start = 0;
  for (size_t at = text.find("**"); at != std::string_view::npos; at = text.find("**", start)) {
    // An opening ** needs a closing one after it; otherwise it is text.
    if (!bold && text.find("**", at + 2) == std::string_view::npos) {
      break;
    }
    if (at > start) {
      spans.push_back({std::string(text.substr(start, at - start)), bold});
    }
    bold = !bold;
    start = at + 2;
  }
  if (start < text.size()) {
    spans.push_back({std::string(text.substr(start)), bold});
  }
  return spans;
}

}  // namespace tongxin::report
