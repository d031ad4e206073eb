#!/usr/bin/env bash
# Writes minsheng(1) from the binary's own --help texts, so the man page and --help never
# differ. Usage: gen_man.sh BINARY VERSION > minsheng.1
set -euo pipefail
bin=$1
version=$2
esc() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"; }
cat <<HEAD
.TH MINSHENG 1 "" "minsheng $version" "用户命令"
.ad l
.nh
.SH 名称
minsheng \- 民生项目月度进展汇总、比对与通报工具
.SH 概要
.B minsheng
[\fB\-\-plan\fR 计划文件] [\fB\-\-data\fR 数据目录] [\fB\-\-no\-color\fR] 子命令 [选项]
.SH 描述
minsheng 读取计划文件（tasks.yaml）和各牵头单位每月报送的进度文件（CSV、YAML 或 Excel/WPS
工作簿），对照序时进度评估每个指标，生成月度汇总、两个月的对比、季度通报和半年专报。
.SH 全局选项
.nf
HEAD
"$bin" --help | esc
echo ".fi"
echo ".SH 子命令"
for sub in $("$bin" __complete subcommands); do
  echo ".SS $sub"
  echo ".nf"
  "$bin" "$sub" --help | esc
  echo ".fi"
done
cat <<'TAIL'
.SH 退出状态
.TP
.B 0
成功。
.TP
.B 1
输入数据有误（每个问题以 文件:行:列 列出）；missing 有单位逾期；diff 出现 \-\-fail\-on 指定的变化。
.TP
.B 2
命令行用法错误（含数据目录不存在、月份早于计划、期间尚未结束）。
.TP
.B 3
通报期末月份尚无进度文件（\-\-allow\-stale 可照常生成并注明）。
.TP
.B 4
文件系统出错：文件无法读取或写入。
.SH 文件
.TP
.I tasks.yaml
计划文件（\-\-plan），格式见 /usr/share/doc/minsheng/catalogue.md；示例在 /usr/share/minsheng/tasks.yaml。
.TP
.I reports/YYYY\-MM/submissions/
各单位的进度文件，minsheng 只读不写。
.TP
.I reports/YYYY\-MM/summary.md, summary.csv, summary.xlsx
summary \-\-write 写出的月度汇总。
.TP
.I reports/YYYYQn/bulletin.md, bulletin.html
bulletin \-\-write 写出的通报。
.TP
.I /usr/share/minsheng/templates/
通报的默认模板，可复制修改后用 \-\-template 指定。
.TP
.I /usr/share/doc/minsheng/examples/
systemd 定时任务示例（季度通报、逾期检查）。
.SH 环境
.TP
.B NO_COLOR
设置后不使用颜色。
TAIL
