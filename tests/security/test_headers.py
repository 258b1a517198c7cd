"""Security headers on public pages, the admin, served documents and security.txt."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from zoneportal.security.headers import PUBLIC_POLICY

REPO = Path(__file__).resolve().parents[2]
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def csp(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in policy.split(";")
        if part.strip()
    }


def assert_common(response):
    for name, value in COMMON.items():
        assert response[name] == value, name
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_public_page_has_every_header_and_a_strict_csp(client, site_home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert_common(response)
    assert response["X-Frame-Options"] == "DENY"
    policy = csp(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_error_pages_and_search_carry_the_public_policy(client, site_home):
    for url in ("/en/no-such-page/", "/en/search/", "/robots.txt"):
        response = client.get(url)
        assert csp(response)["script-src"] == "'self'", url
        assert_common(response)


@pytest.mark.django_db
def test_admin_login_has_the_looser_admin_policy_scoped_to_admin(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_common(response)
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert "http" not in response["Content-Security-Policy"]  # nothing from other hosts
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_served_document_is_sandboxed_and_not_sniffable(client, site_home):
    Document = get_document_model()
    document = Document(title="Annual report")
    document.file.save("report.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    docx = Document(title="Form")
    docx.file.save("form.docx", ContentFile(b"PK\x03\x04"), save=True)
    response = client.get(docx.url)
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_hsts_is_sent_on_https_when_configured(client, site_home, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in client.get("/en/")  # never on plain HTTP


def test_cookie_settings_are_hardened(settings):
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60


@pytest.mark.django_db
def test_session_cookie_flags_after_sign_in(client, admin_user, settings):
    settings.SESSION_COOKIE_SECURE = True  # as production sets it
    response = client.post(
        "/admin/login/", {"username": "chief", "password": "correct-horse-battery-staple-42"}
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_external_video_hosts_widen_only_frame_src(client, site_home, settings):
    settings.ZONEPORTAL_VIDEO_EMBED_HOSTS = ["player.example.org"]
    policy = csp(client.get("/en/"))
    assert policy["frame-src"] == "'self' https://player.example.org"
    assert policy["script-src"] == "'self'"
    assert PUBLIC_POLICY["frame-src"] == ["'self'"]  # the module default is untouched


@pytest.mark.django_db
def test_security_txt(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert re.search(r"^Contact: mailto:", body, re.M)
    assert re.search(r"^Expires: \d{4}-\d\d-\d\dT", body, re.M)


def test_public_templates_have_no_inline_script_style_or_handlers():
    offenders = []
    for template in (REPO / "templates").rglob("*.html"):
        text = template.read_text()
        for match in re.finditer(r"<script\b([^>]*)>", text):
            attrs = match.group(1)
            if "src=" not in attrs and "application/ld+json" not in attrs:
                offenders.append(f"{template}: inline <script>")
        if re.search(r"\sstyle\s*=", text):
            offenders.append(f"{template}: style attribute")
        if re.search(r"<[a-z][^>]*\son[a-z]+\s*=", text, re.I):
            offenders.append(f"{template}: on* handler")
        if re.search(r"<style\b", text):
            offenders.append(f"{template}: <style> element")
    assert not offenders, offenders


def test_json_ld_is_emitted_as_a_non_executable_data_block():
    source = (REPO / "zoneportal/core/templatetags/portal_tags.py").read_text()
    assert '<script type="application/ld+json">' in source
