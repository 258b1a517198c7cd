"""Drafts and private pages never leak through pages, search, feeds, sitemap, previews, media."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

SECRET = "Confidential land price"


@pytest.fixture
def hidden(make_article):
    """A draft article, a password-protected one and a login-only one, plus a public one."""
    public = make_article("Public story", listing_summary="Open to all.")
    draft = make_article(f"{SECRET} draft", publish=False, listing_summary=SECRET)
    password = make_article(f"{SECRET} password", listing_summary=SECRET)
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-pass"
    )
    login = make_article(f"{SECRET} login", listing_summary=SECRET)
    PageViewRestriction.objects.create(page=login, restriction_type=PageViewRestriction.LOGIN)
    return {"public": public, "draft": draft, "password": password, "login": login}


@pytest.mark.django_db
def test_anonymous_visitors_cannot_open_drafts_or_private_pages(client, hidden):
    assert client.get(hidden["public"].url).status_code == 200
    draft_url = (
        hidden["draft"].get_url(None) or "/en/media-center/news/confidential-land-price-draft/"
    )
    assert client.get(draft_url).status_code == 404
    response = client.get(hidden["password"].url)
    assert response.status_code == 200  # the password form, not the article
    assert "Open to all" not in response.content.decode()
    assert SECRET.lower() not in response.content.decode().lower().replace(
        "confidential land price password", ""
    )
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
    assert SECRET not in response.content.decode().split("<main", 1)[-1]


@pytest.mark.django_db
def test_hidden_pages_are_not_in_search(client, hidden):
    response = client.get("/en/search/", {"q": "Confidential"})
    assert response.status_code == 200
    assert SECRET not in response.content.decode()


@pytest.mark.django_db
def test_hidden_pages_are_not_in_feeds(client, hidden, news_index):
    for feed in ("feed/rss/", "feed/atom/"):
        body = client.get(news_index.url + feed).content.decode()
        assert "Public story" in body
        assert SECRET not in body


@pytest.mark.django_db
def test_hidden_pages_are_not_in_the_news_index_or_sitemap(client, hidden, news_index):
    assert SECRET not in client.get(news_index.url).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "public-story" in sitemap
    assert "confidential" not in sitemap


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
        assert SECRET not in response.content.decode()
