package salvo.peers;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The peers benchmark's scenario for Gatling: {@code users} users started at once, each looping
 * one GET of {@code baseUrl} with a status check on its own keep-alive connection (a closed
 * model, like the other tools' 50 connections), for {@code durationSeconds} seconds.
 */
public class GetSimulation extends Simulation {
  private static final String BASE_URL = System.getProperty("baseUrl");
  private static final int USERS = Integer.getInteger("users", 50);
  private static final int DURATION_S = Integer.getInteger("durationSeconds", 10);

  private final ScenarioBuilder get = scenario("get")
      .forever()
      .on(exec(http("get").get(BASE_URL).check(status().is(200))));

  {
    setUp(get.injectOpen(atOnceUsers(USERS)))
        .protocols(http.disableCaching())
        .maxDuration(Duration.ofSeconds(DURATION_S));
  }
}
