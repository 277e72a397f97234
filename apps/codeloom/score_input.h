// Reading `codeloom score` inputs: plain files (one item per line, stripped as
// CodeXGLUE's bleu.py and the codebleu package do) or JSONL (one object or JSON
// string per line).
#pragma once

#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::cli {

struct ScoreItems {
  std::vector<std::string> ids;                      // "id"/"task_id" fields, else "1", "2", …
  std::vector<std::string> predictions;
  std::vector<std::vector<std::string>> references;   // one or more per prediction
  std::string format;                                // "lines" or "jsonl"
};

// Either `pairs` (one JSONL file with both fields) or `pred` + `refs`.
// `format`: auto | lines | jsonl. Empty field names try the usual ones.
// kInvalidArgument / kNotFound / kCorrupt with the file and line at fault.
Result<ScoreItems> load_score_items(const std::string& pairs, const std::string& pred,
                                    const std::vector<std::string>& refs, const std::string& format,
                                    const std::string& pred_field, const std::string& ref_field);

}  // namespace codeloom::cli
