package org.imisfhir.enrolment.rules;

/**
 * How the members of a family are counted for a policy's value.
 *
 * @param adults relatives (not "Others") counted as adults, extra ones included
 * @param children relatives counted as children, extra ones included
 * @param extraAdults adults beyond the threshold of a lump-sum product
 * @param extraChildren children beyond the threshold of a lump-sum product
 * @param otherAdults adults with relationship "Others"
 * @param otherChildren children with relationship "Others"
 * @param notCounted members beyond the product's max members, not charged
 */
public record MemberCounts(int adults, int children, int extraAdults, int extraChildren, int otherAdults,
		int otherChildren, int notCounted) {

	public MemberCounts {
		if (extraAdults > adults || extraChildren > children) {
			throw new IllegalArgumentException("more extra members than members");
		}
	}

	public int counted() {
		return adults + children + otherAdults + otherChildren;
	}
}
