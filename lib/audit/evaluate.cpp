#include "audit/evaluate.h"

#include <algorithm>
#include <cmath>

#include "audit/checks.h"
#include "i18n/i18n.h"

namespace tongxin::audit {

namespace {

constexpr double k_epsilon = 1e-9;

double one_decimal(double value) { return std::round(value * 10) / 10; }

bool applies(const AppliesTo& applies_to, const config::Community& community) {
  switch (applies_to.kind) {
    case AppliesTo::Kind::all:
      return true;
    case AppliesTo::Kind::pilot:
      return community.pilot;
    case AppliesTo::Kind::stars_at_least:
      return community.stars >= applies_to.stars;
    case AppliesTo::Kind::townships:
      return std::find(applies_to.townships.begin(), applies_to.townships.end(),
                       community.township) != applies_to.townships.end();
  }
  return true;
}

std::string not_applicable_text(const AppliesTo& applies_to) {
  switch (applies_to.kind) {
    case AppliesTo::Kind::pilot:
      return i18n::tr("audit.ev.na_pilot");
    case AppliesTo::Kind::stars_at_least:
      return i18n::tr("audit.ev.na_stars", applies_to.stars);
    case AppliesTo::Kind::townships: {
      std::string names;
      for (const std::string& t : applies_to.townships) {
        names += (names.empty() ? "" : i18n::tr("audit.ev.list_separator")) + t;
      }
      return i18n::tr("audit.ev.na_townships", names);
    }
    case AppliesTo::Kind::all:
      break;
  }
  return "";
}

const Waiver* find_waiver(const std::vector<Waiver>& waivers, const std::string& item,
                          const std::string& community) {
  for (const Waiver& w : waivers) {
    if (w.item == item && w.community == community) {
      return &w;
    }
  }
  return nullptr;
}

// One item: applicability, the check, then a waiver when there is one.
ItemResult assess_item(const Group& group, const Item& item, const AuditInputs& inputs,
                       const CommunityFacts& facts, std::vector<WaiverUse>& uses) {
  ItemResult result;
  result.group = &group;
  result.item = &item;
  if (!applies(item.applies_to, *facts.community)) {
    result.status = Status::not_applicable;
    result.evidence = not_applicable_text(item.applies_to);
    return result;
  }
  CheckOutcome outcome = run_check(item, inputs, facts);
  result.status = outcome.status;
  result.earned = outcome.earned;
  result.possible = item.points;
  result.evidence = std::move(outcome.evidence);
  result.manual = outcome.manual;
  const Waiver* waiver = find_waiver(inputs.waivers, item.code, facts.community->id);
  if (waiver == nullptr) {
    return result;
  }
  if (!waiver->applies_on(inputs.as_of)) {
    uses.push_back({waiver, WaiverStatus::expired});
  } else if (result.status == Status::pass) {
    uses.push_back({waiver, WaiverStatus::unused});
  } else {
    uses.push_back({waiver, WaiverStatus::valid});
    result.status = Status::waived;
    result.earned = 0;
    result.possible = 0;
    result.waiver = waiver;
    result.evidence += i18n::tr("audit.ev.waived", waiver->justification);
  }
  return result;
}

// The highest band reached whose required items all pass; 0 below every band.
int stars_for(const Standard& standard, const CommunityResult& result) {
  int stars = 0;
  for (const StarBand& band : standard.stars) {
    const bool items_pass = std::all_of(band.required_items.begin(), band.required_items.end(),
                                        [&](const std::string& c) {
                                          const ItemResult* item = result.item(c);
                                          return item == nullptr || item->status == Status::pass ||
                                                 item->status == Status::not_applicable;
                                        });
    if (result.percent + k_epsilon >= band.min_percent && items_pass) {
      stars = band.stars;
    }
  }
  return stars;
}

// Pass: every required item passes and the total reaches the pass mark. Pending: nothing has
// failed it yet, but items not yet assessed decide it.
void decide(CommunityResult& result) {
  double open = 0;
  bool required_failed = false;
  bool required_open = false;
  for (const GroupResult& group : result.groups) {
    for (const ItemResult& item : group.items) {
      if (item.status == Status::fail && item.item->required) {
        required_failed = true;
        result.reasons.push_back(i18n::tr("audit.reason.required", item.item->title.label()));
      }
      if (item.status == Status::not_assessed) {
        open += item.possible;
        required_open = required_open || item.item->required;
      }
    }
  }
  const bool reaches = result.earned + k_epsilon >= result.pass_mark;
  const bool could_reach = result.earned + open + k_epsilon >= result.pass_mark;
  if (!reaches) {
    result.reasons.push_back(i18n::tr("audit.reason.below_mark", number_text(result.earned),
                                      number_text(result.pass_mark)));
  }
  if (required_failed || !could_reach) {
    result.verdict = Verdict::fail;
  } else if (!reaches || required_open) {
    result.verdict = Verdict::pending;
    result.reasons.push_back(i18n::tr("audit.reason.not_assessed"));
  } else {
    result.verdict = Verdict::pass;
  }
}

}  // namespace

std::string_view status_code(Status status) {
  switch (status) {
    case Status::pass:
      return "pass";
    case Status::fail:
      return "fail";
    case Status::waived:
      return "waived";
    case Status::not_applicable:
      return "not_applicable";
    case Status::not_assessed:
      return "not_assessed";
  }
  return "";
}

std::string_view verdict_code(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass:
      return "pass";
    case Verdict::fail:
      return "fail";
    case Verdict::pending:
      return "pending";
  }
  return "";
}

