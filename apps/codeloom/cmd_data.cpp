// codeloom data mine PATHS... --out DIR: function-level training corpus from source
// trees and .zip/.jar archives (codeloom::data::mine).
#include <iostream>
#include <thread>

#include "cli.h"
#include "codeloom/data/mine.h"

namespace codeloom::cli {
namespace {

int run_mine(const data::MineOptions& options, bool quiet, GlobalOptions& global) {
  data::MineOptions o = options;
  o.progress = !quiet && !global.json;
  auto stats = data::mine(o);
  if (!stats) return report_error(stats.error(), global);
  const double mb = stats->bytes_read / 1e6;
  const double secs = stats->seconds > 0 ? stats->seconds : 1e-9;
  if (global.json) {
    nlohmann::json out = {{"out", o.out_dir},          {"samples", stats->samples},
                          {"functions", stats->functions}, {"exact_duplicates", stats->exact_duplicates},
                          {"near_duplicates", stats->near_duplicates}, {"seconds", stats->seconds},
                          {"mb_per_second", mb / secs},  {"functions_per_second", stats->functions / secs},
                          {"shards", stats->shards}};
    for (const auto& [lang, c] : stats->by_language)
      out["languages"][lang] = {{"files", c.files}, {"functions", c.functions}, {"samples", c.samples}};
    print_json(out);
    return kExitOk;
  }
  std::cout << "wrote " << stats->samples << " samples in " << stats->shards.size() << " shards to " << o.out_dir
            << " (stats.json has the details)\n";
  for (const auto& [lang, c] : stats->by_language)
    std::cout << "  " << lang << ": " << c.files << " files, " << c.functions << " functions, " << c.samples
              << " samples\n";
  std::cout << "  dropped: " << stats->parse_errors << " with syntax errors, " << stats->too_small << " too small, "
            << stats->exact_duplicates << " exact and " << stats->near_duplicates << " near duplicates\n";
  std::size_t skipped = 0;
  for (const auto& [reason, n] : stats->skipped) skipped += n;
  std::cout << "  skipped files: " << skipped << ", other languages: " << stats->other_files << "\n";
  std::cout << "  " << stats->seconds << " s, " << mb / secs << " MB/s, " << stats->functions / secs
            << " functions/s\n";
  return kExitOk;
}

}  // namespace

Command add_data_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* data_cmd = app.add_subcommand("data", "Build training corpora");
  data_cmd->require_subcommand(1);
  auto o = std::make_shared<data::MineOptions>();
  auto quiet = std::make_shared<bool>(false);
  auto raw_ids = std::make_shared<bool>(false);
  CLI::App* sub = data_cmd->add_subcommand(
      "mine", "Extract deduplicated function samples from source trees and .zip/.jar archives");
  sub->footer(
      "Output: DIR/{train,val,test}-NNNNN.jsonl.zst and DIR/stats.json (docs/data.md).\n"
      "Examples:\n"
      "  codeloom data mine /usr/lib/python3.11 --out corpus\n"
      "  codeloom data mine src/ /usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip --out corpus --threads 2");
  sub->add_option("paths", o->inputs, "Directories, source files, .zip/.jar archives")->required();
  sub->add_option("--out,-o", o->out_dir, "Output directory")->required();
  sub->add_option("--threads,-j", o->threads, "Worker threads (default: all cores)");
  sub->add_option("--threshold", o->dedup.threshold, "Near-duplicate Jaccard threshold")->capture_default_str();
  sub->add_option("--num-perm", o->dedup.num_perm, "MinHash permutations")->capture_default_str();
  sub->add_option("--shingle", o->samples.shingles.k, "Tokens per shingle")->capture_default_str();
  sub->add_option_function<double>(
         "--fn-weight", [o](double w) { o->dedup.fn_weight = w, o->dedup.fp_weight = 1.0 - w; },
         "LSH banding weight of false negatives (fp weight = 1 - this; datasketch uses 0.5)")
      ->default_str("0.95")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_flag("--raw-identifiers", *raw_ids, "Shingle identifiers as written (default: mapped to one placeholder)");
  sub->add_flag("--no-near", [o](std::int64_t) { o->dedup.near = false; }, "Exact deduplication only");
  sub->add_option("--min-tokens", o->samples.min_tokens, "Drop functions with fewer tokens")->capture_default_str();
  sub->add_option("--max-file-bytes", o->max_file_bytes, "Skip larger files")->capture_default_str();
  sub->add_option("--train", o->train, "Train fraction")->capture_default_str();
  sub->add_option("--val", o->val, "Validation fraction (test gets the rest)")->capture_default_str();
  sub->add_option("--shard-samples", o->shard_samples, "Samples per shard")->capture_default_str();
  sub->add_flag("--quiet,-q", *quiet, "No progress bar");
  sub->add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  return {data_cmd, [o, quiet, raw_ids, &global] {
            o->samples.shingles.normalize_identifiers = !*raw_ids;
            return run_mine(*o, *quiet, global);
          }};
}

}  // namespace codeloom::cli
