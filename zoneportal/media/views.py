"""Development media serving that labels captions as UTF-8.

Django's static `serve` view (used for MEDIA_URL when DEBUG is on) sends the bare
type that `mimetypes` guesses, "text/vtt". WebVTT is always UTF-8, but a browser
told no charset may still guess another one for a download; nginx sends
"text/vtt; charset=utf-8" in production (deploy/nginx), and so does this view.
"""

import posixpath

from django.http import Http404
from django.views.static import serve

from .files import CAPTIONS_MIME_TYPE

# Wagtail documents are served only by /documents/<id>/<name>, which checks the
# collection's privacy; their files under MEDIA_ROOT are never served directly
# (deploy/nginx refuses /media/documents/ as well).
PRIVATE_MEDIA_FOLDERS = ("documents",)


def with_captions_charset(response):
    if response.get("Content-Type") == CAPTIONS_MIME_TYPE:
        response["Content-Type"] = f"{CAPTIONS_MIME_TYPE}; charset=utf-8"
    return response


def serve_media(request, path, document_root=None, show_indexes=False):
    """`django.views.static.serve`, with the charset on WebVTT files; never a document."""
    folder = posixpath.normpath(path.replace("\\", "/")).lstrip("/").split("/", 1)[0]
    if folder.casefold() in PRIVATE_MEDIA_FOLDERS:
        raise Http404("Documents are served at /documents/<id>/<name>.")
    response = serve(request, path, document_root=document_root, show_indexes=show_indexes)
    return with_captions_charset(response)
