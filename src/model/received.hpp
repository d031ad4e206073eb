// 收文登记: the dates staff recorded a unit's file as received, kept outside the files.
#pragma once
#include <map>
#include <string>
#include <utility>

#include "model/diagnostic.hpp"
#include "model/progress.hpp"
#include "util/date.hpp"

namespace minsheng {

struct ReceivedEntry {
  Date date;
  SourceRef source;
};

struct ReceivedLog {
  std::map<std::pair<std::string, YearMonth>, ReceivedEntry> entries;  // (unit, month)
  bool empty() const { return entries.empty(); }
};

// Staff's record is the best evidence of when a file arrived: it overrides any date the form
// itself gives. A no-op for a unit-month the log does not list.
void apply_received(const ReceivedLog& log, Submission& sub);

// Entries of months that were read but that name a unit with no file there: a warning, as
// staff logged a file that is not in the data folder.
void check_received(const ReceivedLog& log, const DataSet& data, Diagnostics& diags);

}  // namespace minsheng
