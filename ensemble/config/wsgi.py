import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ensemble.config.settings.production")
application = get_wsgi_application()
# Everything loaded so far (Django, the apps, the registries, the templates' libraries)
# lives as long as the process: moved out of the collector's reach, so that the full
# collections that requests trigger no longer walk it (10-30 % of a render from scratch,
# measured on the projects pages); with gunicorn's --preload, its workers also keep sharing
# those memory pages after the fork.
gc.freeze()
