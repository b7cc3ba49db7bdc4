"""The portal's settings, one module per environment (laid out as cookiecutter-django does).

- `base`: everything shared, read from the environment through `icsportal.environment`.
- `development`: DEBUG on, a fixed development secret key, local hosts. manage.py's default.
- `production`: DEBUG off always; refuses to start without SECRET_KEY and ALLOWED_HOSTS.
  wsgi.py's default; production hosts set DJANGO_SETTINGS_MODULE to it for manage.py too.
- `test`: the production settings with test-only speed-ups. pytest's (pyproject.toml).

Which module runs decides development or production; no environment variable switches it.
"""
