# syntax=docker/dockerfile:1
# salvo in a container:  docker build -t salvo .
#                        docker run --rm -v "$PWD:/scripts" salvo run test.js --out results
# Stage 1 builds the distribution (dsl/target/salvo), stage 2 a small Java runtime with JVMCI
# (docker/jlink-runtime.sh), stage 3 is the image: runtime + distribution, non-root.

FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml ./
COPY engine/pom.xml engine/
COPY dsl/pom.xml dsl/
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=salvo-engine || true
COPY engine engine
COPY dsl dsl
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:25-jdk AS runtime
COPY docker/jlink-runtime.sh /usr/local/bin/
RUN jlink-runtime.sh "$JAVA_HOME" /opt/java

FROM debian:12-slim
# ca-certificates for HTTPS targets; bash for the launcher
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates=* bash=* \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 --user-group salvo \
 && mkdir -p /scripts \
 && chown salvo:salvo /scripts
COPY --from=runtime /opt/java /opt/java
COPY --from=build /src/dsl/target/salvo /opt/salvo
COPY docker/salvo-entrypoint /usr/local/bin/salvo
ENV SALVO_HOME=/opt/salvo SALVO_RUNTIME=/opt/java
USER salvo
WORKDIR /scripts
ENTRYPOINT ["salvo"]
CMD ["--help"]
