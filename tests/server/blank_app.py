"""The service's app on a blank English pipeline, for tests of the server around it (no model to load)."""
import spacy

from service.app import create_app
from service.cache import InMemoryCache

app = create_app({}, nlp=spacy.blank("en"), cache=InMemoryCache())
