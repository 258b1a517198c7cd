from django.urls import path

from . import views

urlpatterns = [path("zone.css", views.zone_css, name="zone_css")]
