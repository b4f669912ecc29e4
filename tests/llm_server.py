"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1, for tests.

Each request takes the next step of the script: a reply text (sent streamed or
not, as the request asks), an HTTP error, a delay, or a malformed body. Every
request body is recorded.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ScriptedLLM:
    def __init__(self):
        self.script: list[dict] = []
        self.requests: list[dict] = []
        self.default = {"reply": "The articles don't say."}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                server.requests.append({"path": self.path, "body": body,
                                        "auth": self.headers.get("Authorization")})
                step = server.script.pop(0) if server.script else server.default
                time.sleep(step.get("delay", 0))
                if not self.path.endswith("/chat/completions"):
                    return self._send(404, {"error": {"message": "not found"}})
                if "status" in step:
                    return self._send(step["status"], {"error": {"message": "scripted failure", "type": "server"}})
                if "raw" in step:
                    data = step["raw"].encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if body.get("stream"):
                    return self._stream(step["reply"], body.get("model", "m"), step.get("stall_after"),
                                        step.get("stall", 0))
                return self._send(200, {
                    "id": "cmpl-1", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": step["reply"]}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

            def _send(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, reply, model, stall_after=None, stall=0):
                """Stream ``reply`` word by word; after ``stall_after`` words, stop for ``stall`` seconds."""
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = reply.split(" ")
                for i, word in enumerate(words):
                    if i == stall_after:
                        time.sleep(stall)
                    piece = word + (" " if i < len(words) - 1 else "")
                    chunk = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": model,
                             "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                end = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": model,
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


if __name__ == "__main__":  # python tests/llm_server.py REPLY  -> serve until interrupted
    import sys

    llm = ScriptedLLM()
    llm.default = {"reply": " ".join(sys.argv[1:]) or "The articles don't say."}
    with llm:
        print(llm.url, flush=True)
        threading.Event().wait()
