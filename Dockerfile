# syntax=docker/dockerfile:1
# salvo in a container:  docker build -t salvo .
#                        docker run --rm -v "$PWD:/scripts" salvo run test.js --out results
# The image holds the native salvo (docs/native.md). Stage 2 builds it as on the machines its tests
# run on: Debian 12, Debian's Maven and gcc, and Temurin 25 (taken from stage 1); the builder needs
# about 10 GB of memory and 10 minutes. `--build-arg SALVO_BUILD=jvm` builds the JVM distribution
# instead (its own jlink runtime, its AOT cache re-recorded where the image keeps it, /opt/salvo):
# a smaller builder, and the fallback where the native build has a gap (docs/native.md).
# Stage 3 is the image: /opt/salvo, non-root.

FROM eclipse-temurin:25.0.3_9-jdk AS jdk

FROM debian:12 AS build
ARG SALVO_BUILD=native
RUN apt-get update \
 && apt-get install -y --no-install-recommends maven=* gcc=* libc6-dev=* binutils=* unzip=* \
 && rm -rf /var/lib/apt/lists/*
# Where the toolchains plugin and the native build look for a JDK 25.
COPY --from=jdk /opt/java/openjdk /usr/lib/jvm/temurin-25-jdk-amd64
WORKDIR /src
COPY pom.xml ./
COPY engine/pom.xml engine/
COPY dsl/pom.xml dsl/
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=salvo-engine || true
COPY engine engine
COPY dsl dsl
RUN mvn -B -q -DskipTests package \
 && if [ "$SALVO_BUILD" = jvm ]; then \
      cp -rp dsl/target/salvo /opt/salvo && /opt/salvo/bin/aot-cache; \
    else \
      dsl/src/build/native.sh && cp -rp dsl/target/salvo-native /opt/salvo; \
    fi

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
