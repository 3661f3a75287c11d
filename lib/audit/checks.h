// One check of one item against one community, before waivers and caps: pass, fail or not
// assessed, the points earned and the evidence in words. Pure; used by evaluate.cpp.
#pragma once

#include <string>

#include "audit/evaluate.h"

namespace tongxin::audit {

struct CheckOutcome {
  Status status = Status::fail;  // pass, fail or not_assessed
  double earned = 0;
  std::string evidence;
  const ManualResult* manual = nullptr;
};

CheckOutcome run_check(const Item& item, const AuditInputs& inputs, const CommunityFacts& facts);

// A number for people: 6, 4.5, 83.3 (no trailing zeros).
std::string number_text(double value);

}  // namespace tongxin::audit
