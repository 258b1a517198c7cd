from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Lets the Cache-Control policy (ops/http_cache.py) know the page type."""
    request.zoneportal_page = page
