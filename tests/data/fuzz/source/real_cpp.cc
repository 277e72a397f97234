#include <algorithm>
#include <string>
#include <vector>

namespace demo {

// A fixed-size ring buffer.
template <typename T, std::size_t N>
class Ring {
 public:
  Ring() = default;
  bool push(const T& v) {
    if (size_ == N) return false;
    data_[(head_ + size_++) % N] = v;
    return true;
  }
  explicit operator bool() const { return size_ != 0; }
  ~Ring() {}

 private:
  T data_[N]{};
  std::size_t head_ = 0, size_ = 0;
};

template <typename It>
auto largest(It first, It last) -> decltype(*first) {
  return *std::max_element(first, last, [](const auto& a, const auto& b) { return a < b; });
}

std::string Ring<int, 4>::name() const { return R"raw(ring "4")raw"; }

bool operator==(const std::string& a, const Ring<int, 4>& b) { return a.empty() && !b; }

}  // namespace demo

#define SQUARE(x) ((x) * (x))
int main() { return SQUARE(2) - 4; }
