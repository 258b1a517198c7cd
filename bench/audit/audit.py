# ruff: noqa: S108, S603, S607 - a local tool run by hand: fixed /tmp paths, npm and java binaries
"""Audit public pages with tools nobody here wrote: axe-core, the Nu HTML Checker, Lighthouse.

    .venv/bin/python bench/audit/audit.py BASE_URL [--tools axe,vnu,lighthouse] [--out DIR]

The tools are installed by bench/audit/run.sh into /tmp/audit (npm); Chromium is
Debian's /usr/bin/chromium. Every page is checked in the four languages. Prints one
line per page and language and writes everything the tools said to --out as JSON.
Exit status 1 if axe or vnu found anything.
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

TOOLS_DIR = Path(os.environ.get("AUDIT_TOOLS", "/tmp/audit"))
CHROMIUM = "/usr/bin/chromium"
LANGUAGES = ("en", "zh", "ja", "ko")
# Language-neutral paths, found from the home page of each language (slugs differ).
PAGES = {
    "home": "",
    "article": "media-center/news/{first_article}/",
    "park": "business/industrial-parks/{first_park}/",
    "message": "leave-your-message/",
}
BLOCKING_IMPACT = ("critical", "serious", "moderate", "minor")


def first_child_slug(base, language, section):
    """The first link under /<language>/<section>/ on that section's page."""
    import re

    html = urllib.request.urlopen(f"{base}/{language}/{section}/", timeout=30).read().decode()  # noqa: S310
    for match in re.finditer(rf'href="/{language}/{re.escape(section)}/([^"/?]+)/"', html):
        return match.group(1)
    raise RuntimeError(f"no page under /{language}/{section}/")


def urls(base):
    for language in LANGUAGES:
        slugs = {
            "first_article": first_child_slug(base, language, "media-center/news"),
            "first_park": first_child_slug(base, language, "business/industrial-parks"),
        }
        for name, path in PAGES.items():
            yield name, language, f"{base}/{language}/{path.format(**slugs)}"


def run_axe(browser, url):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.add_script_tag(path=str(TOOLS_DIR / "node_modules/axe-core/axe.min.js"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]


def run_vnu(url, out_dir, name):
    """vnu refuses to fetch from 127.0.0.1 ("Forbidden host"): check the served bytes."""
    html = out_dir / f"{name}.html"
    html.write_bytes(urllib.request.urlopen(url, timeout=30).read())  # noqa: S310
    jar = TOOLS_DIR / "node_modules/vnu-jar/build/dist/vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", str(html)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [{"message": m.get("message"), "extract": m.get("extract")} for m in messages]


def run_lighthouse(url, out_dir, name, attempts=2):
    """Scores, the audits below 0.9 and three metrics; one retry, as Lighthouse can
    lose its trace on a busy machine (NO_NAVSTART)."""
    report = out_dir / f"lighthouse-{name}.json"
    for attempt in range(attempts):
        result = subprocess.run(
            [str(TOOLS_DIR / "node_modules/.bin/lighthouse"), url, "--quiet",
             "--output=json", f"--output-path={report}",
             "--chrome-flags=--headless=new --no-sandbox"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=240,
        )  # fmt: skip
        if result.returncode == 0:
            break
        if attempt == attempts - 1:
            return {"error": f"lighthouse exited with {result.returncode}"}
    data = json.loads(report.read_text())
    scores = {key: round(cat["score"] * 100) for key, cat in data["categories"].items()}
    failed = [
        audit_id
        for audit_id, audit in data["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    metrics = {
        key: data["audits"][key].get("numericValue")
        for key in ("cumulative-layout-shift", "largest-contentful-paint", "total-blocking-time")
    }
    return {"scores": scores, "below_90": failed, "metrics": metrics}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--tools", default="axe,vnu,lighthouse")
    parser.add_argument("--out", default="/tmp/audit/results")
    parser.add_argument("--only", default="", help="comma-separated page names")
    args = parser.parse_args()
    tools = set(args.tools.split(","))
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    results, problems = [], 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, language, url in urls(args.base.rstrip("/")):
            if args.only and name not in args.only.split(","):
                continue
            row = {"page": name, "language": language, "url": url}
            if "axe" in tools:
                row["axe"] = run_axe(browser, url)
                problems += len(row["axe"])
            if "vnu" in tools:
                row["vnu"] = run_vnu(url, out_dir, f"{name}-{language}")
                problems += len(row["vnu"])
            if "lighthouse" in tools:
                row["lighthouse"] = run_lighthouse(url, out_dir, f"{name}-{language}")
            results.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
        browser.close()
    (out_dir / "summary.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
