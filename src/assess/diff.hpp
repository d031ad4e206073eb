// What changed between two assessments of the plan: the changes analysts care about, such as
// 序时推进 → 滞后, not just changed cells.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.hpp"
#include "model/assessed.hpp"
#include "util/color.hpp"

namespace minsheng {

enum class ChangeKind {
  completed,
  improved,
  worsened,
  stalled,
  revised_down,
  progressed,
  unchanged,
  added,
  removed,
  newly_reported,
  no_longer_reported
};

inline constexpr std::array<ChangeKind, 11> kAllChangeKinds = {
    ChangeKind::completed,      ChangeKind::worsened,           ChangeKind::revised_down,
    ChangeKind::stalled,        ChangeKind::improved,           ChangeKind::progressed,
    ChangeKind::newly_reported, ChangeKind::no_longer_reported, ChangeKind::added,
    ChangeKind::removed,        ChangeKind::unchanged};

struct ChangeKindInfo {
  ChangeKind kind;
  const char* code;   // "worsened"
  const char* label;  // "状态恶化"
  Color color;        // of a changed status on a terminal
};
const ChangeKindInfo& change_info(ChangeKind k);
inline const char* change_code(ChangeKind k) {
  return change_info(k).code;
}
inline const char* change_label(ChangeKind k) {
  return change_info(k).label;
}
// A kind by its code (worsened) or its label (状态恶化), as people type either.
std::optional<ChangeKind> parse_change(std::string_view word);

struct DiffRow {
  TargetKey key;
  // Into DiffReport's sides (absent: the target is on one side only). A province's rows are
  // a hundred thousand on each side; they are held once.
  const AssessedRow* old_row = nullptr;
  const AssessedRow* new_row = nullptr;
  ChangeKind kind = ChangeKind::unchanged;
  std::optional<double> delta;     // new − old actual
  std::optional<double> delta_pp;  // new − old completion, in points

  const AssessedRow& any() const { return new_row ? *new_row : *old_row; }
};

struct DiffReport {
  DiffReport() = default;
  DiffReport(DiffReport&&) = default;  // the rows' pointers into the sides stay valid
  DiffReport& operator=(DiffReport&&) = default;
  DiffReport(const DiffReport&) = delete;  // a copy's rows would point into the original
  DiffReport& operator=(const DiffReport&) = delete;

  DiffSide old_side, new_side;
  bool later = false;         // NEW is later than OLD, so an unchanged value means a stall
  bool by_county = false;     // rows are (县市区, target), from side_from_counties
  std::vector<DiffRow> rows;  // by task, then target

  int count(ChangeKind k) const;
};

DiffSide side_from_report(const MonthReport& rep, std::string label);
// One row per allocated (县市区, target), for diff --by county.
DiffSide side_from_counties(const MonthReport& rep, std::string label);
DiffReport diff_sides(DiffSide old_side, DiffSide new_side);
ChangeKind classify(const AssessedRow& o, const AssessedRow& n, bool later);

}  // namespace minsheng
