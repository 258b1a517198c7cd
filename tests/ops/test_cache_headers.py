"""Cache-Control set by the app: what the cache tier may keep, and what never."""

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import RequestFactory

from zoneportal.ops.http_cache import NO_CACHE, NO_STORE, CacheControlMiddleware

PUBLIC = "public, max-age=60, s-maxage=3600"

pytestmark = pytest.mark.django_db


def vary(response) -> set[str]:
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


def test_anonymous_pages_are_public_and_not_split_by_cookies(client, article, news_index):
    for url in ("/en/", news_index.url, article.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == PUBLIC, url
        assert "cookie" not in vary(response), url
        assert "accept-language" not in vary(response), url  # the language is in the URL
        assert not response.cookies, url
    assert client.head(article.url)["Cache-Control"] == PUBLIC


def test_max_ages_come_from_settings(client, site_home, settings):
    settings.ZONEPORTAL_CACHE_MAX_AGE = 5
    settings.ZONEPORTAL_CACHE_S_MAXAGE = 600
    assert client.get("/en/")["Cache-Control"] == "public, max-age=5, s-maxage=600"


def test_filtered_and_paginated_listings_live_a_minute_in_the_shared_cache(
    client, news_index, article
):
    # They are not purged one by one on publish: a short shared life bounds staleness.
    for query in ("?page=2", "?tag=energy", "?year=2024&utm_source=mail"):
        response = client.get(news_index.url + query)
        assert response["Cache-Control"] == "public, max-age=60, s-maxage=60", query
    # Tracking parameters alone do not make it a different listing.
    tracked = client.get(news_index.url + "?utm_source=newsletter&gclid=x")
    assert tracked["Cache-Control"] == PUBLIC


def test_a_visitor_cookie_does_not_change_the_answer(client, article):
    client.cookies["_ga"] = "GA1.2.3"
    client.cookies["django_language"] = "ja"
    assert client.get(article.url)["Cache-Control"] == PUBLIC


def test_not_found_and_permanent_redirects_are_public(client, site_home):
    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404
    assert missing["Cache-Control"] == PUBLIC
    slashless = client.get("/en/no-such-page")  # APPEND_SLASH
    if slashless.status_code == 301:
        assert slashless["Cache-Control"] == PUBLIC


def test_root_language_redirect_depends_on_the_visitor(client, site_home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 302
    assert response["Cache-Control"].startswith("private")
    assert {"accept-language", "cookie"} <= vary(response)


def test_feeds_and_sitemap_keep_their_own_public_headers(client, news_index):
    feed = client.get(news_index.url + "feed/rss/")
    assert feed.status_code == 200
    assert feed["Cache-Control"] == "public, max-age=600"
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "public" in sitemap["Cache-Control"]
    assert not {"cookie", "accept-language"} & vary(sitemap)


def test_search_is_never_shared(client, site_home):
    response = client.get("/en/search/", {"q": "park"})
    assert response.status_code == 200
    assert response["Cache-Control"] in (NO_CACHE, NO_STORE)


def test_admin_is_never_stored(client, site_home):
    anonymous = client.get("/admin/")
    assert anonymous.status_code == 302
    assert anonymous["Cache-Control"] == NO_STORE
    login_form = client.get("/admin/login/")
    assert login_form["Cache-Control"] == NO_STORE


def test_signed_in_visitors_get_private_pages(client, article):
    user = get_user_model().objects.create_superuser("ops-editor", "e@example.com", "x" * 16)
    client.force_login(user)
    response = client.get(article.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE
    assert client.get("/admin/")["Cache-Control"] == NO_STORE


def test_any_session_cookie_makes_the_response_private(client, article):
    client.cookies["sessionid"] = "not-even-valid"
    assert client.get(article.url)["Cache-Control"] == NO_STORE


def test_previews_are_never_stored(article):
    response = article.make_preview_request()
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


def test_the_inquiry_page_is_never_stored(client, site_home, make_page):
    from zoneportal.inquiries.models import InquiryPage

    page = make_page(site_home, InquiryPage, title="Leave Your Message Here", slug="message")
    response = client.get(page.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


def _through_middleware(view, request):
    return CacheControlMiddleware(CsrfViewMiddleware(view))(request)


def test_a_rendered_csrf_token_makes_the_response_private():
    def form_view(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    response = _through_middleware(form_view, RequestFactory().get("/en/form/"))
    assert response["Cache-Control"] == NO_STORE


def test_a_response_setting_a_cookie_is_private():
    def view(request):
        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    response = _through_middleware(view, RequestFactory().get("/en/x/"))
    assert response["Cache-Control"] == NO_STORE


@pytest.mark.parametrize("status", [302, 403, 410, 429, 500, 503])
def test_other_statuses_are_not_shared(status):
    response = _through_middleware(
        lambda request: HttpResponse(status=status), RequestFactory().get("/en/x/")
    )
    assert response["Cache-Control"] == NO_CACHE


def test_posts_are_never_stored():
    response = _through_middleware(lambda request: HttpResponse("ok"), _csrf_exempt_post())
    assert response["Cache-Control"] == NO_STORE


def _csrf_exempt_post():
    request = RequestFactory().post("/en/x/")
    request._dont_enforce_csrf_checks = True
    return request


def _media_request(path, **cookies):
    request = RequestFactory().get(path)
    request.COOKIES.update(cookies)
    return CacheControlMiddleware(lambda request: HttpResponse(b"\x89PNG"))(request)


def test_image_renditions_are_immutable_for_a_year_even_for_editors(settings):
    # What the dev server sends for /media/images/ (nginx does the same in production):
    # a rendition's name changes with its content, so browsers need never ask again.
    settings.MEDIA_URL = "/media/"
    rendition = "/media/images/plant.2e16d0ba.format-webp.fill-800x320.webp"
    for response in (
        _media_request(rendition),
        _media_request(rendition, **{settings.SESSION_COOKIE_NAME: "abc"}),
    ):
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        assert "cookie" not in vary(response)


def test_originals_and_missing_renditions_are_not_immutable(settings):
    settings.MEDIA_URL = "/media/"
    original = _media_request("/media/original_images/plant.png")
    assert "immutable" not in original["Cache-Control"]
    missing = CacheControlMiddleware(lambda request: HttpResponse(status=404))(
        RequestFactory().get("/media/images/gone.webp")
    )
    assert "immutable" not in missing["Cache-Control"]
