package org.imisfhir.programme.rules;

import java.util.List;
import java.util.Optional;

/**
 * The programme rules' answer for a new or activated policy: refused (with the policy that stands in the way), or
 * admitted with the active policies to set back to idle, and whether it activates at once (value 0).
 */
public record PolicyAdmission(
		Optional<ProgrammeRefusal> refusal, Optional<HeldPolicy> conflicting, List<HeldPolicy> toIdle, boolean activateAtOnce) {

	public PolicyAdmission {
		toIdle = List.copyOf(toIdle);
	}

	static PolicyAdmission refused(ProgrammeRefusal reason, HeldPolicy conflicting) {
		return new PolicyAdmission(Optional.of(reason), Optional.of(conflicting), List.of(), false);
	}

	public boolean admitted() {
		return refusal.isEmpty();
	}
}
