package org.imisfhir.enrolment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.enrolment.rules.Enrolment;
import org.imisfhir.enrolment.rules.Member;
import org.imisfhir.enrolment.rules.PolicyDates;
import org.imisfhir.enrolment.rules.PolicyPeriodCalculator;
import org.imisfhir.enrolment.rules.PolicyValue;
import org.imisfhir.enrolment.rules.PolicyValueCalculator;
import org.imisfhir.enrolment.rules.ProductTerms;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.product.InsurancePlanMapper;
import org.imisfhir.registry.product.rules.ProductDefinition;
import org.springframework.stereotype.Component;

/** Loads the inputs of the policy rules from FHIR resources and returns a new policy's dates and value. */
@Component
public class PolicyQuoter {

	private static final String RELATIONSHIP_SYSTEM =
			"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/patient-contact-relationship";

	private final PolicyPeriodCalculator periods = new PolicyPeriodCalculator();
	private final PolicyValueCalculator values;

	public PolicyQuoter(ImisProperties properties) {
		this.values = new PolicyValueCalculator(properties.getEnrolment().getAgeOfMajority());
	}

	/** The date given by a client, or today when it gave none. */
	public static LocalDate dateOrToday(DateType date) {
		return date == null || date.isEmpty() ? LocalDate.now() : LocalDate.parse(date.getValueAsString());
	}

	public Quote quote(InsurancePlan plan, LocalDate enrolDate, List<Patient> membersInRegistrationOrder) {
		return quote(plan, Enrolment.newPolicy(enrolDate), membersInRegistrationOrder);
	}

	/** A renewal entered on {@code enrolDate} of a policy that expires (or expired) on {@code previousExpiry}. */
	public Quote quoteRenewal(InsurancePlan plan, LocalDate enrolDate, LocalDate previousExpiry, List<Patient> members) {
		return quote(plan, Enrolment.renewal(enrolDate, previousExpiry), members);
	}

	private Quote quote(InsurancePlan plan, Enrolment enrolment, List<Patient> membersInRegistrationOrder) {
		LocalDate enrolDate = enrolment.enrolDate();
		ProductDefinition product = InsurancePlanMapper.toProduct(plan);
		if (!product.isValidOn(enrolDate)) {
			throw ImisRuleException.businessRule(EnrolmentViolation.PRODUCT_NOT_VALID, product.code(), enrolDate.toString());
		}
		ProductTerms terms = product.enrolmentTerms();
		PolicyDates dates = periods.calculate(terms, enrolment);
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < membersInRegistrationOrder.size(); i++) {
			Patient patient = membersInRegistrationOrder.get(i);
			LocalDate birthDate = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
			members.add(new Member(birthDate, relationshipOf(patient), i + 1));
		}
		PolicyValue value = values.calculate(terms, enrolment, dates.startDate(), members);
		return new Quote(product.code(), plan.getName(), enrolDate, enrolment.stage().code(), dates, value);
	}

	static Integer relationshipOf(Patient patient) {
		if (InsureeRecords.isHead(patient)) {
			return null;
		}
		return patient.getContact().stream()
				.flatMap(contact -> contact.getRelationship().stream())
				.flatMap(concept -> concept.getCoding().stream())
				.filter(coding -> RELATIONSHIP_SYSTEM.equals(coding.getSystem()))
				.map(Coding::getCode)
				.filter(code -> code.matches("\\d+"))
				.map(Integer::valueOf)
				.findFirst()
				.orElse(null);
	}

	/** A new policy's product, dates and value. */
	public record Quote(
			String productCode, String productName, LocalDate enrolDate, String stage, PolicyDates dates, PolicyValue value) {}
}
