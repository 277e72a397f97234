// A training worker for the DDP test: the tiny recipe on the synthetic corpus
// with the byte vocabulary. Usage: train_ddp_worker OUT_DIR STEPS GRAD_ACCUM
// (rank and world size come from the CODELOOM_* environment, launch.h).
#include <cstdio>
#include <cstdlib>

#include "codeloom/train/launch.h"
#include "codeloom/train/trainer.h"
#include "train/byte_vocab.h"

int main(int argc, char** argv) {
  using namespace codeloom::train;
  if (argc != 4) return 2;
  auto r = load_recipe(std::string(CODELOOM_SOURCE_DIR) + "/recipes/tiny-test.toml");
  if (!r) return 2;
  Recipe rc = *r;
  rc.model.vocab_size = testing::kByteVocabSize;
  rc.train.steps = std::atoi(argv[2]);
  rc.train.grad_accum = std::atoi(argv[3]);
  rc.train.threads = 1;  // two workers on two cores
  Vocabulary v = testing::byte_vocabulary();
  auto train_rows = pack_documents(testing::synthetic_corpus(400), rc.data, v, 1);
  auto val_rows = pack_documents(testing::synthetic_corpus(40, 3), rc.data, v, 2);
  auto dist = dist_from_env({});
  if (!dist) {
    std::fprintf(stderr, "%s\n", dist.error().message.c_str());
    return 2;
  }
  TrainOptions o;
  o.out_dir = argv[1];
  o.progress = false;
  o.dist = *dist;
  auto s = run_training(rc, train_rows, val_rows, o);
  if (!s) {
    std::fprintf(stderr, "%s\n", s.error().message.c_str());
    return 1;
  }
  return 0;
}
