// Renders a History: the long CSV analysts load, and per-target lines with a sparkline of
// completion and the months its status changed.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "assess/history.hpp"
#include "report/table.hpp"

namespace minsheng {

// Which targets: 0 and "" for all.
struct HistoryFilter {
  int task = 0;
  std::string unit;
  bool keep(const TargetHistory& t) const;
};

std::string history_csv(const History& h, const HistoryFilter& f);
// The same CSV handed to `write` a month at a time: a province's is hundreds of MB, and is
// written out as it is formatted rather than held whole.
void history_csv(const History& h, const HistoryFilter& f,
                 const std::function<void(std::string_view)>& write);
std::string history_json(const History& h, const HistoryFilter& f);
std::string history_table(const History& h, const HistoryFilter& f, const Style& style);
std::string history_markdown(const History& h, const HistoryFilter& f);
// --changes: every change of status, worst new status first.
std::string changes_table(const History& h, const HistoryFilter& f, const Style& style);
std::string changes_markdown(const History& h, const HistoryFilter& f);
std::string changes_csv(const History& h, const HistoryFilter& f);

// "▁▃▅█": a month's completion as one of eight bars; "·" where there is no value.
std::string sparkline(const TargetHistory& t);
// "5月 序时推进→滞后；6月 滞后→严重滞后"
std::string change_months(const TargetHistory& t);

}  // namespace minsheng
