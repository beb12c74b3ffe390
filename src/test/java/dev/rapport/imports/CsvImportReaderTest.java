package dev.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.InvalidInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportReaderTest {
  @TempDir Path dir;

  ParsedFile read(String name, String text) throws IOException {
    return new ImportFileReader()
        .read(Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8));
  }

  static List<Integer> lines(ParsedFile f) {
    return f.rows().stream().map(SourceRow::line).toList();
  }

  @Nested
  class LineNumbers {
    @Test
    void countNotesAboveTheHeaderOfAConnectionsExport() throws Exception {
      Path fixture =
          Path.of(CsvImportReaderTest.class.getResource("/imports/Connections.csv").toURI());
      ParsedFile f = new ImportFileReader().read(fixture);
      assertThat(f.format()).isEqualTo(ImportFormat.LINKEDIN);
      assertThat(lines(f)).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
      SourceRow jose = f.rows().get(2);
      assertThat(jose.name()).isEqualTo("José Núñez");
      assertThat(jose.email()).isEqualTo("jose.nunez@example.es");
      assertThat(jose.company()).isEqualTo("Clínica Salud, S.L.");
      assertThat(jose.role()).isEqualTo("Operations Manager");
      assertThat(f.rows().get(1).email()).isEmpty();
    }

    @Test
    void countLineBreaksInsideQuotedValues() throws Exception {
      ParsedFile f =
          read(
              "notes.csv",
              """
          name,email,note
          Ada,ada@example.org,"first line
          second line
          third line"
          Bob,bob@example.org,plain
          "Carol
          Jones",carol@example.org,
          Dan,dan@example.org,x
          """);
      assertThat(lines(f)).containsExactly(2, 5, 6, 8);
      assertThat(f.rows().get(0).note()).isEqualTo("first line\nsecond line\nthird line");
      assertThat(f.rows().get(2).name()).isEqualTo("Carol\nJones");
    }

    @Test
    void countCrLfAndSkipBlankLines() throws Exception {
      ParsedFile f =
          read(
              "win.csv",
              "name,email\r\n\r\nAda,ada@example.org\r\n\r\n\r\nBob,bob@example.org\r\n");
      assertThat(lines(f)).containsExactly(3, 6);
    }

    @Test
    void reportAQuoteThatNeverClosesAtTheLineItOpensOn() throws Exception {
      ParsedFile f =
          read(
              "broken.csv",
              "name,email\nAda,ada@example.org\n\"Bob,bob@example.org\nCarol,carol@example.org\n");
      assertThat(lines(f)).containsExactly(2, 3);
      assertThat(f.rows().get(1).problem()).contains("never closed").contains("lines 3-4");
    }
  }

  @Nested
  class Columns {
    @Test
    void matchSynonymsWhateverTheirCaseAndPunctuation() throws Exception {
      ParsedFile f =
          read(
              "synonyms.csv",
              """
          " Given Name ",SURNAME,E-mail Address,Organisation,Job-Title,Notes,Hypothesis ID,Tier
          Zoë,Ångström,zoe@example.se,Nordlys AB,Head of Product,met in Malmö,2,1
          """);
      SourceRow r = f.rows().get(0);
      assertThat(f.format()).isEqualTo(ImportFormat.CSV);
      assertThat(r.name()).isEqualTo("Zoë Ångström");
      assertThat(r.email()).isEqualTo("zoe@example.se");
      assertThat(r.company()).isEqualTo("Nordlys AB");
      assertThat(r.role()).isEqualTo("Head of Product");
      assertThat(r.note()).isEqualTo("met in Malmö");
      assertThat(r.hypothesis()).isEqualTo("2");
      assertThat(r.tier()).isEqualTo("1");
    }

    @Test
    void preferTheMoreSpecificOfTwoNamesForOneColumn() throws Exception {
      ParsedFile f =
          read(
              "outlook.csv",
              """
          Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,E-mail Address,E-mail 2 Address
          Dr.,Grace,Brewster,Hopper,,US Navy,Computing,Rear Admiral,grace@navy.example.org,grace@home.example.org
          """);
      SourceRow grace = f.rows().get(0);
      assertThat(grace.role()).isEqualTo("Rear Admiral");
      assertThat(grace.name()).isEqualTo("Grace Hopper");
      assertThat(grace.email()).isEqualTo("grace@navy.example.org");
    }

    @Test
    void preferAFullNameColumnOverFirstAndLast() throws Exception {
      ParsedFile f =
          read(
              "both.csv",
              "First Name,Last Name,Display Name,Mail\nA,B,Ada Lovelace,ada@example.org\nGrace,Hopper,,g@example.org\n");
      assertThat(f.rows())
          .extracting(SourceRow::name)
          .containsExactly("Ada Lovelace", "Grace Hopper");
    }

    @Test
    void refuseRowsWithMoreValuesThanTheHeaderHasColumns() throws Exception {
      ParsedFile f =
          read(
              "shifted.csv",
              "name,email,company\nAda,ada@example.org,Engines, Inc.\nBob,bob@example.org,Acme,,\n");
      assertThat(f.rows().get(0).problem())
          .contains("has 4 values")
          .contains("names 3 columns")
          .contains("a comma");
      assertThat(f.rows().get(1).problem()).as("empty trailing cells are harmless").isNull();
    }
  }

  @Nested
  class Encodings {
    @Test
    void dropAByteOrderMark() throws Exception {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] text = "email,name\nada@example.org,Ada\n".getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[bom.length + text.length];
      System.arraycopy(bom, 0, all, 0, 3);
      System.arraycopy(text, 0, all, 3, text.length);
      Path file = Files.write(dir.resolve("bom.csv"), all);
      assertThat(ImportText.read(file).text()).startsWith("email");
      ParsedFile f = new ImportFileReader().read(file);
      assertThat(f.rows().get(0).email()).isEqualTo("ada@example.org");
    }

    @Test
    void readSemicolonsFromEuropeanSpreadsheets() throws Exception {
      ParsedFile f =
          read(
              "excel.csv",
              "Name;E-Mail;Firma;Position\nJosé Núñez;jose@example.es;Clínica Salud, S.L.;\"Jefe; Operaciones\"\n");
      SourceRow r = f.rows().get(0);
      assertThat(r.name()).isEqualTo("José Núñez");
      assertThat(r.company()).isEqualTo("Clínica Salud, S.L.");
      assertThat(r.role()).isEqualTo("Jefe; Operaciones");
    }

    @Test
    void readTabSeparatedText() throws Exception {
      ParsedFile f =
          read(
              "people.tsv", "Name\tEmail\tCompany\nAda Lovelace\tada@example.org\tEngines, Ltd.\n");
      assertThat(f.rows().get(0).company()).isEqualTo("Engines, Ltd.");
    }

    @Test
    void readWindows1252WhenTheTextIsNotUtf8() throws Exception {
      Path file =
          Files.write(
              dir.resolve("old.csv"),
              "Name,Email\nJosé Núñez,jose@example.es\n".getBytes(Charset.forName("windows-1252")));
      assertThat(new ImportFileReader().read(file).rows().get(0).name()).isEqualTo("José Núñez");
    }

    @Test
    void readUtf16WithAByteOrderMark() throws Exception {
      Path file =
          Files.write(
              dir.resolve("unicode.txt"),
              "\uFEFFName\tEmail\n李小龍\tbruce@example.hk\n".getBytes(StandardCharsets.UTF_16LE));
      assertThat(new ImportFileReader().read(file).rows().get(0).name()).isEqualTo("李小龍");
    }
  }

  @Nested
  class Refusals {
    @Test
    void anEmptyFile() throws Exception {
      assertThatThrownBy(() -> read("empty.csv", ""))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("empty.csv is empty");
      assertThatThrownBy(() -> read("blank.csv", "\n  \n"))
          .hasMessageContaining("blank.csv is empty");
    }

    @Test
    void aFileWithoutAHeaderSayingWhatItFoundAndWhatItNeeds() {
      assertThatThrownBy(() -> read("fax.csv", "Name,Fax,City\nAda,+44 20 7946 0000,London\n"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("fax.csv")
          .hasMessageContaining("(line 1 has \"Name\", \"Fax\", \"City\"; rapport recognised name)")
          .hasMessageContaining("needs a name column")
          .hasMessageContaining("and an email column");
    }

    @Test
    void aHeaderWithNothingBelowIt() {
      assertThatThrownBy(() -> read("header.csv", "Notes:\n\nname,email\n\n"))
          .hasMessage("header.csv has its header row on line 3 but no contacts below it.");
    }

    @Test
    void aWorkbookInsteadOfCsv() throws Exception {
      Path file = Files.write(dir.resolve("people.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
      assertThatThrownBy(() -> new ImportFileReader().read(file))
          .hasMessageContaining("zip archive")
          .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void aMissingFile() {
      Path missing = dir.resolve("nope.csv");
      assertThatThrownBy(() -> new ImportFileReader().read(missing))
          .hasMessage("Cannot read " + missing + ": there is no such file.");
    }

    @Test
    void aVcfThatIsNotAVcard() {
      assertThatThrownBy(() -> read("cards.vcf", "\nname,email\n"))
          .hasMessageContaining(
              "cards.vcf is named like a vCard file but line 2 reads \"name,email\"");
    }
  }

  @Test
  void findsTheDelimiterOutsideQuotes() throws URISyntaxException {
    assertThat(HeaderFinder.delimiterOf("\"a;b;c\",d,e")).isEqualTo(',');
    assertThat(HeaderFinder.delimiterOf("Name;E-Mail;Firma, GmbH")).isEqualTo(';');
    assertThat(HeaderFinder.delimiterOf("single")).isEqualTo(',');
  }
}
