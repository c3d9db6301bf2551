"""Run the web server and the task worker together; Ctrl-C stops both."""

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ensemble.demo.common import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Serve the platform (development server) with a database task worker."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, host, port, **options):
        manage = [sys.executable, "manage.py"]
        # Links in emails point at this server unless a site address is configured.
        env = {**os.environ, "SITE_URL": os.environ.get("SITE_URL") or f"http://{host}:{port}"}
        # Our own manage.py with fixed arguments: nothing comes from outside.
        worker = subprocess.Popen([*manage, "db_worker", "--interval", "1"], env=env)  # noqa: S603
        server = subprocess.Popen(  # noqa: S603
            [*manage, "runserver", f"{host}:{port}", "--noreload"], env=env
        )
        self._announce(host, port)
        children = [server, worker]

        def stop(*_args):
            for child in children:
                if child.poll() is None:
                    child.terminate()

        signal.signal(signal.SIGTERM, stop)
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            stop()
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
        self.stdout.write(_("Stopped the web server and the task worker."))

    def _announce(self, host, port):
        lines = [
            "",
            _("Ensemble is running at http://%(host)s:%(port)s/") % {"host": host, "port": port},
            _("API documentation: http://%(host)s:%(port)s/api/docs")
            % {"host": host, "port": port},
            _("Demo logins (password for all: %(password)s):") % {"password": DEMO_PASSWORD},
        ]
        lines += [f"  {email:<34} {description}" for email, description in DEMO_LOGINS]
        lines += [_("Press Ctrl-C to stop the server and the worker."), ""]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
