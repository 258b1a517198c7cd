"""The zone's brand colours as a tiny style sheet.

The CSP allows style sheets from 'self' only (no inline <style>, no style
attributes), so the colours that the profile sets reach the page as /zone.css, a
separate file linked after site.css. Its URL carries the profile's version
(`?v=...`): a saved profile gives a new URL, so the file itself can be cached for a
year (immutable) by browsers and nginx, with nothing to purge. A request with an
old or missing version gets the current colours, cached briefly.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from zoneportal.ops.http_cache import IMMUTABLE

from .profile import zone_profile

CSS_PROPERTIES = {
    "primary": "--c-brand",
    "primary_dark": "--c-brand-dark",
    "accent": "--c-accent",
}


def zone_css_text(zone) -> str:
    lines = [
        f"  {CSS_PROPERTIES[token]}: {value};"
        for token, value in zone.colours.items()
        if token in CSS_PROPERTIES
    ]
    return ":root {\n" + "\n".join(lines) + "\n}\n" if lines else "/* default colours */\n"


@require_safe
def zone_css(request):
    zone = zone_profile(request)
    response = HttpResponse(zone_css_text(zone), content_type="text/css; charset=utf-8")
    if request.GET.get("v") == zone.version:
        response["Cache-Control"] = IMMUTABLE
    else:
        response["Cache-Control"] = "public, max-age=60, s-maxage=60"
    return response
