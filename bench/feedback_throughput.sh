#!/usr/bin/env bash
# Feedback store throughput: 1 and 8 writers, synchronous FULL and NORMAL,
# group commit vs one commit per write (--max-batch 1). Runs the
# configurations interleaved ROUNDS times and prints the median events/s of
# each, with the load average (the machine is shared).
#   bench/feedback_throughput.sh [build-dir] [rounds] [seconds]
set -euo pipefail
build="${1:-build}"; rounds="${2:-3}"; secs="${3:-3}"
bin="$build/bin/feedback_throughput"
configs=("1 full 512" "8 full 512" "8 full 1" "1 normal 512" "8 normal 512" "8 normal 1")
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((r = 0; r < rounds; r++)); do
  for c in "${configs[@]}"; do
    read -r w s b <<<"$c"
    "$bin" --writers "$w" --sync "$s" --max-batch "$b" --seconds "$secs" >>"$out"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
groups = {}
for r in rows:
    groups.setdefault((r["writers"], r["sync"], r["max_batch"]), []).append(r)
print("| writers | synchronous | max_batch | events/s (median) | mean batch | runs |")
print("|---:|---|---:|---:|---:|---:|")
for (w, s, b), rs in groups.items():
    print(f"| {w} | {s.upper()} | {b} | {statistics.median(x['events_per_s'] for x in rs):.0f} | "
          f"{statistics.median(x['mean_batch'] for x in rs):.2f} | {len(rs)} |")
PY
