// The roster's everyday operations on a store: the check, look-ups, restore.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "helpers.h"
#include "i18n/i18n.h"
#include "roster/operations.h"
#include "store/store.h"

using namespace tongxin;
using namespace tongxin::roster;
using tongxin::testing::TempDir;

namespace {

struct Store {
  TempDir dir;
  std::unique_ptr<SQLite::Database> db = store::open(dir.path / "t.db", {.create = true});
  WriteContext ctx{"tester",
                   "2026-11-21T09:00:00+0800",
                   {Date{2026, 11, 21}, {{"c1", "一社区"}, {"c2", "二社区"}}, {}}};

  long add(std::vector<std::pair<std::string, std::string>> values,
           const std::string& community = "c1") {
    values.emplace_back("community", community);
    values.emplace_back("categories", "non_party_intellectual");
    return add_member(*db, values, ctx);
  }
};

std::vector<std::string> details(const std::vector<Finding>& findings, const std::string& kind) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    if (f.kind == kind) {
      out.push_back(f.detail);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("roster check reports likely duplicates on the keys an import matches people by") {
  i18n::set_language(i18n::Lang::en);
  Store s;
  s.add({{"name", "高峰"}, {"birth_date", "1968-03-02"}});
  s.add({{"name", "陈美玲"}, {"phone", "139-1234-5678"}});
  s.add({{"name", "林志远"}, {"employer", "兰州大学"}});
  s.add({{"name", "高峰"}, {"birth_date", "1968-03-02"}}, "c2");  // anywhere: same birth date
  s.add({{"name", "陈美玲"}, {"phone", "13912345678"}});          // the same digits
  s.add({{"name", "林志远"}, {"employer", "兰州大学"}}, "c2");    // another community
  s.add({{"name", "李明"}, {"birth_date", "1970-01-01"}, {"employer", "甲厂"}});
  s.add({{"name", "李明"}, {"birth_date", "1980-01-01"}, {"employer", "甲厂"}});  // not one person
  s.add({{"name", "王芳"}, {"birth_date", "1975-05-05"}, {"phone", "13800000000"}});
  s.add({{"name", "王芳"}, {"birth_date", "1975-05-05"}, {"phone", "13800000000"}});
  s.add({{"name", "林志远"}, {"employer", "兰州大学"}, {"phone", "13700000000"}});
  const auto findings = check_roster(*s.db, s.ctx.values, "");
  CHECK(details(findings, "likely_duplicate") ==
        std::vector<std::string>{
            "likely duplicates (same name and birth date): members 1, 4",
            "likely duplicates (same name and birth date): members 9, 10",
            "likely duplicates (same name and phone in one community): members 2, 5",
            "likely duplicates (same name and employer in one community): members 3, 11",
        });
  CHECK(details(check_roster(*s.db, s.ctx.values, "c2"), "likely_duplicate").empty());
}

TEST_CASE("a member is found by id, ID number or name; a shared name lists who it may be") {
  i18n::set_language(i18n::Lang::en);
  Store s;
  const long wang = s.add({{"name", "王建国"}, {"id_number", "620121197501010018"}});
  const long wang2 = s.add({{"name", "王建国"}, {"employer", "兰州一中"}}, "c2");
  const long li = s.add({{"name", "李秀英"}});
  const auto& communities = s.ctx.values.communities;
  const Date today = s.ctx.values.today;
  CHECK(resolve_member(*s.db, std::to_string(li), today, communities) == li);
  CHECK(resolve_member(*s.db, "620121197501010018", today, communities) == wang);
  CHECK(resolve_member(*s.db, " 李秀英 ", today, communities) == li);
  try {
    resolve_member(*s.db, "王建国", today, communities);
    FAIL("a shared name must be refused");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()) ==
          "'王建国' is the name of 2 members; give a member id or an ID number instead:");
    CHECK(e.details() ==
          std::vector<std::string>{
              "ID  Community  Employer  ID number           Status",
              fmt::format(" {}  一社区               **************0018  active", wang),
              fmt::format(" {}  二社区     兰州一中                      active", wang2),
          });
  }
  // An ID number that is nobody's is not echoed whole.
  try {
    resolve_member(*s.db, "620121197501010026", today, communities);
    FAIL("an unknown ID number must be refused");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()).find("**************0026") != std::string::npos);
    CHECK(std::string(e.what()).find("6201211975") == std::string::npos);
  }
}

namespace {

// The member's status on the register as of `day` (store::k_register_at_cte).
std::string status_as_of(SQLite::Database& db, long id, const std::string& day) {
  SQLite::Statement q(db, std::string(store::k_register_at_cte) +
                              " SELECT status FROM register_at WHERE member_id = :id");
  q.bind(":as_of", day);
  q.bind(":id", static_cast<int64_t>(id));
  return q.executeStep() ? q.getColumn(0).getString() : "";
}

ExitCode code_of(const std::function<void()>& f) { return tongxin::testing::exit_code_of(f); }

}  // namespace

