// Positions and ranges in source text, shared by every lang header.
//
// Convention (all of codeloom::lang): lines and columns are 1-based; a column
// counts BYTES of UTF-8 from the start of the line (so "é" advances it by 2).
// Byte offsets are 0-based and ranges are half-open [start, end).
#pragma once

#include <cstddef>

namespace codeloom::lang {

struct Position {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in bytes

  friend bool operator==(const Position&, const Position&) = default;
};

struct SourceRange {
  std::size_t start_byte = 0;  // inclusive
  std::size_t end_byte = 0;    // exclusive
  Position start;
  Position end;  // position of end_byte (one past the last byte)

  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

}  // namespace codeloom::lang
