"""Check a translated PO file: every entry translated, not fuzzy, inline tags and placeholders kept.
Usage: .venv/bin/python /tmp/check_po.py TEMPLATE.pot TRANSLATED.po   (or just TRANSLATED.po for locale/ files)"""

import re, sys
import polib

TAG = re.compile(r"</?[a-z][^>]*>")
PH = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}|%[sd]")


def main():
    if len(sys.argv) == 3:
        template, translated = polib.pofile(sys.argv[1]), polib.pofile(sys.argv[2])
        have = {e.msgid: e for e in translated}
        missing = [e.msgid for e in template if e.msgid not in have]
    else:
        translated = polib.pofile(sys.argv[1])
        missing = []
    problems = []
    for e in translated:
        if e.obsolete:
            continue
        if "fuzzy" in e.flags:
            problems.append(("fuzzy", e.msgid))
        strs = [e.msgstr] if not e.msgid_plural else list(e.msgstr_plural.values())
        if not all(strs):
            problems.append(("untranslated", e.msgid))
            continue
        for s in strs:
            if sorted(TAG.findall(e.msgid)) != sorted(TAG.findall(s)):
                problems.append(("tags differ", e.msgid))
            src = e.msgid_plural or e.msgid
            if sorted(set(PH.findall(src))) != sorted(set(PH.findall(s))) and sorted(
                set(PH.findall(e.msgid))
            ) != sorted(set(PH.findall(s))):
                problems.append(("placeholders differ", e.msgid))
    for m in missing:
        problems.append(("missing from translation", m))
    for kind, msgid in problems[:40]:
        print(f"{kind}: {msgid[:100]!r}")
    print(f"{len(problems)} problems, {len(translated)} entries")
    sys.exit(1 if problems else 0)


main()
