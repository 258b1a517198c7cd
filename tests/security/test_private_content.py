"""Drafts and private pages never leak through pages, search, feeds, sitemap, previews, media.

Absence is asserted on what a visitor is given (the titles and links of the search
results, the cards of a listing, the items of a feed, the text and attributes of a
page; tests/html.py), never on the raw HTML: a search highlight
(`<mark>Confidential</mark> land price`), a line break or an entity would make a
raw `not in` pass while the page leaks (issue 13 item 18).
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.html import (
    all_text,
    feed_items,
    listing_titles,
    result_links,
    result_titles,
    sitemap_locations,
    soup,
)

SECRET = "Confidential land price"
# In the summary of every hidden article and of no public page.
PRICE = "312 yuan per square metre"
PUBLIC = "Public story"


@pytest.fixture
def hidden(make_article):
    """A draft article, a password-protected one and a login-only one, plus a public one.

    All four match the query "land price"; only the public one may be found.
    """
    public = make_article(PUBLIC, listing_summary="Open to all: the land price index of 2024.")
    secret = f"{SECRET}: {PRICE}."
    draft = make_article(f"{SECRET} draft", publish=False, listing_summary=secret)
    password = make_article(f"{SECRET} password", listing_summary=secret)
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-pass"
    )
    login = make_article(f"{SECRET} login", listing_summary=secret)
    PageViewRestriction.objects.create(page=login, restriction_type=PageViewRestriction.LOGIN)
    return {"public": public, "draft": draft, "password": password, "login": login}


def _hidden_urls(hidden):
    return {hidden[name].url for name in ("draft", "password", "login")}


@pytest.mark.django_db
def test_anonymous_visitors_cannot_open_drafts_or_private_pages(client, hidden):
    public = client.get(hidden["public"].url)
    assert public.status_code == 200
    assert "Open to all" in all_text(public)

    draft = client.get(hidden["draft"].url)
    assert draft.status_code == 404
    assert PRICE not in all_text(draft)

    response = client.get(hidden["password"].url)
    assert response.status_code == 200  # the password form, not the article
    shown = all_text(response)
    assert PRICE not in shown and "Open to all" not in shown
    assert soup(response).select_one('form input[name="password"]') is not None

    response = client.get(hidden["login"].url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]


@pytest.mark.django_db
def test_wrong_page_password_is_refused(client, hidden):
    from django.urls import reverse

    url = reverse(
        "wagtailcore_authenticate_with_password",
        args=[PageViewRestriction.objects.get(page=hidden["password"]).pk, hidden["password"].pk],
    )
    response = client.post(url, {"password": "guess", "return_url": hidden["password"].url})
    assert response.status_code == 200  # the form again, with its error
    assert PRICE not in all_text(response)
    assert soup(response).select_one('form input[name="password"]') is not None


@pytest.mark.django_db
def test_hidden_pages_are_not_in_search(client, hidden):
    # Titles and snippets of results are highlighted: read the results list.
    response = client.get("/en/search/", {"q": "land price"})
    assert result_titles(response) == [PUBLIC]
    assert result_links(response) == [hidden["public"].url]
    assert PRICE not in all_text(response)

    response = client.get("/en/search/", {"q": "Confidential"})
    assert result_titles(response) == []
    assert not _hidden_urls(hidden) & set(result_links(response))


@pytest.mark.django_db
def test_hidden_pages_are_not_in_feeds(client, hidden, news_index):
    for feed in ("feed/rss/", "feed/atom/"):
        response = client.get(news_index.url + feed)
        items = feed_items(response.content)
        assert [title for title, _link in items] == [PUBLIC], feed
        assert all(link.endswith(hidden["public"].url) for _title, link in items), feed
        assert PRICE not in all_text(response)


@pytest.mark.django_db
def test_hidden_pages_are_not_in_the_news_index(client, hidden, news_index):
    listing = client.get(news_index.url)
    assert listing_titles(listing) == [PUBLIC]
    assert PRICE not in all_text(listing)


@pytest.mark.django_db
def test_hidden_pages_are_not_in_the_sitemap(client, hidden):
    sitemap = sitemap_locations(client.get("/sitemap.xml"))
    assert hidden["public"].full_url in sitemap
    assert not {hidden[name].full_url for name in ("draft", "password", "login")} & sitemap


@pytest.mark.django_db
def test_previews_and_revisions_need_a_signed_in_editor(client, hidden):
    pk = hidden["draft"].pk
    for url in (
        f"/admin/pages/{pk}/edit/preview/",
        f"/admin/pages/{pk}/view_draft/",
        f"/admin/pages/{pk}/revisions/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_private_collection_documents_are_not_served_anonymously(client, site_home):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Internal memo", collection=private)
    document.file.save("memo.pdf", ContentFile(b"%PDF-1.4 secret memo"), save=True)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
def test_draft_is_not_exposed_by_guessing_its_id_on_public_routes(client, hidden):
    # Wagtail has no public page-by-id route; the API is not installed.
    for url in (
        f"/en/?page_id={hidden['draft'].pk}",
        "/api/v2/pages/",
        f"/en/{hidden['draft'].pk}/",
    ):
        response = client.get(url)
        shown = all_text(response)
        assert SECRET not in shown and PRICE not in shown, url
