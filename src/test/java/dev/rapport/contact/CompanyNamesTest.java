package dev.rapport.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyNamesTest {
  @Test
  void caseSpacesAndALegalFormDoNotMatter() {
    assertThat(CompanyNames.key("  ACME,  Inc. ")).isEqualTo("acme");
    assertThat(CompanyNames.key("Acme GmbH")).isEqualTo("acme");
    assertThat(CompanyNames.key("acme ltd")).isEqualTo("acme");
    assertThat(CompanyNames.key("Acme Co. Ltd.")).isEqualTo("acme");
    assertThat(CompanyNames.key("Acme")).isEqualTo("acme");
  }

  @Test
  void otherWordsAndBareLegalFormsStay() {
    assertThat(CompanyNames.key("Acme Rockets")).isEqualTo("acme rockets");
    assertThat(CompanyNames.key("Procter & Gamble")).isEqualTo("procter & gamble");
    assertThat(CompanyNames.key("AG")).isEqualTo("ag");
    assertThat(CompanyNames.key("  ")).isNull();
    assertThat(CompanyNames.key(null)).isNull();
  }
}
