"""/media/ served from a bucket by nginx (deploy/nginx/zoneportal-media-bucket.conf).

Debian's nginx runs the snippet as shipped, with only its three EDIT lines pointed at
moto's S3 server on 127.0.0.1 and the production media-disposition map from
zoneportal.conf. What a visitor gets: the object with the site's media headers and
none of the bucket's; never the bucket's listing, its XML errors, another bucket, a
sub-resource picked by a query string, or a write.
"""

import http.client
import json
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import boto3
import pytest

from tests.ops.test_object_storage import (  # noqa: F401 - fixtures
    REGION,
    S3_BACKEND,
    aws_env,
    png,
    public_read_policy,
    s3_options,
    s3_server,
)
from tests.processes import free_port

HEADERS_MORE = "/usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so"
pytestmark = pytest.mark.skipif(
    not shutil.which("nginx") or not Path(HEADERS_MORE).exists(),
    reason="needs Debian's nginx and libnginx-mod-http-headers-more-filter",
)

NGINX = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
SECRET = b"the other bucket's private file"
VTT = "WEBVTT\n\n00:00.300 --> 00:02.000\n[タイトル：梅村の二胡職人]\n".encode()
SITE_CSP = (
    "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox"
)


def media_snippet(bucket: str, endpoint: str) -> str:
    """The snippet with its EDIT lines pointed at `bucket` on `endpoint`."""
    text = (NGINX / "zoneportal-media-bucket.conf").read_text()
    host = endpoint.split("://", 1)[1]
    for shipped, ours in (
        ("/zoneportal-media/$1?", f"/{bucket}/$1?"),
        ("proxy_pass https://oss-cn-shanghai.aliyuncs.com;", f"proxy_pass {endpoint};"),
        ("proxy_set_header Host oss-cn-shanghai.aliyuncs.com;", f"proxy_set_header Host {host};"),
    ):
        assert text.count(shipped) == 1, shipped
        text = text.replace(shipped, ours)
    return text


def media_maps() -> str:
    """zoneportal.conf's maps that the snippet uses (disposition, cache lifetime)."""
    site = (NGINX / "zoneportal.conf").read_text()
    blocks = [
        re.findall(rf"^map \$uri \${name} \{{.*?^\}}", site, re.M | re.S)[0]
        for name in ("zoneportal_media_disposition", "zoneportal_media_cache_control")
    ]
    return "\n".join(blocks)


