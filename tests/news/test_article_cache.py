"""The cached article: new content shows at once, nothing per-request is cached."""

import json
import re

import pytest
from django.core.cache import caches

from zoneportal.news.models import NewsArticlePage, NewsArticleRelatedLink

from .conftest import day

pytestmark = pytest.mark.django_db


def paragraph(text: str) -> str:
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


def related_titles(html: str) -> list[str]:
    if 'id="news-related-title"' not in html:
        return []
    related = html.split('id="news-related-title"')[1].split("</section>")[0]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', related)


@pytest.fixture
def story(make_article):
    make_article("Korea 2020", day(2020), tags=["Korea"])
    return make_article(
        "Main story", day(2023), tags=["Korea"], body=paragraph("The first version.")
    )


def warm(client, url) -> str:
    client.get(url)
    return client.get(url).content.decode()


def test_republished_article_shows_its_new_body_and_related_links_at_once(
    client, story, make_article
):
    chosen = make_article("Chosen story", day(2019), tags=["Other"])
    html = warm(client, story.url)
    assert "The first version." in html
    assert related_titles(html) == ["Korea 2020"]

    page = NewsArticlePage.objects.get(pk=story.pk)
    page.body = paragraph("The second version.")
    page.related_links = [NewsArticleRelatedLink(article=chosen)]
    page.save_revision().publish()

    html = client.get(story.url).content.decode()
    assert "The second version." in html
    assert "The first version." not in html
    assert related_titles(html) == ["Chosen story"]


def test_a_draft_does_not_change_the_live_article(client, story):
    warm(client, story.url)

    page = NewsArticlePage.objects.get(pk=story.pk)
    page.body = paragraph("Not approved yet.")
    page.save_revision()

    html = client.get(story.url).content.decode()
    assert "The first version." in html
    assert "Not approved yet." not in html


def test_publishing_or_unpublishing_another_article_updates_related_articles(
    client, story, make_article
):
    warm(client, story.url)

    newer = make_article("Korea 2024", day(2024), tags=["Korea"])
    assert related_titles(client.get(story.url).content.decode()) == ["Korea 2024", "Korea 2020"]

    newer.unpublish()
    assert related_titles(client.get(story.url).content.decode()) == ["Korea 2020"]


def test_renaming_the_news_index_updates_the_cached_article(client, story, news_index):
    assert '<p class="section-label">News</p>' in warm(client, story.url)

    news_index.title = "Press"
    news_index.save_revision().publish()

    assert '<p class="section-label">Press</p>' in client.get(story.url).content.decode()


def test_image_alt_text_change_reaches_the_cached_article(client, make_article, news_image):
    photo = news_image(title="Lead", alt="Illustration of the old alt text")
    article = make_article("Pictured", day(2022), listing_image=photo)
    assert 'alt="Illustration of the old alt text"' in warm(client, article.url)

    photo.description = "Illustration of the new alt text"
    photo.save()

    html = client.get(article.url).content.decode()
    assert 'alt="Illustration of the new alt text"' in html
    assert "old alt text" not in html


def test_anonymous_article_has_no_csrf_token_and_no_editor_content(admin_client, client, story):
    editor_html = warm(admin_client, story.url)
    assert "The first version." in editor_html

    response = client.get(story.url)
    html = response.content.decode()

    assert "The first version." in html
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies
    assert "sessionid" not in response.cookies
    assert "wagtail-userbar" not in html
    assert "public" in response.headers.get("Cache-Control", "")


def test_absolute_urls_use_the_configured_site_whatever_the_host(client, make_article, news_image):
    """og:image and JSON-LD name the Site's root URL (core/seo.py), not the Host header."""
    article = make_article("Shared", day(2022), listing_image=news_image(title="Shared"))
    assert 'content="http://testserver/' in warm(client, article.url)

    html = client.get(article.url, HTTP_HOST="localhost").content.decode()

    assert '<meta property="og:image" content="http://testserver/' in html
    assert '"url": "http://testserver/' in html
    assert "http://localhost/" not in html
    for alias in ("default", "renditions"):
        caches[alias].clear()
    assert client.get(article.url, HTTP_HOST="localhost").content.decode() == html


def test_preview_never_shows_or_stores_the_cached_live_article(client, story):
    warm(client, story.url)

    page = NewsArticlePage.objects.get(pk=story.pk)
    page.body = paragraph("Previewed edit.")
    preview = page.make_preview_request().content.decode()

    assert "Previewed edit." in preview
    assert "The first version." not in preview
    html = client.get(story.url).content.decode()
    assert "The first version." in html
    assert "Previewed edit." not in html
