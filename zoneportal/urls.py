from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from zoneportal.core import views as core_views
from zoneportal.core.i18n import root_redirect, short_i18n_patterns
from zoneportal.search import views as search_views
from zoneportal.translations import uploads as translation_uploads

urlpatterns = [
    path("", root_redirect, name="root_redirect"),
    # Before wagtail-localize's own view of the same address (see uploads.py).
    path(
        "admin/localize/translate/<int:translation_id>/pofile/upload/",
        translation_uploads.upload_pofile,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("", include("zoneportal.security.urls")),
    path("", include("zoneportal.zones.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    from zoneportal.media.views import serve_media

    urlpatterns += static(settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT)

urlpatterns += short_i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
)

handler404 = "zoneportal.core.views.page_not_found"
handler500 = "zoneportal.core.views.server_error"
