"""Keep StreamField data in Wagtail's current storage format.

Wagtail still reads list blocks stored the old way (a bare list of values), but
wagtail-localize only extracts list items stored the current way (each item a dict
with a type, a value and a stable id): items of an old-format list are never offered
to translators and stay in the source language on every translated page. The page
editor always saves the current format; content written by code (the demo, imports,
scripts) may not, so pages re-encode their stream fields on save. Re-encoding data
that is already current changes nothing (ids are kept).
"""

from wagtail.fields import StreamField


def normalise_stream_fields(instance) -> None:
    """Re-encode every StreamField of `instance` through its blocks (current format, ids)."""
    for field in instance._meta.concrete_fields:
        if not isinstance(field, StreamField):
            continue
        value = getattr(instance, field.attname)
        if value is None:
            continue
        for _child in value:  # binds every child, so get_prep_value re-encodes them all
            pass
        setattr(instance, field.attname, field.stream_block.get_prep_value(value))
