package org.imisfhir.claim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RejectionReasonTest {

	@Test
	void codesAreTheOpenImisOnes() {
		// -2 .. 21 without 18, which openIMIS never defined.
		List<Integer> codes = Arrays.stream(RejectionReason.values()).map(RejectionReason::code).toList();

		assertEquals(List.of(-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21), codes);
		assertEquals(RejectionReason.MAX_ANTENATAL, RejectionReason.ofCode(19));
		assertThrows(IllegalArgumentException.class, () -> RejectionReason.ofCode(18));
	}
}
