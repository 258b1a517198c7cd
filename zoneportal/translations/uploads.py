"""A PO-file upload in the translation editor that answers bad files with a message.

wagtail-localize's own view answers a file polib can read but that was not
downloaded from wagtail-localize (no X-WagtailLocalize-TranslationID header: a file
from another tool, or an empty one) with a server error. This view checks the file
first, shows a clear message in the editor's language and changes nothing; a good
file goes on to wagtail-localize's view, which imports it.
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile as localize_upload_pofile
from wagtail_localize.views.edit_translation import user_can_edit_instance

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def pofile_problem(content: bytes) -> str | None:
    """Why this upload cannot be imported into a translation, or None if it can."""
    # polib reads a path or a text; a temporary file keeps an upload from naming a path.
    with tempfile.NamedTemporaryFile(delete=False) as handle:
        handle.write(content)
    try:
        catalogue = polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        return _("This file is not a PO file that can be read. Nothing was imported.")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    if TRANSLATION_ID_HEADER not in catalogue.metadata:
        return _(
            "This PO file was not downloaded from this translation. Download the PO file "
            "of this translation, translate it and upload it again. Nothing was imported."
        )
    return None


@require_admin_access
@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    upload = request.FILES.get("file")
    problem = _("Choose a PO file to upload.") if upload is None else pofile_problem(upload.read())
    if problem is None:
        upload.seek(0)
        return localize_upload_pofile(request, translation_id)
    messages.error(request, problem)
    fallback = AdminURLFinder(request.user).get_edit_url(translation.get_target_instance())
    return redirect(
        get_valid_next_url_from_request(request) or fallback or reverse("wagtailadmin_home")
    )
