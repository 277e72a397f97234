// Registry and Family: registration, label children and rendering.
#include <sstream>
#include <stdexcept>

#include "codeloom/metrics/registry.h"

namespace codeloom::metrics {
namespace {

enum Type { kCounter = 0, kGauge = 1, kHistogram = 2 };
const char* type_name(int t) { return t == kCounter ? "counter" : t == kGauge ? "gauge" : "histogram"; }

// {a="x",b="y"} with an optional extra pair appended (le for histogram buckets).
std::string label_block(const std::vector<std::string>& names, const std::vector<std::string>& values,
                        std::string_view extra_name = {}, std::string_view extra_value = {}) {
  if (names.empty() && extra_name.empty()) return "";
  std::string out = "{";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ',';
    out += names[i] + "=\"" + escape_label_value(values[i]) + "\"";
  }
  if (!extra_name.empty()) {
    if (!names.empty()) out += ',';
    out += std::string(extra_name) + "=\"" + escape_label_value(extra_value) + "\"";
  }
  return out + "}";
}

}  // namespace

template <typename M>
std::unique_ptr<M> Family<M>::make() const {
  if constexpr (std::is_same_v<M, Histogram>) return std::make_unique<Histogram>(buckets_);
  else return std::make_unique<M>();
}

template <typename M>
M& Family<M>::labels(const std::vector<std::string>& values) {
  if (values.size() != label_names_.size())
    throw std::invalid_argument("metric family expects " + std::to_string(label_names_.size()) +
                                " label values, got " + std::to_string(values.size()));
  {
    std::shared_lock lock(mu_);
    auto it = children_.find(values);
    if (it != children_.end()) return *it->second;
  }
  std::unique_lock lock(mu_);
  auto& slot = children_[values];
  if (!slot) slot = make();
  return *slot;
}

template <typename M>
M& Family<M>::labels(std::initializer_list<std::string_view> values) {
  return labels(std::vector<std::string>(values.begin(), values.end()));
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

struct Registry::Entry {
  std::string name;
  std::string help;
  int type = kCounter;
  std::vector<std::string> label_names;
  std::vector<double> buckets;
  std::unique_ptr<Family<Counter>> counters;
  std::unique_ptr<Family<Gauge>> gauges;
  std::unique_ptr<Family<Histogram>> histograms;
};

Registry::Registry() = default;
Registry::~Registry() = default;

Registry::Entry& Registry::add(const std::string& name, const std::string& help, int type,
                               std::vector<std::string> label_names, std::vector<double> buckets) {
  if (!valid_metric_name(name)) throw std::invalid_argument("invalid metric name '" + name + "'");
  for (const auto& l : label_names) {
    if (!valid_label_name(l)) throw std::invalid_argument("metric '" + name + "': invalid label name '" + l + "'");
    if (type == kHistogram && l == "le")
      throw std::invalid_argument("histogram '" + name + "': the label name 'le' is reserved for buckets");
  }
  if (type == kHistogram) Histogram check(buckets);  // throws on unsorted or non-finite bounds
  std::lock_guard lock(mu_);
  auto it = entries_.find(name);
  if (it != entries_.end()) {
    const Entry& e = *it->second;
    if (e.type != type || e.label_names != label_names || e.buckets != buckets)
      throw std::invalid_argument("metric '" + name + "' is already registered as a " + type_name(e.type) +
                                  " with other labels or buckets");
    return *it->second;
  }
  auto e = std::make_unique<Entry>();
  e->name = name;
  e->help = help;
  e->type = type;
  e->label_names = label_names;
  e->buckets = buckets;
  if (type == kCounter) e->counters.reset(new Family<Counter>(std::move(label_names), {}));
  if (type == kGauge) e->gauges.reset(new Family<Gauge>(std::move(label_names), {}));
  if (type == kHistogram) e->histograms.reset(new Family<Histogram>(std::move(label_names), std::move(buckets)));
  return *(entries_[name] = std::move(e));
}

Counter& Registry::counter(const std::string& name, const std::string& help) {
  return add(name, help, kCounter, {}, {}).counters->labels(std::vector<std::string>{});
}
Gauge& Registry::gauge(const std::string& name, const std::string& help) {
  return add(name, help, kGauge, {}, {}).gauges->labels(std::vector<std::string>{});
}
Histogram& Registry::histogram(const std::string& name, const std::string& help, std::vector<double> buckets) {
  return add(name, help, kHistogram, {}, std::move(buckets)).histograms->labels(std::vector<std::string>{});
}
Family<Counter>& Registry::counter_family(const std::string& name, const std::string& help,
                                          std::vector<std::string> label_names) {
  return *add(name, help, kCounter, std::move(label_names), {}).counters;
}
Family<Gauge>& Registry::gauge_family(const std::string& name, const std::string& help,
                                      std::vector<std::string> label_names) {
  return *add(name, help, kGauge, std::move(label_names), {}).gauges;
}
Family<Histogram>& Registry::histogram_family(const std::string& name, const std::string& help,
                                              std::vector<std::string> label_names, std::vector<double> buckets) {
  return *add(name, help, kHistogram, std::move(label_names), std::move(buckets)).histograms;
}

std::string Registry::render() const {
  std::ostringstream out;
  std::lock_guard lock(mu_);
  for (const auto& [name, e] : entries_) {
    out << "# HELP " << name << ' ' << escape_help(e->help) << '\n';
    out << "# TYPE " << name << ' ' << type_name(e->type) << '\n';
    const auto& ln = e->label_names;
    if (e->type == kCounter || e->type == kGauge) {
      const std::string& metric = name;  // clang 14 cannot capture structured bindings
      auto emit = [&](const auto& family) {
        std::shared_lock fl(family.mu_);
        for (const auto& [values, m] : family.children_)
          out << metric << label_block(ln, values) << ' ' << format_value(m->value()) << '\n';
      };
      if (e->counters) emit(*e->counters);
      else emit(*e->gauges);
      continue;
    }
    std::shared_lock fl(e->histograms->mu_);
    for (const auto& [values, h] : e->histograms->children_) {
      const Histogram::Snapshot s = h->snapshot();
      for (std::size_t i = 0; i < s.upper_bounds.size(); ++i)
        out << name << "_bucket" << label_block(ln, values, "le", format_value(s.upper_bounds[i])) << ' '
            << s.cumulative[i] << '\n';
      out << name << "_bucket" << label_block(ln, values, "le", "+Inf") << ' ' << s.count << '\n';
      out << name << "_sum" << label_block(ln, values) << ' ' << format_value(s.sum) << '\n';
      out << name << "_count" << label_block(ln, values) << ' ' << s.count << '\n';
    }
  }
  return out.str();
}

}  // namespace codeloom::metrics
