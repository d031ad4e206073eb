#include "model/shared_text.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "io/plan_loader.hpp"

using namespace minsheng;

TEST_CASE("a shared text is one copy, whoever makes it, and compares as its text") {
  std::string a = "市住房和城乡建设局";  // longer than a short string's own bytes
  SharedText x(a), y(std::string("市住房和城乡建设局"));
  CHECK(&x.str() == &y.str());
  CHECK(x == y);
  CHECK(x == a);
  CHECK(x == "市住房和城乡建设局");
  CHECK(x == std::string_view("市住房和城乡建设局"));
  CHECK_FALSE(x == "市民政局");
  CHECK_FALSE(x == SharedText("市民政局"));
  SharedText none;
  CHECK(none.empty());
  CHECK(none == "");
  CHECK(SharedText(std::string()) == none);
}

TEST_CASE("a plan's targets share their lead unit's name rather than copy it") {
  const Plan& p = test::plan();
  // Tasks 1 and 2 are both led by 市民政局 (the fixture plan).
  const Target& t1 = p.tasks[0].targets[0];
  const Target& t2 = p.tasks[1].targets[0];
  CHECK(t1.lead == "市民政局");
  CHECK(&t1.lead.str() == &t2.lead.str());
  CHECK(&p.tasks[0].leads.front().str() == &t1.lead.str());
  CHECK(lead_names(p.tasks[0]) == std::vector<std::string>{"市民政局"});
}
