#include "audit/checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "config/codes.h"
#include "i18n/i18n.h"

namespace tongxin::audit {

namespace {

constexpr double k_epsilon = 1e-9;

CheckOutcome outcome(bool met, double points, std::string evidence) {
  return {met ? Status::pass : Status::fail, met ? points : 0, std::move(evidence), nullptr};
}

std::string field_label(const config::FieldPath& path) {
  return i18n::tr("audit.field." + path.key);
}

// --- community file checks -------------------------------------------------------------------

CheckOutcome field_check(const Item& item, const config::Community& community) {
  const Check& check = item.check;
  const config::FieldValue value = config::field_value(community, check.field);
  const bool met = config::field_met(community, check.field, check.min_count, check.minimum);
  const std::string label = field_label(check.field);
  std::string evidence;
  switch (check.field.kind) {
    case config::FieldKind::flag:
      if (check.field.section == config::FieldPath::Section::activity_room) {
        evidence = i18n::tr(met ? "audit.ev.room_yes" : "audit.ev.room_no", label);
      } else {
        evidence = i18n::tr(met ? "audit.ev.flag_yes" : "audit.ev.flag_no", label);
      }
      break;
    case config::FieldKind::list:
      evidence = i18n::tr("audit.ev.list", label, value.count, check.min_count);
      break;
    case config::FieldKind::number: {
      const std::string attribute = i18n::tr("audit.attr." + check.field.attribute);
      const std::string minimum = number_text(check.minimum.value_or(0));
      evidence = value.number ? i18n::tr("audit.ev.number", label, attribute,
                                         number_text(*value.number), minimum)
                              : i18n::tr("audit.ev.number_missing", label, attribute, minimum);
      break;
    }
  }
  return outcome(met, item.points, evidence);
}

CheckOutcome institution_check(const Item& item, const AuditInputs& inputs,
                               const config::Community& community) {
  const auto found =
      std::find_if(community.institutions.begin(), community.institutions.end(),
                   [&](const config::Institution& i) { return i.code == item.check.code; });
  if (found == community.institutions.end() || !found->adopted) {
    return outcome(false, item.points, i18n::tr("audit.ev.institution_none"));
  }
  const std::string adopted = found->adopted->iso();
  if (inputs.as_of < *found->adopted) {
    return outcome(false, item.points,
                   i18n::tr("audit.ev.institution_late", adopted, inputs.as_of.iso()));
  }
  if (found->document.empty()) {
    return outcome(true, item.points, i18n::tr("audit.ev.institution", adopted));
  }
  const bool exists = inputs.document_exists && inputs.document_exists(found->document);
  // The file name is enough for people (the community file holds the path) and keeps the
  // evidence to one line of a printed form.
  const std::string name = std::filesystem::path(found->document).filename().string();
  return outcome(exists, item.points,
                 i18n::tr(exists ? "audit.ev.institution_document" : "audit.ev.document_missing",
                          adopted, name));
}

CheckOutcome wall_check(const Item& item, const AuditInputs& inputs,
                        const config::Community& community) {
  const auto found =
      std::find_if(community.wall_displays.begin(), community.wall_displays.end(),
                   [&](const config::WallDisplay& w) { return w.code == item.check.code; });
  if (found == community.wall_displays.end()) {
    return outcome(false, item.points, i18n::tr("audit.ev.wall_none"));
  }
  if (!found->posted) {
    return outcome(true, item.points, i18n::tr("audit.ev.wall_undated"));
  }
  if (inputs.as_of < *found->posted) {
    return outcome(false, item.points,
                   i18n::tr("audit.ev.wall_late", found->posted->iso(), inputs.as_of.iso()));
  }
  return outcome(true, item.points, i18n::tr("audit.ev.wall", found->posted->iso()));
}

// --- register --------------------------------------------------------------------------------

std::string fields_text(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& field : fields) {
    out += (out.empty() ? "" : i18n::tr("audit.ev.list_separator")) +
           i18n::tr("audit.roster_field." + field);
  }
  return out;
}

double share_of(long part, long whole) {
  return whole == 0 ? 0 : std::round(1000.0 * static_cast<double>(part) / whole) / 10;
}

CheckOutcome roster_check(const Item& item, const AuditInputs& inputs, const RosterFigures& r) {
  const Check& check = item.check;
  switch (check.roster) {
    case RosterRule::members: {
      const bool met = static_cast<double>(r.members) + k_epsilon >= check.minimum.value_or(0);
      return outcome(
          met, item.points,
          i18n::tr("audit.ev.members", r.members, number_text(check.minimum.value_or(0))));
    }
    case RosterRule::filled: {
      const auto found = r.filled.find(fields_key(check.fields));
      const long filled = found == r.filled.end() ? 0 : found->second;
      const double share = share_of(filled, r.members);
      return outcome(r.members > 0 && share + k_epsilon >= check.share, item.points,
                     i18n::tr("audit.ev.filled", filled, r.members, number_text(share),
                              fields_text(check.fields), number_text(check.share)));
    }
    case RosterRule::key_contact_cadres:
      return outcome(r.key_contacts_without_cadre == 0, item.points,
                     i18n::tr(r.key_contacts_without_cadre == 0 ? "audit.ev.cadres_ok"
                                                                : "audit.ev.cadres_missing",
                              r.key_contacts, r.key_contacts_without_cadre));
    case RosterRule::changed_within: {
      if (!r.last_change) {
        return outcome(false, item.points, i18n::tr("audit.ev.changed_never", check.days));
      }
      const long ago = inputs.as_of.days() - r.last_change->days();
      return outcome(ago <= check.days, item.points,
                     i18n::tr("audit.ev.changed", r.last_change->iso(), ago, check.days));
    }
  }
  return {};
}

// --- activities, duties, deductions ----------------------------------------------------------

// "基数 4 + 每 50 人 1 次（上限 12）" / "100 人以上档" / "" for a fixed target.
std::string target_basis(const Target& target, long members) {
  if (target.kind == Target::Kind::fixed) {
    return "";
  }
  std::string basis;
  if (target.kind == Target::Kind::scaled) {
    basis =
        i18n::tr("audit.ev.scaled", number_text(target.base), target.per, number_text(target.add));
    if (target.max) {
      basis += i18n::tr("audit.ev.scaled_max", number_text(*target.max));
    }
  } else {
    long from = 0;
    for (const Target::Band& band : target.bands) {
      if (members >= band.members) {
        from = band.members;
      }
    }
    basis = i18n::tr("audit.ev.band", from);
  }
  return i18n::tr("audit.ev.basis", members, basis);
}

struct Count {
  double actual = 0;
  double target = 0;
  std::string text;  // "例会 4 次，要求 ≥ 6：登记成员 120 人，基数 4 + 每 50 人 1 次"
};

Count activity_count(const Check& check, const CommunityFacts& facts) {
  const config::CodeEntry* type = config::code_table("activity_types").by_code(check.activity_type);
  const std::string type_label = type != nullptr ? type->label() : check.activity_type;
  Count count;
  count.target = target_for(check.target, facts.roster.members);
  std::string what;
  if (check.measure.empty()) {
    const auto found = facts.activities.count.find(check.activity_type);
    count.actual = found == facts.activities.count.end() ? 0 : static_cast<double>(found->second);
    what = i18n::tr("audit.ev.activity_count", type_label, number_text(count.actual),
                    number_text(count.target));
  } else {
    const auto found = facts.activities.sum.find(measure_key(check.activity_type, check.measure));
    count.actual = found == facts.activities.sum.end() ? 0 : found->second;
    const auto measure =
        std::find_if(type->measures.begin(), type->measures.end(),
                     [&](const config::Measure& m) { return m.key == check.measure; });
    what = i18n::tr("audit.ev.activity_sum", i18n::pick(measure->zh, measure->en),
                    number_text(count.actual), i18n::pick(measure->unit_zh, measure->unit_en),
                    number_text(count.target));
  }
  count.text = what + target_basis(check.target, facts.roster.members);
  return count;
}

DutyFigures duty_totals(const Check& check, const CommunityFacts& facts) {
  DutyFigures total;
  for (const auto& [id, figures] : facts.duties) {
    if (check.duties.empty() ||
        std::find(check.duties.begin(), check.duties.end(), id) != check.duties.end()) {
      total.due += figures.due;
      total.done += std::min(figures.done, figures.due);
    }
  }
  return total;
}

CheckOutcome duty_check(const Item& item, const CommunityFacts& facts) {
  const DutyFigures total = duty_totals(item.check, facts);
  if (total.due == 0) {
    return outcome(true, item.points, i18n::tr("audit.ev.duty_none"));
  }
  const double share = share_of(total.done, total.due);
  return outcome(share + k_epsilon >= item.check.share, item.points,
                 i18n::tr("audit.ev.duty", total.done, total.due, number_text(share),
                          number_text(item.check.share)));
}

CheckOutcome deduct_check(const Item& item, const CommunityFacts& facts) {
  const Check& check = item.check;
  double missed = 0;
  std::string counted;
  if (check.deduct_of == DeductOf::duty) {
    const DutyFigures total = duty_totals(check, facts);
    missed = static_cast<double>(total.due - total.done);
    counted = i18n::tr("audit.ev.deduct_duty", total.due, total.done);
  } else {
    const Count count = activity_count(check, facts);
    missed = std::max(0.0, std::ceil(count.target - count.actual - k_epsilon));
    counted = count.text;
  }
  const double deducted = std::min(item.points, missed * check.points_per_miss);
  const double earned = item.points - deducted;
  CheckOutcome result{missed > 0 ? Status::fail : Status::pass, earned, "", nullptr};
  result.evidence = missed > 0 ? i18n::tr("audit.ev.deduct", number_text(missed), counted,
                                          number_text(check.points_per_miss), number_text(deducted),
                                          number_text(earned))
                               : i18n::tr("audit.ev.deduct_none", counted);
  return result;
}

CheckOutcome manual_check(const Item& item, const AuditInputs& inputs,
                          const config::Community& community) {
  const auto found = std::find_if(
      inputs.manual.begin(), inputs.manual.end(),
      [&](const ManualResult& m) { return m.item == item.code && m.community == community.id; });
  if (found == inputs.manual.end()) {
    return {Status::not_assessed, 0, i18n::tr("audit.ev.manual_none", inputs.manual_file), nullptr};
  }
  const std::string date = found->date ? found->date->iso() : "";
  // A judgement is not all or nothing: it passes at 60 % of the item's points (及格), and the
  // points earned are the score either way.
  CheckOutcome result{found->score + k_epsilon >= 0.6 * item.points ? Status::pass : Status::fail,
                      found->score,
                      i18n::tr("audit.ev.manual", number_text(found->score),
                               number_text(item.points), found->assessed_by, date),
                      &*found};
  if (!found->note.empty()) {
    result.evidence += i18n::tr("audit.ev.note", found->note);
  }
  return result;
}

}  // namespace

std::string number_text(double value) { return fmt::format("{:g}", std::round(value * 10) / 10); }

CheckOutcome run_check(const Item& item, const AuditInputs& inputs, const CommunityFacts& facts) {
  const config::Community& community = *facts.community;
  switch (item.check.kind) {
    case CheckKind::field:
      return field_check(item, community);
    case CheckKind::institution:
      return institution_check(item, inputs, community);
    case CheckKind::wall_display:
      return wall_check(item, inputs, community);
    case CheckKind::roster:
      return roster_check(item, inputs, facts.roster);
    case CheckKind::activity: {
      const Count count = activity_count(item.check, facts);
      return outcome(count.actual + k_epsilon >= count.target, item.points, count.text);
    }
    case CheckKind::duty:
      return duty_check(item, facts);
    case CheckKind::deduct:
      return deduct_check(item, facts);
    case CheckKind::manual:
      return manual_check(item, inputs, community);
  }
  return {};
}

}  // namespace tongxin::audit
