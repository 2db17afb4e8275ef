FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
COPY models ./models
COPY data ./data
RUN pip install --no-cache-dir '.[serve,parquet]'
ENV FEELALIKE_DATA_HOME=/var/lib/feelalike FEELALIKE_HOST=0.0.0.0
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--threads", "4", "service.wsgi:app"]
