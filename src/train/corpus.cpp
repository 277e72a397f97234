#include "codeloom/train/corpus.h"

#include <random>

#include "codeloom/data/shards.h"

namespace codeloom::train {

Status check_vocabulary(const Vocabulary& v) {
  if (!v.encode) return make_error(ErrorCode::kInvalidArgument, "vocabulary has no encoder");
  const std::pair<const char*, TokenId> ids[] = {{"<cl|fim_prefix>", v.ids.prefix},
                                                 {"<cl|fim_suffix>", v.ids.suffix},
                                                 {"<cl|fim_middle>", v.ids.middle},
                                                 {"<cl|fim_pad>", v.ids.pad},
                                                 {"<cl|eot>", v.ids.eot}};
  for (auto [name, id] : ids) {
    if (id < 0 || id >= v.size)
      return make_error(ErrorCode::kInvalidArgument,
                        std::string("the tokenizer has no ") + name +
                            " token (id " + std::to_string(id) + "); train a codeloom tokenizer (docs/prompt.md)");
  }
  return Status::Ok();
}

PackedSequences pack_documents(const std::vector<std::string>& texts, const DataConfig& data,
                               const Vocabulary& vocab, std::uint64_t seed) {
  std::vector<std::size_t> order(texts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 shuffle_rng(seed ^ 0x5DEECE66DULL);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[uniform_index(shuffle_rng, i)]);
  std::mt19937_64 fim_rng(seed);
  const FimOptions fim{data.fim_rate, data.spm_rate};
  SequencePacker packer(data.seq_len, vocab.ids.pad);
  const auto max_bytes = static_cast<std::size_t>(data.max_document_bytes);
  for (std::size_t i : order) {
    if (max_bytes > 0 && texts[i].size() > max_bytes) continue;
    packer.add(make_training_document(texts[i], vocab.encode, vocab.ids, fim, fim_rng));
  }
  return std::move(packer).finish();
}

Result<PackedSequences> load_packed_split(const DataConfig& data, const std::string& split,
                                          const Vocabulary& vocab, std::uint64_t seed, std::int64_t max_rows) {
  if (Status s = check_vocabulary(vocab); !s) return s.error();
  std::vector<std::string> texts;
  const std::size_t cap = static_cast<std::size_t>(data.max_documents);
  Status s = data::for_each_sample(data.corpus, split, [&](const data::CorpusSample& x) {
    if (cap == 0 || texts.size() < cap) texts.push_back(x.text);
  });
  if (!s) {
    Error e = s.error();
    e.message = "data.corpus: " + e.message;
    return e;
  }
  if (texts.empty())
    return make_error(ErrorCode::kInvalidArgument, "data.corpus '" + data.corpus + "' has no " + split + " samples");
  // Splits differ in their FIM stream; the seed keeps each reproducible.
  const std::uint64_t split_seed = seed + (split == "train" ? 0 : 0x1000193ULL);
  PackedSequences p = pack_documents(texts, data, vocab, split_seed);
  if (max_rows > 0 && p.rows() > max_rows) p.tokens.resize(static_cast<std::size_t>(max_rows * (p.seq_len + 1)));
  if (p.rows() == 0)
    return make_error(ErrorCode::kInvalidArgument, "data.corpus '" + data.corpus + "': the " + split +
                                                       " split packs into no sequence of data.seq_len tokens");
  return p;
}

}  // namespace codeloom::train
