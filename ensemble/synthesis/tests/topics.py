"""Three topics, four words each: the fake encoders (conftest) group them apart."""

TOPICS = [
    ("vitesse voitures école ralentir", "Les voitures roulent vite devant l'école, ralentir"),
    ("piste vélo cyclable boulevard", "Une piste cyclable protégée pour les vélos"),
    ("arbres ombre parc verdure", "Planter des arbres pour l'ombre dans le parc"),
]
