"""Static files served pre-compressed: app.css.gz is sent for app.css when the browser takes gzip."""

import mimetypes
import os

from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope


class PrecompressedStaticFiles(StaticFiles):
    """StaticFiles that prefers a ready-made .gz beside the file (built by frontend/build.sh)."""

    def file_response(
        self,
        full_path: "os.PathLike[str] | str",
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        request_headers = Headers(scope=scope)
        compressed = f"{full_path}.gz"
        if "gzip" not in request_headers.get("accept-encoding", "") or not os.path.isfile(compressed):
            response = super().file_response(full_path, stat_result, scope, status_code)
            response.headers["vary"] = "Accept-Encoding"
            return response
        media_type = mimetypes.guess_type(str(full_path))[0] or "application/octet-stream"
        response = FileResponse(compressed, status_code=status_code, media_type=media_type)
        response.headers["content-encoding"] = "gzip"
        response.headers["vary"] = "Accept-Encoding"
        if self.is_not_modified(response.headers, request_headers):
            return super().file_response(full_path, stat_result, scope, status_code)
        return response
