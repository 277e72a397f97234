// codeloom feedback stats|export --db FILE: read the server's feedback store
// (codeloom::feedback, docs/feedback.md).
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli.h"
#include "codeloom/feedback/export.h"
#include "codeloom/feedback/store.h"

namespace codeloom::cli {
namespace {

// Never creates a DB for a mistyped path; an older schema is migrated like the server does.
Result<std::unique_ptr<feedback::Store>> open_existing(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return make_error(ErrorCode::kNotFound, "feedback DB " + path + " does not exist (see --db)");
  return feedback::Store::open({.path = path});
}

void print_rows(const char* title, const std::vector<feedback::AcceptanceRow>& rows) {
  std::cout << title << "\n";
  for (const auto& r : rows) {
    std::cout << "  " << std::left << std::setw(28) << (r.key.empty() ? "(none)" : r.key) << std::right
              << " completions " << std::setw(7) << r.completions << "  shown " << std::setw(7) << r.shown
              << "  accepted " << std::setw(7) << r.accepted << "  rate " << std::fixed << std::setprecision(3)
              << r.acceptance_rate() << "\n";
  }
}

int run_stats(const std::string& db, GlobalOptions& global) {
  auto store = open_existing(db);
  if (!store) return report_error(store.error(), global);
  auto s = (*store)->stats();
  if (!s) return report_error(s.error(), global);
  if (global.json) {
    std::cout << feedback::stats_to_json(*s) << "\n";
    return kExitOk;
  }
  std::cout << db << ": schema v" << s->schema_version << ", " << s->completions << " completions, " << s->events
            << " events\n";
  for (const auto& [type, n] : s->events_by_type) std::cout << "  " << feedback::event_type_name(type) << ": " << n << "\n";
  print_rows("by model:", s->by_model);
  print_rows("by user:", s->by_user);
  std::cout << "(acceptance rate = completions with an accepted event / completions with any event)\n";
  return kExitOk;
}

int run_export(const std::string& db, const std::string& out_path, GlobalOptions& global) {
  auto store = open_existing(db);
  if (!store) return report_error(store.error(), global);
  std::ofstream file;
  if (!out_path.empty() && out_path != "-") {
    file.open(out_path, std::ios::binary | std::ios::trunc);
    if (!file) return report_error(make_error(ErrorCode::kIo, "cannot write " + out_path), global);
  }
  std::ostream& out = file.is_open() ? static_cast<std::ostream&>(file) : std::cout;
  auto n = feedback::export_jsonl(**store, out);
  if (!n) return report_error(n.error(), global);
  if (file.is_open()) std::cerr << "wrote " << *n << " completions to " << out_path << "\n";
  return kExitOk;
}

}  // namespace

Command add_feedback_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* cmd = app.add_subcommand("feedback", "Inspect the completion feedback store written by codeloom serve");
  cmd->require_subcommand(1);
  auto db = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  CLI::App* stats = cmd->add_subcommand("stats", "Event counts by type, acceptance rate per model and user");
  stats->add_option("--db", *db, "Feedback DB file")->required();
  stats->add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  CLI::App* exp = cmd->add_subcommand("export", "Completions joined with their events, one JSON object per line");
  exp->add_option("--db", *db, "Feedback DB file")->required();
  exp->add_option("--out,-o", *out, "Output .jsonl file (default: stdout)");
  exp->add_flag("--json", global.json, "Errors as JSON on stdout (the export is JSONL either way)");
  cmd->footer(
      "Examples:\n"
      "  codeloom feedback stats --db feedback.db\n"
      "  codeloom feedback export --db feedback.db --out feedback.jsonl");
  return {cmd, [stats, db, out, &global] {
    return stats->parsed() ? run_stats(*db, global) : run_export(*db, *out, global);
  }};
}

}  // namespace codeloom::cli
