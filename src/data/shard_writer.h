// Module-internal: whole-file writes that never leave a complete-looking partial file.
#pragma once

#include <string>
#include <string_view>

#include "codeloom/common/status.h"

namespace codeloom::data {

// Writes `data` (zstd-compressed at `zstd_level` when > 0) to DIR/.NAME.tmp, flushes,
// then renames it to DIR/NAME. On any error the temporary file is removed.
Status write_file_atomic(const std::string& dir, const std::string& name, std::string_view data, int zstd_level);

}  // namespace codeloom::data
