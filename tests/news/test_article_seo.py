"""An article's lead image loads first, and its structured data names its language."""

import re

import pytest
from wagtail.models import Locale

from tests.news.conftest import day

pytestmark = pytest.mark.django_db


def test_article_json_ld_names_the_language_of_the_page(make_article):
    article = make_article("Delegation visits", day(2019, 6, 4))
    assert article.get_json_ld(None)["inLanguage"] == "en"
    article.locale = Locale.objects.get_or_create(language_code="zh-hans")[0]
    assert article._build_json_ld(None)["inLanguage"] == "zh-Hans"


def test_lead_image_is_fetched_first_and_never_lazily(client, make_article, news_image):
    article = make_article("Delegation visits", day(2019, 6, 4), listing_image=news_image())
    html = client.get(article.url).content.decode()
    figure = re.search(r'<figure class="figure news-article__lead">(.*?)</figure>', html, re.S)
    img = re.search(r"<img [^>]*>", figure.group(1)).group(0)
    assert 'fetchpriority="high"' in img
    assert "loading=" not in img
