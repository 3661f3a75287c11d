#include "parse_errors.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/yaml_reader.h"
#include "i18n/i18n.h"

namespace tongxin::cli {

namespace {

// `text` after `prefix` when it starts with it.
std::optional<std::string> after(const std::string& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) {
    return std::nullopt;
  }
  return text.substr(prefix.size());
}

// `text` split at the first `separator`: {before, after}; nullopt without one.
std::optional<std::pair<std::string, std::string>> split_at(const std::string& text,
                                                            std::string_view separator) {
  const auto at = text.find(separator);
  if (at == std::string::npos) {
    return std::nullopt;
  }
  return std::pair{text.substr(0, at), text.substr(at + separator.size())};
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) {
        out.push_back(word);
      }
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) {
    out.push_back(word);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : std::string(separator)) + item;
  }
  return out;
}

// The deepest subcommand the command line chose ("tongxin roster" for `tongxin roster lst`).
const CLI::App* chosen_level(const CLI::App* app) {
  while (app != nullptr) {
    const auto chosen = app->get_subcommands();
    if (chosen.empty()) {
      return app;
    }
    app = chosen.front();
  }
  return app;
}

std::string path_of(const CLI::App* level) {
  std::string path;
  for (const CLI::App* a = level; a != nullptr; a = a->get_parent()) {
    path = a->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

std::vector<std::string> subcommand_names(const CLI::App* level) {
  std::vector<std::string> names;
  // Hidden ones (the shell completion helper) are not offered.
  for (const CLI::App* sub :
       level->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// The long option names of `level` and its parents (options fall through to the parents).
std::set<std::string> option_names(const CLI::App* level) {
  std::set<std::string> names;
  for (const CLI::App* a = level; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* option : a->get_options()) {
      for (const std::string& name : option->get_lnames()) {
        names.insert("--" + name);
      }
    }
  }
  return names;
}

// "A subcommand is required" after `tongxin roster`, or `tongxin roster lst`: the word given, if
// any, is not a subcommand; say which are, and which one it most likely meant.
Error subcommand_error(const CLI::App* app, const std::vector<std::string>& given) {
  const CLI::App* level = chosen_level(app);
  const std::vector<std::string> names = subcommand_names(level);
  const std::string known = joined(names, i18n::text("cli.list_separator"));
  const std::string path = path_of(level);
  if (given.empty() || given.front().starts_with("-")) {
    return Error(ExitCode::usage, i18n::tr("cli.subcommand_required", path, known),
                 {i18n::tr("error.see_help")});
  }
  const std::string guess = config::closest(given.front(), {names.begin(), names.end()});
  std::vector<std::string> details;
  if (!guess.empty()) {
    details.push_back(i18n::tr("cli.did_you_mean", path + " " + guess));
  }
  details.push_back(i18n::tr("error.see_help"));
  return Error(ExitCode::usage, i18n::tr("cli.unknown_subcommand", given.front(), path, known),
               details);
}

// The words the app left over: what "not expected" lists, in order.
std::vector<std::string> left_over(const CLI::App* app) {
  return app == nullptr ? std::vector<std::string>{} : app->remaining(true);
}

Error extras_error(const std::string& what, const CLI::App* app) {
  auto listed = split_at(what, "expected: ");
  std::vector<std::string> args = listed ? words(listed->second) : std::vector<std::string>{};
  if (const auto rest = left_over(app); !rest.empty()) {
    args = rest;
  }
  const CLI::App* level = chosen_level(app);
  if (level != nullptr && !args.empty() && !args.front().starts_with("-") &&
      level->get_require_subcommand_min() > 0) {
    return subcommand_error(app, args);
  }
  std::vector<std::string> details;
  if (level != nullptr && !args.empty() && args.front().starts_with("--")) {
    const std::string name = args.front().substr(0, args.front().find('='));
    const std::string guess = config::closest(name, option_names(level));
    if (!guess.empty()) {
      details.push_back(i18n::tr("cli.did_you_mean", guess));
    }
  }
  details.push_back(i18n::tr("error.see_help"));
  return Error(ExitCode::usage, i18n::tr("cli.unexpected", joined(args, " ")), details);
}

// The message of errors about an option's value or count, or "" when the wording is not known.
std::string value_message(const std::string& what, const CLI::App* level) {
  if (const auto rest = after(what, "Could not convert: ")) {
    if (const auto parts = split_at(*rest, " = ")) {
      // A flag given a value it cannot read (--key=maybe) is worded like a bad number.
      const CLI::Option* option =
          level == nullptr ? nullptr : level->get_option_no_throw(parts->first);
      if (option != nullptr && option->get_expected_max() == 0) {
        return i18n::tr("cli.flag_value", parts->first);
      }
      return i18n::tr("cli.not_a_number", parts->first, parts->second);
    }
  }
  if (const auto rest = after(what, "The value ")) {
    if (const auto parts = split_at(*rest, " is not an allowed value for ")) {
      return i18n::tr("cli.not_allowed", parts->first, parts->second);
    }
  }
  if (const auto parts = split_at(what, ": ")) {
    const auto& [name, problem] = *parts;
    if (const auto member = split_at(problem, " not in {")) {
      std::string choices = member->second.substr(0, member->second.rfind('}'));
      std::replace(choices.begin(), choices.end(), ',', ' ');
      return i18n::tr("cli.not_member", name, member->first,
                      joined(words(choices), i18n::text("cli.list_separator")));
    }
    if (const auto range = split_at(problem, " not in range ")) {
      // CLI::PositiveNumber is the range from the smallest positive double to the largest, both
      // printed with %f: a lower bound of 0.000000 and an upper bound of 309 digits.
      const auto bounds = split_at(range->second, " to ");
      if (!bounds || bounds->second.size() > 300) {
        return i18n::tr("cli.not_positive", name);
      }
      return i18n::tr("cli.out_of_range", name, bounds->first, bounds->second);
    }
    if (problem.find("true/false") != std::string::npos ||
        problem.find("too many inputs for a flag") != std::string::npos) {
      return i18n::tr("cli.flag_value", name);
    }
    if (problem.ends_with("missing")) {
      return i18n::tr("cli.missing_value", name);
    }
    if (problem.find("required but received") != std::string::npos) {
      return i18n::tr("cli.argument_count", name);
    }
  }
  if (const auto rest = after(what, "Expected ")) {
    if (const auto parts = split_at(*rest, " arguments to ")) {
      return i18n::tr("cli.argument_count", parts->second.substr(0, parts->second.find(',')));
    }
  }
  return "";
}

// The message for errors between options, or "" when the wording is not known.
std::string relation_message(const CLI::ParseError& failure, const std::string& what) {
  if (dynamic_cast<const CLI::ExcludesError*>(&failure) != nullptr) {
    if (const auto parts = split_at(what, " excludes ")) {
      return i18n::tr("cli.excludes", parts->first, parts->second);
    }
  }
  if (dynamic_cast<const CLI::RequiresError*>(&failure) != nullptr) {
    if (const auto parts = split_at(what, " requires ")) {
      return i18n::tr("cli.requires", parts->first, parts->second);
    }
  }
  if (dynamic_cast<const CLI::RequiredError*>(&failure) != nullptr &&
      what.ends_with(" is required")) {
    return i18n::tr("cli.required",
                    what.substr(0, what.size() - std::string_view(" is required").size()));
  }
  return "";
}

}  // namespace

Error parse_error(const CLI::ParseError& failure, const CLI::App* app) {
  const std::string what = failure.what();
  if (dynamic_cast<const CLI::RequiredError*>(&failure) != nullptr &&
      what == "A subcommand is required") {
    return subcommand_error(app, left_over(app));
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&failure) != nullptr) {
    return extras_error(what, app);
  }
  std::string message = relation_message(failure, what);
  if (message.empty()) {
    message = value_message(what, chosen_level(app));
  }
  if (message.empty()) {
    // A wording this build does not know (a newer CLI11): said as it is, marked as the parser's.
    message = i18n::tr("cli.unparsed", what);
  }
  return Error(ExitCode::usage, message, {i18n::tr("error.see_help")});
}

}  // namespace tongxin::cli
