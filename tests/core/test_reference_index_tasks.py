"""Reference-index tasks queued while a translation is created run later without error.

wagtail-localize replaces a translated page's inline related-link rows when it
creates the translation (the first copies are deleted at commit). Wagtail queued a
reference-index task per row; run later by a worker, the tasks of the deleted rows
failed with `NewsArticleRelatedLink.DoesNotExist`. zoneportal/core/reference_index.py
queues them for the parent page instead.
"""

import datetime

import pytest
from django_tasks import default_task_backend
from wagtail.models import Locale, ReferenceIndex
from wagtail_localize.models import TranslationSource

from zoneportal.news.models import NewsArticlePage, NewsArticleRelatedLink, NewsIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_tasks(settings):
    """Tasks are queued, not run (as with db_worker); yields the queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend.results
    default_task_backend.clear()


def _translate(page, locale):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.create_or_update_translation(locale, publish=True, fallback=True)
    return page.get_translation(locale)


def test_tasks_queued_while_translating_an_article_with_related_links_run(
    site_home, make_page, queued_tasks
):
    index = make_page(site_home, NewsIndexPage, title="News")
    day = datetime.date(2024, 5, 1)
    related = make_page(index, NewsArticlePage, title="Park opens", publication_date=day)
    article = make_page(
        index,
        NewsArticlePage,
        title="Trade fair",
        publication_date=day,
        related_links=[NewsArticleRelatedLink(article=related)],
    )
    chinese, _created = Locale.objects.get_or_create(language_code="zh-hans")
    for page in (site_home, index, related):
        _translate(page, chinese)
    queued_tasks.clear()

    translated = _translate(article, chinese)
    # The translation's link rows were replaced once while it was created.
    assert translated.related_links.count() == 1

    reference_tasks = [r for r in queued_tasks if r.task.name == "update_reference_index_task"]
    assert reference_tasks
    for result in reference_tasks:  # what db_worker does, after the commit
        result.task.call(*result.args, **result.kwargs)

    # The translated article's "related articles" are in its usage references.
    link_target = translated.related_links.get().article_id
    referenced = {ref.to_object_id for ref in ReferenceIndex.get_references_for_object(translated)}
    assert str(link_target) in referenced
