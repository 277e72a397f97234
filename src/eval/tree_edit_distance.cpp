// Zhang & Shasha (1989), "Simple fast algorithms for the editing distance between
// trees and related problems": postorder numbering, leftmost leaf descendants,
// keyroots, and a forest-distance table per keyroot pair.
#include <algorithm>
#include <string>
#include <vector>

#include "codeloom/eval/ast_similarity.h"

namespace codeloom::eval {
namespace {

struct Postorder {
  std::vector<std::string> label;  // 1-based: index 0 unused
  std::vector<std::size_t> lml;    // leftmost leaf descendant (postorder index)
  std::vector<std::size_t> keyroots;
};

Postorder flatten(const lang::AstNode& root, const AstSimilarityOptions& options) {
  Postorder p;
  p.label.emplace_back();
  p.lml.push_back(0);
  // Iterative postorder: (node, next child index, leftmost leaf of the node).
  struct Frame { const lang::AstNode* n; std::size_t next; std::size_t leftmost; };
  std::vector<Frame> stack{{&root, 0, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next < f.n->children.size()) {
      const lang::AstNode* c = &f.n->children[f.next++];
      stack.push_back({c, 0, 0});
      continue;
    }
    std::string label = f.n->type;
    if (options.leaf_text && f.n->children.empty()) label += ":" + f.n->text;
    p.label.push_back(std::move(label));
    std::size_t id = p.label.size() - 1;
    std::size_t leftmost = f.n->children.empty() ? id : f.leftmost;
    p.lml.push_back(leftmost);
    stack.pop_back();
    // The first child to finish gives its parent's leftmost leaf.
    if (!stack.empty() && stack.back().next == 1) stack.back().leftmost = leftmost;
  }
  // Keyroots: for each distinct leftmost leaf, the highest node having it.
  const std::size_t n = p.label.size() - 1;
  std::vector<char> seen(n + 1, 0);
  for (std::size_t i = n; i >= 1; --i) {
    if (!seen[p.lml[i]]) {
      seen[p.lml[i]] = 1;
      p.keyroots.push_back(i);
    }
  }
  std::sort(p.keyroots.begin(), p.keyroots.end());
  return p;
}

}  // namespace

std::size_t tree_edit_distance(const lang::AstNode& a, const lang::AstNode& b,
                               const AstSimilarityOptions& options) {
  Postorder t1 = flatten(a, options), t2 = flatten(b, options);
  const std::size_t n = t1.label.size() - 1, m = t2.label.size() - 1;
  std::vector<std::size_t> td((n + 1) * (m + 1), 0);
  auto TD = [&](std::size_t i, std::size_t j) -> std::size_t& { return td[i * (m + 1) + j]; };
  std::vector<std::size_t> fd((n + 2) * (m + 2), 0);
  for (std::size_t i : t1.keyroots) {
    for (std::size_t j : t2.keyroots) {
      const std::size_t li = t1.lml[i], lj = t2.lml[j];
      const std::size_t rows = i - li + 2, cols = j - lj + 2;
      // fd[x][y]: forest distance between t1[li..li+x-1] and t2[lj..lj+y-1].
      auto FD = [&](std::size_t x, std::size_t y) -> std::size_t& { return fd[x * cols + y]; };
      FD(0, 0) = 0;
      for (std::size_t x = 1; x < rows; ++x) FD(x, 0) = FD(x - 1, 0) + 1;
      for (std::size_t y = 1; y < cols; ++y) FD(0, y) = FD(0, y - 1) + 1;
      for (std::size_t x = 1; x < rows; ++x) {
        const std::size_t i1 = li + x - 1;
        for (std::size_t y = 1; y < cols; ++y) {
          const std::size_t j1 = lj + y - 1;
          std::size_t del = FD(x - 1, y) + 1, ins = FD(x, y - 1) + 1;
          if (t1.lml[i1] == li && t2.lml[j1] == lj) {
            std::size_t rel = FD(x - 1, y - 1) + (t1.label[i1] == t2.label[j1] ? 0 : 1);
            FD(x, y) = std::min({del, ins, rel});
            TD(i1, j1) = FD(x, y);
          } else {
            std::size_t px = t1.lml[i1] - li, py = t2.lml[j1] - lj;
            FD(x, y) = std::min({del, ins, FD(px, py) + TD(i1, j1)});
          }
        }
      }
    }
  }
  return TD(n, m);
}

}  // namespace codeloom::eval
