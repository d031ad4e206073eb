#include "io/received_reader.hpp"

#include <array>
#include <optional>

#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

enum Col { kUnit, kMonth, kDate, kCols };

constexpr std::array<std::array<std::string_view, 5>, kCols> kHeaders = {{
    {"单位", "牵头单位", "报送单位", "unit", "填报单位"},
    {"月份", "报送月份", "month", "所属月份", "进度月份"},
    {"收文日期", "收到日期", "报送日期", "date", "received"},
}};

std::optional<Col> column_of(std::string_view h) {
  for (int c = 0; c < kCols; ++c)
    for (std::string_view name : kHeaders[c])
      if (h == name) return static_cast<Col>(c);
  return std::nullopt;
}

}  // namespace

ReceivedLog parse_received(std::string_view bytes, const std::string& file, const Plan& plan,
                           Diagnostics& diags) {
  ReceivedLog log;
  std::vector<CsvRecord> records;
  try {
    records = parse_csv(decode_text(bytes).text);
  } catch (const TextError& e) {
    diags.error(file, e.line, e.col, e.what());
    return log;
  }
  std::size_t r = 0;
  while (r < records.size() && records[r].blank()) ++r;
  if (r == records.size()) {
    diags.error(file, 0, 0, "收文登记是空的：应有 单位、月份、收文日期 三列");
    return log;
  }
  std::array<int, kCols> at{-1, -1, -1};
  const CsvRecord& header = records[r];
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    if (auto c = column_of(trim(header.fields[i].value)); c && at[*c] < 0)
      at[*c] = static_cast<int>(i);
  static constexpr const char* kNames[kCols] = {"单位", "月份", "收文日期"};
  bool complete = true;
  for (int c = 0; c < kCols; ++c)
    if (at[c] < 0) {
      diags.error(file, header.line, 0, std::string("表头缺少“") + kNames[c] + "”列");
      complete = false;
    }
  if (!complete) return log;
  std::vector<std::string> names = plan.unit_names();
  for (++r; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.blank()) continue;
    auto field = [&](Col c) -> std::pair<std::string_view, int> {
      auto i = static_cast<std::size_t>(at[c]);
      if (i >= rec.fields.size()) return {{}, rec.fields.empty() ? 1 : rec.fields.back().col};
      return {trim(strip_formula_guard(rec.fields[i].value)), rec.fields[i].col};
    };
    auto [unit_text, unit_col] = field(kUnit);
    auto [month_text, month_col] = field(kMonth);
    auto [date_text, date_col] = field(kDate);
    bool ok = true;
    std::string unit = plan.canonical_unit(unit_text);
    if (unit_text.empty()) {
      diags.error(file, rec.line, unit_col, "缺少单位");
      ok = false;
    } else if (unit.empty()) {
      diags.error(
          file, rec.line, unit_col,
          "计划中没有单位“" + std::string(unit_text) + "”" + did_you_mean(unit_text, names));
      ok = false;
    }
    auto month = YearMonth::parse(month_text);
    if (!month) {
      diags.error(file, rec.line, month_col,
                  "月份应写作 YYYY-MM，实际为“" + std::string(month_text) + "”");
      ok = false;
    }
    auto date = Date::parse(date_text);
    if (!date) {
      diags.error(file, rec.line, date_col,
                  "收文日期应写作 YYYY-MM-DD，实际为“" + std::string(date_text) + "”");
      ok = false;
    } else if (month && date->year_month() <= *month) {
      diags.error(file, rec.line, date_col,
                  "收文日期 " + date->str() + " 不晚于 " + month->chinese() +
                      "：月报在该月结束后才报送，请核对月份和日期");
      ok = false;
    }
    if (!ok) continue;
    ReceivedEntry entry{*date, {file, rec.line}};
    auto [it, fresh] = log.entries.emplace(std::pair{unit, *month}, entry);
    if (fresh) continue;
    // A second file of the same month is a correction: the first one decides whether the unit
    // reported on time.
    const ReceivedEntry& kept = it->second.date <= entry.date ? it->second : entry;
    const ReceivedEntry& other = it->second.date <= entry.date ? entry : it->second;
    diags.warning(file, rec.line, 0,
                  unit + " " + month->chinese() + "登记了两次（" + kept.source.str() + " " +
                      kept.date.str() + "，" + other.source.str() + " " + other.date.str() +
                      "）：按较早的 " + kept.date.str() + " 判断是否按时报送");
    it->second = kept;
  }
  return log;
}

}  // namespace minsheng
