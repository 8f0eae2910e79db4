package org.imisfhir.programme.rules;

import java.util.Set;

/**
 * What a programme's definition says to the rules: the programmes whose new policies an active policy of this one
 * blocks, the programmes whose active policies a new policy of this one sets back to idle, and whether its claims
 * carry a voucher number as their code (Cameroon: CCS blocks and idles PAL; a CCS claim's code is its voucher).
 */
public record ProgrammeTerms(String code, Set<String> blocks, Set<String> idles, boolean claimCodeIsVoucher) {

	public ProgrammeTerms {
		blocks = Set.copyOf(blocks);
		idles = Set.copyOf(idles);
	}

	public static ProgrammeTerms plain(String code) {
		return new ProgrammeTerms(code, Set.of(), Set.of(), false);
	}
}
