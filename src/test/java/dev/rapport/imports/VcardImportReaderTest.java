package dev.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcardImportReaderTest {
  @TempDir Path dir;

  static ParsedFile fixture(String name) throws Exception {
    return new ImportFileReader()
        .read(Path.of(VcardImportReaderTest.class.getResource("/imports/" + name).toURI()));
  }

  ParsedFile read(String name, String text) throws Exception {
    return new ImportFileReader()
        .read(Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8));
  }

  @Test
  void readsVersion3CardsAtTheLinesTheyBegin() throws Exception {
    ParsedFile f = fixture("contacts-3.0.vcf");
    assertThat(f.format()).isEqualTo(ImportFormat.VCARD);
    assertThat(f.rows()).extracting(SourceRow::line).containsExactly(1, 13, 21);
    SourceRow zoe = f.rows().get(0);
    assertThat(zoe.name()).isEqualTo("Zoë Ångström");
    assertThat(zoe.email()).as("the address typed pref").isEqualTo("zoe@example.se");
    assertThat(zoe.company())
        .as("ORG's first part; the rest are departments")
        .isEqualTo("Nordlys AB");
    assertThat(zoe.role()).isEqualTo("Head of Product");
    assertThat(zoe.note())
        .isEqualTo("Met at the Stockholm product meetup, spoke about onboarding.");
  }

  @Test
  void namesACardWithoutFnFromItsStructuredName() throws Exception {
    SourceRow jose = fixture("contacts-3.0.vcf").rows().get(1);
    assertThat(jose.name()).isEqualTo("José Núñez");
    assertThat(jose.email()).isEqualTo("jose.nunez@example.es");
    assertThat(jose.company()).isEqualTo("Clínica Salud, S.L.");
    assertThat(jose.role()).as("ROLE when there is no TITLE").isEqualTo("Operations Manager");
  }

  @Test
  void leavesTheAddressEmptyForACardWithoutOne() throws Exception {
    SourceRow katherine = fixture("contacts-3.0.vcf").rows().get(2);
    assertThat(katherine.name()).isEqualTo("Katherine Johnson");
    assertThat(katherine.email()).isNull();
  }

  @Test
  void readsVersion4PreferringTheLowestPref() throws Exception {
    ParsedFile f = fixture("contacts-4.0.vcf");
    assertThat(f.rows()).extracting(SourceRow::line).containsExactly(1, 12, 19);
    SourceRow bruce = f.rows().get(0);
    assertThat(bruce.name()).isEqualTo("李小龍");
    assertThat(bruce.email()).isEqualTo("bruce.lee@example.hk");
    assertThat(bruce.note())
        .as("a folded line is unfolded")
        .isEqualTo(
            "Introduced by Ada. Interested in how small studios finance their first feature film.");
    assertThat(f.rows().get(2).email())
        .as("PREF=2 beats no PREF at all")
        .isEqualTo("ada.other@example.org");
  }

  @Test
  void knowsAVcardByItsContentWhateverTheFileIsCalled() throws Exception {
    ParsedFile f =
        read(
            "export.csv",
            "\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n");
    assertThat(f.format()).isEqualTo(ImportFormat.VCARD);
    assertThat(f.rows())
        .extracting(SourceRow::line, SourceRow::email)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "ada@example.org"));
  }

  @Test
  void cutsCardsApartSoOneBrokenCardKeepsItsNeighbours() throws Exception {
    ParsedFile f =
        read(
            "mixed.vcf",
            String.join(
                "\r\n",
                "BEGIN:VCARD",
                "VERSION:3.0",
                "FN:Ada",
                "EMAIL:ada@example.org",
                "END:VCARD",
                "",
                "BEGIN:VCARD",
                "VERSION:3.0",
                "FN:Bob",
                "EMAIL:bob@example.org",
                "END:VCARD",
                "BEGIN:VCARD",
                "VERSION:3.0",
                "FN:Cut Short",
                "EMAIL:cut@example.org",
                ""));
    assertThat(f.rows()).extracting(SourceRow::line).containsExactly(1, 7, 12);
    assertThat(f.rows()).extracting(SourceRow::name).containsExactly("Ada", "Bob", null);
    assertThat(f.rows().get(2).problem()).contains("no END:VCARD");
  }

  @Test
  void keepsWarningsAboutTheFieldsItUsesWithTheirFileLines() throws Exception {
    ParsedFile f =
        read(
            "warn.vcf",
            String.join(
                "\r\n",
                "BEGIN:VCARD",
                "VERSION:3.0",
                "FN:Ada",
                "BDAY:not a date",
                "EMAIL:ada@example.org",
                "END:VCARD",
                "BEGIN:VCARD",
                "VERSION:3.0",
                "FN:Bob",
                "EMAIL bob@example.org",
                "END:VCARD",
                ""));
    assertThat(f.rows().get(0).readerWarnings())
        .as("a birthday does not matter to an import")
        .isEmpty();
    assertThat(f.rows().get(1).email()).isNull();
    assertThat(f.rows().get(1).readerWarnings())
        .singleElement()
        .asString()
        .startsWith("line 10: ")
        .contains("no colon")
        .contains("EMAIL bob@example.org");
  }

  @Test
  void takesAnAddressGivenAsAMailtoUri() throws Exception {
    ParsedFile f =
        read(
            "uri.vcf",
            String.join(
                "\r\n",
                "BEGIN:VCARD",
                "VERSION:4.0",
                "FN:Ada",
                "EMAIL;VALUE=uri;PREF=first:mailto:ada@example.org",
                "END:VCARD",
                ""));
    assertThat(f.rows().get(0).email())
        .as("and a PREF that is not a number is ignored")
        .isEqualTo("ada@example.org");
  }
}
