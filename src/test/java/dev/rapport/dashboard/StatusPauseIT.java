package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Status page says when rapport is paused, since nothing goes out then. */
class StatusPauseIT {
  @TempDir Path dir;
  DashboardFixture f;
  DashboardClient client;

  @BeforeEach
  void start() throws Exception {
    f = new DashboardFixture(dir);
    client = f.client();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  String status() throws Exception {
    HttpResponse<String> r = client.get("/status");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void showsThePauseAndItsNoteEscapedThenNoneAfterResume() throws Exception {
    assertThat(status())
        .contains("Paused")
        .doesNotContain("paused since")
        .contains("nothing: follow-ups, thank-yous and keep-in-touch notes appear")
        .contains("Failed jobs");
    f.app.pauses().pause(null, "<b>moving</b> house");
    assertThat(status())
        .contains("paused since")
        .contains("&lt;b&gt;moving&lt;/b&gt; house")
        .doesNotContain("<b>moving</b>");
    f.app.pauses().resume();
    assertThat(status()).doesNotContain("paused since");
  }
}
