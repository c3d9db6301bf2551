"""Home pages: the network home, a territory's home and a person's profile.

A composition app: each page gathers what several apps know (territories,
activity, consultations, offers), so it sits above all of them and none of them
needs to import another to draw a home page.
"""
