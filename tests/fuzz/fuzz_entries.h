#pragma once
// What each fuzzer feeds its input to (tests/fuzz/*_fuzzer.cpp), shared with the test that replays
// the inputs the fuzzers once broke (fuzz_regressions_test.cpp).
//
// Bad input must end in the documented error and nothing else: each entry catches exactly that
// error and returns false; it returns true when the input was accepted and what follows loading
// ran too. Any other exception escapes: to libFuzzer an uncaught exception is a crash, a finding.

#include <string_view>

namespace cf::fuzz {

// A design file (parse_design_text): LoadError. Once loaded, every analysis of it with the
// shipped catalog (what `analyze` and the GUI run) and the projection of its scenarios: no error.
bool design_input(std::string_view text);

// A catalog file (parse_catalog_text) read over the shipped catalog, as a user catalog is:
// LoadError.
bool catalog_input(std::string_view text);

// A model file (parse_model_text): LoadError. Once loaded, its training projection on the lab
// sample (step model, plan search, report): no error.
bool model_input(std::string_view text);

// Command-line arguments separated by '\0' (argv[1] ...), parsed as clusterforge-cli does
// (parse_cli_args): usage errors are results, not exceptions; nothing may be thrown.
bool cli_args_input(std::string_view bytes);

}  // namespace cf::fuzz
