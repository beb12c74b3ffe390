package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Employers page keeps the dashboard in step with {@code employers add|list}. */
class EmployersPageIT {
  @TempDir Path dir;

  @Test
  void addsAnEmployerLinksItsContactsAndListsThemInMotivationOrder() throws Exception {
    try (DashboardFixture f = new DashboardFixture(dir, "method: two-hour\n")) {
      f.contact("Grace Hopper", "grace@example.org", 3); // at Acme Health
      DashboardClient client = f.client();
      assertThat(client.get("/").body()).contains("<a href=\"/employers\"");

      HttpResponse<String> added =
          client.post("/employers", Map.of("name", "Acme Health Inc", "motivation", "2"));
      assertThat(added.statusCode()).isEqualTo(303);
      client.post("/employers", Map.of("name", "Dream Co", "motivation", "3", "posting", "yes"));

      String page = client.get("/employers").body();
      assertThat(page)
          .as("motivation 3 first, then the rest")
          .containsSubsequence(
              "<td>Dream Co</td><td>3</td><td>open</td>", "<td>Acme Health Inc</td>");
      assertThat(page).contains("<td>Acme Health Inc</td><td>2</td><td>–</td><td>–</td><td>1</td>");
      assertThat(f.app.employers().list()).hasSize(2);
    }
  }

  @Test
  void withTheMethodOffThePageSaysHowToTurnItOnAndAddingIsRefused() throws Exception {
    try (DashboardFixture f = new DashboardFixture(dir)) {
      DashboardClient client = f.client();
      assertThat(client.get("/").body()).doesNotContain("href=\"/employers\"");
      assertThat(client.get("/employers").body()).contains("method: two-hour");
      client.post("/employers", Map.of("name", "Acme"));
      assertThat(f.app.employers().list()).isEmpty();
    }
  }
}
