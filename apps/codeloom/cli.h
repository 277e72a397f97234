// Shared pieces of the `codeloom` command-line program. Each subcommand lives
// in its own cmd_<name>.cpp and only composes codeloom modules.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <iosfwd>
#include <string>

#include "codeloom/common/status.h"

namespace codeloom::cli {

// Exit codes: 0 success, 2 bad input (the user can fix it), 1 anything else.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

struct GlobalOptions {
  bool json = false;       // machine-readable output on stdout
  std::string log_level;   // debug | info | warn | error | off
};

// Prints "codeloom: error: <message>" (or {"error":{...}} with --json) and returns the exit code.
int report_error(const Error& error, const GlobalOptions& global);
int exit_code_for(const Error& error);

// Writes JSON to stdout (pretty, newline-terminated).
void print_json(const nlohmann::json& value);

// The model path: --model, then $CODELOOM_MODEL, then models/codeloom-tiny.gguf
// (relative to the working directory, then to the codeloom checkout the binary
// was built from). kNotFound with instructions when none exists.
Result<std::string> resolve_model_path(const std::string& flag_value);

// Where the shipped benchmark files are: the flag's value, else
// $CODELOOM_DATA_DIR, else <exe>/../share/codeloom/benchmarks (installed), else
// the checkout the binary was built from (data/benchmarks). kNotFound otherwise.
Result<std::string> resolve_benchmark_root(const std::string& flag_value);

// Directory of the running executable (/proc/self/exe), empty when unknown.
std::string executable_dir();

// A subcommand registers itself on the app; its callback returns the exit code.
using CommandRunner = std::function<int()>;
struct Command {
  CLI::App* app = nullptr;
  CommandRunner run;
};

Command add_parse_command(CLI::App& app, GlobalOptions& global);
Command add_tokenize_command(CLI::App& app, GlobalOptions& global);
Command add_model_command(CLI::App& app, GlobalOptions& global);
Command add_complete_command(CLI::App& app, GlobalOptions& global);
Command add_generate_command(CLI::App& app, GlobalOptions& global);
Command add_data_command(CLI::App& app, GlobalOptions& global);
Command add_eval_command(CLI::App& app, GlobalOptions& global);
Command add_tokenizer_command(CLI::App& app, GlobalOptions& global);
Command add_eval_lines_command(CLI::App& app, GlobalOptions& global);
Command add_serve_command(CLI::App& app, GlobalOptions& global);
Command add_feedback_command(CLI::App& app, GlobalOptions& global);
Command add_embed_command(CLI::App& app, GlobalOptions& global);
Command add_train_command(CLI::App& app, GlobalOptions& global);
Command add_export_command(CLI::App& app, GlobalOptions& global);
Command add_score_command(CLI::App& app, GlobalOptions& global);

}  // namespace codeloom::cli
