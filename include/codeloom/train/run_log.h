// The training log (JSONL, one record per line) and its loss-curve plot (SVG).
//
// Records: {"type":"train","step":N,"loss":..,"lr":..,"grad_norm":..,"tokens":..,
//           "tokens_per_s":..,"elapsed_s":..}
//          {"type":"val","step":N,"val_loss":..,"val_ppl":..}
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::train {

struct LogPoint {
  std::string type;  // "train" | "val"
  std::int64_t step = 0;
  double loss = 0;   // loss or val_loss
};

// Reads the (step, loss) points of a JSONL log; lines that are not records are skipped.
Result<std::vector<LogPoint>> read_log(const std::string& path);

// Keeps only records with step <= `step` (a resumed run rewrites what follows).
Status truncate_log(const std::string& path, std::int64_t step);

// Appends one JSON object (already serialized, no newline) as a line.
Status append_log_line(const std::string& path, const std::string& json);

// Plots train and validation loss against step.
Status write_loss_svg(const std::vector<LogPoint>& points, const std::string& svg_path, const std::string& title);

}  // namespace codeloom::train
