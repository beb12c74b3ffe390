package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each card on the pipeline shows the contact's next scheduled action, from the scheduler. */
class PipelineNextIT {
  @TempDir Path dir;
  DashboardFixture f;

  @BeforeEach
  void start() {
    f = new DashboardFixture(dir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aCardShowsWhatComesNextAndOneWithNothingSaysSo() throws Exception {
    long grace = f.contact("Grace Hopper", "grace@example.org", 1);
    f.contact("Linus Example", "linus@example.org", 3);
    f.app.interviews().done(grace);
    HttpResponse<String> r = f.client().get("/pipeline");
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    String graceCard = body.substring(body.indexOf("Grace Hopper"));
    assertThat(graceCard.substring(0, graceCard.indexOf("</article>")))
        .contains("Next: draft a thank-you, 20");
    String linusCard = body.substring(body.indexOf("Linus Example"));
    assertThat(linusCard.substring(0, linusCard.indexOf("</article>")))
        .contains("Next: nothing scheduled");
  }
}
