#include "model/received.hpp"

#include <algorithm>
#include <set>

namespace minsheng {

void apply_received(const ReceivedLog& log, Submission& sub) {
  if (sub.unit.empty()) return;
  auto it = log.entries.find({sub.unit, sub.month});
  if (it == log.entries.end()) return;
  sub.submitted = it->second.date;
  sub.submitted_from = DateFrom::received;
}

void check_received(const ReceivedLog& log, const DataSet& data, Diagnostics& diags) {
  std::set<std::pair<std::string, YearMonth>> sent;
  for (const auto& s : data.submissions) sent.insert({s.unit, s.month});
  for (const auto& u : data.unread) sent.insert({u.unit, u.month});
  for (const auto& [key, entry] : log.entries) {
    const auto& [unit, month] = key;
    if (!std::binary_search(data.months.begin(), data.months.end(), month)) continue;
    if (!sent.count(key))
      diags.warning(entry.source.file.str(), entry.source.line, 0,
                    "收文登记有" + unit + " " + month.chinese() +
                        "的文件，但数据目录中没有该单位该月的文件；请把收到的文件放入 " +
                        month.str() + "/submissions/");
  }
}

}  // namespace minsheng
