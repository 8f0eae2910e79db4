package org.imisfhir.migration.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyExportTest {

	@Test
	void onlyCurrentRowsAreKeptAndARepeatedIdIsRefused() {
		String csv = """
				ItemID;ItemCode;ItemName;ValidityTo;LegacyID
				1;I1;Paracetamol;NULL;NULL
				3;I1;Paracetamol (old price);2019-12-31 00:00:00.000;1
				2;I2;Bandage;;
				2;I3;Gauze;;
				""";
		LegacyExport export = LegacyExport.read(Map.of("tblItems.csv", csv));
		assertThat(export.rowsRead(LegacyTable.ITEMS)).isEqualTo(4);
		assertThat(export.historyRows(LegacyTable.ITEMS)).isEqualTo(1);
		assertThat(export.rows(LegacyTable.ITEMS)).extracting(LegacyRow::id).containsExactly("1", "2");
		assertThat(export.rejected(LegacyTable.ITEMS)).singleElement().satisfies(rejected -> {
			assertThat(rejected.row().line()).isEqualTo(5);
			assertThat(rejected.refusal().violation()).isEqualTo(MigrationViolation.DUPLICATE_ID);
		});
		assertThat(export.has(LegacyTable.SERVICES)).isFalse();
	}

	@Test
	void aTableWithoutItsIdColumnOrUnknownIsNotRead() {
		assertThatThrownBy(() -> LegacyExport.read(Map.of("tblItems", "Code,Name\nI1,x\n")))
				.isInstanceOf(RowRefusal.class).hasMessage("export-format");
		assertThatThrownBy(() -> LegacyExport.read(Map.of("tblUsers", "UserID\n1\n")))
				.isInstanceOf(RowRefusal.class).hasMessage("export-format");
	}

	@Test
	void valuesAreReadAsOpenImisExportsWriteThem() {
		LegacyRow row = new LegacyRow(LegacyTable.POLICIES, 2, Map.of("PolicyID", "7", "EnrollDate", "2024-01-10 00:00:00.000",
				"StartDate", "2024-01-10T00:00:00", "ExpiryDate", "10/01/2025", "PolicyValue", "10000.50", "Poverty", "True",
				"OfficerID", "NULL"));
		assertThat(row.date("EnrollDate")).isEqualTo(LocalDate.of(2024, 1, 10));
		assertThat(row.date("StartDate")).isEqualTo(LocalDate.of(2024, 1, 10));
		assertThat(row.amount("PolicyValue")).isEqualByComparingTo("10000.50");
		assertThat(row.flag("Poverty", false)).isTrue();
		assertThat(row.has("OfficerID")).isFalse();
		assertThatThrownBy(() -> row.date("ExpiryDate")).isInstanceOf(RowRefusal.class)
				.satisfies(e -> assertThat(((RowRefusal) e).text(java.util.Locale.ENGLISH))
						.isEqualTo("Row 2 of tblPolicy: the value \"10/01/2025\" of column ExpiryDate is not valid."));
		assertThatThrownBy(() -> row.required("OfficerID")).isInstanceOf(RowRefusal.class)
				.satisfies(e -> assertThat(((RowRefusal) e).text(java.util.Locale.FRENCH))
						.isEqualTo("Ligne 2 de tblPolicy : la colonne OfficerID est vide."));
	}
}
