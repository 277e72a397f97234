// (anchor, related, unrelated) triple scoring.
#include "codeloom/embed/quality.h"

#include <fstream>

namespace codeloom::embed {

Result<std::vector<Triple>> read_triples(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(ErrorCode::kNotFound, "cannot open triples file '" + path + "'");
  std::vector<Triple> out;
  std::string line;
  for (std::size_t no = 1; std::getline(in, line); ++no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      f.push_back(line.substr(start, tab - start));
    f.push_back(line.substr(start));
    if (f.size() != 4 || f[1].empty() || f[2].empty() || f[3].empty()) {
      return make_error(ErrorCode::kCorrupt, path + ":" + std::to_string(no) +
                                                 ": expected language<TAB>anchor<TAB>related<TAB>unrelated");
    }
    out.push_back({f[0], f[1], f[2], f[3]});
  }
  return out;
}

TripleScore score_triples(const Embeddings& e, const std::vector<Triple>& triples) {
  TripleScore s;
  s.total = triples.size();
  for (const Triple& t : triples) {
    TripleResult r;
    r.triple = t;
    for (const std::string* tok : {&t.anchor, &t.related, &t.unrelated}) {
      if (!e.find(*tok)) {
        r.missing = *tok;
        break;
      }
    }
    if (r.missing.empty()) {
      r.scored = true;
      r.related = *similarity(e, t.anchor, t.related);
      r.unrelated = *similarity(e, t.anchor, t.unrelated);
      r.passed = r.related > r.unrelated;
      ++s.scored;
      if (r.passed) ++s.passed;
    }
    s.results.push_back(std::move(r));
  }
  return s;
}

}  // namespace codeloom::embed
