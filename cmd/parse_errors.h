// CLI11's parse errors in the user's language. CLI11 words its errors in English inside the
// exception text; this maps each error class and wording (of the CLI11 version the build uses: a
// unit test pins every one) to a catalogue message, and adds a did-you-mean for an unknown
// subcommand or option. lib/ never sees CLI11.
#pragma once

#include <CLI/CLI.hpp>

#include "core/error.h"

namespace tongxin::cli {

// The usage error (exit 2) to report for `failure`. `app`, when given, is the app that was
// parsing: its chosen subcommands tell which level an unknown word was given to, and their names
// and options feed the did-you-mean.
Error parse_error(const CLI::ParseError& failure, const CLI::App* app);

}  // namespace tongxin::cli
