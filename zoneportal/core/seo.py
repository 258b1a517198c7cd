"""Structured data (schema.org JSON-LD) shared by several page types."""

from django.conf import settings


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def organization_json_ld(home, request) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": settings.WAGTAIL_SITE_NAME,
        "alternateName": ["Xinwu District", "Wuxi New District", "WND"],
        "url": absolute(request, home.get_url(request) or "/"),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "No. 28 Hefeng Road, Xinwu District",
            "addressLocality": "Wuxi",
            "addressRegion": "Jiangsu",
            "postalCode": "214135",
            "addressCountry": "CN",
        },
        "email": "bizwnd@wnd.gov.cn",
        "telephone": "+86-510-68559016",
    }


def breadcrumb_json_ld(pages, request) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": page.title,
                "item": absolute(request, page.get_url(request) or ""),
            }
            for position, page in enumerate(pages, start=1)
        ],
    }
