"""Security events in Wagtail's audit log (Reports > Site history).

Actions (registered in wagtail_hooks.py, filterable by action in Site history):

- zoneportal.security.sign_in / sign_out: against the user, with the client IP.
- zoneportal.security.sign_in_failed: against the user when the username exists,
  otherwise against the default Site. The password is never recorded; the username as
  typed is recorded only as a keyed hash (people type passwords into the username
  field), so an administrator can correlate attempts on one name without reading it.
- zoneportal.security.lockout: the attempt that locked a username or IP out.
- zoneportal.security.groups_changed / permissions_changed / privileges_changed:
  group membership, direct and group permissions, superuser/staff/active flags,
  whoever changed them (admin, shell or import).
- zoneportal.security.export: any spreadsheet export from an admin listing or report.
- zoneportal.security.two_factor_*: enrolment, removal, passed and failed codes,
  new recovery codes, a recovery code used (with the number left), and an
  administrator's reset (against the user reset, by whom and from which address, or
  by the system for `manage.py reset_two_factor`).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver
from wagtail.log_actions import log

PREFIX = "zoneportal.security."
SIGN_IN = PREFIX + "sign_in"
SIGN_OUT = PREFIX + "sign_out"
SIGN_IN_FAILED = PREFIX + "sign_in_failed"
LOCKOUT = PREFIX + "lockout"
GROUPS_CHANGED = PREFIX + "groups_changed"
PERMISSIONS_CHANGED = PREFIX + "permissions_changed"
PRIVILEGES_CHANGED = PREFIX + "privileges_changed"
EXPORT = PREFIX + "export"
TWO_FACTOR_ENABLED = PREFIX + "two_factor_enabled"
TWO_FACTOR_DISABLED = PREFIX + "two_factor_disabled"
TWO_FACTOR_PASSED = PREFIX + "two_factor_passed"
TWO_FACTOR_FAILED = PREFIX + "two_factor_failed"
TWO_FACTOR_RECOVERY_CODES_GENERATED = PREFIX + "two_factor_recovery_codes_generated"
TWO_FACTOR_RECOVERY_CODE_USED = PREFIX + "two_factor_recovery_code_used"
TWO_FACTOR_RESET = PREFIX + "two_factor_reset"

EXPORT_FORMATS = {"csv", "xlsx"}


def _ip(request):
    from .lockout import client_ip

    return client_ip(request)


def log_event(instance, action, request=None, user=None, **data):
    if instance is None or instance.pk is None:
        return None
    if request is not None:
        data.setdefault("ip", _ip(request))
        if user is None and getattr(request, "user", None) is not None:
            user = request.user if request.user.is_authenticated else None
    return log(instance, action, user=user, data=data)


def _default_site():
    from wagtail.models import Site

    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


@receiver(user_logged_in, dispatch_uid="zoneportal_audit_sign_in")
def _signed_in(sender, request, user, **kwargs):
    log_event(user, SIGN_IN, request, user=user)


@receiver(user_logged_out, dispatch_uid="zoneportal_audit_sign_out")
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        log_event(user, SIGN_OUT, request, user=user)


def log_failed_sign_in(username, request, locked_out: bool):
    """Called by lockout.py's user_login_failed receiver once the failure is counted."""
    from .lockout import username_digest

    username = username or ""
    User = get_user_model()
    target = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    known = target is not None
    if target is None:
        target = _default_site()
    data = {"username_hash": username_digest(username), "known_user": known}
    log_event(target, SIGN_IN_FAILED, request, user=None, **data)
    if locked_out:
        log_event(target, LOCKOUT, request, user=None, **data)


def _names(model, pks):
    if not pks:
        return []
    from django.contrib.auth.models import Permission

    objects = model._default_manager.filter(pk__in=pks)
    if model is Permission:
        return sorted(
            f"{app}.{codename}"
            for app, codename in objects.values_list("content_type__app_label", "codename")
        )
    return sorted(str(obj) for obj in objects)


def _m2m_logger(action_name, field):
    def receiver_(sender, instance, action, reverse, model, pk_set, **kwargs):
        # With reverse=True the change came from the other side (group.user_set.add(u)):
        # it is logged on that object (the group), naming the users.
        if action == "pre_clear" and not reverse:
            change = {
                "removed": _names(model, set(getattr(instance, field).values_list("pk", flat=True)))
            }
        elif action == "post_add":
            change = {"added": _names(model, pk_set)}
        elif action == "post_remove":
            change = {"removed": _names(model, pk_set)}
        else:
            return
        if any(change.values()):
            log_event(instance, action_name, **change)

    return receiver_


_user_groups = _m2m_logger(GROUPS_CHANGED, "groups")
_user_permissions = _m2m_logger(PERMISSIONS_CHANGED, "user_permissions")
_group_permissions = _m2m_logger(PERMISSIONS_CHANGED, "permissions")


def connect_permission_signals():
    User = get_user_model()
    m2m_changed.connect(
        _user_groups, sender=User.groups.through, dispatch_uid="zoneportal_audit_groups"
    )
    m2m_changed.connect(
        _user_permissions,
        sender=User.user_permissions.through,
        dispatch_uid="zoneportal_audit_user_permissions",
    )
    m2m_changed.connect(
        _group_permissions,
        sender=Group.permissions.through,
        dispatch_uid="zoneportal_audit_group_permissions",
    )
    pre_save.connect(_privileges, sender=User, dispatch_uid="zoneportal_audit_privileges")


PRIVILEGE_FIELDS = ("is_superuser", "is_staff", "is_active")


def _privileges(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    before = sender._default_manager.filter(pk=instance.pk).values(*PRIVILEGE_FIELDS).first()
    if before is None:
        return
    changed = {
        name: [before[name], getattr(instance, name)]
        for name in PRIVILEGE_FIELDS
        if before[name] != getattr(instance, name)
    }
    if changed:
        log_event(instance, PRIVILEGES_CHANGED, changes=changed)


connect_permission_signals()


class AuditExportMiddleware:
    """Log every spreadsheet export (`?export=csv|xlsx`) served from the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        export_format = request.GET.get("export", "")
        if (
            export_format in EXPORT_FORMATS
            and response.status_code == 200
            and request.path.startswith("/admin/")
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            log_event(
                request.user,
                EXPORT,
                request,
                user=request.user,
                format=export_format,
                path=request.path[:200],
            )
        return response
