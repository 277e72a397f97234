// codeloom complete: code completion at a cursor (fill-in-the-middle when the
// model supports it), from a file + line/column or a JSON request on stdin.
#include <chrono>
#include <iostream>
#include <optional>

#include "cli.h"
#include "codeloom/common/text.h"
#include "codeloom/decode/generate.h"
#include "codeloom/lang/language.h"
#include "codeloom/prompt/infill.h"
#include "cursor.h"
#include "engine_options.h"
#include "input.h"

namespace codeloom::cli {
namespace {

struct CompleteArgs {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string language;
  std::string mode = "auto";
  std::string scope = "full";
  std::string fim_order = "auto";
  EngineArgs engine;
  SamplingArgs sampling;
};

struct Request {
  prompt::InfillRequest infill;
  std::optional<lang::Language> language;
};

Error bad_request(const std::string& what) {
  return make_error(ErrorCode::kInvalidArgument, "bad JSON request on stdin: " + what);
}

// {prefix, suffix?, language?, filename?, input_extra?: [{filename, text}]}
Result<Request> request_from_stdin() {
  auto text = read_stdin_text("stdin");
  if (!text) return text.error();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    return bad_request(std::string("not valid JSON (") + e.what() + ")");
  }
  if (!j.is_object()) return bad_request("expected an object like {\"prefix\": \"...\", \"suffix\": \"...\"}");
  Request r;
  auto get_string = [&](const char* key, std::string* out, bool required) -> Status {
    if (!j.contains(key)) {
      return required ? Status(bad_request(std::string("missing \"") + key + "\" (a string)")) : Status::Ok();
    }
    if (!j[key].is_string()) return bad_request(std::string("\"") + key + "\" must be a string");
    *out = j[key].get<std::string>();
    return Status::Ok();
  };
  if (Status s = get_string("prefix", &r.infill.prefix, true); !s) return s.error();
  if (Status s = get_string("suffix", &r.infill.suffix, false); !s) return s.error();
  if (Status s = get_string("filename", &r.infill.filename, false); !s) return s.error();
  std::string language;
  if (Status s = get_string("language", &language, false); !s) return s.error();
  if (!language.empty()) {
    auto l = lang::parse_language_name(language);
    if (!l) return l.error();
    r.language = *l;
  } else if (!r.infill.filename.empty()) {
    if (auto l = lang::detect_language(r.infill.filename, r.infill.prefix)) r.language = *l;
  }
  for (const char* key : {"input_extra", "extra"}) {
    if (!j.contains(key)) continue;
    if (!j[key].is_array()) return bad_request(std::string("\"") + key + "\" must be an array of {filename, text}");
    for (const auto& f : j[key]) {
      if (!f.is_object() || !f.contains("text") || !f["text"].is_string() ||
          (f.contains("filename") && !f["filename"].is_string())) {
        return bad_request(std::string("each \"") + key + "\" entry must be {\"filename\": string, \"text\": string}");
      }
      r.infill.extra.push_back({f.value("filename", std::string()), f["text"].get<std::string>()});
    }
  }
  return r;
}

Result<Request> request_from_file(const CompleteArgs& a) {
  if (a.line == 0) {
    return make_error(ErrorCode::kInvalidArgument, "give the cursor with --line (and optionally --column)");
  }
  auto input = read_source(a.file, a.language);
  if (!input) return input.error();
  auto split = split_at_cursor(input->text, a.line, a.column == 0 ? 1 : a.column);
  if (!split) return split.error();
  Request r;
  r.infill.prefix = std::move(split->prefix);
  r.infill.suffix = std::move(split->suffix);
  r.infill.filename = a.file;
  r.language = input->language;
  return r;
}

int run_complete(const CompleteArgs& a, const GlobalOptions& global) {
  auto req = a.file.empty() ? request_from_stdin() : request_from_file(a);
  if (!req) return report_error(req.error(), global);
  if (!a.language.empty() && a.file.empty()) {
    auto l = lang::parse_language_name(a.language);
    if (!l) return report_error(l.error(), global);
    req->language = *l;
  }
  if (a.mode != "auto" && a.mode != "infill" && a.mode != "plain") {
    return report_error(make_error(ErrorCode::kInvalidArgument, "--mode must be auto, infill or plain"), global);
  }
  auto scope = decode::parse_scope(a.scope);
  if (!scope) return report_error(scope.error(), global);
  if (*scope == decode::Scope::kBlock && !req->language) {
    return report_error(make_error(ErrorCode::kInvalidArgument,
                                   "--scope block needs the language: pass --language or \"language\" in the request"),
                        global);
  }
  auto options = generate_options(a.sampling);
  if (!options) return report_error(options.error(), global);
  auto fim_order = prompt::parse_fim_order(a.fim_order);
  if (!fim_order) return report_error(fim_order.error(), global);
  req->infill.order = *fim_order;

  auto engine = open_engine(a.engine);
  if (!engine) return report_error(engine.error(), global);
  llm::Session& session = *engine->session;

  prompt::PromptBudget budget;
  budget.n_ctx = session.n_ctx();
  budget.max_new_tokens = a.sampling.max_tokens;
  Result<prompt::CodePrompt> p =
      a.mode == "plain"    ? prompt::build_completion_prompt(*engine->model, req->infill.prefix, budget)
      : a.mode == "infill" ? prompt::build_infill_prompt(*engine->model, req->infill, budget)
                           : prompt::build_code_prompt(*engine->model, req->infill, budget);
  if (!p) return report_error(p.error(), global);

  options->scope = *scope;
  options->scope_context.language = req->language;
  options->scope_context.prefix = req->infill.prefix;
  options->stop_tokens = p->stop_tokens;

  const auto t0 = std::chrono::steady_clock::now();
  auto prefill = session.prefill(p->tokens);
  if (!prefill) return report_error(prefill.error(), global);
  const auto t1 = std::chrono::steady_clock::now();
  auto candidates = decode::generate(session, p->tokens, *options);
  if (!candidates) return report_error(candidates.error(), global);
  const auto t2 = std::chrono::steady_clock::now();

  if (!global.json) {
    print_candidates(*candidates);
    return kExitOk;
  }
  std::size_t generated = 0;
  for (const auto& c : *candidates) generated += c.tokens.size();
  const double gen_ms = std::chrono::duration<double, std::milli>(t2 - t1).count();
  const auto& rep = p->report;
  nlohmann::json out = {
      {"model", engine->model->info().path},
      {"language", req->language ? nlohmann::json(lang::language_name(*req->language)) : nlohmann::json(nullptr)},
      {"mode", p->fim ? "infill" : "plain"},
      {"fim_family", p->fim ? nlohmann::json(std::string(p->format.spec->name)) : nlohmann::json(nullptr)},
      {"scope", decode::scope_name(*scope)},
      {"n_ctx", session.n_ctx()},
      {"prompt_tokens", p->tokens.size()},
      {"reused_tokens", prefill->reused},
      {"truncation",
       {{"prefix_bytes_dropped", rep.prefix_bytes_dropped},
        {"suffix_bytes_dropped", rep.suffix_bytes_dropped},
        {"extra_files_dropped", rep.extra_files_dropped}}},
      {"candidates", candidates_json(*candidates)},
      {"timing",
       {{"load_ms", engine->load_ms},
        {"prefill_ms", std::chrono::duration<double, std::milli>(t1 - t0).count()},
        {"generate_ms", gen_ms},
        {"generated_tokens", generated},
        {"tokens_per_second", gen_ms > 0 ? generated * 1000.0 / gen_ms : 0.0}}}};
  print_json(out);
  return kExitOk;
}

}  // namespace

