"""A full disk while an editor uploads: a clear message, nothing half-created.

- `CleanupFileSystemStorage` (the default storage) removes the partly written file
  when writing fails (ENOSPC, EDQUOT, EIO ...): Django's FileSystemStorage leaves it.
  Django's FileField writes the file before the row is inserted, so a failed write
  means no Image or Document row either.
- `DiskFullMiddleware` turns "no space left on device" raised by an admin view into
  the form again with an error message (or, for the multiple uploader's XHR, the JSON
  error it displays next to the file), instead of the 500 page.

Tested in tests/faults/test_disk_full.py.
"""

import contextlib
import errno
import logging
import os

from django.contrib import messages
from django.core.files.storage import FileSystemStorage
from django.db import DatabaseError
from django.http import HttpResponseRedirect, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


class CleanupFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.exists(path)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)
            raise


def is_disk_full(exception: BaseException) -> bool:
    while exception is not None:
        if isinstance(exception, OSError) and exception.errno in DISK_FULL_ERRNOS:
            return True
        exception = exception.__cause__ or exception.__context__
    return False


def _editor_language(request) -> str:
    """The admin language the editor chose (Wagtail's view override has ended here)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return translation.get_language()
    from wagtail.users.models import UserProfile

    try:
        return UserProfile.get_for_user(user).get_preferred_language()
    except DatabaseError:  # e.g. inside a transaction the failed upload broke
        return translation.get_language()


class DiskFullMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not request.path.startswith("/admin/"):
            return None
        if not is_disk_full(exception):
            return None
        logger.error("Upload refused: no space left on the media disk (%s)", request.path)
        with translation.override(_editor_language(request)):
            message = _(
                "The file was not saved: the server has no disk space left. Nothing was "
                "created. Please tell the site administrator and try again later."
            )
        wants_json = request.headers.get("x-requested-with") == "XMLHttpRequest" or (
            "application/json" in request.headers.get("accept", "")
        )
        if wants_json:
            return JsonResponse({"success": False, "error_message": message}, status=507)
        messages.error(request, message)
        return HttpResponseRedirect(request.get_full_path(), status=303)
