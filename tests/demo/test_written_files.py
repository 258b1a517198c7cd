"""The load_demo file journal (zoneportal/demo/written_files.py): the files a killed or
failed run wrote are removed by the run itself or by the next one, with no age
threshold; files a row refers to stay. (The whole `load_demo` killed with kill -9 and
run again: tests/faults/test_demo_load_killed.py, PostgreSQL pass.)"""

import fcntl

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from wagtail.documents import get_document_model

from zoneportal.demo import written_files

pytestmark = pytest.mark.django_db


def document(title):
    doc = get_document_model()(title=title)
    doc.file.save(f"{title}.txt", ContentFile(b"WND"), save=False)
    doc.save()
    return doc.file.name


def test_a_failed_run_takes_its_files_with_it():
    with pytest.raises(RuntimeError), written_files.recording(), transaction.atomic():
        name = document("rolled-back")
        assert default_storage.exists(name)
        raise RuntimeError("the demo failed half-way")
    assert not default_storage.exists(name)
    assert written_files.journal_path().read_text() == ""


def test_a_committed_run_keeps_its_files():
    with written_files.recording(), transaction.atomic():
        name = document("kept")
    assert default_storage.exists(name)
    assert written_files.journal_path().read_text() == ""


def test_the_next_run_removes_what_a_killed_run_left_however_recent():
    kept = document("committed-earlier")
    left = default_storage.save("original_images/killed.jpg", ContentFile(b"jpeg"))
    # What a run killed with kill -9 leaves: its journal (a row-less file and one that
    # a row refers to, e.g. written again), and the file written just now.
    written_files.journal_path().write_text(f"{left}\n{kept}\noriginal_images/never-written.jpg\n")
    messages = []
    with written_files.recording(log=messages.append):
        assert not default_storage.exists(left)
        assert default_storage.exists(kept)
    assert messages == ["Removed 1 file(s) left by an interrupted demo load."]


def test_a_second_run_meanwhile_stops_instead_of_deleting_the_first_runs_files():
    path = written_files.journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as first_run:
        fcntl.flock(first_run, fcntl.LOCK_EX)
        first_run.write("original_images/being-written.jpg\n")
        first_run.flush()
        name = default_storage.save("original_images/being-written.jpg", ContentFile(b"x"))
        with pytest.raises(written_files.AlreadyRunning), written_files.recording():
            pass
        assert default_storage.exists(name)
