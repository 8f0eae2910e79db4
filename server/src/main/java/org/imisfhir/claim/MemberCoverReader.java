package org.imisfhir.claim;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.claim.rules.InsureePolicy;
import org.imisfhir.claim.rules.Product;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.enrolment.PolicyMembers;
import org.imisfhir.enrolment.rules.MemberCover;
import org.imisfhir.enrolment.rules.PolicyStage;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policies that cover an insuree, as the claim rules and the eligibility enquiry see them: those of their family
 * and of the families they left, each with the insuree's own cover stretches on it and the members it covers on a
 * date.
 */
@Component
public class MemberCoverReader {

	private final DaoRegistry daos;
	private final ClaimProductCache products;

	public MemberCoverReader(DaoRegistry daos, ClaimProductCache products) {
		this.daos = daos;
		this.products = products;
	}

	static Optional<String> familyOf(Patient patient) {
		Extension family = patient.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE);
		if (family == null || !(family.getValue() instanceof Reference reference) || !reference.hasReference()) {
			return Optional.empty();
		}
		return Optional.of(new IdType(reference.getReference()).toUnqualifiedVersionless().getValue());
	}

	public List<Coverage> policiesOf(String family) {
		List<Coverage> policies = new ArrayList<>();
		for (IBaseResource found : daos.getResourceDao(Coverage.class)
				.search(SearchParameterMap.newSynchronous("family", new ReferenceParam(family)), new SystemRequestDetails())
				.getAllResources()) {
			policies.add((Coverage) found);
		}
		return policies;
	}

	/**
	 * The policies that may cover the insuree: their family's, and those of families they have left on which their
	 * cover was recorded when they left (openIMIS finds InsureePolicy rows by insuree).
	 */
	public List<Coverage> policiesOf(Patient insuree) {
		String insureeId = insuree.getIdElement().getIdPart();
		Optional<String> current = familyOf(insuree);
		List<Coverage> policies = new ArrayList<>(current.map(this::policiesOf).orElse(List.of()));
		for (IBaseResource found : daos.getResourceDao(Group.class)
				.search(SearchParameterMap.newSynchronous("member", new ReferenceParam("Patient/" + insureeId)), new SystemRequestDetails())
				.getAllResources()) {
			String former = "Group/" + found.getIdElement().getIdPart();
			if (current.map(former::equals).orElse(false)) {
				continue;
			}
			policiesOf(former).stream()
					.filter(policy -> !PolicyMembers.rows(policy, insureeId).isEmpty())
					.forEach(policies::add);
		}
		return policies;
	}

	/**
	 * A policy as the rules see it, with the insuree's own cover on it (joined later, ended early, interrupted while
	 * inactive; an inactive or dead status ending it at the status date) and the number of members it covers on
	 * {@code date}.
	 */
	private Optional<InsureePolicy> insureePolicy(Coverage coverage, Patient insuree, LocalDate date, Map<String, Product> cache,
			Map<String, List<Patient>> families) {
		if (!coverage.hasPeriod() || !coverage.getPeriod().hasEnd() || coverage.getClass_().isEmpty()) {
			return Optional.empty();
		}
		Extension details = coverage.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		PolicyStage stage = PolicyStage.NEW;
		LocalDate effective = null;
		if (details != null) {
			Extension stageExtension = details.getExtensionByUrl("stage");
			if (stageExtension != null && "R".equals(stageExtension.getValue().primitiveValue())) {
				stage = PolicyStage.RENEWAL;
			}
			Extension effectiveExtension = details.getExtensionByUrl("effectiveDate");
			if (effectiveExtension != null) {
				effective = LocalDate.parse(((DateType) effectiveExtension.getValue()).getValueAsString());
			}
		}
		PolicyStatus status = PolicyBuilder.openImisStatus(coverage);
		LocalDate start = LocalDate.parse(coverage.getPeriod().getStartElement().getValueAsString().substring(0, 10));
		LocalDate expiry = LocalDate.parse(coverage.getPeriod().getEndElement().getValueAsString().substring(0, 10));
		if (effective == null) {
			effective = start;
		}
		String productCode = coverage.getClass_().get(0).getValue();
		Product product = cache.computeIfAbsent(productCode, products::product);
		String policyId = "Coverage/" + coverage.getIdElement().getIdPart();
		MemberCover.Cover own = PolicyMembers.cover(coverage, insuree, effective, expiry);
		int members = Math.max(1, coveredMembers(coverage, insuree, effective, expiry, date, families));
		List<InsureePolicy.CoverGap> gaps = own.gaps().stream()
				.map(gap -> new InsureePolicy.CoverGap(gap.effective(), gap.expiry()))
				.toList();
		return Optional.of(new InsureePolicy(policyId, product, stage, status, effective, expiry, own.effective(), own.expiry(),
				members, gaps));
	}

	/** The insuree's policies as the rules see them on {@code date}. */
	public List<InsureePolicy> insureePolicies(List<Coverage> coverages, Patient insuree, LocalDate date) {
		Map<String, Product> productsByCode = new HashMap<>();
		Map<String, List<Patient>> families = new HashMap<>();
		List<InsureePolicy> policies = new ArrayList<>();
		for (Coverage coverage : coverages) {
			insureePolicy(coverage, insuree, date, productsByCode, families).ifPresent(policies::add);
		}
		return policies;
	}

	/**
	 * The people the policy covers on {@code date} (openIMIS counts the policy's InsureePolicy rows valid on it): the
	 * members of its family, present and former, each with their own cover.
	 */
	private int coveredMembers(Coverage policy, Patient insuree, LocalDate effective, LocalDate expiry, LocalDate date,
			Map<String, List<Patient>> families) {
		String family = Optional.ofNullable(PolicyMembers.familyId(policy)).map(id -> "Group/" + id)
				.or(() -> familyOf(insuree)).orElse(null);
		if (family == null) {
			return 1;
		}
		List<MemberCover.Cover> covers = families.computeIfAbsent(family, this::peopleOf).stream()
				.map(person -> PolicyMembers.cover(policy, person, effective, expiry))
				.toList();
		return MemberCover.coveredOn(covers, date);
	}

	/** Everyone who is or was a member of the family. */
	private List<Patient> peopleOf(String family) {
		Group group;
		try {
			group = daos.getResourceDao(Group.class).read(new IdType(family), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return List.of();
		}
		TokenOrListParam ids = new TokenOrListParam();
		group.getMember().stream()
				.map(member -> member.getEntity().getReferenceElement())
				.filter(reference -> "Patient".equals(reference.getResourceType()) && reference.hasIdPart())
				.map(reference -> reference.getIdPart())
				.distinct()
				.forEach(id -> ids.addOr(new TokenParam(id)));
		if (ids.getValuesAsQueryTokens().isEmpty()) {
			return List.of();
		}
		List<Patient> people = new ArrayList<>();
		for (IBaseResource found : daos.getResourceDao(Patient.class)
				.search(SearchParameterMap.newSynchronous().add("_id", ids), new SystemRequestDetails()).getAllResources()) {
			people.add((Patient) found);
		}
		return people;
	}
}
