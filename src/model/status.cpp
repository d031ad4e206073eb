#include "model/status.hpp"

namespace minsheng {

namespace {

// In enum order, so a status indexes its own row.
constexpr std::array<StatusInfo, 10> kStatuses = {{
    {Status::invalid, "invalid", "数据有误", nullptr, Color::magenta, "#5d4037"},
    {Status::overdue, "overdue", "逾期未完成", "未完成", Color::red, "#7b1fa2"},
    {Status::seriously_behind, "seriously_behind", "严重滞后", nullptr, Color::red, "#d32f2f"},
    {Status::behind, "behind", "滞后", nullptr, Color::yellow, "#f9a825"},
    {Status::not_reported, "not_reported", "未填报", nullptr, Color::grey, "#9e9e9e"},
    {Status::pending, "pending", "目标待定", nullptr, Color::grey, "#bdbdbd"},
    {Status::on_track, "on_track", "序时推进", nullptr, Color::none, "#7cb342"},
    {Status::ahead, "ahead", "超序时", nullptr, Color::cyan, "#0277bd"},
    {Status::done_late, "done_late", "逾期完成", nullptr, Color::green, "#689f38"},
    {Status::done, "done", "已完成", nullptr, Color::green, "#2e7d32"},
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kStatuses.size(); ++i)
    if (static_cast<std::size_t>(kStatuses[i].status) != i) return false;
  return true;
}
static_assert(in_enum_order(), "kStatuses must list statuses in enum order");

}  // namespace

const StatusInfo& status_info(Status s) {
  return kStatuses[static_cast<std::size_t>(s)];
}

std::optional<Status> parse_status(std::string_view s) {
  for (const auto& row : kStatuses)
    if (s == row.code || s == row.label || (row.deadline_label && s == row.deadline_label))
      return row.status;
  if (s == "基本完成") return Status::done;
  if (s == "未报送")
    return Status::not_reported;  // its label before 未报送 meant only a unit  // the label of a
                                  // 左右 figure within tolerance
  return std::nullopt;
}

bool is_done(Status s) {
  return s == Status::done || s == Status::done_late;
}

bool is_lagging(Status s) {
  return s == Status::behind || s == Status::seriously_behind || s == Status::overdue;
}

PublicStatus public_status(Status s) {
  if (is_done(s)) return PublicStatus::done;
  return is_lagging(s) ? PublicStatus::speeding_up : PublicStatus::under_way;
}

}  // namespace minsheng
