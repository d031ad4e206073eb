// Assessment statuses: stable English codes for machines, Chinese labels for people.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "util/color.hpp"

namespace minsheng {

// Declared worst first: a task's status is the minimum of its targets' statuses.
enum class Status : std::uint8_t {  // a byte: a province's history holds millions
  invalid,
  overdue,
  seriously_behind,
  behind,
  not_reported,
  pending,
  on_track,
  ahead,
  done_late,  // reached after the plan's deadline month: 逾期完成
  done
};

inline constexpr std::array<Status, 10> kAllStatuses = {
    Status::invalid,      Status::overdue, Status::seriously_behind, Status::behind,
    Status::not_reported, Status::pending, Status::on_track,         Status::ahead,
    Status::done_late,    Status::done};

// The order people read a headline in: best news first.
inline constexpr std::array<Status, 10> kHeadlineOrder = {
    Status::done,    Status::done_late,        Status::ahead,   Status::on_track,
    Status::behind,  Status::seriously_behind, Status::overdue, Status::not_reported,
    Status::pending, Status::invalid};

// One row per status: everything that tells one status from another outside the rules.
struct StatusInfo {
  Status status;
  const char* code;   // stable, for CSV and JSON: "on_track"
  const char* label;  // for people: "序时推进"
  // In the report of the deadline month itself, when that differs: a target not done then is
  // 未完成, and 逾期未完成 only from the month after.
  const char* deadline_label;
  Color color;      // on a terminal
  const char* hex;  // in charts and badges
};
const StatusInfo& status_info(Status s);
inline const char* status_code(Status s) {
  return status_info(s).code;
}
inline const char* status_label(Status s) {
  return status_info(s).label;
}
// The label in a report of the plan's deadline month (`at_deadline`) or any other.
inline const char* status_label(Status s, bool at_deadline) {
  const StatusInfo& i = status_info(s);
  return at_deadline && i.deadline_label ? i.deadline_label : i.label;
}
std::optional<Status> parse_status(std::string_view code_or_label);
inline int severity_rank(Status s) {
  return static_cast<int>(s);
}  // lower is worse
inline bool worse(Status a, Status b) {
  return severity_rank(a) < severity_rank(b);
}
bool is_lagging(Status s);  // behind, seriously_behind or overdue
bool is_done(Status s);     // done or done_late: the figure is reached

// What the public edition (宣传) says of a status: done, under way, or, for one that lags, being
// sped up; never 滞后, 逾期 or 预计逾期. Its words are in the public templates.
enum class PublicStatus { done, under_way, speeding_up };
PublicStatus public_status(Status s);

}  // namespace minsheng
