"""Throughput and memory of the whole scoring path, against bare JSON parsing of the same file.

    PYTHONPATH=. python benchmarks/throughput.py                 # 50,000 contacts, servqual
    PYTHONPATH=. python benchmarks/throughput.py --profile       # + cProfile of the scoring path
    PYTHONPATH=. python benchmarks/throughput.py --n 100000 --rubric complaint-handling

1. Generates N synthetic contacts (benchmarks/synth.py, seeded, ~50 % en / 40 % zh /
   10 % zh-Hant, 10-40 turns, timed calls and untimed chats) into a temporary .jsonl file.
2. Times, in this process: (a) bare ``json.loads`` of every line; (b) ``iter_contacts`` alone
   (parse + build Transcript objects); (c) the whole path ``iter_contacts -> start_run ->
   FORMATS["jsonl"].write(run, devnull)``. The issue's target is (c) <= 3x (a).
3. Peak memory: the whole path runs in a fresh child process for N/5 and for N contacts; the
   child imports everything and builds the one-off Chinese tables first, resets its peak-RSS
   counter (/proc/self/clear_refs), scores, then reports VmHWM (peak RSS while scoring) and
   ru_maxrss (lifetime peak). Memory must not grow with N.
4. ``--profile``: cProfile of the whole path on ``--profile-n`` contacts, top 15 by cumulative
   and by own time.
Writes the ``throughput`` section of benchmarks/RESULTS.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402  (puts the repo on sys.path)
import synth  # noqa: E402

TARGET_RATIO = 3.0
SEED = 20260501


def _proc_status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0), so the peak seen later is the scoring's own."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def score_file(path: str, compiled) -> tuple[float, object]:
    """The whole path, as the CLI runs it for --format jsonl; returns (seconds, run)."""
    from sqaudit.formatters import FORMATS
    from sqaudit.parsers import iter_contacts
    from sqaudit.run import start_run

    with open(os.devnull, "w", encoding="utf-8") as devnull:
        began = time.perf_counter()
        run = start_run(iter_contacts([path]), compiled)
        FORMATS["jsonl"].write(run, devnull)
        return time.perf_counter() - began, run


def child_main(path: str, rubric: str, rubric_dir: str | None) -> int:
    """Run in a fresh process: score ``path`` and print one JSON line with memory figures."""
    compiled, problem = common.load_builtin(rubric, rubric_dir)
    if compiled is None:
        print(json.dumps({"error": problem}))
        return 2
    import sqaudit.formatters  # noqa: F401 - imports (scipy via run.py) are start-up, not growth
    import sqaudit.parsers  # noqa: F401
    import sqaudit.run  # noqa: F401
    from sqaudit.text import detect_language, normalize

    after_import = _proc_status_kb("VmRSS")
    normalize("您好，請問")  # the one-off Traditional->Simplified table, built at first Chinese text
    detect_language("您好，請問")  # and the script sets, built at first detection of Chinese
    hwm_before = _proc_status_kb("VmHWM")
    hwm_reset = _reset_peak()
    before = _proc_status_kb("VmRSS")
    seconds, run = score_file(path, compiled)
    summary = run.summary()
    print(json.dumps({
        "contacts": summary.contacts, "errors": len(run.errors), "seconds": seconds,
        "rss_after_import_kb": after_import, "hwm_after_warmup_kb": hwm_before, "hwm_reset": hwm_reset,
        "rss_before_kb": before, "vm_hwm_kb": _proc_status_kb("VmHWM"),
        "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))
    return 0


_DIGIT_RUN = re.compile(r"\d(?:[ -]?\d){12,18}")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def check_output(path: str, compiled, k: int) -> list[str]:
    """Sanity of what the path writes, on the first k contacts: valid JSON lines, one per contact,
    §4.2 keys, scores in 0..100, and no Luhn-valid card number left unmasked in any line."""
    from sqaudit.formatters import FORMATS
    from sqaudit.parsers import iter_contacts
    from sqaudit.run import start_run

    sample = io.StringIO()
    with open(path, encoding="utf-8") as src:
        for i, line in enumerate(src):
            if i >= k:
                break
            sample.write(line)
    cards_in = sum(1 for line in sample.getvalue().splitlines()
                   if any(_luhn_ok(re.sub(r"\D", "", m)) for m in _DIGIT_RUN.findall(line)))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tmp:
        tmp.write(sample.getvalue())
    out = io.StringIO()
    try:
        FORMATS["jsonl"].write(start_run(iter_contacts([tmp.name]), compiled), out)
    finally:
        os.unlink(tmp.name)
    problems = []
    lines = out.getvalue().splitlines()
    if len(lines) != k:
        problems.append(f"{k} contacts in, {len(lines)} jsonl lines out")
    for n, line in enumerate(lines, 1):
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"output line {n} is not JSON: {exc}")
            continue
        missing = {"id", "score", "passed", "complaint", "critical_failures", "dimensions", "criteria"} - set(doc)
        if missing:
            problems.append(f"output line {n} lacks {sorted(missing)}")
        score = doc.get("score")
        if score is not None and not 0 <= score <= 100:
            problems.append(f"output line {n} ({doc.get('id')}): score {score} outside 0..100")
        leaks = [m for m in _DIGIT_RUN.findall(line) if _luhn_ok(re.sub(r"\D", "", m))]
        if leaks:
            problems.append(f"output line {n} ({doc.get('id')}): unmasked card-like number(s) {leaks[:2]}")
    print(f"output check on {k:,} contacts ({cards_in} input lines carry a card number): "
          + ("ok" if not problems else f"{len(problems)} problem(s): " + "; ".join(problems[:5])))
    return problems


def parse_baseline(path: str) -> tuple[float, int]:
    began = time.perf_counter()
    n = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            json.loads(line)
            n += 1
    return time.perf_counter() - began, n


def iter_only(path: str) -> tuple[float, int, int]:
    from sqaudit.errors import InputError
    from sqaudit.parsers import iter_contacts

    began = time.perf_counter()
    n = errors = 0
    for item in iter_contacts([path]):
        n += 1
        errors += isinstance(item, InputError)
    return time.perf_counter() - began, n, errors


def memory_children(paths: list[tuple[int, str]], rubric: str, rubric_dir: str | None) -> list[dict]:
    """One fresh child per file, run side by side (2 cores); only memory is read from them."""
    cmd = [sys.executable, __file__, "--rubric", rubric]
    if rubric_dir:
        cmd += ["--rubric-dir", rubric_dir]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(common.REPO), os.environ.get("PYTHONPATH")]))}
    procs = [(n, subprocess.Popen(cmd + ["--child", p], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=env)) for n, p in paths]
    out = []
    for n, proc in procs:
        stdout, stderr = proc.communicate()
        try:
            data = json.loads(stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            data = {"error": f"child exited {proc.returncode}: {stderr.strip()[-800:]}"}
        data["n"] = n
        out.append(data)
    return out


def profile(path: str, compiled, top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    score_file(path, compiled)
    profiler.disable()
    buf = io.StringIO()
    stats = pstats.Stats(profiler, stream=buf)
    total = stats.total_tt  # type: ignore[attr-defined]
    buf.write(f"total profiled time {total:.2f} s (cProfile overhead included)\n")
    for key in ("cumulative", "tottime"):
        buf.write(f"\n--- top {top} by {key} ---\n")
        stats.sort_stats(key).print_stats(top)
    buf.write(_share_table(stats, total, top))
    buf.write(_stage_table(stats, total))
    return buf.getvalue()


# (label, path suffix, function name); cumulative time, so nested rows overlap their parents
STAGES = [
    ("parse: iter_contacts (read + json + Transcript)", "sqaudit/parsers/__init__.py", "iter_contacts"),
    ("  of which transcript_from_dict", "sqaudit/parsers/native.py", "transcript_from_dict"),
    ("evaluate (engine)", "sqaudit/engine.py", "evaluate"),
    ("  normalize (all turns)", "sqaudit/text.py", "normalize"),
    ("  detect_language", "sqaudit/text.py", "detect_language"),
    ("  CompiledRubric.scan (Aho-Corasick)", "sqaudit/rubric/compile.py", "scan"),
    ("  contact_metrics", "sqaudit/metrics.py", "contact_metrics"),
    ("  _judge (applicability + check + finding)", "sqaudit/engine.py", "_judge"),
    ("    _evidence (quotes + redact)", "sqaudit/engine.py", "_evidence"),
    ("      redact", "sqaudit/redact.py", "redact"),
    ("  score_findings", "sqaudit/scoring.py", "score_findings"),
    ("run bookkeeping (_tally)", "sqaudit/run.py", "_tally"),
    ("output: ContactResult.to_dict", "sqaudit/model.py", "to_dict"),
    ("output: json dumps", "sqaudit/formatters/json_.py", "dumps"),
]


def _stage_table(stats: pstats.Stats, total: float) -> str:
    """Cumulative share of the main stages and of each criterion kind's check()."""
    cum: dict[str, float] = {}
    kinds: dict[str, float] = {}
    for (file, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        for label, suffix, fname in STAGES:
            if file.endswith(suffix) and name == fname:
                cum[label] = max(cum.get(label, 0.0), ct) if fname == "to_dict" else cum.get(label, 0.0) + ct
        if "/sqaudit/checks/" in file and name == "check":
            kind = file.rsplit("/", 1)[-1][:-3]
            kinds[kind] = kinds.get(kind, 0.0) + ct
    lines = ["\n--- where the time goes (cumulative share of the whole path; indented rows are inside the row above) ---"]
    lines += [f"{100 * cum.get(label, 0.0) / total:6.1f} %  {label}" for label, _s, _f in STAGES]
    lines.append("--- criterion kinds, check() cumulative share ---")
    lines += [f"{100 * t / total:6.1f} %  {kind}" for kind, t in sorted(kinds.items(), key=lambda kv: -kv[1])]
    return "\n".join(lines) + "\n"


def _share_table(stats: pstats.Stats, total: float, top: int) -> str:
    """Own time per function as a share of the total: where the lead should look first."""
    rows = []
    for (file, line, name), (_cc, _nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        short = file.replace(str(common.REPO) + "/", "")
        rows.append((tt, ct, f"{short}:{line}({name})"))
    rows.sort(reverse=True)
    lines = [f"\n--- own time share (top {top}) ---", f"{'own %':>6} {'cum %':>6}  function"]
    lines += [f"{100 * tt / total:6.1f} {100 * ct / total:6.1f}  {where}" for tt, ct, where in rows[:top]]
    return "\n".join(lines) + "\n"


def verdict_memory(mem: list[dict]) -> str:
    ok = [m for m in mem if "vm_hwm_kb" in m and m.get("vm_hwm_kb")]
    if len(ok) < 2:
        return "could not measure"
    small, large = sorted(ok, key=lambda m: m["n"])[:: len(ok) - 1]
    g_small = small["vm_hwm_kb"] - small["rss_before_kb"]
    g_large = large["vm_hwm_kb"] - large["rss_before_kb"]
    diff_mb = (large["vm_hwm_kb"] - small["vm_hwm_kb"]) / 1024
    flat = diff_mb < max(5.0, 0.05 * small["vm_hwm_kb"] / 1024)
    return (f"peak RSS {small['vm_hwm_kb'] / 1024:.1f} MB at {small['n']:,} contacts vs "
            f"{large['vm_hwm_kb'] / 1024:.1f} MB at {large['n']:,} (growth during scoring "
            f"{g_small / 1024:.1f} MB vs {g_large / 1024:.1f} MB): "
            + ("flat — memory does not grow with batch size" if flat
               else f"GROWS by {diff_mb:.1f} MB for {large['n'] - small['n']:,} more contacts"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=50_000, help="contacts to generate (default 50,000; at least 50,000 "
                    "for a reportable run)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--rubric", default="servqual", help="built-in rubric name (default servqual)")
    ap.add_argument("--rubric-dir", help="look the rubric up as DIR/NAME.yml instead of the built-ins")
    ap.add_argument("--profile", action="store_true", help="also cProfile the scoring path")
    ap.add_argument("--profile-n", type=int, default=5_000, help="contacts to profile (default 5,000)")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--no-memory", action="store_true", help="skip the child-process memory measurement")
    ap.add_argument("--no-write", action="store_true", help="do not update benchmarks/RESULTS.md")
    ap.add_argument("--keep", metavar="PATH", help="also keep the generated .jsonl at PATH")
    ap.add_argument("--child", metavar="FILE", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child_main(args.child, args.rubric, args.rubric_dir)

    args.provenance = common.provenance()  # taken at the start: HEAD moves while others commit
    print(f"provenance: {args.provenance}")
    compiled, problem = common.load_builtin(args.rubric, args.rubric_dir)
    if compiled is None:
        print(f"CANNOT SCORE: {problem}\n(the parse baseline alone says nothing; re-run when the rubric loads)")
        if not args.no_write:
            common.update_section("throughput", f"## Throughput\n\n{args.provenance}\n\n"
                                  f"**Not measured:** {problem}.\n")
        return 2
    rubric = compiled.rubric
    print(f"rubric: {rubric.id} v{rubric.version} ({len(rubric.criteria)} criteria, sha256 {rubric.sha256[:12]})")

    with tempfile.TemporaryDirectory(prefix="sqaudit-bench-") as tmp:
        path = os.path.join(tmp, "contacts.jsonl")
        began = time.perf_counter()
        with open(path, "w", encoding="utf-8") as out:
            synth.write_jsonl(out, args.n, args.seed)
        gen_s = time.perf_counter() - began
        size = os.path.getsize(path)
        print(f"generated {args.n:,} contacts, {size / 1e6:.1f} MB, in {gen_s:.1f} s -> {path}")
        if args.keep:
            Path(args.keep).write_bytes(Path(path).read_bytes())

        from sqaudit.text import detect_language, normalize

        normalize("請問")  # one-off Chinese tables (~0.2 s together) are start-up, not throughput
        detect_language("請問")
        parse_s, n_lines = parse_baseline(path)
        iter_s, n_items, n_err = iter_only(path)
        score_s, run = score_file(path, compiled)
        summary = run.summary()
        ratio = score_s / parse_s
        rows = [
            ["(a) json.loads of every line", f"{parse_s:.2f}", f"{n_lines / parse_s:,.0f}", "1.0×"],
            ["(b) iter_contacts only (parse + Transcript)", f"{iter_s:.2f}", f"{n_items / iter_s:,.0f}",
             f"{iter_s / parse_s:.1f}×"],
            [f"(c) whole path: iter_contacts → start_run → jsonl → devnull ({rubric.id})", f"{score_s:.2f}",
             f"{summary.contacts / score_s:,.0f}", f"{ratio:.1f}×"],
        ]
        header = ["stage", "seconds", "contacts/s", "vs (a)"]
        print()
        print(common.text_table(header, rows))
        verdict = ("meets" if ratio <= TARGET_RATIO else "MISSES") + f" the ≤ {TARGET_RATIO:g}× target"
        print(f"\nratio scoring / bare parse = {ratio:.1f}× — {verdict}")
        print(f"scored {summary.contacts:,}, input errors {len(run.errors)}, internal errors {summary.internal_errors}, "
              f"mean score {summary.score.value}, complaints {summary.complaints:,}")
        if n_err or run.errors or summary.internal_errors:
            print("WARNING: the synthetic batch produced errors:", [str(e) for e in run.errors[:3]])

        check_problems = check_output(path, compiled, min(args.n, 2000))

        mem: list[dict] = []
        mem_line = "not measured (--no-memory)"
        if not args.no_memory:
            small_n = args.n // 5
            small = os.path.join(tmp, "small.jsonl")
            with open(path, encoding="utf-8") as src, open(small, "w", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i >= small_n:
                        break
                    dst.write(line)
            mem = memory_children([(small_n, small), (args.n, path)], args.rubric, args.rubric_dir)
            for m in mem:
                if "error" in m:
                    print(f"memory child for {m['n']:,} contacts failed: {m['error']}")
                else:
                    print(f"child {m['n']:,} contacts: RSS after imports {m['rss_after_import_kb'] / 1024:.1f} MB, "
                          f"after the one-off Chinese tables {m['rss_before_kb'] / 1024:.1f} MB "
                          f"(their peak {m['hwm_after_warmup_kb'] / 1024:.1f} MB); peak while scoring "
                          f"{m['vm_hwm_kb'] / 1024:.1f} MB{'' if m['hwm_reset'] else ' (lifetime: reset failed)'}, "
                          f"ru_maxrss {m['ru_maxrss_kb'] / 1024:.1f} MB (inherits the parent's high-water mark "
                          "through fork+exec; not used)")
            mem_line = verdict_memory(mem)
            print(f"memory: {mem_line}")

        prof = ""
        if args.profile:
            pn = min(args.profile_n, args.n)
            ppath = os.path.join(tmp, "profile.jsonl")
            with open(path, encoding="utf-8") as src, open(ppath, "w", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i >= pn:
                        break
                    dst.write(line)
            prof = profile(ppath, compiled, args.top)
            print(f"\n=== cProfile of the whole path, {pn:,} contacts ===\n{prof}")

    if not args.no_write:
        if args.n < 50_000:
            print("(not written to RESULTS.md: a reportable run needs --n >= 50,000)")
        else:
            write_results(args, rubric, gen_s, size, header, rows, ratio, verdict, summary, run, mem, mem_line, prof,
                          check_problems)
            print(f"\nwrote the throughput section of {common.RESULTS}")
    return 0


def write_results(args, rubric, gen_s, size, header, rows, ratio, verdict, summary, run, mem, mem_line, prof,
                  check_problems) -> None:
    mem_rows = [[f"{m['n']:,}", f"{m['rss_after_import_kb'] / 1024:.1f}",
                 f"{m['rss_before_kb'] / 1024:.1f} (peak {m['hwm_after_warmup_kb'] / 1024:.1f})",
                 f"{m['vm_hwm_kb'] / 1024:.1f}", f"{(m['vm_hwm_kb'] - m['rss_before_kb']) / 1024:.1f}"]
                for m in mem if "vm_hwm_kb" in m]
    body = [
        "## Throughput", "",
        args.provenance, "",
        f"Batch: {args.n:,} synthetic contacts (`benchmarks/synth.py`, seed {args.seed}; ~50 % en, 40 % zh, "
        f"10 % zh-Hant; 10–40 turns; half timed calls, half untimed chats), {size / 1e6:.1f} MB of JSONL. "
        f"Rubric `{rubric.id}` v{rubric.version} ({len(rubric.criteria)} criteria, sha256 `{rubric.sha256[:12]}`). "
        f"Scored {summary.contacts:,}, input errors {len(run.errors)}, internal errors {summary.internal_errors}.", "",
        common.md_table(header, rows), "",
        f"**Reading:** scoring costs **{ratio:.1f}×** a bare `json.loads` of the same file — it "
        f"{verdict} from the issue. Reading the file into `Transcript` objects alone (b) already costs "
        f"{rows[1][3]} the bare parse, so the target leaves almost nothing for evaluation and output. "
        "Times are wall-clock, single process, one run (no repeats); the machine is shared with other "
        "engineers, so expect ±10 %.", "",
        f"Output check on the first {min(args.n, 2000):,} contacts (valid JSON lines, §4.2 keys, score in 0–100, "
        "no unmasked Luhn-valid card number): "
        + ("ok." if not check_problems else f"**{len(check_problems)} problem(s):** " + "; ".join(check_problems[:5])),
        "",
        "Peak memory, whole path in a fresh child process. The child first imports everything and builds the "
        "one-off Chinese tables (Traditional→Simplified, script sets for language detection), resets its "
        "peak-RSS counter (`/proc/self/clear_refs`), scores, and reads VmHWM (peak RSS while scoring):", "",
    ]
    if mem_rows:
        body += [common.md_table(["contacts", "RSS after imports (MB)", "RSS after Chinese tables (MB)",
                                  "peak RSS while scoring (MB)", "growth while scoring (MB)"], mem_rows), "",
                 "(`getrusage().ru_maxrss` is not used: on Linux a fork+exec child starts with the parent's "
                 "high-water mark, here the benchmark process's, so it reads the same for both sizes.)", "",
                 f"**Reading:** {mem_line}.", ""]
    else:
        body += [f"{mem_line}.", ""]
    if prof:
        share = prof.split("--- own time share", 1)[-1]
        body += [f"Profile (cProfile of the whole path on {min(args.profile_n, args.n):,} contacts; "
                 "`--profile` prints the full listing):", "", "```", "--- own time share" + share.rstrip(), "```", ""]
    common.update_section("throughput", "\n".join(body))


if __name__ == "__main__":
    sys.exit(main())
