# The dipgraph API. Used by docker-compose.yml (service "api"); the graph lives in the "neo4j" service.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY . .
RUN pip install . && useradd --create-home --uid 10001 dipgraph

USER dipgraph
WORKDIR /home/dipgraph
EXPOSE 8000
CMD ["dipgraph", "serve", "--host", "0.0.0.0"]
