# Production image: small, non-root, migrations then uvicorn with several workers.
# Configure with environment variables (see README): DATABASE_URL, SECRET_KEY, ...
FROM python:3.11-slim
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ENVIRONMENT=production \
    SECURE_COOKIES=true \
    WEB_CONCURRENCY=4
RUN useradd --system --uid 10001 --home-dir /srv/checkin checkin
WORKDIR /srv/checkin
COPY pyproject.toml constraints.txt ./
COPY app ./app
# Editable install: the code, templates and static files stay together under /srv/checkin.
RUN python -m venv /opt/venv \
    && pip install --no-cache-dir --upgrade pip \
    && pip install --no-cache-dir -c constraints.txt -e . \
    && pybabel compile -d app/translations -D messages
COPY templates ./templates
COPY static ./static
COPY migrations ./migrations
COPY alembic.ini ./
USER checkin
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["sh", "-c", "checkin db upgrade && exec checkin serve --host 0.0.0.0 --port 8000 --workers ${WEB_CONCURRENCY}"]
