// codeloom — code completion and generation on GGUF code models.
#include <cstdlib>
#include <iostream>
#include <vector>

#include "cli.h"
#include "codeloom/common/log.h"

int main(int argc, char** argv) {
  using namespace codeloom;
  CLI::App app{
      "codeloom: code completion (fill-in-the-middle) and generation on GGUF code models.\n\n"
      "Examples:\n"
      "  codeloom complete src/util.py --line 42 --column 9 --model qwen2.5-coder.gguf\n"
      "  echo '{\"prefix\":\"def add(a, b):\\n    \",\"suffix\":\"\\n\",\"language\":\"python\"}' | "
      "codeloom complete --json\n"
      "  codeloom generate \"return the n-th prime\" --language python --signature \"def nth_prime(n)\"\n"
      "  codeloom parse Foo.java --json\n"
      "  codeloom tokenize \"for (int i = 0; i < n; ++i)\"\n"
      "  codeloom model info --model m.gguf\n"
      "  codeloom eval humaneval --model m.gguf --n 1 --temperature 0\n"
      "  codeloom data mine /usr/lib/python3.11 --out corpus/\n"
      "  codeloom tokenizer train --corpus corpus/ --out tokenizer.json\n\n"
      "The model comes from --model, then $CODELOOM_MODEL, then models/codeloom-tiny.gguf.\n"
      "Exit codes: 0 success, 2 bad input, 1 other failure.",
      "codeloom"};
  app.set_version_flag("--version", "codeloom 0.1.0");
  app.require_subcommand(1);

  cli::GlobalOptions global;
  app.add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  app.add_option("--log-level", global.log_level, "debug | info | warn | error | off (default: $CODELOOM_LOG_LEVEL or warn)");

  std::vector<cli::Command> commands = {
      cli::add_complete_command(app, global), cli::add_generate_command(app, global),
      cli::add_parse_command(app, global),    cli::add_tokenize_command(app, global),
      cli::add_model_command(app, global),    cli::add_data_command(app, global),
      cli::add_eval_command(app, global),
      cli::add_tokenizer_command(app, global),
      cli::add_eval_lines_command(app, global),
      cli::add_feedback_command(app, global),
      cli::add_embed_command(app, global),
      cli::add_serve_command(app, global),
      cli::add_train_command(app, global), cli::add_export_command(app, global),
      cli::add_score_command(app, global)};
  // --json is accepted after the subcommand too (codeloom parse f.py --json).
  for (auto& c : commands) c.app->add_flag("--json", global.json, "Print machine-readable JSON on stdout");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : cli::kExitBadInput;
  }

  std::string level = global.log_level;
  if (level.empty()) {
    if (const char* env = std::getenv("CODELOOM_LOG_LEVEL")) level = env;
  }
  if (!level.empty()) {
    log::Level l;
    if (!log::parse_level(level, &l)) {
      return cli::report_error(make_error(ErrorCode::kInvalidArgument,
                                          "unknown log level '" + level + "'; use debug, info, warn, error or off"),
                               global);
    }
    log::set_level(l);
  }

  for (auto& c : commands) {
    if (c.app->parsed()) {
      try {
        return c.run();
      } catch (const std::exception& e) {  // a bug or resource exhaustion: never a raw abort
        return cli::report_error(make_error(ErrorCode::kInternal, e.what()), global);
      }
    }
  }
  return cli::kExitBadInput;
}
