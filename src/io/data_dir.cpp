#include "io/data_dir.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "io/fs.hpp"
#include "io/input_kind.hpp"
#include "io/progress_reader.hpp"
#include "util/encoding.hpp"
#include "util/memory.hpp"
#include "util/parallel.hpp"

namespace minsheng {

namespace fs = std::filesystem;

fs::path month_dir(const fs::path& data, YearMonth m) {
  return data / m.str();
}

void require_data_dir(const fs::path& data) {
  std::error_code ec;
  if (!is_dir(data))
    throw UsageError("数据目录不存在：" + fs::absolute(data, ec).lexically_normal().string() +
                     "；请用 --data 指定存放月度文件夹（如 2024-06/submissions/）的目录");
}

namespace {

// Where a path really leads, when that is inside `root` (itself resolved); empty when it leads
// outside, or nowhere (a dangling link, a loop).
std::optional<fs::path> inside(const fs::path& p, const fs::path& root) {
  std::error_code ec;
  fs::path real = fs::canonical(p, ec);
  if (ec) return std::nullopt;
  auto [r, _] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (r != root.end()) return std::nullopt;
  return real;
}

fs::path resolved_root(const fs::path& data) {
  std::error_code ec;
  fs::path root = fs::canonical(data, ec);
  return ec ? fs::absolute(data) : root;
}

}  // namespace

std::vector<YearMonth> list_months(const fs::path& data, Diagnostics* warnings) {
  std::vector<YearMonth> months;
  std::error_code ec;
  if (!is_dir(data)) return months;
  fs::path root = resolved_root(data);
  for (const auto& entry : list_dir(data)) {
    // Only canonical names: "2024-06", not "2024年6月备份".
    auto m = YearMonth::parse_exact(entry.path().filename().string());
    if (!m) continue;
    fs::path sub = entry.path() / "submissions";
    if (!fs::exists(fs::symlink_status(sub, ec)) && !entry.is_symlink(ec)) continue;
    if (!inside(sub, root)) {
      if (warnings)
        warnings->warning(
            name_to_utf8(entry.path().string()), 0, 0,
            "月份目录或其 submissions 是指向数据目录之外（或无法解析）的符号链接，已跳过");
      continue;
    }
    if (is_dir(sub)) months.push_back(*m);
  }
  std::sort(months.begin(), months.end());
  return months;
}

fs::path output_dir(const fs::path& data, const std::string& name) {
  fs::path dir = data / name;
  std::error_code ec;
  if (fs::is_symlink(dir, ec))
    throw IoError(dir.string(), "是符号链接，不会通过它写入文件；请改为普通目录");
  return dir;
}

enum class FileKind { progress, unread, special, skipped };

static FileKind kind_of(const fs::directory_entry& entry) {
  const fs::path& p = entry.path();
  std::string name = p.filename().string();
  // Editor and Office lock files (~$市民政局.csv, .市民政局.csv.swp) are nobody's report.
  if (name.starts_with("~$") || name.starts_with(".")) return FileKind::skipped;
  std::error_code ec;
  if (!entry.is_regular_file(ec) && !entry.is_directory(ec)) return FileKind::special;
  if (!entry.is_regular_file(ec)) return FileKind::unread;  // a folder sent as it was unzipped
  return input_kind(name) == InputKind::none ? FileKind::unread : FileKind::progress;
}

static std::string unread_reason(const fs::directory_entry& entry) {
  std::error_code ec;
  if (entry.is_directory(ec))
    return "是文件夹，不会读取其中的文件：请把进度文件直接放在 submissions/ 中";
  std::string ext = lower_extension(entry.path());
  if (ext == ".ods")
    return "是 OpenDocument 表格，不能直接读取：请另存为 .xlsx 或 CSV 后放入本目录";
  return "不是进度文件（应为 .csv 或 .yaml），未读取";
}

namespace {

struct Job {
  YearMonth month;
  fs::path path;
};

struct Parsed {
  std::optional<Submission> sub;
  Diagnostics diags;
};

}  // namespace

static std::optional<std::string> read_data_file(const fs::path& f, const std::string& label,
                                                 Diagnostics& diags);

static Parsed parse_one(const Plan& plan, const Job& job) {
  Parsed out;
  std::string label = name_to_utf8(job.path.string());  // the name, for messages and outputs only
  auto bytes = read_data_file(job.path, label, out.diags);
  if (!bytes) return out;
  out.sub = parse_submission(*bytes, label, plan, job.month, out.diags);
  return out;
}

// On every core when `spread`, else on the caller's thread; the fold in the background is done
// when this returns.
static std::vector<Parsed> parse_files(const Plan& plan, const std::vector<Job>& jobs, bool spread,
                                       Background& folding) {
  std::vector<Parsed> out(jobs.size());
  auto one = [&](std::size_t i) { out[i] = parse_one(plan, jobs[i]); };
  if (spread)
    parallel_for(jobs.size(), one);
  else
    for (std::size_t i = 0; i < jobs.size(); ++i) one(i);
  folding.wait();
  return out;
}

// A data file's bytes, or nullopt with the reason in `diags` (unreadable, too large).
static std::optional<std::string> read_data_file(const fs::path& f, const std::string& label,
                                                 Diagnostics& diags) {
  try {
    return read_input(f);
  } catch (const IoError& e) {
    diags.io_error(label, e.reason());
  } catch (const DataError& e) {
    diags.error(label, 0, 0, e.diagnostics().items().front().message);
  }
  return std::nullopt;
}

// DATA/breakdown/: the 分解方案 units send, valid for every month.
// Keyed by target and 县市区, county −1 for a row of the whole city (the target's nodes).
static std::map<CountyKey, Allocation> read_breakdown(const Plan& plan, const fs::path& data,
                                                      const fs::path& root, Diagnostics& diags) {
  std::map<CountyKey, Allocation> out;
  fs::path dir = data / "breakdown";
  if (!is_dir(dir)) return out;
  if (!inside(dir, root)) {
    diags.warning(name_to_utf8(dir.string()), 0, 0,
                  "是指向数据目录之外（或无法解析）的符号链接，已跳过");
    return out;
  }
  std::vector<fs::path> files;
  for (const auto& entry : list_dir(dir)) {
    FileKind k = kind_of(entry);
    std::error_code lec;
    if (k == FileKind::skipped) continue;
    std::string label = name_to_utf8(entry.path().string());
    if (k != FileKind::progress || (entry.is_symlink(lec) && !inside(entry.path(), root)))
      diags.warning(label, 0, 0, "不是可读取的分解方案文件（.csv、.yaml 或工作簿），已跳过");
    else
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::set<CountyKey> clash;
  for (const auto& f : files) {
    std::string label = name_to_utf8(f.string());
    auto bytes = read_data_file(f, label, diags);
    if (!bytes) continue;
    auto rows = parse_breakdown(*bytes, label, plan, diags);
    for (auto& [key, a] : rows) {
      auto [it, fresh] = out.emplace(key, a);
      if (fresh) continue;
      diags.error(a.source.file, a.source.line, 0,
                  target_label(key.key.task, key.key.target, true) + "在" +
                      (key.county < 0
                           ? std::string("全市的节点")
                           : plan.counties[static_cast<std::size_t>(key.county)] + "的分解目标") +
                      "另见 " + it->second.source.str() + "；两处均不采用");
      clash.insert(key);
    }
  }
  for (const auto& k : clash) out.erase(k);
  return out;
}

void adopt_breakdown_schedules(Plan& plan, const fs::path& data) {
  if (!is_dir(data)) return;
  Diagnostics ignored;  // the reading reports them (load)
  for (const auto& [key, a] : read_breakdown(plan, data, resolved_root(data), ignored)) {
    if (key.county >= 0) continue;
    const Task* found = plan.find_task(key.key.task, key.key.target);
    Task& task = plan.tasks[static_cast<std::size_t>(found - plan.tasks.data())];
    Target& t = task.targets[static_cast<std::size_t>(key.key.target - 1)];
    const Category* c = plan.find_category(task.category);
    // The plan's own nodes for a target stand; a unit's 分解方案 is more exact than a category's.
    if (!t.schedule || (c && t.schedule == c->schedule)) t.schedule = a.schedule;
  }
}

static void load_breakdown(const Plan& plan, const fs::path& data, const fs::path& root,
                           DataSet& set) {
  for (auto& [key, a] : read_breakdown(plan, data, root, set.diagnostics))
    if (key.county >= 0) set.allocations.emplace(key, std::move(a));
}

namespace {

// How far along a re-sent file is by its name: 更正/修正/更新/重报 count one, and a version
// number (v2, （2）) counts as itself. 0 for a first file.
int revision_of(const std::string& stem) {
  int rev = 0;
  for (std::string_view w : {"更正", "修正", "更新", "重报", "修订"})
    if (stem.find(w) != std::string::npos) rev = std::max(rev, 1);
  std::string s = nfkc(stem);
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool version = (s[i] == 'v' || s[i] == 'V') && i + 1 < s.size() &&
                   std::isdigit(static_cast<unsigned char>(s[i + 1]));
    bool bracket = s[i] == '(' && i + 2 < s.size() &&
                   std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
                   s.find(')', i) != std::string::npos;
    if (!version && !bracket) continue;
    std::size_t j = i + 1;
    int n = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && n < 1000)
      n = n * 10 + (s[j++] - '0');
    if (bracket && (j >= s.size() || s[j] != ')')) continue;
    if (n < 100) rev = std::max(rev, n);  // 2024 in (2024年) is a year, not a version
  }
  return rev;
}

// Two files of one unit for one month that give the same targets (a CSV and the formal
// workbook, a re-sent 更正 file): the newer is the report and the older is set aside, with a
// warning naming both. Newer: by name (revision_of), else a later 填报日期, else a later
// modification time. Files that give different targets are both kept.
void supersede_resent(std::vector<Submission>& subs, std::size_t first, Diagnostics& diags) {
  std::map<std::string, std::vector<std::size_t>> by_unit;
  for (std::size_t i = first; i < subs.size(); ++i)
    if (subs[i].usable()) by_unit[subs[i].unit].push_back(i);
  for (auto& [unit, files] : by_unit) {
    if (files.size() < 2) continue;
    struct Age {
      int revision;
      std::optional<Date> dated;
      fs::file_time_type modified;
    };
    std::map<std::size_t, Age> age;
    for (std::size_t i : files) {
      std::error_code ec;
      age[i] = {revision_of(fs::path(subs[i].file).stem().string()), subs[i].submitted,
                fs::last_write_time(subs[i].file, ec)};
    }
    auto newer = [&](std::size_t a, std::size_t b) {
      const Age &x = age[a], &y = age[b];
      if (x.revision != y.revision) return x.revision > y.revision;
      if (x.dated && y.dated && *x.dated != *y.dated) return *x.dated > *y.dated;
      if (x.modified != y.modified) return x.modified > y.modified;
      return subs[a].file > subs[b].file;  // the same inputs give the same report
    };
    std::sort(files.begin(), files.end(), newer);
    std::set<TargetKey> kept;
    std::size_t kept_file = files.front();
    for (std::size_t i : files) {
      Submission& s = subs[i];
      bool overlaps = false;
      for (const auto* rows : {&s.entries, &s.counties, &s.projects})
        for (const auto& e : *rows) overlaps = overlaps || kept.count(e.key);
      if (!overlaps) {
        for (const auto* rows : {&s.entries, &s.counties, &s.projects})
          for (const auto& e : *rows) kept.insert(e.key);
        continue;
      }
      const Age& a = age[kept_file];
      const Age& b = age[i];
      std::string why = a.revision != b.revision ? "文件名表明是更正或更新的版本"
                        : a.dated && b.dated && *a.dated != *b.dated ? "填报日期较晚"
                                                                     : "修改时间较晚";
      diags.warning(s.file, 0, 0,
                    unit + "本月另有 " + subs[kept_file].file + "（" + why +
                        "），采用该文件；本文件视为被更正的旧版，不予采用");
      // The figures it set right: reports say 已更正（原 X）. Looked up by target, not by a
      // scan of the kept file per row (a province's file has thousands).
      Submission& kept_sub = subs[kept_file];
      std::unordered_map<TargetKey, const ProgressEntry*, TargetKeyHash> now;
      for (const auto& e : kept_sub.entries)
        if (e.value) now.emplace(e.key, &e);
      for (const auto& old : s.entries) {
        if (!old.value || old.derived_from != SumOf::none) continue;
        auto it = now.find(old.key);
        if (it == now.end() || *it->second->value == *old.value) continue;
        const ProgressEntry& e = *it->second;
        kept_sub.corrections.push_back(
            {e.key, kept_sub.month, *e.value, e.percent, old.value, e.source});
      }
      drop_rows(s);
      s.unit_text = {};
    }
  }
}

// What a reading keeps. Every month with files is handed to `fold` when there is one. With
// `choose`, the months it picks from the listing are the report months: the rows of months before
// the first are merged into `carried` (unless the fold keeps their figures: `carry` false) and
// dropped, the rest kept. Without it, every row is kept, or, with a fold, every row dropped once
// folded.
struct Reading {
  std::optional<YearMonth> upto, only;
  MonthChoice choose;
  const MonthFold* fold = nullptr;
  const ReceivedLog* received = nullptr;
  bool carry = true;
};

// Every reading is this one.
MonthRows load(const Plan& plan, const fs::path& data, const Reading& r) {
  const MonthFold* fold = r.fold;
  require_data_dir(data);
  MonthRows set;
  fs::path root = resolved_root(data);
  // Outputs a killed --write left half-done are finished before anything reads the folder.
  std::error_code rec;
  for (const auto& entry : list_dir(data))
    if (!entry.is_symlink(rec) && entry.is_directory(rec)) recover_outputs(entry.path());
  load_breakdown(plan, data, root, set);
  std::vector<std::vector<Job>> months;
  for (YearMonth m : list_months(data, &set.diagnostics)) {
    if (r.upto && m > *r.upto) break;
    if (r.only && m != *r.only) continue;
    set.months.push_back(m);
    std::vector<fs::path> files;
    std::vector<fs::directory_entry> unread;
    for (const auto& entry : list_dir(month_dir(data, m) / "submissions")) {
      FileKind k = kind_of(entry);
      if (k == FileKind::skipped) continue;
      // Never followed out of the data folder, never opened when it could hang (a FIFO) or
      // loop: such entries are named and skipped.
      std::error_code lec;
      if (entry.is_symlink(lec) && !inside(entry.path(), root)) {
        set.diagnostics.warning(name_to_utf8(entry.path().string()), 0, 0,
                                "是指向数据目录之外（或无法解析、形成循环）的符号链接，已跳过");
        continue;
      }
      if (k == FileKind::special) {
        set.diagnostics.warning(name_to_utf8(entry.path().string()), 0, 0,
                                "不是普通文件或目录（管道、设备等），已跳过");
        continue;
      }
      set.file_months[name_to_utf8(entry.path().string())] = m;
      if (k == FileKind::progress)
        files.push_back(entry.path());
      else
        unread.push_back(entry);
    }
    std::sort(unread.begin(), unread.end());
    for (const auto& entry : unread) {
      std::string label = name_to_utf8(entry.path().string());
      set.diagnostics.warning(label, 0, 0, unread_reason(entry));
      set.unread.push_back(
          {label, m, unit_from_file_name(name_to_utf8(entry.path().stem().string()), plan)});
    }
    std::sort(files.begin(), files.end());
    auto& jobs = months.emplace_back();
    for (auto& f : files) jobs.push_back({m, std::move(f)});
  }
  // The report months are chosen from the listing, before any file is read, so that the rows
  // of the months before them need never be held.
  std::optional<YearMonth> rows_from;
  if (r.choose) {
    std::vector<YearMonth> listed;
    for (const auto& jobs : months)
      if (!jobs.empty()) listed.push_back(jobs.front().month);
    set.report_months = r.choose(listed);
    if (!set.report_months.empty())
      rows_from = *std::min_element(set.report_months.begin(), set.report_months.end());
  }
  // The months before `rows_from` are merged into `carried` and their rows let go (as are every
  // month's when only folded), each in the background while the next month's files are parsed:
  // merging is serial, so it would otherwise leave a core idle.
  bool carry = rows_from && r.carry;
  if (carry) set.carried.values.reserve(plan.target_count());
  std::size_t files = 0;
  for (const auto& jobs : months) files += jobs.size();
  set.submissions.reserve(files);
  Background folding;
  for (const auto& jobs : months) {
    // Files are independent: a large month's are parsed on every core, and the results taken in
    // the order of the listing, so the output is the same whatever the number of threads.
    bool spread = jobs.size() >= kSpreadFiles;
    // set.submissions grows below: parse_files waits for the fold to be done with it.
    std::vector<Parsed> parsed = parse_files(plan, jobs, spread, folding);
    std::size_t first = set.submissions.size();
    for (auto& p : parsed) {
      for (const auto& d : p.diags.items()) set.diagnostics.add(d);
      if (!p.sub) continue;
      if (r.received) apply_received(*r.received, *p.sub);
      set.submissions.push_back(std::move(*p.sub));
    }
    supersede_resent(set.submissions, first, set.diagnostics);
    check_month_conflicts(set.submissions, first, set.diagnostics);
    settle_doubtful(plan, set.submissions, first, set.diagnostics);
    if (jobs.empty()) continue;
    YearMonth m = jobs.front().month;
    bool keep = rows_from ? m >= *rows_from : !fold;
    if (keep && !fold) continue;
    auto merge = [&set, first, fold, m, keep, carry] {
      if (fold) (*fold)(set.submissions, m);
      if (keep) return;
      if (carry) advance_snapshot(set.carried, set.submissions, set.carried_until, m, nullptr);
      for (std::size_t i = first; i < set.submissions.size(); ++i) drop_rows(set.submissions[i]);
    };
    if (spread)
      folding.run(merge);
    else
      merge();
  }
  folding.wait();
  give_back_free_memory();  // the rows the parse threads made and the merge let go
  if (r.received) check_received(*r.received, set, set.diagnostics);
  set.carried.reported.clear();  // it pointed into a vector that has grown since
  return set;
}

// The files, months and problems of a reading, without what it merged.
template <class Kept>
Kept files_of(MonthRows&& read) {
  Kept out;
  static_cast<DataSet&>(out) = std::move(static_cast<DataSet&>(read));
  return out;
}

}  // namespace

