"""The search index fills itself when empty, and cached answers follow index writes."""

import pytest
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse
from django_tasks import default_task_backend
from wagtail.search.models import IndexEntry

from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.demo.builder import rich, stream
from zoneportal.search.filling import index_needs_filling

pytestmark = pytest.mark.django_db


def found(client, q):
    html = client.get(reverse("search"), {"q": q}).content.decode()
    return "search-result__title" in html


@pytest.fixture
def pages(site_home, make_page):
    section = make_page(site_home, SectionPage, title="Business")
    make_page(
        section,
        StandardPage,
        title="Bonded logistics",
        body=stream(("paragraph", rich("A free-trade warehouse."))),
    )
    return section


def test_migrate_fills_an_empty_index(client, pages, django_capture_on_commit_callbacks):
    IndexEntry.objects.all().delete()  # e.g. restored without the index, or pages loaded
    assert index_needs_filling()  # with a task queue and no worker yet
    assert not found(client, "warehouse")

    with django_capture_on_commit_callbacks(execute=True):  # the index writes commit
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # end of migrate

    assert not index_needs_filling()
    assert found(client, "warehouse")


def test_fill_search_index_command_leaves_a_filled_index_alone(pages, capsys):
    entries = set(IndexEntry.objects.values_list("pk", flat=True))
    assert entries and not index_needs_filling()
    call_command("fill_search_index", verbosity=2)
    assert "filled" in capsys.readouterr().out
    assert set(IndexEntry.objects.values_list("pk", flat=True)) == entries

    IndexEntry.objects.all().delete()
    call_command("fill_search_index")
    assert "rebuilt" in capsys.readouterr().out
    assert not index_needs_filling()


def test_cached_no_results_answer_is_dropped_when_the_worker_indexes(
    client, pages, make_page, settings, django_capture_on_commit_callbacks
):
    # Production: publishing queues the index update for db_worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    make_page(
        pages, StandardPage, title="Cold chain", body=stream(("paragraph", rich("Reefer depot.")))
    )
    # A search between the publish and the worker caches "no results" ...
    assert not found(client, "reefer")
    assert not found(client, "reefer")
    # ... and the worker's index write makes the next search look again.
    with django_capture_on_commit_callbacks(execute=True):  # the worker's commit
        for result in default_task_backend.results:
            if result.task.name == "insert_or_update_object_task":
                result.task.call(*result.args, **result.kwargs)
    default_task_backend.clear()
    assert found(client, "reefer")
