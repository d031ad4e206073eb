#include "report/labels.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("an amount still to do: whole things round up, % targets speak of 百分点") {
  CHECK(increment_text(1.2, "个") == "2个");
  CHECK(increment_text(12, "个") == "12个");
  CHECK(increment_text(0.4, "家") == "1家");
  CHECK(increment_text(366.6667, "套(间)") == "367套(间)");
  CHECK(increment_text(14000, "平方米") == "1.4万平方米");
  CHECK(increment_text(2.45, "公里") == "2.5公里");
  CHECK(increment_text(1833333.3, "人次") == "183.3万人次");
  CHECK(increment_text(2.25, "%") == "2.3个百分点");
  CHECK(increment_text(std::nullopt, "个") == "—");
}

TEST_CASE("figures as the plan writes them use 万 from 10,000 up") {
  CHECK(figure_text(20000, "人", Comparator::exactly) == "2万人");
  CHECK(figure_text(1680, "个", Comparator::at_least) == "1680个以上");
  CHECK(with_measure(150000, "平方米") == "15万平方米");
  CHECK(with_measure(96, "%") == "96%");
}

TEST_CASE("text from data is inert in Markdown") {
  CHECK(md_escape("# 标题") == "\\# 标题");
  CHECK(md_escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
  CHECK(md_escape("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>");
  CHECK(md_escape("a|b\nc") == "a\\|b c");
  // Tabs and CR are spaces; other control characters and DEL are dropped; \ and & escaped.
  CHECK(md_escape("a\tb\rc\x01"
                  "d\x7f~&\\") == "a b cd\\~\\&\\\\");
  CHECK(md_escape("") == "");
  CHECK(md_escape("民生项目 95%") == "民生项目 95%");  // nothing to escape: the text as it was
  // A unit's note can make no link in a leader's rendered document (GFM autolinks http:// and
  // www.; checked with cmark-gfm -e autolink), while file:line stays as it reads.
  CHECK(md_escape("见 http://evil.example/x 和 WWW.evil.cn") ==
        "见 http\\://evil.example/x 和 WWW\\.evil.cn");
  // An e-mail address is linked whatever is escaped in it (cmark-gfm 0.29): its "@" goes in a
  // code span. An "@" that cannot end an address stays as it is.
  CHECK(md_escape("联系 zhang@yc.gov.cn 或 mailto:li.x+1@yc.cn") ==
        "联系 zhang`@`yc.gov.cn 或 mailto:li.x+1`@`yc.cn");
  CHECK(md_escape("@所有人，张三@") == "@所有人，张三@");
  CHECK(md_escape("市城管委.csv:3:2") == "市城管委.csv:3:2");
  CHECK(md_escape("*粗*_斜_`码`[链](x)") == "\\*粗\\*\\_斜\\_\\`码\\`\\[链\\](x)");
  CHECK(md_escape(std::string("a\x1b[31mb\0c", 10)) == "a\\[31mbc");
  CHECK(md_escape("1680个以上，-5.5") == "1680个以上，-5.5");
}

TEST_CASE("sentences that name a setting say the plan's value, in words") {
  Settings s;
  CHECK(pace_window_text(s) == "近三个月");
  CHECK(long_open_text(s) == "三个月以上");
  CHECK(not_started_late_text(s) == "过半");
  s.pace_window_months = 2;  // 两个月, never 二个月
  s.long_open_months = 6;
  s.project_not_started_pct = 60;
  CHECK(pace_window_text(s) == "近两个月");
  CHECK(long_open_text(s) == "六个月以上");
  CHECK(not_started_late_text(s) == "超过60%");
}

TEST_CASE("the public edition names three states: done, under way, and being sped up") {
  using S = Status;
  using P = PublicStatus;
  const std::pair<S, P> expected[] = {
      {S::done, P::done},
      {S::done_late, P::done},  // reached: the public is told it is done
      {S::ahead, P::under_way},
      {S::on_track, P::under_way},
      {S::not_reported, P::under_way},
      {S::pending, P::under_way},
      {S::invalid, P::under_way},
      {S::behind, P::speeding_up},  // 滞后, 严重滞后 and 逾期 read 「正在加快推进」
      {S::seriously_behind, P::speeding_up},
      {S::overdue, P::speeding_up},
  };
  REQUIRE(std::size(expected) == kAllStatuses.size());
  for (const auto& [s, p] : expected) {
    INFO(status_code(s));
    CHECK(public_status(s) == p);
  }
}
