package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocationTreeTest {

	private final LocationTree tree = new LocationTree(List.of(
			new LocationTree.Node("r1", "R1", "R", null),
			new LocationTree.Node("d1", "R1D1", "D", "r1"),
			new LocationTree.Node("d2", "R1D2", "D", "r1"),
			new LocationTree.Node("w1", "R1D1M1", "W", "d1"),
			new LocationTree.Node("w2", "R1D2M1", "W", "d2"),
			new LocationTree.Node("v1", "R1D1M1V1", "V", "w1"),
			new LocationTree.Node("v2", "R1D1M1V2", "V", "w1"),
			new LocationTree.Node("v3", "R1D2M1V1", "V", "w2")));

	@Test
	void districtCodesResolveToDistrictsOnly() {
		assertThat(tree.districtIds(List.of("R1D1", "R1", "R1D1M1V1", "UNKNOWN"))).containsExactly("d1");
	}

	@Test
	void everyLocationBelowADistrictLiesInIt() {
		assertThat(tree.districtOf("v3")).contains("d2");
		assertThat(tree.districtOf("w1")).contains("d1");
		assertThat(tree.districtOf("d1")).contains("d1");
		assertThat(tree.districtOf("r1")).isEmpty();
		assertThat(tree.districtOf("nowhere")).isEmpty();
	}

	@Test
	void theVillagesOfDistricts() {
		assertThat(tree.villagesIn(Set.of("d1"))).containsExactly("v1", "v2");
		assertThat(tree.villagesIn(Set.of("d1", "d2"))).containsExactly("v1", "v2", "v3");
		assertThat(tree.villagesIn(Set.of())).isEmpty();
	}

	@Test
	void aUserWithoutDistrictsIsNotLimited() {
		ImisUser national = new ImisUser("manager", Set.of(ImisRole.MANAGER), List.of(), null, null);
		ImisUser local = new ImisUser("officer", Set.of(ImisRole.ENROLMENT_OFFICER), List.of("R1D1"), null, null);

		assertThat(DistrictScope.limited(national)).isFalse();
		assertThat(DistrictScope.limited(local)).isTrue();
		assertThat(DistrictScope.inScope(Set.of("d1"), java.util.Optional.of("d1"))).isTrue();
		assertThat(DistrictScope.inScope(Set.of("d1"), java.util.Optional.of("d2"))).isFalse();
		assertThat(DistrictScope.inScope(Set.of("d1"), java.util.Optional.empty())).isFalse();
	}
}
