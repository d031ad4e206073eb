#include "model/status.hpp"

namespace minsheng {

const char* status_code(Status s) {
  switch (s) {
    case Status::invalid:
      return "invalid";
    case Status::overdue:
      return "overdue";
    case Status::seriously_behind:
      return "seriously_behind";
    case Status::behind:
      return "behind";
    case Status::not_reported:
      return "not_reported";
    case Status::pending:
      return "pending";
    case Status::on_track:
      return "on_track";
    case Status::ahead:
      return "ahead";
    case Status::done:
      return "done";
  }
  return "";
}

const char* status_label(Status s) {
  switch (s) {
    case Status::invalid:
      return "数据有误";
    case Status::overdue:
      return "逾期未完成";
    case Status::seriously_behind:
      return "严重滞后";
    case Status::behind:
      return "滞后";
    case Status::not_reported:
      return "未报送";
    case Status::pending:
      return "目标待定";
    case Status::on_track:
      return "序时推进";
    case Status::ahead:
      return "超序时";
    case Status::done:
      return "已完成";
  }
  return "";
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : kAllStatuses)
    if (s == status_code(st) || s == status_label(st)) return st;
  return std::nullopt;
}

bool is_lagging(Status s) {
  return s == Status::behind || s == Status::seriously_behind || s == Status::overdue;
}

}  // namespace minsheng
