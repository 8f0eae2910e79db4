package org.imisfhir.registry.catalogue.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvValuesTest {

	private final CsvValues row = new CsvValues(Map.of(
			"price", " 1 500,50 ", "negative", "-1", "care_type", "o", "frequency", "30", "date", "2026-07-01",
			"bad_date", "01/07/2026", "empty", ""));

	@Test
	void amountAcceptsSpacesAndADecimalComma() {
		assertThat(row.amount("price", true)).isEqualByComparingTo("1500.50");
		assertThat(row.amount("empty", false)).isNull();
	}

	@Test
	void negativeOrMissingRequiredAmountIsInvalidAndNamesTheColumn() {
		assertThatThrownBy(() -> row.amount("negative", true)).isInstanceOf(CsvValues.InvalidValue.class)
				.satisfies(e -> assertThat(((CsvValues.InvalidValue) e).column()).isEqualTo("negative"));
		assertThatThrownBy(() -> row.amount("empty", true)).isInstanceOf(CsvValues.InvalidValue.class);
	}

	@Test
	void codesAreCaseInsensitiveWithADefaultWhenEmpty() {
		assertThat(row.oneOf("care_type", Set.of("I", "O", "B"), "B")).isEqualTo("O");
		assertThat(row.oneOf("empty", Set.of("I", "O", "B"), "B")).isEqualTo("B");
		assertThatThrownBy(() -> row.oneOf("frequency", Set.of("I", "O", "B"), "B")).isInstanceOf(CsvValues.InvalidValue.class);
	}

	@Test
	void integersAreBoundedAndDatesAreIso() {
		assertThat(row.integer("frequency", 0, 3650, null)).isEqualTo(30);
		assertThatThrownBy(() -> row.integer("frequency", 0, 15, null)).isInstanceOf(CsvValues.InvalidValue.class);
		assertThat(row.date("date", null)).isEqualTo("2026-07-01");
		assertThat(row.date("empty", "2000-01-01")).isEqualTo("2000-01-01");
		assertThatThrownBy(() -> row.date("bad_date", null)).isInstanceOf(CsvValues.InvalidValue.class);
	}
}
