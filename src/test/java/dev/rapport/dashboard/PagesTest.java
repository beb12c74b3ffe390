package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesTest {
  private final Pages pages = new Pages();

  private Map<String, Object> layout(String title) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", title);
    m.put("active", "status");
    m.put("csrf", "t0k3n");
    m.put("csrfField", "csrf");
    m.put("sandbox", true);
    return m;
  }

  @Test
  void recordsReadAsPropertiesAndTextIsEscaped() {
    Map<String, Object> m = layout("<b>Status</b>");
    m.put(
        "sections",
        List.of(
            new StatusPage.Section(
                "Mail", List.of(new StatusPage.Row("You", "<script>alert(1)</script>")))));
    String html = pages.render("status.ftlh", m);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Status&lt;/b&gt;");
    assertThat(html).doesNotContain("<script");
  }
}
