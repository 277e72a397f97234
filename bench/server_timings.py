#!/usr/bin/env python3
"""Where one warm /infill request spends its time, codeloom serve vs llama-server.

Same workload as server_bench.py --same-work (PSM prompts on both, ignore_eos,
16 greedy tokens, one edited line between requests), one client. Both servers
run at once and the requests alternate between them (A, B, A, B, ...), so the
machine's drift (hypervisor steal moves these 2-vCPU machines by +-20 % within
minutes) hits both alike; only one server works at any moment. Prints the
medians of each server's own timings (prompt_ms, predicted_ms), the rest of
the wall time (HTTP, JSON, tokenizing, records), and how many of the paired
requests codeloom answered first.

  python3 bench/server_timings.py --model models/codeloom-tiny.gguf \
      --codeloom build/bin/codeloom --llama-server ~/.cache/codeloom/llama.cpp-*/install/bin/llama-server
  ... --codeloom-args "--batching false"      # extra codeloom serve flags
  ... --baseline OTHER_CODELOOM                # a second codeloom build in the rotation (A/B a change)
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


def wait_healthy(port, proc):
    for _ in range(600):
        if proc.poll() is not None:
            raise SystemExit(f"server on port {port} exited with {proc.returncode}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} never became healthy")


def one(port, body):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/infill", body, {"Content-Type": "application/json"})
    t0 = time.perf_counter()
    r = json.loads(urllib.request.urlopen(req, timeout=60).read())
    ms = (time.perf_counter() - t0) * 1000
    t = r["timings"]
    return (ms, t["prompt_ms"], t["predicted_ms"], t["prompt_n"], r["tokens_predicted"]), r["content"]


def summary(rows, sample):
    med = [statistics.median(x[k] for x in rows) for k in range(5)]
    return {"wall_ms": med[0], "prompt_ms": med[1], "predicted_ms": med[2], "prompt_n": med[3],
            "predicted_n": med[4], "outside_engine_ms": med[0] - med[1] - med[2],
            "wall_p95_ms": sorted(x[0] for x in rows)[int(0.95 * (len(rows) - 1))], "sample_content": sample}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--codeloom", required=True)
    ap.add_argument("--llama-server", help="omit: codeloom only")
    ap.add_argument("--baseline", help="another codeloom binary, measured in the same rotation")
    ap.add_argument("--codeloom-args", default="", help="extra flags for codeloom serve")
    ap.add_argument("--source", default="/usr/lib/python3.11/argparse.py")
    ap.add_argument("--prefix-chars", type=int, default=3000)
    ap.add_argument("--suffix-chars", type=int, default=300)
    ap.add_argument("--requests", type=int, default=60, help="measured requests per server")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--slots", type=int, default=8)
    ap.add_argument("--ctx-per-slot", type=int, default=1024)
    args = ap.parse_args()
    text = open(args.source, encoding="utf-8").read()
    text = text[text.find("\nimport "):] if "\nimport " in text else text
    sb.Document.ignore_eos = True
    doc = sb.Document(text, args.prefix_chars, args.suffix_chars, 0)

    def codeloom_argv(binary, port, tag):
        return [binary, "serve", "--model", args.model, "--port", str(port), "--slots", str(args.slots),
                "--ctx-per-slot", str(args.ctx_per_slot), "--threads", "2", "--log-requests", "false",
                "--feedback-db", f"/tmp/server-timings-{os.getpid()}-{tag}.db", "--kv-cache-type", "bf16",
                "--fim-order", "psm"] + args.codeloom_args.split()

    servers = [("codeloom", lambda p: codeloom_argv(args.codeloom, p, "a"))]
    if args.baseline:
        servers.append(("baseline", lambda p: codeloom_argv(args.baseline, p, "b")))
    if args.llama_server:
        servers.append(("llama-server", lambda p: [
            args.llama_server, "-m", args.model, "--port", str(p), "--host", "127.0.0.1", "--parallel",
            str(args.slots), "-c", str(args.slots * args.ctx_per_slot), "-t", "2", "-fa", "off", "--no-warmup",
            "-ctk", "bf16", "-ctv", "bf16"]))
    procs, ports = [], []
    try:
        for _, argv in servers:
            port = free_port()
            procs.append(subprocess.Popen(argv(port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            ports.append(port)
        for port, proc in zip(ports, procs):
            wait_healthy(port, proc)
        rows = [[] for _ in servers]
        samples = [None for _ in servers]
        for i in range(args.warmup + args.requests):
            body = json.dumps(doc.request(i - args.warmup, 16)).encode()
            # Rotate who goes first, so neither always follows the other.
            order = list(range(len(servers)))
            k = i % len(order)
            for s in order[k:] + order[:k]:
                row, content = one(ports[s], body)
                if i >= args.warmup:
                    rows[s].append(row)
                    samples[s] = samples[s] or content
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait()
    out = {name: summary(rows[s], samples[s]) for s, (name, _) in enumerate(servers)}
    if len(servers) > 1:
        out["codeloom_faster_pairs"] = {
            name: f"{sum(a[0] < b[0] for a, b in zip(rows[0], rows[s]))}/{len(rows[0])}"
            for s, (name, _) in enumerate(servers) if s > 0}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