Command add_complete_command(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<CompleteArgs>();
  CLI::App* sub = app.add_subcommand("complete", "Complete code at a cursor (fill-in-the-middle when the model supports it)");
  sub->footer(
      "Input: a FILE with --line/--column (1-based; column counts characters), or, without FILE,\n"
      "a JSON request on stdin: {\"prefix\": str, \"suffix\": str, \"language\": str, \"filename\": str,\n"
      "\"input_extra\": [{\"filename\": str, \"text\": str}]} (all but prefix optional).\n"
      "Modes: auto (FIM if the model has FIM tokens), infill (require FIM), plain (prefix only).\n"
      "Scopes: line, block (stop when the block around the cursor closes), full.\n\n"
      "Examples:\n"
      "  codeloom complete src/util.py --line 42 --column 9 --n 3 --scope line\n"
      "  codeloom complete Main.java --line 10 --scope block --temperature 0\n"
      "  echo '{\"prefix\":\"def add(a, b):\\n    \",\"suffix\":\"\\n\",\"language\":\"python\"}' | codeloom complete --json");
  sub->add_option("file", a->file, "Source file (omit to read a JSON request from stdin)");
  sub->add_option("--line,-L", a->line, "Cursor line (1-based)")->check(CLI::PositiveNumber);
  sub->add_option("--column,-C", a->column, "Cursor column (1-based, in characters; default 1)")->check(CLI::PositiveNumber);
  sub->add_option("--language,-l", a->language, "python | java | cpp | javascript (default: from the file)");
  sub->add_option("--mode", a->mode, "auto | infill | plain")->capture_default_str();
  sub->add_option("--scope", a->scope, "line | block | full")->capture_default_str();
  sub->add_option("--fim-order", a->fim_order,
                  "Fill-in-the-middle order: auto (spm for codeloom's own models, psm otherwise) | psm | spm")
      ->capture_default_str();
  add_engine_options(sub, a->engine);
  add_sampling_options(sub, a->sampling);
  return {sub, [a, &global] { return run_complete(*a, global); }};
}

}  // namespace codeloom::cli
