"""Idempotent building blocks for the demo site.

Every helper looks its object up by a stable key (a slug under a parent, an image
title) and creates it only when missing, so `load_demo` can run any number of
times. `load_demo --reset` deletes the demo tree first to rebuild from scratch.
"""

import datetime as dt
import json
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from zoneportal.core.models import SiteImage

from .images import render_artwork

DEMO_COLLECTION = "Demo content"


def rich(*paragraphs: str) -> str:
    """Wrap plain paragraphs (already safe, may contain inline markup) as rich text HTML."""
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def aware(date: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime(date.year, date.month, date.day, hour, 0))


@dataclass
class DemoBuilder:
    """State shared by the content modules while the demo loads."""

    stdout: object = None
    pages: dict = field(default_factory=dict)
    created: int = 0

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    # -- collections, images, documents -------------------------------------------------
    def collection(self) -> Collection:
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=DEMO_COLLECTION).first()
        return existing or root.add_child(name=DEMO_COLLECTION)

    def image(self, title, alt, credit="", motif="skyline", palette="blue", size=(1200, 675)):
        """A generated image, created once per title."""
        existing = SiteImage.objects.filter(title=title).first()
        if existing:
            return existing
        data = render_artwork(title, motif=motif, palette=palette, size=size)
        filename = f"{_slugish(title)}.jpg"
        image = SiteImage(
            title=title,
            description=alt,
            credit=credit,
            collection=self.collection(),
            file=ContentFile(data, name=filename),
            width=size[0],
            height=size[1],
        )
        image.save()
        return image

    def document(self, title, text):
        """A small plain-text document, created once per title."""
        model = get_document_model()
        existing = model.objects.filter(title=title).first()
        if existing:
            return existing
        document = model(title=title, collection=self.collection())
        document.file.save(f"{_slugish(title)}.txt", ContentFile(text.encode("utf-8")), save=False)
        document.save()
        return document

    # -- pages ------------------------------------------------------------------------
    def page(self, parent: Page, model, slug: str, key: str | None = None, **fields):
        """Return the child of `parent` with `slug`, creating and publishing it if missing.

        `first_published_at` may be passed to backdate demo articles. Stream fields can
        be given as Python lists of (type, value) or as JSON-ready lists of dicts.
        """
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            page = existing.specific
        else:
            published_at = fields.pop("first_published_at", None)
            page = model(slug=slug, **fields)
            parent.add_child(instance=page)
            revision = page.save_revision()
            revision.publish()
            if published_at is not None:
                type(page).objects.filter(pk=page.pk).update(
                    first_published_at=published_at, last_published_at=published_at
                )
                page.first_published_at = published_at
            self.created += 1
        if key:
            self.pages[key] = page
        return page

    def get(self, key: str):
        return self.pages[key]


def stream(*blocks) -> str:
    """JSON for a StreamField from (block_type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _slugish(text: str) -> str:
    cleaned = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "file"
