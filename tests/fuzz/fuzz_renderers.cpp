// Whatever units' files say reaches every renderer of the month's summary and of each 县市区
// without a crash: the input is up to three CSV progress files separated by NUL bytes (April's
// 市民政局, May's 市民政局, May's 市住建局), read, merged and assessed as `summary` does.
#include "assess/month.hpp"
#include "fuzz_common.hpp"
#include "io/progress_reader.hpp"
#include "report/county_report.hpp"
#include "report/summary_report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace minsheng;
  const Plan& plan = test::county_plan();
  static const std::pair<const char*, YearMonth> kFiles[] = {
      {"r/2024-04/submissions/市民政局.csv", {2024, 4}},
      {"r/2024-05/submissions/市民政局.csv", {2024, 5}},
      {"r/2024-05/submissions/市住建局.csv", {2024, 5}}};
  std::string_view in = fuzz_input(data, size);
  AllRows set;
  set.months = {{2024, 4}, {2024, 5}};
  for (const auto& [file, month] : kFiles) {
    auto nul = in.find('\0');
    set.submissions.push_back(
        parse_submission(in.substr(0, nul), file, plan, month, set.diagnostics));
    set.file_months[file] = month;
    if (nul == std::string_view::npos) break;
    in.remove_prefix(nul + 1);
  }
  MonthReport rep = assess_data(plan, set, {2024, 5}, true);
  for (const Style& style : {Style{false, 0}, Style{true, 60}}) {
    summary_table(rep, style);
    for (int c = 0; c < static_cast<int>(plan.counties.size()); ++c) county_table(rep, c, style);
  }
  summary_markdown(rep);
  summary_csv(rep);
  summary_json(rep);
  summary_workbook(rep);
  for (int c = 0; c < static_cast<int>(plan.counties.size()); ++c) {
    county_markdown(rep, c);
    county_csv(rep, c);
    county_json(rep, c);
    county_workbook(rep, c);
  }
  return 0;
}