AllRows load_data(const Plan& plan, const fs::path& data, std::optional<YearMonth> upto,
                  const ReceivedLog* received) {
  return files_of<AllRows>(load(
      plan, data, {.upto = upto, .only = {}, .choose = {}, .fold = nullptr, .received = received}));
}

MonthRows load_months(const Plan& plan, const fs::path& data, std::vector<YearMonth> months,
                      std::optional<YearMonth> upto, const ReceivedLog* received) {
  return load_months(
      plan, data, [&](const std::vector<YearMonth>&) { return months; }, upto, received);
}

MonthRows load_months(const Plan& plan, const fs::path& data, const MonthChoice& choose,
                      std::optional<YearMonth> upto, const ReceivedLog* received,
                      const MonthFold* fold) {
  return load(plan, data,
              {.upto = upto, .only = {}, .choose = choose, .fold = fold, .received = received});
}

FoldedMonth load_folded_month(const Plan& plan, const fs::path& data, YearMonth month,
                              const ReceivedLog* received, const MonthFold& fold) {
  // `month` is the fold's to take in with its report, from the rows kept.
  MonthFold before = [&fold, month](const std::vector<Submission>& subs, YearMonth m) {
    if (m < month) fold(subs, m);
  };
  auto out =
      files_of<FoldedMonth>(load(plan, data,
                                 {.upto = month,
                                  .only = {},
                                  .choose = [month](const auto&) { return std::vector{month}; },
                                  .fold = &before,
                                  .received = received,
                                  .carry = false}));
  out.month = month;
  return out;
}

DataSet fold_data(const Plan& plan, const fs::path& data, std::optional<YearMonth> upto,
                  const MonthFold& fold, const ReceivedLog* received) {
  return files_of<DataSet>(load(
      plan, data, {.upto = upto, .only = {}, .choose = {}, .fold = &fold, .received = received}));
}

DataSet load_month_files(const Plan& plan, const fs::path& data, YearMonth m,
                         const ReceivedLog* received) {
  // Who sent what needs no figure: the month's rows are let go as they are read.
  MonthFold none = [](const std::vector<Submission>&, YearMonth) {};
  return files_of<DataSet>(
      load(plan, data, {.upto = m, .only = m, .choose = {}, .fold = &none, .received = received}));
}

}  // namespace minsheng
