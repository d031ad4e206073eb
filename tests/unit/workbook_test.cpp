#include "io/workbook.hpp"

#include <catch2/catch.hpp>
#include <functional>

#include "io/fs.hpp"
#include "io/plan_loader.hpp"
#include "io/progress_reader.hpp"
#include "stored_zip.hpp"

using namespace minsheng;

namespace {

const std::string kDir = std::string(MINSHENG_SOURCE_DIR) + "/tests/data/workbooks/";

const Plan& real_plan() {
  static const Plan p = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  return p;
}

// The same content as the workbook fixtures (make_form.py), typed as a CSV file.
const char* kSameAsCsv =
    "任务编号,指标,累计完成,状态,报送日期,备注\n"
    "6,,,推进中,,宜都、当阳试点推进\n7,,14,,,\n8,,9,,,公式：已建成的两批之和\n9,,300,,,\n"
    "26,1,240,,,\n26,2,\"9,000\",,,\n44,,3500,,,\n";

struct Read {
  Submission sub;
  std::vector<std::string> messages;
};

Read read_book(const std::string& fixture, const std::string& as) {
  Diagnostics d;
  Submission s = parse_submission(read_file(kDir + fixture), as, real_plan(), {2024, 6}, d);
  std::vector<std::string> m;
  for (const auto& i : d.items()) m.push_back(i.str());
  return {s, m};
}

void same_entries(const Submission& a, const Submission& b) {
  REQUIRE(a.entries.size() == b.entries.size());
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    INFO("entry " << i);
    CHECK(a.entries[i].key == b.entries[i].key);
    CHECK(a.entries[i].value == b.entries[i].value);
    CHECK(a.entries[i].state == b.entries[i].state);
    CHECK(a.entries[i].note == b.entries[i].note);
  }
}

// Each cell of a workbook's only sheet as "C5=text".
std::vector<std::string> cells_of(const std::string& xlsx) {
  Workbook wb = read_xlsx(xlsx);
  REQUIRE(wb.sheets.size() == 1);
  std::vector<std::string> out;
  for (const auto& r : wb.sheets[0].rows)
    for (const auto& c : r.cells) out.push_back(cell_ref(r.row, c.col) + "=" + c.text);
  return out;
}

// What WorkbookError `f` throws, or `none` when it throws nothing.
std::string workbook_error_of(const std::function<void()>& f, const std::string& none) {
  try {
    f();
  } catch (const WorkbookError& e) {
    return e.what();
  }
  return none;
}

std::string workbook_error(const std::string& xlsx) {
  return workbook_error_of([&] { read_xlsx(xlsx); }, "(read without an error)");
}

}  // namespace

TEST_CASE("a form filled in openpyxl and saved by LibreOffice reads as the same CSV would") {
  Diagnostics d;
  Submission csv = parse_submission(kSameAsCsv, "团市委.csv", real_plan(), {2024, 6}, d);
  REQUIRE(d.items().empty());
  // Title rows, a merged two-row header, a hidden sheet before it, a hidden column, a number
  // typed as text, "9,000", a formula's cached value and footer rows: all as a person sees them.
  Read lo = read_book("form-lo.xlsx", "团市委.xlsx");
  CHECK(lo.messages.empty());
  CHECK(lo.sub.unit == "团市委");
  same_entries(lo.sub, csv);
}

TEST_CASE("a formula without a cached value is an error at its cell, as Sheet!Cell") {
  // openpyxl writes formulas but never computes them.
  Read raw = read_book("form.xlsx", "团市委.xlsx");
  REQUIRE(raw.messages.size() == 1);
  CHECK(raw.messages[0] ==
        "团市委.xlsx:进度!C7: 错误: 公式没有缓存的计算结果（请在 Excel 或 WPS 中打开并保存一次）");
  Read pct = read_book("percent.xlsx", "市民政局.xlsx");
  REQUIRE(pct.messages.size() == 1);
  CHECK(pct.messages[0] ==
        "市民政局.xlsx:Sheet1!C3: 错误: 公式没有缓存的计算结果（请在 Excel 或 WPS "
        "中打开并保存一次）");
  // 0.46 in a 0% format is 46%, as the unit saw it; the row with the broken formula is 数据有误.
  CHECK(pct.sub.invalid.count({14, 1}));
  REQUIRE(pct.sub.entries.size() == 1);
  CHECK(pct.sub.entries[0].key == TargetKey{19, 1});
  CHECK(*pct.sub.entries[0].value == Approx(46));
  CHECK(pct.sub.entries[0].percent);
}

