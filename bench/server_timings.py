#!/usr/bin/env python3
"""Where one warm /infill request spends its time, codeloom serve vs llama-server.

Same workload as server_bench.py --same-work (PSM prompts on both, ignore_eos,
16 greedy tokens, one edited line between requests), one server at a time,
one client. Prints the medians of the servers' own timings (prompt_ms,
predicted_ms) and the rest of the wall time (HTTP, JSON, tokenizing, records).

  python3 bench/server_timings.py --model models/codeloom-tiny.gguf \
      --codeloom build/bin/codeloom --llama-server ~/.cache/codeloom/llama.cpp-*/install/bin/llama-server
  ... --codeloom-args "--batching false"      # extra codeloom serve flags
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import server_bench as sb  # noqa: E402  (Document: the editing client's requests)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(argv, port, doc, requests, warmup):
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        rows, sample = [], None
        for i in range(warmup + requests):
            body = json.dumps(doc.request(i - warmup, 16)).encode()
            req = urllib.request.Request(f"http://127.0.0.1:{port}/infill", body, {"Content-Type": "application/json"})
            t0 = time.perf_counter()
            r = json.loads(urllib.request.urlopen(req, timeout=60).read())
            ms = (time.perf_counter() - t0) * 1000
            if i >= warmup:
                t = r["timings"]
                rows.append((ms, t["prompt_ms"], t["predicted_ms"], t["prompt_n"], r["tokens_predicted"]))
                sample = sample or r["content"]
    finally:
        proc.terminate()
        proc.wait()
    med = [statistics.median(x[k] for x in rows) for k in range(5)]
    return {"wall_ms": med[0], "prompt_ms": med[1], "predicted_ms": med[2], "prompt_n": med[3],
            "predicted_n": med[4], "outside_engine_ms": med[0] - med[1] - med[2], "sample_content": sample}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--codeloom", required=True)
    ap.add_argument("--llama-server", help="omit: codeloom only")
    ap.add_argument("--codeloom-args", default="", help="extra flags for codeloom serve")
    ap.add_argument("--source", default="/usr/lib/python3.11/argparse.py")
    ap.add_argument("--prefix-chars", type=int, default=3000)
    ap.add_argument("--suffix-chars", type=int, default=300)
    ap.add_argument("--requests", type=int, default=37)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--slots", type=int, default=8)
    ap.add_argument("--ctx-per-slot", type=int, default=1024)
    args = ap.parse_args()
    text = open(args.source, encoding="utf-8").read()
    text = text[text.find("\nimport "):] if "\nimport " in text else text
    sb.Document.ignore_eos = True
    doc = sb.Document(text, args.prefix_chars, args.suffix_chars, 0)
    out = {}
    port = free_port()
    out["codeloom"] = measure(
        [args.codeloom, "serve", "--model", args.model, "--port", str(port), "--slots", str(args.slots),
         "--ctx-per-slot", str(args.ctx_per_slot), "--threads", "2", "--log-requests", "false",
         "--feedback-db", f"/tmp/server-timings-{os.getpid()}.db", "--kv-cache-type", "bf16", "--fim-order", "psm"]
        + args.codeloom_args.split(), port, doc, args.requests, args.warmup)
    if args.llama_server:
        port = free_port()
        out["llama-server"] = measure(
            [args.llama_server, "-m", args.model, "--port", str(port), "--host", "127.0.0.1", "--parallel",
             str(args.slots), "-c", str(args.slots * args.ctx_per_slot), "-t", "2", "-fa", "off", "--no-warmup",
             "-ctk", "bf16", "-ctv", "bf16"], port, doc, args.requests, args.warmup)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
