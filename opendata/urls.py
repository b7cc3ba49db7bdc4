"""/api/v1/: the index, each data set as .json and .csv, the schema and its documentation."""

from django.urls import path

from opendata import views
from opendata.datasets import DATASETS

app_name = "opendata"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(), name="docs"),
]

for dataset in DATASETS:
    json_view, csv_view = views.dataset_views(dataset)
    urlpatterns += [
        path(f"{dataset.name}.json", json_view, name=f"{dataset.name}-json"),
        path(f"{dataset.name}.csv", csv_view, name=f"{dataset.name}-csv"),
    ]