std::string_view waiver_status_code(WaiverStatus status) {
  switch (status) {
    case WaiverStatus::valid:
      return "valid";
    case WaiverStatus::expired:
      return "expired";
    case WaiverStatus::unused:
      return "unused";
  }
  return "";
}

std::string_view check_code(CheckKind kind) {
  switch (kind) {
    case CheckKind::field:
      return "field";
    case CheckKind::institution:
      return "institution";
    case CheckKind::wall_display:
      return "wall_display";
    case CheckKind::roster:
      return "roster";
    case CheckKind::activity:
      return "activity";
    case CheckKind::duty:
      return "duty";
    case CheckKind::deduct:
      return "deduct";
    case CheckKind::manual:
      return "manual";
  }
  return "";
}

std::vector<const ItemResult*> CommunityResult::failed() const {
  std::vector<const ItemResult*> out;
  for (const GroupResult& group : groups) {
    for (const ItemResult& item : group.items) {
      if (item.status == Status::fail) {
        out.push_back(&item);
      }
    }
  }
  return out;
}

const ItemResult* CommunityResult::item(const std::string& code) const {
  for (const GroupResult& group : groups) {
    for (const ItemResult& item : group.items) {
      if (item.item->code == code) {
        return &item;
      }
    }
  }
  return nullptr;
}

std::string fields_key(const std::vector<std::string>& fields) {
  std::string key;
  for (const std::string& field : fields) {
    key += (key.empty() ? "" : ",") + field;
  }
  return key;
}

std::string measure_key(const std::string& type, const std::string& measure) {
  return type + "." + measure;
}

double target_for(const Target& target, long members) {
  switch (target.kind) {
    case Target::Kind::fixed:
      return target.fixed;
    case Target::Kind::scaled: {
      const double steps =
          std::floor(static_cast<double>(members) / static_cast<double>(target.per));
      const double value = target.base + target.add * steps;
      return target.max ? std::min(value, *target.max) : value;
    }
    case Target::Kind::bands: {
      double value = 0;
      for (const Target::Band& band : target.bands) {
        if (members >= band.members) {
          value = band.target;
        }
      }
      return value;
    }
  }
  return 0;
}

CommunityResult evaluate(const AuditInputs& inputs, const CommunityFacts& facts) {
  CommunityResult result;
  result.community = facts.community;
  result.members = facts.roster.members;
  for (const Group& group : inputs.standard.groups) {
    GroupResult g{&group, {}, 0, 0};
    for (const Item& item : group.items) {
      g.items.push_back(assess_item(group, item, inputs, facts, result.waivers));
      g.earned += g.items.back().earned;
      g.possible += g.items.back().possible;
    }
    if (group.max_points) {
      g.earned = std::min(g.earned, *group.max_points);
      g.possible = std::min(g.possible, *group.max_points);
    }
    result.earned += g.earned;
    result.possible += g.possible;
    result.groups.push_back(std::move(g));
  }
  result.percent = result.possible > 0 ? one_decimal(100 * result.earned / result.possible) : 0;
  const PassMark& mark = inputs.standard.pass_mark;
  result.pass_mark = mark.unit == PassMark::Unit::points
                         ? mark.value
                         : one_decimal(mark.value * result.possible / 100);
  decide(result);
  if (!inputs.standard.stars.empty()) {
    result.stars = result.verdict == Verdict::fail ? 0 : stars_for(inputs.standard, result);
  }
  return result;
}

}  // namespace tongxin::audit
