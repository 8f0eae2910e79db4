package org.imisfhir.registry.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

	private final ActivityDefinition january = version(1000, "2026-01-01", null, 1);
	private final ActivityDefinition july = version(1200, "2026-07-01", null, 2);

	@Test
	void versionWithTheLatestStartOnOrBeforeTheDateApplies() {
		List<ActivityDefinition> versions = List.of(july, january);

		assertThat(PriceHistory.versionValidOn(versions, LocalDate.of(2026, 6, 30))).containsSame(january);
		assertThat(PriceHistory.versionValidOn(versions, LocalDate.of(2026, 7, 1))).containsSame(july);
		assertThat(PriceHistory.versionValidOn(versions, LocalDate.of(2025, 12, 31))).isEmpty();
	}

	@Test
	void endedVersionDoesNotApplyAfterItsEnd() {
		ActivityDefinition ended = version(1000, "2026-01-01", "2026-03-31", 3);

		assertThat(PriceHistory.versionValidOn(List.of(ended), LocalDate.of(2026, 3, 31))).containsSame(ended);
		assertThat(PriceHistory.versionValidOn(List.of(ended), LocalDate.of(2026, 4, 1))).isEmpty();
	}

	@Test
	void laterRecordedVersionWinsWhenTwoStartOnTheSameDay() {
		ActivityDefinition correction = version(1100, "2026-01-01", null, 5);

		assertThat(PriceHistory.versionValidOn(List.of(correction, january), LocalDate.of(2026, 2, 1))).containsSame(correction);
	}

	private static ActivityDefinition version(int price, String start, String end, long recordedAt) {
		ActivityDefinition service = CatalogueFixtures.service("C2", "Consultation", price);
		service.getEffectivePeriod().setStartElement(new DateTimeType(start));
		if (end != null) {
			service.getEffectivePeriod().setEndElement(new DateTimeType(end));
		}
		service.getMeta().setLastUpdated(new Date(recordedAt * 1000));
		return service;
	}
}