TEST_CASE("an archived member is restored on a date, logged, and counted again from that day") {
  i18n::set_language(i18n::Lang::en);
  Store s;
  const long id = s.add({{"name", "李秀英"}, {"registered_on", "2026-01-01"}});
  CHECK(code_of([&] { restore_member(*s.db, id, "2026-11-01", s.ctx); }) == ExitCode::usage);
  archive_member(*s.db, id, "archived", "误归档", "2026-10-01", s.ctx);
  // Not before the archive: the events would replay in the wrong order.
  CHECK(code_of([&] { restore_member(*s.db, id, "2026-09-30", s.ctx); }) == ExitCode::usage);
  restore_member(*s.db, id, "2026-11-01", s.ctx);
  const auto member = load_member(*s.db, id);
  CHECK(member->status == "active");
  CHECK(member->status_date == "2026-11-01");
  CHECK(member->status_reason.empty());
  CHECK(status_as_of(*s.db, id, "2026-09-30") == "active");
  CHECK(status_as_of(*s.db, id, "2026-10-15") == "archived");
  CHECK(status_as_of(*s.db, id, "2026-11-01") == "active");
  CHECK(s.db->execAndGet("SELECT group_concat(kind || ':' || from_status || '>' || to_status) "
                         "FROM member_event WHERE member_id = " +
                         std::to_string(id))
            .getString() == "archived:active>archived,restored:archived>active");
  CHECK(s.db->execAndGet("SELECT action || ' ' || json_extract(before, '$.status') || ' ' || "
                         "json_extract(after, '$.status') FROM change_log ORDER BY id DESC")
            .getString() == "restore archived active");
  CHECK(code_of([&] { restore_member(*s.db, id, "2026-11-02", s.ctx); }) == ExitCode::usage);
}

TEST_CASE("a moved-away or deceased member is restored too, in the community they were in") {
  Store s;
  const long id = s.add({{"name", "王芳"}}, "c2");
  archive_member(*s.db, id, "moved", "迁往兰州", "2026-11-21", s.ctx);
  restore_member(*s.db, id, "2026-11-21", s.ctx);  // the same day: a mistake put right
  CHECK(load_member(*s.db, id)->values[Field::community] == "c2");
  archive_member(*s.db, id, "deceased", "病故", "2026-11-21", s.ctx);
  restore_member(*s.db, id, "2026-11-21", s.ctx);
  CHECK(load_member(*s.db, id)->status == "active");
}

TEST_CASE("a member whose community left the workspace is not restored into it") {
  i18n::set_language(i18n::Lang::en);
  Store s;
  const long id = s.add({{"name", "王芳"}}, "c2");
  archive_member(*s.db, id, "archived", "停止联系", "2026-11-01", s.ctx);
  WriteContext smaller = s.ctx;
  smaller.values.communities = {{"c1", "一社区"}};
  CHECK(code_of([&] { restore_member(*s.db, id, "2026-11-21", smaller); }) == ExitCode::bad_input);
  CHECK(load_member(*s.db, id)->status == "archived");
}

TEST_CASE("a listing of other statuses than active has a status column, labelled on a terminal") {
  i18n::set_language(i18n::Lang::zh);
  Store s;
  s.add({{"name", "李秀英"}});
  const long wang = s.add({{"name", "王芳"}});
  archive_member(*s.db, wang, "moved", "迁往兰州", "2026-11-01", s.ctx);
  const auto status_cells = [&](const std::string& status, bool wide) {
    ListFilter filter;
    filter.status = status;
    ListOptions options;
    options.wide = wide;
    const output::Table t = list_table(*s.db, filter, options);
    std::vector<std::string> cells;
    if (t.columns.back().key == "status") {
      for (const auto& row : t.rows) {
        cells.push_back(row.back());
      }
    }
    return cells;
  };
  CHECK(status_cells("active", false).empty());
  CHECK(status_cells("all", false) == std::vector<std::string>{"在册", "迁出"});
  CHECK(status_cells("moved", false) == std::vector<std::string>{"迁出"});
  CHECK(status_cells("active", true) == std::vector<std::string>{"active"});
  CHECK(status_cells("all", true) == std::vector<std::string>{"active", "moved"});
}

TEST_CASE(
    "roster check reports a registered member without a category, or CPC in a non-Party one") {
  i18n::set_language(i18n::Lang::en);
  Store s;
  const long uncategorised = s.add({{"name", "李秀英"}});
  const long cpc = s.add({{"name", "王芳"}});
  s.db->exec("DELETE FROM member_category WHERE member_id = " + std::to_string(uncategorised));
  s.db->exec("UPDATE member SET political_status = 'cpc_member' WHERE id = " + std::to_string(cpc));
  const auto findings = check_roster(*s.db, s.ctx.values, "");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].member_id == uncategorised);
  CHECK(findings[0].detail.find("required: at least one category") != std::string::npos);
  CHECK(findings[1].member_id == cpc);
  CHECK(findings[1].detail.find("a CPC member cannot be in this category") != std::string::npos);
}

TEST_CASE("member rows read unordered are the rows read in order, which a rewind starts again") {
  Store s;
  for (const char* name : {"赵敏", "王芳", "李秀英", "阿依"}) {
    s.add({{"name", name}});
  }
  MemberRows rows(*s.db, ListFilter{}, ListOptions{});
  const auto names = [&](bool ordered) {
    std::vector<std::string> read;
    for (std::vector<std::string> cells; ordered ? rows.next(cells) : rows.next_unordered(cells);) {
      read.push_back(cells[1]);
    }
    return read;
  };
  std::vector<std::string> unordered = names(false);
  rows.rewind();
  const std::vector<std::string> ordered = names(true);
  CHECK(ordered == std::vector<std::string>{"阿依", "李秀英", "王芳", "赵敏"});
  std::sort(unordered.begin(), unordered.end());
  std::vector<std::string> sorted = ordered;
  std::sort(sorted.begin(), sorted.end());
  CHECK(unordered == sorted);
  rows.rewind();
  CHECK(names(true) == ordered);
}
