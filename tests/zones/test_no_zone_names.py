"""No module, template or static file names a particular zone (issue 14).

ZonePortal is a product any zone can install: a zone's names, time zone and
contacts live in its zone profile (Settings > Zone profile), filled for the demo
zone by zoneportal/demo. This test fails on any file under zoneportal/ (except the
demo and migrations), templates/ or static/ (except vendored files) that names
Wuxi, WND, Xinwu or Asia/Shanghai, as a word, in any letter case.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ZONE_NAMES = re.compile(r"\b(?:wuxi|wnd|xinwu|asia/shanghai)\b", re.IGNORECASE)
TEXT_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg", ".xml", ".json", ".md"}
EXEMPT_PARTS = {"demo", "migrations", "vendor", "__pycache__"}


def _checked_files():
    for top in ("zoneportal", "templates", "static"):
        for path in sorted((ROOT / top).rglob("*")):
            relative = path.relative_to(ROOT)
            if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
                continue
            if EXEMPT_PARTS & set(relative.parts[:-1]):
                continue
            yield relative, path


def test_the_checked_tree_is_not_empty():
    files = [relative.as_posix() for relative, _path in _checked_files()]
    assert "templates/base.html" in files
    assert "zoneportal/settings/base.py" in files
    assert not any(name.startswith("zoneportal/demo/") for name in files)


def test_no_file_names_a_zone():
    offenders = []
    for relative, path in _checked_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if match := ZONE_NAMES.search(line):
                offenders.append(f"{relative}:{number}: {match.group(0)}")
    assert not offenders, "Zone names outside the demo:\n" + "\n".join(offenders)