class MediaProxy:
    """nginx on a free port of 127.0.0.1 with the snippet in its server block."""

    def __init__(self, directory: Path, bucket: str, endpoint: str):
        self.port = free_port()
        (directory / "media.conf").write_text(media_snippet(bucket, endpoint))
        (directory / "nginx.conf").write_text(
            f"load_module {HEADERS_MORE};\n"
            f"pid {directory}/nginx.pid;\nerror_log {directory}/error.log;\nevents {{}}\n"
            f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
            f" {media_maps()}\n"
            f" server {{ listen 127.0.0.1:{self.port}; server_name _;"
            f" include {directory}/media.conf;"
            "  location / { return 404; }"  # the app, in production
            " }\n}\n"
        )
        self.process = subprocess.Popen(
            ["nginx", "-p", str(directory), "-c", str(directory / "nginx.conf"),
             "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.stderr.read().decode()
            try:
                self.request("HEAD", "/media/")
                return
            except ConnectionRefusedError:
                time.sleep(0.05)
        raise AssertionError("nginx did not start listening")

    def request(self, method: str, raw_path: str, headers=None, body=None):
        """Send `raw_path` byte for byte (no client-side dot-segment clean-up)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, raw_path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def buckets(s3_server):  # noqa: F811
    client = boto3.client("s3", endpoint_url=s3_server.endpoint, region_name=REGION)
    public = f"zoneportal-media-{uuid.uuid4().hex[:8]}"
    other = f"other-{uuid.uuid4().hex[:8]}"
    for name in (public, other):
        client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=public, Policy=json.dumps(public_read_policy(public)))
    # With the Content-Type django-storages gives an upload (guessed from the name).
    client.put_object(
        Bucket=public, Key="original_images/plant.png", Body=png(), ContentType="image/png"
    )
    client.put_object(
        Bucket=public,
        Key="images/plant.2e16d0ba.format-webp.fill-800x320.png",
        Body=png(),
        ContentType="image/png",
    )
    for key in ("original_images/logo.svg", "documents/logo.svg"):
        client.put_object(Bucket=public, Key=key, Body=SVG, ContentType="image/svg+xml")
    client.put_object(
        Bucket=public, Key="videos/captions/clip.ja.vtt", Body=VTT, ContentType="text/vtt"
    )
    client.put_object(Bucket=other, Key="secret.txt", Body=SECRET)
    return client, public, other


@pytest.fixture
def proxy(tmp_path, buckets, s3_server):  # noqa: F811
    server = MediaProxy(tmp_path, buckets[1], s3_server.endpoint)
    yield server
    server.stop()


def test_an_object_is_served_with_the_sites_media_headers_and_none_of_the_buckets(proxy):
    status, headers, body = proxy.request("GET", "/media/original_images/plant.png")
    assert status == 200
    assert body == png()
    assert headers["Content-Type"] == "image/png"
    assert headers["Cache-Control"] == "public, max-age=86400"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == SITE_CSP
    assert not [name for name in headers if name.lower().startswith(("x-amz", "set-cookie"))]
    # (HEAD is let through too, but not asserted: moto refuses an anonymous HEAD even
    # with the read policy, where S3 authorises it by s3:GetObject.)


def test_a_rendition_is_kept_a_year_and_an_original_a_day(proxy):
    # A rendition's name changes with its image, focal point and filter: never revalidate.
    status, headers, _body = proxy.request(
        "GET", "/media/images/plant.2e16d0ba.format-webp.fill-800x320.png"
    )
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # An original can be replaced under its name.
    _status, headers, _body = proxy.request("GET", "/media/original_images/plant.png")
    assert headers["Cache-Control"] == "public, max-age=86400"


def test_a_video_can_be_fetched_by_range(proxy):
    status, headers, body = proxy.request(
        "GET", "/media/original_images/plant.png", headers={"Range": "bytes=0-7"}
    )
    assert status == 206
    assert body == png()[:8]
    assert headers["Content-Range"] == f"bytes 0-7/{len(png())}"


def test_captions_are_text_vtt_in_utf8(proxy):
    # Players drop a <track> not served as text/vtt; the charset keeps CJK cues intact.
    status, headers, body = proxy.request("GET", "/media/videos/captions/clip.ja.vtt")
    assert status == 200 and body == VTT
    assert headers["Content-Type"] == "text/vtt; charset=utf-8"
    assert "Content-Disposition" not in headers  # a track, not a download


def test_an_svg_is_a_download_not_a_page(proxy):
    status, headers, body = proxy.request("GET", "/media/original_images/logo.svg")
    assert status == 200 and body == SVG
    assert headers["Content-Disposition"] == "attachment"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    ["/media/documents/logo.svg", "/media//documents/logo.svg", "/media/%64ocuments/logo.svg"],
)
def test_documents_are_never_served_from_the_bucket(proxy, path):
    """Documents may be in a private collection: only Wagtail's /documents/<id>/<name>
    view (which checks the collection) serves them, never their object (issue 13, item 1)."""
    status, _headers, body = proxy.request("GET", path)
    assert status == 404
    assert body != SVG


@pytest.mark.parametrize("path", ["/media/", "/media/?list-type=2", "/media/?versions"])
def test_the_bucket_listing_is_never_shown(proxy, path):
    status, _headers, body = proxy.request("GET", path)
    assert status == 404
    assert b"plant.png" not in body and b"ListBucketResult" not in body


def test_a_query_string_cannot_pick_a_sub_resource(proxy):
    # ?acl would answer the object's access list, ?tagging its tags: the query is dropped.
    for query in ("acl", "tagging", "uploads", "response-content-type=text/html"):
        status, headers, body = proxy.request("GET", f"/media/original_images/plant.png?{query}")
        assert status == 200, query
        assert body == png(), query
        assert headers["Content-Type"] == "image/png", query


def test_a_missing_key_is_a_plain_404_that_names_nothing(proxy, buckets):
    _client, public, _other = buckets
    status, headers, body = proxy.request("GET", "/media/original_images/missing.png")
    assert status == 404
    assert public.encode() not in body and b"<Error>" not in body and b"RequestId" not in body
    assert not [name for name in headers if name.lower().startswith("x-amz")]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "POST", "PATCH"])
def test_nothing_is_written_or_deleted_through_the_site(proxy, buckets, method):
    client, public, _other = buckets
    status, _headers, _body = proxy.request(
        method, "/media/original_images/plant.png", body=b"defaced"
    )
    assert status == 405
    stored = client.get_object(Bucket=public, Key="original_images/plant.png")["Body"].read()
    assert stored == png()


@pytest.mark.parametrize(
    "template",
    [
        "/media/../{other}/secret.txt",
        "/media/%2e%2e/{other}/secret.txt",
        "/media/x/..%2F..%2F{other}/secret.txt",
        "/media/%2E%2E%2F{other}%2Fsecret.txt",
        "/media/..%252F{other}%252Fsecret.txt",
    ],
)
def test_no_path_reaches_another_bucket(proxy, buckets, template):
    _client, _public, other = buckets
    status, _headers, body = proxy.request("GET", template.format(other=other))
    assert SECRET not in body
    assert status in (400, 404)


@pytest.mark.django_db
def test_an_uploaded_image_is_served_under_the_sites_media_path(
    proxy,
    buckets,
    s3_server,  # noqa: F811 - the imported fixture
    settings,
    make_image,
):
    """The whole chain: Django writes to the bucket, the page's URL is read through nginx."""
    client, public, _other = buckets
    domain = f"127.0.0.1:{proxy.port}/media"
    options = s3_options(public, s3_server.endpoint, REGION, custom_domain=domain)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": options},
    }
    image = make_image(size=(320, 200))
    rendition = image.get_rendition("fill-100x100")
    for file in (image.file, rendition.file):
        assert file.url == f"https://{domain}/{file.name}"
        status, headers, body = proxy.request("GET", f"/media/{file.name}")
        assert status == 200, file.name
        assert body == client.get_object(Bucket=public, Key=file.name)["Body"].read()
        assert headers["X-Content-Type-Options"] == "nosniff"
