"""NLU benchmark: parse latency per language on one core, throughput, cached-model load time, memory.

Run from the project root:

    .venv/bin/python benchmarks/nlu_bench.py [--messages tests/data/nlu_holdout.yml] [--out DIR]

The measurement runs in a fresh child process pinned to one CPU with one BLAS/OpenMP thread, after a first
child has made sure the model is cached, so "load" is the start-up cost of a bot whose model is already
trained. Latency is measured twice over the same messages: a cold pass (empty caches, as for the first
messages after a start) and a warm pass, as wall time and as the process's CPU time: on a shared machine the
wall time also counts the time other processes held the core, the CPU time only our own work. A last pass
times the stages of a parse one by one, to show where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

_LONG_MESSAGE = (
    "Добрий день! Я приїхала з Харкова у березні 2022 року з двома дітьми, зараз живемо в Гдині, маю "
    "PESEL зі статусом UKR, працюю на umowa zlecenie в готелі. Старша донька ходить до школи, "
    "молодший син у przedszkole. Ми отримували 800+, але у вересні виплату зупинили, в ZUS сказали, "
    "що треба подати новий wniosek через PUE, а я не розумію, які документи потрібні і чи впливає "
    "те, що я на два тижні їздила додому до мами. Також роботодавець каже, що з наступного місяця "
    "переведе мене на umowa o pracę, і я не знаю, чи треба щось повідомляти в urząd. Підкажіть, будь "
    "ласка, як правильно подати заяву на 800+ і куди звернутися, якщо відмовлять?"
)


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _messages(path: Path, data_dir: Path) -> dict[str, list[str]]:
    from nlu.training_data import read_directory, read_file

    examples = read_file(path) if path.exists() else read_directory(data_dir)
    grouped: dict[str, list[str]] = {}
    for example in examples:
        grouped.setdefault(example.language, []).append(example.text)
    return grouped


def _stages(understanding: Any, texts: list[str]) -> dict[str, float]:
    """Mean milliseconds per message of each stage of a parse, timed one stage at a time (CPU time)."""
    from nlu.crisis import CrisisDetector
    from nlu.normalize import skeleton

    models = understanding.models
    detector = CrisisDetector()
    crisis_model = models.classifier.bundle.crisis
    languages = [models.language.identify(text).language for text in texts]
    stages: dict[str, Any] = {
        "language id": lambda text, _: models.language.identify(text),
        "crisis lexicons": lambda text, _: detector.read(text),
        "crisis model": lambda text, _: crisis_model.kind(text) if crisis_model else None,
        "intent classifier": lambda text, language: models.classifier.classify(text, language),
        "skeleton + entities": lambda text, _: understanding._extractor.extract(skeleton(text).split()),
    }
    result = {}
    for name, stage in stages.items():
        begin = time.process_time()
        for text, language in zip(texts, languages, strict=True):
            stage(text, language)
        result[name] = round((time.process_time() - begin) * 1000 / len(texts), 4)
    return result


def _child(args: argparse.Namespace) -> dict[str, Any]:
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    baseline = _rss_mb()
    started, started_cpu = time.perf_counter(), time.process_time()
    from nlu import NLUSettings, build_understanding

    imported, imported_cpu = time.perf_counter(), time.process_time()
    understanding = build_understanding(NLUSettings())
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    rss_loaded = _rss_mb()
    messages = _messages(args.messages, NLUSettings().data_dir)
    result: dict[str, Any] = {
        "import_seconds": round(imported - started, 3),
        "import_cpu_seconds": round(imported_cpu - started_cpu, 3),
        "load_seconds": round(loaded - imported, 3),
        "load_cpu_seconds": round(loaded_cpu - imported_cpu, 3),
        "rss_before_import_mb": round(baseline, 1),
        "rss_after_load_mb": round(rss_loaded, 1),
        "load_average": [round(v, 2) for v in os.getloadavg()],
        "examples": understanding.bundle.examples,
        "features": understanding.bundle.vectorizer.size,
        "languages": {},
    }
    everything: list[str] = []
    for language in sorted(messages):
        texts = messages[language]
        everything.extend(texts)
        passes = {}
        for name in ("cold", "warm"):
            timings, cpu = [], []
            for text in texts:
                begin, begin_cpu = time.perf_counter(), time.process_time()
                understanding.parse_sync(text)
                timings.append((time.perf_counter() - begin) * 1000)
                cpu.append((time.process_time() - begin_cpu) * 1000)
            passes[name] = {
                "p50_ms": round(_percentile(timings, 0.5), 3),
                "p99_ms": round(_percentile(timings, 0.99), 3),
                "cpu_p50_ms": round(_percentile(cpu, 0.5), 3),
                "cpu_p99_ms": round(_percentile(cpu, 0.99), 3),
            }
        result["languages"][language] = {"messages": len(texts), **passes}
    begin, begin_cpu = time.perf_counter(), time.process_time()
    for text in everything:
        understanding.parse_sync(text)
    result["throughput_per_second"] = round(len(everything) / (time.perf_counter() - begin), 1)
    result["throughput_per_cpu_second"] = round(len(everything) / (time.process_time() - begin_cpu), 1)
    result["stages_cpu_ms"] = _stages(understanding, everything)
    long_timings = []
    for _ in range(200):
        begin = time.perf_counter()
        understanding.parse_sync(_LONG_MESSAGE)
        long_timings.append((time.perf_counter() - begin) * 1000)
    result["long_message"] = {
        "characters": len(_LONG_MESSAGE),
        "p50_ms": round(_percentile(long_timings, 0.5), 3),
        "p99_ms": round(_percentile(long_timings, 0.99), 3),
    }
    result["rss_after_parsing_mb"] = round(_rss_mb(), 1)
    return result


def _render(result: dict[str, Any]) -> str:
    rows = [
        f"| {lang} | {v['messages']} | {v['cold']['p50_ms']} | {v['cold']['p99_ms']} | "
        f"{v['warm']['p50_ms']} | {v['warm']['p99_ms']} | {v['warm']['cpu_p50_ms']} | "
        f"{v['warm']['cpu_p99_ms']} | {v['cold']['cpu_p99_ms']} |"
        for lang, v in result["languages"].items()
    ]
    stages = ", ".join(f"{name} {ms} ms" for name, ms in result["stages_cpu_ms"].items())
    long = result["long_message"]
    return "\n".join(
        [
            "# NLU benchmark",
            "",
            "One CPU (sched_setaffinity), OMP/OPENBLAS/MKL threads = 1, built-in backend, `parse_sync`, "
            f"model cached ({result['examples']} training examples, {result['features']} features). "
            f"Machine load average at start: {result['load_average']} (the machine is shared: p99 suffers "
            "when other processes run).",
            "",
            "| language | messages | cold p50 ms | cold p99 ms | warm p50 ms | warm p99 ms | warm CPU p50 ms "
            "| warm CPU p99 ms | cold CPU p99 ms |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"- Long message ({long['characters']} characters): p50 {long['p50_ms']} ms, "
            f"p99 {long['p99_ms']} ms.",
            f"- Throughput (warm, one core): {result['throughput_per_second']} messages/s "
            f"({result['throughput_per_cpu_second']} per CPU second).",
            f"- Where the time goes (mean CPU time per message, stage by stage): {stages}.",
            f"- Import of the NLU stack (spaCy, lingua, numpy…): {result['import_seconds']} s "
            f"({result['import_cpu_seconds']} s CPU).",
            f"- `build_understanding` with a cached model: {result['load_seconds']} s "
            f"({result['load_cpu_seconds']} s CPU).",
            f"- RSS: {result['rss_before_import_mb']} MB before import, "
            f"{result['rss_after_load_mb']} MB after load, "
            f"{result['rss_after_parsing_mb']} MB after parsing everything.",
            "",
        ]
    )


def main(argv: list[str]) -> int:
    """Warm the model cache, measure in a fresh pinned child process, write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=Path, default=Path("tests/data/nlu_holdout.yml"))
    parser.add_argument("--out", type=Path, default=Path("benchmarks/reports"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args)))
        return 0
    warm = "from nlu import NLUSettings, build_understanding; build_understanding(NLUSettings())"
    subprocess.run([sys.executable, "-c", warm], check=True)
    command = [sys.executable, __file__, "--child", "--messages", str(args.messages)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "nlu.md").write_text(_render(result), encoding="utf-8")
    (args.out / "nlu.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(_render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
