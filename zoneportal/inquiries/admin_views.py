"""The Inquiries area of the Wagtail admin (officers only).

One `ModelViewSet` registers every URL of the area: the list (filters, search,
sorting, overdue rows marked), the detail page with the history and the forms to
assign, change the status, add a note and reply, the exports, delete, the audit
history and the privacy tools. Each view checks the `InquiryPermissionPolicy`
before it touches an inquiry. There is no add or edit form: inquiries come from
the public form, and what officers change goes through `workflow.py`.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.ui.tables import Column, DateColumn, Table, TitleColumn
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from . import exports, privacy, workflow
from .filters import InquiryFilterSet, country_name
from .models import Inquiry, InquiryEvent
from .permissions import inquiry_permission_policy
from .service_levels import due


class PermissionFirstMixin:
    """Check the permission before `setup` loads anything.

    Wagtail's generic views load the object in `setup` and check permissions later in
    `dispatch`, so a guessed id would answer 404 where a real one answers 403. Here
    both answer the same refusal.
    """

    def setup(self, request, *args, **kwargs):
        self.request = request
        if self.permission_required is not None and not self.user_has_permission(
            self.permission_required
        ):
            raise PermissionDenied
        if self.any_permission_required is not None and not self.user_has_any_permission(
            self.any_permission_required
        ):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)


# --- List ----------------------------------------------------------------------------


class InquiryTable(Table):
    """Overdue rows carry a class (for the colour) and the word "Overdue" in a cell."""

    def get_row_classname(self, instance):
        return "inquiry-overdue" if instance.due.is_overdue else ""

    def get_row_attrs(self, instance):
        attrs = super().get_row_attrs(instance)
        attrs["data-inquiry"] = instance.pk
        if instance.due.is_overdue:
            attrs["data-overdue"] = "true"
        return attrs


class DueColumn(Column):
    cell_template_name = "inquiries/admin/due_cell.html"

    def get_value(self, instance):
        return instance.due


class CountryColumn(Column):
    def get_value(self, instance):
        return country_name(instance.country)


class OwnerColumn(Column):
    def get_value(self, instance):
        owner = instance.owner
        return (owner.get_full_name() or owner.get_username()) if owner else _("Unassigned")


class InquiryIndexView(PermissionFirstMixin, IndexView):
    any_permission_required = ["view"]
    table_class = InquiryTable
    filterset_class = InquiryFilterSet
    search_fields = ["reference", "name", "organisation", "email", "message"]
    search_backend_name = None
    default_ordering = "-created_at"
    list_export = []
    page_title = _("Inquiries")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Exports have their own view and permission, never the list's ?export=.
        self.is_export = False

    def get_base_queryset(self):
        return Inquiry.objects.select_related("owner")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label=_("Reference"),
                sort_key="reference",
                get_url=self.get_inspect_url,
            ),
            Column("name", label=_("Name"), sort_key="name"),
            Column("organisation", label=_("Organisation"), sort_key="organisation"),
            CountryColumn("country", label=_("Country"), sort_key="country"),
            Column("industry_name", label=_("Industry"), sort_key="industry_name"),
            Column(
                "reply_language",
                label=_("Language"),
                accessor="get_reply_language_display",
                sort_key="reply_language",
            ),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            OwnerColumn("owner", label=_("Owner"), sort_key="owner__username"),
            DateColumn("created_at", label=_("Received"), sort_key="created_at"),
            DueColumn("due", label=_("Service level")),
        ]

    def get_inspect_url(self, instance):
        return reverse("inquiry:inspect", args=[instance.pk])

    def get_table(self, object_list):
        now = timezone.now()
        object_list = list(object_list)
        for inquiry in object_list:
            inquiry.due = due(inquiry, now)
        return super().get_table(object_list)

    @cached_property
    def header_more_buttons(self):
        from wagtail.admin.widgets.button import Button

        buttons = []
        if inquiry_permission_policy.user_has_permission(self.request.user, "export"):
            query = self.request.GET.urlencode()
            for fmt, label in (("xlsx", _("Download XLSX")), ("csv", _("Download CSV"))):
                url = reverse("inquiry:export", args=[fmt]) + (f"?{query}" if query else "")
                buttons.append(Button(label, url=url, icon_name="download", priority=90))
        if inquiry_permission_policy.user_has_permission(self.request.user, "erase_personal_data"):
            buttons.append(
                Button(
                    _("Personal data"),
                    url=reverse("inquiry:privacy"),
                    icon_name="user",
                    priority=100,
                )
            )
        return buttons


class InquiryExportView(InquiryIndexView):
    """The list as CSV or XLSX, with the same filters, search and sorting (all pages)."""

    any_permission_required = None
    permission_required = "export"

    def get(self, request, *args, **kwargs):
        fmt = kwargs["format"]
        if fmt not in ("csv", "xlsx"):
            raise Http404
        queryset = self.get_queryset()
        response = (
            exports.xlsx_response(queryset) if fmt == "xlsx" else exports.csv_response(queryset)
        )
        for inquiry in queryset.select_related(None).only("pk", "reference"):
            log(inquiry, "inquiries.export", user=request.user, data={"format": fmt})
        return response


# --- Detail and actions --------------------------------------------------------------


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = inquiry_permission_policy.users_with_permission(
            "change"
        ).order_by("first_name", "last_name", "username")
        self.fields["owner"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Inquiry.Status.choices)

    def __init__(self, *args, inquiry=None, **kwargs):
        super().__init__(*args, **kwargs)
        if inquiry is not None:
            allowed = workflow.allowed_statuses(inquiry)
            self.fields["status"].choices = [
                choice for choice in Inquiry.Status.choices if choice[0] in allowed
            ]


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}))
    follow_up = forms.BooleanField(
        label=_("This note records the follow-up with the investor"), required=False
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Sent in the investor's reply language, between a greeting and a sign-off, "
            "with the reference in the subject."
        ),
    )


class InquiryInspectView(PermissionFirstMixin, InspectView):
    any_permission_required = ["view"]
    template_name = "inquiries/admin/inspect.html"
    page_title = _("Inquiry")

    def get_object(self, queryset=None):
        return get_object_or_404(Inquiry.objects.select_related("owner", "industry"), pk=self.pk)

    def get_fields(self):
        return []

    def get(self, request, *args, **kwargs):
        log(self.object, "inquiries.view", user=request.user)
        return super().get(request, *args, **kwargs)

    @cached_property
    def header_more_buttons(self):
        from wagtail.admin.widgets.button import Button

        buttons = [
            Button(
                _("Audit history"),
                url=reverse("inquiry:history", args=[self.object.pk]),
                icon_name="history",
                priority=10,
            )
        ]
        if self.user_has_permission("delete"):
            buttons.append(
                Button(
                    _("Delete"),
                    url=reverse("inquiry:delete", args=[self.object.pk]),
                    icon_name="bin",
                    priority=20,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = self.object
        can_change = self.user_has_permission("change") and not inquiry.anonymised_at
        context.update(
            inquiry=inquiry,
            due=due(inquiry),
            country=country_name(inquiry.country),
            events=inquiry.events.select_related("actor"),
            emails=inquiry.emails.all(),
            can_change=can_change,
            assign_form=AssignForm(initial={"owner": inquiry.owner_id or self.request.user.pk})
            if can_change and inquiry.status in workflow.CAN_ASSIGN
            else None,
            status_form=StatusForm(inquiry=inquiry)
            if can_change and workflow.allowed_statuses(inquiry)
            else None,
            note_form=NoteForm() if can_change else None,
            reply_form=ReplyForm() if can_change and inquiry.status in workflow.CAN_REPLY else None,
            event_kinds=InquiryEvent.Kind,
        )
        return context


class InquiryActionView(PermissionFirstMixin, PermissionCheckedMixin, FormView):
    """POST-only: validate a form, run one workflow function, go back to the detail page."""

    model = Inquiry
    permission_required = "change"
    http_method_names = ["post"]
    action = ""
    form_class = forms.Form

    @cached_property
    def inquiry(self):
        return get_object_or_404(Inquiry, pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("inquiry:inspect", args=[self.inquiry.pk])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), **self.extra_form_kwargs()}

    def extra_form_kwargs(self):
        return {}

    def form_valid(self, form):
        try:
            message = self.perform(form.cleaned_data)
        except workflow.WorkflowError as error:
            messages.error(self.request, str(error))
        else:
            log(self.inquiry, f"inquiries.{self.action}", user=self.request.user)
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        errors = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(self.request, errors or _("The form was not valid."))
        return HttpResponseRedirect(self.get_success_url())


class AssignView(InquiryActionView):
    action = "assign"
    form_class = AssignForm

    def perform(self, data):
        workflow.assign(self.inquiry, data["owner"], by=self.request.user)
        return _("Inquiry %(reference)s assigned.") % {"reference": self.inquiry}


class StatusView(InquiryActionView):
    action = "status"
    form_class = StatusForm

    def perform(self, data):
        workflow.change_status(self.inquiry, data["status"], by=self.request.user)
        return _("Status of %(reference)s changed to “%(status)s”.") % {
            "reference": self.inquiry,
            "status": Inquiry.Status(data["status"]).label,
        }


class NoteView(InquiryActionView):
    action = "note"
    form_class = NoteForm

    def perform(self, data):
        workflow.add_note(
            self.inquiry, data["text"], by=self.request.user, follow_up=data["follow_up"]
        )
        return _("Note added.")


class ReplyView(InquiryActionView):
    action = "reply"
    form_class = ReplyForm

    def perform(self, data):
        workflow.reply(self.inquiry, data["text"], by=self.request.user)
        return _("Reply to %(reference)s queued for sending.") % {"reference": self.inquiry}


class InquiryDeleteView(PermissionFirstMixin, DeleteView):
    permission_required = "delete"


class InquiryHistoryView(PermissionFirstMixin, HistoryView):
    any_permission_required = ["view"]


# --- Privacy tools -------------------------------------------------------------------


class EmailAddressForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))


class PrivacyView(
    PermissionFirstMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView
):
    """Find everything held on one email address; export it as JSON or erase it."""

    model = Inquiry
    permission_required = "erase_personal_data"
    template_name = "inquiries/admin/privacy.html"
    form_class = EmailAddressForm
    page_title = _("Personal data")
    header_icon = "user"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("inquiry:index"), "label": _("Inquiries")},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "email" in self.request.GET:
            kwargs["data"] = self.request.GET
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        context = self.get_context_data(form=form)
        if form.is_bound and form.is_valid():
            data = privacy.find(form.cleaned_data["email"])
            privacy.audit(data, "inquiries.personal_data_find", request.user)
            context["found"] = data
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        form = EmailAddressForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = privacy.find(form.cleaned_data["email"])
        if request.POST.get("action") == "export":
            privacy.audit(data, "inquiries.personal_data_export", request.user)
            response = HttpResponse(
                json.dumps(privacy.export(data), ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            return response
        if request.POST.get("action") == "erase" and request.POST.get("confirm"):
            count = privacy.erase(data, by=request.user)
            messages.success(
                request,
                _("Personal data erased: %(count)s inquiries anonymised.") % {"count": count},
            )
            return HttpResponseRedirect(reverse("inquiry:privacy"))
        messages.error(request, _("Tick the confirmation box to erase."))
        return HttpResponseRedirect(
            reverse("inquiry:privacy") + "?" + request.POST.urlencode().split("&action")[0]
        )


# --- The viewset ---------------------------------------------------------------------


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    url_prefix = "inquiries"
    icon = "mail"
    menu_label = _("Inquiries")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    index_view_class = InquiryIndexView
    inspect_view_class = InquiryInspectView
    delete_view_class = InquiryDeleteView
    history_view_class = InquiryHistoryView
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        # No add or edit views: the public form creates inquiries, workflow.py changes them.
        view_kwargs["add_url_name"] = None
        view_kwargs["edit_url_name"] = None
        view_kwargs["usage_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("export/<str:format>/", self._export_view, name="export"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/assign/", AssignView.as_view(), name="assign"),
            path("<int:pk>/status/", StatusView.as_view(), name="status"),
            path("<int:pk>/note/", NoteView.as_view(), name="note"),
            path("<int:pk>/reply/", ReplyView.as_view(), name="reply"),
            path("<int:pk>/delete/", self.delete_view, name="delete"),
            path("<int:pk>/history/", self.history_view, name="history"),
            path(
                "<int:pk>/history/results/",
                self.history_results_view,
                name="history_results",
            ),
            path("personal-data/", PrivacyView.as_view(), name="privacy"),
        ]

    @property
    def _export_view(self):
        return self.construct_view(InquiryExportView, **self.get_index_view_kwargs())

    @property
    def url_finder_class(self):
        """Site history and other reports link to the detail page (there is no edit view)."""
        from wagtail.admin.admin_url_finder import ModelAdminURLFinder

        class InquiryURLFinder(ModelAdminURLFinder):
            edit_url_name = self.get_url_name("inspect")

            def get_edit_url(self, instance):
                if self.user and not inquiry_permission_policy.user_has_permission(
                    self.user, "view"
                ):
                    return None
                return self.construct_edit_url(instance)

        return InquiryURLFinder

    @property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class InquiriesMenuItem(MenuItem):
            def is_shown(self, request):
                return inquiry_permission_policy.user_has_permission(request.user, "view")

        return InquiriesMenuItem


inquiry_viewset = InquiryViewSet("inquiry")
