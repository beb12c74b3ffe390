package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionsTest {
  @Test
  void lookingUpAnUnknownIdCreatesNothingAndForgetsNobody() {
    Sessions sessions = new Sessions();
    Sessions.Session owner = sessions.create();
    for (int i = 0; i < 10 * Sessions.MAX; i++) assertThat(sessions.find("bogus" + i)).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
    assertThat(sessions.find(owner.id)).containsSame(owner);
  }

  @Test
  void pastTheCapTheLeastRecentlyUsedIsForgotten() {
    Sessions sessions = new Sessions();
    List<Sessions.Session> made = new ArrayList<>();
    for (int i = 0; i < Sessions.MAX; i++) made.add(sessions.create());
    sessions.find(made.get(0).id); // used again: now the most recent
    sessions.create();
    assertThat(sessions.find(made.get(0).id)).isPresent();
    assertThat(sessions.find(made.get(1).id)).isEmpty();
    assertThat(made.get(2).id).isNotEqualTo(made.get(3).id).hasSize(48);
  }
}
