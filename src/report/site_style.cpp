#include "report/site_style.hpp"

namespace minsheng {
namespace {

constexpr const char* kStyle = R"(
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #0b5394; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.6; font-size: 16px;
  font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
nav.top { background: var(--accent); padding: 8px 16px; }
nav.top a { color: #fff; text-decoration: none; margin-right: 14px; font-size: 15px; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 24px 0 8px; }
p.lead { color: var(--muted); margin: 4px 0 12px; }
a { color: var(--accent); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(96px, 1fr)); gap: 8px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px; text-align: center; }
.figure b { display: block; font-size: 22px; } .figure span { color: var(--muted); font-size: 13px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px; text-align: left; vertical-align: top; }
th { background: #f0f4f8; white-space: nowrap; } td.num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px;
  white-space: nowrap; }
.bar { display: inline-block; width: 80px; height: 10px; background: #eceff1; vertical-align: middle;
  margin-right: 6px; } .bar i { display: block; height: 10px; }
svg { max-width: 100%; height: auto; } svg.chart { width: 100%; max-width: 640px; }
svg.marks { position: absolute; } svg.spark polyline { marker: url(#spark-dot); }
svg.target-chart polyline { marker: url(#chart-dot); }
svg.target-chart text { font-size: 13px; text-anchor: middle; }
svg.target-chart text.end { text-anchor: end; } svg.target-chart text.start { text-anchor: start; }
figure { margin: 0; }
details.sources { color: var(--muted); font-size: 13px; margin: 8px 0; }
details.sources li { word-break: break-all; }
svg text { font-family: inherit; }
ul.words { padding-left: 20px; } ul.links { columns: 2; padding-left: 20px; }
footer { color: var(--muted); font-size: 13px; padding: 24px 16px; text-align: center; }
@media (max-width: 600px) { main { padding: 10px; } h1 { font-size: 19px; } ul.links { columns: 1; }
  th, td { padding: 4px; }
  table.cards thead { display: none; }
  table.cards tr { display: block; padding: 6px 0; border-bottom: 1px solid var(--line); }
  table.cards td { display: inline-block; border: 0; padding: 2px 8px 2px 0; }
  table.cards td.name { display: block; font-weight: 600; } }
@media print { nav.top { display: none; } .scroll { overflow: visible; } main { max-width: none; }
  table, svg { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
)";

}  // namespace

const char* site_stylesheet() {
  return kStyle;
}

}  // namespace minsheng
