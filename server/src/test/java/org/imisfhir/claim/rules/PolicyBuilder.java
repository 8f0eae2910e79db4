package org.imisfhir.claim.rules;

import org.imisfhir.enrolment.rules.PolicyStatus;
import org.imisfhir.enrolment.rules.PolicyStage;

import static org.imisfhir.claim.rules.Amounts.date;

import java.time.LocalDate;

/** Builds an insuree's policy; by default new, active, 2024-01-01 to 2024-12-31 for policy and insuree, 1 member. */
public final class PolicyBuilder {

	private final String id;
	private final Product product;
	private PolicyStage stage = PolicyStage.NEW;
	private PolicyStatus status = PolicyStatus.ACTIVE;
	private LocalDate policyEffective = date("2024-01-01");
	private LocalDate policyExpiry = date("2024-12-31");
	private LocalDate insureeEffective = date("2024-01-01");
	private LocalDate insureeExpiry = date("2024-12-31");
	private int members = 1;
	private final java.util.List<InsureePolicy.CoverGap> gaps = new java.util.ArrayList<>();

	private PolicyBuilder(String id, Product product) {
		this.id = id;
		this.product = product;
	}

	public static PolicyBuilder policy(String id, Product product) {
		return new PolicyBuilder(id, product);
	}

	public PolicyBuilder stage(PolicyStage value) {
		stage = value;
		return this;
	}

	public PolicyBuilder status(PolicyStatus value) {
		status = value;
		return this;
	}

	public PolicyBuilder policyPeriod(String effective, String expiry) {
		policyEffective = date(effective);
		policyExpiry = date(expiry);
		return insureePeriod(effective, expiry);
	}

	public PolicyBuilder insureePeriod(String effective, String expiry) {
		insureeEffective = date(effective);
		insureeExpiry = date(expiry);
		return this;
	}

	public PolicyBuilder members(int value) {
		members = value;
		return this;
	}

	/** Days the insuree is not covered inside their cover (e.g. while inactive), both ends included. */
	public PolicyBuilder gap(String first, String last) {
		gaps.add(new InsureePolicy.CoverGap(date(first), date(last)));
		return this;
	}

	public InsureePolicy build() {
		return new InsureePolicy(id, product, stage, status, policyEffective, policyExpiry, insureeEffective, insureeExpiry, members, gaps);
	}
}
