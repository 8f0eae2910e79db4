package org.imisfhir.registry.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.registry.rules.LocationLevel.DISTRICT;
import static org.imisfhir.registry.rules.LocationLevel.MUNICIPALITY;
import static org.imisfhir.registry.rules.LocationLevel.REGION;
import static org.imisfhir.registry.rules.LocationLevel.VILLAGE;

import java.util.Optional;
import org.imisfhir.registry.RegistryViolation;
import org.junit.jupiter.api.Test;

class LocationHierarchyRuleTest {

	@Test
	void eachLevelSitsUnderTheLevelJustAbove() {
		assertThat(LocationHierarchyRule.check(REGION, Optional.empty())).isEmpty();
		assertThat(LocationHierarchyRule.check(DISTRICT, Optional.of(REGION))).isEmpty();
		assertThat(LocationHierarchyRule.check(MUNICIPALITY, Optional.of(DISTRICT))).isEmpty();
		assertThat(LocationHierarchyRule.check(VILLAGE, Optional.of(MUNICIPALITY))).isEmpty();
	}

	@Test
	void aVillageUnderADistrictIsRefused() {
		assertThat(LocationHierarchyRule.check(VILLAGE, Optional.of(DISTRICT))).contains(RegistryViolation.LOCATION_PARENT_LEVEL);
		assertThat(LocationHierarchyRule.check(VILLAGE, Optional.of(VILLAGE))).contains(RegistryViolation.LOCATION_PARENT_LEVEL);
		assertThat(LocationHierarchyRule.check(DISTRICT, Optional.of(MUNICIPALITY))).contains(RegistryViolation.LOCATION_PARENT_LEVEL);
	}

	@Test
	void onlyARegionHasNoParent() {
		assertThat(LocationHierarchyRule.check(REGION, Optional.of(REGION))).contains(RegistryViolation.LOCATION_REGION_HAS_PARENT);
		assertThat(LocationHierarchyRule.check(DISTRICT, Optional.empty())).contains(RegistryViolation.LOCATION_PARENT_REQUIRED);
		assertThat(LocationHierarchyRule.check(VILLAGE, Optional.empty())).contains(RegistryViolation.LOCATION_PARENT_REQUIRED);
	}

	@Test
	void levelsAreReadFromTheOpenImisCodes() {
		assertThat(LocationLevel.ofCode("R")).contains(REGION);
		assertThat(LocationLevel.ofCode("W")).contains(MUNICIPALITY);
		assertThat(LocationLevel.ofCode("X")).isEmpty();
		assertThat(VILLAGE.parentLevel()).contains(MUNICIPALITY);
		assertThat(REGION.parentLevel()).isEmpty();
	}
}
