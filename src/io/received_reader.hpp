// The 收文登记 staff keep (--received): a CSV of unit, month and the day the file arrived.
#pragma once
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/received.hpp"

namespace minsheng {

// Columns 单位 (or 牵头单位/报送单位/unit), 月份 (month) and 收文日期 (or 收到日期/报送日期/
// date/received), in any order, GBK or UTF-8. Errors and warnings go to `diags`, every one of
// the file at once; rows with an error are left out.
ReceivedLog parse_received(std::string_view bytes, const std::string& file, const Plan& plan,
                           Diagnostics& diags);

}  // namespace minsheng
