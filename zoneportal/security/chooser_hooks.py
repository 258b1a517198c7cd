"""Wagtail hooks of choosers.py: page chooser listings and the admin API's files.

Imported from wagtail_hooks.py. The URL-level rules (who may open a chooser at all,
which parent page or ids) are in choosers.ChooserAccessMiddleware.
"""

from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .choosers import PermittedCollectionsMixin, visible_pages


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_user_may_see(pages, request):
    return visible_pages(pages, request.user)


class PermittedDocumentsAPIViewSet(PermittedCollectionsMixin, DocumentsAdminAPIViewSet):
    pass


class PermittedImagesAPIViewSet(PermittedCollectionsMixin, ImagesAdminAPIViewSet):
    pass


# After Wagtail's own hooks (order 0), which register the unfiltered endpoints.
@hooks.register("construct_admin_api", order=100)
def only_files_in_permitted_collections(router):
    router.register_endpoint("documents", PermittedDocumentsAPIViewSet)
    router.register_endpoint("images", PermittedImagesAPIViewSet)
