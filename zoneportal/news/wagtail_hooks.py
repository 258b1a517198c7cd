from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsTopic


class NewsTopicViewSet(SnippetViewSet):
    """Snippets > News topics: the name of each news tag, translated per language."""

    model = NewsTopic
    icon = "tag"
    menu_label = _("News topics")
    list_display = ["name", "tag", "locale"]
    search_fields = ["name"]


register_snippet(NewsTopicViewSet)
