"""Add to the scan's demo database what issue 13's probes need and the demo lacks.

    manage.py shell -c "exec(open('bench/security-scan/fixtures.py').read())"

A document in a login-restricted collection (item 1) and a password-protected news
article (item 3). Idempotent. Prints the probe targets as shell assignments.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from zoneportal.news.models import NewsArticlePage

SCAN_PASSWORD = "scan-page-password-7Q"  # noqa: S105 - a throwaway demo database

root = Collection.get_first_root_node()
collection = Collection.objects.filter(name="Scan: private").first() or root.add_child(
    name="Scan: private"
)
CollectionViewRestriction.objects.get_or_create(
    collection=collection, restriction_type=CollectionViewRestriction.LOGIN
)
Document = get_document_model()
document = Document.objects.filter(title="Scan: private document").first()
if document is None:
    document = Document(title="Scan: private document", collection=collection)
    document.file.save(
        "scan-private-document.txt", ContentFile(b"Confidential scan document\n"), save=True
    )

article = NewsArticlePage.objects.live().filter(locale__language_code="en").order_by("path").last()
restriction, _ = PageViewRestriction.objects.get_or_create(
    page=article,
    restriction_type=PageViewRestriction.PASSWORD,
    defaults={"password": SCAN_PASSWORD},
)
print(f"PRIVATE_DOC_FILE=/media/{document.file.name}")
print(f"PRIVATE_DOC_URL={document.url}")
print(f"PASSWORD_PAGE={article.url}")
print(f"PASSWORD_FORM=/_util/authenticate_with_password/{restriction.pk}/{article.pk}/")
print(f"PASSWORD={SCAN_PASSWORD}")
