from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Sets the Content-Security-Policy of settings.CONTENT_SECURITY_POLICY (no inline script or style)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
