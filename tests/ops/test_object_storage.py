"""Uploads in an S3-compatible bucket (MEDIA_BUCKET, docs/operations.md "Object storage").

The bucket is served by moto's S3 server on 127.0.0.1: django-storages and boto3 talk
real HTTP to it, as they would to MinIO, Ceph or a cloud provider. The in-process
tests override STORAGES with the options production.py builds (`s3_options`), which
the subprocess tests check against the real settings module.
"""

import io
import json
import socket
import time
import urllib.request
import uuid
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.ops.test_production_settings import run
from tests.security.test_uploads import small_png

boto3 = pytest.importorskip("boto3", reason='needs the test extra: pip install -e ".[test]"')
moto_server = pytest.importorskip("moto.server", reason='needs pip install -e ".[test]"')

S3_BACKEND = "storages.backends.s3.S3Storage"
REGION = "us-east-1"


def s3_options(bucket, endpoint_url=None, region=None, custom_domain=None) -> dict:
    """STORAGES["default"]["OPTIONS"] as production.py builds them."""
    return {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url,
        "region_name": region,
        "custom_domain": custom_domain,
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
    }


# -- production settings (fresh interpreter each) ---------------------------------------
STORAGE_DUMP = """
import json
from django.conf import settings
from django.core.files.storage import storages
storage = storages["default"]  # django-storages refuses unknown option names here
print(json.dumps({
    "default": settings.STORAGES["default"],
    "staticfiles": settings.STORAGES["staticfiles"]["BACKEND"],
    "storage": [type(storage).__module__ + "." + type(storage).__name__,
                storage.bucket_name, storage.endpoint_url, storage.custom_domain,
                storage.querystring_auth, storage.file_overwrite, storage.default_acl],
}))
"""


def production_storages(env: dict, drop=("MEDIA_ROOT",)) -> dict:
    result = run(STORAGE_DUMP, env, drop=drop)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_put_uploads_in_the_bucket_named_by_the_environment():
    values = production_storages(
        {
            "MEDIA_BUCKET": "zoneportal-media",
            "MEDIA_ENDPOINT_URL": "https://oss-cn-shanghai.aliyuncs.com",
            "MEDIA_REGION": "cn-shanghai",
            "MEDIA_CUSTOM_DOMAIN": "media.invest.example.gov.cn",
        }
    )
    assert values["default"] == {
        "BACKEND": S3_BACKEND,
        "OPTIONS": s3_options(
            "zoneportal-media",
            "https://oss-cn-shanghai.aliyuncs.com",
            "cn-shanghai",
            "media.invest.example.gov.cn",
        ),
    }
    assert values["storage"] == [
        S3_BACKEND,
        "zoneportal-media",
        "https://oss-cn-shanghai.aliyuncs.com",
        "media.invest.example.gov.cn",
        False,  # public URLs, no expiring signatures in cached pages
        False,  # a second upload named like the first gets its own key
        None,  # the bucket's policy decides who reads, not a per-object ACL
    ]
    # Static files stay on the app servers (nginx serves STATIC_ROOT).
    assert values["staticfiles"].endswith("ManifestStaticFilesStorage")


def test_production_settings_with_only_a_bucket_use_the_providers_defaults():
    values = production_storages({"MEDIA_BUCKET": "zoneportal-media"})
    assert values["default"]["OPTIONS"] == s3_options("zoneportal-media")


def test_without_django_storages_the_settings_refuse_to_start_naming_the_package():
    # sys.modules[name] = None makes the package unimportable (find_spec returns None).
    code = 'import sys; sys.modules["storages"] = None; import zoneportal.settings.production'
    result = run(code, {"MEDIA_BUCKET": "zoneportal-media"}, drop=["MEDIA_ROOT"])
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("django.core.exceptions.ImproperlyConfigured: MEDIA_BUCKET:")
    assert 'pip install "django-storages[s3]"' in message


# -- a bucket on a local S3 server ------------------------------------------------------
@dataclass
class Bucket:
    name: str
    endpoint: str
    client: object

    def keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def aws_env(monkeypatch, tmp_path):
    """Dummy credentials in the variables boto3 reads; nothing from the developer's ~/.aws."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "zoneportal-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "zoneportal-test-secret")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


class S3Server:
    """moto's S3 server on a free port of 127.0.0.1, in a thread of this process."""

    def __init__(self):
        self._server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        self.running = True

    def stop(self):
        if self.running:
            # moto keeps its buckets in this process, not in the server: forget them.
            reset = urllib.request.Request(f"{self.endpoint}/moto-api/reset", b"")
            urllib.request.urlopen(reset, timeout=10).close()  # noqa: S310 - 127.0.0.1
            self._server.stop()
            self.running = False


@pytest.fixture
def s3_server(aws_env):
    server = S3Server()
    yield server
    server.stop()


