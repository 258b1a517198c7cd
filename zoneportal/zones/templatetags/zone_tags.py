from django import template

from ..qr import qr_svg

register = template.Library()


@register.simple_tag
def qr_code(data, title=""):
    """An inline SVG QR code of `data`, drawn here (segno), named `title`."""
    return qr_svg(data, title=title)
