package org.imisfhir.enrolment;

import java.math.BigDecimal;
import java.sql.Date;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.enrolment.rules.PolicyStatus;

/** Builds the Coverage of a new or renewed policy (openIMIS status Idle until contributions activate it). */
public final class PolicyBuilder {

	public static final String POLICY_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-policy";
	public static final String POLICY_KEY_SYSTEM = "https://imis-fhir.org/fhir/sid/policy-key";
	public static final String POLICY_DETAILS = "https://imis-fhir.org/fhir/StructureDefinition/policy-details";
	public static final String POLICY_STATUS = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/coverage-policy-status";
	public static final String POLICY_STATUS_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/policy-status";

	private PolicyBuilder() {}

	/** The key that makes a policy unique: family code, product code and enrolment date. */
	public static String key(String familyCode, PolicyQuoter.Quote quote) {
		return familyCode + "|" + quote.productCode() + "|" + quote.enrolDate();
	}

	public static Coverage newPolicy(
			PolicyQuoter.Quote quote, String familyCode, Reference family, Reference head, Reference officer, String currency) {
		Coverage policy = new Coverage();
		policy.getMeta().addProfile(POLICY_PROFILE);
		policy.addIdentifier().setSystem(POLICY_KEY_SYSTEM).setValue(key(familyCode, quote));
		policy.setStatus(Coverage.CoverageStatus.DRAFT);
		setOpenImisStatus(policy, PolicyStatus.IDLE);
		Extension details = policy.addExtension().setUrl(POLICY_DETAILS);
		details.addExtension("family", family);
		details.addExtension("stage", new CodeType(quote.stage()));
		details.addExtension("enrolDate", new DateType(quote.enrolDate().toString()));
		details.addExtension("value", money(quote.value().value(), currency));
		quote.dates().lastDateForPayment().ifPresent(d -> details.addExtension("lastPaymentDate", new DateType(d.toString())));
		if (officer != null) {
			details.addExtension("officer", officer);
		}
		policy.setPolicyHolder(head.copy());
		policy.setBeneficiary(head.copy());
		policy.addPayor(head.copy());
		policy.getPeriod()
				.setStart(Date.valueOf(quote.dates().startDate()))
				.setEnd(Date.valueOf(quote.dates().expiryDate()));
		policy.getPeriod().getStartElement().setPrecision(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY);
		policy.getPeriod().getEndElement().setPrecision(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY);
		policy.addClass_()
				.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/coverage-class", "plan", "Plan")))
				.setValue(quote.productCode())
				.setName(quote.productName());
		return policy;
	}

	/** Replaces the exact openIMIS status (coverage-policy-status); Coverage.status is left to the caller. */
	public static void setOpenImisStatus(Coverage policy, PolicyStatus status) {
		String display = status.name().charAt(0) + status.name().substring(1).toLowerCase();
		policy.getExtension().removeIf(e -> POLICY_STATUS.equals(e.getUrl()));
		policy.addExtension(POLICY_STATUS,
				new CodeableConcept(new Coding(POLICY_STATUS_SYSTEM, String.valueOf(status.code()), display)));
	}

	/** The exact openIMIS status (coverage-policy-status); idle when absent. */
	public static PolicyStatus openImisStatus(Coverage policy) {
		Extension status = policy.getExtensionByUrl(POLICY_STATUS);
		if (status == null) {
			return PolicyStatus.IDLE;
		}
		String code = ((CodeableConcept) status.getValue()).getCodingFirstRep().getCode();
		for (PolicyStatus candidate : PolicyStatus.values()) {
			if (String.valueOf(candidate.code()).equals(code)) {
				return candidate;
			}
		}
		return PolicyStatus.IDLE;
	}

	static Money money(BigDecimal amount, String currency) {
		return new Money().setValue(amount).setCurrency(currency);
	}
}
