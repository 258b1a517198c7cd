"""Core page types, site chrome and site-wide views."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from tests.html import all_text, sitemap_locations, soup
from zoneportal.core.cache import structure_version
from zoneportal.core.models import (
    FooterText,
    HomePage,
    NavigationSettings,
    SectionPage,
    StandardPage,
)
from zoneportal.demo.builder import stream

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(site_home, make_page):
    return make_page(
        site_home, SectionPage, title="About", show_in_menus=True, intro="<p>Who we are.</p>"
    )


def test_bare_root_redirects_to_language_prefix(client, site_home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_home_page_renders_with_message_call_to_action(client, site_home, make_page):
    from zoneportal.inquiries.models import InquiryPage

    message = make_page(site_home, InquiryPage, title="Leave Your Message Here")
    site_home.message_page = message
    site_home.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "Leave Your Message Here" in html
    assert f'href="{message.url}"' in html


def test_section_page_lists_children_as_cards(client, about, make_page, make_image):
    image = make_image(title="Overview photo", alt="Aerial view of the district")
    make_page(
        about,
        StandardPage,
        title="Overview",
        listing_summary="Facts and figures.",
        listing_image=image,
    )
    make_page(about, StandardPage, title="Why WND")
    html = client.get(about.url).content.decode()
    assert "<h1>About</h1>" in html
    assert "Facts and figures." in html
    assert 'alt="Aerial view of the district"' in html
    assert html.index("Overview") < html.index("Why WND")


def test_breadcrumbs_show_home_and_ancestors(client, about, make_page):
    overview = make_page(about, StandardPage, title="Overview")
    html = client.get(overview.url).content.decode()
    nav = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert re.findall(r">([^<>]+)</(?:a|span)>", nav) == ["Home", "About", "Overview"]
    assert 'aria-current="page"' in nav


def test_standard_page_renders_every_body_block(client, about, make_page, make_image):
    image = make_image(title="Delegation", alt="Delegates at a signing table", credit="wnd.gov.cn")
    document = get_document_model()(title="Fact sheet")
    document.file.save("fact-sheet.txt", ContentFile(b"WND facts"), save=False)
    document.save()
    body = stream(
        ("heading", {"text": "Location", "level": "h2"}),
        ("paragraph", "<p>Beside <b>Lake Taihu</b>.</p>"),
        (
            "image",
            {
                "image": image.pk,
                "caption": "Signing ceremony on May 27.",
                "credit": "",
                "alt_text": "",
            },
        ),
        (
            "table",
            {
                "caption": "Travel times",
                "table": {
                    "data": [["Destination", "Time"], ["Shanghai", "30 min"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            },
        ),
        (
            "key_figures",
            {
                "title": "At a glance",
                "figures": [
                    {
                        "value": "220",
                        "unit": "km²",
                        "label": "Area",
                        "year": "2024",
                        "source": "WND",
                    }
                ],
            },
        ),
        (
            "documents",
            {"title": "Downloads", "documents": [{"document": document.pk, "title": ""}]},
        ),
        ("quote", {"text": "A great place to invest.", "attribution": "An investor"}),
        (
            "contact_card",
            {
                "name": "Investment Promotion Bureau",
                "address": "No. 28 Hefeng Road",
                "postcode": "214135",
                "email": "bizwnd@wnd.gov.cn",
                "telephone": "0510-68559016",
                "fax": "0510-85213006",
                "website": "",
            },
        ),
    )
    page = make_page(about, StandardPage, title="Overview", body=body)
    html = client.get(page.url).content.decode()
    assert '<h2 class="block-heading">Location</h2>' in html
    assert "<b>Lake Taihu</b>" in html
    assert 'alt="Delegates at a signing table"' in html
    assert "Signing ceremony on May 27." in html
    assert "[Photo/wnd.gov.cn]" in html
    assert "<table" in html and "Shanghai" in html
    assert "220" in html and "km²" in html
    assert "Fact sheet" in html and document.url in html
    assert "A great place to invest." in html
    assert "214135" in html and "0510-85213006" in html


def test_footer_site_map_comes_from_navigation_settings(client, site_home, about, make_page):
    make_page(about, StandardPage, title="Contact Us", show_in_menus=True)
    nav = NavigationSettings.for_site(site_home.get_site())
    nav.footer_groups = stream(("group", {"section": about.pk, "links": []}))
    nav.footer_text = FooterText.objects.create(
        locale=site_home.locale, copyright_line="© WND Administrative Committee"
    )
    nav.save()
    html = client.get(about.url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "About" in footer and "Contact Us" in footer
    assert "© WND Administrative Committee" in footer


def test_main_menu_shows_in_menu_sections_and_their_children(client, site_home, about, make_page):
    make_page(about, StandardPage, title="Overview", show_in_menus=True)
    make_page(about, StandardPage, title="Hidden page", show_in_menus=False)
    html = client.get("/en/").content.decode()
    menu = re.search(r'<nav class="primary-nav".*?</nav>', html, re.S).group(0)
    assert "About" in menu and "Overview" in menu
    assert "Hidden page" not in menu


def test_menu_cache_is_refreshed_when_a_page_is_published(client, site_home, about, make_page):
    client.get(about.url)  # warms the fragment cache
    version = structure_version()
    make_page(site_home, SectionPage, title="Living", show_in_menus=True)
    assert structure_version() > version
    assert "Living" in client.get(about.url).content.decode()


def test_deep_urls_resolve_and_drafts_do_not(client, about, make_page):
    overview = make_page(about, StandardPage, title="Overview")
    nested = make_page(overview, StandardPage, title="History")
    assert client.get("/en/about/overview/history/").status_code == 200
    draft = StandardPage(title="Draft", slug="draft", live=False)
    about.add_child(instance=draft)
    assert client.get("/en/about/draft/").status_code == 404
    assert client.get("/en/about/nothing-here/").status_code == 404
    assert nested.url == "/en/about/overview/history/"


def test_private_pages_ask_for_a_password(client, about, make_page):
    secret = make_page(
        about,
        StandardPage,
        title="Secret",
        listing_summary="Land reserved for a 2027 fab & clean room",
        body=stream(("paragraph", "<p>Tender price: <b>312</b> yuan per m²</p>")),
    )
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    response = client.get(secret.url)
    assert response.status_code == 200
    assert soup(response).select_one('form input[name="password"]') is not None
    shown = all_text(response)  # text and attributes (meta description, og), entities decoded
    assert "Land reserved" not in shown and "Tender price" not in shown


def test_custom_404_page_offers_search(client, site_home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'role="search"' in html


def test_500_page_is_self_contained(client):
    from zoneportal.core.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content


def test_robots_txt_points_to_sitemap(client, site_home):
    # The Site of `site_home` is testserver:80 (the sitemap URL names the Site, not the Host).
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_live_public_pages_only(client, about, make_page):
    make_page(about, StandardPage, title="Overview")
    secret = make_page(about, StandardPage, title="Secret")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    draft = StandardPage(title="Draft", slug="draft", live=False)
    about.add_child(instance=draft)
    locations = sitemap_locations(client.get("/sitemap.xml"))
    assert "http://testserver/en/about/overview/" in locations
    assert not {secret.full_url, "http://testserver/en/about/draft/"} & locations


def test_pages_carry_canonical_open_graph_and_json_ld(client, site_home, about):
    html = client.get(about.url).content.decode()
    assert '<link rel="canonical" href="http://testserver/en/about/">' in html
    assert '<meta property="og:title" content="About">' in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    crumbs = [json.loads(b) for b in blocks if json.loads(b)["@type"] == "BreadcrumbList"]
    assert [i["name"] for i in crumbs[0]["itemListElement"]] == [site_home.title, "About"]


def test_home_page_publishes_organization_json_ld(client, site_home, demo_zone):
    html = client.get("/en/").content.decode()
    blocks = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    org = next(b for b in blocks if b["@type"] == "GovernmentOrganization")
    assert org["address"]["postalCode"] == "214135"


def test_json_ld_cannot_break_out_of_its_script_element(client, about, make_page):
    page = make_page(about, StandardPage, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html


def test_no_inline_scripts_on_public_pages(client, about):
    html = client.get(about.url).content.decode()
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/ld+json"' in tag, tag
    assert not re.search(r"\son[a-z]+=", html), "inline event handler found"


def test_images_require_alt_text(site_home):
    from wagtail.images.forms import get_image_form

    from zoneportal.core.models import SiteImage

    form_class = get_image_form(SiteImage)
    form = form_class(data={"title": "Photo", "description": ""})
    assert not form.is_valid()
    assert "description" in form.errors


def test_home_page_type_rules():
    assert SectionPage in HomePage.allowed_subpage_models()
    assert HomePage not in StandardPage.allowed_subpage_models()


def test_editors_group_may_publish_pages_and_edit_footer_text(site_home):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from zoneportal.core.permissions import grant_editor_permissions

    grant_editor_permissions()
    editor = get_user_model().objects.create_user("ed", "ed@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor = get_user_model().objects.get(pk=editor.pk)
    permissions = site_home.permissions_for_user(editor)
    assert permissions.can_publish()
    assert permissions.can_edit()
    assert editor.has_perm("core.change_footertext")
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not editor.has_perm("core.change_navigationsettings")


def test_editing_an_image_refreshes_cached_fragments(make_image):
    """Cached cards and home sections carry alt texts: an image edit must reach them."""
    image = make_image()
    version = structure_version()
    image.alt_texts = {"ja": "無錫の高層ビル"}
    image.save()
    assert structure_version() > version
