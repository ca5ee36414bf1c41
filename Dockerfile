# syntax=docker/dockerfile:1
# salvo in a container:  docker build -t salvo .
#                        docker run --rm -v "$PWD:/scripts" salvo run test.js --out results
# Stage 1 builds the distribution with its own jlink runtime (dsl/src/build/runtime.sh) and
# re-records its AOT cache where the image keeps it, /opt/salvo (the cache holds its paths);
# stage 2 is the image: the distribution, non-root.

FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml ./
COPY engine/pom.xml engine/
COPY dsl/pom.xml dsl/
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=salvo-engine || true
COPY engine engine
COPY dsl dsl
RUN mvn -B -q -DskipTests package \
 && cp -rp dsl/target/salvo /opt/salvo \
 && /opt/salvo/bin/aot-cache

FROM debian:12-slim
# ca-certificates for HTTPS targets; bash for the launcher
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates=* bash=* \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 --user-group salvo \
 && mkdir -p /scripts \
 && chown salvo:salvo /scripts
COPY --from=build /opt/salvo /opt/salvo
COPY docker/salvo-entrypoint /usr/local/bin/salvo
ENV SALVO_HOME=/opt/salvo
USER salvo
WORKDIR /scripts
ENTRYPOINT ["salvo"]
CMD ["--help"]
