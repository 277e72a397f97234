#include "zygote_protocol.h"

#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace codeloom::sandbox::internal {
namespace {

static_assert(std::is_trivially_copyable_v<Limits> && std::is_trivially_copyable_v<Isolation>);
constexpr std::uint32_t kMagic = 0x7a79636c;  // "lcyz"
constexpr std::uint32_t kLayout = sizeof(Limits) * 1000 + sizeof(Isolation);

class Writer {
 public:
  template <typename T>
  void pod(const T& v) { out_.append(reinterpret_cast<const char*>(&v), sizeof(T)); }
  void str(const std::string& s) {
    pod(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  void strings(const std::vector<std::string>& v) {
    pod(static_cast<std::uint32_t>(v.size()));
    for (const std::string& s : v) str(s);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(const char* p, size_t n) : p_(p), left_(n) {}
  template <typename T>
  bool pod(T* v) {
    if (left_ < sizeof(T)) return false;
    std::memcpy(v, p_, sizeof(T));
    p_ += sizeof(T);
    left_ -= sizeof(T);
    return true;
  }
  bool str(std::string* s) {
    std::uint32_t n = 0;
    if (!pod(&n) || left_ < n || std::memchr(p_, '\0', n) != nullptr) return false;
    s->assign(p_, n);
    p_ += n;
    left_ -= n;
    return true;
  }
  bool strings(std::vector<std::string>* v) {
    std::uint32_t n = 0;
    if (!pod(&n) || n > left_) return false;
    v->resize(n);
    for (std::string& s : *v) {
      if (!str(&s)) return false;
    }
    return true;
  }
  bool done() const { return left_ == 0; }

 private:
  const char* p_;
  size_t left_;
};

std::vector<const char*> c_strings(const std::vector<std::string>& v) {
  std::vector<const char*> out;
  out.reserve(v.size() + 1);
  for (const auto& s : v) out.push_back(s.c_str());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string encode_request(const SpawnSpec& spec) {
  Writer w;
  w.pod(kMagic);
  w.pod(kLayout);
  w.strings(spec.argv);
  w.strings(spec.env);
  w.str(spec.host_work_dir);
  w.pod(spec.limits);
  w.pod(static_cast<std::uint8_t>(spec.memory_as_data));
  w.pod(static_cast<std::int32_t>(spec.uid));
  w.pod(static_cast<std::int32_t>(spec.gid));
  w.pod(spec.layers);
  w.pod(static_cast<std::uint32_t>(spec.view.size()));
  for (const ViewEntry& e : spec.view) {
    w.pod(static_cast<std::uint8_t>(e.kind));
    w.str(e.path);
    w.str(e.source);
  }
  return w.take();
}

bool decode_request(const char* data, size_t size, SpawnSpec* out) {
  Reader r(data, size);
  std::uint32_t magic = 0, layout = 0;
  std::uint8_t as_data = 0;
  std::int32_t uid = 0, gid = 0;
  if (!r.pod(&magic) || magic != kMagic || !r.pod(&layout) || layout != kLayout) return false;
  if (!r.strings(&out->argv) || !r.strings(&out->env) || !r.str(&out->host_work_dir) || !r.pod(&out->limits) ||
      !r.pod(&as_data) || !r.pod(&uid) || !r.pod(&gid) || !r.pod(&out->layers)) {
    return false;
  }
  std::uint32_t n_view = 0;
  if (!r.pod(&n_view) || n_view > size) return false;
  out->view.resize(n_view);
  for (ViewEntry& e : out->view) {
    std::uint8_t kind = 0;
    if (!r.pod(&kind) || kind < ViewEntry::kDir || kind > ViewEntry::kFile || !r.str(&e.path) || !r.str(&e.source)) {
      return false;
    }
    e.kind = static_cast<ViewEntry::Kind>(kind);
  }
  out->memory_as_data = as_data != 0;
  out->uid = uid;
  out->gid = gid;
  return r.done() && !out->argv.empty();
}

void prepare_plan(const SpawnSpec& spec, PlanStorage* s) {
  s->argv = c_strings(spec.argv);
  s->envp = c_strings(spec.env);
  s->staged.clear();
  s->staged.reserve(spec.view.size());
  s->view.clear();
  for (const ViewEntry& e : spec.view) {
    s->staged.push_back(kViewStage + e.path);
    s->view.push_back({e.kind, s->staged.back().c_str(), e.source.c_str()});
  }
  s->tmp_options = "size=" + std::to_string(spec.limits.tmp_bytes) + ",mode=1777";
  s->uid_map = std::to_string(getuid()) + " " + std::to_string(getuid()) + " 1\n";
  s->gid_map = std::to_string(getgid()) + " " + std::to_string(getgid()) + " 1\n";
  ChildPlan& plan = s->plan;
  plan.argv = s->argv.data();
  plan.envp = s->envp.data();
  plan.host_work_dir = spec.host_work_dir.c_str();
  plan.view = s->view.data();
  plan.view_count = static_cast<int>(s->view.size());
  plan.tmp_mount_options = s->tmp_options.c_str();
  plan.uid_map = s->uid_map.c_str();
  plan.gid_map = s->gid_map.c_str();
  plan.limits = spec.limits;
  plan.memory_as_data = spec.memory_as_data;
  plan.uid = spec.uid;
  plan.gid = spec.gid;
  plan.layers = spec.layers;
}

}  // namespace codeloom::sandbox::internal
