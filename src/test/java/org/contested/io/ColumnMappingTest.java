package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.contested.io.ColumnMapping.Field;
import org.contested.io.ColumnMapping.Ref;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {
  @Test
  void blankSpecReadsCanonicalNames() {
    ColumnMapping m = ColumnMapping.parse(null);
    assertFalse(m.isExplicit());
    Ref r = m.ref(Field.PUBLISHED_AT);
    assertEquals("published_at", r.column());
    assertFalse(r.explicit());
    assertNull(m.dateHint());
  }

  @Test
  void namesConstantsAndDateHint() {
    ColumnMapping m =
        ColumnMapping.parse(
            "text=desc, title=title,published_at=Date:MM/dd/yyyy,outlet='President of Ukraine',url=src");
    assertEquals("desc", m.ref(Field.TEXT).column());
    assertTrue(m.ref(Field.TEXT).explicit());
    assertEquals("Date", m.ref(Field.PUBLISHED_AT).column());
    assertEquals("MM/dd/yyyy", m.dateHint());
    assertEquals("President of Ukraine", m.ref(Field.OUTLET).constant());
    // unmapped fields fall back to their canonical names, implicitly
    assertEquals("language", m.ref(Field.LANGUAGE).column());
    assertFalse(m.ref(Field.LANGUAGE).explicit());
  }

  @Test
  void quotedNamesHintsAndConstants() {
    ColumnMapping m =
        ColumnMapping.parse(
            "id=\"Unnamed: 0\",published_at=when:\"MMMM d, yyyy\",outlet='O''Brien, Ltd'");
    assertEquals("Unnamed: 0", m.ref(Field.ID).column());
    assertEquals("when", m.ref(Field.PUBLISHED_AT).column());
    assertEquals("MMMM d, yyyy", m.dateHint());
    assertEquals("O'Brien, Ltd", m.ref(Field.OUTLET).constant());
  }

  @Test
  void colonInNonDateColumnIsPartOfTheName() {
    assertEquals("Unnamed: 0", ColumnMapping.parse("id=Unnamed: 0").ref(Field.ID).column());
  }

  @Test
  void positionalMappingHasNoImplicitNames() {
    ColumnMapping m = ColumnMapping.parse("published_at=$1,title=$2,outlet='CNN'");
    assertTrue(m.positional());
    assertEquals(1, m.ref(Field.PUBLISHED_AT).position());
    assertEquals(2, m.ref(Field.TITLE).position());
    assertNull(m.ref(Field.TEXT));
  }

  @Test
  void rejectsBadSpecs() {
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("date=Date"));
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("title"));
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("title="));
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("title=a,title=b"));
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("title=$2,text=body"));
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("title=$0"));
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("outlet='open"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("body=text"));
    assertTrue(e.getMessage().contains("published_at"), e.getMessage());
  }
}
