#include <doctest/doctest.h>

#include "report/document.h"

using namespace tongxin;
using namespace tongxin::report;

namespace {

AuditInput three_communities() {
  AuditInput in;
  in.standard_id = "yongdeng-2011";
  in.standard_title = "验收标准";
  in.as_of = Date{2012, 3, 31};
  in.verdict_labels = {{"pass", "合格"}, {"fail", "不合格"}, {"pending", "待定"}};
  in.communities = {{"a", "甲社区", 100, 100, 5, "pass", "合格", {}},
                    {"b",
                     "乙社区",
                     79,
                     100,
                     3,
                     "fail",
                     "不合格",
                     {{"work", "work_summary", "报送工作总结", true, "按时报送总结"}}},
                    {"c", "丙社区", 90, 100, std::nullopt, "pending", "待定", {}}};
  return in;
}

Scope scope_of(std::vector<config::Community>& storage, std::vector<std::string> ids) {
  Scope scope{"township", "城关镇", "城关镇", "", {}};
  for (const std::string& id : ids) {
    storage.push_back(config::Community{});
    storage.back().id = id;
  }
  for (const config::Community& c : storage) {
    scope.communities.push_back(&c);
  }
  return scope;
}

}  // namespace

TEST_CASE("report audit section: only the scope's communities, mean score, lowest stars") {
  const AuditInput in = three_communities();
  std::vector<config::Community> storage;
  storage.reserve(3);
  const Scope ab = scope_of(storage, {"a", "b"});
  const auto section = audit_section(&in, ab);
  CHECK(section["score"] == 89.5);
  CHECK(section["max_score"] == 100.0);
  CHECK(section["stars"] == 3);
  CHECK(section["verdict"] == "fail");
  CHECK(section["verdict_label"] == "不合格");
  REQUIRE(section["communities"].size() == 2);
  REQUIRE(section["failed"].size() == 1);
  CHECK(section["failed"][0]["community_name"] == "乙社区");
  CHECK(section["failed"][0]["required"] == true);
  CHECK(section["failed"][0]["remediation"] == "按时报送总结");
}

TEST_CASE("report audit section: pass only when all pass, pending when none fails") {
  const AuditInput in = three_communities();
  std::vector<config::Community> s1;
  s1.reserve(1);
  CHECK(audit_section(&in, scope_of(s1, {"a"}))["verdict"] == "pass");
  std::vector<config::Community> s2;
  s2.reserve(2);
  const auto ac = audit_section(&in, scope_of(s2, {"a", "c"}));
  CHECK(ac["verdict"] == "pending");
  CHECK(ac["stars"] == 5);  // a community without stars does not lower them
  std::vector<config::Community> s3;
  s3.reserve(1);
  CHECK(audit_section(&in, scope_of(s3, {"z"})).is_null());  // none of its communities assessed
  CHECK(audit_section(nullptr, scope_of(s3, {"a"})).is_null());
}
