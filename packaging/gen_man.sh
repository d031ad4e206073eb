#!/usr/bin/env bash
# Writes minsheng(1) from the binary's own --help texts, so the man page and --help never
# differ. Usage: gen_man.sh BINARY VERSION > minsheng.1
set -euo pipefail
# groff breaks lines only at spaces: a zero-width break point (\:) after each CJK character lets
# Chinese paragraphs fill to the page width instead of running past it.
if [[ -z ${MINSHENG_MAN_RAW:-} ]]; then
  MINSHENG_MAN_RAW=1 "$0" "$@" | python3 -c '
import re, sys
cjk = re.compile(r"([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")
for line in sys.stdin:
    whole = line.startswith((".TH", ".SH", ".SS", "minsheng \\-"))  # headings, whatis: plain
    sys.stdout.write(line if whole else cjk.sub(lambda m: m.group(1) + "\\:", line))'
  exit "${PIPESTATUS[0]}"
fi
bin=$1
version=$2
esc() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"; }
cat <<HEAD
.\\" -*- coding: UTF-8 -*-
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
.SH 示例
每月 3 日后，检查各单位报来的文件，再写出汇总：
.PP
.nf
  minsheng check \-\-month 2024\-06
  minsheng missing \-\-month 2024\-06
  minsheng summary \-\-month 2024\-06 \-\-write
.fi
.PP
比较两个月，只看恶化和新完成的指标：
.PP
.nf
  minsheng diff 2024\-05 2024\-06 \-\-only 状态恶化,新完成
.fi
.PP
季度通报和半年专报（期号、落款日期可指定）：
.PP
.nf
  minsheng bulletin \-\-quarter last \-\-write
  minsheng bulletin \-\-half 2024H1 \-\-date 2024\-07\-10 \-\-number 1
.fi
.PP
给各单位的报送表、给县市区的清单、手机看板：
.PP
.nf
  minsheng template \-\-unit 市民政局 \-\-month 2024\-07 \-o 民政局.xlsx
  minsheng summary \-\-month 2024\-06 \-\-county 夷陵区
  minsheng site \-\-month 2024\-06 \-\-write
.fi
.SH 文件
.TP
.I tasks.yaml
计划文件（\-\-plan）：任务、指标、目标值、牵头单位、县市区和报送规则，格式见
/usr/share/doc/minsheng/catalogue.md；示例在 /usr/share/minsheng/tasks.yaml。
.TP
.I reports/
数据目录（\-\-data），每月一个文件夹：
.RS
.TP
.I YYYY\-MM/submissions/
各单位当月的进度文件（CSV、YAML、xlsx 或 xls，文件名为单位名）；minsheng 只读不写。
.TP
.I YYYY\-MM/summary.md, summary.csv, summary.xlsx
summary \-\-write 写出的月度汇总。
.TP
.I breakdown/
各单位的分解方案：任务分到县市区和具体项目。
.TP
.I YYYYQn/bulletin.md, bulletin.html
bulletin \-\-write 写出的通报（半年专报为 YYYYHn/）。
.TP
.I site/
site \-\-write 写出的手机看板，整目录原子替换。
.RE
.TP
.I /usr/share/minsheng/templates/
通报的默认模板，可复制修改后用 \-\-template 指定。
.TP
.I /usr/share/doc/minsheng/examples/
systemd 定时任务示例：季度通报、半年专报、逾期检查。
.TP
.I /usr/lib/sysusers.d/minsheng.conf
定时任务使用的 minsheng 账户。
.SH 环境
.TP
.B MINSHENG_PLAN
未给 \-\-plan 时使用的计划文件。
.TP
.B MINSHENG_DATA
未给 \-\-data 时使用的数据目录。
.TP
.B NO_COLOR
设置后不使用颜色。
.TP
.B COLUMNS
终端表格和帮助适应的宽度；未设置时取终端的宽度，输出到管道时表格保持整行。
.TP
.B TZ
“今天”和 last 按此时区计算；示例定时任务设为 Asia/Shanghai。
.SH 退出状态
.TP
.B 0
成功。
.TP
.B 1
输入数据有误（每个问题以 文件:行:列 列出）；missing 有单位逾期；diff 出现 \-\-fail\-on 指定的变化。
.TP
.B 2
命令行用法错误（含数据目录不存在、月份早于计划或无需报送、期间尚未结束）。
.TP
.B 3
所报月份（通报为期末月份）尚无进度文件；\-\-allow\-stale 可沿用此前数据照常生成并注明。
.TP
.B 4
文件系统出错：文件无法读取或写入。
TAIL
