# Production image of the IMIS-FHIR server.
#   docker build -t imis-fhir .
#   docker run -p 8080:8080 -e SPRING_PROFILES_ACTIVE=postgres \
#     -e IMIS_DB_URL=jdbc:postgresql://db:5432/imis -e IMIS_DB_USER=imis -e IMIS_DB_PASSWORD=secret \
#     -e IMIS_SECURITY_ISSUER_URI=https://keycloak.example.org/realms/imis imis-fhir
# (the server refuses to start without a token issuer; see docs/security.md)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY server/pom.xml server/pom.xml
COPY bench/pom.xml bench/pom.xml
RUN ./mvnw -B -q -pl server -am dependency:go-offline
COPY profiles/ profiles/
COPY terminology/ terminology/
COPY server/src/ server/src/
RUN ./mvnw -B -q -pl server -am package -DskipTests \
 && cp server/target/imis-fhir-server-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system imis && useradd --system --gid imis --home-dir /opt/imis imis \
 && mkdir -p /opt/imis/data && chown -R imis:imis /opt/imis
WORKDIR /opt/imis
COPY --from=build /src/app.jar app.jar
USER imis
ENV IMIS_DATA_DIR=/opt/imis/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /opt/imis/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/opt/imis/app.jar"]
