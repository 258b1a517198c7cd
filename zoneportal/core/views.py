"""Site-wide views: robots.txt, sitemap and the error pages."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .seo import absolute


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = absolute(request, "/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(max_age=600, public=True)
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": AllLanguagesSitemap(request)})


class AllLanguagesSitemap(Sitemap):
    """Every live public page of the site in every language, not only the default tree."""

    def items(self):
        from django.db.models import Q
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        in_any_tree = Q()
        for path in homes:
            in_any_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Render without context processors or database access: the failure may be there."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)
