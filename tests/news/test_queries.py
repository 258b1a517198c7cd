"""Query budgets: index, feeds and article pages cost the same with 200 articles as with 2."""

import datetime as dt
import json

import pytest
from taggit.models import Tag

from zoneportal.news.models import (
    NewsArticlePage,
    NewsArticleRelatedLink,
    NewsArticleTag,
    NewsIndexPage,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
TAG_NAMES = ["Investment", "Semiconductors", "Biomedicine", "Talent", "Culture", "Japan", "Korea"]


@pytest.fixture
def many_articles(news_index, news_image):
    """200 live articles with images and tags, created without revisions to stay fast."""
    images = [news_image(title=f"Photo {n}", alt=f"Illustration number {n}") for n in range(5)]
    tags = [Tag.objects.create(name=name, slug=name.lower()) for name in TAG_NAMES]
    NewsIndexPage.objects.filter(pk=news_index.pk).update(listing_image=images[0])
    start = dt.date(2019, 1, 1)
    articles = []
    for number in range(200):
        article = NewsArticlePage(
            title=f"Article {number:03d}",
            slug=f"article-{number:03d}",
            publication_date=start + dt.timedelta(days=number * 9),
            source_name="wndonline.cn",
            listing_summary=f"Summary {number}.",
            listing_image=images[number % len(images)],
            body=json.dumps(
                [
                    {"type": "paragraph", "value": f"<p>Body of article {number}.</p>"},
                    {
                        "type": "image",
                        "value": {"image": images[(number + 1) % 5].pk, "caption": "A photo."},
                    },
                    {
                        "type": "image",
                        "value": {"image": images[(number + 2) % 5].pk, "caption": "Another."},
                    },
                ]
            ),
        )
        news_index.add_child(instance=article)
        articles.append(article)
    NewsArticleTag.objects.bulk_create(
        NewsArticleTag(content_object_id=article.pk, tag=tags[(i + k) % len(tags)])
        for i, article in enumerate(articles)
        for k in range(2)
    )
    return articles


def _warm_then_count(client, url, django_assert_max_num_queries, **params):
    assert client.get(url, params).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url, params)
    assert response.status_code == 200
    return response


def test_index_first_page_query_budget(
    client, news_index, many_articles, django_assert_max_num_queries
):
    response = _warm_then_count(client, news_index.url, django_assert_max_num_queries)
    assert "Article 199" in response.content.decode()


def test_index_later_page_query_budget(
    client, news_index, many_articles, django_assert_max_num_queries
):
    response = _warm_then_count(client, news_index.url, django_assert_max_num_queries, page="10")
    assert response.context["page_obj"].number == 10


def test_filtered_index_query_budget(
    client, news_index, many_articles, django_assert_max_num_queries
):
    response = _warm_then_count(
        client, news_index.url, django_assert_max_num_queries, tag="korea", year="2021", page="2"
    )
    html = response.content.decode()
    assert "selected>Korea</option>" in html


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_query_budget(client, news_index, many_articles, django_assert_max_num_queries, kind):
    response = _warm_then_count(
        client, f"{news_index.url}feed/{kind}/", django_assert_max_num_queries
    )
    assert response.content.count(b"Article 1") >= 10


def test_article_query_budget_with_tag_fallback(
    client, many_articles, django_assert_max_num_queries
):
    article = many_articles[100]
    response = _warm_then_count(client, article.url, django_assert_max_num_queries)
    assert len(response.context["related_articles"]) == 3


def test_article_query_budget_with_chosen_related(
    client, many_articles, django_assert_max_num_queries
):
    article = NewsArticlePage.objects.get(pk=many_articles[50].pk)
    NewsArticleRelatedLink.objects.bulk_create(
        NewsArticleRelatedLink(page=article, article=other, sort_order=n)
        for n, other in enumerate(many_articles[:3])
    )
    response = _warm_then_count(client, article.url, django_assert_max_num_queries)
    assert [a.title for a in response.context["related_articles"]] == [
        "Article 000",
        "Article 001",
        "Article 002",
    ]
