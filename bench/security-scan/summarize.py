"""Turn the raw output of run.sh into bench/security-scan/results-<date>.md.

    python3 summarize.py OUT_DIR triage.tsv results-YYYY-MM-DD.md

Appends one "## Run <time>" section (a second run on the same day adds a second
section). Every finding gets the verdict of the first matching line of triage.tsv
(tool, rule, path glob, verdict, why); a finding that no line matches is UNTRIAGED and
needs a person: look at it, then add a line.
"""

import csv
import fnmatch
import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as triage_file:
    TRIAGE = list(
        csv.reader(
            (line for line in triage_file if line.strip() and not line.startswith("#")),
            delimiter="\t",
        )
    )
RESULTS = Path(sys.argv[3])


def verdict(tool: str, rule: str, where: str) -> tuple[str, str]:
    for row in TRIAGE:
        t, r, glob, v, why = (row + [""] * 5)[:5]
        if t == tool and fnmatch.fnmatch(rule, r) and fnmatch.fnmatch(where, glob):
            return v, why
    return "UNTRIAGED", "new: look at it and add a line to triage.tsv"


def load_json(name: str):
    try:
        return json.loads((OUT / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


meta = dict(
    line.split("=", 1) for line in (OUT / "meta.env").read_text().splitlines() if "=" in line
)
sections: list[tuple[str, int, list[str]]] = []  # (tool, count of real+untriaged, lines)


def table(tool: str, findings: list[tuple[str, str, str]], note: str = "") -> None:
    """findings: (rule, where, detail)."""
    lines = [note] if note else []
    counts = Counter()
    if findings:
        lines += [
            "",
            "| rule | where | detail | verdict | why |",
            "| --- | --- | --- | --- | --- |",
        ]
        grouped = Counter(findings)
        verdicts = {f: verdict(tool, f[0], f[1]) for f in grouped}
        per_rule = Counter()
        for f, n in grouped.items():
            per_rule[(f[0], *verdicts[f])] += n
        collapsed = set()
        for (rule, where, detail), n in grouped.items():
            v, why = verdicts[(rule, where, detail)]
            counts[v] += n
            key = (rule, v, why)
            if per_rule[key] > 3:  # one row for a rule that fires in many places, same reason
                if key in collapsed:
                    continue
                collapsed.add(key)
                where, n = f"{per_rule[key]} places, e.g. {where}", 1
            times = f" (x{n})" if n > 1 else ""
            lines.append(
                f"| {cell(rule)} | {cell(where)}{times} | {cell(detail)} | **{v}** | {cell(why)} |"
            )
    summary = ", ".join(f"{v}: {n}" for v, n in sorted(counts.items())) or "none"
    lines.insert(0, f"{len(findings)} findings ({summary}).")
    sections.append((tool, counts["real"] + counts["UNTRIAGED"], lines, len(findings), summary))


# -- bandit --------------------------------------------------------------------------------
bandit = load_json("bandit.json")
if bandit is None:
    table("bandit", [], "bandit did not run (see out/bandit.log).")
else:
    table(
        "bandit",
        [
            (
                f"{r['test_id']} {r['test_name']}",
                f"{r['filename']}:{r['line_number']}",
                f"{r['issue_severity']}/{r['issue_confidence']}: {r['issue_text']}",
            )
            for r in bandit.get("results", [])
        ],
    )

# -- semgrep -------------------------------------------------------------------------------
semgrep = load_json("semgrep.json")
if semgrep is None:
    table("semgrep", [], "semgrep did not run (see out/semgrep.log).")
else:
    errors = semgrep.get("errors", [])
    table(
        "semgrep",
        [
            (
                r["check_id"].split(".")[-1],
                f"{r['path']}:{r['start']['line']}",
                r["extra"]["message"][:160],
            )
            for r in semgrep.get("results", [])
        ],
        f"{len(semgrep.get('paths', {}).get('scanned', []))} files scanned, "
        f"{len(errors)} rule/parse errors."
        if errors or semgrep.get("paths")
        else "",
    )

# -- wapiti --------------------------------------------------------------------------------
wapiti = load_json("wapiti.json")
if wapiti is None:
    table("wapiti", [], "wapiti wrote no report (see out/wapiti.log).")
else:
    found = []
    for kind in ("vulnerabilities", "anomalies", "additionals"):
        for category, items in (wapiti.get(kind) or {}).items():
            for item in items:
                where = f"{item.get('method', '')} {item.get('path', '')}"
                param = item.get("parameter") or ""
                found.append(
                    (f"{category}", f"{where} {param}".strip(), (item.get("info") or "")[:160])
                )
    info = wapiti.get("infos", {})
    crawled = info.get("crawled_pages_nbr", "?")
    table("wapiti", found, f"{crawled} pages crawled; scope {info.get('scope', '?')}.")

# -- sqlmap --------------------------------------------------------------------------------
found, notes = [], []
for log in sorted(OUT.glob("sqlmap-*.log")):
    name = log.stem.removeprefix("sqlmap-")
    text = log.read_text(errors="replace")
    rc = (
        (OUT / f"sqlmap-{name}.rc").read_text().strip()
        if (OUT / f"sqlmap-{name}.rc").exists()
        else "?"
    )
    state = "timed out (bounded)" if rc == "124" else f"exit {rc}"
    for match in re.finditer(r"^Parameter: (.+)$", text, re.M):
        found.append(
            ("injectable", f"{name}: {match.group(1)}", "sqlmap identified an injection point")
        )
    for match in re.finditer(r"HTTP error codes detected during run:\s*(.+)$", text, re.M):
        found.append(("http-errors", name, match.group(1)))
    clean = re.findall(r"parameter '([^']+)' does not seem to be injectable", text)
    notes.append(
        f"{name}: {state}; not injectable: {', '.join(sorted(set(clean))) or 'none reported'}"
    )
table("sqlmap", found, "; ".join(notes) + ".")

# -- observatory ---------------------------------------------------------------------------
found, notes = [], []
for path in sorted(OUT.glob("observatory-*.json")):
    data = load_json(path.name) or {}
    scan = data.get("scan")
    if not scan:
        notes.append(f"{path.stem}: {data.get('error', 'no result')}")
        continue
    notes.append(
        f"{scan['url']}: grade {scan['grade']} ({scan['score']}), status {scan['statusCode']}, {scan['testsPassed']}/{scan['testsQuantity']} passed"
    )
    for test, result in data["tests"].items():
        if not result.get("pass"):
            found.append(
                (
                    f"{test}: {result['result']}",
                    "/" + scan["url"].split("/", 3)[-1],
                    result.get("scoreDescription", "")[:160],
                )
            )
table("observatory", found, "; ".join(notes) + ".")

# -- issue 13 probes -----------------------------------------------------------------------
found, rows = [], []
probes = OUT / "probes.tsv"
if probes.exists():
    reader = csv.DictReader(probes.open(encoding="utf-8"), delimiter="\t")
    for row in reader:
        expected, got = row["expected"], row["got"]
        if expected.startswith("not "):
            bad = (
                got.startswith(expected[4:].rstrip("x")[:1])
                if expected.endswith("xx")
                else got == expected[4:]
            )
        else:
            bad = not got.startswith(expected)
        rows.append(
            f"| {cell(row['probe'])} | `{cell(row['url'])}` | {expected} | {got} | {'FAIL' if bad else 'ok'} |"
        )
        if bad:
            found.append((row["probe"], row["url"], f"expected {expected}, got {got}"))
table("probes", found)
sections[-1][2].extend(
    ["", "| probe | url | expected | got | |", "| --- | --- | --- | --- | --- |", *rows]
)

# -- server log: tracebacks and 5xx --------------------------------------------------------
app_log = (OUT / "app.log").read_text(errors="replace") if (OUT / "app.log").exists() else ""
errors = re.findall(r"ERROR \d+ django\.request: (.+?)$", app_log, re.M)
exceptions = re.findall(r"^(\w+(?:\.\w+)*(?:Error|Exception|DoesNotExist)): (.*)$", app_log, re.M)
by_exception = Counter(f"{e}: {m[:100]}" for e, m in exceptions)
fivexx, statuses, edge = Counter(), Counter(), Counter()
for name, counter in (("app.access.log", statuses), ("nginx.access.log", edge)):
    access = OUT / name
    for line in access.read_text(errors="replace").splitlines() if access.exists() else []:
        m = re.search(r'"(\w+) ([^ ?"]+)(\?[^ "]*)? HTTP/[\d.]+" (\d{3}) ', line)
        if m:
            counter[m.group(4)] += 1
            if m.group(4).startswith("5"):
                fivexx[(m.group(4), m.group(1), f"{m.group(2)} ({name.split('.')[0]})")] += 1
found = [(f"{s} {meth}", path, f"{n} responses") for (s, meth, path), n in fivexx.most_common()]
note = (
    f"{sum(statuses.values())} requests reached the app ("
    + ", ".join(f"{n} x {code}" for code, n in sorted(statuses.items()))
    + "); nginx answered "
    + ", ".join(f"{n} x {code}" for code, n in sorted(edge.items()))
    + f"; {app_log.count('Traceback (most recent call last)')} tracebacks in the app log; "
    f"django.request errors: {len(errors)}; exceptions: "
    + ("; ".join(f"{k} (x{n})" for k, n in by_exception.most_common(10)) or "none")
    + "."
)
table("server log", found, note)

# -- write ---------------------------------------------------------------------------------
out = []
if not RESULTS.exists():
    out += [
        f"# Security scan results, {meta['date'][:10]}",
        "",
        "Written by `bench/security-scan/run.sh` (raw output in its SCAN_WORK/out). Verdicts come",
        "from `bench/security-scan/triage.tsv`; UNTRIAGED means nobody has looked yet.",
        "",
    ]
out += [
    f"## Run {meta['date']} on {meta['commit']} ({meta['subject']})",
    "",
    f"Working tree: {meta['uncommitted']} tracked files with uncommitted changes were served as well"
    " (the checkout is shared).",
    "",
    f"Tools: bandit {meta['bandit']}, semgrep {meta['semgrep']} with {meta['semgrep_rules']}, "
    f"wapiti {meta['wapiti']}, sqlmap {meta['sqlmap']}, MDN HTTP Observatory {meta['observatory']} "
    f"(node {meta['node']}).",
    "",
    "| tool | findings | verdicts |",
    "| --- | ---: | --- |",
]
out += [f"| {tool} | {total} | {summary} |" for tool, _, _, total, summary in sections]
for tool, _, lines, _, _ in sections:
    out += ["", f"### {tool}", "", *lines]
out.append("")
with RESULTS.open("a", encoding="utf-8") as fh:
    fh.write("\n".join(out) + "\n")
print(f"wrote {RESULTS}")
for tool, _, _, total, summary in sections:
    print(f"  {tool}: {total} ({summary})")
