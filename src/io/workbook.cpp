#include "io/workbook.hpp"

#include <expat.h>
#include <freexl.h>
#include <minizip/unzip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

#include "io/workbook_cells.hpp"
#include "util/date.hpp"
#include "util/number.hpp"

namespace minsheng {

std::string cell_ref(int row, int col) {
  std::string letters;
  for (int c = col; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

namespace {

// Caps that keep a hostile workbook bounded: a zip bomb (one huge part, many parts, or one sheet
// listed many times) by what all its parts unpack to (the caps on cells: io/workbook_cells.hpp).
constexpr std::size_t kMaxUnpackedBytes = 100u << 20;

// ---- reading a zip from memory ----------------------------------------------------------

struct Memory {
  std::string_view bytes;
  std::size_t pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) {
  return opaque;
}
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<Memory*>(stream);
  std::size_t n = std::min<std::size_t>(size, m->bytes.size() - m->pos);
  std::memcpy(buf, m->bytes.data() + m->pos, n);
  m->pos += n;
  return static_cast<uLong>(n);
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) {
  return 0;
}
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) {
  return static_cast<Memory*>(stream)->pos;
}
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<Memory*>(stream);
  std::size_t base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                     : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
                                                        : m->bytes.size();
  if (base + offset > m->bytes.size()) return -1;
  m->pos = static_cast<std::size_t>(base + offset);
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) {
  return 0;
}
int ZCALLBACK mem_error(voidpf, voidpf) {
  return 0;
}

class Zip {
 public:
  explicit Zip(std::string_view bytes) : mem_{bytes} {
    zlib_filefunc64_def f{};
    f.zopen64_file = mem_open;
    f.zread_file = mem_read;
    f.zwrite_file = mem_write;
    f.ztell64_file = mem_tell;
    f.zseek64_file = mem_seek;
    f.zclose_file = mem_close;
    f.zerror_file = mem_error;
    f.opaque = &mem_;
    zip_ = unzOpen2_64("", &f);
    if (!zip_)
      throw WorkbookError(
          "不是有效的 .xlsx 工作簿（无法按 zip 打开）；请在 Excel 或 WPS 中重新另存为 .xlsx");
  }
  ~Zip() {
    if (zip_) unzClose(zip_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  // The part's bytes, or nothing when the workbook has no such part.
  std::optional<std::string> part(const std::string& name) {
    if (unzLocateFile(zip_, name.c_str(), 0) != UNZ_OK) return std::nullopt;
    if (unzOpenCurrentFile(zip_) != UNZ_OK) throw WorkbookError("无法读取工作簿中的 " + name);
    std::string out;
    char buf[65536];
    int n;
    while ((n = unzReadCurrentFile(zip_, buf, sizeof buf)) > 0) {
      out.append(buf, static_cast<std::size_t>(n));
      if (out.size() > unpacked_left_) {
        unzCloseCurrentFile(zip_);
        throw WorkbookError("工作簿解压后合计超过 " + std::to_string(kMaxUnpackedBytes >> 20) +
                            " MB，未读取");
      }
    }
    // A part read to its end is checked against its CRC: a changed byte in a stored part, or
    // one that still inflates, would otherwise be read as the unit's figure.
    int closed = unzCloseCurrentFile(zip_);
    if (n < 0 || closed == UNZ_CRCERROR)
      throw WorkbookError("工作簿中的 " + name + (n < 0 ? " 已损坏" : " 已损坏（校验和不符）") +
                          "；请让报送单位重新发送");
    unpacked_left_ -= out.size();
    return out;
  }

  // Unzips every part with its CRC checked and parses every XML part, streamed: nothing is kept
  // and no cap applies, as the workbook is one we wrote.
  void check_every_part() {
    int at = unzGoToFirstFile(zip_);
    if (at != UNZ_OK) throw WorkbookError("工作簿中没有任何部件");
    for (; at == UNZ_OK; at = unzGoToNextFile(zip_)) {
      char name[512];
      if (unzGetCurrentFileInfo64(zip_, nullptr, name, sizeof name, nullptr, 0, nullptr, 0) !=
              UNZ_OK ||
          unzOpenCurrentFile(zip_) != UNZ_OK)
        throw WorkbookError("无法读取工作簿的目录");
      std::string_view n(name);
      bool xml = n.ends_with(".xml") || n.ends_with(".rels");
      std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(
          xml ? XML_ParserCreate("UTF-8") : nullptr, XML_ParserFree);
      char buf[65536];
      int got;
      bool well_formed = true;
      while ((got = unzReadCurrentFile(zip_, buf, sizeof buf)) > 0)
        if (p && well_formed) well_formed = XML_Parse(p.get(), buf, got, 0) == XML_STATUS_OK;
      if (p && well_formed) well_formed = XML_Parse(p.get(), nullptr, 0, 1) == XML_STATUS_OK;
      int closed = unzCloseCurrentFile(zip_);
      if (got < 0 || closed == UNZ_CRCERROR)
        throw WorkbookError(std::string("工作簿中的 ") + name + " 已损坏");
      if (!well_formed) throw WorkbookError(std::string("工作簿中的 ") + name + " 不是完整的 XML");
    }
    if (at != UNZ_END_OF_LIST_OF_FILE) throw WorkbookError("无法读取工作簿的目录");
  }

 private:
  Memory mem_;
  unzFile zip_ = nullptr;
  std::size_t unpacked_left_ = kMaxUnpackedBytes;
};

// ---- XML through expat ------------------------------------------------------------------

struct Xml {
  std::function<void(std::string_view, const char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
};

// Element names without their namespace prefix: "x:row" and "row" alike.
std::string_view local(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attr(const char** atts, std::string_view name) {
  for (int i = 0; atts[i]; i += 2)
    if (local(atts[i]) == name) return atts[i + 1];
  return nullptr;
}

void parse_xml(const std::string& xml, const std::string& part, Xml& h) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(
      XML_ParserCreate("UTF-8"), XML_ParserFree);
  // Handlers get the handlers and the parser itself (to stop it).
  struct Context {
    Xml* h;
    XML_Parser parser;
    bool entity = false;
  } ctx{&h, p.get()};
  XML_SetUserData(p.get(), &ctx);
  XML_SetElementHandler(
      p.get(),
      [](void* u, const char* name, const char** atts) {
        auto* c = static_cast<Context*>(u);
        if (c->h->start) c->h->start(local(name), atts);
      },
      [](void* u, const char* name) {
        auto* c = static_cast<Context*>(u);
        if (c->h->end) c->h->end(local(name));
      });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const char* s, int len) {
    auto* c = static_cast<Context*>(u);
    if (c->h->text) c->h->text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  // Entity declarations are what an XML bomb is made of; a workbook never has them.
  XML_SetEntityDeclHandler(p.get(),
                           [](void* u, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                              const XML_Char*, const XML_Char*, const XML_Char*) {
                             auto* c = static_cast<Context*>(u);
                             c->entity = true;
                             XML_StopParser(c->parser, XML_FALSE);
                           });
  if (XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_ERROR) {
    if (ctx.entity)
      throw WorkbookError("工作簿中的 " + part +
                          " 含有 XML 实体声明（正常的工作簿不会有），未读取");
    throw WorkbookError("工作簿中的 " + part + " 已损坏：第 " +
                        std::to_string(XML_GetCurrentLineNumber(p.get())) +
                        " 行不是有效的 XML；请在 Excel 或 WPS 中重新另存为 .xlsx");
  }
}

// ---- what a number looks like -----------------------------------------------------------

enum class Look { general, percent, date };

Look look_of_format(int id, const std::string& code) {
  if (id == 9 || id == 10) return Look::percent;
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return Look::date;
  // Custom formats: a % outside quotes is a percent; y/m/d outside quotes and brackets a date.
  bool quoted = false, bracket = false, percent = false, date = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (bracket) continue;
    if (c == '%') percent = true;
    if (c == 'y' || c == 'd' || c == 'Y' || c == 'D') date = true;
  }
  return percent ? Look::percent : date ? Look::date : Look::general;
}

std::string date_from_serial(double serial) {
  // Excel's day 1 is 1900-01-01, counting the 1900-02-29 that never was.
  long days = static_cast<long>(std::floor(serial));
  if (days < 61) days += 1;
  return Date::from_days_since_epoch(Date{1899, 12, 30}.days_since_epoch() + days).str();
}

std::string as_read(double v, Look look) {
  if (look == Look::percent) return format_number(v * 100) + "%";
  if (look == Look::date && v > 0 && v < 2958466) return date_from_serial(v);
  return format_number(v);
}

std::pair<int, int> parse_ref(std::string_view r);

// Merged ranges read per sheet: a form has one per task; more is not a form.
constexpr std::size_t kMaxMerges = 1 << 16;

// A range merged down a column (任务编号 and 任务内容 over a task's 县市区 rows): its value belongs
// to every row of the range, as a reader sees it. Only the rows the sheet has are filled, so a
// merge over a million rows costs nothing; across columns only the first column is filled, as
// a value merged sideways (a title, a long 进展情况) belongs to one column.
void fill_merged(Sheet& s, const std::vector<std::string>& ranges) {
  if (ranges.empty()) return;
  auto by_row = [](const SheetRow& a, const SheetRow& b) { return a.row < b.row; };
  if (!std::is_sorted(s.rows.begin(), s.rows.end(), by_row))
    std::stable_sort(s.rows.begin(), s.rows.end(), by_row);
  for (const auto& range : ranges) {
    auto colon = range.find(':');
    if (colon == std::string::npos) continue;
    auto [r1, c1] = parse_ref(std::string_view(range).substr(0, colon));
    auto [r2, c2] = parse_ref(std::string_view(range).substr(colon + 1));
    if (r1 < 1 || c1 < 1 || r2 <= r1) continue;
    auto first = std::lower_bound(s.rows.begin(), s.rows.end(), r1,
                                  [](const SheetRow& row, int r) { return row.row < r; });
    if (first == s.rows.end() || first->row != r1) continue;
    auto top = std::find_if(first->cells.begin(), first->cells.end(),
                            [c1 = c1](const SheetCell& c) { return c.col == c1; });
    if (top == first->cells.end()) continue;
    std::string text = top->text;
    for (auto it = first + 1; it != s.rows.end() && it->row <= r2; ++it) {
      auto at = std::lower_bound(it->cells.begin(), it->cells.end(), c1,
                                 [](const SheetCell& c, int col) { return c.col < col; });
      if (at == it->cells.end() || at->col != c1) it->cells.insert(at, {c1, text});
    }
  }
}

// "C5" → {5, 3}; {0, 0} when it is not a cell reference or lies beyond XFD1048576.
std::pair<int, int> parse_ref(std::string_view r) {
  int col = 0, row = 0;
  std::size_t i = 0;
  for (; i < r.size() && std::isalpha(static_cast<unsigned char>(r[i])); ++i) {
    col = col * 26 + (std::toupper(static_cast<unsigned char>(r[i])) - 'A' + 1);
    if (col > kMaxCols) return {0, 0};  // before it can overflow
  }
  for (; i < r.size() && std::isdigit(static_cast<unsigned char>(r[i])); ++i) {
    row = row * 10 + (r[i] - '0');
    if (row > kMaxRows) return {0, 0};
  }
  if (i != r.size()) return {0, 0};
  return {row, col};
}

// A <row r="…">: its number, or one past the last row when it is larger (none of its cells is
// kept, nor any of the rows after it that have no number), or 0 when it is not a number.
int row_number(const char* r) {
  long long v = 0;
  auto [end, ec] = std::from_chars(r, r + std::strlen(r), v);
  if (ec == std::errc::result_out_of_range && *r != '-') return kMaxRows + 1;
  if (ec != std::errc() || *end) return 0;
  return static_cast<int>(std::clamp<long long>(v, 0, kMaxRows + 1));
}

// Shared strings, rich text included: every <t> inside one <si>.
std::vector<std::string> shared_strings(Zip& zip) {
  std::vector<std::string> shared;
  if (auto xml = zip.part("xl/sharedStrings.xml")) {
    bool in_t = false;
    Xml h;
    h.start = [&](std::string_view n, const char**) {
      if (n == "si") shared.emplace_back();
      if (n == "t") in_t = true;
      if (n == "rPh") in_t = false;  // phonetic hints are not the text
    };
    h.end = [&](std::string_view n) {
      if (n == "t") in_t = false;
    };
    h.text = [&](std::string_view t) {
      if (in_t && !shared.empty()) shared.back().append(t);
    };
    parse_xml(*xml, "sharedStrings.xml", h);
  }
  return shared;
}

// Number formats: cell style index → how its number reads.
std::vector<Look> cell_looks(Zip& zip) {
  std::vector<Look> looks;
  if (auto xml = zip.part("xl/styles.xml")) {
    std::map<int, std::string> codes;
    bool in_xfs = false;
    Xml h;
    h.start = [&](std::string_view n, const char** a) {
      if (n == "numFmt") {
        const char* id = attr(a, "numFmtId");
        const char* code = attr(a, "formatCode");
        if (id && code) codes[std::atoi(id)] = code;
      }
      if (n == "cellXfs") in_xfs = true;
      if (n == "xf" && in_xfs) {
        const char* id = attr(a, "numFmtId");
        int fid = id ? std::atoi(id) : 0;
        looks.push_back(look_of_format(fid, codes.count(fid) ? codes[fid] : ""));
      }
    };
    h.end = [&](std::string_view n) {
      if (n == "cellXfs") in_xfs = false;
    };
    parse_xml(*xml, "styles.xml", h);
  }
  return looks;
}

// The part each sheet lives in, by relationship id.
std::map<std::string, std::string> sheet_targets(Zip& zip) {
  std::map<std::string, std::string> targets;
  if (auto xml = zip.part("xl/_rels/workbook.xml.rels")) {
    Xml h;
    h.start = [&](std::string_view n, const char** a) {
      if (n != "Relationship") return;
      const char* id = attr(a, "Id");
      const char* target = attr(a, "Target");
      if (!id || !target) return;
      std::string t(target);
      if (t.starts_with("/"))
        t.erase(0, 1);
      else
        t = "xl/" + t;
      targets[id] = t;
    };
    parse_xml(*xml, "workbook.xml.rels", h);
  }
  return targets;
}

// One sheet's cells, one at a time: its reference, type, style, cached value and whether it is
// a formula; merged ranges are filled once the sheet is read.
class SheetReader {
 public:
  SheetReader(Sheet& s, const std::vector<std::string>& shared, const std::vector<Look>& looks,
              CellBudget& budget)
      : s_(s), shared_(shared), looks_(looks), budget_(budget) {}

  void read(const std::string& xml, const std::string& part) {
    Xml h;
    h.start = [&](std::string_view n, const char** a) { start(n, a); };
    h.text = [&](std::string_view t) {
      if (in_v) value.append(t);
      if (in_t) inline_text.append(t);
    };
    h.end = [&](std::string_view n) {
      if (n == "v") in_v = false;
      if (n == "t") in_t = false;
      if (n == "c") end_cell();
    };
    parse_xml(xml, part, h);
    fill_merged(s_, merged);
  }

 private:
  void start(std::string_view n, const char** a) {
    if (n == "row") {
      const char* r = attr(a, "r");
      next_row = r ? row_number(r) : next_row + 1;
      next_col = 0;
    } else if (n == "c") {
      in_c = true;
      const char* r = attr(a, "r");
      auto [row, col] = r ? parse_ref(r) : std::pair{next_row, next_col + 1};
      ref = cell_ref(row, col);
      next_col = col;
      type = attr(a, "t") ? attr(a, "t") : "n";
      const char* st = attr(a, "s");
      style = st ? std::atoi(st) : 0;
      value.clear();
      inline_text.clear();
      formula = false;
    } else if (n == "f" && in_c) {
      formula = true;
    } else if (n == "v" && in_c) {
      in_v = true;
    } else if (n == "t" && in_c) {
      in_t = true;
    } else if (n == "mergeCell") {
      if (const char* r = attr(a, "ref"); r && merged.size() < kMaxMerges) merged.emplace_back(r);
    }
  }

  void end_cell() {
    in_c = false;
    auto [row, col] = parse_ref(ref);
    std::string text;
    if (type == "inlineStr") {
      text = inline_text;
    } else if (formula && value.empty() && type == "str") {
      return;  // =IFERROR(…,""): the formula's result is the empty string, an empty cell
    } else if (formula && value.empty()) {
      s_.problems.push_back(
          {row, col, "公式没有缓存的计算结果（请在 Excel 或 WPS 中打开并保存一次）"});
      return;
    } else if (type == "s") {
      std::size_t k = static_cast<std::size_t>(std::atol(value.c_str()));
      text = k < shared_.size() ? shared_[k] : "";
    } else if (type == "str" || type == "e") {
      text = value;
    } else if (type == "b") {
      text = value == "1" ? "TRUE" : "FALSE";
    } else if (auto v = parse_decimal(value)) {
      Look look = style >= 0 && static_cast<std::size_t>(style) < looks_.size()
                      ? looks_[static_cast<std::size_t>(style)]
                      : Look::general;
      text = as_read(*v, look);
    } else {
      text = value;
    }
    budget_.take(text);
    add_cell(s_, row, col, std::move(text));
  }

  Sheet& s_;
  const std::vector<std::string>& shared_;
  const std::vector<Look>& looks_;
  CellBudget& budget_;
  std::string ref, type, value, inline_text;
  std::vector<std::string> merged;
  int style = 0, next_row = 0, next_col = 0;
  bool formula = false, in_v = false, in_t = false, in_c = false;
};

}  // namespace

Workbook read_xlsx(std::string_view bytes) {
  Zip zip(bytes);
  std::vector<std::string> shared = shared_strings(zip);
  std::vector<Look> looks = cell_looks(zip);
  // Sheets in workbook order, with the part each one lives in.
  std::map<std::string, std::string> targets = sheet_targets(zip);
  auto workbook_xml = zip.part("xl/workbook.xml");
  if (!workbook_xml) throw WorkbookError("不是有效的 .xlsx 工作簿（缺少 xl/workbook.xml）");
  Workbook wb;
  std::vector<std::string> parts;
  {
    Xml h;
    h.start = [&](std::string_view n, const char** a) {
      if (n != "sheet") return;
      Sheet s;
      s.name = attr(a, "name") ? attr(a, "name") : "";
      const char* state = attr(a, "state");
      s.hidden = state && std::string_view(state) != "visible";
      const char* rid = attr(a, "id");
      parts.push_back(rid && targets.count(rid) ? targets[rid] : "");
      wb.sheets.push_back(std::move(s));
    };
    parse_xml(*workbook_xml, "workbook.xml", h);
  }
  if (wb.sheets.size() > kMaxSheets)
    throw WorkbookError("工作簿有 " + std::to_string(wb.sheets.size()) + " 个工作表，超过 " +
                        std::to_string(kMaxSheets) + " 个，不是进度报送表");
  CellBudget budget;
  for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
    auto xml = parts[i].empty() ? std::nullopt : zip.part(parts[i]);
    if (xml) SheetReader(wb.sheets[i], shared, looks, budget).read(*xml, parts[i]);
  }
  if (wb.sheets.empty()) throw WorkbookError("工作簿中没有工作表");
  return wb;
}

void check_xlsx(std::string_view bytes) {
  Zip(bytes).check_every_part();
}

namespace {

// The row number of a cell reference ("C18" → 18), or 0.
long row_of_ref(std::string_view ref) {
  std::size_t i = ref.find_first_of("0123456789");
  return i == std::string_view::npos ? 0
                                     : std::strtol(std::string(ref.substr(i)).c_str(), nullptr, 10);
}

// The value of attribute r="…" at `at` (just after `<row ` or `<c `).
std::string_view ref_at(std::string_view xml, std::size_t at) {
  std::size_t open = xml.find("r=\"", at);
  if (open == std::string_view::npos) return {};
  std::size_t close = xml.find('"', open + 3);
  return close == std::string_view::npos ? std::string_view{}
                                         : xml.substr(open + 3, close - open - 3);
}

void check_rows(std::string_view xml, const std::string& name) {
  std::size_t dim = xml.find("<dimension ref=\"");
  if (dim == std::string_view::npos) return;
  std::size_t from = dim + std::string_view("<dimension ref=\"").size();
  std::string_view range = xml.substr(from, xml.find('"', from) - from);  // A1:N86, or A1
  std::size_t colon = range.find(':');
  long last = row_of_ref(colon == std::string_view::npos ? range : range.substr(colon + 1));
  long row = 0;
  for (std::size_t at = xml.find('<', dim); at != std::string_view::npos;
       at = xml.find('<', at + 1)) {
    bool is_row = xml.compare(at, 5, "<row ") == 0, is_cell = xml.compare(at, 3, "<c ") == 0;
    if (!is_row && !is_cell) continue;
    long r = row_of_ref(ref_at(xml, at));
    if (is_row && r != row + 1)
      throw WorkbookError("工作簿中的 " + name + " 缺少第 " + std::to_string(row + 1) + " 行");
    if (is_row) row = r;
    if (is_cell && r != row)
      throw WorkbookError("工作簿中的 " + name + " 第 " + std::to_string(row) + " 行混入了第 " +
                          std::to_string(r) + " 行的单元格");
  }
  if (row != last)
    throw WorkbookError("工作簿中的 " + name + " 只有 " + std::to_string(row) + " 行，应有 " +
                        std::to_string(last) + " 行");
}

// libxlsxwriter's <sst uniqueCount="N"> says how many strings it wrote: a lost chunk whose both
// ends fell inside text leaves well-formed XML with fewer, and cells naming the wrong ones.
void check_shared_strings(std::string_view xml) {
  std::size_t at = xml.find("uniqueCount=\"");
  if (at == std::string_view::npos) return;
  long want = std::strtol(std::string(xml.substr(at + 13, 12)).c_str(), nullptr, 10);
  long have = 0;
  for (std::size_t si = xml.find("<si>"); si != std::string_view::npos;
       si = xml.find("<si>", si + 4))
    ++have;
  if (have != want)
    throw WorkbookError("工作簿中的 xl/sharedStrings.xml 只有 " + std::to_string(have) +
                        " 个字符串，应有 " + std::to_string(want) + " 个");
}

}  // namespace

void check_written_rows(std::string_view bytes) {
  Zip zip(bytes);
  if (auto sst = zip.part("xl/sharedStrings.xml")) check_shared_strings(*sst);
  for (int i = 1;; ++i) {
    std::string name = "xl/worksheets/sheet" + std::to_string(i) + ".xml";
    auto xml = zip.part(name);
    if (!xml) break;
    check_rows(*xml, name);
  }
}

}  // namespace minsheng
