#include "util/csv.hpp"

#include <algorithm>

#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

bool CsvRecord::blank() const {
  for (const auto& f : fields)
    if (!trim(f.value).empty()) return false;
  return true;
}

std::vector<CsvRecord> parse_csv(std::string_view text) {
  // Tab-separated when the first record has tabs and no commas outside quotes.
  bool tab = false, comma = false, in_quotes = false;
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n') break;
    tab = tab || c == '\t';
    comma = comma || c == ',';
  }
  char sep = tab && !comma ? '\t' : ',';

  std::vector<CsvRecord> records;
  CsvRecord rec;
  CsvField field;
  int line = 1;
  std::size_t line_start = 0;
  // The column of the last field start, so that each start counts only the bytes since it.
  std::size_t col_offset = 0;
  int col = 1;
  std::size_t i = 0;
  bool at_field_start = true;
  bool quoted = false;
  bool quote_closed = false;
  int quote_line = 0, quote_col = 0;

  auto end_field = [&] {
    rec.fields.push_back(std::move(field));
    field = CsvField{};
    at_field_start = true;
    quoted = quote_closed = false;
  };
  std::size_t width = 0;  // the widest record so far: the next gets room for as many fields
  auto end_record = [&] {
    end_field();
    // A blank line (or ",,,,") is not kept: its storage is used again for the next record, so
    // that millions of blank lines after a wide one cost nothing (they once cost 2 GB).
    if (rec.blank()) {
      rec.fields.clear();
      return;
    }
    width = std::max(width, rec.fields.size());
    records.push_back(std::move(rec));
    rec = CsvRecord{};
    // Room for a record as wide as the widest so far, within reason: one 20,000-column line
    // must not make every later record reserve 20,000 fields.
    rec.fields.reserve(std::min<std::size_t>(width, 256));
  };

  while (i < text.size()) {
    char c = text[i];
    if (at_field_start) {
      if (rec.fields.empty()) rec.line = line;
      if (col_offset < line_start) {
        col_offset = line_start;
        col = 1;
      }
      col += static_cast<int>(codepoint_count(text.substr(col_offset, i - col_offset)));
      col_offset = i;
      field.col = col;
      at_field_start = false;
      if (c == '"') {
        quoted = true;
        quote_line = line;
        quote_col = field.col;
        ++i;
        continue;
      }
    }
    if (quoted && !quote_closed) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.value += '"';
          i += 2;
        } else {
          quote_closed = true;
          ++i;
        }
        continue;
      }
      if (c == '\n') {
        ++line;
        line_start = i + 1;
        field.value += c;
        ++i;
        continue;
      }
      // The run up to the next quote or line break, in one piece.
      std::size_t end = text.find_first_of("\"\n", i);
      if (end == std::string_view::npos) end = text.size();
      field.value.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == sep) {
      end_field();
      ++i;
      if (i == text.size()) at_field_start = false;  // trailing separator: one more empty field
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      end_record();
      ++line;
      ++i;
      line_start = i;
      continue;
    }
    // Text after a closing quote, or a stray quote in an unquoted field, is kept as typed:
    // hand-made files do this and the value check downstream names the cell if it matters.
    std::size_t end = i + 1;
    while (end < text.size() && text[end] != sep && text[end] != '\r' && text[end] != '\n') ++end;
    field.value.append(text.substr(i, end - i));
    i = end;
  }
  if (quoted && !quote_closed)
    throw CsvError(quote_line, quote_col,
                   "引号未闭合：从这里开始的带引号字段一直到文件末尾都没有结束");
  if (!at_field_start || !rec.fields.empty()) end_record();
  return records;
}

namespace {
constexpr std::string_view kFormulaStarts = "=+-@\t\r";
}

std::string_view strip_formula_guard(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '\'' &&
      kFormulaStarts.find(cell[1]) != std::string_view::npos)
    cell.remove_prefix(1);
  return cell;
}

void append_csv_field(std::string& out, std::string_view value) {
  // A text cell that Excel or WPS would read as a formula gets a leading ' (OWASP's advice);
  // a number such as -5.5 stays a number.
  bool neutral = !value.empty() && kFormulaStarts.find(value.front()) != std::string_view::npos &&
                 !parse_decimal(value);
  // One pass (find_first_of would call memchr for every byte): this runs for every cell written.
  bool quote = std::any_of(value.begin(), value.end(),
                           [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
  if (quote) out += '"';
  if (neutral) out += '\'';
  if (!quote) {
    out += value;
    return;
  }
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string csv_field(std::string_view value) {
  std::string out;
  append_csv_field(out, value);
  return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  CsvLineWriter line(out);
  for (const auto& f : fields) line << f;
  line.end();
  return out;
}

}  // namespace minsheng
