"""Issue 13 item 3: can a page password be guessed without limit?

    python password_probe.py BASE PAGE FORM PASSWORD [WRONG]

FORM is used only when the page shows no password form with an action.
Sends WRONG (default 12) wrong passwords to the page's password form, then the right one,
as one visitor (one cookie jar, CSRF token from the form). Prints a TSV probe line:
the right password must not open the page after that many failures (expected "refused").
"""

import re
import sys

import requests

base, page, form, password = sys.argv[1:5]
wrong = int(sys.argv[5]) if len(sys.argv) > 5 else 12
session = requests.Session()


def post(value: str) -> requests.Response:
    html = session.get(base + page, timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    # The form's own action (with the language prefix, /en/_util/...), else FORM.
    action = re.search(r'action="([^"]*authenticate_with_password[^"]*)"', html)
    data = {"password": value, "return_url": page}
    if token:
        data["csrfmiddlewaretoken"] = token.group(1)
    return session.post(
        base + (action.group(1) if action else form),
        data=data,
        headers={"Referer": base + page},
        timeout=10,
        allow_redirects=False,
    )


statuses = [post(f"wrong-guess-{i}").status_code for i in range(wrong)]
right = post(password)
after = session.get(base + page, timeout=10)
# The page opens: the article, not the password form again.
opened = after.status_code == 200 and 'name="password"' not in after.text
got = "accepted" if opened else f"refused ({right.status_code})"
print(
    f"item 3: right page password after {wrong} wrong ones ({','.join(sorted(set(map(str, statuses))))})"
    f"\tPOST {form}\trefused\t{got}"
)
