"""Reference-index updates for inline child rows are queued for their parent.

Wagtail records what each page refers to (its "usage" counts) in the ReferenceIndex.
Its post_save handler queues `update_reference_index_task(app, model, pk)` for every
saved object, inline child rows included (a news article's related links), and the
task looks the row up by primary key before indexing its parent.

wagtail-localize replaces the inline rows of a relation that is not translatable
(`copy_synchronised_fields` copies them with no primary key, so modelcluster deletes
the old rows and inserts new ones) when it creates or syncs a translation: creating a
translation saves the rows twice, and the first ones are gone at commit. Run at once
(ImmediateBackend) the task still found them; run later by `db_worker`, every task
queued for a replaced row failed with `NewsArticleRelatedLink.DoesNotExist`, and the
translated page's references were recorded only by the page's own task.

So for models with a ParentalKey, Wagtail's handler is swapped for one that queues
the same task for the parent object, which outlives its rows; the task indexes the
parent anyway. This app is listed after "wagtail" in INSTALLED_APPS: Wagtail connects
its handlers in its own `ready()` and again after every `migrate`.
"""

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from modelcluster.fields import ParentalKey


def _parental_key(model):
    return next((f for f in model._meta.get_fields() if isinstance(f, ParentalKey)), None)


def update_parent_reference_index_on_save(instance, **kwargs):
    """post_save of an inline child row: queue the reference-index update of its parent."""
    from wagtail.signal_handlers import reference_index_auto_update_disabled
    from wagtail.tasks import update_reference_index_task

    if kwargs.get("raw", False) or getattr(reference_index_auto_update_disabled, "value", False):
        return
    key = _parental_key(type(instance))
    parent_pk = getattr(instance, key.attname)
    if parent_pk is None:
        return  # no parent: nothing to record references against
    parent = key.related_model._meta
    update_reference_index_task.enqueue(parent.app_label, parent.model_name, str(parent_pk))


def queue_child_updates_for_parents(**_kwargs) -> None:
    """Swap Wagtail's save handler for the parent-queuing one on every tracked child model."""
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import update_reference_index_on_save

    for model in ReferenceIndex.tracked_models:
        if _parental_key(model) is None:
            continue
        post_save.disconnect(update_reference_index_on_save, sender=model)
        post_save.connect(update_parent_reference_index_on_save, sender=model)


class ReferenceIndexConfig(AppConfig):
    name = "zoneportal.core.reference_index"
    label = "zp_reference_index"
    verbose_name = "Reference index updates"

    def ready(self):
        queue_child_updates_for_parents()
        # Wagtail reconnects its handlers after migrate; swap them again afterwards.
        post_migrate.connect(queue_child_updates_for_parents, dispatch_uid="zp-ref-index-children")