TEST_CASE("an .xls saved by LibreOffice reads its cells, numbers and text") {
  Read xls = read_book("form-lo.xls", "团市委.xls");
  CHECK(xls.messages.empty());
  // FreeXL does not read formula results: task 8's cell reads as empty (README says to save
  // workbooks with formulas as .xlsx). Everything else is as in the CSV.
  REQUIRE(xls.sub.entries.size() == 7);
  CHECK(xls.sub.entries[1].key == TargetKey{7, 1});
  CHECK(*xls.sub.entries[1].value == 14);
  CHECK(xls.sub.entries[2].key == TargetKey{8, 1});
  CHECK_FALSE(xls.sub.entries[2].value);
  CHECK(xls.sub.entries[3].key == TargetKey{9, 1});
  CHECK(*xls.sub.entries[3].value == 300);
  CHECK(*xls.sub.entries[5].value == 9000);
}

TEST_CASE("cell references and problems with the workbook itself") {
  CHECK(cell_ref(5, 3) == "C5");
  CHECK(cell_ref(1, 27) == "AA1");
  CHECK(cell_ref(10, 16384) == "XFD10");
  CHECK_THROWS_AS(read_xlsx("PK\x03\x04 not really"), WorkbookError);
  CHECK_THROWS_AS(read_xlsx(""), WorkbookError);
  Diagnostics d;
  parse_submission("PK\x03\x04", "r/市民政局.xlsx", real_plan(), {2024, 6}, d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].str() ==
        "r/市民政局.xlsx: 错误: 不是有效的 .xlsx 工作簿（无法按 zip 打开）；请在 Excel 或 WPS "
        "中重新另存为 .xlsx");
}

TEST_CASE("dates in date cells are read as dates — a workbook with no header names its sheets") {
  // The demo's 市教育局.xlsx: 报送日期 stored as a date serial in a yyyy-mm-dd cell.
  Diagnostics d;
  Submission s = parse_submission(read_file(std::string(MINSHENG_SOURCE_DIR) +
                                            "/demo/reports/2024-06/submissions/市教育局.xlsx"),
                                  "市教育局.xlsx", real_plan(), {2024, 6}, d);
  CHECK(d.items().empty());
  CHECK(s.submitted == Date{2024, 7, 2});
  REQUIRE(s.entries.size() == 6);
  CHECK(*s.entries[2].value == 96);  // 0.96 in a 0% cell
  // percent.xlsx read as a form of a sheet with no 任务编号 anywhere: the sheets are named.
  Workbook wb = read_xlsx(read_file(kDir + "percent.xlsx"));
  wb.sheets[0].rows.erase(wb.sheets[0].rows.begin());  // drop its header row
  Diagnostics e;
  parse_workbook_submission(wb, "市民政局.xlsx", real_plan(), {2024, 6}, e);
  REQUIRE_FALSE(e.items().empty());
  CHECK(e.items()[0].str() ==
        "市民政局.xlsx: 错误: 找不到表头：工作表 Sheet1 中都没有“任务编号”（task）列；请使用 "
        "minsheng "
        "template 生成的报送表");
}

TEST_CASE("a workbook with an XML entity declaration is refused, in Chinese") {
  CHECK(workbook_error(read_file(kDir + "entity.xlsx")) ==
        "工作簿中的 sharedStrings.xml 含有 XML 实体声明（正常的工作簿不会有），未读取");
}

TEST_CASE("a WPS .et that is BIFF inside reads like an .xls") {
  Diagnostics d;
  Submission s =
      parse_submission(read_file(kDir + "form-lo.xls"), "团市委.et", real_plan(), {2024, 6}, d);
  CHECK(d.items().empty());
  CHECK(s.unit == "团市委");
  CHECK(s.entries.size() == 7);
}

