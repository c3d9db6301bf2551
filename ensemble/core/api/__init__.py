"""API plumbing shared by every app's endpoints: auth, errors, pagination, rate limits."""
