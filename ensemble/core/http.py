from allauth.account.adapter import get_adapter


def client_ip(request) -> str:
    """The client's address, trusting X-Forwarded-For only for TRUSTED_PROXY_COUNT proxies.

    One rule for allauth's login limits and ours (django-ratelimit).
    """
    return get_adapter(request).get_client_ip(request)
