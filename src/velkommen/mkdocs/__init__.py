"""The thin MkDocs layer: the `velkommen` plugin wires MkDocs events to the stages; nothing else imports MkDocs."""
