// codeloom parse FILE: functions, syntax errors, tokens and AST of a source file.
#include <chrono>
#include <iostream>

#include "cli.h"
#include "codeloom/lang/ast.h"
#include "codeloom/lang/functions.h"
#include "codeloom/lang/source_tree.h"
#include "codeloom/lang/tokens.h"
#include "input.h"

namespace codeloom::cli {
namespace {

struct ParseArgs {
  std::string path;
  std::string language;
  bool tokens = false;
  bool ast = false;
  bool check = false;
  long long time_limit_ms = lang::ParseOptions{}.time_limit.count();
};

nlohmann::json range_json(const lang::SourceRange& r) {
  return {{"start_line", r.start.line}, {"start_column", r.start.column}, {"end_line", r.end.line},
          {"end_column", r.end.column}, {"start_byte", r.start_byte},     {"end_byte", r.end_byte}};
}

int run_parse(const ParseArgs& args, GlobalOptions& global) {
  lang::ParseOptions options;
  options.time_limit = std::chrono::milliseconds(args.time_limit_ms);
  auto input = read_source(args.path, args.language, options.max_bytes);
  if (!input) return report_error(input.error(), global);
  auto tree = lang::SourceTree::parse(input->text, input->language, options);
  if (!tree) return report_error(tree.error(), global);

  const auto functions = lang::extract_functions(*tree);
  const auto errors = tree->syntax_errors();
  const std::string_view lang_name = lang::language_name(input->language);

  if (global.json) {
    nlohmann::json out = {{"path", args.path}, {"language", lang_name}};
    auto& fs = out["functions"] = nlohmann::json::array();
    for (const auto& f : functions) {
      fs.push_back({{"name", f.name},
                    {"qualified_name", f.qualified_name},
                    {"scope", f.scope},
                    {"kind", lang::function_kind_name(f.kind)},
                    {"signature", f.signature},
                    {"doc", f.doc},
                    {"range", range_json(f.range)},
                    {"body_range", range_json(f.body_range)}});
    }
    auto& es = out["syntax_errors"] = nlohmann::json::array();
    for (const auto& e : errors) {
      es.push_back({{"line", e.position.line}, {"column", e.position.column},
                    {"byte", e.byte_offset}, {"message", e.message}});
    }
    if (args.tokens) {
      auto& ts = out["tokens"] = nlohmann::json::array();
      for (const auto& t : lang::classify_tokens(*tree)) {
        ts.push_back({{"class", lang::token_class_name(t.cls)}, {"text", t.text},
                      {"line", t.start.line}, {"column", t.start.column}});
      }
    }
    if (args.ast) {
      auto ast = lang::to_ast(*tree);
      if (!ast) return report_error(ast.error(), global);
      out["ast"] = nlohmann::json::parse(lang::ast_to_json(*ast));
    }
    print_json(out);
  } else {
    std::cout << args.path << ": " << lang_name << ", " << functions.size() << " function"
              << (functions.size() == 1 ? "" : "s") << ", " << errors.size() << " syntax error"
              << (errors.size() == 1 ? "" : "s") << "\n";
    for (const auto& f : functions) {
      std::cout << "  " << f.range.start.line << "-" << f.range.end.line << "\t"
                << lang::function_kind_name(f.kind) << "\t" << f.qualified_name << "\n";
    }
    for (const auto& e : errors) {
      std::cout << args.path << ":" << e.position.line << ":" << e.position.column << ": error: " << e.message
                << "\n";
    }
    if (args.tokens) {
      for (const auto& t : lang::classify_tokens(*tree)) {
        std::cout << t.start.line << ":" << t.start.column << "\t" << lang::token_class_name(t.cls) << "\t"
                  << t.text << "\n";
      }
    }
    if (args.ast) {
      std::cout << tree->sexp() << "\n";
    }
  }
  return (args.check && !errors.empty()) ? kExitFailure : kExitOk;
}

}  // namespace

Command add_parse_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* sub = app.add_subcommand("parse", "List the functions and syntax errors of a source file");
  sub->footer(
      "Examples:\n"
      "  codeloom parse heapq.py\n"
      "  codeloom parse ArrayDeque.java --json\n"
      "  cat x.cc | codeloom parse - --language cpp --tokens\n"
      "  codeloom parse f.py --check   # exit 1 when the file has syntax errors\n"
      "Only regular files (or - for stdin) are read, up to 32 MiB; directories, FIFOs and devices\n"
      "are refused (exit 2), as are files too complex to parse within --time-limit-ms (exit 2).");
  sub->add_option("file", args->path, "Source file, or - for stdin")->required();
  sub->add_option("--language,-l", args->language, "python | java | cpp | javascript (default: from extension/shebang)");
  sub->add_flag("--tokens", args->tokens, "Also list classified tokens (identifier, keyword, api_call, ...)");
  sub->add_flag("--ast", args->ast, "Also print the syntax tree (S-expression, or a JSON tree with --json)");
  sub->add_flag("--check", args->check, "Exit with status 1 when there are syntax errors");
  sub->add_option("--time-limit-ms", args->time_limit_ms,
                  "Parse time budget: this many ms plus 1000 ms per MiB parsed; over it the file is "
                  "refused as too complex (exit 2). 0 = no limit")
      ->check(CLI::Range(0LL, 86400000LL));
  return {sub, [args, &global] { return run_parse(*args, global); }};
}

}  // namespace codeloom::cli