TEST_CASE("a workbook whose bytes were changed after it was saved is refused, not misread") {
  std::string book =
      test::stored_zip(test::one_sheet("<row r=\"2\"><c r=\"C2\"><v>1680</v></c></row>"));
  CHECK(cells_of(book) == std::vector<std::string>{"C2=1680"});
  // One digit flipped on the way (a bad copy, a broken download): the zip's checksum no longer
  // matches, and 1880 must not be read as the unit's figure.
  auto at = book.find("1680");
  REQUIRE(at != std::string::npos);
  book[at + 1] = '8';
  CHECK(workbook_error(book) ==
        "工作簿中的 xl/worksheets/sheet1.xml 已损坏（校验和不符）；请让报送单位重新发送");
}

TEST_CASE("cell and row numbers beyond any sheet are no cells, however long they are") {
  // Excel's last cell is XFD1048576. Longer references would overflow a naive count.
  CHECK(cells_of(test::stored_zip(test::one_sheet(
            "<row r=\"1\"><c "
            "r=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c>"
            "<c r=\"B99999999999999999999999999999999999999\"><v>2</v></c>"
            "<c r=\"XFE1\"><v>3</v></c><c r=\"XFD1048577\"><v>4</v></c>"
            "<c r=\"XFD1048576\"><v>5</v></c></row>"))) ==
        std::vector<std::string>{"XFD1048576=5"});
  // Rows and cells without a reference follow the one before: after the last row there is none.
  CHECK(
      cells_of(test::stored_zip(test::one_sheet(
          "<row r=\"2147483647\"><c><v>1</v></c></row><row><c><v>2</v></c></row>"
          "<row r=\"1048576\"><c><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>"))) ==
      std::vector<std::string>{"A1048576=3", "B1048576=4"});
}

TEST_CASE("a workbook that unpacks to over 100 MB in all is refused before it is read") {
  // Two parts of 60 MB each: neither is too large alone, together they are. A zip bomb can
  // also be many parts, or one sheet that workbook.xml lists many times.
  std::string big = "<sst>" + std::string(60u << 20, ' ') + "</sst>";
  auto parts = test::one_sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  parts.push_back({"xl/sharedStrings.xml", big, true});
  parts.push_back({"xl/styles.xml", big, true});
  CHECK(workbook_error(test::stored_zip(parts)) == "工作簿解压后合计超过 100 MB，未读取");
  parts.pop_back();
  CHECK(cells_of(test::stored_zip(parts)) == std::vector<std::string>{"A1=1"});
}

