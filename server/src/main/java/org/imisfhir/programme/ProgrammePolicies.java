package org.imisfhir.programme;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.programme.rules.HeldPolicy;

/** A policy's programme (a Coverage class of type programme) and the policies a family holds, as the rules see them. */
public final class ProgrammePolicies {

	public static final String CLASS_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/coverage-class";
	public static final String CLASS_CODE = "programme";

	private ProgrammePolicies() {}

	public static Optional<String> programmeOf(Coverage policy) {
		return policy.getClass_().stream()
				.filter(c -> c.getType().hasCoding(CLASS_SYSTEM, CLASS_CODE))
				.map(Coverage.ClassComponent::getValue)
				.findFirst();
	}

	/** Adds the programme class after the product's (the product stays the policy's first class). */
	public static void setProgramme(Coverage policy, String code, String name) {
		policy.getClass_().removeIf(c -> c.getType().hasCoding(CLASS_SYSTEM, CLASS_CODE));
		policy.addClass_()
				.setType(new CodeableConcept(new Coding(CLASS_SYSTEM, CLASS_CODE, "Programme")))
				.setValue(code)
				.setName(name);
	}

	public static Optional<Reference> familyOf(Coverage policy) {
		Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		Extension family = details == null ? null : details.getExtensionByUrl("family");
		return family != null && family.getValue() instanceof Reference reference && reference.hasReference()
				? Optional.of(reference)
				: Optional.empty();
	}

	/** The family's policies other than {@code exceptId}. */
	public static List<HeldPolicy> heldByFamily(DaoRegistry daos, String familyReference, String exceptId) {
		List<HeldPolicy> held = new ArrayList<>();
		SearchParameterMap ofFamily = SearchParameterMap.newSynchronous("family", new ReferenceParam(familyReference));
		for (IBaseResource found : daos.getResourceDao(Coverage.class).search(ofFamily, new SystemRequestDetails()).getAllResources()) {
			Coverage other = (Coverage) found;
			if (exceptId != null && exceptId.equals(other.getIdElement().getIdPart())) {
				continue;
			}
			held.add(held(other));
		}
		return held;
	}

	public static HeldPolicy held(Coverage policy) {
		return new HeldPolicy(policy.getIdElement().getIdPart(), programmeOf(policy).orElse(null),
				PolicyBuilder.openImisStatus(policy), date(policy.getPeriod().getStartElement()), date(policy.getPeriod().getEndElement()));
	}

	private static LocalDate date(org.hl7.fhir.r4.model.DateTimeType value) {
		String text = value == null ? null : value.getValueAsString();
		return text == null || text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
	}
}
