// Vocabulary, interning corpus builder and the plain token-file reader.
#include "codeloom/embed/vocab.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>

namespace codeloom::embed {
namespace {

std::uint64_t hash_token(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

std::size_t table_size_for(std::size_t n) {
  std::size_t size = 16;
  while (size < n * 2) size <<= 1;  // load factor <= 0.5 keeps probes short
  return size;
}

}  // namespace

Vocab::Vocab(std::vector<std::string> tokens, std::vector<std::uint64_t> counts)
    : tokens_(std::move(tokens)), counts_(std::move(counts)) {
  total_ = std::accumulate(counts_.begin(), counts_.end(), std::uint64_t{0});
  table_.assign(table_size_for(tokens_.size()), 0);
  const std::size_t mask = table_.size() - 1;
  for (std::uint32_t id = 0; id < tokens_.size(); ++id) {
    std::size_t h = hash_token(tokens_[id]) & mask;
    while (table_[h] != 0) h = (h + 1) & mask;
    table_[h] = id + 1;
  }
}

std::optional<std::uint32_t> Vocab::find(std::string_view token) const {
  if (table_.empty()) return std::nullopt;
  const std::size_t mask = table_.size() - 1;
  for (std::size_t h = hash_token(token) & mask; table_[h] != 0; h = (h + 1) & mask) {
    if (tokens_[table_[h] - 1] == token) return table_[h] - 1;
  }
  return std::nullopt;
}

// Interning: every distinct token gets a raw id in first-seen order; sequences
// are stored as raw ids so the vocabulary cut only needs a remap table.
struct CorpusBuilder::Impl {
  std::vector<std::string> strings;
  std::vector<std::uint64_t> counts;
  std::vector<std::uint32_t> table{std::vector<std::uint32_t>(1024, 0)};  // raw id + 1
  std::vector<std::uint32_t> ids;
  std::vector<std::uint64_t> offsets{0};

  std::uint32_t intern(std::string_view s) {
    std::size_t mask = table.size() - 1;
    std::size_t h = hash_token(s) & mask;
    for (; table[h] != 0; h = (h + 1) & mask) {
      if (strings[table[h] - 1] == s) return table[h] - 1;
    }
    const auto id = static_cast<std::uint32_t>(strings.size());
    strings.emplace_back(s);
    counts.push_back(0);
    table[h] = id + 1;
    if (strings.size() * 2 > table.size()) rehash();
    return id;
  }
  void rehash() {
    table.assign(table.size() * 2, 0);
    const std::size_t mask = table.size() - 1;
    for (std::uint32_t id = 0; id < strings.size(); ++id) {
      std::size_t h = hash_token(strings[id]) & mask;
      while (table[h] != 0) h = (h + 1) & mask;
      table[h] = id + 1;
    }
  }
};

CorpusBuilder::CorpusBuilder() : impl_(std::make_unique<Impl>()) {}
CorpusBuilder::~CorpusBuilder() = default;
CorpusBuilder::CorpusBuilder(CorpusBuilder&&) noexcept = default;
CorpusBuilder& CorpusBuilder::operator=(CorpusBuilder&&) noexcept = default;

void CorpusBuilder::add_sequence(std::span<const std::string_view> tokens) {
  if (tokens.empty()) return;
  for (std::string_view t : tokens) {
    if (t.empty()) continue;
    const std::uint32_t id = impl_->intern(t);
    ++impl_->counts[id];
    impl_->ids.push_back(id);
  }
  impl_->offsets.push_back(impl_->ids.size());
}

std::size_t CorpusBuilder::sequences() const { return impl_->offsets.size() - 1; }
std::uint64_t CorpusBuilder::tokens() const { return impl_->ids.size(); }

Corpus CorpusBuilder::finish(const VocabOptions& options) && {
  Impl& in = *impl_;
  std::vector<std::uint32_t> order;
  for (std::uint32_t id = 0; id < in.strings.size(); ++id) {
    if (in.counts[id] >= std::max<std::uint64_t>(options.min_count, 1)) order.push_back(id);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (in.counts[a] != in.counts[b]) return in.counts[a] > in.counts[b];
    return in.strings[a] < in.strings[b];
  });
  if (options.max_vocab > 0 && order.size() > options.max_vocab) order.resize(options.max_vocab);

  constexpr std::uint32_t kDropped = 0xFFFFFFFFu;
  std::vector<std::uint32_t> remap(in.strings.size(), kDropped);
  std::vector<std::string> tokens;
  std::vector<std::uint64_t> counts;
  tokens.reserve(order.size());
  counts.reserve(order.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    remap[order[rank]] = rank;
    tokens.push_back(std::move(in.strings[order[rank]]));
    counts.push_back(in.counts[order[rank]]);
  }

  Corpus corpus;
  corpus.raw_tokens = in.ids.size();
  corpus.offsets.reserve(in.offsets.size());
  corpus.offsets.push_back(0);
  std::size_t out = 0;
  // Remap in place: out never overtakes the read position.
  for (std::size_t s = 0; s + 1 < in.offsets.size(); ++s) {
    for (std::uint64_t i = in.offsets[s]; i < in.offsets[s + 1]; ++i) {
      const std::uint32_t v = remap[in.ids[i]];
      if (v != kDropped) in.ids[out++] = v;
    }
    if (out > corpus.offsets.back()) corpus.offsets.push_back(out);  // drop sequences left empty
  }
  in.ids.resize(out);
  in.ids.shrink_to_fit();
  corpus.ids = std::move(in.ids);
  corpus.vocab = Vocab(std::move(tokens), std::move(counts));
  impl_ = std::make_unique<Impl>();
  return corpus;
}

Result<Corpus> read_token_file(const std::string& path, const VocabOptions& options) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    return make_error(ErrorCode::kNotFound, "cannot open token file '" + path +
                                                "': one sequence per line, tokens separated by spaces");
  }
  CorpusBuilder builder;
  std::vector<std::string_view> toks;
  std::string carry;
  std::vector<char> buf(1 << 20);
  auto flush_line = [&](std::string_view line) {
    toks.clear();
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      const std::size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
      if (i > start) toks.push_back(line.substr(start, i - start));
    }
    builder.add_sequence(toks);
  };
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    std::string_view chunk(buf.data(), n);
    std::size_t pos = 0;
    for (std::size_t nl; (nl = chunk.find('\n', pos)) != std::string_view::npos; pos = nl + 1) {
      if (!carry.empty()) {
        carry.append(chunk.substr(pos, nl - pos));
        flush_line(carry);
        carry.clear();
      } else {
        flush_line(chunk.substr(pos, nl - pos));
      }
    }
    carry.append(chunk.substr(pos));
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return make_error(ErrorCode::kIo, "error reading token file '" + path + "'");
  if (!carry.empty()) flush_line(carry);
  return std::move(builder).finish(options);
}

}  // namespace codeloom::embed
