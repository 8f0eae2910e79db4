package org.imisfhir.programme;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.claim.ClaimReader;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.rules.ClaimProgrammeRule;
import org.imisfhir.programme.rules.HeldPolicy;
import org.imisfhir.programme.rules.ProgrammeTerms;
import org.imisfhir.programme.rules.VoucherStatus;

/**
 * A claim's programme, on entry and on every edit by a facility: it must be offered at the facility and held by the
 * insuree's family through a policy covering the date of care ({@link ClaimProgrammeRule}); a claim naming none gets
 * the only one there is. A claim of a programme whose claims carry their voucher (CCS) must have as its code a
 * voucher already used by the beneficiary's enrolment. Facilities that offer no programme are left alone.
 */
@Interceptor
public class ProgrammeClaimInterceptor {

	private final DaoRegistry daos;
	private final Programmes programmes;

	public ProgrammeClaimInterceptor(DaoRegistry daos, Programmes programmes) {
		this.daos = daos;
		this.programmes = programmes;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Claim claim && !(request instanceof SystemRequestDetails)) {
			check(claim);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		if (resource instanceof Claim claim && !(request instanceof SystemRequestDetails)) {
			check(claim);
		}
	}

	void check(Claim claim) {
		Set<String> named = programmes.namedBy(claim);
		Optional<Organization> facility = read(Organization.class, claim.getProvider());
		Set<String> offered = facility.map(programmes::namedBy).orElse(Set.of());
		if (offered.isEmpty() && named.isEmpty()) {
			return;
		}
		LocalDate dateOfCare = ClaimReader.targetDate(claim);
		List<HeldPolicy> held = read(Patient.class, claim.getPatient())
				.flatMap(ProgrammeClaimInterceptor::familyOf)
				.map(family -> ProgrammePolicies.heldByFamily(daos, family, null))
				.orElse(List.of());
		Optional<String> asked = named.stream().findFirst();
		ClaimProgrammeRule.Choice choice = ClaimProgrammeRule.choose(asked, offered, held, dateOfCare == null ? LocalDate.now() : dateOfCare);
		String facilityName = facility.map(Organization::getName).orElse(String.valueOf(claim.getProvider().getReference()));
		choice.refusal().ifPresent(refusal -> {
			throw switch (refusal) {
				case CLAIM_PROGRAMME_NOT_OFFERED -> ImisRuleException.businessRule(
						ProgrammeViolation.CLAIM_PROGRAMME_NOT_OFFERED, asked.orElse(""), facilityName);
				case CLAIM_PROGRAMME_NOT_HELD -> ImisRuleException.businessRule(
						ProgrammeViolation.CLAIM_PROGRAMME_NOT_HELD, asked.orElse(""), String.valueOf(dateOfCare));
				default -> ImisRuleException.businessRule(ProgrammeViolation.CLAIM_PROGRAMME_AMBIGUOUS,
						String.join(", ", ClaimProgrammeRule.available(offered, held, dateOfCare)));
			};
		});
		if (choice.programme().isEmpty()) {
			return;
		}
		String programme = choice.programme().get();
		if (asked.isEmpty()) {
			programmes.idOf(programme).ifPresent(id ->
					claim.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference("PlanDefinition/" + id))));
		}
		ProgrammeTerms terms = programmes.terms().getOrDefault(programme, ProgrammeTerms.plain(programme));
		if (terms.claimCodeIsVoucher()) {
			checkVoucher(ClaimReader.code(claim), programme);
		}
	}

	private void checkVoucher(String code, String programme) {
		List<IBaseResource> found = code == null ? List.of() : daos.getResourceDao(Basic.class)
				.search(SearchParameterMap.newSynchronous("voucher-number", new TokenParam(Vouchers.NUMBER_SYSTEM, code)),
						new SystemRequestDetails())
				.getResources(0, 1);
		if (found.isEmpty()) {
			throw ImisRuleException.businessRule(ProgrammeViolation.CLAIM_VOUCHER_UNKNOWN, String.valueOf(code), programme);
		}
		VoucherStatus status = Vouchers.status((Basic) found.get(0));
		if (status != VoucherStatus.USED) {
			throw ImisRuleException.businessRule(ProgrammeViolation.CLAIM_VOUCHER_NOT_USED, code, status.code());
		}
	}

	private static Optional<String> familyOf(Patient patient) {
		Extension family = patient.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE);
		return family != null && family.getValue() instanceof Reference reference && reference.hasReference()
				? Optional.of(reference.getReferenceElement().toUnqualifiedVersionless().getValue())
				: Optional.empty();
	}

	private <T extends IBaseResource> Optional<T> read(Class<T> type, Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(daos.getResourceDao(type)
					.read(reference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails()));
		} catch (ResourceNotFoundException | ResourceGoneException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
