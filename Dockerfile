# One image for the whole fleet; docker-compose.yml runs one service per container from it.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package \
 && mkdir -p /out/lib \
 && for svc in gateway storaged catalogd ingestd queryd vectord embedd pathway observerd; do \
      cp "$svc"/target/"$svc"-*-exec.jar /tmp/"$svc".jar \
      && java -Djarmode=tools -jar /tmp/"$svc".jar extract --destination /out/"$svc"; done \
 && cp mcpd/target/mcpd-*.jar /out/lib/ 2>/dev/null || true

FROM eclipse-temurin:21-jre
RUN useradd --system --home /var/lib/lakehouse lakehouse && mkdir -p /var/lib/lakehouse && chown lakehouse /var/lib/lakehouse
# Each service extracted (its jar and lib/ of plain jars), not its exec jar: Spring Boot's nested-jar
# class loader can leave virtual threads that load classes at once waiting for good (docs/OPERATIONS.md).
COPY --from=build /out /opt/lakehouse
USER lakehouse
WORKDIR /var/lib/lakehouse
ENV ORT_DISABLE_TELEMETRY=1
ENV JAVA_TOOL_OPTIONS="-Dspring.aot.enabled=true -Xms64m -XX:+UseSerialGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000 --add-modules jdk.incubator.vector --add-opens=java.base/java.nio=ALL-UNNAMED --enable-native-access=ALL-UNNAMED"
# The service to run is the first argument, e.g. `storaged`.
ENTRYPOINT ["sh", "-c", "exec java -Xmx${LH_HEAP:-256m} -jar /opt/lakehouse/$0/$0.jar --config /etc/lakehouse/lakehouse.toml \"$@\""]
