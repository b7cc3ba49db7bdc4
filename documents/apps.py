"""The documents app sits low, on core only: documents are records that others point at
(publications, meeting papers and minutes). It imports no other domain app."""

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Documents: files and links"