def public_read_policy(bucket: str) -> dict:
    """The bucket policy docs/operations.md gives: anyone may GET an object, nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


@pytest.fixture
def bucket(s3_server, settings):
    """A fresh bucket, and STORAGES["default"] pointing at it as production.py would."""
    endpoint = s3_server.endpoint
    name = f"zoneportal-media-{uuid.uuid4().hex[:8]}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION)
    client.create_bucket(Bucket=name)
    # URLs are unsigned (querystring_auth False): visitors read with this policy only.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": s3_options(name, endpoint, REGION)},
    }
    return Bucket(name, endpoint, client)


def png(size=(640, 360)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 79, 138)).save(buffer, format="PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n" + b"% filler\n" * 50 + b"%%EOF\n"


def upload_image(client, name="plant.png", content=None):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Plant",
            "description": "The new plant",
            "credit": "wnd.gov.cn",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, png() if content is None else content, "image/png"),
        },
    )


def upload_document(client, name="guide.pdf", content=PDF):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Investment guide",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, "application/pdf"),
        },
    )


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - 127.0.0.1
        assert response.status == 200
        return response.read()


@pytest.mark.django_db
def test_an_uploaded_image_and_its_rendition_are_objects_in_the_bucket(client, admin_user, bucket):
    client.force_login(admin_user)
    response = upload_image(client)
    assert response.status_code == 302, response.content[:500]
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (640, 360)
    assert bucket.keys() == [image.file.name]
    assert image.file.name.startswith("original_images/plant")

    rendition = image.get_rendition("fill-100x100")
    assert rendition.file.name.startswith("images/plant")
    assert bucket.keys() == sorted([image.file.name, rendition.file.name])

    # Public, unsigned URLs on the endpoint: what pages put in <img src>.
    base = f"{bucket.endpoint}/{bucket.name}/"
    assert image.file.url == base + image.file.name
    assert rendition.url == base + rendition.file.name
    assert Image.open(io.BytesIO(fetch(rendition.url))).size == (100, 100)
    assert fetch(image.file.url) == bucket.read(image.file.name)

    # The rendition is found again (cache, then database) without writing a new object.
    assert image.get_rendition("fill-100x100").file.name == rendition.file.name
    assert len(bucket.keys()) == 2


@pytest.mark.django_db
def test_a_second_upload_with_the_same_name_does_not_replace_the_first(client, admin_user, bucket):
    client.force_login(admin_user)
    assert upload_image(client).status_code == 302
    assert upload_image(client).status_code == 302
    first, second = get_image_model().objects.order_by("pk")
    assert first.file.name != second.file.name
    assert bucket.keys() == sorted([first.file.name, second.file.name])


# A host of its own, or the site's host with a path that nginx proxies to the bucket
# (same origin, so the public CSP's img-src 'self' lets the images load).
@pytest.mark.parametrize("domain", ["media.invest.example.gov.cn", "invest.example.gov.cn/media"])
@pytest.mark.django_db
def test_with_a_custom_domain_urls_point_at_it(make_image, bucket, settings, domain):
    options = settings.STORAGES["default"]["OPTIONS"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": {**options, "custom_domain": domain}},
    }
    image = make_image(size=(320, 200))
    rendition = image.get_rendition("fill-100x100")
    assert bucket.keys() == sorted([image.file.name, rendition.file.name])
    assert image.file.name.startswith("original_images/")
    assert image.file.url == f"https://{domain}/{image.file.name}"
    assert rendition.url == f"https://{domain}/{rendition.file.name}"


def csp_directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {
        part.strip().partition(" ")[0]: part.strip().partition(" ")[2] for part in policy.split(";")
    }


@pytest.mark.django_db
def test_the_csp_lets_pages_and_the_admin_show_images_and_video_from_the_bucket(
    client, admin_user, site_home, bucket
):
    # Without the bucket's origin in img-src and media-src, browsers would block every
    # uploaded image and video on the site and in the admin's previews.
    public = csp_directives(client.get("/en/"))
    assert public["img-src"] == f"'self' data: {bucket.endpoint}"
    assert public["media-src"] == f"'self' {bucket.endpoint}"
    for name in ("default-src", "script-src", "style-src", "connect-src", "frame-src"):
        assert public[name] == "'self'", name  # nothing else widens

    client.force_login(admin_user)
    admin = csp_directives(client.get("/admin/images/"))
    assert admin["img-src"] == f"'self' data: blob: {bucket.endpoint}"
    assert admin["media-src"] == f"'self' blob: {bucket.endpoint}"


@pytest.mark.parametrize(
    ("domain", "origin"),
    [
        ("media.invest.example.gov.cn", "https://media.invest.example.gov.cn"),
        # The site's own host with nginx proxying /media/ (zoneportal-media-bucket.conf).
        ("testserver/media", "https://testserver"),
    ],
)
@pytest.mark.django_db
def test_with_a_custom_domain_the_csp_names_that_origin_only(
    client, site_home, bucket, settings, domain, origin
):
    options = settings.STORAGES["default"]["OPTIONS"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": {**options, "custom_domain": domain}},
    }
    policy = csp_directives(client.get("/en/"))
    assert policy["img-src"] == f"'self' data: {origin}"
    assert bucket.endpoint not in client.get("/en/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_document_is_an_object_in_the_bucket_and_its_link_streams_it(client, admin_user, bucket):
    client.force_login(admin_user)
    response = upload_document(client)
    assert response.status_code == 302, response.content[:500]
    document = get_document_model().objects.get()
    assert bucket.keys() == [document.file.name]
    assert document.file.name.startswith("documents/guide")
    assert bucket.read(document.file.name) == PDF

    # /documents/<id>/<name> streams the object itself (WAGTAILDOCS_SERVE_METHOD
    # "serve_view"): a redirect to the object's URL would bypass the collection's privacy
    # check for whoever keeps that URL (issue 13 item 1).
    client.logout()
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF
    assert served["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_deleting_an_image_or_a_document_deletes_its_objects(
    client, admin_user, bucket, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    assert upload_image(client).status_code == 302
    assert upload_document(client).status_code == 302
    image = get_image_model().objects.get()
    image.get_rendition("fill-100x100")
    image.get_rendition("max-50x50")
    assert len(bucket.keys()) == 4

    # Wagtail deletes the files after the commit, through a background task (run by
    # db_worker in production; immediately in the tests).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/images/{image.pk}/delete/")
    assert response.status_code == 302
    keys = bucket.keys()
    assert len(keys) == 1 and keys[0].startswith("documents/")

    document = get_document_model().objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/documents/delete/{document.pk}/")
    assert response.status_code == 302
    assert bucket.keys() == []


@pytest.mark.parametrize(
    ("content", "extra_settings", "message"),
    [
        (small_png(b"Comment\x00<script>alert(1)</script>"), {}, "HTML"),
        (small_png(b"Comment\x00" + b"x" * 5000), {"WAGTAILIMAGES_MAX_UPLOAD_SIZE": 1000}, ""),
    ],
    ids=["polyglot", "oversized"],
)
@pytest.mark.django_db
def test_refused_images_never_reach_the_bucket(
    client, admin_user, bucket, settings, content, extra_settings, message
):
    for name, value in extra_settings.items():
        setattr(settings, name, value)
    client.force_login(admin_user)
    response = upload_image(client, "poly.png", content)
    assert response.status_code == 200  # the form again, with the error
    assert message in response.content.decode()
    assert get_image_model().objects.count() == 0
    assert bucket.keys() == []


@pytest.mark.django_db
def test_a_document_whose_content_lies_never_reaches_the_bucket(client, admin_user, bucket):
    client.force_login(admin_user)
    response = upload_document(client, "fake.pdf", b"<script>alert(1)</script>")
    assert response.status_code == 200
    assert get_document_model().objects.count() == 0
    assert bucket.keys() == []


# -- /readyz ----------------------------------------------------------------------------
def test_orphan_objects_in_the_bucket_are_found_and_deleted(client, admin_user, bucket):
    # A killed upload leaves an object no row refers to; the cleanup must see the bucket.
    import datetime as dt

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from zoneportal.core.orphan_media import delete_unreferenced, orphan_files

    client.force_login(admin_user)
    upload_image(client)
    kept = bucket.keys()
    orphan = default_storage.save("original_images/killed-upload.png", ContentFile(png()))
    assert orphan_files(min_age=dt.timedelta(0)) == [orphan]
    assert delete_unreferenced([orphan, *kept]) == [orphan]
    assert bucket.keys() == kept


def readyz(client):
    started = time.monotonic()
    response = client.get("/readyz")
    return response, time.monotonic() - started


@pytest.mark.django_db
def test_readyz_asks_the_bucket(client, bucket):
    response, _elapsed = readyz(client)
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["storage"]["ok"] is True


@pytest.mark.django_db
def test_readyz_fails_for_a_bucket_that_does_not_exist(client, bucket):
    bucket.client.delete_bucket(Bucket=bucket.name)
    response, _elapsed = readyz(client)
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
    assert response.json()["checks"]["storage"]["error"] == "ClientError"


@pytest.mark.django_db
def test_readyz_fails_at_once_when_the_object_store_is_down(client, bucket, s3_server):
    assert readyz(client)[0].status_code == 200
    s3_server.stop()
    response, elapsed = readyz(client)
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
    assert response.json()["checks"]["storage"]["error"] == "EndpointConnectionError"
    assert elapsed < 2  # one attempt, no retries with backoff


@pytest.mark.django_db
def test_readyz_gives_up_on_an_object_store_that_does_not_answer(client, aws_env, settings):
    from zoneportal.ops.health import STORAGE_TIMEOUT

    # Accepts connections (the kernel completes them) but never answers: a hung endpoint.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        host, port = silent.getsockname()
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": S3_BACKEND,
                "OPTIONS": s3_options("zoneportal-media", f"http://{host}:{port}", REGION),
            },
        }
        response, elapsed = readyz(client)
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
    assert response.json()["checks"]["storage"]["error"] == "ReadTimeoutError"
    # boto3's defaults (60 s read timeout, retries) would hold the probe for minutes.
    assert STORAGE_TIMEOUT <= elapsed < STORAGE_TIMEOUT + 2