TEST_CASE("one shared string used by many cells cannot expand a small workbook without bound") {
  // A 1 MB string used by 200 cells: 200 MB of cell text from a file of about 1 MB (the audit's
  // 20,000 cells took 5.8 GB). Refused once the cells hold 100 MB.
  std::string sst = "<sst><si><t>" + std::string(1u << 20, 'x') + "</t></si></sst>";
  std::string rows;
  for (int r = 1; r <= 200; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
            "\" t=\"s\"><v>0</v></c></row>";
  auto parts = test::one_sheet(rows);
  parts.push_back({"xl/sharedStrings.xml", sst, true});
  CHECK(workbook_error(test::stored_zip(parts)) ==
        "工作簿的单元格合计超过 4 百万个或文字超过 100 MB，不是进度报送表");
  // 50 of them (50 MB) are read.
  rows.clear();
  for (int r = 1; r <= 50; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
            "\" t=\"s\"><v>0</v></c></row>";
  parts = test::one_sheet(rows);
  parts.push_back({"xl/sharedStrings.xml", sst, true});
  CHECK(read_xlsx(test::stored_zip(parts)).sheets.at(0).rows.size() == 50);
}

TEST_CASE("a workbook of thousands of sheets is refused before any is read") {
  std::string sheets, rels;
  for (int i = 1; i <= 1025; ++i) {
    sheets += "<sheet name=\"S" + std::to_string(i) + "\" r:id=\"r" + std::to_string(i) + "\"/>";
    rels += "<Relationship Id=\"r" + std::to_string(i) + "\" Target=\"worksheets/s.xml\"/>";
  }
  test::ZipParts parts = {
      {"xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets>" + sheets + "</sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", "<Relationships>" + rels + "</Relationships>"},
      {"xl/worksheets/s.xml", "<worksheet><sheetData/></worksheet>"}};
  CHECK(workbook_error(test::stored_zip(parts)) ==
        "工作簿有 1025 个工作表，超过 1024 个，不是进度报送表");
}

TEST_CASE("a written workbook is checked part by part before it replaces one") {
  CHECK_NOTHROW(check_xlsx(read_file(kDir + "form.xlsx")));
  const std::string rels = "<Relationships/>";
  CHECK_NOTHROW(check_xlsx(test::stored_zip(
      {{"_rels/.rels", rels, false}, {"xl/worksheets/sheet1.xml", "<w><r/></w>", true}})));
  // A part cut short, as libxlsxwriter leaves one when a write fails, in a zip with right CRCs.
  try {
    check_xlsx(test::stored_zip(
        {{"_rels/.rels", rels, false}, {"xl/worksheets/sheet1.xml", "<w><r/><r>", true}}));
    FAIL("a cut XML part passed");
  } catch (const WorkbookError& e) {
    CHECK(std::string(e.what()) == "工作簿中的 xl/worksheets/sheet1.xml 不是完整的 XML");
  }
  // A changed byte in a stored part: its CRC no longer matches.
  std::string zip = test::stored_zip({{"xl/styles.xml", "<styles/>", false}});
  zip[zip.find("<styles/>") + 1] = 'S';
  CHECK_THROWS_WITH(check_xlsx(zip), "工作簿中的 xl/styles.xml 已损坏");
  CHECK_THROWS_AS(check_xlsx("PK not a zip"), WorkbookError);
}

namespace {

// Why check_written_rows refuses a workbook, or "" when it passes.
std::string written_rows_refusal(const std::string& bytes) {
  return workbook_error_of([&] { check_written_rows(bytes); }, "");
}

}  // namespace

TEST_CASE("a written workbook whose sheet skips rows is caught though its XML is well-formed") {
  // What a write libxlsxwriter lost inside a sheet left: rows 9 to 17 gone, row 18's cells run on
  // inside row 8. Each case is well-formed XML, so only the rows tell.
  auto sheet = [](const std::string& dim, const std::string& rows) {
    test::ZipParts parts = test::one_sheet(rows);
    parts.back().data = "<worksheet><dimension ref=\"" + dim + "\"/><sheetData>" + rows +
                        "</sheetData></worksheet>";
    return test::stored_zip(parts);
  };
  std::string r1 = "<row r=\"1\"><c r=\"A1\"/><c r=\"B1\"/></row>";
  std::string r2 = "<row r=\"2\"><c r=\"A2\"/></row>";
  std::string r3 = "<row r=\"3\"><c r=\"B3\"/></row>";
  CHECK(written_rows_refusal(sheet("A1:B3", r1 + r2 + r3)).empty());
  CHECK(written_rows_refusal(sheet("A1", "<row r=\"1\"><c r=\"A1\"/></row>")).empty());
  CHECK(written_rows_refusal(sheet("A1:B3", r1 + r3)) ==
        "工作簿中的 xl/worksheets/sheet1.xml 缺少第 2 行");
  CHECK(written_rows_refusal(
            sheet("A1:B3", r1 + "<row r=\"2\"><c r=\"A2\"/><c r=\"C3\"/></row>" + r3)) ==
        "工作簿中的 xl/worksheets/sheet1.xml 第 2 行混入了第 3 行的单元格");
  CHECK(written_rows_refusal(sheet("A1:B3", r1 + r2)) ==
        "工作簿中的 xl/worksheets/sheet1.xml 只有 2 行，应有 3 行");
}

TEST_CASE("a written workbook whose shared strings lost a run is caught though well-formed") {
  // A 4 KB write lost from sharedStrings.xml, both ends inside text (EIO at write 118 under
  // ASan): "…<t>本" + "月</t></si>…" joins into well-formed XML with strings missing.
  auto with_strings = [](const std::string& sst) {
    test::ZipParts parts = test::one_sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
    parts.push_back({"xl/sharedStrings.xml", sst});
    return test::stored_zip(parts);
  };
  const std::string head = "<sst count=\"3\" uniqueCount=\"3\">";
  CHECK(written_rows_refusal(
            with_strings(head + "<si><t>甲</t></si><si><t>乙</t></si><si><t>丙</t></si></sst>"))
            .empty());
  CHECK(written_rows_refusal(with_strings(head + "<si><t>甲丙</t></si></sst>")) ==
        "工作簿中的 xl/sharedStrings.xml 只有 1 个字符串，应有 3 个");
}
