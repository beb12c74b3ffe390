package dev.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LineRangesTest {
  @Test
  void writesRunsAsRanges() {
    List<Integer> lines =
        Stream.of(IntStream.rangeClosed(5, 9), IntStream.of(12), IntStream.rangeClosed(15, 300))
            .flatMapToInt(s -> s)
            .boxed()
            .toList();
    assertThat(LineRanges.of(lines, 10)).isEqualTo("5-9, 12, 15-300");
  }

  @Test
  void cutsALongListWithAnEllipsis() {
    assertThat(LineRanges.of(List.of(1, 3, 5, 7, 9), 3)).isEqualTo("1, 3, 5, …");
  }

  @Test
  void writesOneLineAlone() {
    assertThat(LineRanges.of(List.of(42), 3)).isEqualTo("42");
  }
}
