package org.imisfhir.programme.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Admits a family's new (or newly activated) policy of a programme against the policies the family holds, as the
 * Cameroon CSU did with {@code one_policy_per_program} (reference §3), with the precedence between programmes read
 * from their definitions rather than written in code:
 * <ol>
 * <li>with one policy per programme, an active policy of the same programme refuses it;</li>
 * <li>an active policy of a programme that blocks this one refuses it (CCS blocks PAL);</li>
 * <li>otherwise it is admitted, and the active policies of the programmes this one idles go back to idle (a new
 * CCS policy sets PAL back to idle);</li>
 * <li>a new policy of value 0 activates at once.</li>
 * </ol>
 * Only policies of status Active stand in the way or are set back to idle.
 */
public final class ProgrammePolicyRule {

	private final boolean onePolicyPerProgramme;
	private final Map<String, ProgrammeTerms> programmes;

	public ProgrammePolicyRule(boolean onePolicyPerProgramme, Map<String, ProgrammeTerms> programmes) {
		this.onePolicyPerProgramme = onePolicyPerProgramme;
		this.programmes = Map.copyOf(programmes);
	}

	/** A new policy of {@code programme} with {@code value}, beside the family's other policies. */
	public PolicyAdmission admitNew(String programme, BigDecimal value, List<HeldPolicy> held) {
		PolicyAdmission admission = admit(programme, held);
		if (!admission.admitted()) {
			return admission;
		}
		boolean free = value != null && value.signum() == 0;
		return new PolicyAdmission(admission.refusal(), admission.conflicting(), admission.toIdle(), free);
	}

	/** An existing policy of {@code programme} becoming active, beside the family's other policies. */
	public PolicyAdmission admitActivation(String programme, List<HeldPolicy> others) {
		return admit(programme, others);
	}

	private PolicyAdmission admit(String programme, List<HeldPolicy> held) {
		List<HeldPolicy> toIdle = new ArrayList<>();
		ProgrammeTerms own = terms(programme);
		for (HeldPolicy other : held) {
			if (!other.isActive() || other.programme() == null) {
				continue;
			}
			if (onePolicyPerProgramme && other.programme().equals(programme)) {
				return PolicyAdmission.refused(ProgrammeRefusal.SAME_PROGRAMME_ACTIVE, other);
			}
			if (terms(other.programme()).blocks().contains(programme)) {
				return PolicyAdmission.refused(ProgrammeRefusal.BLOCKED_BY_PROGRAMME, other);
			}
			if (own.idles().contains(other.programme())) {
				toIdle.add(other);
			}
		}
		return new PolicyAdmission(java.util.Optional.empty(), java.util.Optional.empty(), toIdle, false);
	}

	private ProgrammeTerms terms(String code) {
		ProgrammeTerms terms = programmes.get(code);
		return terms != null ? terms : ProgrammeTerms.plain(code);
	}
}
