package dev.rapport.draft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhrasesTest {
  @Test
  void aHypothesisPlacedMidSentenceLosesItsFirstCapital() {
    assertThat(Phrases.midSentence("Product management in health tech"))
        .isEqualTo("product management in health tech");
    assertThat(Phrases.midSentence("  Data science ")).isEqualTo("data science");
    assertThat(Phrases.midSentence("product management")).isEqualTo("product management");
  }

  @Test
  void namesAndAcronymsKeepTheirCapitals() {
    assertThat(Phrases.midSentence("AI in health")).isEqualTo("AI in health");
    assertThat(Phrases.midSentence("UX research at a large company"))
        .isEqualTo("UX research at a large company");
    assertThat(Phrases.midSentence("McKinsey-style consulting"))
        .isEqualTo("McKinsey-style consulting");
    assertThat(Phrases.midSentence("New York finance")).isEqualTo("New York finance");
    assertThat(Phrases.midSentence("Product Management")).isEqualTo("Product Management");
    assertThat(Phrases.midSentence("I want to teach")).isEqualTo("I want to teach");
    assertThat(Phrases.midSentence("B2B sales")).isEqualTo("B2B sales");
  }

  @Test
  void aPitchBecomesASentence() {
    assertThat(Phrases.sentence("exploring product roles")).isEqualTo("Exploring product roles.");
    assertThat(Phrases.sentence("Ten years in logistics; now product.")).endsWith("product.");
    assertThat(Phrases.sentence("Could product be next?")).isEqualTo("Could product be next?");
    assertThat(Phrases.sentence("  ")).isNull();
    assertThat(Phrases.sentence(null)).isNull();
  }

  @Test
  void aNoteQuotedInAPlaceholderCannotCloseIt() {
    assertThat(Phrases.quotable("gave a talk [[slides]] on\n\"supply chains\""))
        .isEqualTo("gave a talk ((slides)) on 'supply chains'");
    String long_ = "word ".repeat(60);
    String q = Phrases.quotable(long_);
    assertThat(q).hasSizeLessThanOrEqualTo(Phrases.MAX_QUOTE).endsWith("…");
    assertThat(Phrases.quotable(" ")).isNull();
  }
}
