"""Home and standard pages render in a constant, small number of queries once caches are warm."""

import datetime as dt

import pytest

from zoneportal.core.models import SectionPage, StandardPage

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12


@pytest.fixture
def news_tree(site_home, make_page):
    from zoneportal.news.models import NewsArticlePage, NewsIndexPage

    media = make_page(site_home, SectionPage, title="Media Center", show_in_menus=True)
    index = make_page(media, NewsIndexPage, title="News", show_in_menus=True)

    def add_articles(count, image=None):
        for number in range(count):
            article = NewsArticlePage(
                title=f"Article {number}",
                slug=f"article-{number}",
                publication_date=dt.date(2020, 1, 1) + dt.timedelta(days=number),
                source_name="wndonline.cn",
                listing_summary=f"Summary {number}",
                listing_image=image,
            )
            index.add_child(instance=article)
            article.save_revision().publish()

    return index, add_articles


def _warm_then_measure(client, url, django_assert_max_num_queries, budget=QUERY_BUDGET):
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_home_page_query_budget_does_not_grow_with_articles(
    client, site_home, news_tree, make_image, django_assert_max_num_queries
):
    _index, add_articles = news_tree
    add_articles(200, image=make_image())
    response = _warm_then_measure(client, "/en/", django_assert_max_num_queries)
    html = response.content.decode()
    assert html.count('class="news-teaser"') == 6
    assert "Article 199" in html  # newest first


def test_standard_page_query_budget(client, site_home, make_page, django_assert_max_num_queries):
    about = make_page(site_home, SectionPage, title="About", show_in_menus=True)
    for number in range(30):
        make_page(about, StandardPage, title=f"Topic {number}", show_in_menus=True)
    page = StandardPage.objects.get(slug="topic-5")
    _warm_then_measure(client, page.url, django_assert_max_num_queries)
    _warm_then_measure(client, about.url, django_assert_max_num_queries)


def test_a_warm_home_page_costs_no_query(client, site_home, news_tree, django_assert_num_queries):
    _index, add_articles = news_tree
    add_articles(8)
    client.get("/en/")
    with django_assert_num_queries(0):
        assert client.get("/en/").status_code == 200


def test_cached_breadcrumbs_follow_a_renamed_section(client, site_home, make_page):
    about = make_page(site_home, SectionPage, title="About", show_in_menus=True)
    topic = make_page(about, StandardPage, title="Topic")

    def trail():
        html = client.get(topic.url).content.decode()
        return html.split('class="breadcrumbs')[1].split("</nav>")[0]

    assert ">About<" in trail()
    about.title = "About the zone"
    about.save_revision().publish()
    assert ">About the zone<" in trail()
