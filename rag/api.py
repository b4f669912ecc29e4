"""``POST /v1/ask``: the JSON API beside the chat page, for programs (mounted by rag.ui.serve)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from starlette.requests import Request

from .errors import RagError
from .web import check_request, make_filters

if TYPE_CHECKING:  # the page's service, whose checks, generators and rate limit the API shares
    from .ui import ChatService

MAX_BODY_BYTES = 16_384  # a question and its options; anything larger is not a question
MAX_IN_FLIGHT = 64  # questions the JSON API holds at once (waiting or being answered); past that, "busy"
ANSWERING = 2  # answered at the same time: about one per core; more only share the interpreter's lock
MAX_WAIT_S = 10.0  # a question that has waited this long for its turn is told to retry instead


class JsonApi:
    """``POST /v1/ask``: the JSON answer of `rag ask --json`, for programs.

    Beside the page's own API (which goes through Gradio's queue and its polling), this route
    answers in one request. It checks what it is sent as the page does, asks for the same logins
    (HTTP Basic) and applies the same per-client rate limit. Questions are answered ``ANSWERING``
    at a time, first come first served: on two cores more at once would only take turns on the
    interpreter's lock, and every question would finish late rather than most finishing early.
    When ``in_flight`` questions are already held, or one has waited ``MAX_WAIT_S``, the reply is
    "busy" with Retry-After, so a flood never leaves a client hanging.
    """

    def __init__(self, service: ChatService, logins: list[tuple[str, str]] | None = None,
                 in_flight: int = MAX_IN_FLIGHT, answering: int = ANSWERING):
        self.service, self.logins = service, list(logins or [])
        self._slots = threading.BoundedSemaphore(in_flight)
        self.answering = answering
        self._turns = None  # an asyncio semaphore, made in the server's event loop

    def user(self, header: str | None) -> str | None:
        """The login in an ``Authorization: Basic`` header when it is one of the logins, else None."""
        import base64
        import binascii
        import secrets

        scheme, _, value = (header or "").partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            user, _, password = base64.b64decode(value, validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        ok = False
        for name, secret in self.logins:  # every pair compared, in constant time, so timing tells nothing
            ok |= secrets.compare_digest(name.encode(), user.encode()) & secrets.compare_digest(
                secret.encode(), password.encode())
        return user if ok else None

    @staticmethod
    def _error(status: int, message: str, **headers):
        from fastapi.responses import JSONResponse

        return JSONResponse({"error": message}, status_code=status, headers=headers or None)

    async def ask(self, request: Request):
        from starlette.concurrency import run_in_threadpool

        client = request.client.host if request.client else "?"
        if self.logins:
            user = self.user(request.headers.get("authorization"))
            if user is None:
                return self._error(401, "a login is required", **{"WWW-Authenticate": 'Basic realm="rag"'})
            client = user
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return self._error(413, f"the request is larger than {MAX_BODY_BYTES} bytes")
        try:
            import json

            data = json.loads(body or b"{}")
            if not isinstance(data, dict) or not isinstance(data.get("question"), str):
                raise RagError('send a JSON object with a "question" (text)')
            unknown = set(data) - {"question", "k", "mode", "generator", "sources", "since", "until"}
            if unknown:
                raise RagError(f"unknown field(s): {', '.join(sorted(unknown))}")
            sources = data.get("sources", [])
            if not isinstance(sources, list) or not all(isinstance(x, str) for x in sources) or len(sources) > 100:
                raise RagError("sources must be a list of at most 100 article paths")
            config = self.service.pipeline.config
            checked = check_request(data.get("mode", config.mode), data.get("k", config.k),
                                    data.get("generator", config.generator), self.service.generators)
            filters = make_filters(sources, str(data.get("since") or ""), str(data.get("until") or ""))
            self.service.limiter.check(client)
        except (ValueError, RagError) as exc:
            message = str(exc)
            return self._error(429 if message.startswith("busy") else 400, message)
        busy = self._error(503, "busy: too many questions at once; retry in a second", **{"Retry-After": "1"})
        if not self._slots.acquire(blocking=False):
            return busy
        import asyncio

        try:
            self._turns = self._turns or asyncio.Semaphore(self.answering)
            try:
                await asyncio.wait_for(self._turns.acquire(), MAX_WAIT_S)
            except TimeoutError:
                return busy
            try:
                mode, k, generator = checked
                answer = await run_in_threadpool(self.service.answer_json, data["question"], k, mode, generator,
                                                 filters)
            finally:
                self._turns.release()
        except RagError as exc:
            return self._error(400, str(exc))
        finally:
            self._slots.release()
        from fastapi.responses import JSONResponse

        return JSONResponse(answer)

    def mount(self, server_app) -> None:
        server_app.add_api_route("/v1/ask", self.ask, methods=["POST"], include_in_schema=False)
