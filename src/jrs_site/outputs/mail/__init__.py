"""The e-mail edition: an edition and a language in, an HTML body and its plain-text part out,
ready for a mailing tool (Brevo, Mailchimp, listmonk). Knows nothing of MkDocs or click."""

from jrs_site.outputs.mail.edition import (
    UNSUBSCRIBE,
    Email,
    edition_email,
    write_emails,
)
from jrs_site.outputs.mail.text import plain_text

__all__ = [
    "UNSUBSCRIBE",
    "Email",
    "edition_email",
    "plain_text",
    "write_emails",
]
