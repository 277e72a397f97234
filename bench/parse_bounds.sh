#!/usr/bin/env bash
# Wall time, exit status and peak memory of `codeloom parse` on the inputs that
# used to stall it (issue 17): pathological sources, /dev/zero, a FIFO. The inputs
# are generated into a temporary directory (nothing large is committed).
#
#   bench/parse_bounds.sh [path/to/codeloom]      (default: build/bin/codeloom)
#
# Results on the shared 2-core dev machine are in docs/lang.md ("Bounded parsing").
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/bin/codeloom}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() {  # gen FILE PREFIX UNIT COUNT
  python3 -c 'import sys; open(sys.argv[1], "w").write(sys.argv[2] + sys.argv[3] * int(sys.argv[4]))' \
    "$1" "$2" "$3" "$4"
}
gen "$tmp/brackets70k.js" "" "[1," 70000
gen "$tmp/brackets16k.js" "" "[1," 16000
gen "$tmp/strings20k.js" "" '["a",' 20000
gen "$tmp/string1m.py" 'x = """' $'abc def\n' 131072
gen "$tmp/string10m.py" 'x = """' $'abc def\n' 1310720
gen "$tmp/brackets2800k.js" "" "[1," 2800000
gen "$tmp/fns_after_paren.cc" $'(\n' $'void f(){}\n' 20000
mkfifo "$tmp/fifo.py"

# wall_s: elapsed; cpu_s: user + system (the wall time on a loaded machine is
# mostly waiting; `codeloom --version` alone is the startup baseline).
printf '%-22s %10s %5s %7s %6s %7s\n' case bytes exit wall_s cpu_s rss_mb
run() {  # run NAME FILE [ARGS...]
  local name=$1 file=$2; shift 2
  local bytes rc=0
  bytes=$( [ -f "$file" ] && stat -c %s "$file" || echo -)
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" timeout 300 "$bin" "$@" "$file" \
    >/dev/null 2>"$tmp/err" || rc=$?
  read -r wall user sys rss < <(tail -1 "$tmp/time")
  printf '%-22s %10s %5s %7.2f %6.2f %7.1f\n' "$name" "$bytes" "$rc" "$wall" \
    "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc -l)"
}
/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$bin" --version >/dev/null
read -r wall user sys rss < <(tail -1 "$tmp/time")
printf '%-22s %10s %5s %7.2f %6.2f %7.1f\n' startup_version - 0 "$wall" "$(echo "$user + $sys" | bc)" \
  "$(echo "$rss / 1024" | bc -l)"
run js_brackets_70k "$tmp/brackets70k.js" parse
run js_brackets_16k "$tmp/brackets16k.js" parse
run js_string_arrays_20k "$tmp/strings20k.js" parse
run py_unterminated_1mb "$tmp/string1m.py" parse
run py_unterminated_10mb "$tmp/string10m.py" parse
run js_brackets_2800k "$tmp/brackets2800k.js" parse
run cpp_fns_after_paren "$tmp/fns_after_paren.cc" parse
run dev_zero /dev/zero parse --language python
run fifo "$tmp/fifo.py" parse
