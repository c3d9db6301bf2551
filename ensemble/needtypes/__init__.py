"""Need and offer types: the vocabulary shared by projects (needs) and actors (offers).

It sits below both apps so that neither imports the other to learn what
"volunteers" or "funding" means. A type is one class registered in
`types.need_types`; pages, forms, matching and the API ask it what a kind
means and how a need or an offer of that kind is validated.
"""
