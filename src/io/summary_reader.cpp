#include "io/summary_reader.hpp"

#include <cmath>
#include <filesystem>
#include <map>
#include <regex>

#include "io/fs.hpp"
#include "model/diagnostic.hpp"
#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

// Blank is absent; anything else must be a number, or `bad` is set.
std::optional<double> plain_number(std::string_view s, bool* bad) {
  if (trim(s).empty()) return std::nullopt;
  auto v = parse_decimal(s);
  if (!v) *bad = true;
  return v;
}

}  // namespace

std::optional<YearMonth> month_in_path(const std::string& path) {
  static const std::regex re(R"((\d{4})-(\d{2}))");
  std::filesystem::path p(path);
  // The nearest folder named YYYY-MM wins, then a YYYY-MM inside the file name.
  for (auto it = p.parent_path(); !it.empty() && it != it.parent_path(); it = it.parent_path()) {
    if (auto m = YearMonth::parse_exact(it.filename().string())) return m;
  }
  std::smatch m;
  std::string name = p.filename().string();
  if (std::regex_search(name, m, re)) return YearMonth::parse(m.str(0));
  return std::nullopt;
}

DiffSide parse_summary_csv(std::string_view bytes, const std::string& file) {
  Diagnostics d;
  DiffSide side{std::filesystem::path(file).filename().string(), month_in_path(file), {}, {}};
  std::vector<CsvRecord> records;
  try {
    records = parse_csv(decode_text(bytes).text);
  } catch (const DecodeError& e) {
    throw DataError(file, e.line, e.col, e.what());
  } catch (const CsvError& e) {
    throw DataError(file, e.line, e.col, e.what());
  }
  if (records.empty()) throw DataError(file, 0, 0, "文件为空，不是 minsheng summary 导出的 CSV");

  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < records[0].fields.size(); ++i)
    col.emplace(std::string(trim(records[0].fields[i].value)), i);
  std::vector<std::string> missing;
  for (const char* need : {"task", "status"})
    if (!col.count(need)) missing.push_back(need);
  if (!missing.empty())
    throw DataError(
        file, 1, 0,
        "表头缺少列 " + join(missing, "、") +
            "：diff 需要 minsheng summary --format csv 导出的文件（至少含 task 和 status 列）");

  std::map<TargetKey, int> seen;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.blank()) continue;
    if (rec.fields.size() < records[0].fields.size()) {
      d.error(file, rec.line, 0,
              "这一行只有 " + std::to_string(rec.fields.size()) + " 列，表头有 " +
                  std::to_string(records[0].fields.size()) + " 列");
      continue;
    }
    auto cell = [&](const char* name) -> const CsvField* {
      auto it = col.find(name);
      return it == col.end() ? nullptr : &rec.fields[it->second];
    };
    auto text = [&](const char* name) {
      return cell(name) ? std::string(trim(cell(name)->value)) : std::string();
    };
    auto number = [&](const char* name) -> std::optional<double> {
      const CsvField* f = cell(name);
      if (!f) return std::nullopt;
      bool bad = false;
      auto v = plain_number(f->value, &bad);
      if (v && std::fabs(*v) > kMaxValue) bad = true;
      if (bad)
        d.error(file, rec.line, f->col,
                std::string(name) + " 列应为数字，实际为“" + f->value + "”");
      return v;
    };
    AssessedRow row;
    bool ok = true;
    auto index = [&](const char* name, int fallback) {
      const CsvField* f = cell(name);
      if (!f) return fallback;
      bool bad = false;
      auto v = plain_number(f->value, &bad);
      if (!v || *v < 1 || *v > 1e6 || *v != std::floor(*v)) {
        d.error(file, rec.line, f->col,
                std::string(name) + " 列应为正整数，实际为“" + f->value + "”");
        ok = false;
        return 0;
      }
      return static_cast<int>(*v);
    };
    row.key = {index("task", 0), index("target", 1)};
    row.category = cell("category") ? index("category", 0) : 0;
    auto kept = [&](const char* name) -> std::string_view {
      return side.owned.emplace_back(text(name));
    };
    row.lead = kept("lead");
    row.text = kept("text");
    row.unit = text("unit");
    row.target_value = number("target_value");
    row.actual = number("actual");
    row.corrected_from = number("corrected_from");  // absent in older files
    row.completion_pct = number("completion_pct");
    row.time_pct = number("time_pct");
    row.gap_pp = number("gap_pp");
    const CsvField* st = cell("status");
    row.status = parse_status(trim(st->value));
    if (!row.status) {
      d.error(file, rec.line, st->col, "未知状态“" + st->value + "”");
      ok = false;
    }
    if (auto vm = text("value_month"); !vm.empty()) row.value_month = YearMonth::parse(vm);
    row.name = kept("name");
    row.state = text("milestone_state");
    row.reached_by_tolerance = text("status_label") == "基本完成";
    if (auto rm = YearMonth::parse_exact(text("report_month")); rm) side.month = rm;
    if (!ok) continue;
    auto [it, fresh] = seen.emplace(row.key, rec.line);
    if (!fresh) {
      d.error(file, rec.line, 1,
              "任务" + std::to_string(row.key.task) + "指标" + std::to_string(row.key.target) +
                  "重复（第 " + std::to_string(it->second) + " 行已出现）");
      continue;
    }
    side.rows.push_back(std::move(row));
  }
  if (d.has_errors()) throw DataError(d);
  if (side.rows.empty()) throw DataError(file, 0, 0, "文件没有数据行");
  // Two summary.csv files are told apart by the months they hold, not by their names.
  if (side.month) side.label = side.month->str();
  return side;
}

DiffSide load_summary_csv(const std::string& path) {
  return parse_summary_csv(read_input(path), path);
}

}  // namespace minsheng
