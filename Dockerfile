# feelalike: one image for the build job and the API (see docker-compose.yml).
FROM python:3.11-slim

# ffmpeg and libsndfile for the audio extra (decoding audio files to analyse them)
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg libsndfile1 \
    && rm -rf /var/lib/apt/lists/*

# a non-root user owning the data home; /music and /datasets are mounted read-only
RUN useradd --create-home --uid 10001 --user-group feelalike \
    && mkdir -p /var/lib/feelalike /music /datasets \
    && chown feelalike:feelalike /var/lib/feelalike

WORKDIR /app
# dependencies first, at the exact versions of constraints.txt (pip freeze style, made by
# scripts/pin_constraints.py): this layer is rebuilt only when the pins change
COPY constraints.txt ./
RUN pip install --no-cache-dir -r constraints.txt
# then the code, without resolving anything again
COPY pyproject.toml README.md ./
COPY service ./service
COPY models ./models
COPY data ./data
RUN pip install --no-cache-dir --no-deps . && pip check

ENV FEELALIKE_DATA_HOME=/var/lib/feelalike \
    FEELALIKE_DATASET_MIRRORS=/datasets \
    FEELALIKE_HOST=0.0.0.0 \
    PYTHONUNBUFFERED=1
USER feelalike
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]
# workers, threads, timeouts and limits from FEELALIKE_ settings (service/gunicorn_conf.py)
CMD ["gunicorn", "-c", "python:service.gunicorn_conf", "service.wsgi:app"]
