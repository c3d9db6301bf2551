"""What the knowledge base plugs into the apps below it (autodiscovered by core at start-up)."""

from ensemble.activity.sources import register as register_feed_source
from ensemble.activity.verbs import register as register_verb
from ensemble.resources.activity import FEED_SOURCE, VERB
from ensemble.resources.search import ResourceProvider
from ensemble.search.documents import register as register_search

register_search(ResourceProvider())
register_verb(VERB)
register_feed_source(FEED_SOURCE)

# A draft resource's attachments are seen by those who see the resource.
from ensemble.core.media import ProtectedMedia  # noqa: E402
from ensemble.core.media import register as register_protected_media  # noqa: E402

register_protected_media(
    ProtectedMedia(
        prefix="resources/", model="resources.Attachment", field="file",
        view_perm="resources.view_resource", owner=lambda attachment: attachment.resource,
    )
)  # fmt: skip
