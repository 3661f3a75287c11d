// The assessment itself: a pure function of the standard, one community's facts and figures as
// of a date, waivers and manual results → per item status, points and evidence; per group and
// in total; stars; verdict. No database, files or clock: figures come in as plain structs
// (records.h reads them; cmd builds duty figures from the schedule's agenda).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/standard.h"
#include "audit/waivers.h"
#include "config/community.h"
#include "core/period.h"

namespace tongxin::audit {

// The register of one community as of the as-of date.
struct RosterFigures {
  long members = 0;  // registered by then and active in the community that day
  long key_contacts = 0;
  long key_contacts_without_cadre = 0;
  std::map<std::string, long> filled;  // fields_key(fields) -> members with all of them filled
  std::optional<Date> last_change;     // latest change to the register on or before the as-of
};

// Activities of one community in the period, up to the as-of date.
struct ActivityFigures {
  std::map<std::string, long> count;  // by activity type
  std::map<std::string, double> sum;  // by measure_key(type, measure)
};

// A plan duty's occurrences due in the period up to the as-of date.
struct DutyFigures {
  long due = 0;
  long done = 0;
};

struct CommunityFacts {
  const config::Community* community = nullptr;
  RosterFigures roster;
  ActivityFigures activities;
  std::map<std::string, DutyFigures> duties;  // by duty id (community-scope duties)
};

// Everything that is the same for every community of one run.
struct AuditInputs {
  const Standard& standard;
  Date as_of;
  Period period;
  const std::vector<Waiver>& waivers;
  const std::vector<ManualResult>& manual;
  std::string manual_file;  // where manual results are read from (for the evidence)
  // Whether a workspace-relative document path exists (institution documents).
  std::function<bool(const std::string&)> document_exists;
};

enum class Status { pass, fail, waived, not_applicable, not_assessed };
enum class Verdict { pass, fail, pending };
enum class WaiverStatus { valid, expired, unused };

std::string_view status_code(Status status);
std::string_view verdict_code(Verdict verdict);
std::string_view waiver_status_code(WaiverStatus status);
std::string_view check_code(CheckKind kind);

struct ItemResult {
  const Group* group = nullptr;
  const Item* item = nullptr;
  Status status = Status::fail;
  double earned = 0;
  double possible = 0;
  std::string evidence;                  // in the current language
  const Waiver* waiver = nullptr;        // applied (status waived)
  const ManualResult* manual = nullptr;  // manual items with a result
};

struct WaiverUse {
  const Waiver* waiver = nullptr;
  WaiverStatus status = WaiverStatus::valid;
};

struct GroupResult {
  const Group* group = nullptr;
  std::vector<ItemResult> items;
  double earned = 0;
  double possible = 0;
};

struct CommunityResult {
  const config::Community* community = nullptr;
  long members = 0;
  std::vector<GroupResult> groups;
  double earned = 0;
  double possible = 0;
  double percent = 0;  // one decimal
  double pass_mark = 0;
  std::optional<int> stars;  // none when the standard has no bands
  Verdict verdict = Verdict::fail;
  std::vector<std::string> reasons;  // why not pass, in the current language
  std::vector<WaiverUse> waivers;

  // Failed items, in the standard's order.
  std::vector<const ItemResult*> failed() const;
  // The item with this code, or nullptr.
  const ItemResult* item(const std::string& code) const;
};

// The key of a set of roster fields in RosterFigures::filled ("phone,contact_cadre").
std::string fields_key(const std::vector<std::string>& fields);
// The key of a measure in ActivityFigures::sum ("meeting.attendees").
std::string measure_key(const std::string& type, const std::string& measure);

// The target a scaled or banded activity check sets for `members` registered members.
double target_for(const Target& target, long members);

// Pure: assesses one community. Evidence and reasons are in the current language.
CommunityResult evaluate(const AuditInputs& inputs, const CommunityFacts& facts);

}  // namespace tongxin::audit
